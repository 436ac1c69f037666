"""Accessibility of the built docs site, in a real browser (fixtures in site_support.py).

axe-core (exact version in package.json, installed by `npm ci`) is injected from node_modules into
every page of every language that the build wrote, and into the API reference's Swagger UI frame
(with a schema expanded, so the specgen plugin's lines are checked too). Any critical or serious
finding fails; the moderate ones that remain are listed in the README.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT
from generator.labels import labels_for
from generator.spec import Spec

pytestmark = pytest.mark.slow

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("critical", "serious")
# Every finding's nodes: the rule, the node's impact and target, the first lines of what to fix.
RUN_AXE = """async (options) => {
  const result = await axe.run(document, options);
  return result.violations.flatMap(v => v.nodes.map(n => ({
    rule: v.id, impact: n.impact || v.impact, target: n.target.join(" "),
    summary: (n.failureSummary || "").split("\\n").slice(0, 2).join(" "),
  })));
}"""


def _site_pages(site: Path, spec: Spec) -> dict[str, list[str]]:
    """Every HTML page the build wrote (paths from the site root), by language.

    A page in a folder named after a language other than the source one is in that language;
    every other page is in the source language. Swagger UI's frames are checked inside their page.
    """
    others = set(spec.languages[1:])
    pages: dict[str, list[str]] = {lang: [] for lang in spec.languages}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site)
        if rel.parts[0] == "assets" or rel.name.startswith("swagger-"):
            continue
        lang = rel.parts[0] if rel.parts[0] in others else spec.languages[0]
        pages[lang].append(rel.as_posix())
    return pages


def _url(base_url: str, path: str) -> str:
    return base_url + path.removesuffix("index.html")


def _axe(target: Any, options: dict[str, Any]) -> list[dict[str, Any]]:
    target.add_script_tag(path=str(AXE))
    findings: list[dict[str, Any]] = target.evaluate(RUN_AXE, options)
    return findings


def _not_found_page(browser: Any, base_url: str) -> tuple[Any, list[str]]:
    """A tab for the root 404 page alone, allowed to miss ``sitemap.xml``.

    Built with no ``site_url``, Material's 404 page asks for ``<some page>/sitemap.xml`` (a 404):
    the 404 page and site_url are the site-correctness part of issue 14. Everything else the
    ``page`` fixture checks holds here too: nothing leaves 127.0.0.1, no other failed request.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base_url) else r.abort())
    tab = context.new_page()
    problems: list[str] = []
    tab.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    tab.on(
        "response",
        lambda r: (
            problems.append(f"HTTP {r.status}: {r.url}")
            if r.status >= 400 and not r.url.endswith("/sitemap.xml")
            else None
        ),
    )
    return tab, problems


def test_axe_finds_nothing_serious_on_any_page_of_any_language(
    page: Any, browser: Any, base_url: str, built: tuple[Path, str], spec: Spec
) -> None:
    site, _ = built
    pages = _site_pages(site, spec)
    # Every language has the whole site: home, getting started, objects, endpoints, scopes, API reference.
    expected = 6 + len(spec.objects) + len(spec.endpoints)
    assert all(len(paths) >= expected for paths in pages.values()), {k: len(v) for k, v in pages.items()}
    assert AXE.is_file(), f"{AXE} missing: run `make node_modules/.installed` (npm ci)"
    blocking: list[str] = []
    wrong_lang: list[str] = []
    not_found, not_found_problems = _not_found_page(browser, base_url)
    for lang, paths in pages.items():
        for path in paths:
            tab = not_found if path == "404.html" else page
            tab.goto(_url(base_url, path))
            html_lang = tab.locator("html").get_attribute("lang")
            # The root 404 page is one for the whole site (which language it is in is the 404 part of
            # issue 14); every other page is in the language of its folder.
            if html_lang != lang and not (path == "404.html" and html_lang in spec.languages):
                wrong_lang.append(f"{path}: <html lang={html_lang!r}>, expected {lang!r}")
            # The Swagger UI frame is checked on its own, by the test below.
            for f in _axe(tab, {"iframes": False}):
                if f["impact"] in BLOCKING:
                    blocking.append(f"{path}: {f['rule']} ({f['impact']}) at {f['target']}: {f['summary']}")
    assert "404.html" in pages[spec.languages[0]]
    not_found.context.close()
    assert not not_found_problems, not_found_problems
    assert not wrong_lang, "\n".join(wrong_lang)
    assert not blocking, f"{len(blocking)} critical or serious findings:\n" + "\n".join(blocking)


