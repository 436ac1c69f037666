"""Bounds on a YAML document's shape, checked before anything is built from it.

Two inputs make a small file expensive: nesting so deep that libyaml's composer (which
recurses in C) overflows the stack and kills the process, and aliases that repeat aliases
("billion laughs"), so that a few lines expand to billions of values. Both are refused here
with a position, before the composer or the value builder can be hurt by them.
"""

from __future__ import annotations

from typing import Any

import yaml

from generator.problems import Problem, format_path

MAX_DEPTH = 64
MAX_NODES = 2_000_000
# Aliases may also not multiply what is written by more than this, past a floor that ordinary
# sharing never reaches: a 45 KB file repeating one 100-field object 2,000 times stays under
# MAX_NODES but generates 4,000 files and 200 MB.
MAX_EXPANSION = 10
EXPANSION_FLOOR = 100_000

Path_ = tuple[str | int, ...]


def nesting_problem(display: str, text: str, loader: type[Any]) -> Problem | None:
    """A problem if collections nest deeper than MAX_DEPTH; streams events, never composes."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
                    return Problem(
                        display,
                        line,
                        column,
                        "",
                        f"values are nested more than {MAX_DEPTH} levels deep; a spec needs far fewer",
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None  # composing reports the syntax error with its position
    return None


def _children(node: yaml.Node) -> list[tuple[str | int, yaml.Node]]:
    """The value nodes a node's value is built from, keyed as in the built path."""
    if isinstance(node, yaml.MappingNode):
        return [(str(k.value), v) for k, v in node.value if isinstance(k, yaml.ScalarNode)]
    if isinstance(node, yaml.SequenceNode):
        return list(enumerate(node.value))
    return []


def expanded_sizes(root: yaml.Node) -> dict[int, int]:
    """How many values each node becomes once aliases are written out (by ``id``).

    Iterative, and each distinct node is counted once, so a bomb costs as little as its
    text. A node inside its own alias (a cycle) counts as one: the builder refuses it.
    """
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            open_nodes.discard(key)
            sizes[key] = 1 + sum(sizes.get(id(child), 1) for _, child in _children(node))
            continue
        if key in sizes or key in open_nodes:
            continue
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((child, False) for _, child in reversed(_children(node)))
    return sizes


def _written(root: yaml.Node) -> int:
    """How many values the text itself holds: each node once, however often aliases use it."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        stack.extend(child for _, child in _children(node))
    return len(seen)


def expansion_problem(display: str, root: yaml.Node) -> Problem | None:
    """A problem if the document expands beyond MAX_NODES values.

    It names the innermost value that alone is too big: for a bomb, the first anchor
    whose aliases multiply past the limit.
    """
    sizes = expanded_sizes(root)
    total = sizes[id(root)]
    if total <= MAX_NODES:
        if total <= EXPANSION_FLOOR:
            return None
        written = _written(root)
        if total <= MAX_EXPANSION * written:
            return None
        mark = root.start_mark
        return Problem(
            display,
            mark.line + 1,
            mark.column + 1,
            "",
            f"aliases expand the {written} values written here to {total}, more than "
            f"{MAX_EXPANSION} times as many; write the repeated values out, or share fewer",
        )
    node, path = root, ()  # type: tuple[yaml.Node, Path_]
    while True:
        bigger = next(((k, c) for k, c in _children(node) if sizes.get(id(c), 1) > MAX_NODES), None)
        if bigger is None:
            break
        path = (*path, bigger[0])
        node = bigger[1]
        if len(path) > MAX_DEPTH:
            break
    mark = node.start_mark
    return Problem(
        display,
        mark.line + 1,
        mark.column + 1,
        format_path(path),
        f"this value expands to {sizes[id(node)]} values through aliases that repeat aliases; "
        f"the limit is {MAX_NODES} (write the values out)",
    )
