"""The fast schema check never accepts what jsonschema refuses (it only skips jsonschema on valid specs)."""

from __future__ import annotations

import copy
import random
from typing import Any

import jsonschema
import pytest

from generator import schema_fast
from generator.problems import SpecError
from generator.spec import _validator, schema
from generator.yaml_source import load_path

from conftest import ROOT, SPEC

CASES = sorted((ROOT / "tests" / "cases").glob("*/spec.yaml"))


def _jsonschema_valid(data: Any) -> bool:
    """The spec's own jsonschema validator (strict integers: 400.0 is not one)."""
    return not list(_validator().iter_errors(data))


def test_integers_are_strict_and_plain_jsonschema_is_not() -> None:
    assert jsonschema.Draft202012Validator({"type": "integer"}).is_valid(400.0)
    integer = _validator().evolve(schema={"type": "integer"})
    assert integer.is_valid(400) and not integer.is_valid(400.0) and not integer.is_valid(True)
    fast = schema_fast.compile_schema({"type": "integer"})
    assert fast is not None and fast(400) and not fast(400.0) and not fast(True)


@pytest.fixture(scope="module")
def check() -> schema_fast.Check:
    compiled = schema_fast.compile_schema(schema())
    assert compiled is not None, "the spec schema uses a keyword the fast check does not handle"
    return compiled


def test_committed_spec_is_certainly_valid(check: schema_fast.Check) -> None:
    assert schema_fast.certainly_valid(check, load_path(SPEC).data)


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.parent.name)
def test_agrees_with_jsonschema_on_the_bad_spec_corpus(case: Any, check: schema_fast.Check) -> None:
    try:
        data = load_path(case).data
    except SpecError:
        pytest.skip("refused before schema validation")
    assert schema_fast.certainly_valid(check, data) == _jsonschema_valid(data)


_REPLACEMENTS = [
    None,
    True,
    0,
    1.5,
    400.0,
    -3,
    "",
    "x",
    "Bad Name",
    [],
    ["en"],
    ["en", "en"],
    {},
    {"type": "string"},
]


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            out.extend(_paths(value, (*path, key)))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out.extend(_paths(value, (*path, i)))
    return out


def test_never_more_lenient_than_jsonschema_on_mutations(check: schema_fast.Check) -> None:
    """Replace or delete one node of the committed spec at a time; the verdicts must agree."""
    base = load_path(SPEC).data
    rng = random.Random(5)
    paths = [p for p in _paths(base) if p]
    for _ in range(400):
        data = copy.deepcopy(base)
        path = rng.choice(paths)
        parent = data
        for key in path[:-1]:
            parent = parent[key]
        if isinstance(parent, dict) and rng.random() < 0.3:
            del parent[path[-1]]
        elif isinstance(parent, dict) and rng.random() < 0.2:
            parent["unknown_" + str(path[-1])] = parent[path[-1]]
        else:
            parent[path[-1]] = copy.deepcopy(rng.choice(_REPLACEMENTS))
        assert schema_fast.certainly_valid(check, data) == _jsonschema_valid(data), path


def test_unsupported_schema_means_ask_jsonschema() -> None:
    assert (
        schema_fast.compile_schema(
            {"type": "object", "patternProperties": {"^x": {}}, "additionalProperties": False}
        )
        is None
    )
    assert schema_fast.compile_schema({"oneOf": [{"type": "string"}]}) is None
    assert not schema_fast.certainly_valid(None, {})
