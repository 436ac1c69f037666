"""The built docs site in a real browser (fixtures in site_support.py), checked as a reader would."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import SPEC
from generator.labels import labels_for
from generator.spec import Spec
from site_support import search, shoot, site_from_spec_data, table_rows, thai_words

pytestmark = pytest.mark.slow


def test_build_is_strict_and_quiet(built: tuple[Path, str]) -> None:
    site, log = built
    assert "WARNING" not in log and "ERROR" not in log, log
    worker = next((site / "assets" / "javascripts" / "workers").glob("search.*.min.js")).read_text("utf-8")
    assert "\\p{sc=Thai}" in worker, "the search worker was not patched for Thai queries"
    assert "o<=t.length;o++)t.slice(s,o)in e" in worker, "the query splitter still skips the whole query"
    assert "\u200b" in (site / "th" / "search" / "search_index.json").read_text("utf-8")
    # One index per language: each holds only its own language's pages.
    for index, lang in (
        (site / "search" / "search_index.json", "en"),
        (site / "th" / "search" / "search_index.json", "th"),
    ):
        docs = json.loads(index.read_text("utf-8"))["docs"]
        assert docs and not any(d["location"].startswith(("th/", "en/")) for d in docs), index
        assert any(d["location"] == "objects/user/" for d in docs)
    assert (site / "assets" / "swagger-ui").is_dir()


def _cell(field: Any, lang: str) -> str:
    """A field's description cell as the reader sees it: the text, then a line per constraint."""
    labels = labels_for(lang, {})
    lines = [field.description[lang]]
    if field.type.format:
        lines.append(f"{labels['format']}: {field.type.format}")
    lines.extend(f"{labels[key]}: {value}" for key, value in field.constraints.pairs())
    return "\n".join(lines)


def test_english_user_page_lists_every_field(page: Any, base_url: str, spec: Spec) -> None:
    user = next(o for o in spec.objects if o.name == "User")
    page.goto(base_url + "objects/user/")
    rows = table_rows(page)
    assert [r[0] for r in rows] == [f.wire_name for f in user.fields]
    assert len(rows) == 14
    assert [r[4] for r in rows] == [_cell(f, "en") for f in user.fields]
    assert rows[-1][4] == "The total number of publicly posted videos by the user.\nMinimum: 0"
    shoot(page, "en-user.png")


def test_thai_user_page_shows_the_spec_s_thai_exactly(page: Any, base_url: str, spec: Spec) -> None:
    user = next(o for o in spec.objects if o.name == "User")
    page.goto(base_url + "th/objects/user/")
    assert page.locator("html").get_attribute("lang") == "th"
    assert page.locator("article p").first.inner_text() == user.description["th"]
    rows = table_rows(page)
    assert [r[0] for r in rows] == [f.wire_name for f in user.fields]
    assert [r[4] for r in rows] == [_cell(f, "th") for f in user.fields]
    shoot(page, "th-user.png")


def test_switcher_goes_to_the_same_page_and_back(page: Any, base_url: str) -> None:
    page.goto(base_url + "objects/user/")
    for lang, path, title in (
        ("th", "th/objects/user/", "ออบเจ็กต์ User"),
        ("en", "objects/user/", "User Object"),
    ):
        page.locator(".md-header__option .md-select").hover()
        page.locator(f"a.md-select__link[hreflang={lang}]").click()
        page.wait_for_url(base_url + path)
        assert page.locator("html").get_attribute("lang") == lang
        # The heading's text without its permalink (Thai words sit in spans of their own).
        heading = "h => [...h.childNodes].filter(n => !n.classList?.contains('headerlink'))"
        assert page.locator("article h1").evaluate(heading + ".map(n => n.textContent).join('')") == title


def _pages_with(built: tuple[Path, str], lang: str, text: str) -> set[str]:
    """The pages (paths from the site root) of one language whose indexed text holds ``text``."""
    site, _ = built
    index = site / ("" if lang == "en" else lang) / "search" / "search_index.json"
    prefix = "" if lang == "en" else f"{lang}/"
    return {
        prefix + d["location"].split("#")[0]
        for d in json.loads(index.read_text("utf-8"))["docs"]
        if text in (d["title"] + " " + d["text"]).replace("\u200b", "")
    }