def _api_reference(page: Any, base_url: str, lang: str, spec: Spec) -> Any:
    """The API reference page in ``lang`` with Swagger UI loaded; its frame."""
    page.goto(base_url + ("" if lang == spec.languages[0] else f"{lang}/") + "api-reference/")
    frame = page.frame_locator("iframe.swagger-ui-iframe")
    frame.locator(".opblock").first.wait_for()
    return frame


def _schema_property(frame: Any, schema: str, prop: str) -> Any:
    """A property of a schema in Swagger UI's Schemas section, expanded."""
    model = frame.locator("section.models article[data-json-schema-level='0']").filter(
        has=frame.locator(
            ":scope > .json-schema-2020-12-head .json-schema-2020-12__title",
            has_text=re.compile(f"^{schema}$"),
        )
    )
    model.locator(":scope > .json-schema-2020-12-head .json-schema-2020-12-expand-deep-button").click()
    return model.locator(".json-schema-2020-12-property").filter(
        has=frame.locator(".json-schema-2020-12__title", has_text=re.compile(f"^{prop}$"))
    )


@pytest.mark.parametrize("lang", ["en", "th"])
def test_swagger_frame_is_named_in_the_page_language_and_axe_finds_nothing_serious_in_it(
    page: Any, base_url: str, spec: Spec, lang: str
) -> None:
    from playwright.sync_api import expect

    words = labels_for(lang, {})
    frame = _api_reference(page, base_url, lang, spec)
    expect(page.locator("iframe.swagger-ui-iframe")).to_have_attribute("title", words["api_reference"])
    inside = next(f for f in page.frames if "/swagger-" in f.url)
    assert inside.evaluate("document.documentElement.lang") == lang
    assert inside.title().startswith(words["api_reference"] + " - ")
    expect(frame.locator("select#servers")).to_have_attribute("aria-label", words["servers"])
    # Our plugin's additions are on screen while axe runs.
    expect(_schema_property(frame, "User", "follower_count").locator(".specgen-scope")).to_be_visible()
    findings = [f for f in _axe(inside, {}) if f["impact"] in BLOCKING]
    assert not findings, "\n".join(
        f"{f['rule']} ({f['impact']}) at {f['target']}: {f['summary']}" for f in findings
    )


@pytest.mark.parametrize("lang", ["en", "th"])
def test_api_reference_groups_operations_by_tag_and_shows_scopes_and_other_languages(
    page: Any, base_url: str, spec: Spec, lang: str
) -> None:
    from playwright.sync_api import expect

    frame = _api_reference(page, base_url, lang, spec)
    assert [t.name for t in spec.tags] == ["User", "Video", "OAuth"]
    assert frame.locator(".opblock-tag-section > h3").evaluate_all("hs => hs.map(h => h.dataset.tag)") == [
        t.name for t in spec.tags
    ]
    for endpoint in spec.endpoints:
        assert endpoint.tag is not None
        section = frame.locator(f".opblock-tag-section:has(> h3[data-tag='{endpoint.tag}'])")
        expect(
            section.locator(".opblock-summary-path", has_text=re.compile(f"^{re.escape(endpoint.path)}$"))
        ).to_have_count(1)
    expect(frame.locator("h3[data-tag='default']")).to_have_count(0)

    user = next(o for o in spec.objects if o.name == "User")
    field = next(f for f in user.fields if f.wire_name == "follower_count")
    assert field.scope == "user.info.stats"
    words = labels_for(lang, {})
    prop = _schema_property(frame, "User", "follower_count")
    expect(prop.locator(".json-schema-2020-12-keyword--description").first).to_have_text(
        field.description[lang]
    )
    expect(prop.locator(".specgen-scope")).to_have_text(f"{words['scope']}: user.info.stats")
    for other in spec.languages:
        if other == lang:
            continue
        name = labels_for(other, {})["language_name"]
        line = prop.locator(".specgen-other-language").filter(has=frame.locator(f"span[lang='{other}']"))
        expect(line).to_have_text(f"{words['description']} ({name}): {field.description[other]}")
        expect(line.locator(f"span[lang='{other}']").last).to_have_text(field.description[other])
