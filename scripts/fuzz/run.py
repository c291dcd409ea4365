"""`make fuzz`: schemathesis against the local mock with every check and every phase, as both tenants.

1. Starts the mock (the integration tests' `start_server`) on a free port with a fresh SQLite file and the
   fuzz world ``tests/fuzz/world.yaml``: two dealers, one account each.
2. Creates, as each tenant, a customer and an appointment with a trip: the records that valid requests refer
   to (``scripts/fuzz/hooks.py`` puts them into the generated requests).
3. Runs ``schemathesis run`` on the bundled spec once per tenant: as tenant A with tenant B as the peer of
   ``object_level_authorization``, then the other way round. Everything else comes from
   ``schemathesis.toml``; this script passes the URL and the identities document through the environment,
   and the seed and the report directory (``reports/fuzz/<tenant>/``: JUnit XML and HTML) on the command line.
4. Prints, per pass, the test cases generated, the links the stateful phase covered and any failure, then
   the seed to replay the run with (``make fuzz SEED=<seed>``). Exits non-zero if a pass failed.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import httpx
import yaml

from mykaarma_core.openapi import operations as walk_operations
from mykaarma_mock import launcher
from mykaarma_mock.launcher import RunningMock
from scripts._tools import BUNDLE, ROOT
from scripts.fuzz.hooks import IDENTITIES_ENV, OWNER, PEER, VALID_VINS, Identity, Tenant, write_identities
from scripts.fuzz.report import compress_events, describe_unchecked, recorders, unchecked_requests

FUZZ_WORLD = ROOT / "tests" / "fuzz" / "world.yaml"
REPORTS = ROOT / "reports" / "fuzz"
URL_ENV = "MYKAARMA_FUZZ_URL"
SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"


@dataclass(frozen=True)
class Account:
    """An account of the fuzz world and the tenant its grants give it."""

    username: str
    password: str
    tenant: Tenant


def world_accounts(path: Path = FUZZ_WORLD) -> list[Account]:
    """Each account of a world file with the dealer it holds Dealer-level grants on."""
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    dealers = {dealer["uuid"]: dealer for dealer in document["dealers"]}
    accounts: list[Account] = []
    for account in document["accounts"]:
        dealer_uuid = next(grant["uuid"] for grant in account["grants"] if grant["level"] == "Dealer")
        dealer = dealers[dealer_uuid]
        tenant = Tenant(
            dealer=dealer_uuid,
            departments=tuple(department["uuid"] for department in dealer["departments"]),
            associates=tuple(dealer["associates"]),
        )
        accounts.append(Account(account["username"], account["password"], tenant))
    return accounts


# ------------------------------------------------------------------------------------------------------
# Records that valid requests refer to


def customer_body(label: str, vin_index: int = 0) -> dict[str, Any]:
    """A plain create of a person with a phone, an e-mail and a vehicle (D-NAMES, D-PHONE-EMAIL)."""
    return {
        "customer": {
            "firstName": "Fuzz",
            "lastName": f"Fixture {label}",
            "phoneNumbers": [
                {
                    "phoneNumber": "+13105550100",
                    "label": "cell",
                    "okToCall": True,
                    "okToText": True,
                    "isPreferred": True,
                }
            ],
            "emails": [
                {
                    "emailAddress": f"fuzz.{label.lower()}@example.com",
                    "label": "work",
                    "okToEmail": True,
                    "isPreferred": True,
                }
            ],
        },
        "vehicles": [{"vin": VALID_VINS[vin_index % len(VALID_VINS)]}],
        "validateVin": True,
    }


def appointment_body(tenant: Tenant, customer_uuid: str) -> dict[str, Any]:
    """An appointment with a customer pickup in the tenant's first department (D-CREATE-APPT-SHAPE)."""
    department = tenant.departments[0]
    return {
        "savePickupDeliveryTripEventRequest": {
            "pickupDeliveryTripEvent": {
                "appointmentTime": "2030-01-15T09:00:00-0800",
                "rideType": "PICKUP_CUSTOMER",
                "customerUUID": customer_uuid,
                "dealerUUID": tenant.dealer,
                "dealerDepartmentUUID": department,
                "assignedByDealerAssociateUUID": tenant.associates[0],
                "tripStatus": "UNASSIGNED",
            },
            "requesterUserUUID": tenant.associates[0],
            "dealerDepartmentUUIDList": [department],
            "source": "DEALER_APP",
        },
        "createAppointmentWithTripRequest": {
            "customerUuid": customer_uuid,
            "vehicleInformation": {"vin": VALID_VINS[0]},
            "appointmentInformation": {"appointmentStartDateTime": "2030-01-15T10:00:00"},
        },
    }


def create_customer(client: httpx.Client, department: str, body: dict[str, Any]) -> str:
    """`createCustomer`; the new customer's uuid."""
    response = client.post(f"/customer/v2/department/{department}/customer", json=body)
    response.raise_for_status()
    return str(response.json()["customerUuid"])


