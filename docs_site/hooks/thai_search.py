"""MkDocs hook: search that finds Thai words, one search index per language, and no alternates that 404.

1. Thai has no spaces between words, so Material's lunr index would hold a whole Thai run
   (often a whole sentence) as one token, and a word from the middle of a sentence would never
   match. After the build, every ``search/search_index.json`` gets U+200B (zero-width space)
   between Thai words, as PyThaiNLP's dictionary segmenter ("newmm", offline) finds them; the
   search plugin's ``separator`` includes U+200B, so lunr indexes each word. Pages are untouched.

2. A query typed without spaces ("ผู้ใช้ที่ไม่ซ้ำ") is one token to the search box. Material's
   search worker already splits Han-script queries into the index's terms; the same regex is
   widened to Thai script in the built worker. Its splitter also never tries the whole query as
   one term (its loop stops one character short), so a one-word query was cut into shorter
   words and matched almost every page; the bound is fixed. Both patterns belong to the pinned
   mkdocs-material; if one is not found exactly once, a warning fails the ``--strict`` build.

3. mkdocs-static-i18n merges every language's pages into the one index at the site root, so a
   Thai reader's search listed English pages and each bilingual page twice. Each language other
   than the default gets its own ``<lang>/search/search_index.json`` (its pages only, locations
   relative to ``<lang>/``), the root index keeps the default language's, and that language's
   pages name ``<lang>/`` as their ``base`` (which Material uses only to find the index and the
   sitemap; the sitemap is copied there).

4. mkdocs-static-i18n adds ``<link rel="alternate" hreflang=..>`` to each page, and Material's
   JavaScript then fetches ``<that page>/sitemap.xml``, which 404s (a console error on every
   page). They are dropped; the header's language switcher is separate and unaffected.
"""

from __future__ import annotations

import json
import logging
import os
import posixpath
import re
import shutil
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
# The splitter's inner loop: slices t[s:o] for o < len(t) only, never the whole query.
SPLIT_LOOP = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e"
SPLIT_LOOP_WHOLE = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e"
WORKER_PATCHES = ((HAN_QUERY, HAN_THAI_QUERY), (SPLIT_LOOP, SPLIT_LOOP_WHOLE))
# The page's base in Material's config: where it finds search/search_index.json and sitemap.xml.
CONFIG_BASE = re.compile(
    r'(<script id="__config" type="application/json">\{"annotate": [^,]*, "base": )"([^"]*)"'
)
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
    for old, new in WORKER_PATCHES:
        if js.count(new) == 1 and old not in js:
            continue  # patched already
        if js.count(old) != 1:
            log.warning(
                "%s: the pattern %s of the pinned mkdocs-material is not there exactly once; Thai "
                "queries will not be split as they should (update docs_site/hooks/thai_search.py)",
                worker,
                old,
            )
            continue
        js = js.replace(old, new)
    worker.write_text(js, "utf-8")


def _other_languages(config: Any) -> list[str]:
    """The locales of mkdocs-static-i18n other than the default one (built under ``<locale>/``)."""
    i18n = config["plugins"].get("i18n")
    if i18n is None:
        return []
    return [x.locale for x in i18n.config.languages if not x.default and x.build]


def _split_index(site: Path, locales: list[str]) -> None:
    """One index per language: the root keeps the default language, ``<locale>/search/`` the others."""
    root = site / "search" / "search_index.json"
    data = json.loads(root.read_text("utf-8"))
    rest = data["docs"]
    for locale in locales:
        prefix = f"{locale}/"
        mine = [
            {**d, "location": d["location"][len(prefix) :]} for d in rest if d["location"].startswith(prefix)
        ]
        rest = [d for d in rest if not d["location"].startswith(prefix)]
        if not mine:
            log.warning("no search entries for the %s pages", locale)
        target = site / locale / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({**data, "docs": mine}, ensure_ascii=False), "utf-8")
        if (site / "sitemap.xml").is_file():
            shutil.copyfile(site / "sitemap.xml", site / locale / "sitemap.xml")
        for page in sorted((site / locale).glob("**/*.html")):
            _rebase(page, site / locale)
    root.write_text(json.dumps({**data, "docs": rest}, ensure_ascii=False), "utf-8")


def _rebase(page: Path, language_root: Path) -> None:
    html = page.read_text("utf-8")
    if '<script id="__config"' not in html:
        return  # not a Material page (the API explorer's frame)
    base = posixpath.relpath(language_root.as_posix(), page.parent.as_posix())
    html, count = CONFIG_BASE.subn(lambda m: f'{m.group(1)}"{base}"', html)
    if count != 1:
        log.warning(
            "%s: Material's config (its base) not found once; search would use another language", page
        )
        return
    page.write_text(html, "utf-8")


@event_priority(-200)  # after the search plugin and the i18n plugin (-100), which builds the other languages
def on_post_build(config: Any) -> None:
    """One index per language, Thai segmented in each; the worker's query splitting widened."""
    i18n = config["plugins"].get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # a language's build inside the i18n plugin's: the merged index is not complete yet
    site = Path(config["site_dir"])
    workers = sorted(site.glob("assets/javascripts/workers/search.*.min.js"))
    if not (site / "search" / "search_index.json").is_file() or not workers:
        log.warning("no search index or search worker in %s: is the search plugin enabled?", site)
        return
    _split_index(site, _other_languages(config))
    for index in sorted(site.glob("**/search/search_index.json")):
        _segment_index(index)
    for worker in workers:
        _patch_worker(worker)
