"""The only code that touches the output directory: compare, and replace it in one step."""

from __future__ import annotations

import difflib
import hashlib
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from generator.units import THREAD_MIN_BYTES, FileText, Stored, data_of, text_of

MANIFEST = "MANIFEST.json"


class OutputError(Exception):
    """The output directory cannot be (safely) written."""


@dataclass
class Comparison:
    """How the output directory differs from what generation produced."""

    missing: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    orphans: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        """Nothing to write."""
        return not (self.missing or self.changed or self.orphans)


def _check_paths(files: Mapping[str, FileText]) -> None:
    for rel in files:
        pure = PurePosixPath(rel)
        if pure.is_absolute() or ".." in pure.parts or not pure.parts or str(pure) != rel:
            raise OutputError(f"refusing to write {rel!r}: not a plain path inside the output directory")


# Python writes bytecode beside modules it imports; that is not an orphan of ours.
_IGNORED_PARTS = frozenset({"__pycache__"})
# Nor what pip and setuptools leave when a user installs or builds the package in place
# (`pip install ./generated/python`, `python -m build generated/python`).
_BUILD_ARTEFACTS = re.compile(r"python/(?:build|dist|[^/]*\.egg-info)/")


def _ignored(rel: str, parts: tuple[str, ...]) -> bool:
    return bool(_IGNORED_PARTS.intersection(parts)) or _BUILD_ARTEFACTS.match(rel) is not None


def _existing(out: Path) -> dict[str, Path]:
    if not out.is_dir():
        return {}
    found: dict[str, Path] = {}
    _scan(out, "", found)
    return dict(sorted(found.items()))


def _scan(folder: Path, prefix: str, found: dict[str, Path]) -> None:
    """Every file and symlink under ``folder`` (symlinked folders are not entered), as rglob finds them."""
    with os.scandir(folder) as entries:
        for entry in entries:
            rel = prefix + entry.name
            if entry.is_symlink() or entry.is_file():
                if not _ignored(rel, tuple(rel.split("/"))):
                    found[rel] = Path(entry.path)
            elif entry.is_dir() and entry.name not in _IGNORED_PARTS:
                _scan(Path(entry.path), rel + "/", found)


Recorded = Callable[[str, Path], bool | None]


def compare(out: Path, files: Mapping[str, FileText], recorded: Recorded | None = None) -> Comparison:
    """Which expected files are missing or changed, and which files on disk are not expected.

    ``recorded(rel, path)`` may know whether a file on disk holds ``files[rel]`` (True or False;
    None: it cannot say): the output record, generator/output_record.py. A file it knows about
    is not read. A file still in the unit cache (units.Stored) is compared by its hash, so it
    is not read from there either.
    """
    on_disk = _existing(out)
    result = Comparison()
    for rel, text in sorted(files.items()):
        path = on_disk.get(rel)
        known = recorded(rel, path) if recorded is not None and path is not None else None
        if path is None:
            result.missing.append(rel)
        elif known is not None:
            if not known:
                result.changed.append(rel)
        elif path.is_symlink() or not plain_mode(path) or not _holds(path, text):
            result.changed.append(rel)
    result.orphans = sorted(set(on_disk) - set(files))
    return result


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _umask()


def plain_mode(path: Path) -> bool:
    """Whether a file has the permissions a file the writer writes gets (a file whose mode was
    changed by hand is written again, as a cold run would write it)."""
    return path.stat().st_mode & 0o7777 == 0o666 & ~_UMASK


def _holds(path: Path, text: FileText) -> bool:
    if isinstance(text, Stored):
        return hashlib.sha256(path.read_bytes()).hexdigest() == text.sha256
    return path.read_bytes() == data_of(text)


