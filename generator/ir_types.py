"""The IR's types of a field: its Python type, its JSON Schema, its label, the object it names.

Pure functions of a spec ``TypeRef`` and its ``Constraints``, shared by the objects' and the
endpoints' IR (generator/ir.py, generator/ir_endpoints.py).
"""

from __future__ import annotations

from typing import Any

from generator.escaping import py_str
from generator.spec_model import Constraints, TypeRef

_PY_PRIMITIVES = {"string": "str", "boolean": "bool", "int32": "int", "int64": "int", "number": "float"}
_JSON_PRIMITIVES: dict[str, dict[str, Any]] = {
    "string": {"type": "string"},
    "boolean": {"type": "boolean"},
    "int32": {"type": "integer", "format": "int32"},
    "int64": {"type": "integer", "format": "int64"},
    "number": {"type": "number"},
}


def py_type(ref: TypeRef, classes: dict[str, str]) -> str:
    """The Python type of a spec type (``list[Video]``, ``int``)."""
    if ref.kind == "array":
        assert ref.items is not None
        return f"list[{py_type(ref.items, classes)}]"
    if ref.kind == "object":
        return classes[ref.name]
    return _PY_PRIMITIVES[ref.name]


# Each constraint's JSON Schema keyword and pydantic ``Field`` argument.
_JSON_KEYWORDS = {
    "minimum": "minimum",
    "maximum": "maximum",
    "min_length": "minLength",
    "max_length": "maxLength",
    "min_items": "minItems",
    "max_items": "maxItems",
    "enum": "enum",
}
_PYDANTIC_ARGS = {
    "minimum": "ge",
    "maximum": "le",
    "min_length": "min_length",
    "max_length": "max_length",
    "min_items": "min_length",
    "max_items": "max_length",
}


def constrained_schema(
    ref: TypeRef, constraints: Constraints, pairs: tuple[tuple[str, Any], ...]
) -> dict[str, Any]:
    """A field's JSON Schema: its type's, with its constraints (``pairs``: ``constraints.pairs()``)."""
    schema = json_schema(ref)
    for key, value in pairs:
        schema[_JSON_KEYWORDS[key]] = list(value) if key == "enum" else value
    if constraints.has_default:
        schema["default"] = constraints.default
    return schema


def py_constraints(pairs: tuple[tuple[str, Any], ...]) -> tuple[str, ...]:
    """A field's pydantic ``Field`` arguments (``ge=0``, ``max_length=20``) from its constraints."""
    return tuple(f"{_PYDANTIC_ARGS[key]}={value!r}" for key, value in pairs if key in _PYDANTIC_ARGS)


def py_base(ref: TypeRef, constraints: Constraints, classes: dict[str, str]) -> str:
    """A field's Python type before ``| None``: its listed values as a ``Literal``, or its type's."""
    if constraints.enum is not None:
        return "Literal[" + ", ".join(py_str(v) for v in constraints.enum) + "]"
    return py_type(ref, classes)


def json_schema(ref: TypeRef) -> dict[str, Any]:
    """The JSON Schema of a spec type (objects as a ``$ref`` to their component)."""
    if ref.kind == "array":
        assert ref.items is not None
        schema: dict[str, Any] = {"type": "array", "items": json_schema(ref.items)}
    elif ref.kind == "object":
        schema = {"$ref": f"#/components/schemas/{ref.name}"}
    else:
        schema = dict(_JSON_PRIMITIVES[ref.name])
    if ref.format:
        schema["format"] = ref.format
    return schema


def type_label(ref: TypeRef) -> str:
    """How the docs name a type: ``array<Video>``."""
    if ref.kind == "array":
        assert ref.items is not None
        return f"array<{type_label(ref.items)}>"
    return ref.name


def ref_object(ref: TypeRef) -> str | None:
    """The object a type names, through arrays, if any."""
    while ref.kind == "array" and ref.items is not None:
        ref = ref.items
    return ref.name if ref.kind == "object" else None
