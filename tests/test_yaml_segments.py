"""Reading a spec file in segments (generator/yaml_segments.py) gives exactly what reading it whole gives.

Whatever the text, where the segment reader accepts it (its layout scan and every segment's
own read), the whole-file readers must accept it too, with the same values and the same key
and value positions; and a damaged or foreign cache entry is never used.
"""

from __future__ import annotations

from pathlib import Path
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINIMAL_SPEC, ROOT
from generator.blob_store import BlobStore
from generator.problems import Problem
from generator.yaml_segments import Pending, SegmentCache, placing, read, split
from generator.yaml_document import Document, LazyDocument
from generator.yaml_events import read_events as _read_events
from generator.yaml_source import _read_full
from test_yaml_fast import _typed


def _cache(folder: Path | None) -> SegmentCache:
    return SegmentCache(BlobStore(folder), b"test")


def _segmented(text: str, cache: SegmentCache) -> LazyDocument | None:
    found = read(text, cache)
    if found is None:
        return None
    data, layout, positions = found
    place = placing([Pending("t.yaml", layout, positions)])
    return LazyDocument(data, ("t.yaml",), (b"",), ("t.yaml",), place)


def _agrees(text: str, cache: SegmentCache) -> bool:
    """Whether the segments were used; if they were, the whole-file readers give the same."""
    doc = _segmented(text, cache)
    if doc is None:
        return False
    whole, problems = Document(data={}), []  # type: ignore[var-annotated]
    data = _read_full("t.yaml", text, whole, problems)
    assert not problems, problems
    assert _typed(doc.data) == _typed(data)
    assert list(doc.values.items()) == list(whole.values.items())
    assert list(doc.keys.items()) == list(whole.keys.items())
    fast = Document(data={})
    assert _typed(_read_events("t.yaml", text, fast)) == _typed(data)
    assert list(fast.values.items()) == list(doc.values.items())
    return True


def test_the_committed_spec_reads_the_same_in_segments(tmp_path: Path) -> None:
    text = (ROOT / "spec" / "tiktok_v2.yaml").read_text(encoding="utf-8")
    cache = _cache(tmp_path)
    assert _agrees(text, cache) and cache.misses > 20 and cache.hits == 0
    assert _agrees(text, cache) and cache.hits == cache.misses  # the second time, all from the cache


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\n\tb: 2\n",  # a tab where an indentation would be
        "a: 1\r\nb: 2\r\n",  # CR line breaks
        "---\na: 1\n",  # a document marker
        "%YAML 1.2\n---\na: 1\n",  # a directive
        "a: {x: 1,\n  y: 2\n}\n",  # a flow mapping closed at column 1
        "a: 1\na: 2\n",  # a duplicate key
        "objects:\n  A: 1\n  A: 2\n",  # a duplicate entry
        "objects:\n   A: 1\n",  # entries at another indentation
        "objects:\n  A:\n x: 1\n",  # a line between two levels
        "objects:\n- A\n",  # a list where entries go
        "objects:\nb: 1\n",  # a header with no entries
        "  a: 1\n",  # the top level indented
        "a: &x 1\nb: *x\n",  # an alias
        '"a": 1\n',  # a quoted key
        "objects:\n  A: 1\nobjects:\n  B: 1\n",  # a group twice
    ],
)
def test_layouts_the_segments_cannot_be_trusted_for_are_read_whole(text: str) -> None:
    assert _segmented(text, _cache(None)) is None


def test_quotes_and_block_scalars_left_open_at_a_segment_end_are_read_whole() -> None:
    assert split('objects:\n  A:\n    d: "x\n  B: y"\n') is not None  # the scan splits it...
    assert _segmented('objects:\n  A:\n    d: "x\n  B: y"\n', _cache(None)) is None  # ...A fails alone
    assert _agrees("objects:\n  A:\n    d: |\n      x\n  B: y\n", _cache(None))


# Text that changes how YAML reads what follows: quotes, flow brackets, block scalar
# indicators, comments, list items, anchors, tags, document markers, tabs, indentation.
_SNIPPETS = st.sampled_from(
    ['"', "'", "{", "}", "[", "]", "|", ">", "#", "- ", ": ", "&a ", "!!str ", "\t", "  ", "---", "? ", "\n"]
    + ["\n  X:\n", "\nz: 1\n", "\n    k: v\n", ",", "*a"]
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, 10**6), _SNIPPETS), max_size=4))
def test_wherever_the_segments_read_a_mangled_spec_the_whole_read_agrees(
    edits: list[tuple[int, str]],
) -> None:
    text = MINIMAL_SPEC
    for where, snippet in edits:
        at = where % (len(text) + 1)
        text = text[:at] + snippet + text[at:]
    _agrees(text, _cache(None))


def test_a_damaged_or_foreign_entry_is_never_used(tmp_path: Path) -> None:
    text = (ROOT / "spec" / "tiktok_v2.yaml").read_text(encoding="utf-8")
    cache = _cache(tmp_path)
    assert _agrees(text, cache)
    entries = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    assert len(entries) == cache.misses
    raw = [p.read_bytes() for p in entries]
    entries[0].write_bytes(raw[0][:-1] + bytes([raw[0][-1] ^ 1]))  # one bit flipped
    entries[1].write_bytes(raw[1][: len(raw[1]) // 2])  # cut short
    entries[2].write_bytes(raw[3])  # another segment's entry
    entries[3].write_bytes(b"")
    again = _cache(tmp_path)
    assert _agrees(text, again)
    assert again.misses == 4 and again.hits == len(entries) - 4
    third = _cache(tmp_path)  # and they were written anew
    assert _agrees(text, third) and third.hits == len(entries) and third.misses == 0


def test_positions_shift_with_lines_inserted_above(tmp_path: Path) -> None:
    cache = _cache(tmp_path)
    assert _agrees(MINIMAL_SPEC, cache)
    before = cache.misses
    moved = "# a comment\n\n" + MINIMAL_SPEC.replace("objects:\n", "objects:\n  # note\n\n", 1)
    assert _agrees(moved, cache)
    assert cache.misses == before  # every segment the same bytes: all from the cache
    doc = _segmented(moved, cache)
    assert doc is not None
    assert doc.keys[("objects", "Thing")].line == MINIMAL_SPEC.split("\n").index("  Thing:") + 1 + 4


@pytest.mark.parametrize("text", ["templates: mine\n", "# a comment\nspec_version: 1\nlanguages: [en]\n"])
def test_a_file_without_objects_or_endpoints_reads_the_same_in_segments(tmp_path: Path, text: str) -> None:
    """One file of a spec folder may hold only top-level keys (no `objects:` header): its positions
    are placed as a whole read places them (an audit found this raising, exit 3)."""
    assert _agrees(text, _cache(tmp_path))
