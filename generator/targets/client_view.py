"""The client target's view model: how the generated Python client spells each endpoint.

Everything the client templates need that no other target does lives here (method
arguments, how a body is assembled from them, which part of a response a method returns,
the exception class of each error code), so the shared IR stays free of client spellings.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator import naming
from generator.escaping import py_str
from generator.ir import EndpointIR, FieldIR, ObjectIR, ProjectIR
from generator.spec_model import Text

# Names a generated method uses besides its arguments.
_RESERVED_ARGS = frozenset({"self", "fields", "limit", "request", "response", "payload", "data"})
# Exception classes errors.py defines whatever the spec says.
FIXED_ERRORS = ("UnexpectedResponseError", "TransportError", "RequestTimeoutError", "ScopeRequiredError")


@dataclass(frozen=True)
class ArgView:
    """One keyword argument of a method, and where its value goes."""

    name: str
    annotation: str  # without ``| None`` for a required argument
    required: bool
    wire_path: tuple[str, ...]  # the body path (or the query parameter's name)
    in_query: bool
    description: Text
    uses: str | None  # a model class its annotation names


@dataclass(frozen=True)
class PagerView:
    """The iterator that follows an endpoint's cursor."""

    name: str  # ``iter_videos``
    item_type: str  # ``Video``
    cursor_arg: str  # the method argument that takes the cursor
    cursor_type: str  # its annotation without ``| None``
    next_cursor: tuple[str, ...]  # Python attribute paths from the response model
    has_more: tuple[str, ...]
    items: tuple[str, ...]


@dataclass(frozen=True)
class SplitView:
    """A call split into several when a list argument exceeds its limit; the results are joined."""

    arg: str
    max_items: int
    items_attr: str  # the data model's one list field (Python name)


@dataclass(frozen=True)
class EndpointView:
    """One client method."""

    ep: EndpointIR
    name: str
    args: tuple[ArgView, ...]
    body_class: str | None
    form: bool
    response_class: str | None
    returns: str  # the annotation of what the method returns
    unwrap: str | None  # the response field (Python name) the method returns, if any
    success_codes: tuple[str, ...]
    fields_object: ObjectIR | None  # scoped: the checks refuse a fields parameter of any other object
    pager: PagerView | None
    split: SplitView | None
    body_items: tuple[tuple[str, str], ...]  # the body's top-level wire names and their expressions
    query_args: tuple[ArgView, ...]

    @property
    def sorted_args(self) -> tuple[ArgView, ...]:
        """Required arguments first (a keyword-only signature allows any order; this one reads best)."""
        return tuple(a for a in self.args if a.required) + tuple(a for a in self.args if not a.required)


@dataclass(frozen=True)
class ErrorClassView:
    """An exception class of errors.py for one error code or error shape."""

    name: str
    parent: str
    shape: str | None
    code: str | None
    status: int | None
    doc: str


@dataclass(frozen=True)
class ClientView:
    """Everything the client templates read."""

    project: ProjectIR
    base_error: str
    shape_errors: tuple[ErrorClassView, ...]
    code_errors: tuple[ErrorClassView, ...]
    endpoints: tuple[EndpointView, ...]
    model_imports: tuple[str, ...]
    scope_imports: tuple[str, ...]
    uses_literal: bool


# Attributes of the generated clients that a method named after an endpoint must not replace.
_CLIENT_ATTRIBUTES = frozenset(
    {"close", "aclose", "access_token", "granted_scopes", "base_url", "timeout", "max_retries"}
    | {"backoff", "max_backoff", "max_retry_after"}
)


def method_name(key: str) -> str:
    name = naming.snake(key)
    return name + "_" if name in _CLIENT_ATTRIBUTES or name.startswith("_") else name


def _pascal(name: str) -> str:
    """``scope_not_authorized`` -> ``ScopeNotAuthorized``; ``1st`` -> ``Code1st`` (never a digit first)."""
    pascal = "".join(part.capitalize() for part in naming.snake(name).split("_"))
    return pascal if pascal[:1].isalpha() else "Code" + pascal


def _unique(name: str, taken: set[str], suffix: str) -> str:
    candidate, n = name, 1
    while candidate in taken:
        candidate = f"{name.removesuffix('Error')}{suffix}{n if n > 1 else ''}Error"
        n += 1
    taken.add(candidate)
    return candidate


