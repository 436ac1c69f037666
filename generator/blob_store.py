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
