"""The spec model: frozen dataclasses that mirror the validated YAML, and the one function that builds them.

``build`` runs only on a document that passed the JSON Schema and the meaning checks, so it
reads keys without guarding them.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from typing import Any

from generator.metadata import PackageMetadata, package_metadata
from generator.yaml_document import Document

PRIMITIVES = ("string", "boolean", "int32", "int64", "number")
# The request content types a body may have: a JSON document, or an HTML form (OAuth 2.0).
JSON = "application/json"
FORM = "application/x-www-form-urlencoded"
CONTENT_TYPES = (JSON, FORM)
# The constraint keys of a field, in the order every target lists them.
CONSTRAINT_KEYS = ("minimum", "maximum", "min_length", "max_length", "min_items", "max_items", "enum")

Text = dict[str, str]
Path = tuple[str, ...]  # a dotted path through an object's fields, e.g. ("data", "cursor")


@dataclass(frozen=True)
class TypeRef:
    """A field's type: a primitive, an object, or an array of a type."""

    kind: str  # "primitive" | "object" | "array"
    name: str  # the primitive's or object's name; "array" for arrays
    format: str | None = None
    items: TypeRef | None = None


@dataclass(frozen=True)
class Constraints:
    """What a value must satisfy beyond its type, and its default."""

    minimum: int | float | None = None
    maximum: int | float | None = None
    min_length: int | None = None
    max_length: int | None = None
    min_items: int | None = None
    max_items: int | None = None
    enum: tuple[str, ...] | None = None
    default: Any = None
    has_default: bool = False

    def pairs(self) -> tuple[tuple[str, Any], ...]:
        """The constraints that are set, as (spec key, value), in ``CONSTRAINT_KEYS`` order."""
        return tuple((key, value) for key in CONSTRAINT_KEYS if (value := getattr(self, key)) is not None)


@dataclass(frozen=True)
class FieldSpec:
    """One field of an object (or one query parameter), keyed by its wire name."""

    wire_name: str
    type: TypeRef
    scope: str | None
    required: bool
    description: Text
    example: Any
    has_example: bool
    constraints: Constraints = field(default_factory=Constraints)


@dataclass(frozen=True)
class ObjectSpec:
    """An API object and its ordered fields."""

    name: str
    description: Text
    fields: tuple[FieldSpec, ...]


@dataclass(frozen=True)
class ScopeSpec:
    """An OAuth scope and what it grants, per language; ``consent`` is how the authorization screen
    words it, where that differs from the description."""

    name: str
    description: Text
    consent: Text | None = None


@dataclass(frozen=True)
class TagSpec:
    """A group of endpoints (an OpenAPI tag)."""

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
    """A named example (of a response or of a request body)."""

    key: str
    summary: Text
    value: Any


@dataclass(frozen=True)
class RequestBodySpec:
    """An endpoint's request body: an object, sent as JSON or as a form."""

    object: str
    content_type: str
    required: bool
    description: Text | None
    examples: tuple[ExampleSpec, ...]


@dataclass(frozen=True)
class PaginationSpec:
    """Cursor pagination: the request field that takes the cursor, the response fields that carry the next one."""

    cursor_parameter: str
    next_cursor: Path
    has_more: Path
    items: Path | None


@dataclass(frozen=True)
class ErrorShapeSpec:
    """Where an error response carries its code, message and log id."""

    name: str
    object: str | None  # the error body's object; None: the endpoint's own response object
    code: Path
    message: Path
    log_id: Path | None
    example_log_id: str | None


# The shape of an error when a spec declares none: the response's own `error` object.
DEFAULT_ERROR_SHAPE = ErrorShapeSpec(
    "default", None, ("error", "code"), ("error", "message"), ("error", "log_id"), None
)


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
    response: str | None
    examples: tuple[ExampleSpec, ...]
    errors: tuple[ErrorSpec, ...]
    tag: str | None = None
    scopes: tuple[str, ...] = ()
    query_parameters: tuple[FieldSpec, ...] = ()
    request_body: RequestBodySpec | None = None
    pagination: PaginationSpec | None = None
    error_shape: ErrorShapeSpec = DEFAULT_ERROR_SHAPE


@dataclass(frozen=True)
class ChangeItem:
    """One change of a release, as ``specgen diff`` classified it."""

    rule: str
    subject: str
    old: str = ""
    new: str = ""
    accepted: str = ""


@dataclass(frozen=True)
class ReleaseSpec:
    """A released version and its changes (the spec's ``changes:``, newest first)."""

    version: str
    date: str
    items: tuple[ChangeItem, ...]


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
    docs_url: str | None = None  # where the docs site is published (its site_url)


@dataclass(frozen=True)
class AuthSpec:
    """OAuth 2.0 endpoints."""

    authorize_url: str
    token_url: str
    revoke_url: str | None = None
    client_id_parameter: str = "client_id"
    scope_separator: str = " "


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
    tags: tuple[TagSpec, ...] = ()
    releases: tuple[ReleaseSpec, ...] = ()

    def object(self, name: str) -> ObjectSpec:
        """The object called ``name``."""
        return next(o for o in self.objects if o.name == name)


def dotted(path: str) -> Path:
    """``data.cursor`` -> ``("data", "cursor")``."""
    return tuple(path.split("."))


# A spec has thousands of fields and few distinct plain types; the model's values are frozen,
# so one instance serves every field with the same plain type, or with no constraint at all.
@functools.lru_cache(maxsize=4096)
def _plain_type(name: str, fmt: str | None) -> TypeRef:
    return TypeRef("primitive" if name in PRIMITIVES else "object", name, fmt)


