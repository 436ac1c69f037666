"""Escaping, one named function per target. Text from the spec is data, never template source.

Structured outputs (OpenAPI JSON, data JSON and CSV) are not escaped here: they are built as
data and serialised by their libraries.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable

_LINE_BREAK = re.compile(r"\r\n|[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


def py_str(text: str) -> str:
    """A Python string literal for ``text``, in the quotes black would choose.

    ``repr`` is the base: it escapes backslashes, quotes, line breaks and every
    non-printable character. Black prefers double quotes unless that needs more escapes.
    """
    if text.isprintable() and '"' not in text and "'" not in text and "\\" not in text:
        return f'"{text}"'  # what repr gives in double quotes: nothing to escape (the common case)
    literal = repr(text)
    if literal.startswith("'") and '"' not in text:
        body = literal[1:-1].replace("\\'", "'")
        return f'"{body}"'
    if literal.startswith("'") and "'" in text:
        # Both quotes: black switches to double quotes unless that needs more backslashes.
        double = "".join('\\"' if c == '"' else repr(c)[1:-1] for c in text)
        if double.count("\\") <= literal.count("\\"):
            return f'"{double}"'
    return literal


def py_docstring(text: str) -> str:
    """The body of a ``\"\"\"`` docstring showing ``text``: black-stable and never able to close early.

    Backslashes first; a double quote is escaped only where it could end the string (the
    third of a run, or the last character), so ``say "hi"`` reads as written; non-printable
    characters become escapes; trailing spaces of each line are dropped (black would drop them).
    """
    if '"' not in text and "\\" not in text and "\t" not in text:
        lines = text.split("\n")
        if all(line.isprintable() for line in lines):  # nothing to escape (the common case)
            return "\n".join(line.rstrip(" ") for line in lines).strip("\n") or " "
    out: list[str] = []
    run = 0  # unescaped double quotes just emitted
    for char in text:
        if char == '"':
            if run == 2:
                out.append('\\"')
                run = 0
            else:
                out.append(char)
                run += 1
            continue
        run = 0
        if char == "\\":
            out.append("\\\\")
        elif char == "\n":
            out.append("\n")
        elif char == "\t":
            out.append("\\t")
        elif not char.isprintable():
            out.append(repr(char)[1:-1])
        else:
            out.append(char)
    lines = "".join(out).split("\n")
    body = "\n".join(line.rstrip(" ") for line in lines).strip("\n") or " "
    # A quote right before the closing quotes would close the string early: escape the last
    # one (a run of two keeps its first, which the escaped one then separates).
    if body.endswith('"'):
        backslashes = len(body[:-1]) - len(body[:-1].rstrip("\\"))
        if backslashes % 2 == 0:  # an even run is escaped backslashes: the quote itself is bare
            body = body[:-1] + '\\"'
    return body


def py_comment(text: str) -> str:
    """Text for a single ``#`` comment line: line breaks and non-printables shown as escapes."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


_MD_INLINE_TEXT = re.compile(r"([`*_\[\]{}|!#+\-])")
# Text md_text returns unchanged: no character it escapes or breaks lines at, and no start
# that it changes (leading blanks, a digit that could open an ordered list).
_MD_PLAIN = re.compile(r"(?![\s\d])[^&<>\\`*_\[\]{}|!#+\-\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]*")


def _md_common(text: str) -> str:
    """Shared Markdown escaping: HTML shown as text, inline syntax neutralised."""
    text = html.escape(text, quote=False)
    # Backslash first, then the characters inline Markdown (and attr_list) interprets. Only
    # characters Python-Markdown lets a backslash escape: before any other (`$`, `~`, `^`,
    # `=`) the backslash would be shown.
    text = text.replace("\\", "\\\\")
    return _MD_INLINE_TEXT.sub(r"\\\1", text)


