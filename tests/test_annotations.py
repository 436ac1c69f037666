"""``validate --format github``: one GitHub Actions ``::error`` annotation per problem, escaped."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT
from generator.annotations import github_annotation
from generator.problems import Problem

CASES = Path(__file__).resolve().parent / "cases"


def _validate(case: str, fmt: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    work = tmp_path / fmt
    shutil.copytree(CASES / case, work)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SPECGEN_CACHE": "off"}
    return subprocess.run(
        [sys.executable, "-m", "generator", "validate", "--spec", "spec.yaml", "--format", fmt],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    )


def test_every_problem_is_an_annotation(tmp_path: Path) -> None:
    github = _validate("many_problems_at_once", "github", tmp_path)
    as_json = _validate("many_problems_at_once", "json", tmp_path)
    assert github.returncode == as_json.returncode == 2
    problems = json.loads(as_json.stdout)["problems"]
    assert len(problems) == 4
    assert github.stdout.splitlines() == [
        f"::error file=spec.yaml,line={p['line']},col={p['column']},title=specgen::{p['path']}: {p['message']}"
        for p in problems
    ]
    # The messages a person reads stay on stderr, as with --format text; stdout holds annotations only.
    assert github.stderr == (CASES / "many_problems_at_once" / "expected.txt").read_text(encoding="utf-8")


def test_a_good_spec_prints_no_annotation(tmp_path: Path) -> None:
    (tmp_path / "spec").mkdir()
    shutil.copy(ROOT / "spec" / "tiktok_v2.yaml", tmp_path / "spec" / "tiktok_v2.yaml")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SPECGEN_CACHE": "off"}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "validate", "--spec", "spec", "--format", "github"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0 and "::" not in result.stdout + result.stderr


def _unescape(text: str) -> str:
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, raw)
    return text


@given(st.text(min_size=1), st.text(), st.integers(1, 10**6), st.integers(1, 10**4))
def test_annotations_are_one_line_and_read_back(file: str, message: str, line: int, col: int) -> None:
    annotation = github_annotation(Problem(file, line, col, "", message))
    assert "\n" not in annotation and "\r" not in annotation
    head, data = annotation.split("::", 2)[1:]
    properties = dict(part.split("=", 1) for part in head.removeprefix("error ").split(","))
    assert _unescape(properties["file"]) == file
    assert (properties["line"], properties["col"]) == (str(line), str(col))
    assert _unescape(data) == message
