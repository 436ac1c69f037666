"""The docs site on a phone (390 px) and a desktop (1280 px): no sideways scrolling, Thai lines that
break only between words, and Thai drawn in the bundled font even with no Thai font on the machine.

The browser fixtures are shared (site_support.py); the hook's own rules are checked without a
browser first.
"""

from __future__ import annotations

import html
import json
import re
import struct
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from generator.spec import Spec
from site_support import BUILD_ENV, CHROMIUM, CHROMIUM_ARGS, SHOTS, local_tab, shoot, table_rows, thai_words

sys.path.insert(0, str(ROOT / "docs_site" / "hooks"))
import page_style  # noqa: E402
import thai_wrap  # noqa: E402

WIDTHS = {390: 844, 1280: 900}  # viewport width: height
THAI = re.compile(r"[\u0E00-\u0E7F]+")
DOCS = ROOT / "docs" / "screenshots"  # the README's copies of the screenshots


class _Text(HTMLParser):
    """The text of an HTML fragment, as a reader's copy would have it, and the tags it holds."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _read(fragment: str) -> _Text:
    reader = _Text()
    reader.feed(fragment)
    reader.close()
    return reader


# -- the hook, without a browser ----------------------------------------------------------------


def test_thai_words_are_kept_whole_and_nothing_else_changes() -> None:
    body = (
        '<body><p title="ผู้ใช้ที่">รหัสประจำตัวผู้ใช้ที่ไม่ซ้ำกัน <code>ผู้ใช้ที่</code> &amp; &#3585;</p>'
        "<script>var s = '<b>ผู้ใช้ที่</b>';</script><pre>ผู้ใช้ที่</pre><noscript><p>ผู้ใช้ที่</p></noscript></body>"
    )
    head = "<html><head><title>ผู้ใช้ที่</title></head>"
    out = thai_wrap.rewrite(head + body)
    assert out.startswith(head + "<body>")
    out = out.removeprefix(head)
    # The text is the same characters: no U+200B, nothing dropped or added.
    assert "".join(_read(out).text) == "".join(_read(body).text)
    assert "\u200b" not in out
    assert (
        '<span class="specgen-w">รหัส</span><wbr><span class="specgen-w">ประจำตัว</span><wbr>'
        '<span class="specgen-w">ผู้ใช้</span><wbr><span class="specgen-w">ที่</span>'
    ) in out
    # Attributes, code, scripts, pre and noscript are copied as written.
    for kept in (
        'title="ผู้ใช้ที่"',
        "<code>ผู้ใช้ที่</code>",
        "'<b>ผู้ใช้ที่</b>'",
        "<pre>ผู้ใช้ที่</pre>",
        "<noscript><p>ผู้ใช้ที่</p></noscript>",
        "&amp; &#3585;",
    ):
        assert kept in out, kept


def test_table_cells_get_their_column_s_label_and_long_columns_are_named() -> None:
    table = (
        "<body><table><thead><tr><th>Field</th><th>Type</th><th>Description</th><th>Example</th></tr></thead>"
        "<tbody><tr><td><code>open_id</code></td><td>string</td><td>The unique id.<br>Minimum: 0</td><td></td></tr>"
        '<tr><td><code>x</code></td><td>a "b" &amp; c</td><td>Short.</td><td><code>1</code></td></tr></tbody></table>'
        '<table class="other"><tr><td>1</td></tr></table></body>'
    )
    out = thai_wrap.rewrite(table)
    assert '<table data-long="3">' in out  # the description has a line break: drawn below
    assert out.count('<td data-label="Field">') == 2 and out.count('<td data-label="Example">') == 2
    assert '<table class="other"><tr><td>1</td></tr></table>' in out  # a styled table is left alone
    assert "".join(_read(out).text) == "".join(_read(table).text)


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("ผู้ใช้ที่ไม่ซ้ำกันแอปพลิเคชัน <>&\"'`|*_[]\\\n\u200bก๋"), max_size=60)
)
def test_any_text_keeps_its_characters(text: str) -> None:
    body = f"<body><p>{html.escape(text)}</p><table><tr><th>{html.escape(text)}</th></tr>"
    body += f"<tr><td>{html.escape(text)}</td></tr></table></body>"
    out = thai_wrap.rewrite(body)
    assert "".join(_read(out).text) == "".join(_read(body).text)
    assert set(_read(out).tags) <= {"body", "p", "table", "tr", "th", "td", "span", "wbr"}


def test_the_stylesheet_is_linked_relative_to_each_page() -> None:
    assert page_style.stylesheet_link("") == '<link rel="stylesheet" href="assets/specgen/specgen.css">'
    assert page_style.stylesheet_link("th/objects/user/") == (
        '<link rel="stylesheet" href="../../../assets/specgen/specgen.css">'
    )
    sources = page_style.font_sources()
    assert all(path.is_file() for path in sources.values())
    assert "SIL OPEN FONT LICENSE" in sources[page_style.FONT_LICENSE].read_text("utf-8").upper()


def test_the_readme_shows_the_four_screenshots_at_their_widths() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    for lang in ("en", "th"):
        for width in WIDTHS:
            name = f"{lang}-user-{width}.png"
            assert f"(docs/screenshots/{name})" in readme, name
            data = (DOCS / name).read_bytes()
            assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) < 200_000, name
            shown_width, shown_height = struct.unpack(">II", data[16:24])  # the IHDR chunk
            assert (shown_width, shown_height) == (width, WIDTHS[width]), name  # viewport, not whole page


# -- the built site in Chromium -----------------------------------------------------------------


def site_pages(built: tuple[Path, str]) -> list[str]:
    """Every page of the built site in every language, as paths from its root (from the files).

    Not the documents Swagger UI's frame loads (``swagger-*.html``, drawn inside the API
    reference page, which is checked), nor ``404.html`` (the 404 page is another change's).
    """
    site, _ = built
    pages = [p.relative_to(site).as_posix() for p in site.rglob("index.html")]
    return sorted(p.removesuffix("index.html") for p in pages if not p.startswith("assets/"))


@contextmanager
def tab_at(page: Any, url: str, width: int, problems: list[str]) -> Iterator[Any]:
    """A new tab of the fixture's context (its requests are checked) at ``width``, on ``url``.

    Each page gets its own tab, closed once it is measured: navigating one tab from page to page
    would cancel the search worker's requests of the page before (reported as failures).
    Console errors and warnings, page errors and HTTP errors are added to ``problems``.
    """
    tab = page.context.new_page()
    tab.on(
        "console",
        lambda m: problems.append(f"{url}: {m.type}: {m.text}") if m.type in ("error", "warning") else None,
    )
    tab.on("pageerror", lambda e: problems.append(f"{url}: page error: {e}"))
    tab.on(
        "response", lambda r: problems.append(f"{url}: HTTP {r.status} {r.url}") if r.status >= 400 else None
    )
    tab.set_viewport_size({"width": width, "height": WIDTHS[width]})
    try:
        tab.goto(url, wait_until="networkidle")
        tab.evaluate("document.fonts.ready.then(() => true)")
        yield tab
    finally:
        tab.close()


def _width_problems(tab: Any) -> dict[str, Any]:
    return tab.evaluate("""() => {
          const page = document.scrollingElement;
          const tables = [...document.querySelectorAll('article table')].map(t => {
            const box = (t.closest('.md-typeset__scrollwrap') || t.parentElement);
            return {width: Math.ceil(t.getBoundingClientRect().width), room: box.clientWidth,
                    scrolls: box.scrollWidth > box.clientWidth + 1};
          });
          const rows = [...document.querySelectorAll('article table tbody tr')].map(
            r => Math.round(r.getBoundingClientRect().height));
          return {scrollWidth: page.scrollWidth, innerWidth: window.innerWidth, tables,
                  tallestRow: Math.max(0, ...rows)};
        }""")


@pytest.mark.slow
def test_no_page_scrolls_sideways_at_phone_or_desktop_width(
    page: Any, base_url: str, built: tuple[Path, str]
) -> None:
    pages = site_pages(built)
    assert "objects/user/" in pages and "th/objects/user/" in pages and len(pages) >= 40
    wide: list[str] = []
    problems: list[str] = []
    measured: dict[str, Any] = {}
    for width in WIDTHS:
        for path in pages:
            with tab_at(page, base_url + path, width, problems) as tab:
                found = _width_problems(tab)
            if found["scrollWidth"] > found["innerWidth"]:
                wide.append(f"{width}px {path}: page {found['scrollWidth']} px wide")
            # A table that scrolls in its own box is sideways scrolling too: none on a phone.
            wide.extend(
                f"{width}px {path}: table {t['width']} px in {t['room']} px"
                for t in found["tables"]
                if t["scrolls"]
            )
            if path in ("objects/user/", "th/objects/user/"):
                measured[f"{width}px {path}"] = found
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / "phone-widths.json").write_text(json.dumps(measured, indent=2) + "\n", "utf-8")
    assert wide == []
    assert problems == []


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "th"])
def test_the_user_fields_read_as_cards_on_a_phone(page: Any, base_url: str, spec: Spec, lang: str) -> None:
    """At 390 px each field is a block: its name and short cells on a line, the description below."""
    user = next(o for o in spec.objects if o.name == "User")
    prefix = "" if lang == "en" else f"{lang}/"
    page.goto(base_url + prefix + "objects/user/")
    desktop = table_rows(page)
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": WIDTHS[width]})
        assert table_rows(page) == desktop  # the same cells, whatever the width
        shoot(page, f"{lang}-user-{width}.png", full_page=False)  # the README shows these
    assert [r[0] for r in desktop] == [f.wire_name for f in user.fields]
    assert [r[4].split("\n")[0] for r in desktop] == [f.description[lang] for f in user.fields]
    page.set_viewport_size({"width": 390, "height": 844})
    cards = page.evaluate(
        """() => [...document.querySelector('article table').querySelectorAll('tbody tr')].map(r => {
          const cells = [...r.children].map(c => c.getBoundingClientRect());
          return {name: cells[0].top, meta: cells.slice(1, 4).map(c => c.top), text: cells[4].top,
                  textWidth: cells[4].width, row: r.getBoundingClientRect().width,
                  label: getComputedStyle(r.children[1], '::before').content};
        })"""
    )
    labels = page.locator("article table thead th").all_inner_texts()
    assert len(cards) == len(user.fields)
    for card in cards:
        assert abs(card["meta"][0] - card["name"]) < 8  # the type on the name's line
        assert card["text"] > max(card["meta"])  # the description below the short cells
        assert card["textWidth"] >= card["row"] * 0.85  # at the card's full width
        assert labels[1] in card["label"]  # each short cell says what it is
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390


# The text of an element as [node, offset] pieces: its text nodes, and each <br> as a line
# break ("\n"; textContent would join the lines around it into one run of Thai).
_PIECES = """const pieces = (element) => {
  const out = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  let offset = 0;
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.nodeType === Node.TEXT_NODE) { out.push([node, offset, node.data]); offset += node.data.length; }
    else if (node.tagName === 'BR') { out.push([null, offset, '\\n']); offset += 1; }
  }
  return out;
};"""


def _thai_blocks(tab: Any) -> list[dict[str, Any]]:
    """Each element of the article that holds Thai text directly (a cell, a heading, a paragraph)."""
    return tab.evaluate(
        "() => {"
        + _PIECES
        + """return [...document.querySelectorAll('article td, article th, article h1, article h2, article h3,'
                                                 + ' article p, article li')]
          .filter(e => !e.querySelector('p, li, td, table'))
          .map((e, i) => { e.dataset.thaiCheck = i; return {i, text: pieces(e).map(p => p[2]).join('')}; })
          .filter(b => /[\\u0E00-\\u0E7F]/.test(b.text)); }"""
    )


# Per word: a Range over its characters (across the text nodes of the element); a word whose
# rectangles lie on two lines was broken inside.
_BROKEN_WORDS = "(blocks) => {" + _PIECES + """
  const broken = [];
  for (const [index, words] of blocks) {
    const nodes = pieces(document.querySelector(`[data-thai-check="${index}"]`)).filter(p => p[0]);
    // The text node holding a word's first (or last) character, and the offset in it.
    const at = (position, end) => {
      const [node, start] = nodes.find(([n, s, d]) => end ? position > s && position <= s + d.length
                                                          : position >= s && position < s + d.length);
      return [node, position - start];
    };
    for (const [start, stop, word] of words) {
      const range = document.createRange();
      range.setStart(...at(start, false));
      range.setEnd(...at(stop, true));
      const middles = [...range.getClientRects()].filter(r => r.width > 0).map(r => r.top + r.height / 2);
      if (middles.length > 1 && Math.max(...middles) - Math.min(...middles) > 6) broken.push(word);
    }
  }
  return broken;
}"""


def _word_spans(text: str) -> list[tuple[int, int, str]]:
    """Where each of PyThaiNLP's words lies in ``text`` (offsets into it), Thai runs only."""
    words = []
    for run in THAI.finditer(text):
        start = run.start()
        for word in thai_words(run.group()):
            words.append((start, start + len(word), word))
            start += len(word)
        assert start == run.end(), run.group()  # the words are the run, in order
    return words