def md_text(text: str) -> str:
    """Markdown for a paragraph: shows ``text`` literally, on one source line.

    Raw HTML is shown as text; line breaks become ``<br>`` so that no block syntax
    (headings, lists, code blocks, tables) can start from the spec's text.
    """
    if _MD_PLAIN.fullmatch(text):
        return text  # nothing to escape: most descriptions, so worth the check
    lines = _LINE_BREAK.split(text)
    parts = [_md_common(line) for line in lines]
    # A number then "." or ")" at the start of the text would open an ordered list.
    if parts and re.match(r"^\s*\d+[.)]", parts[0]):
        parts[0] = re.sub(r"^(\s*\d+)([.)])", r"\1\\\2", parts[0])
    joined = "<br>".join(parts)
    # Leading spaces would make an indented code block.
    return joined.lstrip(" \t")


def md_cell(text: str) -> str:
    """Markdown for one table cell: like :func:`md_text`, and a ``|`` never splits the row."""
    return md_text(text).replace("\t", " ")


# Inside raw HTML such as <code>, Markdown still reads inline syntax: `__init__` would turn
# bold and `[x](javascript:...)` into a link. These characters become numeric references.
_HTML_NAMED = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_MD_INLINE = re.compile(r"[&<>\\`*\[\]{}|~!^=+#$]|(?<![^\W_])_|_(?![^\W_])")


def md_code(text: str) -> str:
    """An inline code element for a name (wire name, scope): shown literally, also in a table cell.

    An underscore inside a word (``open_id``) stays readable: Markdown does not emphasise there.
    """
    escaped = _MD_INLINE.sub(lambda m: _HTML_NAMED.get(m.group()) or f"&#{ord(m.group())};", text)  # one pass
    escaped = _LINE_BREAK.sub(" ", escaped).replace("\t", " ")  # Markdown would expand a tab
    return f"<code>{escaped}</code>"


def md_heading(text: str) -> str:
    """Markdown for heading text (one line)."""
    return md_text(_LINE_BREAK.sub(" ", text))


def html_comment(text: str) -> str:
    """Text inside ``<!-- ... -->``: nothing is unescaped there, so only ``--`` must go."""
    return _LINE_BREAK.sub(" ", text).replace("--", "- -")


def html_attr(text: str) -> str:
    """A value for a double-quoted HTML attribute."""
    return html.escape(_LINE_BREAK.sub(" ", text), quote=True)


def toml_str(text: str) -> str:
    """A TOML basic string (JSON's string escapes are all valid TOML escapes)."""
    return json.dumps(text, ensure_ascii=False)


# A ``{name}`` in an interface word (a label) where a value goes.
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def md_fill(label: str, values: dict[str, str]) -> str:
    """Markdown for a sentence with ``{name}`` placeholders: the words as text, each value as code.

    Only the names in ``values`` are placeholders: any other ``{...}`` in a label (a spec may
    override labels with any text) is shown as written.
    """
    label = _LINE_BREAK.sub(" ", label)  # a label is one line (a sentence), whatever a spec wrote
    out: list[str] = []
    start = 0
    for found in _PLACEHOLDER.finditer(label):
        if found.group(1) in values:
            out.extend((label[start : found.start()], md_code(values[found.group(1)])))
            start = found.end()
    out.append(label[start:])
    # Words (even parts) as text: the first as a paragraph start, later ones keep their spaces.
    return "".join(
        part if i % 2 else (md_text(part) if i == 0 else _md_common(part)) for i, part in enumerate(out)
    )


def md_value(value: object) -> str:
    """Code for a value in the docs (a bound, a default, allowed values): each list item its own span."""
    if isinstance(value, (list, tuple)):
        return ", ".join(md_value(v) for v in value)
    if isinstance(value, str):
        return md_code(value)
    return md_code(json.dumps(value, ensure_ascii=False))


ESCAPERS: dict[str, Callable[..., str]] = {
    "toml_str": toml_str,
    "py_str": py_str,
    "py_docstring": py_docstring,
    "py_comment": py_comment,
    "md_text": md_text,
    "md_cell": md_cell,
    "md_code": md_code,
    "md_heading": md_heading,
    "md_fill": md_fill,
    "md_value": md_value,
    "html_attr": html_attr,
    "html_comment": html_comment,
}
