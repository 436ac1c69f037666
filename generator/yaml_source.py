"""Read YAML spec files into plain data, keeping the position of every key and value.

PyYAML's constructors drop positions, keep the last of two duplicate keys, and (outside
the safe loader) construct arbitrary objects. Here PyYAML only parses (libyaml, when
installed); this module builds the values itself, so it can refuse what a spec must not
contain. Two readers: one pass over the parser's events for the common case (no aliases,
nothing to refuse), and the full reader (nesting check, composed node graph, alias expansion
limit, builder) that names every problem. The first steps aside whenever it is not sure.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from generator.problems import Problem, SpecError, format_path
from generator.yaml_limits import MAX_DEPTH, expansion_problem, nesting_problem

MAX_FILE_BYTES = 32 * 1024 * 1024

Path_ = tuple[str | int, ...]

_CORE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
_KEY_TAGS = _CORE_TAGS - {"tag:yaml.org,2002:merge"}  # tags a mapping key may have
# YAML 1.1 resolves these plain words to booleans; YAML 1.2 (and every JSON tool) reads
# them as strings. A spec that says `required: yes` means a string-looking mistake, and
# a field named `on` must stay "on", so only true/false count as booleans.
_YAML12_BOOLS = {
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
}
_YAML_TAG_PREFIX = "tag:yaml.org,2002:"
# A plain 2024-01-01 resolves to a timestamp in YAML 1.1; a spec keeps it as text.
_TIMESTAMP = "tag:yaml.org,2002:timestamp"

_BaseLoader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"
# The first characters that can make a plain scalar anything but a string (true, null, 1, ~, ...).
_NON_STR_STARTS = frozenset(k for k in _BaseLoader.yaml_implicit_resolvers if k)


class _Loader(_BaseLoader):  # type: ignore[misc]
    """The safe loader with a fast path for the scalars that can only be strings.

    The composer asks ``resolve`` for the tag of every scalar; PyYAML's resolver tries its
    regexes in Python each time. A quoted scalar, or a plain one whose first character starts
    no implicit type, is a string whatever the regexes say, so answer that at once (the
    same tag the full resolver would give: there are no path resolvers or wildcards here).
    """

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if not implicit[0] or (value and value[0] not in _NON_STR_STARTS):
                return _STR_TAG
            return _plain_scalar_tag(value)
        return str(super().resolve(kind, value, implicit))


_RESOLVER = yaml.resolver.Resolver()


@functools.lru_cache(maxsize=4096)
def _plain_scalar_tag(value: str) -> str:
    """The full resolver's answer for a plain scalar (keys such as ``type`` repeat thousands of times)."""
    return str(_RESOLVER.resolve(yaml.ScalarNode, value, (True, False)))  # type: ignore[no-untyped-call]


assert None not in _BaseLoader.yaml_implicit_resolvers and not _BaseLoader.yaml_path_resolvers


class Position(NamedTuple):
    """A place in a source file (1-based line and column). A tuple: one is made per YAML node."""

    file: str
    line: int
    column: int


@dataclass
class Document:
    """Plain data read from YAML, with the positions of its keys and values by path."""

    data: Any
    values: dict[Path_, Position] = field(default_factory=dict)
    keys: dict[Path_, Position] = field(default_factory=dict)
    files: tuple[str, ...] = ()
    texts: tuple[bytes, ...] = ()
    # The files as named in generated headers: the same from any working directory.
    sources: tuple[str, ...] = ()

    def where(self, path: Path_, *, key: bool = False) -> Position:
        """Best position for a path: its key or value, else the nearest ancestor's."""
        probe = path
        while True:
            table = (self.keys, self.values) if key else (self.values, self.keys)
            for positions in table:
                if probe in positions:
                    return positions[probe]
            if not probe:
                return Position(self.files[0] if self.files else "<spec>", 1, 1)
            probe = probe[:-1]

    def problem(self, path: Path_, message: str, *, key: bool = False) -> Problem:
        """A problem located at ``path``."""
        pos = self.where(path, key=key)
        return Problem(pos.file, pos.line, pos.column, format_path(path), message)


def _position(display: str, node: yaml.Node) -> Position:
    mark = node.start_mark
    return Position(display, mark.line + 1, mark.column + 1)


def _short_tag(tag: str) -> str:
    """A tag as it is written: ``!!python/object`` rather than ``tag:yaml.org,2002:python/object``."""
    return "!!" + tag.removeprefix(_YAML_TAG_PREFIX) if tag.startswith(_YAML_TAG_PREFIX) else tag


