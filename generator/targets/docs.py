"""Markdown docs: every page in every language, plus a bilingual page per selectable object."""

from __future__ import annotations

import json
import posixpath
import shlex
import urllib.parse
from dataclasses import dataclass

from generator import units
from generator.ir import EndpointIR, ExampleIR, FieldIR, LanguageIR, ObjectIR, ProjectIR
from generator.targets.openapi import openapi_filename
from generator.release_notes import release_notes
from generator.targets.client_view import method_name, unwrap_field
from generator.templating import render

# The pages every language has besides one per object and endpoint, by file name.
GETTING_STARTED = "getting-started.md"
API_REFERENCE = "api-reference.md"
CHANGELOG = "changelog.md"


def object_title(obj: ObjectIR, lang: LanguageIR) -> str:
    """An object page's title in one language ("User Object"): its heading, and the site's nav and tab."""
    return lang.labels["object_title"].replace("{name}", obj.name)


def bilingual_title(obj: ObjectIR, lang: LanguageIR) -> str:
    """A bilingual page's title in one language ("User Object (Bilingual)"): never the object page's."""
    return f"{object_title(obj, lang)} ({lang.labels['bilingual']})"


@dataclass(frozen=True)
class Alternate:
    """A link to the same page in another language."""

    name: str
    href: str


# The access token the examples show (seed 001's own example of the Authorization header).
EXAMPLE_TOKEN = "act.example12345Example12345Example"


@dataclass(frozen=True)
class PageView:
    """What one page's template needs besides the project: its language and relative links."""

    lang: str
    labels: dict[str, str]
    root: str
    alternates: tuple[Alternate, ...]
    slugs: dict[str, str]
    examples: tuple[ExampleIR, ...]
    curl: str
    others: tuple[LanguageIR, ...]
    example_token: str = EXAMPLE_TOKEN


def _page(
    project: ProjectIR,
    lang: LanguageIR,
    rel: str,
    examples: tuple[ExampleIR, ...] = (),
    curl: str = "",
    *,
    slugs: dict[str, str],
    others: tuple[LanguageIR, ...] | None = None,
) -> PageView:
    depth = rel.count("/")
    return PageView(
        lang=lang.code,
        labels=lang.labels,
        root="../" * depth,
        alternates=tuple(
            # posixpath.relpath(f"{other.code}/{rel}", here), without its cost on every page:
            # the two paths share no folder (a language code is one plain path segment).
            Alternate(other.labels["language_name"], "../" * (depth + 1) + f"{other.code}/{rel}")
            for other in project.languages
            if other.code != lang.code
        ),
        slugs=slugs,  # one dict for every page: building it per page was quadratic in the objects
        examples=examples,
        curl=curl,
        others=others if others is not None else _others(project),
    )


def _others(project: ProjectIR) -> tuple[LanguageIR, ...]:
    return tuple(x for x in project.languages if not x.is_source)


def _examples_for(project: ProjectIR, obj: ObjectIR) -> tuple[ExampleIR, ...]:
    """The example responses that show ``obj`` (as the response, or as its selectable object)."""
    return tuple(
        ex
        for ep in project.endpoints
        if obj.name in (ep.response and ep.response.name, ep.fields_object and ep.fields_object.name)
        for ex in ep.examples
    )


def _curl(ep: EndpointIR) -> str:
    """The example request as TikTok's pages show it: curl with the token, the content type and the body."""
    url = ep.url
    if ep.fields_param:
        example = ep.fields_param_example
        if example is None:
            fields = ep.fields_object.fields if ep.fields_object else ()
            example = ",".join(f.wire_name for f in fields[:3])
        # Percent-encoded as a client would send it: a line break or a backtick in the example
        # could otherwise end the code block around the command.
        url = f"{url}?{ep.fields_param}={urllib.parse.quote(example, safe=',')}"
    lines = [f"curl -L -X {ep.method} {shlex.quote(url)}"]
    if ep.oauth2:
        lines.append(f"-H 'Authorization: Bearer {EXAMPLE_TOKEN}'")
    body = ep.request_body
    if body is not None:
        lines.append(f"-H {shlex.quote('Content-Type: ' + body.content_type)}")
        value = body.examples[0].value if body.examples else None
        # Encoded so that nothing in an example can end the code block: form fields
        # percent-encoded (one -d each; curl joins them with &), JSON with backticks escaped.
        if body.form and isinstance(value, dict):
            lines.extend(
                f"-d {shlex.quote(urllib.parse.urlencode({k: _form_value(v)}))}" for k, v in value.items()
            )
        elif value is not None:
            text = json.dumps(value, ensure_ascii=False).replace("`", "\\u0060")
            lines.append(f"--data-raw {shlex.quote(text)}")
    return " \\\n  ".join(lines)


