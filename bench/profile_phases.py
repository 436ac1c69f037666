"""Where a cold generation's time goes: each phase timed, then a cProfile summary. Prints JSON.

Usage: python bench/profile_phases.py SPEC OUT_DIR

Phases run in one process with the cyclic GC off, as ``generate`` runs them (the command line
also renders the Python package and the data files in a forked child on large specs; here
they run in turn).
"""

from __future__ import annotations

import cProfile
import gc
import io
import json
import pstats
import sys
import time
from pathlib import Path

started = time.perf_counter()
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator import checks, spec as spec_module, writer  # noqa: E402
from generator.formatting import format_files  # noqa: E402
from generator.ir import build_ir  # noqa: E402
from generator.pipeline import RENDERERS, render_project  # noqa: E402
from generator.yaml_source import load_path  # noqa: E402


def phases(spec_path: Path, out: Path) -> list[tuple[str, float]]:
    timings: list[tuple[str, float]] = [("imports", time.perf_counter() - started)]

    def lap(name: str, t0: float) -> float:
        now = time.perf_counter()
        timings.append((name, now - t0))
        return now

    t = time.perf_counter()
    doc = load_path(spec_path, lazy=True)  # as generate reads it: positions placed only for a problem
    t = lap("read YAML (yaml_source, no position)", t)
    assert not spec_module._schema_problems(doc)
    t = lap("schema check (schema_fast)", t)
    assert not checks.meaning_problems(doc)
    t = lap("meaning checks (checks)", t)
    spec = spec_module.build(doc)
    t = lap("spec model", t)
    project = build_ir(spec)
    t = lap("IR", t)
    files: dict[str, str] = {}
    for renderer in RENDERERS:
        files.update(renderer(project))
        t = lap(f"render: {renderer.__name__}", t)
    format_files(files)
    t = lap("formatting (guard; black where needed)", t)
    final = render_project(project)
    t = time.perf_counter()
    writer.write_tree(out, final)
    lap("write the tree (writer)", t)
    return timings


def main() -> None:
    spec_path, out = Path(sys.argv[1]), Path(sys.argv[2])
    gc.disable()  # as the command line does for generate and check
    timings = phases(spec_path, out)
    profiler = cProfile.Profile()
    from generator.pipeline import generate

    profiler.enable()
    generate(spec_path)
    profiler.disable()
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).strip_dirs().sort_stats("tottime").print_stats(15)
    lines = [line for line in text.getvalue().splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls"))
    print(json.dumps({"phases": timings, "top": "\n".join(lines[start:])}))


if __name__ == "__main__":
    main()
