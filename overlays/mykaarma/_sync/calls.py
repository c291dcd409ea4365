"""Sending a `Call`, and running a flow of calls, on a client.

Generated from ``mykaarma/_async/calls.py`` by ``scripts.codegen.unasync_client``: edit that file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar, cast

from .._exceptions import MyKaarmaError
from ..resources._calls import Call, Flow

if TYPE_CHECKING:
    from .api_client import SyncAPIClient

__all__ = ["drive", "send"]

T = TypeVar("T")


def send(client: SyncAPIClient, call: Call) -> Any:
    """Send one call; its parsed result."""
    return client.call(
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
