"""``with_raw_response`` on every method, sync and async, against the mock: status, headers, the request, the
body, and ``parse()`` giving what the plain call gives."""

from __future__ import annotations

import asyncio
import inspect
import json
from collections.abc import Iterator
from typing import Any

import pytest

from mykaarma import AsyncMyKaarma, MyKaarma
from mykaarma._async.raw_responses import AsyncAppointmentsWithRawResponse, AsyncCustomersWithRawResponse
from mykaarma._raw_response import RawResponse
from mykaarma._sync.raw_responses import AppointmentsWithRawResponse, CustomersWithRawResponse
from mykaarma_api.models import (
    CustomerInfoResponse,
    CustomerSearchResponse,
    CustomerWithVehiclesResponse,
    SaveCustomerResponse,
    UpdateCustomerResponse,
)
from tests.integration.mock_server import MockServer, TestWorld
from tests.integration.test_client_appointments import advisor, change, create_body, event
from tests.integration.test_client_customers import KINDS, VIN, ClientUnderTest, client_under_test


@pytest.fixture(params=KINDS)
def api(request: pytest.FixtureRequest, server: MockServer, world: TestWorld) -> Iterator[ClientUnderTest]:
    with client_under_test(request.param, server, world) as client:
        yield client


def _checked(raw: Any, method: str, path_end: str, result_type: type | None = None) -> Any:
    assert isinstance(raw, RawResponse)
    assert raw.status_code == 200
    assert raw.headers["content-type"].startswith("application/json")
    assert raw.http_request.method == method
    assert raw.http_request.url.path.endswith(path_end)
    assert raw.http_response.status_code == 200
    assert json.loads(raw.content) is not None
    parsed = raw.parse()
    if result_type is not None:
        assert isinstance(parsed, result_type)
    if hasattr(parsed, "warnings"):
        assert raw.warnings == list(parsed.warnings or [])
    shown = repr(raw)
    assert shown.startswith(f"<RawResponse [200] {method} ")
    assert "Authorization" not in shown
    return parsed


def test_every_customer_method(api: ClientUnderTest, world: TestWorld) -> None:
    department = world.dept_a1
    jane = {
        "firstName": "Jane",
        "lastName": "Doe",
        "phoneNumbers": [
            {
                "phoneNumber": "+13105550147",
                "label": "cell",
                "okToCall": True,
                "okToText": True,
                "isPreferred": True,
            }
        ],
    }
    raw = api.raw_customers.create(
        department, {"firstName": "Ann", "lastName": "Lee"}, vehicles=[{"vin": VIN}]
    )
    created = _checked(raw, "POST", "/customer", SaveCustomerResponse)
    assert {w.warning_code for w in raw.warnings} >= {10007, 10008}  # no phones, no e-mails
    assert (
        api.customers.get(department, created.customer_uuid).customer_with_vehicles.customer.first_name
        == "Ann"
    )
    saved = _checked(api.raw_customers.create_or_update(department, jane), "POST", "/customer")
    assert (
        _checked(
            api.raw_customers.get(department, saved.customer_uuid),
            "GET",
            saved.customer_uuid,
            CustomerWithVehiclesResponse,
        ).customer_with_vehicles.customer.last_name
        == "Doe"
    )
    _checked(
        api.raw_customers.update(department, saved.customer_uuid, {**jane, "lastName": "Roe"}),
        "PUT",
        saved.customer_uuid,
        UpdateCustomerResponse,
    )
    found = _checked(api.raw_customers.search(department, "Roe"), "GET", "/list", CustomerSearchResponse)
    assert found.matching_count == 1
    _checked(
        api.raw_customers.get_info(
            saved.customer_uuid, requester_user_uuid=advisor(world), dealer_uuids=[world.dealer_a]
        ),
        "POST",
        saved.customer_uuid,
        CustomerInfoResponse,
    )
    new_email = {
        "emailAddress": "jane@example.com",
        "label": "personal",
        "okToEmail": True,
        "isPreferred": True,
    }
    upserted = api.raw_customers.upsert(department, {**jane, "lastName": "Roe", "emails": [new_email]})
    _checked(upserted, "PUT", saved.customer_uuid)  # the write: an update of the customer it found
    assert len(upserted.exchanges) >= 2  # a lookup, then the write: the last exchange is the write
    assert upserted.exchanges[-1].request.method in ("POST", "PUT")
    assert len({id(exchange) for exchange in upserted.exchanges}) == len(upserted.exchanges)
    newcomer = {
        "firstName": "Noor",
        "lastName": "Haddad",
        "phoneNumbers": [{**jane["phoneNumbers"][0], "phoneNumber": "+12135550111"}],
    }
    raw_found = api.raw_customers.find_or_create(department, newcomer)
    _checked(raw_found, "POST", "/customer")  # nobody matched: the last exchange is the create
    assert {w.warning_code for w in raw_found.warnings} >= {10008}  # the create's own warnings (no e-mails)
    raw_new = api.raw_customers.upsert(
        department,
        {
            **newcomer,
            "firstName": "Lina",
            "phoneNumbers": [{**jane["phoneNumbers"][0], "phoneNumber": "+12135550122"}],
        },
    )
    _checked(raw_new, "POST", "/customer")
    assert raw_new.warnings, "an upsert that creates reports the create's warnings"
    # the plain call gives the same typed result
    plain = api.customers.get(department, saved.customer_uuid)
    via_raw = api.raw_customers.get(department, saved.customer_uuid).parse()
    assert type(plain) is type(via_raw)
    assert plain.to_dict() == via_raw.to_dict()


