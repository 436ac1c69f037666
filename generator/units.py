"""Incremental rendering: each unit of work (a model module, a docs page) cached by what it reads.

A unit's template gets only what its digest covers: the unit's own IR (the object or the
endpoint, which carry everything they show of the objects they refer to), its page view
(labels, links, examples) and a :class:`ProjectSlice`, a few named attributes of the project
in place of the whole project (the strict environment fails on any other). So a template
change that reads something new fails loudly until the slice names it, and then the digest
covers it. The digest also covers the toolkit (generator code, templates, Python, black:
``cache.toolkit_digest``), so a hit is byte for byte what rendering would give.

Entries live under ``<cache>/units/<toolkit digest>/``, one file a unit: the SHA-256 of the
unit's digest and text on the first line, then the text. An entry whose checksum does not
match (damaged, truncated, or copied from another key or another toolkit) is ignored and
rendered again. Each :class:`UnitCache` also keeps its entries in memory, so one that lives
across runs (``pipeline.Incremental``, for ``specgen watch``) reads the disk only once. With
template overrides, or the cache off, nothing is stored and every unit renders.

A ``generate`` run's cache is *lazy* for whole-file units (a model module, an object's or
endpoint's page): the folder's index (``index`` entry: each unit key of the last runs with the
SHA-256 of its text) lets :meth:`UnitCache.file` hand out a :class:`Stored` in place of the text.
Its hash fills the manifest, and the writer compares it with the output record's, so a file
that did not change is linked, never read from the cache; the text is read (and its checksum and
hash verified) only where a file must be written or diffed. A damaged entry found then raises
:class:`StaleUnit`, and the command renders again without the index.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import is_dataclass
from pathlib import Path
from typing import Any

import orjson

from generator import cache
from generator.blob_store import BlobStore, Pack

_OPTIONS = orjson.OPT_NON_STR_KEYS
_PASS = orjson.OPT_PASSTHROUGH_DATACLASS  # top-level dataclasses go through the memo


class ProjectSlice:
    """The named attributes of a project, and nothing else, for a unit's template."""

    def __init__(self, project: Any, names: tuple[str, ...]) -> None:
        self.values = {name: getattr(project, name) for name in names}
        self.__dict__.update(self.values)


def digest_of(
    kind: str,
    *inputs: Any,
    memo: dict[int, tuple[Any, str]] | None = None,
    shared: dict[int, tuple[Any, str]] | None = None,
) -> bytes | None:
    """The digest of one unit: its kind and its inputs (IR dataclasses, dicts, strings, slices).

    Each dataclass instance among the inputs (an object's IR, a page view) is digested whole
    once and, given a ``memo`` (kept for one run), remembered by identity: an object's IR is
    shared by its model module and its pages in every language. ``shared`` values (a language's
    labels, registered once a run by :meth:`UnitCache.share`) stand for their digest among a
    dataclass's fields. None when an input has no JSON form (an integer past 64 bits in an
    example): that unit is then rendered every time.
    """
    memo = {} if memo is None else memo
    shared = {} if shared is None else shared

    def whole(value: Any) -> str | list[Any]:
        if not is_dataclass(value):
            return _as_list(value)
        found = memo.get(id(value)) or _KNOWN.get(id(value))
        if found is None:
            payload = _shallow(value, shared) if _KNOWN or shared else value
            data = type(value).__qualname__.encode() + orjson.dumps(
                payload, default=_as_list, option=_OPTIONS
            )
            found = memo[id(value)] = (value, hashlib.sha256(data).hexdigest())
        return found[1]

    digest = hashlib.sha256(kind.encode() + b"\0")
    try:
        for value in inputs:
            data = value.values if isinstance(value, ProjectSlice) else value
            digest.update(orjson.dumps(data, default=whole, option=_OPTIONS | _PASS))
            digest.update(b"\0")
    except orjson.JSONEncodeError:
        return None
    return digest.digest()


def _as_list(value: Any) -> list[Any]:
    """A sequence other than a tuple or list (an object's fields read back lazily, ir_cache.LazyFields)
    as the list of its items; anything else has no JSON form here."""
    if isinstance(value, Sequence) and not isinstance(value, (str, bytes)):
        return list(value)
    raise TypeError(type(value).__name__)


# Digests decided before rendering, by identity (generator/ir_cache.py: an object's IR by its spec
# input): each value is kept with its digest, so its id cannot be reused while it is here.
_KNOWN: dict[int, tuple[Any, str]] = {}


