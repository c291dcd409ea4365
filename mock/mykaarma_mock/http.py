"""The mock's HTTP plumbing: JSON answers, closing a connection without an answer, reading request headers."""

from __future__ import annotations

import asyncio
import ipaddress
import json
from collections.abc import Mapping
from typing import Any, Final

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from .errors import INVALID, ApiError, ErrorItem

__all__ = [
    "JSON_MEDIA_TYPE",
    "DropConnection",
    "authorization",
    "dump",
    "has_body",
    "is_json_media_type",
    "is_loopback",
    "json_response",
    "transport_of",
]

JSON_MEDIA_TYPE: Final = "application/json"


def dump(body: Any) -> bytes:
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")


def json_response(body: Any, status: int = 200, headers: Mapping[str, str] | None = None) -> Response:
    return Response(
        content=dump(body), status_code=status, headers=dict(headers or {}), media_type=JSON_MEDIA_TYPE
    )


def transport_of(receive: Receive) -> Any:
    """The server's transport behind an ASGI `receive` callable, when the server exposes it (uvicorn)."""
    owner = getattr(receive, "__self__", None)
    transport = getattr(owner, "transport", None)
    return transport if callable(getattr(transport, "abort", None)) else None


class DropConnection(Response):
    """Closes the client's connection without sending any response (faults ``drop_*``).

    Under uvicorn the connection is aborted through the request's transport, so the client receives no byte
    at all. Elsewhere, the response head announces a body that never comes and the application returns:
    the server then closes the connection, and the client still fails to read a complete response.
    """

    def __init__(self) -> None:
        super().__init__(content=b"", status_code=200)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        transport = transport_of(receive)
        if transport is not None:
            transport.abort()
            for _ in range(3):  # let the server notice the disconnect before the application returns
                await asyncio.sleep(0)
            return
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", JSON_MEDIA_TYPE.encode()), (b"content-length", b"1048576")],
            }
        )


def is_loopback(request: Request) -> bool:
    if request.client is None:
        return True
    try:
        address = ipaddress.ip_address(request.client.host)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.is_loopback
    return address.is_loopback


def authorization(request: Request) -> str | None:
    """The one `Authorization` header of a request; two or more are refused with 400 (D-AUTH)."""
    values = request.headers.getlist("authorization")
    if len(values) > 1:
        message = f"send exactly one Authorization header (the request has {len(values)})"
        raise ApiError(400, [ErrorItem(INVALID, message, "Authorization")])
    return values[0] if values else None


def has_body(request: Request) -> bool:
    """Whether the request announces a body (a length above zero, or chunked transfer)."""
    length = request.headers.get("content-length")
    if length is not None:
        return length.strip() not in ("", "0")
    return "transfer-encoding" in request.headers


def is_json_media_type(header: str | None) -> bool:
    if header is None:
        return False
    media, *params = header.split(";")
    if media.strip().lower() != JSON_MEDIA_TYPE:
        return False
    for param in params:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip().strip('"').lower() not in ("utf-8", "utf8"):
            return False
    return True
