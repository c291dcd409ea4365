"""The scenario tour and the vendor's example requests, through Prism as a validating proxy.

Prism (``node_modules/.bin/prism proxy``, pinned in package.json) forwards each request to the server and
checks the request and the response against the spec; it reports what breaks the spec in the response
header ``sl-violations``. Every request here is one the spec allows, so every reported violation — of a
request or of a response — is a finding. Prism runs on a free loopback port and is stopped by its process
group.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from scripts import demo
from scripts._tools import BUNDLE, node_tool, quiet_node_env
from scripts.fuzz.guard import load_routes

from . import vendor_examples

START_TIMEOUT = 60.0
VIOLATIONS_HEADER = "sl-violations"
#: The VIN the vendor's get_or_add sends (valid check digit; the spec examples' VIN).
VENDOR_VIN = "1HGCM82633A004352"


@dataclass(frozen=True)
class Violation:
    """One breach of the spec Prism saw: the exchange and Prism's location, severity and message."""

    method: str
    path: str
    location: str
    severity: str
    message: str


@dataclass
class Recorder:
    """Collects Prism's verdict on every response that passes through an `httpx.Client` it hooks."""

    exchanges: int = 0
    violations: list[Violation] = field(default_factory=list)
    requests: list[tuple[str, str]] = field(default_factory=list)  # (METHOD, path) of every exchange

    def __call__(self, response: httpx.Response) -> None:
        self.exchanges += 1
        self.requests.append((response.request.method, response.request.url.path))
        raw = response.headers.get(VIOLATIONS_HEADER)
        if not raw:
            return
        try:
            found: Any = json.loads(raw)
        except ValueError:
            found = [{"location": ["?"], "severity": "Error", "message": raw}]
        for item in found if isinstance(found, list) else [found]:
            location = ".".join(str(part) for part in item.get("location", []))
            self.violations.append(
                Violation(
                    response.request.method,
                    response.request.url.path,
                    location,
                    str(item.get("severity", "?")),
                    str(item.get("message", "")),
                )
            )

    def client(self, **options: Any) -> httpx.Client:
        return httpx.Client(event_hooks={"response": [self]}, **options)


def operations_covered(requests: Iterable[tuple[str, str]]) -> set[str]:
    """The operationIds of the spec that `requests` (METHOD, path) reached."""
    routes = load_routes()
    covered: set[str] = set()
    for method, path in requests:
        for route in routes:
            if route.parameters(path) is not None:
                if method in route.operations:
                    covered.add(route.operations[method])
                break
    return covered


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.2)
        return probe.connect_ex(("127.0.0.1", port)) == 0


@contextmanager
def prism_proxy(upstream: str, log_path: Path) -> Iterator[str]:
    """Prism validating `upstream` against the bundled spec; yields the proxy's base URL."""
    port = _free_port()
    command = [node_tool("prism"), "proxy", str(BUNDLE), upstream, "--host", "127.0.0.1", "--port", str(port)]
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, env=quiet_node_env(), start_new_session=True
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not _listening(port):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"prism did not start; its log: {log_path}")
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def run_tour(proxy_url: str, recorder: Recorder) -> None:
    """The demo tour (every operation but the deprecated PUT create) and the vendor's example requests (which
    use that PUT), all through the proxy. The demo world's credentials and identifiers are used."""
    with recorder.client(timeout=30.0) as http:
        demo.tour(proxy_url, http_client=http)
    auth = (demo.DEMO_USERNAME, demo.DEMO_PASSWORD)
    with recorder.client(base_url=f"{proxy_url}/customer/v2", auth=auth, timeout=30.0) as http:
        for response in vendor_examples.replay(http, demo.DEPARTMENT, VENDOR_VIN):
            response.raise_for_status()
