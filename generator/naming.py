"""Every Python name the generator emits is decided here, once, from a wire name."""

from __future__ import annotations

import builtins
import functools
import keyword
import re
import sys
import unicodedata

# Attributes of pydantic.BaseModel and of its metaclass (``mro``, ``register``), listed here
# so the generator needs no pydantic import: a field with one of these names would shadow the
# model's own API (pydantic warns at import for the metaclass's too).
BASE_MODEL_ATTRIBUTES = frozenset("""
    construct copy dict fields from_orm json model_computed_fields model_config
    model_construct model_copy model_dump model_dump_json model_extra model_fields
    model_fields_set model_json_schema model_parametrized_name model_post_init
    model_rebuild model_validate model_validate_json model_validate_strings parse_file
    parse_obj parse_raw schema schema_json update_forward_refs validate mro register
    """.split())

# Names the generated model modules use unqualified, besides the spec's class names.
MODULE_NAMES = frozenset({"BaseModel", "ConfigDict", "Field", "annotations"})

# Class attributes pydantic reads specially: ``Config`` is the old-style model config, refused
# beside ``model_config``, so a field called Config would break its model.
PYDANTIC_CLASS_NAMES = frozenset({"Config"})

# Class names the generated package exports beside the models (its __init__ re-exports every
# module): an object of one of these names would be shadowed there. Name -> what it is.
PACKAGE_NAMES = {
    "Scope": "the scope enum",
    "ScopeNotGrantedError": "the error for a field whose scope was not granted",
    "UnknownFieldError": "the error for an unknown field",
    "UnknownScopeError": "the error for an unknown scope",
    "ErrorCode": "the error code enum",
    "LANGUAGES": "the tuple of the spec's languages",
}
# Constants of the generated api module that an endpoint's constant must not replace.
API_CONSTANTS = frozenset({"BASE_URL", "AUTHORIZE_URL", "TOKEN_URL", "ERROR_HTTP_STATUS"})

_UNDERSCORES = re.compile(r"_+")
_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


@functools.lru_cache(maxsize=65536)  # each wire name is asked for several times (models, enums, docs)
def _identifier_chars(wire: str) -> str:
    """NFKC-normalise (as Python does for identifiers) and turn runs of other characters into ``_``."""
    if wire.isascii() and wire.isidentifier():
        kept = wire  # the common case: NFKC keeps ASCII, and every character is kept
    else:
        text = unicodedata.normalize("NFKC", wire)
        kept = "".join(c if ("x" + c).isidentifier() else "_" for c in text)
    name = (_UNDERSCORES.sub("_", kept) if "__" in kept else kept).strip("_")
    # A name cannot start with a combining mark or a digit; callers prefix digits.
    while name and not name[0].isidentifier() and not name[0].isdigit():
        name = name[1:].lstrip("_")
    return name


def field_name(wire: str, reserved: frozenset[str] = frozenset()) -> str:
    """The Python attribute name for a field's wire name.

    Keeps the wire name when it is a safe identifier; otherwise cleans it and, for
    keywords, builtins, BaseModel attributes, names starting with ``model_`` and the
    ``reserved`` names (class names used in the same module), appends ``_``.
    """
    name, suffixed = _field_name(wire)
    if not suffixed and name in reserved:
        name = f"{name}_"
    return name


def takes_reserved(wire: str, reserved: frozenset[str]) -> bool:
    """Whether the field's name, before the ``reserved`` names are looked at, is one of them: the
    same as ``field_name(wire) in reserved``.

    Without computing the name where it cannot be: an ASCII wire name with no capital gives a
    name with no capital (cleaning keeps ASCII letters as they are), and a name with a capital
    (a class name, as a rule) is never equal to it.
    """
    if wire.isascii() and wire.islower() and _every_one_has_a_capital(reserved):
        return False
    return field_name(wire) in reserved


@functools.lru_cache(maxsize=8)  # one set of class names a spec
def _every_one_has_a_capital(names: frozenset[str]) -> bool:
    return all(any(c.isupper() for c in name) for name in names)


@functools.lru_cache(maxsize=65536)  # a pure function of the name: asked for by the checks and the IR
def _field_name(wire: str) -> tuple[str, bool]:
    """The field's name before the ``reserved`` names are looked at, and whether ``_`` was appended."""
    name = _identifier_chars(wire)
    if not name:
        name = "field"
    elif name[0].isdigit():
        name = f"field_{name}"
    if (
        keyword.iskeyword(name)
        or keyword.issoftkeyword(name)
        or name in vars(builtins)  # hasattr's answer for a module, without raising on a miss
        or name in BASE_MODEL_ATTRIBUTES
        or name in PYDANTIC_CLASS_NAMES
        or name in MODULE_NAMES
        or name.startswith("model_")
    ):
        return f"{name}_", True
    return name, False


@functools.lru_cache(maxsize=65536)  # a pure function of the value, asked for by the checks and the IR
def enum_member(value: str) -> str:
    """The enum member name for a value: ``user.info.basic`` -> ``USER_INFO_BASIC``."""
    name = _identifier_chars(value)
    name = "_".join(part for part in _CAMEL_BOUNDARY.split(name) if part).upper()
    if not name:
        return "VALUE"
    if name[0].isdigit():
        return f"V_{name}"
    return name


def snake(name: str) -> str:
    """``UserInfoResponse`` -> ``user_info_response``."""
    return "_".join(part.lower() for part in _CAMEL_BOUNDARY.split(_identifier_chars(name)) if part)


def kebab(name: str) -> str:
    """``UserInfoResponse`` or ``get_user_info`` -> ``user-info-response``, ``get-user-info``."""
    return snake(name).replace("_", "-")


def constant(name: str) -> str:
    """``User`` -> ``USER``, for module-level constants."""
    return snake(name).upper()


def is_package_name(name: str) -> bool:
    """Whether ``name`` is a valid, importable top-level package name we accept."""
    return bool(re.fullmatch(r"[a-z_][a-z0-9_]*", name)) and not keyword.iskeyword(name)


# Top-level modules the generated package imports, or that Python finds first: a package of
# one of these names would shadow it (or be shadowed) and fail to import.
SHADOWED_MODULES = frozenset(
    {*sys.stdlib_module_names, "pydantic", "pydantic_core", "typing_extensions", "annotated_types"}
    | {"typing_inspection", "__future__", "__main__", "site", "sitecustomize", "usercustomize"}
)


def field_enum(object_name: str) -> str:
    """The enum of a scope-gated object's fields: ``User`` -> ``UserField``."""
    return f"{object_name}Field"


def endpoint_constant(key: str) -> str:
    """The URL constant of an endpoint: ``get_user_info`` -> ``GET_USER_INFO_URL``."""
    return f"{constant(key)}_URL"
