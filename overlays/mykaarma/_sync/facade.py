"""`MyKaarma`, the facade users construct (see `mykaarma._client`).

Generated from ``mykaarma/_async/facade.py`` by ``scripts.codegen.unasync_client``: edit that file.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

import httpx

from .._base_client import SyncSleep, TimeoutTypes
from .._credentials import resolve_credentials
from .._retry import DEFAULT_MAX_RETRIES
from .api_client import SyncAPIClient

if TYPE_CHECKING:
    from .appointments import Appointments
    from .customers import Customers

__all__ = ["MyKaarma"]


class MyKaarma(SyncAPIClient):
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
        http_client: httpx.Client | None = None,
        allow_insecure_http: bool = False,
        _sleep: SyncSleep | None = None,
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
    def customers(self) -> Customers:
        """Customer operations (`Customers`)."""
        from .customers import Customers

        return Customers(self)

    @cached_property
    def appointments(self) -> Appointments:
        """Appointment-with-trip operations (`Appointments`)."""
        from .appointments import Appointments

        return Appointments(self)
