"""The generated blocking client against a scripted server of the test's own on 127.0.0.1.

What a mock server cannot do: three pages of a list, a 429 then a success, an HTML 502 from a
proxy, a response slower than the timeout. The retry delays go to a recorder, never to sleep.
"""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import pydantic
import pytest

from client_support import Reply, ScriptedServer, envelope, server, t, video  # noqa: F401 (fixtures)
from conftest import GENERATED

GRANTED = "user.info.basic,video.list"


class Sleeps(list[float]):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def make(t: types.SimpleNamespace, server: ScriptedServer, **kwargs: object) -> object:
    options: dict[str, object] = {
        "access_token": "TOKEN",
        "granted_scopes": GRANTED,
        "base_url": server.url,
        "sleep": Sleeps(),
    }
    return t.client.Client(**{**options, **kwargs})


def test_get_user_info_asks_for_the_granted_fields(t: types.SimpleNamespace, server: ScriptedServer) -> None:
    server.script(Reply(body=envelope({"user": {"open_id": "o1", "display_name": "Ann", "new": 1}})))
    with make(t, server) as client:
        data = client.get_user_info()
    assert isinstance(data, t.pkg.UserInfoData) and data.user.display_name == "Ann"
    (seen,) = server.seen
    assert (seen.method, seen.path) == ("GET", "/v2/user/info/")
    assert seen.headers["authorization"] == "Bearer TOKEN"
    # Every field user.info.basic allows, comma-joined in one parameter, in spec order.
    assert seen.query["fields"] == [
        ",".join(f.value for f in t.pkg.user_fields_for_scopes("user.info.basic"))
    ]


def test_checks_before_sending(t: types.SimpleNamespace, server: ScriptedServer) -> None:
    server.script()
    with make(t, server) as client:
        with pytest.raises(t.pkg.ScopeNotGrantedError, match="user.info.stats"):
            client.get_user_info(fields=["open_id", "follower_count"])
        with pytest.raises(pydantic.ValidationError, match="less than or equal to 20"):
            client.list_videos(max_count=21)
        with pytest.raises(pydantic.ValidationError, match="greater than or equal to 0"):
            client.list_videos(cursor=-1)
    with make(t, server, granted_scopes="user.info.basic") as client:
        with pytest.raises(t.errors.ScopeRequiredError, match="'video.list'"):
            client.list_videos(fields="id")
    with make(t, server, granted_scopes=None) as client:
        with pytest.raises(ValueError, match="pass fields="):
            client.get_user_info()
    with make(t, server, access_token=None) as client:
        with pytest.raises(ValueError, match="needs an access token"):
            client.get_user_info(fields="open_id")
    assert server.seen == []


def test_iter_videos_follows_the_cursor_over_three_pages(
    t: types.SimpleNamespace, server: ScriptedServer
) -> None:
    pages = [
        envelope({"videos": [video(1), video(2)], "cursor": 300, "has_more": True}),
        envelope({"videos": [video(3), video(4)], "cursor": 200, "has_more": True}),
        envelope({"videos": [video(5)], "cursor": 100, "has_more": False}),
    ]
    server.script(*(Reply(body=p) for p in pages))
    with make(t, server) as client:
        ids = [v.id_ for v in client.iter_videos(fields=["id", "title"], max_count=2)]
    assert ids == ["1", "2", "3", "4", "5"]
    assert [s.json() for s in server.seen] == [
        {"max_count": 2},
        {"cursor": 300, "max_count": 2},
        {"cursor": 200, "max_count": 2},
    ]
    assert all(s.query["fields"] == ["id,title"] and s.path == "/v2/video/list/" for s in server.seen)
    # limit stops early, without asking for pages it does not need.
    server.script(*(Reply(body=p) for p in pages))
    with make(t, server) as client:
        assert [v.id_ for v in client.iter_videos(limit=3)] == ["1", "2", "3"]
    assert len(server.seen) == 2


def test_429_then_success_honours_retry_after(t: types.SimpleNamespace, server: ScriptedServer) -> None:
    server.script(
        Reply(429, envelope(code="rate_limit_exceeded"), {"Retry-After": "2"}),
        Reply(body=envelope({"videos": [video(1)], "cursor": 0, "has_more": False})),
    )
    sleeps = Sleeps()
    with make(t, server, sleep=sleeps) as client:
        data = client.list_videos(fields="id")
    assert [v.id_ for v in data.videos] == ["1"] and sleeps == [2.0] and len(server.seen) == 2


