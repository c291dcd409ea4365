"""The vendor's published example clients work against the mock: their requests, replayed shape for shape.

The requests are built as the scripts build theirs (`scripts.conformance.vendor_examples`: the same URL
form, method, query string and body keys), and each answer is read the way the scripts read it, so a
``KeyError`` here would be a crash of the vendor's script.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from mykaarma_core.contacts import ADDRESS_TYPE_BY_CODE, ADDRESS_TYPE_DERIVED
from scripts.conformance.vendor_examples import customer_rows, get_or_add_body, row_to_customer
from tests.integration.mock_server import MockServer, TestWorld
from tests.integration.test_mock_customers import VIN_A


@pytest.fixture
def vendor(server: MockServer, world: TestWorld) -> Iterator[tuple[httpx.Client, str]]:
    """An HTTP client configured as the scripts' ``creds`` (base URL ending in /customer/v2, Basic auth)."""
    password = world.passwords["full"]
    with httpx.Client(base_url=server.base_url + "/customer/v2", auth=("full", password)) as http:
        yield http, world.dept_a1


def test_customer_api_examples_add_customer_dealerset(vendor: tuple[httpx.Client, str]) -> None:
    http, department = vendor
    rows = customer_rows()
    saved = []
    for row in rows:
        response = http.put(f"/department/{department}/customer", json={"customer": row_to_customer(row)})
        assert response.status_code == 200, response.text
        body = response.json()
        saved.append(body["customerUuid"])  # add_customer returns r.json()['customerUuid']
        derived = [w for w in body["warnings"] if w["warningCode"] == ADDRESS_TYPE_DERIVED]
        assert [w["field"] for w in derived] == ["customer.addresses[0].type"]
    assert len(set(saved)) == len(rows)  # N rows in, N customers out
    for uuid, row in zip(saved, rows, strict=True):
        stored = http.get(f"/department/{department}/customer/{uuid}").json()["customerWithVehicles"][
            "customer"
        ]
        [address] = stored["addresses"]
        assert (address["type"], address["addressType"]) == (ADDRESS_TYPE_BY_CODE["B"], "B")
        assert (address["line1"], address["zip"]) == (row["Address Line 1"], row["Zip"])
        assert [p["phoneNumber"] for p in stored["phoneNumbers"]] == [row["Phone"]]


def test_order_api_example_get_or_add_and_reads(vendor: tuple[httpx.Client, str]) -> None:
    http, department = vendor
    dms_id = "DMS-4471"
    # get_customer: nothing found yet
    found = http.get(
        f"/department/{department}/customer/list?searchTerm={dms_id}&searchPreference=customer&maxResults=1"
    ).json()
    assert found["matchingCount"] == 0
    # add_customer: PUT, then GET the customer it names
    created = http.put(f"/department/{department}/customer", json=get_or_add_body(dms_id, VIN_A))
    assert created.status_code == 200, created.text
    read = http.get(f"/department/{department}/customer/{created.json()['customerUuid']}")
    customer_info = read.json()["customerWithVehicles"]
    assert customer_info["customer"]["customerKey"] == dms_id
    vehicle_uuid = customer_info["vehicles"][0]["vehicleUuid"]
    assert vehicle_uuid
    # get_customer_by_dms_id: search by key, then compare customerKey and find the vehicle by VIN
    listed = http.get(
        f"/department/{department}/customer/list?searchTerm={dms_id}&searchPreference=customer&maxResults=50"
    ).json()
    matches = [m for m in listed["matchingCustomers"] if m["customer"]["customerKey"] == dms_id]
    assert len(matches) == 1
    assert [v["vehicleUuid"] for v in matches[0]["vehicles"] if v["vin"] == VIN_A] == [vehicle_uuid]
    # get_customer_by_uuid
    by_uuid = http.get(
        f"/department/{department}/customer/{created.json()['customerUuid']}?excludeVehicles=false"
    ).json()["customerWithVehicles"]
    assert by_uuid["vehicles"][0]["vehicleUuid"] == vehicle_uuid


@pytest.mark.parametrize(
    ("entries", "flag"),
    [("phoneNumbers", "okToCall"), ("phoneNumbers", "okToText"), ("phoneNumbers", "isPreferred"),
     ("emails", "okToEmail"), ("emails", "isPreferred")],
)  # fmt: skip
def test_a_null_consent_flag_is_refused_naming_it(
    vendor: tuple[httpx.Client, str], entries: str, flag: str
) -> None:
    """D-PHONE-EMAIL: the flags are booleans (the documented type); null is a 400 naming the flag."""
    http, department = vendor
    customer = get_or_add_body("DMS-9", VIN_A)["customer"]
    customer[entries][0][flag] = None
    response = http.post(f"/department/{department}/customer", json={"customer": customer})
    assert response.status_code == 400, response.text
    assert [e.get("field") for e in response.json()["errors"]] == [f"customer.{entries}[0].{flag}"]
    searched = http.get(
        f"/department/{department}/customer/list", params={"searchTerm": customer["lastName"]}
    )
    assert searched.json()["matchingCount"] == 0


def test_only_the_addresses_without_type_are_derived_on_create_and_update(
    vendor: tuple[httpx.Client, str],
) -> None:
    """D-ADDRESS: a typed address is kept as sent and not warned about; each untyped one gets its type."""
    http, department = vendor
    typed = {"line1": "1 Main St", "state": "CA", "country": "US", "type": "OTHER", "addressType": "B"}
    untyped = {"line1": "2 Side St", "state": "CA", "country": "US", "addressType": "P"}
    customer = {"firstName": "Ann", "lastName": "Lee", "addresses": [typed, untyped]}
    created = http.post(f"/department/{department}/customer", json={"customer": customer})
    assert created.status_code == 200, created.text
    fields = [w["field"] for w in created.json()["warnings"] if w["warningCode"] == ADDRESS_TYPE_DERIVED]
    assert fields == ["customer.addresses[1].type"]
    uuid = created.json()["customerUuid"]

    def stored_types() -> list[tuple[str, str]]:
        read = http.get(f"/department/{department}/customer/{uuid}").json()["customerWithVehicles"][
            "customer"
        ]
        return [(address["type"], address["addressType"]) for address in read["addresses"]]

    assert stored_types() == [("OTHER", "B"), (ADDRESS_TYPE_BY_CODE["P"], "P")]
    updated = http.put(
        f"/department/{department}/customer/{uuid}",
        json={"customer": {**customer, "addresses": [untyped, typed]}},
    )
    assert updated.status_code == 200, updated.text
    fields = [w["field"] for w in updated.json()["warnings"] if w["warningCode"] == ADDRESS_TYPE_DERIVED]
    assert fields == ["customer.addresses[0].type"]
    assert stored_types() == [(ADDRESS_TYPE_BY_CODE["P"], "P"), ("OTHER", "B")]
