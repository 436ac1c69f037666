"""YAML in, validated spec out: the spec model mirrors the YAML and refuses what is wrong."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator import checks, schema_fast
from generator.metadata import PackageMetadata, metadata_problems, package_metadata
from generator.problems import Problem, SpecError, closest
from generator.yaml_source import Document, load_path, read_sources

if TYPE_CHECKING:  # jsonschema is imported only when a spec may be invalid (about 60 ms)
    import jsonschema

SCHEMA_PATH = Path(__file__).with_name("spec.schema.json")
PRIMITIVES = ("string", "boolean", "int32", "int64", "number")

Text = dict[str, str]


@dataclass(frozen=True)
class TypeRef:
    """A field's type: a primitive, an object, or an array of a type."""

    kind: str  # "primitive" | "object" | "array"
    name: str  # the primitive's or object's name; "array" for arrays
    format: str | None = None
    items: TypeRef | None = None


@dataclass(frozen=True)
class FieldSpec:
    """One field of an object, keyed by its wire name."""

    wire_name: str
    type: TypeRef
    scope: str | None
    required: bool
    description: Text
    example: Any
    has_example: bool


@dataclass(frozen=True)
class ObjectSpec:
    """An API object and its ordered fields."""

    name: str
    description: Text
    fields: tuple[FieldSpec, ...]


@dataclass(frozen=True)
class ScopeSpec:
    """An OAuth scope and what it grants, per language."""

    name: str
    description: Text


@dataclass(frozen=True)
class FieldsParameter:
    """A query parameter that selects which fields of an object the response carries."""

    name: str
    object: str
    required: bool
    description: Text
    example: str | None


@dataclass(frozen=True)
class ExampleSpec:
    """A named example response."""

    key: str
    summary: Text
    value: Any


@dataclass(frozen=True)
class ErrorSpec:
    """An API error code and its HTTP status."""

    code: str
    status: int
    description: Text


@dataclass(frozen=True)
class EndpointSpec:
    """One HTTP operation."""

    key: str
    method: str
    path: str
    summary: Text
    description: Text
    rate_limit_per_minute: int | None
    security: str | None
    fields_parameter: FieldsParameter | None
    response: str
    examples: tuple[ExampleSpec, ...]
    errors: tuple[ErrorSpec, ...]


@dataclass(frozen=True)
class PackageSpec:
    """The generated package's name and the API's metadata."""

    name: str
    version: str
    title: Text
    description: Text
    api_version: str | None
    base_url: str
    metadata: PackageMetadata = PackageMetadata()  # license, authors, homepage, keywords, contact


@dataclass(frozen=True)
class AuthSpec:
    """OAuth 2.0 endpoints."""

    authorize_url: str
    token_url: str


@dataclass(frozen=True)
class Spec:
    """A validated spec: everything the IR is built from."""

    files: tuple[str, ...]  # as messages name them (relative to the working directory)
    sources: tuple[str, ...]  # as generated headers name them (folder/name, the same from anywhere)
    sha256: str
    languages: tuple[str, ...]
    package: PackageSpec
    auth: AuthSpec | None
    scopes: tuple[ScopeSpec, ...]
    objects: tuple[ObjectSpec, ...]
    endpoints: tuple[EndpointSpec, ...]
    labels: dict[str, dict[str, str]]

    def object(self, name: str) -> ObjectSpec:
        """The object called ``name``."""
        return next(o for o in self.objects if o.name == name)


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
        return [doc.problem(path, f"{instance!r} is not allowed; use one of {', '.join(map(repr, allowed))}")]
    return [doc.problem(path, error.message)]


def _is_property_name_error(error: jsonschema.ValidationError) -> bool:
    """Whether the error is about a mapping key (jsonschema reports it at the parent's path)."""
    return "propertyNames" in error.relative_schema_path


_NAME_RULES = {
    "objects": "an object name must be PascalCase letters and digits (e.g. UserInfo)",
    "endpoints": "an endpoint key must be snake_case (e.g. get_user_info)",
    "scopes": "a scope name must not be empty, nor hold spaces or commas (they separate scopes in a request)",
}


def _name_problem(doc: Document, path: tuple[str | int, ...], name: str) -> Problem:
    parent = str(path[-1]) if path else ""
    what = _NAME_RULES.get(parent) if len(path) == 1 else None
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


def _type_ref(raw: dict[str, Any]) -> TypeRef:
    name = raw["type"]
    if name == "array":
        return TypeRef("array", "array", raw.get("format"), _type_ref(raw["items"]))
    kind = "primitive" if name in PRIMITIVES else "object"
    return TypeRef(kind, name, raw.get("format"))


def _build(doc: Document) -> Spec:
    data = doc.data
    langs = tuple(data["languages"])
    scopes = tuple(ScopeSpec(name, s["description"]) for name, s in data["scopes"].items())
    objects = tuple(
        ObjectSpec(
            name,
            o["description"],
            tuple(
                FieldSpec(
                    wire,
                    _type_ref(f),
                    f.get("scope"),
                    bool(f.get("required", False)),
                    f["description"],
                    f.get("example"),
                    "example" in f,
                )
                for wire, f in o["fields"].items()
            ),
        )
        for name, o in data["objects"].items()
    )
    endpoints = []
    for key, e in data.get("endpoints", {}).items():
        fp = e.get("fields_parameter")
        endpoints.append(
            EndpointSpec(
                key=key,
                method=e["method"],
                path=e["path"],
                summary=e["summary"],
                description=e["description"],
                rate_limit_per_minute=e.get("rate_limit_per_minute"),
                security=e.get("security"),
                fields_parameter=(
                    FieldsParameter(
                        fp["name"],
                        fp["object"],
                        bool(fp.get("required", False)),
                        fp["description"],
                        fp.get("example"),
                    )
                    if fp
                    else None
                ),
                response=e["response"],
                examples=tuple(
                    ExampleSpec(k, x["summary"], x["value"]) for k, x in e.get("examples", {}).items()
                ),
                errors=tuple(
                    ErrorSpec(code, x["status"], x["description"]) for code, x in e.get("errors", {}).items()
                ),
            )
        )
    pkg = data["package"]
    auth = data.get("auth")
    digest = hashlib.sha256()
    for name, text in zip(doc.sources, doc.texts):
        digest.update(name.encode() + b"\0" + text + b"\0")
    return Spec(
        files=doc.files,
        sources=doc.sources,
        sha256=digest.hexdigest(),
        languages=langs,
        package=PackageSpec(
            pkg["name"],
            pkg["version"],
            pkg["title"],
            pkg["description"],
            pkg.get("api_version"),
            pkg["base_url"],
            metadata=package_metadata(pkg),
        ),
        auth=AuthSpec(auth["authorize_url"], auth["token_url"]) if auth else None,
        scopes=scopes,
        objects=objects,
        endpoints=tuple(endpoints),
        labels=data.get("labels", {}),
    )


def validate_document(doc: Document) -> Spec:
    """Check a read document against the schema and the meaning checks; build the spec model."""
    problems = _schema_problems(doc)
    problems.extend(checks.meaning_problems(doc))
    problems.extend(metadata_problems(doc))
    if problems:
        raise SpecError(problems)
    return _build(doc)


def load_spec(path: Path) -> Spec:
    """Read, validate and model the spec at ``path`` (a file or a directory)."""
    return validate_document(load_path(path))


def parse_spec_text(text: str, name: str = "spec.yaml") -> Spec:
    """Validate a spec given as text (for tests and tools)."""
    return validate_document(read_sources([(name, text.encode("utf-8"))]))
