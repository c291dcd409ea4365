"""Appointment and trip times as the spec writes them (D-TIME) and the end-time rule (D-END-TIME), once.

A dealer-local appointment time is ``yyyy-MM-dd'T'HH:mm:ss``; a trip time adds an offset without a colon
(``-0700``); an update sends a date and ``HH:mm:ss`` times. A value of the right shape must also be a real
calendar date (``2024-02-30`` is not). An appointment ends after it starts; without an end it takes its
start's 30-minute slot (10:00:00 ends 10:29:59). Client pre-flight and mock both read these.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any, Final

__all__ = [
    "DATE_FORMAT",
    "DATE_RE",
    "LOCAL_DATETIME_RE",
    "LOCAL_FORMAT",
    "SLOT",
    "TIME_RE",
    "TRIP_FORMAT",
    "TRIP_TIME_RE",
    "end_of",
    "is_impossible",
    "parsed",
]

LOCAL_FORMAT: Final = "%Y-%m-%dT%H:%M:%S"
TRIP_FORMAT: Final = "%Y-%m-%dT%H:%M:%S%z"
DATE_FORMAT: Final = "%Y-%m-%d"
_DATE: Final = r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"
_TIME: Final = r"([01]\d|2[0-3]):[0-5]\d:[0-5]\d"
#: The shapes of D-TIME (the schema's patterns); `parsed` then refuses impossible dates.
LOCAL_DATETIME_RE: Final = re.compile(f"{_DATE}T{_TIME}")
TRIP_TIME_RE: Final = re.compile(rf"{_DATE}T{_TIME}[+-]\d{{4}}")
DATE_RE: Final = re.compile(_DATE)
TIME_RE: Final = re.compile(_TIME)
#: D-END-TIME: an appointment without an end takes its start's 30-minute slot.
SLOT: Final = timedelta(minutes=30) - timedelta(seconds=1)


def parsed(value: Any, shape: re.Pattern[str], fmt: str) -> datetime | None:
    """`value` as a datetime when it has the `shape` and is a real date and time; else None."""
    if not isinstance(value, str) or shape.fullmatch(value) is None:
        return None
    try:
        return datetime.strptime(value, fmt)
    except ValueError:
        return None


def is_impossible(value: Any, shape: re.Pattern[str], fmt: str) -> bool:
    """Whether `value` has the `shape` but names no real date and time (``2024-02-30T10:00:00``)."""
    return isinstance(value, str) and shape.fullmatch(value) is not None and parsed(value, shape, fmt) is None


def end_of(start: datetime, end: datetime | None) -> datetime | None:
    """The appointment's end (D-END-TIME): `end`, the start's slot when there is none, None when `end` is
    not after `start`."""
    if end is None:
        return start + SLOT
    return end if end > start else None
