"""Table tests: every Python name is decided in generator.naming."""

from __future__ import annotations

import keyword

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from generator import naming


@pytest.mark.parametrize(
    ("wire", "expected"),
    [
        ("open_id", "open_id"),
        ("avatar_url_100", "avatar_url_100"),
        ("class", "class_"),  # keyword
        ("match", "match_"),  # soft keyword
        ("type", "type_"),  # builtin and soft keyword
        ("id", "id_"),  # builtin
        ("str", "str_"),  # builtin used in annotations
        ("json", "json_"),  # BaseModel method
        ("dict", "dict_"),
        ("copy", "copy_"),
        ("schema", "schema_"),
        ("model_config", "model_config_"),
        ("model_anything", "model_anything_"),  # pydantic's protected namespace
        ("Field", "Field_"),  # a name the models module imports
        ("Config", "Config_"),  # pydantic's old-style config class name
        ("user-name", "user_name"),
        ("user name", "user_name"),
        ("1st", "field_1st"),
        ("@type", "type_"),
        ("@@", "field"),
        ("__private", "private"),  # pydantic ignores leading-underscore attributes
        ("ชื่อ", "ชื่อ"),  # Thai letters and combining marks are identifier characters
        ("ﬁle", "file"),  # NFKC, as Python itself normalises identifiers
    ],
)
def test_field_name(wire: str, expected: str) -> None:
    assert naming.field_name(wire) == expected


def test_field_name_reserved_class_names() -> None:
    assert naming.field_name("User", frozenset({"User"})) == "User_"
    assert naming.field_name("User") == "User"


_WIRE = st.text(st.sampled_from("abcxyzABCXYZ_-@ 019ชื่อﬁÀàΣσ"), max_size=8)


@given(wire=_WIRE, others=st.frozensets(_WIRE, max_size=4), with_its_name=st.booleans())
@example(wire="abc", others=frozenset({"User"}), with_its_name=True)
@example(wire="a-b", others=frozenset(), with_its_name=True)
def test_takes_reserved_agrees_with_the_name(wire: str, others: frozenset[str], with_its_name: bool) -> None:
    # The shortcut (an ASCII name without capitals never equals a name with one) decides as the name does.
    reserved = others | {naming.field_name(wire)} if with_its_name else others
    assert naming.takes_reserved(wire, reserved) == (naming.field_name(wire) in reserved)


@pytest.mark.parametrize("word", keyword.kwlist + keyword.softkwlist)
def test_no_keyword_survives(word: str) -> None:
    name = naming.field_name(word)
    assert name.isidentifier() and not keyword.iskeyword(name) and not keyword.issoftkeyword(name)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("user.info.basic", "USER_INFO_BASIC"),
        ("artist.certification.read", "ARTIST_CERTIFICATION_READ"),
        ("video.list", "VIDEO_LIST"),
        ("open_id", "OPEN_ID"),
        ("avatarUrl", "AVATAR_URL"),
        ("HTTPStatus", "HTTP_STATUS"),
        ("1st", "V_1ST"),
        ("ok", "OK"),
        ("", "VALUE"),
    ],
)
def test_enum_member(value: str, expected: str) -> None:
    assert naming.enum_member(value) == expected


@pytest.mark.parametrize(
    ("name", "snake", "kebab"),
    [
        ("User", "user", "user"),
        ("UserInfoResponse", "user_info_response", "user-info-response"),
        ("get_user_info", "get_user_info", "get-user-info"),
        ("HTTPError", "http_error", "http-error"),
    ],
)
def test_case_conversion(name: str, snake: str, kebab: str) -> None:
    assert naming.snake(name) == snake
    assert naming.kebab(name) == kebab


@pytest.mark.parametrize(
    ("name", "ok"),
    [("tiktok_v2", True), ("_x", True), ("TikTok", False), ("2x", False), ("class", False), ("a-b", False)],
)
def test_package_name(name: str, ok: bool) -> None:
    assert naming.is_package_name(name) is ok
