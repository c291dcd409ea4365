"""Run the mock server for integration tests: as a real subprocess, or an app in a uvicorn thread.

`start_server` runs the mock with its own launcher (`mykaarma_mock.launcher`, which demo, fuzz and bench use
too) and the tests' world (two dealers); `MockServer.stop` ends it by pid (SIGTERM, then SIGKILL after a
timeout) and `MockServer.kill` sends SIGKILL at once. The server's output goes to a log file.

`serve_in_thread` runs an application built in the test process (e.g. `create_app` with injected handlers)
on a free loopback port.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import uvicorn
import yaml

from mykaarma_mock import launcher

ROOT = Path(__file__).resolve().parents[2]
WORLDS = Path(__file__).resolve().parent / "worlds"
TWO_DEALERS = WORLDS / "two_dealers.yaml"
START_TIMEOUT = launcher.START_TIMEOUT
LISTENING = launcher.LISTENING
MockServer = launcher.RunningMock


def server_env(extra: Mapping[str, str] | None = None, *, root: Path = ROOT) -> dict[str, str]:
    """The environment of a server subprocess: the source trees of `root` (this repository) first."""
    env = launcher.child_environment(launcher.source_trees(root))
    env.update(extra or {})
    return env


def serve_command(
    *,
    db: str | Path,
    world: str | Path | None = TWO_DEALERS,
    faults: str | None = None,
    port: int = 0,
    options: Sequence[str] = (),
) -> list[str]:
    """`launcher.serve_command` with the tests' default world."""
    return launcher.serve_command(db=db, world=world, faults=faults, port=port, options=options)


def start_server(
    *,
    db: str | Path,
    log_path: Path,
    world: str | Path | None = TWO_DEALERS,
    faults: str | None = None,
    cwd: Path | None = None,
    timeout: float = START_TIMEOUT,
    options: Sequence[str] = (),
    root: Path = ROOT,
) -> MockServer:
    """`launcher.start` with the tests' default world, running the mock of the repository at `root`."""
    return launcher.start(
        db=db,
        log_path=log_path,
        world=world,
        faults=faults,
        options=options,
        cwd=cwd,
        env=server_env(root=root),
        timeout=timeout,
    )


@contextmanager
def running_server(**kwargs: Any) -> Iterator[MockServer]:
    """`start_server` as a context manager that always stops the server."""
    server = start_server(**kwargs)
    try:
        yield server
    finally:
        server.stop()


def run_cli(args: Sequence[str], *, cwd: Path, timeout: float = 60.0) -> subprocess.CompletedProcess[str]:
    """Run ``python -m mykaarma_mock ARGS`` to completion (for commands that are expected to fail)."""
    return subprocess.run(
        [sys.executable, "-m", "mykaarma_mock", *args],
        cwd=cwd,
        env=server_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@contextmanager
def serve_in_thread(app: Any) -> Iterator[str]:
    """Serve an ASGI app with uvicorn in a background thread on a free loopback port; yields the base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off", proxy_headers=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30.0
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the in-process server did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(30.0)
        sock.close()


@dataclass(frozen=True)
class TestWorld:
    """Identifiers and credentials of a world file, read from the file itself."""

    __test__ = False  # not a test class

    path: Path
    dealers: tuple[str, ...]
    departments: Mapping[str, tuple[str, ...]]  # dealer uuid -> department uuids
    associates: Mapping[str, tuple[str, ...]]  # dealer uuid -> associate uuids
    passwords: Mapping[str, str] = field(repr=False)

    @classmethod
    def load(cls, path: Path = TWO_DEALERS) -> TestWorld:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        dealers = tuple(d["uuid"] for d in document["dealers"])
        departments = {d["uuid"]: tuple(p["uuid"] for p in d["departments"]) for d in document["dealers"]}
        associates = {d["uuid"]: tuple(d["associates"]) for d in document["dealers"]}
        passwords = {a["username"]: a["password"] for a in document["accounts"]}
        return cls(path, dealers, departments, associates, passwords)

    @property
    def dealer_a(self) -> str:
        return self.dealers[0]

    @property
    def dealer_b(self) -> str:
        return self.dealers[1]

    @property
    def dept_a1(self) -> str:
        return self.departments[self.dealer_a][0]

    @property
    def dept_a2(self) -> str:
        return self.departments[self.dealer_a][1]

    @property
    def dept_b1(self) -> str:
        return self.departments[self.dealer_b][0]

    def auth(self, username: str) -> httpx.BasicAuth:
        return httpx.BasicAuth(username, self.passwords[username])
