"""Contract tests: the generated client against Prism mocking our own OpenAPI, in validation mode.

Prism (``@stoplight/prism-cli``, pinned in package.json, installed by ``make test`` with npm ci)
runs with ``--errors``: a request our client sends that breaks generated/openapi/openapi.json is
answered with the spec's 400 (invalid_params / invalid_request), which the client raises, so
the test fails. ``Prefer: code=..., example=...`` makes Prism answer each documented error.

Prism 5.16.0 silently skips request body validation when the document names a
``jsonSchemaDialect`` (found by bisecting; the value is OpenAPI 3.1's default dialect anyway),
so the fixture serves a copy without that key; ``test_prism_rejects_a_bad_body`` proves that
bodies are validated.
"""

from __future__ import annotations

import types

import httpx
import pytest

from client_support import prism, t  # noqa: F401 (fixtures)

pytestmark = pytest.mark.slow

ALL_SCOPES = "user.info.basic,user.info.profile,user.info.stats,video.list"


def _client(t: types.SimpleNamespace, prism: str, prefer: str | None = None) -> object:
    headers = {"Prefer": prefer} if prefer else {}
    return t.client.Client(
        "TOKEN",
        granted_scopes=ALL_SCOPES,
        base_url=prism,
        max_retries=0,
        http_client=httpx.Client(headers=headers),
    )


def test_prism_rejects_a_bad_body(prism: str) -> None:
    """The mock validates what it receives: a body past the spec's limit gets the spec's 400."""
    url = prism + "/v2/video/list/"
    headers = {"Authorization": "Bearer TOKEN"}
    bad = httpx.post(url, params={"fields": "id"}, json={"max_count": 50}, headers=headers)
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid_params"
    good = httpx.post(url, params={"fields": "id"}, json={"max_count": 20}, headers=headers)
    assert good.status_code == 200


def test_every_endpoint_succeeds(t: types.SimpleNamespace, prism: str) -> None:
    with _client(t, prism) as client:
        user = client.get_user_info()
        assert user.user.open_id == "723f24d7-e717-40f8-a2b6-cb8464cd23b4"
        page = client.list_videos(max_count=20)
        assert page.has_more is True and len(page.videos) == 2
        # The mock answers every page with the same example: the iterator stops on a repeated cursor.
        assert len(list(client.iter_videos(fields=["id", "title"], limit=3))) == 3
        ids = [str(7077642457847994444 + i) for i in range(25)]
        queried = client.query_videos(video_ids=ids, fields="id,title,cover_image_url,embed_link")
        assert len(queried.videos) == 2  # one generated video per call, two calls
        token = client.get_access_token(
            client_key="CLIENT_KEY",
            client_secret="CLIENT_SECRET",
            grant_type="authorization_code",
            code="CODE",
            redirect_uri="https://example.com/callback/",
        )
        assert token.expires_in == 86400 and token.scope == "user.info.basic,video.list"
        refreshed = client.get_access_token(
            client_key="CLIENT_KEY",
            client_secret="CLIENT_SECRET",
            grant_type="refresh_token",
            refresh_token=token.refresh_token,
        )
        assert refreshed.access_token == token.access_token
        assert client.revoke_access_token(client_key="K", client_secret="S", token="T") is None


def _call(client: object, endpoint: str) -> object:
    calls = {
        "get_user_info": lambda: client.get_user_info(),
        "list_videos": lambda: client.list_videos(),
        "query_videos": lambda: client.query_videos(video_ids=["1"]),
        "get_access_token": lambda: client.get_access_token(
            client_key="K", client_secret="S", grant_type="refresh_token", refresh_token="R"
        ),
        "revoke_access_token": lambda: client.revoke_access_token(
            client_key="K", client_secret="S", token="T"
        ),
    }
    return calls[endpoint]()


def test_every_documented_error_raises_its_class(
    t: types.SimpleNamespace, prism: str, project: object
) -> None:
    checked = 0
    for ep in project.endpoints:
        for err in ep.errors:
            if err.status < 400:
                continue
            with _client(t, prism, f"code={err.status}, example={err.code}") as client:
                with pytest.raises(t.errors.ERROR_CLASSES[err.code]) as caught:
                    _call(client, ep.key)
            e = caught.value
            assert (e.code, e.status) == (err.code, err.status), (ep.key, err.code)
            assert e.log_id == ep.error_shape.example_log_id and e.message == err.description["en"]
            assert e.request.url == prism + ep.path
            checked += 1
    assert checked == sum(1 for ep in project.endpoints for e in ep.errors if e.status >= 400) > 20
