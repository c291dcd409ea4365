"""Bodies of the three valid trip scenarios of "update appointment with trip" (A2) from explicit values.

The scenario of an A2 body follows from the trip event (E) and the metadata's ``tripUUID`` (T), facts §4.3
rule 15 and D-TRIP-UUID:

============  ======================  ==========================================================
function      E / T                   effect
============  ======================  ==========================================================
update_trip   event, trip uuid        updates the trip (``eventUUID`` = ``tripUUID`` = the trip uuid)
add_trip      event, no trip uuid     creates a trip for an appointment without one (409 if it has one)
remove_trip   null event, trip uuid   cancels and unlinks the trip (D-DELETE-TRIP-SCENARIO)
============  ======================  ==========================================================

The fourth combination (no event and no trip uuid) is no scenario: the server answers 400
TRIP_EVENT_REQUIRED. These builders cannot produce it: `add_trip` and `update_trip` need an event,
`remove_trip` and `update_trip` a non-blank trip uuid, and each raises `ValidationError` otherwise. They are
pure functions returning `UpdateAppointmentWithTripRequest`; ``client.appointments.update_trip(...)`` and
friends build with them and send. Inputs may be generated models or plain dicts in the API's JSON form.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, time
from typing import Any, Final, Literal, Required, TypedDict, Unpack

from mykaarma_api.models import (
    AppointmentInformationForTripUpdate,
    PickupDeliveryTripEvent,
    TripRequestSource,
    UpdateAppointmentWithTripRequest,
)
from mykaarma_core.rules import is_blank, present_text

from ._exceptions import Problem, ValidationError
from .validation import as_json, from_json

__all__ = ["AppointmentChange", "Scenario", "add_trip", "remove_trip", "scenario", "update_trip"]

Scenario = Literal["update", "create", "delete"]

EVENT_WRAPPER: Final = "updatePickupDeliveryTripEventRequest"
APPOINTMENT_PART: Final = "updateAppointmentForTripRequest"
#: Keys of `updateAppointmentForTripRequest` the builders set themselves.
_OWN_KEYS: Final = frozenset({"appointmentInformation", "pickupDeliveryTripMetadata"})


def scenario(body: UpdateAppointmentWithTripRequest | Mapping[str, Any]) -> Scenario | None:
    """The scenario an A2 body selects, or None for the both-null body the server refuses."""
    data = body.to_dict() if isinstance(body, UpdateAppointmentWithTripRequest) else body
    wrapper = data.get(EVENT_WRAPPER)
    part = data.get(APPOINTMENT_PART)
    event = wrapper.get("pickupDeliveryTripEvent") if isinstance(wrapper, Mapping) else None
    metadata = part.get("pickupDeliveryTripMetadata") if isinstance(part, Mapping) else None
    trip_uuid = metadata.get("tripUUID") if isinstance(metadata, Mapping) else None
    has_trip = present_text(trip_uuid) is not None
    if isinstance(event, Mapping):
        return "update" if has_trip else "create"
    return "delete" if has_trip else None


class AppointmentChange(TypedDict, total=False):
    """The appointment part of every trip scenario (keyword arguments of the builders).

    ``appointment_date``, ``start_time``: the appointment's (dealer-local) date and start, as strings
    (``yyyy-MM-dd``, ``HH:mm:ss``) or `date` / `time`; ``end_time`` is optional (default: the 30-minute
    slot, D-END-TIME). ``requester_user_uuid`` and ``dealer_department_uuids`` go into the trip wrapper,
    which every scenario needs (D-WRAPPER); ``source`` (e.g. ``WEB``) too. ``transport_option_uuid`` sets
    the appointment's transport option. ``appointment`` holds further ``appointmentInformation`` fields
    (``comments``, ``userUuid``, ...; the date and times given here win); ``extra`` further
    ``updateAppointmentForTripRequest`` fields in JSON form (``serviceList``, ``vehicleInformation``,
    ``customerAppointmentPreference``, ``updatedByUserDetails``).
    """

    appointment_date: Required[str | date]
    start_time: Required[str | time]
    requester_user_uuid: Required[str]
    dealer_department_uuids: Required[Sequence[str]]
    end_time: str | time | None
    source: TripRequestSource | str | None
    transport_option_uuid: str | None
    appointment: AppointmentInformationForTripUpdate | Mapping[str, Any] | None
    extra: Mapping[str, Any] | None


def update_trip(
    *, trip_uuid: str, event: PickupDeliveryTripEvent | Mapping[str, Any], **change: Unpack[AppointmentChange]
) -> UpdateAppointmentWithTripRequest:
    """Update scenario: change trip `trip_uuid` (the event's ``eventUUID`` is set to it) and appointment."""
    uuid = _trip_uuid(trip_uuid)
    event_json = _event(event)
    sent = event_json.get("eventUUID")
    if sent is not None and sent != uuid:
        message = f"must equal trip_uuid {uuid!r} (or be left out); got {sent!r} (D-TRIP-UUID)"
        raise ValidationError([Problem("event.eventUUID", message, "trip-update-uuids-agree")])
    event_json["eventUUID"] = uuid
    return _body(event_json, uuid, change)


def add_trip(
    *, event: PickupDeliveryTripEvent | Mapping[str, Any], **change: Unpack[AppointmentChange]
) -> UpdateAppointmentWithTripRequest:
    """Create-trip scenario: give an appointment without a trip the trip `event` (without ``eventUUID``).

    The server answers 409 TRIP_ALREADY_EXISTS when the appointment already has a trip.
    """
    event_json = _event(event)
    if event_json.get("eventUUID") is not None:
        message = "must be left out: add_trip creates a new trip (use update_trip to change an existing one)"
        raise ValidationError([Problem("event.eventUUID", message, "trip-create-without-uuid")])
    event_json.pop("eventUUID", None)
    return _body(event_json, None, change)


def remove_trip(*, trip_uuid: str, **change: Unpack[AppointmentChange]) -> UpdateAppointmentWithTripRequest:
    """Delete-trip scenario: cancel trip `trip_uuid` and unlink it; the appointment stays and is updated.

    The appointment's transport option is cleared unless ``transport_option_uuid`` is given
    (D-DELETE-TRIP-SCENARIO).
    """
    return _body(None, _trip_uuid(trip_uuid), change)


def _trip_uuid(value: object) -> str:
    if not isinstance(value, str) or is_blank(value):
        message = f"must be the uuid of the trip (a non-blank string); got {value!r}"
        raise ValidationError([Problem("trip_uuid", message, "trip-uuid-required")])
    return value


def _event(event: PickupDeliveryTripEvent | Mapping[str, Any] | None) -> dict[str, Any]:
    if event is None:
        message = "is required: without an event the request selects no scenario (TRIP_EVENT_REQUIRED)"
        raise ValidationError([Problem("event", message, "trip-event-required")])
    data = as_json(PickupDeliveryTripEvent, event, "event")
    return data


def _date(value: str | date) -> str:
    return value.isoformat() if isinstance(value, date) else value


def _time(value: str | time) -> str:
    return value.strftime("%H:%M:%S") if isinstance(value, time) else value


def _body(
    event: dict[str, Any] | None, trip_uuid: str | None, change: AppointmentChange
) -> UpdateAppointmentWithTripRequest:
    unknown = sorted(set(change) - set(AppointmentChange.__annotations__))
    if unknown:
        raise TypeError(f"unexpected keyword argument(s): {', '.join(unknown)}")
    wrapper: dict[str, Any] = {
        "requesterUserUUID": change["requester_user_uuid"],
        "dealerDepartmentUUIDList": list(change["dealer_department_uuids"]),
        "pickupDeliveryTripEvent": event,
    }
    source = change.get("source")
    if source is not None:
        wrapper["source"] = str(source)
    appointment = change.get("appointment")
    info = (
        {}
        if appointment is None
        else as_json(AppointmentInformationForTripUpdate, appointment, "appointment")
    )
    info["appointmentDate"] = _date(change["appointment_date"])
    info["appointmentStartTime"] = _time(change["start_time"])
    end_time = change.get("end_time")
    if end_time is not None:
        info["appointmentEndTime"] = _time(end_time)
    metadata: dict[str, Any] = {}
    if trip_uuid is not None:
        metadata["tripUUID"] = trip_uuid
    transport_option_uuid = change.get("transport_option_uuid")
    if transport_option_uuid is not None:
        metadata["subTransportOptionRequest"] = {"transportOptionUuid": transport_option_uuid}
    part: dict[str, Any] = dict(change.get("extra") or {})
    clashing = sorted(_OWN_KEYS & part.keys())
    if clashing:
        problems = [
            Problem(f"extra.{key}", "is set by the arguments of this function", "trip-builder-extra")
            for key in clashing
        ]
        raise ValidationError(problems)
    part["appointmentInformation"] = info
    part["pickupDeliveryTripMetadata"] = metadata
    return from_json(UpdateAppointmentWithTripRequest, {EVENT_WRAPPER: wrapper, APPOINTMENT_PART: part})
