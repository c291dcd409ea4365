"""The errors this package raises.

::

    MyKaarmaError
    ├── InsecureTransportError        Basic credentials over plain http:// (refused before sending)
    ├── ValidationError               pre-flight problems found before anything is sent (.problems)
    ├── APIConnectionError            no HTTP response (.may_have_reached_server)
    │   └── APITimeoutError
    └── APIError                      an HTTP response that is a failure (.status, .errors, .warnings, ...)
        ├── BadRequestError           400
        ├── AuthenticationError       401
        ├── PermissionDeniedError     403
        ├── NotFoundError             404
        ├── MethodNotAllowedError     405
        ├── RequestTimeoutError       408
        ├── ConflictError             409
        ├── RequestTooLargeError      413
        ├── UnsupportedMediaTypeError 415
        ├── RateLimitError            429
        ├── InternalServerError       5xx
        └── APIResponseValidationError  a 200 whose body does not fit the spec

Any other 4xx (and a 200 whose envelope carries errors) raises `APIError` itself.

Every service has its own envelope (D-ENVELOPE): customer ``errors[{errorCode, errorTitle,
errorMessage, field}]``, appointment-with-trip ``errors[{errorCode, errorDescription, field}]``, trips read
``error{errorCode, errorDescription, metadata{field}}``, appointment read ``error[{errorCode,
errorDescription}]``.
`APIError.errors` and `.warnings` hold them normalised to ``{code, title, message, field}`` dicts; `.body`
keeps the decoded body (or its text when it is not JSON) as the server sent it.

This module imports nothing beyond the standard library and `mykaarma_core.problems`, so
`from mykaarma import MyKaarmaError` stays cheap.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from mykaarma_core.problems import Problem

__all__ = [
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
    "error_class_for_status",
    "normalize_errors",
    "normalize_warnings",
]

#: How many error items an exception message lists before "(+N more)".
_MESSAGE_ITEMS = 3
#: How much of a non-JSON body an exception message quotes.
_MESSAGE_BODY_CHARS = 200
#: The longest exception message (a server may send error items of any length).
_MESSAGE_CHARS = 2000


def _rebuild(cls: type[MyKaarmaError], args: tuple[Any, ...], state: dict[str, Any]) -> MyKaarmaError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


class MyKaarmaError(Exception):
    """Base class of every error raised by this package."""

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only constructors do not survive Exception's default pickling (process pools, etc.).
        return (_rebuild, (type(self), self.args, dict(self.__dict__)))


class InsecureTransportError(MyKaarmaError):
    """Basic credentials would be sent over plain ``http://`` to a host that is not loopback."""


class ValidationError(MyKaarmaError):
    """The request was not sent: pre-flight validation found `problems` (all of them, with field paths)."""

    def __init__(self, problems: Sequence[Problem], message: str | None = None) -> None:
        self.problems: list[Problem] = list(problems)
        if message is None:
            count = len(self.problems)
            listed = "; ".join(str(problem) for problem in self.problems)
            message = f"{count} problem{'s' if count != 1 else ''} found before sending: {listed}"
        super().__init__(message)


class APIConnectionError(MyKaarmaError):
    """No HTTP response arrived (connection refused, reset, dropped, or timed out).

    `may_have_reached_server` is False only when the failure proves the request never left (connect errors,
    connection-pool timeouts); otherwise the server may have processed it. `transport_error` names the
    transport's failure (e.g. ``"ReadTimeout"``). The error is raised from no other exception: the transport's
    exception holds the request, and the request held the credentials.
    """

    def __init__(
        self,
        message: str,
        *,
        method: str,
        url: str,
        may_have_reached_server: bool,
        operation: str | None = None,
        retries: int = 0,
        transport_error: str | None = None,
    ) -> None:
        super().__init__(message)
        self.method = method
        self.url = url
        self.may_have_reached_server = may_have_reached_server
        self.operation = operation
        self.retries = retries
        self.transport_error = transport_error


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, write, read or waiting for a pooled connection)."""


class APIError(MyKaarmaError):
    """The server answered with a failure.

    Attributes: `status` (HTTP status), `errors` / `warnings` (normalised envelope items), `method`, `url`
    (credentials stripped), `request_id` (``X-Request-Id`` or ``X-Correlation-Id`` when sent), `body`
    (decoded JSON, or text), `headers` (response headers), `retry_after` (seconds, when the server sent
    Retry-After), `operation` (operationId), `retries` (retries made before giving up), `envelope` (the
    generated error model when the body parsed as the spec's envelope, else None).
    """

    def __init__(
        self,
        message: str,
        *,
        status: int,
        method: str,
        url: str,
        errors: Sequence[Mapping[str, Any]] = (),
        warnings: Sequence[Mapping[str, Any]] = (),
        request_id: str | None = None,
        body: Any = None,
        headers: Mapping[str, str] | None = None,
        retry_after: float | None = None,
        operation: str | None = None,
        retries: int = 0,
        envelope: Any = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.method = method
        self.url = url
        self.errors: list[dict[str, Any]] = [dict(item) for item in errors]
        self.warnings: list[dict[str, Any]] = [dict(item) for item in warnings]
        self.request_id = request_id
        self.body = body
        self.headers: dict[str, str] = dict(headers or {})
        self.retry_after = retry_after
        self.operation = operation
        self.retries = retries
        self.envelope = envelope

    @property
    def status_code(self) -> int:
        """Alias of `status` (the name httpx and openai-python use)."""
        return self.status

    def has_error(self, code: str | int) -> bool:
        """Whether any error item carries `code` as its code or title (e.g. ``"DUPLICATE_CUSTOMER_KEY"``)."""
        return any(code in (item.get("code"), item.get("title")) for item in self.errors)


class BadRequestError(APIError):
    """400: the request is invalid (schema or a documented rule)."""


class AuthenticationError(APIError):
    """401: missing or wrong credentials."""


class PermissionDeniedError(APIError):
    """403: valid credentials without the operation's scope for the dealer or department of the request."""


class NotFoundError(APIError):
    """404: unknown id, or an id of another tenant (the same answer)."""


class MethodNotAllowedError(APIError):
    """405: wrong HTTP method for the path."""


class RequestTimeoutError(APIError):
    """408: the request body did not arrive in full in time; the server closed the connection."""


class ConflictError(APIError):
    """409: a conflict, e.g. DUPLICATE_CUSTOMER_KEY or TRIP_ALREADY_EXISTS."""


class RequestTooLargeError(APIError):
    """413: request body over the 1 MiB limit."""


class UnsupportedMediaTypeError(APIError):
    """415: request body is not JSON."""


class RateLimitError(APIError):
    """429: too many requests; `retry_after` says how long the server asked to wait."""


class InternalServerError(APIError):
    """Any 5xx status."""


class APIResponseValidationError(APIError):
    """A 200 response whose body is not JSON or does not fit the spec's schema."""


_STATUS_CLASSES: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    405: MethodNotAllowedError,
    408: RequestTimeoutError,
    409: ConflictError,
    413: RequestTooLargeError,
    415: UnsupportedMediaTypeError,
    429: RateLimitError,
}


