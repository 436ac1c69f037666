"""An error on the toolkit's own files is a bug (exit 3), an error on the user's is bad input (exit 2)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL_SPEC, ROOT


def _cli(*args: str | Path, cwd: Path, toolkit: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(toolkit), "SPECGEN_CACHE": "off"}
    return subprocess.run(
        [sys.executable, "-m", "generator", *map(str, args)], cwd=cwd, env=env, capture_output=True, text=True
    )


def test_a_missing_template_is_a_bug(tmp_path: Path) -> None:
    toolkit = tmp_path / "toolkit"
    shutil.copytree(ROOT / "generator", toolkit / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "templates", toolkit / "templates")
    (toolkit / "templates" / "python" / "__init__.py.j2").unlink()
    (tmp_path / "spec.yaml").write_text(MINIMAL_SPEC, encoding="utf-8")
    result = _cli("generate", "--spec", "spec.yaml", "--out", "out", cwd=tmp_path, toolkit=toolkit)
    assert result.returncode == 3, result.stderr
    assert result.stderr.startswith("internal error (please report")
    assert "python/__init__.py.j2" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_an_unreadable_toolkit_file_is_a_bug(tmp_path: Path) -> None:
    toolkit = tmp_path / "toolkit"
    shutil.copytree(ROOT / "generator", toolkit / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "templates", toolkit / "templates")
    (toolkit / "templates" / "docs" / "object.md.j2").unlink()
    (toolkit / "templates" / "docs" / "object.md.j2").mkdir()  # reading it raises IsADirectoryError
    (tmp_path / "spec.yaml").write_text(MINIMAL_SPEC, encoding="utf-8")
    result = _cli("generate", "--spec", "spec.yaml", "--out", "out", cwd=tmp_path, toolkit=toolkit)
    assert result.returncode == 3, result.stderr
    assert "internal error" in result.stderr and "object.md.j2" in result.stderr


def test_an_error_on_the_users_files_is_bad_input(tmp_path: Path) -> None:
    (tmp_path / "spec.yaml").write_text(MINIMAL_SPEC, encoding="utf-8")
    (tmp_path / "a_file").write_text("", encoding="utf-8")
    result = _cli("generate", "--spec", "spec.yaml", "--out", "a_file/out", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error: ") and "internal error" not in result.stderr


@pytest.mark.parametrize(
    "command",
    [["validate", "--format", "json"], ["validate", "--format", "github"], ["validate"], ["lint"]],
)
def test_a_reader_that_stops_early_ends_the_run_quietly(tmp_path: Path, command: list[str]) -> None:
    """``specgen validate --format json | head``: the reader closes the pipe; the run ends as a
    Unix tool does, by SIGPIPE (a shell shows status 141), without a traceback or an error of its
    own, whether the report is written in many writes or in one (which the pipe takes in part)."""
    fields = "".join(
        f"      f{i}:\n        type: strnig\n        description: {{en: F F., th: ฟ}}\n" for i in range(2000)
    )
    spec = tmp_path / "spec.yaml"
    spec.write_text(MINIMAL_SPEC.replace("    fields:\n", "    fields:\n" + fields, 1), encoding="utf-8")
    if command == ["lint"]:  # valid, with a lint finding for each field (the same text in both languages)
        spec.write_text(spec.read_text(encoding="utf-8").replace("strnig", "string"), encoding="utf-8")
        spec.write_text(spec.read_text(encoding="utf-8").replace("th: ฟ}", "th: F F.}"), encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", *command[:1], "--spec", str(spec), *command[1:]],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,  # (`2>&1 | head`: a report on either stream)
        cwd=ROOT,
    )
    assert proc.stdout is not None
    assert proc.stdout.read(100)  # `head -c 100`
    proc.stdout.close()
    # Ended by the signal at its next write: not by an error of its own (exit 1 to 3), nor a
    # traceback (exit 1), nor a success that hides the report's loss (exit 0).
    assert proc.wait(timeout=120) == -signal.SIGPIPE
