"""People without a phone, e-mail or VIN, repeated rows and stored data the file cannot carry, under faults.

A file in the vendor's own format (no e-mail or VIN column: `tests.cli._data.write_vendor_csv`) holds 300
people, the last 10 % of them with no phone either (a name and a postal address only), and 60 rows naming
one of them again. Two of the people are already customers of the department, each with an e-mail (and one
with a vehicle) the file has no column for. The file goes in twice through a mock answering 10 % of requests
with 503 and dropping 10 % of connections after the commit, the second time with ``--restart`` (every row
sent again). Afterwards the department holds exactly one customer per person, each row names its person's
customer, and nothing stored before the import is gone.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from mykaarma_core.matching import normalize_phone
from tests.cli._data import Dataset, VendorPerson, write_vendor_csv
from tests.cli.conftest import api_client, cli_env
from tests.cli.test_import import result_rows
from tests.cli.test_import_reliability import CONCURRENCY, finish, import_argv
from tests.integration.conftest import StartMock
from tests.integration.mock_server import MockServer, TestWorld

pytestmark = pytest.mark.slow

PEOPLE = 300
WITHOUT_IDENTIFIERS = 30
REPEATS = 60
FAULTS = "status=503:0.1,drop_after_commit=0.1,seed={seed}"


def body_of(person: VendorPerson, email: str, vin: str | None) -> dict[str, Any]:
    """The customer as another system stored it before the import: the file's data and more."""
    first, last = person.name
    customer: dict[str, Any] = {
        "firstName": first,
        "lastName": last,
        "emails": [{"emailAddress": email, "label": "home", "okToEmail": True, "isPreferred": True}],
        "addresses": [{"type": "PRIMARY", "addressType": "P", "line1": person.line1, "city": "Long Beach",
                       "state": "CA", "zip": person.values[7], "country": "US"}],
    }  # fmt: skip
    if person.phone:
        customer["phoneNumbers"] = [
            {
                "phoneNumber": person.phone,
                "label": "cell",
                "okToCall": True,
                "okToText": True,
                "isPreferred": True,
            }
        ]
    return {"customer": customer, "vehicles": [{"vin": vin}] if vin else []}


def run_import(
    server: MockServer, world: TestWorld, data: Dataset, department: str, *extra: str
) -> dict[str, Any]:
    process = subprocess.Popen(
        [*import_argv(server, data, (department,), CONCURRENCY), *extra],
        env=cli_env(world),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    status, done, stderr = finish(process)
    assert status == 0, stderr
    assert done is not None
    return done


def test_vendor_file_imported_twice_under_faults_gives_one_customer_per_person_and_loses_nothing(
    start_mock: StartMock, world: TestWorld, tmp_path: Path
) -> None:
    data, people = write_vendor_csv(
        tmp_path / "vendor.csv", PEOPLE, without_phone=WITHOUT_IDENTIFIERS, repeats=REPEATS
    )
    assert (data.rows, data.distinct_people) == (PEOPLE + REPEATS, PEOPLE)
    assert sum(1 for person in people if not person.phone) == WITHOUT_IDENTIFIERS
    department, db = world.dept_a1, tmp_path / "mock.sqlite3"
    earlier = {  # one found by its phone, one by its name and address
        0: body_of(people[0], "kept.one@example.com", "1HGCM82633A004352"),
        PEOPLE - 1: body_of(people[-1], "kept.two@example.com", None),
    }
    assert people[0].phone
    assert not people[-1].phone
    before = start_mock(db=db)
    with api_client(before, world) as api:
        stored_before = {
            index: api.customers.create_or_update(
                department, body["customer"], vehicles=body["vehicles"]
            ).customer_uuid
            for index, body in earlier.items()
        }
    before.stop()

    server = start_mock(db=db, faults=FAULTS.format(seed=17))
    first = run_import(server, world, data, department)["result"]
    assert first["created"] == PEOPLE - len(earlier)
    assert first["updated"] + first["unchanged"] == REPEATS + len(earlier)
    assert (first["failed"], first["unmatched"], first["invalid"], first["pending"]) == (0, 0, 0, 0)
    once = result_rows(data.path.with_name("vendor.result.csv"))

    again = run_import(server, world, data, department, "--restart")["result"]
    assert again["created"] == 0
    assert again["updated"] + again["unchanged"] == data.rows
    assert (again["failed"], again["unmatched"], again["pending"]) == (0, 0, 0)
    twice = result_rows(data.path.with_name("vendor.result.csv"))
    server.stop()

    check = start_mock(db=db)
    assert check.stats()["departments"][department]["customers"] == PEOPLE
    for rows in (once, twice):
        uuids: dict[int, set[str]] = {}
        for row in rows:
            named = data.person[int(row["row"])]
            assert named is not None
            uuids.setdefault(named, set()).add(row["customerUuid"])
        assert all(len(found) == 1 for found in uuids.values())
        assert len({found.pop() for found in uuids.values()}) == PEOPLE
    by_person = {data.person[int(row["row"])]: row["customerUuid"] for row in twice}
    assert {index: by_person[index] for index in stored_before} == stored_before
    with api_client(check, world) as api:
        for index, person in enumerate(people):
            found = api.customers.get(department, by_person[index]).customer_with_vehicles
            stored = found.to_dict()
            customer = stored["customer"]
            names = (customer["firstName"].casefold(), customer["lastName"].casefold())
            assert names == tuple(part.casefold() for part in person.name)  # a repeated row upper-cases them
            phones = [normalize_phone(item["phoneNumber"]) for item in customer.get("phoneNumbers") or []]
            assert phones == ([normalize_phone(person.phone)] if person.phone else [])
            assert person.line1 in [item.get("line1") for item in customer.get("addresses") or []]
            body = earlier.get(index)
            if body is not None:
                emails = [item["emailAddress"] for item in customer.get("emails") or []]
                assert emails == [body["customer"]["emails"][0]["emailAddress"]]
                vins = [item["vin"] for item in stored.get("vehicles") or []]
                assert vins == [item["vin"] for item in body["vehicles"]]
