"""Command line: ``generate``, ``check``, ``validate``, ``init``, ``templates`` and ``watch``
(:mod:`generator.watch`); ``lint`` and ``i18n`` in :mod:`generator.cli_i18n`.

Bad input exits 2, never with a traceback; a bug (including an OS error on the toolkit's own
files) exits 3.
"""

from __future__ import annotations

import argparse
import gc
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, NoReturn

from generator import cli_diff, cli_i18n
from generator.problems import SpecError

if TYPE_CHECKING:
    from generator.front import FrontCache
    from generator.ir import ProjectIR
    from generator.spec_model import Spec
    from generator.yaml_document import Document
    from generator.output_record import OutputRecord
    from generator.pipeline import Incremental
    from generator.units import FileText

EXIT_OK, EXIT_STALE, EXIT_BAD_INPUT, EXIT_BUG = 0, 1, 2, 3
EXIT_BROKEN_PIPE = 128 + 13  # as a shell reports a process that SIGPIPE ended


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="specgen", description="Generate models, docs, OpenAPI and data from a YAML spec."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name, text in (
        ("generate", "write every output into --out, replacing it in one step"),
        ("check", "exit 1 with a diff if --out is not what generate would write"),
        ("validate", "check the spec only"),
        ("watch", "generate, then again on every save of a spec file or template (Ctrl-C stops)"),
    ):
        cmd = sub.add_parser(name, help=text, description=text)
        cmd.add_argument(
            "--spec", type=Path, default=Path("spec"), help="spec file or directory (default: spec/)"
        )
        if name != "validate":
            cmd.add_argument(
                "--out", type=Path, default=Path("generated"), help="output directory (default: generated/)"
            )
            cmd.add_argument(
                "--templates",
                type=Path,
                default=None,
                metavar="DIR",
                help="a folder of templates that replace built-in ones of the same name",
            )
        else:
            cmd.add_argument(
                "--format",
                choices=("text", "json", "github"),
                default="text",
                help="how to report problems (github: GitHub Actions annotations)",
            )
            cmd.add_argument("--strict", action="store_true", help="lint findings are errors (exit 2)")
    cli_i18n.add_commands(sub)
    cli_diff.add_command(sub)
    from generator import starter

    starter.add_parser(sub)
    sub.add_parser(
        "templates",
        help="list the built-in templates (the names an override replaces)",
        description="list the built-in templates (the names an override replaces)",
    )
    return parser


def _toolkit_fault(exc: OSError) -> bool:
    """Whether an OS error is the toolkit's (a template or file of its own missing): a bug, not bad input."""
    from generator.paths import inside_toolkit

    if type(exc).__module__.startswith("jinja2"):  # TemplateNotFound is an OSError
        return True
    return inside_toolkit(exc.filename) or inside_toolkit(exc.filename2)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    if args.command not in ("validate", "watch"):
        # One run builds millions of small objects and then exits: the cyclic garbage collector
        # would only rescan them (about 15% of a 500-object generation). Reference counting
        # still frees everything that is dropped. (A watch runs for hours: it keeps collecting.)
        gc.disable()
    return guarded(lambda: _run(args), getattr(args, "format", "text"))


def entry() -> NoReturn:
    """The ``specgen`` command and ``python -m generator``: :func:`main`, then an exit that skips
    freeing the run's objects one by one (millions at 500 objects: about 0.15 s) as the
    interpreter's shutdown would. Every command has finished its work by then (files written and
    closed, child processes joined); the output streams are flushed here."""
    if hasattr(signal, "SIGPIPE"):
        # Whoever reads the output may stop reading (`specgen validate --format json | head`): the
        # run then ends as any Unix tool does, by SIGPIPE at its next write. (Python ignores the
        # signal and raises BrokenPipeError instead, but not from a write the pipe took in part.)
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    try:
        status = main()
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # where there is no SIGPIPE: stop quietly all the same
        status = EXIT_BROKEN_PIPE
    os._exit(status)


