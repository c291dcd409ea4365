"""Customer business rules of the mock over real HTTP (issue 4, item 5).

Every test runs against the session's mock server subprocess with its data emptied first (`server`
fixture), on the test world of ``tests/integration/worlds/two_dealers.yaml`` (see ``conftest.py``). Each rule
is named after its DECISIONS entry or facts section. The server validates every 200 body against the spec's
schema and model, so a response that breaks the contract shows up here as a 500.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from mykaarma_mock.customers import search_limits
from mykaarma_mock.spec import load_spec
from tests.integration.mock_server import MockServer, TestWorld

_LETTERS = "A1 B2 C3 D4 E5 F6 G7 H8 J1 K2 L3 M4 N5 P7 R9 S2 T3 U4 V5 W6 X7 Y8 Z9"
_VIN_VALUES = {**{str(d): d for d in range(10)}, **{pair[0]: int(pair[1]) for pair in _LETTERS.split()}}
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def make_vin(seed: str) -> str:
    """A valid North American VIN: 16 given characters with the check digit inserted at position 9."""
    base = (seed.upper() + "0" * 16)[:16]
    draft = base[:8] + "0" + base[8:]
    remainder = sum(_VIN_VALUES[c] * w for c, w in zip(draft, _VIN_WEIGHTS, strict=True)) % 11
    return base[:8] + ("X" if remainder == 10 else str(remainder)) + base[8:]


VIN_A = "1HGCM82633A004352"  # the spec examples' VIN
VIN_B = make_vin("2T1BURHEFC123456")
VIN_C = make_vin("3FAHP0HA7CR00001")
BAD_CHECK_DIGIT = VIN_A[:8] + "4" + VIN_A[9:]


def phone(number: str | None, label: str | None = "cell", **flags: Any) -> dict[str, Any]:
    return {
        "phoneNumber": number,
        "label": label,
        "okToCall": True,
        "okToText": True,
        "isPreferred": True,
        **flags,
    }


def email(address: str | None, label: str | None = "personal") -> dict[str, Any]:
    return {"emailAddress": address, "label": label, "okToEmail": True, "isPreferred": True}


def person(first: str = "Jane", last: str = "Doe", **extra: Any) -> dict[str, Any]:
    return {"firstName": first, "lastName": last, **extra}


def address(kind: str = "PRIMARY", code: str = "P", line1: str = "1 Main St") -> dict[str, Any]:
    return {
        "line1": line1,
        "city": "Long Beach",
        "state": "CA",
        "country": "US",
        "type": kind,
        "addressType": code,
    }


def warning_codes(body: dict[str, Any]) -> list[int]:
    return [item["warningCode"] for item in body["warnings"]]


def warning_fields(body: dict[str, Any], code: int) -> list[str | None]:
    return [item.get("field") for item in body["warnings"] if item["warningCode"] == code]


def errors(response: httpx.Response) -> list[tuple[int, str, str | None]]:
    return [(e["errorCode"], e["errorTitle"], e.get("field")) for e in response.json()["errors"]]


@dataclass
class Api:
    """The customer operations of one account on the session server."""

    http: httpx.Client
    world: TestWorld
    server: MockServer
    user: str = "full"

    def as_user(self, user: str) -> Api:
        return Api(self.http, self.world, self.server, user)

    def _auth(self) -> httpx.BasicAuth:
        return self.world.auth(self.user)

    def create_response(
        self, body: dict[str, Any], department: str | None = None, method: str = "POST"
    ) -> httpx.Response:
        url = f"/customer/v2/department/{department or self.world.dept_a1}/customer"
        return self.http.request(method, url, json=body, auth=self._auth())

    def create(
        self, body: dict[str, Any], department: str | None = None, method: str = "POST"
    ) -> dict[str, Any]:
        response = self.create_response(body, department, method)
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result

    def upsert(
        self,
        customer: dict[str, Any],
        vehicles: list[dict[str, Any]] | None = None,
        department: str | None = None,
    ) -> str:
        body: dict[str, Any] = {"customer": customer, "searchForDuplicate": True}
        if vehicles is not None:
            body["vehicles"] = vehicles
        return str(self.create(body, department)["customerUuid"])

    def update_response(
        self, customer_uuid: str, body: dict[str, Any], department: str | None = None
    ) -> httpx.Response:
        url = f"/customer/v2/department/{department or self.world.dept_a1}/customer/{customer_uuid}"
        return self.http.put(url, json=body, auth=self._auth())

    def update(self, customer_uuid: str, body: dict[str, Any]) -> dict[str, Any]:
        response = self.update_response(customer_uuid, body)
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result

    def read_response(
        self, customer_uuid: str, department: str | None = None, **query: Any
    ) -> httpx.Response:
        url = f"/customer/v2/department/{department or self.world.dept_a1}/customer/{customer_uuid}"
        return self.http.get(url, params=query, auth=self._auth())

    def read(self, customer_uuid: str, **query: Any) -> dict[str, Any]:
        response = self.read_response(customer_uuid, **query)
        assert response.status_code == 200, response.text
        found: dict[str, Any] = response.json()["customerWithVehicles"]
        return found

    def search(self, term: str, department: str | None = None, **query: Any) -> dict[str, Any]:
        url = f"/customer/v2/department/{department or self.world.dept_a1}/customer/list"
        response = self.http.get(url, params={"searchTerm": term, **query}, auth=self._auth())
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result

    def get_customer_response(self, customer_uuid: str, dealers: list[str], **query: Any) -> httpx.Response:
        body = {"requesterUserUUID": self.world.associates[self.world.dealer_a][0], "dealerUUIDList": dealers}
        return self.http.post(
            f"/customer/v2/customer/{customer_uuid}", params=query, json=body, auth=self._auth()
        )

    def customers_in(self, department: str | None = None) -> int:
        counts: dict[str, Any] = self.server.stats()["departments"][department or self.world.dept_a1]
        return int(counts["customers"])

    def vehicles_in(self, department: str | None = None) -> int:
        counts: dict[str, Any] = self.server.stats()["departments"][department or self.world.dept_a1]
        return int(counts["vehicles"])


@pytest.fixture
def api(server: MockServer, client: httpx.Client, world: TestWorld) -> Api:
    return Api(client, world, server)


def names(result: dict[str, Any]) -> list[str]:
    return [f"{m['customer']['firstName']} {m['customer']['lastName']}" for m in result["matchingCustomers"]]


# ---------------------------------------------------------------------------------------- create (C1, C1')


def test_create_returns_the_uuid_and_the_numeric_id_as_a_string(api: Api) -> None:
    """D-CREATE-RESPONSE: errors, warnings, customerUuid, customerId (the read id as text); no vehicle id."""
    body = {"customer": person(phoneNumbers=[phone("+13105550147")], emails=[email("jane@example.com")])}
    created = api.create({**body, "vehicles": [{"vin": VIN_A}]})
    assert set(created) == {"errors", "warnings", "customerUuid", "customerId"}
    assert created["errors"] == []
    assert created["warnings"] == []
    stored = api.read(created["customerUuid"])
    assert created["customerId"] == str(stored["customer"]["id"])
    assert stored["customer"]["customerUuid"] == created["customerUuid"]
    assert [v["vin"] for v in stored["vehicles"]] == [VIN_A]


def test_put_on_the_collection_creates_like_post(api: Api) -> None:
    """D-CREATE-METHOD: createCustomerViaPut has the same body, rules and response as createCustomer."""
    created = api.create({"customer": person("Via", "Put")}, method="PUT")
    assert warning_codes(created) == [10007, 10008]
    assert api.read(created["customerUuid"])["customer"]["firstName"] == "Via"
    duplicate = api.create_response({"customer": person(customerKey="K")}, method="PUT")
    assert duplicate.status_code == 200
    again = api.create_response({"customer": person(customerKey="K")}, method="PUT")
    assert again.status_code == 409


def test_plain_create_twice_makes_two_customers(api: Api) -> None:
    """D-SEARCH-FOR-DUPLICATE: searchForDuplicate false (the default) always creates."""
    body = {"customer": person(phoneNumbers=[phone("+13105550147")]), "vehicles": [{"vin": VIN_A}]}
    first = api.create(body)["customerUuid"]
    second = api.create({**body, "searchForDuplicate": False})["customerUuid"]
    assert first != second
    assert api.customers_in() == 2
    assert api.vehicles_in() == 2


# ---------------------------------------------------------------------------------------- request rules


def test_person_needs_first_and_last_name_blank_counts_as_missing(api: Api) -> None:
    """D-NAMES (facts §4.1 rule 3): 400 INVALID_REQUEST_DATA naming the field; whitespace is missing."""
    response = api.create_response({"customer": {"firstName": "Jane", "lastName": "   "}})
    assert response.status_code == 400
    assert (20001, "INVALID_REQUEST_DATA", "customer.lastName") in errors(response)
    response = api.create_response({"customer": {"lastName": "Doe", "company": "Acme"}})
    assert response.status_code == 400
    assert (20001, "INVALID_REQUEST_DATA", "customer.firstName") in errors(response)
    assert api.customers_in() == 0


def test_business_needs_a_company_and_no_person_name(api: Api) -> None:
    """D-NAMES: company required when isBusiness; then first and last name may be absent."""
    response = api.create_response({"customer": {"isBusiness": True, "firstName": "Jane", "lastName": "Doe"}})
    assert response.status_code == 400
    assert (20001, "INVALID_REQUEST_DATA", "customer.company") in errors(response)
    created = api.create({"customer": {"isBusiness": True, "company": "Acme Fleet"}})
    stored = api.read(created["customerUuid"])["customer"]
    assert (stored["company"], stored["isBusiness"], stored["firstName"]) == ("Acme Fleet", True, None)


def test_address_type_and_code_must_agree_and_enums_are_case_sensitive(api: Api) -> None:
    """D-ADDRESS: PRIMARY/COMMON => P, BILLING => B, OTHER => either; upper-case type only; city optional."""
    response = api.create_response({"customer": person(addresses=[address("BILLING", "P")])})
    assert response.status_code == 400
    assert (20001, "INVALID_REQUEST_DATA", "customer.addresses[0].addressType") in errors(response)
    response = api.create_response({"customer": person(addresses=[address("primary", "P")])})
    assert response.status_code == 400
    no_city = {k: v for k, v in address("OTHER", "B").items() if k != "city"}
    created = api.create({"customer": person(addresses=[no_city, address("COMMON", "P")])})
    stored = api.read(created["customerUuid"])["customer"]["addresses"]
    assert [(a["type"], a["addressType"], a["city"]) for a in stored] == [
        ("OTHER", "B", None),
        ("COMMON", "P", "Long Beach"),
    ]
    assert all(a["uuid"] and a["updateTS"].endswith("Z") for a in stored)


def test_vehicle_needs_vin_or_year_make_and_model(api: Api) -> None:
    """D-VEHICLE-IDENTITY (facts §4.1 rule 7): 400 naming the vehicle; year/make/model alone is enough."""
    response = api.create_response(
        {"customer": person(), "vehicles": [{"vin": VIN_A}, {"vehicleMake": "Honda", "vehicleModel": "Fit"}]}
    )
    assert response.status_code == 400
    assert any(field and field.startswith("vehicles[1]") for _, _, field in errors(response))
    assert api.customers_in() == 0
    ymm = {"vehicleYear": "2021", "vehicleMake": "Honda", "vehicleModel": "Fit"}
    created = api.create({"customer": person(), "vehicles": [ymm]})
    [vehicle] = api.read(created["customerUuid"])["vehicles"]
    assert (vehicle["vin"], vehicle["vehicleYear"], vehicle["vehicleModel"]) == (None, "2021", "Fit")


def test_validate_vin_fails_the_whole_request_and_saves_nothing(api: Api) -> None:
    """D-VIN: a bad VIN with validateVin=true is 400 INVALID_VIN naming vehicles[i].vin, nothing saved."""
    body = {
        "customer": person(phoneNumbers=[phone("+13105550147")]),
        "vehicles": [{"vin": VIN_B}, {"vin": BAD_CHECK_DIGIT}, {"vin": "1HGCM82633A00435I"}],
        "validateVin": True,
    }
    response = api.create_response(body)
    assert response.status_code == 400
    assert errors(response) == [
        (20004, "INVALID_VIN", "vehicles[1].vin"),
        (20004, "INVALID_VIN", "vehicles[2].vin"),
    ]
    assert api.customers_in() == 0
    assert api.vehicles_in() == 0
    created = api.create({**body, "vehicles": [{"vin": VIN_B}, {"vin": f" {VIN_A.lower()} "}]})
    assert [v["vin"] for v in api.read(created["customerUuid"])["vehicles"]] == [VIN_B, VIN_A]


def test_without_validate_vin_any_vin_is_stored_trimmed_and_upper_cased(api: Api) -> None:
    """D-VIN: validateVin false or absent => no check; VIN trimmed and upper-cased."""
    created = api.create(
        {"customer": person(), "vehicles": [{"vin": f"  {BAD_CHECK_DIGIT.lower()} "}, {"vin": "abc"}]}
    )
    assert [v["vin"] for v in api.read(created["customerUuid"])["vehicles"]] == [BAD_CHECK_DIGIT, "ABC"]


# ---------------------------------------------------------------------------------------- phones, e-mails


def test_phone_numbers_are_stored_in_e164(api: Api) -> None:
    """D-PHONE-EMAIL: "+1" and 10 digits once spaces, dashes, dots and brackets are removed; stored E.164."""
    numbers = ["+1 (310) 555-0147", "+1.310.555.0148", "+1-310-555-0149"]
    created = api.create({"customer": person(phoneNumbers=[phone(n) for n in numbers], emails=[])})
    assert 10015 not in warning_codes(created)
    stored = api.read(created["customerUuid"])["customer"]["phoneNumbers"]
    assert [p["phoneNumber"] for p in stored] == ["+13105550147", "+13105550148", "+13105550149"]


@pytest.mark.parametrize(
    ("entry", "code", "field"),
    [
        pytest.param(None, 10010, "customer.phoneNumbers[0]", id="10010-null-entry"),
        pytest.param(phone(None), 10011, "customer.phoneNumbers[0].phoneNumber", id="10011-null-number"),
        pytest.param(phone(""), 10011, "customer.phoneNumbers[0].phoneNumber", id="10011-empty-number"),
        pytest.param(
            phone("3105550147"), 10015, "customer.phoneNumbers[0].phoneNumber", id="10015-no-plus-one"
        ),
        pytest.param(
            phone("+1 310 555 014"), 10015, "customer.phoneNumbers[0].phoneNumber", id="10015-9-digits"
        ),
        pytest.param(phone("+44 20 7946 0958"), 10015, "customer.phoneNumbers[0].phoneNumber", id="10015-uk"),
        pytest.param(
            phone("+13105550100", label=None), 10016, "customer.phoneNumbers[0].label", id="10016-null"
        ),
        pytest.param(
            phone("+13105550100", label=" "), 10016, "customer.phoneNumbers[0].label", id="10016-blank"
        ),
    ],
)
def test_phone_problems_are_warnings_and_the_entry_is_dropped(
    api: Api, entry: dict[str, Any] | None, code: int, field: str
) -> None:
    """D-PHONE-EMAIL: 10010/10011/10015/10016 drop the entry; the customer is saved with the valid ones."""
    created = api.create({"customer": person(phoneNumbers=[entry, phone("+13105550147")], emails=[])})
    assert warning_fields(created, code) == [field]
    assert 10013 not in warning_codes(created)
    stored = api.read(created["customerUuid"])["customer"]["phoneNumbers"]
    assert [p["phoneNumber"] for p in stored] == ["+13105550147"]


@pytest.mark.parametrize(
    ("entry", "code", "field"),
    [
        pytest.param(None, 10009, "customer.emails[0]", id="10009-null-entry"),
        pytest.param(email(None), 10012, "customer.emails[0].emailAddress", id="10012-null"),
        pytest.param(email("  "), 10012, "customer.emails[0].emailAddress", id="10012-blank"),
        pytest.param(email("jane.example.com"), 10012, "customer.emails[0].emailAddress", id="10012-no-at"),
        pytest.param(email("jane@localhost"), 10012, "customer.emails[0].emailAddress", id="10012-no-tld"),
        pytest.param(
            email("jane@example.com", label=""), 10016, "customer.emails[0].label", id="10016-label"
        ),
    ],
)
def test_email_problems_are_warnings_and_the_entry_is_dropped(
    api: Api, entry: dict[str, Any] | None, code: int, field: str
) -> None:
    """D-PHONE-EMAIL: 10009/10012/10016 drop the e-mail entry; the customer is saved."""
    created = api.create({"customer": person(emails=[entry, email("ok@example.com")], phoneNumbers=[])})
    assert warning_fields(created, code) == [field]
    assert 10014 not in warning_codes(created)
    stored = api.read(created["customerUuid"])["customer"]["emails"]
    assert [e["emailAddress"] for e in stored] == ["ok@example.com"]


def test_no_valid_phone_or_email_left_adds_10013_and_10014(api: Api) -> None:
    """D-PHONE-EMAIL: items were sent but none survives => 10013 / 10014; still 200."""
    created = api.create({"customer": person(phoneNumbers=[phone("555-0147"), None], emails=[email("x@y")])})
    assert warning_codes(created) == [10015, 10010, 10013, 10012, 10014]
    assert warning_fields(created, 10013) == ["customer.phoneNumbers"]
    assert warning_fields(created, 10014) == ["customer.emails"]
    stored = api.read(created["customerUuid"])["customer"]
    assert stored["phoneNumbers"] == []
    assert stored["emails"] == []


@pytest.mark.parametrize(
    "lists", [{}, {"phoneNumbers": None, "emails": None}, {"phoneNumbers": [], "emails": []}]
)
def test_create_without_phone_or_email_list_warns_10007_and_10008(api: Api, lists: dict[str, Any]) -> None:
    """D-LIST-REPLACEMENT: on create an absent, null or empty list gives 10007 / 10008."""
    created = api.create({"customer": person(**lists)})
    assert warning_codes(created) == [10007, 10008]
    assert [w["warningTitle"] for w in created["warnings"]] == ["EMPTY_PHONE_LIST", "EMPTY_EMAIL_LIST"]


def test_missing_phone_item_key_is_400(api: Api) -> None:
    """D-PHONE-EMAIL: the item keys are required by the schema; a missing key is a 400, not a warning."""
    entry = phone("+13105550147")
    del entry["okToText"]
    response = api.create_response({"customer": person(phoneNumbers=[entry])})
    assert response.status_code == 400
    assert any(field and field.startswith("customer.phoneNumbers[0]") for _, _, field in errors(response))


def test_emails_are_stored_as_sent(api: Api) -> None:
    """D-PHONE-EMAIL: e-mail addresses are stored as sent, lower-cased only for matching."""
    created = api.create({"customer": person(emails=[email("Jane.Doe@Example.COM")])})
    assert (
        api.read(created["customerUuid"])["customer"]["emails"][0]["emailAddress"] == "Jane.Doe@Example.COM"
    )


# ---------------------------------------------------------------------------------------- customerKey


def test_duplicate_customer_key_on_plain_create_is_409_and_saves_nothing(api: Api) -> None:
    """D-CUSTOMER-KEY (facts §4.1 rule 2): unique per department on create too; 409 names the field."""
    api.create({"customer": person(customerKey="DMS-1")})
    response = api.create_response(
        {"customer": person("John", "Roe", customerKey="DMS-1"), "vehicles": [{"vin": VIN_A}]}
    )
    assert response.status_code == 409
    assert errors(response) == [(20003, "DUPLICATE_CUSTOMER_KEY", "customer.customerKey")]
    assert api.customers_in() == 1
    assert api.vehicles_in() == 0
    other = api.create({"customer": person(customerKey="DMS-1")}, department=api.world.dept_a2)
    assert other["customerUuid"]


def test_update_taking_another_customers_key_is_409(api: Api) -> None:
    """D-CUSTOMER-KEY: an update taking another customer's key fails; its own key is fine."""
    api.create({"customer": person(customerKey="K1")})
    second = api.create({"customer": person("John", "Roe", customerKey="K2")})["customerUuid"]
    response = api.update_response(second, {"customer": person("John", "Roe", customerKey="K1")})
    assert response.status_code == 409
    assert errors(response) == [(20003, "DUPLICATE_CUSTOMER_KEY", "customer.customerKey")]
    assert api.read(second)["customer"]["customerKey"] == "K2"
    api.update(second, {"customer": person("John", "Roe", customerKey="K2")})
    api.update(second, {"customer": person("John", "Roe")})
    assert api.read(second)["customer"]["customerKey"] == "K2"  # an absent key is kept