def test_5xx_retries_are_bounded_with_jittered_backoff(
    t: types.SimpleNamespace, server: ScriptedServer
) -> None:
    failure = Reply(500, envelope(code="internal_error", message="boom", log_id="L500"))
    server.script(failure, failure, failure, failure)
    sleeps = Sleeps()
    with make(t, server, sleep=sleeps, max_retries=2, backoff=1.0) as client:
        with pytest.raises(t.errors.InternalError) as caught:
            client.get_user_info()
    assert len(server.seen) == 3 and len(sleeps) == 2
    # Attempt n waits between half and all of backoff * 2**n.
    assert 0.5 <= sleeps[0] <= 1.0 and 1.0 <= sleeps[1] <= 2.0
    e = caught.value
    assert (e.code, e.message, e.log_id, e.status) == ("internal_error", "boom", "L500", 500)
    assert isinstance(e, t.errors.ApiError) and isinstance(e, t.errors.TiktokV2Error)


def test_other_4xx_is_never_retried(t: types.SimpleNamespace, server: ScriptedServer) -> None:
    server.script(Reply(401, envelope(code="scope_not_authorized", message="no", log_id="L401")))
    sleeps = Sleeps()
    with make(t, server, sleep=sleeps) as client:
        with pytest.raises(t.errors.ScopeNotAuthorizedError) as caught:
            client.get_user_info()
    assert len(server.seen) == 1 and sleeps == []
    e = caught.value
    assert e.log_id == "L401" and e.status == 401
    assert e.request.method == "GET" and e.request.url == server.url + "/v2/user/info/"
    assert "scope_not_authorized (HTTP 401): no [log_id L401]" in str(e)


def test_an_unknown_code_gets_the_shape_class(t: types.SimpleNamespace, server: ScriptedServer) -> None:
    server.script(Reply(200, envelope(code="brand_new_code", message="new")))
    with make(t, server) as client:
        with pytest.raises(t.errors.ApiError) as caught:
            client.get_user_info()
    assert type(caught.value) is t.errors.ApiError and caught.value.code == "brand_new_code"


def test_an_html_502_is_a_clear_error(t: types.SimpleNamespace, server: ScriptedServer) -> None:
    page = b"<html><body><h1>502 Bad Gateway</h1></body></html>"
    server.script(
        Reply(502, page, {"Content-Type": "text/html"}), Reply(502, page, {"Content-Type": "text/html"})
    )
    sleeps = Sleeps()
    with make(t, server, sleep=sleeps, max_retries=1) as client:
        with pytest.raises(t.errors.UnexpectedResponseError) as caught:
            client.get_user_info()
    assert caught.value.status == 502 and len(sleeps) == 1
    assert "text/html" in str(caught.value) and "502 Bad Gateway" in str(caught.value)


def test_a_slow_response_hits_the_timeout(t: types.SimpleNamespace, server: ScriptedServer) -> None:
    server.script(Reply(body=envelope({"user": {}}), delay=3.0))
    with make(t, server, timeout=1.0) as client:
        with pytest.raises(t.errors.RequestTimeoutError) as caught:
            client.get_user_info()
    assert isinstance(caught.value, t.errors.TransportError) and "1.0 s" in str(caught.value)


def test_query_videos_splits_past_the_limit_and_joins_in_order(
    t: types.SimpleNamespace, server: ScriptedServer
) -> None:
    ids = [str(i) for i in range(45)]
    server.script(
        *(
            Reply(body=envelope({"videos": [video(int(i)) for i in chunk]}))
            for chunk in (ids[:20], ids[20:40], ids[40:])
        )
    )
    with make(t, server) as client:
        data = client.query_videos(video_ids=ids, fields="id")
    assert [v.id_ for v in data.videos] == ids
    assert [s.json() for s in server.seen] == [
        {"filters": {"video_ids": c}} for c in (ids[:20], ids[20:40], ids[40:])
    ]


def test_token_calls_send_forms_and_raise_oauth_errors(
    t: types.SimpleNamespace, server: ScriptedServer
) -> None:
    token = {
        "open_id": "o",
        "scope": "user.info.basic",
        "access_token": "A",
        "expires_in": 86400,
        "refresh_token": "R",
        "refresh_expires_in": 1,
        "token_type": "Bearer",
    }
    server.script(
        Reply(body=token),
        Reply(200, {"error": "invalid_grant", "error_description": "expired", "log_id": "LG"}),
        Reply(200, b""),
    )
    with t.client.Client(base_url=server.url) as client:
        got = client.get_access_token(
            client_key="k", client_secret="s", grant_type="refresh_token", refresh_token="R0"
        )
        assert got.access_token == "A"
        with pytest.raises(t.errors.InvalidGrantError) as caught:
            client.get_access_token(
                client_key="k", client_secret="s", grant_type="refresh_token", refresh_token="R0"
            )
        assert client.revoke_access_token(client_key="k", client_secret="s", token="A") is None
    assert isinstance(caught.value, t.errors.OauthError) and caught.value.log_id == "LG"
    first = server.seen[0]
    assert first.headers["content-type"] == "application/x-www-form-urlencoded"
    assert "authorization" not in first.headers
    assert first.form() == {
        "client_key": ["k"],
        "client_secret": ["s"],
        "grant_type": ["refresh_token"],
        "refresh_token": ["R0"],
    }
    assert server.seen[2].path == "/v2/oauth/revoke/"


