"""Formatting: black's output, at the pinned version, without running black where it would change nothing.

The Python templates emit code that is already black-stable (magic trailing commas, literals
in black's quotes, docstrings as black lays them out: :func:`black_docstring`), so black is a
no-op on them. Running it anyway costs about 1.8 ms a field, which is most of a large
generation. So each module is cut into top-level chunks (``class``/``def`` at column 0, two
blank lines before each, as black lays them out), and black runs, in-process and at most once,
only on a chunk that :func:`needs_black` cannot vouch for: one with a code line longer than
black's limit that black might split (a very long name, URL or annotation). Everything else
(quote choice, blank lines, trailing commas, docstring indentation) is fixed by the templates
and proved by ``tests/test_black_stable.py``, which runs black itself on the committed spec's
modules and on a synthetic spec with hostile texts and long names. A rejection by black, or
code that does not compile, is a generator bug and fails loudly.
"""

from __future__ import annotations

import bisect
import re
import sys
import unicodedata
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.units import FileText

LINE_LENGTH = 88  # black's default; the generated package's pyproject names no other

_CHUNK_START = re.compile(r"^(?:class |def |async def |@)", re.M)
_STRING = r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"|\'[^\'\\\n]*(?:\\.[^\'\\\n]*)*\''
# Triple-quoted strings, or a run of anything else (code, one-line strings, comments) in one
# match: scanned in source order, a quote inside a string or comment never starts another.
_TOKENS = re.compile(
    r'("""[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*""")'
    r'|(?:"(?!"")[^"\\\n]*(?:\\.[^"\\\n]*)*"|\'[^\'\\\n]*(?:\\.[^\'\\\n]*)*\'|#[^\n]*|[^"\'#]+)+',
    re.S,
)
# Long lines black leaves alone: a lone literal (with a keyword or a dict key) ending with
# a comma inside an exploded call or display, a comment, a one-line docstring, the first
# line of a multi-line string.
_SAFE_LONG = re.compile(
    rf' *(?:#.*|(?:[A-Za-z_][A-Za-z0-9_]*=|(?:{_STRING}): )?(?:{_STRING}),|"""[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*(?:""")?)',
)
# Lines that may be wider than black's limit: longer than half of it (wide characters count 2).
_LONGISH_LINE = re.compile(rf"^[^\n]{{{LINE_LENGTH // 2 + 1},}}", re.M)
_BLACK_LINE_BREAK = re.compile(r"\r\n|[\r\n]")


class Formatted(str):
    """Text already formatted (a module that came through :func:`format_python`): passed through as it is."""


class FormattingError(Exception):
    """Black could not parse generated code: a bug in a template, surfaced, never swallowed."""


def _width(line: str) -> int:
    """An upper bound of black's display width (wide characters 2, all others 1)."""
    if line.isascii():
        return len(line)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def needs_black(chunk: str) -> bool:
    """Whether black might change this template output: a code line it could split is too long."""
    spans: list[tuple[int, int]] | None = None
    for line_match in _LONGISH_LINE.finditer(chunk):
        line = line_match.group()
        if len(line) <= LINE_LENGTH and line.isascii():
            continue
        if spans is None:  # multi-line strings, found once per chunk that has long lines
            spans = [
                (m.start(1), m.end(1)) for m in _TOKENS.finditer(chunk) if m.group(1) and "\n" in m.group(1)
            ]
            span_starts = [s for s, _ in spans]
        start = line_match.start()
        k = bisect.bisect_left(span_starts, start) - 1
        if k >= 0 and spans[k][0] < start < spans[k][1]:
            continue  # inside a multi-line string: black never touches it (docstrings are pre-laid)
        if _SAFE_LONG.fullmatch(line) or _width(line) <= LINE_LENGTH:
            continue
        return True
    return False