def create_appointment(client: httpx.Client, tenant: Tenant, customer_uuid: str) -> tuple[str, str]:
    """`createAppointmentWithTrip`; the new appointment's and trip's uuids."""
    response = client.post(
        f"/appointment/v2/dealer/{tenant.dealer}/appointment-trip",
        json=appointment_body(tenant, customer_uuid),
    )
    response.raise_for_status()
    saved = response.json()
    return str(saved["appointmentUUID"]), str(saved["eventUUID"])


def seed_tenant(base_url: str, account: Account) -> Tenant:
    """The account's tenant with a customer and an appointment with a live trip created for the run."""
    tenant = account.tenant
    auth = httpx.BasicAuth(account.username, account.password)
    with httpx.Client(base_url=base_url, auth=auth, timeout=30.0) as client:
        customer = create_customer(client, tenant.departments[0], customer_body(account.username))
        appointment, trip = create_appointment(client, tenant, customer)
    return replace(tenant, customers=(customer,), appointments=(appointment,), trips=(trip,))


# ------------------------------------------------------------------------------------------------------
# Running schemathesis


@dataclass(frozen=True)
class SpecLink:
    """A link of the spec: from the response of one operation to another operation."""

    source: str  # operationId
    status: str
    name: str
    target: str  # operationId

    def describe(self) -> str:
        return f"{self.source} --{self.name}--> {self.target}"


def spec_links(bundle: Path = BUNDLE) -> tuple[list[SpecLink], dict[str, str]]:
    """Every link of the bundled spec, and the operationId of each schemathesis label ("METHOD /path")."""
    document = yaml.safe_load(bundle.read_text(encoding="utf-8"))
    links: list[SpecLink] = []
    labels: dict[str, str] = {}
    for entry in walk_operations(document):
        if entry.operation_id is None:
            continue
        labels[f"{entry.method.upper()} {entry.path}"] = entry.operation_id
        for status, response in entry.definition.get("responses", {}).items():
            for name, link in (response.get("links") or {}).items():
                links.append(SpecLink(entry.operation_id, str(status), name, link["operationId"]))
    return links, labels


_TRANSITION = re.compile(
    r"^(?P<source>\S+ \S+) -> \[(?P<status>[^]]+)\] (?P<name>\S+) -> (?P<target>\S+ \S+)$"
)


def followed_links(events: Path, labels: dict[str, str]) -> Counter[SpecLink]:
    """How often the stateful phase followed each link, read from the run's NDJSON event stream."""
    followed: Counter[SpecLink] = Counter()
    if not events.exists():
        return followed
    for recorder in recorders(events):
        for case in (recorder.get("cases") or {}).values():
            transition = case.get("transition") or {}
            match = _TRANSITION.match(str(transition.get("id", "")))
            if match and case.get("is_transition_applied"):
                source, target = labels.get(match["source"], "?"), labels.get(match["target"], "?")
                followed[SpecLink(source, match["status"], match["name"], target)] += 1
    return followed


@dataclass(frozen=True)
class PassResult:
    """One `schemathesis run` and what its output and event stream say."""

    name: str
    exit_code: int
    seconds: float
    test_cases: str
    links: Counter[SpecLink]
    uncovered: list[SpecLink]
    report_dir: Path
    #: What schemathesis' "skipped" count was (`scripts.fuzz.report.describe_unchecked`).
    skipped: str = "no skipped cases"

    @property
    def passed(self) -> bool:
        return self.exit_code == 0 and not self.uncovered


_TEST_CASES = re.compile(r"^\s*(\d+) generated.*$", re.MULTILINE)
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def schemathesis_env(url: str, identities: Path) -> dict[str, str]:
    """The environment of a schemathesis process: URL, identities document and the hooks on the path."""
    env = dict(os.environ)
    env[URL_ENV] = url
    env[IDENTITIES_ENV] = str(identities)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def report_arguments(report_dir: Path) -> list[str]:
    """Fixed report file names in `report_dir` (the formats are chosen in schemathesis.toml)."""
    return [
        "--report-junit-path",
        str(report_dir / "junit.xml"),
        "--report-html-path",
        str(report_dir / "html"),
        "--report-ndjson-path",
        str(report_dir / "events.ndjson"),
    ]


def run_schemathesis(
    name: str, env: dict[str, str], arguments: Sequence[str], report_dir: Path
) -> PassResult:
    """`schemathesis run BUNDLE ARGUMENTS` from the repository root; output shown and kept in `report_dir`."""
    shutil.rmtree(report_dir, ignore_errors=True)
    report_dir.mkdir(parents=True)
    output = report_dir / "output.txt"
    command = [str(SCHEMATHESIS), "run", str(BUNDLE.relative_to(ROOT)), *report_arguments(report_dir)]
    command += list(arguments)
    started = time.monotonic()
    with output.open("w", encoding="utf-8") as log:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        assert process.stdout is not None
        for line in process.stdout:
            sys.stdout.write(line)
            log.write(_ANSI.sub("", line))
        exit_code = process.wait()
    cases = _TEST_CASES.search(output.read_text(encoding="utf-8"))
    declared, labels = spec_links()
    followed = followed_links(report_dir / "events.ndjson", labels)
    return PassResult(
        name=name,
        exit_code=exit_code,
        seconds=time.monotonic() - started,
        test_cases=cases.group(1) if cases else "?",
        links=followed,
        uncovered=[link for link in declared if link not in followed],
        report_dir=report_dir,
        skipped=describe_unchecked(unchecked_requests(report_dir / "events.ndjson")),
    )


