"""Atomic output: a failed run leaves the previous output byte for byte; nothing is written elsewhere.

Each test makes a real output tree with the command line, then breaks one step (a renderer,
the formatter, a file write, the final swap) and checks the tree, and the folder around it,
afterwards. Generation runs in-process with the run cache off, so the broken step really runs.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import MINIMAL_SPEC
from generator import cli, pipeline, units, writer
from generator.formatting import FormattingError
from test_bad_specs import snapshot

EXTRA_OBJECT = """\
  Extra:
    description: {en: An extra object., th: ออบเจ็กต์เพิ่มเติม}
    fields:
      note:
        type: string
        description: {en: A note., th: บันทึก}
"""


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder with a spec (two objects and an extra one) and its generated ``out/``."""
    monkeypatch.setenv("SPECGEN_CACHE", "off")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "spec.yaml").write_text(_with_extra(), encoding="utf-8")
    assert cli.main(["generate", "--spec", "spec.yaml", "--out", "out"]) == 0
    yield tmp_path


def _with_extra() -> str:
    return MINIMAL_SPEC.replace("endpoints:\n", EXTRA_OBJECT + "endpoints:\n")


def _changed_spec(work: Path) -> None:
    """Change a text, so a new run has something to write."""
    spec = work / "spec.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("A note.", "A changed note."), encoding="utf-8")


def _snapshot_then_change(work: Path) -> dict[str, bytes | None]:
    """The folder as a failed run must leave it (the output as it is now), then the spec changed."""
    before = snapshot(work)
    _changed_spec(work)
    before["spec.yaml"] = (work / "spec.yaml").read_bytes()
    return before


def _boom(*args: Any, **kwargs: Any) -> Any:
    raise RuntimeError("a renderer failed")


@pytest.mark.parametrize(
    ("jobs", "where"),
    [("1", 2), ("2", 0), ("2", 3)],  # one process; with two, in the forked child and in the parent
)
def test_a_failing_renderer_leaves_the_output_untouched(
    work: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], jobs: str, where: int
) -> None:
    monkeypatch.setenv("SPECGEN_JOBS", jobs)
    before = _snapshot_then_change(work)
    renderers = list(pipeline.RENDERERS)
    renderers.insert(where, _boom)
    monkeypatch.setattr(pipeline, "RENDERERS", tuple(renderers))
    assert cli.main(["generate", "--spec", "spec.yaml", "--out", "out"]) == cli.EXIT_BUG
    err = capsys.readouterr().err
    assert "internal error (please report" in err and "a renderer failed" in err
    assert "Traceback" not in err
    assert snapshot(work) == before


