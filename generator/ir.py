"""The frozen intermediate model: every name, order and per-target type decided here.

Templates read this and never look anything up or compute; renderers turn it into files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator import graph, ir_types, naming
from generator.ir_endpoints import (
    EndpointIR,
    ErrorIR,
    ErrorShapeIR,
    ExampleIR,
    PaginationIR,
    RequestBodyIR,
    TagIR,
    build_endpoint,
    error_table,
    tags,
)
from generator.labels import labels_for
from generator.metadata import PackageMetadata
from generator.spec import FieldSpec, ObjectSpec, Spec, Text
from generator.spec_model import ReleaseSpec

# The endpoint IR's names, re-exported: the renderers import every IR name from here.
__all__ = [
    "EndpointIR",
    "ErrorIR",
    "ErrorShapeIR",
    "ExampleIR",
    "FieldIR",
    "LanguageIR",
    "ModelModuleIR",
    "ObjectIR",
    "PaginationIR",
    "ProjectIR",
    "RequestBodyIR",
    "ScopeIR",
    "TagIR",
    "Translation",
    "build_ir",
]


@dataclass(frozen=True)
class Translation:
    """One language's text."""

    language: str
    text: str


@dataclass(frozen=True)
class FieldIR:
    """A field as every target needs it."""

    wire_name: str
    py_name: str
    needs_alias: bool
    py_type: str
    annotation: str
    required: bool
    scope: str | None
    scope_member: str | None
    member: str
    description: Text
    translations: tuple[Translation, ...]
    type_label: str
    type_object: str | None  # the object a docs page links to, if any
    json_schema: dict[str, Any]
    example: Any
    has_example: bool
    format: str | None  # a string's format (uri, date-time, ...)
    constraints: tuple[tuple[str, Any], ...]  # (spec key, value): minimum, max_items, enum, ...
    default: Any
    has_default: bool
    py_constraints: tuple[str, ...]  # pydantic ``Field`` arguments: ``ge=0``, ``max_length=20``


@dataclass(frozen=True)
class ObjectIR:
    """An object as every target needs it."""

    name: str
    class_name: str
    slug: str
    description: Text
    translations: tuple[Translation, ...]
    fields: tuple[FieldIR, ...]
    scoped: bool  # every field has a scope: it gets a field enum and scope helpers
    field_enum: str
    scope_map: str
    scopes_for_fields: str
    fields_for_scopes: str
    build_fields_param: str
    module: str  # its module in the models package: ``_user`` (objects in a cycle share one)
    # What the whole-project views read of its fields, decided with them (so they need not be read):
    field_scopes: tuple[tuple[str, str | None], ...]  # (wire name, scope) of each field
    references: tuple[str, ...]  # the objects its fields' types name, each once, in field order
    uses_literal: bool  # a field takes only listed values (``Literal[...]``)


@dataclass(frozen=True)
class ModelModuleIR:
    """One module of the models package: an object, or the objects of a reference cycle."""

    name: str
    objects: tuple[ObjectIR, ...]  # dependencies first
    imports: tuple[tuple[str, str], ...]  # (module, class) of the other modules' classes it uses
    doc: str
    uses_literal: bool  # a field takes only listed values (``Literal[...]``)


@dataclass(frozen=True)
class ScopeFieldIR:
    """A field that a scope unlocks."""

    object: str
    wire_name: str
    slug: str


@dataclass(frozen=True)
class ScopeIR:
    """An OAuth scope."""

    name: str
    member: str
    description: Text
    translations: tuple[Translation, ...]
    fields: tuple[ScopeFieldIR, ...]
    # How the authorization screen words the scope (the description when the spec gives no
    # separate consent text).
    consent: Text


@dataclass(frozen=True)
class LanguageIR:
    """A docs language and its interface words."""

    code: str
    is_source: bool
    labels: dict[str, str]


@dataclass(frozen=True)
class ProjectIR:
    """Everything the renderers need."""

    spec_files: tuple[str, ...]
    spec_sha256: str
    source_language: str
    languages: tuple[LanguageIR, ...]
    package: str
    version: str
    title: Text
    description: Text
    api_version: str | None
    base_url: str
    authorize_url: str | None
    token_url: str | None
    scopes: tuple[ScopeIR, ...]
    objects: tuple[ObjectIR, ...]  # spec order (docs)
    model_order: tuple[ObjectIR, ...]  # dependencies first (Python)
    model_modules: tuple[ModelModuleIR, ...]  # in model order of their first object
    scoped_objects: tuple[ObjectIR, ...]
    endpoints: tuple[EndpointIR, ...]
    errors: tuple[ErrorIR, ...]  # all endpoints' error codes, first occurrence wins
    tags: tuple[TagIR, ...] = ()
    releases: tuple[ReleaseSpec, ...] = ()  # newest first; target-neutral data, as the spec has it
    metadata: PackageMetadata = PackageMetadata()  # license, authors, homepage, keywords, contact
    revoke_url: str | None = None
    client_id_parameter: str = "client_id"  # its name in the authorization request and token forms
    scope_separator: str = " "  # what joins the scopes of the authorization request
    docs_url: str | None = None  # where the docs site is published (package.docs_url)

    @property
    def header(self) -> str:
        """One line naming the spec, for every generated file that allows comments.

        Not the spec's hash (MANIFEST.json records it): a file that depends on none of an edit
        keeps its bytes, so incremental generation leaves it untouched.
        """
        return f"Generated from {', '.join(self.spec_files)}. Do not edit."


