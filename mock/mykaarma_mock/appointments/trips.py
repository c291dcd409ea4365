"""Stored trips: the event kept as sent, insert, update, cancel, linked trips and the trips view."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

from mykaarma_mock.documents import read_view
from mykaarma_mock.errors import ApiError, ErrorItem

from .checks import CheckedEvent
from .shared import (
    A2_APPT,
    CANCELLED,
    DEFAULT_TRIP_STATUS,
    DRAFT_STATUSES,
    VEHICLE_RIDES,
    JsonObject,
    dumps,
    loads,
    new_uuid,
    opt_str,
)

if TYPE_CHECKING:
    from mykaarma_mock.world import Dealer


def _internal_ride_type(event: JsonObject) -> str | None:
    """The PnD ``internalRideType`` derived from ride type, loaner and number of drivers (facts §3.2).

    Loaner = ``loanerVehicleRequired`` or a ``loanerVehicleUuid``; two drivers = primary and secondary both
    set. ``RIDE_SHARE`` carries no direction (pickup/drop-off, customer/vehicle), so no value is reported.
    """
    ride_type = event.get("rideType")
    loaner = event.get("loanerVehicleRequired") is True or opt_str(event, "loanerVehicleUuid") is not None
    two_drivers = (
        opt_str(event, "primaryDriverUUID") is not None and opt_str(event, "secondaryDriverUUID") is not None
    )
    suffix = "WITH_LOANER" if loaner else "NO_LOANER"
    if ride_type in VEHICLE_RIDES:
        if loaner and two_drivers:
            return f"{ride_type}_2_DRIVER_WITH_LOANER"
        return f"{ride_type}_{suffix}"
    if ride_type in ("PICKUP_CUSTOMER", "DROPOFF_CUSTOMER", "MISCELLANEOUS"):
        return f"{ride_type}_{suffix}"
    if ride_type == "LOANER_SWAP":
        return "LOANER_SWAP"
    return None


def _stored_event(event: JsonObject, first_name: str | None, last_name: str | None) -> dict[str, Any]:
    """The event as stored: sent fields, documented defaults (isDropCar false, facts §4.3 r.19) and names."""
    stored = dict(event)
    stored.setdefault("loanerVehicleRequired", False)
    stored.setdefault("isDropCar", False)
    stored["customerFirstName"] = first_name  # facts §4.3 rule 18: defaulted from the customer record
    stored["customerLastName"] = last_name
    stored.pop("eventUUID", None)
    return stored


def insert_trip(
    conn: sqlite3.Connection,
    dealer: Dealer,
    appointment_uuid: str,
    event: JsonObject,
    checked: CheckedEvent,
) -> str:
    """A new live trip linked to the appointment; status defaults to UNASSIGNED (D-UNDOCUMENTED-OBJECTS)."""
    trip_uuid = new_uuid()
    stored = _stored_event(event, checked.first_name, checked.last_name)
    status = opt_str(event, "tripStatus") or DEFAULT_TRIP_STATUS
    conn.execute(
        "INSERT INTO appointment_trips (uuid, dealer_uuid, department_uuid, appointment_uuid, version,"
        " trip_status, is_valid, ride_type, appointment_time, customer_uuid, customer_first_name,"
        " customer_last_name, event_json) VALUES (?, ?, ?, ?, 1, ?, 1, ?, ?, ?, ?, ?, ?)",
        (
            trip_uuid,
            dealer.uuid,
            event["dealerDepartmentUUID"],
            appointment_uuid,
            status,
            event["rideType"],
            event["appointmentTime"],
            opt_str(event, "customerUUID"),
            checked.first_name,
            checked.last_name,
            dumps(stored),
        ),
    )
    return trip_uuid


def update_trip(
    conn: sqlite3.Connection, trip: sqlite3.Row, event: JsonObject, checked: CheckedEvent
) -> None:
    """The update scenario: the sent event replaces the stored one; version + 1 (D-CONCURRENCY).

    An absent ``tripStatus`` keeps the current status (the UNASSIGNED default applies to new trips only).
    """
    stored = _stored_event(event, checked.first_name, checked.last_name)
    status = opt_str(event, "tripStatus") or trip["trip_status"]
    conn.execute(
        "UPDATE appointment_trips SET department_uuid = ?, version = version + 1, trip_status = ?,"
        " ride_type = ?, appointment_time = ?, customer_uuid = ?, customer_first_name = ?,"
        " customer_last_name = ?, event_json = ? WHERE uuid = ?",
        (
            event["dealerDepartmentUUID"],
            status,
            event["rideType"],
            event["appointmentTime"],
            opt_str(event, "customerUUID"),
            checked.first_name,
            checked.last_name,
            dumps(stored),
            trip["uuid"],
        ),
    )


def cancel_trip(conn: sqlite3.Connection, trip_uuid: str) -> None:
    """Cancel and unlink a trip; the record is kept (D-DELETE-TRIP-SCENARIO, D-A3, D-CONCURRENCY)."""
    conn.execute(
        "UPDATE appointment_trips SET trip_status = ?, is_valid = 0, appointment_uuid = NULL,"
        " version = version + 1 WHERE uuid = ?",
        (CANCELLED, trip_uuid),
    )


def live_trip_of(conn: sqlite3.Connection, appointment_uuid: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM appointment_trips WHERE appointment_uuid = ? AND is_valid = 1 ORDER BY rowid LIMIT 1",
        (appointment_uuid,),
    ).fetchone()
    return row


def require_linked_trip(
    conn: sqlite3.Connection, dealer: Dealer, trip_uuid: str, appointment_uuid: str
) -> sqlite3.Row:
    """The valid trip linked to the appointment, else 404 TRIP_NOT_FOUND (D-A2-ERRORS)."""
    trip = linked_trip(conn, dealer, trip_uuid, appointment_uuid)
    if trip is None:
        raise ApiError(
            404,
            [
                ErrorItem(
                    "TRIP_NOT_FOUND",
                    "no valid trip with this uuid on the appointment",
                    f"{A2_APPT}.pickupDeliveryTripMetadata.tripUUID",
                )
            ],
        )
    return trip


def linked_trip(
    conn: sqlite3.Connection, dealer: Dealer, trip_uuid: str, appointment_uuid: str
) -> sqlite3.Row | None:
    """The trip if it is a live trip of the dealer linked to the appointment (D-A2-ERRORS, D-A3)."""
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM appointment_trips WHERE uuid = ? AND dealer_uuid = ? AND appointment_uuid = ?"
        " AND is_valid = 1",
        (trip_uuid, dealer.uuid, appointment_uuid),
    ).fetchone()
    return row


def trip_view(row: sqlite3.Row) -> dict[str, Any]:
    """A TripViewDto (getTripsForAppointment) of a stored trip (facts §3.2, D-DRAFT): the columns and derived
    values, then every other property of the spec's TripViewDto from the stored event."""
    event: dict[str, Any] = loads(row["event_json"])
    identifiers = event.get("vehicleIdentifiers") or {}
    computed: dict[str, Any] = {
        "eventUuid": row["uuid"],
        "version": row["version"],
        "appointmentTime": row["appointment_time"],
        "mustStartBy": None,
        "rideType": row["ride_type"],
        "tripStatus": row["trip_status"],
        "isValid": bool(row["is_valid"]),
        "parentEventUuid": None,
        "subTrips": event.get("subTrips") or [],
        "dealerUUID": row["dealer_uuid"],
        "dealerDepartmentUUID": row["department_uuid"],
        "appointmentUuid": row["appointment_uuid"],
        "loanerVehicleRequired": event.get("loanerVehicleRequired") is True,
        "isDropCar": event.get("isDropCar") is True,
        "linkedTripUuids": list(event.get("linkedTripUuids") or []),
        "customerMessagingSuppressed": row["trip_status"] in DRAFT_STATUSES,
        "customer": {
            "customerUuid": row["customer_uuid"],
            "firstName": row["customer_first_name"],
            "lastName": row["customer_last_name"],
        },
        "vehicle": {
            key: identifiers.get(key) for key in ("vin", "vehicleUuid", "vehicleKey", "licensePlate")
        },
        "dealerOrder": {"dealerOrderUUID": event.get("dealerOrderUUID"), "roNumber": event.get("roNumber")},
    }
    internal = _internal_ride_type(event)
    if internal is not None:
        computed["internalRideType"] = internal
    return read_view("TripViewDto", row["event_json"], computed)
