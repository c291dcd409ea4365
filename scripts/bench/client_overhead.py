"""Client overhead: the same create-or-update and read calls through `mykaarma`, raw httpx and requests.

Sequential: N calls (half create-or-update of a stored person, half reads) via `MyKaarma`, via
`httpx.Client` with hand-built JSON, and via `requests` the way the vendor's examples call it (module-level
`requests.post`/`get` with `data=json.dumps(...)`, a new connection per call); the raw variants check the
status and decode the JSON body, as any script reading a customerUuid does. Concurrent: `AsyncMyKaarma`
against `httpx.AsyncClient` at concurrency 16. Same mock process for all; each figure is a median of runs.
"""

from __future__ import annotations

import asyncio
import functools
import json
import time
from collections.abc import Callable, Coroutine
from typing import Any

import httpx
import requests

from mykaarma import AsyncMyKaarma, MyKaarma
from scripts.bench._common import (
    CUSTOMERS_PATH,
    DEMO_AUTH,
    DEPARTMENT,
    Row,
    interleaved_medians,
    mock_server,
    person,
    verdict,
)

CALLS = 400
ASYNC_CALLS = 400
CONCURRENCY = 16
RUNS = 7
PEOPLE = 20  # the create-or-update calls cycle through these stored people (updates, no growth)


def _timed(run: Callable[[], None]) -> float:
    started = time.perf_counter()
    run()
    return (time.perf_counter() - started) / CALLS * 1000  # ms per call


def _read(response: httpx.Response | requests.Response) -> Any:
    """What any script does with a response: check the status and decode the JSON body."""
    response.raise_for_status()
    return response.json()


def _bodies() -> list[dict[str, Any]]:
    return [person(i % PEOPLE, dedup=True) for i in range(CALLS // 2)]


def sequential(base_url: str, uuids: list[str]) -> dict[str, float]:
    """Median ms per call for each client, sequential: save a person, then read that person back."""
    calls = [(body, uuids[index % PEOPLE]) for index, body in enumerate(_bodies())]

    def with_mykaarma() -> None:
        with MyKaarma(username=DEMO_AUTH[0], password=DEMO_AUTH[1], base_url=base_url) as client:
            for body, uuid in calls:
                client.customers.create_or_update(DEPARTMENT, body["customer"], vehicles=body["vehicles"])
                client.customers.get(DEPARTMENT, uuid)

    def with_httpx() -> None:
        with httpx.Client(base_url=base_url, auth=DEMO_AUTH, timeout=30) as client:
            for body, uuid in calls:
                _read(client.post(CUSTOMERS_PATH, json=body))
                _read(client.get(f"{CUSTOMERS_PATH}/{uuid}"))

    def with_requests() -> None:
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        for body, uuid in calls:
            _read(requests.post(base_url + CUSTOMERS_PATH, auth=DEMO_AUTH, headers=headers,
                                data=json.dumps(body), timeout=30))  # fmt: skip
            _read(requests.get(f"{base_url}{CUSTOMERS_PATH}/{uuid}", auth=DEMO_AUTH, headers=headers,
                               timeout=30))  # fmt: skip

    variants = {"mykaarma": with_mykaarma, "httpx": with_httpx, "requests": with_requests}
    for run in variants.values():  # warm-up: imports, connection set-up, SQLite pages
        run()
    return interleaved_medians(RUNS, {name: functools.partial(_timed, run) for name, run in variants.items()})


def concurrent(base_url: str) -> dict[str, float]:
    """Median calls per second for the async client and raw httpx.AsyncClient at CONCURRENCY."""
    bodies = [person(i % PEOPLE, dedup=True) for i in range(ASYNC_CALLS)]

    async def with_mykaarma() -> None:
        limit = asyncio.Semaphore(CONCURRENCY)
        async with AsyncMyKaarma(username=DEMO_AUTH[0], password=DEMO_AUTH[1], base_url=base_url) as client:

            async def one(body: dict[str, Any]) -> None:
                async with limit:
                    await client.customers.create_or_update(
                        DEPARTMENT, body["customer"], vehicles=body["vehicles"]
                    )

            await asyncio.gather(*(one(body) for body in bodies))

    async def with_httpx() -> None:
        limit = asyncio.Semaphore(CONCURRENCY)
        async with httpx.AsyncClient(base_url=base_url, auth=DEMO_AUTH, timeout=30) as client:

            async def one(body: dict[str, Any]) -> None:
                async with limit:
                    _read(await client.post(CUSTOMERS_PATH, json=body))

            await asyncio.gather(*(one(body) for body in bodies))

    def rate(run: Callable[[], Coroutine[Any, Any, None]]) -> float:
        started = time.perf_counter()
        asyncio.run(run())
        return ASYNC_CALLS / (time.perf_counter() - started)

    variants = {"mykaarma": with_mykaarma, "httpx": with_httpx}
    for run in variants.values():
        rate(run)
    return interleaved_medians(RUNS, {name: functools.partial(rate, run) for name, run in variants.items()})


def rows() -> list[Row]:
    with mock_server() as base_url:
        with httpx.Client(base_url=base_url, auth=DEMO_AUTH) as client:
            uuids = [
                client.post(CUSTOMERS_PATH, json=person(index, dedup=True)).json()["customerUuid"]
                for index in range(PEOPLE)
            ]
        sync = sequential(base_url, uuids)
        parallel = concurrent(base_url)
    vs_httpx = sync["mykaarma"] / sync["httpx"]
    vs_requests = sync["mykaarma"] / sync["requests"]
    async_ratio = parallel["httpx"] / parallel["mykaarma"]  # time ratio = inverse of the rate ratio
    area = "client overhead"
    return [
        Row(area, "sync mykaarma, ms/call (create-or-update + read)", f"{sync['mykaarma']:.2f}"),
        Row(area, "sync raw httpx, ms/call", f"{sync['httpx']:.2f}"),
        Row(area, "sync requests (vendor-example style), ms/call", f"{sync['requests']:.2f}"),
        Row(area, "mykaarma / httpx (time)", f"{vs_httpx:.3f}", "≤ 1.10", verdict(vs_httpx <= 1.10)),
        Row(area, "mykaarma / requests (time)", f"{vs_requests:.3f}", "≤ 1.0", verdict(vs_requests <= 1.0)),
        Row(area, f"async mykaarma, calls/s at concurrency {CONCURRENCY}", f"{parallel['mykaarma']:.0f}"),
        Row(area, f"async raw httpx, calls/s at concurrency {CONCURRENCY}", f"{parallel['httpx']:.0f}"),
        Row(area, "AsyncMyKaarma / httpx.AsyncClient (time)", f"{async_ratio:.3f}", "≤ 1.10",
            verdict(async_ratio <= 1.10)),
    ]  # fmt: skip


if __name__ == "__main__":
    for row in rows():
        print(row)
