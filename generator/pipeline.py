"""Load, validate, build the IR, render every target, format: all in memory, no disk writes."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from generator import __version__
from generator.formatting import format_files
from generator.ir import ProjectIR, build_ir
from generator.spec import Spec, load_spec
from generator.targets.data import render_data
from generator.targets.docs import render_docs
from generator.targets.openapi import render_openapi
from generator.targets.python_pkg import render_python
from generator.writer import MANIFEST

Renderer = Callable[[ProjectIR], dict[str, str]]
RENDERERS: tuple[Renderer, ...] = (render_python, render_openapi, render_docs, render_data)


def _manifest(project: ProjectIR, files: dict[str, str]) -> str:
    record = {
        "generator": __version__,
        "spec": list(project.spec_files),
        "spec_sha256": project.spec_sha256,
        "files": {path: hashlib.sha256(files[path].encode("utf-8")).hexdigest() for path in sorted(files)},
    }
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def render_project(project: ProjectIR) -> dict[str, str]:
    """Every output file of a project, formatted, with the manifest."""
    files: dict[str, str] = {}
    for renderer in RENDERERS:
        for path, text in renderer(project).items():
            if path in files:
                raise AssertionError(f"two renderers produced {path}")
            files[path] = text
    files = format_files(files)
    files[MANIFEST] = _manifest(project, files)
    return dict(sorted(files.items()))


def generate_spec(spec: Spec) -> dict[str, str]:
    """Every output file for a validated spec."""
    return render_project(build_ir(spec))


def generate(spec_path: Path) -> dict[str, str]:
    """Every output file for the spec at ``spec_path``; raises SpecError on a bad spec."""
    return generate_spec(load_spec(spec_path))
