"""The built docs site in a real browser: Debian's Chromium, driven by Playwright, on 127.0.0.1 only.

The session installs chromium and fonts-thai-tlwg with apt when they are missing (and fails, never
skips, when it cannot), builds the site strictly from generated/ exactly as `make docs` does, serves it
with http.server on 127.0.0.1 and checks it as a reader would. Every page's requests and console are
recorded: a request for anything but the local server is aborted and fails the test, and so does any
console error or warning. Full-page screenshots land in build/screenshots/.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import GENERATED, ROOT, SPEC
from generator.labels import labels_for
from generator.spec import Spec

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
APT_PACKAGES = ("chromium", "fonts-thai-tlwg")
SHOTS = ROOT / "build" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-features=Translate,OptimizationHints,MediaRouter",
]
BUILD_ENV = {
    **os.environ,
    "NO_MKDOCS_2_WARNING": "1",
    "PYTHAINLP_DATA": str(ROOT / "build" / "pythainlp-data"),
}


def _installed(package: str) -> bool:
    result = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True)
    return result.returncode == 0 and result.stdout.strip() == "install ok installed"


@pytest.fixture(scope="session")
def browser_packages() -> None:
    """Chromium and a Thai font from Debian, installed with apt when missing."""
    missing = [p for p in APT_PACKAGES if not _installed(p)]
    if missing:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for command in (["apt-get", "update", "-q"], ["apt-get", "install", "-y", "-q", *missing]):
            result = subprocess.run(command, capture_output=True, text=True, env=env)
            if result.returncode != 0:
                pytest.fail(
                    f"cannot install {missing} ({' '.join(command)}):\n{result.stdout[-3000:]}{result.stderr[-3000:]}"
                )
    assert CHROMIUM.is_file(), f"{CHROMIUM} missing after installing {APT_PACKAGES}"
    thai_fonts = subprocess.run(["fc-list", ":lang=th", "family"], capture_output=True, text=True).stdout
    assert thai_fonts.strip(), "no font with Thai glyphs (fc-list :lang=th)"


def _mkdocs_build(generated: Path, spec: Path, out: Path) -> tuple[Path, str]:
    """Stage and build a site as `make docs` does; the build's output (a warning fails it)."""
    src, site = out / "docs-src", out / "site"
    staged = subprocess.run(
        [sys.executable, "-m", "generator.site", "--spec", str(spec), "--generated", str(generated),
         "--out", str(src), "--site", str(site)],
        cwd=ROOT, env=BUILD_ENV, capture_output=True, text=True,
    )  # fmt: skip
    assert staged.returncode == 0, staged.stdout + staged.stderr
    mkdocs = Path(sys.executable).with_name("mkdocs")
    result = subprocess.run(
        [str(mkdocs), "build", "--strict", "--config-file", str(src / "mkdocs.yml")],
        cwd=ROOT, env=BUILD_ENV, capture_output=True, text=True,
    )  # fmt: skip
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    return site, log


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The site built from generated/, and the build's log."""
    return _mkdocs_build(GENERATED, SPEC, tmp_path_factory.mktemp("docs"))


@pytest.fixture(scope="session")
def base_url(built: tuple[Path, str]) -> Iterator[str]:
    """The site served by http.server on 127.0.0.1."""
    site, _ = built
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", "--directory", str(site), str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url, timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("http.server did not start")
        yield url
    finally:
        server.terminate()
        server.wait(10)


@pytest.fixture(scope="session")
def browser(browser_packages: None) -> Iterator[Any]:
    """Headless Debian Chromium (Playwright's own browser download does not work here)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser: Any, base_url: str) -> Iterator[Any]:
    """A tab whose requests and console are recorded; the test fails on anything non-local or any error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    requests: list[str] = []
    problems: list[str] = []

    def route(handle: Any) -> None:
        url = handle.request.url
        requests.append(url)
        if url.startswith(base_url) or url.startswith("data:") or url == "about:blank":
            handle.continue_()
        else:
            handle.abort()

    context.route("**/*", route)
    tab = context.new_page()
    tab.on(
        "console",
        lambda m: problems.append(f"console.{m.type}: {m.text}") if m.type in ("error", "warning") else None,
    )
    tab.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    tab.on("requestfailed", lambda r: problems.append(f"request failed: {r.url} {r.failure}"))
    tab.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    tab.set_default_timeout(15_000)
    yield tab
    context.close()
    outside = [
        u for u in requests if not (u.startswith(base_url) or u.startswith("data:") or u == "about:blank")
    ]
    assert requests, "the browser made no request"
    assert not outside, f"requests left 127.0.0.1: {outside}"
    assert not problems, "\n".join(problems)


def _rows(tab: Any) -> list[list[str]]:
    table = tab.locator("article table").first
    return [row.locator("td").all_inner_texts() for row in table.locator("tbody tr").all()]


def _shoot(tab: Any, name: str) -> None:
    tab.evaluate("document.fonts.ready.then(() => true)")
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / name), full_page=True)


