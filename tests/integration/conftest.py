"""Fixtures of the integration tests: the real mock server over real HTTP on a free port.

World: ``tests/integration/worlds/two_dealers.yaml`` (`TWO_DEALERS`). Dealer A (the spec examples' dealer
``5b4a3c2d-…``) has departments A1 (the examples' ``9f8a6c1e-…``) and A2; dealer B has B1 and B2; each dealer
has three associates. Accounts (username = name below, password in the file):

* ``full`` — every scope, Dealer level, on dealer A;
* ``dealer_b`` — every scope, Dealer level, on dealer B only;
* ``readonly`` — customer.search, appointment.get and appointment.trip.read on dealer A;
* ``department_only`` — customer.update and customer.search at DealerDepartment level on A1 only;
* ``no_grants`` — valid credentials without any grant.

Fixtures:

* ``world`` (session) — `TestWorld`: ``world.dealer_a``, ``world.dept_a1``, ``world.dept_a2``,
  ``world.dealer_b``, ``world.dept_b1``, ``world.associates[dealer]``, ``world.auth("full")`` (an
  ``httpx.BasicAuth``).
* ``mock_server`` (session) — one `MockServer` subprocess per test process (per xdist worker) on the test
  world with its own SQLite file; ``.base_url``, ``.client()``, ``.stats()``, ``.reset()``, ``.output()``.
  Tests that only read or that do not care about other tests' data use it directly.
* ``server`` (function) — the same session server with its data emptied (``POST /__mock/reset``) before
  the test: use it whenever a test counts or looks up stored data.
* ``client`` (function) — an ``httpx.Client`` on the session server (no credentials; pass ``auth=``).
* ``start_mock`` (function) — factory for a dedicated server: ``start_mock(db=None, world=TWO_DEALERS,
  faults=None)``; every server it started is stopped after the test. Use it for restarts, kills and
  ``--faults`` runs (the default db is ``tmp_path / "mock.sqlite3"``, so a second call with the same
  ``db=`` restarts on the same data).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.integration.mock_server import TWO_DEALERS, MockServer, TestWorld, start_server

StartMock = Callable[..., MockServer]


@pytest.fixture(scope="session")
def world() -> TestWorld:
    return TestWorld.load(TWO_DEALERS)


@pytest.fixture(scope="session")
def mock_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MockServer]:
    directory = tmp_path_factory.mktemp("mock-session")
    server = start_server(db=directory / "mock.sqlite3", log_path=directory / "server.log", world=TWO_DEALERS)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def server(mock_server: MockServer) -> MockServer:
    mock_server.reset()
    return mock_server


@pytest.fixture
def client(mock_server: MockServer) -> Iterator[httpx.Client]:
    with mock_server.client() as http:
        yield http


@pytest.fixture
def start_mock(tmp_path: Path) -> Iterator[StartMock]:
    started: list[MockServer] = []

    def start(
        db: str | Path | None = None,
        world: str | Path | None = TWO_DEALERS,
        faults: str | None = None,
        **kw: Any,
    ) -> MockServer:
        log_path = tmp_path / f"server-{len(started)}.log"
        server = start_server(
            db=db if db is not None else tmp_path / "mock.sqlite3",
            log_path=log_path,
            world=world,
            faults=faults,
            **kw,
        )
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
