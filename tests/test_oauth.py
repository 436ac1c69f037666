"""The generated OAuth helpers: authorization URL and state, PKCE, the token calls and a Token that knows when it expires."""

from __future__ import annotations

import base64
import hashlib
import types
from urllib.parse import parse_qs, urlsplit

import pytest

from client_support import Reply, ScriptedServer, run_async, server, t  # noqa: F401 (fixtures)

TOKEN = {
    "open_id": "o",
    "scope": "user.info.basic,video.list",
    "access_token": "A",
    "expires_in": 86400,
    "refresh_token": "R",
    "refresh_expires_in": 31536000,
    "token_type": "Bearer",
}


def test_authorize_url_carries_the_spec_s_names_and_a_fresh_state(t: types.SimpleNamespace) -> None:
    import tiktok_v2.oauth as oauth

    url, state = oauth.authorize_url(
        "KEY", "https://example.com/cb/", ["user.info.basic", t.pkg.Scope.VIDEO_LIST]
    )
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == t.pkg.AUTHORIZE_URL
    query = parse_qs(parts.query)
    assert query == {
        "client_key": ["KEY"],
        "response_type": ["code"],
        "scope": ["user.info.basic,video.list"],  # joined as the spec's scope_separator says
        "redirect_uri": ["https://example.com/cb/"],
        "state": [state],
    }
    assert len(state) >= 40 and oauth.authorize_url("KEY", "u", "user.info.basic")[1] != state
    assert parse_qs(urlsplit(oauth.authorize_url("K", "u", "video.list", state="mine")[0]).query)[
        "state"
    ] == ["mine"]
    with pytest.raises(t.pkg.UnknownScopeError):
        oauth.authorize_url("K", "u", "user.info.basic,user.info.bogus")


def test_pkce_is_rfc_7636_s256(t: types.SimpleNamespace) -> None:
    import tiktok_v2.oauth as oauth

    pkce = oauth.new_pkce()
    assert 43 <= len(pkce.verifier) <= 128 and set(pkce.verifier) <= set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
    )
    expected = base64.urlsafe_b64encode(hashlib.sha256(pkce.verifier.encode()).digest()).rstrip(b"=").decode()
    assert pkce.challenge == expected and pkce.method == "S256"
    assert oauth.new_pkce().verifier != pkce.verifier
    query = parse_qs(urlsplit(oauth.authorize_url("K", "u", "video.list", pkce=pkce)[0]).query)
    assert query["code_challenge"] == [pkce.challenge] and query["code_challenge_method"] == ["S256"]


def test_token_knows_when_it_expires(t: types.SimpleNamespace) -> None:
    import tiktok_v2.oauth as oauth

    token = oauth.Token.model_validate({**TOKEN, "obtained_at": 1000.0})
    assert token.expires_at == 87400.0 and token.refresh_expires_at == 1000.0 + 31536000
    assert not token.expired(now=87400.0 - 61) and token.expired(now=87400.0 - 59)
    assert token.expired(leeway=0, now=87400.0) and not token.refresh_expired(now=87400.0)
    assert oauth.Token.model_validate_json(token.model_dump_json()) == token  # storable


def test_exchange_refresh_revoke(t: types.SimpleNamespace, server: ScriptedServer) -> None:
    server.script(
        Reply(body=TOKEN),
        Reply(body={**TOKEN, "access_token": "A2"}),
        Reply(400, {"error": "invalid_grant", "error_description": "used", "log_id": "LG"}),
        Reply(200, b""),
    )
    with t.client.OAuth("KEY", "SECRET", base_url=server.url) as oauth:
        token = oauth.exchange_code("CODE", "https://example.com/cb/", code_verifier="V")
        assert token.access_token == "A" and not token.expired()
        assert oauth.refresh(token.refresh_token).access_token == "A2"
        with pytest.raises(t.errors.InvalidGrantError) as caught:
            oauth.refresh("R")
        assert caught.value.log_id == "LG" and caught.value.status == 400
        oauth.revoke("A2")
    forms = [s.form() for s in server.seen]
    assert forms[0] == {
        "client_key": ["KEY"],
        "client_secret": ["SECRET"],
        "grant_type": ["authorization_code"],
        "code": ["CODE"],
        "redirect_uri": ["https://example.com/cb/"],
        "code_verifier": ["V"],
    }
    assert forms[1]["grant_type"] == ["refresh_token"] and forms[1]["refresh_token"] == ["R"]
    assert forms[3] == {"client_key": ["KEY"], "client_secret": ["SECRET"], "token": ["A2"]}
    assert [s.path for s in server.seen] == ["/v2/oauth/token/"] * 3 + ["/v2/oauth/revoke/"]
    assert len(server.seen) == 4  # the 400 was not retried


def test_async_oauth(t: types.SimpleNamespace, server: ScriptedServer) -> None:
    server.script(Reply(body=TOKEN), Reply(200, b""))

    async def run() -> str:
        async with t.client.AsyncOAuth("KEY", "SECRET", base_url=server.url) as oauth:
            token = await oauth.exchange_code("CODE", "https://example.com/cb/")
            await oauth.revoke(token.access_token)
            return token.access_token

    assert run_async(run()) == "A"
    assert "code_verifier" not in server.seen[0].form() and server.seen[1].form()["token"] == ["A"]
