"""The sandbox profile (``scripts/fuzz/sandbox.py``) against the mock pretending to be a shared sandbox.

Records created before the run (a customer, an appointment with its trip) stand for the data of other
sandbox users: every read of them must answer the same bytes after the run. The ledger must list every record
the run created and removed, which the mock's own counts confirm.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from scripts.fuzz import guard as fuzz_guard
from scripts.fuzz import sandbox as fuzz_sandbox
from tests.fuzz.conftest import fuzz, fuzz_hooks
from tests.integration.mock_server import ROOT, MockServer, start_server

OWNER, PEER = fuzz.world_accounts()
DEALER = OWNER.tenant.dealer
DEPARTMENT = OWNER.tenant.departments[0]
ASSOCIATE = OWNER.tenant.associates[0]


def run_profile(
    target: str, *arguments: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts.fuzz.sandbox", target, *arguments],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def account_env() -> dict[str, str]:
    return {
        "MYKAARMA_USERNAME": OWNER.username,
        "MYKAARMA_PASSWORD": OWNER.password,
        "MYKAARMA_PEER_USERNAME": PEER.username,
        "MYKAARMA_PEER_PASSWORD": PEER.password,
    }


# ------------------------------------------------------------------------------------------------------
# Refusals before anything is sent


def test_a_host_outside_the_allowlist_is_refused() -> None:
    result = run_profile("https://sandbox.example.invalid", env=account_env())
    assert result.returncode == 2
    assert "not in the sandbox allowlist" in result.stderr


def test_credentials_over_plain_http_to_a_remote_host_are_refused() -> None:
    result = run_profile("http://sandbox.example.invalid", "--i-understand", env=account_env())
    assert result.returncode == 2
    assert "clear text" in result.stderr


def test_the_committed_allowlist_holds_only_the_local_mock() -> None:
    assert fuzz_sandbox.allowed_hosts(fuzz_sandbox.ALLOWLIST) == {"127.0.0.1", "localhost"}


# ------------------------------------------------------------------------------------------------------
# The guard's rules


ROUTES = fuzz_guard.load_routes()
OWNED = {"own-customer", "own-appointment", "own-trip"}
ABSENT = f"{fuzz_hooks.ABSENT_PREFIX}0000abcd"


def decide(
    method: str, path: str, body: Any = None, query: dict[str, str] | None = None
) -> fuzz_guard.Decision:
    return fuzz_guard.decide(ROUTES, method, path, query or {}, body, OWNED)


@pytest.mark.parametrize(
    ("customer", "verdict"),
    [
        ("own-customer", fuzz_guard.Verdict.FORWARD),
        (ABSENT, fuzz_guard.Verdict.FORWARD),
        ("someone-elses", fuzz_guard.Verdict.REFUSE),
    ],
)
def test_updates_go_only_to_the_runs_own_records(customer: str, verdict: fuzz_guard.Verdict) -> None:
    decision = decide("PUT", f"/customer/v2/department/D/customer/{customer}", {"customer": {}})
    assert decision.verdict is verdict


def test_reads_of_any_record_are_forwarded() -> None:
    assert (
        decide("GET", "/customer/v2/department/D/customer/someone-elses").verdict
        is fuzz_guard.Verdict.FORWARD
    )
    assert decide("GET", "/customer/v2/department/D/customer/list").operation_id == "searchCustomers"


def test_deleting_another_appointment_is_refused() -> None:
    body = {"appointmentUuid": "someone-elses", "tripUuid": "own-trip"}
    decision = decide("DELETE", "/appointment/v2/dealer/X/appointment-trip", body)
    assert decision.verdict is fuzz_guard.Verdict.REFUSE
    assert "appointmentUuid" in decision.reason


def test_a_create_that_replaces_or_refers_to_another_record_is_refused() -> None:
    replacing = decide(
        "POST", "/appointment/v2/dealer/X/appointment-trip", {}, {"mobileServiceApptUuid": "other"}
    )
    referring = decide(
        "POST",
        "/appointment/v2/dealer/X/appointment-trip",
        {"createAppointmentWithTripRequest": {"customerUuid": "x"}},
    )
    matching = decide(
        "POST", "/customer/v2/department/D/customer", {"searchForDuplicate": True, "customer": {}}
    )
    assert {replacing.verdict, referring.verdict, matching.verdict} == {fuzz_guard.Verdict.REFUSE}


def test_an_undocumented_write_method_is_answered_by_the_guard() -> None:
    decision = decide("DELETE", "/customer/v2/department/D/customer")
    assert decision.verdict is fuzz_guard.Verdict.NOT_ALLOWED
    assert set(decision.allow.split(", ")) == {"POST", "PUT"}  # as the mock: the order is not documented


def test_the_rate_limit_spaces_requests() -> None:
    rate = fuzz_guard.RateLimit(20.0)
    started = time.monotonic()
    for _ in range(5):
        rate.wait()
    assert time.monotonic() - started >= 0.19


def test_the_budget_runs_out() -> None:
    budget = fuzz_guard.Budget(2)
    assert [budget.take(), budget.take(), budget.take()] == [True, True, False]
    assert budget.exhausted.is_set()


# ------------------------------------------------------------------------------------------------------
# A run against the mock pretending to be a sandbox


def snapshot(server: MockServer, customer: str, appointment: str) -> dict[str, tuple[int, bytes]]:
    """Status and bytes of every read of the pre-existing records."""
    auth = httpx.BasicAuth(OWNER.username, OWNER.password)
    legacy = {"requesterUserUUID": ASSOCIATE, "dealerUUIDList": [DEALER]}
    with server.client(auth=auth) as client:
        responses = {
            "readCustomer": client.get(f"/customer/v2/department/{DEPARTMENT}/customer/{customer}"),
            "getCustomer": client.post(f"/customer/v2/customer/{customer}", json=legacy),
            "getAppointment": client.get(f"/appointment/v2/dealerDepartment/{DEPARTMENT}/uuid/{appointment}"),
            "getTripsForAppointment": client.patch(
                f"/appointment/v2/dealer/{DEALER}/trips", json={"sarUuid": appointment}
            ),
        }
    return {name: (response.status_code, response.content) for name, response in responses.items()}


def counts(server: MockServer) -> dict[str, int]:
    """Customers, appointments and live trips of the whole mock (`/__mock/stats`)."""
    totals = server.stats()["totals"]
    return {kind: int(totals[kind]) for kind in ("customers", "appointments", "trips")}


@pytest.fixture
def sandbox(tmp_path: Path) -> Any:
    server = start_server(
        db=tmp_path / "sandbox.sqlite3", log_path=tmp_path / "mock.log", world=fuzz.FUZZ_WORLD
    )
    try:
        yield server
    finally:
        server.stop()


@pytest.mark.slow
@pytest.mark.parametrize("budget", [1000, 60], ids=["full-run", "budget-spent"])
def test_a_sandbox_run_leaves_other_records_byte_identical(
    sandbox: MockServer, tmp_path: Path, budget: int
) -> None:
    existing = fuzz.seed_tenant(sandbox.base_url, OWNER)
    customer, appointment = existing.customers[0], existing.appointments[0]
    before, counts_before = snapshot(sandbox, customer, appointment), counts(sandbox)
    assert {status for status, _ in before.values()} == {200}

    reports = tmp_path / "reports"
    result = run_profile(
        sandbox.base_url,
        *("--rate", "100", "--budget", str(budget), "--max-examples", "3", "--seed", "7"),
        *(
            "--dealer",
            DEALER,
            "--department",
            DEPARTMENT,
            "--associate",
            ASSOCIATE,
            "--reports",
            str(reports),
        ),
        env=account_env(),
    )
    output = result.stdout + result.stderr
    ledger = json.loads((reports / "ledger.json").read_text(encoding="utf-8"))
    assert not ledger["refused"], output
    assert not ledger["cleanup_problems"], output
    assert ledger["budget_spent"] is (budget == 60), output
    assert result.returncode == (1 if budget == 60 else 0), output

    assert snapshot(sandbox, customer, appointment) == before
    records = ledger["records"]
    created = {
        kind: [r for r in records if r["kind"] == kind] for kind in ("customer", "appointment", "trip")
    }
    assert created["customer"], "the run creates at least its own customer"
    assert all(r["removed_by"] for r in created["appointment"] + created["trip"]), output
    assert counts(sandbox) == {
        "customers": counts_before["customers"] + len(created["customer"]),
        "appointments": counts_before["appointments"],
        "trips": counts_before["trips"],
    }
    # a summary a person reads: counts, the full ledger on file, and why the run stopped
    assert f"customers: {len(created['customer'])} created, 0 removed" in result.stdout, result.stdout
    assert created["customer"][0]["uuid"] not in result.stdout
    assert "Traceback" not in output
    assert "skipped" in result.stdout
    assert (reports / "events.ndjson.gz").exists()
    assert not (reports / "events.ndjson").exists()
    stop_lines = [line for line in result.stdout.splitlines() if "stopped: the budget of" in line]
    if budget == 60:
        [stop] = stop_lines
        assert "requests is spent" in stop
        assert "operations reached" in stop
        # the same run with more budget: its own arguments, not its target or seed
        assert "FUZZ_ARGS='--budget 1060 --rate 100 --max-examples 3 --dealer" in stop
        assert f"--associate {ASSOCIATE} --reports" in stop
        assert "to go further: make fuzz-sandbox TARGET=" in stop
        assert "SEED=7" in stop
        assert "FAILED: the request budget (60) ran out" in result.stdout
    else:
        assert stop_lines == []
        assert "fuzz-sandbox: passed" in result.stdout


def test_the_command_to_go_further_keeps_the_runs_own_arguments() -> None:
    from scripts.fuzz.report import continued_arguments

    raw = [
        "https://sb.example",
        "--budget",
        "60",
        "--seed",
        "7",
        "--dealer",
        "d 1",
        "--i-understand",
        "--",
        "-x",
    ]
    assert (
        continued_arguments(raw, "https://sb.example", 1060)
        == "--budget 1060 --dealer 'd 1' --i-understand -- -x"
    )
