"""The async twin behaves like the sync client: retries, policies, errors, timeouts, headers, redaction."""

from __future__ import annotations

import logging
import sys
import traceback
from typing import Any

import httpx
import pytest
import respx

from mykaarma import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AsyncMyKaarma,
    ConflictError,
    InternalServerError,
    NotFoundError,
    RateLimitError,
    RetryPolicy,
    __version__,
)
from mykaarma_api.api.appointments import create_appointment_with_trip, get_trips_for_appointment
from mykaarma_api.api.customers import create_customer, read_customer
from tests.unit.client._servers import closed_port_url
from tests.unit.client.conftest import (
    APPT_TRIP_PATH,
    BASE_URL,
    CUSTOMER,
    CUSTOMER_PATH,
    CUSTOMERS_PATH,
    DEALER,
    DEPT,
    PASSWORD,
    READ_OK,
    SAVE_OK,
    TOKEN,
    TRIPS_PATH,
    USERNAME,
    Sleeps,
    appointment_request,
    save_request,
    trips_request,
)

IDEMPOTENT = RetryPolicy.IDEMPOTENT
CONNECT_ONLY = RetryPolicy.CONNECT_ONLY
BACKOFF = [0.375, 0.75, 1.5, 3.0, 6.0, 6.0]


async def read(client: AsyncMyKaarma, **options: Any) -> Any:
    return await client.call(
        read_customer, retry=IDEMPOTENT, department_uuid=DEPT, customer_uuid=CUSTOMER, **options
    )


async def create(client: AsyncMyKaarma, **options: Any) -> Any:
    return await client.call(
        create_customer, retry=CONNECT_ONLY, department_uuid=DEPT, body=save_request(), **options
    )


async def test_success_with_auth_and_user_agent(async_client: AsyncMyKaarma, api: respx.MockRouter) -> None:
    route = api.post(CUSTOMERS_PATH).mock(return_value=httpx.Response(200, json=SAVE_OK))
    result = await create(async_client)
    assert result.customer_uuid == CUSTOMER
    headers = route.calls.last.request.headers
    assert headers["Authorization"] == f"Basic {TOKEN}"
    assert headers["User-Agent"] == f"mykaarma-python/{__version__}"


async def test_idempotent_retries_with_backoff_and_budget(
    async_client: AsyncMyKaarma, api: respx.MockRouter, sleeps: Sleeps
) -> None:
    route = api.get(CUSTOMER_PATH).mock(
        side_effect=[httpx.Response(503), httpx.ReadTimeout("slow"), httpx.Response(502)]
    )
    with pytest.raises(InternalServerError) as caught:
        await read(async_client)
    assert route.call_count == 3
    assert sleeps == BACKOFF[:2]
    assert "gave up after 2 retries" in str(caught.value)


async def test_per_call_max_retries(
    async_client: AsyncMyKaarma, api: respx.MockRouter, sleeps: Sleeps
) -> None:
    route = api.get(CUSTOMER_PATH).mock(return_value=httpx.Response(500))
    with pytest.raises(InternalServerError):
        await read(async_client, max_retries=6)
    assert route.call_count == 7
    assert sleeps == BACKOFF


async def test_connect_only_retries_connect_errors_only(
    async_client: AsyncMyKaarma, api: respx.MockRouter, sleeps: Sleeps
) -> None:
    route = api.post(CUSTOMERS_PATH).mock(
        side_effect=[httpx.ConnectError("refused"), httpx.Response(200, json=SAVE_OK)]
    )
    await create(async_client)
    assert route.call_count == 2
    assert sleeps == [BACKOFF[0]]

    route.reset()
    sleeps.clear()
    route.mock(side_effect=httpx.RemoteProtocolError("Server disconnected without sending a response."))
    with pytest.raises(APIConnectionError) as caught:
        await create(async_client)
    assert route.call_count == 1
    assert sleeps == []
    assert caught.value.may_have_reached_server is True
    assert "not retried: createCustomer is not idempotent" in str(caught.value)


async def test_connect_only_does_not_retry_a_read_timeout_or_503(
    async_client: AsyncMyKaarma, api: respx.MockRouter, sleeps: Sleeps
) -> None:
    route = api.post(APPT_TRIP_PATH).mock(side_effect=httpx.ReadTimeout("slow"))
    with pytest.raises(APITimeoutError, match="not retried: createAppointmentWithTrip"):
        await async_client.call(
            create_appointment_with_trip, retry=CONNECT_ONLY, dealer_uuid=DEALER, body=appointment_request()
        )
    route.mock(return_value=httpx.Response(503, headers={"Retry-After": "1"}))
    with pytest.raises(InternalServerError, match="not retried: createAppointmentWithTrip"):
        await async_client.call(
            create_appointment_with_trip, retry=CONNECT_ONLY, dealer_uuid=DEALER, body=appointment_request()
        )
    assert route.call_count == 2
    assert sleeps == []


