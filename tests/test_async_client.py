"""The generated AsyncClient against the same scripted local server: it mirrors the blocking client."""

from __future__ import annotations

import types

import pydantic

from client_support import (
    Reply,
    ScriptedServer,
    run_async,
    envelope,
    server,
    t,
    video,
)  # noqa: F401 (fixtures)


class Sleeps(list[float]):
    async def __call__(self, seconds: float) -> None:
        self.append(seconds)


def client(t: types.SimpleNamespace, server: ScriptedServer, **kwargs: object) -> object:
    options: dict[str, object] = {
        "access_token": "TOKEN",
        "granted_scopes": ["user.info.basic", "video.list"],
        "base_url": server.url,
        "sleep": Sleeps(),
    }
    return t.client.AsyncClient(**{**options, **kwargs})


def test_async_pagination_over_three_pages_with_a_429(
    t: types.SimpleNamespace, server: ScriptedServer
) -> None:
    server.script(
        Reply(body=envelope({"videos": [video(1)], "cursor": 30, "has_more": True})),
        Reply(429, envelope(code="rate_limit_exceeded"), {"Retry-After": "1"}),
        Reply(body=envelope({"videos": [video(2)], "cursor": 20, "has_more": True})),
        Reply(body=envelope({"videos": [video(3)], "cursor": 10, "has_more": False})),
    )
    sleeps = Sleeps()

    async def run() -> list[str]:
        async with client(t, server, sleep=sleeps) as c:
            return [v.id_ async for v in c.iter_videos(fields="id")]

    assert run_async(run()) == ["1", "2", "3"]
    assert sleeps == [1.0]
    assert [s.json().get("cursor") for s in server.seen] == [None, 30, 30, 20]


def test_async_errors_mirror_the_blocking_client(t: types.SimpleNamespace, server: ScriptedServer) -> None:
    page = b"<html>502 Bad Gateway</html>"
    server.script(
        Reply(401, envelope(code="access_token_invalid", log_id="LA")),
        Reply(502, page, {"Content-Type": "text/html"}),
        Reply(body=envelope({"user": {}}), delay=3.0),
    )

    async def run() -> list[BaseException]:
        caught: list[BaseException] = []
        async with client(t, server, max_retries=0, timeout=1.0) as c:
            for _ in range(3):
                try:
                    await c.get_user_info()
                except t.errors.TiktokV2Error as e:
                    caught.append(e)
            try:
                await c.list_videos(max_count=50)
            except pydantic.ValidationError as e:
                caught.append(e)
        return caught

    invalid, html, slow, limit = run_async(run())
    assert type(invalid) is t.errors.AccessTokenInvalidError and invalid.log_id == "LA"
    assert type(html) is t.errors.UnexpectedResponseError and html.status == 502 and "text/html" in str(html)
    assert type(slow) is t.errors.RequestTimeoutError
    assert isinstance(limit, pydantic.ValidationError)
    assert len(server.seen) == 3  # the broken limit was never sent


def test_async_query_videos_splits(t: types.SimpleNamespace, server: ScriptedServer) -> None:
    ids = [str(i) for i in range(21)]
    server.script(
        Reply(body=envelope({"videos": [video(int(i)) for i in ids[:20]]})),
        Reply(body=envelope({"videos": [video(20)]})),
    )

    async def run() -> list[str]:
        async with client(t, server) as c:
            data = await c.query_videos(video_ids=ids, fields=["id"])
            return [v.id_ for v in data.videos or []]

    assert run_async(run()) == ids
    assert [len(s.json()["filters"]["video_ids"]) for s in server.seen] == [20, 1]
