"""Bulk import: 10,000 CSV rows through `mykaarma customers import` against a sequential requests loop.

Both variants read the same kind of CSV (distinct people: name, phone, e-mail, VIN) and create-or-update
every row (``searchForDuplicate: true``) in the demo department of one mock process:

- `mykaarma customers import FILE -d DEPT --concurrency 8`: the command line as users run it (its own
  process: CSV parsing, pre-flight validation, journal and result file included);
- the vendor-example style: a Python process reading the CSV with `csv` and calling `requests.post` with
  `data=json.dumps(...)` once per row, one after another.

Every run imports a fresh set of people (new rows, so both variants create rather than update), rounds
alternate the order of the variants, and each figure is the median of the rounds. The command's result
file is checked: every row must be reported created, or the run fails.

Against a local mock there is no network latency to overlap, so concurrency can only win what the mock
server's single worker has spare: the table also shows the mock's CPU time per row and the speed-up that
would remain if the loop were compared with the mock alone running flat out on one core. A second
comparison (fewer rows) runs against a mock that makes every request wait `LATENCY_MS` (``--faults
latency=MS``), as a round trip to a hosted API does.
"""

from __future__ import annotations

import csv
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from scripts.bench._common import (
    CUSTOMERS_PATH,
    DEMO_AUTH,
    DEPARTMENT,
    MOCK_PIDS,
    Row,
    cpu_seconds,
    mock_server,
    person,
    source_env,
    verdict,
)

ROWS = 10_000
ROUNDS = 3
LATENCY_MS = 20  # a short round trip to a hosted API; the real one adds its own processing time
LATENCY_ROWS = 300  # enough rows for the comparison; the sequential loop pays LATENCY_MS on every one
CONCURRENCY = 8
WIDE_CONCURRENCY = 16  # what a user facing a round trip can choose: more requests in flight
COLUMNS = ("firstName", "lastName", "phone", "email", "vin")

#: The sequential baseline, run as its own process: what a partner's script does today.
REQUESTS_LOOP = """
import csv, json, sys
import requests

base_url, path, username, password, file = sys.argv[1:]
headers = {"Content-Type": "application/json", "Accept": "application/json"}
with open(file, newline="", encoding="utf-8") as rows:
    for row in csv.DictReader(rows):
        payload = {
            "customer": {
                "firstName": row["firstName"],
                "lastName": row["lastName"],
                "phoneNumbers": [{"phoneNumber": row["phone"], "label": "cell", "okToCall": True,
                                  "okToText": True, "isPreferred": True}],
                "emails": [{"emailAddress": row["email"], "label": "home", "okToEmail": True,
                            "isPreferred": True}],
            },
            "vehicles": [{"vin": row["vin"]}],
            "searchForDuplicate": True,
        }
        response = requests.post(base_url + path, auth=(username, password), headers=headers,
                                 data=json.dumps(payload), timeout=30)
        response.raise_for_status()
        response.json()["customerUuid"]
"""


def write_csv(path: Path, first: int, count: int) -> None:
    """`count` distinct people starting at index `first`, in the command's default column names."""
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for index in range(first, first + count):
            body = person(index, dedup=True)
            customer = body["customer"]
            writer.writerow(
                [
                    customer["firstName"],
                    customer["lastName"],
                    customer["phoneNumbers"][0]["phoneNumber"],
                    customer["emails"][0]["emailAddress"],
                    body["vehicles"][0]["vin"],
                ]
            )


