"""What a call's HTTP answer looked like: `RawResponse`, returned by ``client.<resource>.with_raw_response``.

While a method runs under `recording`, the client notes every answer it accepts (`record`): the request, the
response and the body it read. `RawResponse` wraps the method's usual result with those exchanges; a method
that needs several requests (``create_or_update``, ``upsert``, ``find_or_create``) keeps all of them in
`RawResponse.exchanges`, and its status, headers and request id are those of the last one. Failures still
raise the `APIError` of their status, which carries the same facts.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, Generic, ParamSpec, TypeAlias, TypeVar

import httpx

from ._base_client import request_id_of
from ._logging import safe_url

__all__ = ["AsyncMethod", "Exchange", "RawResponse", "SyncMethod", "record", "recording"]

P = ParamSpec("P")
R = TypeVar("R")

#: A resource method of the async client, and of the sync one (the unasync pass renames the first).
AsyncMethod: TypeAlias = Callable[P, Awaitable[R]]
SyncMethod: TypeAlias = Callable[P, R]


@dataclass(frozen=True)
class Exchange:
    """One answer the client accepted: the request as sent, the response, and the body it read."""

    request: httpx.Request = field(repr=False)
    response: httpx.Response = field(repr=False)
    content: bytes = field(repr=False)

    def __reduce__(self) -> Any:
        raise TypeError("an exchange holds the request's credentials and is not pickled")


_RECORDER: ContextVar[list[Exchange] | None] = ContextVar("mykaarma_raw_exchanges", default=None)


@contextmanager
def recording() -> Iterator[list[Exchange]]:
    """Collect the exchanges of the calls made in this block (this thread or task only)."""
    exchanges: list[Exchange] = []
    token = _RECORDER.set(exchanges)
    try:
        yield exchanges
    finally:
        _RECORDER.reset(token)


def record(request: httpx.Request, response: httpx.Response, content: bytes) -> None:
    """Note an accepted answer when a `recording` block is open (else nothing)."""
    exchanges = _RECORDER.get()
    if exchanges is not None:
        exchanges.append(Exchange(request, response, content))


class RawResponse(Generic[R]):
    """A method's result with the HTTP answer behind it: ``status_code``, ``headers``, ``request_id``,
    ``http_request``, ``http_response``, ``content``, and ``parse()`` for the same typed result as the
    plain call (with its ``warnings``)."""

    def __init__(self, parsed: R, exchanges: Sequence[Exchange]) -> None:
        self._parsed = parsed
        self.exchanges: tuple[Exchange, ...] = tuple(exchanges)

    @property
    def _last(self) -> Exchange:
        if not self.exchanges:  # e.g. an upsert that could tell it cannot match before asking the server
            raise LookupError("the call answered without sending a request: parse() has its result")
        return self.exchanges[-1]

    @property
    def http_response(self) -> httpx.Response:
        """The `httpx.Response` (its body was read by the client: see `content`)."""
        return self._last.response

    @property
    def http_request(self) -> httpx.Request:
        """The `httpx.Request` as sent (it, like ``http_response.request``, holds the ``Authorization``
        header: do not log it whole)."""
        return self._last.request

    @property
    def status_code(self) -> int:
        return self._last.response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self._last.response.headers

    @property
    def request_id(self) -> str | None:
        """The server's request id (``X-Request-Id`` or ``X-Correlation-Id``), when it sends one (D-RATE)."""
        return request_id_of(self._last.response)

    @property
    def content(self) -> bytes:
        """The body as received."""
        return self._last.content

    @property
    def warnings(self) -> list[Any]:
        """The warnings of the parsed result (empty for a result without any)."""
        found = getattr(self._parsed, "warnings", None)
        if found is None:  # a result that wraps the server's answer (find_or_create)
            found = getattr(getattr(self._parsed, "response", None), "warnings", None)
        return list(found) if isinstance(found, Sequence) and not isinstance(found, str | bytes) else []

    def parse(self) -> R:
        """The typed result the plain call returns."""
        return self._parsed

    def __reduce__(self) -> Any:
        raise TypeError("a raw response holds the request's credentials and is not pickled")

    def __repr__(self) -> str:
        if not self.exchanges:
            return "<RawResponse (no request sent)>"
        request = self.http_request
        return f"<RawResponse [{self.status_code}] {request.method} {safe_url(request.url)}>"
