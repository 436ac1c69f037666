"""Meaning checks of a field's constraints, format and default, and of values against them.

Like every meaning check they run on data that may also have schema errors: a value of the
wrong kind is skipped here (the schema already reported it).
"""

from __future__ import annotations

from typing import Any, TypeGuard

from generator.problems import Problem, closest
from generator.yaml_document import Document, Path_

NUMBERS = ("int32", "int64", "number")
INTEGERS = ("int32", "int64")
# Which types each constraint applies to; "array" covers every array.
APPLIES_TO: dict[str, tuple[str, ...]] = {
    "minimum": NUMBERS,
    "maximum": NUMBERS,
    "min_length": ("string",),
    "max_length": ("string",),
    "min_items": ("array",),
    "max_items": ("array",),
    "enum": ("string",),
}
_KIND_WORDS = {NUMBERS: "numbers (int32, int64, number)", ("string",): "strings", ("array",): "arrays"}
# String formats of JSON Schema (and OpenAPI's) that validators and code generators know.
FORMATS = (
    "date",
    "date-time",
    "time",
    "duration",
    "email",
    "hostname",
    "ipv4",
    "ipv6",
    "uri",
    "uri-reference",
    "uuid",
    "byte",
    "binary",
    "password",
)
# Formats people write, and the one JSON Schema calls it.
_FORMAT_ALIASES = {"url": "uri", "datetime": "date-time", "timestamp": "date-time", "guid": "uuid"}
_PAIRS = (("minimum", "maximum"), ("min_length", "max_length"), ("min_items", "max_items"))


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _count(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def value_problem(value: Any, raw: dict[str, Any]) -> str | None:
    """Whether ``value`` (already of the right type) breaks one of ``raw``'s constraints."""
    minimum, maximum = raw.get("minimum"), raw.get("maximum")
    if _number(value):
        if _number(minimum) and value < minimum:
            return f"{value!r} is below the minimum {minimum!r}"
        if _number(maximum) and value > maximum:
            return f"{value!r} is above the maximum {maximum!r}"
    if isinstance(value, str):
        enum = raw.get("enum")
        if isinstance(enum, list) and enum and value not in enum:
            return f"{value!r} is not one of {', '.join(map(repr, enum))}"
        return _size_problem(len(value), raw, "length", f"{value!r} has {len(value)} characters")
    if isinstance(value, list):
        return _size_problem(len(value), raw, "items", f"the list has {len(value)} items")
    return None


def _size_problem(size: int, raw: dict[str, Any], unit: str, what: str) -> str | None:
    low, high = raw.get(f"min_{unit}"), raw.get(f"max_{unit}")
    if _count(low) and size < low:
        return f"{what}; at least {low} allowed"
    if _count(high) and size > high:
        return f"{what}; at most {high} allowed"
    return None


def _misplaced(doc: Document, path: Path_, raw: dict[str, Any], type_name: str) -> list[Problem]:
    problems = []
    for key, kinds in APPLIES_TO.items():
        if key in raw and type_name not in kinds:
            problems.append(
                doc.problem(
                    (*path, key),
                    f"`{key}` is only for {_KIND_WORDS[kinds]}, and this type is {type_name!r}; remove it",
                    key=True,
                )
            )
    return problems


def _bounds(doc: Document, path: Path_, raw: dict[str, Any], type_name: str) -> list[Problem]:
    problems = []
    if type_name in INTEGERS:
        for key in ("minimum", "maximum"):
            value = raw.get(key)
            if isinstance(value, float):
                problems.append(
                    doc.problem((*path, key), f"{type_name} takes an integer {key}, found {value!r}")
                )
    for low_key, high_key in _PAIRS:
        low, high = raw.get(low_key), raw.get(high_key)
        if isinstance(low, (int, float)) and isinstance(high, (int, float)) and low > high:
            problems.append(
                doc.problem(
                    (*path, low_key), f"`{low_key}` {low!r} is above `{high_key}` {high!r}; nothing fits"
                )
            )
    return problems


def _format(doc: Document, path: Path_, raw: dict[str, Any], type_name: str) -> list[Problem]:
    fmt = raw.get("format")
    if not isinstance(fmt, str):
        return []
    if type_name != "string":
        return [
            doc.problem(
                (*path, "format"),
                f"`format` is only for strings, and this type is {type_name!r}; remove it",
                key=True,
            )
        ]
    if fmt not in FORMATS:
        close = _FORMAT_ALIASES.get(fmt.lower()) or closest(fmt, FORMATS)
        hint = f"did you mean {close!r}?" if close else f"use one of {', '.join(FORMATS)}"
        return [doc.problem((*path, "format"), f"unknown string format {fmt!r}; {hint}")]
    return []


def constraint_problems(doc: Document, path: Path_, raw: dict[str, Any], fits: Any) -> list[Problem]:
    """Constraints that do not apply to the field's type, bounds that exclude every value, a bad default.

    ``fits(value)`` says whether a value is of the field's type (None if it is, else why not).
    """
    type_name = raw.get("type")
    if not isinstance(type_name, str):
        return []
    problems = [
        *_misplaced(doc, path, raw, type_name),
        *_bounds(doc, path, raw, type_name),
        *_format(doc, path, raw, type_name),
    ]
    if "default" in raw:
        if raw.get("required") is True:
            problems.append(
                doc.problem(
                    (*path, "default"),
                    "a required field is always sent, so a default never applies; remove one of them",
                    key=True,
                )
            )
        bad = fits(raw["default"]) or value_problem(raw["default"], raw)
        if bad:
            problems.append(doc.problem((*path, "default"), f"the default does not fit the field: {bad}"))
    return problems