def _shallow(value: Any, shared: dict[int, tuple[Any, str]]) -> dict[str, Any]:
    """A dataclass's fields, each known or shared value among them (or in a tuple of known ones)
    as its digest.

    An IR field holds either such a value or something else, never a string like a digest, so
    the substitution keeps distinct values distinct. A model module (its objects) or an endpoint
    (its response and selectable object) is then digested without dumping those objects again,
    and a page without dumping its language's labels again.
    """
    out: dict[str, Any] = {}
    for name in value.__dataclass_fields__:
        item = getattr(value, name)
        known = _KNOWN.get(id(item)) or shared.get(id(item))
        if known is not None:
            item = known[1]
        elif isinstance(item, tuple) and item and id(item[0]) in _KNOWN:
            item = [_KNOWN[id(x)][1] if id(x) in _KNOWN else x for x in item]
        out[name] = item
    return out


def remember(digests: dict[int, tuple[Any, str]]) -> None:
    """Use these digests (by ``id``, with the value kept) for the IR values they name, in place of
    dumping them, until the next call replaces them. A digest must change whenever its value's
    JSON form would (ir_cache digests every input of the value, and the toolkit)."""
    global _KNOWN
    _KNOWN = dict(digests)


class StaleUnit(Exception):
    """A unit the index vouched for is damaged or gone from the cache: render again without the index."""


class Stored:
    """A unit's text left in the cache, known by its SHA-256 (hex); read only where it is needed."""

    __slots__ = ("key", "sha256", "store")

    def __init__(self, key: bytes, sha256: str, store: BlobStore) -> None:
        self.key, self.sha256, self.store = key, sha256, store

    def data(self) -> bytes:
        """The text's UTF-8 bytes, from the entry (its checksum and this hash verified)."""
        body = self.store.get(self.key)
        if body is None or hashlib.sha256(body).hexdigest() != self.sha256:
            raise StaleUnit(f"unit {self.key.hex()[:16]} is damaged or missing in the cache")
        return body

    def __eq__(self, other: object) -> bool:
        return sha256_of(other) == self.sha256 if isinstance(other, (str, bytes, Stored)) else NotImplemented

    def __hash__(self) -> int:
        return hash(self.sha256)

    def __repr__(self) -> str:
        return f"Stored(sha256={self.sha256[:16]}...)"


# An output file's text: a str, its UTF-8 bytes (a document spliced from pieces), or the cache's
# promise of it.
FileText = str | bytes | Stored


def data_of(value: FileText) -> bytes:
    """An output file's bytes."""
    if isinstance(value, Stored):
        return value.data()
    return value if isinstance(value, bytes) else value.encode("utf-8")


def text_of(value: FileText) -> str:
    """An output file's text."""
    return value if isinstance(value, str) else data_of(value).decode("utf-8")


def sha256_of(value: FileText) -> str:
    """The hex SHA-256 of an output file's bytes (a stored one's without reading it, a document's
    whose hash :func:`hash_ahead` started from that thread)."""
    if isinstance(value, Stored):
        return value.sha256
    if isinstance(value, bytes):
        ahead = _AHEAD.get(id(value))
        if ahead is not None and ahead[0] is value:
            if ahead[2] is not None:
                ahead[2].join()
            if ahead[1]:
                return ahead[1][0]
        return hashlib.sha256(value).hexdigest()
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


# Documents of megabytes (spliced from pieces) are hashed in a thread from the moment they are made:
# hashlib lets go of the GIL on large inputs, so the hashes the manifest needs are taken while the
# other targets render; the files a forked child rendered come with their hashes (no thread).
# By id, the value kept (so the id stays its own); emptied by :func:`use`.
_AHEAD: dict[int, tuple[bytes, list[str], threading.Thread | None]] = {}
# A file this big is hashed (here) and written (generator/writer.py) from a thread of its own.
THREAD_MIN_BYTES = 1 << 20


def hash_ahead(data: bytes) -> bytes:
    """``data``, its SHA-256 started in a thread when it is big (:func:`sha256_of` waits for it)."""
    if len(data) >= THREAD_MIN_BYTES:
        found: list[str] = []
        thread = threading.Thread(target=lambda: found.append(hashlib.sha256(data).hexdigest()), daemon=True)
        thread.start()
        _AHEAD[id(data)] = (data, found, thread)
    return data


