"""A spec change reaches client, mock, CLI and docs by itself: the exercise, on a copy of the repository.

An optional property is added to the two customer schemas (``CustomerInput`` and ``CustomerRead``), and
its bound gets the row with a reason that DECISIONS D-LIMITS asks of every invented bound; nothing else is
edited: after ``make generate`` and ``make docs`` the copy's client sends it, the copy's mock
stores and returns it, the copy's import takes it from a CSV column, and the copy's reference page shows it.
The copy's spec checks (lint, generated code, breaking changes) and its spec and generation tests pass.
The same holds for nested records: a property added to phones and addresses, to the appointment information
and the trip event (and to their read schemas) is sent, stored and read back.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from tests._make import clean_environment
from tests.integration.mock_server import TWO_DEALERS, TestWorld, running_server
from tests.integration.test_client_customers import VIN
from tests.publish._support import release_tree

SCHEMAS = ("CustomerInput", "CustomerRead")
#: Schemas of nested records, an appointment and a trip: each written one and its read one.
NESTED_SCHEMAS = (
    "Phone", "AddressInput", "Address",
    "AppointmentInformationForTripCreate", "AppointmentInfo", "PickupDeliveryTripEvent", "TripViewDto",
)  # fmt: skip
ACCOUNT = "full"

CLIENT_SCRIPT = """
import json, sys
import mykaarma
from mykaarma import MyKaarma

base_url, department, name = sys.argv[1:]
with MyKaarma(base_url=base_url) as client:
    saved = client.customers.create(department, {"firstName": "Ann", "lastName": "Lee", name: "Annie"})
    read = client.customers.get(department, saved.customer_uuid).customer_with_vehicles.customer
    undeclared = list(read.additional_properties)
    print(json.dumps({"module": mykaarma.__file__, "read": read.to_dict(), "undeclared": undeclared}))
"""


def _schema_file(tree: Path, schema: str) -> Path:
    return tree / "openapi" / "components" / "schemas" / f"{schema}.yaml"


APPOINTMENT_SCRIPT = """
import json, sys
from mykaarma import MyKaarma

base_url, dealer, department, advisor, vin, name = sys.argv[1:]
with MyKaarma(base_url=base_url) as client:
    phone = {"phoneNumber": "+13105550147", "label": "cell", "okToCall": True, "okToText": True,
             "isPreferred": True, name: "ext 12"}
    address = {"line1": "12 Pine Ave", "city": "Long Beach", "zip": "90802", "state": "CA", "country": "US",
               "type": "PRIMARY", "addressType": "P", name: "side door"}
    person = {"firstName": "Ann", "lastName": "Lee", "phoneNumbers": [phone], "addresses": [address]}
    customer = client.customers.create(department, person).customer_uuid
    stored = client.customers.get(department, customer).to_dict()
    event = {"appointmentTime": "2024-10-26T09:15:00-0700", "rideType": "PICKUP_VEHICLE",
             "customerUUID": customer, "dealerUUID": dealer, "dealerDepartmentUUID": department,
             "assignedByDealerAssociateUUID": advisor, name: "gate 3"}
    body = {
        "savePickupDeliveryTripEventRequest": {"pickupDeliveryTripEvent": event, "requesterUserUUID": advisor,
                                               "dealerDepartmentUUIDList": [department]},
        "createAppointmentWithTripRequest": {"customerUuid": customer, "vehicleInformation": {"vin": vin},
                                             "appointmentInformation": {
            "appointmentStartDateTime": "2024-10-26T10:00:00", name: "front desk"}},
    }
    saved = client.appointments.create_with_trip(dealer, body)
    read = client.appointments.get(department, saved.appointment_uuid).to_dict()
    trips = client.appointments.trips(dealer, saved.appointment_uuid).to_dict()
    print(json.dumps({"customer": stored, "appointment": read, "trips": trips}))
"""


def _values_of(document: Any, name: str) -> list[Any]:
    """Every value of key `name` anywhere in a JSON document."""
    if isinstance(document, dict):
        found = [document[name]] if name in document else []
        return found + [value for item in document.values() for value in _values_of(item, name)]
    if isinstance(document, list):
        return [value for item in document for value in _values_of(item, name)]
    return []


def _unused_name(tree: Path, schemas: tuple[str, ...] = SCHEMAS) -> str:
    """A property name none of `schemas` has, so the exercise never collides with a real change."""
    taken: set[str] = set()
    for schema in schemas:
        taken |= set(yaml.safe_load(_schema_file(tree, schema).read_text(encoding="utf-8"))["properties"])
    return next(name for index in range(100) if (name := f"exerciseNote{index or ''}") not in taken)


def _add_property(tree: Path, name: str, schemas: tuple[str, ...] = SCHEMAS) -> None:
    for schema in schemas:
        path = _schema_file(tree, schema)
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        document["properties"][name] = {
            "type": ["string", "null"],
            "maxLength": 40,
            "description": "A note added by the spec-change exercise.",
        }
        path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")
    decisions = tree / "openapi" / "DECISIONS.md"
    anchor = "| every path identifier |"
    rows = "".join(
        f"| `{schema}.{name}` | maxLength 40 | ours | the exercise's note |\n" for schema in schemas
    )
    text = decisions.read_text(encoding="utf-8")
    assert text.count(anchor) == 1
    decisions.write_text(text.replace(anchor, rows + anchor), encoding="utf-8")


def _make(tree: Path, *targets: str) -> None:
    result = subprocess.run(
        ["make", "--no-print-directory", *targets], cwd=tree, env=clean_environment(), capture_output=True,
        text=True, timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0, f"make {targets}:\n{result.stdout}\n{result.stderr}"


def _copy_env(tree: Path, base_url: str, world: TestWorld) -> dict[str, str]:
    """The copy's client and command line, signed in to the mock."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("MYKAARMA_")}
    env.update(
        PYTHONPATH=os.pathsep.join([str(tree / "overlays"), str(tree / "generated")]),
        PYTHONDONTWRITEBYTECODE="1",
        MYKAARMA_BASE_URL=base_url,
        MYKAARMA_USERNAME=ACCOUNT,
        MYKAARMA_PASSWORD=world.passwords[ACCOUNT],
    )
    return env


