"""Formatting: black, in-process, at the pinned version. A rejection is a generator bug."""

from __future__ import annotations


class FormattingError(Exception):
    """Black could not parse generated code: a bug in a template, surfaced, never swallowed."""


def format_python(path: str, source: str) -> str:
    """Black-format one generated module."""
    import black  # imported here: only generation needs it, not validation or check output

    mode = black.Mode(target_versions={black.TargetVersion.PY311})
    try:
        return black.format_str(source, mode=mode)
    except Exception as exc:  # black raises several types; all mean the same here
        raise FormattingError(f"{path}: black rejected generated code: {exc}") from exc


def format_files(files: dict[str, str]) -> dict[str, str]:
    """Format every ``.py`` file; others pass through."""
    return {path: format_python(path, text) if path.endswith(".py") else text for path, text in files.items()}
