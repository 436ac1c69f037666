"""A spec may be a directory of YAML files, merged; problems point at the right file."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import MINIMAL_SPEC
from generator.pipeline import generate_spec
from generator.problems import SpecError
from generator.spec import load_spec


def _split(tmp_path: Path) -> Path:
    data = yaml.safe_load(MINIMAL_SPEC)
    spec_dir = tmp_path / "spec"
    spec_dir.mkdir()
    objects = data.pop("objects")
    endpoints = data.pop("endpoints")
    (spec_dir / "00-base.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (spec_dir / "10-objects.yaml").write_text(
        yaml.safe_dump({"objects": objects}, allow_unicode=True), encoding="utf-8"
    )
    (spec_dir / "20-endpoints.yml").write_text(
        yaml.safe_dump({"endpoints": endpoints}, allow_unicode=True), encoding="utf-8"
    )
    (spec_dir / "notes.txt").write_text("not a spec file\n", encoding="utf-8")
    return spec_dir


def test_directory_is_merged(tmp_path: Path) -> None:
    spec = load_spec(_split(tmp_path))
    assert [Path(f).name for f in spec.files] == ["00-base.yaml", "10-objects.yaml", "20-endpoints.yml"]
    assert [o.name for o in spec.objects] == ["Thing", "ThingResponse"]
    files = generate_spec(spec)
    assert "python/mini/models/_thing.py" in files and "python/mini/models/_thing_response.py" in files


def test_problem_points_into_the_right_file(tmp_path: Path) -> None:
    spec_dir = _split(tmp_path)
    path = spec_dir / "10-objects.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("scope: thing.read", "scope: thing.raed"), encoding="utf-8"
    )
    with pytest.raises(SpecError) as caught:
        load_spec(spec_dir)
    [problem] = caught.value.problems
    assert problem.file.endswith("10-objects.yaml")
    assert problem.path == "objects.Thing.fields.id.scope"
    assert "did you mean 'thing.read'?" in problem.message
    line = path.read_text(encoding="utf-8").splitlines()[problem.line - 1]
    assert line[problem.column - 1 :].startswith("thing.raed")


def test_a_key_defined_in_two_files_is_an_error(tmp_path: Path) -> None:
    spec_dir = _split(tmp_path)
    objects = yaml.safe_load((spec_dir / "10-objects.yaml").read_text(encoding="utf-8"))
    (spec_dir / "11-again.yaml").write_text(
        yaml.safe_dump({"objects": {"Thing": objects["objects"]["Thing"]}}), encoding="utf-8"
    )
    with pytest.raises(SpecError, match="objects.Thing is defined in two spec files"):
        load_spec(spec_dir)


def test_an_empty_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SpecError, match="no spec files found"):
        load_spec(tmp_path)
