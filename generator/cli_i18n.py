"""The translators' commands: ``lint``, ``i18n export``, ``i18n import`` and ``i18n status``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_BAD_INPUT = 0, 2
COMMANDS = frozenset({"lint", "i18n"})


def _spec_option(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument(
        "--spec", type=Path, default=Path("spec"), help="spec file or directory (default: spec/)"
    )


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``lint`` and ``i18n`` to the command line."""
    text = "check the spec's texts as translations (rules: see README)"
    lint = sub.add_parser("lint", help=text, description=text)
    _spec_option(lint)
    lint.add_argument("--format", choices=("text", "json", "github"), default="text", help="how to report")
    lint.add_argument("--strict", action="store_true", help="findings are errors (exit 2)")
    lint.add_argument("--list-ignored", action="store_true", help="list every lint-ignore and its reason")
    i18n = sub.add_parser("i18n", help="exchange translations as gettext PO files; translation status")
    actions = i18n.add_subparsers(dest="action", required=True)
    export = actions.add_parser("export", help="write one language's texts as a PO file")
    _spec_option(export)
    export.add_argument("--lang", required=True, help="the target language (a new one gets empty msgstrs)")
    export.add_argument("-o", "--output", type=Path, help="the PO file to write (default: standard output)")
    imp = actions.add_parser("import", help="write a PO file's translations into the spec files")
    _spec_option(imp)
    imp.add_argument("file", type=Path, help="the PO file")
    imp.add_argument("--lang", help="the language (default: the PO header's Language)")
    status = actions.add_parser(
        "status", help="translated / missing / stale texts per language, and lint findings"
    )
    _spec_option(status)


def validate(spec: Path, fmt: str, strict: bool) -> int:
    """``validate``: the spec's problems raise; lint findings are warnings (errors with ``strict``)."""
    import json

    from generator import overrides, text_lint
    from generator.spec import validate_document
    from generator.yaml_source import load_path

    doc = load_path(spec)
    valid = validate_document(doc)
    overrides.folders(None, doc)  # a `templates:` folder that is missing or misnamed
    result = text_lint.lint_document(doc)
    status = EXIT_BAD_INPUT if strict and result.findings else EXIT_OK
    if fmt == "json":
        if not result.findings:
            print('{"problems": []}')
        else:
            findings = json.loads(result.to_json())["findings"]
            print(json.dumps({"problems": [], "lint": findings}, ensure_ascii=False, indent=2))
        return status
    level = "error" if strict else "warning"
    for finding in result.findings:
        print(f"{level}: {finding.format()}", file=sys.stderr)
    if result.findings:
        print(
            text_lint.summary(result) + ("; --strict makes them errors" if not strict else ""),
            file=sys.stderr,
        )
    print(f"{', '.join(valid.files)}: ok ({len(valid.objects)} objects, {len(valid.scopes)} scopes)")
    return status


def run(args: argparse.Namespace) -> int:
    """Run ``lint`` or an ``i18n`` action; the exit status."""
    if args.command == "lint":
        return _lint(args)
    if args.action == "export":
        return _export(args)
    if args.action == "import":
        return _import(args)
    return _status(args)


def _lint(args: argparse.Namespace) -> int:
    from generator import text_lint
    from generator.spec import validate_document
    from generator.yaml_source import load_path

    doc = load_path(args.spec)
    validate_document(doc)
    result = text_lint.lint_document(doc)
    if args.list_ignored and args.format == "text":
        for ignore in result.ignores:
            print(ignore.format())
        print(f"{len(result.ignores)} lint-ignore entries", file=sys.stderr)
        return EXIT_OK
    sys.stdout.write(text_lint.report(result, args.format, strict=args.strict))
    if args.format == "text":
        print(text_lint.summary(result), file=sys.stderr)
    return EXIT_BAD_INPUT if args.strict and result.findings else EXIT_OK


def _export(args: argparse.Namespace) -> int:
    import re

    from generator import po

    if not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", args.lang):
        print(
            f"error: --lang {args.lang!r} is not a language code (such as th, ja or pt-BR)", file=sys.stderr
        )
        return EXIT_BAD_INPUT

    text = po.export(po.load(args.spec), args.lang)
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    args.output.write_text(text, encoding="utf-8")
    print(f"{args.output}: {text.count(chr(10) + 'msgctxt ')} texts in {args.lang!r}", file=sys.stderr)
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from generator import po, po_import

    result = po_import.import_po(po.load(args.spec), args.file, args.lang)
    added = f"; added the language {result.language!r}" if result.added_language else ""
    skipped = f", {result.fuzzy} fuzzy entries skipped" if result.fuzzy else ""
    where = ", ".join(result.files) or "no file"
    print(
        f"{args.file}: {len(result.changed)} texts written, {result.unchanged} unchanged{skipped}{added} ({where})"
    )
    return EXIT_OK


def _status(args: argparse.Namespace) -> int:
    from generator import i18n_status, po, text_lint

    st = po.load(args.spec)
    result = text_lint.lint_document(st.doc)
    sys.stdout.write(i18n_status.render(i18n_status.status(st, result), st.languages[0]))
    for finding in result.findings:
        print(finding.format())
    return EXIT_OK
