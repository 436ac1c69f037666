"""Markdown docs: every page in every language, plus a bilingual page per selectable object."""

from __future__ import annotations

import posixpath
import shlex
from dataclasses import dataclass

from generator.ir import EndpointIR, ExampleIR, LanguageIR, ObjectIR, ProjectIR
from generator.templating import render


@dataclass(frozen=True)
class Alternate:
    """A link to the same page in another language."""

    name: str
    href: str


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


def _page(project: ProjectIR, lang: LanguageIR, rel: str, examples: tuple[ExampleIR, ...] = (), curl: str = "") -> PageView:
    here = posixpath.dirname(f"{lang.code}/{rel}")
    depth = rel.count("/")
    return PageView(
        lang=lang.code,
        labels=lang.labels,
        root="../" * depth,
        alternates=tuple(
            Alternate(other.labels["language_name"], posixpath.relpath(f"{other.code}/{rel}", here))
            for other in project.languages
            if other.code != lang.code
        ),
        slugs={o.name: o.slug for o in project.objects},
        examples=examples,
        curl=curl,
        others=tuple(x for x in project.languages if not x.is_source),
    )


def _examples_for(project: ProjectIR, obj: ObjectIR) -> tuple[ExampleIR, ...]:
    return tuple(
        ex
        for ep in project.endpoints
        if obj.name in (ep.response.name, ep.fields_object.name if ep.fields_object else None)
        for ex in ep.examples
    )


def _curl(ep: EndpointIR) -> str:
    url = ep.url
    if ep.fields_param:
        example = ep.fields_param_example
        if example is None:
            fields = ep.fields_object.fields if ep.fields_object else ()
            example = ",".join(f.wire_name for f in fields[:3])
        url = f"{url}?{ep.fields_param}={example}"
    lines = [f"curl -L -X {ep.method} {shlex.quote(url)}"]
    if ep.oauth2:
        lines.append("-H 'Authorization: Bearer act.example12345Example12345Example'")
    return " \\\n  ".join(lines)


def render_docs(project: ProjectIR) -> dict[str, str]:
    """Render ``docs/<lang>/...`` and ``docs/bilingual/...``."""
    files: dict[str, str] = {}
    for lang in project.languages:
        base = f"docs/{lang.code}"
        files[f"{base}/index.md"] = render("docs/index.md.j2", project=project, page=_page(project, lang, "index.md"))
        files[f"{base}/scopes.md"] = render("docs/scopes.md.j2", project=project, page=_page(project, lang, "scopes.md"))
        for obj in project.objects:
            rel = f"objects/{obj.slug}.md"
            page = _page(project, lang, rel, _examples_for(project, obj))
            files[f"{base}/{rel}"] = render("docs/object.md.j2", project=project, obj=obj, page=page)
        for ep in project.endpoints:
            rel = f"endpoints/{ep.slug}.md"
            page = _page(project, lang, rel, curl=_curl(ep))
            files[f"{base}/{rel}"] = render("docs/endpoint.md.j2", project=project, ep=ep, page=page)
    source = project.languages[0]
    for ep in project.endpoints:
        obj = ep.fields_object
        if obj is None:
            continue
        page = _page(project, source, f"{obj.slug}.md", ep.examples)
        files[f"docs/bilingual/{obj.slug}.md"] = render("docs/bilingual.md.j2", project=project, obj=obj, page=page)
    return files
