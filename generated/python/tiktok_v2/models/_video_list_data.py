# Generated from spec/tiktok_v2.yaml. Do not edit.
"""The VideoListData model; import from tiktok_v2.models, which loads this module on first use."""

from typing import ClassVar

from pydantic import ConfigDict, Field

from tiktok_v2.models import _Model
from tiktok_v2.models._video import Video

__all__ = [
    "VideoListData",
]


class VideoListData(_Model):
    """The data part of the List Videos response."""

    model_config: ClassVar[ConfigDict] = ConfigDict(
        json_schema_extra={
            "x-descriptions": {
                "en": "The data part of the List Videos response.",
                "th": "ส่วนข้อมูลในการตอบกลับจากการแสดงรายการวิดีโอ",
            },
        },
    )

    videos: list[Video] | None = Field(
        default=None,
        description="The videos of this page, newest first, with only the fields that were asked for.",
        json_schema_extra={
            "x-descriptions": {
                "en": "The videos of this page, newest first, with only the fields that were asked for.",
                "th": "วิดีโอในหน้านี้ เรียงจากใหม่ไปเก่า โดยมีเฉพาะฟิลด์ที่ขอเท่านั้น",
            },
        },
    )
    """The videos of this page, newest first, with only the fields that were asked for.

    th: วิดีโอในหน้านี้ เรียงจากใหม่ไปเก่า โดยมีเฉพาะฟิลด์ที่ขอเท่านั้น
    """

    cursor: int | None = Field(
        default=None,
        description="Send this value as the cursor of the next request to get the next page.",
        ge=0,
        json_schema_extra={
            "x-descriptions": {
                "en": "Send this value as the cursor of the next request to get the next page.",
                "th": "ส่งค่านี้เป็น cursor ของคำขอถัดไปเพื่อรับหน้าถัดไป",
            },
        },
    )
    """Send this value as the cursor of the next request to get the next page.

    th: ส่งค่านี้เป็น cursor ของคำขอถัดไปเพื่อรับหน้าถัดไป
    """

    has_more: bool | None = Field(
        default=None,
        description="Whether more videos follow. A page may hold fewer videos than max_count even when more follow.",
        json_schema_extra={
            "x-descriptions": {
                "en": "Whether more videos follow. A page may hold fewer videos than max_count even when more follow.",
                "th": "ยังมีวิดีโอถัดไปอีกหรือไม่ หน้าหนึ่งอาจมีวิดีโอน้อยกว่า max_count แม้ว่ายังมีวิดีโอถัดไปก็ตาม",
            },
        },
    )
    """Whether more videos follow. A page may hold fewer videos than max_count even when more follow.

    th: ยังมีวิดีโอถัดไปอีกหรือไม่ หน้าหนึ่งอาจมีวิดีโอน้อยกว่า max_count แม้ว่ายังมีวิดีโอถัดไปก็ตาม
    """
