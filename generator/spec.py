"""YAML in, validated spec out: the spec model mirrors the YAML and refuses what is wrong."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator import checks, schema_fast, texts
from generator.metadata import metadata_problems
from generator.problems import Problem, SpecError, closest
from generator.spec_model import (
    PRIMITIVES,
    EndpointSpec,
    FieldSpec,
    ObjectSpec,
    Spec,
    Text,
    TypeRef,
    build,
)
from generator.yaml_document import Document
from generator.yaml_source import load_path, read_sources

if TYPE_CHECKING:  # jsonschema is imported only when a spec may be invalid (about 60 ms)
    import jsonschema

# The spec model's names, re-exported: callers import them from here.
__all__ = [
    "PRIMITIVES",
    "EndpointSpec",
    "FieldSpec",
    "ObjectSpec",
    "Spec",
    "Text",
    "TypeRef",
    "load_spec",
    "parse_spec_text",
    "schema",
    "validate_document",
]

SCHEMA_PATH = Path(__file__).with_name("spec.schema.json")


@cache
def schema() -> dict[str, Any]:
    """The published JSON Schema of the spec format."""
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


def _strict_integer(checker: Any, instance: Any) -> bool:
    return isinstance(instance, int) and not isinstance(instance, bool)


@cache
def _validator() -> jsonschema.Draft202012Validator:
    import jsonschema

    # JSON Schema counts 400.0 as an integer; the spec does not (it would come out as 400.0
    # in the generated code, docs and OpenAPI), so say "write 400".
    checker = jsonschema.Draft202012Validator.TYPE_CHECKER.redefine("integer", _strict_integer)
    strict = jsonschema.validators.extend(  # type: ignore[no-untyped-call]
        jsonschema.Draft202012Validator, type_checker=checker
    )
    validator: jsonschema.Draft202012Validator = strict(schema())
    return validator


@cache
def _fast_check() -> schema_fast.Check | None:
    return schema_fast.compile_schema(schema())


def _schema_problems(doc: Document) -> list[Problem]:
    if schema_fast.certainly_valid(_fast_check(), doc.data):
        return []  # the common case, without importing jsonschema; otherwise it decides and explains
    problems = []
    for error in _validator().iter_errors(doc.data):
        problems.extend(_explain(doc, error))
    return problems


def _explain(doc: Document, error: jsonschema.ValidationError) -> list[Problem]:
    """Turn one JSON Schema error into problems a person can act on."""
    path = tuple(error.absolute_path)
    instance: Any = error.instance
    schema_node: Any = error.schema
    rule: Any = error.validator_value
    if _is_property_name_error(error):
        if error.validator == "maxLength":
            return [
                doc.problem(
                    (*path, str(instance)),
                    f"the name {str(instance)[:40]!r}... is {len(str(instance))} characters long; at most "
                    f"{rule} (it names files and modules), so shorten it",
                    key=True,
                )
            ]
        return [_name_problem(doc, path, str(instance))]
    if error.validator == "additionalProperties" and rule is False:
        allowed = sorted(schema_node.get("properties", {}))
        out = []
        for key in sorted(set(instance) - set(allowed)):
            close = closest(key, allowed)
            hint = f"; did you mean {close!r}?" if close else f"; allowed keys: {', '.join(allowed)}"
            out.append(doc.problem((*path, key), f"unknown key {key!r}{hint}", key=True))
        return out
    if error.validator == "required":
        return [doc.problem(path, error.message.replace("is a required property", "is required here"))]
    if error.validator == "type":
        if rule == "integer" and isinstance(instance, float) and instance.is_integer():
            return [doc.problem(path, f"expected an integer, found {instance!r}; write {int(instance)}")]
        return [doc.problem(path, f"expected {_a(rule)}, found {_describe(instance)}")]
    if error.validator == "pattern":
        # Say what the rule means, where the schema does.
        meaning = error.schema.get("description") if isinstance(error.schema, Mapping) else None
        what = f"is not allowed: {meaning}" if meaning else f"does not have the expected form ({rule})"
        return [doc.problem(path, f"{instance!r} {what}")]
    if error.validator in ("const", "enum"):
        allowed = rule if error.validator == "enum" else [rule]
        close = closest(instance, [str(a) for a in allowed]) if isinstance(instance, str) else None
        hint = f"did you mean {close!r}? Allowed:" if close else "use one of"
        return [doc.problem(path, f"{instance!r} is not allowed; {hint} {', '.join(map(repr, allowed))}")]
    return [doc.problem(path, error.message)]


def _is_property_name_error(error: jsonschema.ValidationError) -> bool:
    """Whether the error is about a mapping key (jsonschema reports it at the parent's path)."""
    return "propertyNames" in error.relative_schema_path


_NAME_RULES = {
    "objects": "an object name must be PascalCase letters and digits (e.g. UserInfo)",
    "endpoints": "an endpoint key must be snake_case (e.g. get_user_info)",
    "scopes": "a scope name must not be empty, nor hold spaces or commas (they separate scopes in a request)",
    "tags": "a tag name starts with a letter and has only letters, digits, spaces, _ and -",
    "error_shapes": "an error shape name must be snake_case (e.g. oauth)",
}
# Names checked deeper in the spec, by the key that holds them.
_NESTED_NAME_RULES = {
    "query_parameters": "a query parameter name has only letters, digits and _ . ~ - (it goes into the URL as is)",
}


def _name_problem(doc: Document, path: tuple[str | int, ...], name: str) -> Problem:
    parent = str(path[-1]) if path else ""
    what = _NAME_RULES.get(parent) if len(path) == 1 else _NESTED_NAME_RULES.get(parent)
    if parent == texts.IGNORE_KEY:
        rules = schema()["$defs"]["lint_ignore"]["propertyNames"]["enum"]
        close = closest(name, rules)
        what = f"not a lint rule{f'; did you mean {close!r}?' if close else ''} (rules: {', '.join(rules)})"
    elif path == ("diff", "ignore"):
        rules = schema()["properties"]["diff"]["properties"]["ignore"]["propertyNames"]["enum"]
        close = closest(name, rules)
        what = f"not a rule of specgen diff{f'; did you mean {close!r}?' if close else ''} (see the README's rule table)"
    return doc.problem(
        (*path, name),
        f"invalid name {name!r}: {what or 'a language code must look like en, th or pt-BR'}",
        key=True,
    )


def _a(kind: Any) -> str:
    names = {
        "object": "a mapping",
        "array": "a list",
        "string": "a string",
        "integer": "an integer",
        "boolean": "true or false",
        "number": "a number",
    }
    return names.get(kind, str(kind)) if isinstance(kind, str) else " or ".join(map(_a, kind))


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"a string ({value!r})" if len(value) < 40 else "a string"
    return f"{type(value).__name__} ({value!r})"


def validate_document(doc: Document) -> Spec:
    """Check a read document against the schema and the meaning checks; build the spec model."""
    problems = _schema_problems(doc)
    problems.extend(checks.meaning_problems(doc))
    problems.extend(metadata_problems(doc))
    if problems:
        raise SpecError(problems)
    return build(texts.without_ignores(doc))


def load_spec(path: Path) -> Spec:
    """Read, validate and model the spec at ``path`` (a file or a directory)."""
    return validate_document(load_path(path, lazy=True))


def parse_spec_text(text: str, name: str = "spec.yaml") -> Spec:
    """Validate a spec given as text (for tests and tools)."""
    return validate_document(read_sources([(name, text.encode("utf-8"))]))