STATEFUL_ROUNDS = 3


def cover_remaining_links(
    result: PassResult, env: dict[str, str], seed: int, extra: Sequence[str]
) -> PassResult:
    """Run the stateful phase again (new seeds, at most `STATEFUL_ROUNDS` times) while a link is not covered.

    How many scenarios one stateful phase runs depends on what the API answers, and a short phase may miss a
    link that needs two successful writes in a row (create, then update, then read). Each extra round is a
    full stateful phase with every check; its reports go to ``<pass>/stateful-<round>/``.
    """
    for round_number in range(1, STATEFUL_ROUNDS + 1):
        if not result.uncovered:
            break
        missing = ", ".join(link.describe() for link in result.uncovered)
        print(f"\nfuzz: stateful round {round_number} as {result.name}; uncovered: {missing}", flush=True)
        extra_round = run_schemathesis(
            result.name,
            env,
            ["--seed", str(seed + round_number), "--phases", "stateful", *extra],
            result.report_dir / f"stateful-{round_number}",
        )
        links = result.links + extra_round.links
        result = PassResult(
            name=result.name,
            exit_code=result.exit_code or extra_round.exit_code,
            seconds=result.seconds + extra_round.seconds,
            test_cases=f"{result.test_cases} + {extra_round.test_cases}",
            links=links,
            uncovered=[link for link in result.uncovered if link not in links],
            report_dir=result.report_dir,
        )
    return result


def print_summary(results: Sequence[PassResult]) -> None:
    """Per pass: verdict, test cases, every link with how often it was followed, and the reports."""
    declared, _ = spec_links()
    print("\nfuzz: summary")
    for result in results:
        if result.exit_code != 0:
            verdict = f"FAILED (schemathesis exit {result.exit_code})"
        elif result.uncovered:
            verdict = "FAILED (links not covered)"
        else:
            verdict = "passed"
        covered = len(declared) - len(result.uncovered)
        print(
            f"  as {result.name}: {verdict}; {result.test_cases} test cases;"
            f" links covered {covered} of {len(declared)}; {result.seconds:.0f} s;"
            f" reports in {result.report_dir.relative_to(ROOT)}/"
        )
        print(f"    {result.skipped}")
        for link in declared:
            count = result.links.get(link, 0)
            print(f"    {'covered' if count else 'NOT COVERED'} {link.describe()} ({count}x)")


@contextmanager
def fuzz_mock(directory: Path) -> Iterator[RunningMock]:
    """The mock on a free port with a fresh database in `directory` and the fuzz world."""
    with launcher.running(
        db=directory / "fuzz.sqlite3", log_path=directory / "mock.log", world=FUZZ_WORLD
    ) as mock:
        yield mock


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seed", type=int, default=None, help="seed of every pass (default: a random one)")
    parser.add_argument(
        "extra", nargs="*", help="further `schemathesis run` options, after `--` (e.g. -- --max-examples 20)"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    seed = arguments.seed if arguments.seed is not None else random.SystemRandom().randrange(2**31)
    print(f"fuzz: seed {seed} (replay: make fuzz SEED={seed})", flush=True)
    started = time.monotonic()
    accounts = world_accounts()
    results: list[PassResult] = []
    with (
        tempfile.TemporaryDirectory(prefix="mykaarma-fuzz-") as temporary,
        fuzz_mock(Path(temporary)) as mock,
    ):
        print(
            f"fuzz: mock at {mock.base_url} (world {FUZZ_WORLD.relative_to(ROOT)}, fresh database)",
            flush=True,
        )
        tenants = {account.username: seed_tenant(mock.base_url, account) for account in accounts}
        for owner, peer in (accounts, accounts[::-1]):
            identities = write_identities(
                Path(temporary) / f"identities-{owner.username}.json",
                [
                    Identity(OWNER, owner.username, owner.password, tenants[owner.username]),
                    Identity(PEER, peer.username, peer.password, tenants[peer.username]),
                ],
                sandbox=False,
            )
            print(f"\nfuzz: pass as {owner.username} (peer {peer.username})", flush=True)
            env = schemathesis_env(mock.base_url, identities)
            result = run_schemathesis(
                owner.username, env, ["--seed", str(seed), *arguments.extra], REPORTS / owner.username
            )
            results.append(cover_remaining_links(result, env, seed, arguments.extra))
    print_summary(results)
    saved = compress_events(REPORTS)
    print(f"  event logs compressed (events.ndjson.gz, {saved / 2**20:.0f} MiB saved)")
    print(f"  total {time.monotonic() - started:.0f} s; seed {seed} (replay: make fuzz SEED={seed})")
    return 0 if all(result.passed for result in results) else 1


if __name__ == "__main__":
    sys.exit(main())