def _error_name(stem: str) -> str:
    pascal = _pascal(stem)
    return pascal if pascal.endswith("Error") else pascal + "Error"


def _object(project: ProjectIR, name: str | None) -> ObjectIR | None:
    return next((o for o in project.objects if o.name == name), None)


def _body_args(
    project: ProjectIR, obj: ObjectIR, prefix: tuple[str, ...], taken: set[str], seen: frozenset[str]
) -> list[ArgView]:
    """A body object's fields as arguments; a required single object's fields are flattened.

    An object reached again on the way down is taken whole (a required field of its own type).
    """
    args: list[ArgView] = []
    for f in obj.fields:
        nested = _object(project, f.type_object)
        flat = f.required and not f.py_type.startswith("list[")
        if flat and nested is not None and nested.name not in seen:
            args.extend(_body_args(project, nested, (*prefix, f.wire_name), taken, seen | {nested.name}))
            continue
        args.append(_arg(f, (*prefix, f.wire_name), False, taken))
    return args


def _arg(f: FieldIR, path: tuple[str, ...], in_query: bool, taken: set[str]) -> ArgView:
    name = f.py_name
    while name in taken:
        name += "_"
    taken.add(name)
    return ArgView(name, f.py_type, f.required, path, in_query, f.description, f.type_object)


def _py_path(project: ProjectIR, obj: ObjectIR, wire: tuple[str, ...]) -> tuple[str, ...]:
    out = []
    current: ObjectIR | None = obj
    for part in wire:
        assert current is not None, wire  # the checks proved every path leads to a field
        field = next(f for f in current.fields if f.wire_name == part)
        out.append(field.py_name)
        current = _object(project, field.type_object)
    return tuple(out)


def _field_at(project: ProjectIR, obj: ObjectIR, wire: tuple[str, ...]) -> FieldIR:
    current: ObjectIR | None = obj
    field = None
    for part in wire:
        assert current is not None, wire
        field = next(f for f in current.fields if f.wire_name == part)
        current = _object(project, field.type_object)
    assert field is not None
    return field


def unwrap_field(ep: EndpointIR, project: ProjectIR) -> FieldIR | None:
    """The ``data`` of an envelope: the response's one object field besides where errors go."""
    if ep.response is None or ep.error_shape.object is not None:
        return None
    rest = [f for f in ep.response.fields if f.wire_name != ep.error_shape.code[0]]
    if len(rest) != 1 or len(rest) == len(ep.response.fields):
        return None
    only = rest[0]
    if _object(project, only.type_object) is None or only.py_type.startswith("list["):
        return None
    return only


def _pager(ep: EndpointIR, project: ProjectIR, args: tuple[ArgView, ...]) -> PagerView | None:
    p = ep.pagination
    if p is None or p.items is None or ep.response is None:
        return None
    cursor = next(a for a in args if a.wire_path[-1] == p.cursor_parameter and len(a.wire_path) == 1)
    items = _field_at(project, ep.response, p.items)
    return PagerView(
        name="iter_" + naming.snake(p.items[-1]),
        item_type=items.py_type.removeprefix("list[").removesuffix("]"),
        cursor_arg=cursor.name,
        cursor_type=cursor.annotation,
        next_cursor=_py_path(project, ep.response, p.next_cursor),
        has_more=_py_path(project, ep.response, p.has_more),
        items=_py_path(project, ep.response, p.items),
    )


def _split(ep: EndpointIR, project: ProjectIR, args: tuple[ArgView, ...]) -> SplitView | None:
    """A body list with ``max_items`` reached through required objects, and a data of one list."""
    data = unwrap_field(ep, project)
    if ep.pagination is not None or ep.request_body is None or data is None:
        return None
    limited = []
    for a in args:
        if a.in_query or not a.required or not a.annotation.startswith("list["):
            continue
        field = _field_at(project, ep.request_body.object, a.wire_path)
        limit = dict(field.constraints).get("max_items")
        if limit is not None:
            limited.append((a, limit))
    data_obj = _object(project, data.type_object)
    assert data_obj is not None
    lists = [f for f in data_obj.fields if f.py_type.startswith("list[")]
    if len(limited) != 1 or len(data_obj.fields) != 1 or len(lists) != 1:
        return None
    return SplitView(limited[0][0].name, limited[0][1], lists[0].py_name)


