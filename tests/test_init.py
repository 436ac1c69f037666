"""``specgen init``: a valid, commented starter spec that generates, and never over an existing spec."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from generator.labels import LABEL_KEYS, default_labels
from generator.pipeline import generate_spec
from generator.spec import parse_spec_text
from generator.starter import starter_spec


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SPECGEN_CACHE": "off"}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True, text=True
    )


def test_init_then_generate(tmp_path: Path) -> None:
    result = _cli("init", "demo", "--package", "demo_api", "--languages", "en,th", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "demo").iterdir()) == ["README.md", "demo_api.yaml"]
    text = (tmp_path / "demo" / "demo_api.yaml").read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    schema = (tmp_path / "demo" / first.split("$schema=", 1)[1]).resolve()
    assert schema == (ROOT / "generator" / "spec.schema.json").resolve()
    spec = parse_spec_text(text)
    assert (len(spec.objects), len(spec.scopes), len(spec.endpoints)) == (1, 1, 1)
    assert spec.languages == ("en", "th") and "translate" not in text
    generated = _cli("generate", "--spec", "demo", "--out", "demo/out", cwd=tmp_path)
    assert generated.returncode == 0, generated.stderr
    assert (tmp_path / "demo" / "out" / "python" / "demo_api" / "__init__.py").is_file()
    assert (tmp_path / "demo" / "out" / "docs" / "th" / "index.md").is_file()
    readme = (tmp_path / "demo" / "README.md").read_text(encoding="utf-8")
    assert "specgen generate --spec demo --out demo/out" in readme


def test_init_refuses_to_overwrite_a_spec(tmp_path: Path) -> None:
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo" / "mine.yaml").write_text("spec_version: 1\n", encoding="utf-8")
    result = _cli("init", "demo", "--package", "demo_api", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        "error: demo already holds a spec (mine.yaml); init never overwrites one: name another folder\n"
    )
    assert sorted(p.name for p in (tmp_path / "demo").iterdir()) == ["mine.yaml"]
    assert (tmp_path / "demo" / "mine.yaml").read_text(encoding="utf-8") == "spec_version: 1\n"


def test_init_keeps_an_existing_readme(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("mine\n", encoding="utf-8")
    result = _cli("init", "--package", "here", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "mine\n"
    assert (tmp_path / "here.yaml").is_file()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--package", "json"], "'json' is the name of a module of Python or of pydantic"),
        (["--package", "9lives"], "package.name"),
        (["--package", "ok", "--languages", "en,EN!"], "languages"),
    ],
)
def test_init_refuses_bad_names_and_writes_nothing(tmp_path: Path, args: list[str], message: str) -> None:
    result = _cli("init", "x", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x").exists()


@settings(max_examples=15, deadline=None)
@given(
    st.lists(
        st.sampled_from(["en", "th", "ja", "fr", "de", "pt-BR", "vi", "zh-Hant"]),
        min_size=1,
        max_size=4,
        unique=True,
    )
)
def test_every_language_list_gives_a_spec_that_generates(languages: list[str]) -> None:
    text = starter_spec("demo_api", languages, "spec.schema.json")
    spec = parse_spec_text(text)
    assert spec.languages == tuple(languages)
    # A language without built-in interface words gets them to translate, so the docs render.
    for lang in languages:
        if LABEL_KEYS - set(default_labels(lang)):
            assert f"  {lang}:\n" in text.split("\nlabels:\n", 1)[1]
    files = generate_spec(spec)
    assert all(f"docs/{lang}/index.md" in files for lang in languages)