def test_thai_search_finds_a_word_from_mid_sentence(
    page: Any, base_url: str, spec: Spec, built: tuple[Path, str]
) -> None:
    user = next(o for o in spec.objects if o.name == "User")
    words = thai_words(user.fields[0].description["th"])
    # The longest word that is not the first: found only if the index splits the sentence.
    word = max(words[1:], key=len)
    assert len(word) >= 4 and not user.fields[0].description["th"].startswith(word)
    page.goto(base_url + "th/")
    assert base_url + "th/objects/user/" in search(page, word)
    # One word is one term: the pages found are the pages that have the word, not every page
    # with a shorter word inside it.
    for field in ("follower_count", "bio_description"):
        description = next(f for f in user.fields if f.wire_name == field).description["th"]
        word = max(thai_words(description), key=len)
        found = {url.removeprefix(base_url) for url in search(page, word)}
        assert "th/objects/user/" in found, (word, found)
        assert found <= _pages_with(built, "th", word), (word, found)
    # Three words typed without spaces: the patched worker splits the query too.
    phrase = "".join(words[2:5])
    assert base_url + "th/objects/user/" in search(page, phrase)
    shoot(page, "th-search.png")


def test_each_language_searches_its_own_pages(page: Any, base_url: str, built: tuple[Path, str]) -> None:
    # An English word: on the Thai site only Thai pages (the bilingual one has English too).
    page.goto(base_url + "th/objects/user/")
    found = search(page, "identification")
    assert found and all(u.startswith(base_url + "th/") for u in found), found
    assert {u.removeprefix(base_url) for u in found} <= _pages_with(built, "th", "identification")
    # A Thai word on the English site: only the English site's bilingual page has Thai.
    page.goto(base_url + "objects/user/")
    found = search(page, "ผู้ติดตาม")
    assert found and not any(u.startswith(base_url + "th/") for u in found), found
    assert {u.removeprefix(base_url) for u in found} <= _pages_with(built, "en", "ผู้ติดตาม")


@pytest.mark.parametrize(
    "path", ["objects/user/", "th/objects/user/", "scopes/", "th/endpoints/get-user-info/"]
)
def test_code_in_table_cells_is_never_broken_mid_word(page: Any, base_url: str, path: str) -> None:
    page.goto(base_url + path)
    broken = page.evaluate(
        "() => [...document.querySelectorAll('article table code')]"
        ".filter(c => c.getClientRects().length > 1).map(c => c.textContent)"
    )
    assert page.locator("article table code").count() > 0
    assert broken == []


def test_a_thai_word_not_in_the_docs_finds_nothing(page: Any, base_url: str, built: tuple[Path, str]) -> None:
    word = "ช้างเผือก"  # "white elephant": in no page, so the search must not find it
    site, _ = built
    assert not _pages_with(built, "th", word) and not _pages_with(built, "en", word)
    page.goto(base_url + "th/")
    assert search(page, word) == []


@pytest.mark.parametrize("lang", ["en", "th"])
def test_api_reference_shows_the_operation_and_its_scopes(
    page: Any, base_url: str, spec: Spec, lang: str
) -> None:
    from playwright.sync_api import expect

    endpoint = spec.endpoints[0]
    page.goto(base_url + ("" if lang == "en" else f"{lang}/") + "api-reference/")
    frame = page.frame_locator("iframe.swagger-ui-iframe")
    operation = frame.locator(".opblock-get .opblock-summary")
    expect(operation.locator(".opblock-summary-method")).to_have_text("GET")
    expect(operation.locator(".opblock-summary-path")).to_have_text(endpoint.path)
    assert endpoint.path == "/v2/user/info/"
    expect(operation.locator(".opblock-summary-description")).to_have_text(endpoint.summary[lang])
    frame.locator("button.authorize").first.click()
    dialog = frame.locator(".dialog-ux .modal-ux")
    expect(dialog).to_be_visible()
    assert len(spec.scopes) == 6
    for scope in spec.scopes:
        expect(dialog.locator(f"label[for*='{scope.name}']").first).to_contain_text(scope.name)
        expect(dialog).to_contain_text(scope.description[lang])
    frame.locator(".dialog-ux button.close-modal").click()
    shoot(page, f"{lang}-api-reference.png")


def test_a_language_added_to_the_spec_is_a_language_of_the_site(tmp_path: Path) -> None:
    """Japanese added to a copy of the spec: generate, stage and build, with no other change."""
    data = yaml.safe_load((SPEC / "tiktok_v2.yaml").read_text("utf-8"))
    data["languages"].append("ja")

    def add(node: object) -> None:
        if isinstance(node, dict):
            # A text: every language a string (beside, maybe, its lint-ignore mapping).
            if "th" in node and "en" in node and all(isinstance(node[k], str) for k in ("en", "th")):
                node["ja"] = "日本語: " + node["en"]
            for value in node.values():
                add(value)

    add(data)
    _, site = site_from_spec_data(data, tmp_path)
    html = (site / "ja" / "objects" / "user" / "index.html").read_text("utf-8")
    assert '<html lang="ja"' in html
    assert "日本語: The unique identification of the user in the current application." in html
    assert "はじめに" in html and 'hreflang="th"' in html
    shutil.rmtree(site)