def test_the_package_imports_without_httpx(tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['httpx'] = None\n"
        "import tiktok_v2, tiktok_v2.errors\n"
        "assert 'httpx' not in [m for m in sys.modules if sys.modules[m] is not None]\n"
        "try:\n    import tiktok_v2.client\nexcept ImportError:\n    print('no client without httpx')\n"
    )
    shutil_copy = tmp_path / "python"
    import shutil

    shutil.copytree(GENERATED / "python", shutil_copy)
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", code], cwd=shutil_copy, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "no client without httpx\n"


USER_SCRIPT = """
from __future__ import annotations

import asyncio

from tiktok_v2 import Video, VideoField
from tiktok_v2.client import AsyncClient, Client
from tiktok_v2.errors import (
    ERROR_CLASSES,
    ApiError,
    RateLimitExceededError,
    ScopeNotAuthorizedError,
    TiktokV2Error,
    UnexpectedResponseError,
)


def newest_titles(token: str, scope: str) -> list[str | None]:
    with Client(token, granted_scopes=scope, max_retries=5) as client:
        try:
            videos: list[Video] = list(client.iter_videos(fields=[VideoField.ID, "title"], limit=50))
        except ScopeNotAuthorizedError as e:
            log_id: str | None = e.log_id
            raise SystemExit(f"ask the user again (log id {log_id})")
        except (RateLimitExceededError, UnexpectedResponseError, ApiError, TiktokV2Error) as e:
            status: int | None = e.status
            raise SystemExit(str(status))
    return [v.title for v in videos]


async def display_name(token: str) -> str | None:
    async with AsyncClient(token, granted_scopes=["user.info.basic"]) as client:
        data = await client.get_user_info()
        assert data.user is not None
        return data.user.display_name


assert issubclass(ERROR_CLASSES["scope_not_authorized"], TiktokV2Error)
asyncio.run(display_name("t")) if False else None
"""


def _mypy_strict(tmp_path: Path, source: str) -> subprocess.CompletedProcess[str]:
    """mypy --strict on ``source`` as a script beside a copy of the generated package."""
    import shutil

    copy = tmp_path / "python"
    if not copy.exists():
        shutil.copytree(GENERATED / "python", copy)
    (copy / "script.py").write_text(source, encoding="utf-8")
    command = [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache"), "script.py"]
    return subprocess.run(command, cwd=copy, capture_output=True, text=True)


def test_a_user_script_type_checks(tmp_path: Path) -> None:
    result = _mypy_strict(tmp_path, USER_SCRIPT)
    assert result.returncode == 0, result.stdout
    result = _mypy_strict(tmp_path, USER_SCRIPT.replace("limit=50", 'limit="50"'))
    assert result.returncode == 1 and 'Argument "limit"' in result.stdout, result.stdout


def test_the_readme_client_example_type_checks(tmp_path: Path) -> None:
    import re

    readme = (GENERATED.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Calling the API", 1)[1]
    block = re.search(r"```python\n(.*?)```", section, re.S)
    assert block is not None and "Client(" in block.group(1)
    result = _mypy_strict(tmp_path, block.group(1))
    assert result.returncode == 0, result.stdout


@pytest.mark.slow
def test_pyright_strict_on_the_client_modules(tmp_path: Path) -> None:
    """pyright (pinned in package.json) finds nothing in the client modules in strict mode, nor in
    the user script, and no error in the whole package in its standard mode."""
    import json
    import shutil

    pyright = GENERATED.parent / "node_modules" / ".bin" / "pyright"
    assert pyright.exists(), "pyright is missing: run `make node_modules/.installed` (npm ci)"
    copy = tmp_path / "python"
    shutil.copytree(GENERATED / "python", copy)
    (copy / "user_script.py").write_text(USER_SCRIPT, encoding="utf-8")
    base = [str(pyright), "--pythonpath", sys.executable, "--outputjson"]
    whole = subprocess.run([*base, "tiktok_v2"], cwd=copy, capture_output=True, text=True)
    assert json.loads(whole.stdout)["summary"]["errorCount"] == 0, whole.stdout
    (copy / "pyrightconfig.json").write_text('{"typeCheckingMode": "strict"}', encoding="utf-8")
    modules = ["tiktok_v2/client.py", "tiktok_v2/errors.py", "tiktok_v2/oauth.py", "user_script.py"]
    strict = subprocess.run([*base, *modules], cwd=copy, capture_output=True, text=True)
    report = json.loads(strict.stdout)
    assert report["summary"]["filesAnalyzed"] >= 4
    assert report["generalDiagnostics"] == [], strict.stdout
