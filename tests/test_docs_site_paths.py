"""The docs site where it is published: under the path of its address (package.docs_url), a 404
page per language, sitemap and canonical links from that address, a title per page, and search
that lists the entry defining the words first (fixtures in site_support.py)."""

from __future__ import annotations

import collections
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import SPEC
from generator.spec import Spec
from site_support import local_tab, search, search_hits, serve, site_from_spec_data, site_path

pytestmark = pytest.mark.slow

TITLE = re.compile(r"<title>(.*?)</title>", re.S)
H1 = re.compile(r"<h1[^>]*>(.*?)<a class=\"headerlink\"", re.S)
TAG = re.compile(r"<[^>]+>")  # the heading's markup: lang marks, Thai word spans, <wbr>


def _pages(site: Path, lang: str) -> dict[str, str]:
    """Every page of one language (path from the site root: its HTML); not the 404 pages."""
    root = site if lang == "en" else site / lang
    pages = {}
    for html in sorted(root.glob("**/index.html")):
        rel = html.parent.relative_to(site).as_posix()
        if lang == "en" and rel.split("/")[0] == "th" or "assets" in rel.split("/"):
            continue
        pages["" if rel == "." else rel + "/"] = html.read_text("utf-8")
    return pages


def _check_404(browser: Any, base: str, lang: str, home: str) -> None:
    missing = f"{home}no/such/page/"
    with local_tab(browser, base, missing=missing) as (_, tab):
        response = tab.goto(missing)
        assert response is not None and response.status == 404
        assert tab.locator("html").get_attribute("lang") == lang
        assert "404" in tab.locator("article h1").inner_text()
        # Styled (its assets found from a page at any depth) and searching its own language.
        assert tab.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        found = search(tab, "follower_count")
        assert found and all(url.startswith(home) for url in found), found
        if lang == "en":
            assert not any(url.startswith(f"{base}th/") for url in found), found
        tab.keyboard.press("Escape")  # close the search dialog
        # The switcher leads to each language's home page; the logo to this language's.
        switcher = {
            other: tab.locator(f"a.md-select__link[hreflang={other}]").evaluate("a => a.href")
            for other in ("en", "th")
        }
        assert switcher == {"en": base, "th": f"{base}th/"}
        tab.locator("a.md-header__button.md-logo").click()
        tab.wait_for_url(home)
        assert tab.locator("html").get_attribute("lang") == lang


@pytest.mark.parametrize("lang", ["en", "th"])
def test_a_missing_page_gets_the_404_page_of_its_language(browser: Any, base_url: str, lang: str) -> None:
    _check_404(browser, base_url, lang, base_url if lang == "en" else f"{base_url}th/")


def test_the_site_works_under_the_path_of_its_address(page: Any, base_url: str, spec: Spec) -> None:
    """The spec's docs address has a path; the site is served under it (the page fixture fails on
    any request that leaves it), and pages, assets, search and the home's switcher work."""
    assert spec.package.docs_url == "https://specgen.github.io/tiktok-v2/"
    assert base_url.endswith("/tiktok-v2/")
    page.goto(base_url)
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    assert canonical == spec.package.docs_url
    for lang, home in (("th", f"{base_url}th/"), ("en", base_url)):
        page.locator(".md-header__option .md-select").hover()
        page.locator(f"a.md-select__link[hreflang={lang}]").click()
        page.wait_for_url(home)
        assert page.locator("html").get_attribute("lang") == lang
    assert f"{base_url}objects/user/" in search(page, "follower_count")
    page.goto(f"{base_url}th/objects/user/")
    assert (
        page.locator("link[rel=canonical]").get_attribute("href")
        == f"{spec.package.docs_url}th/objects/user/"
    )
    assert search(page, "ผู้ติดตาม")[0] == f"{base_url}th/objects/user/"


def test_sitemap_and_canonical_links_use_the_docs_address(built: tuple[Path, str], spec: Spec) -> None:
    site, _ = built
    address = spec.package.docs_url
    assert address is not None
    pages = {**_pages(site, "en"), **_pages(site, "th")}
    assert len(pages) > 40
    for rel, html in pages.items():
        # One canonical link (attributes in either order: the API reference went through BeautifulSoup).
        links = re.findall(r'<link\b(?=[^>]*\brel="canonical")[^>]*\bhref="([^"]*)"', html)
        assert links == [address + rel], rel
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    locs = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert sorted(locs) == sorted(address + rel for rel in pages)
    alternates = re.findall(r'hreflang="(\w+)" href="([^"]+)"', sitemap)
    assert alternates and all(href.startswith(address) for _, href in alternates)
    assert "None" not in sitemap
    assert (site / "th" / "sitemap.xml").read_text("utf-8") == sitemap


