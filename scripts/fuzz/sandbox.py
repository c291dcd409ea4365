"""`make fuzz-sandbox TARGET=https://…`: fuzz a shared sandbox, never touching records that are not the run's.

schemathesis has no safe mode: it reuses identifiers it reads, and it once deleted shared fixtures that way.
This profile runs the same `schemathesis.toml` (every check; phases examples, fuzzing and stateful; a small
``--max-examples``) through a guard, a reverse proxy on loopback that stands between schemathesis and the
target:

* **Allowlist.** The target's host must be listed in ``scripts/fuzz/sandbox_allowlist.txt`` (or the file
  given with ``--allowlist``), unless ``--i-understand``. Plain ``http://`` only to a loopback address.
* **Writes only through operations that create their own records.** Positive and negative validation cases
  go to every operation, but an update, a delete, a replaced appointment or a reference to a customer or
  trip must name a record this run created (the guard's ledger) or an identifier that cannot exist
  (``fuzz-absent-…``, put there by ``scripts/fuzz/hooks.py``). Anything else is refused locally (403, header
  ``X-Mykaarma-Fuzz-Guard``) and makes the run fail; ``searchForDuplicate: true``, which may update a matching
  stored customer, is refused the same way. An undocumented write method on a path that names no record of
  the run is answered locally with 405 and ``Allow``, as the API documents.
* **Rate limit and budget.** At most ``--rate`` requests per second (default 2) and ``--budget`` requests
  (default 1000) reach the target; when the budget is spent schemathesis is stopped. Cleanup may use up to
  three more requests per appointment left to delete.
* **Cleanup and ledger.** Every appointment the run created and did not delete is deleted at the end
  (with its trip), and the ledger of every record created and removed is printed and written to
  ``reports/fuzz-sandbox/ledger.json``. Customers stay: the API has no customer delete; the ledger says so.

Credentials come from ``MYKAARMA_USERNAME`` / ``MYKAARMA_PASSWORD``; a second account of another tenant in
``MYKAARMA_PEER_USERNAME`` / ``MYKAARMA_PEER_PASSWORD`` lets ``object_level_authorization`` replay reads as it
(without one, its probes carry credentials that cannot work). The account's dealer, department and one
associate come from ``--dealer``, ``--department``, ``--associate`` or ``MYKAARMA_DEALER_UUID``,
``MYKAARMA_DEPARTMENT_UUID``, ``MYKAARMA_ASSOCIATE_UUID``. Exit status: 0 when schemathesis passed, nothing
was refused and every appointment was removed; 1 otherwise (also when the budget ran out before the end);
2 for a refused target or missing settings.
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from scripts._tools import BUNDLE, ROOT
from scripts.fuzz.guard import Budget, Guard, Ledger, RateLimit, load_routes, running_guard
from scripts.fuzz.hooks import OWNER, PEER, Identity, Tenant, write_identities
from scripts.fuzz.report import (
    budget_line,
    compress_events,
    describe_unchecked,
    failure_reasons,
    print_ledger,
    unchecked_requests,
)
from scripts.fuzz.run import SCHEMATHESIS, create_customer, customer_body, report_arguments, schemathesis_env

ALLOWLIST = Path(__file__).resolve().parent / "sandbox_allowlist.txt"
REPORTS = ROOT / "reports" / "fuzz-sandbox"
# ------------------------------------------------------------------------------------------------------
# Target checks


def allowed_hosts(path: Path) -> set[str]:
    """Host names of an allowlist file: one a line, `#` starts a comment, case-insensitive."""
    hosts: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        host = line.split("#", 1)[0].strip().lower()
        if host:
            hosts.add(host)
    return hosts


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def target_problem(target: str, hosts: set[str], *, i_understand: bool) -> str | None:
    """Why `target` must not be fuzzed, or None."""
    parts = urlsplit(target)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        return f"{target!r} is not an http(s) URL"
    if parts.scheme == "http" and not is_loopback(host):
        return f"{target} sends credentials in clear text: use https (plain http only to a loopback address)"
    if host not in hosts and not i_understand:
        return (
            f"{host} is not in the sandbox allowlist; add it there if it is a sandbox, or pass"
            " --i-understand to fuzz it anyway"
        )
    return None


# ------------------------------------------------------------------------------------------------------
# Cleanup


def delete_appointment(client: httpx.Client, tenant: Tenant, appointment: str) -> str:
    """Delete one of the run's appointments with its trip (D-A3); a trip is added first if it has none."""
    dealer, department, associate = tenant.dealer, tenant.departments[0], tenant.associates[0]
    trips = client.patch(f"/appointment/v2/dealer/{dealer}/trips", json={"sarUuid": appointment})
    if trips.status_code == 404:
        return "already gone"
    trips.raise_for_status()
    live = [view["eventUuid"] for view in trips.json().get("tripViewDtos") or [] if view.get("eventUuid")]
    if not live:
        added = client.post(
            f"/appointment/v2/dealer/{dealer}/sar/{appointment}/appointment-trip",
            json={
                "updatePickupDeliveryTripEventRequest": {
                    "pickupDeliveryTripEvent": {
                        "appointmentTime": "2030-01-15T09:00:00-0800",
                        "rideType": "MISCELLANEOUS",
                        "dealerUUID": dealer,
                        "dealerDepartmentUUID": department,
                        "assignedByDealerAssociateUUID": associate,
                    },
                    "requesterUserUUID": associate,
                    "dealerDepartmentUUIDList": [department],
                    "source": "DEALER_APP",
                },
                "updateAppointmentForTripRequest": {
                    "appointmentInformation": {
                        "appointmentDate": "2030-01-15",
                        "appointmentStartTime": "10:00:00",
                    },
                    "pickupDeliveryTripMetadata": {},
                },
            },
        )
        added.raise_for_status()
        live = [str(added.json()["eventUUID"])]
    deleted = client.request(
        "DELETE",
        f"/appointment/v2/dealer/{dealer}/appointment-trip",
        json={
            "tripUuid": live[0],
            "appointmentUuid": appointment,
            "dealerDepartmentUUIDList": [department],
            "updatedByDAUUID": associate,
            "updatedByDeptUUID": department,
            "requesterUuid": associate,
            "source": "DEALER_APP",
        },
    )
    deleted.raise_for_status()
    return "deleted"


