"""Meaning checks: what the JSON Schema cannot say. Each returns problems; none raises.

They run on data that may also have schema errors, so every access is guarded: a
malformed part is skipped here (the schema already reported it).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from typing import Any

from packaging.version import VERSION_PATTERN

from generator import endpoint_checks, name_checks, naming
from generator.labels import LABEL_KEYS, default_labels
from generator.problems import Problem, closest
from generator.texts import IGNORE_KEY
from generator.type_checks import named_examples_problems, type_problems, value_problems
from generator.yaml_document import Document, Path_

# Names that become file and folder names are kept well below file systems' 255 bytes.
MAX_NAME = 100
# What pip accepts as a version (PEP 440), as packaging (pip's own library) spells it.
_PEP440 = re.compile(VERSION_PATTERN, re.VERBOSE | re.IGNORECASE)


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


# Control characters other than tab and line breaks, DEL, and lone surrogates: one regex
# search per text (a Python loop over every character was a second at 500 objects).
_BAD_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def _bad_char(text: str) -> str | None:
    found = _BAD_CHAR.search(text)
    if found is None:
        return None
    code = ord(found.group())
    what = "lone surrogate" if 0xD800 <= code <= 0xDFFF else "control character"
    return f"{what} U+{code:04X}"


def _break_in_name(name: str) -> str | None:
    for char in name:
        if char in "\r\n\x85\u2028\u2029":
            return f"line break U+{ord(char):04X}"
        if char == "\t":
            return "tab"
    return None


# Where the spec's human-readable texts are: key paths, ``*`` for any key. The one list every
# check (and tool) that walks the texts reads.
TEXT_PATHS: tuple[tuple[str, ...], ...] = (
    ("package", "title"),
    ("package", "description"),
    ("scopes", "*", "description"),
    ("scopes", "*", "consent"),
    ("tags", "*", "description"),
    ("objects", "*", "description"),
    ("objects", "*", "fields", "*", "description"),
    ("endpoints", "*", "summary"),
    ("endpoints", "*", "description"),
    ("endpoints", "*", "fields_parameter", "description"),
    ("endpoints", "*", "query_parameters", "*", "description"),
    ("endpoints", "*", "request_body", "description"),
    ("endpoints", "*", "request_body", "examples", "*", "summary"),
    ("endpoints", "*", "examples", "*", "summary"),
    ("endpoints", "*", "errors", "*", "description"),
)


def _at(node: Any, pattern: tuple[str, ...], path: Path_) -> Iterator[tuple[Path_, Any]]:
    if not pattern:
        yield path, node
        return
    head, rest = pattern[0], pattern[1:]
    if not isinstance(node, dict):
        return
    if head == "*":
        for key, value in node.items():
            yield from _at(value, rest, (*path, key))
    elif head in node:
        yield from _at(node[head], rest, (*path, head))


def texts(data: dict[str, Any]) -> Iterator[tuple[Path_, Any]]:
    """Every human-readable text in the spec, with its path (``TEXT_PATHS`` order)."""
    for pattern in TEXT_PATHS:
        yield from _at(data, pattern, ())


def _languages(data: dict[str, Any]) -> list[str]:
    langs = data.get("languages")
    return [x for x in langs if isinstance(x, str)] if isinstance(langs, list) else []


def text_problems(doc: Document, only: Collection[str] | None = None) -> list[Problem]:
    """Each text has exactly the declared languages, none empty, no control characters (of the
    objects, those named in ``only``, when given)."""
    langs = _languages(doc.data)
    problems = []
    data = doc.data
    if only is not None:
        objects = _dict(data.get("objects"))
        data = {**data, "objects": {name: objects[name] for name in only if name in objects}}
    for path, text in texts(data):
        if not isinstance(text, dict):
            continue
        for lang in langs:
            if lang not in text:
                problems.append(
                    doc.problem(path, f"missing the {lang!r} text (languages are {', '.join(langs)})")
                )
        for lang, value in text.items():
            if lang == IGNORE_KEY:
                continue  # lint suppressions, checked by the schema
            if lang not in langs:
                problems.append(
                    doc.problem(
                        (*path, lang),
                        f"language {lang!r} is not in `languages`; add it there or remove this text",
                        key=True,
                    )
                )
            if not isinstance(value, str):
                continue
            if not value.strip():
                problems.append(
                    doc.problem((*path, lang), "the text is empty; write it or remove the language")
                )
            bad = _bad_char(value)
            if bad:
                problems.append(doc.problem((*path, lang), f"the text contains a {bad}; remove it"))
    return problems


def object_problems(doc: Document, only: Collection[str] | None = None) -> list[Problem]:
    """Types, scopes, examples and Python names of every object's fields (of the objects named in
    ``only``, when given: what one object's fields give depends on it, the names of the objects
    and scopes, and the objects its fields' types name)."""
    data = doc.data
    objects = _dict(data.get("objects"))
    scopes = _dict(data.get("scopes"))
    problems: list[Problem] = []
    class_names = frozenset(objects)
    for obj_name in objects if only is None else only:
        problems.extend(_fields_problems(doc, obj_name, objects, scopes, class_names))
    return problems


