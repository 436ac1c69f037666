"""MkDocs hook: code in table cells is never broken mid-word.

Material lets inline code wrap anywhere (``word-break: break-word``), so in the narrow columns
of a field table a wire name or a scope is drawn as ``display_na`` / ``me`` or ``user.info.b`` /
``asic``. A style in each page's head keeps such code on one line; a table wider than the
page scrolls sideways in Material's table wrapper instead. Inline, so the site has no extra
file to fetch.
"""

from __future__ import annotations

from typing import Any

STYLE = (
    '<style id="specgen-page-style">'
    ".md-typeset table:not([class]) code{word-break:normal;overflow-wrap:normal;white-space:nowrap}"
    "</style>"
)


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Add the style to a Material page's head (once)."""
    if STYLE in output or "</head>" not in output:
        return output
    return output.replace("</head>", STYLE + "</head>", 1)
