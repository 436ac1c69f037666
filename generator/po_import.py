"""``specgen i18n import FILE``: a translated PO file written back into the spec files.

Only the translated scalars change (``generator/yaml_edit.py``): comments, key order, quoting
and line breaks elsewhere stay byte for byte, and a PO with no edit changes nothing. A PO for
a language the spec does not have adds it to ``languages`` and to every text. Refused, with
nothing written: a file that is not UTF-8, a msgctxt naming no text, a msgid that is no
longer the source text (stale), a plural form, a new language left partly untranslated, and
anything that would make the spec invalid.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import polib
import yaml

from generator import yaml_edit
from generator.po import SpecTexts
from generator.problems import Problem, SpecError, closest
from generator.spec import validate_document
from generator.texts import TextLoc, find_texts
from generator.yaml_document import Path_
from generator.yaml_source import display_name, not_utf8, read_sources

_LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")


class PoError(SpecError):
    """Problems in a PO file (the CLI names the file rather than the spec)."""

    def __init__(self, problems: list[Problem], what: str) -> None:
        super().__init__(problems)
        self.what = what


@dataclass
class ImportResult:
    """What an import changed."""

    language: str
    changed: list[str] = field(default_factory=list)  # key paths of the texts written
    unchanged: int = 0
    fuzzy: int = 0
    files: list[str] = field(default_factory=list)  # spec files rewritten
    added_language: bool = False


def read_po(path: Path) -> polib.POFile:
    """Parse a PO file, refusing one that is not UTF-8."""
    name = display_name(path)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PoError([not_utf8(name, raw, exc)], name) from None
    del text  # decodes: polib reads the file itself (a string it would split at U+0085 and U+2028)
    try:
        catalog = polib.pofile(str(path), encoding="utf-8")
    except (OSError, ValueError) as exc:
        found = re.search(r"line (\d+)", str(exc))
        line = int(found.group(1)) if found else 1
        message = f"not a valid PO file ({exc}); fix the line or export again"
        raise PoError([Problem(name, line, 1, "", message)], name) from None
    charset = re.search(r"charset=([^\s;]+)", catalog.metadata.get("Content-Type", ""))
    if charset and charset.group(1).lower().replace("_", "-") not in ("utf-8", "utf8"):
        message = f"the header declares charset={charset.group(1)}; a spec is UTF-8: save the file as UTF-8"
        raise PoError([Problem(name, 1, 1, "", message)], name)
    return catalog


def _language(catalog: polib.POFile, name: str, st: SpecTexts, override: str | None) -> str:
    lang = override or catalog.metadata.get("Language", "").strip().replace("_", "-")
    if not lang or not _LANGUAGE.fullmatch(lang):
        shown = f"{lang!r} is not a language code" if lang else "the header has no Language"
        raise PoError(
            [Problem(name, 1, 1, "", f"{shown}; set `Language: th` in the header or pass --lang")], name
        )
    if lang == st.languages[0]:
        message = f"{lang!r} is the spec's source language; a PO file brings a translation"
        raise PoError([Problem(name, 1, 1, "", message)], name)
    return lang


def _entry_problem(
    entry: polib.POEntry, st: SpecTexts, by_key: dict[str, TextLoc], seen: dict[str, int]
) -> str | None:
    """What is wrong with one PO entry, if anything (``seen``: msgctxt -> line, updated)."""
    if entry.msgid_plural:
        return "a plural form (msgid_plural); a spec text has one form"
    key = entry.msgctxt or ""
    loc = by_key.get(key)
    if loc is None:
        close = closest(key, by_key)
        hint = f"; did you mean {close!r}?" if close else "; export again to get the current keys"
        return (f"msgctxt {key!r} names no text of the spec" if key else "an entry without msgctxt") + hint
    if key in seen:
        return f"a second entry for this text (first at line {seen[key]})"
    seen[key] = entry.linenum or 1
    source = st.languages[0]
    if entry.msgid != loc.values[source]:
        return (
            f"stale: msgid is not the spec's current {source!r} text; export again (or msgmerge) "
            "and translate the new text"
        )
    return None


def _translations(
    catalog: polib.POFile, name: str, st: SpecTexts, lang: str, result: ImportResult
) -> dict[str, str]:
    """msgctxt -> msgstr of the entries to import; every problem at once."""
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    out: dict[str, str] = {}
    by_key = {loc.key: loc for loc in st.texts}
    for entry in catalog:
        if entry.obsolete:
            continue
        problem = _entry_problem(entry, st, by_key, seen)
        if problem:
            problems.append(Problem(name, entry.linenum or 1, 1, entry.msgctxt or "", problem))
        elif "fuzzy" in entry.flags:
            result.fuzzy += 1
        elif entry.msgstr:
            out[entry.msgctxt] = entry.msgstr
    missing = [loc.key for loc in st.texts if loc.key not in out]
    if lang not in st.languages and missing:
        shown = ", ".join(missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
        problems.append(
            Problem(
                name,
                1,
                1,
                "",
                f"{lang!r} is a new language and {len(missing)} texts have no translation ({shown}); "
                "a spec text has every language: translate them all (fuzzy entries count as untranslated)",
            )
        )
    if problems:
        raise PoError(problems, name)
    return out


def _edits(
    st: SpecTexts, lang: str, wanted: dict[str, str], quoted: bool, result: ImportResult
) -> dict[int, list[yaml_edit.Edit]]:
    edits: dict[int, list[yaml_edit.Edit]] = {}
    new = lang not in st.languages
    for loc in st.texts:
        if loc.key not in wanted:
            continue
        value = wanted[loc.key]
        if not new and value == loc.values[lang]:
            result.unchanged += 1
            continue
        index, (mapping, _, flow) = st.locate(loc.path)
        table = st.nodes[index]
        text = st.sources[index]
        if new:
            assert isinstance(mapping, yaml.MappingNode)
            last = table[(*loc.path, st.languages[-1])]
            edit = yaml_edit.add_key(text, mapping, last[0], lang, value, flow or bool(mapping.flow_style))
        else:
            node, _, inner_flow = table[(*loc.path, lang)]
            edit = yaml_edit.replace_scalar(text, node, value, inner_flow, quoted=quoted)
        edits.setdefault(index, []).append(edit)
        result.changed.append(loc.key)
    if new:
        index, (languages_node, _, _) = st.locate(("languages",))
        assert isinstance(languages_node, yaml.SequenceNode)
        edits.setdefault(index, []).append(yaml_edit.add_item(st.sources[index], languages_node, lang))
    return edits


def _expected(st: SpecTexts, lang: str, wanted: dict[str, str]) -> dict[Path_, dict[str, str]]:
    return {loc.path: {**loc.values, lang: wanted.get(loc.key, loc.values.get(lang, ""))} for loc in st.texts}


def _verify(st: SpecTexts, new_sources: list[str], lang: str, wanted: dict[str, str], *, final: bool) -> bool:
    """Whether the edited files read back as the spec with exactly the wanted texts changed.

    A spec the new texts make invalid raises SpecError when the edits are ``final`` (written
    double-quoted, as plainly as YAML allows); before that it only asks for that retry.
    """
    try:
        doc = read_sources(
            [(name, text.encode("utf-8")) for name, text in zip(st.doc.files, new_sources)], st.doc.sources
        )
        validate_document(doc)
    except SpecError:
        if final:
            raise
        return False
    langs = [*st.languages] if lang in st.languages else [*st.languages, lang]
    got = {loc.path: loc.values for loc in find_texts(doc.data, langs)}
    if got != _expected(st, lang, wanted):
        return False
    return _without_texts(doc.data, langs) == _without_texts(st.doc.data, langs)


def _without_texts(data: object, langs: list[str]) -> object:
    if isinstance(data, dict):
        if (
            set(data) - {"lint-ignore"} <= set(langs)
            and data
            and all(isinstance(v, str) for k, v in data.items() if k in langs)
        ):
            return {k: v for k, v in data.items() if k not in langs}
        return {k: _without_texts(v, langs) for k, v in data.items() if k != "languages"}
    if isinstance(data, list):
        return [_without_texts(v, langs) for v in data]
    return data


def import_po(st: SpecTexts, po_path: Path, lang_override: str | None = None) -> ImportResult:
    """Write a PO file's translations into the spec files; all files or none."""
    name = display_name(po_path)
    catalog = read_po(po_path)
    lang = _language(catalog, name, st, lang_override)
    result = ImportResult(lang, added_language=lang not in st.languages)
    wanted = _translations(catalog, name, st, lang, result)
    for quoted in (False, True):
        attempt = ImportResult(lang, fuzzy=result.fuzzy, added_language=result.added_language)
        edits = _edits(st, lang, wanted, quoted, attempt)
        new_sources = [
            yaml_edit.apply(text, edits.get(i, [])) if i in edits else text
            for i, text in enumerate(st.sources)
        ]
        try:
            verified = not edits or _verify(st, new_sources, lang, wanted, final=quoted)
        except SpecError as exc:
            raise _refused_by_spec(exc.problems, name, catalog, lang) from None
        if verified:
            attempt.files = [st.doc.files[i] for i in sorted(edits)]
            _write(st, {i: new_sources[i] for i in edits})
            return attempt
    raise AssertionError("the edited spec does not read back as the PO file says; nothing was written")


