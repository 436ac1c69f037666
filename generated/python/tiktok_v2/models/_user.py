# Generated from spec/tiktok_v2.yaml. Do not edit.
"""The User model; import from tiktok_v2.models, which loads this module on first use."""

from typing import ClassVar

from pydantic import ConfigDict, Field

from tiktok_v2.models import _Model

__all__ = [
    "User",
]


class User(_Model):
    """The User Object contains information about a TikTok user."""

    model_config: ClassVar[ConfigDict] = ConfigDict(
        json_schema_extra={
            "x-descriptions": {
                "en": "The User Object contains information about a TikTok user.",
                "th": "ออบเจ็กต์ผู้ใช้มีข้อมูลเกี่ยวกับผู้ใช้ TikTok",
            },
        },
    )

    open_id: str | None = Field(
        default=None,
        description="The unique identification of the user in the current application.",
        json_schema_extra={
            "x-scope": "user.info.basic",
            "x-descriptions": {
                "en": "The unique identification of the user in the current application.",
                "th": "รหัสประจำตัวผู้ใช้ที่ไม่ซ้ำกันในแอปพลิเคชันปัจจุบัน",
            },
        },
    )
    """The unique identification of the user in the current application.

    th: รหัสประจำตัวผู้ใช้ที่ไม่ซ้ำกันในแอปพลิเคชันปัจจุบัน

    Scope: ``user.info.basic``.
    """

    union_id: str | None = Field(
        default=None,
        description="The unique identification of the user across different apps for the same developer. For example, if a partner has X number of clients, it will get X number of open_id for the same TikTok user, but one persistent union_id for the particular user.",
        json_schema_extra={
            "x-scope": "user.info.basic",
            "x-descriptions": {
                "en": "The unique identification of the user across different apps for the same developer. For example, if a partner has X number of clients, it will get X number of open_id for the same TikTok user, but one persistent union_id for the particular user.",
                "th": "รหัสประจำตัวผู้ใช้ที่ไม่ซ้ำกันข้ามแอปต่างๆ สำหรับนักพัฒนาคนเดียวกัน ตัวอย่างเช่น หากพาร์ทเนอร์มีไคลเอนต์ X ตัว จะได้รับ open_id X ตัวสำหรับผู้ใช้ TikTok คนเดียวกัน แต่จะมี union_id เดียวที่ถาวรสำหรับผู้ใช้นั้น",
            },
        },
    )
    """The unique identification of the user across different apps for the same developer. For example, if a partner has X number of clients, it will get X number of open_id for the same TikTok user, but one persistent union_id for the particular user.

    th: รหัสประจำตัวผู้ใช้ที่ไม่ซ้ำกันข้ามแอปต่างๆ สำหรับนักพัฒนาคนเดียวกัน ตัวอย่างเช่น หากพาร์ทเนอร์มีไคลเอนต์ X ตัว จะได้รับ open_id X ตัวสำหรับผู้ใช้ TikTok คนเดียวกัน แต่จะมี union_id เดียวที่ถาวรสำหรับผู้ใช้นั้น

    Scope: ``user.info.basic``.
    """

    avatar_url: str | None = Field(
        default=None,
        description="User's profile image.",
        json_schema_extra={
            "x-scope": "user.info.basic",
            "x-descriptions": {
                "en": "User's profile image.",
                "th": "รูปโปรไฟล์ของผู้ใช้",
            },
        },
    )
    """User's profile image.

    th: รูปโปรไฟล์ของผู้ใช้

    Scope: ``user.info.basic``.
    """

    avatar_url_100: str | None = Field(
        default=None,
        description="User's profile image in 100x100 size.",
        json_schema_extra={
            "x-scope": "user.info.basic",
            "x-descriptions": {
                "en": "User's profile image in 100x100 size.",
                "th": "รูปโปรไฟล์ของผู้ใช้ขนาด 100x100",
            },
        },
    )
    """User's profile image in 100x100 size.

    th: รูปโปรไฟล์ของผู้ใช้ขนาด 100x100

    Scope: ``user.info.basic``.
    """

    avatar_large_url: str | None = Field(
        default=None,
        description="User's profile image with higher resolution.",
        json_schema_extra={
            "x-scope": "user.info.basic",
            "x-descriptions": {
                "en": "User's profile image with higher resolution.",
                "th": "รูปโปรไฟล์ของผู้ใช้ที่มีความละเอียดสูง",
            },
        },
    )
    """User's profile image with higher resolution.

    th: รูปโปรไฟล์ของผู้ใช้ที่มีความละเอียดสูง

    Scope: ``user.info.basic``.
    """

    display_name: str | None = Field(
        default=None,
        description="User's profile name.",
        json_schema_extra={
            "x-scope": "user.info.basic",
            "x-descriptions": {
                "en": "User's profile name.",
                "th": "ชื่อโปรไฟล์ของผู้ใช้",
            },
        },
    )
    """User's profile name.

    th: ชื่อโปรไฟล์ของผู้ใช้

    Scope: ``user.info.basic``.
    """

    bio_description: str | None = Field(
        default=None,
        description="User's bio description if there is a valid one.",
        json_schema_extra={
            "x-scope": "user.info.profile",
            "x-descriptions": {
                "en": "User's bio description if there is a valid one.",
                "th": "คำอธิบายประวัติของผู้ใช้ (ถ้ามี)",
            },
        },
    )
    """User's bio description if there is a valid one.

    th: คำอธิบายประวัติของผู้ใช้ (ถ้ามี)

    Scope: ``user.info.profile``.
    """

    profile_deep_link: str | None = Field(
        default=None,
        description="The link to user's TikTok profile page.",
        json_schema_extra={
            "x-scope": "user.info.profile",
            "x-descriptions": {
                "en": "The link to user's TikTok profile page.",
                "th": "ลิงก์ไปยังหน้าโปรไฟล์ TikTok ของผู้ใช้",
            },
        },
    )
    """The link to user's TikTok profile page.

    th: ลิงก์ไปยังหน้าโปรไฟล์ TikTok ของผู้ใช้

    Scope: ``user.info.profile``.
    """

    is_verified: bool | None = Field(
        default=None,
        description="Whether TikTok has provided a verified badge to the account after confirming that it belongs to the user it represents.",
        json_schema_extra={
            "x-scope": "user.info.profile",
            "x-descriptions": {
                "en": "Whether TikTok has provided a verified badge to the account after confirming that it belongs to the user it represents.",
                "th": "บัญชีนี้ได้รับการยืนยันจาก TikTok หรือไม่",
            },
        },
    )
    """Whether TikTok has provided a verified badge to the account after confirming that it belongs to the user it represents.

    th: บัญชีนี้ได้รับการยืนยันจาก TikTok หรือไม่

    Scope: ``user.info.profile``.
    """

    username: str | None = Field(
        default=None,
        description="User's username.",
        json_schema_extra={
            "x-scope": "user.info.profile",
            "x-descriptions": {
                "en": "User's username.",
                "th": "ชื่อผู้ใช้ (Username)",
            },
        },
    )
    """User's username.

    th: ชื่อผู้ใช้ (Username)

    Scope: ``user.info.profile``.
    """

    follower_count: int | None = Field(
        default=None,
        description="User's followers count.",
        ge=0,
        json_schema_extra={
            "x-scope": "user.info.stats",
            "x-descriptions": {
                "en": "User's followers count.",
                "th": "จำนวนผู้ติดตาม",
            },
        },
    )
    """User's followers count.

    th: จำนวนผู้ติดตาม

    Scope: ``user.info.stats``.
    """

    following_count: int | None = Field(
        default=None,
        description="The number of accounts that the user is following.",
        ge=0,
        json_schema_extra={
            "x-scope": "user.info.stats",
            "x-descriptions": {
                "en": "The number of accounts that the user is following.",
                "th": "จำนวนบัญชีที่ผู้ใช้กำลังติดตาม",
            },
        },
    )
    """The number of accounts that the user is following.

    th: จำนวนบัญชีที่ผู้ใช้กำลังติดตาม

    Scope: ``user.info.stats``.
    """

    likes_count: int | None = Field(
        default=None,
        description="The total number of likes received by the user across all of their videos.",
        ge=0,
        json_schema_extra={
            "x-scope": "user.info.stats",
            "x-descriptions": {
                "en": "The total number of likes received by the user across all of their videos.",
                "th": "จำนวนไลก์ทั้งหมดที่ผู้ใช้ได้รับจากวิดีโอทั้งหมด",
            },
        },
    )
    """The total number of likes received by the user across all of their videos.

    th: จำนวนไลก์ทั้งหมดที่ผู้ใช้ได้รับจากวิดีโอทั้งหมด

    Scope: ``user.info.stats``.
    """

    video_count: int | None = Field(
        default=None,
        description="The total number of publicly posted videos by the user.",
        ge=0,
        json_schema_extra={
            "x-scope": "user.info.stats",
            "x-descriptions": {
                "en": "The total number of publicly posted videos by the user.",
                "th": "จำนวนวิดีโอที่ผู้ใช้โพสต์ต่อสาธารณะ",
            },
        },
    )
    """The total number of publicly posted videos by the user.

    th: จำนวนวิดีโอที่ผู้ใช้โพสต์ต่อสาธารณะ

    Scope: ``user.info.stats``.
    """
