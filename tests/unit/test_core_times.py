"""D-TIME and D-END-TIME as `mykaarma_core.times` states them for client and mock."""

from __future__ import annotations

from datetime import datetime

import pytest

from mykaarma_core.times import (
    LOCAL_DATETIME_RE,
    LOCAL_FORMAT,
    TRIP_FORMAT,
    TRIP_TIME_RE,
    end_of,
    is_impossible,
    parsed,
)


@pytest.mark.parametrize(
    ("value", "real", "impossible"),
    [
        ("2024-02-29T10:00:00", True, False),  # a leap day
        ("2023-02-29T10:00:00", False, True),  # the right shape, no such day
        ("2024-13-01T10:00:00", False, False),  # the wrong shape: the schema's to report
        ("2024-02-29T10:00:00-0700", False, False),  # an offset is not a local time
        (None, False, False),
    ],
)
def test_local_times(value: object, real: bool, impossible: bool) -> None:
    assert (parsed(value, LOCAL_DATETIME_RE, LOCAL_FORMAT) is not None) is real
    assert is_impossible(value, LOCAL_DATETIME_RE, LOCAL_FORMAT) is impossible


def test_trip_times_carry_an_offset_without_a_colon() -> None:
    assert parsed("2024-10-26T09:15:00-0700", TRIP_TIME_RE, TRIP_FORMAT) is not None
    assert parsed("2024-10-26T09:15:00-07:00", TRIP_TIME_RE, TRIP_FORMAT) is None
    assert is_impossible("2024-04-31T09:15:00+0000", TRIP_TIME_RE, TRIP_FORMAT)


def test_an_appointment_ends_after_it_starts_or_takes_its_slot() -> None:
    start = datetime(2024, 10, 26, 10, 0, 0)
    assert end_of(start, None) == datetime(2024, 10, 26, 10, 29, 59)
    assert end_of(start, datetime(2024, 10, 26, 11, 0, 0)) == datetime(2024, 10, 26, 11, 0, 0)
    assert end_of(start, start) is None  # not after the start
    assert end_of(start, datetime(2024, 10, 26, 9, 0, 0)) is None
