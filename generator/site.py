"""The docs site's sources: ``mkdocs.yml`` built as data from the spec, and the generated pages staged for it.

Nothing here is written by hand or read back: the spec decides the languages, their names and nav words
(labels) and the site names (``package.title``); the pages and OpenAPI documents are the generator's own
output. ``python -m generator.site`` checks that ``generated/`` is fresh, then hands the staging tree to
the writer; MkDocs builds the site from it (``make docs``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import posixpath
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from generator.ir import LanguageIR, ObjectIR, ProjectIR
from generator.targets.docs import (
    API_REFERENCE,
    CHANGELOG,
    GETTING_STARTED,
    bilingual_title,
    object_title,
)
from generator.targets.openapi import openapi_filename
from generator import units
from generator.writer import MANIFEST, Comparison

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DOCS_DIR = "docs"
CONFIG = "mkdocs.yml"
# The hook that segments Thai words in the search index (and patches the search worker's query
# splitting); a path from the project root.
THAI_SEARCH_HOOK = "docs_site/hooks/thai_search.py"
# The hook that links the site's stylesheet and copies it and the bundled Thai font into the site.
PAGE_STYLE_HOOK = "docs_site/hooks/page_style.py"
# The hook that keeps Thai words whole when lines wrap and labels table cells for phone widths.
THAI_WRAP_HOOK = "docs_site/hooks/thai_wrap.py"
# The hook that names the search dialog, frames and links for assistive technology, in each page's language.
ACCESSIBILITY_HOOK = "docs_site/hooks/accessibility.py"
# The interface words that hook uses, per language (``extra.specgen_words`` in mkdocs.yml).
ACCESSIBILITY_WORDS = ("language_name", "search", "api_reference", "scope", "description", "servers")
# Languages whose words the hook separates with U+200B: lunr's own support for them is not used,
# because Material replaces lunr's tokenizer (its lunr.th would be loaded and do nothing).
SEGMENTED_BY_HOOK = frozenset({"th"})
# The languages lunr can stem, as mkdocs 1.6.1 ships them (mkdocs/contrib/search/lunr-language);
# a test compares this with the installed mkdocs. Others are searched without a stemmer.
LUNR_LANGUAGES = frozenset(
    "ar da de du en es fi fr hi hu hy it ja jp kn ko nl no pt ro ru sa sv ta te th tr vi zh".split()
)
# lunr splits words on these: whitespace, hyphens, and the U+200B the hook puts between Thai words.
SEARCH_SEPARATOR = r"[\s\u200b\-]+"
# The bilingual pages repeat each object page's texts in every language: search lists a
# language's own object page first (Material's per-page search boost, in front matter).
BILINGUAL_FRONT_MATTER = "---\nsearch:\n  boost: 0.5\n---\n"
# The "Other languages" line of each generated page; the site has a language switcher instead.
_OTHER_LANGUAGES = re.compile(r"<!-- other-languages -->\n.*?<!-- /other-languages -->\n\n?", re.S)


class SiteError(Exception):
    """The generated pages are not what the site expects."""


def _nav(project: ProjectIR, lang: LanguageIR) -> list[dict[str, Any]]:
    words = lang.labels
    nav: list[dict[str, Any]] = [
        {words["home"]: "index.md"},
        {words["getting_started"]: GETTING_STARTED},
        {words["objects"]: [{object_title(obj, lang): f"objects/{obj.slug}.md"} for obj in project.objects]},
        {
            words["endpoints"]: [
                {ep.summary[lang.code]: f"endpoints/{ep.slug}.md"} for ep in project.endpoints
            ]
        },
        {words["scope_mapping"]: "scopes.md"},
        {words["api_reference"]: API_REFERENCE},
    ]
    if project.releases:
        nav.append({words["changelog"]: CHANGELOG})
    bilingual = bilingual_pages(project)
    if bilingual:
        nav.append({words["bilingual"]: [{bilingual_title(obj, lang): path} for obj, path in bilingual]})
    return nav


def bilingual_pages(project: ProjectIR) -> list[tuple[ObjectIR, str]]:
    """The pages of ``docs/bilingual/`` (as the docs target makes them): each object and its page."""
    pages = {
        ep.fields_object.name: (ep.fields_object, f"bilingual/{ep.fields_object.slug}.md")
        for ep in project.endpoints
        if ep.fields_object is not None
    }
    return list(pages.values())


def mkdocs_config(
    project: ProjectIR, site_dir: str, root: str, site_url: str | None = None
) -> dict[str, Any]:
    """The MkDocs configuration, as data; ``site_dir`` and ``root`` are relative to the config file.
    ``site_url`` replaces the spec's docs address (a local preview is served from its own root)."""
    source = project.languages[0]
    # The docs' address: the sitemap and canonical links use it, and the header's language
    # switcher and the 404 pages link under its path. Without it the site is served from "/".
    url = site_url or project.docs_url
    address = {"site_url": url} if url else {}
    return {
        "site_name": project.title[source.code],
        **address,
        "docs_dir": DOCS_DIR,
        "site_dir": site_dir,
        "strict": True,
        "use_directory_urls": True,
        "theme": {
            "name": "material",
            "language": source.code,
            "font": False,  # no Google Fonts: the site loads nothing from outside
            "features": ["navigation.sections", "navigation.footer", "search.highlight", "content.code.copy"],
        },
        # No "Made with Material for MkDocs" line: it is English on every language's pages.
        "extra": {
            "generator": False,
            "specgen_words": {
                x.code: {k: x.labels[k] for k in ACCESSIBILITY_WORDS} for x in project.languages
            },
        },
        "markdown_extensions": [
            "tables",
            "admonition",
            {"toc": {"permalink": True}},
            "pymdownx.highlight",
            "pymdownx.superfences",
        ],
        "hooks": [
            posixpath.join(root, hook)
            for hook in (ACCESSIBILITY_HOOK, THAI_SEARCH_HOOK, PAGE_STYLE_HOOK, THAI_WRAP_HOOK)
        ],
        "validation": {
            "nav": {"omitted_files": "warn", "not_found": "warn", "absolute_links": "warn"},
            "links": {
                "not_found": "warn",
                "anchors": "warn",
                "absolute_links": "warn",
                "unrecognized_links": "warn",
            },
        },
        "plugins": [
            {
                "search": {
                    "lang": [
                        x.code
                        for x in project.languages
                        if x.code not in SEGMENTED_BY_HOOK and x.code.split("-")[0] in LUNR_LANGUAGES
                    ]
                    or ["en"],
                    "separator": SEARCH_SEPARATOR,
                }
            },
            {
                "i18n": {
                    "docs_structure": "folder",
                    # Keep the search languages above: the plugin would add every language to them.
                    "reconfigure_search": False,
                    "languages": [
                        {
                            "locale": x.code,
                            "name": x.labels["language_name"],
                            "default": x.is_source,
                            "build": True,
                            "site_name": project.title[x.code],
                            "nav": _nav(project, x),
                        }
                        for x in project.languages
                    ],
                }
            },
            {
                "swagger-ui-tag": {
                    "validatorUrl": "none",
                    "docExpansion": "list",
                    "tryItOutEnabled": False,
                    # Only the API reference pages have the tag: the plugin parses every other
                    # page with BeautifulSoup to find none (a third of a build's time).
                    "filter_files": [posixpath.join(x.code, API_REFERENCE) for x in project.languages],
                }
            },
        ],
        "nav": _nav(project, source),
    }


