"""Every Python block a user reads runs, and passes mypy --strict.

The blocks of README.md and of every page under generated/docs/ are found by their fences
(```python), whatever they say. A page's blocks, in order, are one program, as a reader
would run them. Each program:

- passes ``mypy --strict`` against the generated package. A name the page uses but never
  binds (``access_token``: the reader's own) is declared ``Any`` for the check.
- runs against the generated package, with such names bound to a string, and with the
  network shut: a program that reaches for it (to call the API) stops there, and counts as
  run up to that point. Any other error fails the test.
"""

from __future__ import annotations

import builtins
import json
import os
import re
import shutil
import subprocess
import sys
import symtable
from pathlib import Path

import pytest

from conftest import GENERATED, ROOT

BLOCK = re.compile(r"^```python\n(.*?)^```$", re.S | re.M)
PAGES = [ROOT / "README.md", *sorted((GENERATED / "docs").rglob("*.md"))]
PROGRAMS = {
    page.relative_to(ROOT).as_posix(): "\n".join(BLOCK.findall(page.read_text(encoding="utf-8")))
    for page in PAGES
    if BLOCK.search(page.read_text(encoding="utf-8"))
}
NETWORK_SHUT = 42  # the runner's exit status when a program reached for the network

RUNNER = """\
import json, runpy, socket, sys


class NetworkShut(BaseException):  # not an OSError: urllib must not turn it into URLError
    pass


def _shut(*args, **kwargs):
    raise NetworkShut()


socket.getaddrinfo = _shut
socket.create_connection = _shut
socket.socket.connect = _shut
program, free = sys.argv[1], json.loads(sys.argv[2])
try:
    runpy.run_path(program, init_globals={name: f"<{name}>" for name in free}, run_name="__main__")
except NetworkShut:
    sys.exit(%d)
""" % NETWORK_SHUT


def free_names(source: str) -> list[str]:
    """Names the program uses but never binds, and that are not builtins: the reader supplies them."""
    found: set[str] = set()
    bound: set[str] = set()
    tables = [symtable.symtable(source, "<program>", "exec")]
    while tables:
        table = tables.pop()
        tables.extend(table.get_children())
        for symbol in table.get_symbols():
            if table.get_type() == "module" and (symbol.is_assigned() or symbol.is_imported()):
                bound.add(symbol.get_name())
            elif symbol.is_referenced() and symbol.is_global():
                found.add(symbol.get_name())
    return sorted(found - bound - set(dir(builtins)))


def test_the_readme_and_the_docs_have_python_blocks() -> None:
    # The finder itself must find something, or every test below would pass on nothing.
    assert "README.md" in PROGRAMS
    assert any(name.startswith("generated/docs/") for name in PROGRAMS)


def test_free_names_are_what_the_reader_supplies() -> None:
    source = "import json\nx = 1\ndef f(a):\n    return a + x + token\nprint(f(json.loads(body)))\n"
    assert free_names(source) == ["body", "token"]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The generated package and one file per program, away from generated/ (no caches land there)."""
    work = tmp_path_factory.mktemp("blocks")
    for package in (GENERATED / "python").iterdir():
        if (package / "__init__.py").is_file():
            shutil.copytree(package, work / package.name)
    for index, (page, source) in enumerate(PROGRAMS.items()):
        free = free_names(source)
        declared = "".join(f"{name}: Any\n" for name in free)
        header = f"# {page}\nfrom typing import Any\n{declared}\n" if free else f"# {page}\n"
        (work / f"checked_{index}.py").write_text(header + source, encoding="utf-8")
        (work / f"program_{index}.py").write_text(source, encoding="utf-8")
    (work / "runner.py").write_text(RUNNER, encoding="utf-8")
    return work


def test_every_program_passes_mypy_strict(workspace: Path) -> None:
    checked = sorted(p.name for p in workspace.glob("checked_*.py"))
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *checked],
        cwd=workspace,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("page", sorted(PROGRAMS))
def test_every_program_runs(workspace: Path, page: str) -> None:
    index = list(PROGRAMS).index(page)
    env = {**os.environ, "PYTHONPATH": str(workspace), "PYTHONDONTWRITEBYTECODE": "1"}
    free = json.dumps(free_names(PROGRAMS[page]))
    result = subprocess.run(
        [sys.executable, "runner.py", f"program_{index}.py", free],
        cwd=workspace,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode in (0, NETWORK_SHUT), f"{page}:\n{result.stderr}"
