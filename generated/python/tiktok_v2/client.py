# Generated from spec/tiktok_v2.yaml. Do not edit.
"""HTTP clients for TikTok API v2 (Login Kit and Display API): Client (blocking) and AsyncClient, on httpx.

Install the extra first: ``pip install 'tiktok_v2[client]'``. One method per
endpoint, returning the typed data; the fields selection defaults to what the granted scopes
allow; request limits are checked before anything is sent; 429 and 5xx answers are retried
with backoff; an error answer raises the exception of its code (tiktok_v2.errors).
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import random
import time
from collections.abc import (
    AsyncIterator,
    Awaitable,
    Callable,
    Iterable,
    Iterator,
    Mapping,
)
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Literal, Self, TypeVar, cast

import httpx
import pydantic

from tiktok_v2.api import BASE_URL
from tiktok_v2.errors import (
    RequestInfo,
    RequestTimeoutError,
    ScopeRequiredError,
    TransportError,
    UnexpectedResponseError,
    error_for,
)
from tiktok_v2.models import (
    RevokeRequest,
    TokenRequest,
    TokenResponse,
    UserInfoData,
    UserInfoResponse,
    Video,
    VideoListData,
    VideoListRequest,
    VideoListResponse,
    VideoQueryData,
    VideoQueryRequest,
    VideoQueryResponse,
)
from tiktok_v2.scopes import (
    Scope,
    UserField,
    VideoField,
    build_user_fields_param,
    build_video_fields_param,
    user_fields_for_scopes,
    video_fields_for_scopes,
)
from tiktok_v2.oauth import Token

__all__ = [
    "AsyncClient",
    "AsyncOAuth",
    "Client",
    "OAuth",
]

_M = TypeVar("_M", bound=pydantic.BaseModel)
_T = TypeVar("_T")

# Where each error shape carries the code, the message and the log id (wire names).
_SHAPES: Mapping[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "api": (
        ("error", "code"),
        ("error", "message"),
        ("error", "log_id"),
    ),
    "oauth": (
        ("error",),
        ("error_description",),
        ("log_id",),
    ),
}


@dataclass(frozen=True)
class _Call:
    """One request, built and checked before anything is sent."""

    endpoint: str
    method: str
    path: str
    shape: str
    success_codes: frozenset[str]
    has_body: bool
    auth: bool
    params: Mapping[str, str]
    json: Mapping[str, Any] | None = None
    form: Mapping[str, str] | None = None


def _at(payload: object, path: tuple[str, ...]) -> object:
    for key in path:
        if not isinstance(payload, dict):
            return None
        payload = cast("dict[str, object]", payload).get(key)
    return payload


def _walk(value: object, path: tuple[str, ...]) -> object:
    for name in path:
        if value is None:
            return None
        value = getattr(value, name)
    return value


def _text(value: object) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else json.dumps(value)


def _param(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _body(model: type[pydantic.BaseModel], values: Mapping[str, Any]) -> dict[str, Any]:
    """The body as the API takes it; raises pydantic.ValidationError when a limit is broken."""
    checked = model.model_validate(values)
    return checked.model_dump(mode="json", by_alias=True, exclude_none=True)


def _chunks(values: list[_T], size: int) -> list[list[_T]]:
    return [values[i : i + size] for i in range(0, len(values), size)] or [[]]


def _retry_after(response: httpx.Response) -> float | None:
    """The wait a 429 or 503 asks for (seconds, or an HTTP date), if any."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _granted(scopes: str | Iterable[Scope | str] | None) -> frozenset[str] | None:
    if scopes is None:
        return None
    names = scopes.split(",") if isinstance(scopes, str) else scopes
    known = {s.value for s in Scope}
    # A scope this package does not know unlocks nothing it can ask for.
    return frozenset(str(n).strip() for n in names if str(n).strip() in known)


