"""Where a run's time goes after one edit, cache warm: each phase of ``generate`` timed in a fresh process.

Usage: python bench/front_phases.py SPEC OUT_DIR [ROUNDS]

Fills the cache with SPEC (``SPECGEN_CACHE``, or a folder in bench/work/), then for each round
writes SPEC with one description changed and with one field added (the edits of
``run.py``'s ``incremental``) beside it and times, in a new process, the phases of
``cli.render`` and the writer: the front end (segments read, objects checked, spec model:
generator/front.py), the IR, rendering with the unit cache, writing. Prints one line a run.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

CHILD = """
import gc, sys, time
t0 = time.perf_counter()
gc.disable()
from pathlib import Path
from generator import cache, front, pipeline, units, writer
from generator.ir import build_ir
from generator.templating import environment
laps = [("imports", time.perf_counter() - t0)]
t = time.perf_counter()
def lap(name):
    global t
    now = time.perf_counter()
    laps.append((name, now - t))
    t = now
fc = front.FrontCache.for_run()
lap("toolkit digest")
doc = front._read_segmented(Path(sys.argv[1]), fc)
lap(f"read ({fc.segments.misses} of {fc.segments.hits + fc.segments.misses} segments)")
spec = front._validated(doc, fc) if doc is not None else None
lap(f"check ({len(fc.checked)} objects) + spec model")
if spec is None:
    doc, spec = front.load(Path(sys.argv[1]), fc)
    lap("plain path")
environment().bytecode_cache = cache.jinja_bytecode_cache()
project = build_ir(spec)
lap("IR")
files = pipeline.render_project(project, unit_cache=units.UnitCache.for_run())
lap("render")
writer.write_tree(Path(sys.argv[2]), files)
lap("write")
print(" | ".join(f"{n} {s:.2f}" for n, s in laps) + f" | total {time.perf_counter() - t0:.2f}")
"""


def main() -> None:
    spec, out = Path(sys.argv[1]), Path(sys.argv[2])
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    env = {**os.environ, "SPECGEN_CACHE": os.environ.get("SPECGEN_CACHE", str(HERE / "work" / "front-cache"))}
    base = spec.read_text(encoding="utf-8")
    edited = spec.with_name("front-phases.yaml")
    needle = re.search(r"\n        description:\n          en: ([^\n]+)\n", base[len(base) // 2 :])
    assert needle, "no field description to edit"
    fields_at = base.index("    fields:\n", len(base) // 2) + len("    fields:\n")

    def run(text: str, label: str) -> None:
        edited.write_text(text, encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(edited), str(out)],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        print(f"{label}: {done.stdout.strip()}", flush=True)

    run(base, "fill the cache")
    for i in range(rounds):
        stamp = f"{time.time_ns()}"
        run(base.replace(needle.group(1), f"{needle.group(1)} Edit {stamp}.", 1), "one description changed")
        field = (
            f"      added_field_{stamp}:\n        type: string\n        scope: user.info.basic\n"
            "        description:\n          en: A field just added.\n          th: ฟิลด์ที่เพิ่งเพิ่ม\n"
        )
        run(base[:fields_at] + field + base[fields_at:], "one field added")


if __name__ == "__main__":
    main()
