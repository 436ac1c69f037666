"""Safe names, end to end: fields named like Python and pydantic's own names still work.

One object carries a field for every keyword, soft keyword, builtin used in annotations,
BaseModel attribute (and its metaclass's), pydantic class name and non-identifier the
hostile strategies know; the generated package is imported in a fresh interpreter with
warnings as errors, and the wire JSON (wire names as keys) goes in and comes back out.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from pydantic import BaseModel

from conftest import generate_text
from generator import naming
from hostile_strategies import WIRE_NAMES, dump

IMPORT_AND_ROUND_TRIP = """
import json, sys, warnings
warnings.simplefilter("error")
from names_pkg import Names, i18n
payload = json.loads(sys.argv[1])
parsed = Names.model_validate_json(json.dumps(payload))
assert parsed.model_dump(mode="json", by_alias=True) == payload, parsed.model_dump(by_alias=True)
for wire, value in payload.items():
    assert i18n.describe(Names, wire) == "The field " + repr(wire) + ".", wire
print(len(Names.model_fields))
"""


def test_base_model_attributes_cover_pydantic() -> None:
    public = {n for n in dir(BaseModel) + dir(type(BaseModel)) if not n.startswith("_")}
    assert public <= naming.BASE_MODEL_ATTRIBUTES


def test_fields_named_like_python_and_pydantic_names_work(tmp_path: Path) -> None:
    wires: list[str] = []
    taken: set[str] = set()
    for wire in dict.fromkeys(WIRE_NAMES):
        py = naming.field_name(wire, frozenset({"Names"}))
        if py not in taken:
            taken.add(py)
            wires.append(wire)
    assert {"class", "Config", "model_config", "mro", "register", "json", "user-name", "1st", "$ref"} <= set(
        wires
    )
    spec = {
        "spec_version": 1,
        "languages": ["en"],
        "package": {"name": "names_pkg", "version": "1.0.0", "title": {"en": "Names"},
                    "description": {"en": "Names."}, "base_url": "https://api.example.com"},
        "scopes": {"s": {"description": {"en": "S"}}},
        "objects": {
            "Names": {
                "description": {"en": "Every hard name."},
                "fields": {w: {"type": "string", "description": {"en": f"The field {w!r}."}} for w in wires},
            }
        },
    }  # fmt: skip
    files = generate_text(dump(spec))
    for path, text in files.items():
        if path.startswith("python/"):
            (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / path).write_text(text, encoding="utf-8")
    payload = {w: f"value of {w}" for w in wires}
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_AND_ROUND_TRIP, json.dumps(payload)],
        cwd=tmp_path / "python",
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(len(wires))
