"""`client.customers` through `MyKaarma` and `AsyncMyKaarma` against the real mock over HTTP.

Every test runs twice, on the sync and on the async client (fixture ``api``), with the session's mock server
emptied first (fixture ``server``), account ``full`` of the test world. `ClientUnderTest` gives both clients
one synchronous surface (async calls run on a private event loop) and sees every request sent: it counts
them and can put an ``X-Mock-Fault`` header on the next ones. The helpers here are shared with
``test_client_appointments.py`` and ``test_client_faults.py``.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Literal

import httpx
import pytest

from mykaarma import (
    AsyncMyKaarma,
    BadRequestError,
    ConflictError,
    MyKaarma,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from mykaarma.resources import FindOrCreateResult
from mykaarma.types import CustomerInput, Phone, SaveCustomerResponse, SearchField, VehicleInput
from mykaarma_api.types import UNSET
from tests.integration.mock_server import MockServer, TestWorld

Kind = Literal["sync", "async"]
KINDS: tuple[Kind, ...] = ("sync", "async")
PHONE = "+13105550147"
OTHER_PHONE = "+12135550100"
VIN = "1HGCM82633A004352"  # a valid VIN (the spec examples')
OTHER_VIN = "2T1BURHE0FC123456"


class _Blocking:
    """Attribute access on a client or resource; coroutine methods run to completion on `loop`."""

    def __init__(self, target: Any, loop: asyncio.AbstractEventLoop | None) -> None:
        self._target = target
        self._loop = loop

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._target, name)
        loop = self._loop
        if loop is None or not inspect.iscoroutinefunction(attribute):
            return attribute

        def run(*args: Any, **kwargs: Any) -> Any:
            return loop.run_until_complete(attribute(*args, **kwargs))

        return run


class ClientUnderTest:
    """A `MyKaarma` or `AsyncMyKaarma` on the mock, used synchronously, watching its requests.

    `requests` lists every request sent (retries included); `fault(*values)` puts an ``X-Mock-Fault``
    header on the next requests, one value each; `sleeps` records the waits between retries (no real
    sleeping).
    """

    def __init__(
        self, kind: Kind, base_url: str, world: TestWorld, *, username: str = "full", max_retries: int = 2
    ) -> None:
        self.kind = kind
        self.requests: list[httpx.Request] = []
        self.sleeps: list[float] = []
        self._faults: list[str] = []
        password = world.passwords[username]
        if kind == "sync":
            self._loop: asyncio.AbstractEventLoop | None = None
            self.http: httpx.Client | httpx.AsyncClient = httpx.Client(event_hooks={"request": [self._seen]})
            self.client: MyKaarma | AsyncMyKaarma = MyKaarma(
                username,
                password,
                base_url,
                http_client=self.http,
                max_retries=max_retries,
                _sleep=self.sleeps.append,
            )
        else:
            self._loop = asyncio.new_event_loop()

            async def seen(request: httpx.Request) -> None:
                self._seen(request)

            async def sleep(seconds: float) -> None:
                self.sleeps.append(seconds)

            self.http = httpx.AsyncClient(event_hooks={"request": [seen]})
            self.client = AsyncMyKaarma(
                username, password, base_url, http_client=self.http, max_retries=max_retries, _sleep=sleep
            )

    def _seen(self, request: httpx.Request) -> None:
        if self._faults:
            request.headers["X-Mock-Fault"] = self._faults.pop(0)
        self.requests.append(request)

    def fault(self, *values: str) -> None:
        self._faults.extend(values)

    @property
    def customers(self) -> Any:
        return _Blocking(self.client.customers, self._loop)

    @property
    def appointments(self) -> Any:
        return _Blocking(self.client.appointments, self._loop)

    @property
    def raw_customers(self) -> Any:
        """``client.customers.with_raw_response``, used synchronously."""
        return _Blocking(self.client.customers.with_raw_response, self._loop)

    @property
    def raw_appointments(self) -> Any:
        """``client.appointments.with_raw_response``, used synchronously."""
        return _Blocking(self.client.appointments.with_raw_response, self._loop)

    def count(self, method: str | None = None) -> int:
        return sum(1 for request in self.requests if method is None or request.method == method)

    def close(self) -> None:
        if isinstance(self.client, MyKaarma):
            self.client.close()
            assert isinstance(self.http, httpx.Client)
            self.http.close()
            return
        assert self._loop is not None
        assert isinstance(self.http, httpx.AsyncClient)
        self._loop.run_until_complete(self.client.aclose())
        self._loop.run_until_complete(self.http.aclose())
        self._loop.close()


@contextmanager
def client_under_test(
    kind: Kind, server: MockServer, world: TestWorld, **options: Any
) -> Iterator[ClientUnderTest]:
    api = ClientUnderTest(kind, server.base_url, world, **options)
    try:
        yield api
    finally:
        api.close()


def phone(number: str | None = PHONE, label: str = "cell") -> dict[str, Any]:
    return {"phoneNumber": number, "label": label, "okToCall": True, "okToText": True, "isPreferred": True}


def email(address: str, label: str = "personal") -> dict[str, Any]:
    return {"emailAddress": address, "label": label, "okToEmail": True, "isPreferred": True}


def person(first: str = "Jane", last: str = "Doe", **extra: Any) -> dict[str, Any]:
    return {"firstName": first, "lastName": last, **extra}


def customers_in(server: MockServer, department: str) -> int:
    count: int = server.stats()["departments"].get(department, {}).get("customers", 0)
    return count


@pytest.fixture(params=KINDS)
def api(request: pytest.FixtureRequest, server: MockServer, world: TestWorld) -> Iterator[ClientUnderTest]:
    with client_under_test(request.param, server, world) as client:
        yield client


# -- create, read, update ------------------------------------------------------------------------------------


def test_create_then_get_returns_what_was_stored(api: ClientUnderTest, world: TestWorld) -> None:
    saved = api.customers.create(
        world.dept_a1,
        person(
            customerKey="DMS-1", phoneNumbers=[phone("(310) 555-0147")], emails=[email("Jane@Example.com")]
        ),
        vehicles=[{"vin": VIN, "vehicleMake": "Honda"}],
    )
    assert isinstance(saved, SaveCustomerResponse)
    assert saved.errors == []

    read = api.customers.get(world.dept_a1, saved.customer_uuid)
    customer = read.customer_with_vehicles.customer
    assert (customer.first_name, customer.last_name, customer.customer_key) == ("Jane", "Doe", "DMS-1")
    assert [p.phone_number for p in customer.phone_numbers] == [PHONE]  # normalised to E.164 before sending
    assert [e.email_address for e in customer.emails] == ["Jane@Example.com"]
    assert [v.vin for v in read.customer_with_vehicles.vehicles] == [VIN]
    assert customer.customer_id == saved.customer_id

    without = api.customers.get(world.dept_a1, saved.customer_uuid, exclude_vehicles=True)
    assert without.customer_with_vehicles.vehicles is UNSET


def test_models_and_dicts_are_both_accepted(api: ClientUnderTest, world: TestWorld) -> None:
    customer = CustomerInput(
        first_name="Ann",
        last_name="Lee",
        phone_numbers=[
            Phone(
                phone_number="213 555 0100",
                label="home",
                ok_to_call=True,
                ok_to_text=False,
                is_preferred=True,
            )
        ],
    )
    saved = api.customers.create(world.dept_a1, customer, vehicles=[VehicleInput(vin=OTHER_VIN)])
    read = api.customers.get(world.dept_a1, saved.customer_uuid).customer_with_vehicles
    assert [p.phone_number for p in read.customer.phone_numbers] == [OTHER_PHONE]
    assert [v.vin for v in read.vehicles] == [OTHER_VIN]


def test_plain_create_twice_stores_two_customers(
    api: ClientUnderTest, server: MockServer, world: TestWorld
) -> None:
    first = api.customers.create(world.dept_a1, person(phoneNumbers=[phone()]))
    second = api.customers.create(world.dept_a1, person(phoneNumbers=[phone()]))
    assert first.customer_uuid != second.customer_uuid
    assert customers_in(server, world.dept_a1) == 2


def test_create_or_update_twice_is_the_same_customer(
    api: ClientUnderTest, server: MockServer, world: TestWorld
) -> None:
    first = api.customers.create_or_update(
        world.dept_a1, person(phoneNumbers=[phone()]), vehicles=[{"vin": VIN}]
    )
    second = api.customers.create_or_update(
        world.dept_a1, person(phoneNumbers=[phone("310.555.0147")], emails=[email("jane@example.com")])
    )
    assert second.customer_uuid == first.customer_uuid
    assert customers_in(server, world.dept_a1) == 1
    stored = api.customers.get(world.dept_a1, first.customer_uuid).customer_with_vehicles
    # the second call updated the customer of the first
    assert [e.email_address for e in stored.customer.emails] == ["jane@example.com"]


def test_update_replaces_lists_and_keeps_vehicles(api: ClientUnderTest, world: TestWorld) -> None:
    saved = api.customers.create(world.dept_a1, person(phoneNumbers=[phone()]), vehicles=[{"vin": VIN}])
    result = api.customers.update(
        world.dept_a1,
        saved.customer_uuid,
        person(last="Roe", phoneNumbers=[phone(OTHER_PHONE)]),
        vehicles=[{"vin": OTHER_VIN}],
    )
    assert result.errors == []
    # no e-mails sent: all deleted, with warning 10006 (D-LIST-REPLACEMENT)
    assert [w.warning_code for w in result.warnings] == [10006]
    read = api.customers.get(world.dept_a1, saved.customer_uuid).customer_with_vehicles
    assert read.customer.last_name == "Roe"
    assert [p.phone_number for p in read.customer.phone_numbers] == [OTHER_PHONE]
    assert sorted(v.vin for v in read.vehicles) == sorted([VIN, OTHER_VIN])


def test_get_and_update_of_an_unknown_customer_are_404(api: ClientUnderTest, world: TestWorld) -> None:
    with pytest.raises(NotFoundError) as caught:
        api.customers.get(world.dept_a1, "no-such-customer")
    assert caught.value.status == 404
    assert caught.value.has_error("CUSTOMER_NOT_FOUND")
    with pytest.raises(NotFoundError):
        api.customers.update(world.dept_a1, "no-such-customer", person())
    assert api.count() == 2  # a 404 is not retried


def test_duplicate_customer_key_is_a_conflict(
    api: ClientUnderTest, server: MockServer, world: TestWorld
) -> None:
    api.customers.create(world.dept_a1, person(customerKey="DMS-7"))
    with pytest.raises(ConflictError) as caught:
        api.customers.create(world.dept_a1, person(first="John", customerKey="DMS-7"))
    assert caught.value.has_error("DUPLICATE_CUSTOMER_KEY")
    assert caught.value.errors[0]["field"] == "customer.customerKey"
    assert customers_in(server, world.dept_a1) == 1
    assert api.count() == 2  # a business-rule 409 is not retried


def test_search_by_name_phone_and_vin(api: ClientUnderTest, world: TestWorld) -> None:
    jane = api.customers.create(world.dept_a1, person(phoneNumbers=[phone()]), vehicles=[{"vin": VIN}])
    api.customers.create(world.dept_a1, person("John", "Smith", phoneNumbers=[phone(OTHER_PHONE)]))

    both = api.customers.search(world.dept_a1, "Doe Smith", query_operator="OR")
    assert both.matching_count == 2
    only = api.customers.search(world.dept_a1, "3105550147", fields=["communications.commValue"])
    assert [item.customer.customer_uuid for item in only.matching_customers] == [jane.customer_uuid]
    by_vin = api.customers.search(world.dept_a1, VIN[-8:], fields=[SearchField.VEHICLES_VIN], max_results=5)
    assert [item.customer.customer_uuid for item in by_vin.matching_customers] == [jane.customer_uuid]
    nothing = api.customers.search(world.dept_a1, "Nobody")
    assert nothing.matching_count == 0
    assert [w.warning_code for w in nothing.warnings] == [10001]


def test_search_arguments_are_checked_before_sending(api: ClientUnderTest, world: TestWorld) -> None:
    with pytest.raises(ValidationError) as caught:
        api.customers.search(world.dept_a1, "  ", fields=["firstName"], query_operator="and")
    assert {p.path for p in caught.value.problems} == {"searchTerm", "fieldsToBeSearched[0]", "queryOperator"}
    assert api.count() == 0


def test_get_info_returns_the_legacy_shape(api: ClientUnderTest, world: TestWorld) -> None:
    saved = api.customers.create(world.dept_a1, person(phoneNumbers=[phone()]))
    advisor = world.associates[world.dealer_a][0]
    info = api.customers.get_info(
        saved.customer_uuid, requester_user_uuid=advisor, dealer_uuids=[world.dealer_a]
    )
    assert (info.customer_info.fname, info.customer_info.lname) == ("Jane", "Doe")
    assert info.dealer_order_info_list is not UNSET
    short = api.customers.get_info(
        saved.customer_uuid,
        requester_user_uuid=advisor,
        dealer_uuids=[world.dealer_a],
        exclude_order_type=True,
    )
    assert short.dealer_order_info_list is UNSET
    with pytest.raises(ValidationError) as caught:
        api.customers.get_info(saved.customer_uuid, requester_user_uuid=advisor, dealer_uuids=[])
    assert caught.value.problems[0].path == "dealerUUIDList"


def test_another_dealers_department_is_refused_by_scope(api: ClientUnderTest, world: TestWorld) -> None:
    with pytest.raises(PermissionDeniedError):
        api.customers.create(world.dept_b1, person())


# -- validation ----------------------------------------------------------------------------------------------


def test_invalid_body_raises_every_problem_without_a_request(
    api: ClientUnderTest, server: MockServer, world: TestWorld
) -> None:
    with pytest.raises(ValidationError) as caught:
        api.customers.create_or_update(
            world.dept_a1,
            {"firstName": "Jane", "preferredLocale": "EN", "phoneNumbers": [phone("555-01")]},
            vehicles=[{"vehicleMake": "Honda"}],
        )
    assert {(p.path, p.rule_id) for p in caught.value.problems} == {
        ("customer.lastName", "customer-person-name"),
        ("customer.firstName", "customer-person-name"),
        ("customer.preferredLocale", "schema.enum"),
        ("customer.phoneNumbers[0].phoneNumber", "phone-number-invalid"),
        ("vehicles[0].vin", "vehicle-identity"),
    }
    assert api.count() == 0
    assert customers_in(server, world.dept_a1) == 0


def test_validate_false_lets_the_server_decide(api: ClientUnderTest, world: TestWorld) -> None:
    saved = api.customers.create(world.dept_a1, person(phoneNumbers=[phone("555-01")]), validate=False)
    assert 10015 in [w.warning_code for w in saved.warnings]  # the server dropped the number with a warning
    with pytest.raises(BadRequestError) as caught:
        api.customers.create(world.dept_a1, {"firstName": "Jane"}, validate=False)
    assert "customer.lastName" in {item["field"] for item in caught.value.errors}


def test_bad_path_ids_are_refused_before_sending(api: ClientUnderTest, world: TestWorld) -> None:
    with pytest.raises(ValidationError) as caught:
        api.customers.get(world.dept_a1, "")
    assert caught.value.problems[0].path == "customer_uuid"
    with pytest.raises(ValidationError):
        api.customers.update("a/b", "c", person(), validate=False)
    assert api.count() == 0


# -- find or create ------------------------------------------------------------------------------------------


def test_find_or_create_creates_when_nobody_matches(
    api: ClientUnderTest, server: MockServer, world: TestWorld
) -> None:
    api.customers.create(world.dept_a1, person("John", "Smith", phoneNumbers=[phone()]))
    api.requests.clear()
    result = api.customers.find_or_create(world.dept_a1, person(phoneNumbers=[phone()]))
    assert isinstance(result, FindOrCreateResult)
    assert result.created is True
    assert result.match.customer is None
    assert result.match.decided_at == "step 2: no candidate has the same name"
    assert result.search_terms == (("3105550147", SearchField.COMMUNICATIONS_COMMVALUE),)
    assert customers_in(server, world.dept_a1) == 2
    assert api.count("GET") == 1  # one search
    assert api.count("POST") == 1  # one plain create


def test_find_or_create_finds_by_vin_and_explains_why(
    api: ClientUnderTest, server: MockServer, world: TestWorld
) -> None:
    existing = api.customers.create(world.dept_a1, person(phoneNumbers=[phone()]), vehicles=[{"vin": VIN}])
    result = api.customers.find_or_create(
        world.dept_a1,
        person(customerKey="DMS-9", phoneNumbers=[phone(OTHER_PHONE)]),
        vehicles=[{"vin": VIN.lower()}],
    )
    assert (result.customer_uuid, result.created) == (existing.customer_uuid, False)
    assert result.match.decided_at == "step 2: exactly one candidate has the same name"
    assert result.match.trace[0].candidates == (existing.customer_uuid,)
    explanation = result.explain()
    assert "step 1 (candidates)" in explanation
    assert f"updated: {existing.customer_uuid}" in explanation
    assert [term for term, _ in result.search_terms] == ["DMS-9", VIN[-8:], "2135550100"]
    assert customers_in(server, world.dept_a1) == 1
    stored = api.customers.get(world.dept_a1, existing.customer_uuid).customer_with_vehicles.customer
    assert stored.customer_key == "DMS-9"  # the match was updated with the input
    # and kept what it had: the stored number stays, the new one is added (nothing the input left out goes)
    assert [p.phone_number for p in stored.phone_numbers] == [phone()["phoneNumber"], OTHER_PHONE]


def test_find_or_create_finds_by_phone_and_picks_by_key(
    api: ClientUnderTest, server: MockServer, world: TestWorld
) -> None:
    api.customers.create(world.dept_a1, person(customerKey="K-1", phoneNumbers=[phone()]))
    second = api.customers.create(world.dept_a1, person(customerKey="K-2", phoneNumbers=[phone()]))
    result = api.customers.find_or_create(
        world.dept_a1, person(customerKey="K-2", phoneNumbers=[phone("(310) 555-0147")])
    )
    assert (result.customer_uuid, result.created) == (second.customer_uuid, False)
    assert result.match.decided_at == "step 3: exactly one candidate has the same customerKey"
    assert customers_in(server, world.dept_a1) == 2


def test_find_or_create_without_phone_email_or_vin_creates(
    api: ClientUnderTest, server: MockServer, world: TestWorld
) -> None:
    api.customers.create(world.dept_a1, person())
    result = api.customers.find_or_create(world.dept_a1, person())
    assert result.created is True
    assert result.match.decided_at == "step 1: the input has no phone, e-mail or VIN"
    assert result.search_terms == ()
    assert customers_in(server, world.dept_a1) == 2


def test_find_or_create_validates_before_searching(api: ClientUnderTest, world: TestWorld) -> None:
    with pytest.raises(ValidationError):
        api.customers.find_or_create(world.dept_a1, {"lastName": "Doe"})
    assert api.count() == 0


# -- async only ----------------------------------------------------------------------------------------------


async def test_async_client_as_a_context_manager(server: MockServer, world: TestWorld) -> None:
    async with AsyncMyKaarma("full", world.passwords["full"], server.base_url) as client:
        first = await client.customers.create_or_update(world.dept_a1, person(phoneNumbers=[phone()]))
        again = await client.customers.create_or_update(world.dept_a1, person(phoneNumbers=[phone()]))
        found = await client.customers.find_or_create(world.dept_a1, person(phoneNumbers=[phone()]))
    assert first.customer_uuid == again.customer_uuid == found.customer_uuid
    assert customers_in(server, world.dept_a1) == 1


def test_sync_client_as_a_context_manager(server: MockServer, world: TestWorld) -> None:
    with MyKaarma("full", world.passwords["full"], server.base_url) as client:
        saved = client.customers.create(world.dept_a1, person())
        read = client.customers.get(world.dept_a1, saved.customer_uuid)
    assert read.customer_with_vehicles.customer.first_name == "Jane"
