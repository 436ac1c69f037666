"""The OpenAPI documents: valid, complete in every language, and independently provable."""

from __future__ import annotations

import json
import types
import typing
import warnings
from typing import Any

import pytest
from openapi_spec_validator import validate

from generator.ir import ProjectIR
from generator.spec import Spec


def _docs(files: dict[str, str]) -> dict[str, dict[str, Any]]:
    return {path: json.loads(text) for path, text in files.items() if path.startswith("openapi/")}


def test_one_document_per_language(files: dict[str, str], spec: Spec) -> None:
    assert sorted(_docs(files)) == ["openapi/openapi.json", "openapi/openapi.th.json"]


@pytest.mark.parametrize("name", ["openapi/openapi.json", "openapi/openapi.th.json"])
def test_passes_openapi_spec_validator(files: dict[str, str], name: str) -> None:
    validate(json.loads(files[name]))


@pytest.mark.parametrize(
    ("name", "lang"), [("openapi/openapi.json", "en"), ("openapi/openapi.th.json", "th")]
)
def test_descriptions_in_every_language(files: dict[str, str], spec: Spec, name: str, lang: str) -> None:
    doc = json.loads(files[name])
    for obj in spec.objects:
        schema = doc["components"]["schemas"][obj.name]
        assert schema["description"] == obj.description[lang]
        assert schema["x-descriptions"] == obj.description
        for field in obj.fields:
            prop = schema["properties"][field.wire_name]
            assert prop["description"] == field.description[lang]
            assert prop["x-descriptions"] == field.description
            assert prop.get("x-scope") == field.scope
    flow = doc["components"]["securitySchemes"]["oauth2"]["flows"]["authorizationCode"]
    assert flow["scopes"] == {s.name: s.description[lang] for s in spec.scopes}
    assert flow["x-scope-descriptions"] == {s.name: s.description for s in spec.scopes}


def test_operation(files: dict[str, str], project: ProjectIR) -> None:
    doc = json.loads(files["openapi/openapi.json"])
    op = doc["paths"]["/v2/user/info/"]["get"]
    assert doc["servers"] == [{"url": "https://open.tiktokapis.com"}]
    param = op["parameters"][0]
    assert (param["name"], param["in"], param["required"], param["style"], param["explode"]) == (
        "fields",
        "query",
        True,
        "form",
        False,
    )
    user = next(o for o in project.objects if o.name == "User")
    assert param["schema"]["items"]["enum"] == [f.wire_name for f in user.fields]
    assert param["x-field-scopes"] == {f.wire_name: f.scope for f in user.fields}
    assert op["security"] == [
        {"oauth2": ["user.info.basic"]},
        {"oauth2": ["user.info.profile"]},
        {"oauth2": ["user.info.stats"]},
    ]
    assert op["x-rate-limit-per-minute"] == 600
    statuses = {code: r["x-error-codes"] for code, r in op["responses"].items()}
    assert statuses == {
        "200": ["ok"],
        "400": ["invalid_params", "scope_permission_missed"],
        "401": ["access_token_invalid", "scope_not_authorized"],
        "429": ["rate_limit_exceeded"],
        "500": ["internal_error"],
    }
    examples = op["responses"]["200"]["content"]["application/json"]["examples"]
    assert set(examples) == {"user_object_page", "get_user_info_page"}


def _normalise(annotation: Any) -> str:
    """A comparable spelling of a type: AnyUrl counts as str (our models keep URLs as sent), and
    constraints (``Annotated[int, Ge(0)]``, ``conint(ge=0)``) are compared apart, by :func:`_bounds`."""
    if typing.get_origin(annotation) is typing.Annotated:
        return _normalise(typing.get_args(annotation)[0])
    text = (
        annotation
        if isinstance(annotation, str)
        else getattr(annotation, "__name__", None) or str(annotation)
    )
    if isinstance(annotation, (types.UnionType, typing._UnionGenericAlias)):  # type: ignore[attr-defined]
        text = " | ".join(sorted(_normalise(a) for a in typing.get_args(annotation)))
    if typing.get_origin(annotation) is typing.Literal:
        text = "Literal[" + ", ".join(sorted(map(repr, typing.get_args(annotation)))) + "]"
    return text.replace("AnyUrl", "str").replace("NoneType", "None")


def _metadata(annotation: Any) -> list[Any]:
    """The constraint objects inside an annotation (``Annotated`` anywhere in a union)."""
    if typing.get_origin(annotation) is typing.Annotated:
        return [*typing.get_args(annotation)[1:], *_metadata(typing.get_args(annotation)[0])]
    return [m for a in typing.get_args(annotation) for m in _metadata(a)]


def _bounds(info: Any) -> dict[str, Any]:
    """A field's constraints, however pydantic holds them: ``{"ge": 0, "max_length": 20}``."""
    found = {}
    for meta in [*info.metadata, *_metadata(info.annotation)]:
        for attr in ("ge", "le", "gt", "lt", "min_length", "max_length"):
            value = getattr(meta, attr, None)
            if value is not None:
                found[attr] = value
    return found


def _their_models(openapi_text: str) -> dict[str, Any]:
    from datamodel_code_generator import DataModelType, Formatter, InputFileType, LiteralType, generate

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        code = generate(
            openapi_text,
            input_file_type=InputFileType.OpenAPI,
            output_model_type=DataModelType.PydanticV2BaseModel,
            enum_field_as_literal=LiteralType.All,
            formatters=[Formatter.BLACK],
            disable_timestamp=True,
            use_schema_description=True,
        )
    assert isinstance(code, str)
    module = types.ModuleType("their_models")
    exec(compile(code, "their_models", "exec"), module.__dict__)
    return module.__dict__


def test_datamodel_code_generator_agrees(files: dict[str, str], project: ProjectIR, tmp_path: Any) -> None:
    """An independent generator reading our OpenAPI derives the models we generated."""
    import importlib
    import sys

    theirs = _their_models(files["openapi/openapi.json"])
    for path, text in files.items():
        if path.startswith(f"python/{project.package}/"):
            (tmp_path / path.removeprefix("python/")).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / path.removeprefix("python/")).write_text(text, encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        ours = importlib.import_module(f"{project.package}.models")
        for obj in project.objects:
            our_model, their_model = getattr(ours, obj.class_name), theirs[obj.name]
            their_model.model_rebuild(_types_namespace=theirs)
            our_fields = {
                (info.alias or name): (
                    name,
                    _normalise(info.annotation),
                    info.is_required(),
                    info.description,
                    _bounds(info),
                    info.default,
                )
                for name, info in our_model.model_fields.items()
            }
            their_fields = {
                (info.alias or name): (
                    name,
                    _normalise(info.annotation),
                    info.is_required(),
                    info.description,
                    _bounds(info),
                    info.default,
                )
                for name, info in their_model.model_fields.items()
            }
            # Names that shadow a builtin (``id``) we rename with a trailing underscore; they keep
            # the builtin's name. Everything else must agree exactly.
            for wire, (name, *_rest) in our_fields.items():
                their_name = their_fields.get(wire, ("",))[0]
                assert name in (their_name, their_name + "_"), (obj.name, wire, name, their_name)
            assert {w: rest for w, (_, *rest) in our_fields.items()} == {
                w: rest for w, (_, *rest) in their_fields.items()
            }, obj.name
            assert their_model.__doc__.strip() == our_model.__doc__.strip()
    finally:
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m == project.package or m.startswith(project.package + ".")]:
            del sys.modules[name]
