"""Template overrides: ``--templates DIR`` or ``templates:`` in the spec replace built-in templates by name."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import GENERATED, MINIMAL_SPEC, ROOT, SPEC

EXAMPLE = ROOT / "docs" / "examples" / "templates"


def _cli(*args: str | Path, cwd: Path, cache: str = "off") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SPECGEN_CACHE": cache}
    return subprocess.run(
        [sys.executable, "-m", "generator", *map(str, args)], cwd=cwd, env=env, capture_output=True, text=True
    )


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_the_documented_example_replaces_only_the_object_pages(tmp_path: Path) -> None:
    result = _cli("generate", "--spec", SPEC, "--out", tmp_path / "out", "--templates", EXAMPLE, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    ours, committed = _tree(tmp_path / "out"), _tree(GENERATED)
    changed = {name for name in ours if ours[name] != committed.get(name)}
    objects = {name for name in ours if "/objects/" in name and name.startswith("docs/")}
    assert changed == objects | {"MANIFEST.json"}
    page = ours["docs/th/objects/user.md"].decode("utf-8")
    assert (
        "## open\\_id\n\nรหัสประจำตัวผู้ใช้ที่ไม่ซ้ำกันในแอปพลิเคชันปัจจุบัน\n" in page
    )  # md escaping in force
    assert "- ขอบเขต: <code>user.info.basic</code>\n" in page and "| --- |" not in page


def test_the_specs_templates_key_is_relative_to_the_spec(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "api").mkdir(parents=True)
    (project / "api" / "spec.yaml").write_text(
        MINIMAL_SPEC + "templates: ../my-templates\n", encoding="utf-8"
    )
    (project / "my-templates" / "python").mkdir(parents=True)
    (project / "my-templates" / "python" / "README.md.j2").write_text(
        "# {{ project.package }}\n\n{{ project.title['th']|md_text }} | {{ '<b>'|md_text }}\n",
        encoding="utf-8",
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = _cli("generate", "--spec", project / "api", "--out", project / "out", cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    readme = (project / "out" / "python" / "README.md").read_text(encoding="utf-8")
    assert readme == "# mini\n\nเอพีไอเล็ก | &lt;b&gt;\n"
    assert _cli("validate", "--spec", project / "api", cwd=elsewhere).returncode == 0


def test_the_command_line_folder_comes_before_the_specs(tmp_path: Path) -> None:
    (tmp_path / "spec.yaml").write_text(MINIMAL_SPEC + "templates: spec-templates\n", encoding="utf-8")
    for folder, word in (("spec-templates", "spec"), ("cli-templates", "cli")):
        (tmp_path / folder / "python").mkdir(parents=True)
        (tmp_path / folder / "python" / "README.md.j2").write_text(f"{word}\n", encoding="utf-8")
    (tmp_path / "spec-templates" / "docs").mkdir()
    (tmp_path / "spec-templates" / "docs" / "index.md.j2").write_text("spec index\n", encoding="utf-8")
    result = _cli(
        "generate", "--spec", "spec.yaml", "--out", "out", "--templates", "cli-templates", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "python" / "README.md").read_text(encoding="utf-8") == "cli\n"
    assert (tmp_path / "out" / "docs" / "en" / "index.md").read_text(encoding="utf-8") == "spec index\n"


def _override(tmp_path: Path, name: str, text: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "spec.yaml").write_text(MINIMAL_SPEC, encoding="utf-8")
    path = tmp_path / "tpl" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    shutil.rmtree(tmp_path / "out", ignore_errors=True)
    return _cli("generate", "--spec", "spec.yaml", "--out", "out", "--templates", "tpl", cwd=tmp_path)


def test_an_unknown_variable_names_the_templates_file_and_line(tmp_path: Path) -> None:
    result = _override(tmp_path, "docs/object.md.j2", "# {{ obj.name }}\n\n{{ obj.nickname }}\n")
    assert result.returncode == 2
    assert result.stderr.startswith("error: tpl/docs/object.md.j2:3: ")
    assert "has no attribute 'nickname'" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()
    result = _override(tmp_path, "docs/object.md.j2", "line one\n{{ page.lang }} {{ not_a_variable }}\n")
    assert result.returncode == 2
    assert result.stderr.startswith("error: tpl/docs/object.md.j2:2: 'not_a_variable' is undefined")


def test_a_syntax_error_in_an_override_names_its_file_and_line(tmp_path: Path) -> None:
    result = _override(tmp_path, "docs/index.md.j2", "ok\n\n{% if %}\n")
    assert result.returncode == 2
    assert result.stderr.startswith("error: tpl/docs/index.md.j2:3: ")


def test_an_error_in_a_partial_an_override_includes_names_the_partial(tmp_path: Path) -> None:
    (tmp_path / "tpl" / "docs").mkdir(parents=True)
    (tmp_path / "tpl" / "docs" / "_mine.md.j2").write_text("\n{{ missing_name }}\n", encoding="utf-8")
    result = _override(tmp_path, "docs/index.md.j2", '{% include "docs/_mine.md.j2" %}\n')
    assert result.returncode == 2
    assert result.stderr.startswith("error: tpl/docs/_mine.md.j2:2: 'missing_name' is undefined")


def test_an_override_that_includes_a_missing_template_names_its_line(tmp_path: Path) -> None:
    result = _override(tmp_path, "docs/index.md.j2", 'a\n{% include "docs/_gone.md.j2" %}\n')
    assert result.returncode == 2
    assert result.stderr.startswith(
        "error: tpl/docs/index.md.j2:2: there is no template 'docs/_gone.md.j2', in the override folders or built in"
    )


def test_escaping_filters_stay_in_force_for_overrides(tmp_path: Path) -> None:
    hostile = MINIMAL_SPEC.replace("A thing.", '"a | b <script>x</script> {{ 7*7 }}"')
    (tmp_path / "spec.yaml").write_text(hostile, encoding="utf-8")
    (tmp_path / "tpl" / "docs").mkdir(parents=True)
    (tmp_path / "tpl" / "docs" / "object.md.j2").write_text(
        "{{ obj.description[page.lang]|md_cell }}\n", encoding="utf-8"
    )
    result = _cli("generate", "--spec", "spec.yaml", "--out", "out", "--templates", "tpl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out" / "docs" / "en" / "objects" / "thing.md").read_text(encoding="utf-8")
    assert "<script>" not in page and "\\|" in page and "{{ 7*7 }}" in page.replace("\\", "")


def test_a_misspelt_template_name_is_refused(tmp_path: Path) -> None:
    result = _override(tmp_path, "docs/objects.md.j2", "x\n")
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == (
        "tpl/docs/objects.md.j2:1:1: --templates: no built-in template is called 'docs/objects.md.j2', so this "
        "file would change nothing; did you mean 'docs/object.md.j2'? (a partial that overrides include must "
        "have a name starting with _; `specgen templates` lists the names)"
    )


def test_templates_lists_every_builtin_name(tmp_path: Path) -> None:
    result = _cli("templates", cwd=tmp_path)
    names = sorted(p.relative_to(ROOT / "templates").as_posix() for p in (ROOT / "templates").rglob("*.j2"))
    assert result.stdout.splitlines() == names


def test_a_templates_key_in_a_file_of_its_own_with_the_cache_on(tmp_path: Path) -> None:
    """A spec folder whose second file holds only `templates:` (no objects): the same output and
    the same problem with the cache on as off (an audit found exit 3 with the cache on)."""
    spec = tmp_path / "spec"
    spec.mkdir()
    (spec / "a.yaml").write_text(MINIMAL_SPEC, encoding="utf-8")
    (spec / "b.yaml").write_text("templates: mine\n", encoding="utf-8")
    cachings = ("off", str(tmp_path / "cache"), str(tmp_path / "cache"))  # the cache cold, then warm
    outputs = []
    for caching in cachings:
        run = _cli("generate", "--spec", "spec", "--out", "out", cwd=tmp_path, cache=caching)
        outputs.append((run.returncode, run.stderr.replace(str(tmp_path), "T")))
    assert outputs == [outputs[0]] * 3 and outputs[0][0] == 2
    assert "spec/b.yaml:1:12: templates" in outputs[0][1]
    (spec / "mine").mkdir()
    trees = []
    for caching in cachings:
        shutil.rmtree(tmp_path / "out", ignore_errors=True)
        run = _cli("generate", "--spec", "spec", "--out", "out", cwd=tmp_path, cache=caching)
        assert run.returncode == 0, run.stderr
        trees.append(_tree(tmp_path / "out"))
    assert trees[0] == trees[1] == trees[2]
