"""The one strict Jinja environment, used by production and tests alike."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.bccache import Bucket

from generator.blob_store import BlobStore
from generator.escaping import ESCAPERS
from generator.formatting import black_docstring
from generator.paths import TEMPLATES

# Directories whose templates replace built-in ones of the same name (see generator/overrides.py).
_overrides: tuple[Path, ...] = ()


def _py_literal(value: Any) -> str:
    """A Python literal for JSON-like data (str, int, float, bool, None, list, dict)."""
    if isinstance(value, str):
        return ESCAPERS["py_str"](value)
    if value is None or isinstance(value, (bool, int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_py_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_py_literal(str(k))}: {_py_literal(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no Python literal for {type(value).__name__}")


def _py_tuple(values: Any) -> str:
    """A tuple display of strings: ``()``, ``("a",)``, ``("a", "b")``."""
    items = [ESCAPERS["py_str"](v) for v in values]
    return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"


def _json_block(value: Any) -> str:
    """Pretty JSON for a fenced code block; a fence inside strings cannot close the block."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("```", "`\\u0060`")


FILTERS = {
    **ESCAPERS,
    "py_literal": _py_literal,
    "py_literal_tuple": _py_tuple,
    "json_block": _json_block,
    "black_docstring": black_docstring,
}


def environment() -> jinja2.Environment:
    """Strict: undefined names fail, whitespace control is explicit, no autoescape (filters escape).

    Templates come from the override directories first (if any are set), then the package, so
    an override replaces one template by name and gets the same filters and strictness.
    """
    return _environment(_overrides)


def set_overrides(directories: tuple[Path, ...]) -> None:
    """Use these directories' templates before the built-in ones (an empty tuple: built-ins only)."""
    global _overrides
    _overrides = directories


@cache
def _environment(overrides: tuple[Path, ...]) -> jinja2.Environment:
    loader: jinja2.BaseLoader = jinja2.FileSystemLoader(str(TEMPLATES))
    if overrides:
        loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader([str(d) for d in overrides]), loader])
    env = jinja2.Environment(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
        auto_reload=False,
    )
    env.filters.update(FILTERS)
    return env


class CheckedBytecodeCache(jinja2.BytecodeCache):
    """Jinja's bytecode cache, each entry checksummed with its key (generator/blob_store.py): a
    damaged entry, or one copied from another template's, is compiled anew, never loaded. (Jinja's
    own FileSystemBytecodeCache checks only an entry's header and its source's checksum, so a
    byte changed in the code would have changed the output.)"""

    def __init__(self, store: BlobStore) -> None:
        self.store = store

    def load_bytecode(self, bucket: Bucket) -> None:
        body = self.store.get(bucket.key.encode("utf-8"))
        if body is not None:
            try:
                bucket.bytecode_from_string(body)
            except Exception:  # noqa: BLE001 - an entry that cannot be loaded is compiled anew
                bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store.put(bucket.key.encode("utf-8"), bucket.bytecode_to_string())


def reload_templates() -> None:
    """Forget every loaded template, so the next render reads the files again (``specgen watch``,
    after a template is saved: the environment never checks the files itself)."""
    _environment.cache_clear()


def render(template: str, **context: Any) -> str:
    """Render one template file with the given context."""
    return environment().get_template(template).render(**context)
