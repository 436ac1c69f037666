# Generated from spec/tiktok_v2.yaml. Do not edit.
"""Descriptions in every language, read from the models at run time."""

from __future__ import annotations

from typing import Final

from pydantic import BaseModel

__all__ = ["LANGUAGES", "SOURCE_LANGUAGE", "describe", "describe_model", "field_scope"]

LANGUAGES: Final = (
    "en",
    "th",
)
"""The languages every description is written in; the first is the source language."""
SOURCE_LANGUAGE: Final = "en"


def _extra(extra: object) -> dict[str, object]:
    return extra if isinstance(extra, dict) else {}


def _texts(extra: object) -> dict[str, str]:
    texts = _extra(extra).get("x-descriptions")
    return texts if isinstance(texts, dict) else {}


def _field(model: type[BaseModel], field: str) -> str:
    """The attribute name of ``field``, given as its Python name or its wire name."""
    if field in model.model_fields:
        return field
    for name, info in model.model_fields.items():
        if info.alias == field:
            return name
    raise KeyError(f"{model.__name__} has no field {field!r}")


def describe(
    model: type[BaseModel], field: str, language: str = SOURCE_LANGUAGE
) -> str:
    """A field's description in ``language`` (field by Python name or wire name)."""
    info = model.model_fields[_field(model, field)]
    texts = _texts(info.json_schema_extra)
    if language not in texts:
        raise KeyError(
            f"no {language!r} description; languages: {', '.join(LANGUAGES)}"
        )
    return texts[language]


def describe_model(model: type[BaseModel], language: str = SOURCE_LANGUAGE) -> str:
    """A model's description in ``language``."""
    texts = _texts(model.model_config.get("json_schema_extra"))
    if language not in texts:
        raise KeyError(
            f"no {language!r} description; languages: {', '.join(LANGUAGES)}"
        )
    return texts[language]


def field_scope(model: type[BaseModel], field: str) -> str | None:
    """The OAuth scope a field needs, or None for fields that are not scope-gated."""
    scope = _extra(model.model_fields[_field(model, field)].json_schema_extra).get(
        "x-scope"
    )
    return scope if isinstance(scope, str) else None
