"""Table tests: each target's escaping is a named function that cannot break its output."""

from __future__ import annotations

import ast
import csv
import io
import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.escaping import md_cell, md_code, md_text, py_comment, py_docstring, py_str, toml_str

HOSTILE = [
    "",
    "plain",
    "it's",
    'say "hi"',
    "both ' and \"",
    '"""triple"""',
    "'''triple'''",
    "ends with a backslash \\",
    "\\",
    'ends with a quote "',
    "line\nbreak",
    "cr\rlf\r\n",
    "tab\there",
    "{{ 7*7 }} {% raw %} {# c #}",
    "<script>alert(1)</script>",
    "a | b || c",
    "รหัสประจำตัวผู้ใช้ที่ไม่ซ้ำกัน",
    "zero\u200bwidth\u200d",
    "emoji 🎉👩‍👩‍👧",
    "\u2028line separator\u2029",
    "\\N{BULLET} \\x00 \\u1234",
]


def _compiles(source: str) -> object:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        code = compile(source, "<test>", "exec")
    namespace: dict[str, object] = {}
    exec(code, namespace)
    return namespace


@pytest.mark.parametrize("text", HOSTILE)
def test_py_str_round_trips(text: str) -> None:
    literal = py_str(text)
    assert ast.literal_eval(literal) == text
    assert _compiles(f"x = {literal}\n")["x"] == text


@pytest.mark.parametrize(
    ("text", "literal"),
    [("a", '"a"'), ("it's", '"it\'s"'), ('say "hi"', "'say \"hi\"'"), ("back\\", '"back\\\\"')],
)
def test_py_str_prefers_double_quotes_like_black(text: str, literal: str) -> None:
    assert py_str(text) == literal


@pytest.mark.parametrize("text", HOSTILE)
def test_py_docstring_never_closes_early(text: str) -> None:
    source = f'def f():\n    """{py_docstring(text)}"""\n'
    namespace = _compiles(source)
    doc = namespace["f"].__doc__  # type: ignore[attr-defined]
    assert isinstance(doc, str)
    # Content survives exactly, except what black would strip: trailing spaces of each
    # line and blank lines at either end.
    expected = "\n".join(line.rstrip(" ") for line in text.split("\n")).strip("\n") or " "
    assert doc == expected


@pytest.mark.parametrize("text", HOSTILE)
def test_py_comment_is_one_line(text: str) -> None:
    comment = py_comment(text)
    assert "\n" not in comment and "\r" not in comment
    _compiles(f"# {comment}\nx = 1\n")


def _cells(row: str) -> list[str]:
    """Split a Markdown table row on pipes that are not backslash-escaped."""
    cells, current, escaped = [], "", False
    for char in row.strip()[1:-1]:
        if escaped:
            current += char
            escaped = False
        elif char == "\\":
            current += char
            escaped = True
        elif char == "|":
            cells.append(current)
            current = ""
        else:
            current += char
    cells.append(current)
    return cells


@pytest.mark.parametrize("text", HOSTILE)
def test_md_cell_keeps_the_row_whole(text: str) -> None:
    row = f"| {md_cell(text)} | {md_code(text)} |"
    assert "\n" not in row and "\r" not in row
    assert len(_cells(row)) == 2
    assert "<script" not in row


@pytest.mark.parametrize("text", HOSTILE)
def test_md_text_has_no_raw_html_or_block_syntax(text: str) -> None:
    out = md_text(text)
    assert "<script" not in out
    assert "\n" not in out
    assert not out.startswith(("#", "-", "+", ">", "    ", "=", "|"))


def test_md_text_examples() -> None:
    assert md_text("a <b> & c") == "a &lt;b&gt; &amp; c"
    assert md_text("1. first") == "1\\. first"
    assert md_text("# title\n- item") == "\\# title<br>\\- item"
    assert md_text("open_id and *bold*") == "open\\_id and \\*bold\\*"
    assert md_cell("a|b") == "a\\|b"
    assert md_code("a|b<c>") == "<code>a&#124;b&lt;c&gt;</code>"


@pytest.mark.parametrize("text", HOSTILE)
def test_toml_str_is_valid_toml(text: str) -> None:
    import tomllib

    assert tomllib.loads(f"x = {toml_str(text)}\n")["x"] == text


def test_csv_round_trip_is_the_library_s_job() -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(HOSTILE)
    assert next(csv.reader(io.StringIO(out.getvalue(), newline=""))) == HOSTILE


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ('say "hi"', 'say "hi\\"'),
        ('"quoted" word', '"quoted" word'),
        ('a """ b', 'a ""\\" b'),
        ('a\\"', 'a\\\\\\"'),
        ('""', '"\\"'),
        ('""""""', '""\\"""\\"'),
    ],
)
def test_py_docstring_escapes_only_quotes_that_could_close_it(text: str, body: str) -> None:
    assert py_docstring(text) == body


@given(st.text(alphabet="\"\\ \na\t'", max_size=40))
def test_py_docstring_round_trips_any_run_of_quotes_and_backslashes(text: str) -> None:
    source = f'def f():\n    """{py_docstring(text)}"""\n'
    doc = _compiles(source)["f"].__doc__  # type: ignore[attr-defined]
    assert doc == "\n".join(line.rstrip(" ") for line in text.split("\n")).strip("\n") or " "
