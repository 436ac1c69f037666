"""`make serve-docs`, live: a writer saves the spec and the open page shows the new text by itself.

The live server (python -m generator.site_live: the watch plus its child docs_site/serve.py, MkDocs'
live-reload server) runs on a temp copy of the spec, on 127.0.0.1 and a free port; Debian's Chromium
(the shared `browser` fixture) opens the Thai User page, the test edits a Thai description in the
spec file and waits, without reloading, for the new text; then it stops the server with SIGINT
(exit 0, the child gone too).
Every wait polls with a timeout; nothing here is a timing assertion.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, SPEC
from site_support import BUILD_ENV

pytestmark = pytest.mark.slow

OLD, NEW = "ชื่อโปรไฟล์ของผู้ใช้", "ชื่อที่ผู้ใช้ตั้งไว้บนโปรไฟล์"  # User.display_name's Thai description
TIMEOUT_S = 300.0  # two full site builds on a shared machine; a quiet one needs a few seconds


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(x) for x in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


class LiveServer:
    def __init__(self, project: Path, port: int) -> None:
        self.url = f"http://127.0.0.1:{port}/"
        self.log = project / "live.log"
        command = [sys.executable, "-m", "generator.site_live", "--spec", "spec", "--out", "generated"]
        command += ["--stage", "build/live/docs-src", "--port", str(port)]
        with self.log.open("wb") as log:
            self.proc = subprocess.Popen(
                command,
                cwd=project,
                env={**BUILD_ENV, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"},
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_until_served(self, path: str) -> None:
        deadline = time.monotonic() + TIMEOUT_S
        while True:
            if self.proc.poll() is not None:
                pytest.fail(f"the live server exited ({self.proc.returncode}):\n{self.output()[-5000:]}")
            try:
                urllib.request.urlopen(self.url + path, timeout=5).close()
                return
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"{self.url}{path} not served in time:\n{self.output()[-5000:]}")
                time.sleep(0.2)

    def kill_all(self, pids: list[int]) -> None:
        for pid in pids:
            for group in {pid, *(_safe_pgid(p) for p in _children(pid))}:
                if group is not None:
                    try:
                        os.killpg(group, signal.SIGKILL)
                    except (ProcessLookupError, PermissionError):
                        pass
        self.proc.wait(30)


def _safe_pgid(pid: int) -> int | None:
    try:
        return os.getpgid(pid)
    except ProcessLookupError:
        return None


@pytest.fixture()
def live(tmp_path: Path) -> Iterator[LiveServer]:
    shutil.copytree(SPEC, tmp_path / "spec")
    server = LiveServer(tmp_path, _free_port())
    try:
        yield server
    finally:
        if server.proc.poll() is None:
            server.kill_all([server.proc.pid])


def test_a_saved_thai_description_appears_in_the_open_page(browser: Any, live: LiveServer) -> None:
    from playwright.sync_api import expect

    live.wait_until_served("th/objects/user/")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    outside: list[str] = []
    problems: list[str] = []

    def route(handle: Any) -> None:
        url = handle.request.url
        if url.startswith(live.url) or url.startswith("data:") or url == "about:blank":
            handle.continue_()
        else:
            outside.append(url)
            handle.abort()

    context.route("**/*", route)
    tab = context.new_page()
    tab.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    tab.on("console", lambda m: problems.append(f"console.{m.type}: {m.text}") if m.type == "error" else None)
    try:
        tab.goto(live.url + "th/objects/user/")
        article = tab.locator("article")
        expect(article).to_contain_text(OLD)
        expect(article).not_to_contain_text(NEW)
        tab.evaluate("window.__notReloadedYet = true")

        spec = live.log.parent / "spec" / "tiktok_v2.yaml"
        text = spec.read_text(encoding="utf-8")
        assert text.count(f"th: {OLD}\n") == 1
        spec.write_text(text.replace(f"th: {OLD}\n", f"th: {NEW}\n"), encoding="utf-8")

        expect(article).to_contain_text(NEW, timeout=TIMEOUT_S * 1000)
        # MkDocs' live-reload script reloaded the page (the test never did): the marker is gone.
        assert tab.evaluate("window.__notReloadedYet === undefined")
        assert tab.url == live.url + "th/objects/user/"
    finally:
        context.close()
    assert not outside, f"requests left 127.0.0.1: {outside}"
    assert not problems, "\n".join(problems)

    mkdocs = _children(live.proc.pid)
    assert mkdocs, "no docs server child"
    try:
        live.proc.send_signal(signal.SIGINT)
        assert live.proc.wait(60) == 0, live.output()[-5000:]
        deadline = time.monotonic() + 60
        while any(_alive(pid) for pid in mkdocs) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(pid) for pid in mkdocs), "the docs server outlived the live server"
    finally:
        live.kill_all([live.proc.pid, *mkdocs])
    log = live.output()
    assert "Traceback" not in log, log[-5000:]
    assert "generated: " in log and "watch stopped" in log
