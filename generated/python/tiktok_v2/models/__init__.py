# Generated from spec/tiktok_v2.yaml. Do not edit.
"""Pydantic models: TikTok API v2 (Login Kit and Display API).

Every object tolerates fields it does not know (a new API field never breaks parsing)
and keeps them in ``model_extra``. Each field carries its scope and its description in
every language in ``json_schema_extra``; see :func:`tiktok_v2.i18n.describe`.

Each model lives in a module of its own, imported when the model is first used (PEP 562),
so importing the package creates only the models a program touches.
"""

import importlib
import typing

from pydantic import BaseModel, ConfigDict

if typing.TYPE_CHECKING:
    from tiktok_v2.models._user import User
    from tiktok_v2.models._error import Error
    from tiktok_v2.models._user_info_data import UserInfoData
    from tiktok_v2.models._user_info_response import UserInfoResponse
    from tiktok_v2.models._video import Video
    from tiktok_v2.models._video_list_request import VideoListRequest
    from tiktok_v2.models._video_list_data import VideoListData
    from tiktok_v2.models._video_list_response import VideoListResponse
    from tiktok_v2.models._video_query_filters import VideoQueryFilters
    from tiktok_v2.models._video_query_request import VideoQueryRequest
    from tiktok_v2.models._video_query_data import VideoQueryData
    from tiktok_v2.models._video_query_response import VideoQueryResponse
    from tiktok_v2.models._token_request import TokenRequest
    from tiktok_v2.models._token_response import TokenResponse
    from tiktok_v2.models._revoke_request import RevokeRequest
    from tiktok_v2.models._auth_error import AuthError

__all__ = [
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
]


class _Model(BaseModel):
    """Base of the generated models: unknown fields kept, wire names in and out."""

    model_config: typing.ClassVar[ConfigDict] = ConfigDict(
        extra="allow",
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
        defer_build=True,
        # Field names never shadow BaseModel's API (the generator renames them), so pydantic's
        # warning for names like ``model_dump_`` would only be noise at import time.
        protected_namespaces=(),
    )


_MODULES = {
    "User": "_user",
    "Error": "_error",
    "UserInfoData": "_user_info_data",
    "UserInfoResponse": "_user_info_response",
    "Video": "_video",
    "VideoListRequest": "_video_list_request",
    "VideoListData": "_video_list_data",
    "VideoListResponse": "_video_list_response",
    "VideoQueryFilters": "_video_query_filters",
    "VideoQueryRequest": "_video_query_request",
    "VideoQueryData": "_video_query_data",
    "VideoQueryResponse": "_video_query_response",
    "TokenRequest": "_token_request",
    "TokenResponse": "_token_response",
    "RevokeRequest": "_revoke_request",
    "AuthError": "_auth_error",
}
"""The module of each model, imported on first use."""


def __getattr__(name: str) -> object:
    """A model, its module imported the first time it is asked for (PEP 562)."""
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
