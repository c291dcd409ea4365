"""The mock's access log: one line per request with method, path, status and time, nothing personal.

Query strings carry search terms (names, phone numbers, e-mail addresses), so they are left out unless the
server runs with ``--log-queries`` (for debugging). Headers are never logged. Characters that could forge a
log line (newlines, escapes) are shown escaped, and a long path is cut.

A request whose connection was dropped without an answer (fault injection, a client that went away) is
logged with status ``-``.
"""

from __future__ import annotations

import logging
import time
from typing import Final

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["AccessLog"]

LOGGER: Final = logging.getLogger("mykaarma_mock.access")
_SHOWN_CHARS: Final = 300


def _printable(text: str) -> str:
    if not text.isprintable():
        text = text.encode("unicode_escape", "backslashreplace").decode("ascii")
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"


class AccessLog:
    """ASGI middleware writing the access log line of every HTTP request."""

    def __init__(self, app: ASGIApp, *, log_queries: bool = False, logger: logging.Logger = LOGGER) -> None:
        self.app = app
        self.log_queries = log_queries
        self.logger = logger

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.logger.isEnabledFor(logging.INFO):
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = "-"

        async def send_and_note(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = str(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, send_and_note)
        finally:
            self.logger.info(
                '%s - "%s %s" %s %.1f ms',
                _client(scope),
                scope["method"],
                self._target(scope),
                status,
                (time.perf_counter() - started) * 1000,
            )

    def _target(self, scope: Scope) -> str:
        path = _printable(scope["path"])
        query: bytes = scope.get("query_string", b"")
        if self.log_queries and query:
            return path + "?" + _printable(query.decode("latin-1"))
        return path


def _client(scope: Scope) -> str:
    client = scope.get("client")
    if not client:
        return "-"
    host, port = client[0], client[1]
    return f"{host}:{port}"
