# Generated from spec/tiktok_v2.yaml. Do not edit.
"""The errors a call to TikTok API v2 (Login Kit and Display API) can end with.

One class per documented error code, under one class per error shape and one base,
TiktokV2Error; a code the spec does not list gets its shape's class. Pure Python:
importing this module needs neither httpx nor the client.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

__all__ = [
    "ERROR_CLASSES",
    "RequestInfo",
    "TiktokV2Error",
    "RequestTimeoutError",
    "ScopeRequiredError",
    "TransportError",
    "UnexpectedResponseError",
    "ApiError",
    "OauthError",
    "InvalidParamsError",
    "ScopePermissionMissedError",
    "AccessTokenInvalidError",
    "ScopeNotAuthorizedError",
    "RateLimitExceededError",
    "InternalError",
    "InvalidRequestError",
    "InvalidGrantError",
    "InvalidScopeError",
    "UnauthorizedClientError",
    "UnsupportedGrantTypeError",
    "InvalidClientError",
    "ServerError",
    "TemporarilyUnavailableError",
    "error_for",
]


@dataclass(frozen=True)
class RequestInfo:
    """The request an error answers: its method and URL (never its headers: they hold the token)."""

    method: str
    url: str


class TiktokV2Error(Exception):
    """Base of every error the API answered with, or that kept it from answering."""

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        log_id: str | None = None,
        status: int | None = None,
        request: RequestInfo | None = None,
    ) -> None:
        self.code = code
        self.message = message
        self.log_id = log_id
        self.status = status
        self.request = request
        super().__init__(message)

    def __str__(self) -> str:
        head = self.code or type(self).__name__
        if self.status is not None:
            head += f" (HTTP {self.status})"
        text = f"{head}: {self.message}" if self.message else head
        if self.log_id:
            text += f" [log_id {self.log_id}]"
        if self.request is not None:
            text += f" on {self.request.method} {self.request.url}"
        return text


class UnexpectedResponseError(TiktokV2Error):
    """A response the API's documentation does not describe: not JSON (an HTML page from a proxy), or not the documented shape."""


class TransportError(TiktokV2Error):
    """No response: the connection failed or broke."""


class RequestTimeoutError(TransportError):
    """No response within the client's timeout."""


class ScopeRequiredError(ValueError):
    """A call that needs a scope the user did not grant; raised before anything is sent."""

    def __init__(self, endpoint: str, scope: str) -> None:
        self.endpoint = endpoint
        self.scope = scope
        super().__init__(
            f"{endpoint} needs scope {scope!r}, which was not granted; "
            f"ask the user for {scope!r}"
        )


class ApiError(TiktokV2Error):
    """An error answered in the 'api' error shape whose code has no class of its own."""


class OauthError(TiktokV2Error):
    """An error answered in the 'oauth' error shape whose code has no class of its own."""


class InvalidParamsError(ApiError):
    """invalid_params (HTTP 400): One or more request fields are invalid; the message says which."""


class ScopePermissionMissedError(ApiError):
    """scope_permission_missed (HTTP 400): The access token lacks scopes that some of the requested fields need; the message says which."""


class AccessTokenInvalidError(ApiError):
    """access_token_invalid (HTTP 401): The access token is invalid, has expired or is missing from the request; refresh it and retry."""


class ScopeNotAuthorizedError(ApiError):
    """scope_not_authorized (HTTP 401): The user did not grant a scope that this request needs; ask the user to authorize it, then retry."""


class RateLimitExceededError(ApiError):
    """rate_limit_exceeded (HTTP 429): The request hit the rate limit; retry later."""


class InternalError(ApiError):
    """internal_error (HTTP 500): A failure on TikTok's side; see the message, and tell TikTok support if it persists."""


class InvalidRequestError(OauthError):
    """invalid_request (HTTP 400): The request is missing a parameter or is malformed."""


class InvalidGrantError(OauthError):
    """invalid_grant (HTTP 400): The authorization code or refresh token is invalid, expired, revoked or was issued to another app."""


class InvalidScopeError(OauthError):
    """invalid_scope (HTTP 400): A requested scope is invalid or unknown."""


class UnauthorizedClientError(OauthError):
    """unauthorized_client (HTTP 400): The app may not use this grant type."""


class UnsupportedGrantTypeError(OauthError):
    """unsupported_grant_type (HTTP 400): The grant type is not supported."""


class InvalidClientError(OauthError):
    """invalid_client (HTTP 401): The client key or client secret is wrong."""


class ServerError(OauthError):
    """server_error (HTTP 500): The server met an unexpected error; retry later."""


class TemporarilyUnavailableError(OauthError):
    """temporarily_unavailable (HTTP 503): The server is overloaded or down for maintenance; retry later."""


ERROR_CLASSES: Mapping[str, type[TiktokV2Error]] = MappingProxyType(
    {
        "invalid_params": InvalidParamsError,
        "scope_permission_missed": ScopePermissionMissedError,
        "access_token_invalid": AccessTokenInvalidError,
        "scope_not_authorized": ScopeNotAuthorizedError,
        "rate_limit_exceeded": RateLimitExceededError,
        "internal_error": InternalError,
        "invalid_request": InvalidRequestError,
        "invalid_grant": InvalidGrantError,
        "invalid_scope": InvalidScopeError,
        "unauthorized_client": UnauthorizedClientError,
        "unsupported_grant_type": UnsupportedGrantTypeError,
        "invalid_client": InvalidClientError,
        "server_error": ServerError,
        "temporarily_unavailable": TemporarilyUnavailableError,
    }
)
"""The class of each documented error code."""

_SHAPE_CLASSES: Mapping[str, type[TiktokV2Error]] = MappingProxyType(
    {
        "api": ApiError,
        "oauth": OauthError,
    }
)


def error_for(
    shape: str,
    code: str | None,
    message: str,
    *,
    log_id: str | None = None,
    status: int | None = None,
    request: RequestInfo | None = None,
) -> TiktokV2Error:
    """The exception for an error response: its code's class, else its shape's, else the base."""
    cls = ERROR_CLASSES.get(code) if code is not None else None
    if cls is None:
        cls = _SHAPE_CLASSES.get(shape, TiktokV2Error)
    return cls(message, code=code, log_id=log_id, status=status, request=request)
