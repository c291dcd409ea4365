"""Retry rules: which failures retry under which policy, how long to wait, and the Retry-After header.

Retrying a request that may have reached the server is only safe if doing it twice equals doing it once
(design §4). Each operation therefore runs under a policy:

* `RetryPolicy.IDEMPOTENT` — reads, updates, deletes and create-or-update with ``searchForDuplicate=true``:
  retry connection errors (connect, read, write, dropped connections, timeouts) and the statuses 408, 429,
  5xx (except 501 and 505, which never heal) and 409 *when the body carries no errors*. A 409 with errors is
  a business-rule conflict (DUPLICATE_CUSTOMER_KEY, TRIP_ALREADY_EXISTS) that a retry cannot heal.
* `RetryPolicy.CONNECT_ONLY` — plain create customer and create appointment-with-trip: retry only failures
  that prove the server did not process the request: ``httpx.ConnectError``, ``ConnectTimeout``,
  ``PoolTimeout`` (never sent) and a 429 response (a rate limiter answers before the request is processed).
  A 503 is *not* retried: it may come from a gateway after the service saved the record. 408 is not retried
  either, for the same reason (an intermediary may send it after forwarding the request).

Delays: equal jitter on 0.5 s * 2**n capped at 8 s (a delay lies in [base/2, base)), so clients spread out
but never retry at once. A ``Retry-After`` (delta-seconds or HTTP-date) replaces the backoff when present; one
above `RETRY_AFTER_CEILING` (60 s) is not waited for: the error is raised at once with `retry_after` set.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass
from datetime import UTC
from email.utils import parsedate_to_datetime

import httpx

__all__ = [
    "DEFAULT_MAX_RETRIES",
    "INITIAL_RETRY_DELAY",
    "MAX_RETRY_DELAY",
    "RETRY_AFTER_CEILING",
    "Decision",
    "RetryPolicy",
    "backoff_delay",
    "decide_exception",
    "decide_status",
    "never_sent",
    "parse_retry_after",
]

DEFAULT_MAX_RETRIES = 2
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
RETRY_AFTER_CEILING = 60.0

#: Statuses that never heal on their own: Not Implemented, HTTP Version Not Supported.
_PERMANENT_5XX = frozenset({501, 505})
#: Transport failures that prove the request was never sent.
_NEVER_SENT: tuple[type[Exception], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.UnsupportedProtocol,
)
#: Transport failures a retry cannot fix (a bug or a setting, not a passing fault).
_DETERMINISTIC: tuple[type[Exception], ...] = (
    httpx.UnsupportedProtocol,
    httpx.LocalProtocolError,
    httpx.DecodingError,
    httpx.TooManyRedirects,
)


class RetryPolicy(enum.Enum):
    """How far a failed call may be retried (see the module docstring)."""

    IDEMPOTENT = "idempotent"
    CONNECT_ONLY = "connect_only"


@dataclass(frozen=True)
class Decision:
    """Whether to retry a failure, why, and whether only the policy (not the failure) prevents it."""

    retry: bool
    reason: str
    blocked_by_policy: bool = False


def backoff_delay(retry_index: int, rand: float) -> float:
    """Seconds to wait before retry number `retry_index` (0 = first retry), `rand` in [0, 1).

    Equal jitter: half of ``min(0.5 * 2**n, 8)`` fixed plus up to the other half at random.
    """
    base = min(INITIAL_RETRY_DELAY * 2.0 ** min(retry_index, 32), MAX_RETRY_DELAY)
    return base / 2 + base / 2 * min(max(rand, 0.0), 1.0)


def parse_retry_after(value: str | None, *, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (delta-seconds or HTTP-date), None if absent or invalid.

    `now` is the current POSIX time (used for dates); a date in the past gives 0.
    """
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    try:
        seconds = float(text)
    except ValueError:
        pass
    else:
        if math.isnan(seconds) or seconds < 0:
            return None
        return seconds
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:  # RFC 9110 dates are GMT; the asctime form carries no zone
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - now)


def never_sent(exc: Exception) -> bool:
    """Whether a transport failure proves the request never left this process."""
    return isinstance(exc, _NEVER_SENT)


def decide_exception(exc: Exception, policy: RetryPolicy) -> Decision:
    """Retry decision for an httpx transport failure."""
    name = type(exc).__name__
    if isinstance(exc, _DETERMINISTIC):
        return Decision(False, f"{name} is not transient")
    if never_sent(exc):
        return Decision(True, f"{name} (request never sent)")
    if not isinstance(exc, httpx.TransportError):
        return Decision(False, f"{name} is not a transport failure")
    if policy is RetryPolicy.IDEMPOTENT:
        return Decision(True, name)
    return Decision(False, f"{name} after the request may have reached the server", blocked_by_policy=True)


def decide_status(status: int, policy: RetryPolicy, *, has_errors: bool) -> Decision:
    """Retry decision for a failure status; `has_errors` says whether the body carried error items."""
    if status == 429:
        return Decision(True, "status 429")
    if status == 409:
        if has_errors:
            return Decision(False, "status 409 with errors is a business-rule conflict")
        transient = True
    else:
        transient = status == 408 or (status >= 500 and status not in _PERMANENT_5XX)
    if not transient:
        return Decision(False, f"status {status} is not transient")
    if policy is RetryPolicy.IDEMPOTENT:
        return Decision(True, f"status {status}")
    return Decision(False, f"status {status} may follow processing", blocked_by_policy=True)