def error_class_for_status(status: int) -> type[APIError]:
    """The exception class for an HTTP failure status: the specific class, else by range."""
    if status in _STATUS_CLASSES:
        return _STATUS_CLASSES[status]
    if status >= 500:
        return InternalServerError
    return APIError


def _first(item: Mapping[str, Any], *keys: str) -> Any:
    for key in keys:
        value = item.get(key)
        if value is not None:
            return value
    return None


def _normalize_item(item: Any, kind: str) -> dict[str, Any]:
    """One envelope item as ``{code, title, message, field}``; unknown shapes keep their text as message."""
    if not isinstance(item, Mapping):
        return {"code": None, "title": None, "message": None if item is None else str(item), "field": None}
    metadata = item.get("metadata")
    field = item.get("field")
    if field is None and isinstance(metadata, Mapping):
        field = metadata.get("field")
    return {
        "code": _first(item, f"{kind}Code", "code"),
        "title": _first(item, f"{kind}Title", "title"),
        "message": _first(item, f"{kind}Message", f"{kind}Description", "message", "description"),
        "field": field,
    }


def normalize_errors(body: Any) -> list[dict[str, Any]]:
    """The error items of any service's envelope (``errors`` list, ``error`` object or list), normalised."""
    if not isinstance(body, Mapping):
        return []
    raw = body.get("errors")
    if raw is None:
        raw = body.get("error")
    if raw is None:
        return []
    items = raw if isinstance(raw, list) else [raw]
    return [_normalize_item(item, "error") for item in items if item is not None]


def normalize_warnings(body: Any) -> list[dict[str, Any]]:
    """The warning items of any service's envelope, normalised like errors."""
    if not isinstance(body, Mapping):
        return []
    raw = body.get("warnings")
    if not isinstance(raw, list):
        return []
    return [_normalize_item(item, "warning") for item in raw if item is not None]


def describe_item(item: Mapping[str, Any]) -> str:
    """``20003 DUPLICATE_CUSTOMER_KEY at customer.customerKey: message`` (parts that are absent left out)."""
    head = " ".join(str(part) for part in (item.get("code"), item.get("title")) if part is not None)
    if item.get("field"):
        head = f"{head} at {item['field']}" if head else f"at {item['field']}"
    message = item.get("message")
    if head and message:
        return f"{head}: {message}"
    return head or str(message or "unspecified error")


def status_message(
    *,
    status: int,
    reason: str,
    method: str,
    url: str,
    errors: Sequence[Mapping[str, Any]],
    body: Any,
    request_id: str | None,
) -> str:
    """The text of an `APIError`: status, method, URL, request id and the first errors with their fields."""
    text = f"{status} {reason}".rstrip() + f" from {method} {url}"
    if request_id:
        text += f" (request id {request_id})"
    if errors:
        shown = "; ".join(describe_item(item) for item in errors[:_MESSAGE_ITEMS])
        more = len(errors) - _MESSAGE_ITEMS
        text += f": {shown}" + (f" (+{more} more)" if more > 0 else "")
    elif isinstance(body, str) and body.strip():
        snippet = " ".join(body.split())
        if len(snippet) > _MESSAGE_BODY_CHARS:
            snippet = snippet[:_MESSAGE_BODY_CHARS] + "…"
        text += f": {snippet}"
    if len(text) > _MESSAGE_CHARS:
        text = text[: _MESSAGE_CHARS - 1] + "…"
    # a server's text may hold what no encoder takes (a lone surrogate): escaped, so printing never fails
    return text if text.isascii() else text.encode("utf-8", "backslashreplace").decode("utf-8")
