"""Appointment-with-trip rules of the mock: storage and handlers of the five appointment operations.

Operations (names as in openapi/DECISIONS.md): A1 ``createAppointmentWithTrip``, A2
``updateAppointmentWithTrip``, A3 ``deleteAppointmentWithTrip``, A4 ``getTripsForAppointment`` and
``getAppointment``. The rules are those of facts §4.3 (rules 14-29) as settled by the DECISIONS entries named
next to each check.

Storage model
-------------
``appointment_appointments``
    One row per existing appointment. A3 and the replaced-appointment parameters of A1 delete the row
    (D-A3, D-ENFORCE-PREFERENCES), so a deleted appointment is unknown to every later call (404).
``appointment_trips``
    One row per trip, kept for history. A trip is *live* while ``is_valid`` is 1. Cancelling a trip (A2
    delete scenario, A3, deletion of a replaced appointment) sets ``trip_status`` CANCELLED and ``is_valid``
    0, unlinks it (``appointment_uuid`` NULL) and increments ``version`` (D-DELETE-TRIP-SCENARIO, D-A3,
    D-CONCURRENCY). A live trip is linked to at most one appointment and an appointment has at most one
    live trip (facts §4.3 rule 15: adding a trip fails while one exists). The stored event (after defaults)
    is kept as JSON so the trips read can echo it, ``subTrips`` unchanged (D-UNDOCUMENTED-OBJECTS).

Statistics (``/__mock/stats``)
------------------------------
``appointments``: appointments per department (the department of the trip event that created the
appointment). ``trips``: live trips per department of their event's ``dealerDepartmentUUID``; a cancelled
trip (``is_valid`` 0, or stored with ``tripStatus`` CANCELLED) is not counted.

Tenancy: every lookup is keyed by the path dealer (A1-A4) or the path department (getAppointment); a record
of another tenant is answered exactly like an unknown one (D-STATUS, D-SCOPE).
"""

from __future__ import annotations

import json
import re
import sqlite3
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Final

from mykaarma.rules import is_blank
from mykaarma_mock.db import register_schema, register_stats
from mykaarma_mock.errors import ApiError, Problem

if TYPE_CHECKING:
    from mykaarma_mock.app import Handler, RequestContext
    from mykaarma_mock.world import Dealer, World

JsonObject = Mapping[str, Any]

APPOINTMENT_TABLES: Final = ("appointment_appointments", "appointment_trips")

SCHEMA_SQL: Final = """
CREATE TABLE IF NOT EXISTS appointment_appointments (
    uuid                  TEXT PRIMARY KEY,
    dealer_uuid           TEXT NOT NULL,
    department_uuid       TEXT NOT NULL,
    customer_uuid         TEXT NOT NULL,
    vehicle_json          TEXT,
    start_local           TEXT NOT NULL,
    end_local             TEXT NOT NULL,
    user_uuid             TEXT,
    comments              TEXT,
    internal_notes        TEXT,
    alt_transportation    TEXT,
    source                TEXT,
    transport_option_uuid TEXT,
    service_list_json     TEXT NOT NULL DEFAULT '[]',
    preference_json       TEXT,
    assigned_user_json    TEXT,
    creator_user_json     TEXT,
    updated_by_json       TEXT
);
CREATE INDEX IF NOT EXISTS appointment_appointments_dealer ON appointment_appointments (dealer_uuid);
CREATE INDEX IF NOT EXISTS appointment_appointments_department
    ON appointment_appointments (department_uuid);
CREATE TABLE IF NOT EXISTS appointment_trips (
    uuid                TEXT PRIMARY KEY,
    dealer_uuid         TEXT NOT NULL,
    department_uuid     TEXT NOT NULL,
    appointment_uuid    TEXT,
    version             INTEGER NOT NULL,
    trip_status         TEXT NOT NULL,
    is_valid            INTEGER NOT NULL,
    ride_type           TEXT NOT NULL,
    appointment_time    TEXT NOT NULL,
    customer_uuid       TEXT,
    customer_first_name TEXT,
    customer_last_name  TEXT,
    event_json          TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS appointment_trips_appointment ON appointment_trips (appointment_uuid, is_valid);
CREATE INDEX IF NOT EXISTS appointment_trips_department ON appointment_trips (department_uuid, is_valid);
"""

register_schema(SCHEMA_SQL, tables=APPOINTMENT_TABLES)

# Per-department counts for /__mock/stats (see the module docstring for what is counted).
register_stats(
    "appointments",
    "SELECT department_uuid, COUNT(*) FROM appointment_appointments GROUP BY department_uuid",
)
register_stats(
    "trips",
    "SELECT department_uuid, COUNT(*) FROM appointment_trips"
    " WHERE is_valid = 1 AND trip_status <> 'CANCELLED' GROUP BY department_uuid",
)

# --------------------------------------------------------------------------------------------------------
# Constants

_WEB: Final = "WEB"
_DEFAULT_TRIP_STATUS: Final = "UNASSIGNED"  # D-UNDOCUMENTED-OBJECTS
_CANCELLED: Final = "CANCELLED"
_DRAFT_STATUSES: Final = frozenset({"DRAFT", "AUTO_DRAFT"})  # D-DRAFT, facts §4.3 rule 22
_VEHICLE_RIDES: Final = frozenset({"PICKUP_VEHICLE", "DROPOFF_VEHICLE"})  # facts §4.3 rule 21
_SLOT: Final = timedelta(minutes=30) - timedelta(seconds=1)  # D-END-TIME: 10:00:00 => 10:29:59

