"""Trip scenario builders (`mykaarma.trips`): the three valid A2 bodies, and no way to build the fourth."""

from __future__ import annotations

import functools
import itertools
from datetime import date, time
from typing import Any

import pytest

from mykaarma._exceptions import ValidationError
from mykaarma.trips import add_trip, remove_trip, scenario, update_trip
from mykaarma.validation import check_update_with_trip, validate_body
from mykaarma_api.models import PickupDeliveryTripEvent, RideType, UpdateAppointmentWithTripRequest

DEALER = "5b4a3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d"
DEPARTMENT = "9f8a6c1e-2b7d-4c1a-9e3f-5d6b7a8c9d01"
ADVISOR = "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d"
TRIP = "4d3c2b1a-0f9e-4d8c-8b7a-6f5e4d3c2b1a"
COMMON: dict[str, Any] = {
    "appointment_date": "2024-10-26",
    "start_time": "10:00:00",
    "requester_user_uuid": ADVISOR,
    "dealer_department_uuids": [DEPARTMENT],
}


def event(**changes: Any) -> dict[str, Any]:
    base = {
        "appointmentTime": "2024-10-26T09:15:00-0700",
        "rideType": "PICKUP_VEHICLE",
        "customerUUID": "c-1",
        "dealerUUID": DEALER,
        "dealerDepartmentUUID": DEPARTMENT,
        "assignedByDealerAssociateUUID": ADVISOR,
    }
    base.update(changes)
    return base


def problems_of(body: UpdateAppointmentWithTripRequest) -> list[Any]:
    return validate_body("UpdateAppointmentWithTripRequest", body.to_dict(), check_update_with_trip(DEALER))


def test_update_trip_builds_the_update_scenario() -> None:
    body = update_trip(trip_uuid=TRIP, event=event(), transport_option_uuid="opt-1", **COMMON)
    data = body.to_dict()
    assert scenario(body) == "update"
    assert data["updatePickupDeliveryTripEventRequest"]["pickupDeliveryTripEvent"]["eventUUID"] == TRIP
    metadata = data["updateAppointmentForTripRequest"]["pickupDeliveryTripMetadata"]
    assert metadata == {"tripUUID": TRIP, "subTransportOptionRequest": {"transportOptionUuid": "opt-1"}}
    assert data["updateAppointmentForTripRequest"]["appointmentInformation"] == {
        "appointmentDate": "2024-10-26",
        "appointmentStartTime": "10:00:00",
    }
    assert problems_of(body) == []


def test_update_trip_accepts_a_matching_event_uuid_and_refuses_another() -> None:
    assert scenario(update_trip(trip_uuid=TRIP, event=event(eventUUID=TRIP), **COMMON)) == "update"
    with pytest.raises(ValidationError) as caught:
        update_trip(trip_uuid=TRIP, event=event(eventUUID="another-trip"), **COMMON)
    assert [(p.path, p.rule_id) for p in caught.value.problems] == [
        ("event.eventUUID", "trip-update-uuids-agree")
    ]


def test_add_trip_builds_the_create_scenario() -> None:
    body = add_trip(event=event(), source="WEB", **COMMON)
    data = body.to_dict()
    assert scenario(body) == "create"
    assert "eventUUID" not in data["updatePickupDeliveryTripEventRequest"]["pickupDeliveryTripEvent"]
    assert data["updatePickupDeliveryTripEventRequest"]["source"] == "WEB"
    assert data["updateAppointmentForTripRequest"]["pickupDeliveryTripMetadata"] == {}
    assert problems_of(body) == []


def test_add_trip_refuses_an_event_of_an_existing_trip() -> None:
    with pytest.raises(ValidationError) as caught:
        add_trip(event=event(eventUUID=TRIP), **COMMON)
    assert caught.value.problems[0].path == "event.eventUUID"


def test_remove_trip_builds_the_delete_scenario() -> None:
    body = remove_trip(trip_uuid=TRIP, **COMMON)
    data = body.to_dict()
    assert scenario(body) == "delete"
    wrapper = data["updatePickupDeliveryTripEventRequest"]
    assert "pickupDeliveryTripEvent" in wrapper  # D-WRAPPER: the wrapper stays, with a null event
    assert wrapper["pickupDeliveryTripEvent"] is None
    assert wrapper["requesterUserUUID"] == ADVISOR
    assert data["updateAppointmentForTripRequest"]["pickupDeliveryTripMetadata"] == {"tripUUID": TRIP}
    assert problems_of(body) == []


