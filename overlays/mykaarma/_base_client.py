"""The base clients: one httpx client, auth, timeouts, retries and typed errors around the generated code.

`_BaseClient` is what `SyncAPIClient` and `AsyncAPIClient` (``_async/api_client.py`` and its generated sync
twin) share. Resources call their ``call`` with a generated endpoint module
(``mykaarma_api.api.<tag>.<operation>``), a `RetryPolicy` and the endpoint's own keyword arguments::

    self._client.call(create_customer, retry=RetryPolicy.CONNECT_ONLY, department_uuid=..., body=request)

How a call runs (the least fragile way to get a real per-call timeout without touching generated code):
``endpoint._get_kwargs(**kwargs)`` builds method, path, query and JSON body exactly as the generated
``sync_detailed`` would; the request is built on our httpx client with ``build_request(..., timeout=...)``
(the per-call or client timeout, carried in the request's ``timeout`` extension that the transport
enforces) and sent with ``send(request, auth=...)``; a 200 is parsed by ``endpoint._parse_response`` into
the generated attrs model. Both helpers are part of every module openapi-python-client emits
(``sync_detailed`` is a thin wrapper around them), and ``tests/unit/client`` checks every generated endpoint
module still has them. Sending the request ourselves also keeps the raw response in hand for statuses the
generated ``_build_response`` cannot represent (it calls ``HTTPStatus(code)``, which fails on e.g. 520) and
for bodies that are not JSON.

Auth and the User-Agent go on each request, never onto a user-supplied httpx client, so a client the user
passes in is used as it is and is not closed by us. The generated ``AuthenticatedClient`` (with an empty
token: credentials stay in `BasicAuth`) shares our httpx client and serves ``_parse_response``.
"""

from __future__ import annotations

import copy
import functools
import logging
import random
import time
import types
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Self, cast

import httpx

from ._auth import BasicAuth, check_transport
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APITimeoutError,
    MyKaarmaError,
    describe_item,
    error_class_for_status,
    normalize_errors,
    normalize_warnings,
    status_message,
)
from ._logging import redact_headers, safe_url, setup_logging
from ._query_parameters import comma_separated
from ._response import DecodedResponse, ResponseTooLarge, decode_body
from ._retry import (
    DEFAULT_MAX_RETRIES,
    RETRY_AFTER_CEILING,
    RetryPolicy,
    backoff_delay,
    decide_exception,
    decide_status,
    never_sent,
    parse_retry_after,
)

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "AsyncSleep",
    "RetryPolicy",
    "SyncSleep",
    "operation_name",
]

DEFAULT_BASE_URL = "https://api.mykaarma.com"
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
REQUEST_ID_HEADERS = ("X-Request-Id", "X-Correlation-Id")


def request_id_of(response: httpx.Response) -> str | None:
    """The server's request id of `response`: the first of `REQUEST_ID_HEADERS` it carries."""
    return next((response.headers[h] for h in REQUEST_ID_HEADERS if h in response.headers), None)


if TYPE_CHECKING:
    from mykaarma_api.client import AuthenticatedClient

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=256)
def _absolute_url(base_url: str, path: str) -> httpx.URL:
    """`base_url` + `path`, parsed once per path (httpx parses URLs character by character).

    A department's create path, for one, is the same on every call of an import.
    """
    return httpx.URL(base_url + path)


@functools.cache
def _default_headers() -> Mapping[str, str]:
    """Sent with every request: default headers of an httpx client the SDK creates, per request otherwise.

    Built on first use: reading the installed version (importlib.metadata) is not paid by the import.
    """
    from ._version import USER_AGENT

    return {"User-Agent": USER_AGENT, "Accept": "application/json"}


TimeoutTypes = float | httpx.Timeout | None
#: What the clients wait between attempts with (``asyncio.sleep`` / ``time.sleep``; tests pass their own).
AsyncSleep = Callable[[float], Awaitable[None]]
SyncSleep = Callable[[float], None]


@functools.cache
def operation_name(endpoint: types.ModuleType) -> str:
    """The spec's operationId of a generated endpoint module (``create_customer`` → ``createCustomer``)."""
    head, *rest = endpoint.__name__.rpartition(".")[2].split("_")
    return head + "".join(part.capitalize() for part in rest)


