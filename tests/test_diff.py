"""``specgen diff``: the corpus of one change per rule (both ways), properties of the comparison,
the version rule, git sides and the release notes.

A case under ``tests/diff_cases/`` holds ``old.yaml``, ``new.yaml``, and the exact output
(stdout, then stderr, then the exit status) of ``diff old.yaml new.yaml`` in ``expected.txt``
and of ``diff new.yaml old.yaml`` in ``reverse.txt``.
"""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, SPEC
from generator.diff import Side, _moved, compare
from generator.diff_rules import RULES
from generator.problems import SpecError
from generator.spec import parse_spec_text, validate_document
from generator.yaml_source import read_sources
from hostile_strategies import dump, specs

CASES = Path(__file__).resolve().parent / "diff_cases"
CASE_NAMES = sorted(p.name for p in CASES.iterdir() if (p / "expected.txt").is_file())
ENV = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "PYTHONHASHSEED": "0"}


def _run_diff(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "diff", *args], cwd=cwd, env=ENV, capture_output=True, text=True
    )


def _diff(*args: str, cwd: Path) -> str:
    """stdout, stderr and the exit status of ``specgen diff ARGS``, as the corpus records them."""
    done = _run_diff(*args, cwd=cwd)
    return done.stdout + done.stderr + f"exit {done.returncode}\n"


@pytest.mark.parametrize("name", CASE_NAMES)
def test_each_case_reports_exactly_its_change_both_ways(name: str) -> None:
    case = CASES / name
    assert _diff("old.yaml", "new.yaml", cwd=case) == (case / "expected.txt").read_text("utf-8")
    assert _diff("new.yaml", "old.yaml", cwd=case) == (case / "reverse.txt").read_text("utf-8")


def test_the_corpus_covers_every_rule() -> None:
    seen = set()
    for name in CASE_NAMES:
        for out in ("expected.txt", "reverse.txt"):
            seen |= set(
                re.findall(
                    r": (?:breaking|non-breaking|docs-only) ([a-z-]+):", (CASES / name / out).read_text()
                )
            )
    assert seen == set(RULES)


def _side(text: str) -> Side:
    doc = read_sources([("spec.yaml", text.encode("utf-8"))])
    return Side(validate_document(doc), doc)


def test_the_committed_spec_has_no_change_against_itself() -> None:
    text = (SPEC / "tiktok_v2.yaml").read_text("utf-8")
    assert compare(_side(text), _side(text)) == []


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(specs())
def test_any_spec_has_no_change_against_itself(data: dict[str, Any]) -> None:
    text = dump(data)
    try:
        parse_spec_text(text)
    except SpecError:
        return  # a hostile spec the validator refuses: nothing to compare
    assert compare(_side(text), _side(text)) == []


# One change to the committed spec's User object, the rule it must be reported as, and the rule
# of the same change undone. The spec stays valid: examples name only a few User fields.
_USER = ("objects", "User", "fields")
_EXAMPLE_FIELDS = ("open_id", "union_id", "avatar_url")


def _remove(data: dict[str, Any], wire: str) -> None:
    del data["objects"]["User"]["fields"][wire]


def _reword(data: dict[str, Any], wire: str) -> None:
    data["objects"]["User"]["fields"][wire]["description"]["th"] += " (แก้ไข)"


def _rescope(data: dict[str, Any], wire: str) -> None:
    field = data["objects"]["User"]["fields"][wire]
    field["scope"] = "user.info.stats" if field["scope"] != "user.info.stats" else "user.info.basic"


def _require(data: dict[str, Any], wire: str) -> None:
    data["objects"]["User"]["fields"][wire]["required"] = True


MUTATIONS = {
    "remove": (_remove, "field-removed", "field-added"),
    "reword": (_reword, "text-changed", "text-changed"),
    "rescope": (_rescope, "field-scope-changed", "field-scope-changed"),
    "require": (_require, "field-made-required-in-response", "field-made-optional"),
}
_BASE = yaml.safe_load((SPEC / "tiktok_v2.yaml").read_text("utf-8"))


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(sorted(MUTATIONS)), st.sampled_from(sorted(_BASE["objects"]["User"]["fields"])))
def test_one_change_is_reported_once_and_its_reverse_too(mutation: str, wire: str) -> None:
    change, rule, reverse = MUTATIONS[mutation]
    if mutation == "require" and wire not in _EXAMPLE_FIELDS:
        wire = _EXAMPLE_FIELDS[0]
    new = copy.deepcopy(_BASE)
    change(new, wire)
    old_side = _side(yaml.safe_dump(_BASE, allow_unicode=True, sort_keys=False))
    new_side = _side(yaml.safe_dump(new, allow_unicode=True, sort_keys=False))
    forward = compare(old_side, new_side)
    backward = compare(new_side, old_side)
    assert [c.rule for c in forward] == [rule]
    assert [c.rule for c in backward] == [reverse]
    assert forward[0].path.startswith(f"objects.User.fields.{wire}")


