"""The built docs site in a real browser, shared by every browser test: Debian's Chromium driven by
Playwright, on 127.0.0.1 only.

The session installs chromium and fonts-thai-tlwg with apt when they are missing (and fails, never
skips, when it cannot), builds the site strictly from generated/ exactly as `make docs` does, serves it
with http.server on 127.0.0.1. Every tab's requests and console are recorded: a request for anything but
the local server is aborted and fails the test, and so does any console error or warning. Full-page
screenshots land in build/screenshots/. The fixtures are registered by conftest.py.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

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


def table_rows(tab: Any) -> list[list[str]]:
    table = tab.locator("article table").first
    return [row.locator("td").all_inner_texts() for row in table.locator("tbody tr").all()]


def shoot(tab: Any, name: str, full_page: bool = True) -> None:
    """A screenshot in build/screenshots/: the whole page, or only the viewport (``full_page=False``)."""
    tab.evaluate("document.fonts.ready.then(() => true)")
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / name), full_page=full_page)


def search(tab: Any, text: str) -> list[str]:
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


def thai_words(text: str) -> list[str]:
    os.environ.setdefault("PYTHAINLP_DATA", BUILD_ENV["PYTHAINLP_DATA"])
    from pythainlp.tokenize import word_tokenize

    return [w for w in word_tokenize(text, engine="newmm", keep_whitespace=False) if w.strip()]