def _broken_words(tab: Any) -> tuple[int, int, list[str]]:
    """The Thai blocks and words of the article, and the words drawn on two lines."""
    blocks = [(b["i"], _word_spans(b["text"])) for b in _thai_blocks(tab)]
    return len(blocks), sum(len(w) for _, w in blocks), tab.evaluate(_BROKEN_WORDS, blocks)


@pytest.mark.slow
def test_thai_lines_break_only_between_words(page: Any, base_url: str, built: tuple[Path, str]) -> None:
    """Every Thai text block of the field reference, at both widths: no word's letters on two lines."""
    paths = [
        p
        for p in site_pages(built)
        if p.startswith(("th/objects/", "th/endpoints/", "th/scopes/", "bilingual/", "th/bilingual/"))
    ]
    assert len(paths) >= 20
    checked = words_checked = 0
    broken: list[str] = []
    problems: list[str] = []
    for width in WIDTHS:
        for path in paths:
            with tab_at(page, base_url + path, width, problems) as tab:
                blocks, words, found = _broken_words(tab)
            checked += blocks
            words_checked += words
            broken.extend(f"{width}px {path}: {w}" for w in found)
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / "thai-breaks.json").write_text(
        json.dumps({"blocks": checked, "words": words_checked, "broken": broken}, ensure_ascii=False) + "\n",
        "utf-8",
    )
    assert checked > 500 and words_checked > 5000, (checked, words_checked)
    assert broken == []
    assert problems == []


