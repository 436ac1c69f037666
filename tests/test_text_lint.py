"""``specgen lint``: each rule with a case it flags and one it passes; the seed's mistakes put back."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import MINIMAL_SPEC, ROOT, SPEC
from generator import text_lint
from generator.problems import SpecError
from generator.spec import schema, validate_document
from generator.texts import find_texts
from generator.yaml_source import read_sources
from test_bad_specs import run_cli

COMMITTED = (SPEC / "tiktok_v2.yaml").read_text(encoding="utf-8")


def lint(text: str) -> list[text_lint.Finding]:
    doc = read_sources([("spec.yaml", text.encode("utf-8"))])
    validate_document(doc)
    return text_lint.lint_document(doc).findings


def rules(text: str) -> set[tuple[str, str]]:
    """(key path, rule) of every finding."""
    return {(f.path, f.rule) for f in lint(text)}


def with_text(path_text: str, new: str, spec: str = MINIMAL_SPEC) -> str:
    """The spec with one flow text replaced (``{en: The id., th: รหัส}`` -> new)."""
    assert spec.count(path_text) == 1, path_text
    return spec.replace(path_text, new)


def test_minimal_spec_is_clean() -> None:
    assert lint(MINIMAL_SPEC) == []


def test_committed_spec_passes_lint_strictly() -> None:
    result = run_cli("lint", "--strict", "--spec", "spec", cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert re.fullmatch(r"0 lint findings in \d+ texts \(\d+ suppressed by lint-ignore\)\n", result.stderr)


def test_every_text_of_the_committed_spec_is_found() -> None:
    # Every language value in the file is a text found by the walk (none is missed by a key list).
    doc = read_sources([("spec.yaml", COMMITTED.encode("utf-8"))])
    found = {loc.path for loc in find_texts(doc.data)}
    en_values = {path[:-1] for path in doc.values if path and path[-1] == "en"}
    assert found == en_values
    assert len(found) >= 40


# --- the seed's mistakes, put back (the wrong texts as the seed page has them) ---

SEED_STATS = "อ่านข้อมูลสถิติผู้ใช้ของคุณ เช่น จำนวนผู้ติดตาม จำนวนผู้ติดตาม จำนวนการกดไลก์ และจำนวนวิดีโอ"
FIXED_STATS = "อ่านข้อมูลสถิติผู้ใช้ของคุณ เช่น จำนวนผู้ติดตาม จำนวนการติดตาม จำนวนการกดไลก์ และจำนวนวิดีโอ"


def test_seed_follower_following_mistake_in_the_field_table_is_flagged() -> None:
    # The following count translated like the follower count: one Thai text for two meanings
    # (that Thai also lacks ผู้ใช้ for the English "the user", which the glossary notes).
    spec = with_text("th: จำนวนบัญชีที่ผู้ใช้กำลังติดตาม", "th: จำนวนผู้ติดตาม", COMMITTED)
    assert rules(spec) == {
        ("objects.User.fields.following_count.description", "duplicate-translation"),
        ("objects.User.fields.follower_count.description", "duplicate-translation"),
        ("objects.User.fields.following_count.description", "glossary"),
    }


def test_seed_follower_following_mistake_in_the_scope_text_is_flagged() -> None:
    # The seed's scope table says จำนวนผู้ติดตาม twice; the English names the following count.
    spec = with_text(FIXED_STATS, SEED_STATS, COMMITTED)
    (finding,) = lint(spec)
    assert (finding.path, finding.rule) == ('scopes."user.info.stats".description', "glossary")
    assert "'following count'" in finding.message and "จำนวนการติดตาม" in finding.message


def test_seed_dropped_word_in_union_id_is_flagged() -> None:
    # The seed ends "สำหรับใช้นั้น" (ผู้ dropped): the English says "user" three times, the Thai twice.
    spec = with_text("สำหรับผู้ใช้นั้น", "สำหรับใช้นั้น", COMMITTED)
    (finding,) = lint(spec)
    assert (finding.path, finding.rule) == ("objects.User.fields.union_id.description", "glossary-count")
    assert "'user' 3 times" in finding.message and "2 times" in finding.message
    assert finding.format().startswith("spec.yaml:")


# --- each rule ---


def test_duplicate_translation_among_fields_only_for_different_sources() -> None:
    spec = MINIMAL_SPEC.replace(
        "        description: {en: The id., th: รหัส}\n",
        "        description: {en: The id., th: รหัส}\n"
        "      key:\n        type: string\n        scope: thing.read\n"
        "        description: {en: The key., th: รหัส}\n",
    )
    assert rules(spec) == {
        ("objects.Thing.fields.id.description", "duplicate-translation"),
        ("objects.Thing.fields.key.description", "duplicate-translation"),
    }
    same_source = spec.replace("{en: The key., th: รหัส}", "{en: The id., th: รหัส}")
    assert rules(same_source) == set()


def test_untranslated_equal_to_source_or_no_thai_letter() -> None:
    assert rules(with_text("{en: The id., th: รหัส}", "{en: The id., th: The id.}")) == {
        ("objects.Thing.fields.id.description", "untranslated")
    }
    (finding,) = lint(with_text("{en: The id., th: รหัส}", "{en: The id., th: Identifier}"))
    assert finding.rule == "untranslated" and "no Thai letter" in finding.message


@pytest.mark.parametrize(
    ("en", "th", "message"),
    [
        ("See `open_id`.", "ดู open_id", "code open_id"),
        ("Up to 100 items.", "ไม่เกิน 10 รายการ", "number 100"),
        ("Up to 100 items.", "ไม่เกินร้อยรายการ", "number 100"),
        ("Like thing.read.", "เช่นเดียวกับขอบเขตการอ่าน", "name thing.read"),
        ("See https://example.com/a.", "ดูเว็บไซต์", "URL https://example.com/a"),
        ("The id.", "รหัส 7 ตัว", "number 7"),
    ],
)
def test_parity_misses_and_additions(en: str, th: str, message: str) -> None:
    findings = lint(with_text("{en: The id., th: รหัส}", f'{{en: "{en}", th: "{th}"}}'))
    assert {f.rule for f in findings} == {"parity"}
    assert any(message in f.message for f in findings)


def test_parity_accepts_thai_digits_and_carried_tokens() -> None:
    text = '{en: "See `open_id` at https://example.com/a, 100 items.", th: "ดู `open_id` ที่ https://example.com/a ๑๐๐ รายการ"}'
    assert lint(with_text("{en: The id., th: รหัส}", text)) == []


GLOSSARY = "glossary:\n  thing: {th: สิ่งของ}\n  access token: {th: โทเค็นเพื่อการเข้าถึง}\n"


def test_glossary_rendering_required_when_the_source_uses_the_term() -> None:
    spec = GLOSSARY + MINIMAL_SPEC.replace("{en: The id., th: รหัส}", "{en: The id of the thing., th: รหัส}")
    assert rules(spec) == {("objects.Thing.fields.id.description", "glossary")}
    plural = GLOSSARY + MINIMAL_SPEC.replace("{en: The id., th: รหัส}", "{en: Access tokens., th: รหัส}")
    assert rules(plural) == {("objects.Thing.fields.id.description", "glossary")}
    assert rules(GLOSSARY + MINIMAL_SPEC) == set()  # "things" are rendered สิ่งของ everywhere


def test_glossary_language_must_be_a_target_language() -> None:
    spec = "glossary:\n  thing: {en: thing, de: Ding}\n" + MINIMAL_SPEC
    assert rules(spec) == {("glossary.thing.en", "glossary"), ("glossary.thing.de", "glossary")}


@pytest.mark.parametrize(
    ("th", "rule"),
    [
        ("รหัส\u0e35", None),  # a vowel mark after a letter: fine
        ("ร\u0e2b\u0e31\u0e2a", None),
        ("e\u0301", "nfc"),  # decomposed é (not NFC); no Thai letter either
        ("รหัส\u200bผู้ใช้", "zero-width"),
        ("รหัส  ผู้ใช้", "double-space"),
        ("รหัส \u0e48ผู้ใช้", "space-before-mark"),
        ("รหัส. ผู้ใช้", "punctuation-spacing"),
        ("รหัสผู้ใช้.", "punctuation-spacing"),
        ("รหัส 1 และ ๒", "mixed-digits"),
    ],
)
def test_script_hygiene(th: str, rule: str | None) -> None:
    en = "The id 1 and 2." if rule == "mixed-digits" else "The id."
    found = {f.rule for f in lint(with_text("{en: The id., th: รหัส}", f'{{en: "{en}", th: "{th}"}}'))}
    found -= {"untranslated", "parity"}
    assert found == ({rule} if rule else set())


def test_lint_ignore_needs_a_known_rule_and_a_reason_and_is_listed() -> None:
    ignored = "{en: The id., th: The id., lint-ignore: {untranslated: the same word in Thai}}"
    doc = read_sources([("spec.yaml", with_text("{en: The id., th: รหัส}", ignored).encode())])
    validate_document(doc)
    result = text_lint.lint_document(doc)
    assert result.findings == []
    (entry,) = result.ignores
    assert entry.format() == (
        "spec.yaml:22:63: objects.Thing.fields.id.description: untranslated: the same word in Thai (suppresses 1)"
    )
    unused = "{en: The id., th: รหัส, lint-ignore: {parity: no reason to}}"
    assert rules(with_text("{en: The id., th: รหัส}", unused)) == {
        ("objects.Thing.fields.id.description", "unused-ignore")
    }
    for bad, message in (
        (
            "{en: The id., th: รหัส, lint-ignore: {parityy: x}}",
            "not a lint rule; did you mean 'parity'? (rules: duplicate-translation",
        ),
        ("{en: The id., th: รหัส, lint-ignore: {parity: ' '}}", "' ' is not allowed"),
    ):
        with pytest.raises(SpecError) as caught:
            lint(with_text("{en: The id., th: รหัส}", bad))
        assert message in str(caught.value)


def test_lint_ignore_never_reaches_the_output() -> None:
    from conftest import generate_text

    ignored = "{en: The id., th: The id., lint-ignore: {untranslated: the same word in Thai}}"
    files = generate_text(with_text("{en: The id., th: รหัส}", ignored))
    assert not [path for path, text in files.items() if "lint-ignore" in text or "the same word" in text]


def test_rules_match_the_schema() -> None:
    assert schema()["$defs"]["lint_ignore"]["propertyNames"]["enum"] == list(text_lint.RULES)


def test_cli_formats_and_strict() -> None:
    bad = with_text("{en: The id., th: รหัส}", "{en: The id., th: The id.}")
    folder = ROOT / ".cache" / "test-text-lint"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "spec.yaml").write_text(bad, encoding="utf-8")
    text = run_cli("lint", "--spec", "spec.yaml", cwd=folder)
    assert text.returncode == 0
    assert text.stdout == (
        "spec.yaml:22:40: objects.Thing.fields.id.description: untranslated: the 'th' text is the same as the 'en' text\n"
    )
    assert run_cli("lint", "--strict", "--spec", "spec.yaml", cwd=folder).returncode == 2
    as_json = json.loads(run_cli("lint", "--format", "json", "--spec", "spec.yaml", cwd=folder).stdout)
    assert [f["rule"] for f in as_json["findings"]] == ["untranslated"]
    github = run_cli("lint", "--format", "github", "--strict", "--spec", "spec.yaml", cwd=folder)
    assert github.stdout.startswith("::error file=spec.yaml,line=22,col=40,title=untranslated::objects.Thing")
    as_json = json.loads(run_cli("validate", "--format", "json", "--spec", "spec.yaml", cwd=folder).stdout)
    assert as_json["problems"] == [] and [f["rule"] for f in as_json["lint"]] == ["untranslated"]
    validate = run_cli("validate", "--spec", "spec.yaml", cwd=folder)
    assert validate.returncode == 0 and "warning: spec.yaml:22:40:" in validate.stderr
    assert run_cli("validate", "--strict", "--spec", "spec.yaml", cwd=folder).returncode == 2


@settings(max_examples=60, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=40))
def test_lint_never_crashes_and_every_finding_is_placed(th: str) -> None:
    if not th.strip():
        th += "x"
    text = f"{{en: The id., th: {json.dumps(th, ensure_ascii=False)}}}"
    for finding in lint(with_text("{en: The id., th: รหัส}", text)):
        assert finding.rule in (*text_lint.RULES, text_lint.UNUSED_IGNORE)
        assert finding.line == 22 and finding.path == "objects.Thing.fields.id.description"
