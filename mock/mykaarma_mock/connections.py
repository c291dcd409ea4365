"""Connection limits the HTTP server itself must enforce (D-REQUEST-LIMITS).

uvicorn closes an idle keep-alive connection after ``timeout_keep_alive`` seconds, but it waits forever for a
request line and headers that never finish, and it buffers a request head of any length. `timed_protocol`
returns uvicorn's httptools protocol with both bounded: a connection that has not delivered a complete request
head `head_timeout` seconds after it opened (or after the first byte of a later request) is closed, and a
head larger than `max_head_bytes` is answered 400 and closed. The body's own time limit is the application's
(408, `app.py`).
"""

from __future__ import annotations

import asyncio
from typing import Any, Final

__all__ = ["MAX_HEAD_BYTES", "server_options", "timed_protocol"]

#: Request line plus headers; a real request's head is well under a kilobyte.
MAX_HEAD_BYTES: Final = 64 * 1024


def timed_protocol(head_timeout: float, max_head_bytes: int = MAX_HEAD_BYTES) -> type[asyncio.Protocol]:
    """uvicorn's httptools protocol with a deadline and a size limit on every request head."""
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

    class TimedHttpToolsProtocol(HttpToolsProtocol):
        _head_timer: asyncio.TimerHandle | None = None
        _head_bytes = 0

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._start_head_timer()

        def connection_lost(self, exc: Exception | None) -> None:
            self._stop_head_timer()
            super().connection_lost(exc)

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            if self._head_timer is None:  # no request head under way
                return
            self._head_bytes += len(data)
            if self._head_bytes > max_head_bytes:
                self._stop_head_timer()
                if not self.transport.is_closing():
                    self.send_400_response("Request line and headers are too large.")

        def on_message_begin(self) -> None:
            super().on_message_begin()
            if self._head_timer is None:
                self._start_head_timer()

        def on_headers_complete(self) -> None:
            self._stop_head_timer()
            self._head_bytes = 0
            super().on_headers_complete()

        def _start_head_timer(self) -> None:
            self._head_timer = self.loop.call_later(head_timeout, self._head_timed_out)

        def _stop_head_timer(self) -> None:
            if self._head_timer is not None:
                self._head_timer.cancel()
                self._head_timer = None

        def _head_timed_out(self) -> None:
            self._head_timer = None
            if not self.transport.is_closing() and (self.cycle is None or self.cycle.response_complete):
                self.transport.close()

    return TimedHttpToolsProtocol


def server_options(head_timeout: float) -> dict[str, Any]:
    """uvicorn `Config` options for the mock's connection limits."""
    try:
        protocol: type[asyncio.Protocol] | str = timed_protocol(head_timeout)
    except ImportError:  # httptools missing: uvicorn's default protocol, without the head limits
        protocol = "auto"
    return {"http": protocol, "timeout_keep_alive": 5}
