"""The scope map and the field table as data: JSON and CSV, serialised by their libraries."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from generator import units
from generator.ir import FieldIR, ObjectIR, ProjectIR
from generator.json_text import indented
from generator.targets import splice


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


def _object_rows(o: ObjectIR) -> list[dict[str, Any]]:
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
        for f in o.fields
    ]


def field_rows(project: ProjectIR) -> list[dict[str, Any]]:
    """One record per field of every object."""
    return [row for o in project.objects for row in _object_rows(o)]


_FIELD_COLUMNS = ["object", "field", "python_name", "type", "format", "required", "scope", "constraints"]


def _field_csv_row(f: dict[str, Any], langs: list[str]) -> list[str]:
    return [
        f["object"],
        f["field"],
        f["python_name"],
        f["type"],
        f["format"] or "",
        "true" if f["required"] else "false",
        f["scope"] or "",
        # One JSON object (compact, keys in spec order), empty when there is none.
        (json.dumps(f["constraints"], ensure_ascii=False, separators=(",", ":")) if f["constraints"] else ""),
        *(f["description"][x] for x in langs),
    ]


def _fields_piece(o: ObjectIR, langs: list[str]) -> str:
    """One object's rows of fields.json (as the document indents them) and of fields.csv, split by
    a NUL (which JSON text never holds): a unit of the incremental cache."""
    rows = _object_rows(o)
    return splice.items_text(rows, 1) + "\0" + _csv([_field_csv_row(f, langs) for f in rows])


def _fields_files(project: ProjectIR, langs: list[str]) -> tuple[units.FileText, units.FileText]:
    """``fields.json`` and ``fields.csv``: from each object's cached piece (then as UTF-8), or dumped whole."""
    header = _csv([[*_FIELD_COLUMNS, *(f"description_{x}" for x in langs)]])
    pieces = splice.cached_pieces("data/fields", langs, project.objects, lambda o: _fields_piece(o, langs))
    if pieces is not None:
        parts = [piece.partition(b"\0") for piece in pieces]
        text = splice.spliced({"languages": langs, "fields": [splice.MARK]}, [p[0] for p in parts])
        if text is not None:
            rows = header.encode("utf-8") + b"".join(p[2] for p in parts)
            return units.hash_ahead(text + b"\n"), units.hash_ahead(rows)
    fields = field_rows(project)
    return (
        indented({"languages": langs, "fields": fields}) + "\n",
        header + _csv([_field_csv_row(f, langs) for f in fields]),
    )


def render_data(project: ProjectIR) -> dict[str, units.FileText]:
    """``data/scopes.{json,csv}`` and ``data/fields.{json,csv}``.

    In ``scopes.csv`` the ``fields`` cell lists ``Object.field`` names one per line
    (field names cannot contain line breaks; the spec refuses them). In ``fields.csv`` the
    ``constraints`` cell is a compact JSON object (``{"minimum":0}``), empty when there is none.
    """
    langs = [x.code for x in project.languages]
    scopes = scope_rows(project)
    scope_csv = [["scope", *(f"description_{x}" for x in langs), "fields"]]
    for s in scopes:
        names = "\n".join(f"{f['object']}.{f['field']}" for f in s["fields"])
        scope_csv.append([s["scope"], *(s["description"][x] for x in langs), names])
    fields_json, fields_csv = _fields_files(project, langs)
    return {
        "data/scopes.json": indented({"languages": langs, "scopes": scopes}) + "\n",
        "data/scopes.csv": _csv(scope_csv),
        "data/fields.json": fields_json,
        "data/fields.csv": fields_csv,
    }
