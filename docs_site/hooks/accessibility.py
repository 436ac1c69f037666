"""MkDocs hook: pages that assistive technology can read, in the page's own language.

What axe-core found on the built site, fixed at the source (``tests/test_docs_a11y.py`` runs axe
on every page of every language):

1. Material's search is a ``role="dialog"`` with no name: it gets ``aria-label``, the spec's
   ``search`` word in the page's language.
2. Links in running text were told apart from it by colour only (indigo on near-black, 2.3:1):
   they are underlined. Code highlighting drew comments, operators and variables in grey at
   4.47:1 on the code background: a darker grey (7:1). One inline style, like page_style.py's.
3. The Swagger UI frame (mkdocs-swagger-ui-tag writes it) had no ``title`` and said
   ``lang="en"`` on every language's page: the frame gets the ``api_reference`` word as its
   title, and the frame's document the page's language and that title.
4. The frame also gets a small Swagger UI plugin (``swagger_plugin.js`` beside this file,
   inlined): under each property's description it shows the property's scope (``x-scope``)
   and its description in every other language (``x-descriptions``, marked with its ``lang``),
   and names Swagger UI's server ``<select>`` (the ``servers`` word). A short stylesheet darkens
   Swagger UI's own colours that axe finds below 4.5:1.

The words come from ``extra.specgen_words`` (generator/site.py puts the spec's interface words
there), so a language added to the spec is labelled in its own words. Every markup pattern this
hook rewrites is tied to the pinned Material and mkdocs-swagger-ui-tag; if one is not found,
the hook warns, and the strict build fails.
"""

from __future__ import annotations

import html
import json
import logging
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.accessibility")

STYLE = (
    '<style id="specgen-accessibility">'
    # Links inside running text are underlined, not told apart by colour alone.
    ".md-typeset :is(p,li,td,th,dd,dt,blockquote) a:not(.headerlink):not(.md-button)"
    "{text-decoration:underline;text-underline-offset:.15em}"
    # Pygments' grey tokens (comments, operators, variables, punctuation) at 7:1, not 4.47:1.
    ":root,[data-md-color-scheme=default]{--md-code-hl-comment-color:#4d4d4d;"
    "--md-code-hl-operator-color:#4d4d4d;--md-code-hl-punctuation-color:#4d4d4d;"
    "--md-code-hl-variable-color:#4d4d4d;--md-code-hl-generic-color:#4d4d4d}"
    "</style>"
)
_HTML_LANG = re.compile(r'<html\b[^>]*\blang="([^"]+)"')
# Material 9.8.1's partials/search.html.
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
# mkdocs-swagger-ui-tag 0.8.1: the iframe it puts in the page, and its frame template.
_SWAGGER_IFRAME = re.compile(r'<iframe\b(?=[^>]*\bclass="swagger-ui-iframe")[^>]*>')
_IFRAME_SRC = re.compile(r'\bsrc="(swagger-[0-9a-f]+\.html)"')
_FRAME_LANG = '<html lang="en">'
_FRAME_TITLE = "<title>Swagger UI</title>"
_FRAME_OPTIONS = 'dom_id: "#swagger-ui",'
PLUGIN_JS = Path(__file__).with_name("swagger_plugin.js")
# Swagger UI's own colours that axe-core finds below 4.5:1 (white on its method and version badges,
# its link blue, its Authorize green, its grey "Expand all" on #efefef, white on its orange string
# format badge), each darkened to 5:1 or more.
FRAME_STYLE = (
    '<style id="specgen-accessibility">'
    ".swagger-ui .info .title small{background:#5b616d}"
    ".swagger-ui .info .title small.version-stamp{background:#3d6b00}"
    ".swagger-ui .info a,.swagger-ui .info .url,.swagger-ui a.link{color:#1a5fb4}"
    ".swagger-ui .opblock.opblock-get .opblock-summary-method{background:#1c64b0}"
    ".swagger-ui .opblock.opblock-post .opblock-summary-method{background:#17784d}"
    ".swagger-ui .btn.authorize{color:#17784d;border-color:#17784d}"
    ".swagger-ui .btn.authorize svg{fill:#17784d}"
    ".swagger-ui .json-schema-2020-12-expand-deep-button{color:#5c5c5c}"
    ".swagger-ui .json-schema-2020-12__constraint--string{background-color:#8a5a00}"
    # The plugin's lines, set like Swagger UI's description above them.
    ".swagger-ui .specgen-scope,.swagger-ui .specgen-other-language{font-size:12px;margin-left:20px;color:#3b4151}"
    "</style>\n"
)


