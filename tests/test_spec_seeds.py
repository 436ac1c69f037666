"""The spec's facts and Thai text come from the seed pages, verbatim except for recorded fixes."""

from __future__ import annotations

import json
import re

import pytest

from conftest import SEEDS, SPEC
from generator.ir import ProjectIR
from generator.spec import Spec

USER_PAGE = SEEDS / "000_1aceb33ad3542c66.txt"
ENDPOINT_PAGE = SEEDS / "001_08cb268bdd9ee89c.txt"

# (seed text, spec text) for each evident typo fixed in the spec; each is explained
# by a comment in spec/tiktok_v2.yaml.
FIXES = {
    ("scope", "user.info.profile", "th"): ("คำอธิบาย ประวัติ ลิงก์โปรไฟล์", "คำอธิบายประวัติ ลิงก์โปรไฟล์"),
    ("scope", "artist.certification.read", "th"): ("ศิลปินบนพื้นฐาน", "ศิลปินขั้นพื้นฐาน"),
    ("scope", "user.info.stats", "th"): ("จำนวนผู้ติดตาม จำนวนผู้ติดตาม", "จำนวนผู้ติดตาม จำนวนการติดตาม"),
    ("field", "union_id", "th"): ("สำหรับใช้นั้น", "สำหรับผู้ใช้นั้น"),
    ("consent", "user.info.profile", "th"): ("คำอธิบายประวัติลิงก์โปรไฟล์", "คำอธิบายประวัติ ลิงก์โปรไฟล์"),
    ("consent", "artist.certification.read", "th"): (
        "สถานะชื่อเพลงที่ตรงกัน รหัสศิลปิน",
        "สถานะชื่อเพลงที่ตรงกัน และรหัสศิลปิน",
    ),
}
# The consent-screen list at the top of seed 000 (the authorization screen's own words).
CONSENT_HEADING = "### < แอปมีสิทธิ์เข้าถึงเพื่อดำเนินการดังต่อไปนี้"


def _seed_rows(header: str) -> list[list[str]]:
    """Tab-separated rows of seed 000's tables that follow a header line."""
    rows = []
    lines = USER_PAGE.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if line == header:
            for row in lines[i + 1 :]:
                if "\t" not in row:
                    break
                rows.append(row.split("\t"))
    return rows


def _apply_fix(kind: str, name: str, lang: str, seed_text: str) -> str:
    fix = FIXES.get((kind, name, lang))
    if fix is None:
        return seed_text
    before, after = fix
    assert before in seed_text, f"the seed no longer has the typo {before!r}"
    return seed_text.replace(before, after)


def test_scopes_match_the_mapping_table(spec: Spec) -> None:
    rows = _seed_rows("Thai Description\tScope\tEnglish Description")
    assert [r[1] for r in rows] == [s.name for s in spec.scopes]
    for thai, name, english in rows:
        scope = next(s for s in spec.scopes if s.name == name)
        assert scope.description["en"] == english
        assert scope.description["th"] == _apply_fix("scope", name, "th", thai)


def _consent_list() -> list[str]:
    lines = USER_PAGE.read_text(encoding="utf-8").splitlines()
    start = lines.index(CONSENT_HEADING) + 1
    items = []
    for line in lines[start:]:
        if line.startswith("## "):
            break
        if line.startswith("- "):
            items.append(line[2:].strip())
    return items


def test_consent_screen_list_is_the_seed_s(project: ProjectIR) -> None:
    """The docs' consent-screen list (each scope's ``consent``, else its description) is the seed's
    own list under its heading, in order, verbatim but for the recorded fixes."""
    items = _consent_list()
    assert len(items) == len(project.scopes) == 6
    for item, scope in zip(items, project.scopes):
        assert scope.consent["th"] == _apply_fix("consent", scope.name, "th", item), scope.name
    # Where the list words a scope differently from the mapping table, the spec says so.
    differs = {s.name for s in project.scopes if s.consent != s.description}
    assert differs == {"artist.certification.read", "user.info.stats"}


def test_fields_match_the_field_table(spec: Spec) -> None:
    rows = _seed_rows("Field\tType\tDescription\tAuthorized Scope")
    user = spec.object("User")
    assert [r[0] for r in rows] == [f.wire_name for f in user.fields]
    for name, type_name, description, scope in rows:
        field = next(f for f in user.fields if f.wire_name == name)
        assert field.type.name == type_name
        assert field.scope == scope
        english = field.description["en"]
        assert description.startswith(english + " "), (name, description)
        thai = description[len(english) + 1 :]
        assert field.description["th"] == _apply_fix("field", name, "th", thai)


def test_endpoint_page_agrees_on_types_and_scopes(spec: Spec) -> None:
    text = ENDPOINT_PAGE.read_text(encoding="utf-8")
    block = text.split("User Object\n", 1)[1].split("\nExample\n", 1)[0]
    rows = [[c.strip() for c in line.split("|")[:-1]] for line in block.splitlines()[1:]]
    user = spec.object("User")
    assert [(r[0], r[1], r[3]) for r in rows] == [(f.wire_name, f.type.name, f.scope) for f in user.fields]


def _user_page_example() -> object:
    text = USER_PAGE.read_text(encoding="utf-8")
    match = re.search(r"Example Response\n\n```\n(.*?)\n```", text, re.S)
    assert match
    return json.loads(match.group(1))


def _endpoint_page_example() -> object:
    text = ENDPOINT_PAGE.read_text(encoding="utf-8")
    return json.loads(text.rsplit("\nExample\n", 1)[1])


@pytest.mark.parametrize(
    ("key", "seed"),
    [("user_object_page", _user_page_example), ("get_user_info_page", _endpoint_page_example)],
)
def test_examples_are_the_seeds(spec: Spec, key: str, seed: object) -> None:
    endpoint = spec.endpoints[0]
    example = next(x for x in endpoint.examples if x.key == key)
    assert example.value == seed()  # type: ignore[operator]


def test_every_fix_is_explained_in_the_spec() -> None:
    source = (SPEC / "tiktok_v2.yaml").read_text(encoding="utf-8")
    for before, after in FIXES.values():
        assert after in source.replace("\n            ", " ")
    assert source.count("# Fixed:") == len(FIXES)


def test_endpoint_facts(spec: Spec) -> None:
    text = ENDPOINT_PAGE.read_text(encoding="utf-8")
    endpoint = spec.endpoints[0]
    assert f"HTTP URL | {spec.package.base_url}{endpoint.path} |" in text
    assert f"HTTP Method | {endpoint.method} |" in text
    assert endpoint.fields_parameter is not None
    assert f"{endpoint.fields_parameter.name} | string |" in text
    assert f"| {endpoint.fields_parameter.example} | true |" in text


def test_sources_live_in_the_repo_and_are_not_spec_files(spec: Spec) -> None:
    # A clone with nothing beside it tests itself: the pages are under spec/sources/, and the
    # spec directory loader merges only spec/*.yaml, so they are never read as spec files.
    assert SEEDS.is_relative_to(SPEC) and USER_PAGE.is_file() and ENDPOINT_PAGE.is_file()
    assert [f.rsplit("/", 1)[-1] for f in spec.files] == ["tiktok_v2.yaml"]
