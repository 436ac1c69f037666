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
   words and matched almost every page; the bound is fixed. Every patched pattern (these and
   those of 7) belongs to the pinned mkdocs-material; if one is not found exactly once, a
   warning fails the ``--strict`` build.

3. mkdocs-static-i18n merges every language's pages into the one index at the site root, so a
   Thai reader's search listed English pages and each bilingual page twice. Each language other
   than the default gets its own ``<lang>/search/search_index.json`` (its pages only, locations
   relative to ``<lang>/``), the root index keeps the default language's, and that language's
   pages name ``<lang>/`` as their ``base`` (which Material uses only to find the index and the
   sitemap; the sitemap is copied there).

4. mkdocs-static-i18n adds ``<link rel="alternate" hreflang=..>`` to each page, and Material's
   JavaScript then fetches ``<that page>/sitemap.xml``, which 404s (a console error on every
   page). They are dropped; the header's language switcher is separate and unaffected.

5. A 404 page per language. Each language's build writes ``404.html`` at the site root, so the
   last one built (not the default language's) was left there. Each build's page is kept:
   the default language's goes to the root, every other one to ``<lang>/404.html`` (with
   ``<lang>/`` as its search base, an absolute path as a 404 page's links are), and each one's
   language switcher leads to each language's home page instead of the last page built.

6. A sitemap needs absolute addresses: without ``site_url`` the i18n plugin's sitemap lists
   ``None/...``, so it is replaced by one that lists nothing (Material's script fetches a
   sitemap on every page, and reads none as no pages); with ``site_url`` it is kept. Either is
   copied to each ``<lang>/``.

7. Search that ranks. Each table row that names what it defines (its first cell is one code
   span: a field, parameter, scope or error code) gets an id and is a search entry of its own,
   titled with the name, so a result says where it matched; its table leaves its section's
   entry. The worker drops entries that lack a Thai run of the query as it was typed (a
   phrase, not any one of its words) and weighs entries by length (lunr's usual b = 0.75;
   Material sets 0), so the short entry that defines a word ranks above a long section that
   mentions it. Each named row weighs twice a section (ROW_BOOST), times its page's boost.

8. Partial rebuilds (``make serve-docs``, docs_site/serve.py): a dirty MkDocs build renders only
   the pages whose source changed, and the search plugin then indexes only those. The hook
   keeps each page's entries (rows included) from the last build in this process, and a build
   that rendered only some pages gets every other page's entries from there, in the order of a
   full build: the index stays the full build's (tests/test_docs_partial.py). A page missing
   from both (no earlier build) is a warning, so a strict build fails rather than lose it.
   Segmenting a text is cached (the same text always splits the same way), so a rebuild
   segments only new text.
"""

from __future__ import annotations

import copy
import json
import logging
import os
import posixpath
import re
import shutil
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

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
# A Thai run of the query (a word, or words typed without spaces) must occur as it was typed in
# an entry (its title or text, without the U+200B): the search finds the phrase, not every
# entry with one of its words (ที่ of ชื่อที่แสดง is in almost every Thai sentence). The runs
# are kept when the query arrives, and entries without them are dropped before ranking.
THAI_FILTER = (
    'var specgenThai={runs:[],has(d){const t=((d.title||"")+" "+(d.text||"")).replace(/\\u200b/g,"");'
    "return this.runs.every(r=>t.includes(r))}};"
)
PRELUDE = '"use strict";(()=>{'
PRELUDE_THAI = '"use strict";' + THAI_FILTER + "(()=>{"
QUERY_START = "search(e){if(e=e.replace("
QUERY_START_THAI = "search(e){if(specgenThai.runs=e.match(/\\p{sc=Thai}+/gu)||[],e=e.replace("
ENTRY = 'let c=this.map.get(o);if(typeof c!="undefined"){'
ENTRY_THAI = 'let c=this.map.get(o);if(typeof c!="undefined"&&specgenThai.has(c)){'
# Material turns lunr's length normalisation off (b = 0), so a long section that mentions a
# word ranks with the short entry that defines it (a field's row); with lunr's usual 0.75 the
# entry that is mostly the query ranks first.
NO_LENGTH_NORM = "this.b(0)"
LENGTH_NORM = "this.b(.75)"
WORKER_PATCHES = (
    (HAN_QUERY, HAN_THAI_QUERY),
    (SPLIT_LOOP, SPLIT_LOOP_WHOLE),
    (PRELUDE, PRELUDE_THAI),
    (QUERY_START, QUERY_START_THAI),
    (ENTRY, ENTRY_THAI),
    (NO_LENGTH_NORM, LENGTH_NORM),
)
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
# A table row whose first cell is one code span names what the row defines (a field, a
# parameter, a scope, an error code): each such row is its own search entry, titled with that
# name and pointing at the row, and the table is left out of its section's entry.
TABLE = re.compile(r"<table>(.*?)</table>", re.S)
ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
CELL = re.compile(r"<td>(.*?)</td>", re.S)
NAME_CELL = re.compile(r"\s*<code>([^<]+)</code>\s*")
ANY_ID = re.compile(r'\bid="([^"]+)"')
TAG = re.compile(r"<[^>]+>")
NOT_ID = re.compile(r"[^A-Za-z0-9_.-]+")
# A row's entry weighs more than running text: it is where its name is defined.
ROW_BOOST = 2.0
# Each page's row entries, by page URL (every language's build adds its own), until the index is written.
_row_entries: dict[str, list[dict[str, Any]]] = {}
ERROR_PAGE = "404.html"
SITEMAP = "sitemap.xml"
EMPTY_SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'
)
# Each language build's 404 page, by locale, until the last build is done.
_error_pages: dict[str, str] = {}
# The pages of this build, every language's, in the order the search plugin indexes them, and
# those of them it rendered (all, unless the build is dirty).
_page_order: list[str] = []
_rendered: set[str] = set()
# Each page's search entries (rows included, before splitting and segmenting) as the last build
# in this process left them: a partial build's other pages keep theirs.
_last_entries: dict[str, list[dict[str, Any]]] = {}


@lru_cache(maxsize=65536)
def _thai_words(run: str) -> str:
    """A Thai run with U+200B between its words (the same run always splits the same way)."""
    return ZWSP.join(w for w in word_tokenize(run, engine="newmm", keep_whitespace=False) if w)


def segment_thai(text: str) -> str:
    """``text`` with U+200B between Thai words; everything else is left as it is."""
    return THAI_RUN.sub(lambda m: _thai_words(m.group(0)), text.replace(ZWSP, ""))


def _building_a_language(config: Any) -> bool:
    """Whether this is one of mkdocs-static-i18n's builds of another language, inside the first."""
    i18n = config["plugins"].get("i18n")
    return i18n is not None and bool(getattr(i18n, "building", False))


def on_pre_build(config: Any) -> None:
    """A new site build: forget what an earlier one (maybe failed half-way) left of its pages."""
    if _building_a_language(config):
        return
    _row_entries.clear()
    _error_pages.clear()
    _page_order.clear()
    _rendered.clear()


def on_env(env: Any, config: Any, files: Any) -> None:
    """Note this language's pages, in the order the search plugin indexes them."""
    _page_order.extend(f.page.url if f.page is not None else f.url for f in files.documentation_pages())


def _page_of(location: str) -> str:
    return location.partition("#")[0]


def complete_entries(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The index's entries with every page's, when this build rendered only some pages.

    A full build's entries are kept as they are (and remembered); after a partial one, each
    page not rendered gets its entries from the last build, in the order of a full build."""
    new: dict[str, list[dict[str, Any]]] = {}
    for doc in docs:
        new.setdefault(_page_of(doc["location"]), []).append(doc)
    if not set(_page_order) - _rendered:
        result = docs
    else:
        missing = sorted(p for p in _page_order if p not in _rendered and p not in _last_entries)
        if missing:
            log.warning("a partial build without an earlier one: no search entries for %s", missing)
        pages = [*_page_order, *(p for p in new if p not in _page_order)]
        result = [d for p in pages for d in (new.get(p, []) if p in _rendered else _last_entries.get(p, []))]
    _last_entries.clear()
    for doc in result:
        _last_entries.setdefault(_page_of(doc["location"]), []).append(doc)
    return result


def _row_id(name: str, taken: set[str]) -> str:
    base = NOT_ID.sub("-", name).strip("-") or "row"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


def _name_rows(table: str, taken: set[str], url: str, boost: float) -> tuple[str, list[dict[str, Any]]]:
    """The table with an id on each named row, and each such row's search entry."""
    entries: list[dict[str, Any]] = []

    def row(match: re.Match[str]) -> str:
        cells = CELL.findall(match.group(1))
        name = NAME_CELL.fullmatch(cells[0]) if cells else None
        if name is None:
            return match.group(0)
        anchor = _row_id(name.group(1), taken)
        text = " ".join(" ".join(TAG.sub(" ", c).split()) for c in cells[1:])
        entries.append({"location": f"{url}#{anchor}", "title": name.group(1), "text": text, "boost": boost})
        return f'<tr id="{anchor}">{match.group(1)}</tr>'

    return ROW.sub(row, table), entries


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Each named table row gets an id and its own search entry; the table leaves its section's."""
    taken = set(ANY_ID.findall(html))
    entries: list[dict[str, Any]] = []
    boost = ROW_BOOST * float((page.meta.get("search") or {}).get("boost", 1))

    def table(match: re.Match[str]) -> str:
        body, rows = _name_rows(match.group(1), taken, page.url, boost)
        if not rows:
            return match.group(0)
        entries.extend(rows)
        # Material's search leaves out what is marked so, and then drops the mark.
        return f'<table data-search-exclude="rows">{body}</table>'

    html = TABLE.sub(table, html)
    _row_entries[page.url] = entries
    _rendered.add(page.url)
    return html


def _add_row_entries(index: Path) -> None:
    data = json.loads(index.read_text("utf-8"))
    docs: list[dict[str, Any]] = []
    for doc in data["docs"]:
        docs.append(doc)
        if "#" not in doc["location"]:  # a page's own entry: its rows follow
            docs.extend(_row_entries.pop(doc["location"], []))
    if _row_entries:
        log.warning(
            "no search entry for the pages %s: their table rows are not searchable", sorted(_row_entries)
        )
    _row_entries.clear()
    docs = complete_entries(docs)
    index.write_text(json.dumps({**data, "docs": docs}, ensure_ascii=False), "utf-8")


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Drop the hreflang alternates that make Material fetch missing sitemaps."""
    return ALTERNATE_LINK.sub("", output)


def _locale(config: Any) -> str | None:
    """The language being built (mkdocs-static-i18n's current one), or None without the plugin."""
    i18n = config["plugins"].get("i18n")
    return None if i18n is None else str(i18n.current_language)


def on_template_context(context: Any, template_name: str, config: Any) -> Any:
    """The 404 page's language switcher leads to each language's home page.

    mkdocs-static-i18n points the switcher at the current page's translations and leaves it
    as the last page built set it; a 404 page has no translation, so the homes (the list the
    plugin computed before any page) are put back.
    """
    i18n = config["plugins"].get("i18n")
    homes = getattr(i18n, "extra_alternate", None)
    if template_name == ERROR_PAGE and homes:
        extra = config["extra"]
        extra["alternate"] = copy.deepcopy(homes)
        if "alternate" in vars(extra):  # the plugin sets it as an attribute too, which templates read first
            extra.alternate = extra["alternate"]
    return context


def on_post_template(output: str, template_name: str, config: Any) -> str:
    """Keep each language's 404 page (each build writes it to the same place)."""
    locale = _locale(config)
    if template_name == ERROR_PAGE and locale is not None:
        _error_pages[locale] = output
    return output


def _place_error_pages(site: Path, config: Any) -> None:
    """The default language's 404 page at the root, each other one at ``<lang>/404.html``."""
    i18n = config["plugins"].get("i18n")
    if i18n is None:
        return
    default = str(i18n.default_language)
    root = urlsplit(config["site_url"] or "/").path.rstrip("/")
    for locale, html in sorted(_error_pages.items()):
        if locale == default:
            (site / ERROR_PAGE).write_text(html, "utf-8")
            continue
        base = f"{root}/{locale}/"  # a folder: Material resolves the index and results against it
        html, count = CONFIG_BASE.subn(lambda m: f'{m.group(1)}"{base}"', html)
        if count != 1:
            log.warning(
                "the %s 404 page has no Material config (its base); its search would be wrong", locale
            )
        (site / locale / ERROR_PAGE).write_text(html, "utf-8")
    if default not in _error_pages:
        log.warning("no 404 page was built for %s", default)
    _error_pages.clear()


def _segment_index(index: Path) -> None:
    data = json.loads(index.read_text("utf-8"))
    for doc in data["docs"]:
        for key in ("title", "text"):
            if key in doc:
                doc[key] = segment_thai(doc[key])
    index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")


def _patch_worker(worker: Path) -> None:
    js = original = worker.read_text("utf-8")
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
    if js != original:  # a partial build keeps the worker it patched before
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
        if (site / SITEMAP).is_file():
            shutil.copyfile(site / SITEMAP, site / locale / SITEMAP)
        for page in sorted((site / locale).glob("**/*.html")):
            _rebase(page, site / locale)
    root.write_text(json.dumps({**data, "docs": rest}, ensure_ascii=False), "utf-8")


def _rebase(page: Path, language_root: Path) -> None:
    html = page.read_text("utf-8")
    if '<script id="__config"' not in html:
        return  # not a Material page (the API explorer's frame)
    base = posixpath.relpath(language_root.as_posix(), page.parent.as_posix())
    rebased, count = CONFIG_BASE.subn(lambda m: f'{m.group(1)}"{base}"', html)
    if count != 1:
        log.warning(
            "%s: Material's config (its base) not found once; search would use another language", page
        )
        return
    if rebased != html:  # a page a partial build did not render again is rebased already
        page.write_text(rebased, "utf-8")


@event_priority(-200)  # after the search plugin and the i18n plugin (-100), which builds the other languages
def on_post_build(config: Any) -> None:
    """One index per language, Thai segmented in each; the worker's query splitting widened."""
    if _building_a_language(config):
        return  # a language's build inside the i18n plugin's: the merged index is not complete yet
    site = Path(config["site_dir"])
    workers = sorted(site.glob("assets/javascripts/workers/search.*.min.js"))
    if not (site / "search" / "search_index.json").is_file() or not workers:
        log.warning("no search index or search worker in %s: is the search plugin enabled?", site)
        return
    if not config["site_url"]:
        (site / SITEMAP).write_text(EMPTY_SITEMAP, "utf-8")
        (site / f"{SITEMAP}.gz").unlink(missing_ok=True)
    _add_row_entries(site / "search" / "search_index.json")
    _split_index(site, _other_languages(config))
    _place_error_pages(site, config)
    for index in sorted(site.glob("**/search/search_index.json")):
        _segment_index(index)
    for worker in workers:
        _patch_worker(worker)
