"""The docs site's sources, without MkDocs: config derived from the spec, pages staged, getting-started code that runs."""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
import sys
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import GENERATED, MINIMAL_SPEC, generate_text
from generator.ir import ProjectIR, build_ir
from generator.site import SiteError, mkdocs_config, site_sources, strip_other_languages
from generator.spec import Spec, parse_spec_text

CODE_BLOCK = re.compile(r"^```python\n(.*?)^```$", re.S | re.M)


def _with_ja(text: str) -> str:
    data = yaml.safe_load(text)
    data["languages"] = [*data["languages"], "ja"]

    def add(node: object) -> None:
        if isinstance(node, dict):
            if "en" in node and "th" in node and all(isinstance(v, str) for v in node.values()):
                node["ja"] = "日本語: " + node["en"]
            for value in node.values():
                add(value)

    add(data)
    return yaml.safe_dump(data, allow_unicode=True)


def test_config_comes_from_the_spec(project: ProjectIR) -> None:
    config = mkdocs_config(project, "../../site", "../..")
    i18n = config["plugins"][1]["i18n"]
    assert [x["locale"] for x in i18n["languages"]] == ["en", "th"]
    assert [x["name"] for x in i18n["languages"]] == [x.labels["language_name"] for x in project.languages]
    assert [x["site_name"] for x in i18n["languages"]] == [project.title["en"], project.title["th"]]
    assert [x["default"] for x in i18n["languages"]] == [True, False]
    th_nav = i18n["languages"][1]["nav"]
    labels = project.languages[1].labels
    assert [next(iter(item)) for item in th_nav] == [
        labels[k]
        for k in (
            "home",
            "getting_started",
            "objects",
            "endpoints",
            "scope_mapping",
            "api_reference",
            "changelog",  # the spec records releases under `changes:`
            "bilingual",
        )
    ]
    assert th_nav[3][labels["endpoints"]] == [
        {e.summary["th"]: f"endpoints/{e.slug}.md"} for e in project.endpoints
    ]
    assert th_nav[3][labels["endpoints"]][0] == {"ดึงข้อมูลผู้ใช้": "endpoints/get-user-info.md"}
    # Thai words are split by the hook; lunr's Thai support would be loaded and never used.
    assert config["plugins"][0]["search"]["lang"] == ["en"]
    assert "\\u200b" in config["plugins"][0]["search"]["separator"]
    assert config["hooks"] == [
        # First: the 404 pages the search hook keeps must already have their ARIA labels.
        "../../docs_site/hooks/accessibility.py",
        "../../docs_site/hooks/thai_search.py",
        "../../docs_site/hooks/page_style.py",
        "../../docs_site/hooks/thai_wrap.py",
    ]
    # The accessibility hook's words (ARIA labels, the Swagger frame's title), from the spec's labels.
    assert config["extra"] == {
        "generator": False,
        "specgen_words": {
            x.code: {
                k: x.labels[k]
                for k in ("language_name", "search", "api_reference", "scope", "description", "servers")
            }
            for x in project.languages
        },
    }
    assert config["extra"]["specgen_words"]["th"]["search"] == "ค้นหา"
    assert config["theme"]["font"] is False
    assert config["strict"] is True


def test_the_docs_address_is_the_site_url(project: ProjectIR) -> None:
    assert project.docs_url == "https://specgen.github.io/tiktok-v2/"
    assert mkdocs_config(project, "site", ".")["site_url"] == project.docs_url
    # Without package.docs_url: no site_url at all (MkDocs then serves from "/").
    assert "site_url" not in mkdocs_config(build_ir(parse_spec_text(MINIMAL_SPEC, "spec.yaml")), "site", ".")


def test_object_and_bilingual_pages_have_their_own_titles_in_every_language(project: ProjectIR) -> None:
    config = mkdocs_config(project, "site", ".")
    for language in config["plugins"][1]["i18n"]["languages"]:
        labels = next(x.labels for x in project.languages if x.code == language["locale"])
        sections = {next(iter(item)): next(iter(item.values())) for item in language["nav"]}
        objects = {path: title for entry in sections[labels["objects"]] for title, path in entry.items()}
        bilingual = {path: title for entry in sections[labels["bilingual"]] for title, path in entry.items()}
        user = labels["object_title"].replace("{name}", "User")
        assert objects["objects/user.md"] == user
        assert bilingual["bilingual/user.md"] == f"{user} ({labels['bilingual']})"
        titles = [*objects.values(), *bilingual.values()]
        assert len(set(titles)) == len(titles)