@pytest.mark.parametrize(
    ("old", "new", "moved"),
    [
        ("1.0.0", "2.0.0", "major"),
        ("1.2.0", "1.3.0", "minor"),
        ("1.2.3", "1.2.4", "patch"),
        ("1.2.3", "1.2.3", "none"),
        ("1.2.3", "1.2.2", "back"),
        ("0.3.0", "0.4.0", "major"),  # in 0.x a minor bump may break (semver item 4)
        ("2.0.0", "2.0.1rc1", "patch"),
    ],
)
def test_how_far_a_version_moved(old: str, new: str, moved: str) -> None:
    from packaging.version import Version

    assert _moved(Version(old), Version(new)) == moved


def test_a_side_from_git(tmp_path: Path) -> None:
    """``REF:PATH`` reads the spec as committed; the working copy is the other side."""
    spec = tmp_path / "spec"
    spec.mkdir()
    text = (CASES / "field-removed" / "old.yaml").read_text("utf-8")
    (spec / "api.yaml").write_text(text, encoding="utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run([*git, "init", "-q", "-b", "main"], cwd=tmp_path, check=True)
    subprocess.run([*git, "add", "."], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "spec"], cwd=tmp_path, check=True)
    assert _diff("main:spec", "spec", cwd=tmp_path).endswith(
        "version 1.0.0 -> 1.0.0: enough (needs none)\nexit 0\n"
    )
    (spec / "api.yaml").write_text(
        (CASES / "field-removed" / "new.yaml").read_text("utf-8"), encoding="utf-8"
    )
    out = _diff("main:spec", "spec", cwd=tmp_path)
    assert "spec/api.yaml:" in out and "breaking field-removed" in out and out.endswith("exit 1\n")
    same = _diff("main:spec/api.yaml", "main:spec", cwd=tmp_path)  # a file and a folder, both from git
    assert same.endswith(
        "0 changes (0 breaking, 0 non-breaking, 0 docs-only); version 1.0.0 -> 1.0.0: enough (needs none)\nexit 0\n"
    )
    bad = _diff("nosuchref:spec", "spec", cwd=tmp_path)
    assert "cannot read it from git" in bad and bad.endswith("exit 2\n")


def test_json_is_stable_and_complete() -> None:
    case = CASES / "field-scope-changed"
    done = _run_diff("old.yaml", "new.yaml", "--format", "json", cwd=case)
    record = json.loads(done.stdout)
    assert record["version"] == {"old": "1.0.0", "new": "1.0.0", "needed": "major", "ok": False}
    [change] = record["changes"]
    assert change["rule"] == "field-scope-changed" and change["kind"] == "breaking"
    assert (change["old"], change["new"], change["subject"]) == ("thing.read", "thing.write", "Thing.name")
    assert set(change) == {
        "rule",
        "kind",
        "path",
        "file",
        "line",
        "column",
        "subject",
        "old",
        "new",
        "message",
        "accepted",
    }
    assert done.returncode == 1


def test_release_notes_in_each_language() -> None:
    case = CASES / "field-scope-changed"
    th = _run_diff("old.yaml", "new.yaml", "--format", "markdown", "--lang", "th", cwd=case).stdout
    assert th.splitlines()[0] == "## บันทึกประจำรุ่น 1.0.0"
    assert "### การเปลี่ยนแปลงที่ไม่เข้ากันกับรุ่นเดิม" in th
    assert (
        "- ขอบเขตของ <code>Thing.name</code> เปลี่ยนจาก <code>thing.read</code> เป็น <code>thing.write</code>"
        in th
    )
    unknown = _diff("old.yaml", "new.yaml", "--format", "markdown", "--lang", "ja", cwd=case)
    assert "--lang 'ja' is not a language of the spec (en, th)" in unknown and unknown.endswith("exit 2\n")


def test_github_annotations_name_the_place() -> None:
    out = _diff("old.yaml", "new.yaml", "--format", "github", cwd=CASES / "field-removed")
    assert out.startswith("::error file=new.yaml,line=")
    assert "title=breaking field-removed::objects.Thing.fields.name: Removed the field Thing.name." in out


def test_the_changelog_page_shows_every_recorded_change_in_every_language(
    files: dict[str, str], project: Any
) -> None:
    [release] = project.releases[:1]
    for lang in project.languages:
        page = files[f"docs/{lang.code}/changelog.md"]
        assert f"## {lang.labels['release_notes']} {release.version} (" in page
        items = [line for line in page.splitlines() if line.startswith("- ")]
        assert len(items) == sum(len(r.items) for r in project.releases)
    en = files["docs/en/changelog.md"]
    assert "- Added the endpoint <code>list_videos</code>." in en


def test_the_committed_spec_records_its_own_release() -> None:
    """The release the spec records is what diff says against the spec before it (3.0.0 from 2.0.0)."""
    spec_text = (SPEC / "tiktok_v2.yaml").read_text("utf-8")
    recorded = yaml.safe_load(spec_text)["changes"][0]
    assert recorded["version"] == yaml.safe_load(spec_text)["package"]["version"]
    assert {c["rule"] for c in recorded["changes"]} <= set(RULES)


def test_the_readme_lists_every_rule_with_its_kind_and_reason() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    for rule in RULES.values():
        assert f"| `{rule.id}` | {rule.kind} | {rule.reason} |" in readme, rule.id
