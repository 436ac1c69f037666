# Generated from spec/tiktok_v2.yaml. Do not edit.
"""The VideoQueryData model; import from tiktok_v2.models, which loads this module on first use."""

from typing import ClassVar

from pydantic import ConfigDict, Field

from tiktok_v2.models import _Model
from tiktok_v2.models._video import Video

__all__ = [
    "VideoQueryData",
]


class VideoQueryData(_Model):
    """The data part of the Query Videos response."""

    model_config: ClassVar[ConfigDict] = ConfigDict(
        json_schema_extra={
            "x-descriptions": {
                "en": "The data part of the Query Videos response.",
                "th": "ส่วนข้อมูลในการตอบกลับจากการคิวรีวิดีโอ",
            },
        },
    )

    videos: list[Video] | None = Field(
        default=None,
        description="The requested videos that belong to the user, with only the fields that were asked for; their cover image links are fresh.",
        json_schema_extra={
            "x-descriptions": {
                "en": "The requested videos that belong to the user, with only the fields that were asked for; their cover image links are fresh.",
                "th": "วิดีโอที่ร้องขอซึ่งเป็นของผู้ใช้ โดยมีเฉพาะฟิลด์ที่ขอเท่านั้น และมีลิงก์ภาพปกที่สร้างใหม่",
            },
        },
    )
    """The requested videos that belong to the user, with only the fields that were asked for; their cover image links are fresh.

    th: วิดีโอที่ร้องขอซึ่งเป็นของผู้ใช้ โดยมีเฉพาะฟิลด์ที่ขอเท่านั้น และมีลิงก์ภาพปกที่สร้างใหม่
    """
