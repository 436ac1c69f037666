"""Model annotations are evaluated as each class is created; only forward references are strings.

A string annotation becomes a ForwardRef that pydantic compiles at import, so the models
module quotes only the annotations that name a class defined later in the module (itself,
or the other half of a cycle). This checks which ones are quoted, and that a package with a
self-reference, a cycle and a use before definition imports with warnings as errors, parses
nested wire JSON, and passes mypy --strict.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import generate_text
from hostile_strategies import dump

SPEC = {
    "spec_version": 1,
    "languages": ["en"],
    "package": {"name": "refs", "version": "1.0.0", "title": {"en": "Refs"},
                "description": {"en": "References."}, "base_url": "https://api.example.com"},
    "scopes": {"s": {"description": {"en": "S"}}},
    "objects": {
        # Uses Late before the spec defines it: the dependency order puts Late first.
        "Early": {"description": {"en": "E."}, "fields": {
            "late": {"type": "Late", "description": {"en": "A later object."}},
            "lates": {"type": "array", "items": {"type": "Late"}, "description": {"en": "Many."}},
        }},
        "Late": {"description": {"en": "L."}, "fields": {
            "name": {"type": "string", "required": True, "description": {"en": "Its name."}},
        }},
        "Node": {"description": {"en": "A tree."}, "fields": {
            "children": {"type": "array", "items": {"type": "Node"}, "description": {"en": "Kids."}},
            "parent": {"type": "Node", "description": {"en": "Up."}},
            "label": {"type": "string", "description": {"en": "Text."}},
        }},
        "Ping": {"description": {"en": "P."}, "fields": {
            "pong": {"type": "Pong", "description": {"en": "The other half."}},
        }},
        "Pong": {"description": {"en": "Q."}, "fields": {
            "ping": {"type": "Ping", "description": {"en": "The first half."}},
        }},
    },
}  # fmt: skip

USE = """
import warnings
warnings.simplefilter("error")
import refs
e = refs.Early.model_validate_json('{"late": {"name": "a"}, "lates": [{"name": "b"}]}')
assert e.late is not None and e.late.name == "a" and e.lates is not None and e.lates[0].name == "b"
n = refs.Node.model_validate({"label": "root", "children": [{"label": "kid", "children": []}],
                             "parent": {"label": "up"}})
assert n.children is not None and n.children[0].label == "kid" and n.parent is not None
p = refs.Ping.model_validate({"pong": {"ping": {"pong": {}}}})
assert p.pong is not None and p.pong.ping is not None and p.pong.ping.pong is not None
print("ok")
"""


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("refs")
    for path, text in generate_text(dump(SPEC)).items():
        if path.startswith("python/"):
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_text(text, encoding="utf-8")
    return root / "python"


def test_only_forward_references_are_strings(package: Path) -> None:
    modules = {p.name: p.read_text(encoding="utf-8") for p in (package / "refs" / "models").glob("*.py")}
    # One module an object, or a reference cycle (Ping and Pong) sharing one.
    assert sorted(modules) == ["__init__.py", "_early.py", "_late.py", "_node.py", "_ping.py"]
    assert "from refs.models._late import Late" in modules["_early.py"]
    models = "".join(modules.values())
    assert "from __future__ import annotations" not in models
    annotations = dict(re.findall(r"^    (\w+): (.+?) = Field\(", models, re.M))
    assert annotations == {
        "name": "str",
        "late": "Late | None",
        "lates": "list[Late] | None",
        "children": '"list[Node] | None"',
        "parent": '"Node | None"',
        "label": "str | None",
        # A cycle: Ping needs Pong first, so Pong is defined first and its use of Ping is forward.
        "pong": "Pong | None",
        "ping": '"Ping | None"',
    }
    classes = re.findall(r"^class (\w+)\(_Model\)", modules["_ping.py"], re.M)
    assert classes == ["Pong", "Ping"]


def test_references_parse_and_import_with_warnings_as_errors(package: Path) -> None:
    result = subprocess.run([sys.executable, "-c", USE], cwd=package, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


@pytest.mark.slow
def test_references_pass_mypy_strict(package: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "refs"],
        cwd=package,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Success"), result.stdout
