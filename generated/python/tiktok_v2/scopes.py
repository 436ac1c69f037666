# Generated from spec/tiktok_v2.yaml. Do not edit.
"""OAuth scopes, the fields each one unlocks, and helpers to ask only for what was granted.

The API rejects a whole request that names a field whose scope the user did not grant,
so build the fields parameter from the scopes the user granted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from types import MappingProxyType

__all__ = [
    "SCOPE_DESCRIPTIONS",
    "Scope",
    "ScopeNotGrantedError",
    "UnknownFieldError",
    "UnknownScopeError",
    "USER_FIELD_SCOPES",
    "UserField",
    "build_user_fields_param",
    "user_fields_for_scopes",
    "scopes_for_user_fields",
    "VIDEO_FIELD_SCOPES",
    "VideoField",
    "build_video_fields_param",
    "video_fields_for_scopes",
    "scopes_for_video_fields",
]


class Scope(StrEnum):
    """An OAuth scope, as the user grants it on the authorization screen."""

    USER_INFO_BASIC = "user.info.basic"
    """Access your profile info (avatar and display name)"""

    USER_INFO_PROFILE = "user.info.profile"
    """Read additional profile info (bio, profile link, verified status)"""

    ARTIST_CERTIFICATION_READ = "artist.certification.read"
    """Read your artist certification info"""

    ARTIST_CERTIFICATION_UPDATE = "artist.certification.update"
    """Update your artist certification info"""

    VIDEO_LIST = "video.list"
    """Read your public videos on TikTok"""

    USER_INFO_STATS = "user.info.stats"
    """Read your user statistics (follower count, following count, likes count, video count)"""


SCOPE_DESCRIPTIONS: Mapping[Scope, Mapping[str, str]] = MappingProxyType(
    {
        Scope.USER_INFO_BASIC: MappingProxyType(
            {
                "en": "Access your profile info (avatar and display name)",
                "th": "เข้าถึงข้อมูลโปรไฟล์ของคุณ (รูปประจำตัวและชื่อที่แสดง)",
            }
        ),
        Scope.USER_INFO_PROFILE: MappingProxyType(
            {
                "en": "Read additional profile info (bio, profile link, verified status)",
                "th": "อ่านข้อมูลโปรไฟล์เพิ่มเติมของคุณ เช่น คำอธิบายประวัติ ลิงก์โปรไฟล์ และสถานะการตรวจสอบยืนยันบัญชี",
            }
        ),
        Scope.ARTIST_CERTIFICATION_READ: MappingProxyType(
            {
                "en": "Read your artist certification info",
                "th": "อ่านข้อมูลการรับรองศิลปินขั้นพื้นฐานของคุณ เช่น สถานะการรับรองศิลปิน",
            }
        ),
        Scope.ARTIST_CERTIFICATION_UPDATE: MappingProxyType(
            {
                "en": "Update your artist certification info",
                "th": "อัปเดตข้อมูลการรับรองศิลปินของคุณ",
            }
        ),
        Scope.VIDEO_LIST: MappingProxyType(
            {
                "en": "Read your public videos on TikTok",
                "th": "อ่านวิดีโอสาธารณะของคุณบน TikTok",
            }
        ),
        Scope.USER_INFO_STATS: MappingProxyType(
            {
                "en": "Read your user statistics (follower count, following count, likes count, video count)",
                "th": "อ่านข้อมูลสถิติผู้ใช้ของคุณ เช่น จำนวนผู้ติดตาม จำนวนการติดตาม จำนวนการกดไลก์ และจำนวนวิดีโอ",
            }
        ),
    }
)
"""What each scope grants, per language, as the authorization screen words it."""


class UnknownFieldError(ValueError):
    """A field name that the object does not have."""

    def __init__(self, field: str, known: Iterable[str]) -> None:
        self.field = field
        super().__init__(f"unknown field {field!r}; known fields: {', '.join(known)}")


class ScopeNotGrantedError(ValueError):
    """A field whose scope was not granted: the API would reject the whole request."""

    def __init__(self, field: str, scope: Scope) -> None:
        self.field = field
        self.scope = scope
        super().__init__(
            f"field {field!r} needs scope {scope.value!r}, which was not granted; "
            f"drop the field or ask the user for {scope.value!r}"
        )


class UnknownScopeError(ValueError):
    """A scope name that the API does not have."""

    def __init__(self, scope: str) -> None:
        self.scope = scope
        known = ", ".join(s.value for s in Scope)
        super().__init__(f"unknown scope {scope!r}; known scopes: {known}")


def _names(values: str | Iterable[str]) -> Iterable[str]:
    """A comma-separated string (as the token response lists scopes) or names one by one."""
    if isinstance(values, str):
        return [part.strip() for part in values.split(",") if part.strip()]
    return values


def _scope(value: Scope | str) -> Scope:
    if isinstance(value, Scope):
        return value
    try:
        return Scope(value)
    except ValueError:
        raise UnknownScopeError(value) from None


class UserField(StrEnum):
    """A field of User, by its wire name."""

    OPEN_ID = "open_id"

    UNION_ID = "union_id"

    AVATAR_URL = "avatar_url"

    AVATAR_URL_100 = "avatar_url_100"

    AVATAR_LARGE_URL = "avatar_large_url"

    DISPLAY_NAME = "display_name"

    BIO_DESCRIPTION = "bio_description"

    PROFILE_DEEP_LINK = "profile_deep_link"

    IS_VERIFIED = "is_verified"

    USERNAME = "username"

    FOLLOWER_COUNT = "follower_count"

    FOLLOWING_COUNT = "following_count"

    LIKES_COUNT = "likes_count"

    VIDEO_COUNT = "video_count"


USER_FIELD_SCOPES: Mapping[UserField, Scope] = MappingProxyType(
    {
        UserField.OPEN_ID: Scope.USER_INFO_BASIC,
        UserField.UNION_ID: Scope.USER_INFO_BASIC,
        UserField.AVATAR_URL: Scope.USER_INFO_BASIC,
        UserField.AVATAR_URL_100: Scope.USER_INFO_BASIC,
        UserField.AVATAR_LARGE_URL: Scope.USER_INFO_BASIC,
        UserField.DISPLAY_NAME: Scope.USER_INFO_BASIC,
        UserField.BIO_DESCRIPTION: Scope.USER_INFO_PROFILE,
        UserField.PROFILE_DEEP_LINK: Scope.USER_INFO_PROFILE,
        UserField.IS_VERIFIED: Scope.USER_INFO_PROFILE,
        UserField.USERNAME: Scope.USER_INFO_PROFILE,
        UserField.FOLLOWER_COUNT: Scope.USER_INFO_STATS,
        UserField.FOLLOWING_COUNT: Scope.USER_INFO_STATS,
        UserField.LIKES_COUNT: Scope.USER_INFO_STATS,
        UserField.VIDEO_COUNT: Scope.USER_INFO_STATS,
    }
)
"""The scope each User field needs."""


def _userfield(value: UserField | str) -> UserField:
    if isinstance(value, UserField):
        return value
    try:
        return UserField(value)
    except ValueError:
        raise UnknownFieldError(value, [f.value for f in UserField]) from None


def scopes_for_user_fields(
    fields: str | Iterable[UserField | str],
) -> frozenset[Scope]:
    """The scopes a request for these User fields (or "a,b") needs."""
    return frozenset(USER_FIELD_SCOPES[_userfield(f)] for f in _names(fields))


def user_fields_for_scopes(
    scopes: str | Iterable[Scope | str],
) -> tuple[UserField, ...]:
    """The User fields these granted scopes (or "a,b") allow, in spec order."""
    granted = {_scope(s) for s in _names(scopes)}
    return tuple(f for f, s in USER_FIELD_SCOPES.items() if s in granted)


def build_user_fields_param(
    fields: str | Iterable[UserField | str],
    granted_scopes: str | Iterable[Scope | str] | None = None,
) -> str:
    """The comma-separated ``fields`` query value, checked against the granted scopes.

    Both may be given as names one by one or as one comma-separated string (the token
    response lists the granted scopes so). Raises UnknownFieldError for a name the object
    does not have, UnknownScopeError for a scope the API does not have, ValueError when no
    field is chosen, and ScopeNotGrantedError (naming the field and the missing scope) when
    ``granted_scopes`` is given and does not cover a field. Duplicates are dropped; the
    order is the caller's.
    """
    chosen = list(dict.fromkeys(_userfield(f) for f in _names(fields)))
    if not chosen:
        raise ValueError("no field chosen; the fields parameter needs at least one")
    if granted_scopes is not None:
        granted = {_scope(s) for s in _names(granted_scopes)}
        for field in chosen:
            needed = USER_FIELD_SCOPES[field]
            if needed not in granted:
                raise ScopeNotGrantedError(field.value, needed)
    return ",".join(f.value for f in chosen)


class VideoField(StrEnum):
    """A field of Video, by its wire name."""

    ID = "id"

    CREATE_TIME = "create_time"

    COVER_IMAGE_URL = "cover_image_url"

    SHARE_URL = "share_url"

    VIDEO_DESCRIPTION = "video_description"

    DURATION = "duration"

    HEIGHT = "height"

    WIDTH = "width"

    TITLE = "title"

    EMBED_HTML = "embed_html"

    EMBED_LINK = "embed_link"

    LIKE_COUNT = "like_count"

    COMMENT_COUNT = "comment_count"

    SHARE_COUNT = "share_count"

    VIEW_COUNT = "view_count"


VIDEO_FIELD_SCOPES: Mapping[VideoField, Scope] = MappingProxyType(
    {
        VideoField.ID: Scope.VIDEO_LIST,
        VideoField.CREATE_TIME: Scope.VIDEO_LIST,
        VideoField.COVER_IMAGE_URL: Scope.VIDEO_LIST,
        VideoField.SHARE_URL: Scope.VIDEO_LIST,
        VideoField.VIDEO_DESCRIPTION: Scope.VIDEO_LIST,
        VideoField.DURATION: Scope.VIDEO_LIST,
        VideoField.HEIGHT: Scope.VIDEO_LIST,
        VideoField.WIDTH: Scope.VIDEO_LIST,
        VideoField.TITLE: Scope.VIDEO_LIST,
        VideoField.EMBED_HTML: Scope.VIDEO_LIST,
        VideoField.EMBED_LINK: Scope.VIDEO_LIST,
        VideoField.LIKE_COUNT: Scope.VIDEO_LIST,
        VideoField.COMMENT_COUNT: Scope.VIDEO_LIST,
        VideoField.SHARE_COUNT: Scope.VIDEO_LIST,
        VideoField.VIEW_COUNT: Scope.VIDEO_LIST,
    }
)
"""The scope each Video field needs."""


def _videofield(value: VideoField | str) -> VideoField:
    if isinstance(value, VideoField):
        return value
    try:
        return VideoField(value)
    except ValueError:
        raise UnknownFieldError(value, [f.value for f in VideoField]) from None


def scopes_for_video_fields(
    fields: str | Iterable[VideoField | str],
) -> frozenset[Scope]:
    """The scopes a request for these Video fields (or "a,b") needs."""
    return frozenset(VIDEO_FIELD_SCOPES[_videofield(f)] for f in _names(fields))


def video_fields_for_scopes(
    scopes: str | Iterable[Scope | str],
) -> tuple[VideoField, ...]:
    """The Video fields these granted scopes (or "a,b") allow, in spec order."""
    granted = {_scope(s) for s in _names(scopes)}
    return tuple(f for f, s in VIDEO_FIELD_SCOPES.items() if s in granted)


def build_video_fields_param(
    fields: str | Iterable[VideoField | str],
    granted_scopes: str | Iterable[Scope | str] | None = None,
) -> str:
    """The comma-separated ``fields`` query value, checked against the granted scopes.

    Both may be given as names one by one or as one comma-separated string (the token
    response lists the granted scopes so). Raises UnknownFieldError for a name the object
    does not have, UnknownScopeError for a scope the API does not have, ValueError when no
    field is chosen, and ScopeNotGrantedError (naming the field and the missing scope) when
    ``granted_scopes`` is given and does not cover a field. Duplicates are dropped; the
    order is the caller's.
    """
    chosen = list(dict.fromkeys(_videofield(f) for f in _names(fields)))
    if not chosen:
        raise ValueError("no field chosen; the fields parameter needs at least one")
    if granted_scopes is not None:
        granted = {_scope(s) for s in _names(granted_scopes)}
        for field in chosen:
            needed = VIDEO_FIELD_SCOPES[field]
            if needed not in granted:
                raise ScopeNotGrantedError(field.value, needed)
    return ",".join(f.value for f in chosen)
