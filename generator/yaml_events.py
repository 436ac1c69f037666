"""The common case of reading a spec file: one pass over the parser's events.

It decides only what it can accept: at anything the full reader (``yaml_source._read_full``)
must refuse or report (a syntax error, a tag outside the core schema, a scalar that does not
fit its tag, NaN or infinity, a merge or complex or duplicate key, a tagged key, too deep a
nesting, a second document, a root that is not a mapping) it returns None and the full
reader reads the text again from the start. Two forms, which accept the same texts and give
the same values: :func:`read_events` places every key's and value's position, and
:func:`read_values` (about half the time) places none, for a reader that leaves positions to
be placed when first asked for (``yaml_document.LazyDocument``).
``tests/test_yaml_fast.py`` checks both against the full reader.
"""

from __future__ import annotations

from typing import Any

import yaml

from generator.yaml_document import Document, Path_, Position
from generator.yaml_limits import MAX_DEPTH
from generator.yaml_scalars import (
    _MAP_TAG,
    _SCALAR_TAGS,
    _SEQ_TAG,
    _STR_TAG,
    _Loader,
    _Refused,
    core_value,
    untagged_value,
)


class _NotPlain(Exception):
    """The text needs the full reader: it has something to refuse or to report."""


def read_events(display: str, text: str, doc: Document) -> dict[str, Any] | None:
    """Values and positions of an alias-free spec, or None: the full reader decides.

    This is the common case, and about twice as fast as checking the nesting, composing a
    node graph and walking it.
    """
    reader = _Events(display)
    root = _run(reader, text)
    if root is not None:
        for path, position in reader.values.items():
            doc.values.setdefault(path, position)
        doc.keys.update(reader.keys)
    return root


def read_values(text: str) -> dict[str, Any] | None:
    """The values :func:`read_events` gives for ``text`` (None where it gives None), no position."""
    return _run(_Values(), text)


def _run(reader: _Values, text: str) -> dict[str, Any] | None:
    loader = _Loader(text)
    try:
        reader.run(loader.get_event)
    except (_NotPlain, _Refused, yaml.YAMLError):
        return None
    finally:
        loader.dispose()
    if reader.documents != 1 or reader.root.__class__ is not dict:
        return None
    root: dict[str, Any] = reader.root
    return root


def _key_text(event: Any, top: list[Any]) -> str:
    """A mapping's key (keys are names: always the text as written); _NotPlain where the full
    reader decides (a merge key, a tag, a key seen before in this mapping)."""
    tag = event.tag
    text: str = event.value
    if tag is None or tag == "!":
        if text == "<<" and not event.style:
            raise _NotPlain  # a merge key
    elif tag != _STR_TAG:
        raise _NotPlain  # the full reader checks the tag
    if text in top[0]:
        raise _NotPlain
    return text


class _Values:
    """The state of one pass: the collections being read (and, in :class:`_Events`, positions)."""

    def __init__(self) -> None:
        # One entry a collection being read: [container, its path, the key read and not yet used].
        self.stack: list[list[Any]] = []
        self.root: Any = None
        self.rooted = False
        self.documents = 0

    def run(self, get_event: Any) -> None:
        """Read every event up to the end of the stream; _NotPlain where the full reader must decide."""
        stack = self.stack
        while True:
            event = get_event()
            kind = event.__class__
            if kind is yaml.ScalarEvent:
                if stack and stack[-1][2] is None and stack[-1][0].__class__ is dict:
                    self.key(event, stack[-1])
                else:
                    self.scalar(event)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                self.start(event, kind is yaml.MappingStartEvent)
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()
            elif kind is yaml.DocumentStartEvent:
                self.documents += 1
            elif kind is yaml.StreamEndEvent:
                return
            elif kind is yaml.AliasEvent:
                raise _NotPlain

    def key(self, event: Any, top: list[Any]) -> None:
        """A mapping's key."""
        top[2] = _key_text(event, top)

    def scalar(self, event: Any) -> None:
        tag = event.tag
        if tag is None or tag == "!":
            value: Any = untagged_value(event.value, event.style)
        elif tag in _SCALAR_TAGS:
            value = core_value(tag, event.value)
        else:
            raise _NotPlain
        if not self.stack:
            self.root = value
        self.place(event, value)

    def start(self, event: Any, mapping: bool) -> None:
        """A mapping or a list begins."""
        if event.tag not in (None, "!", _MAP_TAG if mapping else _SEQ_TAG):
            raise _NotPlain
        stack = self.stack
        if len(stack) >= MAX_DEPTH or (stack and stack[-1][2] is None and stack[-1][0].__class__ is dict):
            raise _NotPlain  # too deep, or a collection as a key
        container: Any = {} if mapping else []
        if not stack:
            self.root = container
        stack.append([container, self.place(event, container), None])

    def place_root(self) -> None:
        """The document's root is read: a second one is the full reader's to name."""
        if self.documents != 1 or self.rooted:
            raise _NotPlain
        self.rooted = True

    def place(self, event: Any, value: Any) -> Path_:
        """Put a value into the collection being read (no path is kept: the root's, ``()``)."""
        if not self.stack:
            self.place_root()
            return ()
        top = self.stack[-1]
        container = top[0]
        if container.__class__ is list:
            container.append(value)
        else:
            container[top[2]] = value
            top[2] = None
        return ()


class _Events(_Values):
    """One pass of :func:`read_events`: the values, and each key's and value's position."""

    def __init__(self, display: str) -> None:
        super().__init__()
        self.display = display
        self.keys: dict[Path_, Position] = {}
        self.values: dict[Path_, Position] = {}

    def key(self, event: Any, top: list[Any]) -> None:
        text = top[2] = _key_text(event, top)
        mark = event.start_mark
        self.keys[(*top[1], text)] = Position(self.display, mark.line + 1, mark.column + 1)

    def place(self, event: Any, value: Any) -> Path_:
        """Put a value into the collection being read; its path."""
        mark = event.start_mark
        if not self.stack:
            self.place_root()
            self.values[()] = Position(self.display, mark.line + 1, mark.column + 1)
            return ()
        top = self.stack[-1]
        container = top[0]
        if container.__class__ is list:
            path = (*top[1], len(container))
            container.append(value)
        else:
            path = (*top[1], top[2])
            container[top[2]] = value
            top[2] = None
        self.values[path] = Position(self.display, mark.line + 1, mark.column + 1)
        return path
