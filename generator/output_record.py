"""What ``generate`` last left in an output directory, so the next one need not read it all again.

A speed-only seam of the writer (``writer.write_tree(out, files, record.holds)``). After a
write, the record keeps, for each output file, its inode, size, mtime and ctime and the SHA-256
its bytes had (the manifest's). The next ``generate`` takes a file whose inode, size, mtime and
ctime are still those as holding those bytes, and compares it with the new output by hash alone
(the same, or changed); any other file is read and compared byte for byte, as without the record.

Any write to a file, and any change of its times (``touch``, ``os.utime``), sets its ctime to
the current time, which no tool can set back; only an edit within the file system's clock tick
of the record (about a millisecond, right as generate ends) could go unseen. The record lives in
the cache folder (``outputs/<digest of the output path>.json``; a damaged one is ignored), never
in the output directory. ``check`` never uses it: it reads every file.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import orjson

from generator.units import FileText
from generator.writer import MANIFEST

_FORMAT = "specgen-output-record-2"

Stat = tuple[int, int, int, int]  # inode, size, mtime and ctime (ns)


def _stat_key(path: str | Path) -> Stat | None:
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def manifest_hashes(files: Mapping[str, FileText]) -> dict[str, str]:
    """The SHA-256 of each output file as the run's manifest records it (empty without one)."""
    manifest = files.get(MANIFEST)
    if not isinstance(manifest, str):
        return {}
    try:
        recorded = orjson.loads(manifest)["files"]
    except (KeyError, ValueError, TypeError):
        return {}
    return recorded if isinstance(recorded, dict) else {}


class OutputRecord:
    """One output directory's record, in ``folder`` (the cache's ``outputs/``)."""

    def __init__(
        self, folder: Path, out: Path, files: Mapping[str, FileText], hashes: dict[str, str] | None = None
    ) -> None:
        name = hashlib.sha256(str(out.absolute()).encode("utf-8", "surrogateescape")).hexdigest()[:32]
        self.path = folder / f"{name}.json"
        # The new output's, from its manifest (or given: the run cache's record of an earlier run).
        self.hashes = manifest_hashes(files) if hashes is None else hashes
        self.known = self._load()  # rel -> (stat, sha256) as last recorded

    def _load(self) -> dict[str, tuple[Stat, str]]:
        try:
            data: Any = orjson.loads(self.path.read_bytes())
        except (OSError, ValueError):
            return {}
        if (
            not isinstance(data, dict)
            or data.get("format") != _FORMAT
            or not isinstance(data.get("files"), dict)
        ):
            return {}
        known = {}
        for rel, entry in data["files"].items():
            if isinstance(entry, list) and len(entry) == 5:
                ino, size, mtime, ctime, digest = entry
                known[rel] = ((ino, size, mtime, ctime), digest)
        return known

    def holds(self, rel: str, path: Path) -> bool | None:
        """Whether the file at ``path`` holds exactly the new output's ``rel``, as recorded: True or
        False (its bytes, whose hash was recorded, are the new ones or not), None where the record
        cannot say (no entry, or the file's inode, size or times moved since)."""
        entry = self.known.get(rel)
        new = self.hashes.get(rel)
        if entry is None or new is None or _stat_key(path) != entry[0]:
            return None
        return entry[1] == new

    def save(self, out: Path) -> None:
        """Record ``out`` as holding the new output (call after it was written or found up to date)."""
        files = {}
        root = os.fspath(out)  # plain strings: thousands of files
        for rel, digest in self.hashes.items():
            key = _stat_key(os.path.join(root, rel))
            if key is not None:
                files[rel] = [*key, digest]
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as handle:
                handle.write(orjson.dumps({"format": _FORMAT, "files": files}))
            os.replace(tmp, self.path)
        except OSError:
            return  # best effort: without a record the next run reads every file
