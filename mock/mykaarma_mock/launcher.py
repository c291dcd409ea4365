"""Start the mock server as a child process on a free loopback port, and stop it by process id.

The one way a program runs a mock of its own: ``make demo``, the tests, ``make fuzz`` and ``make bench`` all
use `running` (or `start` and `RunningMock.stop`). It runs ``python -m mykaarma_mock serve --port 0 ...``,
waits for the line ``mykaarma-mock listening on http://127.0.0.1:PORT`` and returns a `RunningMock`. The
server's output goes to a log file (never a pipe that could fill up and stall it).
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import httpx

__all__ = [
    "LISTENING",
    "RunningMock",
    "child_environment",
    "running",
    "serve_command",
    "source_trees",
    "start",
]

LISTENING: Final = re.compile(r"mykaarma-mock listening on (http://\S+)")
START_TIMEOUT: Final = 60.0


def serve_command(
    *,
    db: str | Path,
    world: str | Path | None = None,
    faults: str | None = None,
    port: int = 0,
    options: Sequence[str] = (),
) -> list[str]:
    """``python -m mykaarma_mock serve`` on loopback with these settings (no `world`: the demo world)."""
    command = [sys.executable, "-m", "mykaarma_mock", "serve", "--host", "127.0.0.1", "--port", str(port)]
    command += ["--db", str(db)]
    if world is not None:
        command += ["--world", str(world)]
    if faults is not None:
        command += ["--faults", faults]
    return [*command, *options]


@dataclass
class RunningMock:
    """A mock server child process and where to reach it."""

    base_url: str
    process: subprocess.Popen[bytes]
    db_path: str
    log_path: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    def output(self) -> str:
        """What the server printed so far."""
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def client(self, **kwargs: Any) -> httpx.Client:
        """An httpx client on the server's base URL (30 s timeout unless given)."""
        kwargs.setdefault("timeout", 30.0)
        return httpx.Client(base_url=self.base_url, **kwargs)

    def stats(self) -> dict[str, Any]:
        """``GET /__mock/stats``: what each department holds."""
        response = httpx.get(f"{self.base_url}/__mock/stats", timeout=30.0)
        response.raise_for_status()
        stats: dict[str, Any] = response.json()
        return stats

    def reset(self) -> None:
        """``POST /__mock/reset``: empty the data, keep the world."""
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


def source_trees(root: Path) -> list[Path]:
    """The package directories of a checkout of the repository at `root` (mock, client, generated code)."""
    return [root / "mock", root / "overlays", root / "generated"]


def child_environment(source_paths: Sequence[Path], env: Mapping[str, str] | None = None) -> dict[str, str]:
    """A child interpreter's environment: `env` (default: ours), `source_paths` first on ``PYTHONPATH``."""
    result = dict(os.environ if env is None else env)
    paths = [str(path) for path in source_paths]
    if result.get("PYTHONPATH"):
        paths.append(result["PYTHONPATH"])
    if paths:
        result["PYTHONPATH"] = os.pathsep.join(paths)
    return result


def start(
    *,
    db: str | Path,
    log_path: Path,
    world: str | Path | None = None,
    faults: str | None = None,
    options: Sequence[str] = (),
    cwd: Path | None = None,
    source_paths: Sequence[Path] = (),
    env: Mapping[str, str] | None = None,
    timeout: float = START_TIMEOUT,
) -> RunningMock:
    """Start the mock and wait until it listens; `RuntimeError` with its output if it exits or is too slow.

    `source_paths` go first on the child's ``PYTHONPATH`` (to run the mock of another source tree).
    """
    command = serve_command(db=db, world=world, faults=faults, options=options)
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=cwd or log_path.parent,
            env=child_environment(source_paths, env),
        )
    deadline = time.monotonic() + timeout
    while True:
        text = log_path.read_text(encoding="utf-8", errors="replace")
        found = LISTENING.search(text)
        if found:
            return RunningMock(found.group(1), process, str(db), log_path)
        if process.poll() is not None:
            raise RuntimeError(f"the mock server exited with {process.returncode}:\n{text}")
        if time.monotonic() > deadline:
            process.kill()
            process.wait()
            raise RuntimeError(f"the mock server did not start within {timeout} s:\n{text}")
        time.sleep(0.05)


@contextmanager
def running(**kwargs: Any) -> Iterator[RunningMock]:
    """`start` as a context manager that always stops the server."""
    server = start(**kwargs)
    try:
        yield server
    finally:
        server.stop()