def test_create_or_update_that_would_take_a_foreign_key_is_409(api: Api) -> None:
    """D-CUSTOMER-KEY with D-MATCHING: matched record or new record taking another customer's key => 409."""
    api.create({"customer": person("Other", "Person", customerKey="TAKEN")})
    matched = api.upsert(person(phoneNumbers=[phone("+13105550147")]))
    response = api.create_response(
        {
            "customer": person(customerKey="TAKEN", phoneNumbers=[phone("+13105550147")]),
            "searchForDuplicate": True,
        }
    )
    assert response.status_code == 409
    assert api.read(matched)["customer"]["customerKey"] is None
    response = api.create_response(
        {"customer": person("New", "Person", customerKey="TAKEN"), "searchForDuplicate": True}
    )
    assert response.status_code == 409
    assert api.customers_in() == 2


# ---------------------------------------------------------------------------------------- update (C2)


def test_update_replaces_phones_and_emails_and_warns_when_none_remain(api: Api) -> None:
    """D-LIST-REPLACEMENT: phones/e-mails replaced in full; absent/null/[] deletes all with 10005/10006."""
    uuid = api.create(
        {
            "customer": person(
                phoneNumbers=[phone("+13105550147")], emails=[email("a@example.com"), email("b@example.com")]
            )
        }
    )["customerUuid"]
    updated = api.update(
        uuid, {"customer": person(phoneNumbers=[phone("+1 310 555 0199")], emails=[email("c@example.com")])}
    )
    assert updated == {"errors": [], "warnings": []}
    stored = api.read(uuid)["customer"]
    assert [p["phoneNumber"] for p in stored["phoneNumbers"]] == ["+13105550199"]
    assert [e["emailAddress"] for e in stored["emails"]] == ["c@example.com"]

    updated = api.update(uuid, {"customer": person(phoneNumbers=None)})
    assert warning_codes(updated) == [10005, 10006]
    assert [w["warningTitle"] for w in updated["warnings"]] == [
        "DELETED_ALL_PHONE_NUMBERS",
        "DELETED_ALL_EMAILS",
    ]
    stored = api.read(uuid)["customer"]
    assert stored["phoneNumbers"] == []
    assert stored["emails"] == []