def guarded(action: Callable[[], int], fmt: str = "text") -> int:
    """Run one command's work and return its exit status: bad input is reported (exit 2), a bug
    is exit 3, a failure never shows a traceback (unless ``SPECGEN_DEBUG`` is set)."""
    from generator.formatting import FormattingError
    from generator.writer import OutputError

    try:
        return action()
    except SpecError as exc:
        if fmt == "json":
            print(exc.to_json())
        elif fmt == "github":
            from generator.annotations import github_annotations

            sys.stdout.write(github_annotations(exc.problems))
        if fmt != "json":
            for problem in exc.problems:
                print(problem.format(), file=sys.stderr)
            count = len(exc.problems)
            print(
                f"{count} problem{'s' if count != 1 else ''} in {getattr(exc, 'what', 'the spec')}; nothing was written.",
                file=sys.stderr,
            )
        return EXIT_BAD_INPUT
    except OutputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except FormattingError as exc:
        print(f"internal error (please report): {exc}", file=sys.stderr)
        return EXIT_BUG
    except BrokenPipeError:
        raise  # the reader of our output went away: entry() stops quietly
    except KeyboardInterrupt:
        print(
            "interrupted; the output directory holds the old tree or the new one, never a mix.",
            file=sys.stderr,
        )
        return 130
    except OSError as exc:
        if _toolkit_fault(exc):
            return _bug(exc)
        # The machine, not the spec: a full disk, a permission, a file that vanished mid-run.
        print(f"error: {exc}; the output directory was left as it was.", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no traceback for users
        return _bug(exc)


def _bug(exc: Exception) -> int:
    if os.environ.get("SPECGEN_DEBUG"):
        raise exc
    print(
        f"internal error (please report, with SPECGEN_DEBUG=1 for the traceback): "
        f"{type(exc).__name__}: {exc}; the output directory was left as it was.",
        file=sys.stderr,
    )
    return EXIT_BUG


def _cached_run(spec: Path, templates: Path | None) -> tuple[str | None, dict[str, str] | None]:
    """The cache key of this generation and the output it produced before, if recorded."""
    from generator import cache
    from generator.yaml_source import read_spec_bytes, source_name, spec_files

    if cache.directory() is None or templates is not None:
        return None, None
    try:
        sources = [(source_name(p), read_spec_bytes(p)) for p in spec_files(spec)]
    except OSError:
        return None, None  # the pipeline reports it properly
    # A run that used the spec's `templates:` folder is never recorded (the key does not cover the
    # folder's files), so a recorded run of these very bytes used none.
    key = cache.run_key(sources)
    return key, cache.lookup(key)


class Rendered(NamedTuple):
    """What ``generate`` computes before it writes."""

    project: ProjectIR
    files: dict[str, FileText]  # every output file, by path relative to --out (lazy: some stored)
    templates: tuple[Path, ...]  # the template override folders used (--templates, the spec's `templates:`)


def render(
    spec_path: Path, templates: Path | None, incremental: Incremental | None = None, *, lazy: bool = False
) -> Rendered:
    """What ``generate`` computes (SpecError on a bad spec), in memory: nothing is written.

    Unchanged units come from the unit cache (generator/units.py): this run's, or, given
    ``incremental``, the one a long-lived process keeps between runs. Template overrides render
    everything. ``lazy``: whole files the cache's index knows may be left there (units.Stored,
    read by the writer only where it must write them).
    """
    from generator import cache, front, ir_cache, overrides, pipeline, units
    from generator.precompile import ChildBytecode
    from generator.templating import environment

    bytecode = cache.jinja_bytecode_cache()
    # Without a bytecode cache, a child compiles the templates while the spec is read and checked.
    compiled = ChildBytecode.start() if bytecode is None and incremental is None else None
    try:
        front_cache = front.FrontCache.for_run()
        doc, spec = front.load(spec_path, front_cache)  # unchanged parts of the spec from the cache, when on
        chosen = overrides.folders(templates, doc)
        chosen_bytecode = bytecode or (None if chosen else compiled)
        return _render_loaded(doc, spec, chosen, front_cache, chosen_bytecode, incremental, lazy)
    finally:
        if compiled is not None:
            compiled.close()
            if environment().bytecode_cache is compiled:
                environment().bytecode_cache = None


def _render_loaded(
    doc: Document,
    spec: Spec,
    chosen: tuple[Path, ...],
    front_cache: FrontCache | None,
    bytecode: Any,
    incremental: Incremental | None,
    lazy: bool,
) -> Rendered:
    from generator import ir_cache, overrides, pipeline, units
    from generator.templating import environment

    with overrides.active(chosen):
        environment().bytecode_cache = bytecode
        unit_cache = None if chosen or incremental is not None else units.UnitCache.for_run(lazy=lazy)
        segments = front_cache.segment_keys() if front_cache is not None else None
        project = ir_cache.build_ir(spec, unit_cache, segments)
        files: dict[str, FileText]
        if chosen:
            files = pipeline.render_project(project, one_process=True)
        elif incremental is not None:
            files = dict(incremental.render_project(project))
        else:
            files = pipeline.render_project(project, unit_cache=unit_cache, encoded=True)
            if unit_cache is not None:
                unit_cache.save_index()
        return Rendered(project, files, chosen)


def _output_record(
    out: Path, files: dict[str, FileText], hashes: dict[str, str] | None = None
) -> OutputRecord | None:
    """What generate last left in ``out`` (generator/output_record.py), when the cache is on;
    the new output's hashes from ``files``' manifest, or ``hashes``."""
    from generator import cache
    from generator.output_record import OutputRecord

    base = cache.directory()
    return OutputRecord(base / "outputs", out, files, hashes) if base is not None else None


def _run(args: argparse.Namespace) -> int:
    if args.command == "watch":
        from generator import watch

        return watch.run(args)
    if args.command in ("init", "templates"):
        from generator import starter

        return starter.run(args)
    if args.command == "validate":
        return cli_i18n.validate(args.spec, args.format, args.strict)
    if args.command == "diff":
        return cli_diff.run(args)
    if args.command in cli_i18n.COMMANDS:
        return cli_i18n.run(args)
    return _generate_or_check(args)


def _generate_or_check(args: argparse.Namespace) -> int:
    from generator import cache, writer
    from generator.yaml_source import spec_files

    if args.command == "generate" and args.spec.exists():
        writer.refuse_sources_inside(args.out, spec_files(args.spec))
    key, expected = _cached_run(args.spec, args.templates)
    # generate may take a file its record vouches for without reading it; check reads every file.
    record = (
        _output_record(args.out, {}, expected)
        if expected is not None and args.command == "generate"
        else None
    )
    if expected is not None and cache.output_matches(args.out, expected, record.holds if record else None):
        # The same inputs produced exactly these files before: nothing to compute or write.
        print(f"{args.out}: up to date ({len(expected)} files)")
        return EXIT_OK
    rendered = render(args.spec, args.templates, lazy=args.command == "generate")
    if key is not None and not rendered.templates:
        cache.store(key, rendered.files)
    if args.command == "check":
        return _check(args.out, rendered.files)
    return _write(args, rendered.files)


def _check(out: Path, files: dict[str, FileText]) -> int:
    from generator import writer

    comparison = writer.compare(out, files)
    if comparison.clean:
        print(f"{out}: up to date ({len(files)} files)")
        return EXIT_OK
    sys.stdout.write(writer.unified_diff(out, files, comparison))
    print(
        f"{out} is stale: {len(comparison.changed)} changed, {len(comparison.missing)} missing, "
        f"{len(comparison.orphans)} orphan; run `make generate`",
        file=sys.stderr,
    )
    return EXIT_STALE


def _write(args: argparse.Namespace, files: dict[str, FileText]) -> int:
    from generator import writer
    from generator.units import StaleUnit

    record = _output_record(args.out, files)
    try:
        comparison = writer.write_tree(args.out, files, record.holds if record else None)
    except StaleUnit:  # a unit the cache's index vouched for is damaged: nothing was written
        files = render(args.spec, args.templates).files
        comparison = writer.write_tree(args.out, files, record.holds if record else None)
    if record is not None:
        record.save(args.out)
    if comparison.clean:
        print(f"{args.out}: up to date ({len(files)} files)")
    else:
        print(
            f"{args.out}: wrote {len(files)} files ({len(comparison.changed)} changed, "
            f"{len(comparison.missing)} new, {len(comparison.orphans)} removed)"
        )
    return EXIT_OK
