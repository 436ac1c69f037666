"""Hypothesis strategies for hostile specs, and the names each spec is expected to refuse.

A spec is drawn as a Python dict and dumped with ``yaml.safe_dump``; its texts mix quotes,
triple quotes, backslashes, ``|``, line breaks, tabs, Jinja, HTML, Thai with combining marks,
zero-width characters, emoji and long runs; its names (wire names, scopes, error codes,
object names, paths) include Python keywords, builtins, pydantic ``BaseModel`` attributes,
names of the generated package's own API, and strings that are not identifiers at all.
"""

from __future__ import annotations

import builtins
import keyword
import re
from collections.abc import Callable
from typing import Any

import yaml
from hypothesis import strategies as st

from generator import naming
from generator.labels import LABEL_KEYS

PRIMITIVES = ["string", "boolean", "int32", "int64", "number"]

# fmt: off
# Pieces that each broke some generator: quoting, escaping, Markdown, HTML, Jinja, Thai, invisibles.
FRAGMENTS = [
    '"', "'", '"""', "'''", "\\", "\\\\", '\\"', "\\n", "|", "||", "\\|", "`", "```", "~~~", "*", "_", "**b**",
    "#", "# heading", "- item", "1. ", "> quote", "[link](http://x)", "![img](x.png)", "&amp;", "&lt;", "&#124;",
    "\n", "\r", "\r\n", "\t", "\n\n", "    indented", "\x85", "\u2028", "\u2029", "!!! note", "$1", "~", "^", "=",
    "{{ 7*7 }}", "{% raw %}", "{% endraw %}", "{# c #}", "{{", "}}", "{%", "%}", "${x}", "%s", "{0}", "{: .x }",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<b>bold</b>", "<br>", "</td>", "<!--", "-->",
    "<code>", "<a href='javascript:alert(1)'>x</a>",
    "ผู้ใช้", "ชื่อที่แสดง", "น้ำ", "กี่", "ที่ไม่ซ้ำกัน", "เข้าถึงข้อมูลโปรไฟล์", "ฯลฯ", "ๆ", "\u0e49", "\u0e31\u0e48",
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00a0", "\u202e", "🎉", "👩\u200d👩\u200d👧", "🇹🇭", "ﬁ",
    "# noqa", '"""\'', "\'\'\'\"", "\\N{BULLET}", "\\x00", "\\u1234", ":", ": ", " #", "---", "...",
]
# fmt: on
_ALPHABET = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters="\ufffe\uffff")


def _fragment_text(min_size: int) -> st.SearchStrategy[str]:
    return st.lists(
        st.one_of(st.sampled_from(FRAGMENTS), st.text(_ALPHABET, min_size=1, max_size=8)),
        min_size=min_size,
        max_size=12,
    ).map("".join)


def _long_text() -> st.SearchStrategy[str]:
    return st.tuples(_fragment_text(1), st.integers(50, 400)).map(lambda t: (t[0] + " ") * t[1])


@st.composite
def hostile_texts(draw: st.DrawFn) -> str:
    """A text a spec accepts (not blank), often ending in a backslash or a quote."""
    text = draw(st.one_of(_fragment_text(1), _fragment_text(1), _long_text()))
    text += draw(st.sampled_from(["", "", "\\", '"', "'", "\n", " ", "ผู้"]))
    if not text.strip():
        text += "x"
    return text


def texts(languages: list[str]) -> st.SearchStrategy[dict[str, str]]:
    """One hostile text per language."""
    return st.fixed_dictionaries({lang: hostile_texts() for lang in languages})