# Formats of D-TIME (the schema's patterns); strptime then rejects impossible dates such as 2024-02-30.
_LOCAL_DATETIME_RE: Final = re.compile(
    r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d"
)
_TRIP_TIME_RE: Final = re.compile(
    r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d[+-]\d{4}"
)
_DATE_RE: Final = re.compile(r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")
_TIME_RE: Final = re.compile(r"([01]\d|2[0-3]):[0-5]\d:[0-5]\d")
_LOCAL_FORMAT: Final = "%Y-%m-%dT%H:%M:%S"

# Field-path prefixes of the two request shapes (Problem.field, D-ERROR-CODES).
_A1_WRAPPER: Final = "savePickupDeliveryTripEventRequest"
_A1_APPT: Final = "createAppointmentWithTripRequest"
_A2_WRAPPER: Final = "updatePickupDeliveryTripEventRequest"
_A2_APPT: Final = "updateAppointmentForTripRequest"


# --------------------------------------------------------------------------------------------------------
# Small helpers


def _opt_str(obj: JsonObject, key: str) -> str | None:
    """The value if it is a non-blank string (what x-rules calls ``present``), else None."""
    value = obj.get(key)
    return value if isinstance(value, str) and not is_blank(value) else None


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def _new_uuid() -> str:
    return str(uuid.uuid4())


def _invalid(message: str, field: str | None) -> Problem:
    return Problem(code="INVALID_REQUEST_DATA", message=message, field=field)


def _body(ctx: RequestContext) -> JsonObject:
    if ctx.body is None:
        raise ApiError(400, [_invalid("a JSON request body is required", None)])
    return ctx.body


def _path_dealer(ctx: RequestContext) -> Dealer:
    """The dealer of the path. The core's scope check already refused unknown dealers with 403 (D-SCOPE)."""
    dealer = ctx.world.dealer(ctx.path["dealerUuid"])
    if dealer is None:
        raise ApiError(
            403,
            [Problem("INVALID_SCOPE_DEALER", "no grant for this dealer", "dealerUuid")],
        )
    return dealer


def _department_uuids(dealer: Dealer) -> frozenset[str]:
    return frozenset(department.uuid for department in dealer.departments)


# --------------------------------------------------------------------------------------------------------
# Customers (owned by the customer module; this is the only place that knows its table)


@dataclass(frozen=True)
class _CustomerNames:
    first_name: str | None
    last_name: str | None


def _dealer_customer(conn: sqlite3.Connection, dealer: Dealer, customer_uuid: str) -> _CustomerNames | None:
    """The customer if it belongs to one of the dealer's departments, else None (D-CONSISTENCY)."""
    departments = sorted(_department_uuids(dealer))
    if not departments:
        return None
    marks = ",".join("?" * len(departments))
    row = conn.execute(
        "SELECT first_name, last_name FROM customer_customers"
        f" WHERE uuid = ? AND department_uuid IN ({marks}) LIMIT 1",
        (customer_uuid, *departments),
    ).fetchone()
    if row is None:
        return None
    return _CustomerNames(first_name=row[0], last_name=row[1])


# --------------------------------------------------------------------------------------------------------
# Times (D-TIME, D-END-TIME)


def _parse_local(value: Any, field: str, problems: list[Problem]) -> datetime | None:
    """A dealer-local ``yyyy-MM-dd'T'HH:mm:ss`` (D-TIME); a problem on ``field`` when malformed."""
    if not isinstance(value, str) or not _LOCAL_DATETIME_RE.fullmatch(value):
        problems.append(_invalid("expected yyyy-MM-dd'T'HH:mm:ss without offset (D-TIME)", field))
        return None
    try:
        return datetime.strptime(value, _LOCAL_FORMAT)
    except ValueError:
        problems.append(_invalid(f"{value!r} is not a valid date and time (D-TIME)", field))
        return None


def _check_trip_time(value: Any, field: str, problems: list[Problem]) -> None:
    """Trip ``appointmentTime``: ``yyyy-MM-dd'T'HH:mm:ssZ``, offset without colon (D-TIME, facts §4.3/24)."""
    if not isinstance(value, str) or not _TRIP_TIME_RE.fullmatch(value):
        problems.append(
            _invalid("expected yyyy-MM-dd'T'HH:mm:ssZ, e.g. 2024-10-26T10:00:00-0700 (D-TIME)", field)
        )
        return
    try:
        datetime.strptime(value, "%Y-%m-%dT%H:%M:%S%z")
    except ValueError:
        problems.append(_invalid(f"{value!r} is not a valid date and time (D-TIME)", field))


def _resolve_end(
    start: datetime | None, end: datetime | None, end_field: str, problems: list[Problem]
) -> datetime | None:
    """The end of the appointment (D-END-TIME).

    Absent ⇒ the start's 30-minute slot (start + 29:59). An end that is not after the start ⇒ 400
    INVALID_REQUEST_DATA (D-END-TIME says "before"; the schema describes the end as "after the start", so an
    end equal to the start is refused as well).
    """
    if start is None:
        return None
    if end is None:
        return start + _SLOT
    if end <= start:
        problems.append(_invalid("the appointment must end after it starts (D-END-TIME)", end_field))
        return None
    return end


def _create_times(info: JsonObject, prefix: str, problems: list[Problem]) -> tuple[datetime, datetime] | None:
    """A1: combined ``appointmentStartDateTime``, optional ``appointmentEndDateTime`` (facts §4.3/24-25)."""
    start = _parse_local(info.get("appointmentStartDateTime"), f"{prefix}.appointmentStartDateTime", problems)
    end_field = f"{prefix}.appointmentEndDateTime"
    end = None
    if info.get("appointmentEndDateTime") is not None:
        end = _parse_local(info["appointmentEndDateTime"], end_field, problems)
        if end is None:
            return None
    resolved = _resolve_end(start, end, end_field, problems)
    return None if start is None or resolved is None else (start, resolved)


def _update_times(
    info: JsonObject, prefix: str, enforce_preferences: bool, problems: list[Problem]
) -> tuple[datetime, datetime] | None:
    """A2: ``appointmentDate`` + "T" + ``appointmentStartTime``; optional same-day ``appointmentEndTime``.

    With ``enforcePreferences`` a sent end is ignored and the 30-minute slot applies (D-ENFORCE-PREFERENCES).
    Facts §4.3 rules 24-25, D-TIME, D-END-TIME.
    """
    date = info.get("appointmentDate")
    start_time = info.get("appointmentStartTime")
    ok = True
    if not isinstance(date, str) or not _DATE_RE.fullmatch(date):
        problems.append(_invalid("expected yyyy-MM-dd (D-TIME)", f"{prefix}.appointmentDate"))
        ok = False
    if not isinstance(start_time, str) or not _TIME_RE.fullmatch(start_time):
        problems.append(_invalid("expected HH:mm:ss (D-TIME)", f"{prefix}.appointmentStartTime"))
        ok = False
    end_time = None if enforce_preferences else info.get("appointmentEndTime")
    end_field = f"{prefix}.appointmentEndTime"
    if end_time is not None and (not isinstance(end_time, str) or not _TIME_RE.fullmatch(end_time)):
        problems.append(_invalid("expected HH:mm:ss (D-TIME)", end_field))
        ok = False
    if not ok:
        return None
    assert isinstance(date, str)
    assert isinstance(start_time, str)
    start = _parse_local(f"{date}T{start_time}", f"{prefix}.appointmentDate", problems)
    end = None
    if start is not None and isinstance(end_time, str):
        end = datetime.strptime(f"{date}T{end_time}", _LOCAL_FORMAT)
    resolved = _resolve_end(start, end, end_field, problems)
    return None if start is None or resolved is None else (start, resolved)


# --------------------------------------------------------------------------------------------------------
# Request checks shared by A1 and A2


def _check_wrapper(world: World, dealer: Dealer, wrapper: JsonObject, prefix: str) -> list[Problem]:
    """Requester and departments of the trip wrapper (D-CONSISTENCY, D-WRAPPER, facts §4.3 rule 16).

    The requester is an associate of the dealer; every listed department is one of the dealer's (a body may
    not name another dealer's department, D-CONSISTENCY "Why"). Checked in every A2 scenario (D-WRAPPER).
    """
    problems: list[Problem] = []
    requester = _opt_str(wrapper, "requesterUserUUID")
    if requester is None:
        problems.append(
            _invalid("requesterUserUUID is required (facts §4.3 rule 16)", f"{prefix}.requesterUserUUID")
        )
    elif not world.is_associate(dealer.uuid, requester):
        problems.append(
            Problem(
                "INCORRECT_USER_INFO",
                "requesterUserUUID is not an associate of the dealer (D-CONSISTENCY)",
                f"{prefix}.requesterUserUUID",
            )
        )
    departments = _department_uuids(dealer)
    listed = wrapper.get("dealerDepartmentUUIDList") or []
    if not listed:
        problems.append(
            _invalid(
                "dealerDepartmentUUIDList needs at least one department", f"{prefix}.dealerDepartmentUUIDList"
            )
        )
    for index, department in enumerate(listed):
        if department not in departments:
            problems.append(
                Problem(
                    "INCORRECT_DEALER_INFO",
                    "the department is not a department of the path dealer (D-CONSISTENCY)",
                    f"{prefix}.dealerDepartmentUUIDList[{index}]",
                )
            )
    return problems


@dataclass(frozen=True)
class _CheckedEvent:
    problems: list[Problem]
    first_name: str | None
    last_name: str | None


def _check_associate(world: World, dealer: Dealer, event: JsonObject, key: str, prefix: str) -> list[Problem]:
    """A user uuid of the event, when sent, must be an associate of the dealer (D-CONSISTENCY)."""
    value = _opt_str(event, key)
    if value is None or world.is_associate(dealer.uuid, value):
        return []
    field = f"{prefix}.{key}" if prefix else key
    return [Problem("INCORRECT_USER_INFO", f"{key} is not an associate of the dealer (D-CONSISTENCY)", field)]


def _check_event(
    conn: sqlite3.Connection,
    world: World,
    dealer: Dealer,
    wrapper: JsonObject,
    event: JsonObject,
    wrapper_prefix: str,
) -> _CheckedEvent:
    """Every documented rule of a trip event (facts §4.3 rules 17-24, D-CONSISTENCY, D-A2-ERRORS).

    The core's schema and x-rules validation refuses most rule violations before a handler runs; they are
    checked again here so the handler is correct on its own and every rule is visible next to its source.
    """
    prefix = f"{wrapper_prefix}.pickupDeliveryTripEvent"
    problems: list[Problem] = []
    ride_type = event.get("rideType")

    # D-CONSISTENCY: the event's dealer is the path dealer; its department is the dealer's and is listed.
    if event.get("dealerUUID") != dealer.uuid:
        problems.append(
            Problem(
                "INCORRECT_DEALER_INFO",
                "dealerUUID must equal the path dealerUuid (D-CONSISTENCY)",
                f"{prefix}.dealerUUID",
            )
        )
    department = event.get("dealerDepartmentUUID")
    if department not in _department_uuids(dealer):
        problems.append(
            Problem(
                "INCORRECT_DEALER_INFO",
                "dealerDepartmentUUID is not a department of the dealer (D-CONSISTENCY)",
                f"{prefix}.dealerDepartmentUUID",
            )
        )
    elif department not in (wrapper.get("dealerDepartmentUUIDList") or []):
        problems.append(
            Problem(
                "INCORRECT_DEALER_INFO",
                "dealerDepartmentUUIDList must contain the event's dealerDepartmentUUID (D-CONSISTENCY)",
                f"{wrapper_prefix}.dealerDepartmentUUIDList",
            )
        )

    # facts §4.3 rule 24, D-TIME.
    _check_trip_time(event.get("appointmentTime"), f"{prefix}.appointmentTime", problems)

    # facts §4.3 rule 18: customerUUID unless MISCELLANEOUS; D-CONSISTENCY: a customer of the dealer.
    names = _CustomerNames(None, None)
    customer_uuid = _opt_str(event, "customerUUID")
    if customer_uuid is None:
        if ride_type != "MISCELLANEOUS":
            problems.append(
                _invalid(
                    "customerUUID is required unless rideType is MISCELLANEOUS (facts §4.3 rule 18)",
                    f"{prefix}.customerUUID",
                )
            )
    else:
        found = _dealer_customer(conn, dealer, customer_uuid)
        if found is None:
            problems.append(
                Problem(
                    "CUSTOMER_NOT_FOUND",
                    "no such customer in the dealer's departments (D-CONSISTENCY)",
                    f"{prefix}.customerUUID",
                )
            )
        else:
            names = found

    # facts §4.3 rule 17: assignedByDealerAssociateUUID unless the wrapper's source is WEB.
    if wrapper.get("source") != _WEB and _opt_str(event, "assignedByDealerAssociateUUID") is None:
        problems.append(
            _invalid(
                "assignedByDealerAssociateUUID is required unless source is WEB (facts §4.3 rule 17)",
                f"{prefix}.assignedByDealerAssociateUUID",
            )
        )

    # facts §4.3 rule 19: a loaner and a drop car exclude each other.
    if event.get("loanerVehicleRequired") is True and event.get("isDropCar") is True:
        problems.append(
            _invalid(
                "loanerVehicleRequired and isDropCar cannot both be true (facts §4.3 rule 19)",
                f"{prefix}.isDropCar",
            )
        )

    # facts §4.3 rule 20: swappedLoanerVehicleUuid only for LOANER_SWAP, and then distinct from the loaner.
    loaner = _opt_str(event, "loanerVehicleUuid")
    swapped = _opt_str(event, "swappedLoanerVehicleUuid")
    if swapped is not None and ride_type != "LOANER_SWAP":
        problems.append(
            _invalid(
                "swappedLoanerVehicleUuid is only allowed when rideType is LOANER_SWAP (facts §4.3 rule 20)",
                f"{prefix}.swappedLoanerVehicleUuid",
            )
        )
    elif ride_type == "LOANER_SWAP" and swapped is not None and swapped == loaner:
        problems.append(
            _invalid(
                "for LOANER_SWAP, loanerVehicleUuid must differ from swappedLoanerVehicleUuid"
                " (facts §4.3 rule 20)",
                f"{prefix}.swappedLoanerVehicleUuid",
            )
        )

    # facts §4.3 rule 21: distinct drivers; vehicle rides need a primary driver when a secondary is given.
    primary = _opt_str(event, "primaryDriverUUID")
    secondary = _opt_str(event, "secondaryDriverUUID")
    if secondary is not None and secondary == primary:
        problems.append(
            _invalid(
                "secondaryDriverUUID must differ from primaryDriverUUID (facts §4.3 rule 21)",
                f"{prefix}.secondaryDriverUUID",
            )
        )
    if ride_type in _VEHICLE_RIDES and secondary is not None and primary is None:
        problems.append(
            _invalid(
                "for PICKUP_VEHICLE and DROPOFF_VEHICLE, primaryDriverUUID is required with a"
                " secondaryDriverUUID (facts §4.3 rule 21)",
                f"{prefix}.primaryDriverUUID",
            )
        )

    # D-CONSISTENCY: users named by the event are associates of the dealer.
    for key in (
        "assignedByDealerAssociateUUID",
        "primaryDriverUUID",
        "secondaryDriverUUID",
        "serviceAdvisorUUID",
    ):
        problems.extend(_check_associate(world, dealer, event, key, prefix))

    # facts §4.3 rule 23, D-A2-ERRORS: every linked trip is an existing valid trip of the dealer.
    for index, linked in enumerate(event.get("linkedTripUuids") or []):
        row = conn.execute(
            "SELECT 1 FROM appointment_trips WHERE uuid = ? AND dealer_uuid = ? AND is_valid = 1",
            (linked, dealer.uuid),
        ).fetchone()
        if row is None:
            problems.append(
                Problem(
                    "INVALID_LINKED_TRIP",
                    "not an existing valid trip of the dealer (facts §4.3 rule 23)",
                    f"{prefix}.linkedTripUuids[{index}]",
                )
            )

    return _CheckedEvent(
        problems=problems,
        first_name=_opt_str(event, "customerFirstName") or names.first_name,
        last_name=_opt_str(event, "customerLastName") or names.last_name,
    )


def _check_user_uuid(world: World, dealer: Dealer, info: JsonObject, prefix: str) -> list[Problem]:
    """``appointmentInformation.userUuid`` (assigned advisor), when sent, is an associate (D-CONSISTENCY)."""
    return _check_associate(world, dealer, info, "userUuid", prefix)


# --------------------------------------------------------------------------------------------------------
# Trips


def _internal_ride_type(event: JsonObject) -> str | None:
    """The PnD ``internalRideType`` derived from ride type, loaner and number of drivers (facts §3.2).

    Loaner = ``loanerVehicleRequired`` or a ``loanerVehicleUuid``; two drivers = primary and secondary both
    set. ``RIDE_SHARE`` carries no direction (pickup/drop-off, customer/vehicle), so no value is reported.
    """
    ride_type = event.get("rideType")
    loaner = event.get("loanerVehicleRequired") is True or _opt_str(event, "loanerVehicleUuid") is not None
    two_drivers = (
        _opt_str(event, "primaryDriverUUID") is not None
        and _opt_str(event, "secondaryDriverUUID") is not None
    )
    suffix = "WITH_LOANER" if loaner else "NO_LOANER"
    if ride_type in _VEHICLE_RIDES:
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


def _insert_trip(
    conn: sqlite3.Connection,
    dealer: Dealer,
    appointment_uuid: str,
    event: JsonObject,
    checked: _CheckedEvent,
) -> str:
    """A new live trip linked to the appointment; status defaults to UNASSIGNED (D-UNDOCUMENTED-OBJECTS)."""
    trip_uuid = _new_uuid()
    stored = _stored_event(event, checked.first_name, checked.last_name)
    status = _opt_str(event, "tripStatus") or _DEFAULT_TRIP_STATUS
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
            _opt_str(event, "customerUUID"),
            checked.first_name,
            checked.last_name,
            _dumps(stored),
        ),
    )
    return trip_uuid


