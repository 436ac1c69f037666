"""The docs site, live (``make serve-docs``): save the spec, see the page change in the browser.

One process tree: this process watches the spec and the templates (:mod:`generator.watch`), and
after each good regeneration stages the MkDocs sources again (:func:`generator.site.stage`, through
the writer), then rewrites a trigger file beside the staging folder. The child, ``docs_site/serve.py``
(MkDocs' own live-reload server), rebuilds when the trigger changes, so never on a half-staged
project, renders only the pages whose source changed (a full build when the config or the set of
pages changed), and tells the open pages to reload. A bad spec prints its problems and changes
nothing, so the site keeps showing the last good pages. Ctrl-C (or SIGTERM) stops both; the server
binds 127.0.0.1 only.

A checkout's feature: the server and the site's hooks live in ``docs_site/`` beside the toolkit, and
MkDocs comes from ``requirements/docs.lock``.
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
SERVER = (
    "docs_site/serve.py"  # MkDocs' live-reload server, rebuilding only what changed; from the project root
)
STOP_WAIT_S = 5.0  # for each signal of stop(): SIGINT, then SIGTERM, then SIGKILL


class LiveSite:
    """The staged MkDocs project and the docs server child (``docs_site/serve.py``) that serves it."""

    def __init__(self, spec: Path, staging: Path, port: int) -> None:
        self.spec = spec
        self.staging = staging
        self.port = port
        self.server: subprocess.Popen[bytes] | None = None
        self.staged = 0  # how many times the project was staged

    def after(self, rendered: Rendered, comparison: Comparison) -> None:
        """Stage the sources for this output; start the server after the first good run."""
        # Served from the local server's root, wherever the spec says the site is published
        # (the server mounts the site at site_url's path, as mkdocs serve does).
        local = f"http://{HOST}:{self.port}/"
        staged = stage(
            self.spec,
            rendered.project,
            rendered.files,
            self.staging,
            self.staging.parent / "site",
            local,
        )
        if staged.clean and self.server is not None:
            return  # nothing the site shows changed (the save changed only other outputs)
        self.staged += 1
        # The server rebuilds when this file changes: only now is the staged project complete.
        # Written to a temporary name and renamed, so it is never seen half-written.
        fresh = self.trigger.with_name(self.trigger.name + ".tmp")
        fresh.write_text(f"{self.staged}\n", encoding="utf-8")
        os.replace(fresh, self.trigger)
        if self.server is None:
            self.server = self._start()

    @property
    def trigger(self) -> Path:
        """The file the server watches: rewritten after each staging."""
        return self.staging.parent / f"{self.staging.name}.staged"

    def _start(self) -> subprocess.Popen[bytes]:
        command = [sys.executable, str(PROJECT_ROOT / SERVER), "--config-file", str(self.staging / CONFIG)]
        command += ["--dev-addr", f"{HOST}:{self.port}", "--trigger", str(self.trigger)]
        env = dict(os.environ)
        env.setdefault("NO_MKDOCS_2_WARNING", "1")
        env.setdefault("PYTHAINLP_DATA", str(PROJECT_ROOT / "build" / "pythainlp-data"))
        print(
            f"serving the site on http://{HOST}:{self.port}/ ({SERVER}; it reloads open pages)",
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
        print(f"the docs server ended by itself (status {ended}); the watch stopped too", file=sys.stderr)
        return 1
    return status


if __name__ == "__main__":
    sys.exit(main())
