"""Command line: generate, check, validate; lint and i18n in cli_i18n. Bad input exits 2, never a traceback."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path

from generator import cli_i18n
from generator.problems import SpecError

EXIT_OK, EXIT_STALE, EXIT_BAD_INPUT, EXIT_BUG = 0, 1, 2, 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="specgen", description="Generate models, docs, OpenAPI and data from a YAML spec."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name, text in (
        ("generate", "write every output into --out, replacing it in one step"),
        ("check", "exit 1 with a diff if --out is not what generate would write"),
        ("validate", "check the spec only"),
    ):
        cmd = sub.add_parser(name, help=text, description=text)
        cmd.add_argument(
            "--spec", type=Path, default=Path("spec"), help="spec file or directory (default: spec/)"
        )
        if name != "validate":
            cmd.add_argument(
                "--out", type=Path, default=Path("generated"), help="output directory (default: generated/)"
            )
        else:
            cmd.add_argument(
                "--format", choices=("text", "json"), default="text", help="how to report problems"
            )
            cmd.add_argument("--strict", action="store_true", help="lint findings are errors (exit 2)")
    cli_i18n.add_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    if args.command != "validate":
        # One run builds millions of small objects and then exits: the cyclic garbage collector
        # would only rescan them (about 15% of a 500-object generation). Reference counting
        # still frees everything that is dropped.
        gc.disable()
    from generator.formatting import FormattingError
    from generator.writer import OutputError

    try:
        return _run(args)
    except SpecError as exc:
        if getattr(args, "format", "text") == "json":
            print(exc.to_json())
        else:
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
    except KeyboardInterrupt:
        print(
            "interrupted; the output directory holds the old tree or the new one, never a mix.",
            file=sys.stderr,
        )
        return 130
    except OSError as exc:
        # The machine, not the spec: a full disk, a permission, a file that vanished mid-run.
        print(f"error: {exc}; the output directory was left as it was.", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no traceback for users
        if os.environ.get("SPECGEN_DEBUG"):
            raise
        print(
            f"internal error (please report, with SPECGEN_DEBUG=1 for the traceback): "
            f"{type(exc).__name__}: {exc}; the output directory was left as it was.",
            file=sys.stderr,
        )
        return EXIT_BUG


def _cached_run(spec: Path) -> tuple[str | None, dict[str, str] | None]:
    """The cache key of this generation and the output it produced before, if recorded."""
    from generator import cache
    from generator.yaml_source import read_spec_bytes, source_name, spec_files

    if cache.directory() is None:
        return None, None
    try:
        sources = [(source_name(p), read_spec_bytes(p)) for p in spec_files(spec)]
    except OSError:
        return None, None  # the pipeline reports it properly
    key = cache.run_key(sources)
    return key, cache.lookup(key)


def _run(args: argparse.Namespace) -> int:
    if args.command == "validate":
        return cli_i18n.validate(args.spec, args.format, args.strict)
    if args.command in cli_i18n.COMMANDS:
        return cli_i18n.run(args)
    from generator import cache, writer
    from generator.yaml_source import spec_files

    if args.command == "generate" and args.spec.exists():
        writer.refuse_sources_inside(args.out, spec_files(args.spec))
    key, expected = _cached_run(args.spec)
    if expected is not None and cache.output_matches(args.out, expected):
        # The same inputs produced exactly these files before: nothing to compute or write.
        print(f"{args.out}: up to date ({len(expected)} files)")
        return EXIT_OK
    from generator import pipeline
    from generator.templating import environment

    environment().bytecode_cache = cache.jinja_bytecode_cache()
    files = pipeline.generate(args.spec)
    if key is not None:
        cache.store(key, files)
    if args.command == "check":
        comparison = writer.compare(args.out, files)
        if comparison.clean:
            print(f"{args.out}: up to date ({len(files)} files)")
            return EXIT_OK
        sys.stdout.write(writer.unified_diff(args.out, files, comparison))
        print(
            f"{args.out} is stale: {len(comparison.changed)} changed, {len(comparison.missing)} missing, "
            f"{len(comparison.orphans)} orphan; run `make generate`",
            file=sys.stderr,
        )
        return EXIT_STALE
    comparison = writer.write_tree(args.out, files)
    if comparison.clean:
        print(f"{args.out}: up to date ({len(files)} files)")
    else:
        print(
            f"{args.out}: wrote {len(files)} files ({len(comparison.changed)} changed, "
            f"{len(comparison.missing)} new, {len(comparison.orphans)} removed)"
        )
    return EXIT_OK
