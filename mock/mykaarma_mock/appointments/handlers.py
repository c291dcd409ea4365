"""The handlers of the five appointment operations and their registry (contract of
``mykaarma_mock.app``)."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from mykaarma_core.times import LOCAL_FORMAT
from mykaarma_mock.documents import merged_document
from mykaarma_mock.errors import ApiError, ErrorItem

from .checks import CheckedEvent, check_associate, check_event, check_user_uuid, check_wrapper
from .rows import (
    appointment_fields,
    appointment_info,
    appointment_not_found,
    dealer_appointment,
    delete_appointment,
    save_response,
    transport_option,
)
from .shared import (
    A1_APPT,
    A1_WRAPPER,
    A2_APPT,
    A2_WRAPPER,
    WEB,
    JsonObject,
    dealer_customer,
    department_uuids,
    invalid,
    new_uuid,
    opt_str,
    path_dealer,
    request_body,
)
from .times import create_times, update_times
from .trips import (
    cancel_trip,
    insert_trip,
    linked_trip,
    live_trip_of,
    require_linked_trip,
    trip_view,
    update_trip,
)

if TYPE_CHECKING:
    from mykaarma_mock.app import Handler, RequestContext


def create_appointment_with_trip(ctx: RequestContext) -> dict[str, Any]:
    """A1 (facts §4.3 rule 14, D-CREATE-APPT-SHAPE, D-CONSISTENCY, D-END-TIME, D-ENFORCE-PREFERENCES).

    Every 400 problem is collected and reported together. Then the replaced appointments named by
    ``mobileServiceApptUuid`` / ``regularServiceApptUuid`` must exist for the dealer (404
    APPOINTMENT_NOT_FOUND before anything is created); they are deleted after the create.
    """
    dealer = path_dealer(ctx)
    body = request_body(ctx)
    wrapper: JsonObject = body.get(A1_WRAPPER) or {}
    request: JsonObject = body.get(A1_APPT) or {}
    event: JsonObject | None = wrapper.get("pickupDeliveryTripEvent")
    info: JsonObject = request.get("appointmentInformation") or {}
    info_prefix = f"{A1_APPT}.appointmentInformation"

    problems = check_wrapper(ctx.world, dealer, wrapper, A1_WRAPPER)
    checked: CheckedEvent | None = None
    if not isinstance(event, Mapping):
        # facts §3.2: the event is required on create.
        problems.append(
            invalid("pickupDeliveryTripEvent is required", f"{A1_WRAPPER}.pickupDeliveryTripEvent")
        )
    else:
        checked = check_event(ctx.conn, ctx.world, dealer, wrapper, event, A1_WRAPPER)
        problems.extend(checked.problems)

    # D-CONSISTENCY: the appointment's customer is a customer of one of the dealer's departments.
    customer_uuid = opt_str(request, "customerUuid")
    if customer_uuid is None:
        problems.append(invalid("customerUuid is required (D-CREATE-APPT-SHAPE)", f"{A1_APPT}.customerUuid"))
    elif dealer_customer(ctx.conn, dealer, customer_uuid) is None:
        problems.append(
            ErrorItem(
                "CUSTOMER_NOT_FOUND",
                "no such customer in the dealer's departments (D-CONSISTENCY)",
                f"{A1_APPT}.customerUuid",
            )
        )
    problems.extend(check_user_uuid(ctx.world, dealer, info, info_prefix))
    # D-CREATE-APPT-SHAPE: the trip does not exist yet, so a tripUUID on create is refused.
    metadata: JsonObject | None = request.get("pickupDeliveryTripMetadata")
    if isinstance(metadata, Mapping) and "tripUUID" in metadata:
        problems.append(
            invalid(
                "tripUUID is not allowed on create (D-CREATE-APPT-SHAPE)",
                f"{A1_APPT}.pickupDeliveryTripMetadata.tripUUID",
            )
        )
    times = create_times(info, info_prefix, problems)
    if problems or checked is None or event is None or times is None or customer_uuid is None:
        raise ApiError(400, problems or [invalid("invalid request", None)])

    # D-ENFORCE-PREFERENCES: replaced appointments must exist before anything is created.
    replaced: list[str] = []
    for name in ("mobileServiceApptUuid", "regularServiceApptUuid"):
        value = ctx.query.get(name)
        if value is None or value in replaced:
            continue
        if dealer_appointment(ctx.conn, dealer, str(value)) is None:
            raise appointment_not_found(name)
        replaced.append(str(value))

    appointment_uuid = new_uuid()
    _, transport = transport_option(metadata)
    start, end = times
    ctx.conn.execute(
        "INSERT INTO appointment_appointments (uuid, dealer_uuid, department_uuid, customer_uuid,"
        " start_local, end_local, transport_option_uuid, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            appointment_uuid,
            dealer.uuid,
            event["dealerDepartmentUUID"],
            customer_uuid,
            start.strftime(LOCAL_FORMAT),
            end.strftime(LOCAL_FORMAT),
            transport,
            merged_document(None, appointment_fields(request, info), frozenset()),
        ),
    )
    trip_uuid = insert_trip(ctx.conn, dealer, appointment_uuid, event, checked)

    # facts §4.3 rule 14, D-ENFORCE-PREFERENCES: the replaced appointment goes only after the create.
    for old in replaced:
        delete_appointment(ctx.conn, old)
    return save_response(trip_uuid, appointment_uuid)


def update_appointment_with_trip(ctx: RequestContext) -> dict[str, Any]:
    """A2: update the appointment and update / add / remove its trip (facts §4.3 rule 15).

    Scenarios by event E and T = ``pickupDeliveryTripMetadata.tripUUID`` (D-A2-ERRORS, D-TRIP-UUID):
    E and T ⇒ update (``eventUUID`` must equal T, else 400 TRIP_UUID_MISMATCH; the trip must be a live trip
    linked to this appointment, else 404 TRIP_NOT_FOUND); E only ⇒ add a trip (409 TRIP_ALREADY_EXISTS when
    the appointment has a live trip); T only ⇒ remove the trip (D-DELETE-TRIP-SCENARIO); neither ⇒ 400
    TRIP_EVENT_REQUIRED. An unknown or foreign ``sarUUID`` ⇒ 404 APPOINTMENT_NOT_FOUND. The appointment
    fields that were sent are updated (D-DELETE-TRIP-SCENARIO); ``serviceList`` replaces the services when
    sent as a list (absent or null keeps them). ``enforcePreferences`` per D-ENFORCE-PREFERENCES.
    """
    dealer = path_dealer(ctx)
    body = request_body(ctx)
    appointment = dealer_appointment(ctx.conn, dealer, ctx.path["sarUUID"])
    if appointment is None:
        raise appointment_not_found("sarUUID")

    wrapper: JsonObject = body.get(A2_WRAPPER) or {}
    request: JsonObject = body.get(A2_APPT) or {}
    raw_event = wrapper.get("pickupDeliveryTripEvent")
    event: JsonObject | None = raw_event if isinstance(raw_event, Mapping) else None
    metadata: JsonObject = request.get("pickupDeliveryTripMetadata") or {}
    trip_uuid = opt_str(metadata, "tripUUID")
    info: JsonObject = request.get("appointmentInformation") or {}
    info_prefix = f"{A2_APPT}.appointmentInformation"
    event_prefix = f"{A2_WRAPPER}.pickupDeliveryTripEvent"

    # facts §4.3 rule 15, D-A2-ERRORS: both null is not a scenario.
    if event is None and trip_uuid is None:
        raise ApiError(
            400,
            [
                ErrorItem(
                    "TRIP_EVENT_REQUIRED",
                    "pickupDeliveryTripEvent and tripUUID cannot both be null",
                    event_prefix,
                )
            ],
        )

    problems = check_wrapper(ctx.world, dealer, wrapper, A2_WRAPPER)
    checked: CheckedEvent | None = None
    if event is not None:
        checked = check_event(ctx.conn, ctx.world, dealer, wrapper, event, A2_WRAPPER)
        problems.extend(checked.problems)
        # D-TRIP-UUID: in the update scenario eventUUID is required and equals tripUUID.
        if trip_uuid is not None and opt_str(event, "eventUUID") != trip_uuid:
            problems.append(
                ErrorItem(
                    "TRIP_UUID_MISMATCH",
                    "pickupDeliveryTripEvent.eventUUID must be sent and equal"
                    " pickupDeliveryTripMetadata.tripUUID (D-TRIP-UUID)",
                    f"{event_prefix}.eventUUID",
                )
            )
    problems.extend(check_user_uuid(ctx.world, dealer, info, info_prefix))
    times = update_times(info, info_prefix, bool(ctx.query.get("enforcePreferences", False)), problems)
    if problems or times is None:
        raise ApiError(400, problems or [invalid("invalid request", None)])

    transport_sent, transport = transport_option(metadata)
    new_transport: str | None = transport if transport_sent else appointment["transport_option_uuid"]
    result_trip: str | None
    if event is not None and trip_uuid is not None:
        # Update scenario (D-A2-ERRORS: trip not found or not valid ⇒ 404).
        assert checked is not None
        trip = require_linked_trip(ctx.conn, dealer, trip_uuid, appointment["uuid"])
        update_trip(ctx.conn, trip, event, checked)
        result_trip = trip_uuid
    elif event is not None:
        # Create scenario: fails while the appointment has a trip (facts §4.3 rule 15, D-A2-ERRORS: 409).
        assert checked is not None
        existing = live_trip_of(ctx.conn, appointment["uuid"])
        if existing is not None:
            raise ApiError(
                409,
                [
                    ErrorItem(
                        "TRIP_ALREADY_EXISTS",
                        f"the appointment already has trip {existing['uuid']}",
                        f"{A2_APPT}.pickupDeliveryTripMetadata.tripUUID",
                    )
                ],
            )
        result_trip = insert_trip(ctx.conn, dealer, appointment["uuid"], event, checked)
    else:
        # Delete scenario (D-DELETE-TRIP-SCENARIO): cancel + unlink; transport option cleared unless sent.
        assert trip_uuid is not None
        trip = require_linked_trip(ctx.conn, dealer, trip_uuid, appointment["uuid"])
        cancel_trip(ctx.conn, trip_uuid)
        if not transport_sent:
            new_transport = None
        result_trip = None

    _update_appointment(ctx.conn, appointment, request, info, times, new_transport)
    return save_response(result_trip, appointment["uuid"])


def _update_appointment(
    conn: sqlite3.Connection,
    appointment: sqlite3.Row,
    request: JsonObject,
    info: JsonObject,
    times: tuple[datetime, datetime],
    transport: str | None,
) -> None:
    """Write the appointment fields that were sent (D-DELETE-TRIP-SCENARIO; facts §4.3 rules 24-25)."""
    start, end = times
    values: dict[str, Any] = {
        "start_local": start.strftime(LOCAL_FORMAT),
        "end_local": end.strftime(LOCAL_FORMAT),
        "transport_option_uuid": transport,
        "document": merged_document(appointment["document"], appointment_fields(request, info), frozenset()),
    }
    assignments = ", ".join(f"{column} = ?" for column in values)
    conn.execute(
        f"UPDATE appointment_appointments SET {assignments} WHERE uuid = ?",
        (*values.values(), appointment["uuid"]),
    )


def delete_appointment_with_trip(ctx: RequestContext) -> dict[str, Any]:
    """A3: delete the appointment and cancel its trip (D-A3, facts §4.3 rule 28).

    400 first (everything wrong with the request, D-CONSISTENCY): body ``dealerUuid`` ≠ path ⇒
    INCORRECT_DEALER_INFO; ``dealerDepartmentUUIDList[0]`` (the department used; further elements are
    ignored) and ``updatedByDeptUUID`` not departments of the dealer ⇒ INCORRECT_DEALER_INFO;
    ``requesterUuid`` missing unless source WEB ⇒ INVALID_REQUEST_DATA; ``requesterUuid`` or
    ``updatedByDAUUID`` not associates ⇒ INCORRECT_USER_INFO. Then 404: unknown or foreign appointment ⇒
    APPOINTMENT_NOT_FOUND; trip unknown, cancelled or not linked to that appointment ⇒ TRIP_NOT_FOUND;
    nothing is changed. A repeated delete therefore gets 404.
    """
    dealer = path_dealer(ctx)
    body = request_body(ctx)
    problems: list[ErrorItem] = []
    body_dealer = opt_str(body, "dealerUuid")  # blank counts as not sent (D-NAMES)
    if body_dealer is not None and body_dealer != dealer.uuid:
        problems.append(
            ErrorItem(
                "INCORRECT_DEALER_INFO",
                "dealerUuid must equal the path dealerUuid (D-CONSISTENCY)",
                "dealerUuid",
            )
        )
    departments = department_uuids(dealer)
    listed = body.get("dealerDepartmentUUIDList") or []
    if not listed:
        problems.append(
            invalid(
                "dealerDepartmentUUIDList needs at least one department (D-A3)", "dealerDepartmentUUIDList"
            )
        )
    elif listed[0] not in departments:
        problems.append(
            ErrorItem(
                "INCORRECT_DEALER_INFO",
                "the department is not a department of the path dealer (D-CONSISTENCY)",
                "dealerDepartmentUUIDList[0]",
            )
        )
    if body.get("updatedByDeptUUID") not in departments:
        problems.append(
            ErrorItem(
                "INCORRECT_DEALER_INFO",
                "updatedByDeptUUID is not a department of the path dealer (D-CONSISTENCY)",
                "updatedByDeptUUID",
            )
        )
    if body.get("source") != WEB and opt_str(body, "requesterUuid") is None:
        problems.append(invalid("requesterUuid is required unless source is WEB (D-A3)", "requesterUuid"))
    for key in ("requesterUuid", "updatedByDAUUID"):
        problems.extend(check_associate(ctx.world, dealer, body, key, ""))
    if problems:
        raise ApiError(400, problems)

    appointment_uuid = str(body.get("appointmentUuid") or "")
    trip_uuid = str(body.get("tripUuid") or "")
    if dealer_appointment(ctx.conn, dealer, appointment_uuid) is None:
        raise appointment_not_found("appointmentUuid")
    if linked_trip(ctx.conn, dealer, trip_uuid, appointment_uuid) is None:
        raise ApiError(
            404, [ErrorItem("TRIP_NOT_FOUND", "no valid trip with this uuid on the appointment", "tripUuid")]
        )
    delete_appointment(ctx.conn, appointment_uuid)
    return {"tripUuid": trip_uuid, "appointmentUuid": appointment_uuid, "statusCode": 200, "errors": None}


def get_trips_for_appointment(ctx: RequestContext) -> dict[str, Any]:
    """A4: the live trips linked to the appointment (facts §4.3 rule 29, D-DELETE-TRIP-SCENARIO).

    An unknown, deleted or foreign ``sarUuid`` ⇒ 404 APPOINTMENT_NOT_FOUND (D-A3, D-STATUS).
    """
    dealer = path_dealer(ctx)
    body = request_body(ctx)
    sar_uuid = str(body.get("sarUuid") or "")
    if dealer_appointment(ctx.conn, dealer, sar_uuid) is None:
        raise appointment_not_found("sarUuid")
    rows = ctx.conn.execute(
        "SELECT * FROM appointment_trips WHERE appointment_uuid = ? AND is_valid = 1 ORDER BY rowid",
        (sar_uuid,),
    ).fetchall()
    views = [trip_view(row) for row in rows]
    return {
        "totalCount": len(views),
        "tripViewDtos": views,
        "statusCode": 200,
        "error": None,
        "warnings": None,
    }


def get_appointment(ctx: RequestContext) -> dict[str, Any]:
    """getAppointment (D-APPT-READ): an appointment of another department, or a deleted one, ⇒ 404."""
    row: sqlite3.Row | None = ctx.conn.execute(
        "SELECT * FROM appointment_appointments WHERE uuid = ? AND department_uuid = ?",
        (ctx.path["appointmentUuid"], ctx.path["departmentUuid"]),
    ).fetchone()
    if row is None:
        raise appointment_not_found("appointmentUuid")
    return {"appointmentInfo": appointment_info(ctx.conn, row), "error": None, "warnings": None}


HANDLERS: dict[str, Handler] = {
    "createAppointmentWithTrip": create_appointment_with_trip,
    "updateAppointmentWithTrip": update_appointment_with_trip,
    "deleteAppointmentWithTrip": delete_appointment_with_trip,
    "getTripsForAppointment": get_trips_for_appointment,
    "getAppointment": get_appointment,
}

WRITE_OPERATIONS: frozenset[str] = frozenset(
    {"createAppointmentWithTrip", "updateAppointmentWithTrip", "deleteAppointmentWithTrip"}
)
