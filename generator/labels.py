"""The docs' interface words per language: built-in defaults, overridable from the spec."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

_PATH = Path(__file__).with_name("labels.yaml")


@cache
def _catalog() -> dict[str, dict[str, str]]:
    loaded: dict[str, dict[str, str]] = yaml.load(_PATH.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return loaded


LABEL_KEYS = frozenset(_catalog()["en"])


def default_labels(language: str) -> dict[str, str]:
    """The built-in words for ``language`` (its base language for ``pt-BR``-style codes), or none."""
    catalog = _catalog()
    return dict(catalog.get(language) or catalog.get(language.split("-")[0], {}))


def labels_for(language: str, overrides: dict[str, str]) -> dict[str, str]:
    """The complete set of words for ``language``: defaults, then the spec's overrides."""
    return {**default_labels(language), **overrides}
