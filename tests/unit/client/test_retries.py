"""Retries through `SyncAPIClient.call`: backoff, Retry-After, policies, one budget per call, overrides."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import httpx
import pytest
import respx

from mykaarma import (
    APIConnectionError,
    APITimeoutError,
    ConflictError,
    InternalServerError,
    MyKaarma,
    RateLimitError,
    RetryPolicy,
)
from mykaarma._base_client import operation_name
from mykaarma_api.api.appointments import create_appointment_with_trip
from mykaarma_api.api.customers import create_customer, read_customer, update_customer
from tests.unit.client.conftest import (
    APPT_TRIP_PATH,
    CUSTOMER,
    CUSTOMER_PATH,
    CUSTOMERS_PATH,
    DEALER,
    DEPT,
    NOW,
    READ_OK,
    SAVE_OK,
    UPDATE_OK,
    Sleeps,
    appointment_request,
    save_request,
)

IDEMPOTENT = RetryPolicy.IDEMPOTENT
CONNECT_ONLY = RetryPolicy.CONNECT_ONLY
# With the fixed random 0.5 every delay is 3/4 of 0.5 s * 2**n.
BACKOFF = [0.375, 0.75, 1.5, 3.0, 6.0, 6.0]


def read(client: MyKaarma, **options: Any) -> Any:
    return client.call(
        read_customer, retry=IDEMPOTENT, department_uuid=DEPT, customer_uuid=CUSTOMER, **options
    )


def create(client: MyKaarma, **options: Any) -> Any:
    return client.call(
        create_customer, retry=CONNECT_ONLY, department_uuid=DEPT, body=save_request(), **options
    )


def test_idempotent_call_retries_transient_statuses_with_backoff(
    client: MyKaarma, api: respx.MockRouter, sleeps: Sleeps
) -> None:
    route = api.get(CUSTOMER_PATH).mock(
        side_effect=[httpx.Response(503), httpx.Response(502), httpx.Response(200, json=READ_OK)]
    )
    result = read(client)
    assert result.customer_with_vehicles.customer.customer_uuid == CUSTOMER
    assert route.call_count == 3
    assert sleeps == BACKOFF[:2]


def test_default_budget_is_two_retries_then_the_last_error(
    client: MyKaarma, api: respx.MockRouter, sleeps: Sleeps
) -> None:
    route = api.get(CUSTOMER_PATH).mock(return_value=httpx.Response(500, json={"errors": [], "warnings": []}))
    with pytest.raises(InternalServerError) as caught:
        read(client)
    assert route.call_count == 3
    assert sleeps == BACKOFF[:2]
    assert caught.value.retries == 2
    assert "gave up after 2 retries" in str(caught.value)


def test_per_call_max_retries_overrides_the_client(
    client: MyKaarma, api: respx.MockRouter, sleeps: Sleeps
) -> None:
    route = api.get(CUSTOMER_PATH).mock(return_value=httpx.Response(504))
    with pytest.raises(InternalServerError):
        read(client, max_retries=6)
    assert route.call_count == 7
    assert sleeps == BACKOFF  # capped: never more than 8 s, here 3/4 of 8 s

    route.reset()
    sleeps.clear()
    with pytest.raises(InternalServerError) as caught:
        read(client, max_retries=0)
    assert route.call_count == 1
    assert sleeps == []
    assert caught.value.retries == 0
    assert "gave up" not in str(caught.value)


def test_client_level_max_retries_and_with_options(
    client: MyKaarma, api: respx.MockRouter, sleeps: Sleeps
) -> None:
    route = api.get(CUSTOMER_PATH).mock(return_value=httpx.Response(503))
    patient = client.with_options(max_retries=4)
    with pytest.raises(InternalServerError):
        read(patient)
    assert route.call_count == 5
    assert client.max_retries == 2  # the original is unchanged


@pytest.mark.parametrize("status", [400, 401, 403, 404, 405, 413, 415, 501])
def test_permanent_statuses_are_not_retried(
    client: MyKaarma, api: respx.MockRouter, sleeps: Sleeps, status: int
) -> None:
    route = api.get(CUSTOMER_PATH).mock(
        return_value=httpx.Response(status, json={"errors": [], "warnings": []})
    )
    with pytest.raises(Exception):  # noqa: B017,PT011 - the class per status is test_errors' business
        read(client)
    assert route.call_count == 1
    assert sleeps == []


def test_business_conflict_is_not_retried_but_a_bare_409_is(
    client: MyKaarma, api: respx.MockRouter, sleeps: Sleeps
) -> None:
    conflict = {
        "errors": [{"errorCode": 20003, "errorTitle": "DUPLICATE_CUSTOMER_KEY", "errorMessage": "taken"}],
        "warnings": [],
    }
    route = api.put(CUSTOMER_PATH).mock(return_value=httpx.Response(409, json=conflict))
    with pytest.raises(ConflictError):
        client.call(
            update_customer,
            retry=IDEMPOTENT,
            department_uuid=DEPT,
            customer_uuid=CUSTOMER,
            body=save_request(),
        )
    assert route.call_count == 1

    route.reset()
    route.mock(side_effect=[httpx.Response(409, text="lock timeout"), httpx.Response(200, json=UPDATE_OK)])
    client.call(
        update_customer, retry=IDEMPOTENT, department_uuid=DEPT, customer_uuid=CUSTOMER, body=save_request()
    )
    assert route.call_count == 2
    assert sleeps == [BACKOFF[0]]


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ConnectError("connection refused"),
        httpx.ConnectTimeout("connect timed out"),
        httpx.ReadTimeout("read timed out"),
        httpx.RemoteProtocolError("server disconnected without a response"),
        httpx.ReadError("connection reset"),
    ],
)
def test_idempotent_call_retries_every_connection_failure(
    client: MyKaarma, api: respx.MockRouter, sleeps: Sleeps, failure: Exception
) -> None:
    route = api.get(CUSTOMER_PATH).mock(side_effect=[failure, httpx.Response(200, json=READ_OK)])
    read(client)
    assert route.call_count == 2
    assert sleeps == [BACKOFF[0]]


@pytest.mark.parametrize(
    "failure", [httpx.ConnectError("connection refused"), httpx.ConnectTimeout("connect timed out")]
)
def test_connect_only_retries_a_failure_that_proves_nothing_was_sent(
    client: MyKaarma, api: respx.MockRouter, sleeps: Sleeps, failure: Exception
) -> None:
    route = api.post(CUSTOMERS_PATH).mock(side_effect=[failure, failure, httpx.Response(200, json=SAVE_OK)])
    assert create(client).customer_uuid == CUSTOMER
    assert route.call_count == 3
    assert sleeps == BACKOFF[:2]


@pytest.mark.parametrize(
    ("failure", "error_class"),
    [
        (httpx.ReadTimeout("read timed out"), APITimeoutError),
        (httpx.WriteTimeout("write timed out"), APITimeoutError),
        (httpx.RemoteProtocolError("Server disconnected without sending a response."), APIConnectionError),
        (httpx.ReadError("connection reset by peer"), APIConnectionError),
    ],
)
def test_connect_only_does_not_retry_after_the_request_may_have_arrived(
    client: MyKaarma, api: respx.MockRouter, sleeps: Sleeps, failure: Exception, error_class: type[Exception]
) -> None:
    route = api.post(CUSTOMERS_PATH).mock(side_effect=failure)
    with pytest.raises(APIConnectionError) as caught:
        create(client)
    assert type(caught.value) is error_class
    assert route.call_count == 1
    assert sleeps == []
    assert caught.value.may_have_reached_server is True
    assert caught.value.operation == "createCustomer"
    text = str(caught.value)
    assert f"{type(failure).__name__} on POST" in text
    assert "not retried: createCustomer is not idempotent and the request may have been processed" in text


@pytest.mark.parametrize("status", [500, 502, 503, 504, 408])
def test_connect_only_does_not_retry_a_status_that_may_follow_processing(
    client: MyKaarma, api: respx.MockRouter, sleeps: Sleeps, status: int
) -> None:
    route = api.post(APPT_TRIP_PATH).mock(return_value=httpx.Response(status, headers={"Retry-After": "1"}))
    with pytest.raises(Exception) as caught:  # noqa: PT011 - the message is what matters here
        client.call(
            create_appointment_with_trip, retry=CONNECT_ONLY, dealer_uuid=DEALER, body=appointment_request()
        )
    assert route.call_count == 1
    assert sleeps == []
    assert "not retried: createAppointmentWithTrip is not idempotent" in str(caught.value)


def test_connect_only_retries_429_honouring_retry_after(
    client: MyKaarma, api: respx.MockRouter, sleeps: Sleeps
) -> None:
    route = api.post(CUSTOMERS_PATH).mock(
        side_effect=[httpx.Response(429, headers={"Retry-After": "2"}), httpx.Response(200, json=SAVE_OK)]
    )
    create(client)
    assert route.call_count == 2
    assert sleeps == [2.0]


def test_a_connection_error_that_exhausts_the_budget_says_so(
    client: MyKaarma, api: respx.MockRouter, sleeps: Sleeps
) -> None:
    route = api.post(CUSTOMERS_PATH).mock(side_effect=httpx.ConnectError("connection refused"))
    with pytest.raises(APIConnectionError) as caught:
        create(client)
    assert type(caught.value) is APIConnectionError
    assert route.call_count == 3
    assert sleeps == BACKOFF[:2]
    assert caught.value.may_have_reached_server is False
    assert caught.value.retries == 2
    assert "gave up after 2 retries" in str(caught.value)
    assert caught.value.transport_error == "ConnectError"
    assert caught.value.__cause__ is None
    assert caught.value.__context__ is None


def test_retry_after_seconds_replaces_the_backoff(
    client: MyKaarma, api: respx.MockRouter, sleeps: Sleeps
) -> None:
    route = api.get(CUSTOMER_PATH).mock(
        side_effect=[
            httpx.Response(503, headers={"Retry-After": "7"}),
            httpx.Response(429, headers={"Retry-After": "0.25"}),
            httpx.Response(200, json=READ_OK),
        ]
    )
    read(client)
    assert route.call_count == 3
    assert sleeps == [7.0, 0.25]


def test_retry_after_http_date_is_honoured(client: MyKaarma, api: respx.MockRouter, sleeps: Sleeps) -> None:
    when = format_datetime(datetime.fromtimestamp(NOW, UTC) + timedelta(seconds=12), usegmt=True)
    api.get(CUSTOMER_PATH).mock(
        side_effect=[httpx.Response(429, headers={"Retry-After": when}), httpx.Response(200, json=READ_OK)]
    )
    read(client)
    assert list(sleeps) == pytest.approx([12.0])


def test_retry_after_beyond_the_ceiling_gives_up_at_once(
    client: MyKaarma, api: respx.MockRouter, sleeps: Sleeps
) -> None:
    route = api.get(CUSTOMER_PATH).mock(return_value=httpx.Response(429, headers={"Retry-After": "3600"}))
    with pytest.raises(RateLimitError) as caught:
        read(client)
    assert route.call_count == 1
    assert sleeps == []
    assert caught.value.retry_after == 3600.0
    assert "asked to wait 3600 s, more than the 60 s ceiling" in str(caught.value)


def test_unparseable_retry_after_falls_back_to_backoff(
    client: MyKaarma, api: respx.MockRouter, sleeps: Sleeps
) -> None:
    api.get(CUSTOMER_PATH).mock(
        side_effect=[httpx.Response(503, headers={"Retry-After": "later"}), httpx.Response(200, json=READ_OK)]
    )
    read(client)
    assert sleeps == [BACKOFF[0]]


def test_one_budget_covers_mixed_failures_of_one_call(
    client: MyKaarma, api: respx.MockRouter, sleeps: Sleeps
) -> None:
    route = api.get(CUSTOMER_PATH).mock(
        side_effect=[httpx.ConnectError("refused"), httpx.Response(503), httpx.ReadTimeout("slow")]
    )
    with pytest.raises(APITimeoutError) as caught:
        read(client)
    assert route.call_count == 3  # 1 attempt + 2 retries, whatever the kind of failure
    assert sleeps == BACKOFF[:2]  # the backoff keeps growing across kinds
    assert caught.value.retries == 2


def test_each_logical_call_gets_a_fresh_budget(
    client: MyKaarma, api: respx.MockRouter, sleeps: Sleeps
) -> None:
    route = api.get(CUSTOMER_PATH).mock(
        side_effect=[
            httpx.Response(503),
            httpx.Response(503),
            httpx.Response(200, json=READ_OK),
            httpx.Response(503),
            httpx.Response(503),
            httpx.Response(200, json=READ_OK),
        ]
    )
    read(client)
    read(client)
    assert route.call_count == 6
    assert sleeps == BACKOFF[:2] * 2  # the second call starts again at the first delay


def test_retried_requests_are_identical(client: MyKaarma, api: respx.MockRouter) -> None:
    route = api.put(CUSTOMER_PATH).mock(
        side_effect=[httpx.Response(502), httpx.Response(200, json=UPDATE_OK)]
    )
    client.call(
        update_customer, retry=IDEMPOTENT, department_uuid=DEPT, customer_uuid=CUSTOMER, body=save_request()
    )
    first, second = (call.request for call in route.calls)
    assert first.content == second.content
    assert first.url == second.url
    assert first.headers["Authorization"] == second.headers["Authorization"]


def test_retry_must_be_a_policy(client: MyKaarma) -> None:
    with pytest.raises(TypeError, match="RetryPolicy"):
        client.call(read_customer, retry="idempotent", department_uuid=DEPT, customer_uuid=CUSTOMER)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="max_retries"):
        read(client, max_retries=-1)


def test_operation_names_are_the_spec_operation_ids() -> None:
    assert operation_name(create_customer) == "createCustomer"
    assert operation_name(create_appointment_with_trip) == "createAppointmentWithTrip"


def test_a_connection_error_without_text_still_reads_well(client: MyKaarma, api: respx.MockRouter) -> None:
    api.post(CUSTOMERS_PATH).mock(side_effect=httpx.ReadError(""))
    with pytest.raises(APIConnectionError) as caught:
        create(client)
    assert str(caught.value).startswith(
        f"ReadError on POST https://api.test{CUSTOMERS_PATH} (createCustomer): no detail;"
    )
