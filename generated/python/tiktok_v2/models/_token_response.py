# Generated from spec/tiktok_v2.yaml. Do not edit.
"""The TokenResponse model; import from tiktok_v2.models, which loads this module on first use."""

from typing import ClassVar

from pydantic import ConfigDict, Field

from tiktok_v2.models import _Model

__all__ = [
    "TokenResponse",
]


class TokenResponse(_Model):
    """The tokens the token endpoint returns, and what they allow."""

    model_config: ClassVar[ConfigDict] = ConfigDict(
        json_schema_extra={
            "x-descriptions": {
                "en": "The tokens the token endpoint returns, and what they allow.",
                "th": "โทเค็นที่เอนด์พอยต์โทเค็นส่งคืน และสิทธิ์ที่โทเค็นเหล่านั้นให้",
            },
        },
    )

    open_id: str = Field(
        description="The user's identifier in your app (the User Object's open_id).",
        json_schema_extra={
            "x-descriptions": {
                "en": "The user's identifier in your app (the User Object's open_id).",
                "th": "รหัสประจำตัวของผู้ใช้ในแอปของคุณ (open_id ของออบเจ็กต์ผู้ใช้)",
            },
        },
    )
    """The user's identifier in your app (the User Object's open_id).

    th: รหัสประจำตัวของผู้ใช้ในแอปของคุณ (open_id ของออบเจ็กต์ผู้ใช้)
    """

    scope: str = Field(
        description="The scopes the user granted, separated by commas.",
        json_schema_extra={
            "x-descriptions": {
                "en": "The scopes the user granted, separated by commas.",
                "th": "ขอบเขตที่ผู้ใช้ให้สิทธิ์ คั่นด้วยจุลภาค",
            },
        },
    )
    """The scopes the user granted, separated by commas.

    th: ขอบเขตที่ผู้ใช้ให้สิทธิ์ คั่นด้วยจุลภาค
    """

    access_token: str = Field(
        description="The access token, sent as a bearer token with each API call.",
        json_schema_extra={
            "x-descriptions": {
                "en": "The access token, sent as a bearer token with each API call.",
                "th": "โทเค็นเพื่อการเข้าถึง ส่งเป็นโทเค็นแบบ Bearer ไปกับการเรียก API ทุกครั้ง",
            },
        },
    )
    """The access token, sent as a bearer token with each API call.

    th: โทเค็นเพื่อการเข้าถึง ส่งเป็นโทเค็นแบบ Bearer ไปกับการเรียก API ทุกครั้ง
    """

    expires_in: int = Field(
        description="Seconds until the access token expires (24 hours).",
        ge=0,
        json_schema_extra={
            "x-descriptions": {
                "en": "Seconds until the access token expires (24 hours).",
                "th": "จำนวนวินาทีก่อนที่โทเค็นเพื่อการเข้าถึงจะหมดอายุ (24 ชั่วโมง)",
            },
        },
    )
    """Seconds until the access token expires (24 hours).

    th: จำนวนวินาทีก่อนที่โทเค็นเพื่อการเข้าถึงจะหมดอายุ (24 ชั่วโมง)
    """

    refresh_token: str = Field(
        description="The token that gets a new access token when this one expires.",
        json_schema_extra={
            "x-descriptions": {
                "en": "The token that gets a new access token when this one expires.",
                "th": "โทเค็นสำหรับขอโทเค็นเพื่อการเข้าถึงใหม่เมื่อโทเค็นปัจจุบันหมดอายุ",
            },
        },
    )
    """The token that gets a new access token when this one expires.

    th: โทเค็นสำหรับขอโทเค็นเพื่อการเข้าถึงใหม่เมื่อโทเค็นปัจจุบันหมดอายุ
    """

    refresh_expires_in: int = Field(
        description="Seconds until the refresh token expires (365 days).",
        ge=0,
        json_schema_extra={
            "x-descriptions": {
                "en": "Seconds until the refresh token expires (365 days).",
                "th": "จำนวนวินาทีก่อนที่โทเค็นรีเฟรชจะหมดอายุ (365 วัน)",
            },
        },
    )
    """Seconds until the refresh token expires (365 days).

    th: จำนวนวินาทีก่อนที่โทเค็นรีเฟรชจะหมดอายุ (365 วัน)
    """

    token_type: str = Field(
        description="The kind of token; always Bearer.",
        json_schema_extra={
            "x-descriptions": {
                "en": "The kind of token; always Bearer.",
                "th": "ชนิดของโทเค็น เป็น Bearer เสมอ",
            },
        },
    )
    """The kind of token; always Bearer.

    th: ชนิดของโทเค็น เป็น Bearer เสมอ
    """