class _Base:
    """What Client and AsyncClient share: settings, building requests, reading responses."""

    def __init__(
        self,
        access_token: str | None,
        granted_scopes: str | Iterable[Scope | str] | None,
        base_url: str,
        timeout: float,
        max_retries: int,
        backoff: float,
        max_backoff: float,
        max_retry_after: float,
    ) -> None:
        if max_retries < 0:
            raise ValueError("max_retries must be 0 or more")
        self.access_token = access_token
        self.granted_scopes = _granted(granted_scopes)
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.max_retries = max_retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.max_retry_after = max_retry_after

    def _delay(self, attempt: int, response: httpx.Response) -> float | None:
        """Seconds to wait before trying again, or None: answer now."""
        status = response.status_code
        if attempt >= self.max_retries or (status != 429 and status < 500):
            return None
        asked = _retry_after(response)
        if asked is not None:
            return asked if asked <= self.max_retry_after else None
        ceiling = min(self.max_backoff, self.backoff * 2.0**attempt)
        return ceiling / 2 + random.uniform(0, ceiling / 2)

    def _headers(self, call: _Call) -> dict[str, str]:
        if not call.auth:
            return {}
        if self.access_token is None:
            raise ValueError(
                f"{call.endpoint} needs an access token: pass access_token="
            )
        return {"Authorization": f"Bearer {self.access_token}"}

    def _info(self, call: _Call) -> RequestInfo:
        return RequestInfo(call.method, self.base_url + call.path)

    def _require(self, endpoint: str, scopes: tuple[str, ...]) -> None:
        if self.granted_scopes is None:
            return
        for scope in scopes:
            if scope not in self.granted_scopes:
                raise ScopeRequiredError(endpoint, scope)

    def _no_fields(self, endpoint: str) -> ValueError:
        return ValueError(
            f"{endpoint}: pass fields=, or granted_scopes= to the client "
            "(the fields then default to every field they allow)"
        )

    def _parse(self, call: _Call, response: httpx.Response) -> dict[str, Any] | None:
        """The JSON body of a success; raises the error the response carries."""
        status = response.status_code
        try:
            payload = json.loads(response.content) if response.content else None
        except ValueError:
            payload = response.content
        if not isinstance(payload, dict):
            if 200 <= status < 300 and not call.has_body:
                return None
            kind = response.headers.get("Content-Type", "no Content-Type")
            raise UnexpectedResponseError(
                f"expected a JSON object, got {kind}: {response.text[:200]!r}",
                status=status,
                request=self._info(call),
            )
        body = cast("dict[str, Any]", payload)
        code = _text(_at(body, _SHAPES[call.shape][0]))
        if status >= 400 or (code is not None and code not in call.success_codes):
            raise self._error(call, body, code, status)
        return body

    def _error(
        self,
        call: _Call,
        payload: dict[str, Any],
        code: str | None,
        status: int,
    ) -> Exception:
        _, message_path, log_id_path = _SHAPES[call.shape]
        return error_for(
            call.shape,
            code,
            _text(_at(payload, message_path)) or "",
            log_id=_text(_at(payload, log_id_path)) if log_id_path else None,
            status=status,
            request=self._info(call),
        )

    def _model(self, model: type[_M], call: _Call, response: httpx.Response) -> _M:
        payload = self._parse(call, response)
        try:
            return model.model_validate(payload)
        except pydantic.ValidationError as exc:
            raise UnexpectedResponseError(
                f"the response is not a {model.__name__}: {exc}",
                status=response.status_code,
                request=self._info(call),
            ) from exc

    def _unwrap(self, value: _T | None, call: _Call, response: httpx.Response) -> _T:
        if value is None:
            raise UnexpectedResponseError(
                "the response has no data",
                status=response.status_code,
                request=self._info(call),
            )
        return value

    def _get_user_info_call(
        self,
        *,
        fields: str | Iterable[UserField | str] | None,
    ) -> _Call:
        params: dict[str, str] = {}
        if fields is None:
            if self.granted_scopes is None:
                raise self._no_fields("get_user_info")
            fields = user_fields_for_scopes(self.granted_scopes)
        params["fields"] = build_user_fields_param(fields, self.granted_scopes)
        return _Call(
            "get_user_info",
            "GET",
            "/v2/user/info/",
            "api",
            frozenset(("ok",)),
            True,
            True,
            params,
        )

    def _get_user_info_response(
        self,
        call: _Call,
        response: httpx.Response,
    ) -> UserInfoResponse:
        return self._model(UserInfoResponse, call, response)

    def _get_user_info_result(
        self,
        call: _Call,
        response: httpx.Response,
    ) -> UserInfoData:
        model = self._get_user_info_response(call, response)
        return self._unwrap(model.data, call, response)

    def _list_videos_call(
        self,
        *,
        fields: str | Iterable[VideoField | str] | None,
        cursor: int | None,
        max_count: int | None,
    ) -> _Call:
        self._require("list_videos", ("video.list",))
        params: dict[str, str] = {}
        if fields is None:
            if self.granted_scopes is None:
                raise self._no_fields("list_videos")
            fields = video_fields_for_scopes(self.granted_scopes)
        params["fields"] = build_video_fields_param(fields, self.granted_scopes)
        body = _body(
            VideoListRequest,
            {
                "cursor": cursor,
                "max_count": max_count,
            },
        )
        return _Call(
            "list_videos",
            "POST",
            "/v2/video/list/",
            "api",
            frozenset(("ok",)),
            True,
            True,
            params,
            json=body,
        )

    def _list_videos_response(
        self,
        call: _Call,
        response: httpx.Response,
    ) -> VideoListResponse:
        return self._model(VideoListResponse, call, response)

    def _list_videos_result(
        self,
        call: _Call,
        response: httpx.Response,
    ) -> VideoListData:
        model = self._list_videos_response(call, response)
        return self._unwrap(model.data, call, response)

    def _query_videos_call(
        self,
        *,
        fields: str | Iterable[VideoField | str] | None,
        video_ids: list[str],
    ) -> _Call:
        self._require("query_videos", ("video.list",))
        params: dict[str, str] = {}
        if fields is None:
            if self.granted_scopes is None:
                raise self._no_fields("query_videos")
            fields = video_fields_for_scopes(self.granted_scopes)
        params["fields"] = build_video_fields_param(fields, self.granted_scopes)
        body = _body(
            VideoQueryRequest,
            {
                "filters": {"video_ids": video_ids},
            },
        )
        return _Call(
            "query_videos",
            "POST",
            "/v2/video/query/",
            "api",
            frozenset(("ok",)),
            True,
            True,
            params,
            json=body,
        )

    def _query_videos_response(
        self,
        call: _Call,
        response: httpx.Response,
    ) -> VideoQueryResponse:
        return self._model(VideoQueryResponse, call, response)

    def _query_videos_result(
        self,
        call: _Call,
        response: httpx.Response,
    ) -> VideoQueryData:
        model = self._query_videos_response(call, response)
        return self._unwrap(model.data, call, response)

    def _get_access_token_call(
        self,
        *,
        client_key: str,
        client_secret: str,
        grant_type: Literal["authorization_code", "refresh_token"],
        code: str | None,
        redirect_uri: str | None,
        code_verifier: str | None,
        refresh_token: str | None,
    ) -> _Call:
        params: dict[str, str] = {}
        body = _body(
            TokenRequest,
            {
                "client_key": client_key,
                "client_secret": client_secret,
                "grant_type": grant_type,
                "code": code,
                "redirect_uri": redirect_uri,
                "code_verifier": code_verifier,
                "refresh_token": refresh_token,
            },
        )
        return _Call(
            "get_access_token",
            "POST",
            "/v2/oauth/token/",
            "oauth",
            frozenset(()),
            True,
            False,
            params,
            form={key: _param(value) for key, value in body.items()},
        )

    def _get_access_token_response(
        self,
        call: _Call,
        response: httpx.Response,
    ) -> TokenResponse:
        return self._model(TokenResponse, call, response)

    def _get_access_token_result(
        self,
        call: _Call,
        response: httpx.Response,
    ) -> TokenResponse:
        return self._get_access_token_response(call, response)

    def _revoke_access_token_call(
        self,
        *,
        client_key: str,
        client_secret: str,
        token: str,
    ) -> _Call:
        params: dict[str, str] = {}
        body = _body(
            RevokeRequest,
            {
                "client_key": client_key,
                "client_secret": client_secret,
                "token": token,
            },
        )
        return _Call(
            "revoke_access_token",
            "POST",
            "/v2/oauth/revoke/",
            "oauth",
            frozenset(()),
            False,
            False,
            params,
            form={key: _param(value) for key, value in body.items()},
        )

    def _revoke_access_token_result(
        self,
        call: _Call,
        response: httpx.Response,
    ) -> None:
        self._parse(call, response)
        return None


