"""The output record (generator/output_record.py): generate trusts a file on disk without reading it
only while its inode, size and mtime are those recorded with its hash; it agrees with the plain
byte-for-byte comparison, and a hand edit is never hidden."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from generator import writer
from generator.cli import main
from generator.output_record import OutputRecord, manifest_hashes

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "tiktok_v2.yaml"
OLD = 1_000_000_000  # an mtime long past


def _generate(spec: Path, out: Path) -> None:
    assert main(["generate", "--spec", str(spec), "--out", str(out)]) == 0


def _files(out: Path) -> dict[str, str]:
    return {
        p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(out.rglob("*"))
        if p.is_file()
    }


def _generated_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, dict[str, str]]:
    """A copy of the spec generated once with the cache in ``tmp_path``: spec, output, its files."""
    monkeypatch.setenv("SPECGEN_CACHE", str(tmp_path / "cache"))
    spec, out = tmp_path / "tiktok_v2.yaml", tmp_path / "out"
    spec.write_bytes(SPEC.read_bytes())
    _generate(spec, out)
    return spec, out, _files(out)


def _age(out: Path) -> None:
    for path in out.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(OLD, OLD))


def test_the_record_agrees_with_reading_every_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPECGEN_CACHE", str(tmp_path / "cache"))
    out = tmp_path / "out"
    _generate(SPEC, out)
    files = _files(out)
    assert manifest_hashes(files).keys() == set(files) - {writer.MANIFEST}
    _age(out)
    record = OutputRecord(tmp_path / "cache" / "outputs", out, files)
    record.save(out)
    again = OutputRecord(tmp_path / "cache" / "outputs", out, files)
    assert len(again.known) == len(files) - 1  # every file but the manifest, which is always read
    # A file edited by hand: same size, mtime put back, still never taken as unchanged.
    user = out / "python" / "tiktok_v2" / "models" / "_user.py"
    text = user.read_text(encoding="utf-8")
    user.write_text(text.replace("class User", "class Usex"), encoding="utf-8")
    os.utime(user, ns=(OLD, OLD))
    # Rewritten as a new inode instead (an editor's save): detected by its inode.
    scopes = out / "data" / "scopes.json"
    body = scopes.read_bytes()
    scopes.unlink()
    scopes.write_bytes(body.replace(b"user.info.basic", b"user.info.basiX", 1))
    os.utime(scopes, ns=(OLD, OLD))
    plain = writer.compare(out, files)
    fast = writer.compare(out, files, again.holds)
    assert fast == plain
    assert "data/scopes.json" in plain.changed
    # Same inode, same size, mtime put back: its ctime moved, so it is read.
    assert "python/tiktok_v2/models/_user.py" in plain.changed
    assert again.holds("python/tiktok_v2/models/_user.py", user) is None
    assert again.holds("python/tiktok_v2/api.py", out / "python" / "tiktok_v2" / "api.py") is True


def test_a_damaged_record_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPECGEN_CACHE", str(tmp_path / "cache"))
    out = tmp_path / "out"
    _generate(SPEC, out)
    files = _files(out)
    record = OutputRecord(tmp_path / "cache" / "outputs", out, files)
    for damaged in ("", "{", '{"format": "specgen-output-record-2", "files": {"a": [1]}}', "[1, 2]"):
        record.path.parent.mkdir(parents=True, exist_ok=True)
        record.path.write_text(damaged, encoding="utf-8")
        assert OutputRecord(tmp_path / "cache" / "outputs", out, files).known == {}


def test_generate_with_the_record_still_replaces_a_hand_edit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec, out, expected = _generated_copy(tmp_path, monkeypatch)
    _age(out)
    spec.write_text(spec.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # a new run key
    _generate(spec, out)  # only the manifest changes; every other file is recorded
    assert len(OutputRecord(tmp_path / "cache" / "outputs", out, _files(out)).known) == len(expected) - 1
    page = out / "docs" / "en" / "scopes.md"
    page.write_text(page.read_text(encoding="utf-8") + "edited\n", encoding="utf-8")
    spec.write_text(spec.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    _generate(spec, out)
    after = _files(out)
    assert after.keys() == expected.keys()
    assert {rel for rel in after if after[rel] != expected[rel]} == {writer.MANIFEST}  # the spec's hash


def test_an_up_to_date_run_reads_only_what_the_record_cannot_vouch_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    spec, out, expected = _generated_copy(tmp_path, monkeypatch)
    reads: list[Path] = []
    plain = Path.read_bytes

    def counted(path: Path) -> bytes:
        reads.append(path.absolute())
        return plain(path)

    monkeypatch.setattr(Path, "read_bytes", counted)
    _generate(spec, out)  # the same inputs: the run cache's hashes, the record's stats
    assert "up to date" in capsys.readouterr().out
    output_reads = [path.relative_to(out) for path in reads if path.is_relative_to(out)]
    assert output_reads == [Path(writer.MANIFEST)], output_reads  # the one file the record leaves out
    # A hand edit of the same size, its mtime put back: the ctime moved, so the file is read,
    # found different, and generate writes the output again.
    page = out / "docs" / "th" / "scopes.md"
    before = page.stat()
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("|", "!", 1), encoding="utf-8")
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert page.stat().st_size == before.st_size and page.stat().st_mtime_ns == before.st_mtime_ns
    _generate(spec, out)
    assert "1 changed" in capsys.readouterr().out
    assert _files(out) == expected


def test_a_file_recorded_with_other_bytes_is_changed_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A recorded file whose recorded hash is not the new output's is changed: it is not read."""
    monkeypatch.setenv("SPECGEN_CACHE", str(tmp_path / "cache"))
    out = tmp_path / "out"
    _generate(SPEC, out)
    files = _files(out)
    folder = tmp_path / "cache" / "outputs"
    OutputRecord(folder, out, files).save(out)
    rel = "openapi/openapi.json"
    new = {**files, rel: files[rel].replace("User", "Usex", 1)}
    hashes = {**manifest_hashes(files), rel: hashlib.sha256(new[rel].encode()).hexdigest()}
    record = OutputRecord(folder, out, {}, hashes)
    assert record.holds(rel, out / rel) is False
    read: list[Path] = []
    holds = writer._holds
    monkeypatch.setattr(writer, "_holds", lambda path, text: read.append(path) or holds(path, text))
    assert writer.compare(out, new, record.holds) == writer.compare(out, new)
    assert writer.compare(out, new, record.holds).changed == [rel]
    read.clear()
    writer.compare(out, new, record.holds)
    assert read == [out / writer.MANIFEST]  # (never recorded: always read)