def _run(command: list[str], tree: Path, env: dict[str, str]) -> str:
    result = subprocess.run(
        command, cwd=tree, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, f"{command[:4]}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def _read(tree: Path, env: dict[str, str], department: str, uuid: str) -> dict[str, Any]:
    script = (
        "import json, sys\nfrom mykaarma import MyKaarma\nwith MyKaarma() as c:\n"
        "    read = c.customers.get(sys.argv[1], sys.argv[2])\n"
        "    print(json.dumps(read.customer_with_vehicles.customer.to_dict()))"
    )
    read: dict[str, Any] = json.loads(_run([sys.executable, "-c", script, department, uuid], tree, env))
    return read


def test_an_optional_customer_property_reaches_client_mock_import_and_docs(tmp_path: Path) -> None:
    tree = release_tree(tmp_path / "tree")
    name = _unused_name(tree)
    _add_property(tree, name)
    _make(tree, "generate")
    _make(tree, "docs", "lint", "check-generated", "check-breaking")
    assert name in (tree / "docs" / "index.html").read_text(encoding="utf-8")  # the reference page
    paths = [str(tree / part) for part in ("mock", "overlays", "generated")]
    checks = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/spec", "tests/generated"],
        cwd=tree, env={**clean_environment(), "PYTHONPATH": os.pathsep.join(paths)}, capture_output=True,
        text=True, timeout=600, check=False,
    )  # fmt: skip
    assert checks.returncode == 0, checks.stdout[-4000:]

    world = TestWorld.load(TWO_DEALERS)
    department = world.dept_a1
    with running_server(db=tmp_path / "mock.sqlite3", log_path=tmp_path / "mock.log", root=tree) as server:
        env = _copy_env(tree, server.base_url, world)
        sent = json.loads(
            _run([sys.executable, "-c", CLIENT_SCRIPT, server.base_url, department, name], tree, env)
        )
        assert Path(sent["module"]).is_relative_to(tree), "ran another tree's client"
        assert sent["read"][name] == "Annie"  # sent by the client, stored and returned by the mock
        assert sent["undeclared"] == []  # a declared attribute of the regenerated model

        header = name[0].upper() + "".join(f" {c}" if c.isupper() else c for c in name[1:])  # "Exercise Note"
        people = tmp_path / "people.csv"
        with people.open("w", encoding="utf-8", newline="") as stream:
            csv.writer(stream).writerows([["First Name", "Last Name", header], ["Bo", "Ray", "Bobby"]])
        _run([sys.executable, "-m", "mykaarma.cli", "customers", "import", str(people), "-d", department,
              "--progress", "none", "--json"], tree, env)  # fmt: skip
        with (tmp_path / "people.result.csv").open(encoding="utf-8", newline="") as stream:
            [row] = list(csv.DictReader(stream))
        assert row["status"] == "created", row
        assert _read(tree, env, department, row["customerUuid"])[name] == "Bobby"  # an importable column
        help_text = _run([sys.executable, "-m", "mykaarma.cli", "customers", "import", "--help"], tree, env)
        assert name in " ".join(help_text.split()).replace("│", "").replace(" ", "")
        assert server.stats()["departments"][department]["customers"] == 2


def test_an_optional_property_of_phones_addresses_appointments_and_trips_is_stored(tmp_path: Path) -> None:
    tree = release_tree(tmp_path / "tree")
    name = _unused_name(tree, NESTED_SCHEMAS)
    _add_property(tree, name, NESTED_SCHEMAS)
    _make(tree, "generate")
    world = TestWorld.load(TWO_DEALERS)
    advisor = world.associates[world.dealer_a][0]
    with running_server(db=tmp_path / "mock.sqlite3", log_path=tmp_path / "mock.log", root=tree) as server:
        env = _copy_env(tree, server.base_url, world)
        arguments = [server.base_url, world.dealer_a, world.dept_a1, advisor, VIN, name]
        read = json.loads(_run([sys.executable, "-c", APPOINTMENT_SCRIPT, *arguments], tree, env))
    assert sorted(_values_of(read["customer"], name)) == ["ext 12", "side door"]  # a phone and an address
    assert _values_of(read["appointment"], name) == ["front desk"]  # appointment information, stored
    assert _values_of(read["trips"], name) == ["gate 3"]  # the trip event, stored
