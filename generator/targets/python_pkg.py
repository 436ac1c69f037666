"""The installable Python package: models, scopes, API constants and i18n helpers."""

from __future__ import annotations

from generator.ir import ProjectIR
from generator.templating import render

_MODULES = ("__init__", "models", "scopes", "api", "i18n")


def render_python(project: ProjectIR) -> dict[str, str]:
    """Render ``python/`` (unformatted: the formatting step runs black on the ``.py`` files)."""
    root = f"python/{project.package}"
    files = {f"{root}/{name}.py": render(f"python/{name}.py.j2", project=project) for name in _MODULES}
    files[f"{root}/py.typed"] = ""
    files["python/pyproject.toml"] = render("python/pyproject.toml.j2", project=project)
    files["python/README.md"] = render("python/README.md.j2", project=project)
    return files
