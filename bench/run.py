"""The benchmark behind ``make bench``: our generator beside datamodel-code-generator, then RESULTS.md.

Scratch files go to bench/work/ (ignored by git). Every comparison runs both sides in turn
(A B A B ...) after a warm-up and reports medians and the median of the per-pair ratios.
``--quick`` runs fewer rounds and leaves out the 500-object spec (a smoke test, not results).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import measure  # noqa: E402
import report  # noqa: E402

WORK = HERE / "work"
PY = sys.executable
BIN = Path(sys.executable).parent
NO_CACHE = {"SPECGEN_CACHE": "off"}


def log(text: str) -> None:
    print(text, flush=True)


def ours(spec: Path, out: Path, env: dict[str, str] | None = None, fresh: bool = True) -> measure.Sample:
    """Our whole ``generate`` (every output) as a new process; ``fresh`` removes the output first."""
    if fresh and out.exists():
        shutil.rmtree(out)
    return measure.run(
        [PY, "-m", "generator", "generate", "--spec", str(spec), "--out", str(out)], env=env, cwd=ROOT
    )


def dmc(openapi: Path, target: Path) -> measure.Sample:
    """datamodel-codegen writing pydantic v2 models from our OpenAPI (its current default formatters, named)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    return measure.run(
        [
            str(BIN / "datamodel-codegen"),
            "--input",
            str(openapi),
            "--input-file-type",
            "openapi",
            "--output-model-type",
            "pydantic_v2.BaseModel",
            "--formatters",
            "black",
            "isort",
            "--output",
            str(target),
        ],
        cwd=ROOT,
    )


def tiktok(rounds: int) -> dict[str, object]:
    log("(1) TikTok spec: full generate vs datamodel-codegen")
    out = WORK / "tiktok" / "out"
    pair = measure.alternate(
        ("ours", lambda: ours(ROOT / "spec", out, NO_CACHE)),
        (
            "datamodel-codegen",
            lambda: dmc(ROOT / "generated" / "openapi" / "openapi.json", WORK / "tiktok" / "dmc.py"),
        ),
        rounds,
        log=log,
    )
    log("    with the cache on (Jinja bytecode warm, output removed each time):")
    ours(ROOT / "spec", out)  # fill the cache
    warm = measure.alternate(
        ("ours, cache warm", lambda: ours(ROOT / "spec", out)),
        (
            "datamodel-codegen",
            lambda: dmc(ROOT / "generated" / "openapi" / "openapi.json", WORK / "tiktok" / "dmc.py"),
        ),
        rounds,
        log=log,
    )
    return {"cold": pair, "warm": warm}


def synthetic(sizes: list[int], rounds_for: dict[int, int]) -> dict[int, measure.Pair]:
    log("(2) synthetic specs x 30 fields: wall time and peak memory")
    pairs: dict[int, measure.Pair] = {}
    for n in sizes:
        folder = WORK / f"s{n}"
        folder.mkdir(parents=True, exist_ok=True)
        spec = folder / "spec.yaml"
        _write_spec(n, spec)
        ours(spec, folder / "out", NO_CACHE)  # the OpenAPI datamodel-codegen reads
        log(f"  {n} objects ({n * 30} fields), {spec.stat().st_size / 1e6:.1f} MB of YAML")
        pairs[n] = measure.alternate(
            ("ours", lambda: ours(spec, folder / "out", NO_CACHE)),
            (
                "datamodel-codegen",
                lambda: dmc(folder / "out" / "openapi" / "openapi.json", folder / "dmc.py"),
            ),
            rounds_for[n],
            log=log,
        )
    return pairs


def _write_spec(n: int, path: Path) -> None:
    """Write a synthetic spec from a child process: this runner stays small, and since a child's
    peak RSS starts at its parent's size when it is forked, every measured process is not
    charged for the runner's memory."""
    with path.open("w", encoding="utf-8") as handle:
        subprocess.run([PY, str(HERE / "synth.py"), str(n)], stdout=handle, check=True)


def black_check(out: Path) -> tuple[bool, int]:
    """``black --check`` on every generated .py (black reads the generated pyproject's settings)."""
    modules = sorted((out / "python").rglob("*.py"))
    # A fresh black cache: black skips files whose content it has already seen pass.
    cache_dir = WORK / "black-cache"
    shutil.rmtree(cache_dir, ignore_errors=True)
    env = {**os.environ, "BLACK_CACHE_DIR": str(cache_dir)}
    done = subprocess.run(
        [PY, "-m", "black", "--check", "-q", *map(str, modules)], cwd=out / "python", env=env, check=False
    )
    log(f"    black --check on {len(modules)} generated modules: exit {done.returncode}")
    return done.returncode == 0, len(modules)


