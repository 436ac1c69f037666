# Generated from spec/tiktok_v2.yaml (sha256 b37e43273a59d3e2). Do not edit.
"""TikTok API v2 User Object: typed models, scopes and API constants.

The User Object contains information about a TikTok user.
"""

import typing

from tiktok_v2 import models
from tiktok_v2.api import *  # noqa: F403
from tiktok_v2.i18n import LANGUAGES, describe, describe_model, field_scope
from tiktok_v2.scopes import *  # noqa: F403

if typing.TYPE_CHECKING:
    from tiktok_v2.models import User
    from tiktok_v2.models import Error
    from tiktok_v2.models import UserInfoData
    from tiktok_v2.models import UserInfoResponse

__version__ = "2.0.0"

__all__ = [
    "BASE_URL",
    "ERROR_HTTP_STATUS",
    "ErrorCode",
    "AUTHORIZE_URL",
    "TOKEN_URL",
    "GET_USER_INFO_URL",
    "GET_USER_INFO_URL_RATE_LIMIT_PER_MINUTE",
    "User",
    "Error",
    "UserInfoData",
    "UserInfoResponse",
    "SCOPE_DESCRIPTIONS",
    "Scope",
    "ScopeNotGrantedError",
    "UnknownFieldError",
    "UnknownScopeError",
    "USER_FIELD_SCOPES",
    "UserField",
    "build_user_fields_param",
    "user_fields_for_scopes",
    "scopes_for_user_fields",
    "LANGUAGES",
    "__version__",
    "describe",
    "describe_model",
    "field_scope",
]


def __getattr__(name: str) -> object:
    """A model from :mod:`tiktok_v2.models`, loaded on first use (PEP 562)."""
    if name in models.__all__:
        value = getattr(models, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
