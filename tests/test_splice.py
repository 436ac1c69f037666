"""The OpenAPI and data documents assembled from per-object pieces (generator/targets/splice.py)
are the bytes of the whole document dumped at once: on random JSON, on the TikTok spec, on a spec
of hostile texts, from a cache that holds the pieces, and when a value has no orjson form."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from generator import units
from generator.ir import ProjectIR, build_ir
from generator.json_text import indented
from generator.spec import load_spec, parse_spec_text
from generator.targets import splice
from generator.targets.data import render_data
from generator.targets.openapi import render_openapi

from test_black_stable import hostile_spec

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "tiktok_v2.yaml"

TEXT = st.text() | st.sampled_from([splice.MARK, splice.MARK + "x", "\\u0000specgen-splice"])
JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=12,
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.dictionaries(TEXT, JSON, max_size=4), min_size=1, max_size=4),
    st.dictionaries(TEXT, JSON, min_size=1, max_size=4),
    st.integers(1, 3),
)
def test_spliced_items_are_the_whole_dump(rows: list[Any], named: dict[str, Any], cut: int) -> None:
    whole = {"head": [1, {"a": []}], "rows": rows, "tail": {"named": named, "after": {}}}
    pieces = [splice.items_text(rows[:cut], 1).encode(), splice.items_text(rows[cut:], 1).encode()]
    # Data that holds the mark itself (no spec can: it starts with a NUL) may be dumped whole
    # instead (None); data without it never is.
    expected = indented(whole).encode()
    allowed = (expected, None) if b'"\\u0000specgen-splice"' in expected else (expected,)
    marked = {"head": whole["head"], "rows": [splice.MARK], "tail": whole["tail"]}
    assert splice.spliced(marked, pieces) in allowed
    keys = list(named)
    pieces = [splice.items_text({k: named[k]}, 2).encode() for k in keys]
    marked = {"head": whole["head"], "rows": rows, "tail": {"named": {splice.MARK: 0}, "after": {}}}
    assert splice.spliced(marked, pieces) in allowed


def test_no_piece_or_no_single_mark_means_the_whole_dump() -> None:
    assert splice.spliced({"rows": [splice.MARK]}, [b"", b""]) is None
    assert splice.spliced({"rows": [splice.MARK, splice.MARK]}, [b'    "x"']) is None
    assert splice.spliced({"rows": []}, [b'    "x"']) is None


def _both_ways(project: ProjectIR, *, every_piece_cached: bool = True) -> None:
    plain = {**render_openapi(project), **render_data(project)}
    cache = units.UnitCache(None, b"test toolkit")  # in memory: the pieces path
    previous = units.use(cache)
    try:
        assert units.materialized({**render_openapi(project), **render_data(project)}) == plain
        assert cache.misses > 0 and cache.hits == 0
        # Pieces from the cache:
        assert units.materialized({**render_openapi(project), **render_data(project)}) == plain
        # A piece whose object has no JSON form has no key: it is made every time.
        assert cache.hits == cache.misses if every_piece_cached else 0 < cache.hits < cache.misses
    finally:
        units.use(previous)


def test_the_tiktok_documents_from_pieces() -> None:
    _both_ways(build_ir(load_spec(SPEC)))


def test_hostile_documents_from_pieces() -> None:
    _both_ways(build_ir(parse_spec_text(hostile_spec(), "hostile.yaml")))


def test_a_value_orjson_cannot_write_falls_back_to_the_whole_dump() -> None:
    # The spec refuses integers past 64 bits; the renderers still must not depend on it.
    project = build_ir(load_spec(SPEC))
    user = project.objects[0]
    big = dataclasses.replace(user.fields[0], example=2**70, has_example=True)
    user = dataclasses.replace(user, fields=(big, *user.fields[1:]))
    _both_ways(dataclasses.replace(project, objects=(user, *project.objects[1:])), every_piece_cached=False)


@given(
    size=st.sampled_from(
        [0, 1, units.THREAD_MIN_BYTES - 1, units.THREAD_MIN_BYTES, 3 * units.THREAD_MIN_BYTES + 7]
    ),
    seed=st.integers(0, 255),
)
@settings(max_examples=12, deadline=None)
def test_a_hash_taken_ahead_is_the_hash(size: int, seed: int) -> None:
    # A document's hash, taken in a thread from the moment it is made, is the one the manifest would take.
    data = bytes((seed + i) % 251 for i in range(size)) if size < 4096 else bytes([seed]) * size
    ahead = units.hash_ahead(data)
    assert ahead is data
    assert units.sha256_of(ahead) == hashlib.sha256(data).hexdigest()
    equal_bytes = bytes(bytearray(data))  # equal but another object: hashed here, not taken for the other
    assert units.sha256_of(equal_bytes) == hashlib.sha256(data).hexdigest()
    units.use(units.current())  # a new run forgets the hashes taken ahead; the answer stays the same
    assert units.sha256_of(ahead) == hashlib.sha256(data).hexdigest()
