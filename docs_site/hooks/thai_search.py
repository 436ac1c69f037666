"""MkDocs hook: search that finds Thai words, and no language alternates that 404.

1. Thai has no spaces between words, so Material's lunr index would hold a whole Thai run
   (often a whole sentence) as one token, and a word from the middle of a sentence would never
   match. After the build, every ``search/search_index.json`` gets U+200B (zero-width space)
   between Thai words, as PyThaiNLP's dictionary segmenter ("newmm", offline) finds them; the
   search plugin's ``separator`` includes U+200B, so lunr indexes each word. Pages are untouched.

2. A query typed without spaces ("ผู้ใช้ที่ไม่ซ้ำ") is one token to the search box. Material's
   search worker already splits Han-script queries into the index's terms; the same regex is
   widened to Thai script in the built worker. The pattern belongs to the pinned
   mkdocs-material; if it is not found exactly once, a warning fails the ``--strict`` build.

3. mkdocs-static-i18n adds ``<link rel="alternate" hreflang=..>`` to each page, and Material's
   JavaScript then fetches ``<that page>/sitemap.xml``, which 404s (a console error on every
   page). They are dropped; the header's language switcher is separate and unaffected.
"""

from __future__ import annotations

import json
import logging
import os
import re
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

# PyThaiNLP writes a data folder on import (in ~ unless told): keep it in the ignored build/.
os.environ.setdefault("PYTHAINLP_DATA", str(Path(__file__).resolve().parents[2] / "build" / "pythainlp-data"))
from pythainlp.tokenize import word_tokenize  # noqa: E402

log = logging.getLogger("mkdocs.hooks.thai_search")

ZWSP = "\u200b"
THAI_RUN = re.compile(r"[\u0E00-\u0E7F]+")
HAN_QUERY = 'new RegExp("\\\\p{sc=Han}+","gu")'
HAN_THAI_QUERY = 'new RegExp("\\\\p{sc=Han}+|\\\\p{sc=Thai}+","gu")'
# Material writes <link rel="alternate" href=.. hreflang=..>; pages that went through
# BeautifulSoup (swagger-ui-tag) have <link href=.. hreflang=.. rel="alternate"/>. RSS-style
# alternates (with a type) are kept.
ALTERNATE_LINK = re.compile(
    r'[ \t]*<link\b(?=[^>]*\brel="alternate")(?=[^>]*\bhreflang=)(?![^>]*\btype=)[^>]*>\n?'
)


def segment_thai(text: str) -> str:
    """``text`` with U+200B between Thai words; everything else is left as it is."""

    def words(match: re.Match[str]) -> str:
        return ZWSP.join(w for w in word_tokenize(match.group(0), engine="newmm", keep_whitespace=False) if w)

    return THAI_RUN.sub(words, text.replace(ZWSP, ""))


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Drop the hreflang alternates that make Material fetch missing sitemaps."""
    return ALTERNATE_LINK.sub("", output)


def _segment_index(index: Path) -> None:
    data = json.loads(index.read_text("utf-8"))
    for doc in data["docs"]:
        for key in ("title", "text"):
            if key in doc:
                doc[key] = segment_thai(doc[key])
    index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")


def _patch_worker(worker: Path) -> None:
    js = worker.read_text("utf-8")
    if HAN_THAI_QUERY in js:
        return
    if js.count(HAN_QUERY) != 1:
        log.warning(
            "%s: the query-splitting pattern %s of the pinned mkdocs-material is not there; "
            "unspaced multi-word Thai queries will not be split (update docs_site/hooks/thai_search.py)",
            worker,
            HAN_QUERY,
        )
        return
    worker.write_text(js.replace(HAN_QUERY, HAN_THAI_QUERY), "utf-8")


@event_priority(-100)  # after the search plugin (and the i18n plugin's other languages) wrote the index
def on_post_build(config: Any) -> None:
    """Segment Thai in every search index of the site, and widen the worker's query splitting."""
    site = Path(config["site_dir"])
    indexes = sorted(site.glob("**/search/search_index.json"))
    workers = sorted(site.glob("assets/javascripts/workers/search.*.min.js"))
    if not indexes or not workers:
        log.warning("no search index or search worker in %s: is the search plugin enabled?", site)
    for index in indexes:
        _segment_index(index)
    for worker in workers:
        _patch_worker(worker)
