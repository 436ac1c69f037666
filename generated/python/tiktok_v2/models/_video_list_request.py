# Generated from spec/tiktok_v2.yaml. Do not edit.
"""The VideoListRequest model; import from tiktok_v2.models, which loads this module on first use."""

from typing import ClassVar

from pydantic import ConfigDict, Field

from tiktok_v2.models import _Model

__all__ = [
    "VideoListRequest",
]


class VideoListRequest(_Model):
    """The body of a List Videos request."""

    model_config: ClassVar[ConfigDict] = ConfigDict(
        json_schema_extra={
            "x-descriptions": {
                "en": "The body of a List Videos request.",
                "th": "เนื้อหาคำขอของการแสดงรายการวิดีโอ",
            },
        },
    )

    cursor: int | None = Field(
        default=None,
        description="Return only videos posted before this moment, a UTC Unix timestamp in milliseconds. Send the cursor of the previous page; leave it out to start with the newest videos.",
        ge=0,
        json_schema_extra={
            "x-descriptions": {
                "en": "Return only videos posted before this moment, a UTC Unix timestamp in milliseconds. Send the cursor of the previous page; leave it out to start with the newest videos.",
                "th": "ส่งคืนเฉพาะวิดีโอที่โพสต์ก่อนเวลาที่ระบุ ซึ่งเป็น Unix timestamp ตามเวลา UTC หน่วยเป็นมิลลิวินาที ให้ส่ง cursor ที่ได้จากหน้าก่อนหน้า หรือไม่ต้องส่งค่านี้เพื่อเริ่มจากวิดีโอล่าสุด",
            },
        },
    )
    """Return only videos posted before this moment, a UTC Unix timestamp in milliseconds. Send the cursor of the previous page; leave it out to start with the newest videos.

    th: ส่งคืนเฉพาะวิดีโอที่โพสต์ก่อนเวลาที่ระบุ ซึ่งเป็น Unix timestamp ตามเวลา UTC หน่วยเป็นมิลลิวินาที ให้ส่ง cursor ที่ได้จากหน้าก่อนหน้า หรือไม่ต้องส่งค่านี้เพื่อเริ่มจากวิดีโอล่าสุด
    """

    max_count: int | None = Field(
        default=10,
        description="The largest number of videos to return in one page.",
        le=20,
        json_schema_extra={
            "x-descriptions": {
                "en": "The largest number of videos to return in one page.",
                "th": "จำนวนวิดีโอสูงสุดที่จะส่งคืนในหนึ่งหน้า",
            },
        },
    )
    """The largest number of videos to return in one page.

    th: จำนวนวิดีโอสูงสุดที่จะส่งคืนในหนึ่งหน้า
    """
