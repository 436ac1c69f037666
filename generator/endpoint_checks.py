"""Meaning checks of what an endpoint sends and how it answers: query parameters, request bodies,
pagination, scopes, tags and error shapes.

Like every meaning check they return problems, never raise, and skip what the schema already
reported as malformed.
"""

from __future__ import annotations

from typing import Any

from generator.problems import Problem, closest
from generator.spec_model import FORM, PRIMITIVES
from generator.type_checks import named_examples_problems, type_problems, value_problems
from generator.yaml_document import Document, Path_

# Methods whose requests carry no body (RFC 9110 gives a GET body no meaning).
_NO_BODY = ("GET", "DELETE")


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _unknown(what: str, name: str, known: Any, where: str) -> str:
    close = closest(name, known)
    hint = (
        f"did you mean {close!r}?" if close else f"declare it under {where}" if known else f"{where} is empty"
    )
    return f"{what} {name!r} is not declared; {hint}"


def resolve(objects: dict[str, Any], start: str, dotted: str) -> tuple[dict[str, Any] | None, str | None]:
    """The raw field at ``dotted`` (``data.cursor``) from the object ``start``, or why there is none."""
    raw: dict[str, Any] = {"type": start}
    walked: list[str] = []
    for part in dotted.split("."):
        owner = raw.get("type")
        if owner not in objects:
            where = ".".join(walked)
            return None, f"{where!r} is {_a_type(raw)}, not an object, so it has no field {part!r}"
        fields = _dict(_dict(objects[owner]).get("fields"))
        if part not in fields or not isinstance(fields[part], dict):
            close = closest(part, fields)
            hint = f"; did you mean {close!r}?" if close else f"; its fields are {', '.join(fields)}"
            return None, f"{owner} has no field {part!r}{hint}"
        raw = fields[part]
        walked.append(part)
    return raw, None


def _a_type(raw: dict[str, Any]) -> str:
    name = raw.get("type")
    if name == "array":
        return f"an array of {_a_type(_dict(raw.get('items')))}"
    return f"{'an' if str(name)[:1] in 'aeiouAEIOU' else 'a'} {name}"


def _query_problems(doc: Document, path: Path_, ep: dict[str, Any], objects: dict[str, Any]) -> list[Problem]:
    problems = []
    fields_name = _dict(ep.get("fields_parameter")).get("name")
    for name, param in _dict(ep.get("query_parameters")).items():
        if not isinstance(param, dict):
            continue
        here: Path_ = (*path, "query_parameters", name)
        if name == fields_name:
            problems.append(
                doc.problem(
                    here, f"{name!r} is already the fields parameter of this endpoint; rename one", key=True
                )
            )
        found = type_problems(doc, here, param, objects)
        problems.extend(found)
        if not found and not _flat(param):
            problems.append(
                doc.problem(
                    (*here, "type"),
                    f"a query parameter is {_a_type(param)}; it must be a string, number, boolean or an array of these",
                )
            )
            continue
        problems.extend(value_problems(doc, here, param, objects))
    return problems


def _flat(raw: dict[str, Any]) -> bool:
    """A primitive, or an array of primitives."""
    if raw.get("type") == "array":
        return _dict(raw.get("items")).get("type") in PRIMITIVES
    return raw.get("type") in PRIMITIVES


def _body_problems(doc: Document, path: Path_, ep: dict[str, Any], objects: dict[str, Any]) -> list[Problem]:
    body = ep.get("request_body")
    if not isinstance(body, dict):
        return []
    here: Path_ = (*path, "request_body")
    problems = []
    method = ep.get("method")
    if method in _NO_BODY:
        problems.append(
            doc.problem(
                here, f"a {method} request has no body; use POST (or PUT, PATCH) or remove it", key=True
            )
        )
    name = body.get("object")
    if not isinstance(name, str):
        return problems
    if name not in objects:
        close = closest(name, objects)
        hint = f"; did you mean {close!r}?" if close else ""
        return [*problems, doc.problem((*here, "object"), f"unknown object {name!r}{hint}")]
    fields = _dict(_dict(objects[name]).get("fields"))
    taken = {*_dict(ep.get("query_parameters")), _dict(ep.get("fields_parameter")).get("name")}
    for wire, field in fields.items():
        if wire in taken:
            problems.append(
                doc.problem(
                    ("objects", name, "fields", wire),
                    f"body field {wire!r} of endpoint {path[-1]!r} has the name of one of its query parameters; "
                    "rename one (a client could not tell them apart)",
                    key=True,
                )
            )
        if (
            body.get("content_type") == FORM
            and isinstance(field, dict)
            and field.get("type") not in PRIMITIVES
        ):
            problems.append(
                doc.problem(
                    ("objects", name, "fields", wire, "type"),
                    f"{name} is sent as a form ({FORM}) by endpoint {path[-1]!r}, and a form field holds one "
                    f"string, number or boolean, not {_a_type(field)}",
                )
            )
    problems.extend(named_examples_problems(doc, (*here, "examples"), body.get("examples"), name, objects))
    return problems


def _body_object(ep: dict[str, Any], objects: dict[str, Any]) -> dict[str, Any]:
    name = _dict(ep.get("request_body")).get("object")
    return _dict(objects.get(name)) if isinstance(name, str) else {}


def _cursor_field(ep: dict[str, Any], objects: dict[str, Any], cursor: str) -> dict[str, Any] | None:
    params = _dict(ep.get("query_parameters"))
    if cursor in params:
        return _dict(params[cursor])
    body = _body_object(ep, objects)
    found = _dict(body.get("fields")).get(cursor)
    return found if isinstance(found, dict) else None


