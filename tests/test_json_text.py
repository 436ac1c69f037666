"""Indented JSON: orjson's bytes are the standard library's, so the fast writer changes no output."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from conftest import GENERATED
from generator.json_text import indented

_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-(2**63), 2**64 - 1), _TEXT)
_NO_FLOATS = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(_TEXT, inner, max_size=5)),
    max_leaves=30,
)


def _standard(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


@given(_NO_FLOATS)
def test_same_bytes_as_the_standard_library_without_floats(data: Any) -> None:
    assert indented(data) == _standard(data)


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_floats_keep_their_value(value: float) -> None:
    assert json.loads(indented({"x": [value]})) == {"x": [value]}


def test_integers_past_64_bits_fall_back_to_the_standard_library() -> None:
    data = {"big": 2**70, "text": 'ไทย \u2028 \x1f "q" \\'}
    assert indented(data) == _standard(data)


def test_committed_documents_are_what_the_standard_library_writes() -> None:
    for path in [
        *GENERATED.glob("openapi/*.json"),
        *GENERATED.glob("data/*.json"),
        GENERATED / "MANIFEST.json",
    ]:
        text = path.read_text(encoding="utf-8")
        assert _standard(json.loads(text)) + "\n" == text, path
