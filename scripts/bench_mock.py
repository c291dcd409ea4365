"""Benchmark the mock: create-or-update (dedup on) throughput with 1k and with 100k stored customers.

Usage: python scripts/bench_mock.py [--small 1000] [--large 100000] [--requests 2000] [--concurrency 8]

Starts `mykaarma-mock serve` (one uvicorn worker, demo world, a fresh SQLite file), seeds customers through
the API (plain creates), then times create-or-update calls — half for stored people (matched and updated),
half for new people (created) — and prints req/s for both sizes and their ratio. Not a test: nothing here
asserts a time.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from _tools import ROOT

DEPARTMENT = "9f8a6c1e-2b7d-4c1a-9e3f-5d6b7a8c9d01"  # demo world, dealer 1, Service
DEMO_AUTH = ("demo-harbor", "demo-harbor-password")  # DEMO credentials of the built-in demo world
CUSTOMERS_PATH = f"/customer/v2/department/{DEPARTMENT}/customer"
LISTENING = re.compile(r"mykaarma-mock listening on (http://\S+)")


def person(index: int, *, dedup: bool) -> dict[str, Any]:
    """A distinct person per index, with a phone, an e-mail and a vehicle."""
    return {
        "customer": {
            "firstName": f"First{index}",
            "lastName": f"Last{index}",
            "phoneNumbers": [
                {"phoneNumber": f"+1310{index:07d}", "label": "cell", "okToCall": True, "okToText": True,
                 "isPreferred": True}
            ],
            "emails": [{"emailAddress": f"person{index}@example.com", "label": "home", "okToEmail": True,
                        "isPreferred": True}],
        },
        "vehicles": [{"vin": f"BENCH{index:012d}"}],
        "searchForDuplicate": dedup,
    }  # fmt: skip


@contextmanager
def mock_server(db: Path) -> Iterator[str]:
    """A mock server process on a free port; yields its base URL and stops it by pid."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(str(ROOT / part) for part in ("mock", "overlays", "generated"))
    log = db.with_suffix(".log")
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "mykaarma_mock", "serve", "--port", "0", "--db", str(db)],
            stdout=out, stderr=subprocess.STDOUT, env=env,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not (match := LISTENING.search(log.read_text())):
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"mock did not start:\n{log.read_text()}")
            time.sleep(0.1)
        yield match.group(1)
    finally:
        process.terminate()
        process.wait(timeout=10)


def run_parallel(base_url: str, bodies: list[dict[str, Any]], concurrency: int) -> float:
    """POST every body with `concurrency` client threads; returns requests per second."""
    clients = [httpx.Client(base_url=base_url, auth=DEMO_AUTH, timeout=30) for _ in range(concurrency)]

    def work(worker: int) -> None:
        for body in bodies[worker::concurrency]:
            response = clients[worker].post(CUSTOMERS_PATH, json=body)
            if response.status_code != 200:
                raise SystemExit(f"unexpected {response.status_code}: {response.text[:300]}")

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(work, range(concurrency)))
    elapsed = time.perf_counter() - started
    for client in clients:
        client.close()
    return len(bodies) / elapsed


def measure(base_url: str, stored: int, requests: int, concurrency: int) -> float:
    """Create-or-update req/s: half of the calls for stored people, half for new ones."""
    existing = [person(i * (stored // (requests // 2)), dedup=True) for i in range(requests // 2)]
    fresh = [person(10_000_000 + stored + i, dedup=True) for i in range(requests // 2)]
    mixed = [body for pair in zip(existing, fresh, strict=True) for body in pair]
    return run_parallel(base_url, mixed, concurrency)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=2_000)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    results: dict[int, float] = {}
    with (
        tempfile.TemporaryDirectory(prefix="bench-mock-") as tmp,
        mock_server(Path(tmp) / "mock.sqlite3") as url,
    ):
        seeded = 0
        for size in (args.small, args.large):
            started = time.perf_counter()
            run_parallel(url, [person(i, dedup=False) for i in range(seeded, size)], 16)
            print(f"seeded {size - seeded} customers in {time.perf_counter() - started:.1f} s", flush=True)
            seeded = size
            results[size] = measure(url, size, args.requests, args.concurrency)
            print(f"{size} stored: {results[size]:.0f} create-or-update req/s", flush=True)
    ratio = results[args.small] / results[args.large]
    print("\n| stored customers | create-or-update req/s |\n|---|---|")
    for size, rate in results.items():
        print(f"| {size} | {rate:.0f} |")
    print(f"ratio {args.small}/{args.large}: {ratio:.2f} (goal <= 1.3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