BASE_MODEL_NAMES = sorted(
    naming.BASE_MODEL_ATTRIBUTES | {"Config", "model_config", "model_fields", "__fields__"}
)
# fmt: off
WIRE_NAMES = [
    *keyword.kwlist, *keyword.softkwlist, *BASE_MODEL_NAMES, "id", "list", "str", "int", "type", "print", "object",
    "len", "dict", "float", "bool", "bytes", "Field", "BaseModel", "ConfigDict", "annotations", "Thing", "Thing_",
    "user-name", "user_name", "user name", "1st", "@type", "$ref", "a.b", "a|b", "ชื่อผู้ใช้", "ผู้ใช้", "🎉",
    "__init__", "__class__", "_private", "__", "_", "0", "-", "x\u200by", "ﬁle", "file", "Ω", "<script>",
    "{{ x }}", "'", '"', "\\", "*a*", "[x](javascript:alert(1))", "display_name", "open_id", "mro", "name", "value",
]
OBJECT_NAMES = [
    "Thing", "ThingField", "User", "UserField", "Scope", "ErrorCode", "UnknownFieldError", "ScopeNotGrantedError",
    "HTTPServer", "HttpServer", "Model", "Final", "Mapping", "Iterable", "StrEnum", "MappingProxyType", "Any",
    "Field", "BaseModel", "ConfigDict", "Exception", "ValueError", "None", "True", "List", "Dict", "X", "A1",
]
SCOPE_NAMES = [
    "user.info.basic", "user.info.profile", "user_info_basic", "a|b", "<script>", "ไทย.อ่าน", "x_y", "video.list",
    "1st.scope", "mro", "'", "\\", "{{s}}", "*s*", "__s__", "`s`", "[s](x)",
]
ERROR_CODES = ["ok", "access_token_invalid", "rate-limit", "rate_limit", "ข้อผิดพลาด", "<b>", "a|b", "1", "x y", "'", "\\", "MRO"]
ENDPOINT_KEYS = ["get_user_info", "get_thing", "get__thing", "get_thing_", "list", "a", "base", "token"]
# fmt: on
PATH_CHARS = st.characters(
    codec="utf-8",
    exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp"),
    exclude_characters="\ufffe\uffff\u0085\u00a0{}",
)


def _names(
    sampled: list[str], free: st.SearchStrategy[str], min_size: int, max_size: int
) -> st.SearchStrategy[list[str]]:
    return st.lists(
        st.one_of(st.sampled_from(sampled), free), min_size=min_size, max_size=max_size, unique=True
    )


_SCOPE_NAME = re.compile(r"[^\s,]+")


def _wire_free() -> st.SearchStrategy[str]:
    return st.text(
        st.characters(
            codec="utf-8",
            exclude_categories=("Cs", "Cc"),
            exclude_characters="\ufffe\uffff\u0085\u2028\u2029",
        ),
        min_size=1,
        max_size=12,
    )


@st.composite
def _type(draw: st.DrawFn, objects: list[str], depth: int = 0) -> dict[str, Any]:
    kind = draw(st.sampled_from(["primitive"] * 4 + ["array", "object"]))
    if kind == "array" and depth < 2:
        return {"type": "array", "items": draw(_type(objects, depth + 1))}
    if kind == "object":
        return {"type": draw(st.sampled_from(objects))}
    name = draw(st.sampled_from(PRIMITIVES))
    fmt = draw(st.sampled_from([None, None, "uri", "date-time"])) if name == "string" else None
    return {"type": name, **({"format": fmt} if fmt else {})}


def _first_of_each(names: list[str], key: Callable[[str], str]) -> list[str]:
    """The names whose ``key`` no earlier name has."""
    seen: set[str] = set()
    return [n for n in names if not (key(n) in seen or seen.add(key(n)))]  # type: ignore[func-returns-value]


def _acceptable_objects(names: list[str]) -> list[str]:
    allowed = [
        n
        for n in names
        if not (keyword.iskeyword(n) or hasattr(builtins, n) or n in naming.MODULE_NAMES)
        and n not in naming.PACKAGE_NAMES
        and not n.endswith("Field")
    ]
    return _first_of_each(allowed, naming.snake) or ["Thing"]


