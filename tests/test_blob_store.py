"""The cache's entry store (generator/blob_store.py): checksummed entries, and packs of a run's entries.

- A pack's body holds any entries, keys and bodies of any length, and gives them back exactly.
- A run that reads what the last run read gets every entry from the pack, none from its own file.
- A damaged pack is ignored (each entry is still read from its own file, checked by its checksum).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.blob_store import BlobStore, Pack, pack_bodies, unpack_bodies

ENTRIES = st.dictionaries(st.binary(max_size=70), st.binary(max_size=300), max_size=12)


@given(ENTRIES)
def test_a_pack_body_gives_back_its_entries(entries: dict[bytes, bytes]) -> None:
    body = pack_bodies(entries.items())
    assert {key: bytes(value) for key, value in unpack_bodies(body).items()} == entries


@given(ENTRIES, st.data())
def test_a_cut_pack_body_is_never_read_as_other_entries(
    entries: dict[bytes, bytes], data: st.DataObject
) -> None:
    body = pack_bodies(entries.items())
    cut = body[: data.draw(st.integers(0, max(0, len(body) - 1)))]
    found = {key: bytes(value) for key, value in unpack_bodies(cut).items()}
    # Nothing, or (where the cut fell between entries) the entries before it, each whole.
    assert all(entries.get(key) == value for key, value in found.items())


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    reads: list[bytes] = []
    original = BlobStore.get

    def get(store: BlobStore, key: bytes) -> bytes | None:
        reads.append(key)
        return original(store, key)

    monkeypatch.setattr(BlobStore, "get", get)
    return reads


def test_the_next_run_reads_the_pack_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = BlobStore(tmp_path)
    first = Pack(store, b"work")
    bodies = {bytes([i]) * 32: f"entry {i}".encode() * (i + 1) for i in range(40)}
    for key, body in bodies.items():
        assert first.get(key) is None
        first.put(key, body)
    first.close()
    reads = _counting(monkeypatch)
    second = Pack(store, b"work")
    assert {key: second.get(key) for key in bodies} == bodies
    second.close()
    assert reads == [second.where]  # the pack, then no entry's own file
    # Another kind of work has a pack of its own.
    assert Pack(store, b"other").get(next(iter(bodies))) == next(iter(bodies.values()))


def _packed(store: BlobStore, count: int) -> Path:
    """A run that stored ``count`` entries; where their pack lives."""
    first = Pack(store, b"work")
    for i in range(count):
        first.put(bytes([i]) * 32, b"body %d" % i)
    first.close()
    where = store.path(first.where)
    assert where is not None and where.is_file()
    return where


def test_a_damaged_pack_is_ignored(tmp_path: Path) -> None:
    store = BlobStore(tmp_path)
    where = _packed(store, 10)
    raw = where.read_bytes()
    where.write_bytes(raw.replace(b"body 3", b"body 9"))  # the same length, another body
    second = Pack(store, b"work")
    assert [second.get(bytes([i]) * 32) for i in range(10)] == [b"body %d" % i for i in range(10)]
    # Every entry came from its own file, so the pack is written anew: trusted again.
    second.close()
    assert store.get(second.where) is not None


def test_a_pack_is_rewritten_only_when_much_of_it_is_out_of_date(tmp_path: Path) -> None:
    store = BlobStore(tmp_path)
    where = _packed(store, 16)
    before = where.stat().st_mtime_ns
    second = Pack(store, b"work")  # one entry of sixteen changed: the pack stays
    for i in range(15):
        assert second.get(bytes([i]) * 32) == b"body %d" % i
    second.put(b"\xff" * 32, b"a new body")
    second.close()
    assert where.stat().st_mtime_ns == before
    third = Pack(store, b"work")  # the new entry from its own file
    assert third.get(b"\xff" * 32) == b"a new body"
