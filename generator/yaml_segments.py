"""Read a spec file in segments, each unchanged one from a cache: the same Document a full read gives.

A spec file in plain block style splits, by a scan of its lines, into segments: one a
top-level key, and one an entry of ``objects:`` and of ``endpoints:``. Each segment is read
on its own by the same event reader as a whole file (``yaml_events.read_events``); its
values and the positions of its keys and values, relative to its first line, are cached by
its bytes (and the toolkit's digest). A later run reads only the segments whose bytes
changed and shifts the others' positions by where they now start, so an edit costs about
its segment, not the file.

The scan trusts a layout only where reading the segments one by one must give what reading
the file gives: every line that is not blank or a comment is a segment's ``key:`` line at
column 1 (top-level) or 3 (an entry), or is indented deeper than its segment's key (or is a
``- `` item of a top-level list); and each segment must read on its own as a complete
document with that one key. A quote, a flow collection or a block scalar left open at a
segment's end fails that segment's own read. Anything else (a document marker, a directive,
tab or CR line breaks, a duplicate key, a line at an odd indentation, an alias anywhere, a
segment the event reader leaves to the full reader) returns None, and the caller reads the
file whole. ``tests/test_yaml_segments.py`` checks, on random edits, that both give the same
Document.
"""

from __future__ import annotations

import hashlib
import marshal
import re
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from generator.blob_store import BlobStore, Pack
from generator.yaml_limits import MAX_DEPTH
from generator.yaml_document import Document, Path_, Position
from generator.yaml_events import read_events

# The top-level keys whose entries are segments of their own.
GROUPS = ("objects", "endpoints")
_KEY = re.compile(r"([A-Za-z0-9_][A-Za-z0-9_.-]*):(?: |$)")
_HEADER = re.compile(r"[a-z]+: *(?:#.*)?")
# Line breaks other than LF (YAML also breaks lines at these): a file with any of them is read whole.
_ODD = ("\r", "\x85", "\u2028", "\u2029")
_FORMAT = b"specgen-segment-1"

# One segment's reading: its value, and its values' and keys' positions as (path below the
# segment's parent, line counted from the segment's first line as 1, column).
Entry = tuple[Any, list[tuple[Path_, int, int]], list[tuple[Path_, int, int]]]


class Segment(NamedTuple):
    """A top-level key (``group`` empty) or an entry of a group (``objects``), and its lines."""

    group: str
    key: str
    first: int  # its first line, 0-based
    text: str


class Layout(NamedTuple):
    """A file's segments in order, and the 0-based line of each group's ``objects:`` header."""

    segments: list[Segment]
    headers: dict[str, int]


# A line indented by at most two spaces, not blank: the only lines that can start a segment.
# Found after its line break (a pattern that starts with a fixed character is searched for fast).
_SHALLOW = re.compile(r"\n {0,2}[^ \n]")
_SHALLOW_FIRST = re.compile(r" {0,2}[^ \n]")
_BLANK_OR_COMMENT = re.compile(r"(?:[ ]*(?:#[^\n]*)?\n)*[ ]*(?:#[^\n]*)?")


def split(text: str) -> Layout | None:
    """The file's segments, or None when the layout is not one the segments may be trusted for."""
    if any(odd in text for odd in _ODD):
        return None
    scan = _Scan(text)
    line = last = 0
    for offset in _shallow_lines(text):  # the lines indented deeper belong to the segment above
        line += text.count("\n", last, offset)
        last = offset
        end = text.find("\n", offset)
        row = text[offset : len(text) if end < 0 else end]
        if row.lstrip(" ")[0] != "#" and not scan.take(row, line, offset):
            return None
    if not scan.loose_ok(len(text)):
        return None
    return _layout(text, scan.starts, scan.headers)


def _shallow_lines(text: str) -> Iterator[int]:
    """Where each line indented by at most two spaces (and not blank) starts."""
    if _SHALLOW_FIRST.match(text):
        yield 0
    for found in _SHALLOW.finditer(text):
        yield found.start() + 1


