"""``specgen diff OLD NEW``: read both sides (files, folders or ``REF:PATH`` from git), compare them,
check the version, and report as text, JSON, GitHub annotations or release notes in a language.

Exit status: 0 when the new version moves far enough for the changes, 1 when it does not,
2 for bad input (either side refused, an unknown git ref).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from generator.diff_rules import BREAKING, DOCS_ONLY, KINDS, NON_BREAKING
from generator.problems import Problem, SpecError

if TYPE_CHECKING:  # the comparison's modules load only when diff runs: other commands start as fast
    from generator.diff import Change, Side, Verdict


def sentence(change: Change, words: dict[str, str]) -> str:
    """The change as a sentence in the language of ``words``."""
    from generator.release_notes import sentence as say

    return say(change, words)


EXIT_OK, EXIT_NOT_BUMPED = 0, 1


def add_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``diff`` subcommand."""
    text = "classify every change between two specs and check that the version moves far enough"
    cmd = sub.add_parser("diff", help=text, description=text)
    cmd.add_argument("old", help="the old spec: a file, a folder, or REF:PATH read from git (main:spec)")
    cmd.add_argument("new", help="the new spec, the same way")
    cmd.add_argument(
        "--format",
        choices=("text", "json", "github", "markdown", "changes"),
        default="text",
        help="markdown: release notes in --lang; changes: the entry to add under the spec's `changes:`",
    )
    cmd.add_argument("--lang", default=None, help="markdown: the language of the release notes")


def _git_sources(ref: str, rel: str) -> list[tuple[str, bytes]]:
    """The spec files at ``rel`` (a file, or the *.yaml of a folder) in the commit ``ref``."""

    def git(*args: str) -> bytes:
        import subprocess  # only diff against a git revision runs a process

        done = subprocess.run(["git", *args], capture_output=True, check=False)
        if done.returncode != 0:
            reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise SpecError(
                [
                    Problem(
                        f"{ref}:{rel}",
                        1,
                        1,
                        "",
                        f"cannot read it from git: {reason[-1] if reason else 'failed'}",
                    )
                ]
            )
        return done.stdout

    tree = f"{ref}:{rel}" if rel not in ("", ".") else f"{ref}^{{tree}}"
    if git("cat-file", "-t", tree).strip() == b"blob":
        return [(f"{ref}:{rel}", git("show", tree))]
    listed = git("ls-tree", "--name-only", tree)
    names = sorted(n for n in listed.decode().splitlines() if n.endswith((".yaml", ".yml")))
    prefix = "" if rel in ("", ".") else rel.rstrip("/") + "/"
    return [(f"{ref}:{prefix}{n}", git("show", f"{ref}:{prefix}{n}")) for n in names]


def load_side(arg: str) -> Side:
    """A validated spec from a path, or from git as ``REF:PATH``."""
    from generator.diff import Side
    from generator.spec import validate_document
    from generator.yaml_source import load_path, read_sources

    path = Path(arg)
    if not path.exists() and ":" in arg:
        ref, _, rel = arg.partition(":")
        doc = read_sources(_git_sources(ref, rel))
    else:
        doc = load_path(path)
    return Side(validate_document(doc), doc)


def _summary(changes: list[Change], result: Verdict) -> str:
    counts = ", ".join(f"{sum(1 for c in changes if c.kind == k and not c.accepted)} {k}" for k in KINDS)
    ignored = sum(1 for c in changes if c.accepted)
    head = f"{len(changes)} change{'s' if len(changes) != 1 else ''} ({counts}" + (
        f", {ignored} accepted)" if ignored else ")"
    )
    version = f"version {result.old_version} -> {result.new_version}"
    if result.ok:
        return f"{head}; {version}: enough (needs {result.needed})"
    because = result.because
    why = f" for {because.rule} at {because.file}:{because.line}:{because.column}" if because else ""
    return f"{head}; {version}: not enough, needs a {result.needed} bump{why}"


def _text(changes: list[Change], result: Verdict, words: dict[str, str]) -> str:
    lines = []
    for c in changes:
        accepted = f" (accepted: {c.accepted})" if c.accepted else ""
        lines.append(
            f"{c.file}:{c.line}:{c.column}: {c.path}: {c.kind} {c.rule}: {sentence(c, words)}{accepted}"
        )
    return "".join(line + "\n" for line in lines)


def _json(changes: list[Change], result: Verdict, words: dict[str, str]) -> str:
    record = {
        "changes": [
            {
                "rule": c.rule,
                "kind": c.kind,
                "path": c.path,
                "file": c.file,
                "line": c.line,
                "column": c.column,
                "subject": c.subject,
                "old": c.old,
                "new": c.new,
                "message": sentence(c, words),
                "accepted": c.accepted or None,
            }
            for c in changes
        ],
        "version": {
            "old": result.old_version,
            "new": result.new_version,
            "needed": result.needed,
            "ok": result.ok,
        },
    }
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def _github(changes: list[Change], result: Verdict, words: dict[str, str]) -> str:
    from generator.annotations import annotation_data, annotation_property

    level = {BREAKING: "error", NON_BREAKING: "notice", DOCS_ONLY: "notice"}
    out = []
    for c in changes:
        kind = "notice" if c.accepted else level[c.kind]
        out.append(
            f"::{kind} file={annotation_property(c.file)},line={c.line},col={c.column},"
            f"title={annotation_property(c.kind + ' ' + c.rule)}::{annotation_data(c.path + ': ' + sentence(c, words))}"
        )
    return "".join(line + "\n" for line in out)


def _changes_entry(changes: list[Change], version: str) -> str:
    """The release as YAML for the spec's ``changes:`` list (today's date), for the docs' changelog."""
    import datetime

    import yaml

    items = []
    for c in changes:
        item = {"rule": c.rule, "subject": c.subject}
        item.update({k: v for k, v in (("old", c.old), ("new", c.new), ("accepted", c.accepted)) if v})
        items.append(item)
    entry = {"version": version, "date": datetime.date.today().isoformat(), "changes": items}
    dumped: str = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=100)
    return dumped


def run(args: argparse.Namespace) -> int:
    """``diff``: the exit status (0 enough, 1 not enough, SpecError for bad input)."""
    from generator.diff import compare, verdict
    from generator.labels import labels_for

    old, new = load_side(args.old), load_side(args.new)
    changes = compare(old, new)
    result = verdict(old.spec, new.spec, changes)
    source = new.spec.languages[0]
    lang = args.lang or source
    if lang not in new.spec.languages:
        raise SpecError(
            [
                Problem(
                    args.new,
                    1,
                    1,
                    "",
                    f"--lang {lang!r} is not a language of the spec ({', '.join(new.spec.languages)})",
                )
            ]
        )
    words = labels_for(lang, new.spec.labels.get(lang, {}))
    if args.format == "changes":
        sys.stdout.write(_changes_entry(changes, new.spec.package.version))
    elif args.format == "markdown":
        from generator.release_notes import release_notes

        sys.stdout.write(release_notes(changes, new.spec.package.version, words))
    else:
        render = {"text": _text, "json": _json, "github": _github}[args.format]
        sys.stdout.write(render(changes, result, words))
    if args.format != "json":
        print(_summary(changes, result), file=sys.stderr)
    return EXIT_OK if result.ok else EXIT_NOT_BUMPED


__all__ = ["add_command", "load_side", "run", "sentence"]
