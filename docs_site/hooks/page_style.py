"""MkDocs hook: the site's own stylesheet and its bundled Thai font.

``docs_site/assets/specgen.css`` (Thai words kept whole, code in table cells on one line, tables
as cards on a phone, the Thai font's ``@font-face``) is linked from every page's head, by a
path relative to the page, after Material's stylesheets so that its rules win a tie.

The font is Noto Sans Thai's Thai subset as one variable woff2 (every weight), from the npm
package ``@fontsource-variable/noto-sans-thai``, pinned in package.json and package-lock.json
and installed by ``npm ci`` (``make node_modules/.installed``). After the build the stylesheet,
the font and the font's licence (SIL Open Font License 1.1) are copied into the site, so the
site loads no font from anywhere else. Material's ``font: false`` stays.
"""

from __future__ import annotations

import html
import shutil
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parents[2]
STYLESHEET_SOURCE = ROOT / "docs_site" / "assets" / "specgen.css"
FONT_PACKAGE = ROOT / "node_modules" / "@fontsource-variable" / "noto-sans-thai"
FONT_FILE = "noto-sans-thai-thai-wght-normal.woff2"
# Where they go in the site; the stylesheet names the font relative to itself (fonts/...).
SITE_DIR = "assets/specgen"
STYLESHEET = f"{SITE_DIR}/specgen.css"
FONT_LICENSE = f"{SITE_DIR}/fonts/LICENSE.txt"


def stylesheet_link(page_url: str) -> str:
    """The ``<link>`` to the site's stylesheet from a page at ``page_url``."""
    return f'<link rel="stylesheet" href="{html.escape(get_relative_url(STYLESHEET, page_url), quote=True)}">'


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Link the stylesheet in a page's head (once)."""
    link = stylesheet_link(page.url)
    if link in output or "</head>" not in output:
        return output
    return output.replace("</head>", link + "</head>", 1)


def font_sources() -> dict[str, Path]:
    """The files copied into the site, by their path in it; a missing font is a clear error."""
    font = FONT_PACKAGE / "files" / FONT_FILE
    licence = FONT_PACKAGE / "LICENSE"
    for path in (font, licence):
        if not path.is_file():
            raise PluginError(
                f"{path} is missing: the docs site bundles the Thai font from the npm package "
                f"{FONT_PACKAGE.name}; run `make node_modules/.installed` (npm ci) first"
            )
    return {STYLESHEET: STYLESHEET_SOURCE, f"{SITE_DIR}/fonts/{FONT_FILE}": font, FONT_LICENSE: licence}


def on_pre_build(config: Any) -> None:
    """Fail early (before any page is built) when the font is not installed."""
    font_sources()


def on_post_build(config: Any) -> None:
    """Copy the stylesheet, the font and its licence into the site."""
    site = Path(config["site_dir"])
    for target, source in font_sources().items():
        (site / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, site / target)
