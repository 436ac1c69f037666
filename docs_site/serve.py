"""The live docs server of ``make serve-docs``: MkDocs' own live-reload server, rebuilding only the pages
a save changed.

    python docs_site/serve.py --config-file STAGED/mkdocs.yml --dev-addr 127.0.0.1:8000 --trigger FILE

generator/site_live.py starts it once the MkDocs project is first staged, and rewrites FILE each time it
has staged the project again. It serves as ``mkdocs serve`` does (MkDocs' ``LiveReloadServer``, the
site in a temporary folder, a fresh config for each build, open pages reload when a build is done),
with two differences:

1. It rebuilds when FILE changes (polled every 25 ms), never on the staged files themselves: no build
   starts on a half-written staging folder, and none waits for ``mkdocs serve``'s 0.5 s poll, nor
   for its 0.1 s of quiet after a change (FILE is written once, by a rename).
2. A rebuild renders only what changed, when it can. With the config and the set of pages as the last
   build had them, it is MkDocs' dirty build (``mkdocs build --dirty``: only pages whose source is
   newer than their HTML are rendered, and files copied only when newer), which the site's hooks
   complete: the search index keeps every other page's entries (docs_site/hooks/thai_search.py).
   MkDocs' own warning that a dirty build may leave navigation stale does not apply: the navigation
   and every page's title are in the config, and any change to the config, or a page added or
   removed, makes the next build a full one (the site folder emptied first), as does a failed build.
   A source whose content changed since the last build is rendered again even when its mtime does
   not say so (a save staged while that build was reading it). ``--full`` turns partial builds off.
3. What every build of a session repeats for the theme, which does not change while it runs, is done
   once: the Jinja templates are compiled once (a bytecode cache; Jinja checks each template's
   source against it) and the theme's static files are listed once (Material ships thousands).

The pages and the search index of a partial build are a full build's, byte for byte
(tests/test_docs_partial.py).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import logging
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("PYTHAINLP_DATA", str(ROOT / "build" / "pythainlp-data"))

import jinja2  # noqa: E402
from mkdocs import utils  # noqa: E402
from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.livereload import LiveReloadServer  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402
from mkdocs.theme import Theme  # noqa: E402

log = logging.getLogger("mkdocs.specgen_serve")
TRIGGER_POLL_S = 0.025
# What MkDocs logs at the start of every dirty build (a warning, so a strict build would stop).
DIRTY_NOTICE = "A 'dirty' build is being performed"
# mkdocs-static-i18n builds its other languages dirty when this is in sys.argv (it cannot see the
# `dirty` the first language was built with).
DIRTY_FLAG = "--dirty"


@dataclass(frozen=True)
class Sources:
    """The staged project as a build read it: the config's digest and each docs file's."""

    config: str
    files: dict[str, str]

    @classmethod
    def read(cls, config_file: Path, docs_dir: Path) -> Sources:
        files = {
            p.relative_to(docs_dir).as_posix(): _digest(p) for p in sorted(docs_dir.rglob("*")) if p.is_file()
        }
        return cls(_digest(config_file), files)

    def same_site(self, other: Sources) -> bool:
        """Whether a dirty build after ``other`` gives a full build's site: same config, same pages."""
        return self.config == other.config and self.files.keys() == other.files.keys()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class _DropDirtyNotice(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_NOTICE)


@contextlib.contextmanager
def _dirty_build(dirty: bool) -> Iterator[None]:
    """``sys.argv`` with ``--dirty`` for a dirty build (without it otherwise), and MkDocs' notice of
    one dropped."""
    saved = sys.argv[:]
    sys.argv[:] = [a for a in saved if a != DIRTY_FLAG] + ([DIRTY_FLAG] if dirty else [])
    notice, drop = logging.getLogger("mkdocs.commands.build"), _DropDirtyNotice()
    notice.addFilter(drop)
    try:
        yield
    finally:
        notice.removeFilter(drop)
        sys.argv[:] = saved


