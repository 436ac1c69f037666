"""Read generated Markdown as a reader's tools do: Python-Markdown (what MkDocs runs) to HTML.

Python-Markdown pads a short table row and drops a long row's extra cells, so a stray ``|``
would go unseen in the HTML alone: :func:`table_pipe_problems` counts the unescaped pipes
of the Markdown source as well.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import markdown

# The docs site's extensions that change what Markdown means (highlighting only colours).
EXTENSIONS = ["tables", "admonition", "fenced_code", "toc"]
# Every tag the templates themselves write; any other tag came from a spec's text.
TEMPLATE_TAGS = frozenset(
    "p h1 h2 h3 h4 table thead tbody tr th td code pre br a ul ol li strong em div span swagger-ui".split()
)  # swagger-ui: the API reference page's element for the docs site's Swagger UI plugin; span: a
# bilingual page's text marked with its language
LINE_BREAKS = re.compile(r"\r\n|[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


def render(text: str) -> str:
    """Markdown to HTML, as the docs site renders it."""
    return markdown.markdown(text, extensions=EXTENSIONS)


@dataclass
class Page:
    """What a rendered page holds: its tags, link targets, tables (rows of cell texts) and paragraphs."""

    tags: list[tuple[str, list[tuple[str, str | None]]]] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    code_blocks: list[str] = field(default_factory=list)
    spans: list[tuple[str | None, str]] = field(default_factory=list)  # (lang, text shown)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._cell: list[str] | None = None
        self._paragraph: list[str] | None = None
        self._pre: list[str] | None = None
        self._span: list[str] | None = None
        self._span_lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.page.tags.append((tag, attrs))
        if tag == "table":
            self.page.tables.append([])
        elif tag == "tr" and self.page.tables:
            self.page.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "p":
            self._paragraph = []
        elif tag == "pre":
            self._pre = []
        elif tag == "span":
            self._span, self._span_lang = [], dict(attrs).get("lang")
        elif tag == "br":
            for sink in (self._cell, self._paragraph, self._span):
                if sink is not None:
                    sink.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.page.tables[-1][-1].append("".join(self._cell))
            self._cell = None
        elif tag == "p" and self._paragraph is not None:
            self.page.paragraphs.append("".join(self._paragraph))
            self._paragraph = None
        elif tag == "pre" and self._pre is not None:
            self.page.code_blocks.append("".join(self._pre))
            self._pre = None
        elif tag == "span" and self._span is not None:
            self.page.spans.append((self._span_lang, "".join(self._span)))
            self._span = None

    def handle_data(self, data: str) -> None:
        for sink in (self._cell, self._paragraph, self._pre, self._span):
            if sink is not None:
                sink.append(data)

    def handle_comment(self, data: str) -> None:
        self.page.comments.append(data)


def read(text: str) -> Page:
    """Render Markdown and read the HTML back."""
    reader = _Reader()
    reader.feed(render(text))
    reader.close()
    return reader.page


def shown(text: str) -> str:
    """What a reader sees of a spec text in a paragraph or cell: line breaks as breaks, tabs as spaces."""
    return LINE_BREAKS.sub("\n", text).replace("\t", " ")


def same_text(rendered: str, original: str) -> bool:
    """Whether a rendered cell or paragraph shows exactly ``original``.

    Markdown trims a cell and a paragraph (of any white space, no-break space too) and turns
    a tab into spaces; HTML shows a run of spaces and tabs as one space. So the ends of each
    line may differ in white space, and a run of spaces and tabs counts as one space.
    """

    def lines(text: str) -> list[str]:
        return [re.sub(r"[ \t]+", " ", line).strip() for line in text.strip().split("\n")]

    return lines(rendered) == lines(shown(original))


def _unescaped_pipes(line: str) -> int:
    count, escaped = 0, False
    for char in line:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            count += 1
    return count


def table_pipe_problems(text: str) -> list[str]:
    """Table rows whose count of unescaped ``|`` differs from their header's."""
    problems = []
    lines = re.split(r"\r\n|\r|\n", text)  # the line breaks Python-Markdown knows
    i = 0
    while i < len(lines):
        if (
            i + 1 < len(lines)
            and lines[i].startswith("|")
            and re.fullmatch(r"\|( *:?-+:? *\|)+", lines[i + 1])
        ):
            header = _unescaped_pipes(lines[i])
            j = i + 1
            while j < len(lines) and lines[j].startswith("|"):
                if _unescaped_pipes(lines[j]) != header:
                    problems.append(f"line {j + 1}: {lines[j][:120]!r}")
                j += 1
            i = j
        else:
            i += 1
    return problems
