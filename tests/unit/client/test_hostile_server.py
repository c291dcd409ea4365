"""A broken or hostile server: nothing reachable from an error holds the credentials, and every answer the
client cannot read (too deep, not JSON, too large) is an `APIError`, never a raw RecursionError."""

from __future__ import annotations

import gc
import types
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import respx

from mykaarma import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    AsyncMyKaarma,
    BadRequestError,
    MyKaarma,
    RetryPolicy,
    _response,
)
from mykaarma_api.api.customers import read_customer
from tests.unit.client._servers import LoopbackServer, closed_port_url, http_reply
from tests.unit.client.conftest import CUSTOMER, CUSTOMER_PATH, DEPT, PASSWORD, TOKEN, USERNAME, Sleeps

IDEMPOTENT = RetryPolicy.IDEMPOTENT
SECRETS = (PASSWORD, TOKEN, f"Basic {TOKEN}")
#: Objects the walk does not enter: code and the interpreter's own state, not data an error carries.
_OPAQUE = (types.FrameType, types.TracebackType, types.ModuleType, type, types.FunctionType, types.CodeType)


def _reachable(root: object, limit: int = 200_000) -> Iterator[object]:
    """Every object reachable from `root` through references, except frames, tracebacks, modules and types."""
    seen: set[int] = set()
    pending: list[object] = [root]
    while pending and len(seen) < limit:
        item = pending.pop()
        if id(item) in seen or isinstance(item, _OPAQUE):
            continue
        seen.add(id(item))
        yield item
        pending.extend(gc.get_referents(item))
        for name in ("__cause__", "__context__"):
            linked = getattr(item, name, None) if isinstance(item, BaseException) else None
            if linked is not None:
                pending.append(linked)


def assert_holds_no_credentials(error: BaseException) -> None:
    for item in _reachable(error):
        if isinstance(item, str):
            assert not any(secret in item for secret in SECRETS), item[:200]
        elif isinstance(item, bytes | bytearray):
            assert not any(secret.encode() in item for secret in SECRETS), bytes(item[:200])


def _read(client: MyKaarma) -> Any:
    return client.call(
        read_customer, retry=IDEMPOTENT, department_uuid=DEPT, customer_uuid=CUSTOMER, max_retries=0
    )


async def _aread(client: AsyncMyKaarma) -> Any:
    return await client.call(
        read_customer, retry=IDEMPOTENT, department_uuid=DEPT, customer_uuid=CUSTOMER, max_retries=0
    )


# -- credentials --------------------------------------------------------------------------------------------


def test_the_walk_finds_credentials_in_an_httpx_error() -> None:
    """The check can fail: httpx's own exception holds the request and its Authorization header."""
    request = httpx.Request("GET", "https://api.test/", headers={"Authorization": f"Basic {TOKEN}"})
    with pytest.raises(AssertionError):
        assert_holds_no_credentials(httpx.ConnectError("refused", request=request))


@pytest.mark.parametrize("server_reply", ["refused", "silent", "closes"])
def test_connection_errors_hold_no_credentials(server_reply: str, sleeps: Sleeps) -> None:
    with LoopbackServer(None if server_reply == "silent" else b"") as server:
        url = closed_port_url() if server_reply == "refused" else server.url
        with (
            MyKaarma(
                username=USERNAME, password=PASSWORD, base_url=url, timeout=0.5, _sleep=sleeps
            ) as client,
            pytest.raises(APIConnectionError) as caught,
        ):
            _read(client)
    error = caught.value
    assert error.__cause__ is None
    assert error.__context__ is None
    assert error.transport_error
    assert error.method == "GET"
    assert CUSTOMER_PATH in error.url
    assert_holds_no_credentials(error)


async def test_async_connection_errors_hold_no_credentials(sleeps: Sleeps) -> None:
    async with AsyncMyKaarma(
        username=USERNAME, password=PASSWORD, base_url=closed_port_url(), _sleep=sleeps.asleep
    ) as client:
        with pytest.raises(APIConnectionError) as caught:
            await _aread(client)
    assert caught.value.may_have_reached_server is False
    assert caught.value.__context__ is None
    assert_holds_no_credentials(caught.value)