def strip_other_languages(path: str, text: str) -> str:
    """A generated page without its "Other languages" line (the site's header switches language)."""
    stripped, count = _OTHER_LANGUAGES.subn("", text)
    if count != 1:
        raise SiteError(f"{path}: expected one other-languages block, found {count}")
    return stripped


def site_sources(
    project: ProjectIR,
    generated: Mapping[str, str],
    site_dir: str,
    root: str,
    home: Mapping[str, str] | None = None,
    site_url: str | None = None,
) -> dict[str, str]:
    """Every file of the MkDocs project: its config, the pages per language, the OpenAPI documents.

    ``generated`` is the generator's output (``{relative path: text}``); ``site_dir`` and ``root``
    (the project root) are relative to the staging directory. ``home`` adds a section to each
    language's home page (the translation status, see ``site_status``); ``site_url`` replaces the
    spec's docs address.
    """
    files: dict[str, str] = {}
    config = mkdocs_config(project, site_dir, root, site_url)
    files[CONFIG] = f"# {project.header} Built by generator/site.py.\n" + yaml.safe_dump(
        config, allow_unicode=True, sort_keys=False, width=1000
    )
    codes = [x.code for x in project.languages]
    for path, text in generated.items():
        parts = path.split("/")
        if parts[0] != "docs":
            continue
        if parts[1] in codes:
            text = strip_other_languages(path, text)
            if home and parts[2:] == ["index.md"]:
                text = text.rstrip("\n") + "\n\n" + home[parts[1]]
        elif parts[1] == "bilingual":
            text = BILINGUAL_FRONT_MATTER + text
        else:
            raise SiteError(f"{path}: not in a language folder")
        files[posixpath.join(DOCS_DIR, *parts[1:])] = text
    for x in project.languages:
        document = openapi_filename(project, x.code)
        files[posixpath.join(DOCS_DIR, x.code, posixpath.basename(document))] = generated[document]
    manifest = {
        path: hashlib.sha256(text.encode("utf-8")).hexdigest() for path, text in sorted(files.items())
    }
    files[MANIFEST] = json.dumps({"files": manifest}, indent=2) + "\n"
    return files


