"""Stored appointments: lookup in the dealer, delete, the appointment view and the save response."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from mykaarma_mock.documents import read_view
from mykaarma_mock.errors import ApiError, ErrorItem

from .shared import DRAFT_STATUSES, JsonObject, loads, opt_str
from .times import TIME_FIELDS
from .trips import cancel_trip, live_trip_of

if TYPE_CHECKING:
    from mykaarma_mock.world import Dealer


#: Properties of a create or update request that are not the appointment's document.
_NOT_DOCUMENT = frozenset({"appointmentInformation", "customerUuid", "pickupDeliveryTripMetadata"})


def dealer_appointment(conn: sqlite3.Connection, dealer: Dealer, appointment_uuid: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM appointment_appointments WHERE uuid = ? AND dealer_uuid = ?",
        (appointment_uuid, dealer.uuid),
    ).fetchone()
    return row


def appointment_not_found(field: str | None) -> ApiError:
    return ApiError(404, [ErrorItem("APPOINTMENT_NOT_FOUND", "no such appointment for this dealer", field)])


def delete_appointment(conn: sqlite3.Connection, appointment_uuid: str) -> None:
    """Delete an appointment; its live trips are cancelled as in D-A3 so none is left without appointment."""
    for row in conn.execute(
        "SELECT uuid FROM appointment_trips WHERE appointment_uuid = ? AND is_valid = 1", (appointment_uuid,)
    ).fetchall():
        cancel_trip(conn, row[0])
    conn.execute("DELETE FROM appointment_appointments WHERE uuid = ?", (appointment_uuid,))


def appointment_fields(request: JsonObject, info: JsonObject) -> dict[str, Any]:
    """What a create or update request says of the appointment itself, as its document keeps it.

    The request's own properties that are set, except the customer, the trip metadata and the information
    block (columns, or the trip's); then every property of ``appointmentInformation`` that was sent (null
    included: it clears the value), except the times, which are stored as the derived start and end.
    """
    fields = {key: value for key, value in request.items() if key not in _NOT_DOCUMENT and value is not None}
    fields.update((key, value) for key, value in info.items() if key not in TIME_FIELDS)
    return fields


def appointment_info(conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
    """AppointmentInfo of getAppointment (D-APPT-READ): the columns and derived values, then the document;
    messaging flag from the linked trip (D-DRAFT)."""
    trip = live_trip_of(conn, row["uuid"])
    document = loads(row["document"])
    computed = {
        "appointmentUuid": row["uuid"],
        "dealerUuid": row["dealer_uuid"],
        "departmentUuid": row["department_uuid"],
        "customerUuid": row["customer_uuid"],
        "appointmentStartDateTime": row["start_local"],
        "appointmentEndDateTime": row["end_local"],
        "transportOptionUuid": row["transport_option_uuid"],
        "serviceList": document.get("serviceList") or [],
        "tripUuid": None if trip is None else trip["uuid"],
        "customerMessagingSuppressed": trip is not None and trip["trip_status"] in DRAFT_STATUSES,
    }
    return read_view("AppointmentInfo", document, computed)


def transport_option(metadata: JsonObject | None) -> tuple[bool, str | None]:
    """(sent, value) of ``pickupDeliveryTripMetadata.subTransportOptionRequest.transportOptionUuid``."""
    if not metadata:
        return False, None
    request = metadata.get("subTransportOptionRequest")
    if not isinstance(request, Mapping):
        return False, None
    return True, opt_str(request, "transportOptionUuid")


def save_response(event_uuid: str | None, appointment_uuid: str) -> dict[str, Any]:
    """SaveAppointmentWithTripResponse; errors/warnings null on success, as in the vendor sample (§4.3/27)."""
    return {
        "eventUUID": event_uuid,
        "appointmentUUID": appointment_uuid,
        "statusCode": 200,
        "errors": None,
        "warnings": None,
    }
