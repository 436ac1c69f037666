"""``specgen i18n status``: translated / missing / stale per language; stale told from git history."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from conftest import SPEC
from test_bad_specs import run_cli

OPEN_ID_EN = "en: The unique identification of the user in the current application."


def _git(work: Path, *args: str, date: str = "2020-01-01T00:00:00Z") -> None:
    """Run git in ``work``; a commit gets ``date`` (stale is decided by commit times, not the clock)."""
    env = {**os.environ, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_DATE": date}
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=work,
        check=True,
        capture_output=True,
        env=env,
    )


def _row(output: str, lang: str) -> list[str]:
    return next(line.split() for line in output.splitlines() if line.startswith(lang + " "))


@pytest.fixture()
def work(tmp_path: Path) -> Path:
    shutil.copytree(SPEC, tmp_path / "spec")
    return tmp_path


def test_status_without_history_cannot_tell_stale(work: Path) -> None:
    result = run_cli("i18n", "status", cwd=work)
    assert result.returncode == 0, result.stderr
    texts = _row(result.stdout, "th")
    assert texts[0] == "th" and texts[2] == texts[1] and texts[3:] == ["0", "?", "0"]


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_source_changed_after_its_translation_is_stale_and_exported_fuzzy(work: Path) -> None:
    _git(work, "init", "-q", ".")
    _git(work, "add", "spec")
    _git(work, "commit", "-q", "-m", "spec")
    spec_file = work / "spec" / "tiktok_v2.yaml"
    assert run_cli("i18n", "status", cwd=work).stdout.splitlines()[1].split()[4] == "0"
    text = spec_file.read_text(encoding="utf-8")
    # The English of open_id changes; its Thai does not (an uncommitted change counts as now).
    spec_file.write_text(text.replace(OPEN_ID_EN, OPEN_ID_EN.replace("current", "calling")), encoding="utf-8")
    # And one Thai text is left as the English: missing.
    spec_file.write_text(
        spec_file.read_text(encoding="utf-8").replace(
            "th: ข้อมูลที่ร้องขอ # project translation", "th: The requested data. # project translation"
        ),
        encoding="utf-8",
    )
    result = run_cli("i18n", "status", cwd=work)
    assert result.returncode == 0, result.stderr
    language, texts, translated, missing, stale, lint = _row(result.stdout, "th")
    assert (missing, stale) == ("1", "1") and int(translated) == int(texts) - 2
    assert int(lint) >= 1 and "untranslated: the 'th' text is the same as the 'en' text" in result.stdout
    exported = run_cli("i18n", "export", "--lang", "th", "-o", "th.po", cwd=work)
    assert exported.returncode == 0, exported.stderr
    fuzzy = [e.msgctxt for e in polib.pofile(str(work / "th.po")) if "fuzzy" in e.flags]
    assert fuzzy == ["objects.User.fields.open_id.description"]
    # The translator updates the Thai too: no longer stale once committed.
    _git(work, "commit", "-q", "-am", "source changed", date="2021-01-01T00:00:00Z")
    assert _row(run_cli("i18n", "status", cwd=work).stdout, "th")[4] == "1"
    spec_file.write_text(
        spec_file.read_text(encoding="utf-8").replace(
            "th: รหัสประจำตัวผู้ใช้ที่ไม่ซ้ำกันในแอปพลิเคชันปัจจุบัน",
            "th: รหัสประจำตัวผู้ใช้ที่ไม่ซ้ำกันในแอปพลิเคชันที่เรียก",
        ),
        encoding="utf-8",
    )
    assert _row(run_cli("i18n", "status", cwd=work).stdout, "th")[4] == "0"
