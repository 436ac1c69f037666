"""RESULTS.md and the plot, from the numbers bench/run.py measured."""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
from datetime import datetime, timezone
from importlib.metadata import version
from pathlib import Path
from typing import Any

from measure import Pair

ROOT = Path(__file__).resolve().parent.parent
TOOLS = (
    "datamodel-code-generator",
    "black",
    "isort",
    "pydantic",
    "pydantic_core",
    "Jinja2",
    "PyYAML",
    "jsonschema",
    "msgspec",
    "orjson",
    "matplotlib",
)

# What would close each target if it is missed (the profile below says where the time goes).
REMEDIES = {
    "tiktok": "The client's modules no longer go to black, and the process exits without freeing its objects. "
    "With the cache off, about half of what is left is Jinja compiling the 20 templates a run uses (with the "
    "cache on, Jinja's bytecode cache skips it: the second table); the rest is interpreter start-up and "
    "imports. Closing it with the cache off needs the templates compiled when the toolkit is installed, as "
    "Python compiles its modules.",
    "cold": "The phases are in the table above (in process, one core; the CLI renders the Python package, "
    "its formatting and the data files in a forked child, which sends them back as bytes with their hashes, "
    "and OpenAPI, the docs and the client here, with the cyclic GC off). No single phase dominates: reading "
    "the YAML (one pass over libyaml's events; positions are placed only when a problem asks for one), the "
    "IR (naming per field), the 500 model modules, the docs pages, the checks and writing some 70 MB of new "
    "files each take a few tenths of a second, and the JSON documents are written by orjson. Closing it: the "
    "schema and meaning checks in the forked child while this process builds the IR.",
    "memory": "Peak memory is the composed YAML node graph plus the position tables, the rendered outputs "
    "(all files are held in memory until the atomic swap) and the OpenAPI dicts; streaming the docs and dropping "
    "the node graph after building values would lower it.",
    "per_field": "Cost per field grows where a page or a check iterates over all objects for each object.",
    "no_change": "The no-change path hashes the spec and the toolkit and compares the output with the run "
    "cache's hashes; an output file the output record (generator/output_record.py) vouches for by its inode, "
    "size and times is not read. What is left is interpreter start-up and imports.",
    "one_change": "The spec is read in segments (the last run's in one pack) and only the objects an edit "
    "touches are checked (generator/front.py); each object's IR comes from one pack, keyed by its segment; a "
    "model module or page whose hash the cache's index knows is not even read (the writer links the old file); "
    "the OpenAPI and data documents are spliced as UTF-8 bytes from one pack per document, read in a thread "
    "while the IR is built, then hashed and written from threads; the process exits without freeing its "
    "objects. By hand, one such run in process takes about 0.8 s after some 0.15 s of start-up and imports: "
    "the segmented read and checks 0.22 s, the IR 0.2 s (of which unpickling every object's IR 0.12 s), "
    "rendering 0.16 s, the writer 0.1 to 0.14 s (linking 1,500 files). The table's two rows of it measure the same "
    "run; on this shared virtual machine its wall time varies by a fifth from one minute to the next. "
    "Closing it for certain needs unchanged objects never to be materialized (their spec model and IR "
    "loaded only where a renderer reads them), which the whole-project views (the scope table, the model "
    "modules' imports) do not allow yet.",
    "import": "Import time is pydantic creating 15,000 fields (two FieldInfo objects each, with their "
    "description and json_schema_extra) in 500 classes; `defer_build=True` skips only building the validators, "
    "which pydantic 2.14 makes cheap next to that. Closing it needs the package to create fewer classes at "
    "import: one module per object (or group) loaded on first use through a module `__getattr__` (PEP 562), "
    "with `TYPE_CHECKING` imports for type checkers.",
    "parse": "Both are pydantic-core; a difference above 5% would be the generated config (aliases, extra fields).",
}


def _tools() -> str:
    found = []
    for name in TOOLS:
        try:
            found.append(f"{name} {version(name)}")
        except Exception:  # noqa: BLE001 - a missing tool is just not listed
            continue
    return ", ".join(found)


def _commit() -> str:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "generator", "templates"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        return head.stdout.strip() + (
            " (with uncommitted changes to generator/ or templates/)" if dirty.stdout.strip() else ""
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def profile(spec: Path) -> dict[str, Any]:
    """Phase timings and a cProfile summary of one cold generation of ``spec``, in a fresh process."""
    out = spec.parent / "out-profile"
    env = {**os.environ, "SPECGEN_CACHE": "off"}
    done = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("profile_phases.py")), str(spec), str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _pair_rows(pair: Pair, memory: bool = False) -> list[str]:
    rows = []
    for series in (pair.a, pair.b):
        mem = f" | {series.median_mib:.0f}" if memory else ""
        rows.append(f"| {series.name} | {series.median:.3f} | {series.spread}{mem} |")
    return rows