@pytest.mark.slow
def test_copying_thai_text_gives_the_spec_s_text(page: Any, base_url: str, spec: Spec) -> None:
    """The word marks add no character: a selection's copy and the page's text are the spec's text."""
    user = next(o for o in spec.objects if o.name == "User")
    page.goto(base_url + "th/objects/user/")
    assert page.locator("article p wbr").count() > 0 and page.locator("article td wbr").count() > 0
    copied = page.evaluate("""() => {
          const p = document.querySelector('article p');
          const range = document.createRange();
          range.selectNodeContents(p);
          getSelection().removeAllRanges();
          getSelection().addRange(range);
          return getSelection().toString();
        }""")
    assert copied == user.description["th"]
    cells = page.locator("article table tbody tr td:nth-child(5)").all_text_contents()
    for cell, field in zip(cells, user.fields, strict=True):
        assert cell.startswith(field.description["th"])
    assert "\u200b" not in page.locator("article").text_content()


@pytest.fixture()
def no_thai_font(tmp_path: Path, browser_packages: None) -> Iterator[dict[str, str]]:
    """A fontconfig that knows every font of the machine but the Thai ones (checked with fc-list)."""
    listed = subprocess.run(["fc-list", "--format", "%{file}\n"], capture_output=True, text=True, check=True)
    thai = subprocess.run(["fc-list", ":lang=th", "--format", "%{file}\n"], capture_output=True, text=True)
    keep = sorted(set(listed.stdout.split("\n")) - set(thai.stdout.split("\n")) - {""})
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    for i, path in enumerate(keep):
        (fonts / f"{i}-{Path(path).name}").symlink_to(path)
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        f"<fontconfig><dir>{html.escape(str(fonts))}</dir>"
        f"<cachedir>{html.escape(str(tmp_path / 'cache'))}</cachedir></fontconfig>\n",
        "utf-8",
    )
    env = {**BUILD_ENV, "FONTCONFIG_FILE": str(config)}
    under = subprocess.run(["fc-list", ":lang=th"], capture_output=True, text=True, env=env)
    assert under.returncode == 0 and under.stdout.strip() == "", under.stdout
    assert subprocess.run(["fc-list"], capture_output=True, text=True, env=env).stdout.strip()
    yield env


