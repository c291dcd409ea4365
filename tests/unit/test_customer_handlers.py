"""Customer handlers of the mock called directly: a real in-memory SQLite database and a stand-in context.

These pin the rules of ``mykaarma_mock.customers`` without HTTP (the integration tests in
``tests/integration/test_mock_customers.py`` cover the same rules through the running server).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import yaml

from mykaarma_mock import customers, search_index
from mykaarma_mock.errors import ApiError, Notice
from mykaarma_mock.spec import bundle_bytes, load_spec, parse_spec

DEPARTMENT = "dep-a"
OTHER_DEPARTMENT = "dep-b"
DEALER = "dealer-1"
OTHER_DEALER = "dealer-2"

_LETTERS = "A1 B2 C3 D4 E5 F6 G7 H8 J1 K2 L3 M4 N5 P7 R9 S2 T3 U4 V5 W6 X7 Y8 Z9"
_VIN_VALUES = {**{str(d): d for d in range(10)}, **{pair[0]: int(pair[1]) for pair in _LETTERS.split()}}
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def make_vin(seed: str) -> str:
    """A valid North American VIN: 16 given characters with the check digit inserted at position 9."""
    base = (seed.upper() + "0" * 16)[:16]
    draft = base[:8] + "0" + base[8:]
    remainder = sum(_VIN_VALUES[c] * w for c, w in zip(draft, _VIN_WEIGHTS, strict=True)) % 11
    return base[:8] + ("X" if remainder == 10 else str(remainder)) + base[8:]


VIN_A = make_vin("1HGCM826A004352")
VIN_B = make_vin("2T1BURHEFC123456")
VIN_C = make_vin("3FAHP0HA7CR00001")


@dataclass(frozen=True)
class _Department:
    uuid: str
    name: str
    dealer_uuid: str


class _World:
    def __init__(self) -> None:
        self._departments = {
            DEPARTMENT: _Department(DEPARTMENT, "Service", DEALER),
            OTHER_DEPARTMENT: _Department(OTHER_DEPARTMENT, "Service", OTHER_DEALER),
        }

    def department(self, uuid: str) -> _Department | None:
        return self._departments.get(uuid)


@dataclass
class Ctx:
    """Stand-in for ``mykaarma_mock.app.RequestContext`` (same attribute names)."""

    operation_id: str
    path: dict[str, str]
    query: dict[str, Any]
    body: dict[str, Any] | None
    conn: sqlite3.Connection
    world: Any = field(default_factory=_World)
    account: Any = None
    warnings: list[Notice] = field(default_factory=list)


@pytest.fixture
def conn() -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(":memory:")
    connection.row_factory = sqlite3.Row
    connection.executescript(customers.SCHEMA_SQL)
    connection.executescript(search_index.SEARCH_INDEX_SQL)
    search_index.rebuild(connection)
    yield connection
    connection.close()


def phone(number: str | None, label: str | None = "cell") -> dict[str, Any]:
    return {"phoneNumber": number, "label": label, "okToCall": True, "okToText": True, "isPreferred": True}


def email(address: str | None, label: str | None = "personal") -> dict[str, Any]:
    return {"emailAddress": address, "label": label, "okToEmail": True, "isPreferred": True}


def person(first: str = "Jane", last: str = "Doe", **extra: Any) -> dict[str, Any]:
    return {"firstName": first, "lastName": last, **extra}


def call(
    conn: sqlite3.Connection,
    operation: str,
    *,
    body: dict[str, Any] | None = None,
    query: dict[str, Any] | None = None,
    department: str = DEPARTMENT,
    customer_uuid: str | None = None,
) -> tuple[dict[str, Any], list[Notice]]:
    path = {"departmentUUID": department}
    if customer_uuid is not None:
        path["customerUuid"] = customer_uuid
        path["customerUUID"] = customer_uuid
    ctx = Ctx(operation, path, dict(query or {}), body, conn)
    result = customers.HANDLERS[operation](ctx)  # type: ignore[arg-type]
    return result, ctx.warnings


def create(conn: sqlite3.Connection, body: dict[str, Any], **kwargs: Any) -> tuple[str, list[Notice]]:
    result, warnings = call(conn, "createCustomer", body=body, **kwargs)
    return str(result["customerUuid"]), warnings


def read(conn: sqlite3.Connection, customer_uuid: str, **query: Any) -> dict[str, Any]:
    result, _ = call(conn, "readCustomer", customer_uuid=customer_uuid, query=query)
    return dict(result["customerWithVehicles"])


def codes(warnings: list[Notice]) -> list[int | str]:
    return [warning.code for warning in warnings]


def count(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


# ------------------------------------------------------------------------------------------- registry


def test_registry_lists_the_six_operations_and_the_three_writes() -> None:
    assert set(customers.HANDLERS) == {
        "createCustomer",
        "createCustomerViaPut",
        "updateCustomer",
        "readCustomer",
        "searchCustomers",
        "getCustomer",
    }
    assert customers.HANDLERS["createCustomer"] is customers.HANDLERS["createCustomerViaPut"]
    assert {"createCustomer", "createCustomerViaPut", "updateCustomer"} == customers.WRITE_OPERATIONS


def test_matcher_lookups_use_the_indexes(conn: sqlite3.Connection) -> None:
    """Issue item 5: candidates come from indexed lookups, never a scan of the customers."""
    lookups = {
        "customer_phones": "e164",
        "customer_emails": "email_normalized",
        "customer_vehicles": "vin_normalized",
        "customer_customers": "customer_key",
    }
    for table, column in lookups.items():
        sql = f"SELECT * FROM {table} WHERE department_uuid = ? AND {column} = ?"
        detail = " ".join(str(row[3]) for row in conn.execute("EXPLAIN QUERY PLAN " + sql, ("d", "x")))
        assert "USING INDEX" in detail or "USING COVERING INDEX" in detail, (table, detail)


# --------------------------------------------------------------------------------------------- create


def test_create_returns_uuid_and_numeric_customer_id(conn: sqlite3.Connection) -> None:
    result, warnings = call(
        conn,
        "createCustomer",
        body={"customer": person(phoneNumbers=[phone("+13105550147")], emails=[email("j@x.io")])},
    )
    assert warnings == []
    assert result["errors"] == []
    assert result["warnings"] == []
    stored = read(conn, result["customerUuid"])["customer"]
    assert result["customerId"] == str(stored["id"])  # D-CREATE-RESPONSE
    assert set(result) == {"errors", "warnings", "customerUuid", "customerId"}


def test_plain_create_twice_makes_two_customers(conn: sqlite3.Connection) -> None:
    body = {"customer": person(phoneNumbers=[phone("+13105550147")])}
    first, _ = create(conn, body)
    second, _ = create(conn, body)
    assert first != second
    assert count(conn, "customer_customers") == 2


def test_phone_is_stored_in_e164(conn: sqlite3.Connection) -> None:
    uuid, warnings = create(conn, {"customer": person(phoneNumbers=[phone("+1 (310) 555-0147")], emails=[])})
    assert 10015 not in codes(warnings)
    assert read(conn, uuid)["customer"]["phoneNumbers"][0]["phoneNumber"] == "+13105550147"


@pytest.mark.parametrize(
    ("entry", "expected", "field_path"),
    [
        (None, 10010, "customer.phoneNumbers[0]"),
        (phone(None), 10011, "customer.phoneNumbers[0].phoneNumber"),
        (phone("  "), 10011, "customer.phoneNumbers[0].phoneNumber"),
        (phone("3105550147"), 10015, "customer.phoneNumbers[0].phoneNumber"),
        (phone("+44 20 7946 0958"), 10015, "customer.phoneNumbers[0].phoneNumber"),
        (phone("+13105550147", label=""), 10016, "customer.phoneNumbers[0].label"),
        (phone("+13105550147", label=None), 10016, "customer.phoneNumbers[0].label"),
    ],
)
def test_phone_problems_are_warnings_and_drop_the_entry(
    conn: sqlite3.Connection, entry: Any, expected: int, field_path: str
) -> None:
    uuid, warnings = create(conn, {"customer": person(phoneNumbers=[entry, phone("+13105550148")])})
    found = [w for w in warnings if w.code == expected]
    assert found
    assert found[0].field == field_path
    numbers = [p["phoneNumber"] for p in read(conn, uuid)["customer"]["phoneNumbers"]]
    assert numbers == ["+13105550148"]  # bad entry dropped, good one kept
    assert 10013 not in codes(warnings)


@pytest.mark.parametrize(
    ("entry", "expected", "field_path"),
    [
        (None, 10009, "customer.emails[0]"),
        (email(None), 10012, "customer.emails[0].emailAddress"),
        (email("not-an-address"), 10012, "customer.emails[0].emailAddress"),
        (email("jane@localhost"), 10012, "customer.emails[0].emailAddress"),
        (email("jane@example.com", label=" "), 10016, "customer.emails[0].label"),
    ],
)
def test_email_problems_are_warnings_and_drop_the_entry(
    conn: sqlite3.Connection, entry: Any, expected: int, field_path: str
) -> None:
    uuid, warnings = create(conn, {"customer": person(emails=[entry, email("ok@example.com")])})
    found = [w for w in warnings if w.code == expected]
    assert found
    assert found[0].field == field_path
    assert [e["emailAddress"] for e in read(conn, uuid)["customer"]["emails"]] == ["ok@example.com"]


def test_no_surviving_phone_or_email_adds_10013_and_10014(conn: sqlite3.Connection) -> None:
    uuid, warnings = create(conn, {"customer": person(phoneNumbers=[phone("12")], emails=[email("nope")])})
    assert {10015, 10013, 10012, 10014} <= set(codes(warnings))
    customer = read(conn, uuid)["customer"]
    assert customer["phoneNumbers"] == []
    assert customer["emails"] == []


def test_create_without_lists_warns_10007_and_10008(conn: sqlite3.Connection) -> None:
    _, warnings = create(conn, {"customer": person()})
    assert codes(warnings) == [10007, 10008]
    _, warnings = create(conn, {"customer": person(phoneNumbers=[], emails=None)})
    assert codes(warnings) == [10007, 10008]


def test_email_stored_as_sent(conn: sqlite3.Connection) -> None:
    uuid, _ = create(conn, {"customer": person(emails=[email("Jane.Doe@Example.COM")])})
    assert read(conn, uuid)["customer"]["emails"][0]["emailAddress"] == "Jane.Doe@Example.COM"


# -------------------------------------------------------------------------------------- VIN, vehicles


def test_validate_vin_rejects_the_whole_request(conn: sqlite3.Connection) -> None:
    bad = VIN_A[:8] + ("0" if VIN_A[8] != "0" else "1") + VIN_A[9:]
    body = {
        "customer": person(),
        "vehicles": [{"vin": VIN_B}, {"vin": bad}, {"vin": "SHORT"}],
        "validateVin": True,
    }
    with pytest.raises(ApiError) as caught:
        call(conn, "createCustomer", body=body)
    assert caught.value.status == 400
    assert [(p.code, p.field) for p in caught.value.problems] == [
        ("INVALID_VIN", "vehicles[1].vin"),
        ("INVALID_VIN", "vehicles[2].vin"),
    ]
    assert count(conn, "customer_customers") == 0
    assert count(conn, "customer_vehicles") == 0


def test_without_validate_vin_a_bad_vin_is_stored_trimmed_and_upper_cased(conn: sqlite3.Connection) -> None:
    uuid, _ = create(conn, {"customer": person(), "vehicles": [{"vin": "  abc123  "}]})
    assert read(conn, uuid)["vehicles"][0]["vin"] == "ABC123"


def test_vehicle_without_vin_needs_year_make_model(conn: sqlite3.Connection) -> None:
    with pytest.raises(ApiError) as caught:
        call(conn, "createCustomer", body={"customer": person(), "vehicles": [{"vehicleMake": "Honda"}]})
    assert caught.value.status == 400
    assert [(p.code, p.field) for p in caught.value.problems] == [("INVALID_REQUEST_DATA", "vehicles[0]")]
    uuid, _ = create(
        conn,
        {
            "customer": person(),
            "vehicles": [{"vehicleYear": "2021", "vehicleMake": "Honda", "vehicleModel": "Fit"}],
        },
    )
    assert read(conn, uuid)["vehicles"][0]["vehicleModel"] == "Fit"


# ---------------------------------------------------------------------------------------- customerKey


def test_duplicate_customer_key_on_plain_create_is_409(conn: sqlite3.Connection) -> None:
    create(conn, {"customer": person(customerKey="DMS-1")})
    with pytest.raises(ApiError) as caught:
        create(conn, {"customer": person("John", "Roe", customerKey=" DMS-1 ")})
    assert caught.value.status == 409
    assert [(p.code, p.field) for p in caught.value.problems] == [
        ("DUPLICATE_CUSTOMER_KEY", "customer.customerKey")
    ]
    assert count(conn, "customer_customers") == 1
    # the same key in another department is fine (D-CUSTOMER-KEY: unique per department)
    create(conn, {"customer": person(customerKey="DMS-1")}, department=OTHER_DEPARTMENT)


def test_update_to_another_customers_key_is_409_and_own_key_is_fine(conn: sqlite3.Connection) -> None:
    create(conn, {"customer": person(customerKey="K1")})
    second, _ = create(conn, {"customer": person("John", "Roe", customerKey="K2")})
    with pytest.raises(ApiError) as caught:
        call(
            conn,
            "updateCustomer",
            customer_uuid=second,
            body={"customer": person("John", "Roe", customerKey="K1")},
        )
    assert caught.value.status == 409
    assert read(conn, second)["customer"]["customerKey"] == "K2"
    call(
        conn,
        "updateCustomer",
        customer_uuid=second,
        body={"customer": person("John", "Roe", customerKey="K2")},
    )


# --------------------------------------------------------------------------------------------- update


def test_update_replaces_lists(conn: sqlite3.Connection) -> None:
    address = {"line1": "1 Main St", "state": "CA", "country": "US", "type": "PRIMARY", "addressType": "P"}
    uuid, _ = create(
        conn,
        {
            "customer": person(
                phoneNumbers=[phone("+13105550147")], emails=[email("a@example.com")], addresses=[address]
            ),
            "vehicles": [{"vin": VIN_A, "color": "Red"}],
        },
    )
    vehicle_uuid = read(conn, uuid)["vehicles"][0]["vehicleUuid"]
    _, warnings = call(
        conn,
        "updateCustomer",
        customer_uuid=uuid,
        body={
            "customer": person(phoneNumbers=[phone("+13105550199")]),
            "vehicles": [{"vehicleUuid": vehicle_uuid, "vin": VIN_A, "color": "Blue"}, {"vin": VIN_B}],
        },
    )
    assert codes(warnings) == [10006]  # e-mails absent => all deleted
    stored = read(conn, uuid)
    assert [p["phoneNumber"] for p in stored["customer"]["phoneNumbers"]] == ["+13105550199"]
    assert stored["customer"]["emails"] == []
    assert len(stored["customer"]["addresses"]) == 1  # addresses absent => kept
    assert [(v["vin"], v["color"]) for v in stored["vehicles"]] == [(VIN_A, "Blue"), (VIN_B, None)]

    _, warnings = call(
        conn,
        "updateCustomer",
        customer_uuid=uuid,
        body={"customer": person(phoneNumbers=None, emails=[], addresses=[]), "vehicles": []},
    )
    assert codes(warnings) == [10005, 10006]
    stored = read(conn, uuid)
    assert stored["customer"]["phoneNumbers"] == []
    assert stored["customer"]["addresses"] == []
    assert len(stored["vehicles"]) == 2  # never removed


def test_vehicle_upsert_by_vin_then_vehicle_key(conn: sqlite3.Connection) -> None:
    uuid, _ = create(
        conn,
        {
            "customer": person(),
            "vehicles": [
                {"vin": VIN_A},
                {"vehicleKey": "VK-1", "vehicleYear": "2020", "vehicleMake": "Kia", "vehicleModel": "Rio"},
            ],
        },
    )
    call(
        conn,
        "updateCustomer",
        customer_uuid=uuid,
        body={
            "customer": person(),
            "vehicles": [
                {"vin": VIN_A.lower(), "licensePlate": "7ABC123"},
                {
                    "vehicleKey": "VK-1",
                    "vehicleYear": "2020",
                    "vehicleMake": "Kia",
                    "vehicleModel": "Rio",
                    "color": "Red",
                },
            ],
        },
    )
    vehicles = read(conn, uuid)["vehicles"]
    assert [(v["vin"], v["licensePlate"], v["color"]) for v in vehicles] == [
        (VIN_A, "7ABC123", None),
        (None, None, "Red"),
    ]


def test_update_of_unknown_or_foreign_customer_is_404(conn: sqlite3.Connection) -> None:
    uuid, _ = create(conn, {"customer": person()})
    for department, target in ((DEPARTMENT, "nope"), (OTHER_DEPARTMENT, uuid)):
        with pytest.raises(ApiError) as caught:
            call(
                conn,
                "updateCustomer",
                customer_uuid=target,
                department=department,
                body={"customer": person()},
            )
        assert (caught.value.status, [p.code for p in caught.value.problems]) == (404, ["CUSTOMER_NOT_FOUND"])


# ------------------------------------------------------------------------------------------- matching


def upsert(
    conn: sqlite3.Connection, customer: dict[str, Any], vehicles: list[dict[str, Any]] | None = None
) -> str:
    body: dict[str, Any] = {"customer": customer, "searchForDuplicate": True}
    if vehicles is not None:
        body["vehicles"] = vehicles
    uuid, _ = create(conn, body)
    return uuid


def test_same_phone_in_other_format_and_case_matches(conn: sqlite3.Connection) -> None:
    first = upsert(conn, person(phoneNumbers=[phone("+1 (310) 555-0147")]))
    second = upsert(conn, person("  JANE ", "doe", phoneNumbers=[phone("+1.310.555.0147")]))
    assert first == second
    assert count(conn, "customer_customers") == 1


def test_same_vin_matches_and_other_name_does_not(conn: sqlite3.Connection) -> None:
    first = upsert(conn, person(), [{"vin": VIN_A}])
    assert upsert(conn, person(), [{"vin": VIN_A.lower()}]) == first
    assert upsert(conn, person("John", "Doe"), [{"vin": VIN_A}]) != first


def test_business_customers_match_on_company(conn: sqlite3.Connection) -> None:
    business = {"isBusiness": True, "company": "Acme Fleet", "emails": [email("fleet@acme.example")]}
    first = upsert(conn, business)
    second = upsert(conn, {**business, "company": "ACME  fleet", "firstName": "Other", "lastName": "Person"})
    third = upsert(conn, {**business, "company": "Acme Rentals"})
    assert first == second != third


def test_customer_key_breaks_ties(conn: sqlite3.Connection) -> None:
    shared = [phone("+13105550147")]
    keyed = upsert(conn, person(customerKey="K-1", phoneNumbers=shared))
    create(conn, {"customer": person(customerKey="K-2", phoneNumbers=shared)})  # same person, plain create
    newest, _ = create(conn, {"customer": person(phoneNumbers=shared)})
    # without a key the most recently updated of the three wins; with K-1 the keyed record wins
    assert upsert(conn, person(phoneNumbers=shared)) == newest
    assert upsert(conn, person(customerKey="K-1", phoneNumbers=shared)) == keyed
    assert count(conn, "customer_customers") == 3


def test_no_communications_create_each_time(conn: sqlite3.Connection) -> None:
    first = upsert(conn, person(customerKey=None))
    second = upsert(conn, person())
    assert first != second


def test_match_that_would_take_another_key_is_409(conn: sqlite3.Connection) -> None:
    create(conn, {"customer": person("Other", "One", customerKey="TAKEN")})
    upsert(conn, person(phoneNumbers=[phone("+13105550147")]))
    with pytest.raises(ApiError) as caught:
        upsert(conn, person(customerKey="TAKEN", phoneNumbers=[phone("+13105550147")]))
    assert caught.value.status == 409
    assert count(conn, "customer_customers") == 2


def test_create_or_update_uses_update_list_semantics(conn: sqlite3.Connection) -> None:
    first = upsert(conn, person(phoneNumbers=[phone("+13105550147")], emails=[email("a@example.com")]))
    uuid, warnings = create(
        conn, {"customer": person(phoneNumbers=[phone("+13105550147")]), "searchForDuplicate": True}
    )
    assert uuid == first
    assert codes(warnings) == [10006]
    assert read(conn, first)["customer"]["emails"] == []


# ----------------------------------------------------------------------------------------------- read


def test_read_exclude_vehicles_omits_the_key(conn: sqlite3.Connection) -> None:
    uuid, _ = create(conn, {"customer": person()})
    assert read(conn, uuid)["vehicles"] == []
    assert "vehicles" not in read(conn, uuid, excludeVehicles=True)


def test_read_foreign_customer_is_404(conn: sqlite3.Connection) -> None:
    uuid, _ = create(conn, {"customer": person()}, department=OTHER_DEPARTMENT)
    with pytest.raises(ApiError) as caught:
        read(conn, uuid)
    assert caught.value.status == 404


# --------------------------------------------------------------------------------------------- search


def search(conn: sqlite3.Connection, term: str, **query: Any) -> tuple[dict[str, Any], list[Notice]]:
    return call(conn, "searchCustomers", query={"searchTerm": term, **query})


def names(result: dict[str, Any]) -> list[str]:
    return [f"{m['customer']['firstName']} {m['customer']['lastName']}" for m in result["matchingCustomers"]]


@pytest.fixture
def people(conn: sqlite3.Connection) -> sqlite3.Connection:
    create(
        conn,
        {
            "customer": person("Jane", "Doe", customerKey="DOM123", phoneNumbers=[phone("+13105550147")]),
            "vehicles": [{"vin": VIN_A}, {"vin": VIN_B}],
        },
    )
    create(conn, {"customer": person("John", "Doe", emails=[email("john.doe@example.com")])})
    create(conn, {"customer": person("Janet", "Smith"), "vehicles": [{"vin": VIN_C}]})
    create(conn, {"customer": person("Jane", "Doe")}, department=OTHER_DEPARTMENT)
    return conn


def test_search_tokens_and_or(people: sqlite3.Connection) -> None:
    result, warnings = search(people, "jane doe")
    assert names(result) == ["Jane Doe"]
    assert warnings == []
    result, _ = search(people, "jane doe", queryOperator="OR")
    assert names(result)[0] == "Jane Doe"  # two tokens hit first
    assert set(names(result)) == {"Jane Doe", "John Doe", "Janet Smith"}
    assert result["matchingCount"] == 3


def test_search_fields_phone_digits_vin_suffix_and_email(people: sqlite3.Connection) -> None:
    assert names(search(people, "3105550147")[0]) == ["Jane Doe"]
    assert names(search(people, VIN_C[-8:].lower())[0]) == ["Janet Smith"]
    assert names(search(people, "JOHN.DOE@example.com")[0]) == ["John Doe"]
    result, warnings = search(people, "jane", fieldsToBeSearched=["lname", "customerKey"])
    assert result["matchingCount"] == 0
    assert codes(warnings) == [10001]


def test_search_exact_hits_rank_first(people: sqlite3.Connection) -> None:
    result, _ = search(people, "jane", fieldsToBeSearched=["fname"])
    assert names(result) == ["Jane Doe", "Janet Smith"]


def test_search_max_results_truncates_after_counting(people: sqlite3.Connection) -> None:
    result, warnings = search(people, "doe", maxResults=1)
    assert result["matchingCount"] == 2
    assert len(result["matchingCustomers"]) == 1
    assert warnings == []
    result, warnings = search(people, "doe", maxResults=0)
    assert codes(warnings) == [10002]
    assert len(result["matchingCustomers"]) == 2
    result, warnings = search(people, "doe", maxResults=101)
    assert codes(warnings) == [10002]


def test_search_term_cut_to_the_spec_length(people: sqlite3.Connection) -> None:
    length = customers.search_limits(load_spec()).term_length
    result, warnings = search(people, "doe" + " " * length + "zzzz")
    assert codes(warnings) == [10003]
    assert str(length) in warnings[0].message
    assert result["matchingCount"] == 2  # "zzzz" was cut off


def test_search_limits_are_the_spec_extensions() -> None:
    document = yaml.safe_load(bundle_bytes())
    parameters = document["components"]["parameters"]
    parameters["SearchTerm"]["x-truncated-to-length"] = 12
    parameters["MaxResults"]["x-accepted-range"] = {"minimum": 2, "maximum": 7}
    limits = customers.search_limits(parse_spec(yaml.safe_dump(document).encode()))
    assert (limits.term_length, limits.min_results, limits.max_results) == (12, 2, 7)


def test_search_preference_vehicle_and_unknown(people: sqlite3.Connection) -> None:
    result, warnings = search(people, VIN_A[-8:], searchPreference="vehicle")
    assert warnings == []
    [entry] = result["matchingCustomers"]
    assert [v["vin"] for v in entry["vehicles"]] == [VIN_A]
    result, _ = search(people, VIN_A[-8:])
    assert [v["vin"] for v in result["matchingCustomers"][0]["vehicles"]] == [VIN_A, VIN_B]
    result, warnings = search(people, "doe", searchPreference="Vehicle")
    assert codes(warnings) == [10004]
    assert result["matchingCount"] == 2
    result, _ = search(people, "doe", searchPreference="vehicle")
    assert names(result) == ["Jane Doe"]  # John has no vehicle


def test_search_orders_by_recency_on_ties(people: sqlite3.Connection) -> None:
    result, _ = search(people, "doe")
    assert names(result) == ["John Doe", "Jane Doe"]  # same hits, John created later
    jane = result["matchingCustomers"][1]["customer"]["customerUuid"]
    call(people, "updateCustomer", customer_uuid=jane, body={"customer": person()})
    assert names(search(people, "doe")[0]) == ["Jane Doe", "John Doe"]


def test_blank_search_term_is_400(people: sqlite3.Connection) -> None:
    with pytest.raises(ApiError) as caught:
        search(people, "   ")
    assert (caught.value.status, caught.value.problems[0].field) == (400, "searchTerm")


# ---------------------------------------------------------------------------------------- getCustomer


def test_get_customer_legacy_shape(conn: sqlite3.Connection) -> None:
    address = {"line1": "1 Main St", "state": "CA", "country": "US", "type": "BILLING", "addressType": "B"}
    uuid, _ = create(
        conn,
        {
            "customer": person(
                customerKey="K",
                phoneNumbers=[phone("+13105550147")],
                emails=[email("j@example.com")],
                addresses=[address],
            ),
            "vehicles": [
                {"vin": VIN_A, "vehicleMake": "Honda", "vehicleModel": "Accord", "vehicleYear": "2003"}
            ],
        },
    )
    body = {"requesterUserUUID": "u", "dealerUUIDList": [DEALER]}
    result, _ = call(conn, "getCustomer", customer_uuid=uuid, body=body)
    info = result["customerInfo"]
    assert (info["fname"], info["lname"], info["uuid"], info["customerKey"]) == ("Jane", "Doe", uuid, "K")
    assert [(c["commType"], c["commValue"]) for c in info["communications"]] == [
        ("PHONE", "+13105550147"),
        ("EMAIL", "j@example.com"),
    ]
    assert len({c["id"] for c in info["communications"]}) == 2
    assert [(v["make"], v["model"], v["year"], v["vin"]) for v in info["vehicles"]] == [
        ("Honda", "Accord", "2003", VIN_A)
    ]
    assert result["dealerOrderInfoList"] == []
    assert result["addressListV2"][0]["type"] == "BILLING"
    assert result["addressList"][0]["addressType"] == "B"
    assert result["addressList"][0]["dealerID"] == info["dealerId"]
    result, _ = call(conn, "getCustomer", customer_uuid=uuid, body=body, query={"excludeOrderType": True})
    assert "dealerOrderInfoList" not in result


def test_get_customer_only_within_listed_dealers(conn: sqlite3.Connection) -> None:
    uuid, _ = create(conn, {"customer": person()})
    with pytest.raises(ApiError) as caught:
        call(
            conn,
            "getCustomer",
            customer_uuid=uuid,
            body={"requesterUserUUID": "u", "dealerUUIDList": [OTHER_DEALER]},
        )
    assert caught.value.status == 404
    result, _ = call(
        conn,
        "getCustomer",
        customer_uuid=uuid,
        body={"requesterUserUUID": "u", "dealerUUIDList": [OTHER_DEALER, DEALER]},
    )
    assert result["customerInfo"]["uuid"] == uuid
