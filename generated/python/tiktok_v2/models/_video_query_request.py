# Generated from spec/tiktok_v2.yaml. Do not edit.
"""The VideoQueryRequest model; import from tiktok_v2.models, which loads this module on first use."""

from typing import ClassVar

from pydantic import ConfigDict, Field

from tiktok_v2.models import _Model
from tiktok_v2.models._video_query_filters import VideoQueryFilters

__all__ = [
    "VideoQueryRequest",
]


class VideoQueryRequest(_Model):
    """The body of a Query Videos request."""

    model_config: ClassVar[ConfigDict] = ConfigDict(
        json_schema_extra={
            "x-descriptions": {
                "en": "The body of a Query Videos request.",
                "th": "เนื้อหาคำขอของการคิวรีวิดีโอ",
            },
        },
    )

    filters: VideoQueryFilters = Field(
        description="Which videos to return.",
        json_schema_extra={
            "x-descriptions": {
                "en": "Which videos to return.",
                "th": "วิดีโอที่ต้องการให้ส่งคืน",
            },
        },
    )
    """Which videos to return.

    th: วิดีโอที่ต้องการให้ส่งคืน
    """
