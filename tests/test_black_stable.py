"""Every generated ``.py`` is exactly what black would write, though black mostly does not run.

The formatting step trusts the templates to be black-stable and runs black only on chunks it
cannot vouch for (see generator/formatting.py). These tests run black itself: on the
committed spec's modules, and on a synthetic spec with hostile texts (quotes of both kinds,
backslashes, triple quotes, Thai, tabs, line breaks, long lines) and long names.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import black
import pytest

from generator.escaping import py_str
from generator.formatting import black_docstring, format_python, needs_black, split_chunks
from generator.ir import build_ir
from generator.pipeline import RENDERERS
from generator.spec import Spec

from conftest import GENERATED, ROOT, generate_text

MODE = black.Mode(target_versions={black.TargetVersion.PY311})

HOSTILE = [
    'He said "hi" and left.',
    "It's the user's own \"quoted\" 'mixed' text.",
    "Ends with a backslash \\",
    "Triple quotes \"\"\" inside and ''' too.",
    "A Windows path C:\\Users\\name\\new and a tab\there.",
    "Markdown *bold* `code` | pipe <script>alert(1)</script> {{ jinja }} {% raw %}",
    "ข้อความภาษาไทย \"มีเครื่องหมายคำพูด\" และ 'เดี่ยว' กับแบ็กสแลช \\ ท้ายประโยค",
    "A very long line " + "that keeps going " * 12 + "and ends here.",
    '"Starts with a quote',
    'Ends with a quote"',
    "Two\nlines of text",
    "Two lines\n    the second indented",
    "  Leading and trailing spaces  ",
    "Backslash at a line end \\\nthen more",
    "Last line long\n" + "x" * 86,
    "\\",
    "'",
    '"',
    "ผู้ใช้" * 30,
]
LONG_OBJECT = "VeryLongObjectNameThatKeepsGoingAndGoingWellPastTheUsualLengthOfANameX"
LONG_FIELD = "a_really_long_field_name_that_no_sane_api_would_use_but_a_spec_might_anyway"


def hostile_spec() -> str:
    """A spec of several objects whose texts and names stress quoting, escaping and line length."""
    texts = iter(HOSTILE * 20)

    def text() -> dict[str, str]:
        return {"en": next(texts), "th": next(texts)}

    objects: dict[str, object] = {}
    for i, name in enumerate(["Plain", LONG_OBJECT, "Nested", "Scoped"]):
        fields: dict[str, object] = {}
        for j in range(6):
            field: dict[str, object] = {
                "type": ["string", "int64", "boolean", "number"][j % 4],
                "description": text(),
            }
            if name == "Scoped":
                field["scope"] = "user.info.basic" if j % 2 else "a." + "very.long.scope" * 4
            if j == 1:
                field["required"] = True
            fields[f"field_{j}" if j != 2 else LONG_FIELD] = field
        if name in ("Nested", LONG_OBJECT):
            fields["nested"] = {
                "type": "array",
                "items": {"type": "array", "items": {"type": LONG_OBJECT}},
                "description": text(),
            }
        objects[name] = {"description": text(), "fields": fields}
    spec = {
        "spec_version": 1,
        "languages": ["en", "th"],
        "package": {
            "name": "hostile",
            "version": "1.0.0",
            "title": {"en": '  A "hostile" API\\', "th": "เอพีไอ"},
            "description": {"en": "Line one\n  indented two\n  indented three", "th": "คำอธิบาย"},
            "base_url": "https://api.example.com/" + "long/" * 20,
        },
        "auth": {"authorize_url": "https://example.com/auth/", "token_url": "https://example.com/token/"},
        "scopes": {
            "user.info.basic": {"description": text()},
            "a." + "very.long.scope" * 4: {"description": text()},
        },
        "objects": objects,
        "endpoints": {
            "get_scoped_things_with_a_long_endpoint_key_name": {
                "method": "GET",
                "path": "/v2/things/" + "deep/" * 10,
                "summary": text(),
                "description": text(),
                "security": "oauth2",
                "fields_parameter": {"name": "fields", "object": "Scoped", "description": text()},
                "response": "Nested",
            }
        },
    }
    return json.dumps(spec, ensure_ascii=False)


def raw_python(spec: Spec) -> dict[str, str]:
    """The Python modules as the templates render them, before the formatting step."""
    project = build_ir(spec)
    files: dict[str, str] = {}
    for renderer in RENDERERS:
        files.update(renderer(project))
    return {path: text for path, text in files.items() if path.endswith(".py")}


@pytest.fixture(scope="module")
def hostile_files() -> dict[str, str]:
    return generate_text(hostile_spec(), "hostile.yaml")


def test_committed_modules_are_black_stable() -> None:
    modules = sorted(GENERATED.rglob("*.py"))
    assert modules
    for path in modules:
        text = path.read_text(encoding="utf-8")
        assert black.format_str(text, mode=MODE) == text, path


def test_hostile_modules_are_black_stable(hostile_files: dict[str, str]) -> None:
    modules = {p: t for p, t in hostile_files.items() if p.endswith(".py")}
    # __init__, scopes, api, i18n, the client's errors, client and oauth, and the models
    assert len(modules) == 7 + len([p for p in modules if "/models/" in p]) > 9
    for path, text in modules.items():
        assert black.format_str(text, mode=MODE) == text, path


def test_hostile_texts_survive(hostile_files: dict[str, str], tmp_path: Path) -> None:
    for path, text in hostile_files.items():
        if path.startswith("python/"):
            (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / path).write_text(text, encoding="utf-8")
    sys.path.insert(0, str(tmp_path / "python"))
    try:
        scoped = importlib.import_module("hostile.models").Scoped
        texts = [info.description for info in scoped.model_fields.values()]
    finally:
        sys.path.remove(str(tmp_path / "python"))
        for name in [m for m in sys.modules if m == "hostile" or m.startswith("hostile.")]:
            del sys.modules[name]
    assert texts and all(t in HOSTILE for t in texts)


def test_formatting_matches_black_on_the_raw_templates(spec: Spec) -> None:
    """The guarded, chunked formatting gives black's bytes, for the committed and the hostile spec."""
    from generator.spec import parse_spec_text

    for one in (spec, parse_spec_text(hostile_spec(), "hostile.yaml")):
        for path, text in raw_python(one).items():
            assert format_python(path, text) == black.format_str(text, mode=MODE), path