def _fields_problems(
    doc: Document, obj_name: str, objects: dict[str, Any], scopes: dict[str, Any], class_names: frozenset[str]
) -> list[Problem]:
    problems: list[Problem] = []
    fields = _dict(_dict(objects.get(obj_name)).get("fields"))
    python_names: dict[str, str] = {}
    members: dict[str, str] = {}
    for wire, field in fields.items():
        path: Path_ = ("objects", obj_name, "fields", wire)
        if not isinstance(field, dict):
            continue
        bad = _bad_char(wire) or _break_in_name(wire)
        if bad or not wire:
            problems.append(
                doc.problem(
                    path,
                    f"a field name must be non-empty, one line, printable ({f'found a {bad}' if bad else 'found an empty name'})",
                    key=True,
                )
            )
            continue
        problems.extend(type_problems(doc, path, field, objects))
        problems.extend(value_problems(doc, path, field, objects))
        scope = field.get("scope")
        if isinstance(scope, str) and scope not in scopes:
            close = closest(scope, scopes)
            hint = f"; did you mean {close!r}?" if close else "; declare it under `scopes`"
            problems.append(doc.problem((*path, "scope"), f"scope {scope!r} is not declared{hint}"))
        py = naming.field_name(wire, class_names)
        if py in python_names:
            problems.append(
                doc.problem(
                    path,
                    f"fields {python_names[py]!r} and {wire!r} both become the Python name {py!r}; rename one",
                    key=True,
                )
            )
        python_names.setdefault(py, wire)
        member = naming.enum_member(wire)
        # One message per pair of keys: a Python-name clash usually clashes as members too.
        same_pair = python_names[py] == members.get(member)
        if member in members and field.get("scope") is not None and not same_pair:
            problems.append(
                doc.problem(
                    path,
                    f"fields {members[member]!r} and {wire!r} both become the enum member {member!r}; rename one",
                    key=True,
                )
            )
        if field.get("scope") is not None:
            members.setdefault(member, wire)
    return problems


def endpoint_problems(doc: Document) -> list[Problem]:
    """Endpoints name known objects; a fields parameter selects only scoped fields; examples fit."""
    data = doc.data
    objects = _dict(data.get("objects"))
    problems: list[Problem] = []
    routes: dict[tuple[str, str], str] = {}
    for key, ep in _dict(data.get("endpoints")).items():
        ep = _dict(ep)
        path: Path_ = ("endpoints", key)
        route = (str(ep.get("method")), str(ep.get("path")))
        if route in routes:
            problems.append(
                doc.problem(path, f"{route[0]} {route[1]} is also endpoint {routes[route]!r}", key=True)
            )
        routes.setdefault(route, key)
        response = ep.get("response")
        if isinstance(response, str) and response not in objects:
            problems.append(doc.problem((*path, "response"), _unknown_object(response, objects)))
        if ep.get("security") == "oauth2" and "auth" not in data:
            problems.append(
                doc.problem(
                    (*path, "security"),
                    "oauth2 security needs a top-level `auth` with authorize_url and token_url",
                )
            )
        fp = _dict(ep.get("fields_parameter"))
        selected = fp.get("object")
        if isinstance(selected, str):
            if selected not in objects:
                problems.append(
                    doc.problem((*path, "fields_parameter", "object"), _unknown_object(selected, objects))
                )
            else:
                for wire, field in _dict(_dict(objects[selected]).get("fields")).items():
                    if isinstance(field, dict) and "scope" not in field:
                        problems.append(
                            doc.problem(
                                ("objects", selected, "fields", wire),
                                f"needs a `scope`: endpoint {key!r} selects the fields of {selected} by scope",
                                key=True,
                            )
                        )
        if isinstance(response, str) and response in objects:
            problems.extend(
                named_examples_problems(doc, (*path, "examples"), ep.get("examples"), response, objects)
            )
    return problems


