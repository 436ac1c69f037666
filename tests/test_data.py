"""The scope map as data: JSON and CSV carry every scope, language and field."""

from __future__ import annotations

import csv
import io
import json

from generator.spec import Spec


def test_scopes_json(files: dict[str, str], spec: Spec) -> None:
    data = json.loads(files["data/scopes.json"])
    assert data["languages"] == ["en", "th"]
    assert [s["scope"] for s in data["scopes"]] == [s.name for s in spec.scopes]
    for record, scope in zip(data["scopes"], spec.scopes):
        assert record["description"] == scope.description
        expected = [
            {"object": o.name, "field": f.wire_name}
            for o in spec.objects
            for f in o.fields
            if f.scope == scope.name
        ]
        assert record["fields"] == expected
    by_scope = {s["scope"]: len(s["fields"]) for s in data["scopes"]}
    assert by_scope == {
        "user.info.basic": 6,
        "user.info.profile": 4,
        "artist.certification.read": 0,
        "artist.certification.update": 0,
        "video.list": 15,
        "user.info.stats": 4,
    }


def test_scopes_csv(files: dict[str, str], spec: Spec) -> None:
    rows = list(csv.DictReader(io.StringIO(files["data/scopes.csv"], newline="")))
    assert [r["scope"] for r in rows] == [s.name for s in spec.scopes]
    stats = next(r for r in rows if r["scope"] == "user.info.stats")
    assert stats["description_th"] == spec.scopes[-1].description["th"]
    assert stats["fields"].split("\n") == [
        "User.follower_count",
        "User.following_count",
        "User.likes_count",
        "User.video_count",
    ]


def test_fields_json_and_csv_agree(files: dict[str, str], spec: Spec) -> None:
    fields = json.loads(files["data/fields.json"])["fields"]
    rows = list(csv.DictReader(io.StringIO(files["data/fields.csv"], newline="")))
    assert len(fields) == len(rows) == sum(len(o.fields) for o in spec.objects)
    for record, row in zip(fields, rows):
        assert (row["object"], row["field"], row["scope"] or None) == (
            record["object"],
            record["field"],
            record["scope"],
        )
        assert row["description_th"] == record["description"]["th"]