def _refused_by_spec(problems: list[Problem], name: str, catalog: polib.POFile, lang: str) -> PoError:
    """The spec's refusal of the imported texts, placed at the PO entries that brought them."""
    lines = {f"{entry.msgctxt}.{lang}": entry.linenum or 1 for entry in catalog if entry.msgctxt}
    placed = []
    for problem in problems:
        line = lines.get(problem.path)
        where = problem.path.removesuffix(f".{lang}") if line else ""
        placed.append(Problem(name, line or 1, 1, where, f"the spec would refuse this: {problem.message}"))
    return PoError(placed, name)


def _write(st: SpecTexts, changed: dict[int, str]) -> None:
    """Every changed file written beside itself, then all renamed into place."""
    staged: list[tuple[str, Path]] = []
    try:
        for index, text in changed.items():
            target = st.paths[index]
            bom = b"\xef\xbb\xbf" if st.doc.texts[index].startswith(b"\xef\xbb\xbf") else b""
            handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
            with os.fdopen(handle, "wb") as out:
                out.write(bom + text.encode("utf-8"))
            os.chmod(temp, target.stat().st_mode & 0o777)
            staged.append((temp, target))
        for temp, target in staged:
            os.replace(temp, target)
    finally:
        for temp, _ in staged:
            if os.path.exists(temp):
                os.unlink(temp)