def _form_value(value: object) -> str:
    """A form field's value as it is written (numbers and booleans as JSON spells them)."""
    return value if isinstance(value, str) else json.dumps(value)


@dataclass(frozen=True)
class Step:
    """One assignment of the getting-started code that walks from the response to the selectable object."""

    name: str
    expression: str


@dataclass(frozen=True)
class GuideView:
    """What the getting-started page shows, decided from the first endpoint with a fields parameter."""

    ep: EndpointIR
    obj: ObjectIR
    scope_members: tuple[str, ...]  # the example's granted scopes, as ``Scope`` members
    scope_names: tuple[str, ...]
    fields_value: str  # what the fields parameter comes out as for those scopes
    denied_field: FieldIR | None  # a field those scopes do not allow, and so raise
    steps: tuple[Step, ...]  # response -> ... -> the selectable object
    shown_field: FieldIR  # a field of the object the example prints and describes
    imports: tuple[str, ...]  # every name the page's code takes from the package
    client_method: str  # the generated client's method for the endpoint
    client_result: str  # the name its result is bound to (the selectable object, the data, or the response)
    client_access: str  # the attributes read off the call's result (``.user``), or nothing
    client_steps: tuple[Step, ...]  # from what it returns to the selectable object


def _path_to(start: ObjectIR, goal: str, objects: dict[str, ObjectIR]) -> tuple[FieldIR, ...] | None:
    """The shortest chain of single (non-array) object fields from ``start`` to the object ``goal``."""
    queue: list[tuple[ObjectIR, tuple[FieldIR, ...]]] = [(start, ())]
    seen = {start.name}
    while queue:
        obj, path = queue.pop(0)
        if obj.name == goal:
            return path
        for f in obj.fields:
            if f.type_object and f.type_label == f.type_object and f.type_object not in seen:
                seen.add(f.type_object)
                queue.append((objects[f.type_object], (*path, f)))
    return None


def _steps(path: tuple[FieldIR, ...]) -> tuple[Step, ...]:
    steps: list[Step] = []
    holder, optional = "response", False
    for f in path:
        access = f"{holder}.{f.py_name}"
        steps.append(Step(f.py_name, f"{access} if {holder} is not None else None" if optional else access))
        holder, optional = f.py_name, optional or not f.required
    return tuple(steps)


def _guide_endpoint(project: ProjectIR) -> EndpointIR | None:
    """The endpoint the guide calls: the first that selects scoped fields and sends no body."""
    for ep in project.endpoints:
        if ep.fields_object is not None and ep.fields_object.scoped and ep.response and not ep.request_body:
            return ep
    return None


def _client_steps(
    ep: EndpointIR, project: ProjectIR, path: tuple[FieldIR, ...]
) -> tuple[str, str, tuple[Step, ...]]:
    """What the client's call is bound to, the attributes read off it, and the steps from there.

    The client returns the envelope's data (never None), so a chain of required fields after it
    is read in one expression; its names then never clash with the response-parsing example of
    the same page, whose ``data`` may be None.
    """
    data = unwrap_field(ep, project)
    if not path or data is None or path[0].py_name != data.py_name:
        return "response", "", _steps(path)
    rest = path[1:]
    if rest and all(f.required for f in rest[:-1]):
        return rest[-1].py_name, "".join(f".{f.py_name}" for f in rest), ()
    return path[0].py_name, "", _steps(path)[1:]


def _guide(project: ProjectIR) -> GuideView | None:
    ep = _guide_endpoint(project)
    if ep is None or ep.fields_object is None or ep.response is None:
        return None
    obj = ep.fields_object
    used = [s for s in project.scopes if any(f.scope == s.name for f in obj.fields)]
    granted = used[:2] if len(used) > 2 else used[:1]
    names = tuple(s.name for s in granted)
    objects = {o.name: o for o in project.objects}
    path = _path_to(ep.response, obj.name, objects)
    allowed = [f for f in obj.fields if f.scope in names]
    steps = _steps(path) if path else ()
    result, access, client_steps = _client_steps(ep, project, path or ())
    return GuideView(
        ep=ep,
        obj=obj,
        scope_members=tuple(s.member for s in granted),
        scope_names=names,
        fields_value=",".join(f.wire_name for f in allowed),
        denied_field=next((f for f in obj.fields if f.scope not in names), None),
        steps=steps,
        shown_field=allowed[0],
        imports=(
            "Scope",
            "ScopeNotGrantedError",
            obj.build_fields_param,
            obj.fields_for_scopes,
            ep.constant,
            ep.response.class_name,
            obj.class_name,
            "describe",
        ),
        client_method=method_name(ep.key),
        client_result=result,
        client_access=access,
        client_steps=client_steps,
    )


