"""A content-addressed cache that lets ``generate`` and ``check`` skip work that cannot change the output.

What it stores, all under one directory (``.cache/specgen/`` beside ``templates/`` in a
checkout, ignored by git, or the user's cache folder, ``$XDG_CACHE_HOME/specgen`` or
``~/.cache/specgen``, for an installed toolkit; ``SPECGEN_CACHE=<dir>`` moves it,
``SPECGEN_CACHE=off`` turns it off):

- ``runs/<toolkit digest>/<key>.json``: for one set of inputs, the SHA-256 of every output
  file. The key hashes everything the output depends on: the spec files' names (as shown in
  headers) and bytes, every file of the generator and its templates, the Python version, and
  the installed black, Jinja2, PyYAML and jsonschema (path, size and mtime of their
  ``__init__``). If the output directory already holds exactly those files, nothing runs.
- ``jinja/<toolkit digest>/``: Jinja2's bytecode cache of the compiled templates, keyed by
  template name and checked against the template source on every load; each entry checksummed
  (``templating.CheckedBytecodeCache``).
- ``front/<toolkit digest>/``: the spec files' segments as read, and the objects known to
  pass the checks (generator/front.py, generator/yaml_segments.py), each entry checksummed.
- ``units/<toolkit digest>/``: each object's IR (generator/ir_cache.py) and each rendered unit
  (generator/units.py), checksummed; the index of the units' hashes, and packs that hold what
  one kind of work read in its last run in one entry (generator/blob_store.py).
- ``outputs/``: what generate last left in each output directory (generator/output_record.py).

Each area keeps the folders of the last :data:`KEPT_TOOLKITS` toolkits used (another version,
an edited template) and drops older ones when a run opens its own; a toolkit's folder that has
grown past :data:`MAX_FOLDER_BYTES` (the entries of many edits) is emptied when a run next
opens it. The output never depends on the cache: a hit only skips recomputing bytes that would
be identical, and a miss, a corrupt entry or an unwritable directory just means more work. The cache modules (this one,
blob_store.py, output_record.py) and Jinja2's bytecode cache are the only code that writes
there; nothing here writes the output directory (that is writer.py).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from importlib.util import find_spec
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.paths import default_cache, toolkit_sources

if TYPE_CHECKING:
    from generator.units import FileText

_PACKAGES = ("black", "jinja2", "yaml", "jsonschema")
_FORMAT = "specgen-cache-1"


def directory() -> Path | None:
    """The cache directory, or None when caching is off."""
    setting = os.environ.get("SPECGEN_CACHE", "")
    if setting.lower() in ("off", "0", "no", "false"):
        return None
    return Path(setting) if setting else default_cache()


def _toolkit_files() -> list[tuple[str, str, tuple[int, ...]]]:
    """Each file of the toolkit: its name in the digest, its path, and its inode, size, mtime and ctime."""
    found = []
    for base in toolkit_sources():
        root = os.fspath(base)
        for folder, subfolders, names in os.walk(root):
            subfolders[:] = [name for name in subfolders if name != "__pycache__"]
            for name in names:
                path = os.path.join(folder, name)
                st = os.stat(path)
                rel = os.path.relpath(path, root).replace(os.sep, "/")
                found.append(
                    (f"{base.name}/{rel}", path, (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns))
                )
    return sorted(found)


_DIGESTS: dict[tuple[object, ...], bytes] = {}  # this process's digests, by the files' stat


def toolkit_digest() -> bytes:
    """The digest of the toolkit: its code and templates, Python's version, the packages it renders with.

    Several parts of a run ask for it; the files are read and hashed again only when one of
    them was written since (any write changes a file's ctime, which no tool can set back), so a
    long-lived ``specgen watch`` still sees an edited template."""
    files = _toolkit_files()
    packages = []
    for name in _PACKAGES:
        spec = find_spec(name)
        origin = spec.origin if spec else None
        stat = os.stat(origin) if origin else None
        packages.append(
            f"{name}\0{origin}\0{stat.st_size if stat else 0}\0{stat.st_mtime_ns if stat else 0}\0"
        )
    signature = (tuple((name, st) for name, _, st in files), tuple(packages))
    known = _DIGESTS.get(signature)
    if known is not None:
        return known
    digest = hashlib.sha256(f"{_FORMAT}\0{sys.version}\0".encode())
    for name, path, _ in files:
        with open(path, "rb") as handle:
            digest.update(name.encode() + b"\0" + handle.read() + b"\0")
    for line in packages:
        digest.update(line.encode())
    _DIGESTS.clear()
    _DIGESTS[signature] = digest.digest()
    return _DIGESTS[signature]


def run_key(sources: list[tuple[str, bytes]]) -> str:
    """The key of one generation: the toolkit and the spec sources (display name, bytes)."""
    digest = hashlib.sha256(toolkit_digest())
    for name, raw in sources:
        digest.update(name.encode() + b"\0" + hashlib.sha256(raw).digest())
    return digest.hexdigest()


def _hashes(files: Mapping[str, FileText]) -> dict[str, str]:
    from generator.output_record import manifest_hashes  # what the manifest already hashed
    from generator.units import sha256_of

    known = manifest_hashes(files)
    return {path: known.get(path) or sha256_of(text) for path, text in sorted(files.items())}


def lookup(key: str) -> dict[str, str] | None:
    """The output hashes recorded for ``key``, if any."""
    runs = toolkit_folder("runs")
    if runs is None:
        return None
    try:
        entry: Any = json.loads((runs / f"{key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    files = entry.get("files") if isinstance(entry, dict) else None
    if not isinstance(files, dict) or entry.get("checksum") != _run_checksum(key, files):
        return None  # damaged, or another key's entry copied here
    return files


def _run_checksum(key: str, files: dict[str, Any]) -> str:
    """A run entry's checksum: its key and its hashes (an entry is only ever its own key's)."""
    return hashlib.sha256((key + "\0" + json.dumps(files, sort_keys=True)).encode()).hexdigest()


def store(key: str, files: Mapping[str, FileText]) -> None:
    """Record the hashes of a generation's files under ``key`` (best effort, atomic)."""
    runs = toolkit_folder("runs")
    if runs is None:
        return
    try:
        runs.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=runs, prefix=".tmp-")
        hashes = _hashes(files)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(
                {"checksum": _run_checksum(key, hashes), "files": hashes}, handle, indent=0, sort_keys=True
            )
        os.replace(tmp, runs / f"{key}.json")
    except OSError:
        return


