# Generated from spec/tiktok_v2.yaml. Do not edit.
"""The Video model; import from tiktok_v2.models, which loads this module on first use."""

from typing import ClassVar

from pydantic import ConfigDict, Field

from tiktok_v2.models import _Model

__all__ = [
    "Video",
]


class Video(_Model):
    """A public video posted by the TikTok user who authorized your app."""

    model_config: ClassVar[ConfigDict] = ConfigDict(
        json_schema_extra={
            "x-descriptions": {
                "en": "A public video posted by the TikTok user who authorized your app.",
                "th": "วิดีโอสาธารณะที่โพสต์โดยผู้ใช้ TikTok ซึ่งให้สิทธิ์แก่แอปของคุณ",
            },
        },
    )

    id_: str | None = Field(
        default=None,
        alias="id",
        description="The unique identifier of the video, also called item_id.",
        json_schema_extra={
            "x-scope": "video.list",
            "x-descriptions": {
                "en": "The unique identifier of the video, also called item_id.",
                "th": "รหัสที่ไม่ซ้ำกันของวิดีโอ หรือที่เรียกว่า item_id",
            },
        },
    )
    """The unique identifier of the video, also called item_id.

    th: รหัสที่ไม่ซ้ำกันของวิดีโอ หรือที่เรียกว่า item_id

    Scope: ``video.list``.
    """

    create_time: int | None = Field(
        default=None,
        description="When the video was posted, as a UTC Unix timestamp in seconds.",
        ge=0,
        json_schema_extra={
            "x-scope": "video.list",
            "x-descriptions": {
                "en": "When the video was posted, as a UTC Unix timestamp in seconds.",
                "th": "เวลาที่โพสต์วิดีโอ เป็น Unix timestamp ตามเวลา UTC หน่วยเป็นวินาที",
            },
        },
    )
    """When the video was posted, as a UTC Unix timestamp in seconds.

    th: เวลาที่โพสต์วิดีโอ เป็น Unix timestamp ตามเวลา UTC หน่วยเป็นวินาที

    Scope: ``video.list``.
    """

    cover_image_url: str | None = Field(
        default=None,
        description="A CDN link to the video's static cover image; the link expires after 6 hours.",
        json_schema_extra={
            "x-scope": "video.list",
            "x-descriptions": {
                "en": "A CDN link to the video's static cover image; the link expires after 6 hours.",
                "th": "ลิงก์ CDN ไปยังภาพปกแบบภาพนิ่งของวิดีโอ ลิงก์จะหมดอายุหลังจาก 6 ชั่วโมง",
            },
        },
    )
    """A CDN link to the video's static cover image; the link expires after 6 hours.

    th: ลิงก์ CDN ไปยังภาพปกแบบภาพนิ่งของวิดีโอ ลิงก์จะหมดอายุหลังจาก 6 ชั่วโมง

    Scope: ``video.list``.
    """

    share_url: str | None = Field(
        default=None,
        description="A link for sharing the video.",
        json_schema_extra={
            "x-scope": "video.list",
            "x-descriptions": {
                "en": "A link for sharing the video.",
                "th": "ลิงก์สำหรับแชร์วิดีโอ",
            },
        },
    )
    """A link for sharing the video.

    th: ลิงก์สำหรับแชร์วิดีโอ

    Scope: ``video.list``.
    """

    video_description: str | None = Field(
        default=None,
        description="The description the creator wrote for the video.",
        json_schema_extra={
            "x-scope": "video.list",
            "x-descriptions": {
                "en": "The description the creator wrote for the video.",
                "th": "คำอธิบายที่ผู้สร้างเขียนไว้สำหรับวิดีโอ",
            },
        },
    )
    """The description the creator wrote for the video.

    th: คำอธิบายที่ผู้สร้างเขียนไว้สำหรับวิดีโอ

    Scope: ``video.list``.
    """

    duration: int | None = Field(
        default=None,
        description="The length of the video in seconds.",
        ge=0,
        json_schema_extra={
            "x-scope": "video.list",
            "x-descriptions": {
                "en": "The length of the video in seconds.",
                "th": "ความยาวของวิดีโอ หน่วยเป็นวินาที",
            },
        },
    )
    """The length of the video in seconds.

    th: ความยาวของวิดีโอ หน่วยเป็นวินาที

    Scope: ``video.list``.
    """

    height: int | None = Field(
        default=None,
        description="The height of the video in pixels.",
        ge=0,
        json_schema_extra={
            "x-scope": "video.list",
            "x-descriptions": {
                "en": "The height of the video in pixels.",
                "th": "ความสูงของวิดีโอ หน่วยเป็นพิกเซล",
            },
        },
    )
    """The height of the video in pixels.

    th: ความสูงของวิดีโอ หน่วยเป็นพิกเซล

    Scope: ``video.list``.
    """

    width: int | None = Field(
        default=None,
        description="The width of the video in pixels.",
        ge=0,
        json_schema_extra={
            "x-scope": "video.list",
            "x-descriptions": {
                "en": "The width of the video in pixels.",
                "th": "ความกว้างของวิดีโอ หน่วยเป็นพิกเซล",
            },
        },
    )
    """The width of the video in pixels.

    th: ความกว้างของวิดีโอ หน่วยเป็นพิกเซล

    Scope: ``video.list``.
    """

    title: str | None = Field(
        default=None,
        description="The title of the video.",
        json_schema_extra={
            "x-scope": "video.list",
            "x-descriptions": {
                "en": "The title of the video.",
                "th": "ชื่อของวิดีโอ",
            },
        },
    )
    """The title of the video.

    th: ชื่อของวิดีโอ

    Scope: ``video.list``.
    """

    embed_html: str | None = Field(
        default=None,
        description="An HTML snippet that embeds the video in a web page.",
        json_schema_extra={
            "x-scope": "video.list",
            "x-descriptions": {
                "en": "An HTML snippet that embeds the video in a web page.",
                "th": "โค้ด HTML สำหรับฝังวิดีโอในหน้าเว็บ",
            },
        },
    )
    """An HTML snippet that embeds the video in a web page.

    th: โค้ด HTML สำหรับฝังวิดีโอในหน้าเว็บ

    Scope: ``video.list``.
    """

    embed_link: str | None = Field(
        default=None,
        description="A link for embedding the video.",
        json_schema_extra={
            "x-scope": "video.list",
            "x-descriptions": {
                "en": "A link for embedding the video.",
                "th": "ลิงก์สำหรับฝังวิดีโอ",
            },
        },
    )
    """A link for embedding the video.

    th: ลิงก์สำหรับฝังวิดีโอ

    Scope: ``video.list``.
    """

    like_count: int | None = Field(
        default=None,
        description="The number of likes the video has received.",
        ge=0,
        json_schema_extra={
            "x-scope": "video.list",
            "x-descriptions": {
                "en": "The number of likes the video has received.",
                "th": "จำนวนไลก์ที่วิดีโอได้รับ",
            },
        },
    )
    """The number of likes the video has received.

    th: จำนวนไลก์ที่วิดีโอได้รับ

    Scope: ``video.list``.
    """

    comment_count: int | None = Field(
        default=None,
        description="The number of comments on the video.",
        ge=0,
        json_schema_extra={
            "x-scope": "video.list",
            "x-descriptions": {
                "en": "The number of comments on the video.",
                "th": "จำนวนความคิดเห็นในวิดีโอ",
            },
        },
    )
    """The number of comments on the video.

    th: จำนวนความคิดเห็นในวิดีโอ

    Scope: ``video.list``.
    """

    share_count: int | None = Field(
        default=None,
        description="The number of times the video has been shared.",
        ge=0,
        json_schema_extra={
            "x-scope": "video.list",
            "x-descriptions": {
                "en": "The number of times the video has been shared.",
                "th": "จำนวนครั้งที่วิดีโอถูกแชร์",
            },
        },
    )
    """The number of times the video has been shared.

    th: จำนวนครั้งที่วิดีโอถูกแชร์

    Scope: ``video.list``.
    """

    view_count: int | None = Field(
        default=None,
        description="The number of times the video has been viewed.",
        ge=0,
        json_schema_extra={
            "x-scope": "video.list",
            "x-descriptions": {
                "en": "The number of times the video has been viewed.",
                "th": "จำนวนครั้งที่วิดีโอถูกรับชม",
            },
        },
    )
    """The number of times the video has been viewed.

    th: จำนวนครั้งที่วิดีโอถูกรับชม

    Scope: ``video.list``.
    """
