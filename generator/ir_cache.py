"""Each object's IR kept between runs, keyed by its spec input: a speed-only seam of ``build_ir``.

``build_ir(spec, ObjectCache(units).make)`` gives the same IR as ``build_ir(spec)``
(``tests/test_incremental.py`` checks both the IR and every output file); it only skips work:

- An object's key is the SHA-256 of the toolkit's digest and everything :func:`ir.object_ir`
  reads (:func:`ir.object_inputs`: the object's spec, the languages, its module, which of its
  fields' names are class names and which references are forward). An unchanged object's IR
  is read back from ``<units folder>/ir/`` (unpickling 500 objects costs about a third of
  building them) instead of built. Where the front end read the object's segment
  (generator/front.py), the segment's key stands for the object's spec in the key: it is the
  digest of the segment's bytes (and the toolkit), and the spec model of an object is made from
  those bytes and the languages alone, so dumping the spec (megabytes at 500 objects) is spared.
- The key is also the object's digest for the unit cache (``units.remember``): the model module
  and pages that show the object are keyed by it, without dumping the whole IR to JSON.

Entries carry the checksum of generator/units.py (a damaged or foreign one is never used) and are
unpickled by an unpickler that makes nothing but the IR's own three classes: whatever the file
says, loading it runs no other code. An entry that fails any check is built again and rewritten.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Mapping
from typing import Any

import orjson

from generator import ir, units
from generator.blob_store import Pack
from generator.spec import ObjectSpec

_ALLOWED = {("generator.ir", name) for name in ("ObjectIR", "FieldIR", "Translation")}


class _IRUnpickler(pickle.Unpickler):
    """Makes only the IR's dataclasses (and pickle's plain values): never imports or calls anything else."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of an object's IR")
        return super().find_class(module, name)


def _load(body: bytes) -> ir.ObjectIR | None:
    try:
        value = _IRUnpickler(io.BytesIO(body)).load()
    except Exception:  # noqa: BLE001 - any failure to read an entry means building the object again
        return None
    return value if isinstance(value, ir.ObjectIR) else None


class ObjectCache:
    """Objects' IR by their spec input, in a unit cache's folder; remembers each object's digest."""

    def __init__(
        self, cache: units.UnitCache, name: bytes = b"ir", segments: Mapping[str, bytes] | None = None
    ) -> None:
        self.cache = cache
        self.segments = segments or {}  # each object's segment key, where the front end read it
        self.pack = Pack(cache.store, name)  # the last run's entries, read in one go
        self.digests: dict[int, tuple[Any, str]] = {}  # id(ObjectIR) -> (the IR, its key), for units
        self.loaded = 0
        self.built = 0

    def key(self, o: ObjectSpec, context: Any, module: str) -> bytes | None:
        """The object's key; None when an input has no JSON form (it is then built every time)."""
        segment = self.segments.get(o.name)
        try:
            if segment is None:
                data = orjson.dumps(ir.object_inputs(o, context, module), option=orjson.OPT_NON_STR_KEYS)
            else:
                inputs = (o.name, segment.hex(), *ir.surroundings(o, context, module))
                data = b"segment\0" + orjson.dumps(inputs, option=orjson.OPT_NON_STR_KEYS)
        except orjson.JSONEncodeError:
            return None
        return hashlib.sha256(self.cache.salt + b"\0object-ir\0" + data).digest()

    def make(self, o: ObjectSpec, context: Any, module: str) -> ir.ObjectIR:
        """The object's IR: read back when its key is stored (and proven), else built and stored."""
        key = self.key(o, context, module)
        if key is None:
            self.built += 1
            return ir.object_ir(o, context, module)
        stored = self.pack.get(b"ir" + key)  # None without a folder
        made = _load(stored) if stored is not None else None
        if made is None or made.name != o.name:
            made = ir.object_ir(o, context, module)
            self.built += 1
            self.pack.put(b"ir" + key, pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL))
        else:
            self.loaded += 1
        self.digests[id(made)] = (made, "ir:" + key.hex())
        return made


def build_ir(
    spec: Any, cache: units.UnitCache | None, segments: Mapping[str, bytes] | None = None
) -> ir.ProjectIR:
    """``ir.build_ir``, with the objects kept in ``cache``'s folder when it has one (and their
    digests then serving that cache's units). ``segments``: each object's segment key, from a
    front end that read this very spec in segments (``front.FrontCache.segment_keys``)."""
    if cache is None or not cache.enabled or cache.folder is None:
        return ir.build_ir(spec)
    objects = ObjectCache(cache, "\0".join(["ir", *spec.sources]).encode(), segments)
    project = ir.build_ir(spec, objects.make)
    objects.pack.close()
    units.remember(objects.digests)
    return project
