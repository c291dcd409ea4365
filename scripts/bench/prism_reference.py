"""Mock vs Prism: the same create-or-update and read load against our mock and against Stoplight Prism.

Prism (`prism mock` on the bundled spec) is the usual off-the-shelf mock of an OpenAPI document: it checks
each request against the spec (body schema, presence of the Basic auth header) and answers with the
spec's example, keeping no state. That makes it a floor for a mock server: our mock validates the same
requests and also stores, deduplicates and reads real customers, and it should not be slower than a mock
that does none of that.

Our mock is seeded with 1,000 customers; Prism gets the same seed requests as a warm-up. Each round sends
1,000 create-or-update calls (half for stored people, half for new ones; the same bodies to both servers)
and 1,000 reads by customerUuid, with 8 client threads, to our mock first and then to Prism; each figure
is the median of 3 rounds. Only 200 answers count: any other status stops the run. Prism runs with its
default settings: request validation on, and an info log (several lines per request, written to a file)
that costs it some throughput, but a quieter level also drops the line that says it is listening. Given
a local document without callbacks, Prism opens no outbound connection (no telemetry, no update check).
Run alone: `python -m scripts.bench.prism_reference`.
"""

from __future__ import annotations

import json
import re
import socket
import statistics
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from scripts.bench._common import CUSTOMERS_PATH, DEMO_AUTH, ROOT, Row, mock_server, person, verdict
from scripts.bench.mock_throughput import ROUNDS, Request, measure, run_parallel

PRISM = ROOT / "node_modules" / ".bin" / "prism"
BUNDLE = ROOT / "openapi" / "dist" / "mykaarma.openapi.yaml"
PRISM_LISTENING = re.compile(r"Prism is listening on (http://\S+)")
STORED = 1_000  # customers in our mock while measuring
TARGET = "≥ 1.0 (not slower than Prism while stateful)"


def free_port() -> int:
    """A loopback port that was free a moment ago (bound to port 0, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def prism_version() -> str:
    """Version of the installed @stoplight/prism-cli (package.json pins it)."""
    package = ROOT / "node_modules" / "@stoplight" / "prism-cli" / "package.json"
    version: str = json.loads(package.read_text(encoding="utf-8"))["version"]
    return version


@contextmanager
def prism_server() -> Iterator[str]:
    """`prism mock` on the bundle, on a free loopback port; yields the base URL, stops the process after."""
    if not PRISM.exists():
        raise SystemExit(f"{PRISM.relative_to(ROOT)} is missing: run `make bootstrap` (npm ci) first")
    with tempfile.TemporaryDirectory(prefix="bench-prism-") as tmp:
        log = Path(tmp) / "prism.log"
        command = [str(PRISM), "mock", str(BUNDLE), "--port", str(free_port()), "--host", "127.0.0.1"]
        with log.open("w") as out:
            process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
        try:
            deadline = time.monotonic() + 60
            while not (match := PRISM_LISTENING.search(log.read_text())):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"Prism did not start within 60 s:\n{log.read_text()[-3000:]}")
                time.sleep(0.1)
            yield match.group(1)
        finally:
            process.terminate()
            process.wait(timeout=10)


def creates(start: int, stop: int) -> list[Request]:
    """Plain creates (no dedup) of `person(start)` … `person(stop - 1)`."""
    return [("POST", CUSTOMERS_PATH, person(i, dedup=False)) for i in range(start, stop)]


def seed_mock(base_url: str) -> list[str]:
    """Store STORED customers in our mock; returns the customerUuids of the first 50 (the read targets)."""
    with httpx.Client(base_url=base_url, auth=DEMO_AUTH) as client:
        uuids = [
            client.post(CUSTOMERS_PATH, json=person(i, dedup=True)).raise_for_status().json()["customerUuid"]
            for i in range(50)
        ]
    run_parallel(base_url, creates(50, STORED), 16)
    return uuids


def rows() -> list[Row]:
    """Both servers at once, measured in turn each round; req/s of each and the ratio mock/Prism."""
    figures: dict[str, list[tuple[float, float]]] = {"mock": [], "prism": []}
    with mock_server() as mock_url, prism_server() as prism_url:
        uuids = seed_mock(mock_url)
        run_parallel(prism_url, creates(0, STORED), 16)  # warm-up with the seed requests
        for round_number in range(ROUNDS):
            for name, url in (("mock", mock_url), ("prism", prism_url)):
                figures[name].append(measure(url, STORED, round_number, uuids))
    upsert = {name: statistics.median(r[0] for r in runs) for name, runs in figures.items()}
    read = {name: statistics.median(r[1] for r in runs) for name, runs in figures.items()}
    area = "mock vs Prism"
    prism = f"Prism {prism_version()}"
    upsert_ratio = upsert["mock"] / upsert["prism"]
    read_ratio = read["mock"] / read["prism"]
    return [
        Row(area, f"create-or-update req/s, our mock ({STORED:,} stored)", f"{upsert['mock']:.0f}"),
        Row(area, f"create-or-update req/s, {prism}", f"{upsert['prism']:.0f}"),
        Row(area, "create-or-update ratio mock/Prism", f"{upsert_ratio:.2f}", TARGET,
            verdict(upsert_ratio >= 1.0)),
        Row(area, f"read req/s, our mock ({STORED:,} stored)", f"{read['mock']:.0f}"),
        Row(area, f"read req/s, {prism}", f"{read['prism']:.0f}"),
        Row(area, "read ratio mock/Prism", f"{read_ratio:.2f}", TARGET, verdict(read_ratio >= 1.0)),
    ]  # fmt: skip


if __name__ == "__main__":
    for row in rows():
        print(f"{row.measure}: {row.value} {row.target} {row.verdict}".rstrip())
