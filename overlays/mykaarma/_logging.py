"""Logging of the client: loggers under ``mykaarma``, switched on with ``MYKAARMA_LOG=debug|info``.

The library never configures logging unless asked: the ``mykaarma`` logger carries a `logging.NullHandler`
only. With ``MYKAARMA_LOG=info`` (or ``debug``) set when a client is created, the ``mykaarma`` logger gets
that level and one stderr handler in `LOG_FORMAT`:

* INFO: one line per response (method, URL, status, elapsed ms, retry count), each retry with its delay and
  reason, each connection failure;
* DEBUG: also each request as it is sent (headers with credentials redacted) and each decision not to retry.

API warnings (the envelope's ``warnings``) are logged at WARNING whatever the setting. Request and response
bodies are never logged (they carry personal data); the ``Authorization`` header is never logged, and URLs are
logged without user-info.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping

import httpx

__all__ = ["ENV_VAR", "LOG_FORMAT", "logger", "redact_headers", "safe_url", "setup_logging"]

ENV_VAR = "MYKAARMA_LOG"
LOG_FORMAT = "[%(asctime)s - %(name)s:%(lineno)d - %(levelname)s] %(message)s"
_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}
_SENSITIVE = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})
_REDACTED = "[redacted]"

logger = logging.getLogger("mykaarma")
logger.addHandler(logging.NullHandler())


class _EnvHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """The handler `setup_logging` installs (a distinct type so it is installed once)."""


def setup_logging() -> None:
    """Apply ``MYKAARMA_LOG`` (``debug`` or ``info``, any case) to the ``mykaarma`` logger; idempotent.

    Any other value, or none, leaves logging as the application configured it.
    """
    level = _LEVELS.get(os.environ.get(ENV_VAR, "").strip().lower())
    if level is None:
        return
    logger.setLevel(level)
    if not any(isinstance(handler, _EnvHandler) for handler in logger.handlers):
        handler = _EnvHandler(sys.stderr)
        handler.setFormatter(logging.Formatter(LOG_FORMAT))
        logger.addHandler(handler)


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """A copy of `headers` with credentials and cookies replaced by ``[redacted]``."""
    return {key: (_REDACTED if key.lower() in _SENSITIVE else value) for key, value in headers.items()}


def safe_url(url: httpx.URL | str) -> str:
    """`url` as text without user-info (``user:password@``)."""
    parsed = url if isinstance(url, httpx.URL) else httpx.URL(url)
    if parsed.userinfo:
        parsed = parsed.copy_with(username=None, password=None)
    return str(parsed)
