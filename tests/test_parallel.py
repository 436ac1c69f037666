"""Rendering in two processes gives the same bytes as rendering in one."""

from __future__ import annotations

import pytest

from generator.pipeline import generate_spec
from generator.spec import Spec


def test_forked_rendering_matches_in_process(spec: Spec, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPECGEN_JOBS", "1")
    alone = generate_spec(spec)
    monkeypatch.setenv("SPECGEN_JOBS", "2")
    assert generate_spec(spec) == alone