def test_a_new_language_is_a_new_site_language() -> None:
    spec = parse_spec_text(_with_ja(MINIMAL_SPEC), "spec.yaml")
    config = mkdocs_config(build_ir(spec), "site", ".")
    ja = config["plugins"][1]["i18n"]["languages"][2]
    assert (ja["locale"], ja["name"], ja["site_name"]) == ("ja", "日本語", "日本語: Mini API")
    assert next(iter(ja["nav"][1])) == "はじめに"
    assert config["plugins"][0]["search"]["lang"] == ["en", "ja"]


def test_staged_pages_lose_only_their_other_languages_line(project: ProjectIR, files: dict[str, str]) -> None:
    staged = site_sources(project, files, "../../site", "../..")
    page = files["docs/th/objects/user.md"]
    assert "<!-- other-languages -->" in page
    assert staged["docs/th/objects/user.md"] == re.sub(
        r"<!-- other-languages -->\n.*\n<!-- /other-languages -->\n\n", "", page
    )
    assert "other-languages" not in staged["docs/en/index.md"]
    # The bilingual pages gain only a search boost below the object pages they repeat.
    assert (
        staged["docs/bilingual/user.md"]
        == "---\nsearch:\n  boost: 0.5\n---\n" + files["docs/bilingual/user.md"]
    )
    assert staged["docs/en/openapi.json"] == files["openapi/openapi.json"]
    assert staged["docs/th/openapi.th.json"] == files["openapi/openapi.th.json"]
    assert yaml.safe_load(staged["mkdocs.yml"]) == mkdocs_config(project, "../../site", "../..")
    # Every page of every language, nothing else beside the config, the OpenAPI copies and the manifest.
    pages = {p.removeprefix("docs/") for p in files if p.startswith("docs/")}
    assert {p.removeprefix("docs/") for p in staged if p.startswith("docs/") and p.endswith(".md")} == pages


def test_a_page_without_its_other_languages_line_is_refused() -> None:
    with pytest.raises(SiteError, match="found 0"):
        strip_other_languages("docs/en/x.md", "# X\n")


@pytest.mark.parametrize("lang", ["en", "th"])
def test_api_reference_page(files: dict[str, str], spec: Spec, lang: str) -> None:
    page = files[f"docs/{lang}/api-reference.md"]
    document = "openapi.json" if lang == "en" else f"openapi.{lang}.json"
    assert f'<swagger-ui src="{document}"/>' in page
    assert f"<code>openapi/{document}</code>" in page
    summary = spec.endpoints[0].summary[lang]
    assert f"| [GET /v2/user/info/](endpoints/get-user-info.md) | {summary} |" in page


@contextlib.contextmanager
def _generated_package(tmp_path: Path) -> Iterator[None]:
    copy = tmp_path / "python"
    shutil.copytree(GENERATED / "python", copy)
    sys.path.insert(0, str(copy))
    try:
        yield
    finally:
        sys.path.remove(str(copy))
        for name in [m for m in sys.modules if m == "tiktok_v2" or m.startswith("tiktok_v2.")]:
            del sys.modules[name]


@pytest.mark.parametrize("lang", ["en", "th"])
def test_getting_started_code_runs(
    files: dict[str, str], spec: Spec, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every Python block of the page, in order, against the generated package and a canned reply.

    The client's HTTP goes to an httpx mock transport (nothing leaves the process); the parse
    block gets the same reply as ``body``.
    """
    import httpx

    page = files[f"docs/{lang}/getting-started.md"]
    blocks = CODE_BLOCK.findall(page)
    assert len(blocks) == 6, blocks
    example = spec.endpoints[0].examples[0].value
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json=example)

    real_client = httpx.Client
    monkeypatch.setattr(
        httpx, "Client", lambda **kw: real_client(transport=httpx.MockTransport(answer), **kw)
    )
    out = io.StringIO()
    namespace: dict[str, Any] = {"access_token": "act.example", "body": json.dumps(example)}
    with _generated_package(tmp_path), contextlib.redirect_stdout(out):
        for block in blocks:
            exec(compile(block, f"getting-started.md ({lang})", "exec"), namespace)
    (request,) = sent
    assert urllib.parse.unquote(str(request.url)) == (
        "https://open.tiktokapis.com/v2/user/info/?fields="
        "open_id,union_id,avatar_url,avatar_url_100,avatar_large_url,display_name,"
        "bio_description,profile_deep_link,is_verified,username"
    )
    assert request.headers["Authorization"] == "Bearer act.example"
    assert out.getvalue() == example["data"]["user"]["open_id"] + "\n"
    assert namespace["user"].open_id == example["data"]["user"]["open_id"]  # the parse block's


def test_getting_started_without_a_fields_parameter_still_imports() -> None:
    data = yaml.safe_load(MINIMAL_SPEC)
    del data["endpoints"]["get_thing"]["fields_parameter"]
    page = generate_text(yaml.safe_dump(data, allow_unicode=True))["docs/th/getting-started.md"]
    assert CODE_BLOCK.findall(page) == ["import mini\n"]
