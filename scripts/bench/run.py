"""`make bench`: every benchmark in one run, printed as one table and written to reports/bench.md.

Each figure is a median of several runs; ratios compare figures measured in the same run against the same
mock process. Benchmarks are not tests: nothing here fails on a missed target, it says MISSED.
"""

from __future__ import annotations

import os
import platform
import sys
import time

from scripts.bench import (
    bulk_import,
    client_overhead,
    hostile_input,
    import_time,
    mock_throughput,
    pipeline,
    prism_reference,
)
from scripts.bench._common import REPORTS, Row

SECTIONS = (
    ("client overhead", client_overhead.rows),
    ("import time", import_time.rows),
    ("mock", mock_throughput.rows),
    ("mock vs Prism", prism_reference.rows),
    ("hostile input", hostile_input.rows),
    ("bulk import", bulk_import.rows),
    ("pipeline", pipeline.rows),
)


def table(rows: list[Row]) -> str:
    lines = ["| area | measure | value | target | verdict |", "|---|---|---|---|---|"]
    lines += [f"| {r.area} | {r.measure} | {r.value} | {r.target} | {r.verdict} |" for r in rows]
    return "\n".join(lines)


def main() -> int:
    started = time.perf_counter()
    rows: list[Row] = []
    durations: list[str] = []
    for name, measure in SECTIONS:
        print(f"▸ {name} …", flush=True)
        section_started = time.perf_counter()
        rows += measure()
        durations.append(f"{name} {time.perf_counter() - section_started:.0f} s")
    elapsed = time.perf_counter() - started
    machine = f"{platform.machine()} x {os.cpu_count()}, Python {platform.python_version()}, {sys.platform}"
    report = (
        f"# Benchmarks\n\n{table(rows)}\n\nMachine: {machine}. Total run time {elapsed:.0f} s "
        f"({', '.join(durations)}).\n"
    )
    REPORTS.mkdir(exist_ok=True)
    (REPORTS / "bench.md").write_text(report, encoding="utf-8")
    print("\n" + report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
