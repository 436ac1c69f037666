"""PO round trips: export, edit with polib, import; only the translated scalars change."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINIMAL_SPEC, SPEC
from generator import po, po_import
from generator.pipeline import generate
from generator.texts import find_texts
from generator.yaml_document import Document
from generator.yaml_source import load_path
from hostile_strategies import hostile_texts
from test_bad_specs import run_cli

UNION_ID = "objects.User.fields.union_id.description"  # a folded >- block scalar
TITLE = "package.title"  # plain, with a comment after it
SCOPE = 'scopes."video.list".description'  # plain, no comment


@pytest.fixture()
def work(tmp_path: Path) -> Path:
    """A copy of the committed spec to import into (cwd for the CLI)."""
    shutil.copytree(SPEC, tmp_path / "spec")
    return tmp_path


def export(work: Path, lang: str) -> polib.POFile:
    text = po.export(po.load(work / "spec"), lang)
    (work / f"{lang}.po").write_text(text, encoding="utf-8")
    return polib.pofile(text)


def entry(catalog: polib.POFile, key: str) -> polib.POEntry:
    return next(e for e in catalog if e.msgctxt == key)


def values(doc: Document) -> dict[tuple[str | int, ...], object]:
    """Every scalar of a document by path."""
    out: dict[tuple[str | int, ...], object] = {}

    def walk(value: object, path: tuple[str | int, ...]) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, (*path, k))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, (*path, i))
        else:
            out[path] = value

    walk(doc.data, ())
    return out


def test_export_then_import_without_edit_changes_no_byte(work: Path) -> None:
    before = (work / "spec" / "tiktok_v2.yaml").read_bytes()
    catalog = export(work, "th")
    assert len(catalog) == len(find_texts(load_path(work / "spec").data)) >= 40
    result = run_cli("i18n", "import", "th.po", cwd=work)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("th.po: 0 texts written, ")
    assert (work / "spec" / "tiktok_v2.yaml").read_bytes() == before


def test_export_carries_context_references_and_comments(work: Path) -> None:
    catalog = export(work, "th")
    union = entry(catalog, UNION_ID)
    assert union.msgid.startswith("The unique identification of the user across different apps")
    assert union.msgstr.endswith("สำหรับผู้ใช้นั้น")
    line = load_path(work / "spec").where((*_path(work, UNION_ID), "th")).line
    assert union.occurrences == [("spec/tiktok_v2.yaml", str(line))]
    assert "Fixed: the seed ends" in union.comment
    assert entry(catalog, TITLE).comment.startswith("project translation")
    assert catalog.metadata["Language"] == "th" and "charset=UTF-8" in catalog.metadata["Content-Type"]


def _path(work: Path, key: str) -> tuple[str | int, ...]:
    """The key path of the text whose msgctxt is ``key``."""
    return next(loc.path for loc in find_texts(load_path(work / "spec").data) if loc.key == key)


@pytest.mark.parametrize(
    ("key", "new"),
    [
        (UNION_ID, "รหัสประจำตัวผู้ใช้ที่ไม่ซ้ำกัน แต่จะมี union_id เดียวสำหรับผู้ใช้รายนั้น"),
        (TITLE, "ออบเจ็กต์ผู้ใช้: TikTok API v2"),  # ": " cannot stay plain
        (SCOPE, "อ่านวิดีโอสาธารณะ #1 ของคุณ"),  # " #" cannot stay plain
    ],
)
def test_one_msgstr_edited_changes_exactly_one_scalar(work: Path, key: str, new: str) -> None:
    spec_file = work / "spec" / "tiktok_v2.yaml"
    before_doc = load_path(work / "spec")
    before = spec_file.read_text(encoding="utf-8").splitlines()
    catalog = export(work, "th")
    entry(catalog, key).msgstr = new
    catalog.save(str(work / "th.po"))
    result = run_cli("i18n", "import", "th.po", cwd=work)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("th.po: 1 texts written, ")
    after_doc = load_path(work / "spec")
    old, now = values(before_doc), values(after_doc)
    changed = {path for path in old.keys() | now.keys() if old.get(path) != now.get(path)}
    (path,) = changed
    assert path == (*_path(work, key), "th")
    assert now[path] == new
    # Every line outside the scalar is byte for byte the same (comments, order, quoting).
    after = spec_file.read_text(encoding="utf-8").splitlines()
    first = before_doc.values[path].line
    assert after[: first - 1] == before[: first - 1]
    tail = len(before) - first - (3 if key == UNION_ID else 0)
    assert after[len(after) - tail :] == before[len(before) - tail :]


def test_a_new_language_po_with_every_text_generates_its_docs(work: Path) -> None:
    catalog = export(work, "ja")
    assert all(e.msgstr == "" for e in catalog)
    for item in catalog:
        item.msgstr = "日本語の説明: " + item.msgid
    catalog.save(str(work / "ja.po"))
    result = run_cli("i18n", "import", "ja.po", cwd=work)
    assert result.returncode == 0, result.stderr
    assert "added the language 'ja'" in result.stdout
    files = generate(work / "spec")
    ja_pages = [path for path in files if path.startswith("docs/ja/")]
    assert "docs/ja/objects/user.md" in ja_pages
    assert (
        "日本語の説明: The unique identification of the user in the current application."
        in files["docs/ja/objects/user.md"]
    )
    assert "openapi/openapi.ja.json" in files
    # and exporting the new language gives back what was imported, byte for byte on import
    before = (work / "spec" / "tiktok_v2.yaml").read_bytes()
    export(work, "ja")
    assert run_cli("i18n", "import", "ja.po", cwd=work).returncode == 0
    assert (work / "spec" / "tiktok_v2.yaml").read_bytes() == before


PO_CASES = Path(__file__).resolve().parent / "po_cases"
PO_CASE_NAMES = sorted(p.name for p in PO_CASES.iterdir() if (p / "expected.txt").is_file())


def test_every_po_case_has_a_spec_a_po_file_and_an_expected_message() -> None:
    assert sorted(p.name for p in PO_CASES.iterdir() if p.is_dir()) == PO_CASE_NAMES
    for name in PO_CASE_NAMES:
        assert (PO_CASES / name / "spec.yaml").is_file() and (PO_CASES / name / "in.po").is_file(), name
    assert len(PO_CASE_NAMES) >= 10


@pytest.mark.parametrize("name", PO_CASE_NAMES)
def test_po_import_is_refused_with_its_message(name: str, tmp_path: Path) -> None:
    """One folder per refusal in tests/po_cases/: spec.yaml, in.po, the exact standard error."""
    case = tmp_path / "case"
    shutil.copytree(PO_CASES / name, case)
    before = (case / "spec.yaml").read_bytes()
    result = run_cli("i18n", "import", "in.po", "--spec", "spec.yaml", cwd=case)
    expected = (PO_CASES / name / "expected.txt").read_text(encoding="utf-8")
    assert (result.returncode, result.stderr, result.stdout) == (2, expected, "")
    assert (case / "spec.yaml").read_bytes() == before
    assert sorted(p.name for p in case.iterdir()) == ["expected.txt", "in.po", "spec.yaml"]


def test_plain_stays_plain_and_crlf_stays_crlf(tmp_path: Path) -> None:
    text = (SPEC / "tiktok_v2.yaml").read_text(encoding="utf-8")
    spec_file = tmp_path / "spec.yaml"
    spec_file.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    st_before = po.load(spec_file)
    catalog = polib.pofile(po.export(st_before, "th"))
    entry(catalog, TITLE).msgstr += " ใหม่"
    entry(catalog, UNION_ID).msgstr += " ใหม่"
    catalog.save(str(tmp_path / "th.po"))
    po_import.import_po(st_before, tmp_path / "th.po")
    after = spec_file.read_bytes().decode("utf-8")
    assert after.count("\n") == after.count("\r\n") == text.count("\n")
    assert (
        "    th: TikTok API v2 (Login Kit และ Display API) ใหม่ # project translation (title and description)\r\n"
        in after
    )
    assert "            แต่จะมี union_id เดียวที่ถาวรสำหรับผู้ใช้นั้น ใหม่\r\n" in after


def test_a_directory_spec_and_a_new_language_in_flow_and_block_styles(tmp_path: Path) -> None:
    spec = tmp_path / "spec"
    spec.mkdir()
    head, tail = MINIMAL_SPEC.split("objects:\n")
    (spec / "a.yaml").write_text(head.replace("languages: [en, th]", "languages:\n  - en\n  - th"), "utf-8")
    (spec / "b.yaml").write_text("objects:\n" + tail, "utf-8")
    st_before = po.load(spec)
    catalog = polib.pofile(po.export(st_before, "ja"))
    assert {e.occurrences[0][0] for e in catalog} == {"spec/a.yaml", "spec/b.yaml"}
    for item in catalog:
        item.msgstr = "訳: " + item.msgid
    catalog.save(str(tmp_path / "ja.po"))
    result = po_import.import_po(st_before, tmp_path / "ja.po")
    assert result.added_language and [Path(f).name for f in result.files] == ["a.yaml", "b.yaml"]
    a = (spec / "a.yaml").read_text("utf-8")
    assert "languages:\n  - en\n  - th\n  - ja\n" in a
    assert 'title: {en: Mini API, th: เอพีไอเล็ก, ja: "訳: Mini API"}' in a
    assert all(loc.values["ja"] == "訳: " + loc.values["en"] for loc in find_texts(load_path(spec).data))


def test_fuzzy_entries_are_not_imported(work: Path) -> None:
    catalog = export(work, "th")
    item = entry(catalog, TITLE)
    item.msgstr = "ใหม่"
    item.flags.append("fuzzy")
    catalog.save(str(work / "th.po"))
    before = (work / "spec" / "tiktok_v2.yaml").read_bytes()
    result = run_cli("i18n", "import", "th.po", cwd=work)
    assert result.returncode == 0 and "1 fuzzy entries skipped" in result.stdout
    assert (work / "spec" / "tiktok_v2.yaml").read_bytes() == before


FLOW_KEY = "objects.Thing.fields.id.description"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(new=hostile_texts(), key=st.sampled_from([UNION_ID, TITLE, SCOPE, "flow"]))
def test_any_translation_round_trips(tmp_path_factory: pytest.TempPathFactory, new: str, key: str) -> None:
    work = tmp_path_factory.mktemp("po")
    if key == "flow":
        (work / "spec").mkdir()
        (work / "spec" / "spec.yaml").write_text(MINIMAL_SPEC, encoding="utf-8")
        key = FLOW_KEY
    else:
        shutil.copytree(SPEC, work / "spec")
    st_before = po.load(work / "spec")
    (work / "th.po").write_text(po.export(st_before, "th"), encoding="utf-8")
    catalog = polib.pofile(str(work / "th.po"), encoding="utf-8")
    entry(catalog, key).msgstr = new
    catalog.save(str(work / "th.po"))
    po_import.import_po(st_before, work / "th.po")
    after = {loc.key: loc.values for loc in find_texts(load_path(work / "spec").data)}
    before = {loc.key: loc.values for loc in st_before.texts}
    assert after[key]["th"] == new
    assert {k: v for k, v in after.items() if k != key} == {k: v for k, v in before.items() if k != key}
    # and importing the same file again changes nothing
    once = [p.read_bytes() for p in sorted((work / "spec").glob("*.yaml"))]
    po_import.import_po(po.load(work / "spec"), work / "th.po")
    assert [p.read_bytes() for p in sorted((work / "spec").glob("*.yaml"))] == once


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(new=hostile_texts(), flow=st.booleans())
def test_any_new_language_text_round_trips(
    tmp_path_factory: pytest.TempPathFactory, new: str, flow: bool
) -> None:
    work = tmp_path_factory.mktemp("po")
    if flow:
        (work / "spec").mkdir()
        (work / "spec" / "spec.yaml").write_text(MINIMAL_SPEC, encoding="utf-8")
    else:
        shutil.copytree(SPEC, work / "spec")
    st_before = po.load(work / "spec")
    (work / "ja.po").write_text(po.export(st_before, "ja"), encoding="utf-8")
    catalog = polib.pofile(str(work / "ja.po"), encoding="utf-8")
    for item in catalog:
        item.msgstr = new
    catalog.save(str(work / "ja.po"))
    po_import.import_po(st_before, work / "ja.po")
    after = find_texts(load_path(work / "spec").data)
    assert [loc.values["ja"] for loc in after] == [new] * len(st_before.texts)
    assert [{k: v for k, v in loc.values.items() if k != "ja"} for loc in after] == [
        loc.values for loc in st_before.texts
    ]
