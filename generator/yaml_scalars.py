"""YAML 1.2 core-schema scalars: how a plain scalar resolves, what a tag may stand on, and the loader.

PyYAML resolves scalars with YAML 1.1; the readers in :mod:`generator.yaml_source` (and the
segment reader, :mod:`generator.yaml_segments`) resolve them here instead, with the YAML 1.2
core schema, refusing what JSON cannot hold (NaN, infinity) and tags outside the core schema.
"""

from __future__ import annotations

import functools
import math
import re
from typing import Any

import yaml

_YAML_TAG_PREFIX = "tag:yaml.org,2002:"
_STR_TAG = "tag:yaml.org,2002:str"
_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_BOOL_TAG = "tag:yaml.org,2002:bool"
_NULL_TAG = "tag:yaml.org,2002:null"
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_SCALAR_TAGS = frozenset({_STR_TAG, _INT_TAG, _FLOAT_TAG, _BOOL_TAG, _NULL_TAG})
# The YAML 1.2 core schema's tags: the only ones a spec may use (explicitly or not).
_CORE_TAGS = _SCALAR_TAGS | {_MAP_TAG, _SEQ_TAG}
# The tag a scalar gets before it is resolved: no tag, or the non-specific ``!``. The loader
# leaves it there (see _Loader.resolve); the readers resolve it with the core schema.
_NON_SPECIFIC = "!"

# The YAML 1.2 core schema (YAML 1.2.2, section 10.3.2): how a plain scalar resolves. PyYAML
# resolves with YAML 1.1, where `1:00` is 60, `010` is 8, `1_000` is 1000, `yes` and `on` are
# booleans and `2024-01-01` is a date; in YAML 1.2 (as in JSON) `010` is 10, and the others
# are strings: a field named `on` stays "on", `required: yes` is a string the schema refuses.
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_YAML12_BOOLS = {
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
}
_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
# The first characters of every plain scalar that is not a string (besides the empty one).
_NON_STR_STARTS = frozenset("~nNtTfF-+.0123456789")
# Python reads at most this many digits into an integer (sys.get_int_max_str_digits), and
# json.dumps writes no bigger one; a spec never needs one.
_MAX_INT_DIGITS = 4300
_INT_LIMIT = 10**_MAX_INT_DIGITS
_WHAT_FITS = {
    _INT_TAG: "an integer (such as 10, -3, 0o17 or 0x1F)",
    _FLOAT_TAG: "a finite number (such as 1.5, -2 or 6e3)",
    _BOOL_TAG: "true or false",
    _NULL_TAG: "null, ~ or nothing",
}

_BaseLoader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc]
    """The safe loader, leaving scalars unresolved: the readers resolve them (YAML 1.2 core).

    The composer asks ``resolve`` for the tag of every scalar without an explicit tag; PyYAML
    would answer with YAML 1.1 (and try its regexes in Python each time). Only the readers can
    tell a quoted scalar (a string) from a plain one by its style, so the tag stays non-specific.
    """

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            return _NON_SPECIFIC
        return str(super().resolve(kind, value, implicit))


assert not _BaseLoader.yaml_path_resolvers


class _Refused(Exception):
    """A scalar a spec cannot hold; the message says why and what to write instead."""


def core_tag(text: str) -> str:
    """The YAML 1.2 core schema's tag for a plain (unquoted, untagged) scalar."""
    if not text:
        return _NULL_TAG
    if text[0] not in _NON_STR_STARTS:
        return _STR_TAG
    if text in _NULLS:
        return _NULL_TAG
    if text in _YAML12_BOOLS:
        return _BOOL_TAG
    if _INT.fullmatch(text):
        return _INT_TAG
    if _FLOAT.fullmatch(text):
        return _FLOAT_TAG
    return _STR_TAG


def _shown(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")


@functools.lru_cache(maxsize=4096)
def core_value(tag: str, text: str) -> Any:
    """A scalar's value under a core tag, resolved or explicit, with its YAML 1.2 meaning.

    ``010`` is 10, ``0o17`` 15, ``0x1F`` 31. Raises _Refused for a text that does not fit
    its tag (``!!int abc``), for NaN and infinity (JSON, and so OpenAPI, has neither) and
    for an integer too long to write out. Cached: a spec repeats its scalars many times.
    """
    if tag == _STR_TAG:
        return text
    if tag == _INT_TAG and _INT.fullmatch(text):
        try:
            if text[1:2] in ("o", "x"):  # 0o17, 0x1F (no sign: the core schema has none there)
                value = int(text[2:], 8 if text[1] == "o" else 16)
            else:  # decimal, leading zeros included: 010 is 10
                value = int(text) if len(text.lstrip("+-")) <= _MAX_INT_DIGITS else _INT_LIMIT
        except ValueError:  # a lower sys.set_int_max_str_digits
            value = _INT_LIMIT
        if abs(value) >= _INT_LIMIT:
            raise _Refused(
                f"this integer has more than {_MAX_INT_DIGITS} digits; write a smaller one, "
                "or quote it for a string"
            )
        return value
    if tag == _FLOAT_TAG and _FLOAT.fullmatch(text):
        if text[-1] in "fFnN":  # .inf, -.Inf, .nan, .NaN, ...
            raise _Refused(
                f"{text!r} is not a finite number (JSON, and so OpenAPI, has no NaN or infinity); "
                "write a finite number, or quote it for a string"
            )
        number = float(text)
        if math.isinf(number):
            raise _Refused(
                f"{_shown(text)} is out of the range of a number (it would be infinity); write a "
                "finite number, or quote it for a string"
            )
        return number
    if tag == _BOOL_TAG and text in _YAML12_BOOLS:
        return _YAML12_BOOLS[text]
    if tag == _NULL_TAG and text in _NULLS:
        return None
    raise _Refused(
        f"{_shown(text)} does not fit its tag {_short_tag(tag)!r}; write {_WHAT_FITS[tag]}, or remove the tag"
    )


@functools.lru_cache(maxsize=8192)
def plain_value(text: str) -> Any:
    """The value of a plain scalar (YAML 1.2 core schema): ``1:00`` and ``1_000`` are strings."""
    return core_value(core_tag(text), text)


def untagged_value(text: str, style: str | None) -> Any:
    """The value of a scalar with no tag: quoted and block scalars are strings, plain ones resolve."""
    if style or (text and text[0] not in _NON_STR_STARTS):
        return text  # quoted, block, or plain that can only be a string (no cache lookup)
    return plain_value(text)


def _tag_problem(tag: str, kind: str) -> str:
    """Why a tag cannot stand on a node of this kind ("a mapping", "a list", "a single value")."""
    if tag not in _CORE_TAGS:
        return f"YAML tag {_short_tag(tag)!r} is not allowed; a spec uses plain YAML values only (remove the tag)"
    return f"YAML tag {_short_tag(tag)!r} cannot tag {kind}; remove the tag"


def _short_tag(tag: str) -> str:
    """A tag as it is written: ``!!python/object`` rather than ``tag:yaml.org,2002:python/object``."""
    return "!!" + tag.removeprefix(_YAML_TAG_PREFIX) if tag.startswith(_YAML_TAG_PREFIX) else tag
