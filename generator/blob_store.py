"""Checksummed entries on disk, one file a key, for the front end's caches (yaml_segments, front).

An entry is the SHA-256 of its key and body on the first line, then the body. One whose
checksum does not match (damaged, truncated, or copied from another key) is never returned,
so a hit is exactly what was stored under that key. Writes are atomic and best effort: a
read-only or full disk only means the work is done again.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def checksum(key: bytes, body: bytes) -> bytes:
    """The first line of an entry: the hex SHA-256 of its key and body."""
    return hashlib.sha256(key + b"\0" + body).hexdigest().encode()


class BlobStore:
    """Bytes by key under ``folder`` (None: nothing is kept)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def path(self, key: bytes) -> Path | None:
        """Where the entry of ``key`` lives."""
        if self.folder is None:
            return None
        name = key.hex()
        return self.folder / name[:2] / name

    def get(self, key: bytes) -> bytes | None:
        """The body stored under ``key``, if there is one and its checksum holds."""
        path = self.path(key)
        if path is None:
            return None
        try:
            raw = path.read_bytes()
        except OSError:
            return None
        head, _, body = raw.partition(b"\n")
        return body if head == checksum(key, body) else None

    def put(self, key: bytes, body: bytes) -> None:
        """Store ``body`` under ``key`` (atomic, best effort)."""
        path = self.path(key)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as handle:
                handle.write(checksum(key, body) + b"\n" + body)
            os.replace(tmp, path)
        except OSError:
            return