def test_every_page_of_a_language_has_its_own_title(built: tuple[Path, str], spec: Spec) -> None:
    site, _ = built
    for lang, user, bilingual in (
        ("en", "User Object", "User Object (Bilingual)"),
        ("th", "ออบเจ็กต์ User", "ออบเจ็กต์ User (สองภาษา)"),
    ):
        pages = _pages(site, lang)
        titles = {rel: TITLE.search(html).group(1).strip() for rel, html in pages.items()}  # type: ignore[union-attr]
        shared = {t: n for t, n in collections.Counter(titles.values()).items() if n > 1}
        assert shared == {}, (lang, shared)
        prefix = "" if lang == "en" else f"{lang}/"
        site_name = spec.package.title[lang]
        assert titles[f"{prefix}objects/user/"] == f"{user} - {site_name}"
        assert titles[f"{prefix}bilingual/user/"] == f"{bilingual} - {site_name}"
        assert TAG.sub("", H1.search(pages[f"{prefix}objects/user/"]).group(1)).strip() == user  # type: ignore[union-attr]
        # The bilingual page is written once, in the source language (its nav entry is translated).
        heading = H1.search(pages[f"{prefix}bilingual/user/"]).group(1)  # type: ignore[union-attr]
        assert heading.strip() == '<span lang="en">User Object (Bilingual)</span>'  # marked: on every site
        index = json.loads((site / prefix / "search" / "search_index.json").read_text("utf-8"))
        page_titles = [d["title"].replace("\u200b", "") for d in index["docs"] if "#" not in d["location"]]
        # Search lists pages by these titles: each page's is its own.
        assert user in page_titles and bilingual in page_titles
        assert len(set(page_titles)) == len(page_titles), page_titles


# Query -> the result listed first: its page, and where on it the query matched (the entry's
# title and anchor: a field's, a scope's row).
SEARCH_TABLE = [
    ("en", "follower_count", "objects/user/", "follower_count"),
    ("en", "likes_count", "objects/user/", "likes_count"),
    ("en", "display name", "objects/user/", "display_name"),
    ("th", "ผู้ติดตาม", "th/objects/user/", "follower_count"),
    ("th", "follower_count", "th/objects/user/", "follower_count"),
    ("th", "รูปโปรไฟล์", "th/objects/user/", "avatar_url"),
    ("th", "ลิงก์ไปยังหน้าโปรไฟล์", "th/objects/user/", "profile_deep_link"),
    ("th", "ชื่อที่แสดง", "th/scopes/", "user.info.basic"),
    ("th", "ข้อมูลสถิติ", "th/scopes/", "user.info.stats"),
]


def _entries_with(site: Path, lang: str, text: str) -> set[str]:
    """The pages of one language with an index entry that holds ``text`` as written."""
    prefix = "" if lang == "en" else f"{lang}/"
    docs = json.loads((site / prefix / "search" / "search_index.json").read_text("utf-8"))["docs"]
    return {
        prefix + d["location"].split("#")[0]
        for d in docs
        if text in (d["title"] + " " + d["text"]).replace("\u200b", "")
    }


@pytest.mark.parametrize(("lang", "query", "first", "where"), SEARCH_TABLE)
def test_search_lists_the_defining_entry_first(
    page: Any, base_url: str, built: tuple[Path, str], lang: str, query: str, first: str, where: str
) -> None:
    page.goto(base_url + ("" if lang == "en" else f"{lang}/"))
    hits = search_hits(page, query)
    assert hits, query
    # The first page listed, then its best section: where the query matched.
    assert hits[0].page == base_url + first, [(h.url, h.title) for h in hits]
    section = hits[1]
    assert (section.page, section.title, section.anchor) == (base_url + first, where, where)
    if re.search(r"[\u0E00-\u0E7F]", query):
        # A Thai query matches as it was typed: only pages that have it, never every page with
        # one of its words.
        site, _ = built
        pages = {h.page.removeprefix(base_url) for h in hits}
        assert pages <= _entries_with(site, lang, query), pages
    # The anchor is on the page, on the element that names what matched.
    page.goto(section.url)
    assert where in page.locator(f"[id='{where}']").inner_text()


def test_a_multi_word_thai_query_does_not_match_on_one_common_word(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}th/")
    phrase = search(page, "ชื่อที่แสดง")
    common = search(page, "ที่")  # one of its words, in almost every Thai page
    assert len(set(common)) > 3 * len(set(phrase)) > 0, (phrase, common)


def test_a_site_without_a_docs_address_writes_no_none(browser: Any, tmp_path: Path) -> None:
    """Without package.docs_url: a sitemap that lists nothing (it needs absolute addresses), no
    ``None`` link, and the site (served from /) still has its 404 page per language."""
    data = yaml.safe_load((SPEC / "tiktok_v2.yaml").read_text("utf-8"))
    del data["package"]["docs_url"]
    spec_dir, site = site_from_spec_data(data, tmp_path)
    assert site_path(spec_dir) == "/"
    # A sitemap that lists nothing (Material's script fetches one on every page).
    for sitemap in (site / "sitemap.xml", site / "th" / "sitemap.xml"):
        assert "<url>" not in sitemap.read_text("utf-8") and "</urlset>" in sitemap.read_text("utf-8")
    assert not (site / "sitemap.xml.gz").exists()
    for path in site.glob("**/*"):
        if path.suffix in (".html", ".xml", ".json"):
            text = path.read_text("utf-8")
            assert not re.search(r'(href|src)="None|<loc>None|"None[a-z/]', text), path
    assert '"base": "/"' in (site / "404.html").read_text("utf-8")
    assert '"base": "/th/"' in (site / "th" / "404.html").read_text("utf-8")
    with serve(site) as base:
        _check_404(browser, base, "en", base)
        _check_404(browser, base, "th", f"{base}th/")
