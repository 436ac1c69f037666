"""``specgen watch``: generate, then again on every save of a spec file or template, until Ctrl-C.

Each regeneration is the ``generate`` command's own work (:func:`generator.cli.render`, then the
writer), reported the way every command reports: a bad spec prints its problems at
``FILE:LINE:COL`` exactly as ``validate`` does and leaves the output directory untouched (the
writer is all-or-nothing), a bug in the toolkit prints the exit-3 message. Either way the watch
goes on; a successful run prints one line (files changed, time taken). Ctrl-C (or SIGTERM)
stops it with exit 0.

Changes come from ``watchfiles`` (inotify on Linux). An editor's save is often a burst of
events (a backup file, a rename, a chmod): they are gathered until ``STEP_MS`` pass without a new
one, then regenerated once. The watched folders are the spec's (not recursive: a spec is one file
or a folder's ``*.yaml``) and every folder of the built-in and override templates; a template save
makes the next run read the templates again.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

from generator.cli import EXIT_OK, Rendered, guarded, render
from generator.paths import TEMPLATES
from generator.pipeline import Incremental
from generator.writer import Comparison

# Wait this long after the last event of a burst before regenerating (an editor's save settles
# within a few ms); at most MAX_GROUP_MS of a continuous stream of events is gathered into one run.
STEP_MS = 50
MAX_GROUP_MS = 1600
IDLE_MS = 250  # how often, with no event, the spec files are checked and stop_check is asked
SPEC_SUFFIXES = (".yaml", ".yml")
TEMPLATE_SUFFIX = ".j2"
INTERRUPTED = 130  # what cli.guarded returns when Ctrl-C cut a run short

AfterWrite = Callable[[Rendered, Comparison], None]


class Watch:
    """One watch session: the inputs, the output folder, and what to do after each good run."""

    def __init__(
        self, spec: Path, out: Path, templates: Path | None = None, after: AfterWrite | None = None
    ) -> None:
        self.spec = spec
        self.out = out
        self.templates = templates
        self.after = after
        self.overrides: tuple[Path, ...] = (templates.resolve(),) if templates is not None else ()
        self.stamps: frozenset[tuple[Path, int, int]] = (
            frozenset()
        )  # the spec files as the last run read them
        # The units of the last run, kept between runs: a save re-renders only what it changed.
        self.incremental = Incremental()

    def regenerate(self) -> int:
        """Generate once and report it; the status as the ``generate`` command would exit."""
        from generator import writer

        start = time.perf_counter()
        self.stamps = _stamps(self.spec)
        done: list[tuple[Rendered, Comparison]] = []

        def work() -> int:
            rendered = render(self.spec, self.templates, self.incremental)
            done.append((rendered, writer.write_tree(self.out, rendered.files)))
            return EXIT_OK

        status = _guarded_keep_going(work)
        if status == INTERRUPTED:
            raise KeyboardInterrupt
        if not done:
            print(f"{_now()} {self.out}: last good output kept; watching for the next save", file=sys.stderr)
            return status
        rendered, comparison = done[0]
        self.overrides = rendered.templates
        print(
            f"{_now()} {_summary(self.out, comparison, len(rendered.files))} ({time.perf_counter() - start:.2f} s)"
        )
        sys.stdout.flush()
        after = self.after
        if after is not None:  # a failure here (staging the docs site) is reported; the watch goes on
            _guarded_keep_going(lambda: _then(after, rendered, comparison))
        return status

    def folders(self) -> list[Path]:
        """Every folder to watch: the spec's, and each folder of every template tree."""
        spec = self.spec.resolve()
        found = [spec if spec.is_dir() else spec.parent]
        for root in (TEMPLATES, *self.overrides):
            if root.is_dir():
                found.append(root)
                found.extend(
                    sorted(Path(d) / n for d, names, _ in os.walk(root) for n in names if n != "__pycache__")
                )
        return found

    def relevant(self, path: Path) -> bool:
        """Whether a changed path is a spec file or a template (anything else is ignored)."""
        spec = self.spec.resolve()
        if spec.is_dir():
            if path.parent == spec and path.suffix in SPEC_SUFFIXES:
                return True
        elif path == spec:
            return True
        roots = (TEMPLATES, *self.overrides)
        return path.suffix == TEMPLATE_SUFFIX and any(path.is_relative_to(r) for r in roots)

    def batches(self, stop_check: Callable[[], bool] | None = None) -> Iterator[set[Path] | None]:
        """Each burst of relevant changes, until ``stop_check()`` (asked every ``IDLE_MS``) is true.

        ``None`` first, and again whenever the watcher is started anew (the folders changed): the
        watcher is live from then on, so generating then misses no save. Every ``IDLE_MS`` the
        spec files' sizes and times are compared with the last run's too.
        """
        import watchfiles

        while True:
            folders = self.folders()
            started = False
            for changes in watchfiles.watch(
                *[f for f in folders if f.is_dir()],
                debounce=MAX_GROUP_MS,
                step=STEP_MS,
                recursive=False,
                yield_on_timeout=True,
                rust_timeout=IDLE_MS,
                raise_interrupt=True,
            ):
                if stop_check is not None and stop_check():
                    return
                relevant = self._pending({p for _, p in changes})
                if not started or relevant:
                    yield relevant if started else None
                    started = True
                if self.folders() != folders:  # a new template folder, or the spec's `templates:` moved
                    break

    def _pending(self, changed: set[str]) -> set[Path]:
        """The relevant paths of an event batch; with no event, the spec files changed since the last run."""
        if not changed:
            return {path for path, _, _ in self.stamps ^ _stamps(self.spec)}
        return {Path(p) for p in changed if self.relevant(Path(p))}

    def run(self, stop_check: Callable[[], bool] | None = None) -> int:
        """Generate now and after every save until Ctrl-C or SIGTERM (or ``stop_check()``); exit 0."""
        from generator import writer
        from generator.templating import reload_templates
        from generator.yaml_source import spec_files

        if self.spec.exists():  # as generate does: replacing --out must never delete the spec
            writer.refuse_sources_inside(self.out, spec_files(self.spec))
        # Ctrl-C and SIGTERM stop the watch, even when started with SIGINT ignored (a background job).
        previous = signal.signal(signal.SIGTERM, _interrupt), signal.signal(signal.SIGINT, _interrupt)
        announced = False
        try:
            for changed in self.batches(stop_check):
                if changed is None or any(p.suffix == TEMPLATE_SUFFIX for p in changed):
                    reload_templates()
                self.regenerate()
                if not announced:
                    print(f"watching {_shown(self.spec)} and the templates; Ctrl-C stops", flush=True)
                    announced = True
        except KeyboardInterrupt:
            pass
        finally:
            signal.signal(signal.SIGTERM, previous[0])
            signal.signal(signal.SIGINT, previous[1])
        print("watch stopped", flush=True)
        return EXIT_OK


