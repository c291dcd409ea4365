"""The client that sends requests: generated endpoints on one httpx client, under a retry policy.

Generated from ``mykaarma/_async/api_client.py`` by ``scripts.codegen.unasync_client``: edit that file.
"""

from __future__ import annotations

import time
import types
from collections.abc import Callable
from time import perf_counter
from typing import Any, Self

import httpx

from .._base_client import SyncSleep, TimeoutTypes, _BaseClient, _default_headers, _Done
from .._raw_response import record
from .._response import BodyReader, ResponseTooLarge
from .._retry import DEFAULT_MAX_RETRIES, RetryPolicy

__all__ = ["SyncAPIClient", "read"]


def read(response: httpx.Response) -> bytes:
    """The body of a streamed response, at most `MAX_RESPONSE_BYTES`; the response is closed afterwards."""
    try:
        reader = BodyReader(response)
        for chunk in response.iter_bytes():
            reader.add(chunk)
        return reader.content()
    finally:
        response.close()


class SyncAPIClient(_BaseClient):
    """Runs generated endpoints on one `httpx.Client` under a retry policy; raises typed errors."""

    _http: httpx.Client

    def __init__(
        self,
        *,
        base_url: str | httpx.URL | None,
        auth: httpx.Auth,
        timeout: TimeoutTypes = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
        _sleep: SyncSleep | None = None,
        _random: Callable[[], float] | None = None,
        _now: Callable[[], float] | None = None,
    ) -> None:
        super().__init__(
            base_url=base_url, auth=auth, timeout=timeout, max_retries=max_retries, rand=_random, now=_now
        )
        if http_client is None:
            self._http = httpx.Client(
                base_url=self._base_url, auth=auth, timeout=self.timeout, headers=_default_headers()
            )
            self._owns_http = True
            self._headers_per_request = False
        elif isinstance(http_client, httpx.Client):
            self._http = http_client
            self._owns_http = False
            self._headers_per_request = True
        else:
            raise TypeError(f"http_client must be an httpx.Client, got {type(http_client).__name__}")
        self._sleep = time.sleep if _sleep is None else _sleep  # looked up now, as a test may patch it

    def call(
        self,
        endpoint: types.ModuleType,
        /,
        *,
        retry: RetryPolicy,
        timeout: TimeoutTypes = None,
        max_retries: int | None = None,
        **kwargs: Any,
    ) -> Any:
        """Run ``endpoint`` (a generated module) with `kwargs` under `retry`; return the parsed 200 model.

        `timeout` / `max_retries` override the client's for this call (None: the client's). Raises the
        `APIError` subclass of the status (also for a 200 whose envelope carries errors),
        `APIConnectionError` / `APITimeoutError` for transport failures, `InsecureTransportError` before
        sending credentials over plain http. One retry budget covers every kind of failure of the call.
        """
        state = self._prepare(endpoint, retry, timeout, max_retries, kwargs)
        while True:
            request = self._build_request(self._http, state)
            started = perf_counter()
            failure: Exception | None = None
            response: httpx.Response | None = None
            content: bytes | None = None
            try:
                response = self._http.send(request, auth=self._auth, stream=True)
                content = read(response)
            except (httpx.RequestError, ResponseTooLarge) as exc:
                failure = exc
            step = self._outcome(state, request, failure, response, content, started)
            if isinstance(step, _Done):
                if response is not None and content is not None:
                    record(request, response, content)  # for `with_raw_response`
                return step.value
            self._before_retry(state, step)
            self._sleep(step.delay)
            state.retries += 1

    @property
    def is_closed(self) -> bool:
        return self._http.is_closed

    def close(self) -> None:
        """Close the httpx client if this object created it (a user-supplied one is left open)."""
        if self._owns_http and not self._http.is_closed:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
