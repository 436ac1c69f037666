"""`specgen watch`: a real watch process on a temp copy of the spec, edited as a writer would.

Every wait polls with a timeout (no fixed sleep is an assertion): an edit shows up in the generated
page, a broken spec prints its problem at FILE:LINE:COL and leaves the output untouched, the fix
regenerates, SIGINT ends the watch with exit 0 and no traceback.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import ROOT, SPEC

SPEC_FILE = "spec/tiktok_v2.yaml"
USER_TH = "generated/docs/th/objects/user.md"
DISPLAY_NAME_TH = "          th: ชื่อโปรไฟล์ของผู้ใช้\n"  # User.display_name's Thai description
TIMEOUT = 120.0  # generous: on this shared 2-core machine a run took 1.5-10 s under heavy load


class WatchProcess:
    """``python -m generator watch`` in ``cwd``, its output lines collected as they come."""

    def __init__(self, cwd: Path, *extra: str) -> None:
        self.cwd = cwd
        self.out: list[str] = []
        self.err: list[str] = []
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "generator", "watch", "--spec", "spec", "--out", "generated", *extra],
            cwd=cwd,
            env={**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(ROOT)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self.readers = [
            threading.Thread(target=lambda s=stream, l=lines: l.extend(iter(s.readline, "")), daemon=True)
            for stream, lines in ((self.proc.stdout, self.out), (self.proc.stderr, self.err))
        ]
        for reader in self.readers:
            reader.start()

    def stop(self, signum: int) -> int:
        """Send the signal; the exit status once the process and its output have ended."""
        self.proc.send_signal(signum)
        status = self.proc.wait(TIMEOUT)
        for reader in self.readers:
            reader.join(TIMEOUT)
        return status

    def wait_for(self, what: str, check: Callable[[], bool]) -> None:
        deadline = time.monotonic() + TIMEOUT
        while not check():
            if self.proc.poll() is not None:
                pytest.fail(f"the watch exited ({self.proc.returncode}) waiting for {what}:\n{self.log()}")
            if time.monotonic() > deadline:
                pytest.fail(f"timed out waiting for {what}:\n{self.log()}")
            time.sleep(0.05)

    def runs(self) -> int:
        """How many successful regenerations it has reported."""
        return sum(1 for line in self.out if " generated: " in line)

    def log(self) -> str:
        return "stdout:\n" + "".join(self.out) + "stderr:\n" + "".join(self.err)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    shutil.copytree(SPEC, tmp_path / "spec")
    return tmp_path


@pytest.fixture()
def watch(project: Path) -> Iterator[WatchProcess]:
    process = WatchProcess(project)
    try:
        process.wait_for("the first generation", lambda: "watching" in "".join(process.out))
        yield process
    finally:
        if process.proc.poll() is None:
            process.proc.kill()
            process.proc.wait(30)


def _text(path: Path) -> str:
    """A generated file's text; empty for the instant the writer swaps the output folder in."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_edit_break_fix_and_stop(project: Path, watch: WatchProcess) -> None:
    spec, page = project / SPEC_FILE, project / USER_TH
    assert "ชื่อโปรไฟล์ของผู้ใช้" in page.read_text(encoding="utf-8")
    assert watch.runs() == 1

    # 1. A writer edits a Thai description: the Thai User page follows.
    _edit(spec, DISPLAY_NAME_TH, "          th: ชื่อที่แสดงบนโปรไฟล์ของผู้ใช้\n")
    watch.wait_for("the edit in the page", lambda: "ชื่อที่แสดงบนโปรไฟล์ของผู้ใช้" in _text(page))
    watch.wait_for("the run's line", lambda: watch.runs() == 2)
    assert "files changed" in watch.out[-1] and watch.out[-1].rstrip().endswith(" s)"), watch.out[-1]

    # 2. A broken spec: the problem at FILE:LINE:COL, as validate prints it; generated/ untouched.
    before = _snapshot(project / "generated")
    lines = spec.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, text in enumerate(lines, 1) if text == "      display_name:\n")
    line = next(i for i, text in enumerate(lines, 1) if i > start and text.strip().startswith("scope:"))
    lines[line - 1] = lines[line - 1].replace("user.info.basic", "user.info.nope")
    spec.write_text("".join(lines), encoding="utf-8")
    validate = subprocess.run(
        [sys.executable, "-m", "generator", "validate", "--spec", "spec"],
        cwd=project, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert validate.returncode == 2
    expected = [x for x in validate.stderr.splitlines() if x.startswith(f"{SPEC_FILE}:")]
    assert expected == [f"{SPEC_FILE}:{line}:16: objects.User.fields.display_name.scope: scope 'user.info.nope' "
                        "is not declared; did you mean 'user.info.profile'?"]  # fmt: skip
    watch.wait_for("the problem", lambda: "last good output kept" in "".join(watch.err))
    assert [x.rstrip("\n") for x in watch.err if x.startswith(f"{SPEC_FILE}:")] == expected
    assert "1 problem in the spec; nothing was written." in "".join(watch.err)
    assert _snapshot(project / "generated") == before, "a bad spec changed generated/"
    assert watch.proc.poll() is None, "the watch stopped on a bad spec"

    # 3. The fix (with another edit, so the run is seen in the page): regenerated.
    text = spec.read_text(encoding="utf-8").replace("scope: user.info.nope", "scope: user.info.basic")
    spec.write_text(text.replace("ชื่อที่แสดงบนโปรไฟล์ของผู้ใช้", "ชื่อบนโปรไฟล์"), encoding="utf-8")
    watch.wait_for("the fix in the page", lambda: "ชื่อบนโปรไฟล์" in _text(page))
    watch.wait_for("the run's line", lambda: watch.runs() == 3)

    # 4. Ctrl-C: exit 0, no traceback.
    assert watch.stop(signal.SIGINT) == 0, watch.log()
    assert "Traceback" not in "".join(watch.err), watch.log()
    assert watch.out[-1] == "watch stopped\n"


def test_a_saved_template_is_read_again(project: Path) -> None:
    """An override template saved during the watch changes the next run's output."""
    override = project / "templates" / "docs" / "object.md.j2"
    override.parent.mkdir(parents=True)
    shutil.copy(ROOT / "templates" / "docs" / "object.md.j2", override)
    process = WatchProcess(project, "--templates", "templates")
    try:
        process.wait_for("the first generation", lambda: "watching" in "".join(process.out))
        page = project / USER_TH
        assert "OVERRIDDEN" not in page.read_text("utf-8")
        override.write_text(override.read_text("utf-8") + "\nOVERRIDDEN\n", encoding="utf-8")
        process.wait_for("the template's text", lambda: "OVERRIDDEN" in _text(page))
        assert process.stop(signal.SIGTERM) == 0, process.log()
    finally:
        if process.proc.poll() is None:
            process.proc.kill()
            process.proc.wait(30)


def test_a_bug_is_reported_and_the_watch_goes_on(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A toolkit bug in one run prints the exit-3 message, keeps the output, and the next run works."""
    from generator import watch

    monkeypatch.chdir(project)
    monkeypatch.delenv("SPECGEN_DEBUG", raising=False)
    session = watch.Watch(Path("spec"), Path("generated"))
    assert session.regenerate() == 0
    before = _snapshot(project / "generated")
    real = watch.render

    def broken(*args: object) -> object:
        raise RuntimeError("a bug")

    monkeypatch.setattr(watch, "render", broken)
    assert session.regenerate() == 3
    err = capsys.readouterr().err
    assert (
        "internal error (please report, with SPECGEN_DEBUG=1 for the traceback): RuntimeError: a bug" in err
    )
    assert "Traceback" not in err
    assert _snapshot(project / "generated") == before
    monkeypatch.setattr(watch, "render", real)
    assert session.regenerate() == 0
    assert "generated: up to date" in capsys.readouterr().out
