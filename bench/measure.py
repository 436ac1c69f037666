"""Timing helpers: run commands as child processes, measure wall time and peak memory, pair A and B."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Sample:
    """One run of a command."""

    seconds: float
    maxrss_mib: float


@dataclass
class Series:
    """Several runs of one side of a comparison."""

    name: str
    samples: list[Sample] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(s.seconds for s in self.samples)

    @property
    def median_mib(self) -> float:
        return statistics.median(s.maxrss_mib for s in self.samples)

    @property
    def spread(self) -> str:
        times = [s.seconds for s in self.samples]
        return f"{min(times):.3f}-{max(times):.3f}"


@dataclass
class Pair:
    """A and B run in turn; the ratio of each pair is A/B."""

    a: Series
    b: Series

    @property
    def ratios(self) -> list[float]:
        return [x.seconds / y.seconds for x, y in zip(self.a.samples, self.b.samples)]

    @property
    def ratio(self) -> float:
        """The median of the per-pair ratios (robust to a noisy neighbour in one pair)."""
        return statistics.median(self.ratios)

    @property
    def memory_ratio(self) -> float:
        return statistics.median(x.maxrss_mib / y.maxrss_mib for x, y in zip(self.a.samples, self.b.samples))


def run(argv: list[str], *, env: dict[str, str] | None = None, cwd: Path | None = None) -> Sample:
    """Run a command to completion; its wall time and its own peak resident memory."""
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, env={**os.environ, **(env or {})}, cwd=cwd, stdout=out, stderr=out)
        # wait4 gives this child's own rusage (ru_maxrss in KiB on Linux), not a sum over children.
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            out.seek(0)
            sys.stderr.write(out.read().decode(errors="replace"))
            raise RuntimeError(f"{' '.join(argv)} exited {proc.returncode}")
    return Sample(seconds, usage.ru_maxrss / 1024)


def alternate(
    a: tuple[str, Callable[[], Sample]],
    b: tuple[str, Callable[[], Sample]],
    rounds: int,
    warmup: int = 1,
    log: Callable[[str], None] = print,
) -> Pair:
    """Run A and B in turn (A B A B ...) after ``warmup`` unrecorded rounds; medians and ratios."""
    pair = Pair(Series(a[0]), Series(b[0]))
    for i in range(warmup + rounds):
        sa = a[1]()
        sb = b[1]()
        if i >= warmup:
            pair.a.samples.append(sa)
            pair.b.samples.append(sb)
        tag = "warm-up" if i < warmup else f"round {i - warmup + 1}/{rounds}"
        log(
            f"    {tag}: {a[0]} {sa.seconds:.3f} s {sa.maxrss_mib:.0f} MiB | {b[0]} {sb.seconds:.3f} s {sb.maxrss_mib:.0f} MiB"
        )
    return pair