def incremental(n: int, rounds: int) -> dict[str, object]:
    log(f"(3) {n} objects: no-change generate, and generate after one description changed")
    folder = WORK / f"s{n}"
    spec, out = folder / "spec-edit.yaml", folder / "out-edit"
    _write_spec(n, spec)
    base = spec.read_text(encoding="utf-8")
    # The English description of a field in an object halfway down: the source language's text
    # is in the model module, the object's page, the OpenAPI document and the data files.
    needle = re.search(r"\n        description:\n          en: ([^\n]+)\n", base[len(base) // 2 :])
    assert needle, "no field description to edit"
    original = needle.group(1)
    spec.write_text(base, encoding="utf-8")
    ours(spec, out)  # fill the cache for this spec
    counter = iter(range(10**6))

    def changed(env: dict[str, str] | None = None) -> measure.Sample:
        spec.write_text(base.replace(original, f"{original} Edit {next(counter)}.", 1), encoding="utf-8")
        return ours(spec, out, env, fresh=False)

    def unchanged() -> measure.Sample:
        return ours(spec, out, fresh=False)

    fields_at = base.index("    fields:\n", len(base) // 2) + len("    fields:\n")

    def added(env: dict[str, str] | None = None) -> measure.Sample:
        """The base spec with one more field (another name each time) in an object halfway down."""
        field = (
            f"      added_field_{next(counter)}:\n        type: string\n        scope: user.info.basic\n"
            "        description:\n          en: A field just added.\n          th: ฟิลด์ที่เพิ่งเพิ่ม\n"
        )
        spec.write_text(base[:fields_at] + field + base[fields_at:], encoding="utf-8")
        return ours(spec, out, env, fresh=False)

    pair = measure.alternate(("no change", unchanged), ("one description changed", changed), rounds, log=log)
    log("    one field added, beside one description changed:")
    add_pair = measure.alternate(
        ("one field added", added), ("one description changed", changed), rounds, log=log
    )
    log("    without the cache (SPECGEN_CACHE=off), the same two runs:")
    spec.write_text(base, encoding="utf-8")
    ours(spec, out, NO_CACHE, fresh=False)
    off = measure.alternate(
        ("no change, cache off", lambda: ours(spec, out, NO_CACHE, fresh=False)),
        ("one change, cache off", lambda: changed(NO_CACHE)),
        max(1, rounds // 2),
        log=log,
    )
    return {"cache": pair, "added": add_pair, "off": off}


# An eager build: defer_build=False, then model_rebuild() for the models that referred to a
# class not yet defined when they were created (a no-op for the others).
EAGER = "import {package}; from {package} import models; [getattr(models, n).model_rebuild() for n in models.__all__]"
# Every model class created (each module loaded), validators still deferred: what a program that
# touches every model pays, beside the plain import that loads model modules on first use only.
TOUCH_ALL = "import {package}; from {package} import models; [getattr(models, n) for n in models.__all__]"


def _import_runner(package_dir: Path, statement: str) -> measure.Sample:
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    return measure.run([PY, "-c", code], env={"PYTHONPATH": str(package_dir)})


def _eager_copy(python_dir: Path, package: str, target: Path) -> Path:
    """A copy of the generated package with ``defer_build=False``: every model built at import."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(python_dir, target, ignore=shutil.ignore_patterns("__pycache__"))
    models = target / package / "models" / "__init__.py"
    text = models.read_text(encoding="utf-8")
    assert "defer_build=True" in text
    models.write_text(text.replace("defer_build=True", "defer_build=False"), encoding="utf-8")
    return target


def imports(cases: dict[str, tuple[Path, str]], rounds: int) -> dict[str, dict[str, measure.Pair]]:
    log("(4) import time, a fresh process each (wall time of the process, import measured inside too)")
    results: dict[str, dict[str, measure.Pair]] = {}
    for label, (python_dir, package) in cases.items():
        deferred = WORK / "imports" / f"{label}-deferred"
        if deferred.exists():
            shutil.rmtree(deferred)
        shutil.copytree(python_dir, deferred, ignore=shutil.ignore_patterns("__pycache__"))
        eager = _eager_copy(python_dir, package, WORK / "imports" / f"{label}-eager")
        # As pip does at install: bytecode compiled once, beforehand. Otherwise every run (where
        # PYTHONDONTWRITEBYTECODE is set) or the first (where it is not) would time the compiler
        # on the models module (about 1.5 s for 17 MB at 500 objects), not the import.
        for copy in (deferred, eager):
            subprocess.run([PY, "-m", "compileall", "-q", str(copy)], check=True, stdout=subprocess.DEVNULL)
        log(f"  {label}")
        results[label] = {
            "vs pydantic": measure.alternate(
                (f"import {package}", lambda: _import_runner(deferred, f"import {package}")),
                (
                    "from pydantic import BaseModel, Field",
                    lambda: _import_runner(deferred, "from pydantic import BaseModel, Field"),
                ),
                rounds,
                log=log,
            ),
            "vs eager": measure.alternate(
                (
                    f"import {package} (defer_build=True)",
                    lambda: _import_runner(deferred, f"import {package}"),
                ),
                (
                    f"import {package}, every model built",
                    lambda: _import_runner(eager, EAGER.format(package=package)),
                ),
                rounds,
                log=log,
            ),
            "every model vs eager": measure.alternate(
                (
                    f"import {package}, every model created",
                    lambda: _import_runner(deferred, TOUCH_ALL.format(package=package)),
                ),
                (
                    f"import {package}, every model built",
                    lambda: _import_runner(eager, EAGER.format(package=package)),
                ),
                rounds,
                log=log,
            ),
        }
    return results


def parsing(rounds: int) -> dict[str, list[float]]:
    log("(5) parsing the seed's example response (us per call)")
    script = [
        PY,
        str(HERE / "parse_bench.py"),
        str(ROOT / "generated" / "python"),
        str(ROOT / "spec" / "tiktok_v2.yaml"),
        str(rounds),
    ]
    data: dict[str, list[float]] = json.loads(
        subprocess.run(script, check=True, capture_output=True, text=True).stdout
    )
    for name, values in data.items():
        log(f"    {name}: median {statistics.median(values):.2f} us")
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer rounds, no 500-object spec (smoke test)")
    args = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    # As pip does when it installs the toolkit's wheel (and did for datamodel-codegen, beside it):
    # bytecode compiled once, beforehand. Where PYTHONDONTWRITEBYTECODE is set, every run would
    # otherwise compile the toolkit's modules again (about 0.12 s a run, measured).
    subprocess.run(
        [PY, "-m", "compileall", "-q", str(ROOT / "generator")], check=True, stdout=subprocess.DEVNULL
    )
    quick = args.quick
    sizes = [10, 100] if quick else [10, 100, 500]
    big = sizes[-1]
    results: dict[str, object] = {"quick": quick}
    results["tiktok"] = tiktok(3 if quick else 9)
    results["synthetic"] = synthetic(sizes, {10: 3 if quick else 7, 100: 3 if quick else 5, 500: 3})
    ok, count = black_check(WORK / f"s{big}" / "out")
    results["black_check"] = (ok, count, big)
    results["incremental"] = incremental(big, 3 if quick else 5)
    results["imports"] = imports(
        {
            "TikTok": (ROOT / "generated" / "python", "tiktok_v2"),
            f"{big} objects": (WORK / f"s{big}" / "out" / "python", "synth"),
        },
        3 if quick else 7,
    )
    results["parsing"] = parsing(5 if quick else 15)
    log("(6) the generated client: per call against a local server, and import")
    results["client"] = subprocess.run(
        [sys.executable, str(HERE / "client_bench.py"), "3" if quick else "9"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    results["profile"] = report.profile(WORK / f"s{big}" / "spec.yaml")
    target = WORK / "RESULTS-quick.md" if quick else HERE / "RESULTS.md"
    report.write(results, target, HERE / ("work/results-quick.png" if quick else "results.png"))
    # ---- (7) The writer's loop (issue 16): specgen watch and make serve-docs. Its own script, its own
    # raw numbers (bench/work/watch.json); the Markdown section it prints is appended to the results.
    log("(7) the writer's loop: save -> files, save -> page, watch memory over 200 saves")
    quick_watch = ["--edits", "20", "--page-rounds", "2"] if quick else []
    section = subprocess.run(
        [PY, str(HERE / "watch_bench.py"), *quick_watch], check=True, stdout=subprocess.PIPE, text=True
    ).stdout
    with target.open("a", encoding="utf-8") as handle:
        handle.write("\n" + section)
    # ---- end of (7)
    log(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
