# Generated from spec/tiktok_v2.yaml. Do not edit.
"""TikTok API v2 (Login Kit and Display API): typed models, scopes and API constants.

Read the profile and the public videos of a TikTok user who authorized your app, and manage the OAuth 2.0 access tokens that allow it.
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
    from tiktok_v2.models import Video
    from tiktok_v2.models import VideoListRequest
    from tiktok_v2.models import VideoListData
    from tiktok_v2.models import VideoListResponse
    from tiktok_v2.models import VideoQueryFilters
    from tiktok_v2.models import VideoQueryRequest
    from tiktok_v2.models import VideoQueryData
    from tiktok_v2.models import VideoQueryResponse
    from tiktok_v2.models import TokenRequest
    from tiktok_v2.models import TokenResponse
    from tiktok_v2.models import RevokeRequest
    from tiktok_v2.models import AuthError

__version__ = "3.0.1"

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
    "User",
    "Error",
    "UserInfoData",
    "UserInfoResponse",
    "Video",
    "VideoListRequest",
    "VideoListData",
    "VideoListResponse",
    "VideoQueryFilters",
    "VideoQueryRequest",
    "VideoQueryData",
    "VideoQueryResponse",
    "TokenRequest",
    "TokenResponse",
    "RevokeRequest",
    "AuthError",
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
    "VIDEO_FIELD_SCOPES",
    "VideoField",
    "build_video_fields_param",
    "video_fields_for_scopes",
    "scopes_for_video_fields",
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