def black_docstring(body: str, indent: str = "") -> str:
    """A docstring body (already escaped) as black lays it out at ``indent``.

    Mirrors black's docstring handling: the first line stripped, later lines re-indented
    after removing their common indentation, trailing spaces dropped, a space before a
    closing quote that would touch a quote, and the closing quotes on their own line when
    the last line would otherwise pass the line length.
    """
    if re.search(r"\\\s*\n", body):
        return body  # black leaves docstrings with a backslash before a line break alone
    if "\n" in body:
        lines = [_expand_leading_tabs(line) for line in _BLACK_LINE_BREAK.split(body)]
        common = min(
            (len(line) - len(line.lstrip()) for line in lines[1:] if line.strip()), default=sys.maxsize
        )
        trimmed = [lines[0].strip()]
        if common < sys.maxsize:
            last = len(lines) - 2
            for i, line in enumerate(lines[1:]):
                stripped = line[common:].rstrip()
                trimmed.append(indent + stripped if stripped or i == last else "")
        body = "\n".join(trimmed)
        multiline = True
    else:
        body = body.strip()
        multiline = False
    if body:
        if body[0] == '"':
            body = " " + body
        if body[-1] == '"':
            body += " "
        if body[-1] == "\\" and (len(body) - len(body.rstrip("\\"))) % 2:
            return body + " "
    else:
        return " "
    if multiline and not body.endswith("\n"):
        last_line = body.splitlines()[-1]
        if len(last_line) + 3 > LINE_LENGTH and len(indent) + 3 <= LINE_LENGTH:
            body += "\n" + indent
    return body


def _expand_leading_tabs(line: str) -> str:
    stripped = line.lstrip()
    if not stripped or stripped == line:
        return line
    prefix = len(line) - len(stripped)
    return line[:prefix].expandtabs(4) + stripped


def split_chunks(source: str) -> list[str]:
    """Top-level chunks: the module head, then each top-level ``class``/``def`` with what follows it."""
    cuts = []
    for found in _CHUNK_START.finditer(source):
        start = found.start()
        line_before = source.rfind("\n", 0, max(start - 1, 0)) + 1
        if start > 0 and source.startswith("@", line_before):
            continue  # a decorated class or def: one chunk with its decorator lines
        cuts.append(start)
    bounds = [0, *[c for c in cuts if c > 0], len(source)]
    return [source[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]


def _black(path: str, source: str) -> str:
    import black  # imported only when a chunk needs it: most generations never do

    mode = black.mode.Mode(target_versions={black.mode.TargetVersion.PY311}, line_length=LINE_LENGTH)
    try:
        return black.format_str(source, mode=mode)
    except Exception as exc:  # black raises several types; all mean the same here
        raise FormattingError(f"{path}: black rejected generated code: {exc}") from exc


def format_python(path: str, source: str) -> str:
    """One generated module as black would format it; black runs only on chunks that need it."""
    chunks = split_chunks(source)
    # Black puts exactly two blank lines before a top-level class or def; a chunk that does
    # not end that way, or a module without a final newline, goes to black whole.
    if (
        not source.endswith("\n")
        or source.endswith("\n\n")
        or any(not c.endswith("\n\n\n") or c.endswith("\n\n\n\n") for c in chunks[:-1])
    ):
        return _black(path, source)
    out = []
    for i, chunk in enumerate(chunks):
        if needs_black(chunk):
            body = chunk.rstrip("\n") + "\n"
            formatted = _black(path, body)
            chunk = formatted + "\n\n" if i < len(chunks) - 1 else formatted
        out.append(chunk)
    return "".join(out)


def format_files(files: Mapping[str, FileText]) -> dict[str, FileText]:
    """Format every ``.py`` file (but those already :class:`Formatted`, or stored formatted in the
    unit cache); others pass through."""
    return {
        path: (
            format_python(path, text)
            if isinstance(text, str) and path.endswith(".py") and not isinstance(text, Formatted)
            else text
        )
        for path, text in files.items()
    }
