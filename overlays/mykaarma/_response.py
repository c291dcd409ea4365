"""Reading and decoding a response body without trusting the server.

A body is read only up to `MAX_RESPONSE_BYTES` of decoded bytes (a declared ``Content-Length`` above it is
refused before reading, a body that grows past it, compressed or not, is cut off): the largest legitimate
answer, a search page, is well under a megabyte. A body that is not JSON, or JSON nested deeper than Python
can decode, is kept as its text; the caller turns it into an `APIResponseValidationError` or quotes it in an
`APIError`, never a raw ``RecursionError`` or ``ValueError``.
"""

from __future__ import annotations

import json
from typing import Any, Final

import httpx

__all__ = ["MAX_RESPONSE_BYTES", "BodyReader", "DecodedResponse", "ResponseTooLarge", "decode_body"]

#: The most a response body may hold.
MAX_RESPONSE_BYTES: Final = 32 * 1024 * 1024


class ResponseTooLarge(Exception):
    """The response body is larger than `MAX_RESPONSE_BYTES` (only its first bytes were read)."""

    def __init__(self, size: int | None) -> None:
        shown = f"{size} bytes" if size is not None else "more"
        limit = MAX_RESPONSE_BYTES
        super().__init__(f"the response body is too large ({shown}; at most {limit} bytes are read)")


class BodyReader:
    """Collects the chunks of one body and stops past `MAX_RESPONSE_BYTES`."""

    def __init__(self, response: httpx.Response) -> None:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > MAX_RESPONSE_BYTES:
            raise ResponseTooLarge(int(declared))
        self.chunks: list[bytes] = []
        self.size = 0

    def add(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size > MAX_RESPONSE_BYTES:
            raise ResponseTooLarge(None)
        self.chunks.append(chunk)

    def content(self) -> bytes:
        return b"".join(self.chunks)


def decode_body(content: bytes) -> Any:
    """The body as decoded JSON; its text when it is not JSON (or nested too deeply); None when empty."""
    if not content:
        return None
    try:
        return json.loads(content)
    except (ValueError, RecursionError):
        return content.decode("utf-8", "replace")


class DecodedResponse:
    """What a generated ``_parse_response`` reads of a response, with the body decoded once (by us)."""

    __slots__ = ("_body", "content", "status_code")

    def __init__(self, status_code: int, content: bytes, body: Any) -> None:
        self.status_code = status_code
        self.content = content
        self._body = body

    def json(self) -> Any:
        return self._body
