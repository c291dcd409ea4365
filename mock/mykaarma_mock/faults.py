"""Fault injection for client tests (issue 4, item 8). Not part of the public spec.

Two ways to ask for a fault:

* ``--faults SPEC`` — rates, drawn per API request from a seeded random generator::

      status=503:0.2,status=429:0.1,drop_after_commit=0.05,drop_before_commit=0.01,seed=7

  Items are comma-separated: ``status=CODE:RATE`` (CODE one of 429, 500, 502, 503, 504),
  ``drop_before_commit=RATE``, ``drop_after_commit=RATE``, ``seed=INT`` and ``latency=MS``: every API
  request waits MS milliseconds (0-60000) before it is handled, without holding the database, as a remote
  service's round trip would; concurrent requests wait side by side. Rates lie in [0, 1] and add up to
  at most 1. Each API request draws one number in [0, 1) and gets the fault whose slice (in the order
  written) contains it, or none. With a seed, the same sequence of requests gets the same faults.
* the request header ``X-Mock-Fault: 503 | 429 | 500 | 502 | 504 | drop_before_commit | drop_after_commit``,
  which always wins over the rates; any other value is a 400.

Effects: a status fault answers at once (before authentication), in the operation's envelope; 429 and 503
carry ``Retry-After: 1`` (D-RATE). ``drop_before_commit`` runs the request, rolls its transaction back and
closes the connection without a response; ``drop_after_commit`` commits, then closes the connection without a
response — the case that turns naive retries of non-idempotent calls into duplicates.
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass, field
from enum import Enum

FAULT_HEADER = "X-Mock-Fault"
FAULT_STATUSES: tuple[int, ...] = (429, 500, 502, 503, 504)
RETRY_AFTER_STATUSES: frozenset[int] = frozenset({429, 503})
MAX_LATENCY_MS = 60_000


class Drop(Enum):
    BEFORE_COMMIT = "drop_before_commit"
    AFTER_COMMIT = "drop_after_commit"


@dataclass(frozen=True)
class Fault:
    """One injected fault: a status to answer with, or a connection drop."""

    status: int | None = None
    drop: Drop | None = None

    def describe(self) -> str:
        return self.drop.value if self.drop else f"status {self.status}"


class FaultSpecError(ValueError):
    """A `--faults` value outside the grammar."""


@dataclass
class FaultPlan:
    """Rates of each fault and the seeded generator that draws them."""

    rates: tuple[tuple[Fault, float], ...] = ()
    seed: int | None = None
    latency_ms: int = 0
    _rng: random.Random = field(init=False, repr=False)
    _lock: threading.Lock = field(init=False, repr=False, default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)

    @property
    def active(self) -> bool:
        return any(rate > 0 for _, rate in self.rates)

    def describe(self) -> str:
        latency = f"; latency {self.latency_ms} ms per request" if self.latency_ms else ""
        if not self.rates:
            return "none (X-Mock-Fault header only)" + latency
        parts = [f"{fault.describe()} {rate:g}" for fault, rate in self.rates]
        return ", ".join(parts) + (f"; seed {self.seed}" if self.seed is not None else "; no seed") + latency

    def choose(self, header: str | None) -> Fault | None:
        """The fault for one API request: the header's if sent (`ValueError` if invalid), else a draw."""
        if header is not None:
            return parse_fault_header(header)
        if not self.rates:
            return None
        with self._lock:
            draw = self._rng.random()
        edge = 0.0
        for fault, rate in self.rates:
            edge += rate
            if draw < edge:
                return fault
        return None


def parse_fault_header(value: str) -> Fault:
    """The fault named by an `X-Mock-Fault` header value."""
    text = value.strip()
    for drop in Drop:
        if text == drop.value:
            return Fault(drop=drop)
    if text.isdigit() and int(text) in FAULT_STATUSES:
        return Fault(status=int(text))
    allowed = [str(s) for s in FAULT_STATUSES] + [d.value for d in Drop]
    raise ValueError(f"{FAULT_HEADER} must be one of {', '.join(allowed)}; got {value!r}")


def _rate(item: str, text: str) -> float:
    try:
        rate = float(text)
    except ValueError:
        raise FaultSpecError(f"{item!r}: rate must be a number between 0 and 1") from None
    if not 0.0 <= rate <= 1.0:
        raise FaultSpecError(f"{item!r}: rate must be between 0 and 1")
    return rate


def parse_faults(spec: str) -> FaultPlan:
    """Parse a `--faults` value (grammar in the module docstring)."""
    rates: list[tuple[Fault, float]] = []
    seed: int | None = None
    latency_ms: int | None = None
    seen: set[str] = set()
    for raw_item in spec.split(","):
        item = raw_item.strip()
        if not item:
            if spec.strip():
                raise FaultSpecError(f"empty item in {spec!r}")
            continue
        key, sep, value = item.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not value:
            raise FaultSpecError(f"{item!r}: expected NAME=VALUE")
        if key == "seed":
            if seed is not None:
                raise FaultSpecError("seed given twice")
            try:
                seed = int(value)
            except ValueError:
                raise FaultSpecError(f"{item!r}: seed must be an integer") from None
            continue
        if key == "latency":
            if latency_ms is not None:
                raise FaultSpecError("latency given twice")
            if not value.isdigit() or int(value) > MAX_LATENCY_MS:
                raise FaultSpecError(f"{item!r}: latency must be whole milliseconds, 0 to {MAX_LATENCY_MS}")
            latency_ms = int(value)
            continue
        if key == "status":
            code, colon, rate_text = value.partition(":")
            if not colon:
                raise FaultSpecError(f"{item!r}: expected status=CODE:RATE")
            if not code.strip().isdigit() or int(code) not in FAULT_STATUSES:
                allowed = ", ".join(str(s) for s in FAULT_STATUSES)
                raise FaultSpecError(f"{item!r}: status must be one of {allowed}")
            fault = Fault(status=int(code))
            name = f"status={int(code)}"
            rate = _rate(item, rate_text.strip())
        elif key in (drop.value for drop in Drop):
            fault = Fault(drop=Drop(key))
            name = key
            rate = _rate(item, value)
        else:
            raise FaultSpecError(
                f"{item!r}: unknown item; expected status=CODE:RATE, drop_before_commit=RATE, "
                "drop_after_commit=RATE, seed=INT or latency=MS"
            )
        if name in seen:
            raise FaultSpecError(f"{name} given twice")
        seen.add(name)
        rates.append((fault, rate))
    total = sum(rate for _, rate in rates)
    if total > 1.0 + 1e-9:
        raise FaultSpecError(f"the rates add up to {total:g}; at most 1 is possible")
    return FaultPlan(rates=tuple(rates), seed=seed, latency_ms=latency_ms or 0)