class Client(_Base):
    """The blocking client. Use it as a context manager, or call close().

    ``granted_scopes`` are the scopes the user granted (names, or the token response's
    comma-separated ``scope``): the fields selection defaults to what they allow, and a
    field or endpoint they do not cover raises before anything is sent. ``sleep`` waits
    between retries (tests pass a recorder); ``http_client`` reuses a httpx.Client.
    """

    def __init__(
        self,
        access_token: str | None = None,
        *,
        granted_scopes: str | Iterable[Scope | str] | None = None,
        base_url: str = BASE_URL,
        timeout: float = 30.0,
        max_retries: int = 3,
        backoff: float = 0.5,
        max_backoff: float = 30.0,
        max_retry_after: float = 60.0,
        sleep: Callable[[float], object] = time.sleep,
        http_client: httpx.Client | None = None,
    ) -> None:
        super().__init__(
            access_token,
            granted_scopes,
            base_url,
            timeout,
            max_retries,
            backoff,
            max_backoff,
            max_retry_after,
        )
        self._sleep = sleep
        self._owns_http = http_client is None
        self._http = http_client if http_client is not None else httpx.Client()

    def close(self) -> None:
        """Close the HTTP connections, unless the httpx client was passed in."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _send(self, call: _Call) -> httpx.Response:
        """Send a call, retrying 429 and 5xx answers up to max_retries times."""
        headers = self._headers(call)
        attempt = 0
        while True:
            try:
                response = self._http.request(
                    call.method,
                    self.base_url + call.path,
                    params=call.params,
                    json=call.json,
                    data=call.form,
                    headers=headers,
                    timeout=self.timeout,
                )
            except httpx.TimeoutException as exc:
                raise RequestTimeoutError(
                    f"no response within {self.timeout} s", request=self._info(call)
                ) from exc
            except httpx.TransportError as exc:
                message = str(exc) or type(exc).__name__
                raise TransportError(message, request=self._info(call)) from exc
            delay = self._delay(attempt, response)
            if delay is None:
                return response
            self._sleep(delay)
            attempt += 1

    def get_user_info(
        self,
        *,
        fields: str | Iterable[UserField | str] | None = None,
    ) -> UserInfoData:
        """Get User Info: GET /v2/user/info/."""
        call = self._get_user_info_call(
            fields=fields,
        )
        return self._get_user_info_result(call, self._send(call))

    def list_videos(
        self,
        *,
        fields: str | Iterable[VideoField | str] | None = None,
        cursor: int | None = None,
        max_count: int | None = None,
    ) -> VideoListData:
        """List Videos: POST /v2/video/list/."""
        call = self._list_videos_call(
            fields=fields,
            cursor=cursor,
            max_count=max_count,
        )
        return self._list_videos_result(call, self._send(call))

    def iter_videos(
        self,
        *,
        fields: str | Iterable[VideoField | str] | None = None,
        cursor: int | None = None,
        max_count: int | None = None,
        limit: int | None = None,
    ) -> Iterator[Video]:
        """Every item of list_videos, page after page, until the last page or ``limit`` items."""
        count = 0
        while limit is None or count < limit:
            call = self._list_videos_call(
                fields=fields,
                cursor=cursor,
                max_count=max_count,
            )
            page = self._list_videos_response(call, self._send(call))
            items = cast("list[Video] | None", _walk(page, ("data", "videos")))
            for item in (items or [])[: None if limit is None else limit - count]:
                yield item
                count += 1
            following = _walk(page, ("data", "cursor"))
            if not _walk(page, ("data", "has_more")) or following in (None, cursor):
                return
            cursor = cast("int", following)

    def query_videos(
        self,
        *,
        fields: str | Iterable[VideoField | str] | None = None,
        video_ids: list[str],
    ) -> VideoQueryData:
        """Query Videos: POST /v2/video/query/."""
        calls = [
            self._query_videos_call(
                fields=fields,
                video_ids=chunk,
            )
            for chunk in _chunks(list(video_ids), 20)
        ]
        results = [self._query_videos_result(c, self._send(c)) for c in calls]
        joined = [item for r in results for item in r.videos or []]
        return results[0].model_copy(update={"videos": joined})

    def get_access_token(
        self,
        *,
        client_key: str,
        client_secret: str,
        grant_type: Literal["authorization_code", "refresh_token"],
        code: str | None = None,
        redirect_uri: str | None = None,
        code_verifier: str | None = None,
        refresh_token: str | None = None,
    ) -> TokenResponse:
        """Get or Refresh an Access Token: POST /v2/oauth/token/."""
        call = self._get_access_token_call(
            client_key=client_key,
            client_secret=client_secret,
            grant_type=grant_type,
            code=code,
            redirect_uri=redirect_uri,
            code_verifier=code_verifier,
            refresh_token=refresh_token,
        )
        return self._get_access_token_result(call, self._send(call))

    def revoke_access_token(
        self,
        *,
        client_key: str,
        client_secret: str,
        token: str,
    ) -> None:
        """Revoke Access: POST /v2/oauth/revoke/."""
        call = self._revoke_access_token_call(
            client_key=client_key,
            client_secret=client_secret,
            token=token,
        )
        return self._revoke_access_token_result(call, self._send(call))


class AsyncClient(_Base):
    """The asynchronous client: every call method is a coroutine, every iterator async.

    ``granted_scopes`` are the scopes the user granted (names, or the token response's
    comma-separated ``scope``): the fields selection defaults to what they allow, and a
    field or endpoint they do not cover raises before anything is sent. ``sleep`` waits
    between retries (tests pass a recorder); ``http_client`` reuses a httpx.AsyncClient.
    """

    def __init__(
        self,
        access_token: str | None = None,
        *,
        granted_scopes: str | Iterable[Scope | str] | None = None,
        base_url: str = BASE_URL,
        timeout: float = 30.0,
        max_retries: int = 3,
        backoff: float = 0.5,
        max_backoff: float = 30.0,
        max_retry_after: float = 60.0,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        super().__init__(
            access_token,
            granted_scopes,
            base_url,
            timeout,
            max_retries,
            backoff,
            max_backoff,
            max_retry_after,
        )
        self._sleep = sleep
        self._owns_http = http_client is None
        self._http = http_client if http_client is not None else httpx.AsyncClient()

    async def aclose(self) -> None:
        """Close the HTTP connections, unless the httpx client was passed in."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def _send(self, call: _Call) -> httpx.Response:
        """Send a call, retrying 429 and 5xx answers up to max_retries times."""
        headers = self._headers(call)
        attempt = 0
        while True:
            try:
                response = await self._http.request(
                    call.method,
                    self.base_url + call.path,
                    params=call.params,
                    json=call.json,
                    data=call.form,
                    headers=headers,
                    timeout=self.timeout,
                )
            except httpx.TimeoutException as exc:
                raise RequestTimeoutError(
                    f"no response within {self.timeout} s", request=self._info(call)
                ) from exc
            except httpx.TransportError as exc:
                message = str(exc) or type(exc).__name__
                raise TransportError(message, request=self._info(call)) from exc
            delay = self._delay(attempt, response)
            if delay is None:
                return response
            await self._sleep(delay)
            attempt += 1

    async def get_user_info(
        self,
        *,
        fields: str | Iterable[UserField | str] | None = None,
    ) -> UserInfoData:
        """Get User Info: GET /v2/user/info/."""
        call = self._get_user_info_call(
            fields=fields,
        )
        return self._get_user_info_result(call, await self._send(call))

    async def list_videos(
        self,
        *,
        fields: str | Iterable[VideoField | str] | None = None,
        cursor: int | None = None,
        max_count: int | None = None,
    ) -> VideoListData:
        """List Videos: POST /v2/video/list/."""
        call = self._list_videos_call(
            fields=fields,
            cursor=cursor,
            max_count=max_count,
        )
        return self._list_videos_result(call, await self._send(call))

    async def iter_videos(
        self,
        *,
        fields: str | Iterable[VideoField | str] | None = None,
        cursor: int | None = None,
        max_count: int | None = None,
        limit: int | None = None,
    ) -> AsyncIterator[Video]:
        """Every item of list_videos, page after page, until the last page or ``limit`` items."""
        count = 0
        while limit is None or count < limit:
            call = self._list_videos_call(
                fields=fields,
                cursor=cursor,
                max_count=max_count,
            )
            page = self._list_videos_response(call, await self._send(call))
            items = cast("list[Video] | None", _walk(page, ("data", "videos")))
            for item in (items or [])[: None if limit is None else limit - count]:
                yield item
                count += 1
            following = _walk(page, ("data", "cursor"))
            if not _walk(page, ("data", "has_more")) or following in (None, cursor):
                return
            cursor = cast("int", following)

    async def query_videos(
        self,
        *,
        fields: str | Iterable[VideoField | str] | None = None,
        video_ids: list[str],
    ) -> VideoQueryData:
        """Query Videos: POST /v2/video/query/."""
        calls = [
            self._query_videos_call(
                fields=fields,
                video_ids=chunk,
            )
            for chunk in _chunks(list(video_ids), 20)
        ]
        results = [self._query_videos_result(c, await self._send(c)) for c in calls]
        joined = [item for r in results for item in r.videos or []]
        return results[0].model_copy(update={"videos": joined})

    async def get_access_token(
        self,
        *,
        client_key: str,
        client_secret: str,
        grant_type: Literal["authorization_code", "refresh_token"],
        code: str | None = None,
        redirect_uri: str | None = None,
        code_verifier: str | None = None,
        refresh_token: str | None = None,
    ) -> TokenResponse:
        """Get or Refresh an Access Token: POST /v2/oauth/token/."""
        call = self._get_access_token_call(
            client_key=client_key,
            client_secret=client_secret,
            grant_type=grant_type,
            code=code,
            redirect_uri=redirect_uri,
            code_verifier=code_verifier,
            refresh_token=refresh_token,
        )
        return self._get_access_token_result(call, await self._send(call))

    async def revoke_access_token(
        self,
        *,
        client_key: str,
        client_secret: str,
        token: str,
    ) -> None:
        """Revoke Access: POST /v2/oauth/revoke/."""
        call = self._revoke_access_token_call(
            client_key=client_key,
            client_secret=client_secret,
            token=token,
        )
        return self._revoke_access_token_result(call, await self._send(call))


