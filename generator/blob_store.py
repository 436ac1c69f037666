"""Checksummed entries on disk, one file a key: every cache of rendered or read work uses it
(units, objects' IR, the front end's segments and passed objects).

An entry is the SHA-256 of its key and body on the first line, then the body. One whose
checksum does not match (damaged, truncated, or copied from another key) is never returned,
so a hit is exactly what was stored under that key. Writes are atomic and best effort: a
read-only or full disk only means the work is done again. A run reads thousands of entries,
so paths are plain strings (pathlib's objects cost more than the read itself).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path


def checksum(key: bytes, body: bytes) -> bytes:
    """The first line of an entry: the hex SHA-256 of its key and body (hashed in place: an
    entry may be tens of megabytes, and copying it costs more than hashing it)."""
    digest = hashlib.sha256(key)
    digest.update(b"\0")
    digest.update(body)
    return digest.hexdigest().encode()


class BlobStore:
    """Bytes by key under ``folder`` (None: nothing is kept)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._base = os.fspath(folder) if folder is not None else None

    def _where(self, key: bytes) -> tuple[str, str] | None:
        if self._base is None:
            return None
        name = key.hex()
        folder = os.path.join(self._base, name[:2])
        return folder, os.path.join(folder, name)

    def path(self, key: bytes) -> Path | None:
        """Where the entry of ``key`` lives."""
        where = self._where(key)
        return None if where is None else Path(where[1])

    def get(self, key: bytes) -> bytes | None:
        """The body stored under ``key``, if there is one and its checksum holds."""
        where = self._where(key)
        if where is None:
            return None
        try:
            with open(where[1], "rb") as handle:
                head = handle.readline(65)
                body = handle.read()
        except OSError:
            return None
        return body if head[:-1] == checksum(key, body) and head.endswith(b"\n") else None

    def put(self, key: bytes, body: bytes) -> None:
        """Store ``body`` under ``key`` (atomic, best effort)."""
        where = self._where(key)
        if where is None:
            return
        try:
            os.makedirs(where[0], exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=where[0], prefix=".tmp-")
            with os.fdopen(fd, "wb") as handle:
                handle.write(checksum(key, body) + b"\n")
                handle.write(body)
            os.replace(tmp, where[1])
        except OSError:
            return


def pack_bodies(entries: Iterable[tuple[bytes, bytes]]) -> bytes:
    """Entries (key, body) as the body of one pack entry (see :func:`unpack_bodies`)."""
    parts: list[bytes] = []
    for key, body in entries:
        parts += (len(key).to_bytes(2, "big"), key, len(body).to_bytes(8, "big"), body)
    return b"".join(parts)


def unpack_bodies(body: bytes | None) -> dict[bytes, memoryview]:
    """A pack's entries (key -> body, not copied); empty where it is missing or malformed."""
    view = memoryview(body or b"")
    found: dict[bytes, memoryview] = {}
    at = 0
    while at < len(view):
        size = int.from_bytes(view[at : at + 2], "big")
        key = bytes(view[at + 2 : at + 2 + size])
        at += 2 + size
        length = int.from_bytes(view[at : at + 8], "big")
        if len(key) != size or at + 8 + length > len(view):
            return {}
        found[key] = view[at + 8 : at + 8 + length]
        at += 8 + length
    return found


def pack_key(name: bytes) -> bytes:
    """The key of the pack called ``name``."""
    return hashlib.sha256(b"specgen-pack-2\0" + name).digest()


class Pack:
    """The entries one kind of work read in its last run, kept together in one more entry: this
    run reads them in one go (at its first :meth:`get`) instead of one file an entry.
    :meth:`close` writes it again when much of what this run read was not in it; every entry
    also stays in the store on its own."""

    def __init__(
        self, store: BlobStore, name: bytes, read: Callable[[bytes], bytes | None] | None = None
    ) -> None:
        self.store = store
        self.where = pack_key(name)
        self.used: dict[bytes, bytes] = {}  # this run's entries
        self._read = read or store.get  # how the pack's own entry is read (perhaps read ahead)
        self._found: dict[bytes, memoryview] | None = None

    def _entries(self) -> dict[bytes, memoryview]:
        if self._found is None:
            self._found = unpack_bodies(self._read(self.where)) if self.store.folder else {}
        return self._found

    def get(self, key: bytes) -> bytes | None:
        """The body under ``key``: from the pack, else from its own entry."""
        found = self._entries().get(key)
        body = bytes(found) if found is not None else self.store.get(key)
        if body is not None:
            self.used[key] = body
        return body

    def put(self, key: bytes, body: bytes) -> None:
        """Store ``body`` under ``key`` (and in the next pack)."""
        self.store.put(key, body)
        self.used[key] = body

    def close(self) -> None:
        """Write the pack again where more than an eighth of this run's entries were not in it."""
        packed = self._entries()
        missing = sum(1 for key in self.used if key not in packed)
        if self.store.folder is not None and missing * 8 > len(self.used):
            self.store.put(self.where, pack_bodies(self.used.items()))