def clean_up(
    guard_url: str, auth: httpx.BasicAuth, tenant: Tenant, ledger: Ledger, budget: Budget
) -> list[str]:
    """Delete every appointment of the run still there; the problems met on the way."""
    left = [record for record in ledger.of_kind("appointment") if record.removed_by is None]
    budget.extend(3 * len(left))
    problems: list[str] = []
    with httpx.Client(base_url=guard_url, auth=auth, timeout=60.0) as client:
        for record in left:
            try:
                outcome = delete_appointment(client, tenant, record.uuid)
            except (httpx.HTTPError, KeyError, ValueError) as error:
                problems.append(f"appointment {record.uuid} could not be deleted: {error}")
                continue
            if outcome == "already gone":
                ledger.removed(record.uuid, "already gone at cleanup")
    for record in ledger.of_kind("customer"):
        record.note = "kept: the API has no customer delete"
    return problems


# ------------------------------------------------------------------------------------------------------
# Main


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("target", help="base URL of the sandbox, e.g. https://sandbox.example.com")
    parser.add_argument("--allowlist", type=Path, default=ALLOWLIST, help="file of allowed hosts, one a line")
    parser.add_argument(
        "--i-understand", action="store_true", help="fuzz a host that is not in the allowlist"
    )
    parser.add_argument("--rate", type=float, default=2.0, help="requests per second (default 2)")
    parser.add_argument(
        "--budget", type=int, default=1000, help="requests the target may receive (default 1000)"
    )
    parser.add_argument("--max-examples", type=int, default=10, help="test cases per operation (default 10)")
    parser.add_argument("--seed", type=int, default=None, help="seed (default: a random one)")
    parser.add_argument("--dealer", default=os.environ.get("MYKAARMA_DEALER_UUID"))
    parser.add_argument("--department", default=os.environ.get("MYKAARMA_DEPARTMENT_UUID"))
    parser.add_argument("--associate", default=os.environ.get("MYKAARMA_ASSOCIATE_UUID"))
    parser.add_argument("--reports", type=Path, default=REPORTS, help="report directory")
    parser.add_argument("extra", nargs="*", help="further `schemathesis run` options, after `--`")
    return parser.parse_args(argv)


@dataclass(frozen=True)
class Settings:
    """Everything a run needs, checked before anything is sent."""

    target: str
    username: str
    password: str = field(repr=False)
    tenant: Tenant


def check_settings(arguments: argparse.Namespace) -> Settings | str:
    """The run's settings, or why the run must not start."""
    target = arguments.target.rstrip("/")
    problem = target_problem(target, allowed_hosts(arguments.allowlist), i_understand=arguments.i_understand)
    if problem is not None:
        return problem
    username, password = os.environ.get("MYKAARMA_USERNAME"), os.environ.get("MYKAARMA_PASSWORD")
    if not username or not password:
        return "set MYKAARMA_USERNAME and MYKAARMA_PASSWORD to the sandbox account's credentials"
    missing = [name for name in ("dealer", "department", "associate") if not getattr(arguments, name)]
    if missing:
        first = missing[0]
        return f"the account's {', '.join(missing)} is needed: --{first} or MYKAARMA_{first.upper()}_UUID"
    tenant = Tenant(arguments.dealer, (arguments.department,), (arguments.associate,))
    return Settings(target, username, password, tenant)


@dataclass(frozen=True)
class Outcome:
    """What a guarded run did: schemathesis' exit status and the cleanup's problems."""

    exit_code: int
    cleanup_problems: list[str]