def _unknown_object(name: str, objects: dict[str, Any]) -> str:
    close = closest(name, objects)
    hint = f"; did you mean {close!r}?" if close else f"; objects are {', '.join(objects) or 'none'}"
    return f"unknown object {name!r}{hint}"


def package_problems(doc: Document) -> list[Problem]:
    """The package name is importable; labels exist for every language."""
    problems = []
    pkg = _dict(doc.data.get("package"))
    name = pkg.get("name")
    if isinstance(name, str) and not naming.is_package_name(name):
        problems.append(
            doc.problem(
                ("package", "name"),
                f"{name!r} is not a valid Python import name (lowercase letters, digits, _; not a keyword)",
            )
        )
    elif isinstance(name, str) and name in naming.SHADOWED_MODULES:
        problems.append(
            doc.problem(
                ("package", "name"),
                f"{name!r} is the name of a module of Python or of pydantic; the package would shadow it "
                f"and fail to import (choose another, e.g. {name + '_api'!r})",
            )
        )
    elif isinstance(name, str) and len(name) > MAX_NAME:
        problems.append(
            doc.problem(
                ("package", "name"),
                f"the package name is {len(name)} characters long; at most {MAX_NAME} (it names a folder)",
            )
        )
    version = pkg.get("version")
    if isinstance(version, str) and version and not _PEP440.fullmatch(version):
        problems.append(
            doc.problem(
                ("package", "version"),
                f"{version!r} is not a version pip accepts (PEP 440), e.g. 1.0.0, 2.1.0rc1, 2024.11.1",
            )
        )
    labels = _dict(doc.data.get("labels"))
    langs = _languages(doc.data)
    for lang, table in labels.items():
        if lang not in langs:
            problems.append(
                doc.problem(("labels", lang), f"language {lang!r} is not in `languages`", key=True)
            )
        for key in _dict(table):
            if key not in LABEL_KEYS:
                close = closest(key, sorted(LABEL_KEYS))
                hint = f"; did you mean {close!r}?" if close else ""
                problems.append(doc.problem(("labels", lang, key), f"unknown label {key!r}{hint}", key=True))

    for lang in langs:
        given = set(_dict(labels.get(lang)))
        missing = LABEL_KEYS - given - set(default_labels(lang))
        if not missing:
            continue
        if len(missing) <= 6:
            what = f"add {', '.join(sorted(missing))} to `labels: {{{lang}: ...}}`"
        else:
            what = (
                f"add `labels: {{{lang}: ...}}` with the {len(missing)} missing words "
                f"(copy the `en:` block of generator/labels.yaml and translate it)"
            )
        raw = doc.data.get("languages")
        where = ("languages", raw.index(lang)) if isinstance(raw, list) else ("languages",)
        problems.append(doc.problem(where, f"no interface words for {lang!r}: {what}"))
    return problems


def meaning_problems(doc: Document, only: Collection[str] | None = None) -> list[Problem]:
    """All meaning checks, all problems at once.

    ``only`` names the objects whose own texts and fields to check (generator/front.py knows the
    others passed before, in the same context); every other check runs whole. A check that
    looks at one object at a time, and so may take ``only``, must read nothing of the rest of
    the spec beyond what ``front.py``'s context digest covers.
    """
    if not isinstance(doc.data, dict):
        return []
    return [
        *text_problems(doc, only),
        *object_problems(doc, only),
        *name_checks.name_problems(doc),
        *endpoint_problems(doc),
        *endpoint_checks.request_problems(doc),
        *package_problems(doc),
        *auth_problems(doc),
    ]


def auth_problems(doc: Document) -> list[Problem]:
    """A ``revoke_url`` is the URL of a declared endpoint (the client's revoke helper calls it)."""
    auth = _dict(doc.data.get("auth"))
    revoke = auth.get("revoke_url")
    if not isinstance(revoke, str):
        return []
    base = str(_dict(doc.data.get("package")).get("base_url", "")).rstrip("/")
    urls = {base + str(_dict(ep).get("path")) for ep in _dict(doc.data.get("endpoints")).values()}
    if revoke in urls:
        return []
    return [
        doc.problem(
            ("auth", "revoke_url"),
            f"{revoke} is not the URL of any endpoint; declare the revoke endpoint under `endpoints` "
            "(its URL is package.base_url + path)",
        )
    ]