class OAuth:
    """Token calls for a server app (blocking): exchange a code, refresh a token, revoke one.

    They send the client secret: never use them in a browser or a mobile app. They are not
    retried by default (an authorization code works once): ``max_retries`` changes that.
    """

    def __init__(
        self,
        client_key: str,
        client_secret: str,
        *,
        base_url: str = BASE_URL,
        timeout: float = 30.0,
        max_retries: int = 0,
        http_client: httpx.Client | None = None,
    ) -> None:
        self.client_key = client_key
        self.client_secret = client_secret
        self.client = Client(
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
        )

    def close(self) -> None:
        """Close the HTTP connections, unless the httpx client was passed in."""
        self.client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def exchange_code(
        self,
        code: str,
        redirect_uri: str,
        code_verifier: str | None = None,
    ) -> Token:
        """The tokens for the authorization code from the callback (with the PKCE verifier of a desktop or mobile app)."""
        obtained = time.time()
        response = self.client.get_access_token(
            client_key=self.client_key,
            client_secret=self.client_secret,
            grant_type="authorization_code",
            code=code,
            redirect_uri=redirect_uri,
            code_verifier=code_verifier,
        )
        fields = response.model_dump(by_alias=True)
        return Token.model_validate({**fields, "obtained_at": obtained})

    def refresh(self, refresh_token: str) -> Token:
        """New tokens from a refresh token."""
        obtained = time.time()
        response = self.client.get_access_token(
            client_key=self.client_key,
            client_secret=self.client_secret,
            grant_type="refresh_token",
            refresh_token=refresh_token,
        )
        fields = response.model_dump(by_alias=True)
        return Token.model_validate({**fields, "obtained_at": obtained})

    def revoke(self, access_token: str) -> None:
        """Revoke an access token: the app can no longer act for the user."""
        self.client.revoke_access_token(
            client_key=self.client_key,
            client_secret=self.client_secret,
            token=access_token,
        )


