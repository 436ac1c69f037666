# Generated from spec/tiktok_v2.yaml. Do not edit.
"""The AuthError model; import from tiktok_v2.models, which loads this module on first use."""

from typing import ClassVar

from pydantic import ConfigDict, Field

from tiktok_v2.models import _Model

__all__ = [
    "AuthError",
]


class AuthError(_Model):
    """The body of an error from the OAuth endpoints."""

    model_config: ClassVar[ConfigDict] = ConfigDict(
        json_schema_extra={
            "x-descriptions": {
                "en": "The body of an error from the OAuth endpoints.",
                "th": "เนื้อหาการตอบกลับเมื่อเกิดข้อผิดพลาดจากเอนด์พอยต์ OAuth",
            },
        },
    )

    error: str = Field(
        description="The error code, such as invalid_grant.",
        json_schema_extra={
            "x-descriptions": {
                "en": "The error code, such as invalid_grant.",
                "th": "รหัสข้อผิดพลาด เช่น invalid_grant",
            },
        },
    )
    """The error code, such as invalid_grant.

    th: รหัสข้อผิดพลาด เช่น invalid_grant
    """

    error_description: str | None = Field(
        default=None,
        description="What went wrong, in English.",
        json_schema_extra={
            "x-descriptions": {
                "en": "What went wrong, in English.",
                "th": "คำอธิบายว่าเกิดอะไรผิดพลาด เป็นภาษาอังกฤษ",
            },
        },
    )
    """What went wrong, in English.

    th: คำอธิบายว่าเกิดอะไรผิดพลาด เป็นภาษาอังกฤษ
    """

    log_id: str | None = Field(
        default=None,
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
