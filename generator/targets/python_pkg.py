"""The installable Python package: models, scopes, API constants and i18n helpers."""

from __future__ import annotations

import ast

from generator import units
from generator.formatting import Formatted, format_python
from generator.ir import ModelModuleIR, ProjectIR
from generator.templating import environment, render

_MODULES = ("__init__", "scopes", "api", "i18n")


def render_python(project: ProjectIR) -> dict[str, units.FileText]:
    """Render ``python/`` (unformatted: the formatting step runs black on the ``.py`` files).

    The models are a package: ``models/__init__.py`` (the base class, and every model loaded on
    first use) and one module per object, or per group of objects that refer to one another.
    """
    root = f"python/{project.package}"
    modules = {name: _package_module(project, name) for name in _MODULES[1:]}
    files: dict[str, units.FileText] = {f"{root}/{name}.py": text for name, text in modules.items()}
    # The package's __all__ is a literal list (type checkers do not follow `[*api.__all__]`): the
    # names of the modules it re-exports, read from what their templates rendered.
    files[f"{root}/__init__.py"] = render(
        "python/__init__.py.j2",
        project=project,
        api_names=exported_names(modules["api"]),
        scope_names=exported_names(modules["scopes"]),
    )
    files[f"{root}/models/__init__.py"] = render("python/models/__init__.py.j2", project=project)
    for m in project.model_modules:
        files[f"{root}/models/{m.name}.py"] = _model_module(project, m, f"{root}/models/{m.name}.py")
    files[f"{root}/py.typed"] = ""
    files["python/pyproject.toml"] = render("python/pyproject.toml.j2", project=project)
    files["python/README.md"] = render("python/README.md.j2", project=project)
    return files


# What a package module's template reads of the project, where it is a unit of the cache (the
# scopes module lists every scoped field: rendering it is the cost of a large spec).
_PACKAGE_READS = {"scopes": ("header", "scoped_objects", "scopes", "source_language")}


def _package_module(project: ProjectIR, name: str) -> str:
    """A module of the package: from the unit cache, formatted, where :data:`_PACKAGE_READS` names
    it (its ``__all__`` reads the same either way); else rendered, for the formatting step."""
    cache = units.current()
    template = f"python/{name}.py.j2"
    if not cache.enabled or name not in _PACKAGE_READS:
        return render(template, project=project)
    view = units.ProjectSlice(project, _PACKAGE_READS[name])
    path = f"python/{project.package}/{name}.py"
    text = cache.text(
        cache.key(template, path, view), lambda: format_python(path, render(template, project=view))
    )
    return Formatted(text)


# What a model module's template reads of the project (it gets these, not the whole project).
_MODULE_READS = ("header", "package", "source_language")


def _model_module(project: ProjectIR, m: ModelModuleIR, path: str) -> Formatted | units.Stored:
    """One module of the models package, formatted: a unit of the incremental cache (stored
    there formatted, so a lazy cache may hand it out unread: units.UnitCache.file)."""
    cache = units.current()
    if not cache.enabled:
        text = environment().get_template("python/models/module.py.j2").render(project=project, module=m)
        return Formatted(format_python(path, text))
    view = units.ProjectSlice(project, _MODULE_READS)

    def make() -> str:
        text = environment().get_template("python/models/module.py.j2").render(project=view, module=m)
        return format_python(path, text)

    found = cache.file(cache.key("python-module", path, view, m), make)
    return found if isinstance(found, units.Stored) else Formatted(found)


def exported_names(source: str) -> list[str]:
    """The names in a rendered module's literal ``__all__ = [...]`` (one at the start of a line)."""
    start = source.index("\n__all__ = [") + len("\n__all__ = ")
    end = source.index("\n]\n", start) + 2
    names = ast.literal_eval(source[start:end])
    assert isinstance(names, list) and all(isinstance(n, str) for n in names)
    return names