def _update_trip(
    conn: sqlite3.Connection, trip: sqlite3.Row, event: JsonObject, checked: _CheckedEvent
) -> None:
    """The update scenario: the sent event replaces the stored one; version + 1 (D-CONCURRENCY).

    An absent ``tripStatus`` keeps the current status (the UNASSIGNED default applies to new trips only).
    """
    stored = _stored_event(event, checked.first_name, checked.last_name)
    status = _opt_str(event, "tripStatus") or trip["trip_status"]
    conn.execute(
        "UPDATE appointment_trips SET department_uuid = ?, version = version + 1, trip_status = ?,"
        " ride_type = ?, appointment_time = ?, customer_uuid = ?, customer_first_name = ?,"
        " customer_last_name = ?, event_json = ? WHERE uuid = ?",
        (
            event["dealerDepartmentUUID"],
            status,
            event["rideType"],
            event["appointmentTime"],
            _opt_str(event, "customerUUID"),
            checked.first_name,
            checked.last_name,
            _dumps(stored),
            trip["uuid"],
        ),
    )


def _cancel_trip(conn: sqlite3.Connection, trip_uuid: str) -> None:
    """Cancel and unlink a trip; the record is kept (D-DELETE-TRIP-SCENARIO, D-A3, D-CONCURRENCY)."""
    conn.execute(
        "UPDATE appointment_trips SET trip_status = ?, is_valid = 0, appointment_uuid = NULL,"
        " version = version + 1 WHERE uuid = ?",
        (_CANCELLED, trip_uuid),
    )


