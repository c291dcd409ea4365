"""`client.appointments` through `MyKaarma` and `AsyncMyKaarma` against the real mock over HTTP.

Each test runs on the sync and the async client (fixture ``api``, see ``test_client_customers.py``), with
the session's mock server emptied first, account ``full`` on dealer A / department A1 of the test world. The
trip helpers are followed through a whole life cycle, and every state is read back through ``trips()`` and
``get()``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from mykaarma import ConflictError, NotFoundError, ValidationError
from mykaarma.types import (
    DeleteAppointmentWithTripResponse,
    PickupDeliveryTripEvent,
    SaveAppointmentWithTripResponse,
    TripStatus,
)
from tests.integration.mock_server import MockServer, TestWorld
from tests.integration.test_client_customers import KINDS, VIN, ClientUnderTest, client_under_test

WRAPPER = "updatePickupDeliveryTripEventRequest"
APPOINTMENT = "updateAppointmentForTripRequest"


@pytest.fixture(params=KINDS)
def api(request: pytest.FixtureRequest, server: MockServer, world: TestWorld) -> Iterator[ClientUnderTest]:
    with client_under_test(request.param, server, world) as client:
        yield client


@pytest.fixture
def jane(api: ClientUnderTest, world: TestWorld) -> str:
    saved = api.customers.create(
        world.dept_a1, {"firstName": "Jane", "lastName": "Doe"}, vehicles=[{"vin": VIN}]
    )
    api.requests.clear()
    uuid: str = saved.customer_uuid
    return uuid


def advisor(world: TestWorld) -> str:
    return world.associates[world.dealer_a][0]


def event(world: TestWorld, customer: str, **changes: Any) -> dict[str, Any]:
    base = {
        "appointmentTime": "2024-10-26T09:15:00-0700",
        "rideType": "PICKUP_VEHICLE",
        "customerUUID": customer,
        "dealerUUID": world.dealer_a,
        "dealerDepartmentUUID": world.dept_a1,
        "assignedByDealerAssociateUUID": advisor(world),
    }
    base.update(changes)
    return base


def create_body(world: TestWorld, customer: str, **trip_event: Any) -> dict[str, Any]:
    return {
        "savePickupDeliveryTripEventRequest": {
            "pickupDeliveryTripEvent": event(world, customer, **trip_event),
            "requesterUserUUID": advisor(world),
            "dealerDepartmentUUIDList": [world.dept_a1],
        },
        "createAppointmentWithTripRequest": {
            "customerUuid": customer,
            "vehicleInformation": {"vin": VIN},
            "appointmentInformation": {"appointmentStartDateTime": "2024-10-26T10:00:00"},
        },
    }


def change(world: TestWorld, **extra: Any) -> dict[str, Any]:
    """The appointment part of a trip helper call (`mykaarma.trips.AppointmentChange`)."""
    return {
        "appointment_date": "2024-10-27",
        "start_time": "14:00:00",
        "requester_user_uuid": advisor(world),
        "dealer_department_uuids": [world.dept_a1],
        **extra,
    }


def counts(server: MockServer, world: TestWorld) -> tuple[int, int]:
    row = server.stats()["departments"][world.dept_a1]
    return row["appointments"], row["trips"]


def test_trip_life_cycle_through_the_helpers(
    api: ClientUnderTest, server: MockServer, world: TestWorld, jane: str
) -> None:
    created = api.appointments.create_with_trip(world.dealer_a, create_body(world, jane))
    assert isinstance(created, SaveAppointmentWithTripResponse)
    sar, trip = created.appointment_uuid, created.event_uuid
    assert trip
    info = api.appointments.get(world.dept_a1, sar).appointment_info
    assert (info.appointment_start_date_time, info.appointment_end_date_time) == (
        "2024-10-26T10:00:00",
        "2024-10-26T10:29:59",
    )
    [view] = api.appointments.trips(world.dealer_a, sar).trip_view_dtos
    assert (view.event_uuid, view.version, view.trip_status) == (trip, 1, TripStatus.UNASSIGNED)

    # update_trip: the same trip, changed; the appointment moved
    updated = api.appointments.update_trip(
        world.dealer_a,
        sar,
        trip_uuid=trip,
        event=PickupDeliveryTripEvent.from_dict(
            event(world, jane, tripStatus="ASSIGNED", originAddress="2 Elm St")
        ),
        transport_option_uuid="TO-1",
        **change(world, end_time="14:45:00"),
    )
    assert (updated.appointment_uuid, updated.event_uuid) == (sar, trip)
    [view] = api.appointments.trips(world.dealer_a, sar).trip_view_dtos
    assert (view.version, view.trip_status, view.origin_address) == (2, TripStatus.ASSIGNED, "2 Elm St")
    info = api.appointments.get(world.dept_a1, sar).appointment_info
    assert (info.appointment_start_date_time, info.appointment_end_date_time) == (
        "2024-10-27T14:00:00",
        "2024-10-27T14:45:00",
    )
    assert info.transport_option_uuid == "TO-1"

    # remove_trip: the trip is cancelled and unlinked; the appointment stays
    removed = api.appointments.remove_trip(world.dealer_a, sar, trip_uuid=trip, **change(world))
    assert removed.event_uuid is None
    assert api.appointments.trips(world.dealer_a, sar).trip_view_dtos == []
    info = api.appointments.get(world.dept_a1, sar).appointment_info
    assert not info.trip_uuid
    assert not info.transport_option_uuid  # cleared with the trip (D-DELETE-TRIP-SCENARIO)

    # add_trip: a new trip for the appointment
    added = api.appointments.add_trip(
        world.dealer_a, sar, event=event(world, jane, rideType="DROPOFF_VEHICLE"), **change(world)
    )
    new_trip = added.event_uuid
    assert new_trip
    assert new_trip != trip
    [view] = api.appointments.trips(world.dealer_a, sar).trip_view_dtos
    assert (view.event_uuid, view.version) == (new_trip, 1)
    assert api.appointments.get(world.dept_a1, sar).appointment_info.trip_uuid == new_trip

    # a second add_trip is a conflict, not retried
    api.requests.clear()
    with pytest.raises(ConflictError) as caught:
        api.appointments.add_trip(world.dealer_a, sar, event=event(world, jane), **change(world))
    assert caught.value.has_error("TRIP_ALREADY_EXISTS")
    assert api.count() == 1

    # delete_with_trip: the appointment is gone, its trip cancelled
    deleted = api.appointments.delete_with_trip(
        world.dealer_a,
        {
            "tripUuid": new_trip,
            "appointmentUuid": sar,
            "dealerDepartmentUUIDList": [world.dept_a1],
            "updatedByDAUUID": advisor(world),
            "updatedByDeptUUID": world.dept_a1,
            "requesterUuid": advisor(world),
        },
    )
    assert isinstance(deleted, DeleteAppointmentWithTripResponse)
    assert (deleted.appointment_uuid, deleted.trip_uuid) == (sar, new_trip)
    with pytest.raises(NotFoundError):
        api.appointments.get(world.dept_a1, sar)
    with pytest.raises(NotFoundError):
        api.appointments.trips(world.dealer_a, sar)
    assert counts(server, world)[0] == 0


def test_update_with_trip_takes_a_plain_body(api: ClientUnderTest, world: TestWorld, jane: str) -> None:
    created = api.appointments.create_with_trip(world.dealer_a, create_body(world, jane))
    body = {
        WRAPPER: {
            "pickupDeliveryTripEvent": event(world, jane, eventUUID=created.event_uuid, tripStatus="DRAFT"),
            "requesterUserUUID": advisor(world),
            "dealerDepartmentUUIDList": [world.dept_a1],
        },
        APPOINTMENT: {
            "appointmentInformation": {
                "appointmentDate": "2024-10-26",
                "appointmentStartTime": "10:00:00",
                "appointmentEndTime": "11:00:00",
            },
            "pickupDeliveryTripMetadata": {"tripUUID": created.event_uuid},
        },
    }
    result = api.appointments.update_with_trip(
        world.dealer_a, created.appointment_uuid, body, enforce_preferences=True
    )
    assert result.event_uuid == created.event_uuid
    info = api.appointments.get(world.dept_a1, created.appointment_uuid).appointment_info
    assert info.appointment_end_date_time == "2024-10-26T10:29:59"  # enforcePreferences ignores the sent end
    assert info.customer_messaging_suppressed is True  # DRAFT (D-DRAFT)


@pytest.mark.parametrize("validate", [True, False])
def test_both_null_update_raises_without_a_request(
    api: ClientUnderTest, server: MockServer, world: TestWorld, jane: str, validate: bool
) -> None:
    created = api.appointments.create_with_trip(world.dealer_a, create_body(world, jane))
    api.requests.clear()
    body = {
        WRAPPER: {
            "pickupDeliveryTripEvent": None,
            "requesterUserUUID": advisor(world),
            "dealerDepartmentUUIDList": [world.dept_a1],
        },
        APPOINTMENT: {
            "appointmentInformation": {"appointmentDate": "2024-10-26", "appointmentStartTime": "10:00:00"},
            "pickupDeliveryTripMetadata": {},
        },
    }
    with pytest.raises(ValidationError) as caught:
        api.appointments.update_with_trip(world.dealer_a, created.appointment_uuid, body, validate=validate)
    assert {p.rule_id for p in caught.value.problems} == {"trip-scenario-not-both-null"}
    assert api.count() == 0  # nothing was sent
    [view] = api.appointments.trips(world.dealer_a, created.appointment_uuid).trip_view_dtos
    assert view.version == 1


def test_the_helpers_cannot_send_the_both_null_request(api: ClientUnderTest, world: TestWorld) -> None:
    with pytest.raises(ValidationError):
        api.appointments.remove_trip(world.dealer_a, "sar-1", trip_uuid="", **change(world))
    with pytest.raises(ValidationError):
        api.appointments.add_trip(world.dealer_a, "sar-1", event=None, **change(world))
    with pytest.raises(ValidationError):
        api.appointments.update_trip(world.dealer_a, "sar-1", trip_uuid=" ", event={}, **change(world))
    assert api.count() == 0


def test_create_with_trip_is_validated_before_sending(
    api: ClientUnderTest, server: MockServer, world: TestWorld, jane: str
) -> None:
    body = create_body(world, jane, dealerUUID=world.dealer_b, appointmentTime="2024-10-26T09:15:00-07:00")
    body["createAppointmentWithTripRequest"]["appointmentInformation"]["appointmentEndDateTime"] = (
        "2024-10-26T09:00:00"
    )
    with pytest.raises(ValidationError) as caught:
        api.appointments.create_with_trip(world.dealer_a, body)
    event_path = "savePickupDeliveryTripEventRequest.pickupDeliveryTripEvent"
    assert {(p.path, p.rule_id) for p in caught.value.problems} == {
        (f"{event_path}.dealerUUID", "trip-dealer-consistency"),
        (f"{event_path}.appointmentTime", "schema.pattern"),
        (
            "createAppointmentWithTripRequest.appointmentInformation.appointmentEndDateTime",
            "appointment-end-after-start",
        ),
    }
    assert api.count() == 0
    assert counts(server, world) == (0, 0)


def test_replaced_appointment_is_deleted_after_the_create(
    api: ClientUnderTest, server: MockServer, world: TestWorld, jane: str
) -> None:
    first = api.appointments.create_with_trip(world.dealer_a, create_body(world, jane))
    second = api.appointments.create_with_trip(
        world.dealer_a, create_body(world, jane), regular_service_appt_uuid=first.appointment_uuid
    )
    with pytest.raises(NotFoundError):
        api.appointments.get(world.dept_a1, first.appointment_uuid)
    assert api.appointments.get(world.dept_a1, second.appointment_uuid).appointment_info.appointment_uuid == (
        second.appointment_uuid
    )
    with pytest.raises(NotFoundError) as caught:
        api.appointments.create_with_trip(
            world.dealer_a, create_body(world, jane), mobile_service_appt_uuid="gone"
        )
    assert caught.value.has_error("APPOINTMENT_NOT_FOUND")


def test_update_of_an_unknown_appointment_is_404(api: ClientUnderTest, world: TestWorld, jane: str) -> None:
    with pytest.raises(NotFoundError) as caught:
        api.appointments.add_trip(
            world.dealer_a, "no-such-appointment", event=event(world, jane), **change(world)
        )
    assert caught.value.has_error("APPOINTMENT_NOT_FOUND")
    assert api.count() == 1
