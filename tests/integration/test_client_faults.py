"""Retries under injected faults, through `MyKaarma` and `AsyncMyKaarma` against the real mock.

Faults come from the mock (``mykaarma_mock.faults``): per request with the ``X-Mock-Fault`` header, set by
an httpx event hook of the client's own httpx client (`ClientUnderTest.fault`), or drawn at a seeded rate
with ``--faults`` (`start_mock`). ``drop_after_commit`` saves, then closes the connection without a response:
the client cannot tell it from a request that never arrived, which is exactly when a naive retry creates a
duplicate. Stored data is counted with ``/__mock/stats``. Waits between retries are recorded, not slept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from mykaarma import APIConnectionError, InternalServerError, RateLimitError
from tests.integration.conftest import StartMock
from tests.integration.mock_server import MockServer, TestWorld
from tests.integration.test_client_appointments import create_body
from tests.integration.test_client_customers import (
    KINDS,
    PHONE,
    VIN,
    ClientUnderTest,
    Kind,
    client_under_test,
    customers_in,
    person,
    phone,
)


@pytest.fixture(params=KINDS)
def kind(request: pytest.FixtureRequest) -> Kind:
    value: Kind = request.param
    return value


@pytest.fixture
def api(kind: Kind, server: MockServer, world: TestWorld) -> Iterator[ClientUnderTest]:
    with client_under_test(kind, server, world) as client:
        yield client


def jane() -> dict[str, Any]:
    return person(phoneNumbers=[phone()])


# -- connection dropped after the server committed -----------------------------------------------------------


def test_create_or_update_retry_after_a_dropped_answer_makes_no_duplicate(
    api: ClientUnderTest, server: MockServer, world: TestWorld
) -> None:
    api.fault("drop_after_commit")
    saved = api.customers.create_or_update(world.dept_a1, jane(), vehicles=[{"vin": VIN}])
    assert api.count() == 2  # the dropped attempt and one retry
    assert len(api.sleeps) == 1
    assert customers_in(server, world.dept_a1) == 1
    stored = api.customers.search(world.dept_a1, PHONE[-10:]).matching_customers
    assert [item.customer.customer_uuid for item in stored] == [saved.customer_uuid]


def test_plain_create_is_not_retried_after_a_dropped_answer(
    api: ClientUnderTest, server: MockServer, world: TestWorld
) -> None:
    api.fault("drop_after_commit")
    with pytest.raises(APIConnectionError) as caught:
        api.customers.create(world.dept_a1, jane())
    assert caught.value.may_have_reached_server is True
    assert caught.value.retries == 0
    assert "not idempotent" in str(caught.value)
    assert api.count() == 1
    assert api.sleeps == []
    assert customers_in(server, world.dept_a1) == 1  # saved once; the caller must look before repeating


def test_plain_create_dropped_before_commit_is_not_retried_either(
    api: ClientUnderTest, server: MockServer, world: TestWorld
) -> None:
    api.fault("drop_before_commit")
    with pytest.raises(APIConnectionError) as caught:
        api.customers.create(world.dept_a1, jane())
    assert caught.value.may_have_reached_server is True  # indistinguishable from a drop after the commit
    assert api.count() == 1
    assert customers_in(server, world.dept_a1) == 0


def test_appointment_create_is_not_retried_after_a_dropped_answer(
    api: ClientUnderTest, server: MockServer, world: TestWorld
) -> None:
    customer = api.customers.create(world.dept_a1, person(), vehicles=[{"vin": VIN}]).customer_uuid
    api.requests.clear()
    api.fault("drop_after_commit")
    with pytest.raises(APIConnectionError) as caught:
        api.appointments.create_with_trip(world.dealer_a, create_body(world, customer))
    assert caught.value.may_have_reached_server is True
    assert api.count() == 1
    assert server.stats()["departments"][world.dept_a1]["appointments"] == 1


def test_update_retry_after_a_dropped_answer(
    api: ClientUnderTest, server: MockServer, world: TestWorld
) -> None:
    saved = api.customers.create(world.dept_a1, jane())
    api.requests.clear()
    api.fault("drop_after_commit")
    api.customers.update(world.dept_a1, saved.customer_uuid, person(last="Roe", phoneNumbers=[phone()]))
    assert api.count() == 2
    read = api.customers.get(world.dept_a1, saved.customer_uuid).customer_with_vehicles.customer
    assert read.last_name == "Roe"
    assert customers_in(server, world.dept_a1) == 1


def test_add_trip_is_not_retried_after_a_dropped_answer(
    api: ClientUnderTest, server: MockServer, world: TestWorld
) -> None:
    """Adding a trip creates one: a lost answer is reported, not retried, and exactly one trip exists."""
    customer = api.customers.create(world.dept_a1, person(), vehicles=[{"vin": VIN}]).customer_uuid
    created = api.appointments.create_with_trip(world.dealer_a, create_body(world, customer))
    advisor = world.associates[world.dealer_a][0]
    common = {
        "appointment_date": "2024-10-27",
        "start_time": "14:00:00",
        "requester_user_uuid": advisor,
        "dealer_department_uuids": [world.dept_a1],
    }
    sar = created.appointment_uuid
    api.appointments.remove_trip(world.dealer_a, sar, trip_uuid=created.event_uuid, **common)
    trip_event = create_body(world, customer)["savePickupDeliveryTripEventRequest"]["pickupDeliveryTripEvent"]
    api.requests.clear()
    api.fault("drop_after_commit")
    with pytest.raises(APIConnectionError) as caught:
        api.appointments.add_trip(world.dealer_a, sar, event=trip_event, **common)
    assert caught.value.may_have_reached_server is True
    assert api.count() == 1
    [view] = api.appointments.trips(world.dealer_a, sar).trip_view_dtos
    assert view.event_uuid != created.event_uuid
    assert server.stats()["departments"][world.dept_a1]["trips"] == 1  # live trips: only the new one


# -- 503 and 429 with Retry-After ----------------------------------------------------------------------------


IDEMPOTENT_CALLS: dict[str, Callable[[ClientUnderTest, TestWorld, str], Any]] = {
    "create_or_update": lambda api, world, uuid: api.customers.create_or_update(world.dept_a1, jane()),
    "update": lambda api, world, uuid: api.customers.update(world.dept_a1, uuid, jane()),
    "get": lambda api, world, uuid: api.customers.get(world.dept_a1, uuid),
    "search": lambda api, world, uuid: api.customers.search(world.dept_a1, "Doe"),
    "get_info": lambda api, world, uuid: api.customers.get_info(
        uuid, requester_user_uuid=world.associates[world.dealer_a][0], dealer_uuids=[world.dealer_a]
    ),
    "find_or_create": lambda api, world, uuid: api.customers.find_or_create(world.dept_a1, jane()),
}


@pytest.mark.parametrize("status", ["503", "429"])
@pytest.mark.parametrize("method", sorted(IDEMPOTENT_CALLS))
def test_idempotent_calls_retry_503_and_429_honouring_retry_after(
    api: ClientUnderTest, server: MockServer, world: TestWorld, method: str, status: str
) -> None:
    uuid = api.customers.create(world.dept_a1, jane()).customer_uuid
    api.requests.clear()
    api.fault(status)
    IDEMPOTENT_CALLS[method](api, world, uuid)
    assert api.count() >= 2
    assert api.requests[1].headers.get("X-Mock-Fault") is None
    assert api.sleeps == [1.0]  # the mock's Retry-After: 1, instead of the backoff
    assert customers_in(server, world.dept_a1) == 1


def test_appointment_reads_retry_503(api: ClientUnderTest, world: TestWorld) -> None:
    customer = api.customers.create(world.dept_a1, person(), vehicles=[{"vin": VIN}]).customer_uuid
    created = api.appointments.create_with_trip(world.dealer_a, create_body(world, customer))
    api.requests.clear()
    api.fault("503", "503")
    trips = api.appointments.trips(world.dealer_a, created.appointment_uuid)
    assert [view.event_uuid for view in trips.trip_view_dtos] == [created.event_uuid]
    assert api.count() == 3
    assert api.sleeps == [1.0, 1.0]


def test_plain_create_does_not_retry_503(api: ClientUnderTest, server: MockServer, world: TestWorld) -> None:
    api.fault("503")
    with pytest.raises(InternalServerError) as caught:
        api.customers.create(world.dept_a1, jane())
    assert caught.value.status == 503
    assert "not idempotent" in str(caught.value)
    assert api.count() == 1
    assert customers_in(server, world.dept_a1) == 0


def test_plain_create_retries_429(api: ClientUnderTest, server: MockServer, world: TestWorld) -> None:
    api.fault("429")
    api.customers.create(world.dept_a1, jane())
    assert api.count() == 2
    assert api.sleeps == [1.0]
    assert customers_in(server, world.dept_a1) == 1


def test_one_retry_budget_per_call_and_per_call_override(
    api: ClientUnderTest, server: MockServer, world: TestWorld
) -> None:
    api.fault("503", "429", "503")
    with pytest.raises(InternalServerError) as caught:
        api.customers.create_or_update(world.dept_a1, jane())  # client default: 2 retries
    assert caught.value.retries == 2
    assert api.count() == 3
    api.requests.clear()
    api.fault("429")
    with pytest.raises(RateLimitError) as limited:
        api.customers.search(world.dept_a1, "Doe", max_retries=0)
    assert limited.value.retry_after == 1.0
    assert api.count() == 1


# -- seeded fault rates (`--faults`) -------------------------------------------------------------------------


def test_create_or_update_under_random_drops_stores_one_customer(
    kind: Kind, start_mock: StartMock, world: TestWorld
) -> None:
    server = start_mock(faults="drop_after_commit=0.5,seed=1")
    with client_under_test(kind, server, world, max_retries=10) as api:
        uuids = {api.customers.create_or_update(world.dept_a1, jane()).customer_uuid for _ in range(8)}
        assert len(uuids) == 1
        assert api.count() > 8  # some answers were dropped and retried
    assert customers_in(server, world.dept_a1) == 1


def test_plain_create_under_random_drops_never_duplicates(
    kind: Kind, start_mock: StartMock, world: TestWorld
) -> None:
    server = start_mock(faults="drop_after_commit=0.5,seed=1")
    calls = 8
    dropped: list[APIConnectionError] = []
    with client_under_test(kind, server, world, max_retries=10) as api:
        for _ in range(calls):
            try:
                api.customers.create(world.dept_a1, jane())
            except APIConnectionError as exc:
                dropped.append(exc)
        assert api.count() == calls  # no retries at all
    assert 0 < len(dropped) < calls
    assert all(exc.may_have_reached_server for exc in dropped)
    assert customers_in(server, world.dept_a1) == calls  # every call stored exactly once