class _TemplateCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory for the session (Jinja compares each one's source checksum)."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


@contextlib.contextmanager
def theme_work_kept() -> Iterator[None]:
    """Compile the theme's templates and list its static files once, not once per build, while open."""
    cache = _TemplateCache()
    get_env = Theme.get_env
    add_files_from_theme = Files.add_files_from_theme
    listed: dict[tuple[Any, ...], list[File]] = {}

    def get_env_cached(theme: Theme) -> jinja2.Environment:
        env = get_env(theme)
        env.bytecode_cache = cache
        return env

    def add_files_from_theme_once(files: Files, env: jinja2.Environment, config: Any) -> None:
        key = (tuple(config.theme.dirs), tuple(config.theme.static_templates), config.site_dir)
        key += (config.use_directory_urls,)
        if key not in listed:
            found = Files([])
            add_files_from_theme(found, env, config)
            listed[key] = list(found)
        for theme_file in listed[key]:
            if files.get_file_from_path(theme_file.src_uri) is None:
                files.append(
                    File(theme_file.src_uri, theme_file.src_dir, config.site_dir, config.use_directory_urls)
                )

    Theme.get_env = get_env_cached  # type: ignore[method-assign]
    Files.add_files_from_theme = add_files_from_theme_once  # type: ignore[method-assign]
    try:
        yield
    finally:
        Theme.get_env = get_env  # type: ignore[method-assign]
        Files.add_files_from_theme = add_files_from_theme  # type: ignore[method-assign]


class Builder:
    """Builds the site into ``site_dir``: fully the first time and whenever it must, partially otherwise."""

    def __init__(self, config_file: Path, site_dir: Path, serve_url: str, partial: bool = True) -> None:
        self.config_file = config_file
        self.site_dir = site_dir
        self.serve_url = serve_url
        self.partial = partial
        self.last: Sources | None = None  # what the last good build read; None: the next is full
        self.partial_builds = 0

    def config(self) -> Any:
        config = load_config(config_file=str(self.config_file), site_dir=str(self.site_dir))
        config.site_url = self.serve_url
        return config

    def __call__(self, config: Any = None) -> None:
        config = config if config is not None else self.config()
        sources = Sources.read(self.config_file, Path(config.docs_dir))
        last, self.last = self.last, None
        dirty = self.partial and last is not None and sources.same_site(last)
        if dirty:
            assert last is not None
            self._mark_changed(Path(config.docs_dir), sources, last)
        else:
            utils.clean_directory(str(self.site_dir))
        with _dirty_build(dirty):
            build(config, serve_url=self.serve_url, dirty=dirty)
        self.last = sources
        self.partial_builds += dirty

    @staticmethod
    def _mark_changed(docs_dir: Path, sources: Sources, last: Sources) -> None:
        """Give each source that changed since the last build an mtime newer than any page built."""
        now = time.time()
        for path, digest in sources.files.items():
            if last.files[path] != digest:
                os.utime(docs_dir / path, (now, now))


def serve(config_file: Path, host: str, port: int, trigger: Path, partial: bool = True) -> None:
    """Build the site, serve it with live reload, rebuild on each change of ``trigger`` until Ctrl-C."""
    site_dir = Path(tempfile.mkdtemp(prefix="specgen_live_"))
    config = load_config(config_file=str(config_file), site_dir=str(site_dir))
    # Plugins are told the session is not dirty: Material's search plugin would then merge each
    # index with the last one its own way (it assumes one page per rebuild, and with
    # mkdocs-static-i18n's second build it duplicates entries); the site's search hook does it.
    config.plugins.on_startup(command="serve", dirty=False)
    server = None
    try:
        builder = Builder(config_file, site_dir, "", partial)
        server = LiveReloadServer(
            builder=builder,
            host=host,
            port=port,
            root=str(site_dir),
            mount_path=urlsplit(config.site_url or "/").path,
            polling_interval=TRIGGER_POLL_S,
        )
        server.build_delay = 0.0  # the trigger is written once, whole: no burst of changes to wait out
        builder.serve_url = config.site_url = server.url
        server.error_handler = lambda code: _error_page(site_dir, code)
        with theme_work_kept():
            builder(config)
            server.watch(str(trigger), recursive=False)
            server = config.plugins.on_serve(server, config=config, builder=builder)
            server.serve()
    except KeyboardInterrupt:
        log.info("Shutting down...")
    finally:
        if server is not None:
            server.shutdown()
        config.plugins.on_shutdown()
        utils.clean_directory(str(site_dir))
        site_dir.rmdir()


def _error_page(site_dir: Path, code: int) -> bytes | None:
    page = site_dir / f"{code}.html"
    return page.read_bytes() if code in (404, 500) and page.is_file() else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--config-file", type=Path, required=True)
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="HOST:PORT")
    parser.add_argument("--trigger", type=Path, required=True, help="rebuild when this file changes")
    parser.add_argument("--full", action="store_true", help="rebuild the whole site every time")
    args = parser.parse_args(argv)
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(handler)
    mkdocs_log.setLevel(logging.INFO)
    host, _, port = args.dev_addr.rpartition(":")
    serve(args.config_file, host, int(port), args.trigger, partial=not args.full)
    return 0


if __name__ == "__main__":
    sys.exit(main())