def _live_trip_of(conn: sqlite3.Connection, appointment_uuid: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM appointment_trips WHERE appointment_uuid = ? AND is_valid = 1 ORDER BY rowid LIMIT 1",
        (appointment_uuid,),
    ).fetchone()
    return row


def _require_linked_trip(
    conn: sqlite3.Connection, dealer: Dealer, trip_uuid: str, appointment_uuid: str
) -> sqlite3.Row:
    """The valid trip linked to the appointment, else 404 TRIP_NOT_FOUND (D-A2-ERRORS)."""
    trip = _linked_trip(conn, dealer, trip_uuid, appointment_uuid)
    if trip is None:
        raise ApiError(
            404,
            [
                Problem(
                    "TRIP_NOT_FOUND",
                    "no valid trip with this uuid on the appointment",
                    f"{_A2_APPT}.pickupDeliveryTripMetadata.tripUUID",
                )
            ],
        )
    return trip


def _linked_trip(
    conn: sqlite3.Connection, dealer: Dealer, trip_uuid: str, appointment_uuid: str
) -> sqlite3.Row | None:
    """The trip if it is a live trip of the dealer linked to the appointment (D-A2-ERRORS, D-A3)."""
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM appointment_trips WHERE uuid = ? AND dealer_uuid = ? AND appointment_uuid = ?"
        " AND is_valid = 1",
        (trip_uuid, dealer.uuid, appointment_uuid),
    ).fetchone()
    return row