def test_status_errors_hold_no_credentials(client: MyKaarma, api: respx.MockRouter) -> None:
    api.get(CUSTOMER_PATH).mock(return_value=httpx.Response(400, json={"errors": [{"errorMessage": "no"}]}))
    with pytest.raises(BadRequestError) as caught:
        _read(client)
    assert_holds_no_credentials(caught.value)


# -- answers the client cannot read -------------------------------------------------------------------------

DEEP_JSON = b'{"a": ' * 100_000 + b"1" + b"}" * 100_000
UNREADABLE = {
    "nested too deeply for Python": DEEP_JSON,
    "nested deeply but decodable": b'{"customerWithVehicles": ' + b"[" * 900 + b"]" * 900 + b"}",
    "not JSON": b"<html>gateway says hello</html>",
    "invalid UTF-8": b'{"errors": [], "x": "\xff\xfe"}',
    "a lone surrogate escape": b'{"errors": [], "warnings": [], "customerWithVehicles": "\\ud800"}',
}


@pytest.mark.parametrize("case", sorted(UNREADABLE))
def test_an_unreadable_200_is_an_api_error(case: str, client: MyKaarma, api: respx.MockRouter) -> None:
    api.get(CUSTOMER_PATH).mock(return_value=httpx.Response(200, content=UNREADABLE[case]))
    with pytest.raises(APIResponseValidationError) as caught:
        _read(client)
    assert caught.value.status == 200
    assert caught.value.__context__ is None


@pytest.mark.parametrize("status", [400, 500])
def test_an_unreadable_error_answer_keeps_its_status_class(
    status: int, client: MyKaarma, api: respx.MockRouter
) -> None:
    api.get(CUSTOMER_PATH).mock(return_value=httpx.Response(status, content=DEEP_JSON))
    with pytest.raises(APIError) as caught:
        _read(client)
    assert caught.value.status == status
    assert isinstance(caught.value.body, str)


async def test_async_unreadable_answers_are_api_errors(
    async_client: AsyncMyKaarma, api: respx.MockRouter
) -> None:
    api.get(CUSTOMER_PATH).mock(return_value=httpx.Response(200, content=DEEP_JSON))
    with pytest.raises(APIResponseValidationError):
        await _aread(async_client)


def _chunks(size: int) -> Iterator[bytes]:
    for _ in range(size // 1000):
        yield b" " * 1000


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(_response, "MAX_RESPONSE_BYTES", 10_000)
    return 10_000


def test_a_declared_oversized_answer_is_refused_unread(
    small_limit: int, client: MyKaarma, api: respx.MockRouter
) -> None:
    body = b" " * (small_limit + 1)
    api.get(CUSTOMER_PATH).mock(return_value=httpx.Response(200, content=body))
    with pytest.raises(APIResponseValidationError, match="too large"):
        _read(client)


def test_an_answer_that_grows_past_the_limit_is_cut_off(
    small_limit: int, client: MyKaarma, api: respx.MockRouter
) -> None:
    api.get(CUSTOMER_PATH).mock(return_value=httpx.Response(200, content=_chunks(small_limit * 3)))
    with pytest.raises(APIResponseValidationError, match="too large"):
        _read(client)


async def test_async_answer_past_the_limit_is_cut_off(
    small_limit: int, async_client: AsyncMyKaarma, api: respx.MockRouter
) -> None:
    async def chunks() -> Any:
        for chunk in _chunks(small_limit * 3):
            yield chunk

    api.get(CUSTOMER_PATH).mock(return_value=httpx.Response(200, content=chunks()))
    with pytest.raises(APIResponseValidationError, match="too large"):
        await _aread(async_client)


def test_a_real_server_answering_deep_json_is_an_api_error(sleeps: Sleeps) -> None:
    with (
        LoopbackServer(http_reply(200, DEEP_JSON)) as server,
        MyKaarma(username=USERNAME, password=PASSWORD, base_url=server.url, _sleep=sleeps) as client,
        pytest.raises(APIResponseValidationError),
    ):
        _read(client)
