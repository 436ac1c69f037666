"""Release notes in any language of the spec, from changes that ``specgen diff`` classified.

The same function writes ``diff --format markdown`` and each release of the docs' changelog
page, so a release's notes read the same in both places. Every word comes from the interface
words (labels) of the language; the spec's names and values are shown as code.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from generator.diff_rules import BREAKING, DOCS_ONLY, KINDS, NON_BREAKING, RULES
from generator.escaping import md_fill, md_heading, md_text

_HEADINGS = {BREAKING: "breaking_changes", NON_BREAKING: "non_breaking_changes", DOCS_ONLY: "docs_changes"}


class Item(Protocol):
    """What a note needs of a change (a diff's Change, or a change recorded in the spec)."""

    @property
    def rule(self) -> str: ...
    @property
    def subject(self) -> str: ...
    @property
    def old(self) -> str: ...
    @property
    def new(self) -> str: ...
    @property
    def accepted(self) -> str: ...


def _key(rule: str) -> str:
    """The interface word of a rule: ``field-removed`` -> ``change_field_removed``."""
    return "change_" + rule.replace("-", "_")


def sentence(item: Item, words: dict[str, str]) -> str:
    """The change as one plain-text sentence in the language of ``words``."""
    label = words[_key(item.rule)]
    for name, value in _values(item).items():
        label = label.replace("{" + name + "}", value)
    return label


def _values(item: Item) -> dict[str, str]:
    return {"subject": item.subject, "old": item.old or "-", "new": item.new or "-"}


def release_notes(items: Iterable[Item], version: str, words: dict[str, str], level: int = 2) -> str:
    """Markdown notes for one release, grouped by kind (breaking first), headings at ``level``."""
    items = list(items)
    hashes = "#" * level
    out = [f"{hashes} {md_heading(words['release_notes'] + ' ' + version)}\n"]
    for kind in KINDS:
        group = [i for i in items if RULES[i.rule].kind == kind]
        if not group:
            continue
        out.append(f"\n{hashes}# {md_heading(words[_HEADINGS[kind]])}\n\n")
        for i in group:
            accepted = f" ({md_text(words['accepted'])}: {md_text(i.accepted)})" if i.accepted else ""
            out.append(
                f"- {md_fill(words[f'change_{i.rule.replace(chr(45), chr(95))}'], _values(i))}{accepted}\n"
            )
    return "".join(out)