class _Builder:
    """Turns one composed node graph into plain values, refusing what a spec must not use."""

    def __init__(self, display: str, doc: Document, problems: list[Problem]) -> None:
        self.display = display
        self.doc = doc
        self.problems = problems
        self.scalars = yaml.constructor.SafeConstructor()

    def fail(self, node: yaml.Node, path: Path_, message: str) -> None:
        pos = _position(self.display, node)
        self.problems.append(Problem(pos.file, pos.line, pos.column, format_path(path), message))

    def build(self, node: yaml.Node, path: Path_, anchors: frozenset[int] = frozenset()) -> Any:
        self.doc.values.setdefault(path, _position(self.display, node))
        if len(path) > MAX_DEPTH:
            # Aliases can nest deeper than the text does; the builder recurses, so stop here.
            self.fail(
                node,
                path,
                f"values are nested more than {MAX_DEPTH} levels deep (through aliases); write them out",
            )
            return None
        if node.tag == _TIMESTAMP and isinstance(node, yaml.ScalarNode):
            return str(node.value)
        if node.tag not in _CORE_TAGS:
            self.fail(
                node,
                path,
                f"YAML tag {_short_tag(node.tag)!r} is not allowed; a spec uses plain YAML values only "
                "(remove the tag)",
            )
            return None
        if id(node) in anchors:
            self.fail(node, path, "an alias refers to a node that contains it; write the value out")
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, anchors | {id(node)})
        if isinstance(node, yaml.SequenceNode):
            inner = anchors | {id(node)}
            return [self.build(item, (*path, i), inner) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)  # composed nodes are of these three kinds
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: Path_, anchors: frozenset[int]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                self.fail(key_node, path, "merge keys (<<) are not allowed; write the keys out")
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _CORE_TAGS:
                self.fail(key_node, path, "a mapping key must be a plain scalar")
                continue
            # Keys are names (wire names, scope names): always the text as written.
            key = str(key_node.value)
            key_path = (*path, key)
            if key in out:
                first = self.doc.keys[key_path]
                self.fail(
                    key_node,
                    key_path,
                    f"duplicate key {key!r}; it is first defined at line {first.line}, "
                    f"column {first.column} (remove one)",
                )
                continue
            self.doc.keys[key_path] = _position(self.display, key_node)
            out[key] = self.build(value_node, key_path, anchors)
        return out

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag
        if tag == "tag:yaml.org,2002:str" or node.style in ("'", '"', "|", ">"):
            return str(node.value)
        if tag == "tag:yaml.org,2002:bool":
            return _YAML12_BOOLS.get(node.value, node.value)
        return self.scalars.construct_object(node)


def _decode(display: str, raw: bytes, problems: list[Problem]) -> str | None:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        problems.append(
            Problem(
                display,
                line,
                column,
                "",
                f"the file is not UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8",
            )
        )
        return None
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        problems.append(Problem(display, 1, 1, "", "the file is empty; a spec is a YAML mapping"))
        return None
    return text


def _compose(display: str, text: str, problems: list[Problem]) -> yaml.Node | None:
    too_deep = nesting_problem(display, text, _Loader)
    if too_deep:
        problems.append(too_deep)
        return None
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        context = exc.context
        start = exc.context_mark
        if context and start and (start.line, start.column) != (line - 1, column - 1):
            context += f" (started at line {start.line + 1}, column {start.column + 1})"
        what = " ".join(s for s in (context, exc.problem) if s)
        problems.append(Problem(display, line, column, "", f"invalid YAML: {what}"))
        return None
    except yaml.reader.ReaderError as exc:
        line, column = _line_column(text, exc.position)
        problems.append(
            Problem(display, line, column, "", f"invalid YAML: {exc.reason} (U+{exc.character:04X})")
        )
        return None
    except yaml.YAMLError as exc:
        problems.append(Problem(display, 1, 1, "", f"invalid YAML: {' '.join(str(exc).split())}"))
        return None
    if len(nodes) != 1:
        second = nodes[1].start_mark if len(nodes) > 1 else None
        line, column = (second.line + 1, second.column + 1) if second else (1, 1)
        problems.append(
            Problem(
                display,
                line,
                column,
                "",
                f"a second YAML document starts here; a spec file holds one document (found {len(nodes)})",
            )
        )
        return None
    return nodes[0]