def _trip_view(row: sqlite3.Row) -> dict[str, Any]:
    """A TripViewDto (getTripsForAppointment) built from a stored trip (facts §3.2, D-DRAFT)."""
    event: dict[str, Any] = _loads(row["event_json"])
    identifiers = event.get("vehicleIdentifiers") or {}
    view: dict[str, Any] = {
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
        "assignedByDealerAssociateUUID": event.get("assignedByDealerAssociateUUID"),
        "primaryDriverUUID": event.get("primaryDriverUUID"),
        "secondaryDriverUUID": event.get("secondaryDriverUUID"),
        "serviceAdvisorUUID": event.get("serviceAdvisorUUID"),
        "loanerVehicleRequired": event.get("loanerVehicleRequired") is True,
        "isDropCar": event.get("isDropCar") is True,
        "loanerVehicleUuid": event.get("loanerVehicleUuid"),
        "swappedLoanerVehicleUuid": event.get("swappedLoanerVehicleUuid"),
        "originAddress": event.get("originAddress"),
        "destinationAddress": event.get("destinationAddress"),
        "linkedAppointmentUuid": event.get("linkedAppointmentUuid"),
        "linkedTripUuids": list(event.get("linkedTripUuids") or []),
        "customerMessagingSuppressed": row["trip_status"] in _DRAFT_STATUSES,
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
        view["internalRideType"] = internal
    return view


# --------------------------------------------------------------------------------------------------------
# Appointments


def _dealer_appointment(
    conn: sqlite3.Connection, dealer: Dealer, appointment_uuid: str
) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM appointment_appointments WHERE uuid = ? AND dealer_uuid = ?",
        (appointment_uuid, dealer.uuid),
    ).fetchone()
    return row


