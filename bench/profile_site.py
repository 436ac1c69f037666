"""Where a live rebuild of the docs site goes: one save's rebuild as ``make serve-docs`` does it, timed
per language pass, per hook and plugin event, and per page, then a cProfile summary. Prints JSON.

Usage: python bench/profile_site.py STAGED_MKDOCS_YML [--full] [--profile]

The staged project (``python -m generator.site ... --out DIR``) is built once in this process by the
live server's builder (docs_site/serve.py; its first build, after which imports, PyThaiNLP's
dictionary and the theme are warm), then one Thai page's source is changed as a save would change
it and the builder builds again: partially (only what changed), or with ``--full`` the whole site,
as ``mkdocs serve`` rebuilt on every save before.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import logging
import os
import pstats
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("PYTHAINLP_DATA", str(ROOT / "build" / "pythainlp-data"))

import mkdocs.commands.build as mkbuild  # noqa: E402
import mkdocs.plugins  # noqa: E402

sys.path.insert(0, str(ROOT / "docs_site"))
import serve  # noqa: E402  (docs_site/serve.py)

EDITED = "th/objects/user.md"
OLD, NEW = "ชื่อโปรไฟล์ของผู้ใช้", "ชื่อโปรไฟล์ของผู้ใช้ที่แก้ไขแล้ว"


class Timings:
    """Wall time per event method, per page and per language pass of the build being measured."""

    def __init__(self) -> None:
        self.events: dict[str, float] = defaultdict(float)
        self.pages: dict[str, float] = defaultdict(float)
        self.languages: list[tuple[str, float]] = []
        self.nested = 0.0

    def install(self) -> None:
        timings = self

        def run_event(collection: Any, name: str, item: Any = None, **kwargs: Any) -> Any:
            pass_item = item is not None
            for method in collection.events[name]:
                origin = collection._event_origins.get(method, "<unknown>")
                start = time.perf_counter()
                result = method(item, **kwargs) if pass_item else method(**kwargs)
                timings.events[f"{name} {origin}"] += time.perf_counter() - start
                if result is not None:
                    item = result
            return item

        mkdocs.plugins.PluginCollection.run_event = run_event  # type: ignore[method-assign]
        for name in ("_populate_page", "_build_page"):
            original = getattr(mkbuild, name)
            setattr(mkbuild, name, self._per_page(original))
        build = self._per_language(mkbuild.build)
        mkbuild.build = build  # type: ignore[assignment]
        import mkdocs_static_i18n.plugin as i18n

        i18n.build = build  # type: ignore[attr-defined]
        serve.build = build  # type: ignore[attr-defined]

    def _per_page(self, original: Callable[..., Any]) -> Callable[..., Any]:
        def timed(page: Any, *args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return original(page, *args, **kwargs)
            finally:
                self.pages[page.file.dest_uri] += time.perf_counter() - start

        return timed

    def _per_language(self, original: Callable[..., Any]) -> Callable[..., Any]:
        def timed(config: Any, **kwargs: Any) -> Any:
            i18n = config.plugins.get("i18n")
            locale = str(i18n.current_language or i18n.default_language) if i18n is not None else "-"
            nested_before, start = self.nested, time.perf_counter()
            try:
                return original(config, **kwargs)
            finally:
                took = time.perf_counter() - start
                inner = self.nested - nested_before
                self.languages.append((locale, took - inner))
                self.nested = nested_before + took

        return timed


def edit(docs: Path) -> None:
    page = docs / EDITED
    text = page.read_text("utf-8")
    assert OLD in text, f"{OLD} not in {page}"
    page.write_text(text.replace(OLD, NEW, 1), "utf-8")
    later = time.time() + 1  # newer than anything the first build wrote
    os.utime(page, (later, later))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("config", type=Path)
    parser.add_argument("--full", action="store_true", help="rebuild the whole site, as mkdocs serve did")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    kept = serve.theme_work_kept()
    kept.__enter__()
    site = Path(tempfile.mkdtemp(prefix="specgen-profile-site-"))
    docs = args.config.parent / "docs"
    original = (docs / EDITED).read_text("utf-8")
    builder = serve.Builder(args.config, site, "http://127.0.0.1:8000/", partial=not args.full)

    def rebuild() -> float:
        config = builder.config()
        start = time.perf_counter()
        builder(config)
        return time.perf_counter() - start

    try:
        cold = rebuild()
        edit(docs)
        timings = Timings()
        timings.install()
        profiler = cProfile.Profile() if args.profile else None
        if profiler:
            profiler.enable()
        warm = rebuild()
        if profiler:
            profiler.disable()
    finally:
        (docs / EDITED).write_text(original, "utf-8")
        shutil.rmtree(site)
    out: dict[str, Any] = {
        "first_build_s": round(cold, 3),
        "rebuild_s": round(warm, 3),
        "partial": builder.partial_builds == 1,
        "per_language_s": [(lang, round(t, 3)) for lang, t in timings.languages],
        "per_event_s": {
            k: round(v, 3) for k, v in sorted(timings.events.items(), key=lambda x: -x[1]) if v >= 0.005
        },
        "pages": len(timings.pages),
        "per_page_s": {k: round(v, 3) for k, v in sorted(timings.pages.items(), key=lambda x: -x[1])[:12]},
    }
    print(json.dumps(out, indent=2, ensure_ascii=False))
    if profiler:
        stream = io.StringIO()
        pstats.Stats(profiler, stream=stream).sort_stats("cumulative").print_stats(45)
        print(stream.getvalue())


if __name__ == "__main__":
    main()
