"""Meaning checks on the names the generated code derives: two spec names must never land on one.

The spec's names (objects, scopes, endpoint keys, error codes) become class names, enum
members, module constants, function names and docs file names (see ``naming``). Where two of
them would become one, or one would take a name the package already exports, the spec is
refused, naming both: generating would silently drop one, shadow one or overwrite a file.
Like the other checks, these return problems and never raise on malformed data.
"""

from __future__ import annotations

import builtins
import keyword
from collections.abc import Callable, Iterable
from typing import Any

from generator import naming
from generator.problems import Problem
from generator.yaml_document import Document, Path_


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _clashes(
    doc: Document, names: Iterable[tuple[str, Path_]], derive: Callable[[str], str], message: str
) -> list[Problem]:
    """A problem at each name whose derived name an earlier one already has.

    ``message`` is formatted with ``first``, ``second`` and ``derived``.
    """
    seen: dict[str, str] = {}
    problems = []
    for name, path in names:
        derived = derive(name)
        if derived in seen:
            problems.append(
                doc.problem(path, message.format(first=seen[derived], second=name, derived=derived), key=True)
            )
        seen.setdefault(derived, name)
    return problems


def _scoped(obj: Any) -> bool:
    """Whether every field has a scope: the object then gets a field enum and scope helpers."""
    fields = _dict(_dict(obj).get("fields"))
    return bool(fields) and all(isinstance(f, dict) and f.get("scope") is not None for f in fields.values())


def object_name_problems(doc: Document) -> list[Problem]:
    """Object names: not a Python or package name; distinct as classes, module names and files."""
    objects = _dict(doc.data.get("objects"))
    problems = []
    field_enums = {naming.field_enum(name): name for name, obj in objects.items() if _scoped(obj)}
    for name in objects:
        path: Path_ = ("objects", name)
        if keyword.iskeyword(name) or hasattr(builtins, name) or name in naming.MODULE_NAMES:
            problems.append(
                doc.problem(path, f"{name!r} is a Python name the models need; rename the object", key=True)
            )
        elif name in naming.PACKAGE_NAMES:
            what = naming.PACKAGE_NAMES[name]
            problems.append(
                doc.problem(
                    path,
                    f"{name!r} is a name the generated package exports ({what}); rename the object",
                    key=True,
                )
            )
        elif name in field_enums:
            problems.append(
                doc.problem(
                    path,
                    f"objects {field_enums[name]!r} and {name!r} both become the class {name!r} "
                    f"(the field enum of {field_enums[name]}, and this model); rename one",
                    key=True,
                )
            )
    problems += _clashes(
        doc,
        ((name, ("objects", name)) for name in objects),
        naming.snake,
        "objects {first!r} and {second!r} both become {derived!r} in helper and docs file names; rename one",
    )
    return problems


def scope_name_problems(doc: Document) -> list[Problem]:
    """Scope names map to distinct enum members."""
    return _clashes(
        doc,
        ((name, ("scopes", name)) for name in _dict(doc.data.get("scopes"))),
        naming.enum_member,
        "scopes {first!r} and {second!r} both become the enum member {derived!r}; rename one",
    )


def endpoint_name_problems(doc: Document) -> list[Problem]:
    """Endpoint keys give distinct constants and docs files; error codes distinct enum members."""
    endpoints = _dict(doc.data.get("endpoints"))
    problems = _clashes(
        doc,
        ((key, ("endpoints", key)) for key in endpoints),
        naming.snake,
        "endpoints {first!r} and {second!r} both become {derived!r} in constant and docs file names; rename one",
    )
    for key in endpoints:
        constant = naming.endpoint_constant(key)
        if constant in naming.API_CONSTANTS:
            problems.append(
                doc.problem(
                    ("endpoints", key),
                    f"endpoint {key!r} would become the constant {constant}, which the package already has; rename it",
                    key=True,
                )
            )
    codes: list[tuple[str, Path_]] = []
    statuses: dict[str, tuple[Any, str]] = {}
    for key, endpoint in endpoints.items():
        for code, error in _dict(_dict(endpoint).get("errors")).items():
            path: Path_ = ("endpoints", key, "errors", code)
            status = _dict(error).get("status")
            if code not in statuses:
                codes.append((code, path))
                statuses[code] = (status, key)
            elif statuses[code][0] != status:
                first_status, first_key = statuses[code]
                problems.append(
                    doc.problem(
                        (*path, "status"),
                        f"error code {code!r} has status {status!r} here but {first_status!r} in endpoint "
                        f"{first_key!r}; one code has one status",
                    )
                )
    problems += _clashes(
        doc,
        codes,
        naming.enum_member,
        "error codes {first!r} and {second!r} both become the enum member {derived!r}; rename one",
    )
    return problems


def name_problems(doc: Document) -> list[Problem]:
    """Every check of derived names."""
    return [*object_name_problems(doc), *scope_name_problems(doc), *endpoint_name_problems(doc)]