def _appointment_not_found(field: str | None) -> ApiError:
    return ApiError(404, [Problem("APPOINTMENT_NOT_FOUND", "no such appointment for this dealer", field)])


def _delete_appointment(conn: sqlite3.Connection, appointment_uuid: str) -> None:
    """Delete an appointment; its live trips are cancelled as in D-A3 so none is left without appointment."""
    for row in conn.execute(
        "SELECT uuid FROM appointment_trips WHERE appointment_uuid = ? AND is_valid = 1", (appointment_uuid,)
    ).fetchall():
        _cancel_trip(conn, row[0])
    conn.execute("DELETE FROM appointment_appointments WHERE uuid = ?", (appointment_uuid,))


def _appointment_info(conn: sqlite3.Connection, row: sqlite3.Row) -> dict[str, Any]:
    """AppointmentInfo of getAppointment (D-APPT-READ); messaging flag from the linked trip (D-DRAFT)."""
    trip = _live_trip_of(conn, row["uuid"])
    info: dict[str, Any] = {
        "appointmentUuid": row["uuid"],
        "dealerUuid": row["dealer_uuid"],
        "departmentUuid": row["department_uuid"],
        "customerUuid": row["customer_uuid"],
        "appointmentStartDateTime": row["start_local"],
        "appointmentEndDateTime": row["end_local"],
        "userUuid": row["user_uuid"],
        "comments": row["comments"],
        "internalNotes": row["internal_notes"],
        "altTransportation": row["alt_transportation"],
        "source": row["source"],
        "transportOptionUuid": row["transport_option_uuid"],
        "serviceList": _loads(row["service_list_json"]),
        "tripUuid": None if trip is None else trip["uuid"],
        "customerMessagingSuppressed": trip is not None and trip["trip_status"] in _DRAFT_STATUSES,
    }
    vehicle = _loads(row["vehicle_json"])
    if vehicle is not None:
        info["vehicleInformation"] = vehicle
    preference = _loads(row["preference_json"])
    if preference is not None:
        info["customerAppointmentPreference"] = preference
    return info


def _transport_option(metadata: JsonObject | None) -> tuple[bool, str | None]:
    """(sent, value) of ``pickupDeliveryTripMetadata.subTransportOptionRequest.transportOptionUuid``."""
    if not metadata:
        return False, None
    request = metadata.get("subTransportOptionRequest")
    if not isinstance(request, Mapping):
        return False, None
    return True, _opt_str(request, "transportOptionUuid")


def _save_response(event_uuid: str | None, appointment_uuid: str) -> dict[str, Any]:
    """SaveAppointmentWithTripResponse; errors/warnings null on success, as in the vendor sample (§4.3/27)."""
    return {
        "eventUUID": event_uuid,
        "appointmentUUID": appointment_uuid,
        "statusCode": 200,
        "errors": None,
        "warnings": None,
    }


# --------------------------------------------------------------------------------------------------------
# Handlers