class AsyncOAuth:
    """Token calls for a server app (asynchronous): exchange a code, refresh a token, revoke one.

    They send the client secret: never use them in a browser or a mobile app. They are not
    retried by default (an authorization code works once): ``max_retries`` changes that.
    """

    def __init__(
        self,
        client_key: str,
        client_secret: str,
        *,
        base_url: str = BASE_URL,
        timeout: float = 30.0,
        max_retries: int = 0,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        self.client_key = client_key
        self.client_secret = client_secret
        self.client = AsyncClient(
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
        )

    async def aclose(self) -> None:
        """Close the HTTP connections, unless the httpx client was passed in."""
        await self.client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def exchange_code(
        self,
        code: str,
        redirect_uri: str,
        code_verifier: str | None = None,
    ) -> Token:
        """The tokens for the authorization code from the callback (with the PKCE verifier of a desktop or mobile app)."""
        obtained = time.time()
        response = await self.client.get_access_token(
            client_key=self.client_key,
            client_secret=self.client_secret,
            grant_type="authorization_code",
            code=code,
            redirect_uri=redirect_uri,
            code_verifier=code_verifier,
        )
        fields = response.model_dump(by_alias=True)
        return Token.model_validate({**fields, "obtained_at": obtained})

    async def refresh(self, refresh_token: str) -> Token:
        """New tokens from a refresh token."""
        obtained = time.time()
        response = await self.client.get_access_token(
            client_key=self.client_key,
            client_secret=self.client_secret,
            grant_type="refresh_token",
            refresh_token=refresh_token,
        )
        fields = response.model_dump(by_alias=True)
        return Token.model_validate({**fields, "obtained_at": obtained})

    async def revoke(self, access_token: str) -> None:
        """Revoke an access token: the app can no longer act for the user."""
        await self.client.revoke_access_token(
            client_key=self.client_key,
            client_secret=self.client_secret,
            token=access_token,
        )
