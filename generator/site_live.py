"""The docs site, live (``make serve-docs``): save the spec, see the page change in the browser.

One process tree: this process watches the spec and the templates (:mod:`generator.watch`), and
after each good regeneration stages the MkDocs sources again (:func:`generator.site.stage`, through
the writer); a child ``mkdocs serve`` (MkDocs' own live reload) sees the staged files change,
rebuilds, and tells the open pages to reload. A bad spec prints its problems and changes nothing,
so the site keeps showing the last good pages. Ctrl-C (or SIGTERM) stops both; the server binds
127.0.0.1 only.

MkDocs watches the folder that holds the staging folder, not only the staging folder itself: the
writer replaces the staging folder whole (a rename), and MkDocs' polling watcher stops watching a
folder that disappears.

A checkout's feature: the site's hooks live in ``docs_site/`` beside the toolkit, and MkDocs comes
from ``requirements/docs.lock``.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
from pathlib import Path

from generator.cli import Rendered
from generator.site import CONFIG, PROJECT_ROOT, stage
from generator.watch import Watch
from generator.writer import Comparison

HOST = "127.0.0.1"
STOP_WAIT_S = 5.0  # for each signal of stop(): SIGINT, then SIGTERM, then SIGKILL


class LiveSite:
    """The staged MkDocs project and the ``mkdocs serve`` child that serves it."""

    def __init__(self, spec: Path, staging: Path, port: int) -> None:
        self.spec = spec
        self.staging = staging
        self.port = port
        self.server: subprocess.Popen[bytes] | None = None

    def after(self, rendered: Rendered, comparison: Comparison) -> None:
        """Stage the sources for this output; start the server after the first good run."""
        # Served from the local server's root, wherever the spec says the site is published
        # (mkdocs serve mounts the site at site_url's path).
        local = f"http://{HOST}:{self.port}/"
        stage(self.spec, rendered.project, rendered.files, self.staging, self.staging.parent / "site", local)
        if self.server is None:
            self.server = self._start()

    def _start(self) -> subprocess.Popen[bytes]:
        command = [sys.executable, "-m", "mkdocs", "serve", "--config-file", str(self.staging / CONFIG)]
        command += ["--dev-addr", f"{HOST}:{self.port}", "--livereload"]
        command += ["--watch", str(self.staging.parent.absolute())]
        env = dict(os.environ)
        env.setdefault("NO_MKDOCS_2_WARNING", "1")
        env.setdefault("PYTHAINLP_DATA", str(PROJECT_ROOT / "build" / "pythainlp-data"))
        print(
            f"serving the site on http://{HOST}:{self.port}/ (mkdocs serve; it reloads open pages)",
            flush=True,
        )
        # Its own process group: Ctrl-C reaches it once, from stop(), after this process has seen it.
        return subprocess.Popen(command, env=env, start_new_session=True)

    def gone(self) -> bool:
        """Whether the server was started and has ended on its own."""
        return self.server is not None and self.server.poll() is not None

    def stop(self) -> int | None:
        """Stop the server as Ctrl-C would (then harder if it lingers); its exit status."""
        if self.server is None:
            return None
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGKILL):
            if self.server.poll() is not None:
                break
            os.killpg(self.server.pid, signum)
            try:
                self.server.wait(STOP_WAIT_S)
            except subprocess.TimeoutExpired:
                continue
        return self.server.returncode


def main(argv: list[str] | None = None) -> int:
    """Watch the spec and serve the docs site live on 127.0.0.1 until Ctrl-C."""
    parser = argparse.ArgumentParser(prog="python -m generator.site_live", description=main.__doc__)
    parser.add_argument("--spec", type=Path, default=Path("spec"))
    parser.add_argument("--out", type=Path, default=Path("generated"), help="the generated output (written)")
    parser.add_argument(
        "--stage", type=Path, default=Path("build/live/docs-src"), help="the staged MkDocs project (written)"
    )
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    site = LiveSite(args.spec, args.stage, args.port)
    died = False
    try:
        status = Watch(args.spec, args.out, after=site.after).run(stop_check=site.gone)
        died = site.gone()
    finally:
        ended = site.stop()
    if died:
        print(f"mkdocs serve ended by itself (status {ended}); the watch stopped too", file=sys.stderr)
        return 1
    return status


if __name__ == "__main__":
    sys.exit(main())
