"""Python client for the myKaarma customer and appointment-with-trip APIs.

``MyKaarma`` / ``AsyncMyKaarma`` (facade), the error classes, ``RawResponse``, ``RetryPolicy`` and
``__version__`` are loaded on first use (PEP 562), so ``import mykaarma`` (or ``import mykaarma_core``) does
not import httpx, attrs or the generated code. Models: ``mykaarma.types``; matching logic:
``mykaarma_core.matching``; x-rules: ``mykaarma_core.rules``.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # `typing` alone costs more than the rest of this import; mypy honours this name
if TYPE_CHECKING:
    from typing import Any

    from ._client import AsyncMyKaarma, MyKaarma
    from ._exceptions import (
        APIConnectionError,
        APIError,
        APIResponseValidationError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        ConflictError,
        InsecureTransportError,
        InternalServerError,
        MethodNotAllowedError,
        MyKaarmaError,
        NotFoundError,
        PermissionDeniedError,
        Problem,
        RateLimitError,
        RequestTimeoutError,
        RequestTooLargeError,
        UnsupportedMediaTypeError,
        ValidationError,
    )
    from ._raw_response import RawResponse
    from ._retry import RetryPolicy
    from ._version import __version__

_EXCEPTIONS = (
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InsecureTransportError",
    "InternalServerError",
    "MethodNotAllowedError",
    "MyKaarmaError",
    "NotFoundError",
    "PermissionDeniedError",
    "Problem",
    "RateLimitError",
    "RequestTimeoutError",
    "RequestTooLargeError",
    "UnsupportedMediaTypeError",
    "ValidationError",
)
_LAZY: dict[str, str] = {
    "AsyncMyKaarma": "._client",
    "MyKaarma": "._client",
    "RawResponse": "._raw_response",
    "RetryPolicy": "._retry",
    "__version__": "._version",
    **dict.fromkeys(_EXCEPTIONS, "._exceptions"),
}

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APITimeoutError",
    "AsyncMyKaarma",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InsecureTransportError",
    "InternalServerError",
    "MethodNotAllowedError",
    "MyKaarma",
    "MyKaarmaError",
    "NotFoundError",
    "PermissionDeniedError",
    "Problem",
    "RateLimitError",
    "RawResponse",
    "RequestTimeoutError",
    "RequestTooLargeError",
    "RetryPolicy",
    "UnsupportedMediaTypeError",
    "ValidationError",
    "__version__",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
