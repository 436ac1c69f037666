# Generated from spec/tiktok_v2.yaml. Do not edit.
"""The VideoQueryResponse model; import from tiktok_v2.models, which loads this module on first use."""

from typing import ClassVar

from pydantic import ConfigDict, Field

from tiktok_v2.models import _Model
from tiktok_v2.models._error import Error
from tiktok_v2.models._video_query_data import VideoQueryData

__all__ = [
    "VideoQueryResponse",
]


class VideoQueryResponse(_Model):
    """The response of POST /v2/video/query/."""

    model_config: ClassVar[ConfigDict] = ConfigDict(
        json_schema_extra={
            "x-descriptions": {
                "en": "The response of POST /v2/video/query/.",
                "th": "การตอบกลับของ POST /v2/video/query/",
            },
        },
    )

    data: VideoQueryData | None = Field(
        default=None,
        description="The requested data.",
        json_schema_extra={
            "x-descriptions": {
                "en": "The requested data.",
                "th": "ข้อมูลที่ร้องขอ",
            },
        },
    )
    """The requested data.

    th: ข้อมูลที่ร้องขอ
    """

    error: Error = Field(
        description="The outcome of the call.",
        json_schema_extra={
            "x-descriptions": {
                "en": "The outcome of the call.",
                "th": "ผลลัพธ์ของการเรียก API",
            },
        },
    )
    """The outcome of the call.

    th: ผลลัพธ์ของการเรียก API
    """