def test_every_appointment_method(api: ClientUnderTest, world: TestWorld) -> None:
    customer = api.customers.create(
        world.dept_a1, {"firstName": "Jane", "lastName": "Doe"}, vehicles=[{"vin": VIN}]
    ).customer_uuid
    created = _checked(
        api.raw_appointments.create_with_trip(world.dealer_a, create_body(world, customer)),
        "POST",
        "/appointment-trip",
    )
    sar, trip = created.appointment_uuid, created.event_uuid
    _checked(api.raw_appointments.get(world.dept_a1, sar), "GET", sar)
    _checked(api.raw_appointments.trips(world.dealer_a, sar), "PATCH", "/trips")
    moved = event(world, customer, eventUUID=trip, appointmentTime="2024-10-26T09:45:00-0700")
    _checked(
        api.raw_appointments.update_trip(world.dealer_a, sar, trip_uuid=trip, event=moved, **change(world)),
        "POST",
        "/appointment-trip",
    )
    _checked(
        api.raw_appointments.remove_trip(world.dealer_a, sar, trip_uuid=trip, **change(world)),
        "POST",
        "/appointment-trip",
    )
    added = _checked(
        api.raw_appointments.add_trip(world.dealer_a, sar, event=event(world, customer), **change(world)),
        "POST",
        "/appointment-trip",
    )
    body = {
        "updatePickupDeliveryTripEventRequest": {
            "pickupDeliveryTripEvent": event(world, customer, eventUUID=added.event_uuid),
            "requesterUserUUID": advisor(world),
            "dealerDepartmentUUIDList": [world.dept_a1],
        },
        "updateAppointmentForTripRequest": {
            "appointmentInformation": {"appointmentDate": "2024-10-28", "appointmentStartTime": "09:00:00"},
            "pickupDeliveryTripMetadata": {"tripUUID": added.event_uuid},
        },
    }
    _checked(api.raw_appointments.update_with_trip(world.dealer_a, sar, body), "POST", "/appointment-trip")
    _checked(
        api.raw_appointments.delete_with_trip(
            world.dealer_a,
            {
                "tripUuid": added.event_uuid,
                "appointmentUuid": sar,
                "dealerDepartmentUUIDList": [world.dept_a1],
                "updatedByDAUUID": advisor(world),
                "updatedByDeptUUID": world.dept_a1,
                "requesterUuid": advisor(world),
            },
        ),
        "DELETE",
        "/appointment-trip",
    )


def test_a_failure_still_raises_its_error(api: ClientUnderTest, world: TestWorld) -> None:
    from mykaarma import NotFoundError

    with pytest.raises(NotFoundError):
        api.raw_customers.get(world.dept_a1, "no-such-customer")


@pytest.mark.parametrize(
    ("client_class", "resource", "raw"),
    [
        (MyKaarma, "customers", CustomersWithRawResponse),
        (MyKaarma, "appointments", AppointmentsWithRawResponse),
        (AsyncMyKaarma, "customers", AsyncCustomersWithRawResponse),
        (AsyncMyKaarma, "appointments", AsyncAppointmentsWithRawResponse),
    ],
)
def test_with_raw_response_has_every_method_returning_a_raw_response(
    client_class: type, resource: str, raw: type
) -> None:
    client = client_class("u", "p", "http://127.0.0.1:9")
    try:
        target = getattr(client, resource)
        wrapped = target.with_raw_response
        assert isinstance(wrapped, raw)
        methods = {name for name, _ in inspect.getmembers(type(target), inspect.isfunction) if name[0] != "_"}
        assert methods
        assert set(vars(wrapped)) == methods
        for name in methods:
            shown, original = (
                inspect.signature(getattr(wrapped, name)),
                inspect.signature(getattr(target, name)),
            )
            assert shown.parameters == original.parameters, name
            assert shown.return_annotation == f"RawResponse[{original.return_annotation}]", name
    finally:
        if isinstance(client, MyKaarma):
            client.close()
        else:
            asyncio.run(client.aclose())
