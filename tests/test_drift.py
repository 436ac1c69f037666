"""The committed generated/ is the golden record: it must equal a fresh generation, byte for byte."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import GENERATED, ROOT
from generator import writer


def test_generated_is_fresh(files: dict[str, str]) -> None:
    comparison = writer.compare(GENERATED, files)
    assert comparison.clean, writer.unified_diff(GENERATED, files, comparison, limit=80)


def _generate(out: Path, seed: str) -> dict[str, bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run(
        [sys.executable, "-m", "generator", "generate", "--out", str(out)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_deterministic_across_hash_seeds(tmp_path: Path) -> None:
    first = _generate(tmp_path / "a", "1")
    second = _generate(tmp_path / "b", "4242")
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def test_same_bytes_from_any_working_directory(tmp_path: Path) -> None:
    """Headers name the spec as ``spec/tiktok_v2.yaml`` wherever generate runs and however
    --spec names it (folder or file, relative or absolute)."""
    committed = {
        p.relative_to(GENERATED).as_posix(): p.read_bytes() for p in GENERATED.rglob("*") if p.is_file()
    }
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SPECGEN_CACHE": "off"}
    for cwd, spec in (
        (ROOT / "spec", "tiktok_v2.yaml"),
        (tmp_path, str(ROOT / "spec")),
        (ROOT / "spec", "."),
    ):
        out = tmp_path / f"out-{len(list(tmp_path.iterdir()))}"
        subprocess.run(
            [sys.executable, "-m", "generator", "generate", "--spec", spec, "--out", str(out)],
            cwd=cwd,
            env=env,
            check=True,
            capture_output=True,
        )
        produced = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
        assert produced == committed, (cwd, spec)


def test_check_passes_on_committed_tree() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "up to date" in result.stdout


def test_check_reports_a_stale_file_with_a_diff(tmp_path: Path) -> None:
    out = tmp_path / "out"
    subprocess.run(
        [sys.executable, "-m", "generator", "generate", "--out", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    target = out / "docs" / "th" / "objects" / "user.md"
    target.write_text(target.read_text(encoding="utf-8").replace("รูปโปรไฟล์", "รูป"), encoding="utf-8")
    (out / "docs" / "stray.md").write_text("x\n", encoding="utf-8")
    (out / "data" / "scopes.csv").unlink()
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "--- a/docs/th/objects/user.md" in result.stdout
    assert "+| <code>avatar_url</code> | string | <code>user.info.basic</code> |" in result.stdout
    assert "orphan: docs/stray.md" in result.stdout
    assert "+++ b/data/scopes.csv" in result.stdout
    assert "1 changed, 1 missing, 1 orphan" in result.stderr


def test_generate_twice_is_a_no_op(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = [sys.executable, "-m", "generator", "generate", "--out", str(out)]
    subprocess.run(run, cwd=ROOT, check=True, capture_output=True)
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    second = subprocess.run(run, cwd=ROOT, check=True, capture_output=True, text=True)
    assert "up to date" in second.stdout
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == before


def test_validate_and_console_script() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "validate", "--spec", "spec"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0
    assert result.stdout == "spec/tiktok_v2.yaml: ok (16 objects, 6 scopes)\n"
    script = Path(sys.executable).parent / "specgen"
    assert script.exists(), "the console script is installed by `pip install -e .`"
    again = subprocess.run([str(script), "validate"], cwd=ROOT, capture_output=True, text=True)
    assert again.stdout == result.stdout


def test_check_ignores_what_installing_the_package_in_place_leaves(tmp_path: Path) -> None:
    """`pip install ./generated/python` writes build/ and *.egg-info/ there: not orphans of ours."""
    out = tmp_path / "out"
    run = [sys.executable, "-m", "generator"]
    subprocess.run([*run, "generate", "--out", str(out)], cwd=ROOT, check=True, capture_output=True)
    for leftover in ("build/lib/tiktok_v2/models.py", "tiktok_v2.egg-info/PKG-INFO", "dist/t.whl"):
        (out / "python" / leftover).parent.mkdir(parents=True, exist_ok=True)
        (out / "python" / leftover).write_text("x\n", encoding="utf-8")
    result = subprocess.run([*run, "check", "--out", str(out)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    # Only those: the same names elsewhere are still orphans.
    (out / "docs" / "build").mkdir()
    (out / "docs" / "build" / "x.md").write_text("x\n", encoding="utf-8")
    result = subprocess.run([*run, "check", "--out", str(out)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1 and "orphan: docs/build/x.md" in result.stdout
