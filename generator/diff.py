"""``specgen diff``: what changed between two specs, how each change affects consumers, and the
version bump that requires.

Both sides are validated first; the comparison runs on the spec models, and positions come
from the new side's document (for a removal, the nearest place that still exists there).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from packaging.version import Version

from generator.checks import texts
from generator.diff_rules import BREAKING, BUMP, DOCS_ONLY, KINDS, NON_BREAKING, RULES
from generator.problems import format_path
from generator.spec_model import EndpointSpec, FieldSpec, ObjectSpec, Spec, TypeRef
from generator.yaml_document import Document, Path_

# Limits that allow more as they grow, and those that allow more as they shrink.
_UPPER = ("maximum", "max_length", "max_items")
_LOWER = ("minimum", "min_length", "min_items")


@dataclass(frozen=True)
class Side:
    """One side of a comparison: the validated spec and the document it was read from."""

    spec: Spec
    doc: Document


@dataclass(frozen=True, order=True)
class Change:
    """One change, located in the new spec (or where a removed thing was)."""

    file: str
    line: int
    column: int
    path: str
    rule: str
    subject: str  # what changed, by its spec name: ``User.open_id``, ``get_user_info``, ``video.list``
    old: str = ""
    new: str = ""
    accepted: str = ""  # the spec's reason for accepting this change, if it opted out of the rule

    @property
    def kind(self) -> str:
        """breaking, non-breaking or docs-only."""
        return RULES[self.rule].kind


@dataclass
class _Collector:
    new: Side
    found: list[Change] = field(default_factory=list)

    def add(self, rule: str, path: Path_, subject: str, old: Any = "", new: Any = "") -> None:
        # Something added or removed is shown at its key (or its nearest surviving parent's).
        where = self.new.doc.where(path, key=rule.endswith(("-added", "-removed")))
        self.found.append(
            Change(
                where.file, where.line, where.column, format_path(path), rule, subject, _show(old), _show(new)
            )
        )


def _show(value: Any) -> str:
    if isinstance(value, TypeRef):
        return _type_text(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(map(str, value)) + "]"
    return "" if value is None else str(value)


def _type_text(ref: TypeRef) -> str:
    if ref.kind == "array" and ref.items is not None:
        return f"array<{_type_text(ref.items)}>"
    return f"{ref.name} ({ref.format})" if ref.format else ref.name


def _request_objects(spec: Spec) -> set[str]:
    """Objects a client sends: request bodies and every object their fields reach."""
    by_name = {o.name: o for o in spec.objects}
    todo = [e.request_body.object for e in spec.endpoints if e.request_body]
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen or name not in by_name:
            continue
        seen.add(name)
        todo.extend(_named(f.type) for f in by_name[name].fields if _named(f.type))
    return seen


def _named(ref: TypeRef) -> str:
    while ref.kind == "array" and ref.items is not None:
        ref = ref.items
    return ref.name if ref.kind == "object" else ""


def _limits(c: _Collector, path: Path_, subject: str, old: FieldSpec, new: FieldSpec) -> None:
    before, after = dict(old.constraints.pairs()), dict(new.constraints.pairs())
    for key in sorted(set(before) | set(after)):
        was, now = before.get(key), after.get(key)
        if was == now:
            continue
        if key == "enum":
            tighter = now is not None and (was is None or not set(now) >= set(was))
        elif key in _UPPER:
            tighter = now is not None and (was is None or now < was)
        else:
            tighter = now is not None and (was is None or now > was)
        c.add("limit-tightened" if tighter else "limit-loosened", (*path, key), f"{subject} {key}", was, now)
    if (old.constraints.has_default, old.constraints.default) != (
        new.constraints.has_default,
        new.constraints.default,
    ):
        c.add(
            "default-changed", (*path, "default"), subject, old.constraints.default, new.constraints.default
        )


def _field(c: _Collector, path: Path_, subject: str, old: FieldSpec, new: FieldSpec, sent: bool) -> None:
    if old.type != new.type:
        c.add("field-type-changed", (*path, "type"), subject, old.type, new.type)
    if old.scope != new.scope:
        c.add("field-scope-changed", (*path, "scope"), subject, old.scope, new.scope)
    if old.required and not new.required:
        c.add(
            "field-made-optional-in-request" if sent else "field-made-optional", (*path, "required"), subject
        )
    if new.required and not old.required:
        c.add(
            "field-made-required" if sent else "field-made-required-in-response", (*path, "required"), subject
        )
    _limits(c, path, subject, old, new)
    if old.has_example and new.has_example and old.example != new.example:
        c.add("example-changed", (*path, "example"), subject)


def _fields(
    c: _Collector, path: Path_, owner: str, old: tuple[FieldSpec, ...], new: tuple[FieldSpec, ...], sent: bool
) -> None:
    before = {f.wire_name: f for f in old}
    after = {f.wire_name: f for f in new}
    for wire, f in before.items():
        if wire not in after:
            c.add("field-removed", (*path, wire), f"{owner}.{wire}")
    for wire, f in after.items():
        subject = f"{owner}.{wire}"
        if wire not in before:
            c.add("required-field-added" if f.required and sent else "field-added", (*path, wire), subject)
        else:
            _field(c, (*path, wire), subject, before[wire], f, sent)


def _objects(c: _Collector, old: Spec, new: Spec) -> None:
    before = {o.name: o for o in old.objects}
    sent = _request_objects(new) | _request_objects(old)
    for name in before:
        if name not in {o.name for o in new.objects}:
            c.add("object-removed", ("objects", name), name)
    for obj in new.objects:
        if obj.name not in before:
            c.add("object-added", ("objects", obj.name), obj.name)
            continue
        prior: ObjectSpec = before[obj.name]
        path: Path_ = ("objects", obj.name, "fields")
        _fields(c, path, obj.name, prior.fields, obj.fields, obj.name in sent)


def _named_sets(c: _Collector, what: str, path: Path_, old: list[str], new: list[str]) -> None:
    for name in old:
        if name not in new:
            c.add(f"{what}-removed", (*path, name), name)
    for name in new:
        if name not in old:
            c.add(f"{what}-added", (*path, name), name)


def _endpoint(c: _Collector, old: EndpointSpec, new: EndpointSpec) -> None:
    path: Path_ = ("endpoints", new.key)
    if (old.method, old.path) != (new.method, new.path):
        c.add(
            "endpoint-moved", (*path, "path"), new.key, f"{old.method} {old.path}", f"{new.method} {new.path}"
        )
    for scope in new.scopes:
        if scope not in old.scopes:
            c.add("endpoint-scopes-added", (*path, "scopes"), new.key, "", scope)
    for scope in old.scopes:
        if scope not in new.scopes:
            c.add("endpoint-scopes-removed", (*path, "scopes"), new.key, scope, "")
    query = (*path, "query_parameters")
    _fields(c, query, new.key, old.query_parameters, new.query_parameters, sent=True)
    before = {e.code: e for e in old.errors}
    after = {e.code: e for e in new.errors}
    _named_sets(c, "error-code", (*path, "errors"), list(before), list(after))
    for code, err in after.items():
        if code in before and before[code].status != err.status:
            c.add(
                "error-status-changed",
                (*path, "errors", code, "status"),
                code,
                before[code].status,
                err.status,
            )
    if [(x.key, x.value) for x in old.examples] != [(x.key, x.value) for x in new.examples]:
        c.add("example-changed", (*path, "examples"), new.key)


def _endpoints(c: _Collector, old: Spec, new: Spec) -> None:
    before = {e.key: e for e in old.endpoints}
    after = {e.key: e for e in new.endpoints}
    _named_sets(c, "endpoint", ("endpoints",), list(before), list(after))
    for key, ep in after.items():
        if key in before:
            _endpoint(c, before[key], ep)


def _texts(c: _Collector, old: Document, new: Document) -> None:
    before = dict(_all_texts(old.data))
    after = dict(_all_texts(new.data))
    for path, text in after.items():
        prior = before.get(path)
        if prior is None:
            # A text given to something that was there before (a new object's or field's texts
            # come with it, and its own rule tells of them).
            if _exists(old.data, path[:-1]):
                c.add("text-added", path, format_path(path))
            continue
        for lang, value in text.items():
            if lang in prior and prior[lang] != value:
                c.add("text-changed", (*path, lang), f"{format_path(path)} ({lang})")
    for path in sorted(before.keys() - after.keys()):
        if _exists(new.data, path[:-1]):
            c.add("text-removed", path, format_path(path))


def _exists(data: Any, path: Path_) -> bool:
    """Whether the document has a node at ``path``."""
    node = data
    for key in path:
        if not isinstance(node, dict) or key not in node:
            return False
        node = node[key]
    return True


def _all_texts(data: dict[str, Any]) -> Iterator[tuple[Path_, dict[str, Any]]]:
    for path, text in texts(data):
        if isinstance(text, dict):
            yield path, {k: v for k, v in text.items() if isinstance(v, str)}
    for lang, words in (data.get("labels") or {}).items():
        for key, value in words.items():
            yield ("labels", lang, key), {lang: value}


def compare(old: Side, new: Side) -> list[Change]:
    """Every change from ``old`` to ``new``, sorted by place; opted-out rules marked with their reason."""
    c = _Collector(new)
    _objects(c, old.spec, new.spec)
    _endpoints(c, old.spec, new.spec)
    _named_sets(c, "scope", ("scopes",), [s.name for s in old.spec.scopes], [s.name for s in new.spec.scopes])
    _texts(c, old.doc, new.doc)
    ignore = _ignored(new.doc)
    return sorted(
        Change(**{**ch.__dict__, "accepted": ignore.get(ch.rule, "")}) for ch in dict.fromkeys(c.found)
    )


def _ignored(doc: Document) -> dict[str, str]:
    diff = doc.data.get("diff") if isinstance(doc.data, dict) else None
    ignore = diff.get("ignore") if isinstance(diff, dict) else None
    return {str(k): str(v) for k, v in ignore.items()} if isinstance(ignore, dict) else {}


@dataclass(frozen=True)
class Verdict:
    """Whether the new version moves far enough for the changes."""

    old_version: str
    new_version: str
    needed: str  # "major" | "minor" | "patch" | "none"
    ok: bool
    because: Change | None  # the first change that needs the bump the version lacks


def _needed(changes: list[Change]) -> tuple[str, Change | None]:
    counted = [ch for ch in changes if not ch.accepted]
    for kind in KINDS:
        first = next((ch for ch in counted if ch.kind == kind), None)
        if first is not None:
            return BUMP[kind], first
    return "none", None


def _moved(old: Version, new: Version) -> str:
    """How far the version moved: major, minor, patch, none, or back."""
    a, b = (old.release + (0, 0, 0))[:3], (new.release + (0, 0, 0))[:3]
    if new < old:
        return "back"
    if b[0] > a[0] or (a[0] == 0 and b[1] > a[1]):  # in 0.x, a minor bump may break (semver 4)
        return "major"
    if b[:2] > a[:2]:
        return "minor"
    return "patch" if new > old else "none"


_ORDER = ("none", "patch", "minor", "major")


def verdict(old: Spec, new: Spec, changes: list[Change]) -> Verdict:
    """The version check: the new version must move at least as far as the changes need."""
    needed, because = _needed(changes)
    moved = _moved(Version(old.package.version), Version(new.package.version))
    ok = moved != "back" and _ORDER.index(moved) >= _ORDER.index(needed)
    return Verdict(old.package.version, new.package.version, needed, ok, None if ok else because)


__all__ = ["BREAKING", "DOCS_ONLY", "NON_BREAKING", "Change", "Side", "Verdict", "compare", "verdict"]