def output_matches(
    out: Path, expected: dict[str, str], recorded: Callable[[str, Path], bool | None] | None = None
) -> bool:
    """Whether ``out`` holds exactly the files with these hashes (as writer.compare would see it).

    ``recorded`` (generate's output record, generator/output_record.py; never given for check)
    knows about a file without reading it (True, False; None: it cannot say); any other file
    is read and hashed."""
    from generator.writer import _existing, plain_mode  # the writer's own notion of the files there

    on_disk = _existing(out.absolute())
    if set(on_disk) != set(expected):
        return False
    for rel, path in on_disk.items():
        if path.is_symlink():
            return False
        known = recorded(rel, path) if recorded is not None else None
        if known is not None:
            if not known:
                return False
            continue
        if not plain_mode(path) or hashlib.sha256(path.read_bytes()).hexdigest() != expected[rel]:
            return False
    return True


# Each area of the cache (units, front, jinja) keeps the folders of this many toolkits: this one
# and the ones used last before it (another checkout, the version before an upgrade, a template
# edited back and forth). Older folders are removed when a run opens its own.
KEPT_TOOLKITS = 3
# Within one toolkit's folder, the entries of every edit stay (an edit undone, another spec in the
# same cache folder find theirs); at 500 objects an edit adds about half a megabyte. A folder
# found past this size is emptied when a run next opens it (that run renders what it needs
# again, as after a toolkit change). Its size is measured by a process of its own, at most
# once every MEASURE_EVERY seconds; the last measure is kept in the folder's SIZE_FILE.
MAX_FOLDER_BYTES = 1 << 30
MEASURE_EVERY = 86_400
SIZE_FILE = ".size"