def unified_diff(out: Path, files: Mapping[str, FileText], comparison: Comparison, limit: int = 400) -> str:
    """A unified diff from the disk to the expected output, at most about ``limit`` lines.

    Its cost follows what it shows, not the size of the tree: once ``limit`` lines are out, the
    other changed and missing files are only named; each file is diffed from its first to its
    last changed line (the lines around them, which are the same, are skipped, and the hunks
    numbered as in the whole file), and a file whose changed lines span more than
    :data:`DIFF_SPAN` lines is named with that span instead (difflib's time grows with the
    square of it). Lines end at ``\\n`` only, as the files are written; a file on disk is read
    as its bytes (CRLF endings and a missing last newline show).
    """
    lines: list[str] = []
    same_text: list[str] = []  # changed, but only in kind or permissions
    unshown: list[str] = []
    missing = set(comparison.missing)
    for rel in comparison.changed + comparison.missing:
        path = out / rel
        old = "" if rel in missing else path.read_bytes().decode("utf-8", errors="replace")
        new = text_of(files[rel])
        if old == new and rel not in missing:
            same_text.append(rel)
        elif len(lines) >= limit:
            unshown.append(f"{'missing' if rel in missing else 'changed'}, not shown: {rel}\n")
        else:
            diff = _file_diff(rel, _lines(old), _lines(new))
            lines.extend(diff or [f"missing: {rel} (an empty file)\n"])
    if len(lines) > limit:
        lines = [*lines[:limit], "... (the diff is cut here)\n"]
    lines += unshown
    # Orphans after the cut: a long diff (every header names the spec's hash) must not hide them.
    lines += [
        f"orphan: {rel} (not produced by the spec; generate removes it)\n" for rel in comparison.orphans
    ]
    lines += [
        f"not a plain file: {rel} (the right text, but a link or other permissions than generate gives)\n"
        for rel in same_text
    ]
    return "".join(lines)


# A file whose changed lines span more than this is named, not diffed (difflib takes about 0.1 s
# on 2,000 lines where every tenth changed, and 5 s on 20,000).
DIFF_SPAN = 2000
_HUNK = re.compile(r"@@ -(\d+)((?:,\d+)?) \+(\d+)((?:,\d+)?) @@")


