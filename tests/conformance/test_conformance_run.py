"""`make conformance` against the mock (small budget), and Prism catching a server that breaks the spec."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import ClassVar

import httpx
import pytest

from mykaarma_core.openapi import operations
from scripts.conformance import proxy_tour
from scripts.conformance.run import sandbox_target
from scripts.fuzz.guard import READ_OPERATIONS, SAFE_METHODS
from tests._http import serving
from tests._make import clean_environment
from tests.spec._spec import bundled_spec

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_mock_conforms(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "scripts.conformance.run", "--max-examples", "5", "--reports", str(tmp_path)],
        cwd=ROOT, env=clean_environment(), capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    refusals = report["stock"]["refusals"]
    assert refusals, "the examples name records a fresh mock does not hold: some refusals are expected"
    assert all(refusal["explained"] for refusal in refusals)
    assert report["stock"]["failures"] == []
    tour = report["proxyTour"]
    assert tour["violations"] == []
    assert set(tour["operations"]) == {entry.operation_id for entry in operations(bundled_spec())}
    assert "PASSED" in result.stdout


class _BrokenServer(BaseHTTPRequestHandler):
    """Answers every request with a body the spec does not allow."""

    def do_GET(self) -> None:
        body = json.dumps({"customerWithVehicles": 5}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def broken_upstream() -> Iterator[str]:
    with serving(_BrokenServer) as url:
        yield url


@pytest.mark.slow
def test_prism_reports_a_response_that_breaks_the_spec(broken_upstream: str, tmp_path: Path) -> None:
    recorder = proxy_tour.Recorder()
    with proxy_tour.prism_proxy(broken_upstream, tmp_path / "prism.log") as proxy, recorder.client() as http:
        http.get(f"{proxy}/customer/v2/department/d1/customer/c1", auth=("u", "p"))
    assert recorder.exchanges == 1
    assert recorder.violations
    assert {v.location.split(".")[0] for v in recorder.violations} == {"response"}
    assert proxy_tour.operations_covered(recorder.requests) == {"readCustomer"}


def test_a_sandbox_run_is_refused_without_https_allowlist_or_credentials(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("MYKAARMA_USERNAME", raising=False)
    assert "clear text" in str(sandbox_target("http://sandbox.example.com", i_understand=True))
    assert "allowlist" in str(sandbox_target("https://unknown.example.com", i_understand=False))
    assert "MYKAARMA_USERNAME" in str(sandbox_target("https://unknown.example.com", i_understand=True))


def test_a_sandbox_run_sends_read_operations_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MYKAARMA_USERNAME", "u")
    monkeypatch.setenv("MYKAARMA_PASSWORD", "sandbox-secret-1")
    monkeypatch.setenv("MYKAARMA_DEPARTMENT_UUID", "dep-1")
    target = sandbox_target("https://sandbox.example.com", i_understand=True)
    assert not isinstance(target, str)
    assert set(target.operations) == READ_OPERATIONS
    scopes = {
        entry.operation_id: entry.definition["x-required-scope"]["scope"]
        for entry in operations(bundled_spec())
    }
    writes = {operation for operation, scope in scopes.items() if scope.endswith((".update", ".create"))}
    assert writes
    assert not writes & set(target.operations)
    assert target.parameters["departmentUUID"] == "dep-1"
    assert "sandbox-secret-1" not in repr(target)
    assert httpx.URL(target.url).scheme == "https"


class _RecordingServer(BaseHTTPRequestHandler):
    """Answers every request with an empty object and records its method and path."""

    seen: ClassVar[list[tuple[str, str]]] = []

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        self.seen.append((self.command, self.path.split("?", 1)[0]))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_TRACE = _answer

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.slow
def test_a_sandbox_run_reaches_the_target_with_read_operations_only(tmp_path: Path) -> None:
    """schemathesis also probes methods a path does not define; the guard answers those itself."""
    _RecordingServer.seen = []
    with serving(_RecordingServer) as upstream:
        env = {**clean_environment(), "MYKAARMA_USERNAME": "u", "MYKAARMA_PASSWORD": "sandbox-secret-2"}
        result = subprocess.run(
            [sys.executable, "-m", "scripts.conformance.run", "--target", upstream, "--i-understand",
             "--max-examples", "2", "--rate", "1000", "--reports", str(tmp_path)],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False,
        )  # fmt: skip
    assert result.returncode in (0, 1), result.stdout[-3000:] + result.stderr[-3000:]
    assert "read operations only" in result.stdout
    assert "sandbox-secret-2" not in result.stdout + result.stderr
    seen = _RecordingServer.seen
    assert seen, "the target received nothing"
    writes = [(method, path) for method, path in seen if method not in SAFE_METHODS]
    assert proxy_tour.operations_covered(writes) <= READ_OPERATIONS
    assert all(proxy_tour.operations_covered([pair]) for pair in writes), writes
