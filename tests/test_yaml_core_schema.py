"""Spec scalars mean what YAML 1.2's core schema says, in both readers; and a spec is read bounded.

PyYAML resolves plain scalars with YAML 1.1 (``1:00`` is 60, ``010`` is 8, ``1_000`` is
1000, ``2024-01-01`` a date). ``generator.yaml_source`` resolves them with the YAML 1.2
core schema instead, constructs explicit core tags (``!!int "1"`` is 1), and refuses what a
spec cannot hold (NaN, infinity, a value that does not fit its tag, any other tag) at its
position. The event reader and the full reader must agree on all of it. A spec file is read
at most ``MAX_FILE_BYTES + 1`` bytes, so an endless or huge one is refused by its size.
"""

from __future__ import annotations

import json
import math
import os
import re
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import MINIMAL_SPEC, ROOT
from test_yaml_fast import _both, _typed
from generator.problems import Problem, SpecError
from generator.spec import parse_spec_text
from generator.yaml_document import Document
from generator.yaml_events import read_events as _read_events
from generator.yaml_source import (
    MAX_FILE_BYTES,
    _read_full,
    load_path,
    read_sources,
    read_spec_bytes,
)


def _read(text: str) -> Any:
    """The document read by both readers, which must agree on values and positions."""
    both, (full, full_doc, problems) = _both(text)
    assert not problems, [p.format() for p in problems]
    assert both is not None, "the event reader stepped aside from a text the full reader accepts"
    fast, fast_doc = both
    assert _typed(fast) == _typed(full)
    assert (fast_doc.keys, fast_doc.values) == (full_doc.keys, full_doc.values)
    return full


def _refusals(text: str) -> list[str]:
    """The problems of a text; the event reader must leave it to the full reader."""
    assert _read_events("t.yaml", text, Document(data={})) is None
    problems: list[Problem] = []
    _read_full("t.yaml", text, Document(data={}), problems)
    with pytest.raises(SpecError) as caught:  # the public entry point says the same
        read_sources([("t.yaml", text.encode("utf-8"))])
    assert [p.format() for p in caught.value.problems] == [p.format() for p in problems]
    return [p.format() for p in problems]


# A plain scalar as written -> its value (type, value) under the YAML 1.2 core schema.
PLAIN = [
    # The audit: YAML 1.1 sexagesimal, octal and underscores.
    ("1:00", ("str", "1:00")),
    ("190:20:30", ("str", "190:20:30")),
    ("010", ("int", 10)),
    ("007", ("int", 7)),
    ("08", ("int", 8)),
    ("-010", ("int", -10)),
    ("1_000", ("str", "1_000")),
    ("0o17", ("int", 15)),
    ("0x1F", ("int", 31)),
    ("0xff", ("int", 255)),
    ("0O17", ("str", "0O17")),
    ("0X1F", ("str", "0X1F")),
    ("-0x1F", ("str", "-0x1F")),
    ("+0o17", ("str", "+0o17")),
    ("0b101", ("str", "0b101")),
    ("0x", ("str", "0x")),
    # Ordinary integers.
    ("0", ("int", 0)),
    ("-0", ("int", 0)),
    ("42", ("int", 42)),
    ("+42", ("int", 42)),
    ("-7", ("int", -7)),
    ("12345678901234567890", ("int", 12345678901234567890)),
    ("9" * 4300, ("int", int("9" * 4300))),
    # Floats.
    ("1.5", ("float", 1.5)),
    ("-2.25", ("float", -2.25)),
    (".5", ("float", 0.5)),
    ("-.5", ("float", -0.5)),
    ("+.5", ("float", 0.5)),
    ("1.", ("float", 1.0)),
    ("1e3", ("float", 1000.0)),
    ("1E-3", ("float", 0.001)),
    ("6.02e+23", ("float", 6.02e23)),
    ("1.0e3", ("float", 1000.0)),
    ("1e", ("str", "1e")),
    (".", ("str", ".")),
    ("1.2.3", ("str", "1.2.3")),
    ("1,5", ("str", "1,5")),
    ("-.nan", ("str", "-.nan")),
    ("+.NaN", ("str", "+.NaN")),
    (".iNf", ("str", ".iNf")),
    ("inf", ("str", "inf")),
    ("nan", ("str", "nan")),
    # Null and booleans.
    ("~", ("NoneType", None)),
    ("null", ("NoneType", None)),
    ("Null", ("NoneType", None)),
    ("NULL", ("NoneType", None)),
    ("nULL", ("str", "nULL")),
    ("none", ("str", "none")),
    ("true", ("bool", True)),
    ("True", ("bool", True)),
    ("TRUE", ("bool", True)),
    ("false", ("bool", False)),
    ("False", ("bool", False)),
    ("FALSE", ("bool", False)),
    ("tRUE", ("str", "tRUE")),
    ("yes", ("str", "yes")),
    ("No", ("str", "No")),
    ("on", ("str", "on")),
    ("OFF", ("str", "OFF")),
    ("y", ("str", "y")),
    # Dates, and what YAML 1.1 gave other tags.
    ("2024-01-01", ("str", "2024-01-01")),
    ("2001-12-14t21:59:43.10-05:00", ("str", "2001-12-14t21:59:43.10-05:00")),
    ("=", ("str", "=")),
    ("<<", ("str", "<<")),
    ("hello", ("str", "hello")),
    ("-x", ("str", "-x")),
]


