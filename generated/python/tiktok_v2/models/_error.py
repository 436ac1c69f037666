# Generated from spec/tiktok_v2.yaml. Do not edit.
"""The Error model; import from tiktok_v2.models, which loads this module on first use."""

from typing import ClassVar

from pydantic import ConfigDict, Field

from tiktok_v2.models import _Model

__all__ = [
    "Error",
]


class Error(_Model):
    """The error part of every response; its code is "ok" when the call succeeded."""

    model_config: ClassVar[ConfigDict] = ConfigDict(
        json_schema_extra={
            "x-descriptions": {
                "en": 'The error part of every response; its code is "ok" when the call succeeded.',
                "th": 'ส่วนข้อผิดพลาดในการตอบกลับทุกครั้ง โดยรหัสจะเป็น "ok" เมื่อเรียก API สำเร็จ',
            },
        },
    )

    code: str = Field(
        description='The error code; "ok" on success. See the endpoint\'s error table.',
        json_schema_extra={
            "x-descriptions": {
                "en": 'The error code; "ok" on success. See the endpoint\'s error table.',
                "th": 'รหัสข้อผิดพลาด เป็น "ok" เมื่อสำเร็จ ดูตารางข้อผิดพลาดของเอนด์พอยต์',
            },
        },
    )
    """The error code; "ok" on success. See the endpoint's error table.

    th: รหัสข้อผิดพลาด เป็น "ok" เมื่อสำเร็จ ดูตารางข้อผิดพลาดของเอนด์พอยต์
    """

    message: str = Field(
        description="A human-readable description of the error; empty on success.",
        json_schema_extra={
            "x-descriptions": {
                "en": "A human-readable description of the error; empty on success.",
                "th": "คำอธิบายข้อผิดพลาดที่อ่านเข้าใจได้ เป็นสตริงว่างเมื่อสำเร็จ",
            },
        },
    )
    """A human-readable description of the error; empty on success.

    th: คำอธิบายข้อผิดพลาดที่อ่านเข้าใจได้ เป็นสตริงว่างเมื่อสำเร็จ
    """

    log_id: str = Field(
        description="The identifier of this request in TikTok's logs; quote it when asking for support.",
        json_schema_extra={
            "x-descriptions": {
                "en": "The identifier of this request in TikTok's logs; quote it when asking for support.",
                "th": "รหัสของคำขอนี้ในบันทึกของ TikTok ใช้อ้างอิงเมื่อขอความช่วยเหลือ",
            },
        },
    )
    """The identifier of this request in TikTok's logs; quote it when asking for support.

    th: รหัสของคำขอนี้ในบันทึกของ TikTok ใช้อ้างอิงเมื่อขอความช่วยเหลือ
    """
