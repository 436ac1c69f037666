# Generated from spec/tiktok_v2.yaml (sha256 b37e43273a59d3e2). Do not edit.
"""Pydantic models: TikTok API v2 User Object.

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

__all__ = [
    "User",
    "Error",
    "UserInfoData",
    "UserInfoResponse",
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