@st.composite
def specs(draw: st.DrawFn) -> dict[str, Any]:
    """A spec as data: valid in form, and in one example of four with names that land on one another.

    In the others, names that would collide are dropped (by the documented naming rules), so
    most examples go all the way through generation.
    """
    clean = draw(st.integers(0, 3)) > 0
    languages = draw(st.sampled_from([["en", "th"], ["th", "en"], ["en"]]))
    text: Callable[[], dict[str, str]] = lambda: draw(texts(languages))
    # Scope names hold no spaces or commas (they separate scopes in a request): the spec refuses them.
    scopes = draw(_names(SCOPE_NAMES, _wire_free().filter(_SCOPE_NAME.fullmatch), 1, 3))
    objects = draw(_names(OBJECT_NAMES, st.from_regex(r"[A-Z][A-Za-z0-9]{0,8}", fullmatch=True), 1, 3))
    if clean:
        scopes = _first_of_each(scopes, naming.enum_member)
        objects = _acceptable_objects(objects)
    spec_objects: dict[str, Any] = {}
    for index, name in enumerate(objects):
        fields: dict[str, Any] = {}
        wires = draw(_names(WIRE_NAMES, _wire_free(), 1, 5))
        if clean:
            wires = _first_of_each(wires, lambda w: naming.field_name(w, frozenset(objects)))
            wires = _first_of_each(wires, naming.enum_member)
        for wire in wires:
            field: dict[str, Any] = draw(_type(objects))
            scoped = index == 0 or draw(st.booleans())
            if scoped:
                field["scope"] = draw(st.sampled_from(scopes))
            if field["type"] not in objects and draw(st.integers(0, 3)) == 0:
                field["required"] = True  # never for an object: a required cycle has no value
            field["description"] = text()
            if field["type"] == "string" and draw(st.booleans()):
                field["example"] = draw(hostile_texts())
            fields[wire] = field
        spec_objects[name] = {"description": text(), "fields": fields}
    spec: dict[str, Any] = {
        "spec_version": 1,
        "languages": languages,
        "package": {
            "name": draw(st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True)),
            # A version pip accepts (PEP 440), or the spec refuses it.
            "version": draw(st.sampled_from(["1.0.0", "2.0.0rc1", "0.1.dev3", "1!2.0.post1+local.7"])),
            "title": text(),
            "description": text(),
            "base_url": "https://api.example.com"
            + draw(st.one_of(st.just(""), st.text(PATH_CHARS, max_size=12).map(lambda p: "/" + p))),
        },
        "auth": {"authorize_url": "https://example.com/auth/", "token_url": "https://example.com/token/"},
        "scopes": {name: {"description": text()} for name in scopes},
        "objects": spec_objects,
    }
    overridden = draw(st.lists(st.sampled_from(sorted(LABEL_KEYS)), max_size=4, unique=True))
    if overridden:
        spec["labels"] = {languages[-1]: {key: draw(hostile_texts()) for key in overridden}}
    if draw(st.integers(0, 4)):
        keys = draw(st.lists(st.sampled_from(ENDPOINT_KEYS), min_size=1, max_size=2, unique=True))
        codes: dict[str, int] | None = None
        if clean:
            keys = _first_of_each(keys, naming.snake)
            keys = [k for k in keys if naming.endpoint_constant(k) not in naming.API_CONSTANTS] or [
                "get_thing"
            ]
            codes = {}  # one status per code, one code per enum member
        spec["endpoints"] = {key: _endpoint(draw, key, spec_objects, text, codes) for key in keys}
    return spec


def wire_value(raw: dict[str, Any], objects: dict[str, Any], text: str, top: bool = True) -> Any:
    """A wire value of a field's type (an object with its required fields only), texts ``text``."""
    kind = raw["type"]
    values = {"string": text, "boolean": True, "int32": -(2**31), "int64": 2**63 - 1, "number": 1.5}
    if kind in values:
        return values[kind]
    if kind == "array":
        return [wire_value(raw["items"], objects, text, top=False)] if top else []
    fields = objects[kind]["fields"]
    return {w: wire_value(f, objects, text, top=False) for w, f in fields.items() if f.get("required") or top}


def _errors(
    draw: st.DrawFn, text: Callable[[], dict[str, str]], codes: dict[str, int] | None
) -> dict[str, Any]:
    errors = {}
    for code in draw(st.lists(st.sampled_from(ERROR_CODES), max_size=3, unique=True)):
        status = draw(st.sampled_from([400, 401, 429, 500]))
        if codes is not None:
            taken = {naming.enum_member(c): c for c in codes}
            if taken.get(naming.enum_member(code), code) != code:
                continue
            status = codes.setdefault(code, status)
        errors[code] = {"status": status, "description": text()}
    return errors


