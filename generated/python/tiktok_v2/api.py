# Generated from spec/tiktok_v2.yaml (sha256 b37e43273a59d3e2). Do not edit.
"""Endpoint URLs, OAuth 2.0 URLs, rate limits and error codes of TikTok API v2 User Object."""

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
]

BASE_URL: Final = "https://open.tiktokapis.com"
AUTHORIZE_URL: Final = "https://www.tiktok.com/v2/auth/authorize/"
"""Where the user grants scopes (OAuth 2.0 authorization code flow)."""
TOKEN_URL: Final = "https://open.tiktokapis.com/v2/oauth/token/"
"""Where the authorization code is exchanged for an access token."""

GET_USER_INFO_URL: Final = "https://open.tiktokapis.com/v2/user/info/"
"""GET /v2/user/info/: Get User Info"""
GET_USER_INFO_URL_RATE_LIMIT_PER_MINUTE: Final = 600


class ErrorCode(StrEnum):
    """The ``error.code`` values the API documents; ``ok`` means success."""

    OK = "ok"
    """The request succeeded."""

    ACCESS_TOKEN_INVALID = "access_token_invalid"
    """The access token is invalid or has expired."""

    SCOPE_NOT_AUTHORIZED = "scope_not_authorized"
    """The user did not authorize a scope that a requested field needs; the whole call fails."""

    SCOPE_PERMISSION_MISSED = "scope_permission_missed"
    """The app has not been approved for a scope that the request needs."""

    INVALID_PARAMS = "invalid_params"
    """A parameter is missing or invalid, for example an unknown field name."""

    RATE_LIMIT_EXCEEDED = "rate_limit_exceeded"
    """Too many requests; the limit is 600 requests a minute."""

    INTERNAL_ERROR = "internal_error"
    """An error on TikTok's side; retry later."""


ERROR_HTTP_STATUS: Mapping[ErrorCode, int] = MappingProxyType(
    {
        ErrorCode.OK: 200,
        ErrorCode.ACCESS_TOKEN_INVALID: 401,
        ErrorCode.SCOPE_NOT_AUTHORIZED: 401,
        ErrorCode.SCOPE_PERMISSION_MISSED: 400,
        ErrorCode.INVALID_PARAMS: 400,
        ErrorCode.RATE_LIMIT_EXCEEDED: 429,
        ErrorCode.INTERNAL_ERROR: 500,
    }
)
"""The HTTP status that comes with each error code."""