def _translations(text: Text, languages: tuple[str, ...]) -> tuple[Translation, ...]:
    return tuple(Translation(lang, text[lang]) for lang in languages)


@dataclass(frozen=True)
class _Context:
    """What every field's IR reads of the whole spec, decided once per build."""

    languages: tuple[str, ...]
    classes: dict[str, str]  # object name -> class name
    reserved: frozenset[str]  # the class names, which a field's Python name must not take
    rank: dict[str, int]  # object name -> position in the models (dependencies first)


def _field(f: FieldSpec, context: _Context, owner: str) -> FieldIR:
    py_name = naming.field_name(f.wire_name, context.reserved)
    py_type = ir_types.py_base(f.type, f.constraints, context.classes)
    annotation = py_type if f.required else f"{py_type} | None"
    used = ir_types.ref_object(f.type)
    if used is not None and context.rank[used] >= context.rank[owner]:
        # A class defined later (or this one): a forward reference, resolved by pydantic when
        # the model is first used. Every other annotation is evaluated as the class is created,
        # which costs far less at import than a string per field (each becomes a ForwardRef).
        annotation = f'"{annotation}"'
    pairs = f.constraints.pairs()
    return FieldIR(
        wire_name=f.wire_name,
        py_name=py_name,
        needs_alias=py_name != f.wire_name,
        py_type=py_type,
        annotation=annotation,
        required=f.required,
        scope=f.scope,
        scope_member=naming.enum_member(f.scope) if f.scope else None,
        member=naming.enum_member(f.wire_name),
        description=f.description,
        translations=_translations(f.description, context.languages),
        type_label=ir_types.type_label(f.type),
        type_object=used,
        json_schema=ir_types.constrained_schema(f.type, f.constraints, pairs),
        example=f.example,
        has_example=f.has_example,
        format=f.type.format,
        constraints=pairs,
        default=f.constraints.default,
        has_default=f.constraints.has_default,
        py_constraints=ir_types.py_constraints(pairs),
    )


def object_ir(o: ObjectSpec, context: _Context, module: str) -> ObjectIR:
    """One object's IR."""
    fields = tuple(_field(f, context, o.name) for f in o.fields)
    snake = naming.snake(o.name)
    return ObjectIR(
        name=o.name,
        class_name=context.classes[o.name],
        slug=naming.kebab(o.name),
        description=o.description,
        translations=_translations(o.description, context.languages),
        fields=fields,
        scoped=bool(fields) and all(f.scope for f in fields),
        field_enum=naming.field_enum(o.name),
        scope_map=f"{naming.constant(o.name)}_FIELD_SCOPES",
        scopes_for_fields=f"scopes_for_{snake}_fields",
        fields_for_scopes=f"{snake}_fields_for_scopes",
        build_fields_param=f"build_{snake}_fields_param",
        module=module,
        field_scopes=tuple((f.wire_name, f.scope) for f in fields),
        references=tuple(dict.fromkeys(f.type_object for f in fields if f.type_object is not None)),
        uses_literal=any(f.py_type.startswith("Literal[") for f in fields),
    )


def object_inputs(o: ObjectSpec, context: _Context, module: str) -> tuple[Any, ...]:
    """Everything :func:`_object` reads besides the toolkit: the object's spec and what it takes from
    the rest of the spec (the languages, its module, which of its fields' names are class names,
    which of its references are forward). Equal inputs give an equal ObjectIR (generator/ir_cache.py)."""
    return (o, *surroundings(o, context, module))


def surroundings(o: ObjectSpec, context: _Context, module: str) -> tuple[Any, ...]:
    """What :func:`_object` takes from the rest of the spec for ``o``: the languages, its module,
    which of its fields' names are class names, which of its references are forward."""
    taken = tuple(f.wire_name for f in o.fields if naming.takes_reserved(f.wire_name, context.reserved))
    forward = tuple(
        (f.wire_name, context.rank[used] >= context.rank[o.name])
        for f in o.fields
        if (used := ir_types.ref_object(f.type)) is not None
    )
    return (context.languages, module, taken, forward)


