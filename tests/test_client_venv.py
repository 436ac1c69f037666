"""The issue's acceptance: in a fresh venv with ``pip install ./generated/python[client]``, a user's
script lists a user's videos across pages and handles scope_not_authorized with its log_id,
against this test's own server on 127.0.0.1 (and Prism, when the contract fixture runs)."""

from __future__ import annotations

import shutil
import subprocess
import textwrap
import venv
from pathlib import Path

import pytest

from client_support import Reply, ScriptedServer, envelope, server, video  # noqa: F401 (fixture)
from conftest import GENERATED

SCRIPT = textwrap.dedent("""
    import sys
    from tiktok_v2.client import Client
    from tiktok_v2.errors import ScopeNotAuthorizedError

    with Client("TOKEN", granted_scopes="user.info.basic,video.list", base_url=sys.argv[1]) as client:
        print(",".join(v.id_ or "" for v in client.iter_videos(fields="id,title")))
        try:
            client.get_user_info()
        except ScopeNotAuthorizedError as error:
            print("scope_not_authorized", error.log_id)
""")


@pytest.mark.slow
def test_a_fresh_venv_with_the_client_extra(tmp_path: Path, server: ScriptedServer) -> None:
    copy = tmp_path / "python"
    shutil.copytree(GENERATED / "python", copy)
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", f"{copy}[client]"],
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stderr
    server.script(
        Reply(body=envelope({"videos": [video(1), video(2)], "cursor": 30, "has_more": True})),
        Reply(body=envelope({"videos": [video(3)], "cursor": 20, "has_more": True})),
        Reply(body=envelope({"videos": [video(4)], "cursor": 10, "has_more": False})),
        Reply(401, envelope(code="scope_not_authorized", message="no", log_id="LOG401")),
    )
    (tmp_path / "user.py").write_text(SCRIPT, encoding="utf-8")
    result = subprocess.run(
        [str(python), "-W", "error", str(tmp_path / "user.py"), server.url],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "1,2,3,4\nscope_not_authorized LOG401\n"
    assert len(server.seen) == 4
