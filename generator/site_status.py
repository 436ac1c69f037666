"""The docs site's home page section on translations: ``specgen i18n status``, per language.

It is added when the site is staged (``python -m generator.site``), not to ``generated/``: its
stale counts come from git history, and ``generated/`` depends on the spec alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from generator.escaping import md_cell, md_heading
from generator.i18n_status import LanguageStatus
from generator.ir import LanguageIR


def section(entries: list[LanguageStatus], page: LanguageIR, names: Mapping[str, str]) -> str:
    """The section in the words of the page's language; ``names``: each language's own name."""
    words = page.labels
    head = ("language", "texts", "translated", "missing", "stale", "lint_findings")
    rows = [
        f"## {md_heading(words['translation_status'])}",
        "",
        "| " + " | ".join(md_cell(words[w]) for w in head) + " |",
        "| --- |" + " ---: |" * (len(head) - 1),
    ]
    for e in entries:
        stale = md_cell(words["unknown"]) if e.stale is None else str(e.stale)
        cells = (md_cell(names[e.language]), str(e.texts), str(e.translated), str(e.missing), stale)
        rows.append("| " + " | ".join((*cells, str(e.findings))) + " |")
    return "\n".join(rows) + "\n"


def home_sections(spec: Path, languages: tuple[LanguageIR, ...]) -> dict[str, str]:
    """The translation status section of each language's home page."""
    from generator import i18n_status, po, text_lint

    st = po.load(spec)
    entries = i18n_status.status(st, text_lint.lint_document(st.doc))
    names = {x.code: x.labels["language_name"] for x in languages}
    return {x.code: section(entries, x, names) for x in languages}
