"""Big JSON documents assembled from per-object pieces, each a unit of the incremental cache.

A speed-only seam of the OpenAPI and data renderers: ``json_text.indented(doc)`` of a document,
UTF-8 encoded, equals :func:`spliced` of the same document with one container (the schemas, the
field rows) replaced by :data:`MARK` and that container's items given as :func:`items_text`
pieces, each rendered (or read from the unit cache) per object. The document is assembled as
UTF-8 bytes, the form the pieces are kept in, the manifest hashes and the writer writes (a text
of tens of megabytes, in Thai too, costs several times more to decode and join as a str). The renderers use it only when the unit
cache is on, and fall back to dumping the whole document whenever a piece has no orjson form
or the mark is not found exactly once; ``tests/test_splice.py`` checks that both paths agree.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import orjson

from generator import units

# A key or list item no spec can hold (control characters are refused in every name and text):
# orjson writes it as "\u0000specgen-splice".
MARK = "\x00specgen-splice"
_MARK_TEXT = b'"\\u0000specgen-splice"'


def items_text(items: list[Any] | dict[str, Any], depth: int) -> str:
    """The items of a list or dict as ``indented`` writes them inside a container ``depth`` levels
    deep (no brackets, no comma after the last one); raises ``orjson.JSONEncodeError`` on a value
    orjson cannot write."""
    text = orjson.dumps(items, option=orjson.OPT_INDENT_2).decode("utf-8")
    pad = "  " * depth
    return "\n".join(pad + line for line in text.split("\n")[1:-1])


def spliced(doc: Any, pieces: list[bytes]) -> bytes | None:
    """``indented`` of ``doc`` (UTF-8) with the container holding :data:`MARK` filled with
    ``pieces`` (UTF-8; None when it cannot be: no piece, or the mark not found exactly once)."""
    pieces = [p for p in pieces if p]
    if not pieces:
        return None  # an empty container prints as [] or {}: the whole dump writes that
    try:
        text = orjson.dumps(doc, option=orjson.OPT_INDENT_2)
    except orjson.JSONEncodeError:
        return None
    lines = text.split(b"\n")
    found = [i for i, line in enumerate(lines) if line.lstrip().startswith(_MARK_TEXT)]
    if len(found) != 1 or text.count(_MARK_TEXT) != 1:
        return None
    lines[found[0]] = b",\n".join(pieces)
    return b"\n".join(lines)


def cached_pieces(kind: str, context: Any, objects: Any, make: Callable[[Any], str]) -> list[bytes] | None:
    """One piece per object (UTF-8): from the unit cache, keyed by the object and ``context``, or made.

    None when the unit cache is off (the caller then dumps the whole document) or a piece cannot
    be made (a value orjson cannot write).
    """
    cache = units.current()
    if not cache.enabled:
        return None
    keyed = list(zip(cache.keys(kind, context, objects), (functools.partial(make, obj) for obj in objects)))
    group = units.digest_of(kind, context)
    try:
        return cache.pieces(kind + (group.hex() if group else ""), keyed)
    except orjson.JSONEncodeError:
        return None