class _Scan:
    """The segments found so far, one line indented by at most two spaces at a time."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: list[tuple[str, str, int, int]] = []  # (group, key, first line, offset)
        self.headers: dict[str, tuple[int, int]] = {}  # group: (line, offset)
        self.group = ""  # the group whose entries are being read
        # Where lines that belong to no segment start (the file's start, after a header): deeper
        # lines there may be blank or comments only. None: inside a segment.
        self.loose: int | None = 0

    def loose_ok(self, end: int) -> bool:
        """Whether the lines that belong to no segment, up to ``end``, are blank or comments."""
        return self.loose is None or _BLANK_OR_COMMENT.fullmatch(self.text, self.loose, end) is not None

    def take(self, row: str, line: int, offset: int) -> bool:
        """Take one line that is not a comment; False where the layout cannot be trusted."""
        if not self.loose_ok(offset):
            return False  # content before any key, or under a header before its first entry
        self.loose = None
        stripped = row.lstrip(" ")
        indent = len(row) - len(stripped)
        if indent == 0:
            return self._top(row, stripped, line, offset)
        if self.group and indent == 2:
            key = _KEY.match(row, 2)
            if key is not None:
                self.starts.append((self.group, key.group(1), line, offset))
            return key is not None
        return not self.group and bool(self.starts)  # deeper lines of a top-level key

    def _top(self, row: str, stripped: str, line: int, offset: int) -> bool:
        if stripped.startswith("- ") or stripped == "-":  # an item of a top-level list
            return not self.group and bool(self.starts)
        key = _KEY.match(row)
        if key is None:
            return False
        name = key.group(1)
        if name in GROUPS and _HEADER.fullmatch(row):
            if name in self.headers:
                return False
            self.group = name
            self.headers[name] = (line, offset)
            self.loose = offset + len(row) + 1
        else:
            self.group = ""
            self.starts.append(("", name, line, offset))
        return True


def _layout(
    text: str, starts: list[tuple[str, str, int, int]], headers: dict[str, tuple[int, int]]
) -> Layout | None:
    if not starts or not _distinct(starts, headers):
        return None
    cuts = sorted({offset for _, _, _, offset in starts} | {offset for _, offset in headers.values()})
    following = dict(zip(cuts, [*cuts[1:], len(text)]))
    segments = [
        Segment(group, key, first, text[offset : following[offset]]) for group, key, first, offset in starts
    ]
    return Layout(segments, {name: line for name, (line, _) in headers.items()})


def _distinct(starts: list[tuple[str, str, int, int]], headers: dict[str, tuple[int, int]]) -> bool:
    """No key twice at one level, and every group header has entries."""
    seen = {(group, key) for group, key, _, _ in starts}
    if len(seen) != len(starts) or any(("", name) in seen for name in headers):
        return False
    return all(any(start[0] == name for start in starts) for name in headers)


def _read_segment(segment: Segment) -> Entry | None:
    """One segment read on its own; None when the event reader leaves it to the full reader."""
    part = Document(data=None)
    root = read_events("", segment.text, part)
    if root is None or list(root) != [segment.key]:
        return None
    depth = 2 if segment.group else 1
    if any(len(path) + depth > MAX_DEPTH - 2 for path in part.values):
        return None  # near the nesting limit, the whole file decides
    values = [(path, pos.line, pos.column) for path, pos in part.values.items() if path]
    keys = [(path, pos.line, pos.column) for path, pos in part.keys.items()]
    return root[segment.key], values, keys


class SegmentCache:
    """Segment readings by the segment's bytes (and the toolkit's digest), checksummed on disk.

    An entry holds the segment's value and, apart, its positions, which are unpacked only when
    a Document's positions are first asked for (:func:`placing`).
    """

    def __init__(self, store: BlobStore, salt: bytes) -> None:
        self.store = store
        self.pack = Pack(store, b"segments")  # the last run's entries, read in one go
        self.salt = salt
        self._keys: dict[Segment, bytes] = {}
        self.hits = 0
        self.misses = 0

    def key(self, segment: Segment) -> bytes:
        """The cache key of a segment: its bytes, its group, and the toolkit (remembered: the
        front end asks again for each object's)."""
        found = self._keys.get(segment)
        if found is None:
            digest = hashlib.sha256(_FORMAT + b"\0" + self.salt + b"\0" + segment.group.encode() + b"\0")
            digest.update(segment.text.encode("utf-8"))
            found = self._keys[segment] = digest.digest()
        return found

    def entry(self, segment: Segment) -> tuple[Any, bytes] | None:
        """The segment's value and packed positions: from the cache, else read (and stored)."""
        key = self.key(segment)
        body = self.pack.get(key)
        if body is not None and len(body) > 8:
            size = int.from_bytes(body[:8], "big")
            try:
                value = marshal.loads(body[8 : 8 + size])
            except (EOFError, ValueError, TypeError):
                value = None
            if isinstance(value, dict) and list(value) == [segment.key]:
                self.hits += 1
                return value[segment.key], body[8 + size :]
        self.misses += 1
        entry = _read_segment(segment)
        if entry is None:
            return None
        packed = marshal.dumps({segment.key: entry[0]})
        positions = marshal.dumps((entry[1], entry[2]))
        self.pack.put(key, len(packed).to_bytes(8, "big") + packed + positions)
        return entry[0], positions

    def close(self) -> None:
        """The end of a run's reading: keep this run's entries together for the next."""
        self.pack.close()


class Pending(NamedTuple):
    """One file read in segments, its positions not yet unpacked."""

    display: str
    layout: Layout
    positions: list[bytes]  # each segment's packed positions (see :class:`SegmentCache`)


def read(text: str, cache: SegmentCache) -> tuple[dict[str, Any], Layout, list[bytes]] | None:
    """A file's values, its layout and its segments' packed positions; None: read it whole."""
    if "*" in text:  # an alias: the full reader expands it
        return None
    layout = split(text)
    if layout is None:
        return None
    data: dict[str, Any] = {}
    positions = []
    for segment in layout.segments:
        entry = cache.entry(segment)
        if entry is None:
            return None
        target = data.setdefault(segment.group, {}) if segment.group else data
        target[segment.key] = entry[0]
        positions.append(entry[1])
    return data, layout, positions


def place(pending: Pending, doc: Document) -> None:
    """Add one file's positions to ``doc``, shifted to where each segment starts, as a full read adds them."""
    display, layout = pending.display, pending.layout
    values: dict[Path_, Position] = {}
    keys: dict[Path_, Position] = {}
    values[()] = Position(display, min([layout.segments[0].first, *layout.headers.values()]) + 1, 1)
    for segment, packed in zip(layout.segments, pending.positions):
        rel_values, rel_keys = marshal.loads(packed)
        prefix: Path_ = ()
        if segment.group:
            prefix = (segment.group,)
            if prefix not in keys:
                keys[prefix] = Position(display, layout.headers[segment.group] + 1, 1)
                values[prefix] = Position(display, segment.first + 1, 3)
        base = segment.first  # 0-based: base + a 1-based line in the segment is the file's line
        for path, line, column in rel_keys:
            keys[(*prefix, *path)] = Position(display, base + line, column)
        for path, line, column in rel_values:
            values[(*prefix, *path)] = Position(display, base + line, column)
    for path, position in values.items():
        doc.values.setdefault(path, position)
    doc.keys.update(keys)


def placing(pending: list[Pending]) -> Callable[[Document], None]:
    """What places the positions of files read in segments into a ``LazyDocument`` (problems need
    them, a valid spec never asks), as a full read places them."""

    def place_all(doc: Document) -> None:
        for one in pending:
            place(one, doc)

    return place_all
