"""Appointment and trip times (D-TIME, D-END-TIME): parsing, derived end times, the update's times."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Final

from mykaarma_core.times import (
    DATE_RE,
    LOCAL_DATETIME_RE,
    LOCAL_FORMAT,
    TIME_RE,
    TRIP_FORMAT,
    TRIP_TIME_RE,
    end_of,
    is_impossible,
    parsed,
)
from mykaarma_mock.errors import ErrorItem

from .shared import JsonObject, invalid

if TYPE_CHECKING:
    pass


#: The time properties of ``appointmentInformation`` (create: A1, update: A2); stored as start and end.
TIME_FIELDS: Final = frozenset(
    {"appointmentStartDateTime", "appointmentEndDateTime", "appointmentDate", "appointmentStartTime",
     "appointmentEndTime"}
)  # fmt: skip


def _parse_local(value: Any, field: str, problems: list[ErrorItem]) -> datetime | None:
    """A dealer-local ``yyyy-MM-dd'T'HH:mm:ss`` (D-TIME); a problem on ``field`` when malformed."""
    if not isinstance(value, str) or not LOCAL_DATETIME_RE.fullmatch(value):
        problems.append(invalid("expected yyyy-MM-dd'T'HH:mm:ss without offset (D-TIME)", field))
        return None
    found = parsed(value, LOCAL_DATETIME_RE, LOCAL_FORMAT)
    if found is None:
        problems.append(invalid(f"{value!r} is not a valid date and time (D-TIME)", field))
    return found


def check_trip_time(value: Any, field: str, problems: list[ErrorItem]) -> None:
    """Trip ``appointmentTime``: ``yyyy-MM-dd'T'HH:mm:ssZ``, offset without colon (D-TIME, facts §4.3/24)."""
    if not isinstance(value, str) or not TRIP_TIME_RE.fullmatch(value):
        problems.append(
            invalid("expected yyyy-MM-dd'T'HH:mm:ssZ, e.g. 2024-10-26T10:00:00-0700 (D-TIME)", field)
        )
    elif is_impossible(value, TRIP_TIME_RE, TRIP_FORMAT):
        problems.append(invalid(f"{value!r} is not a valid date and time (D-TIME)", field))


def _resolve_end(
    start: datetime | None, end: datetime | None, end_field: str, problems: list[ErrorItem]
) -> datetime | None:
    """The end of the appointment (D-END-TIME).

    Absent ⇒ the start's 30-minute slot (start + 29:59). An end that is not after the start ⇒ 400
    INVALID_REQUEST_DATA (D-END-TIME says "before"; the schema describes the end as "after the start", so an
    end equal to the start is refused as well).
    """
    if start is None:
        return None
    resolved = end_of(start, end)
    if resolved is None:
        problems.append(invalid("the appointment must end after it starts (D-END-TIME)", end_field))
    return resolved


def create_times(
    info: JsonObject, prefix: str, problems: list[ErrorItem]
) -> tuple[datetime, datetime] | None:
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


def update_times(
    info: JsonObject, prefix: str, enforce_preferences: bool, problems: list[ErrorItem]
) -> tuple[datetime, datetime] | None:
    """A2: ``appointmentDate`` + "T" + ``appointmentStartTime``; optional same-day ``appointmentEndTime``.

    With ``enforcePreferences`` a sent end is ignored and the 30-minute slot applies (D-ENFORCE-PREFERENCES).
    Facts §4.3 rules 24-25, D-TIME, D-END-TIME.
    """
    date = info.get("appointmentDate")
    start_time = info.get("appointmentStartTime")
    ok = True
    if not isinstance(date, str) or not DATE_RE.fullmatch(date):
        problems.append(invalid("expected yyyy-MM-dd (D-TIME)", f"{prefix}.appointmentDate"))
        ok = False
    if not isinstance(start_time, str) or not TIME_RE.fullmatch(start_time):
        problems.append(invalid("expected HH:mm:ss (D-TIME)", f"{prefix}.appointmentStartTime"))
        ok = False
    end_time = None if enforce_preferences else info.get("appointmentEndTime")
    end_field = f"{prefix}.appointmentEndTime"
    if end_time is not None and (not isinstance(end_time, str) or not TIME_RE.fullmatch(end_time)):
        problems.append(invalid("expected HH:mm:ss (D-TIME)", end_field))
        ok = False
    if not ok:
        return None
    assert isinstance(date, str)
    assert isinstance(start_time, str)
    start = _parse_local(f"{date}T{start_time}", f"{prefix}.appointmentDate", problems)
    end = None
    if start is not None and isinstance(end_time, str):
        end = datetime.strptime(f"{date}T{end_time}", LOCAL_FORMAT)
    resolved = _resolve_end(start, end, end_field, problems)
    return None if start is None or resolved is None else (start, resolved)