def test_update_addresses_kept_when_absent_or_null_replaced_when_present(api: Api) -> None:
    """D-LIST-REPLACEMENT: addresses absent/null => kept; [] => deleted; non-empty => replaces."""
    uuid = api.create({"customer": person(addresses=[address(line1="1 Main St")])})["customerUuid"]
    api.update(uuid, {"customer": person()})
    api.update(uuid, {"customer": person(addresses=None)})
    assert [a["line1"] for a in api.read(uuid)["customer"]["addresses"]] == ["1 Main St"]
    api.update(
        uuid, {"customer": person(addresses=[address(line1="2 Oak Ave"), address("BILLING", "B", "3 Elm")])}
    )
    assert [a["line1"] for a in api.read(uuid)["customer"]["addresses"]] == ["2 Oak Ave", "3 Elm"]
    api.update(uuid, {"customer": person(addresses=[])})
    assert api.read(uuid)["customer"]["addresses"] == []


def test_update_upserts_vehicles_by_uuid_vin_then_key_and_never_removes(api: Api) -> None:
    """D-LIST-REPLACEMENT: vehicles matched by vehicleUuid, else VIN, else vehicleKey; none is removed."""
    ymm = {"vehicleYear": "2020", "vehicleMake": "Kia", "vehicleModel": "Rio"}
    uuid = api.create(
        {
            "customer": person(),
            "vehicles": [{"vin": VIN_A, "color": "Red"}, {"vin": VIN_B}, {**ymm, "vehicleKey": "VK-1"}],
        }
    )["customerUuid"]
    first = api.read(uuid)["vehicles"][0]["vehicleUuid"]
    api.update(
        uuid,
        {
            "customer": person(),
            "vehicles": [
                {"vehicleUuid": first, "vin": VIN_A, "color": "Blue"},
                {"vin": VIN_B.lower(), "licensePlate": "7ABC123"},
                {**ymm, "vehicleKey": "VK-1", "isValid": False},
                {"vin": VIN_C},
            ],
        },
    )
    vehicles = api.read(uuid)["vehicles"]
    assert [(v["vin"], v["color"], v["licensePlate"], v["isValid"]) for v in vehicles] == [
        (VIN_A, "Blue", None, True),
        (VIN_B, None, "7ABC123", True),
        (None, None, None, False),
        (VIN_C, None, None, True),
    ]
    assert vehicles[0]["vehicleUuid"] == first
    api.update(uuid, {"customer": person(), "vehicles": []})
    assert len(api.read(uuid)["vehicles"]) == 4
    assert api.vehicles_in() == 4