def test_committed_spec_needs_no_black(spec: Spec) -> None:
    """The fast path is the real path: no chunk of the committed spec's modules goes to black."""
    for path, text in raw_python(spec).items():
        assert [c[:60] for c in split_chunks(text) if needs_black(c)] == [], path


def test_guard_sends_long_code_lines_to_black() -> None:
    long_def = "def f(" + ", ".join(f"argument_{i}: int" for i in range(8)) + ") -> None:\n    pass\n"
    assert needs_black(long_def)
    assert not needs_black('x = Field(\n    description="' + "y" * 200 + '",\n)\n')
    assert not needs_black('"""' + "z" * 200 + '\n\nmore\n"""\n')


@pytest.mark.parametrize("text", HOSTILE + ["", "plain", "x\\", "a\\\\", "q'", 'd"', "\t", "\x00\x1f\u2028"])
def test_py_str_uses_black_quotes(text: str) -> None:
    literal = py_str(text)
    assert eval(literal) == text  # noqa: S307 - a literal we just built
    assert black.format_str(f"x = {literal}\n", mode=MODE) == f"x = {literal}\n"


@pytest.mark.parametrize("indent", ["", "    "])
@pytest.mark.parametrize(
    "text", HOSTILE + ['a"', ' "a', "a\n\n\nb", "\n\n  x  \n\n", "x" * 84 + "\nyy" + "y" * 84]
)
def test_black_docstring_mirrors_black(text: str, indent: str) -> None:
    from generator.escaping import py_docstring

    body = black_docstring(py_docstring(text), indent)
    source = f'class A:\n    """{body}"""\n' if indent else f'"""{body}"""\n'
    assert black.format_str(source, mode=MODE) == source


def test_hostile_generation_is_deterministic(tmp_path: Path) -> None:
    spec_path = tmp_path / "hostile.yaml"
    spec_path.write_text(hostile_spec(), encoding="utf-8")
    outputs = []
    for seed in ("1", "4242"):
        out = tmp_path / f"out-{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed, "SPECGEN_CACHE": "off"}
        subprocess.run(
            [sys.executable, "-m", "generator", "generate", "--spec", str(spec_path), "--out", str(out)],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        outputs.append(
            {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
        )
    assert outputs[0] == outputs[1]