def _read_one(display: str, raw: bytes, doc: Document, problems: list[Problem]) -> Any:
    if len(raw) > MAX_FILE_BYTES:
        problems.append(
            Problem(display, 1, 1, "", f"the file is {len(raw)} bytes; the limit is {MAX_FILE_BYTES}")
        )
        return None
    text = _decode(display, raw, problems)
    if text is None:
        return None
    if "*" not in text:  # an alias is written with '*': without one, values cannot repeat or cycle
        fast = _read_events(display, text, doc)
        if fast is not None:
            return fast
    return _read_full(display, text, doc, problems)


def _read_full(display: str, text: str, doc: Document, problems: list[Problem]) -> Any:
    """Check the nesting, compose the node graph, then build values, refusing what a spec must not use."""
    node = _compose(display, text, problems)
    if node is None:
        return None
    too_big = expansion_problem(display, node)
    if too_big:
        problems.append(too_big)
        return None
    data = _Builder(display, doc, problems).build(node, ())
    if not isinstance(data, dict):
        problems.append(
            Problem(
                display, 1, 1, "", "the top level must be a mapping of keys (spec_version, languages, ...)"
            )
        )
        return None
    return data


class _NotPlain(Exception):
    """The text needs the full reader: it has something to refuse or to report."""


def _read_events(display: str, text: str, doc: Document) -> dict[str, Any] | None:
    """Values and positions of an alias-free spec in one pass over the parser's events.

    This is the common case, and about twice as fast as checking the nesting, composing a
    node graph and walking it. It decides only what it can accept: at anything the full
    reader must refuse or report (a syntax error, a tag, a merge or complex or duplicate key,
    too deep a nesting, a second document, a root that is not a mapping) it returns None and
    the full reader (:func:`_compose` and :class:`_Builder`) reads the text again from the
    start. The two give the same values and positions; ``tests/test_yaml_fast.py`` checks it.
    """
    keys: dict[Path_, Position] = {}
    values: dict[Path_, Position] = {}
    loader = _Loader(text)
    scalars = yaml.constructor.SafeConstructor()
    resolve = loader.resolve
    # One entry a collection being read: [container, its path, the key read and not yet used].
    stack: list[list[Any]] = []
    root: Any = None
    documents = 0

    def place(event: Any, value: Any) -> Path_:
        """Put a value into the collection being read; its path."""
        if not stack:
            if documents != 1 or values:
                raise _NotPlain  # a second root: the full reader names the second document
            values[()] = Position(display, event.start_mark.line + 1, event.start_mark.column + 1)
            return ()
        top = stack[-1]
        container = top[0]
        if container.__class__ is list:
            path = (*top[1], len(container))
            container.append(value)
        else:
            path = (*top[1], top[2])
            container[top[2]] = value
            top[2] = None
        mark = event.start_mark
        values[path] = Position(display, mark.line + 1, mark.column + 1)
        return path

    try:
        get_event = loader.get_event
        while True:
            event = get_event()
            kind = event.__class__
            if kind is yaml.ScalarEvent:
                tag = event.tag
                if tag is None or tag == "!":
                    tag = resolve(yaml.ScalarNode, event.value, event.implicit)
                if stack and stack[-1][2] is None and stack[-1][0].__class__ is dict:
                    key = event.value  # a key: keys are names, always the text as written
                    if tag not in _KEY_TAGS or key in stack[-1][0]:
                        raise _NotPlain
                    stack[-1][2] = key
                    mark = event.start_mark
                    keys[(*stack[-1][1], key)] = Position(display, mark.line + 1, mark.column + 1)
                    continue
                if tag == _STR_TAG or event.style in ("'", '"', "|", ">") or tag == _TIMESTAMP:
                    value: Any = event.value
                elif tag == "tag:yaml.org,2002:bool":
                    value = _YAML12_BOOLS.get(event.value, event.value)
                elif tag in _CORE_TAGS:
                    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
                    value = scalars.construct_object(node)
                else:
                    raise _NotPlain
                root = value if not stack else root
                place(event, value)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                mapping = kind is yaml.MappingStartEvent
                if event.tag not in (
                    None,
                    "!",
                    "tag:yaml.org,2002:map" if mapping else "tag:yaml.org,2002:seq",
                ):
                    raise _NotPlain
                if len(stack) >= MAX_DEPTH or (
                    stack and stack[-1][2] is None and stack[-1][0].__class__ is dict
                ):
                    raise _NotPlain  # too deep, or a collection as a key
                container: Any = {} if mapping else []
                if not stack:
                    root = container
                stack.append([container, place(event, container), None])
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()
            elif kind is yaml.DocumentStartEvent:
                documents += 1
            elif kind is yaml.StreamEndEvent:
                break
            elif kind is yaml.AliasEvent:
                raise _NotPlain
    except (_NotPlain, yaml.YAMLError):
        return None
    finally:
        loader.dispose()
    if documents != 1 or root.__class__ is not dict:
        return None
    for path, position in values.items():
        doc.values.setdefault(path, position)
    doc.keys.update(keys)
    return root