@pytest.mark.parametrize("blank", ["", "   ", None, 7])
def test_no_builder_takes_a_missing_trip_uuid(blank: Any) -> None:
    for build in (update_trip, remove_trip):
        kwargs: dict[str, Any] = {"trip_uuid": blank, **COMMON}
        if build is update_trip:
            kwargs["event"] = event()
        with pytest.raises(ValidationError) as caught:
            build(**kwargs)
        assert caught.value.problems[0].path == "trip_uuid"


def test_no_builder_takes_a_missing_event() -> None:
    for build, extra in ((add_trip, {}), (update_trip, {"trip_uuid": TRIP})):
        with pytest.raises(ValidationError) as caught:
            build(event=None, **extra, **COMMON)  # type: ignore[operator]
        assert caught.value.problems[0].path == "event"


def test_the_both_null_body_cannot_come_out_of_any_builder() -> None:
    """Every builder and every way of passing its inputs selects a scenario (or raises)."""
    events: list[Any] = [event(), PickupDeliveryTripEvent.from_dict(event()), None, {}]
    uuids: list[Any] = [TRIP, "", None]
    built = 0
    for trip_event, trip_uuid in itertools.product(events, uuids):
        attempts = [
            functools.partial(add_trip, event=trip_event, **COMMON),
            functools.partial(update_trip, trip_uuid=trip_uuid, event=trip_event, **COMMON),
            functools.partial(remove_trip, trip_uuid=trip_uuid, **COMMON),
        ]
        for attempt in attempts:
            try:
                body = attempt()
            except ValidationError:
                continue
            built += 1
            assert scenario(body) is not None
    assert built > 0


def test_scenario_of_plain_dicts() -> None:
    def body(trip_event: Any, trip_uuid: Any) -> dict[str, Any]:
        return {
            "updatePickupDeliveryTripEventRequest": {"pickupDeliveryTripEvent": trip_event},
            "updateAppointmentForTripRequest": {"pickupDeliveryTripMetadata": {"tripUUID": trip_uuid}},
        }

    assert scenario(body(event(), TRIP)) == "update"
    assert scenario(body(event(), None)) == "create"
    assert scenario(body(None, TRIP)) == "delete"
    assert scenario(body(None, None)) is None
    assert scenario(body(None, "  ")) is None
    assert scenario({}) is None


def test_models_dates_and_times_are_accepted() -> None:
    model = PickupDeliveryTripEvent.from_dict(event())
    body = update_trip(
        trip_uuid=TRIP,
        event=model,
        appointment_date=date(2024, 10, 26),
        start_time=time(10, 0),
        end_time=time(10, 45, 30),
        requester_user_uuid=ADVISOR,
        dealer_department_uuids=(DEPARTMENT,),
        appointment={"comments": "front-left noise", "appointmentDate": "1999-01-01"},
    )
    info = body.to_dict()["updateAppointmentForTripRequest"]["appointmentInformation"]
    assert info == {
        "appointmentDate": "2024-10-26",
        "appointmentStartTime": "10:00:00",
        "appointmentEndTime": "10:45:30",
        "comments": "front-left noise",
    }
    assert model.event_uuid is not TRIP  # the caller's model is not changed
    assert model.ride_type is RideType.PICKUP_VEHICLE


def test_extra_appointment_fields_pass_through_but_cannot_override_the_scenario() -> None:
    services = [
        {"title": "BRAKE-INSP", "operationUuid": "op-1", "operationType": "OPCODE", "isCustomConcern": False}
    ]
    body = remove_trip(trip_uuid=TRIP, extra={"serviceList": services}, **COMMON)
    assert body.to_dict()["updateAppointmentForTripRequest"]["serviceList"] == services
    with pytest.raises(ValidationError) as caught:
        remove_trip(trip_uuid=TRIP, extra={"pickupDeliveryTripMetadata": {}}, **COMMON)
    assert caught.value.problems[0].path == "extra.pickupDeliveryTripMetadata"


def test_an_event_that_does_not_fit_names_its_field() -> None:
    broken = event()
    del broken["rideType"]
    with pytest.raises(ValidationError) as caught:
        add_trip(event=broken, **COMMON)
    paths = {problem.path for problem in caught.value.problems}
    assert "updatePickupDeliveryTripEventRequest.pickupDeliveryTripEvent.rideType" in paths
