"""``specgen i18n status``: per target language, how many texts are translated, missing, stale.

missing: the translation is the source text again, or has no letter of the language's script
(the lint's ``untranslated`` rule, unless a text suppresses it with a reason). stale: git
history shows the source text changed after the translation (see ``i18n_history``); "?"
where the spec is not in a git work tree. translated: the rest. The lint findings follow.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator import text_lint
from generator.po import SpecTexts


@dataclass(frozen=True)
class LanguageStatus:
    """The state of one target language's translations."""

    language: str
    texts: int
    translated: int
    missing: int
    stale: int | None  # None: cannot be told (no git history)
    findings: int  # lint findings in this language's texts


def status(st: SpecTexts, result: text_lint.LintResult) -> list[LanguageStatus]:
    """One entry per target language."""
    history = st.history()
    out = []
    for lang in st.languages[1:]:
        missing = {f.path for f in result.findings if f.rule == "untranslated" and f.language == lang}
        verdicts = {loc.key: st.stale(loc, lang, history) for loc in st.texts}
        known = all(v is not None for v in verdicts.values())
        stale = {key for key, v in verdicts.items() if v} - missing
        out.append(
            LanguageStatus(
                lang,
                len(st.texts),
                len(st.texts) - len(missing) - len(stale),
                len(missing),
                len(stale) if known else None,
                sum(1 for f in result.findings if f.language == lang),
            )
        )
    return out


def render(entries: list[LanguageStatus], source: str) -> str:
    """The status as a small table, one line per language."""
    lines = [f"{'language':<10} {'texts':>6} {'translated':>11} {'missing':>8} {'stale':>6} {'lint':>5}"]
    for e in entries:
        stale = "?" if e.stale is None else str(e.stale)
        lines.append(
            f"{e.language:<10} {e.texts:>6} {e.translated:>11} {e.missing:>8} {stale:>6} {e.findings:>5}"
        )
    lines.append(f"(source language: {source}; stale is told from git history, ? where there is none)")
    return "\n".join(lines) + "\n"
