"""``check``'s diff (writer.unified_diff) costs what it shows, not the size of the tree, and what it
shows is a true diff: applied to the file on disk, each file's hunks give the expected file."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator import writer

_HEADER = re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


def _apply(old: list[str], diff: list[str]) -> list[str]:
    """The lines a unified diff makes of ``old`` (every hunk's context and removals checked)."""
    out: list[str] = []
    at = 0
    for line in diff[2:]:  # after the --- and +++ lines
        header = _HEADER.match(line)
        if header:
            start, length = int(header[1]), int(header[2] if header[2] is not None else 1)
            begin = start - 1 if length else start
            assert begin >= at
            out += old[at:begin]
            at = begin
        elif line[0] in " -":
            assert old[at] == line[1:], (at, line)
            at += 1
            if line[0] == " ":
                out.append(line[1:])
        else:
            assert line[0] == "+"
            out.append(line[1:])
    return out + old[at:]


_LINES = st.lists(st.sampled_from(["a\n", "b\n", "c\n", "d\n"]), max_size=25)


@settings(max_examples=400, deadline=None)
@given(prefix=_LINES, old=_LINES, new=_LINES, suffix=_LINES)
def test_a_files_diff_applied_to_the_old_file_gives_the_new(
    prefix: list[str], old: list[str], new: list[str], suffix: list[str]
) -> None:
    before, after = prefix + old + suffix, prefix + new + suffix
    diff = writer._file_diff("f", before, after, 10**6)
    assert (diff == []) == (before == after)
    if diff:
        assert diff[:2] == ["--- a/f\n", "+++ b/f\n"]
        assert _apply(before, diff) == after


def test_a_big_stale_tree_is_diffed_in_proportion_to_what_is_shown(tmp_path: Path) -> None:
    """Forty files of 20,000 lines, every tenth line changed (an audit's `check` took minutes)."""
    out = tmp_path / "out"
    out.mkdir()
    files: dict[str, writer.FileText] = {}
    for i in range(40):
        lines = [f"line {n} of file {i}\n" for n in range(20_000)]
        (out / f"f{i}.txt").write_text("".join(lines), encoding="utf-8")
        files[f"f{i}.txt"] = "".join(line.upper() if n % 10 == 0 else line for n, line in enumerate(lines))
    comparison = writer.compare(out, files)
    text = writer.unified_diff(out, files, comparison, limit=400)
    shown = text.splitlines()
    assert (
        shown[0] == "--- a/f0.txt"
        and "... (the change to f0.txt goes on past line 400; shown up to there)" in shown
    )
    diffed = [line[6:] for line in shown if line.startswith("--- a/")]
    unshown = [
        line[len("changed, not shown: ") :] for line in shown if line.startswith("changed, not shown: ")
    ]
    assert diffed == ["f0.txt", "f1.txt"] and "... (the diff is cut here)" in shown
    assert sorted(diffed + unshown) == sorted(files) and len(shown) < 400 + 40
