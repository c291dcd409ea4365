"""The pure retry rules: backoff math, Retry-After parsing, and which failures retry under which policy."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from mykaarma._retry import (
    INITIAL_RETRY_DELAY,
    MAX_RETRY_DELAY,
    RETRY_AFTER_CEILING,
    RetryPolicy,
    backoff_delay,
    decide_exception,
    decide_status,
    never_sent,
    parse_retry_after,
)

IDEMPOTENT = RetryPolicy.IDEMPOTENT
CONNECT_ONLY = RetryPolicy.CONNECT_ONLY
NOW = 1_750_000_000.0


def test_defaults_are_the_documented_ones() -> None:
    assert (INITIAL_RETRY_DELAY, MAX_RETRY_DELAY, RETRY_AFTER_CEILING) == (0.5, 8.0, 60.0)


@pytest.mark.parametrize(
    ("rand", "expected"),
    [
        (0.0, [0.25, 0.5, 1.0, 2.0, 4.0, 4.0, 4.0]),  # the floor: half the base
        (0.5, [0.375, 0.75, 1.5, 3.0, 6.0, 6.0, 6.0]),
        (1.0, [0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0]),  # the ceiling: 0.5 s * 2**n, capped at 8 s
    ],
)
def test_backoff_sequence_doubles_from_half_a_second_and_caps_at_eight(
    rand: float, expected: list[float]
) -> None:
    assert [backoff_delay(n, rand) for n in range(7)] == expected


def test_backoff_jitter_stays_within_half_to_full_base_and_huge_indexes_do_not_overflow() -> None:
    for n in range(12):
        base = min(0.5 * 2**n, 8.0)
        low, high = backoff_delay(n, 0.0), backoff_delay(n, 0.999999)
        assert base / 2 <= low <= high <= base
    assert backoff_delay(10_000, 0.5) == 6.0
    assert backoff_delay(0, 7.0) == 0.5  # an out-of-range random is clamped, never beyond the base


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("3", 3.0),
        ("0", 0.0),
        (" 2.5 ", 2.5),
        ("120", 120.0),
        (None, None),
        ("", None),
        ("soon", None),
        ("-4", None),
        ("nan", None),
    ],
)
def test_retry_after_delta_seconds(header: str | None, expected: float | None) -> None:
    assert parse_retry_after(header, now=NOW) == expected


def test_retry_after_http_date_is_relative_to_now() -> None:
    when = datetime.fromtimestamp(NOW, UTC) + timedelta(seconds=7)
    assert parse_retry_after(format_datetime(when, usegmt=True), now=NOW) == pytest.approx(7.0)


def test_retry_after_http_date_in_the_past_means_now_and_asctime_is_gmt() -> None:
    past = datetime.fromtimestamp(NOW, UTC) - timedelta(minutes=5)
    assert parse_retry_after(format_datetime(past, usegmt=True), now=NOW) == 0.0
    asctime = (datetime.fromtimestamp(NOW, UTC) + timedelta(seconds=30)).strftime("%a %b %d %H:%M:%S %Y")
    assert parse_retry_after(asctime, now=NOW) == pytest.approx(30.0)


STATUS_TABLE = [
    # status, body has errors, retried under IDEMPOTENT, retried under CONNECT_ONLY
    (400, True, False, False),
    (401, True, False, False),
    (403, True, False, False),
    (404, True, False, False),
    (405, True, False, False),
    (408, False, True, False),
    (409, True, False, False),  # DUPLICATE_CUSTOMER_KEY / TRIP_ALREADY_EXISTS never heal
    (409, False, True, False),  # a bare 409 (lock conflict) may
    (413, True, False, False),
    (415, True, False, False),
    (422, False, False, False),
    (429, True, True, True),  # rate limited before processing: safe even for creates
    (500, True, True, False),
    (501, False, False, False),
    (502, False, True, False),
    (503, True, True, False),  # may come from a gateway after the record was saved
    (504, False, True, False),
    (505, False, False, False),
    (520, False, True, False),
]


@pytest.mark.parametrize(("status", "has_errors", "idempotent", "connect_only"), STATUS_TABLE)
def test_which_statuses_retry_per_policy(
    status: int, has_errors: bool, idempotent: bool, connect_only: bool
) -> None:
    assert decide_status(status, IDEMPOTENT, has_errors=has_errors).retry is idempotent
    decision = decide_status(status, CONNECT_ONLY, has_errors=has_errors)
    assert decision.retry is connect_only
    # "blocked by policy" marks exactly the failures an idempotent call would have retried
    assert decision.blocked_by_policy is (idempotent and not connect_only)


def _request() -> httpx.Request:
    return httpx.Request("POST", "https://api.test/x")


EXCEPTION_TABLE = [
    # exception, never sent, retried under IDEMPOTENT, retried under CONNECT_ONLY
    (httpx.ConnectError("refused", request=_request()), True, True, True),
    (httpx.ConnectTimeout("connect timed out", request=_request()), True, True, True),
    (httpx.PoolTimeout("no free connection", request=_request()), True, True, True),
    (httpx.ReadTimeout("read timed out", request=_request()), False, True, False),
    (httpx.WriteTimeout("write timed out", request=_request()), False, True, False),
    (httpx.ReadError("reset", request=_request()), False, True, False),
    (httpx.WriteError("broken pipe", request=_request()), False, True, False),
    (httpx.RemoteProtocolError("server disconnected", request=_request()), False, True, False),
    (httpx.LocalProtocolError("bad header", request=_request()), False, False, False),
    (httpx.UnsupportedProtocol("ftp", request=_request()), True, False, False),
    (httpx.TooManyRedirects("loop", request=_request()), False, False, False),
    (httpx.DecodingError("bad gzip", request=_request()), False, False, False),
]


@pytest.mark.parametrize(("exc", "unsent", "idempotent", "connect_only"), EXCEPTION_TABLE)
def test_which_transport_failures_retry_per_policy(
    exc: Exception, unsent: bool, idempotent: bool, connect_only: bool
) -> None:
    assert never_sent(exc) is unsent
    assert decide_exception(exc, IDEMPOTENT).retry is idempotent
    decision = decide_exception(exc, CONNECT_ONLY)
    assert decision.retry is connect_only
    assert decision.blocked_by_policy is (idempotent and not connect_only)
    assert type(exc).__name__ in decision.reason