def create_appointment_with_trip(ctx: RequestContext) -> dict[str, Any]:
    """A1 (facts §4.3 rule 14, D-CREATE-APPT-SHAPE, D-CONSISTENCY, D-END-TIME, D-ENFORCE-PREFERENCES).

    Every 400 problem is collected and reported together. Then the replaced appointments named by
    ``mobileServiceApptUuid`` / ``regularServiceApptUuid`` must exist for the dealer (404
    APPOINTMENT_NOT_FOUND before anything is created); they are deleted after the create.
    """
    dealer = _path_dealer(ctx)
    body = _body(ctx)
    wrapper: JsonObject = body.get(_A1_WRAPPER) or {}
    request: JsonObject = body.get(_A1_APPT) or {}
    event: JsonObject | None = wrapper.get("pickupDeliveryTripEvent")
    info: JsonObject = request.get("appointmentInformation") or {}
    info_prefix = f"{_A1_APPT}.appointmentInformation"

    problems = _check_wrapper(ctx.world, dealer, wrapper, _A1_WRAPPER)
    checked: _CheckedEvent | None = None
    if not isinstance(event, Mapping):
        # facts §3.2: the event is required on create.
        problems.append(
            _invalid("pickupDeliveryTripEvent is required", f"{_A1_WRAPPER}.pickupDeliveryTripEvent")
        )
    else:
        checked = _check_event(ctx.conn, ctx.world, dealer, wrapper, event, _A1_WRAPPER)
        problems.extend(checked.problems)

    # D-CONSISTENCY: the appointment's customer is a customer of one of the dealer's departments.
    customer_uuid = _opt_str(request, "customerUuid")
    if customer_uuid is None:
        problems.append(
            _invalid("customerUuid is required (D-CREATE-APPT-SHAPE)", f"{_A1_APPT}.customerUuid")
        )
    elif _dealer_customer(ctx.conn, dealer, customer_uuid) is None:
        problems.append(
            Problem(
                "CUSTOMER_NOT_FOUND",
                "no such customer in the dealer's departments (D-CONSISTENCY)",
                f"{_A1_APPT}.customerUuid",
            )
        )
    problems.extend(_check_user_uuid(ctx.world, dealer, info, info_prefix))
    # D-CREATE-APPT-SHAPE: the trip does not exist yet, so a tripUUID on create is refused.
    metadata: JsonObject | None = request.get("pickupDeliveryTripMetadata")
    if isinstance(metadata, Mapping) and "tripUUID" in metadata:
        problems.append(
            _invalid(
                "tripUUID is not allowed on create (D-CREATE-APPT-SHAPE)",
                f"{_A1_APPT}.pickupDeliveryTripMetadata.tripUUID",
            )
        )
    times = _create_times(info, info_prefix, problems)
    if problems or checked is None or event is None or times is None or customer_uuid is None:
        raise ApiError(400, problems or [_invalid("invalid request", None)])

    # D-ENFORCE-PREFERENCES: replaced appointments must exist before anything is created.
    replaced: list[str] = []
    for name in ("mobileServiceApptUuid", "regularServiceApptUuid"):
        value = ctx.query.get(name)
        if value is None or value in replaced:
            continue
        if _dealer_appointment(ctx.conn, dealer, str(value)) is None:
            raise _appointment_not_found(name)
        replaced.append(str(value))

    appointment_uuid = _new_uuid()
    _, transport = _transport_option(metadata)
    start, end = times
    ctx.conn.execute(
        "INSERT INTO appointment_appointments (uuid, dealer_uuid, department_uuid, customer_uuid,"
        " vehicle_json, start_local, end_local, user_uuid, comments, internal_notes, alt_transportation,"
        " source, transport_option_uuid, service_list_json, preference_json, assigned_user_json,"
        " creator_user_json)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            appointment_uuid,
            dealer.uuid,
            event["dealerDepartmentUUID"],
            customer_uuid,
            _dumps(request.get("vehicleInformation"))
            if request.get("vehicleInformation") is not None
            else None,
            start.strftime(_LOCAL_FORMAT),
            end.strftime(_LOCAL_FORMAT),
            info.get("userUuid"),
            info.get("comments"),
            info.get("internalNotes"),
            info.get("altTransportation"),
            info.get("source"),
            transport,
            _dumps(request.get("serviceList") or []),
            _dumps(request["customerAppointmentPreference"])
            if request.get("customerAppointmentPreference") is not None
            else None,
            _dumps(request["assignedUser"]) if request.get("assignedUser") is not None else None,
            _dumps(request["creatorUser"]) if request.get("creatorUser") is not None else None,
        ),
    )
    trip_uuid = _insert_trip(ctx.conn, dealer, appointment_uuid, event, checked)

    # facts §4.3 rule 14, D-ENFORCE-PREFERENCES: the replaced appointment goes only after the create.
    for old in replaced:
        _delete_appointment(ctx.conn, old)
    return _save_response(trip_uuid, appointment_uuid)


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
    dealer = _path_dealer(ctx)
    body = _body(ctx)
    appointment = _dealer_appointment(ctx.conn, dealer, ctx.path["sarUUID"])
    if appointment is None:
        raise _appointment_not_found("sarUUID")

    wrapper: JsonObject = body.get(_A2_WRAPPER) or {}
    request: JsonObject = body.get(_A2_APPT) or {}
    raw_event = wrapper.get("pickupDeliveryTripEvent")
    event: JsonObject | None = raw_event if isinstance(raw_event, Mapping) else None
    metadata: JsonObject = request.get("pickupDeliveryTripMetadata") or {}
    trip_uuid = _opt_str(metadata, "tripUUID")
    info: JsonObject = request.get("appointmentInformation") or {}
    info_prefix = f"{_A2_APPT}.appointmentInformation"
    event_prefix = f"{_A2_WRAPPER}.pickupDeliveryTripEvent"

    # facts §4.3 rule 15, D-A2-ERRORS: both null is not a scenario.
    if event is None and trip_uuid is None:
        raise ApiError(
            400,
            [
                Problem(
                    "TRIP_EVENT_REQUIRED",
                    "pickupDeliveryTripEvent and tripUUID cannot both be null",
                    event_prefix,
                )
            ],
        )

    problems = _check_wrapper(ctx.world, dealer, wrapper, _A2_WRAPPER)
    checked: _CheckedEvent | None = None
    if event is not None:
        checked = _check_event(ctx.conn, ctx.world, dealer, wrapper, event, _A2_WRAPPER)
        problems.extend(checked.problems)
        # D-TRIP-UUID: in the update scenario eventUUID is required and equals tripUUID.
        if trip_uuid is not None and _opt_str(event, "eventUUID") != trip_uuid:
            problems.append(
                Problem(
                    "TRIP_UUID_MISMATCH",
                    "pickupDeliveryTripEvent.eventUUID must be sent and equal"
                    " pickupDeliveryTripMetadata.tripUUID (D-TRIP-UUID)",
                    f"{event_prefix}.eventUUID",
                )
            )
    problems.extend(_check_user_uuid(ctx.world, dealer, info, info_prefix))
    times = _update_times(info, info_prefix, bool(ctx.query.get("enforcePreferences", False)), problems)
    if problems or times is None:
        raise ApiError(400, problems or [_invalid("invalid request", None)])

    transport_sent, transport = _transport_option(metadata)
    new_transport: str | None = transport if transport_sent else appointment["transport_option_uuid"]
    result_trip: str | None
    if event is not None and trip_uuid is not None:
        # Update scenario (D-A2-ERRORS: trip not found or not valid ⇒ 404).
        assert checked is not None
        trip = _require_linked_trip(ctx.conn, dealer, trip_uuid, appointment["uuid"])
        _update_trip(ctx.conn, trip, event, checked)
        result_trip = trip_uuid
    elif event is not None:
        # Create scenario: fails while the appointment has a trip (facts §4.3 rule 15, D-A2-ERRORS: 409).
        assert checked is not None
        existing = _live_trip_of(ctx.conn, appointment["uuid"])
        if existing is not None:
            raise ApiError(
                409,
                [
                    Problem(
                        "TRIP_ALREADY_EXISTS",
                        f"the appointment already has trip {existing['uuid']}",
                        f"{_A2_APPT}.pickupDeliveryTripMetadata.tripUUID",
                    )
                ],
            )
        result_trip = _insert_trip(ctx.conn, dealer, appointment["uuid"], event, checked)
    else:
        # Delete scenario (D-DELETE-TRIP-SCENARIO): cancel + unlink; transport option cleared unless sent.
        assert trip_uuid is not None
        trip = _require_linked_trip(ctx.conn, dealer, trip_uuid, appointment["uuid"])
        _cancel_trip(ctx.conn, trip_uuid)
        if not transport_sent:
            new_transport = None
        result_trip = None

    _update_appointment(ctx.conn, appointment, request, info, times, new_transport)
    return _save_response(result_trip, appointment["uuid"])


