# Generated from spec/tiktok_v2.yaml. Do not edit.
"""The UserInfoData model; import from tiktok_v2.models, which loads this module on first use."""

from typing import ClassVar

from pydantic import ConfigDict, Field

from tiktok_v2.models import _Model
from tiktok_v2.models._user import User

__all__ = [
    "UserInfoData",
]


class UserInfoData(_Model):
    """The data part of the Get User Info response."""

    model_config: ClassVar[ConfigDict] = ConfigDict(
        json_schema_extra={
            "x-descriptions": {
                "en": "The data part of the Get User Info response.",
                "th": "ส่วนข้อมูลในการตอบกลับจากการดึงข้อมูลผู้ใช้",
            },
        },
    )

    user: User | None = Field(
        default=None,
        description="The requested user, with only the fields that were asked for.",
        json_schema_extra={
            "x-descriptions": {
                "en": "The requested user, with only the fields that were asked for.",
                "th": "ข้อมูลผู้ใช้ตามคำขอ โดยมีเฉพาะฟิลด์ที่ขอเท่านั้น",
            },
        },
    )
    """The requested user, with only the fields that were asked for.

    th: ข้อมูลผู้ใช้ตามคำขอ โดยมีเฉพาะฟิลด์ที่ขอเท่านั้น
    """
