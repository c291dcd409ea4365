"""`customers.upsert` and the retries of `create_or_update` against the real mock: nobody lost or duplicated.

Sync and async clients (fixture ``api``), the session's mock emptied first. The fault tests run on their own
mock dropping a share of the answers after the commit (``drop_after_commit``): the case where a blind retry
stores a second customer. Counts come from ``/__mock/stats``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from mykaarma import APIConnectionError, MyKaarma
from mykaarma.identity import PAGE_LIMIT
from tests.integration.conftest import StartMock
from tests.integration.mock_server import MockServer, TestWorld
from tests.integration.test_client_customers import (
    KINDS,
    OTHER_PHONE,
    ClientUnderTest,
    Kind,
    client_under_test,
    customers_in,
    person,
    phone,
)

CALLS = 100
DROPS = "drop_after_commit=0.3,seed=29"


def email(address: str) -> dict[str, Any]:
    return {"emailAddress": address, "label": "home", "okToEmail": True, "isPreferred": True}


def address(line1: str, zip_code: str = "90802") -> dict[str, Any]:
    return {"type": "PRIMARY", "addressType": "P", "line1": line1, "city": "Long Beach", "state": "CA",
            "zip": zip_code, "country": "US"}  # fmt: skip


@pytest.fixture(params=KINDS)
def api(request: pytest.FixtureRequest, server: MockServer, world: TestWorld) -> Iterator[ClientUnderTest]:
    kind: Kind = request.param
    with client_under_test(kind, server, world) as client:
        yield client


def stored_customer(api: ClientUnderTest, world: TestWorld, uuid: str) -> dict[str, Any]:
    found: dict[str, Any] = api.customers.get(world.dept_a1, uuid).customer_with_vehicles.customer.to_dict()
    return found


def test_a_local_part_shared_by_more_than_a_page_is_searched_by_the_whole_address(
    api: ClientUnderTest, server: MockServer, world: TestWorld
) -> None:
    """E-mails are searched by their local part (``info@``); when more customers share it than a page holds,
    the whole address decides, instead of the row being left unmatched."""
    shared = PAGE_LIMIT + 1
    for index in range(shared):
        api.customers.create(
            world.dept_a1, person(first=f"Co{index}", emails=[email(f"info@d{index}.example")])
        )
    result = api.customers.upsert(world.dept_a1, person(first="Ann", emails=[email("info@unique.example")]))
    assert result.action == "created", result.reason
    again = api.customers.upsert(world.dept_a1, person(first="Ann", emails=[email("info@unique.example")]))
    assert (again.action, again.customer_uuid) == ("unchanged", result.customer_uuid)
    assert customers_in(server, world.dept_a1) == shared + 1


def test_upsert_keeps_the_lists_the_body_leaves_out(api: ClientUnderTest, world: TestWorld) -> None:
    jane = person(phoneNumbers=[phone()], emails=[email("j@x.io")])
    first = api.customers.create_or_update(world.dept_a1, jane)
    result = api.customers.upsert(world.dept_a1, person(phoneNumbers=[phone(), phone(OTHER_PHONE)]))
    assert (result.customer_uuid, result.action) == (first.customer_uuid, "updated")
    assert result.kept == {"phoneNumbers": 0, "emails": 1, "addresses": 0}
    stored = stored_customer(api, world, first.customer_uuid)
    assert [item["phoneNumber"] for item in stored["phoneNumbers"]] == [phone()["phoneNumber"], OTHER_PHONE]
    assert [item["emailAddress"] for item in stored["emails"]] == ["j@x.io"]
    assert not any(w["title"] == "DELETED_ALL_EMAILS" for w in result.warnings)
    again = api.customers.upsert(world.dept_a1, person(phoneNumbers=[phone(OTHER_PHONE)]))
    assert (again.customer_uuid, again.action) == (first.customer_uuid, "unchanged")
    assert "phone, e-mail or VIN" in again.explain()


def test_upsert_with_keep_existing_off_replaces_the_lists_and_reports_it(
    api: ClientUnderTest, world: TestWorld
) -> None:
    first = api.customers.create_or_update(
        world.dept_a1, person(phoneNumbers=[phone()], emails=[email("j@x.io")])
    )
    result = api.customers.upsert(world.dept_a1, person(phoneNumbers=[phone()]), keep_existing=False)
    assert result.action == "updated"
    assert result.deleted == {"phoneNumbers": 0, "emails": 1, "addresses": 0}
    assert {w["title"] for w in result.warnings} >= {"DELETED_ALL_EMAILS", "DELETED_STORED_ENTRIES"}
    assert stored_customer(api, world, first.customer_uuid)["emails"] == []


def test_name_and_address_identify_a_customer_without_phone_email_or_vin(
    api: ClientUnderTest, server: MockServer, world: TestWorld
) -> None:
    home = person(addresses=[address("1 Main St")])
    created = api.customers.upsert(world.dept_a1, home)
    assert created.action == "created"
    assert api.customers.upsert(world.dept_a1, home).action == "unchanged"
    assert (
        api.customers.upsert(world.dept_a1, {**home, "customerKey": None}).customer_uuid
        == created.customer_uuid
    )
    elsewhere = api.customers.upsert(world.dept_a1, person(addresses=[address("9 Oak Ave")]))
    assert elsewhere.action == "created"
    assert "POSSIBLE_DUPLICATE" in [w["title"] for w in elsewhere.warnings]
    only_name = api.customers.upsert(world.dept_a1, person())
    assert only_name.action == "unmatched"
    assert "has only a name" in only_name.reason
    assert customers_in(server, world.dept_a1) == 2


def test_what_an_upsert_found_and_wrote_serves_the_next_body_of_the_same_name(
    api: ClientUnderTest, server: MockServer, world: TestWorld
) -> None:
    first = api.customers.upsert(world.dept_a1, person(addresses=[address("1 Main St")]))
    assert first.action == "created"
    assert first.named == ()  # searched by name: no one of that name yet
    assert first.stored is not None
    searches = api.count("GET")
    known = [*first.named, first.stored]
    again = api.customers.upsert(world.dept_a1, person(addresses=[address("1 Main St")]), candidates=[],
                                 named=known)  # fmt: skip
    assert (again.action, again.customer_uuid) == ("unchanged", first.customer_uuid)
    neighbour = api.customers.upsert(world.dept_a1, person(addresses=[address("3 Main St")]), candidates=[],
                                     named=known)  # fmt: skip
    assert neighbour.action == "created"
    assert "POSSIBLE_DUPLICATE" in [w["title"] for w in neighbour.warnings]
    assert api.count("GET") == searches  # neither searched: both decided on what the first one left
    assert customers_in(server, world.dept_a1) == 2


def test_a_customer_key_names_the_same_customer_on_every_upsert(
    api: ClientUnderTest, server: MockServer, world: TestWorld
) -> None:
    keyed = person(customerKey="DMS-77")
    first = api.customers.upsert(world.dept_a1, keyed)
    second = api.customers.upsert(world.dept_a1, {**keyed, "preferredLocale": "fr-ca"})
    assert (first.action, second.action) == ("created", "updated")
    assert second.customer_uuid == first.customer_uuid
    other = api.customers.upsert(world.dept_a1, person(first="Bob", customerKey="DMS-77"))
    assert other.action == "unmatched"
    assert "belongs to customer" in other.reason
    assert customers_in(server, world.dept_a1) == 1


def test_a_search_over_several_fields_sends_them_comma_separated(
    api: ClientUnderTest, world: TestWorld
) -> None:
    """fieldsToBeSearched is style form, explode false: one value, not one parameter per field."""
    api.customers.create_or_update(world.dept_a1, person(phoneNumbers=[phone()]))
    found = api.customers.search(world.dept_a1, "Jane Doe", fields=["fname", "lname"], query_operator="AND")
    assert found.matching_count == 1


# -- retries of writes that may have reached the server --------------------------------------------------


@pytest.fixture
def dropping(start_mock: StartMock, world: TestWorld) -> Iterator[tuple[MyKaarma, MockServer]]:
    server = start_mock(faults=DROPS)
    # reads are dropped too: enough retries that a read never runs out of them (0.3 ** 11 per call)
    with MyKaarma(
        "full", world.passwords["full"], server.base_url, max_retries=10, _sleep=lambda _: None
    ) as client:
        yield client, server


def named(index: int, **customer: Any) -> dict[str, Any]:
    return {"firstName": f"Name{index}", "lastName": "Only", **customer}


def test_create_or_update_without_identifiers_is_never_repeated_blindly(
    dropping: tuple[MyKaarma, MockServer], world: TestWorld
) -> None:
    client, server = dropping
    raised: list[APIConnectionError] = []
    for index in range(CALLS):
        try:
            client.customers.create_or_update(world.dept_a1, named(index))
        except APIConnectionError as error:
            raised.append(error)
    assert raised
    assert all(error.may_have_reached_server for error in raised)
    assert all("check whether it took effect" in str(error) for error in raised)
    assert customers_in(server, world.dept_a1) == CALLS  # each call stored once: no retry stored a second one


def test_a_key_refused_on_a_retry_resolves_to_the_first_attempts_customer(
    dropping: tuple[MyKaarma, MockServer], world: TestWorld
) -> None:
    client, server = dropping
    keyed = (named(index, customerKey=f"K-{index}") for index in range(CALLS))
    uuids = {client.customers.create_or_update(world.dept_a1, body).customer_uuid for body in keyed}
    assert len(uuids) == CALLS
    assert customers_in(server, world.dept_a1) == CALLS
    assert server.stats()["requests"] > CALLS  # answers were dropped after the commit, and retried


def test_upsert_verifies_a_create_that_may_have_reached_the_server(
    dropping: tuple[MyKaarma, MockServer], world: TestWorld
) -> None:
    client, server = dropping
    results = [client.customers.upsert(world.dept_a1, named(index, addresses=[address(f"{index} Main St")]))
               for index in range(CALLS)]  # fmt: skip
    assert {result.action for result in results} == {"created"}
    assert any(result.verified for result in results)
    assert len({result.customer_uuid for result in results}) == CALLS
    assert customers_in(server, world.dept_a1) == CALLS
