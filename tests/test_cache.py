"""The run cache skips only work whose result is already on disk; the output never depends on it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import cache

from conftest import MINIMAL_SPEC, ROOT


def _generate(
    spec: Path, out: Path, cache_dir: Path | str, command: str = "generate"
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SPECGEN_CACHE": str(cache_dir)}
    return subprocess.run(
        [sys.executable, "-m", "generator", command, "--spec", str(spec), "--out", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def _tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_cached_and_uncached_runs_write_the_same_bytes(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(MINIMAL_SPEC, encoding="utf-8")
    first = _generate(spec, tmp_path / "a", tmp_path / "cache")
    assert first.returncode == 0, first.stderr
    assert list((tmp_path / "cache" / "runs").rglob("*.json"))
    again = _generate(spec, tmp_path / "a", tmp_path / "cache")
    assert again.returncode == 0 and "up to date" in again.stdout
    off = _generate(spec, tmp_path / "b", "off")
    assert off.returncode == 0
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")


def test_a_changed_spec_or_a_damaged_output_is_regenerated(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(MINIMAL_SPEC, encoding="utf-8")
    out, store = tmp_path / "out", tmp_path / "cache"
    assert _generate(spec, out, store).returncode == 0
    models = out / "python" / "mini" / "models" / "_thing.py"
    original = models.read_bytes()
    models.write_bytes(original + b"# edited by hand\n")
    assert _generate(spec, out, store, "check").returncode == 1  # the cache never hides a stale tree
    assert _generate(spec, out, store).returncode == 0
    assert models.read_bytes() == original
    (out / "stray.txt").write_text("x", encoding="utf-8")
    assert _generate(spec, out, store, "check").returncode == 1
    spec.write_text(MINIMAL_SPEC.replace("A thing.", "A changed thing."), encoding="utf-8")
    assert _generate(spec, out, store).returncode == 0
    assert b"A changed thing." in models.read_bytes()


def test_a_corrupt_entry_means_a_full_run(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(MINIMAL_SPEC, encoding="utf-8")
    out, store = tmp_path / "out", tmp_path / "cache"
    assert _generate(spec, out, store).returncode == 0
    for entry in (store / "runs").rglob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    (out / "python" / "mini" / "models" / "_thing.py").write_text("broken\n", encoding="utf-8")
    assert _generate(spec, out, store).returncode == 0
    assert _generate(spec, out, "off", "check").returncode == 0


def test_the_key_covers_the_toolkit_and_the_spec_names() -> None:
    sources = [("spec/a.yaml", b"x: 1\n")]
    assert cache.run_key(sources) == cache.run_key(list(sources))
    assert cache.run_key(sources) != cache.run_key([("other/a.yaml", b"x: 1\n")])
    assert cache.run_key(sources) != cache.run_key([("spec/a.yaml", b"x: 2\n")])


def test_off_means_no_directory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPECGEN_CACHE", "off")
    assert cache.directory() is None and cache.lookup("0" * 64) is None
    monkeypatch.delenv("SPECGEN_CACHE")
    assert cache.directory() == ROOT / ".cache" / "specgen"


def test_each_area_keeps_the_folders_of_the_last_toolkits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPECGEN_CACHE", str(tmp_path))
    area = tmp_path / "units"
    for age in range(5):  # the folders of five other toolkits, used 1 to 5 days ago
        old = area / f"{age:032x}"
        (old / "ab").mkdir(parents=True)
        (old / "ab" / "entry").write_bytes(b"x")
        past = 1_700_000_000 - age * 86_400
        os.utime(old, (past, past))
    removing: list[str] = []  # the old folders are removed by a process of their own
    remove_apart = cache._remove_apart
    monkeypatch.setattr(cache, "_remove_apart", removing.extend)
    ours = cache.toolkit_folder("units")
    assert ours is not None
    kept = sorted(p.name for p in area.iterdir() if not p.name.startswith(".trash-"))
    # Ours, and the two used last before it.
    assert kept == sorted([ours.name, f"{0:032x}", f"{1:032x}"])
    assert (area / f"{0:032x}" / "ab" / "entry").read_bytes() == b"x"
    assert sorted(Path(p).name for p in removing) == [f".trash-{age:032x}" for age in (2, 3, 4)]
    assert remove_apart(removing).wait() == 0
    assert sorted(p.name for p in area.iterdir()) == kept
    # Another area is left alone; the cache off touches nothing.
    assert not (tmp_path / "front").exists()
    monkeypatch.setenv("SPECGEN_CACHE", "off")
    assert cache.toolkit_folder("units") is None


def test_a_run_entry_copied_from_another_key_is_never_trusted(tmp_path: Path) -> None:
    """Two specs into one folder; the first's run entry replaced by the second's: the first is
    generated again, never taken as up to date (found by an audit)."""
    first, second = tmp_path / "first.yaml", tmp_path / "second.yaml"
    first.write_text(MINIMAL_SPEC, encoding="utf-8")
    second.write_text(MINIMAL_SPEC.replace("A thing.", "Another thing."), encoding="utf-8")
    out, store = tmp_path / "out", tmp_path / "cache"
    assert _generate(first, out, store).returncode == 0
    entries = set((store / "runs").rglob("*.json"))
    assert _generate(second, out, store).returncode == 0
    (theirs,) = set((store / "runs").rglob("*.json")) - entries
    for ours in entries:
        ours.write_bytes(theirs.read_bytes())
    assert _generate(first, out, store, "check").returncode == 1
    done = _generate(first, out, store)
    assert done.returncode == 0 and "up to date" not in done.stdout
    assert _generate(first, out, "off", "check").returncode == 0


def test_a_run_with_the_specs_template_folder_is_never_recorded(tmp_path: Path) -> None:
    """However the spec spells its `templates:` key (here a YAML escape), an edited override
    template is rendered: such a run is never taken from the run cache (found by an audit)."""
    spec, out, store = tmp_path / "spec.yaml", tmp_path / "out", tmp_path / "cache"
    spec.write_text(MINIMAL_SPEC + '"templ\\x61tes": my-templates\n', encoding="utf-8")
    readme = tmp_path / "my-templates" / "python" / "README.md.j2"
    readme.parent.mkdir(parents=True)
    readme.write_text("# {{ project.package }}\n", encoding="utf-8")
    assert _generate(spec, out, store).returncode == 0
    readme.write_text("# {{ project.package }}, edited\n", encoding="utf-8")
    assert _generate(spec, out, store, "check").returncode == 1
    assert _generate(spec, out, store).returncode == 0
    assert (out / "python" / "README.md").read_text(encoding="utf-8") == "# mini, edited\n"


def test_a_folder_past_the_bound_is_emptied_when_next_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every edit's entries stay in its toolkit's folder; one measured past the bound is moved
    aside (and removed apart) by the next run that opens it, which then starts from empty."""
    monkeypatch.setenv("SPECGEN_CACHE", str(tmp_path))
    removing: list[str] = []
    monkeypatch.setattr(cache, "_remove_apart", removing.extend)
    ours = cache.toolkit_folder("units")
    assert ours is not None
    (ours / "ab").mkdir()
    (ours / "ab" / "entry").write_bytes(b"x")
    (ours / cache.SIZE_FILE).write_text(str(cache.MAX_FOLDER_BYTES), encoding="ascii")
    assert cache.toolkit_folder("units") == ours and (ours / "ab" / "entry").exists()  # at the bound
    (ours / cache.SIZE_FILE).write_text(str(cache.MAX_FOLDER_BYTES + 1), encoding="ascii")
    assert cache.toolkit_folder("units") == ours
    assert sorted(p.name for p in ours.iterdir()) == [cache.SIZE_FILE]
    (gone,) = removing
    assert Path(gone).name.startswith(f".trash-{ours.name}-") and (Path(gone) / "ab" / "entry").exists()


