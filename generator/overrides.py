"""Template overrides: a user's folder of templates, each replacing the built-in one of the same name.

Two places name such a folder: ``--templates DIR`` on the command line, and a top-level
``templates:`` key in the spec (a path relative to the spec file that holds it). The command
line's folder comes first, then the spec's, then the package's templates: an override replaces
one template by name (``docs/object.md.j2``) and every other template comes from the package.
Overrides render in the same strict environment (``StrictUndefined``, the named escaping
filters). A template in an override folder that no built-in has is refused (a misspelt name
would silently change nothing), unless its file name starts with ``_``: a partial that overrides
include or import. An error while rendering an override names the template's file and line.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.paths import TEMPLATES
from generator.problems import Problem, SpecError, closest
from generator.writer import OutputError
from generator.yaml_document import Document
from generator.yaml_source import display_name

KEY = "templates"


class TemplateOverrideError(OutputError):
    """An override template failed to render: a mistake in the user's template, not in the toolkit."""


def builtin_names() -> list[str]:
    """Every built-in template, by the name an override replaces it with (``docs/object.md.j2``)."""
    return sorted(p.relative_to(TEMPLATES).as_posix() for p in TEMPLATES.rglob("*.j2") if p.is_file())


def _folder_problems(folder: Path, where: Problem) -> list[Problem]:
    """Problems of one override folder: missing, or holding a template no built-in has."""
    if not folder.is_dir():
        return [
            Problem(
                where.file,
                where.line,
                where.column,
                where.path,
                f"{display_name(folder)} is not a directory; name a folder of templates (*.j2) "
                "laid out like the built-in ones (docs/object.md.j2, python/README.md.j2, ...)",
            )
        ]
    known = builtin_names()
    problems = []
    for path in sorted(folder.rglob("*.j2")):
        name = path.relative_to(folder).as_posix()
        if name in known or path.name.startswith("_"):
            continue
        close = closest(name, known)
        hint = f"did you mean {close!r}? " if close else ""
        problems.append(
            Problem(
                display_name(path),
                1,
                1,
                where.path,
                f"no built-in template is called {name!r}, so this file would change nothing; {hint}"
                "(a partial that overrides include must have a name starting with _; "
                "`specgen templates` lists the names)",
            )
        )
    return problems


def folders(cli_folder: Path | None, doc: Document) -> tuple[Path, ...]:
    """The override folders in order (command line, then the spec's ``templates:``); SpecError if wrong."""
    found: list[tuple[Path, Problem]] = []
    if cli_folder is not None:
        found.append((cli_folder, Problem(display_name(cli_folder), 1, 1, "--templates", "")))
    value = doc.data.get(KEY) if isinstance(doc.data, dict) else None
    if isinstance(value, str):  # the schema refuses any other type
        pos = doc.where((KEY,))
        found.append((Path(pos.file).parent / value, Problem(pos.file, pos.line, pos.column, KEY, "")))
    problems = [p for folder, where in found for p in _folder_problems(folder, where)]
    if problems:
        raise SpecError(problems)
    return tuple(folder.resolve() for folder, _ in found)


def _override_frame(exc: BaseException, chosen: tuple[Path, ...]) -> tuple[str, int] | None:
    """The innermost frame of the error that is in an override template: (file, line)."""
    frames = traceback.extract_tb(exc.__traceback__)
    filename, lineno = getattr(exc, "filename", None), getattr(exc, "lineno", None)
    if isinstance(filename, str) and isinstance(lineno, int):  # a syntax error: no frame of its own
        frames.append(traceback.FrameSummary(filename, lineno, "<template>"))
    for frame in reversed(frames):
        path = Path(frame.filename)
        if frame.lineno is not None and any(path.is_relative_to(folder) for folder in chosen):
            return display_name(path), frame.lineno
    return None


@contextmanager
def active(chosen: tuple[Path, ...]) -> Iterator[None]:
    """Render with these override folders; an error raised in one of their templates names its file and line."""
    import jinja2

    from generator import templating

    templating.set_overrides(chosen)
    try:
        yield
    except Exception as exc:
        where = _override_frame(exc, chosen) if chosen else None
        if where is None:
            raise
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if isinstance(exc, jinja2.TemplateNotFound):
            message = f"there is no template {exc.name!r}, in the override folders or built in"
        raise TemplateOverrideError(
            f"{where[0]}:{where[1]}: {message} (in an override template; it sees the same variables "
            "as the built-in template it replaces)"
        ) from exc
    finally:
        templating.set_overrides(())
