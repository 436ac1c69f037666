"""The installable Python package: models, scopes, API constants and i18n helpers."""

from __future__ import annotations

from generator.ir import ProjectIR
from generator.templating import environment, render

_MODULES = ("__init__", "scopes", "api", "i18n")


def render_python(project: ProjectIR) -> dict[str, str]:
    """Render ``python/`` (unformatted: the formatting step runs black on the ``.py`` files).

    The models are a package: ``models/__init__.py`` (the base class, and every model loaded on
    first use) and one module per object, or per group of objects that refer to one another.
    """
    root = f"python/{project.package}"
    files = {f"{root}/{name}.py": render(f"python/{name}.py.j2", project=project) for name in _MODULES}
    files[f"{root}/models/__init__.py"] = render("python/models/__init__.py.j2", project=project)
    module = environment().get_template("python/models/module.py.j2")
    for m in project.model_modules:
        files[f"{root}/models/{m.name}.py"] = module.render(project=project, module=m)
    files[f"{root}/py.typed"] = ""
    files["python/pyproject.toml"] = render("python/pyproject.toml.j2", project=project)
    files["python/README.md"] = render("python/README.md.j2", project=project)
    return files
