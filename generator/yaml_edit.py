"""Targeted edits of a YAML file: replace a scalar, add a key to a mapping, add an item to a list.

Every byte outside an edited scalar stays as it was: comments, key order, quoting, line
breaks. A replaced scalar keeps its style (plain, quoted, folded ``>-``, literal ``|``) when
the new value can be written in it, else it is written double-quoted. The caller re-reads
the result to prove each edit (see ``po_import``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

import yaml

from generator.yaml_scalars import _Loader, core_tag
from generator.yaml_document import Path_

_STR_TAG = "tag:yaml.org,2002:str"
_PLAIN_FIRST_BAD = set("-?:,[]{}#&*!|>'\"%@` \t")
_FLOW_BAD = set(",[]{}")


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` by ``new``."""

    start: int
    end: int
    new: str


def nodes(text: str) -> dict[Path_, tuple[yaml.Node, yaml.Node | None, bool]]:
    """Every node of a YAML text by path: (value node, key node or None, inside a flow collection)."""
    root = yaml.compose(text, Loader=_Loader)
    found: dict[Path_, tuple[yaml.Node, yaml.Node | None, bool]] = {}

    def walk(node: yaml.Node, key: yaml.Node | None, path: Path_, flow: bool) -> None:
        found.setdefault(path, (node, key, flow))
        if isinstance(node, yaml.MappingNode):
            inner = flow or bool(node.flow_style)
            for k, v in node.value:
                walk(v, k, (*path, str(k.value)), inner)
        elif isinstance(node, yaml.SequenceNode):
            inner = flow or bool(node.flow_style)
            for i, v in enumerate(node.value):
                walk(v, None, (*path, i), inner)

    if root is not None:
        walk(root, None, (), False)
    return found


def _plain_ok(value: str, flow: bool) -> bool:
    if not value or value != value.strip() or "\n" in value or "\t" in value:
        return False
    if value[0] in _PLAIN_FIRST_BAD or ": " in value or " #" in value or value.endswith(":"):
        return False
    if flow and any(c in _FLOW_BAD for c in value):
        return False
    return core_tag(value) == _STR_TAG and value.isprintable()


def double_quoted(value: str) -> str:
    """A YAML double-quoted scalar: a JSON string, with every unprintable character escaped.

    YAML reads a raw U+0085, U+2028 or U+2029 in quotes as a line break (folded to a space);
    ``\\u2028`` keeps it.
    """
    text = json.dumps(value, ensure_ascii=False)
    return "".join(c if c.isprintable() or c == " " else _escape(c) for c in text)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def flow_scalar(value: str, flow: bool) -> str:
    """A value written plain when YAML reads it back as the same string, else double-quoted."""
    return value if _plain_ok(value, flow) else double_quoted(value)


def _block(value: str, node: yaml.ScalarNode, text: str) -> str | None:
    """The value in the node's block style (same header and indentation), or None if it cannot be."""
    start = node.start_mark.index
    header_end = text.index("\n", start)
    header = text[start:header_end].split("#")[0].rstrip()
    if not re.fullmatch(r"[>|]-?", header):
        return None  # an indentation indicator or a keep chomping: write it quoted
    body = text[header_end + 1 : node.end_mark.index].replace("\r\n", "\n")
    first = next((line for line in body.split("\n") if line.strip()), "")
    indent = first[: len(first) - len(first.lstrip(" "))]
    strip = header.endswith("-")
    if strip == value.endswith("\n"):
        return None
    content = value if strip else value[:-1]
    if not content or content != content.strip(" ") or not content.replace("\n", "").isprintable():
        return None  # YAML breaks lines at U+0085, U+2028, U+2029 too; tabs and controls go quoted
    if header[0] == "|":
        lines = content.split("\n")
    else:
        if "\n" in content or "  " in content:
            return None
        width = max((len(line.strip()) for line in body.split("\n")), default=80)
        lines = _wrap(content, max(width, 40))
    return header + "".join("\n" + (indent + line if line else "") for line in lines)


