"""HTTP Basic authentication that keeps the password out of reprs, logs, exceptions and tracebacks.

The password lives in a `_Secret` (``__slots__``, masked ``repr``), so ``repr(auth)``, ``vars(auth)`` and a
traceback formatted with ``capture_locals=True`` show only asterisks. The ``Authorization`` header is built
while a request is being sent and is never held in a named local variable.

Basic credentials are only base64-encoded, so they are refused over plain ``http://`` unless the host is
loopback (127.0.0.0/8, ::1, ``localhost``) or the caller passed ``allow_insecure_http=True``. The check
runs on every request the auth flow sees (a user-supplied client, a changed base URL), not only at
construction.
"""

from __future__ import annotations

import base64
import functools
import ipaddress
from collections.abc import Generator

import httpx

from ._exceptions import InsecureTransportError

__all__ = ["BasicAuth", "check_transport", "is_loopback_host"]

_MASK = "'**********'"


class _Secret:
    """A string that does not show itself in ``repr``/``str``; `reveal()` returns it."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return _MASK

    __str__ = __repr__

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("credentials cannot be pickled")


@functools.lru_cache(maxsize=64)  # checked on every request; a client talks to very few hosts
def is_loopback_host(host: str) -> bool:
    """Whether `host` names the local machine: ``localhost`` (and ``*.localhost``), 127.0.0.0/8 or ::1."""
    name = host.strip("[]").rstrip(".").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.is_loopback
    return address.is_loopback


def check_transport(url: httpx.URL, *, allow_insecure_http: bool) -> None:
    """Raise `InsecureTransportError` if Basic credentials would go over plain http to a non-loopback host."""
    if url.scheme != "http" or allow_insecure_http or is_loopback_host(url.host):
        return
    raise InsecureTransportError(
        f"refusing to send Basic credentials over plain http:// to {url.host!r}: use https://, "
        "or pass allow_insecure_http=True if this network is trusted (loopback hosts are always allowed)"
    )


class BasicAuth(httpx.Auth):
    """``Authorization: Basic`` for every request, with the transport check above."""

    def __init__(self, username: str, password: str, *, allow_insecure_http: bool = False) -> None:
        self.username = username
        self._password = _Secret(password)
        self.allow_insecure_http = allow_insecure_http

    def __repr__(self) -> str:
        return f"BasicAuth(username={self.username!r}, password={_MASK})"

    __str__ = __repr__

    def _authorization(self) -> str:
        pair = f"{self.username}:{self._password.reveal()}".encode()
        return "Basic " + base64.b64encode(pair).decode("ascii")

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        check_transport(request.url, allow_insecure_http=self.allow_insecure_http)
        request.headers["Authorization"] = self._authorization()
        yield request
