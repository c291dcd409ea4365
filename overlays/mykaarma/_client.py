"""`MyKaarma` and `AsyncMyKaarma`: the facade users construct.

::

    with MyKaarma(username="...", password="...") as client:      # or MYKAARMA_USERNAME / MYKAARMA_PASSWORD
        saved = client.customers.create_or_update(department_uuid, customer)

Credentials and the base URL fall back to ``MYKAARMA_USERNAME``, ``MYKAARMA_PASSWORD`` and
``MYKAARMA_BASE_URL`` (default ``https://api.mykaarma.com``). One httpx client per facade; pass
``http_client=`` to use your own (it is used as it is, and not closed by us). Timeout default
``httpx.Timeout(30.0, connect=5.0)``, applied per request (also to a user-supplied client), overridable per
call; ``max_retries=2``.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from functools import cached_property
from typing import TYPE_CHECKING

import httpx

from ._auth import BasicAuth
from ._base_client import AsyncAPIClient, SyncAPIClient, TimeoutTypes
from ._exceptions import MyKaarmaError
from ._retry import DEFAULT_MAX_RETRIES

if TYPE_CHECKING:
    from .resources.appointments import Appointments, AsyncAppointments
    from .resources.customers import AsyncCustomers, Customers

__all__ = ["ENV_BASE_URL", "ENV_PASSWORD", "ENV_USERNAME", "AsyncMyKaarma", "MyKaarma"]

ENV_USERNAME = "MYKAARMA_USERNAME"
ENV_PASSWORD = "MYKAARMA_PASSWORD"
ENV_BASE_URL = "MYKAARMA_BASE_URL"


def _from_env(value: str | None, name: str) -> str | None:
    if value:
        return value
    return os.environ.get(name) or None


def _resolve(
    username: str | None, password: str | None, base_url: str | httpx.URL | None, allow_insecure_http: bool
) -> tuple[BasicAuth, str | httpx.URL | None]:
    """Explicit arguments first, then the environment; a missing credential names what to set."""
    user = _from_env(username, ENV_USERNAME)
    secret = _from_env(password, ENV_PASSWORD)
    if not user or not secret:
        missing = [] if user else [f"username= or set {ENV_USERNAME}"]
        missing += [] if secret else [f"password= or set {ENV_PASSWORD}"]
        raise MyKaarmaError("missing credentials: pass " + ", and ".join(missing))
    auth = BasicAuth(user, secret, allow_insecure_http=allow_insecure_http)
    return auth, base_url or _from_env(None, ENV_BASE_URL)


class MyKaarma(SyncAPIClient):
    """The synchronous myKaarma client: ``client.customers`` and ``client.appointments``.

    `allow_insecure_http` permits Basic credentials over plain ``http://`` to a non-loopback host (refused by
    default; loopback is always allowed). `_sleep`, `_random` and `_now` replace ``time.sleep``,
    ``random.random`` and ``time.time`` (tests).
    """

    def __init__(
        self,
        username: str | None = None,
        password: str | None = None,
        base_url: str | httpx.URL | None = None,
        *,
        timeout: TimeoutTypes = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
        allow_insecure_http: bool = False,
        _sleep: Callable[[float], None] | None = None,
        _random: Callable[[], float] | None = None,
        _now: Callable[[], float] | None = None,
    ) -> None:
        auth, url = _resolve(username, password, base_url, allow_insecure_http)
        super().__init__(
            base_url=url,
            auth=auth,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            _sleep=_sleep,
            _random=_random,
            _now=_now,
        )

    @cached_property
    def customers(self) -> Customers:
        """Customer operations (`mykaarma.resources.customers.Customers`)."""
        from .resources.customers import Customers

        return Customers(self)

    @cached_property
    def appointments(self) -> Appointments:
        """Appointment-with-trip operations (`mykaarma.resources.appointments.Appointments`)."""
        from .resources.appointments import Appointments

        return Appointments(self)


class AsyncMyKaarma(AsyncAPIClient):
    """The asynchronous client, same surface as `MyKaarma` (``async with``, ``await client.aclose()``)."""

    def __init__(
        self,
        username: str | None = None,
        password: str | None = None,
        base_url: str | httpx.URL | None = None,
        *,
        timeout: TimeoutTypes = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
        allow_insecure_http: bool = False,
        _sleep: Callable[[float], Awaitable[None]] | None = None,
        _random: Callable[[], float] | None = None,
        _now: Callable[[], float] | None = None,
    ) -> None:
        auth, url = _resolve(username, password, base_url, allow_insecure_http)
        super().__init__(
            base_url=url,
            auth=auth,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            _sleep=_sleep,
            _random=_random,
            _now=_now,
        )

    @cached_property
    def customers(self) -> AsyncCustomers:
        """Customer operations (`mykaarma.resources.customers.AsyncCustomers`)."""
        from .resources.customers import AsyncCustomers

        return AsyncCustomers(self)

    @cached_property
    def appointments(self) -> AsyncAppointments:
        """Appointment-with-trip operations (`mykaarma.resources.appointments.AsyncAppointments`)."""
        from .resources.appointments import AsyncAppointments

        return AsyncAppointments(self)
