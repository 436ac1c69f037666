"""The generated client's cost: per call against a local server, and at import.

Run by ``make bench`` (section 6 of RESULTS.md), or by hand: ``.venv/bin/python bench/client_bench.py [ROUNDS]``.
Prints a Markdown table. Per call: ``Client.get_user_info()`` beside the same call written by
hand with httpx (one keep-alive ``httpx.Client``, the same fields, the response validated
into the same generated model), in alternating rounds of 300 calls against a server on
127.0.0.1 that answers the spec's example. Import: ``import tiktok_v2`` beside ``import
tiktok_v2`` plus ``tiktok_v2.client`` (httpx), a fresh process each, alternating.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# A copy: importing from generated/ would leave __pycache__ there (an orphan for `make check`).
PACKAGE = Path(tempfile.mkdtemp(prefix="client-bench-")) / "python"
CALLS = 300
BODY = json.dumps(
    {
        "data": {"user": {"open_id": "723f24d7-e717-40f8-a2b6-cb8464cd23b4", "display_name": "User Name"}},
        "error": {"code": "ok", "message": "", "log_id": "20220829194722CBE87ED59D524E727021"},
    }
).encode()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the API serves
    # Headers and body in one segment, sent at once: without these, Nagle's algorithm and the
    # client's delayed ACK add about 40 ms to every call, hiding what is measured.
    disable_nagle_algorithm = True
    wbufsize = 1 << 16

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def _per_call(rounds: int) -> tuple[list[float], list[float]]:
    sys.path.insert(0, str(PACKAGE))
    import httpx
    from tiktok_v2 import UserInfoResponse, build_user_fields_param, user_fields_for_scopes
    from tiktok_v2.client import Client

    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    granted = "user.info.basic"
    client = Client("TOKEN", granted_scopes=granted, base_url=url)
    plain = httpx.Client(timeout=30.0)

    def generated() -> None:
        client.get_user_info()

    def by_hand() -> None:
        fields = build_user_fields_param(user_fields_for_scopes(granted), granted)
        reply = plain.get(
            url + "/v2/user/info/", params={"fields": fields}, headers={"Authorization": "Bearer TOKEN"}
        )
        response = UserInfoResponse.model_validate_json(reply.content)
        if reply.status_code >= 400 or response.error.code != "ok":
            raise RuntimeError(response.error.code)

    ours: list[float] = []
    theirs: list[float] = []
    for _ in range(rounds):
        for fn, into in ((generated, ours), (by_hand, theirs)):
            start = time.perf_counter()
            for _ in range(CALLS):
                fn()
            into.append((time.perf_counter() - start) / CALLS * 1e6)
    server.shutdown()
    return ours, theirs


def _import(statement: str) -> float:
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={"PYTHONPATH": str(PACKAGE)},
        check=True,
        capture_output=True,
        text=True,
    )
    return float(out.stdout) * 1e3


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    shutil.copytree(ROOT / "generated" / "python", PACKAGE)
    ours, theirs = _per_call(rounds)
    ratios = [a / b for a, b in zip(ours, theirs)]
    bare: list[float] = []
    with_client: list[float] = []
    for _ in range(rounds):
        bare.append(_import("import tiktok_v2"))
        with_client.append(_import("import tiktok_v2, tiktok_v2.client"))
    med = statistics.median
    print("| measure | median | rounds |")
    print("| --- | --- | --- |")
    print(f"| `Client.get_user_info()` per call, local server | {med(ours):.0f} us | {rounds} x {CALLS} |")
    print(f"| the same call by hand with httpx | {med(theirs):.0f} us | {rounds} x {CALLS} |")
    print(f"| client / by hand (median of per-round ratios; target 1.10) | {med(ratios):.3f} | {rounds} |")
    print(f"| `import tiktok_v2` | {med(bare):.1f} ms | {rounds} |")
    print(f"| `import tiktok_v2, tiktok_v2.client` (with httpx) | {med(with_client):.1f} ms | {rounds} |")
    shutil.rmtree(PACKAGE.parent)


if __name__ == "__main__":
    main()
