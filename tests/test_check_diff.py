"""``check``'s diff (writer.unified_diff) costs what it shows, not the size of the tree, and what it
shows is a true diff: applied to the file on disk (by GNU patch's rules), each file's hunks give
the expected file."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator import writer

_HEADER = re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
_NO_NEWLINE = "\\ No newline at end of file\n"


def _apply(old: list[str], diff: list[str]) -> list[str]:
    """The lines a unified diff makes of ``old`` (every hunk's context and removals checked)."""
    out: list[str] = []
    at = 0
    body = diff[2:]  # after the --- and +++ lines
    for i, line in enumerate(body):
        if line == _NO_NEWLINE:
            continue
        header = _HEADER.match(line)
        if header:
            start, length = int(header[1]), int(header[2] if header[2] is not None else 1)
            begin = start - 1 if length else start
            assert begin >= at
            out += old[at:begin]
            at = begin
            continue
        text = line[1:]
        if i + 1 < len(body) and body[i + 1] == _NO_NEWLINE:
            text = text[:-1]  # the file's last line, which has no newline
        if line[0] in " -":
            assert old[at] == text, (at, line)
            at += 1
            if line[0] == " ":
                out.append(text)
        else:
            assert line[0] == "+"
            out.append(text)
    return out + old[at:]


_LINES = st.lists(st.sampled_from(["a\n", "b\n", "c\n", "d\n"]), max_size=25)


@settings(max_examples=400, deadline=None)
@given(prefix=_LINES, old=_LINES, new=_LINES, suffix=_LINES, ends=st.sampled_from(["", "x", "y"]))
def test_a_files_diff_applied_to_the_old_file_gives_the_new(
    prefix: list[str], old: list[str], new: list[str], suffix: list[str], ends: str
) -> None:
    before = writer._lines("".join(prefix + old + suffix) + ends)
    after = writer._lines("".join(prefix + new + suffix) + ("x" if ends else ""))
    diff = writer._file_diff("f", before, after)
    assert (diff == []) == (before == after)
    if diff:
        assert diff[:2] == ["--- a/f\n", "+++ b/f\n"]
        assert _apply(before, diff) == after


def _stale(tmp_path: Path, texts: dict[str, tuple[str | None, str]]) -> list[str]:
    """check's diff of a tree holding each file's first text (None: missing) against the second."""
    out = tmp_path / "out"
    out.mkdir()
    for rel, (old, _) in texts.items():
        if old is not None:
            (out / rel).write_bytes(old.encode("utf-8"))
    files: dict[str, writer.FileText] = {rel: new for rel, (_, new) in texts.items()}
    return writer._lines(writer.unified_diff(out, files, writer.compare(out, files)))


def test_what_the_diff_shows_of_line_ends_missing_files_and_line_separators(tmp_path: Path) -> None:
    shown = _stale(
        tmp_path,
        {
            "crlf.md": ("one\r\ntwo\r\n", "one\ntwo\n"),  # not the right text: shown, not "not a plain file"
            "last.md": ("one\ntwo", "one\ntwo\n"),  # no newline at the end on disk
            "sep.md": ("a\u2028b\nc\n", "a\u2028b\nC\n"),  # U+2028 inside a line is not a line break
            "py.typed": (None, ""),  # missing (and empty)
        },
    )
    assert "-one\r\n" in shown and "+one\n" in shown
    last = shown.index("+++ b/last.md\n")
    assert shown[last + 1 : last + 6] == ["@@ -1,2 +1,2 @@\n", " one\n", "-two\n", _NO_NEWLINE, "+two\n"]
    sep = shown.index("+++ b/sep.md\n")  # two lines, the first holding a U+2028
    assert shown[sep + 1 : sep + 5] == ["@@ -1,2 +1,2 @@\n", " a\u2028b\n", "-c\n", "+C\n"]
    assert not any(line.startswith("not a plain file") for line in shown)
    assert "missing: py.typed (an empty file)\n" in shown


def test_a_big_stale_tree_is_diffed_in_proportion_to_what_is_shown(tmp_path: Path) -> None:
    """Forty files of 20,000 lines with every tenth line changed (an audit's `check` took minutes),
    then a hundred small files each with one change, and a missing one."""
    texts: dict[str, tuple[str | None, str]] = {}
    for i in range(40):
        lines = [f"line {n} of file {i}\n" for n in range(20_000)]
        new = [line.upper() if n % 10 == 0 else line for n, line in enumerate(lines)]
        texts[f"big{i:02}.txt"] = ("".join(lines), "".join(new))
    for i in range(100):
        texts[f"small{i:03}.txt"] = ("a\nb\nc\n", "a\nB\nc\n")
    texts["zz-missing.txt"] = (None, "new\n")
    shown = _stale(tmp_path, texts)
    spans = [line for line in shown if "more than 2000 lines to diff, not shown" in line]
    assert len(spans) == 40 and spans[0].startswith("... lines 1 to 19991 changed")
    diffed = [line[6:-1] for line in shown if line.startswith("--- a/small")]
    unshown = [line for line in shown if line.startswith("changed, not shown: small")]
    assert diffed and unshown and len(diffed) + len(unshown) == 100
    assert shown[-1] == "missing, not shown: zz-missing.txt\n" and len(shown) < 400 + 110
