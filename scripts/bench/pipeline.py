"""Pipeline timings: `make generate` (median of runs) and `make fuzz` (time and test cases per second)."""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import time

from scripts.bench._common import ROOT, Row, verdict

GENERATE_RUNS = 3


def generate_seconds() -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "scripts.codegen.generate"], cwd=ROOT, check=True, capture_output=True
    )
    return time.perf_counter() - started


def fuzz_rows() -> list[Row]:
    """`make fuzz` wall time and test cases per second (from schemathesis' summary line)."""
    if not (ROOT / "schemathesis.toml").exists():
        return [Row("pipeline", "make fuzz", "not available (no schemathesis.toml)")]
    started = time.perf_counter()
    result = subprocess.run(["make", "-s", "fuzz"], cwd=ROOT, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    cases = [int(n) for n in re.findall(r"(\d+) (?:generated|test cases)", result.stdout + result.stderr)]
    generated = max(cases) if cases else 0
    status = "passed" if result.returncode == 0 else f"FAILED (exit {result.returncode})"
    return [
        Row(
            "pipeline",
            f"make fuzz wall time, s ({status})",
            f"{elapsed:.0f}",
            "≤ 300",
            verdict(elapsed <= 300),
        ),
        Row("pipeline", "make fuzz test cases / s", f"{generated / elapsed:.1f}" if generated else "n/a"),
    ]


def rows() -> list[Row]:
    generate = statistics.median(generate_seconds() for _ in range(GENERATE_RUNS))
    return [
        Row("pipeline", "make generate, s", f"{generate:.1f}", "≤ 15", verdict(generate <= 15)),
        *fuzz_rows(),
    ]


if __name__ == "__main__":
    for row in rows():
        print(row)
