"""Mock throughput: create-or-update (dedup on) and read, one uvicorn worker, with 1k and 100k customers.

Stores customers with the mock's own create handler next to the running server (one mock process for
both sizes; storing 100,000 through HTTP would take minutes), then measures create-or-update calls — half
for stored people (matched and updated), half for new people (created) — and reads, with 8 client
threads, at each size. Each figure is the median of several rounds. Run alone:
`python -m scripts.bench.mock_throughput [--small 1000] [--large 100000]` (`make bench-mock`).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

from scripts.bench._common import CUSTOMERS_PATH, DEMO_AUTH, Row, mock_server, person, seed_database, verdict

CONCURRENCY = 8
Request = tuple[str, str, dict[str, Any] | None]  # method, path, JSON body
ROUND = 1_000  # requests per measured round
ROUNDS = 3


def run_parallel(base_url: str, requests: Sequence[Request], threads: int) -> float:
    """Send (method, path, body) requests with `threads` client threads; returns requests per second."""
    clients = [httpx.Client(base_url=base_url, auth=DEMO_AUTH, timeout=30) for _ in range(threads)]

    def work(worker: int) -> None:
        for method, path, body in requests[worker::threads]:
            response = clients[worker].request(method, path, json=body)
            if response.status_code != 200:
                raise SystemExit(f"unexpected {response.status_code}: {response.text[:300]}")

    started = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(work, range(threads)))
    elapsed = time.perf_counter() - started
    for client in clients:
        client.close()
    return len(requests) / elapsed


def measure(base_url: str, stored: int, round_number: int, uuids: list[str]) -> tuple[float, float]:
    """(create-or-update req/s, read req/s) for one round at `stored` customers."""
    half = ROUND // 2
    step = max(stored // half, 1)
    existing = [person(i * step, dedup=True) for i in range(half)]
    fresh = [person(50_000_000 + stored + round_number * ROUND + i, dedup=True) for i in range(half)]
    upserts: list[Request] = [
        ("POST", CUSTOMERS_PATH, body) for pair in zip(existing, fresh, strict=True) for body in pair
    ]
    reads: list[Request] = [("GET", f"{CUSTOMERS_PATH}/{uuids[i % len(uuids)]}", None) for i in range(ROUND)]
    return run_parallel(base_url, upserts, CONCURRENCY), run_parallel(base_url, reads, CONCURRENCY)


def sizes_rows(small: int, large: int) -> list[Row]:
    results: dict[int, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-mock-") as tmp:
        database = Path(tmp) / "mock.sqlite3"
        with mock_server(database) as url:
            with httpx.Client(base_url=url, auth=DEMO_AUTH) as client:
                uuids = [
                    client.post(CUSTOMERS_PATH, json=person(i, dedup=True)).json()["customerUuid"]
                    for i in range(50)
                ]
            seeded = 50
            for size in (small, large):
                # Stored beside the running server (SQLite WAL), so both sizes are measured on one process.
                started = time.perf_counter()
                seed_database(database, seeded, size)
                print(
                    f"  stored {size - seeded:,} customers in {time.perf_counter() - started:.0f} s",
                    flush=True,
                )
                seeded = size
                rounds = [measure(url, size, n, uuids) for n in range(ROUNDS)]
                results[size] = (
                    statistics.median(r[0] for r in rounds),
                    statistics.median(r[1] for r in rounds),
                )
    area = "mock"
    upsert_ratio = results[small][0] / results[large][0]
    read_ratio = results[small][1] / results[large][1]
    return [
        Row(area, f"create-or-update req/s, {small:,} stored", f"{results[small][0]:.0f}"),
        Row(area, f"create-or-update req/s, {large:,} stored", f"{results[large][0]:.0f}"),
        Row(area, f"create-or-update ratio {small:,}/{large:,}", f"{upsert_ratio:.2f}", "≤ 1.3",
            verdict(upsert_ratio <= 1.3)),
        Row(area, f"read req/s, {small:,} stored", f"{results[small][1]:.0f}"),
        Row(area, f"read req/s, {large:,} stored", f"{results[large][1]:.0f}"),
        Row(area, f"read ratio {small:,}/{large:,}", f"{read_ratio:.2f}", "≤ 1.3",
            verdict(read_ratio <= 1.3)),
    ]  # fmt: skip


def rows() -> list[Row]:
    return sizes_rows(1_000, 100_000)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--large", type=int, default=100_000)
    args = parser.parse_args()
    for row in sizes_rows(args.small, args.large):
        print(f"{row.measure}: {row.value} {row.target} {row.verdict}".rstrip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