def _endpoint(ep: EndpointIR, project: ProjectIR) -> EndpointView:
    taken = set(_RESERVED_ARGS)
    args = [_arg(q, (q.wire_name,), True, taken) for q in ep.query_parameters]
    if ep.request_body is not None:
        top = ep.request_body.object
        args.extend(_body_args(project, top, (), taken, frozenset({top.name})))
    arg_tuple = tuple(args)
    data = unwrap_field(ep, project)
    response_class = ep.response.class_name if ep.response else None
    body = ep.request_body
    return EndpointView(
        ep=ep,
        name=method_name(ep.key),
        args=arg_tuple,
        body_class=body.object.class_name if body else None,
        form=body is not None and body.form,
        response_class=response_class,
        returns=_returns(data, response_class),
        unwrap=data.py_name if data is not None else None,
        success_codes=tuple(e.code for e in ep.errors if e.status < 400),
        fields_object=ep.fields_object,
        pager=_pager(ep, project, arg_tuple),
        split=_split(ep, project, arg_tuple),
        body_items=_body_items([a for a in arg_tuple if not a.in_query]),
        query_args=tuple(a for a in arg_tuple if a.in_query),
    )


def _returns(data: FieldIR | None, response_class: str | None) -> str:
    if data is not None:
        return data.py_type
    return response_class or "None"


def _body_items(args: list[ArgView]) -> tuple[tuple[str, str], ...]:
    """``("filters", '{"video_ids": video_ids}')``: the body's keys as the arguments fill them."""
    tree: dict[str, object] = {}
    for a in args:
        holder = tree
        for part in a.wire_path[:-1]:
            holder = holder.setdefault(part, {})  # type: ignore[assignment]
        holder[a.wire_path[-1]] = a.name

    def show(node: dict[str, object]) -> str:
        items = (f"{py_str(k)}: {show(v) if isinstance(v, dict) else v}" for k, v in node.items())
        return "{" + ", ".join(items) + "}"

    return tuple((k, show(v) if isinstance(v, dict) else str(v)) for k, v in tree.items())


def _errors(project: ProjectIR, base: str) -> tuple[tuple[ErrorClassView, ...], tuple[ErrorClassView, ...]]:
    taken = {base, *FIXED_ERRORS}
    shapes: dict[str, ErrorClassView] = {}
    for ep in project.endpoints:
        shape = ep.error_shape.name
        if shape not in shapes:
            name = _unique(_error_name(shape), taken, "Shape")
            doc = f"An error answered in the {shape!r} error shape whose code has no class of its own."
            shapes[shape] = ErrorClassView(name, base, shape, None, None, doc)
    codes = tuple(
        ErrorClassView(
            _unique(_error_name(e.code), taken, "Code"),
            shapes[e.shape].name,
            None,
            e.code,
            e.status,
            e.description[project.source_language],
        )
        for e in project.errors
        if e.status >= 400
    )
    return tuple(shapes.values()), codes


def _model_imports(endpoints: tuple[EndpointView, ...]) -> tuple[str, ...]:
    models = {c for e in endpoints for c in (e.body_class, e.response_class) if c}
    models |= {e.returns for e in endpoints if e.unwrap} | {e.pager.item_type for e in endpoints if e.pager}
    models |= {a.uses for e in endpoints for a in e.args if a.uses}
    return tuple(sorted(models))


def build_client_view(project: ProjectIR) -> ClientView:
    """The client's view of a project."""
    base = _unique(_pascal(project.package) + "Error", set(FIXED_ERRORS), "Base")
    shapes, codes = _errors(project, base)
    endpoints = tuple(_endpoint(ep, project) for ep in project.endpoints)
    scope_names = {"Scope"}
    for fo in {e.fields_object.name: e.fields_object for e in endpoints if e.fields_object}.values():
        scope_names |= {fo.field_enum, fo.fields_for_scopes, fo.build_fields_param}
    return ClientView(
        project=project,
        base_error=base,
        shape_errors=shapes,
        code_errors=codes,
        endpoints=endpoints,
        model_imports=_model_imports(endpoints),
        scope_imports=tuple(sorted(scope_names)),
        uses_literal=any(a.annotation.startswith("Literal[") for e in endpoints for a in e.args),
    )
