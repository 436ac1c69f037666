"""The front end of a run (read, check, model the spec) in proportion to the edit, with the cache on.

:func:`load` is the one seam: with the cache off it is ``load_path`` and ``validate_document``;
with it on, it reads each spec file in segments (generator/yaml_segments.py: unchanged
segments come from the cache) and checks, of the objects, only those not known to pass: an
object passed before if the schema and the meaning checks found nothing in a run where its
segment had the same bytes, in the same context (the toolkit, the languages, the names of the
objects and scopes, and the bytes of every object its fields' types name, through any
depth). Everything else in the spec is checked whole on every run, as are the checks that
look across objects (names, endpoints, the package).

Any doubt goes the plain way: a layout the segments cannot be trusted for, a problem anywhere
(the plain path then reports every problem, with its position, as it always does), an entry
whose checksum fails. So the Document's data and the Spec are exactly the plain path's, and
the Document's positions too, placed when first asked for; ``tests/test_front.py`` checks it
on random edits.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator import cache, checks, schema_fast, texts
from generator.blob_store import BlobStore
from generator.metadata import metadata_problems
from generator.spec import _fast_check, validate_document
from generator.spec_model import Spec, build
from generator.yaml_document import Document, LazyDocument
from generator.yaml_segments import Pending, SegmentCache, placing, read
from generator.yaml_source import (
    MAX_FILE_BYTES,
    _decode,
    display_name,
    load_path,
    merge_quietly,
    read_spec_bytes,
    source_name,
    spec_files,
)

_FORMAT = b"specgen-front-1"
_KEY_SIZE = 32


class FrontCache:
    """This toolkit's segment readings and objects known to pass, under the cache directory."""

    def __init__(self, base: Path | None, salt: bytes) -> None:
        folder = base / "front" / salt.hex()[:32] if base is not None else None
        self.salt = salt
        self.segments = SegmentCache(BlobStore(folder / "segments" if folder else None), salt)
        self.passed = BlobStore(folder / "passed" if folder else None)
        self.identities: dict[str, bytes] = {}  # each object's segment key, for this run
        self.checked: list[str] = []  # the objects this run checked (the others passed before)
        self.segmented = False  # whether load's Document and Spec came from the segments

    def segment_keys(self) -> dict[str, bytes]:
        """Each object's segment key, where the last :func:`load` read the spec in segments (the
        objects' spec model is then made from those bytes and the languages alone); else none."""
        return self.identities if self.segmented else {}

    @classmethod
    def for_run(cls) -> FrontCache | None:
        """The cache of this run, or None when caching is off."""
        base = cache.directory()
        if base is None:
            return None
        cache.toolkit_folder("front")  # marks this toolkit's folder used, drops the oldest others
        return cls(base, cache.toolkit_digest())


def load(path: Path, front: FrontCache | None = None) -> tuple[Document, Spec]:
    """The spec at ``path`` read and validated: the same data, positions and Spec whichever way.

    Raises SpecError with every problem (from the plain path) when the spec has any.
    """
    front = front if front is not None else FrontCache.for_run()
    if front is not None:
        segmented = _read_segmented(path, front)
        front.segments.close()
        if segmented is not None:
            spec = _validated(segmented, front)
            if spec is not None:
                front.segmented = True
                return segmented, spec
    doc = load_path(path, lazy=True)
    return doc, validate_document(doc)


def _read_segmented(path: Path, front: FrontCache) -> LazyDocument | None:
    """The spec read in segments, or None to read it the plain way (which reports any problem)."""
    try:
        files = spec_files(path)
        raws = [(file, read_spec_bytes(file)) for file in files]
    except OSError:
        return None
    merged: dict[str, Any] = {}
    pending = []
    for file, raw in raws:
        display = display_name(file)
        text = _decode(display, raw, []) if len(raw) <= MAX_FILE_BYTES else None
        found = read(text, front.segments) if text is not None else None
        if found is None or not merge_quietly(merged, found[0]):
            return None
        pending.append(Pending(display, found[1], found[2]))
        for segment in found[1].segments:
            if segment.group == "objects":
                front.identities[segment.key] = front.segments.key(segment)
    if not raws:
        return None
    return LazyDocument(
        merged,
        files=tuple(display_name(file) for file, _ in raws),
        texts=tuple(raw for _, raw in raws),
        sources=tuple(source_name(file) for file, _ in raws),
        place=placing(pending),
    )


def _validated(doc: Document, front: FrontCache) -> Spec | None:
    """The Spec, checking only the objects not known to pass; None at any problem or doubt."""
    data = doc.data
    objects = data.get("objects")
    if not isinstance(objects, dict) or not objects or set(objects) != set(front.identities):
        return None
    keys = _object_keys(data, objects, front)
    store_key = hashlib.sha256(_FORMAT + front.salt + b"\0" + "\0".join(doc.sources).encode()).digest()
    passed = _passed(front.passed.get(store_key))
    todo = front.checked = [name for name in objects if keys[name] not in passed]
    # The schema, on the spec with only those objects (at least one: `objects` needs one).
    restricted = {**data, "objects": {name: objects[name] for name in todo or list(objects)[:1]}}
    if not schema_fast.certainly_valid(_fast_check(), restricted):
        return None
    # Checked on a view without positions: a problem sends the run the plain way, which reports it.
    view = Document(data, files=doc.files, texts=doc.texts, sources=doc.sources)
    if checks.meaning_problems(view, todo) or metadata_problems(view):
        return None
    spec = build(texts.without_ignores(view))
    if todo:  # this run's objects, and those of the runs before up to a bound (an edit undone)
        kept = set(keys.values())
        kept.update(sorted(passed - kept)[: 3 * len(kept)])
        front.passed.put(store_key, b"".join(sorted(kept)))
    return spec


def _passed(body: bytes | None) -> frozenset[bytes]:
    if body is None or len(body) % _KEY_SIZE:
        return frozenset()
    return frozenset(body[i : i + _KEY_SIZE] for i in range(0, len(body), _KEY_SIZE))


def _object_keys(data: dict[str, Any], objects: dict[str, Any], front: FrontCache) -> dict[str, bytes]:
    """Each object's key: its segment, the context, and the segments of the objects it names.

    An object that is not valid (a ``type`` elsewhere than where the schema puts it) is never
    known to pass: the schema check of this run, which it then gets, sends the run the plain way.
    """
    context = json.dumps(
        [data.get("languages"), list(objects), list(data.get("scopes") or ())], default=str
    ).encode()
    base = hashlib.sha256(_FORMAT + b"\0" + front.salt + b"\0" + context).digest()
    named = {name: sorted(set(_type_names(obj)) & set(objects)) for name, obj in objects.items()}
    keys = {}
    for name in objects:
        reached = _reach(name, named)
        digest = hashlib.sha256(base)
        for other in sorted(reached):
            digest.update(other.encode() + b"\0" + front.identities[other])
        keys[name] = digest.digest()
    return keys


def _reach(start: str, named: dict[str, list[str]]) -> set[str]:
    """The object and every object it names, through any depth."""
    seen = {start}
    todo = [start]
    while todo:
        for other in named[todo.pop()]:
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return seen


def _type_names(obj: Any) -> Iterator[str]:
    """The types an object's fields name, their items' included (where a valid object names any)."""
    fields = obj.get("fields") if isinstance(obj, dict) else None
    for field in fields.values() if isinstance(fields, dict) else ():
        while isinstance(field, dict):
            name = field.get("type")
            if isinstance(name, str):
                yield name
            field = field.get("items")
