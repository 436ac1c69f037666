"""The built docs site in a real browser, shared by every browser test: Debian's Chromium driven by
Playwright, on 127.0.0.1 only.

The session installs chromium and fonts-thai-tlwg with apt when they are missing (and fails, never
skips, when it cannot), builds the site strictly from generated/ exactly as `make docs` does, serves it
on 127.0.0.1 under the path of the spec's docs address (a static host: a missing page gets the
nearest 404.html). Every tab's requests and console are recorded: a request for anything but
the local server is aborted and fails the test, and so does any console error or warning. Full-page
screenshots land in build/screenshots/. The fixtures are registered by conftest.py.
"""

from __future__ import annotations

import contextlib
import http.server
import os
import re
import subprocess
import sys
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import GENERATED, ROOT, SPEC

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


def mkdocs_build(generated: Path, spec: Path, out: Path) -> tuple[Path, str]:
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
    return mkdocs_build(GENERATED, SPEC, tmp_path_factory.mktemp("docs"))


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """A static host: the site under a path prefix; a missing page gets the nearest 404.html
    above it, with status 404 (as Cloudflare Pages does; GitHub Pages serves the root one)."""

    site: Path
    prefix: str

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, directory=str(self.site), **kwargs)

    def translate_path(self, path: str) -> str:
        local = urllib.parse.urlsplit(path).path
        if not local.startswith(self.prefix):
            return str(self.site / "\0outside")  # never a file: a 404
        return super().translate_path("/" + local[len(self.prefix) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = self._error_page() if code == 404 else None
        if page is None:
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error_page(self) -> Path | None:
        local = urllib.parse.urlsplit(self.path).path
        if not local.startswith(self.prefix):
            return None
        folder = (self.site / local[len(self.prefix) :]).parent
        while True:
            if (folder / "404.html").is_file():
                return folder / "404.html"
            if folder == self.site or self.site not in folder.parents:
                return None
            folder = folder.parent

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serve(site: Path, prefix: str = "/") -> Iterator[str]:
    """``site`` served on 127.0.0.1 under ``prefix`` (a path ending in /); its address."""
    handler = type("Handler", (_SiteHandler,), {"site": site.resolve(), "prefix": prefix})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


def site_path(spec: Path) -> str:
    """The path the spec's docs address puts the site under (``/`` without one)."""
    from generator.spec import load_spec

    docs_url = load_spec(spec).package.docs_url
    return urllib.parse.urlsplit(docs_url).path.rstrip("/") + "/" if docs_url else "/"


@pytest.fixture(scope="session")
def base_url(built: tuple[Path, str]) -> Iterator[str]:
    """The site served on 127.0.0.1 under the path of the spec's docs address, as it is published."""
    site, _ = built
    with serve(site, site_path(SPEC)) as url:
        yield url


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


def _local(url: str, base: str) -> bool:
    return url.startswith(base) or url.startswith("data:") or url == "about:blank"


@contextlib.contextmanager
def local_tab(
    browser: Any, base: str, *, width: int = 1280, height: int = 900, missing: str = ""
) -> Iterator[tuple[Any, Any]]:
    """A new context and tab whose requests and console are recorded: on leaving the block the
    test fails on any request outside ``base`` (aborted), any console error or warning, any page
    error or failed request, and any HTTP error, except a 404 for the one address ``missing``
    (and the console line Chromium writes for it)."""
    context = browser.new_context(viewport={"width": width, "height": height}, service_workers="block")
    requests: list[str] = []
    problems: list[str] = []

    def route(handle: Any) -> None:
        url = handle.request.url
        requests.append(url)
        if _local(url, base):
            handle.continue_()
        else:
            handle.abort()

    def console(message: Any) -> None:
        expected_404 = missing and ("404 (File not found)" in message.text or "status of 404" in message.text)
        if message.type in ("error", "warning") and not expected_404:
            problems.append(f"console.{message.type}: {message.text}")

    def response(answer: Any) -> None:
        if answer.status >= 400 and not (answer.status == 404 and answer.url == missing):
            problems.append(f"HTTP {answer.status}: {answer.url}")

    context.route("**/*", route)
    tab = context.new_page()
    tab.on("console", console)
    tab.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    tab.on("requestfailed", lambda r: problems.append(f"request failed: {r.url} {r.failure}"))
    tab.on("response", response)
    tab.set_default_timeout(15_000)
    try:
        yield context, tab
    finally:
        context.close()
    assert requests, "the browser made no request"
    outside = [url for url in requests if not _local(url, base)]
    assert not outside, f"requests left {base}: {outside}"
    assert not problems, "\n".join(problems)


@pytest.fixture()
def page(browser: Any, base_url: str) -> Iterator[Any]:
    """A tab whose requests and console are recorded; the test fails on anything non-local or any error."""
    with local_tab(browser, base_url) as (_, tab):
        yield tab


def table_rows(tab: Any) -> list[list[str]]:
    table = tab.locator("article table").first
    return [row.locator("td").all_inner_texts() for row in table.locator("tbody tr").all()]


def shoot(tab: Any, name: str, full_page: bool = True) -> None:
    """A screenshot in build/screenshots/: the whole page, or only the viewport (``full_page=False``)."""
    tab.evaluate("document.fonts.ready.then(() => true)")
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / name), full_page=full_page)


