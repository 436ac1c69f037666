"""The installable Python package: models, scopes, API constants and i18n helpers."""

from __future__ import annotations

import ast

from generator.ir import ProjectIR
from generator.templating import environment, render

_MODULES = ("__init__", "scopes", "api", "i18n")


def render_python(project: ProjectIR) -> dict[str, str]:
    """Render ``python/`` (unformatted: the formatting step runs black on the ``.py`` files).

    The models are a package: ``models/__init__.py`` (the base class, and every model loaded on
    first use) and one module per object, or per group of objects that refer to one another.
    """
    root = f"python/{project.package}"
    files = {f"{root}/{name}.py": render(f"python/{name}.py.j2", project=project) for name in _MODULES[1:]}
    # The package's __all__ is a literal list (type checkers do not follow `[*api.__all__]`): the
    # names of the modules it re-exports, read from what their templates rendered.
    files[f"{root}/__init__.py"] = render(
        "python/__init__.py.j2",
        project=project,
        api_names=exported_names(files[f"{root}/api.py"]),
        scope_names=exported_names(files[f"{root}/scopes.py"]),
    )
    files[f"{root}/models/__init__.py"] = render("python/models/__init__.py.j2", project=project)
    module = environment().get_template("python/models/module.py.j2")
    for m in project.model_modules:
        files[f"{root}/models/{m.name}.py"] = module.render(project=project, module=m)
    files[f"{root}/py.typed"] = ""
    files["python/pyproject.toml"] = render("python/pyproject.toml.j2", project=project)
    files["python/README.md"] = render("python/README.md.j2", project=project)
    return files


def exported_names(source: str) -> list[str]:
    """The names in a rendered module's literal ``__all__ = [...]`` (one at the start of a line)."""
    start = source.index("\n__all__ = [") + len("\n__all__ = ")
    end = source.index("\n]\n", start) + 2
    names = ast.literal_eval(source[start:end])
    assert isinstance(names, list) and all(isinstance(n, str) for n in names)
    return names
