"""The corpus of bad specs: each is refused with its exact message, and nothing is written.

One folder per case under ``tests/cases/``: ``spec.yaml`` (or a ``spec/`` directory) and
``expected.txt``, the exact standard error of ``validate`` and ``generate``. A case may also
hold ``grow_to_bytes.txt``: the test pads its spec with comment lines to that many bytes
(so the repository does not carry a 32 MiB file).

Each case runs in a copy of its folder as the working directory, so the file names in the
messages are stable (``spec.yaml:LINE:COL: ...``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL_SPEC, ROOT

CASES = Path(__file__).resolve().parent / "cases"
CASE_NAMES = sorted(p.name for p in CASES.iterdir() if (p / "expected.txt").is_file())
EXIT_BAD_INPUT = 2
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "0"}


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m generator ARGS`` in ``cwd``, as a user would run it."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        env=ENV,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def run_all(commands: list[tuple[str, ...]], cwd: Path) -> list[subprocess.CompletedProcess[str]]:
    """Several ``python -m generator`` commands at once, in ``cwd``."""
    running = [
        (
            args,
            subprocess.Popen(
                [sys.executable, "-m", "generator", *args],
                cwd=cwd,
                env=ENV,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                encoding="utf-8",
            ),
        )
        for args in commands
    ]
    results = []
    for args, process in running:
        stdout, stderr = process.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(list(args), process.returncode, stdout, stderr))
    return results


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file and directory under ``folder`` (directories as None), with its bytes."""
    return {
        p.relative_to(folder).as_posix(): (None if p.is_dir() else p.read_bytes())
        for p in sorted(folder.rglob("*"))
    }


def _grow(spec: Path, size: int) -> None:
    """Pad ``spec`` with comment lines until it is exactly ``size`` bytes."""
    missing = size - spec.stat().st_size
    line = b"#" * 1023 + b"\n"
    with spec.open("ab") as out:
        out.write(line * (missing // len(line)))
        rest = missing % len(line)
        if rest:
            out.write(b"#" * (rest - 1) + b"\n")
    assert spec.stat().st_size == size


@pytest.fixture(scope="module")
def previous_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real output tree from a good spec: what a failed run must leave as it was."""
    work = tmp_path_factory.mktemp("previous")
    (work / "spec.yaml").write_text(MINIMAL_SPEC, encoding="utf-8")
    result = run_cli("generate", "--spec", "spec.yaml", "--out", "out", cwd=work)
    assert result.returncode == 0, result.stderr
    return work / "out"


def _prepare(name: str, tmp_path: Path) -> tuple[Path, str]:
    case = tmp_path / "case"
    shutil.copytree(CASES / name, case)
    spec = "spec" if (case / "spec").is_dir() else "spec.yaml"
    grow = case / "grow_to_bytes.txt"
    if grow.is_file():
        _grow(case / spec, int(grow.read_text()))
    return case, spec


def test_every_case_has_a_spec_and_an_expected_message() -> None:
    folders = sorted(p.name for p in CASES.iterdir() if p.is_dir())
    assert folders == CASE_NAMES
    for name in CASE_NAMES:
        assert (CASES / name / "spec.yaml").is_file() or (CASES / name / "spec").is_dir(), name
    assert len(CASE_NAMES) >= 40


@pytest.mark.parametrize("name", CASE_NAMES)
def test_bad_spec_is_refused_with_its_message(name: str, tmp_path: Path, previous_output: Path) -> None:
    case, spec = _prepare(name, tmp_path)
    expected = (CASES / name / "expected.txt").read_text(encoding="utf-8")
    problem_lines = expected.splitlines()[:-1]
    before_case = snapshot(case)

    out = case / "out"
    shutil.copytree(previous_output, out)
    before_out = snapshot(out)
    # The three commands are independent: run them side by side.
    validate, as_json, generate = run_all(
        [
            ("validate", "--spec", spec),
            ("validate", "--spec", spec, "--format", "json"),
            ("generate", "--spec", spec, "--out", "out"),
        ],
        cwd=case,
    )
    assert (validate.returncode, validate.stderr, validate.stdout) == (EXIT_BAD_INPUT, expected, "")
    assert (as_json.returncode, as_json.stderr) == (EXIT_BAD_INPUT, "")
    problems = json.loads(as_json.stdout)["problems"]
    assert [_format(p) for p in problems] == problem_lines
    assert (generate.returncode, generate.stderr, generate.stdout) == (EXIT_BAD_INPUT, expected, "")
    assert snapshot(out) == before_out
    shutil.rmtree(out)
    # Nothing constructed, nothing written beside the spec (a `!!python/object/apply` that
    # ran would have left a file here).
    assert snapshot(case) == before_case
    for result in (validate, as_json, generate):
        assert "Traceback" not in result.stdout + result.stderr


def _format(problem: dict[str, object]) -> str:
    path = f"{problem['path']}: " if problem["path"] else ""
    return f"{problem['file']}:{problem['line']}:{problem['column']}: {path}{problem['message']}"


def test_the_last_line_counts_the_problems() -> None:
    for name in CASE_NAMES:
        lines = (CASES / name / "expected.txt").read_text(encoding="utf-8").splitlines()
        count = len(lines) - 1
        assert (
            lines[-1] == f"{count} problem{'s' if count != 1 else ''} in the spec; nothing was written."
        ), name