def main(argv: list[str] | None = None) -> int:
    """Stage the site's sources from a fresh ``generated/``; exit 1 if it is stale."""
    from generator import pipeline, writer
    from generator.ir import build_ir
    from generator.spec import load_spec

    parser = argparse.ArgumentParser(prog="python -m generator.site", description=main.__doc__)
    parser.add_argument("--spec", type=Path, default=Path("spec"))
    parser.add_argument("--generated", type=Path, default=Path("generated"))
    parser.add_argument("--out", type=Path, default=Path("build/docs-src"), help="staging directory")
    parser.add_argument("--site", type=Path, default=Path("site"), help="where MkDocs writes the site")
    args = parser.parse_args(argv)
    spec = load_spec(args.spec)
    project = build_ir(spec)
    generated = pipeline.render_project(project)
    comparison = writer.compare(args.generated, generated)
    if not comparison.clean:
        print(f"{args.generated} is stale; run `make generate` first", file=sys.stderr)
        return 1
    stage(args.spec, project, generated, args.out, args.site)
    print(f"{args.out}: MkDocs project for {', '.join(spec.languages)} from {args.generated}")
    return 0


def stage(
    spec: Path,
    project: ProjectIR,
    generated: Mapping[str, units.FileText],
    out: Path,
    site: Path,
    site_url: str | None = None,
) -> Comparison:
    """Write the MkDocs project for this generated output into ``out`` (only the writer writes);
    ``site`` is where ``mkdocs build`` puts the site, ``site_url`` replaces the spec's docs address.
    How ``out`` changed. ``generated`` may hold a renderer's bytes or a unit left in the cache."""
    from generator import site_status, writer

    texts = units.materialized(generated)
    staging = out.absolute()
    site_dir = posixpath.relpath(site.absolute().as_posix(), staging.as_posix())
    root = posixpath.relpath(PROJECT_ROOT.as_posix(), staging.as_posix())
    home = site_status.home_sections(spec, project.languages)
    return writer.write_tree(out, site_sources(project, texts, site_dir, root, home, site_url))


if __name__ == "__main__":
    sys.exit(main())