def hashed(data: bytes, sha256: str) -> bytes:
    """``data``, whose hex SHA-256 was taken where it was made (a forked child of this run):
    :func:`sha256_of` gives it without hashing again."""
    _AHEAD[id(data)] = (data, [sha256], None)
    return data


def materialized(files: Mapping[str, FileText]) -> dict[str, str]:
    """Every file's text (each stored one read from the cache)."""
    return {path: text_of(value) for path, value in files.items()}


_INDEX = hashlib.sha256(b"specgen-unit-index-1").digest()
_PACK_LIST = hashlib.sha256(b"specgen-unit-packs-1").digest()


class UnitCache:
    """Rendered units by digest: in memory, and on disk when ``folder`` is given."""

    def __init__(
        self, folder: Path | None, salt: bytes = b"", *, enabled: bool = True, lazy: bool = False
    ) -> None:
        self.enabled = enabled  # False: units render in place with the whole project, nothing kept
        self.folder = folder
        self.store = BlobStore(folder)  # one file an entry, checksummed
        self.salt = salt  # the toolkit's digest: part of every key
        self.memory: dict[bytes, str] = {}
        self.used: set[bytes] = set()  # the keys asked for since the last :meth:`forget_unused`
        self.digests: dict[int, tuple[Any, str]] = {}  # this run's inputs' digests (see digest_of)
        self.shared: dict[int, tuple[Any, str]] = {}  # this run's shared values' (see share)
        self.hits = 0
        self.misses = 0
        # Lazy (a folder needed): each unit key of the last runs -> its text's SHA-256, and this run's.
        self.index: dict[bytes, bytes] = self._load_index() if lazy and folder is not None else {}
        self.lazy = lazy and folder is not None
        self.indexed: dict[bytes, bytes] = {}
        # The packs the last run read, read again in a thread while this run builds its IR (the
        # file reads and the checksums, tens of megabytes, run outside the GIL).
        self.packs: list[bytes] = []
        self._prefetched: dict[bytes, bytes | None] = {}
        self._prefetch: threading.Thread | None = None
        self._last_packs = b""
        if self.lazy:
            body = self._last_packs = self.store.get(_PACK_LIST) or b""
            wanted = [body[i : i + 32] for i in range(0, len(body) - len(body) % 32, 32)]
            self._prefetch = threading.Thread(target=self._read_packs, args=(wanted,), daemon=True)
            self._prefetch.start()

    @classmethod
    def for_run(cls, *, memory: bool = False, lazy: bool = False) -> UnitCache:
        """This toolkit's cache in the cache directory; in memory only when caching is off and
        ``memory`` asks for it (a long-lived generator), else disabled. ``lazy``: whole-file
        units may be handed out as :class:`Stored` (for ``generate``'s writer)."""
        folder = cache.toolkit_folder("units")
        if folder is None:
            return cls(None, cache.toolkit_digest(), enabled=memory)
        return cls(folder, cache.toolkit_digest(), lazy=lazy)

    def _read_packs(self, wanted: list[bytes]) -> None:
        for where in wanted:
            self._prefetched[where] = self.store.get(where)

    def _read_pack(self, where: bytes) -> bytes | None:
        """A pack's entry: read ahead (see ``_prefetch``) if the last run read it, else now."""
        self.packs.append(where)
        if self._prefetch is not None:
            self._prefetch.join()
        return self._prefetched.pop(where) if where in self._prefetched else self.store.get(where)

    def _load_index(self) -> dict[bytes, bytes]:
        body = self.store.get(_INDEX) or b""
        if len(body) % 64:
            return {}
        return {body[i : i + 32]: body[i + 32 : i + 64] for i in range(0, len(body), 64)}

    def save_index(self) -> None:
        """Keep this run's whole-file units in the index (and, up to a bound, the last runs')."""
        if not self.lazy or not self.indexed:
            return
        kept = dict(self.indexed)
        for key in sorted(self.index.keys() - kept.keys())[: 3 * len(kept)]:
            kept[key] = self.index[key]
        if kept != self.index:
            self.store.put(_INDEX, b"".join(key + kept[key] for key in sorted(kept)))
        if self._last_packs != b"".join(self.packs):
            self.store.put(_PACK_LIST, b"".join(self.packs))

    def file(self, key: bytes | None, make: Callable[[], str]) -> FileText:
        """A whole output file's unit: :meth:`text`, or a :class:`Stored` when the cache is lazy
        and the index knows the unit's hash (and this process has not read it already)."""
        if not self.lazy or key is None:
            return self.text(key, make)
        known = self.index.get(key)
        if known is not None and key not in self.memory:
            self.used.add(key)
            self.hits += 1
            self.indexed[key] = known
            return Stored(key, known.hex(), self.store)
        text = self.text(key, make)
        self.indexed[key] = hashlib.sha256(text.encode("utf-8")).digest()
        return text

    def key(self, kind: str, *inputs: Any) -> bytes | None:
        """The key of a unit: the toolkit's digest with the unit's (see :func:`digest_of`)."""
        return digest_of(self.salt.hex() + "\0" + kind, *inputs, memo=self.digests, shared=self.shared)

    def share(self, *values: Any) -> None:
        """Values that many units' inputs hold (a language's labels): digested once this run, and
        standing for that digest wherever a unit's dataclass holds the very same object."""
        for value in values:
            if id(value) not in self.shared:
                try:
                    data = orjson.dumps(value, option=_OPTIONS)
                except orjson.JSONEncodeError:
                    continue  # digested with each unit instead (whose key is then None)
                self.shared[id(value)] = (value, "shared:" + hashlib.sha256(data).hexdigest())

    def keys(self, kind: str, context: Any, values: Sequence[Any]) -> list[bytes | None]:
        """Each value's unit key with ``context`` (one document's pieces, one an object): as
        :meth:`key` gives it, or, for a value whose digest is decided before rendering (an
        object's IR, generator/ir_cache.py), from that digest and ``context``'s at once."""
        shared = self.key(kind, context)
        keys: list[bytes | None] = []
        for value in values:
            known = _KNOWN.get(id(value))
            if known is None or shared is None:
                keys.append(self.key(kind, context, value))
            else:
                keys.append(hashlib.sha256(shared + b"\0known\0" + known[1].encode()).digest())
        return keys

    def _read(self, key: bytes) -> str | None:
        body = self.store.get(key)
        if body is None:
            return None
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            return None

    def text(self, key: bytes | None, make: Callable[[], str]) -> str:
        """The unit's text: remembered, read back (checksum verified), or made and stored."""
        if key is None:
            self.misses += 1
            return make()
        self.used.add(key)
        found = self.memory.get(key)
        if found is None:
            found = self._read(key)
            if found is None:
                self.misses += 1
                found = make()
                self.store.put(key, found.encode("utf-8"))
            else:
                self.hits += 1
            self.memory[key] = found
        else:
            self.hits += 1
        return found

    def pieces(self, group: str, keyed: Sequence[tuple[bytes | None, Callable[[], str]]]) -> list[bytes]:
        """Many small units' texts, UTF-8 (one document's pieces, generator/targets/splice.py): read
        in one go from the ``group``'s pack, the last run's pieces in one checksummed entry, else
        as :meth:`text` gets them. The pack is written again when much of it is out of date."""
        pack = Pack(self.store, self.salt + b"\0pieces\0" + group.encode(), self._read_pack)
        texts = [self._piece(key, make, pack) for key, make in keyed]
        if len(pack.used) == len(keyed):  # (a piece without a key is made every time, never packed)
            pack.close()
        return texts

    def _piece(self, key: bytes | None, make: Callable[[], str], pack: Pack) -> bytes:
        """One piece, UTF-8: remembered, from the pack or its own entry (checksummed, written from
        a str), or made and stored."""
        if key is None:
            self.misses += 1
            return make().encode("utf-8")
        self.used.add(key)
        remembered = self.memory.get(key)
        body = remembered.encode("utf-8") if remembered is not None else pack.get(key)
        if body is not None:
            self.hits += 1
            return body
        self.misses += 1
        text = self.memory[key] = make()
        body = text.encode("utf-8")
        pack.put(key, body)
        return body

    def forget_unused(self) -> None:
        """Keep in memory only the units of the last run (a long-lived cache stays the size of one run)."""
        self.memory = {key: self.memory[key] for key in self.used if key in self.memory}
        self.used = set()


# The cache the renderers use; pipeline.render_project sets it for each run.
_current: UnitCache = UnitCache(None, enabled=False)


def current() -> UnitCache:
    """The unit cache of the run in progress."""
    return _current


def use(units: UnitCache) -> UnitCache:
    """Make ``units`` the current cache; returns the one it replaces."""
    global _current
    previous, _current = _current, units
    previous.digests, units.digests = {}, {}  # identities mean nothing outside one run
    previous.shared, units.shared = {}, {}
    _AHEAD.clear()  # (a thread still hashing ends on its own)
    return previous
