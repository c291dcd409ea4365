"""Timeouts: a finite default, client-level and per-call overrides that really reach the HTTP request."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest
import respx

from mykaarma import APITimeoutError, AsyncMyKaarma, MyKaarma, RetryPolicy
from mykaarma._base_client import DEFAULT_TIMEOUT
from mykaarma_api.api.customers import create_customer, read_customer
from tests.unit.client._servers import LoopbackServer
from tests.unit.client.conftest import (
    BASE_URL,
    CUSTOMER,
    CUSTOMER_PATH,
    DEPT,
    PASSWORD,
    READ_OK,
    USERNAME,
    Sleeps,
    save_request,
)

IDEMPOTENT = RetryPolicy.IDEMPOTENT


def _capture(seen: list[dict[str, Any]]) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(dict(request.extensions["timeout"]))
        return httpx.Response(200, json=READ_OK)

    return handler


def _read(client: MyKaarma, **options: Any) -> Any:
    return client.call(
        read_customer, retry=IDEMPOTENT, department_uuid=DEPT, customer_uuid=CUSTOMER, **options
    )


def test_default_timeout_is_thirty_seconds_with_five_to_connect(
    client: MyKaarma, api: respx.MockRouter
) -> None:
    assert httpx.Timeout(30.0, connect=5.0) == DEFAULT_TIMEOUT
    assert client.timeout == DEFAULT_TIMEOUT
    seen: list[dict[str, Any]] = []
    api.get(CUSTOMER_PATH).mock(side_effect=_capture(seen))
    _read(client)
    assert seen == [{"connect": 5.0, "read": 30.0, "write": 30.0, "pool": 30.0}]


def test_per_call_timeout_reaches_the_request(client: MyKaarma, api: respx.MockRouter) -> None:
    seen: list[dict[str, Any]] = []
    api.get(CUSTOMER_PATH).mock(side_effect=_capture(seen))
    _read(client, timeout=2.5)
    _read(client, timeout=httpx.Timeout(10.0, connect=1.0))
    _read(client)  # the override was for one call only
    assert seen == [
        {"connect": 2.5, "read": 2.5, "write": 2.5, "pool": 2.5},
        {"connect": 1.0, "read": 10.0, "write": 10.0, "pool": 10.0},
        {"connect": 5.0, "read": 30.0, "write": 30.0, "pool": 30.0},
    ]


def test_client_timeout_and_with_options(api: respx.MockRouter) -> None:
    seen: list[dict[str, Any]] = []
    api.get(CUSTOMER_PATH).mock(side_effect=_capture(seen))
    with MyKaarma(username=USERNAME, password=PASSWORD, base_url=BASE_URL, timeout=12) as client:
        _read(client)
        _read(client.with_options(timeout=httpx.Timeout(4.0, read=40.0)))
    assert seen == [
        {"connect": 12.0, "read": 12.0, "write": 12.0, "pool": 12.0},
        {"connect": 4.0, "read": 40.0, "write": 4.0, "pool": 4.0},
    ]


def test_our_timeout_applies_to_a_user_supplied_client(api: respx.MockRouter) -> None:
    seen: list[dict[str, Any]] = []
    api.get(CUSTOMER_PATH).mock(side_effect=_capture(seen))
    with (
        httpx.Client(timeout=None) as own,
        MyKaarma(username=USERNAME, password=PASSWORD, base_url=BASE_URL, http_client=own) as client,
    ):
        _read(client)
    assert seen == [{"connect": 5.0, "read": 30.0, "write": 30.0, "pool": 30.0}]  # never unbounded


def test_per_call_timeout_is_enforced_by_a_real_silent_server(sleeps: Sleeps) -> None:
    with LoopbackServer(reply=None) as server:
        client = MyKaarma(username=USERNAME, password=PASSWORD, base_url=server.url, _sleep=sleeps)
        started = time.perf_counter()
        with pytest.raises(APITimeoutError) as caught:
            client.call(
                read_customer,
                retry=IDEMPOTENT,
                department_uuid=DEPT,
                customer_uuid=CUSTOMER,
                timeout=0.2,
                max_retries=1,
            )
        elapsed = time.perf_counter() - started
        client.close()
    assert 0.3 <= elapsed < 5.0  # two attempts of 0.2 s each, nowhere near the 30 s default
    assert server.accepted == 2
    assert len(sleeps) == 1
    assert caught.value.may_have_reached_server is True
    assert caught.value.transport_error == "ReadTimeout"
    assert caught.value.__cause__ is None
    assert caught.value.__context__ is None


def test_a_create_that_times_out_on_a_real_server_is_not_retried(sleeps: Sleeps) -> None:
    with LoopbackServer(reply=None) as server:
        client = MyKaarma(username=USERNAME, password=PASSWORD, base_url=server.url, _sleep=sleeps)
        with pytest.raises(APITimeoutError) as caught:
            client.call(
                create_customer,
                retry=RetryPolicy.CONNECT_ONLY,
                department_uuid=DEPT,
                body=save_request(),
                timeout=0.2,
            )
        client.close()
    assert server.accepted == 1
    assert sleeps == []
    assert "not retried: createCustomer is not idempotent" in str(caught.value)


async def test_async_per_call_timeout_is_enforced_by_a_real_silent_server(sleeps: Sleeps) -> None:
    with LoopbackServer(reply=None) as server:
        async with AsyncMyKaarma(
            username=USERNAME, password=PASSWORD, base_url=server.url, _sleep=sleeps.asleep
        ) as client:
            started = time.perf_counter()
            with pytest.raises(APITimeoutError):
                await client.call(
                    read_customer, retry=IDEMPOTENT, department_uuid=DEPT, customer_uuid=CUSTOMER, timeout=0.2
                )
            elapsed = time.perf_counter() - started
    assert elapsed < 5.0
    assert server.accepted == 3
    assert len(sleeps) == 2