# Widths of text drawn on a canvas (no layout of the page involved), in the web font and without it.
_FONT_STATE = """() => {
  const family = '"Specgen Noto Sans Thai"';
  const width = (font, text) => {
    const c = document.createElement('canvas').getContext('2d');
    c.font = font;
    return c.measureText(text).width;
  };
  return {
    check: document.fonts.check(`16px ${family}`, 'ผู้ใช้'),
    loaded: [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family.replaceAll('"', '')),
    // A tone mark has no advance of its own in a Thai font.
    base: width(`32px ${family}`, 'ก'), marked: width(`32px ${family}`, 'ก้'),
    thai: width(`32px ${family}`, 'กขคง'),
    // With no Thai system font, Thai drawn without the web font is the same boxes as a
    // private-use character that no font has (.notdef).
    fallback: width('32px sans-serif', 'กขคง'),
    boxes: width('32px sans-serif', '\\uE000\\uE000\\uE000\\uE000'),
  };
}"""


def _fonts_used(context: Any, tab: Any, selector: str) -> list[tuple[str, bool, int]]:
    """The fonts Chromium drew an element's text with (DevTools: CSS.getPlatformFontsForNode)."""
    cdp = context.new_cdp_session(tab)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return [(f["familyName"], f["isCustomFont"], f["glyphCount"]) for f in fonts]


