"""The Markdown docs: every field and text in every language, whole tables, links that resolve."""

from __future__ import annotations

import posixpath
import re

import pytest
import yaml

from conftest import MINIMAL_SPEC, generate_text
from generator.escaping import md_cell, md_code, md_text
from generator.spec import Spec

LINK = re.compile(r"\]\(([^)\s]+\.md)\)")


def _unescaped_pipes(row: str) -> int:
    count, escaped = 0, False
    for char in row:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            count += 1
    return count


@pytest.mark.parametrize("lang", ["en", "th"])
def test_object_pages_have_every_field_and_description(files: dict[str, str], spec: Spec, lang: str) -> None:
    for obj in spec.objects:
        page = files[f"docs/{lang}/objects/{obj.name.lower() if obj.name == 'User' else _slug(obj.name)}.md"]
        assert md_text(obj.description[lang]) in page
        for field in obj.fields:
            row = next(
                line for line in page.splitlines() if line.startswith(f"| {md_code(field.wire_name)} |")
            )
            assert md_cell(field.description[lang]) in row
            assert (md_code(field.scope) if field.scope else "") in row


def _slug(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def test_thai_docs_have_every_thai_text(files: dict[str, str], spec: Spec) -> None:
    thai = "\n".join(text for path, text in files.items() if path.startswith("docs/th/"))
    texts = [s.description["th"] for s in spec.scopes]
    texts += [f.description["th"] for o in spec.objects for f in o.fields]
    texts += [e.summary["th"] for e in spec.endpoints] + [
        x.description["th"] for e in spec.endpoints for x in e.errors
    ]
    missing = [t for t in texts if md_cell(t) not in thai]
    assert missing == []
    user = files["docs/th/objects/user.md"]
    assert all(md_code(f.wire_name) in user for f in spec.object("User").fields)


def test_bilingual_page_sets_languages_side_by_side(files: dict[str, str], spec: Spec) -> None:
    page = files["docs/bilingual/user.md"]
    for field in spec.object("User").fields:
        row = next(line for line in page.splitlines() if line.startswith(f"| {md_code(field.wire_name)} |"))
        en, th = (f'<span lang="{x}">{md_cell(field.description[x])}</span>' for x in ("en", "th"))
        assert f"{en}<br><br>{th}" in row
    for scope in spec.scopes:
        en, th = (f'<span lang="{x}">{md_cell(scope.description[x])}</span>' for x in ("en", "th"))
        assert f"| {th} | {md_code(scope.name)} | {en} |" in page
    assert '### <span lang="th">แอปมีสิทธิ์เข้าถึงเพื่อดำเนินการดังต่อไปนี้</span>' in page
    # Not the package's title: one page per object. Marked English: the Thai site shows the page too.
    assert page.splitlines()[1] == '# <span lang="en">User Object (Bilingual)</span>'
    headings = [line for line in page.splitlines() if line.startswith("## ")]
    assert len(headings) == len(set(headings))  # each example response says which it is


def test_every_table_row_has_its_header_s_cell_count(files: dict[str, str]) -> None:
    for path, text in files.items():
        if not path.endswith(".md"):
            continue
        header = None
        for line in text.splitlines():
            if not line.startswith("|"):
                header = None
                continue
            if header is None:
                header = _unescaped_pipes(line)
            assert _unescaped_pipes(line) == header, (path, line)


def test_every_relative_link_resolves(files: dict[str, str]) -> None:
    for path, text in files.items():
        if not path.endswith(".md"):
            continue
        for target in LINK.findall(text):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            assert resolved in files, (path, target)


def test_endpoint_page(files: dict[str, str]) -> None:
    page = files["docs/en/endpoints/get-user-info.md"]
    assert "<code>GET https://open.tiktokapis.com/v2/user/info/</code>" in page
    assert (
        "curl -L -X GET 'https://open.tiktokapis.com/v2/user/info/?fields=open_id,union_id,avatar_url'"
        in page
    )
    assert "**Rate limit:** 600 requests per minute" in page
    assert "| <code>scope_not_authorized</code> | 401 |" in page
    # The headers table as seed 001 has it: with an example of the header's value.
    header = "| Field | Type | Required | Description | Example |"
    assert header in page
    row = next(line for line in page.splitlines() if line.startswith("| <code>Authorization</code> |"))
    assert row.endswith("| <code>Bearer</code> <code>act.example12345Example12345Example</code> |")


def test_a_new_language_needs_no_code_change() -> None:
    data = yaml.safe_load(MINIMAL_SPEC)
    data["languages"] = ["en", "th", "ja"]

    def add_ja(node: object) -> None:
        if isinstance(node, dict):
            if set(node) == {"en", "th"}:
                node["ja"] = "日本語: " + node["en"]
            for value in node.values():
                add_ja(value)

    add_ja(data)
    files = generate_text(yaml.safe_dump(data, allow_unicode=True))
    page = files["docs/ja/objects/thing.md"]
    assert "| フィールド | 型 | スコープ | 必須 | 説明 |" in page
    assert md_cell("日本語: The id.") in page
    assert "[English](../../en/objects/thing.md)" in page and "[ไทย](../../th/objects/thing.md)" in page
    assert '"ja": "日本語: The id."' in files["python/mini/models/_thing.py"]
    assert "openapi/openapi.ja.json" in files


def test_a_language_without_built_in_words_must_bring_its_labels() -> None:
    from generator.labels import LABEL_KEYS
    from generator.problems import SpecError

    data = yaml.safe_load(MINIMAL_SPEC)
    data["languages"] = ["en", "th", "lo"]

    def add(node: object) -> None:
        if isinstance(node, dict):
            if set(node) == {"en", "th"}:
                node["lo"] = "ລາວ"
            for value in node.values():
                add(value)

    add(data)
    with pytest.raises(SpecError, match="no interface words for 'lo'"):
        generate_text(yaml.safe_dump(data, allow_unicode=True))
    data["labels"] = {"lo": {key: f"ລາວ {key}" for key in LABEL_KEYS}}
    files = generate_text(yaml.safe_dump(data, allow_unicode=True))
    assert md_text("ລາວ language_name") in files["docs/en/index.md"]