def _wrap(content: str, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in content.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return lines


def replace_scalar(text: str, node: yaml.Node, value: str, flow: bool, *, quoted: bool = False) -> Edit:
    """An edit writing ``value`` in place of a scalar node, in its style when possible."""
    assert isinstance(node, yaml.ScalarNode)
    start, end = node.start_mark.index, node.end_mark.index
    style = node.style
    new: str | None = None
    if style in (">", "|"):
        end = start + len(text[start:end].rstrip())
        new = None if quoted else _block(value, node, text)
    elif style == "'" and "\n" not in value and not quoted:
        new = "'" + value.replace("'", "''") + "'"
    elif not style and not quoted and _plain_ok(value, flow):
        new = value
    return Edit(start, end, new if new is not None else double_quoted(value))


def _line_end(text: str, index: int) -> int:
    """Where the line holding ``index`` ends (before its ``\\n`` or ``\\r\\n``)."""
    at = text.find("\n", index)
    if at < 0:
        return len(text)
    return at - 1 if at > index and text[at - 1] == "\r" else at


def add_key(text: str, mapping: yaml.MappingNode, after: yaml.Node, key: str, value: str, flow: bool) -> Edit:
    """An edit adding ``key: value`` to a mapping right after the value node ``after``."""
    if mapping.flow_style:
        at = after.end_mark.index
        return Edit(at, at, f", {key}: {flow_scalar(value, True)}")
    end = after.end_mark.index
    if isinstance(after, yaml.ScalarNode) and after.style in (">", "|"):
        end = after.start_mark.index + len(text[after.start_mark.index : end].rstrip())
    at = _line_end(text, max(end - 1, after.start_mark.index))  # after a trailing comment
    column = mapping.value[0][0].start_mark.column
    return Edit(at, at, "\n" + " " * column + f"{key}: {flow_scalar(value, flow)}")


def add_item(text: str, sequence: yaml.SequenceNode, value: str) -> Edit:
    """An edit appending a string to a list (flow ``[en, th]`` or block ``- en``)."""
    last = sequence.value[-1]
    if sequence.flow_style:
        return Edit(last.end_mark.index, last.end_mark.index, f", {flow_scalar(value, True)}")
    at = _line_end(text, last.start_mark.index)
    dash = text.rfind("-", 0, last.start_mark.index)
    column = dash - (text.rfind("\n", 0, dash) + 1)
    return Edit(at, at, "\n" + " " * column + f"- {flow_scalar(value, False)}")


def apply(text: str, edits: list[Edit]) -> str:
    """The text with every edit made (edits must not overlap), in the text's line breaks."""
    crlf = "\r\n" in text
    out = text
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        new = edit.new.replace("\n", "\r\n") if crlf else edit.new
        out = out[: edit.start] + new + out[edit.end :]
    return out


def comments(
    text: str, first_line: int, last_line: int, key_lines: frozenset[int], skip: frozenset[int]
) -> Iterator[str]:
    """The comments of lines ``first_line``..``last_line`` (1-based) and those right above them.

    Full-line comments are taken whole. A comment after a value is taken only on a key's line
    (``key_lines``) whose value cannot hide a ``#`` in quotes (``th: ... # project translation``);
    in a block scalar's lines a ``#`` is text.
    """
    lines = text.split("\n")
    above = first_line
    while above > 1 and lines[above - 2].lstrip().startswith("#"):
        above -= 1
    for number in range(above, min(last_line, len(lines)) + 1):
        line = lines[number - 1]
        if number in skip:
            continue
        stripped = line.lstrip()
        if stripped.startswith("#"):
            yield stripped.lstrip("#").strip()
        elif number in key_lines and " #" in line and "'" not in line and '"' not in line:
            yield line.split(" #", 1)[1].strip()