def _search(tab: Any, text: str) -> list[str]:
    """Type a query; the result pages' paths."""
    from playwright.sync_api import expect

    box = tab.locator("input.md-search__input")
    meta = tab.locator(".md-search-result__meta")
    links = tab.locator(".md-search-result__item > a")
    box.click()
    # Material reads the query on keyup; Thai typed as text sends no key events, so end with a key.
    # Clear first and wait for the empty state (its words are in the page's language), so
    # the results read below are this query's, never the previous one's.
    box.fill("")
    box.press("End")
    expect(links).to_have_count(0)
    expect(meta).not_to_have_text(re.compile("^$"))
    empty_state = meta.inner_text()
    box.press_sequentially(text, delay=10)
    box.press("End")
    expect(meta).not_to_have_text(empty_state)
    return [h.split("?")[0].split("#")[0] for h in links.evaluate_all("els => els.map(e => e.href)")]


def _thai_words(text: str) -> list[str]:
    os.environ.setdefault("PYTHAINLP_DATA", BUILD_ENV["PYTHAINLP_DATA"])
    from pythainlp.tokenize import word_tokenize

    return [w for w in word_tokenize(text, engine="newmm", keep_whitespace=False) if w.strip()]


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
    rows = _rows(page)
    assert [r[0] for r in rows] == [f.wire_name for f in user.fields]
    assert len(rows) == 14
    assert [r[4] for r in rows] == [_cell(f, "en") for f in user.fields]
    assert rows[-1][4] == "The total number of publicly posted videos by the user.\nMinimum: 0"
    _shoot(page, "en-user.png")


def test_thai_user_page_shows_the_spec_s_thai_exactly(page: Any, base_url: str, spec: Spec) -> None:
    user = next(o for o in spec.objects if o.name == "User")
    page.goto(base_url + "th/objects/user/")
    assert page.locator("html").get_attribute("lang") == "th"
    assert page.locator("article p").first.inner_text() == user.description["th"]
    rows = _rows(page)
    assert [r[0] for r in rows] == [f.wire_name for f in user.fields]
    assert [r[4] for r in rows] == [_cell(f, "th") for f in user.fields]
    _shoot(page, "th-user.png")


def test_switcher_goes_to_the_same_page_and_back(page: Any, base_url: str) -> None:
    page.goto(base_url + "objects/user/")
    for lang, path in (("th", "th/objects/user/"), ("en", "objects/user/")):
        page.locator(".md-header__option .md-select").hover()
        page.locator(f"a.md-select__link[hreflang={lang}]").click()
        page.wait_for_url(base_url + path)
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("article h1").evaluate("h => h.firstChild.textContent") == "User"


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
    words = _thai_words(user.fields[0].description["th"])
    # The longest word that is not the first: found only if the index splits the sentence.
    word = max(words[1:], key=len)
    assert len(word) >= 4 and not user.fields[0].description["th"].startswith(word)
    page.goto(base_url + "th/")
    assert base_url + "th/objects/user/" in _search(page, word)
    # One word is one term: the pages found are the pages that have the word, not every page
    # with a shorter word inside it.
    for field in ("follower_count", "bio_description"):
        description = next(f for f in user.fields if f.wire_name == field).description["th"]
        word = max(_thai_words(description), key=len)
        found = {url.removeprefix(base_url) for url in _search(page, word)}
        assert "th/objects/user/" in found, (word, found)
        assert found <= _pages_with(built, "th", word), (word, found)
    # Three words typed without spaces: the patched worker splits the query too.
    phrase = "".join(words[2:5])
    assert base_url + "th/objects/user/" in _search(page, phrase)
    _shoot(page, "th-search.png")


def test_each_language_searches_its_own_pages(page: Any, base_url: str, built: tuple[Path, str]) -> None:
    # An English word: on the Thai site only Thai pages (the bilingual one has English too).
    page.goto(base_url + "th/objects/user/")
    found = _search(page, "identification")
    assert found and all(u.startswith(base_url + "th/") for u in found), found
    assert {u.removeprefix(base_url) for u in found} <= _pages_with(built, "th", "identification")
    # A Thai word on the English site: only the English site's bilingual page has Thai.
    page.goto(base_url + "objects/user/")
    found = _search(page, "ผู้ติดตาม")
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
    assert _search(page, word) == []


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
    _shoot(page, f"{lang}-api-reference.png")


def test_a_language_added_to_the_spec_is_a_language_of_the_site(tmp_path: Path) -> None:
    """Japanese added to a copy of the spec: generate, stage and build, with no other change."""
    data = yaml.safe_load((SPEC / "tiktok_v2.yaml").read_text("utf-8"))
    data["languages"].append("ja")

    def add(node: object) -> None:
        if isinstance(node, dict):
            if "th" in node and "en" in node and all(isinstance(v, str) for v in node.values()):
                node["ja"] = "日本語: " + node["en"]
            for value in node.values():
                add(value)

    add(data)
    spec_dir = tmp_path / "spec"
    spec_dir.mkdir()
    (spec_dir / "tiktok_v2.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    subprocess.run(
        [sys.executable, "-m", "generator", "generate", "--spec", str(spec_dir), "--out", str(tmp_path / "gen")],
        check=True, cwd=ROOT, capture_output=True,
    )  # fmt: skip
    site, log = _mkdocs_build(tmp_path / "gen", spec_dir, tmp_path)
    assert "WARNING" not in log, log
    html = (site / "ja" / "objects" / "user" / "index.html").read_text("utf-8")
    assert '<html lang="ja"' in html
    assert "日本語: The unique identification of the user in the current application." in html
    assert "はじめに" in html and 'hreflang="th"' in html
    shutil.rmtree(site)