@pytest.mark.parametrize(("text", "expected"), PLAIN)
def test_a_plain_scalar_resolves_by_the_core_schema(text: str, expected: tuple[str, Any]) -> None:
    assert _typed(_read(f"a: {text}\nb:\n  - {text}\n")) == {"a": expected, "b": [expected]}


def test_an_empty_value_is_null() -> None:
    assert _typed(_read("a:\nb: [a, ]\nc: {x: }\n")) == {
        "a": ("NoneType", None),
        "b": [("str", "a")],
        "c": {"x": ("NoneType", None)},
    }


@pytest.mark.parametrize("text", ["1:00", "010", "1_000", "true", "~", ".inf", ".nan", "2024-01-01"])
def test_a_quoted_or_block_scalar_is_a_string(text: str) -> None:
    assert _read(f"a: '{text}'\nb: \"{text}\"\nc: |-\n  {text}\nd: >-\n  {text}\ne: ! '{text}'\n") == {
        key: text for key in "abcde"
    }


# A scalar with an explicit core tag, as written -> its value.
EXPLICIT = [
    ('!!int "1"', ("int", 1)),
    ("!!int '010'", ("int", 10)),
    ("!!int 0o17", ("int", 15)),
    ("!!int 0x1F", ("int", 31)),
    ("!!int -3", ("int", -3)),
    ("!!str 1", ("str", "1")),
    ("!!str 1:00", ("str", "1:00")),
    ("!!str true", ("str", "true")),
    ("!!str ~", ("str", "~")),
    ("!!str", ("str", "")),
    ("!!float 1", ("float", 1.0)),
    ('!!float "2.5"', ("float", 2.5)),
    ("!!float 1e3", ("float", 1000.0)),
    ("!!bool 'true'", ("bool", True)),
    ("!!bool FALSE", ("bool", False)),
    ("!!null ''", ("NoneType", None)),
    ("!!null ~", ("NoneType", None)),
    ("!!null", ("NoneType", None)),
    ("!<tag:yaml.org,2002:int> '5'", ("int", 5)),
]


@pytest.mark.parametrize(("text", "expected"), EXPLICIT)
def test_an_explicit_core_tag_constructs_its_type(text: str, expected: tuple[str, Any]) -> None:
    assert _typed(_read(f"a: {text}\nb:\n  - {text}\n")) == {"a": expected, "b": [expected]}


def test_keys_are_the_text_as_written() -> None:
    text = "2024-01-01: a\n1:00: b\n010: c\ntrue: d\n~: e\n.inf: f\n'<<': g\n!!str 5: h\n"
    assert list(_read(text)) == ["2024-01-01", "1:00", "010", "true", "~", ".inf", "<<", "5"]


