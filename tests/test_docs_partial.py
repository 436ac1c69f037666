"""The live server's partial rebuilds (docs_site/serve.py) give a full build's site, byte for byte.

A spec is staged as ``make serve-docs`` stages it and built by the server's builder; then a Thai
description is saved (regenerated, staged again) and the builder rebuilds: only the pages that show
that text are rendered and written again, and the whole site (every page, the search indexes, the
404 pages, the sitemaps) equals what a plain ``mkdocs build`` of the same staged project gives. A
save that changes the navigation rebuilds the whole site.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, SPEC
from site_support import BUILD_ENV

pytestmark = pytest.mark.slow

sys.path.insert(0, str(ROOT / "docs_site"))
import serve  # noqa: E402  (docs_site/serve.py)

from generator.cli import render  # noqa: E402
from generator.site import CONFIG, stage  # noqa: E402
from generator.writer import Comparison  # noqa: E402

URL = "http://127.0.0.1:8000/"
OLD = "ชื่อโปรไฟล์ของผู้ใช้"  # User.display_name's Thai description
SUMMARY = "ดึงข้อมูลผู้ใช้ #"  # GET /v2/user/info/'s Thai summary (a navigation title), its comment
# The pages that show User.display_name's Thai description: the Thai User page, and the
# bilingual User page, which each language's site has.
USER_PAGES = {"th/objects/user/index.html", "bilingual/user/index.html", "th/bilingual/user/index.html"}
LANGUAGE_ROOTS = {"en": "", "th": "th/"}  # where each language's pages are (English is the default)
ERROR_PAGES = {"404.html", "th/404.html"}  # built from the theme on every build


class Project:
    """A spec folder, staged as the live server stages it, and the server's builder."""

    def __init__(self, tmp: Path) -> None:
        self.spec = tmp / "spec"
        shutil.copytree(SPEC, self.spec)
        self.staging = tmp / "live" / "docs-src"
        self.site = tmp / "site"
        self.site.mkdir()
        self.builder = serve.Builder(self.staging / CONFIG, self.site, URL)

    def save(self, old: str, new: str) -> set[str]:
        """Save the spec with one Thai text changed, and stage it; the pages whose source changed."""
        path = self.spec / "tiktok_v2.yaml"
        text = path.read_text("utf-8")
        assert text.count(f"th: {old}") == 1, old
        path.write_text(text.replace(f"th: {old}", f"th: {new}"), "utf-8")
        staged = self.stage()
        assert not staged.missing and not staged.orphans  # the same pages: only their texts changed
        return {page for source in staged.changed for page in pages_of(source)}

    def stage(self) -> Comparison:
        rendered = render(self.spec, None)
        site = self.staging.parent / "site"
        return stage(self.spec, rendered.project, rendered.files, self.staging, site, URL)

    def build(self) -> dict[str, tuple[int, bytes]]:
        """Build as the server does; every file of the site then, with its mtime."""
        self.builder()
        return snapshot(self.site)