def test_update_path_uuid_wins_and_search_for_duplicate_is_ignored(api: Api) -> None:
    """updateCustomer: the path's customerUuid wins over the body's; searchForDuplicate has no effect."""
    first = api.create({"customer": person(phoneNumbers=[phone("+13105550147")])})["customerUuid"]
    second = api.create({"customer": person("John", "Roe")})["customerUuid"]
    api.update(
        second,
        {
            "customer": person(customerUuid=first, phoneNumbers=[phone("+13105550147")]),
            "searchForDuplicate": True,
        },
    )
    assert api.read(second)["customer"]["firstName"] == "Jane"
    assert api.read(first)["customer"]["phoneNumbers"][0]["phoneNumber"] == "+13105550147"
    assert api.customers_in() == 2


def test_update_of_unknown_or_foreign_customer_is_404(api: Api) -> None:
    """D-STATUS: another department's customer and an unknown id get the same 404 CUSTOMER_NOT_FOUND."""
    in_a2 = api.create({"customer": person()}, department=api.world.dept_a2)["customerUuid"]
    in_b1 = api.as_user("dealer_b").create({"customer": person()}, department=api.world.dept_b1)[
        "customerUuid"
    ]
    for target in (in_a2, "00000000-dead-4bad-8bad-000000000000"):
        response = api.update_response(target, {"customer": person("Changed", "Name")})
        assert response.status_code == 404
        assert errors(response) == [(20002, "CUSTOMER_NOT_FOUND", None)]
    response = api.update_response(in_b1, {"customer": person("Changed", "Name")})
    assert response.status_code == 404
    assert (
        api.as_user("dealer_b").update_response(in_b1, {"customer": person()}, api.world.dept_b1).status_code
        == 200
    )