def toolkit_folder(area: str, width: int = 32) -> Path | None:
    """This toolkit's folder in one area of the cache (None when caching is off); opening it marks
    it used and removes the folders of the toolkits used longest ago (see :data:`KEPT_TOOLKITS`),
    and empties it when it has grown past :data:`MAX_FOLDER_BYTES`."""
    base = directory()
    if base is None:
        return None
    parent = base / area
    folder = parent / toolkit_digest().hex()[:width]
    try:
        trash = _emptied_if_too_big(folder)
        folder.mkdir(parents=True, exist_ok=True)
        os.utime(folder)
        _measure_now_and_then(folder)
        others = []
        with os.scandir(parent) as entries:
            for entry in entries:
                stat = entry.stat(follow_symlinks=False)
                if entry.name.startswith(".trash-"):
                    if stat.st_mtime < time.time() - 3600:
                        trash.append(entry.path)  # its remover died: try again
                elif entry.is_dir(follow_symlinks=False) and entry.name != folder.name:
                    others.append((stat.st_mtime_ns, entry.name))
                elif entry.name.endswith(".json") and entry.is_file(follow_symlinks=False):
                    os.unlink(entry.path)  # a run entry of the layout before runs/<toolkit>/
        for _, name in sorted(others, reverse=True)[KEPT_TOOLKITS - 1 :]:
            gone = parent / f".trash-{name}"
            os.rename(parent / name, gone)  # at once; removed below
            os.utime(gone)
            trash.append(os.fspath(gone))
        if trash:
            _remove_apart(trash)
    except OSError:
        pass  # best effort: a read-only cache still serves what it holds
    return folder


def _emptied_if_too_big(folder: Path) -> list[str]:
    """Move the folder aside (to be removed) when its last measure is past the bound; what to remove."""
    try:
        size = int((folder / SIZE_FILE).read_text(encoding="ascii"))
    except (OSError, ValueError):
        return []
    if size <= MAX_FOLDER_BYTES:
        return []
    gone = folder.parent / f".trash-{folder.name}-{time.time_ns()}"
    os.rename(folder, gone)
    os.utime(gone)  # (a trash folder an hour old is one whose remover died)
    return [os.fspath(gone)]


def _measure_now_and_then(folder: Path) -> None:
    """Have the folder's size measured (apart) when its last measure is a day old (a new folder is
    taken as empty: it is first measured a day later)."""
    mark = folder / SIZE_FILE
    try:
        if mark.stat().st_mtime > time.time() - MEASURE_EVERY:
            return
        before = mark.read_text(encoding="ascii")
    except FileNotFoundError:
        mark.write_text("0", encoding="ascii")
        return
    mark.write_text(before, encoding="ascii")  # measured from now: one run a day starts a measure
    _measure_apart(os.fspath(folder))


# Sums the size of a folder's files and writes it into its SIZE_FILE (atomically).
_MEASURE = """import os, sys, tempfile
folder = sys.argv[1]
total = 0
for root, _, names in os.walk(folder):
    for name in names:
        try:
            total += os.lstat(os.path.join(root, name)).st_size
        except OSError:
            pass
fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-size-")
with os.fdopen(fd, "w") as handle:
    handle.write(str(total))
os.replace(tmp, os.path.join(folder, sys.argv[2]))
"""


def _measure_apart(folder: str) -> Any:
    """Measure a folder in a process of its own (returned): a large one takes a while."""
    return _apart(_MEASURE, folder, SIZE_FILE)


def _remove_apart(paths: list[str]) -> Any:
    """Remove folders in a process of its own (returned): a large one takes seconds, and the
    removal outlives this run."""
    script = "import shutil, sys\nfor path in sys.argv[1:]:\n    shutil.rmtree(path, ignore_errors=True)\n"
    return _apart(script, *paths)


def _apart(script: str, *args: str) -> Any:
    """Run a short Python script in a process of its own, which outlives this run (returned)."""
    import subprocess

    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def jinja_bytecode_cache() -> Any:
    """Jinja2's bytecode cache in the cache directory, or None when caching is off or impossible."""
    # Jinja keys its entries by template name and source only, so the folder is per toolkit
    # (environment options, Jinja's version).
    folder = toolkit_folder("jinja", 16)
    if folder is None or not folder.is_dir():
        return None
    from generator.blob_store import BlobStore
    from generator.templating import CheckedBytecodeCache

    return CheckedBytecodeCache(BlobStore(folder))
