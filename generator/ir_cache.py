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
- An entry keeps the object without its fields, then its fields apart: a loaded object's fields
  (:class:`LazyFields`) are unpickled where something first reads them. A run after one edit
  reads the fields of the few objects it renders; the whole-project views (the scopes' fields,
  the model modules' imports, the pages' links) read the summary every object carries
  (``ObjectIR.field_scopes``, ``references``, ``uses_literal``). At 500 objects this takes the
  IR of such a run from about 0.24 to 0.1 s.

Entries carry the checksum of generator/units.py (a damaged or foreign one is never used) and are
unpickled by an unpickler that makes nothing but the IR's own three classes: whatever the file
says, loading it runs no other code. An entry that fails any check is built again and rewritten.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import pickle
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, overload

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


def _unpickle(body: bytes | memoryview) -> Any:
    return _IRUnpickler(io.BytesIO(body)).load()


class LazyFields(Sequence[ir.FieldIR]):
    """A loaded object's fields, unpickled on first use: a run reads the fields of the objects an
    edit touched (and of a few an endpoint shows), the whole-project views read the summary the
    object carries (``ObjectIR.field_scopes``, ``references``). Equal (and hashing alike) to the
    tuple of the same fields, so the object equals the one built cold."""

    __slots__ = ("_body", "_build", "_value")

    def __init__(self, body: bytes, build: Callable[[], tuple[ir.FieldIR, ...]]) -> None:
        self._body = body
        self._build = build  # the fields built from the spec, where the entry's cannot be read back
        self._value: tuple[ir.FieldIR, ...] | None = None

    def _fields(self) -> tuple[ir.FieldIR, ...]:
        if self._value is None:
            try:
                value = _unpickle(self._body)
            except Exception:  # noqa: BLE001 - an entry that fails to read is built again
                value = None
            if not isinstance(value, tuple) or not all(isinstance(f, ir.FieldIR) for f in value):
                value = self._build()
            self._value, self._body = value, b""
        return self._value

    @overload
    def __getitem__(self, index: int) -> ir.FieldIR: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[ir.FieldIR, ...]: ...

    def __getitem__(self, index: int | slice) -> ir.FieldIR | tuple[ir.FieldIR, ...]:
        return self._fields()[index]

    def __len__(self) -> int:
        return len(self._fields())

    def __iter__(self) -> Iterator[ir.FieldIR]:
        return iter(self._fields())

    def __eq__(self, other: object) -> bool:
        return self._fields() == (other._fields() if isinstance(other, LazyFields) else other)

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return repr(self._fields())


def _dump(made: ir.ObjectIR) -> bytes:
    """An entry: the length of the object's pickle without its fields, that pickle, then its fields'."""
    head = pickle.dumps(dataclasses.replace(made, fields=()), protocol=pickle.HIGHEST_PROTOCOL)
    return len(head).to_bytes(4, "big") + head + pickle.dumps(made.fields, protocol=pickle.HIGHEST_PROTOCOL)


def _load(body: bytes, build: Callable[[], tuple[ir.FieldIR, ...]]) -> ir.ObjectIR | None:
    """The object of an entry, its fields left to read on first use (None: build it again)."""
    size = int.from_bytes(body[:4], "big")
    try:
        value = _unpickle(memoryview(body)[4 : 4 + size])
    except Exception:  # noqa: BLE001 - any failure to read an entry means building the object again
        return None
    if not isinstance(value, ir.ObjectIR) or value.fields != () or len(body) <= 4 + size:
        return None
    # The one place an IR value is amended: its fields, read back where first used.
    object.__setattr__(value, "fields", LazyFields(body[4 + size :], build))
    return value


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
        made = _load(stored, lambda: ir.object_ir(o, context, module).fields) if stored is not None else None
        if made is None or made.name != o.name:
            made = ir.object_ir(o, context, module)
            self.built += 1
            self.pack.put(b"ir" + key, _dump(made))
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
