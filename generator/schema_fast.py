"""A fast yes/no check of a document against the spec's JSON Schema, for the common case: a valid spec.

``jsonschema`` takes about 60 ms to import and about 190 us a field to validate (its
``$ref`` lookups and error machinery), which is a large part of generating a big spec.
This module compiles the schema, once, into plain closures for the keywords the spec
schema uses. It answers only "certainly valid"; anything else (an invalid document, a
keyword or value it does not handle) answers False, and the caller then runs
``jsonschema`` for the real verdict and its messages. So it can make validation faster,
never more lenient: ``tests/test_schema_fast.py`` checks it agrees with jsonschema.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

# Keywords that only annotate: they never make a document invalid.
_ANNOTATIONS = frozenset(
    {"$schema", "$id", "$comment", "title", "description", "default", "examples", "format"}
)
_TYPES: dict[str, Callable[[Any], bool]] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    # Stricter than JSON Schema (where 400.0 is an integer), as the spec's validator is: a status
    # or a rate limit written 400.0 would come out as 400.0 in the code, docs and OpenAPI.
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
}


class Unsupported(Exception):
    """The schema uses something this checker does not handle; use jsonschema."""


def _number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


class _Compiler:
    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root
        self.refs: dict[str, Check] = {}

    def ref(self, pointer: str) -> Check:
        if not pointer.startswith("#/$defs/") or "/" in pointer[len("#/$defs/") :]:
            raise Unsupported(f"$ref {pointer}")
        if pointer not in self.refs:
            slot: list[Check] = []
            self.refs[pointer] = lambda v: slot[0](v)  # recursive schemas: resolved after compiling
            slot.append(self.compile(self.root["$defs"][pointer[len("#/$defs/") :]]))
        return self.refs[pointer]

    def compile(self, schema: Any) -> Check:
        if schema is True:
            return lambda v: True
        if schema is False:
            return lambda v: False
        if not isinstance(schema, dict):
            raise Unsupported(repr(schema))
        checks: list[Check] = []
        for key, value in schema.items():
            if key in _ANNOTATIONS or key == "$defs":
                continue
            checks.append(self.keyword(key, value, schema))
        if len(checks) == 1:
            return checks[0]
        return lambda v: all(check(v) for check in checks)

    def keyword(self, key: str, value: Any, schema: dict[str, Any]) -> Check:
        if key == "$ref":
            return self.ref(value)
        if key == "type":
            tests = [_TYPES[t] for t in ([value] if isinstance(value, str) else value)]
            return lambda v: any(t(v) for t in tests)
        if key in ("enum", "const"):
            allowed = value if key == "enum" else [value]
            if not all(isinstance(a, str) or _number(a) for a in allowed):
                raise Unsupported(f"{key} with values other than strings and numbers")
            strings = frozenset(a for a in allowed if isinstance(a, str))
            numbers = tuple(a for a in allowed if _number(a))
            # JSON equality: 1 == 1.0, but true is not 1.
            return lambda v: (v in strings) if isinstance(v, str) else (_number(v) and v in numbers)
        if key == "pattern":
            search = re.compile(value).search
            return lambda v: not isinstance(v, str) or search(v) is not None
        if key == "minLength":
            return lambda v: not isinstance(v, str) or len(v) >= value
        if key == "maxLength":
            return lambda v: not isinstance(v, str) or len(v) <= value
        if key in ("minimum", "maximum"):
            if not _number(value):
                raise Unsupported(key)
            if key == "minimum":
                return lambda v: not _number(v) or v >= value
            return lambda v: not _number(v) or v <= value
        if key == "minProperties":
            return lambda v: not isinstance(v, dict) or len(v) >= value
        if key == "minItems":
            return lambda v: not isinstance(v, list) or len(v) >= value
        if key == "uniqueItems":
            if not value:
                return lambda v: True
            # Only strings are compared here; other items fall back to jsonschema's equality.
            return lambda v: not isinstance(v, list) or (
                all(isinstance(i, str) for i in v) and len(set(v)) == len(v)
            )
        if key == "required":
            names = tuple(value)
            return lambda v: not isinstance(v, dict) or all(n in v for n in names)
        if key == "items":
            item = self.compile(value)
            return lambda v: not isinstance(v, list) or all(item(i) for i in v)
        if key == "propertyNames":
            name = self.compile(value)
            return lambda v: not isinstance(v, dict) or all(name(k) for k in v)
        if key == "properties":
            props = {k: self.compile(s) for k, s in value.items()}
            return lambda v: not isinstance(v, dict) or all(c(v[k]) for k, c in props.items() if k in v)
        if key == "additionalProperties":
            if "patternProperties" in schema:
                raise Unsupported("patternProperties")
            known = frozenset(schema.get("properties", {}))
            if value is False:
                return lambda v: not isinstance(v, dict) or all(k in known for k in v)
            extra = self.compile(value)
            return lambda v: not isinstance(v, dict) or all(extra(x) for k, x in v.items() if k not in known)
        raise Unsupported(key)


def compile_schema(schema: dict[str, Any]) -> Check | None:
    """A function telling whether a document is certainly valid; None if the schema is beyond it."""
    try:
        return _Compiler(schema).compile(schema)
    except (Unsupported, KeyError, TypeError, re.error):
        return None


def certainly_valid(check: Check | None, document: Any) -> bool:
    """True only if ``document`` is valid; False means: ask jsonschema."""
    if check is None:
        return False
    try:
        return check(document)
    except (TypeError, RecursionError):
        return False
