"""The plumbing every resource shares: one request as a `Call`, and flows of calls.

A resource method builds a `Call` (generated endpoint, retry policy, arguments, per-call options) with a
function shared by its sync and async classes, which then differ only in `send` / `asend`. A method that
needs several requests is a sans-I/O generator of calls (a *flow*): it yields each call and receives its
result, or the `MyKaarmaError` it raised thrown back in, so it can decide what to do next; `adrive`
(``mykaarma/_async/calls.py``, and its generated sync twin `drive`) runs a flow on a client.
"""

from __future__ import annotations

import types
from collections.abc import Generator
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx

from .._retry import RetryPolicy

__all__ = ["Call", "Flow", "Timeout"]

Timeout = float | httpx.Timeout | None
T = TypeVar("T")
Flow = Generator["Call", Any, T]


@dataclass(frozen=True)
class Call:
    """One request: the generated endpoint module, its retry policy, its arguments and per-call options."""

    endpoint: types.ModuleType
    retry: RetryPolicy
    kwargs: dict[str, Any]
    timeout: Timeout = None
    max_retries: int | None = None
