"""Property-based: whatever a spec says, the outputs are correct or the spec is refused.

Random specs (tests/hostile_strategies.py) go through the real pipeline in memory. A spec
whose names land on one another must be refused, naming both; any other spec must produce
every output, and each output must carry every text exactly: the generated package compiles
with warnings as errors, is black-stable, imports, reads its wire JSON, and gives back each
description; the OpenAPI documents and the data files give back each description; the
Markdown renders (Python-Markdown, as MkDocs) with whole table rows, each text shown
literally, and no HTML tag from the spec.

Examples are derandomized and no database is kept, so a run is reproducible. The number of
examples is the profile's: SPECGEN_HYPOTHESIS_PROFILE=hostile-long for a longer hunt.
"""

from __future__ import annotations

import csv
import importlib
import io
import itertools
import json
import os
import sys
import tempfile
import tomllib
import warnings
from pathlib import Path
from types import ModuleType
from typing import Any

import black
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openapi_spec_validator import validate as validate_openapi

import markdown_check
from generator import naming
from generator.pipeline import generate_spec
from generator.problems import SpecError
from generator.labels import labels_for
from generator.spec import Spec, parse_spec_text
from hostile_strategies import dump, expected_refusals, hostile_texts, specs, wire_value

settings.register_profile(
    "hostile",
    max_examples=120,
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
settings.register_profile("hostile-long", settings.get_profile("hostile"), max_examples=1000)
PROFILE = settings.get_profile(os.environ.get("SPECGEN_HYPOTHESIS_PROFILE", "hostile"))
BLACK_MODE = black.Mode(target_versions={black.TargetVersion.PY311})
_PACKAGE_NUMBERS = itertools.count()
# What the refusals of names say (generator/checks.py, generator/name_checks.py).
REFUSAL_REASONS = (
    "both become",
    "is a Python name the models need",
    "is a name the generated package exports",
    "which the package already has",
    "one code has one status",
)


@PROFILE
@given(specs())
def test_hostile_spec_is_refused_or_generates_faithful_outputs(data: dict[str, Any]) -> None:
    # A package name of its own for each example: the import below must not find an older one.
    data = {
        **data,
        "package": {**data["package"], "name": f"{data['package']['name']}_h{next(_PACKAGE_NUMBERS)}"},
    }
    refusals = expected_refusals(data)
    try:
        spec = parse_spec_text(dump(data))
    except SpecError as exc:
        event("refused: names collide")
        assert_refusals_reported(exc, refusals)
        return
    assert refusals == [], f"accepted a spec whose names collide: {refusals}"
    event("accepted")
    files = generate_spec(spec)
    assert_every_output(spec, files)
    assert_python_package(data, spec, files)
    assert_openapi(data, spec, files)
    assert_data_files(data, spec, files)
    assert_markdown(data, spec, files)


def assert_refusals_reported(exc: SpecError, refusals: list[tuple[str, str, str]]) -> None:
    """Every problem is a name collision, and each colliding pair is named in a problem."""
    assert refusals, f"refused a spec with no colliding names:\n{exc}"
    for problem in exc.problems:
        assert any(reason in problem.message for reason in REFUSAL_REASONS), problem.format()
        assert "\n" not in problem.format()
    for first, second, _ in refusals:
        assert any(repr(first) in p.message and repr(second) in p.message for p in exc.problems), (
            first,
            second,
        )


def assert_every_output(spec: Spec, files: dict[str, str]) -> None:
    pkg = f"python/{spec.package.name}"
    expected = {f"{pkg}/{m}.py" for m in ("__init__", "models/__init__", "scopes", "api", "i18n")}
    # Each object is in a module of the models package (objects in a reference cycle share one).
    modules = [p for p in files if p.startswith(f"{pkg}/models/_") and p.endswith(".py")]
    assert 1 <= len(modules) <= len(spec.objects) + 1
    expected |= {
        f"{pkg}/py.typed",
        "python/pyproject.toml",
        "data/fields.json",
        "data/fields.csv",
        "data/scopes.json",
    }
    for i, lang in enumerate(spec.languages):
        expected.add("openapi/openapi.json" if i == 0 else f"openapi/openapi.{lang}.json")
        expected |= {f"docs/{lang}/objects/{naming.kebab(o.name)}.md" for o in spec.objects}
        expected |= {f"docs/{lang}/endpoints/{naming.kebab(e.key)}.md" for e in spec.endpoints}
    assert expected <= set(files), sorted(expected - set(files))


def _import_package(root: Path, name: str) -> ModuleType:
    sys.path.insert(0, str(root))
    importlib.invalidate_caches()
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(root))