async def test_retry_after_and_its_ceiling(
    async_client: AsyncMyKaarma, api: respx.MockRouter, sleeps: Sleeps
) -> None:
    route = api.get(CUSTOMER_PATH).mock(
        side_effect=[httpx.Response(429, headers={"Retry-After": "4"}), httpx.Response(200, json=READ_OK)]
    )
    await read(async_client)
    assert sleeps == [4.0]
    route.mock(return_value=httpx.Response(429, headers={"Retry-After": "61"}))
    with pytest.raises(RateLimitError) as caught:
        await read(async_client)
    assert caught.value.retry_after == 61.0
    assert sleeps == [4.0]


async def test_error_mapping_and_envelopes(async_client: AsyncMyKaarma, api: respx.MockRouter) -> None:
    api.get(CUSTOMER_PATH).mock(
        return_value=httpx.Response(
            404,
            json={
                "errors": [{"errorCode": 20002, "errorTitle": "CUSTOMER_NOT_FOUND", "errorMessage": "gone"}]
            },
            headers={"X-Request-Id": "r-9"},
        )
    )
    with pytest.raises(NotFoundError) as missing:
        await read(async_client)
    assert missing.value.has_error("CUSTOMER_NOT_FOUND")
    assert missing.value.request_id == "r-9"

    conflict = {
        "statusCode": 409,
        "errors": [{"errorCode": "TRIP_ALREADY_EXISTS", "errorDescription": "exists"}],
    }
    route = api.post(APPT_TRIP_PATH).mock(return_value=httpx.Response(409, json=conflict))
    with pytest.raises(ConflictError):
        await async_client.call(
            create_appointment_with_trip, retry=IDEMPOTENT, dealer_uuid=DEALER, body=appointment_request()
        )
    assert route.call_count == 1  # a business conflict is never retried


async def test_200_with_pnd_error_raises(async_client: AsyncMyKaarma, api: respx.MockRouter) -> None:
    body = {
        "statusCode": 200,
        "totalCount": 0,
        "tripViewDtos": [],
        "error": {"errorCode": "X", "errorDescription": "y"},
    }
    api.patch(TRIPS_PATH).mock(return_value=httpx.Response(200, json=body))
    with pytest.raises(APIError) as caught:
        await async_client.call(
            get_trips_for_appointment, retry=IDEMPOTENT, dealer_uuid=DEALER, body=trips_request()
        )
    assert type(caught.value) is APIError
    assert caught.value.errors[0]["code"] == "X"


async def test_per_call_timeout_reaches_the_request(
    async_client: AsyncMyKaarma, api: respx.MockRouter
) -> None:
    seen: list[dict[str, Any]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(dict(request.extensions["timeout"]))
        return httpx.Response(200, json=READ_OK)

    api.get(CUSTOMER_PATH).mock(side_effect=handler)
    await read(async_client)
    await read(async_client, timeout=1.5)
    assert seen == [
        {"connect": 5.0, "read": 30.0, "write": 30.0, "pool": 30.0},
        {"connect": 1.5, "read": 1.5, "write": 1.5, "pool": 1.5},
    ]


async def test_a_user_supplied_async_client_is_used_as_it_is() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=READ_OK)

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as own:
        async with AsyncMyKaarma(
            username=USERNAME, password=PASSWORD, base_url=BASE_URL, http_client=own
        ) as client:
            await read(client)
        assert not own.is_closed
        assert own.auth is None
    assert seen[0].headers["Authorization"] == f"Basic {TOKEN}"


async def test_warnings_are_logged(
    async_client: AsyncMyKaarma, api: respx.MockRouter, caplog: pytest.LogCaptureFixture
) -> None:
    body = {
        **SAVE_OK,
        "warnings": [{"warningCode": 10007, "warningTitle": "EMPTY_PHONE_LIST", "warningMessage": "none"}],
    }
    api.post(CUSTOMERS_PATH).mock(return_value=httpx.Response(200, json=body))
    with caplog.at_level(logging.WARNING, logger="mykaarma"):
        result = await create(async_client)
    assert result.warnings[0].warning_code == 10007
    assert caplog.messages == ["createCustomer warning 10007 EMPTY_PHONE_LIST: none"]


async def test_connection_error_traceback_holds_no_credentials(sleeps: Sleeps) -> None:
    async with AsyncMyKaarma(
        username=USERNAME, password=PASSWORD, base_url=closed_port_url(), _sleep=sleeps.asleep
    ) as client:
        try:
            await read(client, max_retries=1)
        except APIConnectionError:
            formatted = traceback.format_exc()
            error = sys.exc_info()[1]
    assert error is not None
    assert len(sleeps) == 1
    with_locals = "".join(traceback.TracebackException.from_exception(error, capture_locals=True).format())
    for secret in (PASSWORD, TOKEN):
        assert secret not in formatted
        assert secret not in with_locals
        assert secret not in repr(client)
