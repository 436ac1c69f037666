"""Incremental generation (generator/units.py): the same bytes as a cold run, whatever the cache holds.

- After an edit, unchanged files keep their inode and mtime (the writer hard-links them).
- A damaged, truncated or foreign cache entry, or one written by another toolkit, is never used.
- Each object's IR kept on disk (generator/ir_cache.py) gives the IR build_ir gives; a damaged
  entry, or one that would make anything but the IR's classes, is never used.
- Property-based: random edit sequences on the TikTok spec (a description, a label, a field
  added or removed, an object renamed, a type changed) render, through a cache that lives
  across the sequence, exactly what a cold run renders. SPECGEN_HYPOTHESIS_PROFILE=incremental-long
  for a longer hunt.
"""

from __future__ import annotations

import dataclasses

import copy
import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import front, ir_cache, pipeline, units
from generator.blob_store import BlobStore
from generator.cli import main
from generator.ir import ObjectIR, build_ir
from generator.pipeline import Incremental, generate, render_project
from generator.problems import SpecError
from generator.spec import parse_spec_text

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "tiktok_v2.yaml"
OLD = 1_000_000_000  # an mtime long past: a file rewritten by generate gets a newer one

settings.register_profile(
    "incremental",
    max_examples=25,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("incremental-long", settings.get_profile("incremental"), max_examples=100)
PROFILE = settings.get_profile(os.environ.get("SPECGEN_HYPOTHESIS_PROFILE", "incremental"))


def _generate(spec: Path, out: Path) -> None:
    assert main(["generate", "--spec", str(spec), "--out", str(out)]) == 0


def _tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def _edit_description(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    old = "avatar_url:\n"
    assert old in text
    start = text.index("en:", text.index(old))
    path.write_text(text[:start] + "en: Edited. " + text[start + 3 :].lstrip(" "), encoding="utf-8")


def test_unchanged_files_keep_their_mtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPECGEN_CACHE", str(tmp_path / "cache"))
    spec, out, cold = tmp_path / "tiktok_v2.yaml", tmp_path / "out", tmp_path / "cold"
    spec.write_bytes(SPEC.read_bytes())
    _generate(spec, out)
    before = _tree(out)
    inodes = {}
    for rel in before:
        os.utime(out / rel, (OLD, OLD))
        inodes[rel] = (out / rel).stat().st_ino
    _edit_description(spec)
    _generate(spec, out)
    after = _tree(out)
    changed = {rel for rel in after if before.get(rel) != after[rel]}
    # The edited field's object: its model module, its pages, OpenAPI, data, the manifest.
    assert "python/tiktok_v2/models/_user.py" in changed and "MANIFEST.json" in changed
    assert 0 < len(changed) < len(after) // 2
    for rel in after:
        stat = (out / rel).stat()
        if rel in changed:
            assert stat.st_mtime > OLD, rel
        else:
            assert (stat.st_mtime, stat.st_ino) == (OLD, inodes[rel]), rel
    monkeypatch.setenv("SPECGEN_CACHE", "off")
    _generate(spec, cold)
    assert _tree(cold) == after


def _entries(cache: Path) -> list[Path]:
    return sorted(p for p in (cache / "units").rglob("*") if p.is_file() and not p.name.startswith("."))


def _poison(entries: list[Path]) -> None:
    """Every entry damaged in a different way: the text changed, cut short, emptied, or another entry's."""
    for i, entry in enumerate(entries):
        raw = entry.read_bytes()
        if i % 4 == 0:
            entry.write_bytes(raw.replace(b"class ", b"klass ").replace(b"# ", b"#! ") + b"tampered\n")
        elif i % 4 == 1:
            entry.write_bytes(raw[: len(raw) // 2])
        elif i % 4 == 2:
            entry.write_bytes(b"")
        else:
            entry.write_bytes(entries[i - 1].read_bytes() if i else b"x")


def test_a_damaged_or_foreign_entry_is_never_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("SPECGEN_CACHE", str(cache))
    _generate(SPEC, tmp_path / "first")
    entries = _entries(cache)
    assert len(entries) > 20
    # Another toolkit's entries (another version, another black) under this toolkit's folder name:
    # a copy of each entry re-keyed as if its salt were different is not this unit's.
    foreign = units.UnitCache(entries[0].parent.parent, b"another toolkit")
    for entry in entries[:5]:
        key = foreign.key("python-module", entry.name)
        assert key is not None
        foreign.text(key, lambda: "from another toolkit\n")
    entries = _entries(cache)
    _poison(entries)
    monkeypatch.setattr(units, "use", _recording(units.use))
    _generate(SPEC, tmp_path / "second")
    assert _tree(tmp_path / "second") == _tree(tmp_path / "first")
    used = _RECORDED[-1]
    assert used.hits == 0 and used.misses > 20
    # The entries were rewritten; now they are trusted.
    _generate(SPEC, tmp_path / "third")
    assert _RECORDED[-1].hits == used.misses and _RECORDED[-1].misses == 0


def test_unchanged_files_are_not_read_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """generate's cache is lazy: a model module or page the output already holds (the index
    knows its hash, the output record its file) is neither read from the cache nor written."""
    monkeypatch.setenv("SPECGEN_CACHE", str(tmp_path / "cache"))
    spec, out, cold = tmp_path / "tiktok_v2.yaml", tmp_path / "out", tmp_path / "cold"
    spec.write_bytes(SPEC.read_bytes())
    _generate(spec, out)
    _edit_description(spec)
    reads: list[bytes] = []
    original = BlobStore.get

    def get(store: BlobStore, key: bytes) -> bytes | None:
        found = original(store, key)
        if store.folder is not None and "units" in store.folder.parts and found is not None:
            reads.append(found)
        return found

    monkeypatch.setattr(BlobStore, "get", get)
    _generate(spec, out)
    # The index, the object IR entries and the three documents' packs; no module or page.
    pages = [body for body in reads if body.startswith((b"# Generated", b"<!-- Generated"))]
    assert pages == [] and len(reads) < len(_tree(out)) // 2
    monkeypatch.setenv("SPECGEN_CACHE", "off")
    _generate(spec, cold)
    assert _tree(cold) == _tree(out)


def test_a_damaged_entry_the_index_vouched_for_is_rendered_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The index says which units are stored; where one must be written (a new output folder) and
    its entry is damaged, the command renders again without the index: the same bytes, exit 0."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("SPECGEN_CACHE", str(cache))
    _generate(SPEC, tmp_path / "first")
    index = units.UnitCache.for_run().store.path(units._INDEX)
    assert index is not None and index.is_file()
    _poison([entry for entry in _entries(cache) if entry != index])
    _generate(SPEC, tmp_path / "second")
    assert _tree(tmp_path / "second") == _tree(tmp_path / "first")


_RECORDED: list[units.UnitCache] = []


def _recording(original: Any) -> Any:
    def use(cache: units.UnitCache) -> units.UnitCache:
        if cache.enabled:
            _RECORDED.append(cache)
        return original(cache)  # type: ignore[no-any-return]

    return use


def test_another_toolkit_writes_elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPECGEN_CACHE", str(tmp_path))
    ours = units.UnitCache.for_run()
    # Even written into our folder, an older toolkit's entry is another key's.
    theirs = units.UnitCache(ours.folder, b"an older toolkit")
    key_theirs = theirs.key("docs/object.md.j2", {"a": 1})
    theirs.text(key_theirs, lambda: "old text")
    key_ours = ours.key("docs/object.md.j2", {"a": 1})
    assert key_ours != key_theirs
    assert ours.text(key_ours, lambda: "new text") == "new text"
    assert ours.misses == 1


# Random edits of the spec's document ---------------------------------------------------------

TEXTS = st.sampled_from(
    ["Edited.", "ข้อความใหม่", '"Quoted" text', "A `code` | pipe", "Line\nbreak", "\\backslash", ""]
)
TYPES = st.sampled_from([{"type": "string"}, {"type": "int64"}, {"type": "boolean"}, {"type": "number"}])


def _objects(doc: dict[str, Any]) -> list[str]:
    return sorted(doc["objects"])


def _replace_name(value: Any, old: str, new: str) -> Any:
    if isinstance(value, dict):
        return {(new if k == old else k): _replace_name(v, old, new) for k, v in value.items()}
    if isinstance(value, list):
        return [_replace_name(v, old, new) for v in value]
    return new if value == old else value


@st.composite
def edits(draw: st.DrawFn, doc: dict[str, Any]) -> dict[str, Any]:
    """One random edit of a copy of ``doc``."""
    doc = copy.deepcopy(doc)
    name = draw(st.sampled_from(_objects(doc)))
    obj = doc["objects"][name]
    fields = obj["fields"]
    field = draw(st.sampled_from(sorted(fields)))
    lang = draw(st.sampled_from(doc["languages"]))
    kind = draw(st.sampled_from(["description", "label", "add", "remove", "rename", "type", "object text"]))
    text = draw(TEXTS) or "x"
    if kind == "description":
        fields[field]["description"][lang] = text
    elif kind == "object text":
        obj["description"][lang] = text
    elif kind == "label":
        word = draw(st.sampled_from(["fields", "type", "description", "example_response", "yes"]))
        doc.setdefault("labels", {}).setdefault(lang, {})[word] = text
    elif kind == "add":
        added = {"type": "string", "description": {code: text for code in doc["languages"]}}
        if "scope" in fields[field]:
            added["scope"] = fields[field]["scope"]
        fields[f"added_{draw(st.integers(0, 3))}"] = added
    elif kind == "remove" and len(fields) > 1:
        del fields[field]
    elif kind == "rename":
        doc = _replace_name(doc, name, name + "Renamed")
    elif kind == "type":
        kept = {k: v for k, v in fields[field].items() if k in ("description", "scope", "required")}
        fields[field] = {**draw(TYPES), **kept}
    return doc


def _dump(doc: dict[str, Any]) -> str:
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)


def _spec(doc: dict[str, Any]) -> Any:
    return parse_spec_text(_dump(doc), "tiktok_v2.yaml")


def test_a_dumped_spec_is_read_in_segments(tmp_path: Path) -> None:
    """The random edits below reach the command line's whole path: the front end reads the dumped
    spec in segments, so the objects' IR is keyed by their segments."""
    path = tmp_path / "tiktok_v2.yaml"
    path.write_text(_dump(BASE), encoding="utf-8")
    cache = front.FrontCache(tmp_path / "cache", b"test")
    front.load(path, cache)
    assert cache.segmented and set(cache.segment_keys()) == set(BASE["objects"])


BASE = yaml.safe_load(SPEC.read_text(encoding="utf-8"))


@PROFILE
@given(data=st.data())
def test_incremental_equals_cold_after_random_edits(data: st.DataObject, tmp_path_factory: Any) -> None:
    folder = tmp_path_factory.mktemp("units")
    # The command line's generate, with a cache that lives across the sequence (segments, IR, units).
    work = tmp_path_factory.mktemp("generate")
    spec_file, out = work / "tiktok_v2.yaml", work / "out"
    saved = os.environ.get("SPECGEN_CACHE")
    os.environ["SPECGEN_CACHE"] = str(work / "cache")
    try:
        _random_edits(data, folder, spec_file, out)
    finally:
        if saved is None:
            del os.environ["SPECGEN_CACHE"]
        else:
            os.environ["SPECGEN_CACHE"] = saved


def _random_edits(data: st.DataObject, folder: Path, spec_file: Path, out: Path) -> None:
    cache = units.UnitCache(folder, b"test toolkit")
    generator, hits, rendered = Incremental(cache), 0, 0
    doc = BASE
    assert generator.render(_spec(doc)) == render_project(build_ir(_spec(doc)))  # warms the cache
    for step in range(data.draw(st.integers(1, 3), label="edits")):
        candidate = data.draw(edits(doc), label=f"edit {step}")
        try:
            spec = _spec(candidate)
        except SpecError:
            continue  # the edit made the spec invalid (a dangling reference): both ways refuse it
        doc = candidate
        cold = render_project(build_ir(spec))
        # Every other step through a fresh cache object on the same folder: entries read from disk.
        if step % 2:
            hits += cache.hits
            cache = units.UnitCache(folder, b"test toolkit")
            generator = Incremental(cache)
        assert generator.render(spec) == cold
        # The command line's path: objects' IR from the cache folder, their digests keying the units,
        # a lazy cache (whole files it indexed left stored, read here), documents spliced as UTF-8.
        lazy = units.UnitCache(folder, b"test toolkit", lazy=True)
        project = ir_cache.build_ir(spec, lazy)
        assert project == build_ir(spec)
        assert units.materialized(render_project(project, unit_cache=lazy)) == cold
        lazy.save_index()
        spec_file.write_text(_dump(doc), encoding="utf-8")
        assert main(["generate", "--spec", str(spec_file), "--out", str(out)]) == 0
        assert _tree(out) == {path: text.encode() for path, text in generate(spec_file).items()}
        rendered += 1
    # Not cold runs in disguise: after the first run, units come from the cache.
    assert hits + cache.hits > 0 or not rendered


# Objects' IR on disk (generator/ir_cache.py) ---------------------------------------------------


def _ir_entries(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("6972*") if p.is_file()]  # keys b"ir" + ..., hex 6972...


def test_objects_ir_from_the_cache_is_the_built_ir(tmp_path: Path) -> None:
    spec = _spec(BASE)
    plain = build_ir(spec)
    first = units.UnitCache(tmp_path, b"test toolkit")
    assert ir_cache.build_ir(spec, first) == plain
    entries = _ir_entries(tmp_path)
    assert len(entries) == len(plain.objects)
    objects = ir_cache.ObjectCache(units.UnitCache(tmp_path, b"test toolkit"))
    assert build_ir(spec, objects.make) == plain
    assert (objects.loaded, objects.built) == (len(plain.objects), 0)
    # Another toolkit's salt: nothing of ours is read.
    other = ir_cache.ObjectCache(units.UnitCache(tmp_path, b"another toolkit"))
    assert build_ir(spec, other.make) == plain
    assert other.loaded == 0


def test_a_loaded_objects_fields_are_read_only_where_used(tmp_path: Path) -> None:
    """The whole-project views and unchanged units read no object's fields (its summary serves
    them); an endpoint's objects are read, and the IR is the built one all the same."""
    doc = copy.deepcopy(BASE)  # with an object no endpoint shows
    text = {"en": "A note.", "th": "บันทึก"}
    doc["objects"]["Note"] = {
        "description": text,
        "fields": {"body": {"type": "string", "description": text}},
    }
    spec = _spec(doc)
    ir_cache.build_ir(spec, units.UnitCache(tmp_path, b"test toolkit"))
    pipeline.render_project(
        ir_cache.build_ir(spec, units.UnitCache(tmp_path, b"test toolkit")),
        unit_cache=units.UnitCache(tmp_path, b"test toolkit"),
    )  # every unit kept
    project = ir_cache.build_ir(spec, units.UnitCache(tmp_path, b"test toolkit"))
    fields = {o.name: o.fields for o in project.objects}
    assert all(isinstance(f, ir_cache.LazyFields) for f in fields.values())
    files = pipeline.render_project(project, unit_cache=units.UnitCache(tmp_path, b"test toolkit"))
    read = {name for name, f in fields.items() if f._value is not None}
    assert read and read <= _reached_from_endpoints(project) and "Note" not in read
    assert units.materialized(files) == units.materialized(pipeline.render_project(build_ir(spec)))
    assert project == build_ir(spec)


def _reached_from_endpoints(project: Any) -> set[str]:
    """The objects an endpoint holds (response, request body, error body...), and those they name."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, ObjectIR):
            found.add(value.name)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for item in dataclasses.fields(value):
                walk(getattr(value, item.name))
        elif isinstance(value, (tuple, list)):
            for item in value:
                walk(item)

    walk(project.endpoints)
    by_name = {o.name: o for o in project.objects}
    todo = list(found)
    while todo:
        for name in by_name[todo.pop()].references:
            if name not in found:
                found.add(name)
                todo.append(name)
    return found


class _Run:
    """Unpickling this calls os.system: what a hostile cache entry could try."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (os.system, ("echo pwned > pwned.txt",))


def test_a_damaged_or_hostile_ir_entry_is_never_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses
    import hashlib
    import pickle

    monkeypatch.chdir(tmp_path)
    spec = _spec(BASE)
    plain = build_ir(spec)
    folder = tmp_path / "cache"
    ir_cache.build_ir(spec, units.UnitCache(folder, b"test toolkit"))
    entries = sorted(_ir_entries(folder))
    owner = {}  # each entry's object, by the name its entry holds
    for entry in entries:
        loaded = ir_cache._load(entry.read_bytes().partition(b"\n")[2], lambda: ())
        assert loaded is not None
        owner[entry.name] = next(o for o in plain.objects if o.name == loaded.name)
    _poison(entries[:4])
    # The rest: well-formed entries with a valid checksum that would run code (as the object, or
    # as its fields beside a good object), or hold another object.
    stranger = dataclasses.replace(plain.objects[0], name=plain.objects[0].name + "Stranger")
    hostile = pickle.dumps(_Run())
    fields_run = 0
    for i, entry in enumerate(entries[4:]):
        key = bytes.fromhex(entry.name)
        if i % 3 == 0:
            body = len(hostile).to_bytes(4, "big") + hostile + pickle.dumps(())
        elif i % 3 == 1:
            body = ir_cache._dump(stranger)
        else:  # the entry's own object, its fields replaced by code
            good = ir_cache._dump(owner[entry.name])
            head = good[: 4 + int.from_bytes(good[:4], "big")]
            body, fields_run = head + hostile, fields_run + 1
        checksum = hashlib.sha256(key + b"\0" + body).hexdigest().encode()
        entry.write_bytes(checksum + b"\n" + body)
    assert fields_run > 0
    objects = ir_cache.ObjectCache(units.UnitCache(folder, b"test toolkit"))
    assert build_ir(spec, objects.make) == plain  # (comparing reads every object's fields)
    assert objects.loaded == fields_run and objects.built == len(plain.objects) - fields_run
    assert not (tmp_path / "pwned.txt").exists()
    # Rewritten, they are trusted again.
    again = ir_cache.ObjectCache(units.UnitCache(folder, b"test toolkit"))
    assert build_ir(spec, again.make) == plain and again.loaded == len(plain.objects)
