"""Run the mock server for integration tests: as a real subprocess, or an app in a uvicorn thread.

`start_server` runs ``python -m mykaarma_mock serve --port 0 --db <file> --world <file>``, waits for the line
``mykaarma-mock listening on http://127.0.0.1:PORT`` and returns a `MockServer`; `MockServer.stop` ends it by
pid (SIGTERM, then SIGKILL after a timeout) and `MockServer.kill` sends SIGKILL at once. The server's output
goes to a log file (never a pipe that could fill up); `MockServer.output()` reads it.

`serve_in_thread` runs an application built in the test process (e.g. `create_app` with injected handlers)
on a free loopback port.
"""

from __future__ import annotations

import os
import re
import signal
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

ROOT = Path(__file__).resolve().parents[2]
WORLDS = Path(__file__).resolve().parent / "worlds"
TWO_DEALERS = WORLDS / "two_dealers.yaml"
LISTENING = re.compile(r"mykaarma-mock listening on (http://\S+)")
START_TIMEOUT = 60.0


def server_env(extra: Mapping[str, str] | None = None, *, root: Path = ROOT) -> dict[str, str]:
    """The environment of a server subprocess: the source trees of `root` (this repository) first."""
    env = dict(os.environ)
    paths = [str(root / "mock"), str(root / "overlays"), str(root / "generated")]
    if env.get("PYTHONPATH"):
        paths.append(env["PYTHONPATH"])
    env["PYTHONPATH"] = os.pathsep.join(paths)
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
    command = [sys.executable, "-m", "mykaarma_mock", "serve", "--host", "127.0.0.1", "--port", str(port)]
    command += ["--db", str(db)]
    if world is not None:
        command += ["--world", str(world)]
    if faults is not None:
        command += ["--faults", faults]
    return [*command, *options]


@dataclass
class MockServer:
    """A running server subprocess."""

    base_url: str
    process: subprocess.Popen[bytes]
    db_path: str
    log_path: Path

    def output(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def client(self, **kwargs: Any) -> httpx.Client:
        kwargs.setdefault("timeout", 30.0)
        return httpx.Client(base_url=self.base_url, **kwargs)

    def stats(self) -> dict[str, Any]:
        response = httpx.get(f"{self.base_url}/__mock/stats", timeout=30.0)
        response.raise_for_status()
        stats: dict[str, Any] = response.json()
        return stats

    def reset(self) -> None:
        httpx.post(f"{self.base_url}/__mock/reset", timeout=30.0).raise_for_status()

    def stop(self, timeout: float = 15.0) -> int:
        """SIGTERM to the server's pid, SIGKILL if it has not ended after `timeout` seconds."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout)
        return self.process.returncode

    def kill(self) -> int:
        """SIGKILL to the server's pid (a crash: nothing is flushed or closed)."""
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(15.0)
        return self.process.returncode


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
    """Start ``python -m mykaarma_mock serve [OPTIONS]`` on a free port and wait until it listens (the mock of
    the repository at `root`)."""
    command = serve_command(db=db, world=world, faults=faults, options=options)
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=cwd or log_path.parent,
            env=server_env(root=root),
        )
    deadline = time.monotonic() + timeout
    while True:
        text = log_path.read_text(encoding="utf-8", errors="replace")
        found = LISTENING.search(text)
        if found:
            return MockServer(found.group(1), process, str(db), log_path)
        if process.poll() is not None:
            raise RuntimeError(f"the mock server exited with {process.returncode}:\n{text}")
        if time.monotonic() > deadline:
            process.kill()
            process.wait()
            raise RuntimeError(f"the mock server did not start within {timeout} s:\n{text}")
        time.sleep(0.05)


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