def test_debug_setting_shows_the_traceback(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPECGEN_DEBUG", "1")
    monkeypatch.setenv("SPECGEN_JOBS", "1")
    _changed_spec(work)
    monkeypatch.setattr(pipeline, "RENDERERS", (_boom, *pipeline.RENDERERS))
    with pytest.raises(RuntimeError, match="a renderer failed"):
        cli.main(["generate", "--spec", "spec.yaml", "--out", "out"])


def test_black_rejecting_the_code_leaves_the_output_untouched(
    work: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot_then_change(work)

    def rejecting(files: dict[str, str]) -> dict[str, str]:
        raise FormattingError("python/mini/models.py: black rejected generated code: Cannot parse")

    monkeypatch.setattr(pipeline, "format_files", rejecting)
    assert cli.main(["generate", "--spec", "spec.yaml", "--out", "out"]) == cli.EXIT_BUG
    assert "black rejected generated code" in capsys.readouterr().err
    assert snapshot(work) == before


@pytest.mark.parametrize("in_threads", [False, True])  # True: every file is written as a big one is
def test_a_failing_write_leaves_the_output_untouched(
    work: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], in_threads: bool
) -> None:
    before = _snapshot_then_change(work)
    real_write = writer._write
    written: list[Path] = []
    lock = threading.Lock()

    def write_then_fail(path: str, data: bytes) -> None:
        with lock:
            if len(written) == 5:
                raise OSError(28, "No space left on device")
            written.append(Path(path))
        real_write(path, data)

    monkeypatch.setattr(writer, "_write", write_then_fail)
    if in_threads:
        monkeypatch.setattr(writer._Writes, "BIG", 0)
    assert cli.main(["generate", "--spec", "spec.yaml", "--out", "out"]) == cli.EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "No space left on device" in err and "left as it was" in err and "Traceback" not in err
    assert len(written) == 5 and all(not p.exists() for p in written)  # the half-written tree is gone
    assert not list(work.glob(".out.*"))
    assert snapshot(work) == before


def test_files_written_in_threads_are_the_output(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writer._Writes, "BIG", 0)  # every file written from a thread, as a big one is
    _changed_spec(work)
    assert cli.main(["generate", "--spec", "spec.yaml", "--out", "out"]) == 0
    assert "A changed note." in (work / "out/openapi/openapi.json").read_text(encoding="utf-8")
    monkeypatch.setattr(writer._Writes, "BIG", units.THREAD_MIN_BYTES)
    assert cli.main(["check", "--spec", "spec.yaml", "--out", "out"]) == 0


def test_a_bug_in_a_writing_thread_is_a_bug_and_leaves_the_output_untouched(
    work: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot_then_change(work)

    def broken_write(path: str, data: bytes) -> None:
        raise RuntimeError("a bug while writing")

    monkeypatch.setattr(writer._Writes, "BIG", 0)
    monkeypatch.setattr(writer, "_write", broken_write)
    assert cli.main(["generate", "--spec", "spec.yaml", "--out", "out"]) == cli.EXIT_BUG
    assert "a bug while writing" in capsys.readouterr().err
    assert not list(work.glob(".out.*"))
    assert snapshot(work) == before


def test_a_failing_swap_puts_the_old_tree_back(
    work: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot_then_change(work)
    real_rename = os.rename
    calls: list[str] = []

    def second_rename_fails(src: Any, dst: Any) -> None:
        calls.append(f"{Path(src).name} -> {Path(dst).name}")
        if len(calls) == 2:  # old tree moved aside; moving the new one in fails
            raise OSError(18, "Invalid cross-device link")
        real_rename(src, dst)

    monkeypatch.setattr(writer.os, "rename", second_rename_fails)
    assert cli.main(["generate", "--spec", "spec.yaml", "--out", "out"]) == cli.EXIT_BAD_INPUT
    assert "Invalid cross-device link" in capsys.readouterr().err
    assert len(calls) == 3 and calls[2].endswith("-> out")
    assert snapshot(work) == before


def test_a_removed_object_is_an_orphan_for_check_and_gone_after_generate(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = work / "out" / "docs" / "th" / "objects" / "extra.md"
    assert page.is_file()
    (work / "spec.yaml").write_text(MINIMAL_SPEC, encoding="utf-8")
    capsys.readouterr()
    assert cli.main(["check", "--spec", "spec.yaml", "--out", "out"]) == cli.EXIT_STALE
    out, err = capsys.readouterr()
    for lang in ("en", "th"):
        assert f"orphan: docs/{lang}/objects/extra.md (not produced by the spec; generate removes it)" in out
    assert "orphan: python/mini/models/_extra.py (not produced by the spec; generate removes it)" in out
    assert "--- a/data/fields.json" in out and '-      "object": "Extra",' in out
    assert "3 orphan" in err
    assert page.is_file()  # check only reports
    assert cli.main(["generate", "--spec", "spec.yaml", "--out", "out"]) == 0
    assert not page.exists() and not (work / "out" / "python" / "mini" / "models" / "_extra.py").exists()
    assert "Extra" not in (work / "out" / "data" / "fields.json").read_text(encoding="utf-8")
    assert cli.main(["check", "--spec", "spec.yaml", "--out", "out"]) == 0


def test_nothing_is_written_outside_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPECGEN_CACHE", "off")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "spec.yaml").write_text(_with_extra(), encoding="utf-8")
    (tmp_path / "keep.txt").write_text("mine\n", encoding="utf-8")
    before = snapshot(tmp_path)
    assert cli.main(["generate", "--spec", "spec.yaml", "--out", "nested/out"]) == 0
    (tmp_path / "spec.yaml").write_text(MINIMAL_SPEC, encoding="utf-8")
    before["spec.yaml"] = (tmp_path / "spec.yaml").read_bytes()
    assert cli.main(["generate", "--spec", "spec.yaml", "--out", "nested/out"]) == 0
    after = snapshot(tmp_path)
    outside = {
        k: v
        for k, v in after.items()
        if not k.startswith("nested/out/") and k not in ("nested", "nested/out")
    }
    assert outside == before  # no temporary or old tree left beside it either


def test_a_symlink_in_out_is_replaced_never_followed(work: Path) -> None:
    target = work / "elsewhere.md"
    target.write_text("not the generator's\n", encoding="utf-8")
    page = work / "out" / "docs" / "en" / "index.md"
    page.unlink()
    page.symlink_to(target)
    assert cli.main(["generate", "--spec", "spec.yaml", "--out", "out"]) == 0
    assert target.read_text(encoding="utf-8") == "not the generator's\n"
    assert page.is_file() and not page.is_symlink()


def test_a_foreign_non_empty_out_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SPECGEN_CACHE", "off")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "spec.yaml").write_text(MINIMAL_SPEC, encoding="utf-8")
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "thesis.md").write_text("years of work\n", encoding="utf-8")
    before = snapshot(tmp_path)
    assert cli.main(["generate", "--spec", "spec.yaml", "--out", "home"]) == cli.EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "refusing to replace" in err and "has no MANIFEST.json" in err
    assert snapshot(tmp_path) == before
    (tmp_path / "file").write_text("a file\n", encoding="utf-8")
    assert cli.main(["generate", "--spec", "spec.yaml", "--out", "file"]) == cli.EXIT_BAD_INPUT
    assert "is not a directory" in capsys.readouterr().err
    assert (tmp_path / "file").read_text(encoding="utf-8") == "a file\n"


def test_an_empty_out_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPECGEN_CACHE", "off")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "spec.yaml").write_text(MINIMAL_SPEC, encoding="utf-8")
    (tmp_path / "out").mkdir()
    assert cli.main(["generate", "--spec", "spec.yaml", "--out", "out"]) == 0
    assert (tmp_path / "out" / writer.MANIFEST).is_file()


@pytest.mark.parametrize("path", ["../escape.txt", "/etc/passwd", "a/../../b", "docs//x.md", ""])
def test_the_writer_refuses_a_path_outside_out(tmp_path: Path, path: str) -> None:
    with pytest.raises(writer.OutputError, match="not a plain path inside the output directory"):
        writer.write_tree(tmp_path / "out", {"ok.md": "x\n", path: "y\n"})
    assert list(tmp_path.iterdir()) == []


def test_a_spec_inside_the_output_directory_is_never_deleted(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inside = work / "out" / "spec.yaml"
    inside.write_text((work / "spec.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    before = snapshot(work / "out")
    capsys.readouterr()
    assert cli.main(["generate", "--spec", "out/spec.yaml", "--out", "out"]) == cli.EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "the spec file out/spec.yaml is inside the output directory out" in err
    assert snapshot(work / "out") == before and inside.is_file()


def test_a_new_tree_left_by_a_killed_run_is_cleaned_up(work: Path) -> None:
    # What a run killed while writing leaves beside the output: its half-written new tree.
    partial = work / ".out.tmp-killed"
    (partial / "docs").mkdir(parents=True)
    (partial / "docs" / "half.md").write_text("half", encoding="utf-8")
    _changed_spec(work)
    assert cli.main(["generate", "--spec", "spec.yaml", "--out", "out"]) == 0
    assert not partial.exists()
    assert sorted(p.name for p in work.iterdir()) == ["out", "spec.yaml"]


def test_an_out_that_is_a_link_replaces_the_folder_it_names(work: Path) -> None:
    """``--out`` a symbolic link to the output folder: the folder is replaced, the link kept (found
    by an audit: the link itself was replaced and the run reported a failure)."""
    (work / "out").rename(work / "real")
    (work / "link").symlink_to(work / "real")
    _changed_spec(work)
    assert cli.main(["generate", "--spec", "spec.yaml", "--out", "link"]) == 0
    assert (work / "link").is_symlink() and "A changed note." in _text_of(work / "real")
    assert not [p.name for p in work.iterdir() if p.name.startswith((".link", ".real"))]
    assert cli.main(["check", "--spec", "spec.yaml", "--out", "real"]) == 0


def test_a_file_whose_mode_was_changed_is_written_again(
    work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Same bytes, another mode: generate writes it as a cold run would (found by an audit)."""
    page = work / "out" / "docs" / "en" / "index.md"
    mode = page.stat().st_mode & 0o7777
    page.chmod(0o700)
    assert cli.main(["check", "--spec", "spec.yaml", "--out", "out"]) == 1
    assert "not a plain file: docs/en/index.md" in capsys.readouterr().out
    assert cli.main(["generate", "--spec", "spec.yaml", "--out", "out"]) == 0
    assert page.stat().st_mode & 0o7777 == mode


def _text_of(folder: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.md")))
