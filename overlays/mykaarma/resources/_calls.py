"""The plumbing every resource shares: one request as a `Call`, sent sync or async, and flows of calls.

A resource method builds a `Call` (generated endpoint, retry policy, arguments, per-call options) with a
function shared by its sync and async classes, which then differ only in `send` / `asend`. A method that
needs several requests is a sans-I/O generator of calls (a *flow*): it yields each call and receives its
result, or the `MyKaarmaError` it raised thrown back in, so it can decide what to do next; `drive` and
`adrive` run a flow on a sync or an async client.
"""

from __future__ import annotations

import types
from collections.abc import Generator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar, cast

import httpx

from .._exceptions import MyKaarmaError
from .._retry import RetryPolicy

if TYPE_CHECKING:
    from .._base_client import AsyncAPIClient, SyncAPIClient

__all__ = ["Call", "Flow", "Timeout", "adrive", "asend", "drive", "send"]

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


def send(client: SyncAPIClient, call: Call) -> Any:
    return client.call(
        call.endpoint, retry=call.retry, timeout=call.timeout, max_retries=call.max_retries, **call.kwargs
    )


async def asend(client: AsyncAPIClient, call: Call) -> Any:
    return await client.call(
        call.endpoint, retry=call.retry, timeout=call.timeout, max_retries=call.max_retries, **call.kwargs
    )


def drive(client: SyncAPIClient, flow: Flow[T]) -> T:
    """Run a flow: send each call it yields and send back the result (or throw in the error it raised)."""
    result: Any = None
    error: MyKaarmaError | None = None
    while True:
        try:
            call = flow.send(result) if error is None else flow.throw(error)
        except StopIteration as done:
            return cast(T, done.value)
        result, error = None, None
        try:
            result = send(client, call)
        except MyKaarmaError as exc:
            error = exc


async def adrive(client: AsyncAPIClient, flow: Flow[T]) -> T:
    """`drive` for the async client."""
    result: Any = None
    error: MyKaarmaError | None = None
    while True:
        try:
            call = flow.send(result) if error is None else flow.throw(error)
        except StopIteration as done:
            return cast(T, done.value)
        result, error = None, None
        try:
            result = await asend(client, call)
        except MyKaarmaError as exc:
            error = exc