@dataclass(frozen=True)
class Hit:
    """One search result as the reader sees it: a page, or a section of the page above it."""

    url: str  # without the highlight query; a section's has its #anchor
    title: str  # the heading shown (the page's title, or where on it the query matched)

    @property
    def page(self) -> str:
        return self.url.split("#")[0]

    @property
    def anchor(self) -> str:
        return self.url.partition("#")[2]


def search(tab: Any, text: str) -> list[str]:
    """Type a query; the result pages' paths."""
    return [hit.page for hit in search_hits(tab, text)]


def search_hits(tab: Any, text: str) -> list[Hit]:
    """Type a query; every result (pages and their sections) in the order shown."""
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
    # The whole query at once: typed key by key, a partial query's answer (often "no match")
    # could be read before the last one's.
    box.fill(text)
    box.press("End")
    expect(meta).not_to_have_text(empty_state)
    found = links.evaluate_all("els => els.map(e => [e.href, (e.querySelector('h1, h2') || e).textContent])")
    return [
        Hit(_without_highlight(href), " ".join(title.replace("\u200b", "").split())) for href, title in found
    ]


def _without_highlight(href: str) -> str:
    """A result's address without Material's ``?h=`` (the words it highlights), keeping the #anchor."""
    address, fragment = urllib.parse.urldefrag(href)
    return address.split("?")[0] + (f"#{fragment}" if fragment else "")


def thai_words(text: str) -> list[str]:
    os.environ.setdefault("PYTHAINLP_DATA", BUILD_ENV["PYTHAINLP_DATA"])
    from pythainlp.tokenize import word_tokenize

    return [w for w in word_tokenize(text, engine="newmm", keep_whitespace=False) if w.strip()]


def site_from_spec_data(data: dict[str, Any], tmp_path: Path) -> tuple[Path, Path]:
    """A spec given as data, generated and built as `make docs` would (a warning fails it): the spec
    folder and the site."""
    spec_dir = tmp_path / "spec"
    spec_dir.mkdir()
    (spec_dir / "tiktok_v2.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    subprocess.run(
        [sys.executable, "-m", "generator", "generate", "--spec", str(spec_dir), "--out", str(tmp_path / "gen")],
        check=True, cwd=ROOT, capture_output=True,
    )  # fmt: skip
    site, log = mkdocs_build(tmp_path / "gen", spec_dir, tmp_path)
    assert "WARNING" not in log, log
    return spec_dir, site
