"""The issue's acceptance: in a fresh venv with ``pip install ./generated/python[client]``, a user's
script lists a user's videos across pages and handles scope_not_authorized with its log_id,
against this test's own server on 127.0.0.1 and against Prism mocking our OpenAPI."""

from __future__ import annotations

import shutil
import subprocess
import textwrap
import venv
from pathlib import Path

import pytest

from client_support import Reply, ScriptedServer, envelope, prism, server, video  # noqa: F401 (fixtures)
from conftest import GENERATED

SCRIPT = textwrap.dedent("""
    import sys
    import httpx
    from tiktok_v2.client import Client
    from tiktok_v2.errors import ScopeNotAuthorizedError

    # sys.argv[2], when given, is a Prefer header for the second call (a Prism mock's error).
    base_url, prefer = sys.argv[1], sys.argv[2:]
    with Client("TOKEN", granted_scopes="user.info.basic,video.list", base_url=base_url) as client:
        print(",".join(v.id_ or "" for v in client.iter_videos(fields="id,title")))
    headers = {"Prefer": prefer[0]} if prefer else {}
    with Client(
        "TOKEN", granted_scopes="user.info.basic", base_url=base_url, http_client=httpx.Client(headers=headers)
    ) as client:
        try:
            client.get_user_info()
        except ScopeNotAuthorizedError as error:
            print("scope_not_authorized", error.log_id)
""")


@pytest.fixture(scope="module")
def python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with ``pip install ./generated/python[client]`` (from a copy)."""
    tmp_path = tmp_path_factory.mktemp("venv")
    copy = tmp_path / "python"
    shutil.copytree(GENERATED / "python", copy)
    venv.create(tmp_path / "venv", with_pip=True)
    python = tmp_path / "venv" / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", f"{copy}[client]"],
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stderr
    return python


def _run(python: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "user.py").write_text(SCRIPT, encoding="utf-8")
    return subprocess.run(
        [str(python), "-W", "error", str(tmp_path / "user.py"), *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )


@pytest.mark.slow
def test_a_fresh_venv_against_the_local_server(python: Path, tmp_path: Path, server: ScriptedServer) -> None:
    server.script(
        Reply(body=envelope({"videos": [video(1), video(2)], "cursor": 30, "has_more": True})),
        Reply(body=envelope({"videos": [video(3)], "cursor": 20, "has_more": True})),
        Reply(body=envelope({"videos": [video(4)], "cursor": 10, "has_more": False})),
        Reply(401, envelope(code="scope_not_authorized", message="no", log_id="LOG401")),
    )
    result = _run(python, tmp_path, server.url)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "1,2,3,4\nscope_not_authorized LOG401\n"
    assert len(server.seen) == 4


@pytest.mark.slow
def test_a_fresh_venv_against_prism(python: Path, tmp_path: Path, prism: str) -> None:
    """Prism answers every page with the spec's example (two videos, has_more, one cursor): the
    iterator reads the first page, then stops at the repeated cursor after the second."""
    result = _run(python, tmp_path, prism, "code=401, example=scope_not_authorized")
    assert result.returncode == 0, result.stderr
    ids = "7080217258529732386,7077642457847994444"
    assert result.stdout == f"{ids},{ids}\nscope_not_authorized 20220829194722CBE87ED59D524E727021\n"