def _stamps(spec: Path) -> frozenset[tuple[Path, int, int]]:
    """Each spec file with its modification time and size (nothing, for a spec that is not there)."""
    from generator.yaml_source import spec_files

    found = set()
    for path in spec_files(spec) if spec.exists() else []:
        try:
            stat = path.stat()
        except OSError:
            continue
        found.add((path.resolve(), stat.st_mtime_ns, stat.st_size))
    return frozenset(found)


def _then(after: AfterWrite, rendered: Rendered, comparison: Comparison) -> int:
    after(rendered, comparison)
    return EXIT_OK


def _guarded_keep_going(work: Callable[[], int]) -> int:
    """``cli.guarded``, except that with SPECGEN_DEBUG a bug prints its traceback and the watch goes on."""
    try:
        return guarded(work)
    except Exception:  # noqa: BLE001 - only reached with SPECGEN_DEBUG set, where guarded re-raises
        traceback.print_exc()
        return 3


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _now() -> str:
    return time.strftime("%H:%M:%S")


def _shown(path: Path) -> str:
    from generator.yaml_source import display_name

    return display_name(path)


def _summary(out: Path, comparison: Comparison, total: int) -> str:
    if comparison.clean:
        return f"{_shown(out)}: up to date ({total} files)"
    changed = _counted(len(comparison.changed), "changed")
    extra = [
        _counted(n, w)
        for n, w in ((len(comparison.missing), "new"), (len(comparison.orphans), "removed"))
        if n
    ]
    return f"{_shown(out)}: {', '.join([changed, *extra])}"


def _counted(count: int, what: str) -> str:
    return f"{count} file{'s' if count != 1 else ''} {what}" if what == "changed" else f"{count} {what}"


def run(args: argparse.Namespace) -> int:
    """The ``watch`` command."""
    return Watch(args.spec, args.out, args.templates).run()