NOT_FINITE = "is not a finite number (JSON, and so OpenAPI, has no NaN or infinity); write a finite number, or quote it for a string"
TOO_LONG = "this integer has more than 4300 digits; write a smaller one, or quote it for a string"
# A value -> the problem reported for `a: VALUE` (at line 1, column 4).
REFUSED = [
    (".inf", f"'.inf' {NOT_FINITE}"),
    (".Inf", f"'.Inf' {NOT_FINITE}"),
    ("+.INF", f"'+.INF' {NOT_FINITE}"),
    ("-.inf", f"'-.inf' {NOT_FINITE}"),
    (".nan", f"'.nan' {NOT_FINITE}"),
    (".NaN", f"'.NaN' {NOT_FINITE}"),
    (".NAN", f"'.NAN' {NOT_FINITE}"),
    ("!!float .inf", f"'.inf' {NOT_FINITE}"),
    (
        "1e400",
        "'1e400' is out of the range of a number (it would be infinity); write a finite number, "
        "or quote it for a string",
    ),
    (
        "-1.5E+999",
        "'-1.5E+999' is out of the range of a number (it would be infinity); write a finite number, "
        "or quote it for a string",
    ),
    ("9" * 4301, TOO_LONG),
    ("0" * 4301, TOO_LONG),
    ("0x" + "f" * 3600, TOO_LONG),
    (
        "!!timestamp 2024-01-01",
        "YAML tag '!!timestamp' is not allowed; a spec uses plain YAML values only (remove the tag)",
    ),
    (
        "!!int abc",
        "'abc' does not fit its tag '!!int'; write an integer (such as 10, -3, 0o17 or 0x1F), or remove the tag",
    ),
    (
        "!!int 1.5",
        "'1.5' does not fit its tag '!!int'; write an integer (such as 10, -3, 0o17 or 0x1F), or remove the tag",
    ),
    (
        "!!int 1_000",
        "'1_000' does not fit its tag '!!int'; write an integer (such as 10, -3, 0o17 or 0x1F), or remove the tag",
    ),
    (
        "!!float abc",
        "'abc' does not fit its tag '!!float'; write a finite number (such as 1.5, -2 or 6e3), or remove the tag",
    ),
    ("!!bool yes", "'yes' does not fit its tag '!!bool'; write true or false, or remove the tag"),
    ("!!null 0", "'0' does not fit its tag '!!null'; write null, ~ or nothing, or remove the tag"),
    (
        "!!int " + "x" * 50,
        "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' does not fit its tag '!!int'; write an integer "
        "(such as 10, -3, 0o17 or 0x1F), or remove the tag",
    ),
    ("!!str {b: 1}", "YAML tag '!!str' cannot tag a mapping; remove the tag"),
    ("!!map [1]", "YAML tag '!!map' cannot tag a list; remove the tag"),
    ("!!seq x", "YAML tag '!!seq' cannot tag a single value; remove the tag"),
]


@pytest.mark.parametrize(("value", "message"), REFUSED)
def test_a_value_a_spec_cannot_hold_is_refused_at_its_position(value: str, message: str) -> None:
    assert _refusals(f"a: {value}\n") == [f"t.yaml:1:4: a: {message}"]
    assert _refusals(f"b: 1\nc:\n  - x\n  - {value}\n") == [f"t.yaml:4:5: c[1]: {message}"]


def test_a_tagged_key_is_checked() -> None:
    assert _refusals("!!timestamp 2024-01-01: x\nb:\n  !!int abc: y\n  !!seq c: z\n") == [
        "t.yaml:1:1: YAML tag '!!timestamp' is not allowed; a spec uses plain YAML values only (remove the tag)",
        "t.yaml:3:3: b: 'abc' does not fit its tag '!!int'; write an integer (such as 10, -3, 0o17 or 0x1F), "
        "or remove the tag",
        "t.yaml:4:3: b: YAML tag '!!seq' cannot tag a mapping key; remove the tag",
    ]


def test_only_a_plain_double_angle_key_is_a_merge_key() -> None:
    assert _refusals("<<: {a: 1}\n") == ["t.yaml:1:1: merge keys (<<) are not allowed; write the keys out"]
    assert _read("'<<': 1\nb: <<\n") == {"<<": 1, "b": "<<"}


def test_every_problem_of_a_file_is_reported() -> None:
    assert _refusals("a: .nan\nb: 1:00\nc: !!int x\nd: -.inf\n") == [
        f"t.yaml:1:4: a: '.nan' {NOT_FINITE}",
        "t.yaml:3:4: c: 'x' does not fit its tag '!!int'; write an integer (such as 10, -3, 0o17 or 0x1F), "
        "or remove the tag",
        f"t.yaml:4:4: d: '-.inf' {NOT_FINITE}",
    ]


# The audit's cases, in a whole spec.
def test_an_explicit_int_tag_on_the_spec_version_is_accepted() -> None:
    spec = parse_spec_text(MINIMAL_SPEC.replace("spec_version: 1\n", 'spec_version: !!int "1"\n'))
    assert spec.package.name == "mini"


def test_a_sexagesimal_looking_rate_limit_is_a_string_not_sixty() -> None:
    text = MINIMAL_SPEC.replace(
        "    security: oauth2\n", "    security: oauth2\n    rate_limit_per_minute: 1:00\n"
    )
    doc = read_sources([("spec.yaml", text.encode("utf-8"))])
    assert doc.data["endpoints"]["get_thing"]["rate_limit_per_minute"] == "1:00"
    with pytest.raises(SpecError) as caught:  # the schema wants an integer
        parse_spec_text(text)
    assert [p.path for p in caught.value.problems] == ["endpoints.get_thing.rate_limit_per_minute"]


