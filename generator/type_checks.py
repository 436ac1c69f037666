"""Types and values: a field's type names something that exists, and a value fits its type and constraints."""

from __future__ import annotations

from typing import Any

from generator.constraint_checks import constraint_problems, value_problem
from generator.problems import Problem, closest
from generator.spec_model import PRIMITIVES
from generator.yaml_document import Document, Path_

# Type names people bring from other languages, and the spec's name for each.
_TYPE_ALIASES = {
    "str": "string",
    "text": "string",
    "bool": "boolean",
    "int": "int64",
    "integer": "int64",
    "long": "int64",
    "float": "number",
    "double": "number",
    "list": "array",
}


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def known_types(data: dict[str, Any]) -> list[str]:
    return [*PRIMITIVES, "array", *_dict(data.get("objects"))]


def type_problems(doc: Document, path: Path_, raw: dict[str, Any], objects: dict[str, Any]) -> list[Problem]:
    name = raw.get("type")
    if not isinstance(name, str):
        return []
    if name not in PRIMITIVES and name != "array" and name not in _dict(doc.data.get("objects")):
        known = known_types(doc.data)  # built only for the message: it lists every object
        close = _TYPE_ALIASES.get(name.lower()) or closest(name, known)
        hint = f"did you mean {close!r}?" if close else f"use one of {', '.join(known)}"
        return [doc.problem((*path, "type"), f"unknown type {name!r}; {hint}")]
    if name == "array":
        items = raw.get("items")
        if not isinstance(items, dict):
            return [doc.problem((*path, "type"), "an array needs `items: {type: ...}`")]
        return type_problems(doc, (*path, "items"), items, objects)
    if "items" in raw:
        return [
            doc.problem((*path, "items"), f"`items` is only for arrays, and this type is {name!r}", key=True)
        ]
    return []


_PRIMITIVE_CHECKS: dict[str, Any] = {
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "int32": lambda v: isinstance(v, int) and not isinstance(v, bool) and -(2**31) <= v < 2**31,
    "int64": lambda v: isinstance(v, int) and not isinstance(v, bool) and -(2**63) <= v < 2**63,
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
}


def example_problem(value: Any, raw: dict[str, Any], objects: dict[str, Any]) -> str | None:
    """Whether a value fits its declared type and constraints (None if it does)."""
    name = raw.get("type")
    if name in _PRIMITIVE_CHECKS:
        fits = _PRIMITIVE_CHECKS[name](value)
        return value_problem(value, raw) if fits else f"{value!r} is not a valid {name}"
    if name == "array":
        return _array_problem(value, raw, objects)
    if isinstance(name, str) and name in objects:
        return _object_problem(value, name, objects)
    return None


def value_problems(doc: Document, path: Path_, raw: dict[str, Any], objects: dict[str, Any]) -> list[Problem]:
    """A field's (or query parameter's) constraints and default, and its example against them."""
    problems = constraint_problems(doc, path, raw, lambda v: example_problem(v, raw, objects))
    if "example" in raw:
        bad = example_problem(raw["example"], raw, objects)
        if bad:
            problems.append(doc.problem((*path, "example"), f"the example does not fit the type: {bad}"))
    return problems


def named_examples_problems(
    doc: Document, path: Path_, examples: Any, name: str, objects: dict[str, Any]
) -> list[Problem]:
    """Each named example (``{key: {summary, value}}`` at ``path``) whose value does not fit the object ``name``."""
    problems = []
    for key, example in _dict(examples).items():
        if isinstance(example, dict) and "value" in example:
            bad = example_problem(example["value"], {"type": name}, objects)
            if bad:
                problems.append(doc.problem((*path, key, "value"), f"the example does not fit {name}: {bad}"))
    return problems


def _array_problem(value: Any, raw: dict[str, Any], objects: dict[str, Any]) -> str | None:
    if not isinstance(value, list):
        return f"expected a list, found {value!r}"
    items = _dict(raw.get("items"))
    for i, item in enumerate(value):
        bad = example_problem(item, items, objects)
        if bad:
            return f"item {i}: {bad}"
    return value_problem(value, raw)


def _object_problem(value: Any, name: str, objects: dict[str, Any]) -> str | None:
    if not isinstance(value, dict):
        return f"expected a mapping for {name}, found {value!r}"
    fields = _dict(_dict(objects[name]).get("fields"))
    for key, item in value.items():
        if key in fields and isinstance(fields[key], dict):
            bad = example_problem(item, fields[key], objects)
            if bad:
                return f"{key}: {bad}"
    for key, field in fields.items():
        if isinstance(field, dict) and field.get("required") and key not in value:
            return f"the required field {key!r} of {name} is missing"
    return None
