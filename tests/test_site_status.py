"""The docs site's home page shows each language's translation status, in the page's language."""

from __future__ import annotations

from generator import i18n_status, po, site_status, text_lint
from generator.ir import ProjectIR
from generator.site import site_sources

from conftest import SPEC


def test_each_home_page_has_the_status_of_every_target_language(
    project: ProjectIR, files: dict[str, str]
) -> None:
    home = site_status.home_sections(SPEC, project.languages)
    staged = site_sources(project, files, "../../site", "../..", home)
    st = po.load(SPEC)
    (th,) = i18n_status.status(st, text_lint.lint_document(st.doc))
    stale = "ไม่ทราบ" if th.stale is None else str(th.stale)
    row_th = f"| ไทย | {th.texts} | {th.translated} | {th.missing} | {stale} | {th.findings} |"
    thai_page = staged["docs/th/index.md"]
    assert thai_page.endswith(
        "## สถานะการแปล\n\n| ภาษา | ข้อความ | แปลแล้ว | ยังไม่ได้แปล | ต้นฉบับเปลี่ยนหลังการแปล | ข้อที่ตรวจพบ |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: |\n" + row_th + "\n"
    )
    english_page = staged["docs/en/index.md"]
    assert (
        "## Translation status\n\n| Language | Texts | Translated | Missing | Stale | Lint findings |"
        in english_page
    )
    assert english_page.endswith(row_th.replace("ไม่ทราบ", "unknown") + "\n")
    # Only the home pages change.
    plain = site_sources(project, files, "../../site", "../..")
    assert {p for p in staged if staged[p] != plain[p]} == {
        "docs/en/index.md",
        "docs/th/index.md",
        "MANIFEST.json",
    }
