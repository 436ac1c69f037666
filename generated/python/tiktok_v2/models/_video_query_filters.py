# Generated from spec/tiktok_v2.yaml. Do not edit.
"""The VideoQueryFilters model; import from tiktok_v2.models, which loads this module on first use."""

from typing import ClassVar

from pydantic import ConfigDict, Field

from tiktok_v2.models import _Model

__all__ = [
    "VideoQueryFilters",
]


class VideoQueryFilters(_Model):
    """Which videos to query."""

    model_config: ClassVar[ConfigDict] = ConfigDict(
        json_schema_extra={
            "x-descriptions": {
                "en": "Which videos to query.",
                "th": "วิดีโอที่ต้องการคิวรี",
            },
        },
    )

    video_ids: list[str] = Field(
        description="The ids of the videos to return; each must belong to the user.",
        max_length=20,
        json_schema_extra={
            "x-descriptions": {
                "en": "The ids of the videos to return; each must belong to the user.",
                "th": "รหัสของวิดีโอที่ต้องการ แต่ละรายการต้องเป็นวิดีโอของผู้ใช้",
            },
        },
    )
    """The ids of the videos to return; each must belong to the user.

    th: รหัสของวิดีโอที่ต้องการ แต่ละรายการต้องเป็นวิดีโอของผู้ใช้
    """
