"""The Display API and OAuth endpoints, as every target renders them: request bodies, form bodies,
pagination, constraints, tags, per-endpoint scopes and the OAuth error shape."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import markdown_check
from generator.escaping import md_fill
from generator.ir import ProjectIR
from hostile_strategies import hostile_texts


def _openapi(files: dict[str, str], lang: str = "en") -> dict[str, Any]:
    name = "openapi/openapi.json" if lang == "en" else f"openapi/openapi.{lang}.json"
    loaded: dict[str, Any] = json.loads(files[name])
    return loaded


def test_list_videos_operation(files: dict[str, str]) -> None:
    op = _openapi(files)["paths"]["/v2/video/list/"]["post"]
    assert op["tags"] == ["Video"]
    assert op["security"] == [{"oauth2": ["video.list"]}]
    assert [p["name"] for p in op["parameters"]] == ["fields"]
    body = op["requestBody"]
    assert body["required"] is False
    assert body["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/VideoListRequest"}
    assert body["content"]["application/json"]["examples"]["first_page"]["value"] == {"max_count": 20}
    assert op["x-pagination"] == {
        "cursor-parameter": "cursor",
        "cursor-in": "body",
        "next-cursor": "data.cursor",
        "has-more": "data.has_more",
        "items": "data.videos",
    }
    schemas = _openapi(files)["components"]["schemas"]
    assert schemas["VideoListRequest"]["properties"]["max_count"] == {
        **schemas["VideoListRequest"]["properties"]["max_count"],
        "type": "integer",
        "format": "int32",
        "maximum": 20,
        "default": 10,
    }
    assert schemas["VideoQueryFilters"]["properties"]["video_ids"]["maxItems"] == 20
    assert schemas["Video"]["properties"]["view_count"]["minimum"] == 0
    assert schemas["User"]["properties"]["follower_count"]["minimum"] == 0
    assert schemas["TokenRequest"]["properties"]["grant_type"]["enum"] == [
        "authorization_code",
        "refresh_token",
    ]


@pytest.mark.parametrize("lang", ["en", "th"])
def test_oauth_operations_take_forms_and_answer_with_their_own_errors(
    files: dict[str, str], lang: str
) -> None:
    doc = _openapi(files, lang)
    assert [t["name"] for t in doc["tags"]] == ["User", "Video", "OAuth"]
    for path, body in (("/v2/oauth/token/", "TokenRequest"), ("/v2/oauth/revoke/", "RevokeRequest")):
        op = doc["paths"][path]["post"]
        assert op["tags"] == ["OAuth"]
        assert op["security"] == []  # the client key and secret travel in the form
        form = op["requestBody"]["content"]["application/x-www-form-urlencoded"]
        assert form["schema"] == {"$ref": f"#/components/schemas/{body}"}
        bad = op["responses"]["400"]["content"]["application/json"]
        assert bad["schema"] == {"$ref": "#/components/schemas/AuthError"}
        example = next(iter(bad["examples"].values()))["value"]
        assert set(example) == {"error", "error_description", "log_id"}
    revoke = doc["paths"]["/v2/oauth/revoke/"]["post"]
    assert "content" not in revoke["responses"]["200"]  # TikTok does not document the body


@pytest.mark.parametrize("lang", ["en", "th"])
def test_error_examples_speak_as_the_api_does(files: dict[str, str], project: ProjectIR, lang: str) -> None:
    """Messages in the API's (English) words whatever the document's language, TikTok's log id shape."""
    op = _openapi(files, lang)["paths"]["/v2/user/info/"]["get"]
    errors = {e.code: e for e in project.errors}
    for status, response in op["responses"].items():
        if status == "200":
            continue
        examples = response["content"]["application/json"]["examples"]
        for code, example in examples.items():
            error = example["value"]["error"]
            assert error["message"] == errors[code].description["en"]
            assert re.fullmatch(r"\d{14}[0-9A-F]{20}", error["log_id"])
            assert example["summary"] == errors[code].description[lang]
    assert list(op["responses"]["400"]["content"]["application/json"]["examples"])[0] == "invalid_params"


