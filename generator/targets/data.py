"""The scope map and the field table as data: JSON and CSV, serialised by their libraries."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from generator.ir import FieldIR, ProjectIR
from generator.json_text import indented


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    minimal = csv.writer(out, lineterminator="\n")
    # Python 3.11's writer quotes a field with a line feed but not one with a lone carriage
    # return, which every reader takes as the end of the row: such a row is quoted whole.
    quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for row in rows:
        (quoted if any("\r" in cell for cell in row) else minimal).writerow(row)
    return out.getvalue()


def scope_rows(project: ProjectIR) -> list[dict[str, Any]]:
    """One record per scope: its descriptions and the fields it unlocks."""
    return [
        {
            "scope": s.name,
            "description": dict(s.description),
            "fields": [{"object": f.object, "field": f.wire_name} for f in s.fields],
        }
        for s in project.scopes
    ]


def _constraints(f: FieldIR) -> dict[str, Any]:
    """A field's constraints by their spec keys, and its default if it has one."""
    found: dict[str, Any] = {key: list(value) if key == "enum" else value for key, value in f.constraints}
    if f.has_default:
        found["default"] = f.default
    return found


def field_rows(project: ProjectIR) -> list[dict[str, Any]]:
    """One record per field of every object."""
    return [
        {
            "object": o.name,
            "field": f.wire_name,
            "python_name": f.py_name,
            "type": f.type_label,
            "format": f.format,
            "required": f.required,
            "scope": f.scope,
            "constraints": _constraints(f),
            "description": dict(f.description),
        }
        for o in project.objects
        for f in o.fields
    ]


def render_data(project: ProjectIR) -> dict[str, str]:
    """``data/scopes.{json,csv}`` and ``data/fields.{json,csv}``.

    In ``scopes.csv`` the ``fields`` cell lists ``Object.field`` names one per line
    (field names cannot contain line breaks; the spec refuses them). In ``fields.csv`` the
    ``constraints`` cell is a compact JSON object (``{"minimum":0}``), empty when there is none.
    """
    langs = [x.code for x in project.languages]
    scopes = scope_rows(project)
    fields = field_rows(project)
    scope_csv = [["scope", *(f"description_{x}" for x in langs), "fields"]]
    for s in scopes:
        names = "\n".join(f"{f['object']}.{f['field']}" for f in s["fields"])
        scope_csv.append([s["scope"], *(s["description"][x] for x in langs), names])
    field_csv = [
        [
            "object",
            "field",
            "python_name",
            "type",
            "format",
            "required",
            "scope",
            "constraints",
            *(f"description_{x}" for x in langs),
        ]
    ]
    for f in fields:
        field_csv.append(
            [
                f["object"],
                f["field"],
                f["python_name"],
                f["type"],
                f["format"] or "",
                "true" if f["required"] else "false",
                f["scope"] or "",
                # One JSON object (compact, keys in spec order), empty when there is none.
                (
                    json.dumps(f["constraints"], ensure_ascii=False, separators=(",", ":"))
                    if f["constraints"]
                    else ""
                ),
                *(f["description"][x] for x in langs),
            ]
        )
    return {
        "data/scopes.json": indented({"languages": langs, "scopes": scopes}) + "\n",
        "data/scopes.csv": _csv(scope_csv),
        "data/fields.json": indented({"languages": langs, "fields": fields}) + "\n",
        "data/fields.csv": _csv(field_csv),
    }