_INFO_COLUMNS: Final = (
    ("userUuid", "user_uuid"),
    ("comments", "comments"),
    ("internalNotes", "internal_notes"),
    ("altTransportation", "alt_transportation"),
    ("source", "source"),
)


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
        "start_local": start.strftime(_LOCAL_FORMAT),
        "end_local": end.strftime(_LOCAL_FORMAT),
        "transport_option_uuid": transport,
    }
    for key, column in _INFO_COLUMNS:
        if key in info:
            values[column] = info[key]
    if isinstance(request.get("serviceList"), list):
        values["service_list_json"] = _dumps(request["serviceList"])
    for key, column in (
        ("customerAppointmentPreference", "preference_json"),
        ("vehicleInformation", "vehicle_json"),
        ("updatedByUserDetails", "updated_by_json"),
    ):
        if request.get(key) is not None:
            values[column] = _dumps(request[key])
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
    dealer = _path_dealer(ctx)
    body = _body(ctx)
    problems: list[Problem] = []
    body_dealer = body.get("dealerUuid")
    if body_dealer is not None and body_dealer != dealer.uuid:
        problems.append(
            Problem(
                "INCORRECT_DEALER_INFO",
                "dealerUuid must equal the path dealerUuid (D-CONSISTENCY)",
                "dealerUuid",
            )
        )
    departments = _department_uuids(dealer)
    listed = body.get("dealerDepartmentUUIDList") or []
    if not listed:
        problems.append(
            _invalid(
                "dealerDepartmentUUIDList needs at least one department (D-A3)", "dealerDepartmentUUIDList"
            )
        )
    elif listed[0] not in departments:
        problems.append(
            Problem(
                "INCORRECT_DEALER_INFO",
                "the department is not a department of the path dealer (D-CONSISTENCY)",
                "dealerDepartmentUUIDList[0]",
            )
        )
    if body.get("updatedByDeptUUID") not in departments:
        problems.append(
            Problem(
                "INCORRECT_DEALER_INFO",
                "updatedByDeptUUID is not a department of the path dealer (D-CONSISTENCY)",
                "updatedByDeptUUID",
            )
        )
    if body.get("source") != _WEB and _opt_str(body, "requesterUuid") is None:
        problems.append(_invalid("requesterUuid is required unless source is WEB (D-A3)", "requesterUuid"))
    for key in ("requesterUuid", "updatedByDAUUID"):
        problems.extend(_check_associate(ctx.world, dealer, body, key, ""))
    if problems:
        raise ApiError(400, problems)

    appointment_uuid = str(body.get("appointmentUuid") or "")
    trip_uuid = str(body.get("tripUuid") or "")
    if _dealer_appointment(ctx.conn, dealer, appointment_uuid) is None:
        raise _appointment_not_found("appointmentUuid")
    if _linked_trip(ctx.conn, dealer, trip_uuid, appointment_uuid) is None:
        raise ApiError(
            404, [Problem("TRIP_NOT_FOUND", "no valid trip with this uuid on the appointment", "tripUuid")]
        )
    _delete_appointment(ctx.conn, appointment_uuid)
    return {"tripUuid": trip_uuid, "appointmentUuid": appointment_uuid, "statusCode": 200, "errors": None}


def get_trips_for_appointment(ctx: RequestContext) -> dict[str, Any]:
    """A4: the live trips linked to the appointment (facts §4.3 rule 29, D-DELETE-TRIP-SCENARIO).

    An unknown, deleted or foreign ``sarUuid`` ⇒ 404 APPOINTMENT_NOT_FOUND (D-A3, D-STATUS).
    """
    dealer = _path_dealer(ctx)
    body = _body(ctx)
    sar_uuid = str(body.get("sarUuid") or "")
    if _dealer_appointment(ctx.conn, dealer, sar_uuid) is None:
        raise _appointment_not_found("sarUuid")
    rows = ctx.conn.execute(
        "SELECT * FROM appointment_trips WHERE appointment_uuid = ? AND is_valid = 1 ORDER BY rowid",
        (sar_uuid,),
    ).fetchall()
    views = [_trip_view(row) for row in rows]
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
        raise _appointment_not_found("appointmentUuid")
    return {"appointmentInfo": _appointment_info(ctx.conn, row), "error": None, "warnings": None}


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

__all__: Sequence[str] = ("APPOINTMENT_TABLES", "HANDLERS", "SCHEMA_SQL", "WRITE_OPERATIONS")
