"""The OpenAPI 3.1 document, built as data and serialised by ``json``; one per language.

``openapi.json`` is in the source language; ``openapi.<lang>.json`` in each other one.
Every node with a text also carries ``x-descriptions`` (or ``x-summaries``) with all
languages, so any one document has every language; properties carry ``x-scope``.
"""

from __future__ import annotations

from typing import Any

from generator import units
from generator.ir import EndpointIR, ErrorIR, ExampleIR, FieldIR, ObjectIR, ProjectIR
from generator.json_text import indented
from generator.spec import Text
from generator.targets import splice

OPENAPI_VERSION = "3.1.0"
SECURITY_SCHEME = "oauth2"


def _property(field: FieldIR, lang: str) -> dict[str, Any]:
    prop = dict(field.json_schema)
    prop["description"] = field.description[lang]
    if field.has_example:
        prop["examples"] = [field.example]
    if field.scope:
        prop["x-scope"] = field.scope
    prop["x-descriptions"] = dict(field.description)
    return prop


def _schema(obj: ObjectIR, lang: str) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "description": obj.description[lang],
        "x-descriptions": dict(obj.description),
        "properties": {f.wire_name: _property(f, lang) for f in obj.fields},
        "additionalProperties": True,
    }
    required = [f.wire_name for f in obj.fields if f.required]
    if required:
        schema["required"] = required
    if obj.scoped:
        schema["x-field-scopes"] = {f.wire_name: f.scope for f in obj.fields}
    return schema


def _texts(text: Text) -> dict[str, str]:
    return dict(text)


def _fields_parameter(ep: EndpointIR, lang: str) -> dict[str, Any]:
    assert ep.fields_param is not None and ep.fields_object is not None
    assert ep.fields_param_description is not None
    param: dict[str, Any] = {
        "name": ep.fields_param,
        "in": "query",
        "required": ep.fields_param_required,
        "description": ep.fields_param_description[lang],
        "x-descriptions": _texts(ep.fields_param_description),
        "style": "form",
        "explode": False,
        "schema": {
            "type": "array",
            "items": {"type": "string", "enum": [f.wire_name for f in ep.fields_object.fields]},
            "uniqueItems": True,
        },
        "x-fields-of": f"#/components/schemas/{ep.fields_object.name}",
        "x-field-scopes": {f.wire_name: f.scope for f in ep.fields_object.fields},
    }
    if ep.fields_param_example:
        param["example"] = ep.fields_param_example.split(",")
    return param


def _ref(obj: ObjectIR) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{obj.name}"}


def _query_parameter(field: FieldIR, lang: str) -> dict[str, Any]:
    param: dict[str, Any] = {
        "name": field.wire_name,
        "in": "query",
        "required": field.required,
        "description": field.description[lang],
        "x-descriptions": _texts(field.description),
        "schema": dict(field.json_schema),
    }
    if field.json_schema.get("type") == "array":
        param["style"], param["explode"] = "form", False  # one comma-separated value, as the fields are
    if field.has_example:
        param["example"] = field.example
    return param


def _examples(examples: tuple[ExampleIR, ...], lang: str) -> dict[str, Any]:
    return {
        ex.key: {"summary": ex.summary[lang], "x-summaries": _texts(ex.summary), "value": ex.value}
        for ex in examples
    }


def _codes_text(errs: list[ErrorIR], lang: str) -> str:
    """CommonMark, as OpenAPI descriptions are: one line per error code of a status."""
    return "\n".join(f"- `{e.code}`: {e.description[lang]}" for e in errs)


def _request_body(ep: EndpointIR, lang: str) -> dict[str, Any]:
    body = ep.request_body
    assert body is not None
    media: dict[str, Any] = {"schema": _ref(body.object)}
    if body.examples:
        media["examples"] = _examples(body.examples, lang)
    out: dict[str, Any] = {"required": body.required, "content": {body.content_type: media}}
    if body.description:
        out["description"] = body.description[lang]
        out["x-descriptions"] = _texts(body.description)
    return out


def _error_response(ep: EndpointIR, errs: list[ErrorIR], lang: str, source: str) -> dict[str, Any]:
    body = ep.error_shape.object or ep.response
    content: dict[str, Any] = {"schema": _ref(body)} if body else {}
    # The API writes its messages in English whatever the reader's language: the examples show
    # the source language's text, as the API would send it, and a log id shaped like the API's.
    content["examples"] = {
        e.code: {
            "summary": e.description[lang],
            "x-summaries": _texts(e.description),
            "value": ep.error_shape.example(e.code, e.description[source]),
        }
        for e in errs
    }
    return {
        "description": _codes_text(errs, lang),
        "content": {"application/json": content},
        "x-error-codes": [e.code for e in errs],
    }


def _success_response(ep: EndpointIR, errs: list[ErrorIR], lang: str) -> dict[str, Any]:
    out: dict[str, Any] = {"description": _codes_text(errs, lang) or ep.summary[lang]}
    if ep.response is not None:
        content: dict[str, Any] = {"schema": _ref(ep.response)}
        if ep.examples:
            content["examples"] = _examples(ep.examples, lang)
        out["content"] = {"application/json": content}
    out["x-error-codes"] = [e.code for e in errs]
    return out