def test_a_folders_size_is_measured_once_a_day(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPECGEN_CACHE", str(tmp_path))
    measuring: list[str] = []
    measure_apart = cache._measure_apart
    monkeypatch.setattr(cache, "_measure_apart", measuring.append)
    ours = cache.toolkit_folder("front")
    assert ours is not None and (ours / cache.SIZE_FILE).read_text(encoding="ascii") == "0"
    assert measuring == []  # a new folder is taken as empty
    (ours / "segments").mkdir()
    (ours / "segments" / "entry").write_bytes(b"x" * 5000)
    day_ago = 1_700_000_000
    os.utime(ours / cache.SIZE_FILE, (day_ago, day_ago))
    assert cache.toolkit_folder("front") == ours and measuring == [str(ours)]
    assert cache.toolkit_folder("front") == ours and measuring == [str(ours)]  # once a day
    assert measure_apart(str(ours)).wait() == 0
    assert 5000 <= int((ours / cache.SIZE_FILE).read_text(encoding="ascii")) < 5100


def test_output_is_the_same_after_a_folder_was_emptied(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(MINIMAL_SPEC, encoding="utf-8")
    out, store = tmp_path / "out", tmp_path / "cache"
    assert _generate(spec, out, store).returncode == 0
    for folder in (store / "units").iterdir():
        (folder / cache.SIZE_FILE).write_text(str(cache.MAX_FOLDER_BYTES + 1), encoding="ascii")
    spec.write_text(MINIMAL_SPEC.replace("A thing.", "A changed thing."), encoding="utf-8")
    assert _generate(spec, out, store).returncode == 0
    assert _generate(spec, out, "off", "check").returncode == 0


def test_run_entries_of_the_old_layout_are_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run entries were once kept flat in runs/; they now live in runs/<toolkit>/ and are
    dropped with their toolkit. A flat one left by an older toolkit is removed."""
    monkeypatch.setenv("SPECGEN_CACHE", str(tmp_path))
    (tmp_path / "runs").mkdir()
    (tmp_path / "runs" / f"{'0' * 64}.json").write_text("{}", encoding="utf-8")
    ours = cache.toolkit_folder("runs")
    assert ours is not None and sorted(p.name for p in (tmp_path / "runs").iterdir()) == [ours.name]


@pytest.mark.parametrize("damage", ["truncated", "one byte changed"])
def test_a_damaged_compiled_template_is_compiled_anew(tmp_path: Path, damage: str) -> None:
    """Jinja's compiled templates in the cache carry a checksum like every other entry: a damaged
    one is never loaded (an audit found a truncated one failing every later run, and a changed
    byte changing the output)."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(MINIMAL_SPEC, encoding="utf-8")
    out, store = tmp_path / "out", tmp_path / "cache"
    assert _generate(spec, out, store).returncode == 0
    entries = [p for p in (store / "jinja").rglob("*") if p.is_file() and p.parent.name != "jinja"]
    entries = [p for p in entries if not p.name.startswith(".")]
    assert len(entries) >= 10
    for entry in entries:
        raw = entry.read_bytes()
        if damage == "truncated":
            entry.write_bytes(raw[:60])
        else:  # the same length: a constant in the code
            entry.write_bytes(
                raw.replace(b">=77", b">=78") if b">=77" in raw else raw[:-1] + bytes([raw[-1] ^ 1])
            )
    for area in ("units", "runs"):  # (so the templates are rendered again)
        shutil.rmtree(store / area)
    done = _generate(spec, out, store)
    assert done.returncode == 0, done.stderr
    assert _generate(spec, out, "off", "check").returncode == 0
