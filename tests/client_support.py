"""Helpers of the client tests: the generated package imported from a copy, and a scripted local server."""

from __future__ import annotations

import asyncio
import json
import shutil
import socket
import subprocess
import sys
import threading
import time
import types
from collections.abc import Coroutine, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import GENERATED, ROOT

PACKAGE = "tiktok_v2"
_T = TypeVar("_T")


def run_async(coroutine: Coroutine[Any, Any, _T]) -> _T:
    """``asyncio.run`` in a thread of its own: another test's fixture (Playwright's sync API)
    may keep an event loop running in the main thread for the whole session."""
    results: list[_T] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            results.append(asyncio.run(coroutine))
        except BaseException as exc:  # handed to the caller's thread
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if errors:
        raise errors[0]
    return results[0]


def import_package(tmp: Path) -> Iterator[types.SimpleNamespace]:
    """The generated package, imported from a copy (bytecode never lands in generated/); removed after."""
    copy = tmp / "python"
    shutil.copytree(GENERATED / "python", copy)
    sys.path.insert(0, str(copy))
    try:
        import importlib

        yield types.SimpleNamespace(
            pkg=importlib.import_module(PACKAGE),
            client=importlib.import_module(f"{PACKAGE}.client"),
            errors=importlib.import_module(f"{PACKAGE}.errors"),
        )
    finally:
        sys.path.remove(str(copy))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
            del sys.modules[name]


@pytest.fixture(scope="module")
def t(tmp_path_factory: pytest.TempPathFactory) -> Iterator[types.SimpleNamespace]:
    """The generated package's modules (a fixture: import it into a test module)."""
    yield from import_package(tmp_path_factory.mktemp("client"))


@pytest.fixture(scope="module")
def server() -> Iterator["ScriptedServer"]:
    """A scripted server for one test module, stopped after it."""
    s = ScriptedServer()
    yield s
    s.stop()


# Prism 5.16.0 silently skips request body validation when the document names a
# ``jsonSchemaDialect`` (found by bisecting; the value is OpenAPI 3.1's default dialect anyway),
# so the fixture serves a copy without that key; test_client_prism proves bodies are validated.
PRISM = ROOT / "node_modules" / ".bin" / "prism"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def prism(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    assert PRISM.exists(), "Prism is missing: run `make node_modules/.installed` (npm ci)"
    document = json.loads((GENERATED / "openapi" / "openapi.json").read_text(encoding="utf-8"))
    document.pop("jsonSchemaDialect", None)
    path = tmp_path_factory.mktemp("prism") / "openapi.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    port = _free_port()
    log = (path.parent / "prism.log").open("w")
    proc = subprocess.Popen(
        [str(PRISM), "mock", "-h", "127.0.0.1", "-p", str(port), "--errors", str(path)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, (path.parent / "prism.log").read_text()
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                assert time.monotonic() < deadline, "Prism did not start within 120 s"
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@dataclass
class Reply:
    """One scripted response."""

    status: int = 200
    body: Any = None  # JSON-able, or bytes sent as they are
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass
class Seen:
    """One request the server received."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    def form(self) -> dict[str, list[str]]:
        return parse_qs(self.body.decode("ascii"))


class ScriptedServer:
    """An HTTP server on 127.0.0.1 (a free port) answering each request with the next reply."""

    def __init__(self) -> None:
        self.replies: list[Reply] = []
        self.seen: list[Seen] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                parts = urlsplit(self.path)
                server.seen.append(
                    Seen(
                        self.command,
                        parts.path,
                        parse_qs(parts.query),
                        {k.lower(): v for k, v in self.headers.items()},
                        self.rfile.read(length),
                    )
                )
                reply = server.replies.pop(0) if server.replies else Reply(599, b"no reply scripted")
                if reply.delay:
                    time.sleep(reply.delay)
                body = reply.body if isinstance(reply.body, bytes) else json.dumps(reply.body).encode()
                self.send_response(reply.status)
                headers = {"Content-Type": "application/json", **reply.headers}
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (the timeout test)

            do_GET = do_POST = _answer

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    def script(self, *replies: Reply) -> None:
        self.replies = list(replies)
        self.seen = []

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()


def envelope(data: Any = None, code: str = "ok", message: str = "", log_id: str = "LOG1") -> dict[str, Any]:
    """A Display API body in the spec's ``api`` error shape."""
    body: dict[str, Any] = {"error": {"code": code, "message": message, "log_id": log_id}}
    if data is not None:
        body["data"] = data
    return body


def video(i: int) -> dict[str, Any]:
    return {"id": str(i), "title": f"video {i}"}
