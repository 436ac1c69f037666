"""The endpoints' part of the frozen intermediate model: what each operation sends, returns and fails with."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from generator import naming
from generator.spec_model import FORM, EndpointSpec, ErrorShapeSpec, FieldSpec, Spec, TagSpec, Text

if TYPE_CHECKING:
    from generator.ir import FieldIR, ObjectIR


@dataclass(frozen=True)
class ErrorIR:
    """An API error code."""

    code: str
    member: str
    status: int
    description: Text
    shape: str  # the name of the error shape that carries it


@dataclass(frozen=True)
class ExampleIR:
    """A named example (a response, or a request body)."""

    key: str
    summary: Text
    value: Any


@dataclass(frozen=True)
class ErrorShapeIR:
    """Where an error response carries its code, message and log id (dotted paths)."""

    name: str
    object: ObjectIR | None  # the error body's object; None: the endpoint's response
    code: tuple[str, ...]
    message: tuple[str, ...]
    log_id: tuple[str, ...] | None
    example_log_id: str | None

    def example(self, code: str, message: str) -> dict[str, Any]:
        """An error body of this shape, as the API would send it."""
        body: dict[str, Any] = {}
        values = [(self.code, code), (self.message, message)]
        if self.log_id is not None:
            values.append((self.log_id, self.example_log_id or "example-log-id"))
        for path, value in values:
            holder = body
            for part in path[:-1]:
                holder = holder.setdefault(part, {})
            holder[path[-1]] = value
        return body


@dataclass(frozen=True)
class RequestBodyIR:
    """A request body: an object sent as JSON or as a form."""

    object: ObjectIR
    content_type: str
    form: bool
    required: bool
    description: Text | None
    examples: tuple[ExampleIR, ...]


@dataclass(frozen=True)
class PaginationIR:
    """Cursor pagination, as the spec declares it."""

    cursor_parameter: str
    cursor_in: str  # "query" | "body"
    next_cursor: tuple[str, ...]
    has_more: tuple[str, ...]
    items: tuple[str, ...] | None

    @property
    def next_cursor_path(self) -> str:
        """``data.cursor``."""
        return ".".join(self.next_cursor)

    @property
    def has_more_path(self) -> str:
        """``data.has_more``."""
        return ".".join(self.has_more)

    @property
    def items_path(self) -> str | None:
        """``data.videos``, if declared."""
        return ".".join(self.items) if self.items else None


@dataclass(frozen=True)
class TagIR:
    """A group of endpoints."""

    name: str
    description: Text


@dataclass(frozen=True)
class EndpointIR:
    """An HTTP operation."""

    key: str
    slug: str
    constant: str
    method: str
    path: str
    url: str
    summary: Text
    description: Text
    rate_limit_per_minute: int | None
    oauth2: bool
    fields_param: str | None
    fields_param_required: bool
    fields_param_description: Text | None
    fields_param_example: str | None
    fields_object: ObjectIR | None
    response: ObjectIR | None
    examples: tuple[ExampleIR, ...]
    errors: tuple[ErrorIR, ...]
    scopes: tuple[str, ...]  # the scopes any of its selectable fields need, in spec order
    required_scopes: tuple[str, ...]  # the scopes every call needs, whatever the fields
    tag: str | None
    query_parameters: tuple[FieldIR, ...]
    request_body: RequestBodyIR | None
    pagination: PaginationIR | None
    error_shape: ErrorShapeIR


def _examples(examples: Any) -> tuple[ExampleIR, ...]:
    return tuple(ExampleIR(x.key, x.summary, x.value) for x in examples)


def _shape(shape: ErrorShapeSpec, objects: dict[str, ObjectIR]) -> ErrorShapeIR:
    return ErrorShapeIR(
        shape.name,
        objects[shape.object] if shape.object else None,
        shape.code,
        shape.message,
        shape.log_id,
        shape.example_log_id,
    )


def _pagination(e: EndpointSpec) -> PaginationIR | None:
    p = e.pagination
    if p is None:
        return None
    in_query = any(q.wire_name == p.cursor_parameter for q in e.query_parameters)
    return PaginationIR(
        p.cursor_parameter, "query" if in_query else "body", p.next_cursor, p.has_more, p.items
    )


def error_table(spec: Spec) -> dict[str, ErrorIR]:
    """Every endpoint's error codes, the first occurrence of a code deciding it."""
    errors: dict[str, ErrorIR] = {}
    for e in spec.endpoints:
        for x in e.errors:
            errors.setdefault(
                x.code,
                ErrorIR(x.code, naming.enum_member(x.code), x.status, x.description, e.error_shape.name),
            )
    return errors


def build_endpoint(
    e: EndpointSpec,
    spec: Spec,
    objects: dict[str, ObjectIR],
    errors: dict[str, ErrorIR],
    make_field: Callable[[FieldSpec], FieldIR],
) -> EndpointIR:
    """The IR of one endpoint; ``make_field`` builds a query parameter as the objects' fields are built."""
    fp = e.fields_parameter
    fields_object = objects[fp.object] if fp else None
    used = {f.scope for f in fields_object.fields} if fields_object else set()
    body = e.request_body
    return EndpointIR(
        key=e.key,
        slug=naming.kebab(e.key),
        constant=naming.endpoint_constant(e.key),
        method=e.method,
        path=e.path,
        url=spec.package.base_url.rstrip("/") + e.path,
        summary=e.summary,
        description=e.description,
        rate_limit_per_minute=e.rate_limit_per_minute,
        oauth2=e.security == "oauth2",
        fields_param=fp.name if fp else None,
        fields_param_required=fp.required if fp else False,
        fields_param_description=fp.description if fp else None,
        fields_param_example=fp.example if fp else None,
        fields_object=fields_object,
        response=objects[e.response] if e.response else None,
        examples=_examples(e.examples),
        errors=tuple(errors[x.code] for x in e.errors),
        scopes=tuple(s.name for s in spec.scopes if s.name in used),
        required_scopes=tuple(s.name for s in spec.scopes if s.name in e.scopes),
        tag=e.tag,
        query_parameters=tuple(make_field(q) for q in e.query_parameters),
        request_body=(
            RequestBodyIR(
                objects[body.object],
                body.content_type,
                body.content_type == FORM,
                body.required,
                body.description,
                _examples(body.examples),
            )
            if body
            else None
        ),
        pagination=_pagination(e),
        error_shape=_shape(e.error_shape, objects),
    )


def tags(spec_tags: tuple[TagSpec, ...]) -> tuple[TagIR, ...]:
    """The spec's endpoint groups, in spec order."""
    return tuple(TagIR(t.name, t.description) for t in spec_tags)