# ---------------------------------------------------------------------------------------- read (C3)


def test_read_exclude_vehicles_omits_the_key(api: Api) -> None:
    """D-READ: excludeVehicles=true omits `vehicles`; false or absent includes it, possibly []."""
    with_vehicle = api.create({"customer": person(), "vehicles": [{"vin": VIN_A}]})["customerUuid"]
    without = api.create({"customer": person("John", "Roe")})["customerUuid"]
    assert "vehicles" not in api.read(with_vehicle, excludeVehicles="true")
    assert [v["vin"] for v in api.read(with_vehicle, excludeVehicles="false")["vehicles"]] == [VIN_A]
    assert api.read(without)["vehicles"] == []


def test_read_returns_everything_that_was_stored(api: Api) -> None:
    """facts §3.1 (CustomerRead, VehicleRead): the read shows the stored attributes and lists."""
    customer = person(
        customerKey="DOM123",
        preferredLocale="fr-ca",
        preferredCommunication="email",
        bestTimeToContact={"startTime": "09:00", "endTime": "17:00"},
        phoneNumbers=[phone("+13105550147", okToText=False)],
        emails=[email("jane@example.com")],
        addresses=[address()],
    )
    vehicle = {
        "vin": VIN_A,
        "vehicleKey": "VK-77",
        "vehicleMake": "Honda",
        "vehicleModel": "Accord",
        "vehicleYear": "2003",
        "vehicleTrim": "EX",
        "vehicleEngine": "2.4L",
        "licensePlate": "7ABC123",
        "color": "Silver",
        "estimatedMileage": "120000",
    }
    uuid = api.create({"customer": customer, "vehicles": [vehicle]})["customerUuid"]
    stored = api.read(uuid)
    read = stored["customer"]
    assert (read["customerKey"], read["preferredLocale"], read["preferredCommunication"]) == (
        "DOM123",
        "fr-ca",
        "email",
    )
    assert read["bestTimeToContact"] == {"startTime": "09:00", "endTime": "17:00"}
    assert read["phoneNumbers"][0]["okToText"] is False
    assert read["isBusiness"] is False
    [car] = stored["vehicles"]
    assert {k: car[k] for k in vehicle} == vehicle
    assert car["isValid"] is True


def test_read_of_another_departments_customer_is_404(api: Api) -> None:
    """D-STATUS / issue item 4: no existence leak across departments or dealers."""
    in_a2 = api.create({"customer": person()}, department=api.world.dept_a2)["customerUuid"]
    response = api.read_response(in_a2)
    assert response.status_code == 404
    assert errors(response) == [(20002, "CUSTOMER_NOT_FOUND", None)]
    assert api.read_response("unknown-customer").status_code == 404
    in_b1 = api.as_user("dealer_b").create({"customer": person()}, department=api.world.dept_b1)[
        "customerUuid"
    ]
    assert api.read_response(in_b1).status_code == 404


# ---------------------------------------------------------------------------------------- matching


def test_same_phone_in_another_format_updates_the_same_customer(api: Api) -> None:
    """D-MATCHING step 1 (E.164 equality) + step 2 (NFKC, case folding, whitespace): one customer."""
    first = api.upsert(person(phoneNumbers=[phone("+1 (310) 555-0147")]))
    second = api.upsert(person("  JANE ", "doe", phoneNumbers=[phone("+1.310.555.0147")]))
    third = api.upsert(
        person("\uff2a\uff41\uff4e\uff45", "DOE", phoneNumbers=[phone("+13105550147")])
    )  # full-width letters (NFKC)
    assert first == second == third
    assert api.customers_in() == 1
    assert (
        api.read(first)["customer"]["firstName"] == "\uff2a\uff41\uff4e\uff45"
    )  # the match was updated with the last input


