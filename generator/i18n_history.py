"""Which translations are older than their source text, told from the spec's git history.

The spec itself records no version of the source a translation was made from, so this asks
``git blame`` when each line last changed (whitespace-only changes ignored; lines not yet
committed count as changed now). A translation is stale when a line of its source text
changed after every line of the translation. Outside a git work tree nothing can be told.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import yaml

# Line number (1-based) -> when it last changed (seconds since the epoch), per spec file.
LineTimes = dict[int, int]
# When a line changed that is not committed yet: after every commit.
UNCOMMITTED = 2**62


def line_times(path: Path) -> LineTimes | None:
    """When each line of a file last changed; None if git cannot tell (no git, not tracked)."""
    git = shutil.which("git")
    if git is None:
        return None
    try:
        result = subprocess.run(
            [git, "blame", "-w", "--line-porcelain", "--", path.name],
            cwd=path.parent,
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode != 0:
        return None
    times: LineTimes = {}
    now = UNCOMMITTED
    line, stamp, uncommitted = 0, now, False
    for raw in result.stdout.decode("utf-8", "replace").split("\n"):
        if raw.startswith("\t"):
            times[line] = stamp
            continue
        parts = raw.split(" ")
        if len(parts) >= 3 and len(parts[0]) == 40 and parts[1].isdigit() and parts[2].isdigit():
            line, uncommitted = int(parts[2]), parts[0] == "0" * 40
        elif parts[0] == "committer-time" and len(parts) == 2 and parts[1].isdigit():
            stamp = now if uncommitted else int(parts[1])
    return times


def span_lines(node: yaml.Node, text: str) -> range:
    """The 1-based lines a scalar's text occupies (a block scalar's header line excluded)."""
    start = node.start_mark.index
    end = start + len(text[start : node.end_mark.index].rstrip())
    first = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode) and node.style in (">", "|"):
        first += 1
    return range(first, max(first, text.count("\n", 0, end) + 1) + 1)


def is_stale(times: LineTimes, source: range, translation: range) -> bool:
    """Whether a source line changed after the newest line of the translation."""
    newest_translation = max((times.get(n, 0) for n in translation), default=0)
    return any(times.get(n, 0) > newest_translation for n in source)
