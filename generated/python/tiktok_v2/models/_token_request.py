# Generated from spec/tiktok_v2.yaml. Do not edit.
"""The TokenRequest model; import from tiktok_v2.models, which loads this module on first use."""

from typing import ClassVar, Literal

from pydantic import ConfigDict, Field

from tiktok_v2.models import _Model

__all__ = [
    "TokenRequest",
]


class TokenRequest(_Model):
    """The form a server sends to get an access token: from an authorization code, or from a refresh token."""

    model_config: ClassVar[ConfigDict] = ConfigDict(
        json_schema_extra={
            "x-descriptions": {
                "en": "The form a server sends to get an access token: from an authorization code, or from a refresh token.",
                "th": "ฟอร์มที่เซิร์ฟเวอร์ส่งเพื่อขอโทเค็นเพื่อการเข้าถึง โดยใช้รหัสการให้สิทธิ์หรือโทเค็นรีเฟรช",
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

    grant_type: Literal["authorization_code", "refresh_token"] = Field(
        description="authorization_code to exchange a code, refresh_token to refresh a token.",
        json_schema_extra={
            "x-descriptions": {
                "en": "authorization_code to exchange a code, refresh_token to refresh a token.",
                "th": "authorization_code เพื่อแลกรหัส หรือ refresh_token เพื่อรีเฟรชโทเค็น",
            },
        },
    )
    """authorization_code to exchange a code, refresh_token to refresh a token.

    th: authorization_code เพื่อแลกรหัส หรือ refresh_token เพื่อรีเฟรชโทเค็น
    """

    code: str | None = Field(
        default=None,
        description="The authorization code from the redirect, URL-decoded; with authorization_code.",
        json_schema_extra={
            "x-descriptions": {
                "en": "The authorization code from the redirect, URL-decoded; with authorization_code.",
                "th": "รหัสการให้สิทธิ์ที่ได้จากการเปลี่ยนเส้นทาง ซึ่งถอดรหัส URL แล้ว ใช้กับ authorization_code",
            },
        },
    )
    """The authorization code from the redirect, URL-decoded; with authorization_code.

    th: รหัสการให้สิทธิ์ที่ได้จากการเปลี่ยนเส้นทาง ซึ่งถอดรหัส URL แล้ว ใช้กับ authorization_code
    """

    redirect_uri: str | None = Field(
        default=None,
        description="The redirect URI given on the authorization request; with authorization_code.",
        json_schema_extra={
            "x-descriptions": {
                "en": "The redirect URI given on the authorization request; with authorization_code.",
                "th": "URI เปลี่ยนเส้นทางเดียวกับที่ใช้ในคำขอการให้สิทธิ์ ใช้กับ authorization_code",
            },
        },
    )
    """The redirect URI given on the authorization request; with authorization_code.

    th: URI เปลี่ยนเส้นทางเดียวกับที่ใช้ในคำขอการให้สิทธิ์ ใช้กับ authorization_code
    """

    code_verifier: str | None = Field(
        default=None,
        description="The PKCE code verifier; only for desktop and mobile apps, with authorization_code.",
        json_schema_extra={
            "x-descriptions": {
                "en": "The PKCE code verifier; only for desktop and mobile apps, with authorization_code.",
                "th": "code verifier ของ PKCE ใช้กับ authorization_code สำหรับแอปเดสก์ท็อปและแอปบนอุปกรณ์เคลื่อนที่เท่านั้น",
            },
        },
    )
    """The PKCE code verifier; only for desktop and mobile apps, with authorization_code.

    th: code verifier ของ PKCE ใช้กับ authorization_code สำหรับแอปเดสก์ท็อปและแอปบนอุปกรณ์เคลื่อนที่เท่านั้น
    """

    refresh_token: str | None = Field(
        default=None,
        description="The refresh token to use; with refresh_token.",
        json_schema_extra={
            "x-descriptions": {
                "en": "The refresh token to use; with refresh_token.",
                "th": "โทเค็นรีเฟรชที่จะใช้ ใช้กับ refresh_token",
            },
        },
    )
    """The refresh token to use; with refresh_token.

    th: โทเค็นรีเฟรชที่จะใช้ ใช้กับ refresh_token
    """
