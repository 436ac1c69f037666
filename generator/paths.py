"""Where the toolkit's own files are, in a checkout and in an installed wheel alike.

In the repo, the templates are ``templates/`` beside ``generator/``; a wheel carries them as
``generator/templates/`` (pyproject.toml maps the folder into the package at build time).
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
_PACKAGED_TEMPLATES = PACKAGE / "templates"
# A checkout (or an editable install of one) has no generator/templates/: it reads the repo's.
CHECKOUT = not _PACKAGED_TEMPLATES.is_dir()
TEMPLATES = PACKAGE.parent / "templates" if CHECKOUT else _PACKAGED_TEMPLATES


def toolkit_sources() -> tuple[Path, ...]:
    """The folders whose files make up the toolkit (its code, schema, labels and templates)."""
    return (PACKAGE, TEMPLATES) if CHECKOUT else (PACKAGE,)


def default_cache() -> Path:
    """The run cache: ``.cache/specgen/`` beside the toolkit in a checkout, the user's cache when installed.

    An installed toolkit never writes into its own site-packages folder.
    """
    if CHECKOUT:
        return PACKAGE.parent / ".cache" / "specgen"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "specgen"


def inside_toolkit(path: str | os.PathLike[str] | None) -> bool:
    """Whether ``path`` is one of the toolkit's own files (an error reading it is a bug, not bad input)."""
    if not path:
        return False
    try:
        resolved = Path(os.fspath(path)).resolve()
    except (OSError, RuntimeError, ValueError):
        return False
    return any(resolved.is_relative_to(base) for base in toolkit_sources())
