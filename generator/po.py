"""``specgen i18n export``: the spec's texts as a gettext PO file, for translators' tools.

One entry per text (found by walking the document, see ``generator/texts.py``): msgctxt is the
key path, msgid the source text, msgstr the translation (empty for a language the spec does
not have yet), ``#:`` the spec file and line, ``#.`` the spec's comments around the text, and
``#, fuzzy`` where git history shows the source changed after the translation.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polib
import yaml

from generator import i18n_history, yaml_edit
from generator.problems import Problem, SpecError
from generator.spec import validate_document
from generator.texts import IGNORE_KEY, TextLoc, find_texts, languages
from generator.yaml_document import Document, Path_
from generator.yaml_source import load_path, spec_files

NodeInfo = tuple[yaml.Node, yaml.Node | None, bool]


@dataclass
class SpecTexts:
    """A validated spec's texts, with the files and YAML nodes they are written in."""

    doc: Document
    paths: list[Path]  # the spec files, in the order of doc.files
    sources: list[str]  # each file's text
    nodes: list[dict[Path_, NodeInfo]]  # each file's nodes by path
    texts: list[TextLoc]

    @property
    def languages(self) -> list[str]:
        """The spec's languages, source first."""
        return languages(self.doc.data)

    def locate(self, path: Path_) -> tuple[int, NodeInfo]:
        """The file (index) and node of a path."""
        for index, table in enumerate(self.nodes):
            if path in table:
                return index, table[path]
        raise KeyError(path)

    def history(self) -> list[i18n_history.LineTimes | None]:
        """When each line of each file last changed (git), or None where it cannot be told."""
        return [i18n_history.line_times(path) for path in self.paths]

    def stale(self, loc: TextLoc, lang: str, history: list[i18n_history.LineTimes | None]) -> bool | None:
        """Whether the source of a text changed after its translation (None: cannot tell)."""
        source = self.languages[0]
        index, (node, _, _) = self.locate(loc.path)
        times = history[index]
        if times is None or not isinstance(node, yaml.MappingNode) or lang not in loc.values:
            return None
        table = self.nodes[index]
        text = self.sources[index]
        return i18n_history.is_stale(
            times,
            i18n_history.span_lines(table[(*loc.path, source)][0], text),
            i18n_history.span_lines(table[(*loc.path, lang)][0], text),
        )


def load(spec: Path) -> SpecTexts:
    """Read and validate a spec, and find its texts and their nodes."""
    doc = load_path(spec)
    validate_document(doc)
    paths = spec_files(spec)
    sources = [raw.decode("utf-8-sig") for raw in doc.texts]
    return SpecTexts(doc, paths, sources, [yaml_edit.nodes(s) for s in sources], find_texts(doc.data))


def _comments(st: SpecTexts, loc: TextLoc) -> list[str]:
    """The spec's comments above a text and among its languages (translator comments)."""
    index, (node, key, _) = st.locate(loc.path)
    text = st.sources[index]
    table = st.nodes[index]
    first = (key or node).start_mark.line + 1
    key_lines = {first}
    content: set[int] = set()
    last = first
    for name in (*loc.values, IGNORE_KEY):
        entry = table.get((*loc.path, name))
        if entry is None or entry[1] is None:
            continue
        key_lines.add(entry[1].start_mark.line + 1)
        lines = i18n_history.span_lines(entry[0], text)
        last = max(last, lines[-1])
        if isinstance(entry[0], yaml.ScalarNode) and entry[0].style in (">", "|"):
            content.update(lines)
    return [c for c in yaml_edit.comments(text, first, last, frozenset(key_lines), frozenset(content)) if c]


def export(st: SpecTexts, lang: str) -> str:
    """The PO file of one target language (a language the spec lacks gets empty msgstrs)."""
    langs = st.languages
    if lang == langs[0]:
        raise SpecError(
            [
                st.doc.problem(
                    ("languages", 0),
                    f"{lang!r} is the source language; export a target language (--lang {', '.join(langs[1:]) or 'th'})",
                )
            ]
        )
    package: Any = st.doc.data.get("package", {})
    catalog = polib.POFile(wrapwidth=78)
    catalog.metadata = {
        "Project-Id-Version": f"{package.get('name', '')} {package.get('version', '')}".strip(),
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": "specgen",
        "X-Source-Language": langs[0],
    }
    history = st.history() if lang in langs else []
    for loc in st.texts:
        index, _ = st.locate(loc.path)
        where = (*loc.path, lang) if lang in loc.values else loc.path
        line = st.doc.where(where).line
        entry = polib.POEntry(
            msgctxt=loc.key,
            msgid=loc.values[langs[0]],
            msgstr=loc.values.get(lang, ""),
            occurrences=[(st.doc.sources[index], str(line))],
            comment="\n".join(_comments(st, loc)),
        )
        if history and st.stale(loc, lang, history):
            entry.flags.append("fuzzy")
        catalog.append(entry)
    return str(catalog)


def refuse(file: str, line: int, what: str, message: str) -> Problem:
    """A problem in a PO file, at its line."""
    return Problem(file, line, 1, what, message)
