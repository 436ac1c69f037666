"""``specgen lint``: checks of the spec's texts as translations (well-formed texts can still be wrong).

Every text is found by walking the document (``generator/texts.py``), so texts under keys the
format gains later are linted too. A finding is ``FILE:LINE:COL: key.path: rule-id: message``.
A text may suppress a rule with a reason: ``lint-ignore: {parity: "the unit is spelled out"}``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from generator import lint_rules
from generator.lint_script import CHECKS
from generator.problems import format_path
from generator.texts import GLOSSARY_KEY, IGNORE_KEY, TextLoc, find_texts, languages
from generator.yaml_document import Document

# Every rule a text can suppress; the schema's `lint_ignore` lists the same (a test checks it).
RULES = ("duplicate-translation", "untranslated", "parity", "glossary", "glossary-count", *CHECKS)
UNUSED_IGNORE = "unused-ignore"


@dataclass(frozen=True, order=True)
class Finding:
    """One lint finding, placed in the spec."""

    file: str
    line: int
    column: int
    path: str
    rule: str
    message: str
    language: str = ""

    def format(self) -> str:
        """Render as ``FILE:LINE:COL: key.path: rule-id: message``."""
        return f"{self.file}:{self.line}:{self.column}: {self.path}: {self.rule}: {self.message}"

    def github(self, level: str) -> str:
        """Render as a GitHub Actions annotation (``::warning file=...::...``)."""
        message = f"{self.path}: {self.message}".replace("%", "%25").replace("\n", "%0A")
        return f"::{level} file={self.file},line={self.line},col={self.column},title={self.rule}::{message}"


@dataclass(frozen=True, order=True)
class Ignore:
    """One suppression in the spec: a rule not applied to a text, and why."""

    file: str
    line: int
    column: int
    path: str
    rule: str
    reason: str
    suppressed: int  # how many findings it silenced

    def format(self) -> str:
        """Render as ``FILE:LINE:COL: key.path: rule-id: reason (suppresses N)``."""
        count = f"suppresses {self.suppressed}" if self.suppressed else "suppresses nothing"
        return f"{self.file}:{self.line}:{self.column}: {self.path}: {self.rule}: {self.reason} ({count})"


@dataclass
class LintResult:
    """What the lint found, what was suppressed, and every suppression."""

    findings: list[Finding] = field(default_factory=list)
    ignores: list[Ignore] = field(default_factory=list)
    texts: int = 0

    def to_json(self) -> str:
        """The findings (and the suppressions) as JSON for editors and CI."""
        return json.dumps(
            {
                "findings": [asdict(f) for f in self.findings],
                "ignored": [asdict(i) for i in self.ignores],
            },
            ensure_ascii=False,
            indent=2,
        )


def _glossary(doc: Document, langs: list[str], result: LintResult) -> dict[str, dict[str, str]]:
    raw = doc.data.get(GLOSSARY_KEY)
    if not isinstance(raw, dict):
        return {}
    out: dict[str, dict[str, str]] = {}
    for term, renderings in raw.items():
        if not isinstance(renderings, dict):
            continue
        for lang in renderings:
            if lang not in langs[1:]:
                pos = doc.where((GLOSSARY_KEY, term, lang), key=True)
                why = "the source language" if langs and lang == langs[0] else "not in `languages`"
                result.findings.append(
                    Finding(
                        pos.file,
                        pos.line,
                        pos.column,
                        format_path((GLOSSARY_KEY, term, lang)),
                        "glossary",
                        f"{lang!r} is {why}; a glossary gives renderings in the target languages",
                    )
                )
        out[term] = {k: v for k, v in renderings.items() if isinstance(v, str) and k in langs[1:]}
    return out


def lint_document(doc: Document) -> LintResult:
    """Lint every text of a validated document."""
    result = LintResult()
    langs = languages(doc.data)
    texts = find_texts(doc.data, langs)
    result.texts = len(texts)
    if len(langs) < 2:
        return result
    ctx = lint_rules.Context(langs, lint_rules.spec_names(doc.data), _glossary(doc, langs, result))
    used: dict[tuple[Any, ...], int] = {}
    for rule in lint_rules.RULES:
        for loc, lang, rule_id, message in rule(texts, ctx):
            if rule_id in loc.ignores:
                used[(loc.path, rule_id)] = used.get((loc.path, rule_id), 0) + 1
                continue
            pos = doc.where((*loc.path, lang) if lang else loc.path)
            result.findings.append(
                Finding(pos.file, pos.line, pos.column, loc.key, rule_id, message, lang or "")
            )
    result.ignores = _ignores(doc, texts, used, result)
    result.findings = sorted(set(result.findings))
    return result


def _ignores(
    doc: Document, texts: list[TextLoc], used: dict[tuple[Any, ...], int], result: LintResult
) -> list[Ignore]:
    out = []
    for loc in texts:
        for rule, reason in loc.ignores.items():
            pos = doc.where((*loc.path, IGNORE_KEY, rule), key=True)
            count = used.get((loc.path, rule), 0)
            out.append(Ignore(pos.file, pos.line, pos.column, loc.key, rule, reason, count))
            if not count:
                result.findings.append(
                    Finding(
                        pos.file,
                        pos.line,
                        pos.column,
                        loc.key,
                        UNUSED_IGNORE,
                        f"`lint-ignore: {rule}` suppresses nothing here; remove it",
                    )
                )
    return sorted(out)


def report(result: LintResult, fmt: str, *, strict: bool) -> str:
    """The findings in a format: ``text`` (one a line), ``json`` or ``github`` annotations."""
    if fmt == "json":
        return result.to_json() + "\n"
    if fmt == "github":
        level = "error" if strict else "warning"
        return "".join(f.github(level) + "\n" for f in result.findings)
    return "".join(f.format() + "\n" for f in result.findings)


def summary(result: LintResult) -> str:
    """One line: how many findings in how many texts, and how many were suppressed."""
    count = len(result.findings)
    suppressed = sum(i.suppressed for i in result.ignores)
    return (
        f"{count} lint finding{'s' if count != 1 else ''} in {result.texts} texts"
        f" ({suppressed} suppressed by lint-ignore)"
    )