def test_same_email_in_another_case_matches(api: Api) -> None:
    """D-MATCHING step 1: e-mails compared trimmed and case-insensitively."""
    first = api.upsert(person(emails=[email("Jane.Doe@Example.com")]))
    assert api.upsert(person(emails=[email(" jane.doe@EXAMPLE.COM ")])) == first
    assert api.customers_in() == 1


def test_same_vin_matches_but_not_another_person(api: Api) -> None:
    """D-MATCHING: a shared VIN is a candidate; the name still has to match (step 2)."""
    first = api.upsert(person(), [{"vin": VIN_A}])
    assert api.upsert(person(), [{"vin": f" {VIN_A.lower()} "}]) == first
    other = api.upsert(person("John", "Doe"), [{"vin": VIN_A}])
    assert other != first
    assert api.customers_in() == 2


def test_business_customers_match_on_company(api: Api) -> None:
    """D-MATCHING step 2: business input (isBusiness with company) compares the company only."""
    fleet = {"isBusiness": True, "company": "Acme Fleet", "emails": [email("fleet@acme.example")]}
    first = api.upsert(fleet)
    same = api.upsert({**fleet, "company": "ACME   fleet", "firstName": "Someone", "lastName": "Else"})
    other = api.upsert({**fleet, "company": "Acme Rentals"})
    assert first == same
    assert other != first
    assert api.customers_in() == 2


def test_customer_key_breaks_ties_between_name_matched_candidates(api: Api) -> None:
    """D-MATCHING step 3: the one candidate with the key wins; without a key, the most recently updated."""
    shared = [phone("+13105550147")]
    keyed = api.create({"customer": person(customerKey="K-1", phoneNumbers=shared)})["customerUuid"]
    api.create({"customer": person(customerKey="K-2", phoneNumbers=shared)})
    newest = api.create({"customer": person(phoneNumbers=shared)})["customerUuid"]
    assert api.upsert(person(phoneNumbers=shared)) == newest
    assert api.upsert(person(customerKey="K-1", phoneNumbers=shared)) == keyed
    assert api.customers_in() == 3


def test_step_four_prefers_the_candidate_sharing_a_communication_and_a_vin(api: Api) -> None:
    """D-MATCHING step 4: among name matches, the one sharing both a communication and a VIN wins."""
    older = api.create(
        {"customer": person(phoneNumbers=[phone("+13105550147")]), "vehicles": [{"vin": VIN_A}]}
    )["customerUuid"]
    api.create({"customer": person(phoneNumbers=[phone("+13105550147")])})
    api.create({"customer": person(), "vehicles": [{"vin": VIN_A}]})
    chosen = api.upsert(person(phoneNumbers=[phone("+13105550147")]), [{"vin": VIN_A}])
    assert chosen == older
    assert api.customers_in() == 3


def test_no_communications_and_no_vins_create_a_new_customer_each_time(api: Api) -> None:
    """D-MATCHING step 1: nothing to look up => new customer; customerKey alone never matches."""
    first = api.upsert(person(), [{"vehicleYear": "2020", "vehicleMake": "Kia", "vehicleModel": "Rio"}])
    second = api.upsert(person())
    assert first != second
    assert api.customers_in() == 2


def test_matching_stays_within_the_path_department(api: Api) -> None:
    """D-MATCHING: runs within the path department only."""
    in_a1 = api.upsert(person(phoneNumbers=[phone("+13105550147")]))
    in_a2 = api.upsert(person(phoneNumbers=[phone("+13105550147")]), department=api.world.dept_a2)
    assert in_a1 != in_a2
    assert api.customers_in() == 1
    assert api.customers_in(api.world.dept_a2) == 1


def test_create_or_update_applies_the_update_list_rules_to_the_match(api: Api) -> None:
    """D-LIST-REPLACEMENT: a create-or-update that updates replaces lists like C2 (10006 here)."""
    first = api.upsert(
        person(phoneNumbers=[phone("+13105550147")], emails=[email("a@example.com")]), [{"vin": VIN_A}]
    )
    body = {
        "customer": person(phoneNumbers=[phone("+13105550147")]),
        "vehicles": [{"vin": VIN_B}],
        "searchForDuplicate": True,
    }
    result = api.create(body)
    assert result["customerUuid"] == first
    assert warning_codes(result) == [10006]
    stored = api.read(first)
    assert stored["customer"]["emails"] == []
    assert [v["vin"] for v in stored["vehicles"]] == [VIN_A, VIN_B]


