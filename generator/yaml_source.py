"""Read YAML spec files into plain data, keeping the position of every key and value.

PyYAML's constructors drop positions, keep the last of two duplicate keys, and (outside
the safe loader) construct arbitrary objects. Here PyYAML only parses (libyaml, when
installed); this module builds the values itself, so it can refuse what a spec must not
contain. Two readers: one pass over the parser's events for the common case (no aliases,
nothing to refuse: :mod:`generator.yaml_events`), and the full reader (nesting check, composed
node graph, alias expansion limit, builder) that names every problem. The first steps aside
whenever it is not sure. Read ``lazy``, a spec the first accepts has its positions placed
only when first asked for (a valid spec never asks).

Both give scalars their YAML 1.2 core-schema meaning (:mod:`generator.yaml_scalars`),
not PyYAML's YAML 1.1 one, and refuse what JSON cannot hold (NaN, infinity) and any tag
outside the core schema (``!!timestamp``, ``!!binary``, ``!!python/...``, local tags).
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import yaml

from generator.problems import Problem, SpecError, format_path
from generator.yaml_document import Document, LazyDocument, Path_, Position
from generator.yaml_events import read_events, read_values
from generator.yaml_limits import MAX_DEPTH, expansion_problem, nesting_problem
from generator.yaml_scalars import (
    _MAP_TAG,
    _NON_SPECIFIC,
    _SCALAR_TAGS,
    _SEQ_TAG,
    _STR_TAG,
    _Loader,
    _Refused,
    _tag_problem,
    core_value,
    untagged_value,
)

MAX_FILE_BYTES = 32 * 1024 * 1024


def _position(display: str, node: yaml.Node) -> Position:
    mark = node.start_mark
    return Position(display, mark.line + 1, mark.column + 1)


class _Builder:
    """Turns one composed node graph into plain values, refusing what a spec must not use."""

    def __init__(self, display: str, doc: Document, problems: list[Problem]) -> None:
        self.display = display
        self.doc = doc
        self.problems = problems

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
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, path)
        mapping = isinstance(node, yaml.MappingNode)
        if node.tag != (_MAP_TAG if mapping else _SEQ_TAG):  # `!!str {a: 1}`, `!!timestamp [1]`
            self.fail(node, path, _tag_problem(node.tag, "a mapping" if mapping else "a list"))
            return None
        if id(node) in anchors:
            self.fail(node, path, "an alias refers to a node that contains it; write the value out")
            return None
        inner = anchors | {id(node)}
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, inner)
        assert isinstance(node, yaml.SequenceNode)  # composed nodes are of these three kinds
        return [self.build(item, (*path, i), inner) for i, item in enumerate(node.value)]

    def _mapping(self, node: yaml.MappingNode, path: Path_, anchors: frozenset[int]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.fail(key_node, path, "a mapping key must be a plain scalar")
                continue
            # Keys are names (wire names, scope names): always the text as written.
            key = str(key_node.value)
            tag = key_node.tag
            if tag == _NON_SPECIFIC and not key_node.style and key == "<<":
                self.fail(key_node, path, "merge keys (<<) are not allowed; write the keys out")
                continue
            if tag != _NON_SPECIFIC and tag != _STR_TAG:
                if tag not in _SCALAR_TAGS:
                    self.fail(key_node, path, _tag_problem(tag, "a mapping key"))
                    continue
                try:
                    core_value(tag, key)
                except _Refused as exc:
                    self.fail(key_node, path, str(exc))
                    continue
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

    def _scalar(self, node: yaml.ScalarNode, path: Path_) -> Any:
        tag = node.tag
        text = str(node.value)
        try:
            if tag == _NON_SPECIFIC:
                return untagged_value(text, node.style)
            if tag in _SCALAR_TAGS:
                return core_value(tag, text)  # an explicit tag: `!!int "1"` is 1, `!!str 1` is "1"
        except _Refused as exc:
            self.fail(node, path, str(exc))
            return None
        self.fail(node, path, _tag_problem(tag, "a single value"))
        return None


def not_utf8(display: str, raw: bytes, exc: UnicodeDecodeError) -> Problem:
    """The problem of a file that is not UTF-8, at its first bad byte."""
    before = raw[: exc.start]
    line = before.count(b"\n") + 1
    column = len(before) - (before.rfind(b"\n") + 1) + 1
    message = f"the file is not UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8"
    return Problem(display, line, column, "", message)


def _decode(display: str, raw: bytes, problems: list[Problem]) -> str | None:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(not_utf8(display, raw, exc))
        return None
    if _only_comments(text):
        problems.append(Problem(display, 1, 1, "", "the file is empty; a spec is a YAML mapping"))
        return None
    return text


def _is_content(line: str) -> bool:
    return bool(line.strip()) and not line.lstrip().startswith("#")


def _only_comments(text: str) -> bool:
    """Whether a text holds only blank lines and comments (a spec's first lines usually settle it)."""
    head = text[:4096].splitlines()[:-1]  # the complete lines of the start: the last may be cut
    if any(_is_content(line) for line in head):
        return False
    return not any(_is_content(line) for line in text.splitlines())


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


def read_spec_bytes(path: Path) -> bytes:
    """A spec file's bytes, but never more than MAX_FILE_BYTES + 1: enough to refuse it.

    A huge file, or an endless one (``--spec /dev/zero``), is refused by its size without
    being read whole. Every reader of spec bytes (here, and the cache key in ``cli.py``) uses it.
    """
    with path.open("rb") as handle:
        return handle.read(MAX_FILE_BYTES + 1)


def _file_size(path: Path) -> int | None:
    """The size of a regular file; None for a device, a pipe, or a file that is gone."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_size if stat.S_ISREG(status.st_mode) else None


def _read_one(display: str, raw: bytes, size: int | None, doc: Document, problems: list[Problem]) -> Any:
    """One file's values; ``size`` is the file's size in bytes (None: more than ``raw`` holds)."""
    if len(raw) > MAX_FILE_BYTES:
        told = f"{size} bytes" if size is not None else f"more than {MAX_FILE_BYTES} bytes"
        problems.append(Problem(display, 1, 1, "", f"the file is {told}; the limit is {MAX_FILE_BYTES}"))
        return None
    text = _decode(display, raw, problems)
    if text is None:
        return None
    if "*" not in text:  # an alias is written with '*': without one, values cannot repeat or cycle
        fast = read_events(display, text, doc)
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


def read_sources(
    sources: list[tuple[str, bytes]],
    names: tuple[str, ...] | None = None,
    sizes: dict[str, int | None] | None = None,
    *,
    lazy: bool = False,
) -> Document:
    """Read and merge spec sources (display name, bytes); raise SpecError with every problem.

    ``names`` are the files as headers name them (by default, the display names). ``sizes``
    gives the real size of a file whose bytes were cut at MAX_FILE_BYTES + 1 (None: unknown,
    as for a device); every other source is all of its file. ``lazy``: where every file is
    one the event reader accepts and they merge without a problem, the positions are placed
    (by the reading this function does without ``lazy``) only when first asked for.
    """
    lazily = _read_lazily(sources, names) if lazy else None
    if lazily is not None:
        return lazily
    problems: list[Problem] = []
    files = tuple(name for name, _ in sources)
    doc = Document(data={}, files=files, texts=tuple(b for _, b in sources), sources=names or files)
    if not sources:
        raise SpecError([Problem("<spec>", 1, 1, "", "no spec files found (*.yaml)")])
    merged: dict[str, Any] = {}
    first_seen: dict[Path_, Position] = {}  # where each merged key was first defined
    for display, raw in sources:
        size = sizes[display] if sizes and display in sizes else len(raw)
        part = _read_one(display, raw, size, doc, problems)
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


def _read_lazily(sources: list[tuple[str, bytes]], names: tuple[str, ...] | None) -> LazyDocument | None:
    """The merged values, positions left to be placed; None: the sources need the eager read."""
    merged: dict[str, Any] = {}
    for display, raw in sources:
        text = _decode(display, raw, []) if len(raw) <= MAX_FILE_BYTES else None
        part = read_values(text) if text is not None and "*" not in text else None
        if part is None or not merge_quietly(merged, part):
            return None
    if not sources:
        return None

    def place(doc: Document) -> None:
        try:
            placed = read_sources(sources, names)
        except SpecError as exc:  # the readers disagree: a bug, never the spec's problem
            raise AssertionError(
                f"the eager read of a spec read lazily failed: {exc.problems[0].format()}"
            ) from exc
        doc.values.update(placed.values)
        doc.keys.update(placed.keys)

    files = tuple(name for name, _ in sources)
    texts = tuple(raw for _, raw in sources)
    return LazyDocument(merged, files=files, texts=texts, sources=names or files, place=place)


def merge_quietly(merged: dict[str, Any], part: dict[str, Any]) -> bool:
    """Merge a file's top-level keys into ``merged`` as :func:`read_sources` does; False (and
    ``merged`` then half done) where it would report a problem. As there, a key whose value
    is null is left out."""
    for key, value in part.items():
        old = merged.get(key)
        if key not in merged:
            if value is not None:
                merged[key] = value
        elif isinstance(old, dict) and isinstance(value, dict) and not set(old) & set(value):
            merged[key] = {**old, **value}
        elif old != value or isinstance(old, dict):
            return False
    return True


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


def load_path(path: Path, *, lazy: bool = False) -> Document:
    """Read a spec file or directory from disk (``lazy``: as :func:`read_sources` says)."""
    files = spec_files(path)
    if not files:
        raise SpecError(
            [Problem(display_name(path), 1, 1, "", "no spec files found (*.yaml, *.yml) in this directory")]
        )
    sources: list[tuple[str, bytes]] = []
    sizes: dict[str, int | None] = {}  # of the files too big to read whole
    problems: list[Problem] = []
    for file in files:
        display = display_name(file)
        try:
            raw = read_spec_bytes(file)
        except OSError as exc:
            problems.append(Problem(display, 1, 1, "", f"cannot read the spec: {exc.strerror}"))
            continue
        sources.append((display, raw))
        if len(raw) > MAX_FILE_BYTES:
            size = _file_size(file)
            sizes[display] = size if size is not None and size >= len(raw) else None
    if problems:
        raise SpecError(problems)
    return read_sources(sources, tuple(source_name(file) for file in files), sizes, lazy=lazy)
