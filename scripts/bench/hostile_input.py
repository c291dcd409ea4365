"""Hostile input: how long a body of 10,000 unknown keys takes to be refused, and what it costs everyone else.

One client sends the hostile body (10,000 unknown keys beside a valid customer, about 120 KB) with an account
that holds the scope, so the body is really checked; a second client meanwhile reads a stored customer in a
loop. Per round: the time to the 400, the size of that answer, and the slowest read that overlapped the
hostile request (compared with the slowest read of a quiet round of the same length). Figures are medians of
`ROUNDS` rounds. Run alone: `python -m scripts.bench.hostile_input`.
"""

from __future__ import annotations

import json
import statistics
import threading
import time

import httpx

from scripts.bench._common import CUSTOMERS_PATH, DEMO_AUTH, Row, mock_server, person, verdict

ROUNDS = 9
UNKNOWN_KEYS = 10_000
TIME_TARGET = 0.5  # seconds to the 4xx
LATENCY_TARGET = 0.1  # seconds, the other client's slowest read meanwhile


def hostile_body() -> bytes:
    body = {"customer": {"firstName": "Ana", "lastName": "Lee"}, **{f"k{i}": i for i in range(UNKNOWN_KEYS)}}
    return json.dumps(body).encode()


def _slowest_read(base_url: str, path: str, stop: threading.Event, slowest: list[float]) -> None:
    with httpx.Client(base_url=base_url, auth=DEMO_AUTH, timeout=60) as client:
        while not stop.is_set():
            started = time.perf_counter()
            response = client.get(path)
            if response.status_code != 200:
                raise SystemExit(f"the reader got {response.status_code}: {response.text[:300]}")
            slowest.append(time.perf_counter() - started)


def one_round(base_url: str, read_path: str, body: bytes | None) -> tuple[float, int, float]:
    """(seconds to the hostile 4xx, its size, the slowest overlapping read); quiet if `body` is None."""
    stop = threading.Event()
    reads: list[float] = []
    reader = threading.Thread(target=_slowest_read, args=(base_url, read_path, stop, reads))
    reader.start()
    time.sleep(0.05)  # the reader is under way
    elapsed, size = 0.0, 0
    with httpx.Client(base_url=base_url, auth=DEMO_AUTH, timeout=60) as client:
        started = time.perf_counter()
        if body is None:
            time.sleep(0.2)
        else:
            response = client.post(CUSTOMERS_PATH, content=body, headers={"Content-Type": "application/json"})
            if response.status_code != 400:
                raise SystemExit(f"the hostile body got {response.status_code}: {response.text[:300]}")
            size = len(response.content)
        elapsed = time.perf_counter() - started
    time.sleep(0.05)
    stop.set()
    reader.join()
    return elapsed, size, max(reads)


def rows() -> list[Row]:
    body = hostile_body()
    with mock_server() as url:
        with httpx.Client(base_url=url, auth=DEMO_AUTH) as client:
            uuid = client.post(CUSTOMERS_PATH, json=person(1, dedup=True)).json()["customerUuid"]
        read_path = f"{CUSTOMERS_PATH}/{uuid}"
        hostile, quiet = [], []
        for _ in range(ROUNDS):
            hostile.append(one_round(url, read_path, body))
            quiet.append(one_round(url, read_path, None))
    to_4xx = statistics.median(r[0] for r in hostile)
    size = statistics.median(r[1] for r in hostile)
    meanwhile = statistics.median(r[2] for r in hostile)
    alone = statistics.median(r[2] for r in quiet)
    area = "hostile input"
    return [
        Row(area, f"hostile body ({UNKNOWN_KEYS // 1000}k unknown keys, {len(body) // 1024} KiB), to 4xx, s",
            f"{to_4xx:.3f}", f"≤ {TIME_TARGET}", verdict(to_4xx <= TIME_TARGET)),
        Row(area, "  size of that 4xx answer, bytes", f"{size:,.0f}", "≤ 65,536", verdict(size <= 65_536)),
        Row(area, "another client's latency meanwhile (slowest read), s", f"{meanwhile:.3f}",
            f"≤ {LATENCY_TARGET}", verdict(meanwhile <= LATENCY_TARGET)),
        Row(area, "  the same client's slowest read with no hostile body, s", f"{alone:.3f}"),
    ]  # fmt: skip


if __name__ == "__main__":
    for row in rows():
        print(f"{row.measure}: {row.value} {row.target} {row.verdict}")
