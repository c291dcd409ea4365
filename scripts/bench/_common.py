"""Shared pieces of the benchmarks: the mock process, repeated timing, and the result rows."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import statistics
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mykaarma_mock import launcher

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "reports"
DEPARTMENT = "9f8a6c1e-2b7d-4c1a-9e3f-5d6b7a8c9d01"  # demo world, dealer 1, Service
DEMO_AUTH = ("demo-harbor", "demo-harbor-password")  # DEMO credentials of the mock's built-in demo world
CUSTOMERS_PATH = f"/customer/v2/department/{DEPARTMENT}/customer"
#: Process id of each running `mock_server`, by base URL (for `cpu_seconds`).
MOCK_PIDS: dict[str, int] = {}


@dataclass(frozen=True)
class Row:
    """One line of the benchmark table."""

    area: str
    measure: str
    value: str
    target: str = ""
    verdict: str = ""


def verdict(met: bool) -> str:
    return "met" if met else "MISSED"


def interleaved_medians(runs: int, variants: Mapping[str, Callable[[], float]]) -> dict[str, float]:
    """Median figure of each variant over `runs` rounds, each round running every variant once in turn.

    Interleaving spreads slow drift (a warming cache, a growing database, a busy neighbour) over all variants
    instead of charging it to whichever ran last.
    """
    names = list(variants)
    figures: dict[str, list[float]] = {name: [] for name in names}
    for round_number in range(runs):
        shift = round_number % len(names)
        for name in names[shift:] + names[:shift]:
            figures[name].append(variants[name]())
    return {name: statistics.median(values) for name, values in figures.items()}


def source_env() -> dict[str, str]:
    """Environment for child interpreters: the repository's source trees first on the path."""
    return launcher.child_environment(launcher.source_trees(ROOT))


@contextmanager
def mock_server(db: Path | None = None, *extra: str) -> Iterator[str]:
    """`mykaarma-mock serve` (one uvicorn worker, demo world) on a free port; yields the base URL."""
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        database = db or Path(tmp) / "mock.sqlite3"
        with launcher.running(
            db=database, log_path=Path(tmp) / "mock.log", options=extra, env=source_env()
        ) as mock:
            MOCK_PIDS[mock.base_url] = mock.pid
            yield mock.base_url


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far (Linux /proc), seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def seed_database(path: Path, start: int, stop: int) -> None:
    """Store `person(start)` … `person(stop - 1)` in the mock database at `path`, without HTTP.

    Runs the mock's own createCustomer handler (the code behind the API) in one transaction, so a large
    store takes seconds instead of minutes. A server may have the file open (WAL) but should be idle.
    """
    from mykaarma_mock.app import RequestContext
    from mykaarma_mock.features import handlers, open_database
    from mykaarma_mock.world import demo_world

    world = demo_world()
    account = world.account(DEMO_AUTH[0])
    if account is None:
        raise SystemExit(f"the demo world has no account {DEMO_AUTH[0]}")
    create = handlers()[0]["createCustomer"]
    database = open_database(str(path))
    try:
        with database.transaction(write=True) as conn:
            for index in range(start, stop):
                body = person(index, dedup=False)
                path_params = {"departmentUUID": DEPARTMENT}
                create(RequestContext("createCustomer", path_params, {}, body, account, world, conn, []))
    finally:
        database.close()
    # Fold the write-ahead log into the database file, as the server's own automatic checkpoints would have
    # done along the way; a log of 100,000 inserts would otherwise slow every read that follows.
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def person(index: int, *, dedup: bool) -> dict[str, Any]:
    """A distinct person per index, with a phone, an e-mail and a vehicle (JSON body of a create)."""
    exchange = 200 + (index // 10_000) % 800  # valid NANP numbers: exchange 200-999, 8 million distinct
    phone = {
        "phoneNumber": f"+1310{exchange}{index % 10_000:04d}",
        "label": "cell",
        "okToCall": True,
        "okToText": True,
        "isPreferred": True,
    }
    email = {
        "emailAddress": f"person{index}@example.com",
        "label": "home",
        "okToEmail": True,
        "isPreferred": True,
    }
    return {
        "customer": {"firstName": f"First{index}", "lastName": f"Last{index}", "phoneNumbers": [phone],
                     "emails": [email]},
        "vehicles": [{"vin": f"BENCH{index:012d}"}],
        "searchForDuplicate": dedup,
    }  # fmt: skip
