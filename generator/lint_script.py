"""Script hygiene of one text in one language, and what script a language is written in.

Each check returns messages (empty when the text is clean); ``text_lint`` places and names them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

# Letters of the script each language is written in (by its base code: ``pt-BR`` is ``pt``).
# A language written in Latin letters is not listed: a translation into it shares the
# source's letters, so "no letter of its script" says nothing there.
_SCRIPT_LETTERS = {
    "th": ("Thai", "[\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e]"),
    "lo": ("Lao", "[\u0e81-\u0edf]"),
    "km": ("Khmer", "[\u1780-\u17ff]"),
    "my": ("Myanmar", "[\u1000-\u109f]"),
    "ja": ("Japanese", "[\u3040-\u30ff\u4e00-\u9fff]"),
    "zh": ("Chinese", "[\u4e00-\u9fff\u3400-\u4dbf]"),
    "ko": ("Hangul", "[\uac00-\ud7af\u1100-\u11ff]"),
    "ru": ("Cyrillic", "[\u0400-\u04ff]"),
    "uk": ("Cyrillic", "[\u0400-\u04ff]"),
    "bg": ("Cyrillic", "[\u0400-\u04ff]"),
    "el": ("Greek", "[\u0370-\u03ff]"),
    "ar": ("Arabic", "[\u0600-\u06ff]"),
    "fa": ("Arabic", "[\u0600-\u06ff]"),
    "he": ("Hebrew", "[\u0590-\u05ff]"),
    "hi": ("Devanagari", "[\u0900-\u097f]"),
}
_THAI = re.compile("[\u0e00-\u0e7f]")
ZERO_WIDTH = {
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u2060": "word joiner",
    "\ufeff": "zero-width no-break space (BOM)",
}
_ZERO_WIDTH = re.compile("[" + "".join(ZERO_WIDTH) + "]")
_SPACE_THEN_NON_ASCII = re.compile(r"\s[^\x00-\x7f]")
_DIGIT = re.compile(r"\d")  # every decimal digit (category Nd), of any script
# A Thai letter or sign, then Latin sentence punctuation, then a space or the end: Thai ends
# a sentence or a clause with a space, not with ". " or ", ".
_THAI_LATIN_PUNCT = re.compile("[\u0e01-\u0e4e]([.,;:!?])(?=\\s|$)")


def script_of(lang: str) -> tuple[str, re.Pattern[str]] | None:
    """The name of a language's script and a pattern matching one of its letters (None: Latin or unknown)."""
    entry = _SCRIPT_LETTERS.get(lang.split("-")[0].lower())
    return (entry[0], re.compile(entry[1])) if entry else None


def _nfc(text: str, lang: str) -> list[str]:
    if unicodedata.is_normalized("NFC", text):
        return []
    return ["the text is not in Unicode NFC (composed) form; save it normalised (NFC)"]


def _zero_width(text: str, lang: str) -> list[str]:
    found = sorted(set(_ZERO_WIDTH.findall(text)))
    return [f"the text contains a {ZERO_WIDTH[c]} (U+{ord(c):04X}); remove it" for c in found]


def _double_space(text: str, lang: str) -> list[str]:
    at = text.find("  ")
    if at < 0:
        return []
    return [f"doubled space after {text[max(0, at - 12):at]!r}; write one space"]


def _space_before_mark(text: str, lang: str) -> list[str]:
    for match in _SPACE_THEN_NON_ASCII.finditer(text):  # combining marks are never ASCII
        i, char = match.end() - 1, match.group()[-1]
        if unicodedata.category(char) == "Mn":
            return [
                f"a space before the combining mark U+{ord(char):04X} ({unicodedata.name(char, '?').lower()}) "
                f"after {text[max(0, i - 12):i - 1]!r}; the mark belongs to the letter before the space"
            ]
    return []


def _punctuation_spacing(text: str, lang: str) -> list[str]:
    if not _THAI.search(text):
        return []
    found = _THAI_LATIN_PUNCT.search(text)
    if not found:
        return []
    at = found.start(1)
    return [
        f"Thai text ends a phrase with Latin punctuation {found.group(1)!r} after "
        f"{text[max(0, at - 12):at]!r}; Thai separates sentences with a space"
    ]


def _mixed_digits(text: str, lang: str) -> list[str]:
    zeros = {ord(c) - unicodedata.digit(c) for c in _DIGIT.findall(text)}
    if len(zeros) < 2:
        return []
    shown = ", ".join(f"{chr(z)}-{chr(z + 9)}" for z in sorted(zeros))
    return [f"the text mixes digits of different scripts ({shown}); use one kind"]


CHECKS: dict[str, Callable[[str, str], list[str]]] = {
    "nfc": _nfc,
    "zero-width": _zero_width,
    "double-space": _double_space,
    "space-before-mark": _space_before_mark,
    "punctuation-spacing": _punctuation_spacing,
    "mixed-digits": _mixed_digits,
}
