# Generated from spec/tiktok_v2.yaml. Do not edit.
"""The RevokeRequest model; import from tiktok_v2.models, which loads this module on first use."""

from typing import ClassVar

from pydantic import ConfigDict, Field

from tiktok_v2.models import _Model

__all__ = [
    "RevokeRequest",
]


class RevokeRequest(_Model):
    """The form a server sends to revoke a user's access token."""

    model_config: ClassVar[ConfigDict] = ConfigDict(
        json_schema_extra={
            "x-descriptions": {
                "en": "The form a server sends to revoke a user's access token.",
                "th": "ฟอร์มที่เซิร์ฟเวอร์ส่งเพื่อเพิกถอนโทเค็นเพื่อการเข้าถึงของผู้ใช้",
            },
        },
    )

    client_key: str = Field(
        description="Your app's client key.",
        json_schema_extra={
            "x-descriptions": {
                "en": "Your app's client key.",
                "th": "client key ของแอปของคุณ",
            },
        },
    )
    """Your app's client key.

    th: client key ของแอปของคุณ
    """

    client_secret: str = Field(
        description="Your app's client secret; never send it from a browser or a mobile app.",
        json_schema_extra={
            "x-descriptions": {
                "en": "Your app's client secret; never send it from a browser or a mobile app.",
                "th": "client secret ของแอปของคุณ ห้ามส่งจากเบราว์เซอร์หรือแอปบนอุปกรณ์เคลื่อนที่",
            },
        },
    )
    """Your app's client secret; never send it from a browser or a mobile app.

    th: client secret ของแอปของคุณ ห้ามส่งจากเบราว์เซอร์หรือแอปบนอุปกรณ์เคลื่อนที่
    """

    token: str = Field(
        description="The access token to revoke.",
        json_schema_extra={
            "x-descriptions": {
                "en": "The access token to revoke.",
                "th": "โทเค็นเพื่อการเข้าถึงที่จะเพิกถอน",
            },
        },
    )
    """The access token to revoke.

    th: โทเค็นเพื่อการเข้าถึงที่จะเพิกถอน
    """
