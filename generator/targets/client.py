"""The API client in the generated package: errors.py (pure Python) and client.py (httpx).

A target of its own: it reads the project through its view model (client_view.py), so the
shared IR holds nothing only the client needs. ``import <package>`` never imports these
modules; ``from <package>.client import Client`` needs the package's ``client`` extra (httpx).
"""

from __future__ import annotations

from generator.ir import ProjectIR
from generator.targets.client_view import build_client_view
from generator.targets.oauth_view import build_oauth_view
from generator.templating import render


def render_client(project: ProjectIR) -> dict[str, str]:
    """Render the client modules of ``python/<package>/`` (unformatted, like the package's others)."""
    if not project.endpoints:
        return {}  # nothing to call
    view = build_client_view(project)
    oauth = build_oauth_view(project, view.endpoints)
    modules = ("errors", "client", "oauth") if oauth else ("errors", "client")
    root = f"python/{project.package}"
    return {
        f"{root}/{name}.py": render(f"python/client/{name}.py.j2", project=project, view=view, oauth=oauth)
        for name in modules
    }
