"""The generated OpenAPI passes the linters API teams run: Redocly CLI and Spectral, pinned in
package.json and installed by the Makefile (``npm ci``), each with its recommended rules less
the trailing-slash rule (TikTok's real paths end in ``/``; see ``tests/openapi_lint/``).

Every error and every warning fails: what they report is what a user of our OpenAPI would see.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import GENERATED, ROOT

BIN = ROOT / "node_modules" / ".bin"
RULES = Path(__file__).resolve().parent / "openapi_lint"
DOCUMENTS = sorted((GENERATED / "openapi").glob("*.json"))

pytestmark = pytest.mark.slow


def _tool(name: str) -> Path:
    path = BIN / name
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make test` (it installs the Node tools with npm ci)")
    return path


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)


def test_there_is_a_document_per_language() -> None:
    assert [p.name for p in DOCUMENTS] == ["openapi.json", "openapi.th.json"]


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name)
def test_redocly_reports_nothing(document: Path) -> None:
    result = _run(
        [
            str(_tool("redocly")),
            "lint",
            "--config",
            str(RULES / "redocly.yaml"),
            "--format=json",
            str(document),
        ]
    )
    report = json.loads(result.stdout)
    problems = [f"{p['severity']} {p['ruleId']}: {p['message']}" for p in report["problems"]]
    assert problems == [], "\n".join(problems)
    assert report["totals"] == {"errors": 0, "warnings": 0, "ignored": 0}
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name)
def test_spectral_reports_nothing(document: Path) -> None:
    result = _run(
        [str(_tool("spectral")), "lint", "-r", str(RULES / ".spectral.yaml"), "-f", "json", str(document)]
    )
    # With nothing to report, Spectral prints "[]" and then a sentence ("No results with a
    # severity of 'error' found!"): read the JSON document at the start of its output.
    report, _ = json.JSONDecoder().raw_decode(result.stdout)
    problems = [f"{p['code']} at {'.'.join(map(str, p['path']))}: {p['message']}" for p in report]
    assert problems == [], "\n".join(problems)
    assert result.returncode == 0, result.stderr


def test_the_linters_do_find_problems(tmp_path: Path) -> None:
    """The same commands fail on a document with a mistake, so a pass above means something."""
    doc = json.loads((GENERATED / "openapi" / "openapi.json").read_text(encoding="utf-8"))
    first_path = next(iter(doc["paths"].values()))
    next(iter(first_path.values())).pop("operationId")  # both linters require an operationId
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    redocly = _run(
        [str(_tool("redocly")), "lint", "--config", str(RULES / "redocly.yaml"), "--format=json", str(bad)]
    )
    assert "operation-operationId" in {p["ruleId"] for p in json.loads(redocly.stdout)["problems"]}
    spectral = _run(
        [str(_tool("spectral")), "lint", "-r", str(RULES / ".spectral.yaml"), "-f", "json", str(bad)]
    )
    assert "operation-operationId" in {p["code"] for p in json.loads(spectral.stdout)}