# What an object's or endpoint's page reads of the project (it gets this, not the whole project).
_PAGE_READS = ("header",)


# What each site-wide page reads of the project (a unit of the cache too, keyed by these).
_SITE_READS = {
    "docs/index.md.j2": ("header", "title", "description", "objects", "endpoints"),
    "docs/scopes.md.j2": ("header", "scopes"),
    "docs/getting_started.md.j2": ("header", "package"),
    "docs/api_reference.md.j2": ("header", "authorize_url", "endpoints"),
}


def _unit_page(template: str, project: ProjectIR, page: PageView, **unit: object) -> units.FileText:
    """One page in one language, a unit of the incremental cache: an object's or endpoint's page
    (which reads only the header of the project), or a site-wide page (:data:`_SITE_READS`).
    A whole output file, so a lazy cache may hand it out stored (units.UnitCache.file)."""
    cache = units.current()
    if not cache.enabled:
        return render(template, project=project, page=page, **unit)
    view = units.ProjectSlice(project, _SITE_READS.get(template, _PAGE_READS))
    key = cache.key(template, view, page, *unit.values())
    return cache.file(key, lambda: render(template, project=view, page=page, **unit))


def render_docs(project: ProjectIR) -> dict[str, units.FileText]:
    """Render ``docs/<lang>/...`` and ``docs/bilingual/...``."""
    files: dict[str, units.FileText] = {}
    slugs = {o.name: o.slug for o in project.objects}
    # One object each for every page's labels and other languages: their digests are taken once.
    others = _others(project)
    units.current().share(*(x.labels for x in project.languages), others)
    for lang in project.languages:
        base = f"docs/{lang.code}"
        files[f"{base}/index.md"] = _unit_page(
            "docs/index.md.j2", project, _page(project, lang, "index.md", slugs=slugs)
        )
        files[f"{base}/scopes.md"] = _unit_page(
            "docs/scopes.md.j2", project, _page(project, lang, "scopes.md", slugs=slugs)
        )
        files[f"{base}/{GETTING_STARTED}"] = _unit_page(
            "docs/getting_started.md.j2",
            project,
            _page(project, lang, GETTING_STARTED, slugs=slugs),
            guide=_guide(project),
        )
        files[f"{base}/{API_REFERENCE}"] = _unit_page(
            "docs/api_reference.md.j2",
            project,
            _page(project, lang, API_REFERENCE, slugs=slugs),
            openapi_file=openapi_filename(project, lang.code),
            openapi_name=posixpath.basename(openapi_filename(project, lang.code)),
        )
        if project.releases:
            files[f"{base}/{CHANGELOG}"] = render(
                "docs/changelog.md.j2",
                project=project,
                notes=tuple(
                    release_notes(r.items, f"{r.version} ({r.date})", lang.labels) for r in project.releases
                ),
                page=_page(project, lang, CHANGELOG, slugs=slugs),
            )
        for obj in project.objects:
            rel = f"objects/{obj.slug}.md"
            # The slugs of the objects it links to: all the page reads (and its unit's digest covers).
            linked = {name: slugs[name] for name in obj.references}
            page = _page(project, lang, rel, _examples_for(project, obj), slugs=linked, others=others)
            files[f"{base}/{rel}"] = _unit_page(
                "docs/object.md.j2", project, page, obj=obj, title=object_title(obj, lang)
            )
        for ep in project.endpoints:
            rel = f"endpoints/{ep.slug}.md"
            page = _page(project, lang, rel, curl=_curl(ep), slugs=slugs)
            files[f"{base}/{rel}"] = _unit_page("docs/endpoint.md.j2", project, page, ep=ep)
    source = project.languages[0]
    for ep in project.endpoints:
        selectable = ep.fields_object
        if selectable is None:
            continue
        page = _page(project, source, f"{selectable.slug}.md", ep.examples, slugs=slugs)
        files[f"docs/bilingual/{selectable.slug}.md"] = render(
            "docs/bilingual.md.j2",
            project=project,
            obj=selectable,
            page=page,
            title=bilingual_title(selectable, source),
        )
    return files
