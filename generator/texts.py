"""Every human text of a spec, found by walking the document, not by a list of keys.

A text is a mapping whose keys are exactly the spec's languages (plus, optionally,
``lint-ignore``) and whose values are strings. Walking the whole document finds each one
wherever the spec format puts texts, so a new text-bearing key needs no change here. Two
kinds of place hold data rather than texts and are not walked: example values (an example
response may well have ``en`` and ``th`` keys) and the glossary (see ``_is_data``).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.problems import format_path
from generator.yaml_document import Document, Path_

IGNORE_KEY = "lint-ignore"
GLOSSARY_KEY = "glossary"


@dataclass(frozen=True)
class TextLoc:
    """One text: where it is, its value per language, and its lint suppressions."""

    path: Path_
    values: dict[str, str]
    ignores: dict[str, str]

    @property
    def key(self) -> str:
        """The key path as messages and PO contexts name it (``objects.User.fields.open_id.description``)."""
        return format_path(self.path)


def languages(data: Any) -> list[str]:
    """The spec's languages, source first (only the well-formed entries)."""
    langs = data.get("languages") if isinstance(data, dict) else None
    return [x for x in langs if isinstance(x, str)] if isinstance(langs, list) else []


def is_text(value: Any, langs: frozenset[str]) -> bool:
    """Whether a value is a text of a spec with these languages."""
    if not isinstance(value, dict) or not value:
        return False
    names = set(value) - {IGNORE_KEY}
    return names == langs and all(isinstance(value[lang], str) for lang in names)


def _is_data(parent: dict[str, Any], path: Path_, key: str) -> bool:
    """Whether ``parent[key]`` is example data or the glossary, never texts.

    The ``example`` of anything typed (a field, a parameter: its ``type`` is a string), the
    ``value`` of a named example (under ``examples``), the top-level ``glossary``. A field that
    happens to be named ``example`` or ``value`` is still walked.
    """
    if key == "example":
        return isinstance(parent.get("type"), str)
    if key == "value":
        return len(path) >= 2 and path[-2] == "examples"
    return not path and key == GLOSSARY_KEY


def _walk(value: Any, path: Path_, langs: frozenset[str]) -> Iterator[tuple[Path_, dict[str, Any]]]:
    if isinstance(value, dict):
        if is_text(value, langs):
            yield path, value
            return
        for key, item in value.items():
            if _is_data(value, path, key):
                continue
            yield from _walk(item, (*path, key), langs)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(item, (*path, i), langs)


def find_texts(data: Any, langs: list[str] | None = None) -> list[TextLoc]:
    """Every text in a (validated) document, in document order."""
    langs = languages(data) if langs is None else langs
    if not langs:
        return []
    found = []
    for path, raw in _walk(data, (), frozenset(langs)):
        ignores = raw.get(IGNORE_KEY)
        found.append(
            TextLoc(
                path,
                {lang: raw[lang] for lang in langs},
                dict(ignores) if isinstance(ignores, dict) else {},
            )
        )
    return found


def _strip(value: Any, langs: frozenset[str]) -> Any:
    if isinstance(value, dict):
        if IGNORE_KEY in value and is_text(value, langs):
            return {k: v for k, v in value.items() if k != IGNORE_KEY}
        return {k: _strip(v, langs) for k, v in value.items()}
    if isinstance(value, list):
        return [_strip(v, langs) for v in value]
    return value


def without_ignores(doc: Document) -> Document:
    """The document with every text's ``lint-ignore`` removed: the generator sees only languages.

    Only a spec whose files mention ``lint-ignore`` is copied; any other is returned as it is.
    """
    if not any(IGNORE_KEY.encode() in raw for raw in doc.texts):
        return doc
    langs = frozenset(languages(doc.data))
    stripped = copy.copy(doc)  # the same positions (placed when first asked for, where they are lazy)
    stripped.data = _strip(doc.data, langs)
    return stripped