def _endpoint(
    draw: st.DrawFn,
    key: str,
    objects: dict[str, Any],
    text: Callable[[], dict[str, str]],
    codes: dict[str, int] | None,
) -> dict[str, Any]:
    names = list(objects)
    response = draw(st.sampled_from(names))
    endpoint: dict[str, Any] = {
        "method": draw(st.sampled_from(["GET", "POST"])),
        "path": f"/{key}/" + draw(st.text(PATH_CHARS, max_size=16)),  # two endpoints, two routes
        "summary": text(),
        "description": text(),
        "security": "oauth2",
        "fields_parameter": {
            "name": draw(st.sampled_from(["fields", "field-list", "f.x", "_", "~a"])),
            "object": names[0],
            "required": draw(st.booleans()),
            "description": text(),
        },
        "response": response,
        "errors": _errors(draw, text, codes),
    }
    if draw(st.booleans()):
        endpoint["fields_parameter"]["example"] = draw(st.one_of(st.just("a,b"), hostile_texts()))
    if draw(st.booleans()):
        endpoint["rate_limit_per_minute"] = draw(st.integers(1, 10_000))
    keys = draw(
        st.lists(st.sampled_from(["default", "with spaces", "ไทย", "<x>", "a|b"]), max_size=2, unique=True)
    )
    if keys:
        value = wire_value({"type": response}, objects, draw(hostile_texts()))
        endpoint["examples"] = {k: {"summary": text(), "value": value} for k in keys}
    return endpoint


class _Dumper(yaml.SafeDumper):
    """PyYAML's dumper, except that a text with U+0085 (NEL) is double-quoted.

    PyYAML writes NEL raw inside a single-quoted scalar, where YAML reads it as a line
    break and folds it into a space: its own safe_load does not give the text back. That is
    the dumper's bug, not the reader's, so the strategy steps around it.
    """


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"' if "\x85" in value else None)


_Dumper.add_representer(str, _represent_str)


def dump(spec: dict[str, Any]) -> str:
    """The spec as YAML text, as a person's editor would save it."""
    text: str = yaml.dump(spec, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
    return text


def _pairs(names: list[str], key: Callable[[str], str]) -> list[tuple[str, str, str]]:
    """Each later name whose key an earlier name already has: (first, second, shared key)."""
    seen: dict[str, str] = {}
    pairs = []
    for name in names:
        k = key(name)
        if k in seen:
            pairs.append((seen[k], name, k))
        seen.setdefault(k, name)
    return pairs


def expected_refusals(spec: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Every pair of names the generator must refuse, with what they both become.

    A name that is refused alone pairs with itself. Computed from the naming rules the
    generator documents (generator/naming.py), independently of its checks.
    """
    objects = spec["objects"]
    classes = frozenset(objects)
    out: list[tuple[str, str, str]] = []
    scoped = [n for n, o in objects.items() if all("scope" in f for f in o["fields"].values())]
    for name in objects:
        if keyword.iskeyword(name) or hasattr(builtins, name) or name in naming.MODULE_NAMES:
            out.append((name, name, "a Python name"))
        elif name in naming.PACKAGE_NAMES:
            out.append((name, name, "a package name"))
        elif name in {naming.field_enum(o) for o in scoped}:
            out.append((name.removesuffix("Field"), name, name))
    out += _pairs(list(objects), naming.snake)
    for obj in objects.values():
        wires = list(obj["fields"])
        out += _pairs(wires, lambda w: naming.field_name(w, classes))
        scoped_wires = [w for w in wires if "scope" in obj["fields"][w]]
        out += [p for p in _pairs(scoped_wires, naming.enum_member) if p[:2] not in {q[:2] for q in out}]
    out += _pairs(list(spec["scopes"]), naming.enum_member)
    endpoints = spec.get("endpoints", {})
    out += _pairs(list(endpoints), naming.snake)
    out += [(k, k, "a constant") for k in endpoints if naming.endpoint_constant(k) in naming.API_CONSTANTS]
    statuses: dict[str, int] = {}
    for endpoint in endpoints.values():
        for code, error in endpoint["errors"].items():
            if statuses.setdefault(code, error["status"]) != error["status"]:
                out.append((code, code, "two statuses"))
    out += _pairs(list(statuses), naming.enum_member)
    return out