def fuzz_through_guard(settings: Settings, arguments: argparse.Namespace, seed: int, guard: Guard) -> Outcome:
    """Create the run's customer, run schemathesis through the guard, then delete what the run created."""
    auth = httpx.BasicAuth(settings.username, settings.password)
    with (
        running_guard(guard) as guard_url,
        tempfile.TemporaryDirectory(prefix="mykaarma-sandbox-") as temporary,
    ):
        try:
            with httpx.Client(base_url=guard_url, auth=auth, timeout=60.0) as client:
                anchor = create_customer(client, settings.tenant.departments[0], customer_body("Sandbox"))
        except httpx.HTTPError as error:
            return Outcome(
                1, [f"the run's own customer could not be created, so nothing was fuzzed: {error}"]
            )
        tenant = replace(settings.tenant, customers=(anchor,))
        peer = (os.environ.get("MYKAARMA_PEER_USERNAME"), os.environ.get("MYKAARMA_PEER_PASSWORD"))
        identities = write_identities(
            Path(temporary) / "identities.json",
            [
                Identity(OWNER, settings.username, settings.password, tenant),
                # Without a second account the peer's probes carry credentials that cannot work.
                Identity(PEER, peer[0] or "fuzz-no-peer", peer[1] or "fuzz-no-peer"),
            ],
            sandbox=True,
        )
        exit_code = run_guarded_schemathesis(guard_url, identities, seed, arguments, guard.budget)
        return Outcome(exit_code, clean_up(guard_url, auth, tenant, guard.ledger, guard.budget))


def write_ledger(path: Path, settings: Settings, seed: int, guard: Guard, outcome: Outcome) -> None:
    ledger = guard.ledger
    document = {
        "target": settings.target,
        "seed": seed,
        "records": [asdict(record) for record in ledger.records.values()],
        "forwarded": ledger.forwarded,
        "answered_locally": ledger.answered_locally,
        "refused": ledger.refused,
        "budget_spent": guard.budget.exhausted.is_set(),
        "cleanup_problems": outcome.cleanup_problems,
    }
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    raw_arguments = list(sys.argv[1:] if argv is None else argv)
    arguments = parse_arguments(argv)
    settings = check_settings(arguments)
    if isinstance(settings, str):
        print(f"fuzz-sandbox: refused: {settings}", file=sys.stderr)
        return 2
    if urlsplit(settings.target).hostname not in allowed_hosts(arguments.allowlist):
        print(f"fuzz-sandbox: {settings.target} is not in the allowlist; going ahead (--i-understand)")
    seed = arguments.seed if arguments.seed is not None else random.SystemRandom().randrange(2**31)
    print(f"fuzz-sandbox: {settings.target}; seed {seed}; {arguments.rate:g} requests/s", end="")
    print(f"; budget {arguments.budget} requests", flush=True)
    shutil.rmtree(arguments.reports, ignore_errors=True)
    arguments.reports.mkdir(parents=True)
    guard = Guard(
        settings.target, load_routes(), Ledger(), RateLimit(arguments.rate), Budget(arguments.budget)
    )
    outcome = fuzz_through_guard(settings, arguments, seed, guard)
    ledger_file = arguments.reports / "ledger.json"
    print_ledger(guard.ledger, settings.target, ledger_file)
    for line in outcome.cleanup_problems:
        print(f"  PROBLEM {line}")
    write_ledger(ledger_file, settings, seed, guard, outcome)
    print(f"  {describe_unchecked(unchecked_requests(arguments.reports / 'events.ndjson'))}")
    compress_events(arguments.reports)
    reasons = failure_reasons(guard, outcome, arguments.budget, arguments.reports / "events.ndjson.gz")
    if guard.budget.exhausted.is_set():
        print(budget_line(settings.target, seed, raw_arguments, guard, arguments.budget))
    verdict = "FAILED: " + "; ".join(reasons) if reasons else "passed"
    print(f"fuzz-sandbox: {verdict}; seed {seed}; reports in {arguments.reports}/")
    return 1 if reasons else 0


def run_guarded_schemathesis(
    guard_url: str, identities: Path, seed: int, arguments: argparse.Namespace, budget: Budget
) -> int:
    """schemathesis through the guard; stopped when the budget is spent. Its exit status."""
    command = [
        str(SCHEMATHESIS),
        "run",
        str(BUNDLE.relative_to(ROOT)),
        *report_arguments(arguments.reports),
        "--seed",
        str(seed),
        "--max-examples",
        str(arguments.max_examples),
        "--phases",
        "examples,fuzzing,stateful",
        "--workers",
        "1",
        *arguments.extra,
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=schemathesis_env(guard_url, identities))
    while process.poll() is None:
        if budget.exhausted.wait(0.2):
            print("fuzz-sandbox: the request budget is spent; stopping schemathesis", flush=True)
            process.terminate()
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
            return 1
    return process.returncode


if __name__ == "__main__":
    sys.exit(main())