def snapshot(site: Path) -> dict[str, tuple[int, bytes]]:
    return {
        p.relative_to(site).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def changed(before: dict[str, tuple[int, bytes]], after: dict[str, tuple[int, bytes]]) -> set[str]:
    """The files whose content differs (or that appeared or went)."""
    return {
        p
        for p in before.keys() | after.keys()
        if p not in before or p not in after or before[p][1] != after[p][1]
    }


def written(before: dict[str, tuple[int, bytes]], after: dict[str, tuple[int, bytes]]) -> set[str]:
    """The files written again (a new mtime), whatever their content."""
    return {p for p in after if p not in before or before[p][0] != after[p][0]}


def pages_of(source: str) -> set[str]:
    """The pages a staged file is rendered to (none for the config or an OpenAPI document)."""
    parts = source.split("/")
    if parts[0] != "docs" or not source.endswith(".md"):
        return set()
    name = "/".join(parts[2:])[: -len(".md")]
    page = "index.html" if name == "index" else f"{name}/index.html"
    if parts[1] == "bilingual":  # in no language folder: every language's site has it
        return {f"{root}bilingual/{page}" for root in LANGUAGE_ROOTS.values()}
    return {LANGUAGE_ROOTS[parts[1]] + page}


def pages(paths: set[str]) -> set[str]:
    """The site's pages among ``paths`` (the theme's and Swagger UI's assets left out)."""
    return {p for p in paths if p.endswith(("/index.html", "404.html")) or p == "index.html"}


def index_texts(site: Path, lang_root: str) -> list[dict[str, Any]]:
    data = json.loads((site / lang_root / "search" / "search_index.json").read_text("utf-8"))
    docs: list[dict[str, Any]] = data["docs"]
    return docs


@pytest.fixture()
def project(tmp_path: Path) -> Iterator[Project]:
    with serve.theme_work_kept():
        yield Project(tmp_path)


def test_a_save_renders_only_its_pages_and_the_site_is_a_full_build_s(
    project: Project, tmp_path: Path
) -> None:
    project.stage()
    first = project.build()
    assert project.builder.partial_builds == 0  # nothing to start from: a full build

    sources = project.save(OLD, "ชื่อที่ผู้ใช้ตั้งไว้บนโปรไฟล์")
    assert USER_PAGES <= sources
    second = project.build()
    assert project.builder.partial_builds == 1
    assert pages(changed(first, second)) == sources
    # Only those pages were written again (and the 404 pages, which every build renders).
    assert pages(written(first, second)) <= sources | ERROR_PAGES
    th_docs = index_texts(project.site, "th")
    assert any("ชื่อที่ผู้ใช้ตั้งไว้บนโปรไฟล์" in d["text"].replace("\u200b", "") for d in th_docs)
    assert not any(OLD in d["text"].replace("\u200b", "") for d in th_docs)

    # A second save: the index is completed from the last one again (not from the first build's).
    sources = project.save("ชื่อที่ผู้ใช้ตั้งไว้บนโปรไฟล์", "ชื่อบนโปรไฟล์ที่แก้อีกครั้ง")
    third = project.build()
    assert project.builder.partial_builds == 2
    assert pages(changed(second, third)) == sources
    assert pages(written(second, third)) <= sources | ERROR_PAGES

    # The same staged project built whole by plain `mkdocs build`: the same site, file for file.
    full = tmp_path / "full"
    mkdocs = Path(sys.executable).with_name("mkdocs")
    result = subprocess.run(
        [str(mkdocs), "build", "--strict", "--config-file", str(project.staging / CONFIG), "--site-dir", str(full)],
        cwd=ROOT, env=BUILD_ENV, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    reference = snapshot(full)
    assert sorted(reference) == sorted(third)
    different = sorted(p for p in reference if reference[p][1] != third[p][1])
    assert not different, f"a partial rebuild differs from a full build in {different}"
    en_docs, th_docs = index_texts(project.site, ""), index_texts(project.site, "th")
    assert {d["location"].partition("#")[0] for d in en_docs} >= {"", "objects/user/", "scopes/"}
    assert len({d["location"] for d in th_docs}) == len(th_docs)  # no page indexed twice

    # A save that renames a navigation entry changes every page: the whole site is built again.
    project.save(SUMMARY, "ดึงข้อมูลของผู้ใช้ #")
    fourth = project.build()
    assert project.builder.partial_builds == 2
    assert "th/scopes/index.html" in changed(third, fourth)
    unchanged_page = (project.site / "th" / "scopes" / "index.html").read_text("utf-8")
    assert "ดึงข้อมูลของผู้ใช้" in re.sub(r"<[^>]+>", "", unchanged_page)  # in its navigation


def test_a_source_changed_while_a_build_read_it_is_rendered_again(project: Project) -> None:
    """A save staged during a build may leave an older source's page newer than the new source:
    the builder compares contents, not only times."""
    project.stage()
    project.build()
    page = project.staging / "docs" / "th" / "objects" / "user.md"
    built = project.site / "th" / "objects" / "user" / "index.html"
    older = built.stat().st_mtime_ns - 10**9
    project.save(OLD, "ชื่อที่บันทึกระหว่างการสร้าง")
    # As if the save had been staged before the last build wrote the page.
    os.utime(page, ns=(older, older))
    project.build()
    assert project.builder.partial_builds == 1
    assert "ระหว่าง" in built.read_text("utf-8").replace("<wbr>", "")
