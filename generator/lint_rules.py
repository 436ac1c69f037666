"""The translation rules of ``specgen lint``: each looks at the texts and yields raw findings.

A raw finding is (text, language or None, rule id, message); ``text_lint`` places it at
``FILE:LINE:COL`` and applies the text's ``lint-ignore``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.lint_script import CHECKS, script_of
from generator.texts import IGNORE_KEY, TextLoc

Raw = tuple[TextLoc, str | None, str, str]

_SPACE = re.compile(r"\s+")
_CODE = re.compile(r"`([^`\n]+)`")
_URL = re.compile(r"https?://[^\s<>\"'`)\]]+")
_PATH = re.compile(r"(?<![\w/])/[A-Za-z0-9_.{}~-]+(?:/[A-Za-z0-9_.{}~-]*)*")
_NUMBER = re.compile(
    r"(?<![A-Za-z0-9_.\u0e50-\u0e59])[0-9\u0e50-\u0e59]+(?:[.,][0-9\u0e50-\u0e59]+)*(?![A-Za-z0-9_])"
)
# A spec key is a name to keep verbatim when it cannot be read as a word: it has a dot,
# an underscore, a hyphen or a digit (open_id, user.info.basic, avatar_url_100).
_NAME_LIKE = re.compile(r"[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)+|[A-Za-z]+[0-9]+[A-Za-z0-9]*")


@dataclass(frozen=True)
class Context:
    """What the rules need beyond the texts."""

    languages: list[str]
    names: frozenset[str]  # keys of the spec that are names, not words (see _NAME_LIKE)
    glossary: dict[str, dict[str, str]]


def spec_names(data: Any) -> frozenset[str]:
    """Every key of the document that is a name, not a word: field, scope, error and endpoint names."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if isinstance(key, str) and _NAME_LIKE.fullmatch(key) and key != IGNORE_KEY:
                    found.add(key)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    return frozenset(found)


def _normal(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip().rstrip(".。!?").casefold()


def duplicates(texts: list[TextLoc], ctx: Context) -> Iterator[Raw]:
    """One translation for two different source texts among siblings (fields of an object, scopes, errors)."""
    source = ctx.languages[0]
    groups: dict[tuple[Any, ...], list[TextLoc]] = defaultdict(list)
    for loc in texts:
        if len(loc.path) >= 2:
            groups[(loc.path[:-2], loc.path[-1])].append(loc)
    for members in groups.values():
        for lang in ctx.languages[1:]:
            by_translation: dict[str, list[TextLoc]] = defaultdict(list)
            for loc in members:
                by_translation[_normal(loc.values[lang])].append(loc)
            for same in by_translation.values():
                if len({_normal(loc.values[source]) for loc in same}) < 2:
                    continue
                for loc in same:
                    others = ", ".join(o.key for o in same if o is not loc)
                    yield (
                        loc,
                        lang,
                        "duplicate-translation",
                        f"the {lang!r} text is the same as that of {others}, whose {source!r} text differs; "
                        "translate each meaning distinctly",
                    )


def untranslated(texts: list[TextLoc], ctx: Context) -> Iterator[Raw]:
    """A translation equal to the source, or with no letter of its language's script."""
    source = ctx.languages[0]
    for lang in ctx.languages[1:]:
        script = script_of(lang)
        for loc in texts:
            value = loc.values[lang]
            if _normal(value) == _normal(loc.values[source]):
                yield loc, lang, "untranslated", f"the {lang!r} text is the same as the {source!r} text"
            elif script and not script[1].search(value):
                yield loc, lang, "untranslated", f"the {lang!r} text has no {script[0]} letter"


def _tokens(text: str, names: frozenset[str]) -> set[str]:
    """Code spans, URLs, paths, spec names and numbers: what a translation must carry over verbatim."""
    found: set[str] = set()
    for pattern, kind, mark in ((_CODE, "code", "`"), (_URL, "URL", "://"), (_PATH, "path", "/")):
        if mark not in text:
            continue
        for match in pattern.finditer(text):
            value = match.group(1) if kind == "code" else match.group().rstrip(".,;:")
            found.add(f"{kind} {value}")
        text = pattern.sub(" ", text)
    for word in _NAME_LIKE.finditer(text):
        if word.group() in names:
            found.add(f"name {word.group()}")
    text = _NAME_LIKE.sub(" ", text)
    for number in _NUMBER.finditer(text):
        digits = "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in number.group())
        found.add(f"number {digits}")
    return found


def parity(texts: list[TextLoc], ctx: Context) -> Iterator[Raw]:
    """Code spans, names, URLs, paths and numbers of the source are in each translation, none added."""
    source = ctx.languages[0]
    for loc in texts:
        wanted = _tokens(loc.values[source], ctx.names)
        for lang in ctx.languages[1:]:
            have = _tokens(loc.values[lang], ctx.names)
            for token in sorted(wanted - have):
                yield loc, lang, "parity", f"the {source!r} text has the {token} and the {lang!r} text does not"
            for token in sorted(have - wanted):
                yield loc, lang, "parity", f"the {lang!r} text has the {token} and the {source!r} text does not"


def _term_pattern(term: str) -> re.Pattern[str]:
    """A glossary term as a whole word, in any case, with an optional plural ending."""
    return re.compile(r"(?<![^\W_])" + re.escape(term) + r"(?:s|es)?(?![^\W_])", re.IGNORECASE)


def _prose(text: str) -> str:
    """The text without code spans, URLs and paths (a term inside ``/v2/user/info/`` is not a use)."""
    for pattern in (_CODE, _URL, _PATH):
        text = pattern.sub(" ", text)
    return unicodedata.normalize("NFC", text)


def glossary(texts: list[TextLoc], ctx: Context) -> Iterator[Raw]:
    """A source text using a glossary term whose translation lacks the term's rendering, or has it fewer times."""
    source = ctx.languages[0]
    terms = [(term, _term_pattern(term), renderings) for term, renderings in ctx.glossary.items()]
    for loc in texts:
        prose = _prose(loc.values[source])
        for term, pattern, renderings in terms:
            uses = len(pattern.findall(prose))
            if not uses:
                continue
            for lang, rendering in renderings.items():
                translation = _prose(loc.values[lang]).casefold()
                have = translation.count(unicodedata.normalize("NFC", rendering).casefold())
                if not have:
                    yield (
                        loc,
                        lang,
                        "glossary",
                        f"the {source!r} text uses {term!r}; the glossary renders it {rendering!r} "
                        f"in {lang!r}, and this text does not have it",
                    )
                elif have < uses:
                    yield (
                        loc,
                        lang,
                        "glossary-count",
                        f"the {source!r} text uses {term!r} {uses} times and the {lang!r} text has "
                        f"{rendering!r} {have} times; is a word missing?",
                    )


def script(texts: list[TextLoc], ctx: Context) -> Iterator[Raw]:
    """Script hygiene of every text in every language (see lint_script)."""
    for loc in texts:
        for lang in ctx.languages:
            for rule, check in CHECKS.items():
                for message in check(loc.values[lang], lang):
                    yield loc, lang, rule, f"{lang!r}: {message}"


RULES = (duplicates, untranslated, parity, glossary, script)
