"""The OpenAPI 3.1 document, built as data and serialised by ``json``; one per language.

``openapi.json`` is in the source language; ``openapi.<lang>.json`` in each other one.
Every node with a text also carries ``x-descriptions`` (or ``x-summaries``) with all
languages, so any one document has every language; properties carry ``x-scope``.
"""

from __future__ import annotations

from typing import Any

from generator.ir import EndpointIR, FieldIR, ObjectIR, ProjectIR
from generator.json_text import indented
from generator.spec import Text

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


def _responses(ep: EndpointIR, lang: str) -> dict[str, Any]:
    ref = {"$ref": f"#/components/schemas/{ep.response.name}"}
    by_status: dict[int, list[Any]] = {}
    for err in ep.errors:
        by_status.setdefault(err.status, []).append(err)
    statuses = sorted(set(by_status) | {200})
    responses: dict[str, Any] = {}
    for status in statuses:
        errs = by_status.get(status, [])
        # CommonMark, as OpenAPI descriptions are: one line per error code of this status.
        text = "\n".join(f"- `{e.code}`: {e.description[lang]}" for e in errs) or ep.summary[lang]
        content: dict[str, Any] = {"schema": ref}
        examples = {}
        if status == 200:
            examples = {
                ex.key: {"summary": ex.summary[lang], "x-summaries": _texts(ex.summary), "value": ex.value}
                for ex in ep.examples
            }
        else:
            examples = {
                e.code: {
                    "summary": e.description[lang],
                    "x-summaries": _texts(e.description),
                    "value": {
                        "error": {"code": e.code, "message": e.description[lang], "log_id": "example-log-id"}
                    },
                }
                for e in errs
            }
        if examples:
            content["examples"] = examples
        responses[str(status)] = {
            "description": text,
            "content": {"application/json": content},
            "x-error-codes": [e.code for e in errs],
        }
    return responses


def _operation(project: ProjectIR, ep: EndpointIR, lang: str) -> dict[str, Any]:
    op: dict[str, Any] = {
        "operationId": ep.key,
        "summary": ep.summary[lang],
        "x-summaries": _texts(ep.summary),
        "description": ep.description[lang],
        "x-descriptions": _texts(ep.description),
    }
    if ep.fields_param:
        op["parameters"] = [_fields_parameter(ep, lang)]
    if ep.oauth2:
        # Any one of these scopes is enough for some fields; each field needs its own.
        op["security"] = [{SECURITY_SCHEME: [scope]} for scope in ep.scopes] or [{SECURITY_SCHEME: []}]
    if ep.rate_limit_per_minute:
        op["x-rate-limit-per-minute"] = ep.rate_limit_per_minute
    op["responses"] = _responses(ep, lang)
    return op


def build_openapi(project: ProjectIR, lang: str) -> dict[str, Any]:
    """The OpenAPI document in one language, as data."""
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
        "x-languages": [x.code for x in project.languages],
        "x-generated-from": project.header,
        "paths": paths,
        "components": {"schemas": {o.name: _schema(o, lang) for o in project.objects}},
    }
    if project.authorize_url and project.token_url:
        doc["components"]["securitySchemes"] = {
            SECURITY_SCHEME: {
                "type": "oauth2",
                "description": "OAuth 2.0 authorization code flow; send the access token as `Authorization: Bearer <token>`.",
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


def render_openapi(project: ProjectIR) -> dict[str, str]:
    """Serialise one OpenAPI document per language."""
    return {
        openapi_filename(project, x.code): indented(build_openapi(project, x.code)) + "\n"
        for x in project.languages
    }
