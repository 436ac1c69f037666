"""MkDocs hook: Thai lines break only between words, and tables read on a phone.

1. Thai is written without spaces, so the browser finds line breaks in it with its own
   dictionary (ICU in Chromium), and where a narrow column forces it, Material's
   ``overflow-wrap: break-word`` breaks anywhere: ผู้|ใช้, นัก|พัฒนา. Each page's body is read
   with a real HTML parser (``html.parser``, streaming: everything but text is copied as
   written) and every Thai run of its text gets PyThaiNLP's words (the segmenter the search
   hook uses): each word of two or more characters in ``<span class="specgen-w">`` (drawn
   ``white-space: nowrap``, so neither the browser's dictionary nor ``overflow-wrap`` can cut
   it), with ``<wbr>`` between words (a break opportunity even where the browser's dictionary
   sees none). Text inside code, pre, kbd, samp, script, style, textarea, svg and the head is
   never touched, nor any attribute. Both add no character: what is copied, found with
   Ctrl+F or indexed is the page's text exactly (the search index is built before this hook).
   ``<wbr>`` alone is not enough: with it and no spans, Chromium still broke 32 words of the
   Thai object and endpoint pages (ผู้|ใช้, ออบ|เจ็กต์, หมด|อายุ) at 390 and 1280 px
   (tests/test_docs_phone.py); with the spans, none.

2. Each table cell gets ``data-label`` (its column's header text) and each unstyled table
   ``data-long`` (its columns with a cell of several lines or over 32 characters): on a narrow screen the site's CSS draws a row as a
   card (the first cell as its name, the short cells after it as ``label: value``, the long
   cells below at full width), so a field reference needs no sideways scrolling. The Markdown
   keeps its tables, which read as they did on GitHub and on a wide screen.

The styles for both are in ``docs_site/assets/specgen.css`` (linked by ``page_style.py``).
"""

from __future__ import annotations

import html
import os
import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

# PyThaiNLP writes a data folder on import (in ~ unless told): keep it in the ignored build/.
os.environ.setdefault("PYTHAINLP_DATA", str(Path(__file__).resolve().parents[2] / "build" / "pythainlp-data"))
from pythainlp.tokenize import word_tokenize  # noqa: E402

THAI_RUN = re.compile(r"[\u0E00-\u0E7F]+")
WORD_CLASS = "specgen-w"
# Elements whose text is never segmented: code and its kin (a name must stay as written),
# raw-text elements, and what is drawn outside the body.
SKIP = frozenset(
    {
        "code",
        "pre",
        "kbd",
        "samp",
        "script",
        "style",
        "textarea",
        "title",
        "svg",
        "math",
        "head",
        "noscript",
        "option",
    }
)
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
# A column is "long" (drawn below the row's first line on a phone) when any of its cells is longer.
SHORT_CELL = 32


@lru_cache(maxsize=65536)
def _words(run: str) -> str:
    """HTML for one Thai run: its words kept whole, ``<wbr>`` between them (cached: a rebuild
    splits only runs it has not seen; the same run always splits the same way)."""
    parts = [w for w in word_tokenize(run, engine="newmm", keep_whitespace=False) if w]
    if "".join(parts) != run:  # never change the text: leave a run we cannot split
        return run
    return "<wbr>".join(f'<span class="{WORD_CLASS}">{w}</span>' if len(w) > 1 else w for w in parts)


def break_thai(text: str) -> str:
    """HTML for a run of (escaped) text: Thai words kept whole, ``<wbr>`` between them."""
    return THAI_RUN.sub(lambda m: _words(m.group(0)), text)


class _Rewriter(HTMLParser):
    """Copies a page as written, segmenting Thai text and labelling table cells."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.skip: list[str] = []  # open elements whose text is left alone
        self.tables: list[_Table] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        text = self.get_starttag_text() or ""
        if tag in SKIP and tag not in VOID and not text.endswith("/>"):
            self.skip.append(tag)
        if tag == "table":
            self.tables.append(_Table(len(self.out)))
        elif self.tables:
            text = self.tables[-1].start(tag, text, len(self.out))
        self.out.append(text)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if self.skip and self.skip[-1] == tag:
            self.skip.pop()
        if self.tables:
            self.tables[-1].end(tag)
        self.out.append(f"</{tag}>")
        if tag == "table" and self.tables:
            self.tables.pop().finish(self.out)

    def handle_data(self, data: str) -> None:
        if self.tables:
            self.tables[-1].text(data)
        self.out.append(data if self.skip or self.cdata_elem else break_thai(data))

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")
        if self.tables:
            self.tables[-1].text(html.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")
        if self.tables:
            self.tables[-1].text(html.unescape(f"&#{name};"))

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")


class _Table:
    """One table being copied: its header texts, and where each body cell's start tag is."""

    def __init__(self, at: int) -> None:
        self.at = at  # index of the <table> tag in the output
        self.headers: list[str] = []
        self.cells: list[tuple[int, int]] = []  # (output index of a <td>, its column)
        self.lengths: dict[int, int] = {}  # longest text per column
        self.column = -1
        self.current: list[str] | None = None
        self.multiline: set[int] = set()

    def start(self, tag: str, text: str, at: int) -> str:
        if tag == "tr":
            self.column = -1
        elif tag in ("th", "td"):
            self.column += 1
            self.current = []
            if tag == "td":
                self.cells.append((at, self.column))
        elif tag == "br" and self.current is not None:
            self.multiline.add(self.column)  # a cell of several lines is long
        return text

    def text(self, data: str) -> None:
        if self.current is not None:
            self.current.append(data)

    def end(self, tag: str) -> None:
        if tag in ("th", "td") and self.current is not None:
            content = " ".join("".join(self.current).split()) if tag == "th" else "".join(self.current)
            if tag == "th":
                self.headers.append(content)
            self.lengths[self.column] = max(self.lengths.get(self.column, 0), len(content.strip()))
            self.current = None

    def finish(self, out: list[str]) -> None:
        """Label each body cell with its header, and say on the table which columns are long."""
        if not self.headers:
            return
        for at, column in self.cells:
            if column < len(self.headers) and out[at].startswith("<td"):
                label = html.escape(self.headers[column], quote=True)
                out[at] = f'<td data-label="{label}"' + out[at][3:]
        long = [
            str(c + 1)
            for c in range(1, len(self.headers))
            if self.lengths.get(c, 0) > SHORT_CELL or c in self.multiline
        ]
        tag = out[self.at]
        if tag.startswith("<table") and " class=" not in tag:
            # Material styles only tables without a class; the data attribute keeps them its own.
            out[self.at] = f'<table data-long="{" ".join(long)}"' + tag[6:]


def rewrite(page_html: str) -> str:
    """A page with its body's Thai text segmented and its tables labelled."""
    start = page_html.find("<body")
    if start < 0:
        return page_html
    rewriter = _Rewriter()
    rewriter.feed(page_html[start:])
    rewriter.close()
    return page_html[:start] + "".join(rewriter.out)


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Segment the page's Thai text and label its tables."""
    return rewrite(output)