def _words(config: Any, lang: str) -> dict[str, str] | None:
    words: dict[str, dict[str, str]] = (config.get("extra") or {}).get("specgen_words") or {}
    return words.get(lang) or words.get(lang.split("-")[0])


def _replace_once(text: str, old: str, new: str, where: str) -> str:
    if text.count(old) != 1:
        log.warning("%s: expected %r once, found it %d times", where, old, text.count(old))
        return text
    return text.replace(old, new)


def _accessible(output: str, config: Any, where: str) -> tuple[str, str, dict[str, str]] | None:
    """The page with its search dialog named and the style added; its language and words."""
    match = _HTML_LANG.search(output)
    words = _words(config, match.group(1)) if match else None
    if match is None or words is None:
        log.warning("%s: no <html lang> with interface words (extra.specgen_words)", where)
        return None
    label = html.escape(words["search"])
    output = _replace_once(
        output,
        _SEARCH_DIALOG,
        _SEARCH_DIALOG.replace(' role="dialog"', f' role="dialog" aria-label="{label}"'),
        where,
    )
    if STYLE not in output:
        output = _replace_once(output, "</head>", STYLE + "</head>", where)
    return output, match.group(1), words


# After swagger-ui-tag (priority 0), which writes the frame and puts its iframe in the page.
@event_priority(-50)
def on_post_page(output: str, page: Any, config: Any) -> str:
    """Name the search dialog, style links and code, and title the Swagger frame, in the page's language."""
    done = _accessible(output, config, page.file.src_uri)
    if done is None:
        return output
    output, lang, words = done
    return _SWAGGER_IFRAME.sub(lambda m: _title_frame(m.group(0), page, config, lang, words), output)


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    """The same for a page built from a template alone (Material's 404.html)."""
    if "</head>" not in output_content:
        return output_content  # not an HTML page (sitemap.xml and the like)
    done = _accessible(output_content, config, template_name)
    return output_content if done is None else done[0]


def _title_frame(tag: str, page: Any, config: Any, lang: str, words: dict[str, str]) -> str:
    """The iframe tag with a title; its document (already written by swagger-ui-tag) patched."""
    title = words["api_reference"]
    src = _IFRAME_SRC.search(tag)
    if src is None:
        log.warning("%s: a Swagger UI iframe without a swagger-*.html src: %s", page.file.src_uri, tag)
        return tag
    frame = Path(config["site_dir"], unquote(page.url), src.group(1))
    _patch_frame(frame, lang, f"{title} - {config['site_name']}", config)
    return tag.replace("<iframe ", f'<iframe title="{html.escape(title)}" ', 1)


def _patch_frame(frame: Path, lang: str, title: str, config: Any) -> None:
    """The frame's document in the page's language, with its title and the specgen Swagger UI plugin."""
    where = os.fspath(frame)
    if not frame.is_file():
        log.warning("%s: the Swagger UI frame was not written", where)
        return
    text = frame.read_text("utf-8")
    if f'<html lang="{lang}">' in text and "specgenSwaggerPlugin" in text:
        return  # patched already (the same page built twice)
    every: dict[str, dict[str, str]] = config["extra"]["specgen_words"]
    words = {
        "lang": lang,
        "scope": every[lang]["scope"],
        "description": every[lang]["description"],
        "servers": every[lang]["servers"],
        "languages": {code: w["language_name"] for code, w in every.items()},
    }
    # JSON in a script element: "</" and "<!--" must not appear in it.
    data = json.dumps(words, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--")
    script = FRAME_STYLE + f"<script>\n{PLUGIN_JS.read_text('utf-8')}</script>\n"
    text = _replace_once(text, _FRAME_LANG, f'<html lang="{html.escape(lang)}">', where)
    text = _replace_once(text, _FRAME_TITLE, f"<title>{html.escape(title)}</title>", where)
    text = _replace_once(text, "</head>", script + "</head>", where)
    text = _replace_once(
        text, _FRAME_OPTIONS, _FRAME_OPTIONS + f"\n        plugins: [specgenSwaggerPlugin({data})],", where
    )
    frame.write_text(text, "utf-8")
