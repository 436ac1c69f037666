"""The one-pass event reader (the common case) reads exactly what the full reader reads.

``yaml_events.read_events`` handles alias-free specs; at anything it must not decide it
returns None and the full reader (nesting check, composed node graph, builder) runs. For
every text both accept, the values, their types and every key and value position must be
the same; for every text the full reader refuses, the event reader must step aside. Its
positionless form ``read_values`` (for documents whose positions are placed when first asked
for) accepts exactly the texts it accepts, with the same values.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from generator.problems import Problem
from generator.yaml_document import Document, LazyDocument
from generator.yaml_events import read_events, read_values
from generator.problems import SpecError
from generator.yaml_source import _read_full, read_sources

CASES = ROOT / "tests" / "cases"


def _both(text: str) -> tuple[tuple[Any, Document] | None, tuple[Any, Document, list[Problem]]]:
    fast_doc, full_doc = Document(data={}), Document(data={})
    fast = read_events("t.yaml", text, fast_doc)
    values = read_values(text)
    assert (values is None) == (fast is None), "the two event readers accept the same texts"
    assert values is None or _typed(values) == _typed(fast)
    problems: list[Problem] = []
    full = _read_full("t.yaml", text, full_doc, problems)
    return (None if fast is None else (fast, fast_doc)), (full, full_doc, problems)


def _typed(value: Any) -> Any:
    """The value with every scalar's type made visible (1 == True == 1.0 in Python)."""
    if isinstance(value, dict):
        return {k: _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return (type(value).__name__, value)


def _lazy_same(text: str) -> None:
    """A lazy read of the text is the eager read: the same problems, or the same Document once
    its positions are placed."""
    source = [("t.yaml", text.encode("utf-8"))]
    try:
        eager = read_sources(source)
    except SpecError as exc:
        with pytest.raises(SpecError) as lazy_error:
            read_sources(source, lazy=True)
        assert lazy_error.value.problems == exc.problems
        return
    lazy = read_sources(source, lazy=True)
    assert _typed(lazy.data) == _typed(eager.data)
    assert (lazy.files, lazy.texts, lazy.sources) == (eager.files, eager.texts, eager.sources)
    assert list(lazy.values.items()) == list(eager.values.items())
    assert list(lazy.keys.items()) == list(eager.keys.items())


def _assert_same(text: str) -> bool:
    """Whether the event reader accepted the text; if it did, it agrees with the full reader."""
    _lazy_same(text)
    fast, (full, full_doc, problems) = _both(text)
    if fast is None:
        return False
    assert not problems, problems  # accepted only what the full reader accepts
    data, fast_doc = fast
    assert _typed(data) == _typed(full)
    assert fast_doc.keys == full_doc.keys
    assert fast_doc.values == full_doc.values
    return True


def test_the_committed_spec_is_read_the_same() -> None:
    text = (ROOT / "spec" / "tiktok_v2.yaml").read_text(encoding="utf-8")
    assert _assert_same(text)


# Read by the event reader, and the same as the full reader's values.
ACCEPTED = [
    "a: 1\nb: -2.5\nc: 0x1F\nd: 1e3\ne: ~\nf:\ng: ''\nh: 0o17\ni: 010\nj: .5\nk: -1.\n",
    "a: true\nb: False\nc: yes\nd: on\ne: No\nf: 'true'\n",
    "a: 2024-01-01\nb: 2001-12-14t21:59:43.10-05:00\nc: '2024-01-01'\n",
    "a: 1:00\nb: 1_000\nc: -0x1F\nd: 0b101\ne: =\nf: <<\ng: -.nan\nh: .Nan\ni: 1e\nj: .\n",
    "2024-01-01: x\n1:00: y\n'<<': z\n!!str 5: w\n.inf: v\n",
    "a: ! 1\nb: ! '1'\nc: !!float 1\nd: !!null ''\ne: !!bool FALSE\nf: !!int 0x1F\n",
    'a: |\n  line one\n  line two\nb: >-\n  folded\n  text\nc: "esc\\taped\\u00e9"\n',
    "a: [1, [2, [3, {b: c}]], {}, []]\nb: {x: {y: {z: []}}}\n",
    "a: &anchor {b: 1}\nc: 2\n",
    "a: !!str 1\nb: !!int '2'\nc: !!map {d: 1}\nd: !!seq [1]\n",
    "? complex\n: value\n",
    "a:\n- 1\n- - 2\n  - 3\n- k: v\n  l: w\n",
    "true: x\n1: y\nnull: z\n",
    "a: 'ไทย ภาษา'\nb: ผู้ใช้\n\u0e01: 1\n",
    "a: " + "[" * 63 + "]" * 63 + "\n",  # 64 levels with the root: the limit
]
# Left to the full reader, which refuses or reports each.
LEFT = [
    "- not a mapping\n",
    "plain scalar root\n",
    "",
    "# only a comment\n",
    "a: 1\na: 2\n",
    "a: {b: 1, b: 2}\n",
    "<<: {a: 1}\n",
    "[a, b]: c\n",
    "a: !!python/object:os.system x\n",
    "a: !local x\n",
    "a: !!set {x}\n",
    "a: !!timestamp 2024-01-01\n",
    "!!timestamp 2024-01-01: x\n",
    "a: .inf\n",
    "a: -.INF\n",
    "a: .nan\n",
    "a: 1e400\n",
    "a: !!float .inf\n",
    "a: !!int abc\n",
    "a: !!int 1.5\n",
    "a: !!bool yes\n",
    "a: !!null x\n",
    "!!int abc: x\n",
    "a: !!str {b: 1}\n",
    "a: !!seq {b: 1}\n",
    "a: !!map x\n",
    "a: " + "9" * 4301 + "\n",
    "a: 1\n---\nb: 2\n",
    "a: [1, 2\n",
    "a: b: c\n",
    "a: " + "[" * 64 + "]" * 64 + "\n",
    "a:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 70)) + "  " * 70 + "x: 1\n",
]


@pytest.mark.parametrize("text", ACCEPTED)
def test_the_event_reader_reads_what_the_full_reader_reads(text: str) -> None:
    assert _assert_same(text)


@pytest.mark.parametrize("text", LEFT)
def test_what_the_full_reader_refuses_is_left_to_it(text: str) -> None:
    _lazy_same(text)
    fast, (full, _, problems) = _both(text)
    assert fast is None
    assert problems  # (the full reader may still return the values it could read)


def test_the_bad_spec_corpus_takes_both_paths() -> None:
    accepted = refused = 0
    for spec in sorted(CASES.glob("*/spec.yaml")):
        raw = spec.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if "*" in text or len(raw) > 1_000_000:
            continue  # aliases always take the full reader; the oversized case is refused unread
        if _assert_same(text):
            accepted += 1
        else:
            refused += 1
    assert accepted and refused  # both paths are exercised


_SCALARS = st.one_of(
    st.text(max_size=20),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
    st.sampled_from(
        [
            "yes",
            "on",
            "~",
            "0x10",
            "1e3",
            "2024-01-01",
            "null",
            "- x",
            ": y",
            "#z",
            "<<",
            "1:00",
            "010",
            "1_000",
        ]
    ),
)
_TREES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree=st.dictionaries(st.text(max_size=8), _TREES, min_size=1, max_size=5), flow=st.booleans())
def test_random_documents_are_read_the_same(tree: dict[str, Any], flow: bool) -> None:
    text = yaml.safe_dump(tree, allow_unicode=True, default_flow_style=flow, sort_keys=False)
    if "*" not in text:
        _assert_same(text)


