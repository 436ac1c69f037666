"""The cached front end (generator/front.py) gives what the plain one gives, edit after edit.

A sequence of random edits (a description changed, a field added or removed, an object added
or renamed, a bad value introduced and fixed, lines inserted above) is applied to a spec; after
each, ``front.load`` with a cache that lives across the sequence must give the plain path's
Document (data, every position, files), Spec and problems, and the output bytes must be
the same. Damaged entries of the cache are never trusted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINIMAL_SPEC, ROOT
from generator import cli, front
from generator.pipeline import generate_spec
from generator.problems import SpecError
from generator.spec import validate_document
from generator.yaml_document import LazyDocument
from generator.yaml_source import load_path

HEAD = MINIMAL_SPEC[: MINIMAL_SPEC.index("objects:\n")]  # spec_version ... scopes
TAIL = MINIMAL_SPEC[MINIMAL_SPEC.index("endpoints:\n") :].replace("ThingResponse", "Box")


@dataclass
class Obj:
    name: str
    description: str
    fields: list[tuple[str, str]] = field(default_factory=list)  # (wire name, type)
    gap: int = 0  # blank and comment lines after it


@dataclass
class Model:
    top: int = 0  # comment lines above everything
    objects: list[Obj] = field(
        default_factory=lambda: [
            Obj("Thing", "A thing.", [("id", "string"), ("size", "int64")]),
            Obj("Box", "A box.", [("thing", "Thing"), ("things", "[Thing]")]),
            Obj("Crate", "A crate.", [("box", "Box"), ("label", "string")]),
        ]
    )

    def text(self) -> str:
        out = ["# comment\n" * self.top, HEAD, "objects:\n"]
        for obj in self.objects:
            out.append(
                f"  {obj.name}:\n    description: {{en: {obj.description}, th: คำอธิบาย}}\n    fields:\n"
            )
            for wire, kind in obj.fields:
                out.append(f"      {wire}:\n")
                if kind.startswith("["):
                    out.append(f"        type: array\n        items: {{type: {kind[1:-1]}}}\n")
                else:
                    out.append(f"        type: {kind}\n")
                out.append("        scope: thing.read\n" if obj.name == "Thing" else "")
                out.append(f"        description:\n          en: The {wire}.\n          th: ฟิลด์\n")
            out.append("\n  # gap\n" * obj.gap)
        out.append(TAIL)
        return "".join(out)


_WORDS = st.text("abcdefghij ", min_size=1, max_size=12).map(lambda s: s.strip() or "x")
_EDITS = st.one_of(
    st.tuples(st.just("describe"), st.integers(0, 99), _WORDS),
    st.tuples(st.just("add_field"), st.integers(0, 99), st.sampled_from(["string", "int32", "Box", "Nope"])),
    st.tuples(st.just("remove_field"), st.integers(0, 99), st.integers(0, 99)),
    st.tuples(st.just("add_object"), st.integers(0, 99), st.sampled_from(["Extra", "Other", "Thing"])),
    st.tuples(st.just("rename"), st.integers(0, 99), st.sampled_from(["Renamed", "Box2", "Crate"])),
    st.tuples(st.just("bad_type"), st.integers(0, 99), st.just("strnig")),
    st.tuples(st.just("fix_types"), st.integers(0, 99), st.just("")),
    st.tuples(st.just("lines_above"), st.integers(0, 3), st.just("")),
    st.tuples(st.just("gap"), st.integers(0, 99), st.just("")),
)


def _apply(model: Model, edit: tuple[str, int, Any]) -> None:
    kind, at, arg = edit
    obj = model.objects[at % len(model.objects)]
    if kind == "describe":
        obj.description = arg
    elif kind == "add_field":
        obj.fields.append((f"f{len(obj.fields)}_{arg.lower()}", arg))
    elif kind == "remove_field" and obj.fields:
        obj.fields.pop(arg % len(obj.fields))
    elif kind == "add_object":
        model.objects.insert(at % (len(model.objects) + 1), Obj(arg, "New.", [("n", "string")]))
    elif kind == "rename":
        obj.name = arg
    elif kind == "bad_type" and obj.fields:
        obj.fields[0] = (obj.fields[0][0], arg)
    elif kind == "fix_types":
        for each in model.objects:
            each.fields = [(w, "string" if t in ("strnig", "Nope") else t) for w, t in each.fields]
    elif kind == "lines_above":
        model.top = at
    elif kind == "gap":
        obj.gap = (obj.gap + 1) % 3


def _plain(path: Path) -> tuple[Any, Any]:
    try:
        doc = load_path(path)
        return doc, validate_document(doc)
    except SpecError as exc:
        return None, exc.problems


def _same_as_plain(path: Path, cache: front.FrontCache) -> bool:
    """front.load agrees with the plain path; whether the spec was valid."""
    plain_doc, plain = _plain(path)
    try:
        doc, spec = front.load(path, cache)
    except SpecError as exc:
        assert plain_doc is None and exc.problems == plain
        return False
    assert plain_doc is not None, plain
    assert spec == plain
    assert doc.data == plain_doc.data
    assert list(doc.values.items()) == list(plain_doc.values.items())
    assert list(doc.keys.items()) == list(plain_doc.keys.items())
    assert (doc.files, doc.texts, doc.sources) == (plain_doc.files, plain_doc.texts, plain_doc.sources)
    return True


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=st.lists(_EDITS, min_size=1, max_size=8))
def test_random_edits_give_what_the_plain_path_gives(
    edits: list[tuple[str, int, Any]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("front")
    cache = front.FrontCache(folder / "cache", b"test")
    path = folder / "spec" / "mini.yaml"
    path.parent.mkdir()
    model = Model()
    path.write_text(model.text(), encoding="utf-8")
    assert _same_as_plain(path, cache)
    for edit in edits:
        _apply(model, edit)
        path.write_text(model.text(), encoding="utf-8")
        cache = front.FrontCache(folder / "cache", b"test")  # a fresh process: only the disk is kept
        _same_as_plain(path, cache)


def test_an_edit_rereads_and_rechecks_only_what_it_touches(tmp_path: Path) -> None:
    path = tmp_path / "spec" / "mini.yaml"
    path.parent.mkdir()
    model = Model()
    path.write_text(model.text(), encoding="utf-8")
    cold = front.FrontCache(tmp_path / "cache", b"test")
    assert _same_as_plain(path, cold)
    segments = cold.segments.misses
    model.objects[0].description = "Changed."  # Thing: Box and Crate name it, through any depth
    model.top = 2
    path.write_text(model.text(), encoding="utf-8")
    warm = front.FrontCache(tmp_path / "cache", b"test")
    assert _same_as_plain(path, warm)
    assert warm.segments.misses == 1 and warm.segments.hits == segments - 1
    assert warm.checked == ["Thing", "Box", "Crate"]
    model.objects[2].description = "Changed too."  # Crate: nothing names it
    path.write_text(model.text(), encoding="utf-8")
    again = front.FrontCache(tmp_path / "cache", b"test")
    assert _same_as_plain(path, again)
    assert again.checked == ["Crate"]
    model.objects[2].description = "A crate."  # undone: it passed two runs ago
    path.write_text(model.text(), encoding="utf-8")
    undone = front.FrontCache(tmp_path / "cache", b"test")
    assert _same_as_plain(path, undone)
    assert undone.checked == [] and undone.segments.misses == 0


def test_damaged_entries_are_never_trusted(tmp_path: Path) -> None:
    path = tmp_path / "spec" / "mini.yaml"
    path.parent.mkdir()
    model = Model()
    path.write_text(model.text(), encoding="utf-8")
    assert _same_as_plain(path, front.FrontCache(tmp_path / "cache", b"test"))
    for entry in (tmp_path / "cache").rglob("*"):
        if entry.is_file():
            raw = entry.read_bytes()
            entry.write_bytes(raw[:-1] + bytes([raw[-1] ^ 1]))
    model.objects[1].fields[0] = ("thing", "strnig")  # a bad value: only a real check finds it
    path.write_text(model.text(), encoding="utf-8")
    damaged = front.FrontCache(tmp_path / "cache", b"test")
    assert not _same_as_plain(path, damaged)
    assert damaged.segments.hits == 0
    model.objects[1].fields[0] = ("thing", "Thing")
    path.write_text(model.text(), encoding="utf-8")
    fixed = front.FrontCache(tmp_path / "cache", b"test")
    assert _same_as_plain(path, fixed)
    assert fixed.checked == ["Thing", "Box", "Crate"]  # the damaged record of passed objects: none trusted


def test_the_output_is_the_same_bytes(tmp_path: Path) -> None:
    path = tmp_path / "spec" / "mini.yaml"
    path.parent.mkdir()
    model = Model()
    for edit in [("describe", 1, "Edited"), ("add_field", 2, "int32"), ("lines_above", 2, "")]:
        _apply(model, edit)
        path.write_text(model.text(), encoding="utf-8")
        _, spec = front.load(path, front.FrontCache(tmp_path / "cache", b"test"))
        _, plain = _plain(path)
        assert generate_spec(spec) == generate_spec(plain)


@pytest.mark.parametrize("caching", ["off", "on"])
def test_generating_a_valid_spec_never_places_a_position(
    caching: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Positions are for problems: a valid spec (the committed one, whose texts carry
    lint-ignore notes) is read, checked, modelled and rendered without one being placed, with
    the cache off (a lazy plain read) and on (segments, the second run reading them back)."""
    made: list[LazyDocument] = []
    init = LazyDocument.__init__

    def recording(self: LazyDocument, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(LazyDocument, "__init__", recording)
    monkeypatch.setenv("SPECGEN_CACHE", "off" if caching == "off" else str(tmp_path / "cache"))
    for _ in range(2):
        assert cli.main(["generate", "--spec", str(ROOT / "spec"), "--out", str(tmp_path / "out")]) == 0
    assert made and not any(doc.placed for doc in made)
    broken = tmp_path / "broken.yaml"
    broken.write_text(MINIMAL_SPEC.replace("type: string", "type: strnig", 1), encoding="utf-8")
    made.clear()
    assert cli.main(["generate", "--spec", str(broken), "--out", str(tmp_path / "out")]) == 2
    assert any(doc.placed for doc in made)  # (the read the problem was reported from)
