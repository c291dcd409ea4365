"""The requests of the vendor's published example clients, built as those scripts build them.

Sources (facts reference [R-cust], [R-order]): ``customer-api-examples`` @ 7834c84,
``python/same-customer-multiple-stores`` (``row_to_customer`` makes the body from a CSV row, ``add_customer``
PUTs it on the collection and reads ``customerUuid``) and ``order-api-example`` @ a7d989c,
``python/get-orders/kcustomercore.py`` (``get_or_add``, ``get_customer``, ``get_customer_by_dms_id``,
``get_customer_by_uuid``). The scripts' base URL ends in ``/customer/v2``; paths below are relative to it.
Used by the conformance tour (through a validating proxy) and by tests/integration/test_vendor_examples.py.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import httpx

#: The sample file of customer-api-examples (``customers.csv.sample``), its header and first row.
CUSTOMERS_CSV = """First Name,Last Name,Phone,Address Line 1,Address Line 2,City,State,Zip,Country
Bob,Smith,+12132132133,123 Main St,Apt 42,Long Beach,CA,90802,US
Ann,Lee,+13105550147,9 Elm St,,Torrance,CA,90501,US
"""


def row_to_customer(row: dict[str, str]) -> dict[str, Any]:
    """The body ``row_to_customer`` builds: a work phone, an address with ``addressType`` "B" and no type."""
    return {
        "firstName": row["First Name"],
        "lastName": row["Last Name"],
        "phoneNumbers": [
            {
                "label": "work",
                "okToCall": True,
                "okToText": False,
                "isPreferred": True,
                "phoneNumber": row["Phone"],
            }
        ],
        "addresses": [
            {
                "line1": row["Address Line 1"],
                "line2": row["Address Line 2"],
                "city": row["City"],
                "state": row["State"],
                "country": row["Country"],
                "zip": row["Zip"],
                "addressType": "B",
            }
        ],
    }


def get_or_add_body(dms_id: str, vin: str) -> dict[str, Any]:
    """The create body of ``get_or_add`` (order-api-example): key, e-mail labelled "B", cell phone, VIN."""
    return {
        "customer": {
            "customerKey": dms_id,
            "firstName": "Maria",
            "lastName": "Garcia",
            "emails": [
                {"emailAddress": "maria@example.com", "label": "B", "okToEmail": True, "isPreferred": True}
            ],
            "phoneNumbers": [
                {
                    "phoneNumber": "+13105550199",
                    "label": "cell",
                    "okToCall": True,
                    "okToText": True,
                    "isPreferred": True,
                }
            ],
        },
        "vehicles": [{"vin": vin, "isValid": True}],
        "validateVin": True,
    }


def customer_rows() -> list[dict[str, str]]:
    """The rows of the sample CSV file."""
    return list(csv.DictReader(io.StringIO(CUSTOMERS_CSV)))


def replay(http: httpx.Client, department: str, vin: str) -> Iterator[httpx.Response]:
    """Every request of the example scripts, in their order, on `http` (base URL ``…/customer/v2``, Basic
    credentials): the CSV import, then get_or_add for a DMS id with its reads. Yields each answer."""
    for row in customer_rows():
        yield http.put(f"/department/{department}/customer", json={"customer": row_to_customer(row)})
    dms_id = "DMS-4471"
    query = f"searchTerm={dms_id}&searchPreference=customer"
    yield http.get(f"/department/{department}/customer/list?{query}&maxResults=1")
    created = http.put(f"/department/{department}/customer", json=get_or_add_body(dms_id, vin))
    yield created
    uuid = created.json().get("customerUuid") if created.status_code == 200 else None
    if uuid:
        yield http.get(f"/department/{department}/customer/{uuid}")
        yield http.get(f"/department/{department}/customer/list?{query}&maxResults=50")
        yield http.get(f"/department/{department}/customer/{uuid}?excludeVehicles=false")