@pytest.mark.parametrize(
    "second",
    [
        "objects: {B: 2}\nshared: [1, 2]\n",  # merges: the lazy read keeps its positions for later
        "objects: {A: 3}\n",  # A twice: the problem, at its position, from the eager read
        "shared: [1, 3]\n",  # a key defined differently in two files
        "b: *x\n",  # an alias: the full reader
    ],
)
def test_a_lazy_read_of_two_files_is_the_eager_read(second: str) -> None:
    sources = [("a.yaml", b"objects: {A: 1}\nshared: [1, 2]\n"), ("b.yaml", second.encode())]
    try:
        eager = read_sources(sources, ("spec/a.yaml", "spec/b.yaml"))
    except SpecError as exc:
        with pytest.raises(SpecError) as lazy_error:
            read_sources(sources, ("spec/a.yaml", "spec/b.yaml"), lazy=True)
        assert lazy_error.value.problems == exc.problems
        return
    lazy = read_sources(sources, ("spec/a.yaml", "spec/b.yaml"), lazy=True)
    assert isinstance(lazy, LazyDocument) and not lazy.placed
    assert (lazy.data, lazy.files, lazy.texts, lazy.sources) == (
        eager.data,
        eager.files,
        eager.texts,
        eager.sources,
    )
    assert lazy.where(("objects", "B"), key=True) == eager.where(("objects", "B"), key=True)
    assert lazy.placed and list(lazy.values.items()) == list(eager.values.items())
    assert list(lazy.keys.items()) == list(eager.keys.items())