def _verdict(value: float, limit: float, fmt: str = "{:.2f}") -> str:
    if value <= limit:
        return "met"
    return f"**missed** by {value / limit:.2f}x ({fmt.format(value)} against at most {fmt.format(limit)})"


def _plot(synthetic: dict[int, Pair], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = sorted(synthetic)
    fields = [n * 30 for n in sizes]
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    left.plot(
        fields, [synthetic[n].a.median for n in sizes], "o-", label="ours: whole generate (every output)"
    )
    left.plot(fields, [synthetic[n].b.median for n in sizes], "s-", label="datamodel-codegen: models only")
    left.set(
        xscale="log",
        yscale="log",
        xlabel="fields (objects x 30)",
        ylabel="wall time, s (median)",
        title="Time",
    )
    right.plot(fields, [synthetic[n].a.median_mib for n in sizes], "o-", label="ours")
    right.plot(fields, [synthetic[n].b.median_mib for n in sizes], "s-", label="datamodel-codegen")
    right.set(
        xscale="log", xlabel="fields (objects x 30)", ylabel="peak RSS, MiB (median)", title="Peak memory"
    )
    for ax in (left, right):
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110, metadata={"Software": None})
    plt.close(fig)


def write(results: dict[str, Any], md: Path, png: Path) -> None:
    """Write the Markdown report and the plot."""
    tk: dict[str, Pair] = results["tiktok"]
    syn: dict[int, Pair] = results["synthetic"]
    big = max(syn)
    inc: dict[str, Pair] = results["incremental"]
    imp: dict[str, dict[str, Pair]] = results["imports"]
    parse: dict[str, list[float]] = results["parsing"]
    black_ok, black_count, _ = results["black_check"]
    _plot(syn, png)

    per_field = {n: syn[n].a.median / (n * 30) * 1e6 for n in syn}
    growth = per_field[big] / per_field[100] if 100 in per_field and big != 100 else float("nan")
    parse_med = {k: statistics.median(v) for k, v in parse.items()}
    parse_ratio = parse_med["generated UserInfoResponse"] / parse_med["hand-written pydantic"]
    big_label = f"{big} objects"
    targets = [
        ("TikTok spec: whole generate <= 0.5x datamodel-codegen", _verdict(tk["cold"].ratio, 0.5), "tiktok"),
        (f"{big} x 30 cold: <= 0.10x datamodel-codegen", _verdict(syn[big].ratio, 0.10, "{:.3f}"), "cold"),
        (f"{big} x 30 cold: peak memory <= 0.5x", _verdict(syn[big].memory_ratio, 0.5), "memory"),
        (f"{big} x 30: every generated .py passes black --check", "met" if black_ok else "**missed**", ""),
        (
            "cost per field roughly constant, 100 -> " + str(big) + " objects (<= 1.3x)",
            _verdict(growth, 1.3),
            "per_field",
        ),
        (
            f"{big} objects: no-change generate <= 0.3 s",
            _verdict(inc["cache"].a.median, 0.3, "{:.3f} s"),
            "no_change",
        ),
        (
            f"{big} objects: one description changed <= 1 s",
            _verdict(inc["cache"].b.median, 1.0, "{:.3f} s"),
            "one_change",
        ),
        (
            f"{big} objects: one field added <= 1.5 s",
            _verdict(inc["added"].a.median, 1.5, "{:.3f} s"),
            "one_change",
        ),
        (
            f"import of the {big}-object package <= 0.3x an eager build",
            _verdict(imp[big_label]["vs eager"].ratio, 0.3),
            "import",
        ),
        ("parsing within 5% of hand-written pydantic", _verdict(parse_ratio, 1.05), "parse"),
    ]
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    out: list[str] = [
        "# Benchmark results",
        "",
        "Written by `make bench` (bench/run.py); do not edit by hand. Each comparison ran both sides in turn",
        "(A B A B ...) after one warm-up round; times are medians of wall time of a fresh process, ratios are",
        "the median of the per-pair ratios A/B, memory is the peak RSS of that process (`wait4` rusage).",
        "",
        f"- Date: {now}; machine: {os.cpu_count()} cores, {platform.machine()}, {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}; generator at commit {_commit()}",
        f"- Tools: {_tools()}",
        "- datamodel-codegen runs as `datamodel-codegen --input <our openapi.json> --input-file-type openapi "
        "--output-model-type pydantic_v2.BaseModel --formatters black isort --output models.py` (black and isort "
        "are its current default; naming them only silences its deprecation warning). It writes models only; we "
        "write models, scopes, API constants, docs in each language, OpenAPI per language, CSV/JSON.",
        "- Ours runs as `python -m generator generate --spec ... --out ...` with the output folder removed before each",
        "  run and `SPECGEN_CACHE=off` unless a table says the cache is on.",
        "",
        "## Targets",
        "",
        "| target | result |",
        "| --- | --- |",
        *[f"| {name} | {verdict} |" for name, verdict, _ in targets],
        "",
        "## 1. TikTok spec: whole generate vs datamodel-codegen (models only)",
        "",
        "| command | median s | min-max s |",
        "| --- | --- | --- |",
        *_pair_rows(tk["cold"]),
        "",
        f"Ratio ours/datamodel-codegen: **{tk['cold'].ratio:.2f}** (per pair: {', '.join(f'{r:.2f}' for r in tk['cold'].ratios)}).",
        "",
        "With the cache on (Jinja's compiled templates reused; the output folder still removed, so everything is",
        "generated and written):",
        "",
        "| command | median s | min-max s |",
        "| --- | --- | --- |",
        *_pair_rows(tk["warm"]),
        "",
        f"Ratio: **{tk['warm'].ratio:.2f}**.",
        "",
        "## 2. Synthetic specs, 30 fields an object: time and peak memory",
        "",
        "| objects | fields | ours s | datamodel-codegen s | ratio | ours MiB | datamodel-codegen MiB | memory ratio | ours us/field |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        *[
            f"| {n} | {n * 30} | {syn[n].a.median:.3f} | {syn[n].b.median:.3f} | **{syn[n].ratio:.3f}** | "
            f"{syn[n].a.median_mib:.0f} | {syn[n].b.median_mib:.0f} | {syn[n].memory_ratio:.2f} | {per_field[n]:.0f} |"
            for n in sorted(syn)
        ],
        "",
        f"Per-pair time ratios at {big} objects: {', '.join(f'{r:.3f}' for r in syn[big].ratios)}. "
        f"`black --check` on the {black_count} generated modules of the {big}-object spec: "
        f"{'passed' if black_ok else 'FAILED'}.",
        "",
        f"![time and memory against the number of fields]({png.name})",
        "",
        f"## 3. {big} objects: generate again",
        "",
        "| run | median s | min-max s |",
        "| --- | --- | --- |",
        *_pair_rows(inc["cache"]),
        *_pair_rows(inc["added"]),
        *_pair_rows(inc["off"]),
        "",
        "The first four rows use the cache (default: the run cache, and the unit cache of generator/units.py, so "
        "only the units an edit touches are rendered; unchanged files are hard-linked, keeping their mtime); "
        "the last two show the same runs with `SPECGEN_CACHE=off`. The description changed is the English "
        "description of a field halfway down the spec (another text each round); a field added is a new "
        "field each round (added_field_N) in an object halfway down the spec.",
        "",
        "## 4. Import time (fresh process each, bytecode compiled beforehand as pip does at install; wall time of the whole process)",
        "",
        "| package | import s | `from pydantic import BaseModel, Field` s | ratio | eager build (`defer_build=False` + `model_rebuild()`) s | deferred/eager | every model touched s | touched/eager |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
        *[
            f"| {label} | {p['vs pydantic'].a.median:.3f} | {p['vs pydantic'].b.median:.3f} | {p['vs pydantic'].ratio:.2f} | "
            f"{p['vs eager'].b.median:.3f} | **{p['vs eager'].ratio:.2f}** | "
            f"{p['every model vs eager'].a.median:.3f} | {p['every model vs eager'].ratio:.2f} |"
            for label, p in imp.items()
        ],
        "",
        "`import` loads each model's module on first use (PEP 562), so a plain import creates no model "
        'class; "every model touched" loads every module (every class created, validators still '
        "deferred), which is what a program that uses all the models pays over its run.",
        "",
        "## 5. Parsing the seed's example response (us per call, median of rounds)",
        "",
        "| parser | us per call | vs hand-written pydantic |",
        "| --- | --- | --- |",
        *[f"| {k} | {v:.2f} | {v / parse_med['hand-written pydantic']:.2f} |" for k, v in parse_med.items()],
        "",
        "## 6. The generated client (bench/client_bench.py)",
        "",
        "Per call: `Client.get_user_info()` beside the same call written by hand with httpx (one",
        "keep-alive client, the same fields, the body validated into the same model), alternating",
        "rounds of 300 calls against a server on 127.0.0.1. Import: a fresh process each.",
        "",
        results["client"].rstrip("\n"),
        "",
        f"## Where the time goes: a cold {big}-object generation, in process",
        "",
        "| phase | s |",
        "| --- | --- |",
        *[f"| {name} | {sec:.3f} |" for name, sec in results["profile"]["phases"]],
        "",
        "cProfile, by own time (one in-process `generate`, profiler overhead included):",
        "",
        "```",
        results["profile"]["top"],
        "```",
        "",
        "## Missed targets: what would close them",
        "",
    ]
    missed = [(name, key) for name, verdict, key in targets if verdict != "met" and key]
    out.extend(f"- **{name}**: {REMEDIES[key]}" for name, key in missed)
    if not missed:
        out.append("None.")
    md.write_text("\n".join(out) + "\n", encoding="utf-8")