def _forget(name: str) -> None:
    for module in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
        del sys.modules[module]


def assert_python_package(data: dict[str, Any], spec: Spec, files: dict[str, str]) -> None:
    """Compiles with warnings as errors, black-stable, imports, reads wire JSON, keeps every text."""
    name, source_lang = spec.package.name, spec.languages[0]
    fields_json = {(r["object"], r["field"]): r for r in json.loads(files["data/fields.json"])["fields"]}
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("error")
        for path, text in files.items():
            if not path.startswith("python/"):
                continue
            if path.endswith(".py"):
                compile(text, path, "exec", dont_inherit=True)
                assert black.format_str(text, mode=BLACK_MODE) == text, f"{path} is not what black writes"
            target = Path(tmp, path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        pyproject = tomllib.loads(files["python/pyproject.toml"])["project"]
        assert (pyproject["name"], pyproject["version"]) == (name, spec.package.version)
        assert pyproject["description"] == spec.package.title[source_lang]
        try:
            package = _import_package(Path(tmp, "python"), name)
            models, i18n = package.models, package.i18n
            for obj_name, obj in data["objects"].items():
                cls = getattr(models, obj_name)
                assert getattr(package, obj_name) is cls, f"{obj_name} is shadowed in the package"
                schema = cls.model_json_schema(by_alias=True)
                if "$ref" in schema:  # a model that refers to itself is put under $defs
                    schema = schema["$defs"][schema["$ref"].rsplit("/", 1)[1]]
                payload: dict[str, Any] = {}
                for wire, raw in obj["fields"].items():
                    py_name = fields_json[(obj_name, wire)]["python_name"]
                    info = cls.model_fields[py_name]
                    assert (info.alias or py_name) == wire
                    assert info.description == raw["description"][source_lang]
                    assert info.json_schema_extra["x-descriptions"] == raw["description"]
                    assert info.json_schema_extra.get("x-scope") == raw.get("scope")
                    for lang, text in raw["description"].items():
                        assert i18n.describe(cls, wire, lang) == text
                    prop = schema["properties"][wire]
                    assert prop["description"] == raw["description"][source_lang]
                    payload[wire] = wire_value(raw, data["objects"], raw["description"][source_lang])
                parsed = cls.model_validate_json(json.dumps(payload))
                assert parsed.model_dump(mode="json", by_alias=True, exclude_unset=True) == payload
                for wire, value in payload.items():
                    if isinstance(value, str):
                        assert getattr(parsed, fields_json[(obj_name, wire)]["python_name"]) == value
                assert i18n.describe_model(cls, source_lang) == obj["description"][source_lang]
            first = next(iter(data["objects"]))
            build = getattr(package.scopes, f"build_{naming.snake(first)}_fields_param")
            wires = list(data["objects"][first]["fields"])
            assert build(wires, granted_scopes=list(data["scopes"])) == ",".join(wires)
            _assert_package_constants(package, data)
        finally:
            _forget(name)


def assert_openapi(data: dict[str, Any], spec: Spec, files: dict[str, str]) -> None:
    """Each document is valid OpenAPI 3.1 and gives back every description in its language."""
    for i, lang in enumerate(spec.languages):
        doc = json.loads(files["openapi/openapi.json" if i == 0 else f"openapi/openapi.{lang}.json"])
        validate_openapi(doc)
        schemas = doc["components"]["schemas"]
        for obj_name, obj in data["objects"].items():
            assert schemas[obj_name]["description"] == obj["description"][lang]
            for wire, raw in obj["fields"].items():
                prop = schemas[obj_name]["properties"][wire]
                assert (prop["description"], prop["x-descriptions"]) == (
                    raw["description"][lang],
                    raw["description"],
                )
                if "example" in raw:
                    assert prop["examples"] == [raw["example"]]
        assert doc["info"]["title"] == data["package"]["title"][lang]
        scopes = doc["components"]["securitySchemes"]["oauth2"]["flows"]["authorizationCode"]["scopes"]
        assert scopes == {name: s["description"][lang] for name, s in data["scopes"].items()}


def assert_data_files(data: dict[str, Any], spec: Spec, files: dict[str, str]) -> None:
    """fields.json and fields.csv give back every field's name, scope and descriptions."""
    rows = json.loads(files["data/fields.json"])["fields"]
    expected = [
        (obj_name, wire, raw.get("scope"), raw["description"])
        for obj_name, obj in data["objects"].items()
        for wire, raw in obj["fields"].items()
    ]
    assert [(r["object"], r["field"], r["scope"], r["description"]) for r in rows] == expected
    table = list(csv.DictReader(io.StringIO(files["data/fields.csv"], newline="")))
    assert [
        (r["object"], r["field"], r["scope"] or None, {x: r[f"description_{x}"] for x in spec.languages})
        for r in table
    ] == expected
    scopes = json.loads(files["data/scopes.json"])["scopes"]
    assert [(s["scope"], s["description"]) for s in scopes] == [
        (n, s["description"]) for n, s in data["scopes"].items()
    ]


def assert_markdown(data: dict[str, Any], spec: Spec, files: dict[str, str]) -> None:
    """Whole table rows, every text shown literally, no HTML from the spec, no script links."""
    for path, text in files.items():
        if not path.endswith(".md"):
            continue
        assert markdown_check.table_pipe_problems(text) == [], path
        page = markdown_check.read(text)
        for tag, attrs in page.tags:
            assert tag in markdown_check.TEMPLATE_TAGS, f"{path}: <{tag}> from the spec survived"
            for attr, value in attrs:
                assert not attr.startswith("on"), f"{path}: <{tag} {attr}>"
                assert not (value or "").strip().lower().startswith("javascript:"), f"{path}: {value}"
        if path.startswith("docs/") and "/objects/" in path:
            _assert_object_page(data, path, page)
        if path.startswith("docs/") and path.endswith("/scopes.md"):
            _assert_scopes_page(data, path, page)
        if path.startswith("docs/bilingual/"):
            _assert_bilingual_page(data, path, page)
        if path.startswith("docs/") and "/endpoints/" in path:
            # The request example is one whole code block: nothing in the spec ended it early.
            [curl] = [block for block in page.code_blocks if block.startswith("curl ")]
            assert curl.rstrip("\n").endswith(
                "-H 'Authorization: Bearer act.example12345Example12345Example'"
            ), curl
            key = next(e.key for e in spec.endpoints if path.endswith(f"/{naming.kebab(e.key)}.md"))
            examples = [x["value"] for x in data["endpoints"][key].get("examples", {}).values()]
            assert [json.loads(b) for b in page.code_blocks if not b.startswith("curl ")] == examples, path


def _assert_package_constants(package: ModuleType, data: dict[str, Any]) -> None:
    """Scopes, error codes and URLs come back from the package as the spec wrote them."""
    assert [s.value for s in package.Scope] == list(data["scopes"])
    assert {k.value: dict(v) for k, v in package.SCOPE_DESCRIPTIONS.items()} == {
        name: s["description"] for name, s in data["scopes"].items()
    }
    errors = {c: e["status"] for ep in data.get("endpoints", {}).values() for c, e in ep["errors"].items()}
    assert {k.value: v for k, v in package.ERROR_HTTP_STATUS.items()} == errors
    assert package.BASE_URL == data["package"]["base_url"]
    for key, endpoint in data.get("endpoints", {}).items():
        url = getattr(package.api, naming.endpoint_constant(key))
        assert url == data["package"]["base_url"].rstrip("/") + endpoint["path"]


def _assert_scopes_page(data: dict[str, Any], path: str, page: markdown_check.Page) -> None:
    lang = path.split("/")[1]
    table = page.tables[-1]
    assert len(table) == 1 + len(data["scopes"]), f"{path}: the scope table has {len(table)} rows"
    for row, (name, scope) in zip(table[1:], data["scopes"].items()):
        assert len(row) == len(table[0]), path
        assert markdown_check.same_text(row[0], name), (path, row[0], name)
        assert markdown_check.same_text(row[1], scope["description"][lang]), (path, row[1])


def _assert_object_page(data: dict[str, Any], path: str, page: markdown_check.Page) -> None:
    lang = path.split("/")[1]
    slug = path.rsplit("/", 1)[1].removesuffix(".md")
    obj_name = next(n for n in data["objects"] if naming.kebab(n) == slug)
    obj = data["objects"][obj_name]
    assert any(markdown_check.same_text(p, obj["description"][lang]) for p in page.paragraphs), path
    table = page.tables[0]
    assert len(table) == 1 + len(obj["fields"]), f"{path}: the field table has {len(table)} rows"
    for row, (wire, raw) in zip(table[1:], obj["fields"].items()):
        assert len(row) == len(table[0]), path
        assert markdown_check.same_text(row[0], wire), (path, row[0], wire)
        # The description, then one line per constraint: here only a string's format.
        labels = labels_for(lang, data.get("labels", {}).get(lang, {}))
        extra = f"\n{labels['format']}: {raw['format']}" if "format" in raw else ""
        assert markdown_check.same_text(row[-1], raw["description"][lang] + extra), (path, row[-1])


def _assert_bilingual_page(data: dict[str, Any], path: str, page: markdown_check.Page) -> None:
    """Every text in a span that names its language, shown exactly: the object's and each field's."""
    assert all(lang in data["languages"] for lang, _ in page.spans), (path, page.spans)
    slug = path.rsplit("/", 1)[1].removesuffix(".md")
    obj = next(o for n, o in data["objects"].items() if naming.kebab(n) == slug)
    for text in [obj["description"], *(f["description"] for f in obj["fields"].values())]:
        for lang in data["languages"]:
            assert any(
                code == lang and markdown_check.same_text(shown, text[lang]) for code, shown in page.spans
            ), (path, lang, text[lang])


@settings(PROFILE, max_examples=400)
@given(hostile_texts())
def test_a_hostile_text_in_a_language_span_is_shown_exactly(text: str) -> None:
    from generator.escaping import md_cell, md_heading, md_text

    span = '<span lang="th">{}</span>'
    source = (
        f"## {span.format(md_heading(text))}\n\n| a |\n| --- |\n| {span.format(md_cell(text))} |\n\n"
        f"{span.format(md_text(text))}\n\n- {span.format(md_text(text))}\n"
    )
    assert markdown_check.table_pipe_problems(source) == []
    page = markdown_check.read(source)
    assert {tag for tag, _ in page.tags} <= {
        "h2",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "span",
        "br",
        "p",
        "ul",
        "li",
    }
    assert [lang for lang, _ in page.spans] == ["th"] * 4
    heading, *rest = [shown for _, shown in page.spans]
    assert markdown_check.same_text(heading, markdown_check.LINE_BREAKS.sub(" ", text)), heading
    assert all(markdown_check.same_text(shown, text) for shown in rest), rest


@settings(PROFILE, max_examples=400)
@given(hostile_texts())
def test_a_hostile_text_in_a_table_cell_is_shown_exactly(text: str) -> None:
    from generator.escaping import md_cell, md_code, md_text

    source = f"| a | b |\n| --- | --- |\n| {md_code(text)} | {md_cell(text)} |\n\n{md_text(text)}\n"
    assert markdown_check.table_pipe_problems(source) == []
    page = markdown_check.read(source)
    assert {tag for tag, _ in page.tags} <= {"table", "thead", "tbody", "tr", "th", "td", "code", "br", "p"}
    [[_, _], [code, cell]] = page.tables[0]
    assert markdown_check.same_text(cell, text)
    assert page.paragraphs and markdown_check.same_text(page.paragraphs[-1], text)
    assert code.strip() == markdown_check.shown(text).replace("\n", " ").strip()