ObjectMaker = Callable[[ObjectSpec, _Context, str], ObjectIR]


def _uses(objects: tuple[ObjectSpec, ...]) -> dict[str, list[str]]:
    """Each object's name (in spec order) and the objects its fields' types name."""
    return {o.name: [u for f in o.fields if (u := ir_types.ref_object(f.type)) is not None] for o in objects}


def _model_modules(model_order: tuple[ObjectIR, ...], package: str) -> tuple[ModelModuleIR, ...]:
    by_module: dict[str, list[ObjectIR]] = {}
    for obj in model_order:
        by_module.setdefault(obj.module, []).append(obj)
    module_of = {o.name: o.module for o in model_order}
    class_of = {o.name: o.class_name for o in model_order}
    modules = []
    for name, members in by_module.items():
        used = {(module_of[u], class_of[u]) for o in members for u in o.references if module_of[u] != name}
        names = [o.class_name for o in members]
        doc = (
            f"The {names[0]} model"
            if len(names) == 1
            else f"The {', '.join(names[:-1])} and {names[-1]} models, which refer to one another"
        )
        modules.append(
            ModelModuleIR(
                name=name,
                objects=tuple(members),
                imports=tuple(sorted(used)),
                uses_literal=any(o.uses_literal for o in members),
                doc=f"{doc}; import from {package}.models, which loads this module on first use.",
            )
        )
    return tuple(modules)


def _scopes(spec: Spec, objects: tuple[ObjectIR, ...]) -> tuple[ScopeIR, ...]:
    fields: dict[str | None, list[ScopeFieldIR]] = {}  # each scope's fields, in object and field order
    for o in objects:
        for wire_name, scope in o.field_scopes:
            fields.setdefault(scope, []).append(ScopeFieldIR(o.name, wire_name, o.slug))
    return tuple(
        ScopeIR(
            name=s.name,
            member=naming.enum_member(s.name),
            description=s.description,
            translations=_translations(s.description, spec.languages),
            fields=tuple(fields.get(s.name, ())),
            consent=s.consent or s.description,
        )
        for s in spec.scopes
    )


def build_ir(spec: Spec, make_object: ObjectMaker | None = None) -> ProjectIR:
    """Decide everything the renderers need from a validated spec.

    ``make_object`` builds each object's IR in place of :func:`object_ir` (which it must agree
    with): generator/ir_cache.py's loads unchanged objects from the cache.
    """
    make_object = make_object or object_ir
    classes = {o.name: o.name for o in spec.objects}
    uses = _uses(spec.objects)
    order = graph.dependency_order(uses)
    rank = {name: i for i, name in enumerate(order)}  # position in the models module
    group = graph.cycles(uses)
    context = _Context(spec.languages, classes, frozenset(classes.values()), rank)
    objects = tuple(make_object(o, context, "_" + naming.snake(group[o.name])) for o in spec.objects)
    by_name = {o.name: o for o in objects}
    scopes = _scopes(spec, objects)
    model_order = tuple(by_name[name] for name in order)
    errors = error_table(spec)
    endpoints = tuple(
        build_endpoint(e, spec, by_name, errors, lambda q: _field(q, context, "")) for e in spec.endpoints
    )
    languages = tuple(
        LanguageIR(lang, i == 0, labels_for(lang, spec.labels.get(lang, {})))
        for i, lang in enumerate(spec.languages)
    )
    return ProjectIR(
        spec_files=spec.sources,
        spec_sha256=spec.sha256,
        source_language=spec.languages[0],
        languages=languages,
        package=spec.package.name,
        version=spec.package.version,
        title=spec.package.title,
        description=spec.package.description,
        api_version=spec.package.api_version,
        base_url=spec.package.base_url,
        authorize_url=spec.auth.authorize_url if spec.auth else None,
        token_url=spec.auth.token_url if spec.auth else None,
        scopes=scopes,
        objects=objects,
        model_order=model_order,
        model_modules=_model_modules(model_order, spec.package.name),
        scoped_objects=tuple(o for o in objects if o.scoped),
        endpoints=endpoints,
        errors=tuple(errors.values()),
        tags=tags(spec.tags),
        metadata=spec.package.metadata,
        releases=spec.releases,
        revoke_url=spec.auth.revoke_url if spec.auth else None,
        client_id_parameter=spec.auth.client_id_parameter if spec.auth else "client_id",
        scope_separator=spec.auth.scope_separator if spec.auth else " ",
        docs_url=spec.package.docs_url,
    )