def _line_column(text: str, position: int) -> tuple[int, int]:
    """1-based line and column of a reader error's offset (libyaml counts UTF-8 bytes)."""
    before = (
        text.encode("utf-8")[:position].decode("utf-8", "ignore")
        if _Loader is not yaml.SafeLoader
        else text[:position]
    )
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def spec_files(path: Path) -> list[Path]:
    """The YAML files of a spec: the file itself, or a directory's ``*.yaml``/``*.yml`` sorted."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())
    return [path]


def display_name(path: Path) -> str:
    """A path as messages show it: relative to the working directory if inside (headers use :func:`source_name`)."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def source_name(path: Path) -> str:
    """A spec file as generated headers name it: its folder and its name (``spec/tiktok_v2.yaml``).

    Unlike :func:`display_name` it does not depend on the working directory, so the output is
    the same bytes wherever ``generate`` runs and whether ``--spec`` names the file or its folder.
    """
    folder = path.resolve().parent.name
    return f"{folder}/{path.name}" if folder else path.name


def read_sources(sources: list[tuple[str, bytes]], names: tuple[str, ...] | None = None) -> Document:
    """Read and merge spec sources (display name, bytes); raise SpecError with every problem.

    ``names`` are the files as headers name them (by default, the display names).
    """
    problems: list[Problem] = []
    files = tuple(name for name, _ in sources)
    doc = Document(data={}, files=files, texts=tuple(b for _, b in sources), sources=names or files)
    if not sources:
        raise SpecError([Problem("<spec>", 1, 1, "", "no spec files found (*.yaml)")])
    merged: dict[str, Any] = {}
    first_seen: dict[Path_, Position] = {}  # where each merged key was first defined
    for display, raw in sources:
        part = _read_one(display, raw, doc, problems)
        if part is None:
            continue
        for key, value in part.items():
            merged_value = _merge(merged, key, value, doc, first_seen, problems)
            if merged_value is not None:
                merged[key] = merged_value
            first_seen.setdefault((key,), doc.keys[(key,)])
            for name in value if isinstance(value, dict) else ():
                first_seen.setdefault((key, name), doc.keys[(key, name)])
    if problems:
        raise SpecError(problems)
    doc.data = merged
    return doc


def _merge(
    merged: dict[str, Any],
    key: str,
    value: Any,
    doc: Document,
    first_seen: dict[Path_, Position],
    problems: list[Problem],
) -> Any:
    """Merge one top-level key of a file into what earlier files gave."""
    if key not in merged:
        return value
    old = merged[key]
    if isinstance(old, dict) and isinstance(value, dict):
        for name in value:
            if name in old:
                first = first_seen[(key, name)]
                problems.append(
                    doc.problem(
                        (key, name),
                        f"{format_path((key, name))} is defined in two spec files (first in {first.file}, line {first.line}); keep one",
                        key=True,
                    )
                )
        return {**old, **value}
    if old == value:
        return old
    first = first_seen[(key,)]
    problems.append(
        doc.problem(
            (key,),
            f"{key!r} is defined differently in two spec files (first in {first.file}, line {first.line}); keep one",
            key=True,
        )
    )
    return None


def load_path(path: Path) -> Document:
    """Read a spec file or directory from disk."""
    files = spec_files(path)
    if not files:
        raise SpecError(
            [Problem(display_name(path), 1, 1, "", "no spec files found (*.yaml, *.yml) in this directory")]
        )
    sources: list[tuple[str, bytes]] = []
    problems: list[Problem] = []
    for file in files:
        try:
            sources.append((display_name(file), file.read_bytes()))
        except OSError as exc:
            problems.append(Problem(display_name(file), 1, 1, "", f"cannot read the spec: {exc.strerror}"))
    if problems:
        raise SpecError(problems)
    return read_sources(sources, tuple(source_name(file) for file in files))