def test_models_enforce_the_constraints(files: dict[str, str], project: ProjectIR, tmp_path: Path) -> None:
    import pydantic

    for path, text in files.items():
        if path.startswith(f"python/{project.package}/"):
            target = tmp_path / path.removeprefix("python/")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        import tiktok_v2

        assert tiktok_v2.VideoListRequest().max_count == 10
        with pytest.raises(pydantic.ValidationError, match="less than or equal to 20"):
            tiktok_v2.VideoListRequest(max_count=21)
        with pytest.raises(pydantic.ValidationError, match="at most 20 items"):
            tiktok_v2.VideoQueryFilters(video_ids=[str(i) for i in range(21)])
        with pytest.raises(pydantic.ValidationError, match="greater than or equal to 0"):
            tiktok_v2.Video.model_validate({"view_count": -1})
        with pytest.raises(pydantic.ValidationError, match="authorization_code"):
            tiktok_v2.TokenRequest.model_validate(
                {"client_key": "k", "client_secret": "s", "grant_type": "password"}
            )
        assert tiktok_v2.build_video_fields_param(["id", "title"], ["video.list"]) == "id,title"
        with pytest.raises(tiktok_v2.ScopeNotGrantedError):
            tiktok_v2.build_video_fields_param(["id"], ["user.info.basic"])
    finally:
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m == project.package or m.startswith(project.package + ".")]:
            del sys.modules[name]


@pytest.mark.parametrize("lang", ["en", "th"])
def test_endpoint_pages_show_the_body_the_pagination_and_the_curl(
    files: dict[str, str], project: ProjectIR, lang: str
) -> None:
    labels = next(x for x in project.languages if x.code == lang).labels
    page = markdown_check.read(files[f"docs/{lang}/endpoints/list-videos.md"])
    body_table = page.tables[2]  # headers, query parameters, then the request body
    assert [row[0] for row in body_table[1:]] == ["cursor", "max_count"]
    assert body_table[2][-1].splitlines()[1:] == [f"{labels['maximum']}: 20", f"{labels['default']}: 10"]
    intro = labels["pagination_intro"].format(
        next_cursor="data.cursor", cursor="cursor", has_more="data.has_more"
    )
    assert any(intro in p for p in page.paragraphs)
    [curl] = [b for b in page.code_blocks if b.startswith("curl ")]
    assert "--data-raw '{\"max_count\": 20}'" in curl and "Content-Type: application/json" in curl
    token = markdown_check.read(files[f"docs/{lang}/endpoints/get-access-token.md"])
    [curl] = [b for b in token.code_blocks if b.startswith("curl ")]
    assert "-d grant_type=authorization_code" in curl
    assert "Authorization" not in curl
    assert "application/x-www-form-urlencoded" in curl


def test_data_tables_carry_formats_and_constraints(files: dict[str, str]) -> None:
    fields = json.loads(files["data/fields.json"])["fields"]
    max_count = next(f for f in fields if (f["object"], f["field"]) == ("VideoListRequest", "max_count"))
    assert max_count["constraints"] == {"maximum": 20, "default": 10}
    rows = list(csv.DictReader(io.StringIO(files["data/fields.csv"], newline="")))
    row = next(r for r in rows if (r["object"], r["field"]) == ("VideoListRequest", "max_count"))
    assert json.loads(row["constraints"]) == {"maximum": 20, "default": 10}
    assert next(r for r in rows if r["field"] == "share_url")["format"] == "uri"


_NAMES = st.sampled_from(["cursor", "items", "code"])


@settings(deadline=None)
@given(st.lists(st.one_of(hostile_texts(), _NAMES.map(lambda n: "{" + n + "}")), max_size=6), hostile_texts())
def test_a_label_with_placeholders_shows_its_words_and_values_exactly(parts: list[str], value: str) -> None:
    """Any label text (a spec may override labels) and any value: the words as written, the
    values in code, nothing else, and nothing that escapes the paragraph."""
    label = "".join(parts) or "x"
    values = {"cursor": value, "items": value + "!", "code": "c"}
    one_line = markdown_check.LINE_BREAKS
    expected = re.sub(
        r"\{(cursor|items|code)\}", lambda m: one_line.sub(" ", values[m.group(1)]), one_line.sub(" ", label)
    )
    page = markdown_check.read(md_fill(label, values) + "\n")
    assert {tag for tag, _ in page.tags} <= {"p", "code", "br"}
    assert len(page.paragraphs) == 1
    assert markdown_check.same_text(page.paragraphs[0], expected)
