# Generated from spec/tiktok_v2.yaml. Do not edit.
"""Endpoint URLs, OAuth 2.0 URLs, rate limits and error codes of TikTok API v2 (Login Kit and Display API)."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Final

__all__ = [
    "BASE_URL",
    "ERROR_HTTP_STATUS",
    "ErrorCode",
    "AUTHORIZE_URL",
    "TOKEN_URL",
    "GET_USER_INFO_URL",
    "GET_USER_INFO_URL_RATE_LIMIT_PER_MINUTE",
    "LIST_VIDEOS_URL",
    "QUERY_VIDEOS_URL",
    "GET_ACCESS_TOKEN_URL",
    "REVOKE_ACCESS_TOKEN_URL",
]

BASE_URL: Final = "https://open.tiktokapis.com"
AUTHORIZE_URL: Final = "https://www.tiktok.com/v2/auth/authorize/"
"""Where the user grants scopes (OAuth 2.0 authorization code flow)."""
TOKEN_URL: Final = "https://open.tiktokapis.com/v2/oauth/token/"
"""Where the authorization code is exchanged for an access token."""

GET_USER_INFO_URL: Final = "https://open.tiktokapis.com/v2/user/info/"
"""GET /v2/user/info/: Get User Info"""
GET_USER_INFO_URL_RATE_LIMIT_PER_MINUTE: Final = 600

LIST_VIDEOS_URL: Final = "https://open.tiktokapis.com/v2/video/list/"
"""POST /v2/video/list/: List Videos"""

QUERY_VIDEOS_URL: Final = "https://open.tiktokapis.com/v2/video/query/"
"""POST /v2/video/query/: Query Videos"""

GET_ACCESS_TOKEN_URL: Final = "https://open.tiktokapis.com/v2/oauth/token/"
"""POST /v2/oauth/token/: Get or Refresh an Access Token"""

REVOKE_ACCESS_TOKEN_URL: Final = "https://open.tiktokapis.com/v2/oauth/revoke/"
"""POST /v2/oauth/revoke/: Revoke Access"""


class ErrorCode(StrEnum):
    """The ``error.code`` values the API documents; ``ok`` means success."""

    OK = "ok"
    """The request succeeded."""

    INVALID_PARAMS = "invalid_params"
    """One or more request fields are invalid; the message says which."""

    SCOPE_PERMISSION_MISSED = "scope_permission_missed"
    """The access token lacks scopes that some of the requested fields need; the message says which."""

    ACCESS_TOKEN_INVALID = "access_token_invalid"
    """The access token is invalid, has expired or is missing from the request; refresh it and retry."""

    SCOPE_NOT_AUTHORIZED = "scope_not_authorized"
    """The user did not grant a scope that this request needs; ask the user to authorize it, then retry."""

    RATE_LIMIT_EXCEEDED = "rate_limit_exceeded"
    """The request hit the rate limit; retry later."""

    INTERNAL_ERROR = "internal_error"
    """A failure on TikTok's side; see the message, and tell TikTok support if it persists."""

    INVALID_REQUEST = "invalid_request"
    """The request is missing a parameter or is malformed."""

    INVALID_GRANT = "invalid_grant"
    """The authorization code or refresh token is invalid, expired, revoked or was issued to another app."""

    INVALID_SCOPE = "invalid_scope"
    """A requested scope is invalid or unknown."""

    UNAUTHORIZED_CLIENT = "unauthorized_client"
    """The app may not use this grant type."""

    UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type"
    """The grant type is not supported."""

    INVALID_CLIENT = "invalid_client"
    """The client key or client secret is wrong."""

    SERVER_ERROR = "server_error"
    """The server met an unexpected error; retry later."""

    TEMPORARILY_UNAVAILABLE = "temporarily_unavailable"
    """The server is overloaded or down for maintenance; retry later."""


ERROR_HTTP_STATUS: Mapping[ErrorCode, int] = MappingProxyType(
    {
        ErrorCode.OK: 200,
        ErrorCode.INVALID_PARAMS: 400,
        ErrorCode.SCOPE_PERMISSION_MISSED: 400,
        ErrorCode.ACCESS_TOKEN_INVALID: 401,
        ErrorCode.SCOPE_NOT_AUTHORIZED: 401,
        ErrorCode.RATE_LIMIT_EXCEEDED: 429,
        ErrorCode.INTERNAL_ERROR: 500,
        ErrorCode.INVALID_REQUEST: 400,
        ErrorCode.INVALID_GRANT: 400,
        ErrorCode.INVALID_SCOPE: 400,
        ErrorCode.UNAUTHORIZED_CLIENT: 400,
        ErrorCode.UNSUPPORTED_GRANT_TYPE: 400,
        ErrorCode.INVALID_CLIENT: 401,
        ErrorCode.SERVER_ERROR: 500,
        ErrorCode.TEMPORARILY_UNAVAILABLE: 503,
    }
)
"""The HTTP status that comes with each error code."""
