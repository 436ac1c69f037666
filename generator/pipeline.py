"""Load, validate, build the IR, render every target, format: all in memory, no disk writes.

A large project renders in two processes (a forked child takes the Python package and the
data files, this process the OpenAPI, the docs and the client); ``SPECGEN_JOBS=1`` keeps it
in one. The bytes are the same either way.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path

from generator import __version__, precompile, units
from generator.formatting import format_files
from generator.ir import ProjectIR, build_ir
from generator.json_text import indented
from generator.spec import Spec, load_spec
from generator.targets.client import render_client
from generator.targets.data import render_data
from generator.targets.docs import render_docs
from generator.targets.openapi import render_openapi
from generator.targets.python_pkg import render_python
from generator.writer import MANIFEST

Renderer = Callable[[ProjectIR], Mapping[str, units.FileText]]
RENDERERS: tuple[Renderer, ...] = (render_python, render_data, render_openapi, render_docs, render_client)
# Rendering in two processes, the forked child takes the first FORKED renderers (the Python
# package, with its formatting, and the data files) and this process the rest; at 500 objects
# the halves cost about the same (about 0.55 and 0.6 s, one after the other).
FORKED = 2


def _manifest(project: ProjectIR, files: dict[str, units.FileText], encoded: bool = False) -> str:
    """The manifest of ``files``; ``encoded``: each text among them becomes its UTF-8 bytes (hashed
    here, written as they are: encoded once, not again by the writer)."""
    hashes = {}
    for path in sorted(files):
        value = files[path]
        if encoded and isinstance(value, str):
            value = files[path] = value.encode("utf-8")
        hashes[path] = units.sha256_of(value)
    record = {
        "generator": __version__,
        "spec": list(project.spec_files),
        "spec_sha256": project.spec_sha256,
        "files": hashes,
    }
    return indented(record) + "\n"


# A project at least this big renders in two processes (where the machine has two cores):
# the Python package and the data in a forked child, OpenAPI, docs and client here. Below it,
# forking costs more than it saves.
PARALLEL_MIN_FIELDS = 2000
_FORKED: ProjectIR | None = None  # the project a forked child renders (inherited, never pickled)


def _render(project: ProjectIR, renderers: tuple[Renderer, ...]) -> dict[str, units.FileText]:
    files: dict[str, units.FileText] = {}
    for renderer in renderers:
        for path, text in renderer(project).items():
            if path in files:
                raise AssertionError(f"two renderers produced {path}")
            files[path] = text
    return format_files(files)


def _render_forked() -> tuple[dict[str, tuple[bytes, str]], dict[bytes, bytes]]:
    """The child's files as their bytes and SHA-256 (the parent writes bytes and hashes every
    file for the manifest: done here, while the parent renders its part), and the hashes of the
    units it indexed (for the parent's cache index)."""
    assert _FORKED is not None
    files = _render(_FORKED, RENDERERS[:FORKED])
    found = {path: units.data_of(text) for path, text in files.items()}
    return {path: (data, units.sha256_of(data)) for path, data in found.items()}, units.current().indexed


def _parallel(project: ProjectIR) -> bool:
    setting = os.environ.get("SPECGEN_JOBS", "")
    if setting:
        return setting != "1"
    if units.current().index:
        return False  # a warm lazy cache: the model modules come back stored, cheaper than a fork
    fields = sum(len(o.field_scopes) for o in project.objects)  # (not o.fields: it may be read lazily)
    if fields < PARALLEL_MIN_FIELDS or (os.cpu_count() or 1) < 2:
        return False
    import multiprocessing  # only here: a warm run does without it (about 10 ms of imports)

    return "fork" in multiprocessing.get_all_start_methods()


def render_project(
    project: ProjectIR,
    *,
    one_process: bool = False,
    unit_cache: units.UnitCache | None = None,
    encoded: bool = False,
) -> dict[str, units.FileText]:
    """Every output file of a project, formatted, with the manifest (the same bytes however it runs).

    ``one_process`` keeps the rendering here (template overrides do, so that an error in one
    keeps the traceback that names the template's line). ``unit_cache`` (generator/units.py)
    lets unchanged units come from the cache; without it every unit renders. With a cache on disk,
    a document spliced from pieces comes as its UTF-8 bytes, and a lazy cache may leave a unit's
    text in the cache (``units.FileText``; ``units.materialized`` gives every text). ``encoded``:
    every text comes as its UTF-8 bytes (for the writer: each is encoded once, here).
    """
    previous = units.use(unit_cache or units.UnitCache(None, enabled=False))
    try:
        return _render_all(project, one_process=one_process, encoded=encoded)
    finally:
        units.use(previous)


def _render_all(project: ProjectIR, *, one_process: bool, encoded: bool) -> dict[str, units.FileText]:
    if not one_process and _parallel(project):
        global _FORKED
        _FORKED = project
        precompile.before_fork()
        try:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
                child = pool.submit(_render_forked)  # the first renderers
                files = _render(project, RENDERERS[FORKED:])
                theirs, indexed = child.result()
                units.current().indexed.update(indexed)
        finally:
            _FORKED = None
        if set(files) & set(theirs):
            raise AssertionError(f"two renderers produced {sorted(set(files) & set(theirs))[0]}")
        files.update((path, units.hashed(data, sha256)) for path, (data, sha256) in theirs.items())
    else:
        files = _render(project, RENDERERS)
    files[MANIFEST] = _manifest(project, files, encoded)
    return dict(sorted(files.items()))


def generate_spec(spec: Spec) -> dict[str, str]:
    """Every output file for a validated spec."""
    return units.materialized(render_project(build_ir(spec)))


def generate(spec_path: Path) -> dict[str, str]:
    """Every output file for the spec at ``spec_path``; raises SpecError on a bad spec."""
    return generate_spec(load_spec(spec_path))


class Incremental:
    """A generator that keeps rendered units between runs, for a long-lived process (``specgen watch``).

    Each run renders only the units whose inputs changed (generator/units.py) and returns every
    output file, the same bytes as :func:`generate`; hand them to ``writer.write_tree``, which
    leaves unchanged files untouched. Units are kept in memory (those of the last run only) and
    in the cache directory unless ``SPECGEN_CACHE=off``. Without an explicit ``unit_cache``, the
    toolkit's digest is taken again on every run, so an edited template renders anew.
    """

    def __init__(self, unit_cache: units.UnitCache | None = None) -> None:
        self._fixed = unit_cache
        self._cache = unit_cache

    def render(self, spec: Spec) -> dict[str, str]:
        """Every output file for a validated spec."""
        return self.render_project(build_ir(spec))

    def render_project(self, project: ProjectIR) -> dict[str, str]:
        """Every output file for a project's IR."""
        cache = self._fixed
        if cache is None:
            cache = units.UnitCache.for_run(memory=True)
            if self._cache is not None and self._cache.salt == cache.salt:
                cache = self._cache
        self._cache = cache
        try:
            return units.materialized(render_project(project, unit_cache=cache))
        finally:
            cache.forget_unused()

    def generate(self, spec_path: Path) -> dict[str, str]:
        """Every output file for the spec at ``spec_path``; raises SpecError on a bad spec."""
        return self.render(load_spec(spec_path))