def _lines(text: str) -> list[str]:
    """A text's lines, each with its ``\\n`` (the last without one if the text has none at its end):
    unlike ``str.splitlines``, a line break is ``\\n`` alone, as in the files written."""
    parts = text.split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def _file_diff(rel: str, old: list[str], new: list[str], context: int = 3) -> list[str]:
    """``difflib.unified_diff`` of one file, on the lines between its first and last change."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0  # lines the same at the end (not within the start's)
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    if max(len(old), len(new)) - start - end > DIFF_SPAN:
        return [
            f"--- a/{rel}\n",
            f"+++ b/{rel}\n",
            f"... lines {start + 1} to {len(old) - end} changed (into lines {start + 1} to {len(new) - end} "
            f"of the new file): more than {DIFF_SPAN} lines to diff, not shown\n",
        ]
    first = max(0, start - context)
    a, b = old[first : len(old) - max(0, end - context)], new[first : len(new) - max(0, end - context)]

    def shifted(match: re.Match[str]) -> str:
        return f"@@ -{int(match[1]) + first}{match[2]} +{int(match[3]) + first}{match[4]} @@"

    diff = []
    for line in difflib.unified_diff(a, b, f"a/{rel}", f"b/{rel}", n=context):
        if line.startswith("@@"):
            diff.append(_HUNK.sub(shifted, line, count=1))
        elif line.endswith("\n"):
            diff.append(line)
        else:  # the file's last line, with no newline after it (as diff and patch write it)
            diff += [line + "\n", "\\ No newline at end of file\n"]
    return diff


def _recover(out: Path) -> None:
    """Undo a swap that was cut off between its two renames; drop new trees a killed run left."""
    for partial in out.parent.glob(f".{out.name}.tmp-*"):
        if partial.is_dir() and not partial.is_symlink():
            shutil.rmtree(partial, ignore_errors=True)
    if out.exists():
        return
    leftovers = sorted(out.parent.glob(f".{out.name}.old-*"))
    if leftovers:
        leftovers[-1].rename(out)


def refuse_sources_inside(out: Path, sources: list[Path]) -> None:
    """Refuse to generate into a directory that holds the spec: replacing it would delete the spec."""
    root = out.resolve()
    for source in sources:
        if source.resolve().is_relative_to(root):
            raise OutputError(
                f"the spec file {source} is inside the output directory {out}, which generate replaces "
                "whole; keep the spec outside it (or choose another --out)"
            )


def _fill(tmp: Path, out: Path, files: Mapping[str, FileText], comparison: Comparison) -> None:
    """Write the new tree: a file whose bytes are already in ``out`` is hard-linked from there.

    A linked file keeps its inode and so its mtime: tools that watch the output (MkDocs'
    rebuild) see only the files that changed. Where linking fails (another file system, no
    hard links), the file is written.
    """
    rewrite = set(comparison.changed) | set(comparison.missing)
    made: set[str] = set()
    new, old = os.fspath(tmp), os.fspath(out)  # plain strings: thousands of files
    writes = _Writes()
    try:
        for rel, text in files.items():
            folder, _, _ = rel.rpartition("/")
            if folder not in made:
                os.makedirs(os.path.join(new, folder), exist_ok=True)
                made.add(folder)
            path = os.path.join(new, rel)
            if rel not in rewrite:
                try:
                    os.link(os.path.join(old, rel), path)
                    continue
                except OSError:
                    pass
            writes.write(path, data_of(text))  # units.StaleUnit where a stored text is damaged
    except BaseException:
        writes.join()  # no thread writes into the tree the caller is about to remove
        raise
    writes.finish()


class _Writes:
    """Files written here, or, for one of megabytes, in a thread: the write lets go of the GIL, so
    the links and small files go on meanwhile. :meth:`finish` waits for every thread and raises
    the first error one met (the caller then removes the whole new tree)."""

    BIG = THREAD_MIN_BYTES

    def __init__(self) -> None:
        self.threads: list[threading.Thread] = []
        self.errors: list[BaseException] = []  # an OSError is bad output; anything else a bug, raised as is

    def write(self, path: str, data: bytes) -> None:
        if len(data) < self.BIG:
            _write(path, data)
            return
        thread = threading.Thread(target=self._write, args=(path, data), daemon=True)
        thread.start()
        self.threads.append(thread)

    def _write(self, path: str, data: bytes) -> None:
        try:
            _write(path, data)
        except BaseException as exc:  # noqa: BLE001 - handed to the main thread, which raises it
            self.errors.append(exc)

    def join(self) -> None:
        for thread in self.threads:
            thread.join()

    def finish(self) -> None:
        self.join()
        if self.errors:
            raise self.errors[0]


def _write(path: str, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)


def write_tree(out: Path, files: Mapping[str, FileText], recorded: Recorded | None = None) -> Comparison:
    """Make ``out`` hold exactly ``files``: build a full new tree beside it, then swap it in.

    Unchanged files are hard-linked into the new tree (their mtime survives), the others written.
    ``recorded`` is :func:`compare`'s.

    If anything fails before the swap, ``out`` is left byte for byte as it was. A
    non-empty ``out`` that has no manifest was not made by this tool and is refused.
    """
    _check_paths(files)
    out = out.absolute()
    if out.is_symlink():
        out = Path(os.path.realpath(out))  # a link to the output folder: replace the folder it names
    _recover(out)
    comparison = compare(out, files, recorded)
    if comparison.clean:
        return comparison
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out} exists and is not a directory")
    if out.is_dir() and any(out.iterdir()) and not (out / MANIFEST).is_file():
        raise OutputError(
            f"refusing to replace {out}: it is not empty and has no {MANIFEST}, so it was not "
            "generated by this tool; remove it or choose another --out"
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    try:
        _fill(tmp, out, files, comparison)
        tmp.chmod(0o755)
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
            old.rmdir()
            os.rename(out, old)
            try:
                os.rename(tmp, out)
            except OSError:
                os.rename(old, out)
                raise
            shutil.rmtree(old, ignore_errors=True)  # the new tree is in place: the old one is only litter
        else:
            os.rename(tmp, out)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)
    return comparison
