"""`AsyncMyKaarma`, the facade users construct (see `mykaarma._client`).

Written once, async; the sync twin `MyKaarma` (``mykaarma/_sync/facade.py``) is generated from this file by
``scripts.codegen.unasync_client``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

import httpx

from .._base_client import AsyncSleep, TimeoutTypes
from .._credentials import resolve_credentials
from .._retry import DEFAULT_MAX_RETRIES
from .api_client import AsyncAPIClient

if TYPE_CHECKING:
    from .appointments import AsyncAppointments
    from .customers import AsyncCustomers

__all__ = ["AsyncMyKaarma"]


class AsyncMyKaarma(AsyncAPIClient):
    """The myKaarma client: ``client.customers`` and ``client.appointments``.

    `allow_insecure_http` permits Basic credentials over plain ``http://`` to a non-loopback host (refused by
    default; loopback is always allowed). `_sleep`, `_random` and `_now` replace the sleep between attempts,
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
        http_client: httpx.AsyncClient | None = None,
        allow_insecure_http: bool = False,
        _sleep: AsyncSleep | None = None,
        _random: Callable[[], float] | None = None,
        _now: Callable[[], float] | None = None,
    ) -> None:
        auth, url = resolve_credentials(username, password, base_url, allow_insecure_http)
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
        """Customer operations (`AsyncCustomers`)."""
        from .customers import AsyncCustomers

        return AsyncCustomers(self)

    @cached_property
    def appointments(self) -> AsyncAppointments:
        """Appointment-with-trip operations (`AsyncAppointments`)."""
        from .appointments import AsyncAppointments

        return AsyncAppointments(self)
