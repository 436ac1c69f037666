"""The toolkit's own code stays as strict as the code it generates: `make lint` in the suite."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def test_generator_is_mypy_strict_clean(tmp_path: Path) -> None:
    # The settings (strict, files = generator) come from pyproject.toml; a private cache keeps
    # the run independent of whatever an earlier mypy left behind.
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "mypy")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_toolkit_is_black_formatted() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "black", "--check", "generator", "tests", "bench", "docs_site"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