@pytest.mark.slow
def test_thai_is_drawn_in_the_bundled_font_without_a_thai_system_font(
    no_thai_font: dict[str, str], browser: Any, base_url: str, spec: Spec
) -> None:
    user = next(o for o in spec.objects if o.name == "User")
    # A second Chromium, from the session's Playwright, that sees no Thai font on the machine.
    chromium = browser.browser_type.launch(
        executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True, env=no_thai_font
    )
    try:
        with local_tab(chromium, base_url, width=390, height=844) as (context, tab):
            tab.goto(base_url + "th/objects/user/", wait_until="networkidle")
            tab.evaluate("document.fonts.ready.then(() => true)")
            state = tab.evaluate(_FONT_STATE)
            assert state["check"] and "Specgen Noto Sans Thai" in state["loaded"], state
            assert state["marked"] == state["base"] > 0, state
            assert state["fallback"] == state["boxes"] != state["thai"], state
            # The page's first Thai word: every glyph from the web font, none from another font.
            word = tab.locator("article p .specgen-w").first.text_content() or ""
            assert len(word) > 1 and user.description["th"].startswith(word)
            used = _fonts_used(context, tab, "article p .specgen-w")
            assert [(name, custom) for name, custom, _ in used] == [("Noto Sans Thai", True)], used
            assert used[0][2] >= len(word) - 2, used  # its glyphs (marks may combine)
            shoot(tab, "th-user-no-system-font.png", full_page=False)
    finally:
        chromium.close()