@dataclass(frozen=True)
class Timed:
    """Wall seconds of a child process and the CPU seconds it used (user + system)."""

    seconds: float
    cpu: float


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(command: list[str], env: dict[str, str] | None = None) -> Timed:
    started, cpu = time.perf_counter(), _children_cpu()
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    timed = Timed(time.perf_counter() - started, _children_cpu() - cpu)
    if result.returncode != 0:
        raise SystemExit(f"{command[0:4]} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return timed


def with_cli(base_url: str, file: Path, count: int, concurrency: int = CONCURRENCY) -> Timed:
    """`mykaarma customers import` (its own process); every row must come back created."""
    result_file = file.with_suffix(".result.csv")
    env = {
        **source_env(),
        "MYKAARMA_BASE_URL": base_url,
        "MYKAARMA_USERNAME": DEMO_AUTH[0],
        "MYKAARMA_PASSWORD": DEMO_AUTH[1],
    }
    command = [sys.executable, "-m", "mykaarma.cli", "customers", "import", str(file), "-d", DEPARTMENT,
               "--concurrency", str(concurrency), "--progress", "none", "--json",
               "--result", str(result_file)]  # fmt: skip
    timed = _run(command, env)
    with result_file.open(newline="", encoding="utf-8") as rows:
        statuses = [row["status"] for row in csv.DictReader(rows)]
    if len(statuses) != count or set(statuses) != {"created"}:
        counts = {status: statuses.count(status) for status in set(statuses)}
        raise SystemExit(f"the import did not create every row: {len(statuses)} rows, {counts}")
    return timed


def with_requests_loop(base_url: str, file: Path, count: int) -> Timed:
    """The sequential requests loop."""
    command = [sys.executable, "-c", REQUESTS_LOOP, base_url, CUSTOMERS_PATH, *DEMO_AUTH, str(file)]
    return _run(command)


@dataclass(frozen=True)
class Comparison:
    """Median seconds of both variants over the rounds; CPU seconds per row of the import and of the mock."""

    cli: float
    loop: float
    cli_cpu_per_row: float
    mock_cpu_per_row: float
    requests_per_row: float  # what the import sends per row: its writes and its share of the lookups
    wide: float | None  # median seconds of the import at `WIDE_CONCURRENCY`, when it was run


def compare(count: int, first: int, *mock_args: str, wide: bool = False) -> Comparison:
    """`ROUNDS` rounds of both variants on `count` fresh rows each, on one mock started with `mock_args`;
    with `wide`, each round also runs the import at `WIDE_CONCURRENCY`."""
    seconds: dict[str, list[float]] = {"cli": [], "loop": [], "wide": []}
    mock_cpu: list[float] = []
    cli_cpu: list[float] = []
    requests: list[float] = []
    with (
        tempfile.TemporaryDirectory(prefix="bench-import-") as tmp,
        mock_server(None, *mock_args) as url,
    ):
        pid = MOCK_PIDS[url]
        for round_number in range(ROUNDS):
            order = ("cli", "loop", "wide") if round_number % 2 == 0 else ("wide", "loop", "cli")
            for offset, variant in enumerate(order):
                if variant == "wide" and not wide:
                    continue
                file = Path(tmp) / f"{variant}-{round_number}.csv"
                write_csv(file, first + (3 * round_number + offset) * count, count)
                before, answered = cpu_seconds(pid), _answered(url)
                if variant == "loop":
                    timed = with_requests_loop(url, file, count)
                else:
                    timed = with_cli(url, file, count, WIDE_CONCURRENCY if variant == "wide" else CONCURRENCY)
                seconds[variant].append(timed.seconds)
                if variant == "cli":
                    mock_cpu.append((cpu_seconds(pid) - before) / count)
                    cli_cpu.append(timed.cpu / count)
                    requests.append((_answered(url) - answered) / count)
    return Comparison(
        statistics.median(seconds["cli"]),
        statistics.median(seconds["loop"]),
        statistics.median(cli_cpu),
        statistics.median(mock_cpu),
        statistics.median(requests),
        statistics.median(seconds["wide"]) if seconds["wide"] else None,
    )


def _answered(base_url: str) -> int:
    """API requests the mock has answered so far (its /__mock/stats)."""
    count: int = httpx.get(f"{base_url}/__mock/stats", timeout=30).json()["requests"]
    return count


def rows() -> list[Row]:
    local = compare(ROWS, 10_000_000)
    remote = compare(LATENCY_ROWS, 20_000_000, "--faults", f"latency={LATENCY_MS}", wide=True)
    assert remote.wide is not None
    speedup = local.loop / local.cli
    ceiling = local.loop / (ROWS * local.mock_cpu_per_row)  # the mock alone, flat out on one core
    remote_speedup = remote.loop / remote.cli
    cpu_ms = local.cli_cpu_per_row * 1000
    area = "bulk import"
    trip = f"with a {LATENCY_MS} ms round trip"
    return [
        Row(area, f"`mykaarma customers import` {ROWS:,} rows, concurrency {CONCURRENCY}, s",
            f"{local.cli:.1f}"),
        Row(area, "  rows/s", f"{ROWS / local.cli:.0f}"),
        Row(area, f"sequential requests loop {ROWS:,} rows, s", f"{local.loop:.1f}"),
        Row(area, "  rows/s", f"{ROWS / local.loop:.0f}"),
        Row(area, "import CPU per row (the command's own process), ms", f"{cpu_ms:.2f}", "≤ 1.0",
            verdict(cpu_ms <= 1.0)),
        Row(area, "speed-up (loop time / import time)", f"{speedup:.2f}", "≥ 1.3", verdict(speedup >= 1.3)),
        Row(area, "mock CPU per row during the import (a write and its share of a lookup), ms",
            f"{local.mock_cpu_per_row * 1000:.2f}"),
        Row(area, "ceiling on this machine: loop time / (rows x mock CPU per row)", f"{ceiling:.2f}"),
        Row(area, f"{trip} (mock latency={LATENCY_MS}): import {LATENCY_ROWS:,} rows, s",
            f"{remote.cli:.1f}"),
        Row(area, f"{trip}: requests loop {LATENCY_ROWS:,} rows, s", f"{remote.loop:.1f}"),
        Row(area, f"{trip}: speed-up", f"{remote_speedup:.2f}", "≥ 6.5", verdict(remote_speedup >= 6.5)),
        Row(area, f"{trip}: requests per row (a write, and a share of the batched lookups)",
            f"{remote.requests_per_row:.2f}"),
        Row(area, f"{trip}: ceiling at concurrency {CONCURRENCY}: {CONCURRENCY} / requests per row",
            f"{CONCURRENCY / remote.requests_per_row:.2f}"),
        Row(area, f"{trip}: import at concurrency {WIDE_CONCURRENCY}, s; speed-up", f"{remote.wide:.1f}; "
            f"{remote.loop / remote.wide:.2f}"),
    ]  # fmt: skip


if __name__ == "__main__":
    for row in rows():
        print(row)