def _to_timeout(value: TimeoutTypes, default: httpx.Timeout) -> httpx.Timeout:
    if value is None:
        return default
    if isinstance(value, httpx.Timeout):
        return value
    return httpx.Timeout(float(value))


def _check_retries(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"max_retries must be a non-negative integer, got {value!r}")
    return value


@dataclass
class _Call:
    """State of one logical call: its request recipe and its retry budget."""

    endpoint: types.ModuleType
    operation: str
    policy: RetryPolicy
    request_kwargs: dict[str, Any]
    timeout: httpx.Timeout
    max_retries: int
    retries: int = 0


@dataclass(frozen=True)
class _Done:
    value: Any


@dataclass(frozen=True)
class _Retry:
    delay: float
    reason: str


class _BaseClient:
    """What the sync and async clients share: configuration, request building, response and error handling."""

    _auth: httpx.Auth
    _http: httpx.Client | httpx.AsyncClient
    _owns_http: bool
    _headers_per_request: bool

    @functools.cached_property
    def _api_client(self) -> AuthenticatedClient:
        """The generated client object its response parsers take; built on first use (it imports attrs)."""
        from mykaarma_api.client import AuthenticatedClient

        return AuthenticatedClient(base_url=self._base_url, token="")

    def __init__(
        self,
        *,
        base_url: str | httpx.URL | None,
        auth: httpx.Auth,
        timeout: TimeoutTypes,
        max_retries: int,
        rand: Callable[[], float] | None,
        now: Callable[[], float] | None,
    ) -> None:
        setup_logging()
        url = httpx.URL(str(base_url) if base_url else DEFAULT_BASE_URL)
        if url.userinfo:
            raise MyKaarmaError("base_url must not carry credentials: pass username= and password= instead")
        if url.scheme not in ("http", "https") or not url.host:
            raise MyKaarmaError(f"base_url must be an absolute http(s) URL, got {str(url)!r}")
        if isinstance(auth, BasicAuth):
            check_transport(url, allow_insecure_http=auth.allow_insecure_http)
        self._base_url = str(url).rstrip("/")
        self._auth = auth
        self.timeout = _to_timeout(timeout, DEFAULT_TIMEOUT)
        self.max_retries = _check_retries(max_retries)
        self._random = random.random if rand is None else rand
        self._now = time.time if now is None else now

    # -- configuration ---------------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """The API root every operation path is appended to (no trailing slash)."""
        return self._base_url

    @property
    def username(self) -> str | None:
        """The Basic username (the password is not readable back)."""
        return self._auth.username if isinstance(self._auth, BasicAuth) else None

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(username={self.username!r}, base_url={self._base_url!r}, "
            f"timeout={self.timeout!r}, max_retries={self.max_retries})"
        )

    def with_options(self, *, timeout: TimeoutTypes = None, max_retries: int | None = None) -> Self:
        """A copy with other defaults, sharing this client's httpx client and credentials.

        The copy never closes the shared httpx client; close the original when done.
        """
        clone = copy.copy(self)
        clone.timeout = _to_timeout(timeout, self.timeout)
        clone.max_retries = self.max_retries if max_retries is None else _check_retries(max_retries)
        clone._owns_http = False
        for klass in type(clone).__mro__:  # resources cached on the original point at the original
            for name, attribute in vars(klass).items():
                if isinstance(attribute, functools.cached_property):
                    clone.__dict__.pop(name, None)
        return clone

    # -- one attempt -----------------------------------------------------------------------------------------

    def _prepare(
        self,
        endpoint: types.ModuleType,
        retry: RetryPolicy,
        timeout: TimeoutTypes,
        max_retries: int | None,
        kwargs: dict[str, Any],
    ) -> _Call:
        if not isinstance(retry, RetryPolicy):
            raise TypeError(f"retry must be a RetryPolicy, got {retry!r}")
        operation = operation_name(endpoint)
        request_kwargs = endpoint._get_kwargs(**kwargs)
        for name in comma_separated(operation):
            value = request_kwargs.get("params", {}).get(name)
            if isinstance(value, list):
                request_kwargs["params"][name] = ",".join(str(item) for item in value)
        return _Call(
            endpoint=endpoint,
            operation=operation,
            policy=retry,
            request_kwargs=request_kwargs,
            timeout=_to_timeout(timeout, self.timeout),
            max_retries=self.max_retries if max_retries is None else _check_retries(max_retries),
        )

    def _build_request(self, http: httpx.Client | httpx.AsyncClient, call: _Call) -> httpx.Request:
        options = dict(call.request_kwargs)
        method = str(options.pop("method")).upper()
        path = str(options.pop("url"))
        headers = options.pop("headers", {})
        if self._headers_per_request:  # an httpx client the SDK created has them as default headers
            headers = {**_default_headers(), **headers}
        request = http.build_request(
            method, _absolute_url(self._base_url, path), headers=headers, timeout=call.timeout, **options
        )
        if log.isEnabledFor(logging.DEBUG):
            log.debug(
                "Request %s %s (%s, attempt %d of %d) headers=%s",
                request.method,
                safe_url(request.url),
                call.operation,
                call.retries + 1,
                call.max_retries + 1,
                redact_headers(request.headers),
            )
        return request

    def _after_response(
        self, call: _Call, request: httpx.Request, response: httpx.Response, content: bytes, elapsed: float
    ) -> _Done | _Retry:
        """What to do with a response whose body is `content`: done, retry, or raise its `APIError`.

        A body that cannot be decoded or parsed (not JSON, nested too deeply for Python, the wrong shape) is
        an `APIResponseValidationError`, never a raw ``RecursionError`` or ``ValueError``.
        """
        try:
            return self._handle_response(call, request, response, content, elapsed)
        except RecursionError:
            pass  # outside the handler: the error raised below carries no context
        text = content.decode("utf-8", "replace")
        raise self._unreadable(call, request, response, text, "the body is nested too deeply to be read")

    def _handle_response(
        self, call: _Call, request: httpx.Request, response: httpx.Response, content: bytes, elapsed: float
    ) -> _Done | _Retry:
        status = response.status_code
        if log.isEnabledFor(logging.INFO):  # safe_url is not free: only when the line is emitted
            log.info(
                "%s %s -> %d %s in %.0f ms (%s, retries %d)",
                request.method,
                safe_url(request.url),
                status,
                response.reason_phrase,
                elapsed * 1000,
                call.operation,
                call.retries,
            )
        body = decode_body(content)
        errors = normalize_errors(body)
        if status == 200:
            if errors:
                raise self._status_error(call, request, response, body, errors, cls=APIError)
            return _Done(self._parse_success(call, request, response, content, body))

        decision = decide_status(status, call.policy, has_errors=bool(errors))
        retry_after = parse_retry_after(response.headers.get("Retry-After"), now=self._now())
        notes: list[str] = []
        if decision.retry:
            if call.retries >= call.max_retries:
                notes.extend(self._exhausted(call))
            elif retry_after is not None and retry_after > RETRY_AFTER_CEILING:
                notes.append(
                    f"not retried: the server asked to wait {retry_after:.0f} s, "
                    f"more than the {RETRY_AFTER_CEILING:.0f} s ceiling"
                )
            else:
                delay = backoff_delay(call.retries, self._random()) if retry_after is None else retry_after
                return _Retry(delay, decision.reason)
        else:
            log.debug("Not retrying %s: %s", call.operation, decision.reason)
            if decision.blocked_by_policy:
                notes.append(self._unsafe_note(call))
            elif call.retries:
                notes.append(f"after {call.retries} retr{'y' if call.retries == 1 else 'ies'}")
        raise self._status_error(call, request, response, body, errors, notes=notes, retry_after=retry_after)

    def _parse_success(
        self, call: _Call, request: httpx.Request, response: httpx.Response, content: bytes, body: Any
    ) -> Any:
        mismatch = None
        if isinstance(body, str):
            note = "the body is not JSON, or is nested too deeply to be decoded"
            raise self._unreadable(call, request, response, body, note)
        try:
            decoded = cast(httpx.Response, DecodedResponse(response.status_code, content, body))
            parsed = call.endpoint._parse_response(client=self._api_client, response=decoded)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            mismatch = f"{type(exc).__name__}: {str(exc)[:200]}"
        if mismatch is not None:  # raised outside the handler: the server's data stays off the chain
            note = f"the body does not fit the spec's response schema ({mismatch})"
            raise self._unreadable(call, request, response, body, note)
        if parsed is None:
            raise self._unreadable(call, request, response, body, "the endpoint documents no 200 response")
        for warning in normalize_warnings(body):
            log.warning("%s warning %s", call.operation, describe_item(warning))
        return parsed

    def _after_exception(self, call: _Call, request: httpx.Request, exc: Exception) -> _Retry:
        """A `_Retry` if the transport failure may be retried, else raise the connection error.

        The error raised carries the facts (method, URL without credentials, whether the request may have
        reached the server) and is raised from no other exception: httpx's exception holds the request, and
        the request held the credentials.
        """
        decision = decide_exception(exc, call.policy)
        log.info(
            "%s %s failed: %s: %s (%s, retries %d)",
            request.method,
            safe_url(request.url),
            type(exc).__name__,
            exc,
            call.operation,
            call.retries,
        )
        notes: list[str] = []
        if decision.retry:
            if call.retries < call.max_retries:
                return _Retry(backoff_delay(call.retries, self._random()), decision.reason)
            notes.extend(self._exhausted(call))
        else:
            log.debug("Not retrying %s: %s", call.operation, decision.reason)
            if decision.blocked_by_policy:
                notes.append(self._unsafe_note(call))
        cls = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
        url = safe_url(request.url)
        detail = str(exc) or "no detail"
        message = f"{type(exc).__name__} on {request.method} {url} ({call.operation}): {detail}"
        raise cls(
            "; ".join([message, *notes]),
            method=request.method,
            url=url,
            may_have_reached_server=not never_sent(exc),
            operation=call.operation,
            retries=call.retries,
            transport_error=type(exc).__name__,
        )

    def _outcome(
        self,
        call: _Call,
        request: httpx.Request,
        failure: Exception | None,
        response: httpx.Response | None,
        content: bytes | None,
        started: float,
    ) -> _Done | _Retry:
        """The next step after one attempt; called outside any ``except`` block, so what it raises has no
        context (httpx's exceptions hold the request)."""
        if isinstance(failure, ResponseTooLarge) and response is not None:
            raise self._unreadable(call, request, response, None, str(failure))
        if failure is not None:
            return self._after_exception(call, request, failure)
        assert response is not None
        assert content is not None
        return self._after_response(call, request, response, content, time.perf_counter() - started)

    def _before_retry(self, call: _Call, step: _Retry) -> None:
        log.info(
            "Retrying %s in %.2f s (retry %d of %d): %s",
            call.operation,
            step.delay,
            call.retries + 1,
            call.max_retries,
            step.reason,
        )

    # -- errors ----------------------------------------------------------------------------------------------

    @staticmethod
    def _exhausted(call: _Call) -> list[str]:
        if not call.retries:
            return []
        return [f"gave up after {call.retries} retr{'y' if call.retries == 1 else 'ies'}"]

    @staticmethod
    def _unsafe_note(call: _Call) -> str:
        return (
            f"not retried: {call.operation} is not idempotent and the request may have been processed; "
            "check whether it took effect before repeating it"
        )

    def _unreadable(
        self, call: _Call, request: httpx.Request, response: httpx.Response, body: Any, note: str
    ) -> APIError:
        """The `APIResponseValidationError` of an answer the client cannot read, saying why."""
        return self._status_error(
            call, request, response, body, [], cls=APIResponseValidationError, notes=[note]
        )

    def _status_error(
        self,
        call: _Call,
        request: httpx.Request,
        response: httpx.Response,
        body: Any,
        errors: list[dict[str, Any]],
        *,
        cls: type[APIError] | None = None,
        notes: list[str] | None = None,
        retry_after: float | None = None,
    ) -> APIError:
        status = response.status_code
        url = safe_url(request.url)
        request_id = request_id_of(response)
        message = status_message(
            status=status,
            reason=response.reason_phrase,
            method=request.method,
            url=url,
            errors=errors,
            body=body,
            request_id=request_id,
        )
        if status == 200 and errors:
            message += " (a 200 response whose envelope carries errors)"
        envelope = None
        if status != 200 and isinstance(body, dict):
            try:
                decoded = cast(httpx.Response, DecodedResponse(status, b"", body))
                envelope = call.endpoint._parse_response(client=self._api_client, response=decoded)
            except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
                envelope = None
        error_class = cls or error_class_for_status(status)
        return error_class(
            "; ".join([message, *(notes or [])]),
            status=status,
            method=request.method,
            url=url,
            errors=errors,
            warnings=normalize_warnings(body),
            request_id=request_id,
            body=body,
            headers=dict(response.headers),
            retry_after=retry_after,
            operation=call.operation,
            retries=call.retries,
            envelope=envelope,
        )