_NO_CONSTRAINTS = Constraints()


def _type_ref(raw: dict[str, Any]) -> TypeRef:
    name = raw["type"]
    if name == "array":
        return TypeRef("array", "array", raw.get("format"), _type_ref(raw["items"]))
    return _plain_type(name, raw.get("format"))


def _constraints(raw: dict[str, Any]) -> Constraints:
    values = {key: raw[key] for key in CONSTRAINT_KEYS if key in raw}
    if not values and "default" not in raw:
        return _NO_CONSTRAINTS
    if "enum" in values:
        values["enum"] = tuple(values["enum"])
    return Constraints(**values, default=raw.get("default"), has_default="default" in raw)


def _field(wire: str, f: dict[str, Any]) -> FieldSpec:
    return FieldSpec(
        wire,
        _type_ref(f),
        f.get("scope"),
        bool(f.get("required", False)),
        f["description"],
        f.get("example"),
        "example" in f,
        _constraints(f),
    )


def _examples(raw: dict[str, Any]) -> tuple[ExampleSpec, ...]:
    return tuple(ExampleSpec(k, x["summary"], x["value"]) for k, x in raw.items())


def _fields_parameter(fp: dict[str, Any] | None) -> FieldsParameter | None:
    if not fp:
        return None
    return FieldsParameter(
        fp["name"], fp["object"], bool(fp.get("required", False)), fp["description"], fp.get("example")
    )


def _request_body(body: dict[str, Any] | None) -> RequestBodySpec | None:
    if not body:
        return None
    return RequestBodySpec(
        body["object"],
        body.get("content_type", JSON),
        bool(body.get("required", True)),
        body.get("description"),
        _examples(body.get("examples", {})),
    )


def _pagination(raw: dict[str, Any] | None) -> PaginationSpec | None:
    if not raw:
        return None
    items = raw.get("items")
    return PaginationSpec(
        raw["cursor_parameter"],
        dotted(raw["next_cursor"]),
        dotted(raw["has_more"]),
        dotted(items) if items else None,
    )


def _error_shapes(raw: dict[str, Any]) -> dict[str, ErrorShapeSpec]:
    return {
        name: ErrorShapeSpec(
            name,
            s.get("object"),
            dotted(s["code"]),
            dotted(s["message"]),
            dotted(s["log_id"]) if "log_id" in s else None,
            s.get("example_log_id"),
        )
        for name, s in raw.items()
    }


def _endpoint(key: str, e: dict[str, Any], shapes: dict[str, ErrorShapeSpec]) -> EndpointSpec:
    shape = e.get("error_shape")
    return EndpointSpec(
        key=key,
        method=e["method"],
        path=e["path"],
        summary=e["summary"],
        description=e["description"],
        rate_limit_per_minute=e.get("rate_limit_per_minute"),
        security=e.get("security"),
        fields_parameter=_fields_parameter(e.get("fields_parameter")),
        response=e.get("response"),
        examples=_examples(e.get("examples", {})),
        errors=tuple(
            ErrorSpec(code, x["status"], x["description"]) for code, x in e.get("errors", {}).items()
        ),
        tag=e.get("tag"),
        scopes=tuple(e.get("scopes", ())),
        query_parameters=tuple(_field(name, p) for name, p in e.get("query_parameters", {}).items()),
        request_body=_request_body(e.get("request_body")),
        pagination=_pagination(e.get("pagination")),
        error_shape=shapes[shape] if shape else DEFAULT_ERROR_SHAPE,
    )


def build(doc: Document) -> Spec:
    """The spec model of a document that passed every check."""
    data = doc.data
    shapes = _error_shapes(data.get("error_shapes", {}))
    pkg = data["package"]
    auth = data.get("auth")
    digest = hashlib.sha256()
    for name, text in zip(doc.sources, doc.texts):
        digest.update(name.encode() + b"\0" + text + b"\0")
    return Spec(
        files=doc.files,
        sources=doc.sources,
        sha256=digest.hexdigest(),
        languages=tuple(data["languages"]),
        package=PackageSpec(
            pkg["name"],
            pkg["version"],
            pkg["title"],
            pkg["description"],
            pkg.get("api_version"),
            pkg["base_url"],
            metadata=package_metadata(pkg),
            docs_url=pkg.get("docs_url"),
        ),
        auth=(
            AuthSpec(
                auth["authorize_url"],
                auth["token_url"],
                auth.get("revoke_url"),
                auth.get("client_id_parameter", "client_id"),
                auth.get("scope_separator", " "),
            )
            if auth
            else None
        ),
        scopes=tuple(
            ScopeSpec(name, s["description"], s.get("consent")) for name, s in data["scopes"].items()
        ),
        objects=tuple(
            ObjectSpec(name, o["description"], tuple(_field(w, f) for w, f in o["fields"].items()))
            for name, o in data["objects"].items()
        ),
        endpoints=tuple(_endpoint(key, e, shapes) for key, e in data.get("endpoints", {}).items()),
        labels=data.get("labels", {}),
        tags=tuple(TagSpec(name, t["description"]) for name, t in data.get("tags", {}).items()),
        releases=tuple(
            ReleaseSpec(
                str(r["version"]),
                str(r["date"]),
                tuple(
                    ChangeItem(
                        c["rule"], c["subject"], c.get("old", ""), c.get("new", ""), c.get("accepted", "")
                    )
                    for c in r.get("changes", [])
                ),
            )
            for r in data.get("changes", [])
        ),
    )