def _responses(ep: EndpointIR, lang: str, source: str) -> dict[str, Any]:
    by_status: dict[int, list[ErrorIR]] = {}
    for err in ep.errors:
        by_status.setdefault(err.status, []).append(err)
    return {
        str(status): (
            _success_response(ep, by_status.get(status, []), lang)
            if status == 200
            else _error_response(ep, by_status[status], lang, source)
        )
        for status in sorted(set(by_status) | {200})
    }


def _security(ep: EndpointIR) -> list[dict[str, list[str]]]:
    if ep.required_scopes:
        # Every call needs these; the selected fields' scopes come on top.
        return [{SECURITY_SCHEME: list(ep.required_scopes)}]
    # Any one of these scopes is enough for some fields; each field needs its own.
    return [{SECURITY_SCHEME: [scope]} for scope in ep.scopes] or [{SECURITY_SCHEME: []}]


def _operation(project: ProjectIR, ep: EndpointIR, lang: str) -> dict[str, Any]:
    op: dict[str, Any] = {
        "operationId": ep.key,
        "summary": ep.summary[lang],
        "x-summaries": _texts(ep.summary),
        "description": ep.description[lang],
        "x-descriptions": _texts(ep.description),
    }
    if ep.tag:
        op["tags"] = [ep.tag]
    parameters = [_fields_parameter(ep, lang)] if ep.fields_param else []
    parameters.extend(_query_parameter(q, lang) for q in ep.query_parameters)
    if parameters:
        op["parameters"] = parameters
    if ep.request_body:
        op["requestBody"] = _request_body(ep, lang)
    # An endpoint without the bearer token says so: its callers authenticate otherwise (the
    # OAuth endpoints take the client key and secret in the form).
    op["security"] = _security(ep) if ep.oauth2 else []
    if ep.rate_limit_per_minute:
        op["x-rate-limit-per-minute"] = ep.rate_limit_per_minute
    if ep.pagination:
        p = ep.pagination
        op["x-pagination"] = {
            "cursor-parameter": p.cursor_parameter,
            "cursor-in": p.cursor_in,
            "next-cursor": p.next_cursor_path,
            "has-more": p.has_more_path,
            **({"items": p.items_path} if p.items_path else {}),
        }
    op["responses"] = _responses(ep, lang, project.source_language)
    return op


def build_openapi(project: ProjectIR, lang: str, schemas: dict[str, Any] | None = None) -> dict[str, Any]:
    """The OpenAPI document in one language, as data (``schemas`` in place of the objects' schemas:
    the mark of :mod:`generator.targets.splice`)."""
    labels = next(x.labels for x in project.languages if x.code == lang)
    paths: dict[str, dict[str, Any]] = {}
    for ep in project.endpoints:
        paths.setdefault(ep.path, {})[ep.method.lower()] = _operation(project, ep, lang)
    doc: dict[str, Any] = {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": project.title[lang],
            "version": project.api_version or project.version,
            "description": project.description[lang],
            "x-descriptions": _texts(project.description),
            "x-titles": _texts(project.title),
            **project.metadata.openapi_info(),
        },
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "servers": [{"url": project.base_url}],
        **(
            {
                "tags": [
                    {
                        "name": t.name,
                        "description": t.description[lang],
                        "x-descriptions": _texts(t.description),
                    }
                    for t in project.tags
                ]
            }
            if project.tags
            else {}
        ),
        "x-languages": [x.code for x in project.languages],
        "x-generated-from": project.header,
        "paths": paths,
        "components": {
            "schemas": {o.name: _schema(o, lang) for o in project.objects} if schemas is None else schemas
        },
    }
    if project.authorize_url and project.token_url:
        doc["components"]["securitySchemes"] = {
            SECURITY_SCHEME: {
                "type": "oauth2",
                "description": labels["security_scheme"],
                "flows": {
                    "authorizationCode": {
                        "authorizationUrl": project.authorize_url,
                        "tokenUrl": project.token_url,
                        "scopes": {s.name: s.description[lang] for s in project.scopes},
                        "x-scope-descriptions": {s.name: _texts(s.description) for s in project.scopes},
                    }
                },
            }
        }
    return doc


def openapi_filename(project: ProjectIR, lang: str) -> str:
    """``openapi.json`` for the source language, ``openapi.<lang>.json`` otherwise."""
    return "openapi/openapi.json" if lang == project.source_language else f"openapi/openapi.{lang}.json"


def _document(project: ProjectIR, lang: str) -> units.FileText:
    """One language's document (with its final newline): its objects' schemas from their cached
    pieces (then as UTF-8), or dumped whole."""
    pieces = splice.cached_pieces(
        "openapi/schema", lang, project.objects, lambda o: splice.items_text({o.name: _schema(o, lang)}, 2)
    )
    if pieces is not None:
        text = splice.spliced(build_openapi(project, lang, {splice.MARK: 0}), pieces)
        if text is not None:
            return units.hash_ahead(text + b"\n")
    return indented(build_openapi(project, lang)) + "\n"


def render_openapi(project: ProjectIR) -> dict[str, units.FileText]:
    """Serialise one OpenAPI document per language."""
    return {openapi_filename(project, x.code): _document(project, x.code) for x in project.languages}