def _request_names(ep: dict[str, Any], objects: dict[str, Any]) -> list[str]:
    body = _body_object(ep, objects)
    return [*_dict(ep.get("query_parameters")), *_dict(body.get("fields"))]


def _pagination_problems(
    doc: Document, path: Path_, ep: dict[str, Any], objects: dict[str, Any]
) -> list[Problem]:
    pages = ep.get("pagination")
    if not isinstance(pages, dict):
        return []
    here: Path_ = (*path, "pagination")
    response = ep.get("response")
    if not isinstance(response, str) or response not in objects:
        return [
            doc.problem(here, "pagination reads the response, so the endpoint needs a `response`", key=True)
        ]
    problems = []
    cursor_name = pages.get("cursor_parameter")
    cursor = _cursor_field(ep, objects, cursor_name) if isinstance(cursor_name, str) else None
    if isinstance(cursor_name, str) and cursor is None:
        names = _request_names(ep, objects)
        close = closest(cursor_name, names)
        hint = f"did you mean {close!r}?" if close else f"request fields are {', '.join(names) or 'none'}"
        problems.append(
            doc.problem(
                (*here, "cursor_parameter"),
                f"{cursor_name!r} is neither a query parameter nor a request body field of this endpoint; {hint}",
            )
        )
    wanted = {"next_cursor": cursor.get("type") if cursor else None, "has_more": "boolean", "items": "array"}
    for key, want in wanted.items():
        dotted = pages.get(key)
        if not isinstance(dotted, str):
            continue
        raw, why = resolve(objects, response, dotted)
        if raw is None:
            problems.append(doc.problem((*here, key), f"{dotted!r} is not a field of {response}: {why}"))
        elif want is not None and raw.get("type") != want:
            what = f"the cursor parameter's type, {want}" if key == "next_cursor" else _a_type({"type": want})
            problems.append(doc.problem((*here, key), f"{dotted!r} is {_a_type(raw)}; it must be {what}"))
    return problems


def _declared_problems(doc: Document, path: Path_, ep: dict[str, Any]) -> list[Problem]:
    data = doc.data
    problems = []
    tag = ep.get("tag")
    tags = _dict(data.get("tags"))
    if isinstance(tag, str) and tag not in tags:
        problems.append(doc.problem((*path, "tag"), _unknown("tag", tag, tags, "`tags`")))
    scopes = _dict(data.get("scopes"))
    raw_scopes = ep.get("scopes")
    for i, scope in enumerate(raw_scopes if isinstance(raw_scopes, list) else []):
        if isinstance(scope, str) and scope not in scopes:
            problems.append(doc.problem((*path, "scopes", i), _unknown("scope", scope, scopes, "`scopes`")))
    if isinstance(raw_scopes, list) and raw_scopes and ep.get("security") != "oauth2":
        problems.append(
            doc.problem(
                (*path, "scopes"), "scopes are granted to an access token: add `security: oauth2`", key=True
            )
        )
    shape = ep.get("error_shape")
    shapes = _dict(data.get("error_shapes"))
    if isinstance(shape, str) and shape not in shapes:
        problems.append(
            doc.problem((*path, "error_shape"), _unknown("error shape", shape, shapes, "`error_shapes`"))
        )
    if "examples" in ep and not isinstance(ep.get("response"), str):
        problems.append(
            doc.problem((*path, "examples"), "example responses need a `response` object to fit", key=True)
        )
    return problems


def _shape_problems(doc: Document, objects: dict[str, Any]) -> list[Problem]:
    """Each error shape's paths lead to fields, in its own object or in each response that uses it."""
    shapes = _dict(doc.data.get("error_shapes"))
    problems = []
    for name, shape in shapes.items():
        if not isinstance(shape, dict):
            continue
        own = shape.get("object")
        if isinstance(own, str) and own not in objects:
            problems.append(
                doc.problem(("error_shapes", name, "object"), _unknown("object", own, objects, "`objects`"))
            )
            continue
        starts = [own] if isinstance(own, str) else _responses_using(doc.data, name, objects)
        for key in ("code", "message", "log_id"):
            dotted = shape.get(key)
            if not isinstance(dotted, str):
                continue
            for start in starts:
                raw, why = resolve(objects, start, dotted)
                if raw is None:
                    problems.append(
                        doc.problem(
                            ("error_shapes", name, key), f"{dotted!r} is not a field of {start}: {why}"
                        )
                    )
                elif raw.get("type") != "string":
                    problems.append(
                        doc.problem(
                            ("error_shapes", name, key),
                            f"{dotted!r} of {start} is {_a_type(raw)}; it must be a string",
                        )
                    )
    return problems


def _responses_using(data: dict[str, Any], shape: str, objects: dict[str, Any]) -> list[str]:
    found: dict[str, None] = {}
    for ep in _dict(data.get("endpoints")).values():
        ep = _dict(ep)
        if ep.get("error_shape") == shape and ep.get("response") in objects:
            found[ep["response"]] = None
    return list(found)


def request_problems(doc: Document) -> list[Problem]:
    """Every endpoint's query parameters, body, pagination, scopes, tag and error shape."""
    objects = _dict(doc.data.get("objects"))
    problems = _shape_problems(doc, objects)
    for key, ep in _dict(doc.data.get("endpoints")).items():
        if not isinstance(ep, dict):
            continue
        path: Path_ = ("endpoints", key)
        problems.extend(_declared_problems(doc, path, ep))
        problems.extend(_query_problems(doc, path, ep, objects))
        problems.extend(_body_problems(doc, path, ep, objects))
        problems.extend(_pagination_problems(doc, path, ep, objects))
    return problems