def test_sixteen_parallel_create_or_update_calls_make_one_customer(api: Api, mock_server: MockServer) -> None:
    """Issue item 7: match-then-insert runs under the write lock: 16 parallel upserts give one customer."""
    body = {
        "customer": person(
            "Para", "Llel", phoneNumbers=[phone("+13105550177")], emails=[email("para@example.com")]
        ),
        "vehicles": [{"vin": VIN_C}],
        "searchForDuplicate": True,
    }
    barrier = threading.Barrier(16)
    results: list[str] = []
    failures: list[str] = []
    lock = threading.Lock()

    def worker() -> None:
        with mock_server.client() as http:
            barrier.wait()
            response = http.post(
                f"/customer/v2/department/{api.world.dept_a1}/customer",
                json=body,
                auth=api.world.auth("full"),
            )
        with lock:
            if response.status_code == 200:
                results.append(response.json()["customerUuid"])
            else:
                failures.append(response.text)

    threads = [threading.Thread(target=worker) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert failures == []
    assert len(results) == 16
    assert len(set(results)) == 1
    assert api.customers_in() == 1
    assert api.vehicles_in() == 1


# ---------------------------------------------------------------------------------------- search (C4)


@pytest.fixture
def people(api: Api) -> Api:
    """Three customers in A1 (one with two vehicles, one with none) and a decoy in A2."""
    api.create(
        {
            "customer": person("Jane", "Doe", customerKey="DOM123", phoneNumbers=[phone("+13105550147")]),
            "vehicles": [{"vin": VIN_A}, {"vin": VIN_B}],
        }
    )
    api.create({"customer": person("John", "Doe", emails=[email("john.doe@example.com")])})
    api.create({"customer": {"isBusiness": True, "company": "Janet Fleet"}, "vehicles": [{"vin": VIN_C}]})
    api.create({"customer": person("Jane", "Doe", customerKey="DOM123")}, department=api.world.dept_a2)
    return api


def companies_or_names(result: dict[str, Any]) -> list[str]:
    return [
        m["customer"]["company"] or f"{m['customer']['firstName']} {m['customer']['lastName']}"
        for m in result["matchingCustomers"]
    ]


def test_search_tokens_combine_with_and_or_or(people: Api) -> None:
    """D-SEARCH: whitespace tokens; AND (default) => every token hits; OR => one suffices, most hits first."""
    result = people.search("jane doe")
    assert companies_or_names(result) == ["Jane Doe"]
    assert result["warnings"] == []
    result = people.search("jane doe", queryOperator="OR")
    assert companies_or_names(result)[0] == "Jane Doe"
    assert set(companies_or_names(result)) == {"Jane Doe", "John Doe", "Janet Fleet"}
    assert result["matchingCount"] == 3


def test_search_fields_to_be_searched_restricts_the_fields(people: Api) -> None:
    """D-SEARCH: fieldsToBeSearched (comma-separated) limits where tokens are looked for."""
    assert people.search("dom123", fieldsToBeSearched="customerKey")["matchingCount"] == 1
    result = people.search("jane", fieldsToBeSearched="lname,customerKey")
    assert result["matchingCount"] == 0
    assert warning_codes(result) == [10001]
    assert companies_or_names(people.search("janet", fieldsToBeSearched="company")) == ["Janet Fleet"]
    assert people.search("janet", fieldsToBeSearched="fname,lname")["matchingCount"] == 0


def test_search_by_phone_digits_vin_suffix_and_email(people: Api) -> None:
    """D-SEARCH / facts §4.1 rule 13: 10-digit phone, last 8 VIN characters, e-mail address."""
    assert companies_or_names(people.search("3105550147")) == ["Jane Doe"]
    assert companies_or_names(people.search("(310) 555-0147", queryOperator="AND")) == ["Jane Doe"]
    assert companies_or_names(people.search(VIN_C[-8:].lower(), fieldsToBeSearched="vehicles.vin")) == [
        "Janet Fleet"
    ]
    assert companies_or_names(people.search("JOHN.DOE@example.com")) == ["John Doe"]
    assert companies_or_names(people.search("DOM123 " + VIN_A[-8:] + " 3105550147")) == ["Jane Doe"]


def test_search_order_most_tokens_then_exact_hits_then_recency(people: Api) -> None:
    """D-SEARCH: most tokens hit, then most whole-field hits, then most recently updated."""
    assert companies_or_names(people.search("jane", fieldsToBeSearched="fname,company")) == [
        "Jane Doe",
        "Janet Fleet",
    ]
    result = people.search("doe")
    assert companies_or_names(result) == ["John Doe", "Jane Doe"]  # same hits: John was saved last
    jane = result["matchingCustomers"][1]["customer"]["customerUuid"]
    people.update(jane, {"customer": person(customerKey="DOM123", phoneNumbers=[phone("+13105550147")])})
    assert companies_or_names(people.search("doe")) == ["Jane Doe", "John Doe"]


def test_search_max_results_cuts_after_counting(people: Api) -> None:
    """D-SEARCH: matchingCount counts every match before maxResults cuts the list."""
    result = people.search("doe", maxResults=1)
    assert result["matchingCount"] == 2
    assert len(result["matchingCustomers"]) == 1
    assert result["warnings"] == []


@pytest.mark.parametrize("outside", ["below", "far below", "above", "far above"])
def test_search_max_results_out_of_range_uses_the_maximum_with_10002(people: Api, outside: str) -> None:
    """D-SEARCH / facts §6.2: maxResults outside 1-100 => 100 used, warning 10002."""
    limits = search_limits(load_spec())
    value = {"below": limits.min_results - 1, "far below": -5, "above": limits.max_results + 1,
             "far above": limits.max_results * 10}[outside]  # fmt: skip
    result = people.search("doe", maxResults=value)
    assert warning_codes(result) == [10002]
    assert warning_fields(result, 10002) == ["maxResults"]
    assert len(result["matchingCustomers"]) == 2


def test_search_term_longer_than_the_spec_limit_is_cut_with_10003(people: Api) -> None:
    """D-SEARCH: searchTerm over the limit (150) => the first 150 used, warning 10003; 30 is not enforced."""
    length = search_limits(load_spec()).term_length
    term = "doe" + " " * (length - 3) + "zzzzzz"
    result = people.search(term)
    assert warning_codes(result) == [10003]
    assert result["matchingCount"] == 2  # the cut-off token no longer has to hit
    assert warning_codes(people.search("doe" + " " * 40 + "john")) == []


def test_search_preference_unknown_is_customer_with_10004(people: Api) -> None:
    """D-SEARCH: searchPreference is case-sensitive; anything but customer/vehicle => customer + 10004."""
    for value in ("Vehicle", "CUSTOMER", "owner"):
        result = people.search("doe", searchPreference=value)
        assert warning_codes(result) == [10004]
        assert result["matchingCount"] == 2


def test_search_preference_vehicle_returns_owners_with_the_matching_vehicles(people: Api) -> None:
    """D-SEARCH: vehicle preference => one entry per owner of a matching vehicle, with only those vehicles."""
    by_vin = people.search(VIN_A[-8:], searchPreference="vehicle")
    assert by_vin["warnings"] == []
    [entry] = by_vin["matchingCustomers"]
    assert [v["vin"] for v in entry["vehicles"]] == [VIN_A]
    assert [v["vin"] for v in people.search(VIN_A[-8:])["matchingCustomers"][0]["vehicles"]] == [VIN_A, VIN_B]
    by_name = people.search("doe", searchPreference="vehicle")
    assert companies_or_names(by_name) == ["Jane Doe"]  # John Doe owns no vehicle
    assert len(by_name["matchingCustomers"][0]["vehicles"]) == 2


def test_search_nothing_found_is_200_with_10001(people: Api) -> None:
    """D-SEARCH / facts §6.2: no match => 200, matchingCount 0, empty list, warning 10001."""
    result = people.search("nobody")
    assert result["matchingCount"] == 0
    assert result["matchingCustomers"] == []
    assert warning_codes(result) == [10001]
    assert result["warnings"][0]["warningTitle"] == "NO_CUSTOMER_FOUND"


def test_search_stays_within_the_department(people: Api) -> None:
    """Issue item 4: the A2 decoy never shows in A1, and A1's customers never in A2."""
    assert people.search("dom123")["matchingCount"] == 1
    in_a2 = people.search("jane", department=people.world.dept_a2)
    assert in_a2["matchingCount"] == 1
    assert in_a2["matchingCustomers"][0]["vehicles"] == []


def test_search_blank_term_is_400(people: Api) -> None:
    """D-SEARCH: searchTerm is required; a term of only whitespace has no token and counts as missing."""
    url = f"/customer/v2/department/{people.world.dept_a1}/customer/list"
    response = people.http.get(url, params={"searchTerm": "   "}, auth=people.world.auth("full"))
    assert response.status_code == 400
    assert errors(response) == [(20001, "INVALID_REQUEST_DATA", "searchTerm")]


# ---------------------------------------------------------------------------------------- getCustomer (C5)


def test_get_customer_returns_the_legacy_shape(api: Api) -> None:
    """D-GETCUSTOMER (facts §3.1 C5): customerInfo (fname/lname, communications, vehicles) and addresses."""
    created = api.create(
        {
            "customer": person(
                customerKey="DOM123",
                phoneNumbers=[phone("+13105550147")],
                emails=[email("jane@example.com")],
                addresses=[address("BILLING", "B")],
            ),
            "vehicles": [
                {
                    "vin": VIN_A,
                    "vehicleMake": "Honda",
                    "vehicleModel": "Accord",
                    "vehicleYear": "2003",
                    "vehicleTrim": "EX",
                    "vehicleKey": "VK-77",
                }
            ],
        }
    )
    response = api.get_customer_response(created["customerUuid"], [api.world.dealer_a])
    assert response.status_code == 200, response.text
    body = response.json()
    info = body["customerInfo"]
    assert (info["uuid"], info["id"], info["fname"], info["lname"], info["customerKey"]) == (
        created["customerUuid"],
        int(created["customerId"]),
        "Jane",
        "Doe",
        "DOM123",
    )
    assert [(c["commType"], c["commValue"], c["commLabel"]) for c in info["communications"]] == [
        ("PHONE", "+13105550147", "cell"),
        ("EMAIL", "jane@example.com", "personal"),
    ]
    assert len({c["id"] for c in info["communications"]}) == 2
    [vehicle] = info["vehicles"]
    assert (vehicle["make"], vehicle["model"], vehicle["year"], vehicle["trim"], vehicle["vin"]) == (
        "Honda",
        "Accord",
        "2003",
        "EX",
        VIN_A,
    )
    assert vehicle["uuid"] == api.read(created["customerUuid"])["vehicles"][0]["vehicleUuid"]
    assert body["dealerOrderInfoList"] == []
    assert [(a["type"], a["addressType"], a["line1"]) for a in body["addressListV2"]] == [
        ("BILLING", "B", "1 Main St")
    ]
    [legacy] = body["addressList"]
    assert (legacy["addressType"], legacy["stateCode"], legacy["countryCode"]) == ("B", "CA", "US")
    assert legacy["dealerID"] == info["dealerId"]


def test_get_customer_exclude_order_type_omits_the_order_list(api: Api) -> None:
    """D-GETCUSTOMER: excludeOrderType=true omits dealerOrderInfoList."""
    uuid = api.create({"customer": person()})["customerUuid"]
    response = api.get_customer_response(uuid, [api.world.dealer_a], excludeOrderType="true")
    assert response.status_code == 200
    assert "dealerOrderInfoList" not in response.json()
    assert response.json()["customerInfo"]["uuid"] == uuid


def test_get_customer_only_within_listed_and_granted_dealers(api: Api) -> None:
    """D-SCOPE / D-GETCUSTOMER: dealer not granted => 403; customer of a dealer not listed => 404."""
    in_a = api.create({"customer": person()}, department=api.world.dept_a2)["customerUuid"]
    dealer_b = api.as_user("dealer_b")
    in_b = dealer_b.create({"customer": person()}, department=api.world.dept_b1)["customerUuid"]
    not_listed = dealer_b.get_customer_response(in_a, [api.world.dealer_b])
    assert not_listed.status_code == 404
    assert errors(not_listed) == [(20002, "CUSTOMER_NOT_FOUND", None)]
    not_granted = api.get_customer_response(in_b, [api.world.dealer_a, api.world.dealer_b])
    assert not_granted.status_code == 403
    assert api.get_customer_response(in_b, [api.world.dealer_a]).status_code == 404
    assert api.get_customer_response(in_a, [api.world.dealer_a]).status_code == 200
    assert dealer_b.get_customer_response(in_b, [api.world.dealer_b]).status_code == 200
    assert api.get_customer_response("unknown-customer", [api.world.dealer_a]).status_code == 404


def test_department_only_account_writes_only_its_department(api: Api) -> None:
    """D-SCOPE: a DealerDepartment grant on A1 creates in A1, is refused (403) in A2."""
    limited = api.as_user("department_only")
    assert limited.create_response({"customer": person()}).status_code == 200
    response = limited.create_response({"customer": person()}, department=api.world.dept_a2)
    assert response.status_code == 403
    assert api.customers_in(api.world.dept_a2) == 0


def test_server_assigned_address_values_sent_in_a_request_are_ignored(api: Api) -> None:
    """The readOnly properties of Address (uuid, updateTS) are the server's, whatever a request sends."""
    sent = {**address("PRIMARY", "P"), "uuid": "chosen-by-client", "updateTS": "1999-01-01T00:00:00Z"}
    created = api.create({"customer": person(addresses=[sent])})
    [stored] = api.read(created["customerUuid"])["customer"]["addresses"]
    assert stored["uuid"] != "chosen-by-client"
    assert stored["updateTS"] != "1999-01-01T00:00:00Z"