def test_an_example_with_a_leading_zero_is_decimal() -> None:
    text = MINIMAL_SPEC.replace(
        "        description: {en: The id., th: รหัส}\n",
        "        description: {en: The id., th: รหัส}\n        example: 010\n",
        1,
    )
    assert (
        read_sources([("spec.yaml", text.encode("utf-8"))]).data["objects"]["Thing"]["fields"]["id"][
            "example"
        ]
        == 10
    )


# Properties.
_FLOAT_RE = r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?"


def _reference(text: str) -> tuple[str, Any] | None:
    """The core schema written out from the YAML 1.2.2 table (10.3.2); None: refused (NaN, infinity)."""
    if text in ("", "~", "null", "Null", "NULL"):
        return ("NoneType", None)
    if text in ("true", "True", "TRUE", "false", "False", "FALSE"):
        return ("bool", text.lower() == "true")
    if re.fullmatch(r"[-+]?[0-9]+", text):
        return ("int", int(text, 10))
    if re.fullmatch(r"0o[0-7]+", text):
        return ("int", int(text[2:], 8))
    if re.fullmatch(r"0x[0-9a-fA-F]+", text):
        return ("int", int(text[2:], 16))
    if re.fullmatch(_FLOAT_RE, text):
        number = float(text)
        return ("float", number) if math.isfinite(number) else None
    if re.fullmatch(r"[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)", text):
        return None
    return ("str", text)


def _is_plain_scalar(text: str) -> bool:
    """Whether ``a: TEXT`` holds TEXT as one plain scalar (not a comment, a key, a syntax error)."""
    try:
        events = list(yaml.parse(f"a: {text}\n", Loader=yaml.CSafeLoader))
    except yaml.YAMLError:
        return False
    scalars = [e for e in events if isinstance(e, yaml.ScalarEvent)]
    return len(scalars) == 2 and scalars[1].value == text and not scalars[1].style and scalars[1].tag is None


@settings(max_examples=600, deadline=None)
@given(text=st.text(alphabet="0123456789+-._:eExXoObBaAfFiInNlLtTrRuUsS~", max_size=10))
def test_random_plain_scalars_read_as_the_core_schema_says(text: str) -> None:
    if not _is_plain_scalar(text):
        return
    expected = _reference(text)
    if expected is None:
        assert len(_refusals(f"a: {text}\n")) == 1
    else:
        assert _typed(_read(f"a: {text}\n"))["a"] == expected


@settings(max_examples=200, deadline=None)
@given(number=st.integers(), real=st.floats(allow_nan=False, allow_infinity=False))
def test_numbers_written_by_python_read_back(number: int, real: float) -> None:
    text = f"a: {number}\nb: {real!r}\nc: !!int '{number}'\nd: !!str {number}\ne: !!float '{real!r}'\n"
    data = _read(text)
    assert _typed(data) == _typed({"a": number, "b": real, "c": number, "d": str(number), "e": real})
    json.dumps(data, allow_nan=False)  # what the OpenAPI output needs


# The size limit: never read more than MAX_FILE_BYTES + 1 bytes of a spec file.
def test_a_huge_file_is_refused_with_its_size_unread(tmp_path: Path) -> None:
    huge = tmp_path / "spec.yaml"
    with huge.open("wb") as handle:
        handle.truncate(4 * 1024**3)  # sparse: no disk, and more than a small machine's memory
    assert len(read_spec_bytes(huge)) == MAX_FILE_BYTES + 1
    with pytest.raises(SpecError) as caught:
        load_path(huge)
    assert [p.message for p in caught.value.problems] == [
        f"the file is {4 * 1024**3} bytes; the limit is {MAX_FILE_BYTES}"
    ]


def test_a_file_at_the_limit_is_read_whole(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_bytes(b"a: 1\n" + b"#" * (MAX_FILE_BYTES - 6) + b"\n")
    assert read_spec_bytes(spec) == spec.read_bytes()


def _limit_memory() -> None:
    # A regression (reading /dev/zero whole) then fails at once instead of exhausting the machine.
    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize("command", ["validate", "generate"])
def test_an_endless_spec_is_refused_by_its_size(command: str, tmp_path: Path) -> None:
    args = ["--spec", "/dev/zero"] + (["--out", "out"] if command == "generate" else [])
    result = subprocess.run(
        [sys.executable, "-m", "generator", command, *args],
        cwd=tmp_path,
        # With a cache directory, generate first reads the spec for the cache key (cli._cached_run).
        env={**os.environ, "PYTHONPATH": str(ROOT), "SPECGEN_CACHE": str(tmp_path / "cache")},
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_limit_memory,
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        f"/dev/zero:1:1: the file is more than {MAX_FILE_BYTES} bytes; the limit is {MAX_FILE_BYTES}\n"
        "1 problem in the spec; nothing was written.\n",
    )
    assert not (tmp_path / "out").exists()
