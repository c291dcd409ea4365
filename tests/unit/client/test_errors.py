"""Typed errors: each status maps to its class, every envelope is normalised, odd bodies still map."""

from __future__ import annotations

import pickle
from typing import Any

import httpx
import pytest
import respx

from mykaarma import (
    APIError,
    APIResponseValidationError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    MethodNotAllowedError,
    MyKaarma,
    MyKaarmaError,
    NotFoundError,
    PermissionDeniedError,
    Problem,
    RateLimitError,
    RequestTimeoutError,
    RequestTooLargeError,
    RetryPolicy,
    UnsupportedMediaTypeError,
    ValidationError,
)
from mykaarma._exceptions import error_class_for_status, normalize_errors, normalize_warnings
from mykaarma.types import CustomerErrorResponse, SaveCustomerResponse
from mykaarma_api.api.appointments import (
    create_appointment_with_trip,
    get_appointment,
    get_trips_for_appointment,
)
from mykaarma_api.api.customers import create_customer, read_customer
from mykaarma_core import openapi
from tests.spec._spec import bundled_spec
from tests.unit.client.conftest import (
    APPT_PATH,
    APPT_TRIP_PATH,
    BASE_URL,
    CUSTOMER,
    CUSTOMER_PATH,
    CUSTOMERS_PATH,
    DEALER,
    DEPT,
    TRIPS_PATH,
    appointment_request,
    save_request,
    trips_request,
)

IDEMPOTENT = RetryPolicy.IDEMPOTENT
CONNECT_ONLY = RetryPolicy.CONNECT_ONLY

SPEC_CLASSES: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    405: MethodNotAllowedError,
    408: RequestTimeoutError,
    409: ConflictError,
    413: RequestTooLargeError,
    415: UnsupportedMediaTypeError,
    429: RateLimitError,
    500: InternalServerError,
    502: InternalServerError,
    503: InternalServerError,
    504: InternalServerError,
}


def _spec_error_statuses() -> list[int]:
    statuses: set[int] = set()
    for entry in openapi.operations(bundled_spec()):
        for status in entry.definition.get("responses", {}):
            if int(status) >= 400:
                statuses.add(int(status))
    return sorted(statuses)


SPEC_STATUSES = _spec_error_statuses()


def customer_error(code: int, title: str, message: str, field: str | None = None) -> dict[str, Any]:
    item: dict[str, Any] = {"errorCode": code, "errorTitle": title, "errorMessage": message}
    if field:
        item["field"] = field
    return item


def read(client: MyKaarma) -> Any:
    return client.call(read_customer, retry=IDEMPOTENT, department_uuid=DEPT, customer_uuid=CUSTOMER)


def test_the_class_table_covers_every_error_status_of_the_spec() -> None:
    assert SPEC_STATUSES, "the bundled spec lists error statuses"
    assert set(SPEC_STATUSES) <= set(SPEC_CLASSES), "a status of the spec has no class in this table"
    for status in SPEC_STATUSES:
        assert error_class_for_status(status) is SPEC_CLASSES[status]


@pytest.mark.parametrize("status", SPEC_STATUSES)
def test_each_spec_status_raises_its_class_with_the_envelope(
    client: MyKaarma, api: respx.MockRouter, status: int
) -> None:
    body = {
        "errors": [customer_error(20001, "SOME_TITLE", "what went wrong", "customer.firstName")],
        "warnings": [],
    }
    route = api.get(CUSTOMER_PATH).mock(return_value=httpx.Response(status, json=body))
    with pytest.raises(APIError) as caught:
        client.call(
            read_customer, retry=IDEMPOTENT, department_uuid=DEPT, customer_uuid=CUSTOMER, max_retries=0
        )
    error = caught.value
    assert type(error) is SPEC_CLASSES[status]
    assert error.status == error.status_code == status
    assert error.method == "GET"
    assert error.url == f"{BASE_URL}{CUSTOMER_PATH}?excludeVehicles=false"
    assert error.operation == "readCustomer"
    assert error.errors == [
        {"code": 20001, "title": "SOME_TITLE", "message": "what went wrong", "field": "customer.firstName"}
    ]
    assert error.body == body
    text = str(error)
    assert text.startswith(f"{status} ")
    assert f"GET {BASE_URL}{CUSTOMER_PATH}" in text
    assert "20001 SOME_TITLE at customer.firstName: what went wrong" in text
    assert route.call_count == 1


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (402, APIError),
        (418, APIError),
        (422, APIError),
        (451, APIError),
        (499, APIError),
        (429, RateLimitError),
        (501, InternalServerError),
        (502, InternalServerError),
        (503, InternalServerError),
        (504, InternalServerError),
        (520, InternalServerError),  # not an http.HTTPStatus member: the generated _build_response would fail
        (599, InternalServerError),
    ],
)
def test_statuses_outside_the_spec_map_by_range(
    client: MyKaarma, api: respx.MockRouter, status: int, expected: type[APIError]
) -> None:
    api.get(CUSTOMER_PATH).mock(return_value=httpx.Response(status, text="<html>upstream says no</html>"))
    with pytest.raises(APIError) as caught:
        client.call(
            read_customer, retry=IDEMPOTENT, department_uuid=DEPT, customer_uuid=CUSTOMER, max_retries=0
        )
    assert type(caught.value) is expected
    assert caught.value.status == status
    assert caught.value.errors == []
    assert caught.value.body == "<html>upstream says no</html>"
    assert "upstream says no" in str(caught.value)


def test_non_json_bodies_still_give_typed_errors(client: MyKaarma, api: respx.MockRouter) -> None:
    route = api.get(CUSTOMER_PATH)
    route.mock(return_value=httpx.Response(400, text="not json {"))
    with pytest.raises(BadRequestError) as bad:
        read(client)
    assert bad.value.body == "not json {"
    assert bad.value.envelope is None

    route.mock(return_value=httpx.Response(401))
    with pytest.raises(AuthenticationError) as empty:
        read(client)
    assert empty.value.body is None
    assert empty.value.errors == []
    assert str(empty.value) == f"401 Unauthorized from GET {BASE_URL}{CUSTOMER_PATH}?excludeVehicles=false"

    route.mock(return_value=httpx.Response(404, json={"message": "no route"}))
    with pytest.raises(NotFoundError) as foreign:
        read(client)
    assert foreign.value.body == {"message": "no route"}
    assert foreign.value.envelope is None  # not the customer envelope: kept raw, still typed


def test_a_documented_error_keeps_the_generated_envelope(client: MyKaarma, api: respx.MockRouter) -> None:
    body = {"errors": [customer_error(20002, "CUSTOMER_NOT_FOUND", "no such customer")], "warnings": []}
    api.get(CUSTOMER_PATH).mock(return_value=httpx.Response(404, json=body))
    with pytest.raises(NotFoundError) as caught:
        read(client)
    assert isinstance(caught.value.envelope, CustomerErrorResponse)
    assert caught.value.envelope.errors[0].error_title == "CUSTOMER_NOT_FOUND"


def test_customer_conflict_is_recognisable_by_code_or_title(client: MyKaarma, api: respx.MockRouter) -> None:
    body = {
        "errors": [customer_error(20003, "DUPLICATE_CUSTOMER_KEY", "key taken", "customer.customerKey")],
        "warnings": [
            {"warningCode": 10007, "warningTitle": "EMPTY_PHONE_LIST", "warningMessage": "no phones"}
        ],
    }
    api.post(CUSTOMERS_PATH).mock(return_value=httpx.Response(409, json=body))
    with pytest.raises(ConflictError) as caught:
        client.call(create_customer, retry=CONNECT_ONLY, department_uuid=DEPT, body=save_request())
    assert caught.value.has_error("DUPLICATE_CUSTOMER_KEY")
    assert caught.value.has_error(20003)
    assert not caught.value.has_error("TRIP_ALREADY_EXISTS")
    assert caught.value.warnings == [
        {"code": 10007, "title": "EMPTY_PHONE_LIST", "message": "no phones", "field": None}
    ]


def test_trip_envelope_errors_are_normalised(client: MyKaarma, api: respx.MockRouter) -> None:
    body = {
        "statusCode": 409,
        "errors": [
            {"errorCode": "TRIP_ALREADY_EXISTS", "errorDescription": "a trip exists", "field": "sarUUID"}
        ],
        "warnings": None,
    }
    api.post(APPT_TRIP_PATH).mock(return_value=httpx.Response(409, json=body))
    with pytest.raises(ConflictError) as caught:
        client.call(
            create_appointment_with_trip, retry=CONNECT_ONLY, dealer_uuid=DEALER, body=appointment_request()
        )
    assert caught.value.errors == [
        {"code": "TRIP_ALREADY_EXISTS", "title": None, "message": "a trip exists", "field": "sarUUID"}
    ]
    assert "TRIP_ALREADY_EXISTS at sarUUID: a trip exists" in str(caught.value)


def test_pnd_single_error_object_is_normalised_with_its_metadata_field(
    client: MyKaarma, api: respx.MockRouter
) -> None:
    body = {
        "statusCode": 404,
        "error": {
            "errorCode": "TRIP_NOT_FOUND",
            "errorDescription": "no trip",
            "metadata": {"field": "sarUUID"},
        },
        "warnings": None,
    }
    api.patch(TRIPS_PATH).mock(return_value=httpx.Response(404, json=body))
    with pytest.raises(NotFoundError) as caught:
        client.call(get_trips_for_appointment, retry=IDEMPOTENT, dealer_uuid=DEALER, body=trips_request())
    assert caught.value.errors == [
        {"code": "TRIP_NOT_FOUND", "title": None, "message": "no trip", "field": "sarUUID"}
    ]


def test_appointment_read_error_list_is_normalised(client: MyKaarma, api: respx.MockRouter) -> None:
    body = {"error": [{"errorCode": 404, "errorDescription": "appointment not found"}], "warnings": None}
    api.get(APPT_PATH).mock(return_value=httpx.Response(404, json=body))
    with pytest.raises(NotFoundError) as caught:
        client.call(get_appointment, retry=IDEMPOTENT, department_uuid=DEPT, appointment_uuid="appt-1")
    assert caught.value.errors == [
        {"code": 404, "title": None, "message": "appointment not found", "field": None}
    ]


# -- a 200 whose envelope carries errors raises --------------------------------------------------------------


def test_200_with_customer_errors_raises(client: MyKaarma, api: respx.MockRouter) -> None:
    body = {
        "errors": [customer_error(20001, "INVALID_REQUEST_DATA", "bad")],
        "warnings": [],
        "customerUuid": "",
    }
    route = api.post(CUSTOMERS_PATH).mock(return_value=httpx.Response(200, json=body))
    with pytest.raises(APIError) as caught:
        client.call(create_customer, retry=IDEMPOTENT, department_uuid=DEPT, body=save_request())
    assert type(caught.value) is APIError
    assert caught.value.status == 200
    assert caught.value.has_error("INVALID_REQUEST_DATA")
    assert "200 OK from POST" in str(caught.value)
    assert "envelope carries errors" in str(caught.value)
    assert route.call_count == 1  # not a transient failure: never retried


def test_200_with_trip_errors_raises(client: MyKaarma, api: respx.MockRouter) -> None:
    body = {
        "statusCode": 200,
        "eventUUID": None,
        "appointmentUUID": "appt-1",
        "errors": [{"errorCode": "INCORRECT_DEALER_INFO", "errorDescription": "wrong dealer"}],
    }
    api.post(APPT_TRIP_PATH).mock(return_value=httpx.Response(200, json=body))
    with pytest.raises(APIError) as caught:
        client.call(
            create_appointment_with_trip, retry=CONNECT_ONLY, dealer_uuid=DEALER, body=appointment_request()
        )
    assert caught.value.has_error("INCORRECT_DEALER_INFO")
    assert caught.value.status == 200


def test_200_with_pnd_error_object_raises(client: MyKaarma, api: respx.MockRouter) -> None:
    body = {
        "statusCode": 200,
        "totalCount": 0,
        "tripViewDtos": [],
        "error": {"errorCode": "TRIP_NOT_FOUND", "errorDescription": "no trip"},
    }
    api.patch(TRIPS_PATH).mock(return_value=httpx.Response(200, json=body))
    with pytest.raises(APIError) as caught:
        client.call(get_trips_for_appointment, retry=IDEMPOTENT, dealer_uuid=DEALER, body=trips_request())
    assert caught.value.errors[0]["code"] == "TRIP_NOT_FOUND"


def test_200_with_appointment_read_errors_raises_even_without_the_success_fields(
    client: MyKaarma, api: respx.MockRouter
) -> None:
    body = {"error": [{"errorCode": 500, "errorDescription": "partial failure"}], "warnings": []}
    api.get(APPT_PATH).mock(return_value=httpx.Response(200, json=body))
    with pytest.raises(APIError) as caught:
        client.call(get_appointment, retry=IDEMPOTENT, department_uuid=DEPT, appointment_uuid="appt-1")
    assert type(caught.value) is APIError  # the errors, not a schema complaint about appointmentInfo
    assert caught.value.errors[0]["message"] == "partial failure"


def test_200_with_null_or_empty_error_fields_is_a_success(client: MyKaarma, api: respx.MockRouter) -> None:
    api.post(APPT_TRIP_PATH).mock(
        return_value=httpx.Response(
            200,
            json={"eventUUID": "trip-1", "appointmentUUID": "appt-1", "statusCode": 200, "errors": None},
        )
    )
    result = client.call(
        create_appointment_with_trip, retry=CONNECT_ONLY, dealer_uuid=DEALER, body=appointment_request()
    )
    assert result.event_uuid == "trip-1"


def test_200_that_does_not_fit_the_schema_raises_a_response_validation_error(
    client: MyKaarma, api: respx.MockRouter
) -> None:
    route = api.post(CUSTOMERS_PATH)
    route.mock(return_value=httpx.Response(200, text="<html>maintenance</html>"))
    with pytest.raises(APIResponseValidationError) as not_json:
        client.call(create_customer, retry=IDEMPOTENT, department_uuid=DEPT, body=save_request())
    assert not_json.value.status == 200
    assert not_json.value.body == "<html>maintenance</html>"

    route.mock(return_value=httpx.Response(200, json={"errors": [], "warnings": []}))  # customerUuid missing
    with pytest.raises(APIResponseValidationError) as missing:
        client.call(create_customer, retry=IDEMPOTENT, department_uuid=DEPT, body=save_request())
    assert "does not fit the spec's response schema" in str(missing.value)
    assert route.call_count == 2


def test_success_returns_the_generated_model(client: MyKaarma, api: respx.MockRouter) -> None:
    body = {"errors": [], "warnings": [], "customerUuid": CUSTOMER, "customerId": "1001"}
    api.post(CUSTOMERS_PATH).mock(return_value=httpx.Response(200, json=body))
    result = client.call(create_customer, retry=CONNECT_ONLY, department_uuid=DEPT, body=save_request())
    assert isinstance(result, SaveCustomerResponse)
    assert (result.customer_uuid, result.customer_id) == (CUSTOMER, "1001")


# -- request id and message ----------------------------------------------------------------------------------


@pytest.mark.parametrize("header", ["X-Request-Id", "X-Correlation-Id", "x-request-id"])
def test_request_id_is_taken_from_the_response_headers(
    client: MyKaarma, api: respx.MockRouter, header: str
) -> None:
    api.get(CUSTOMER_PATH).mock(return_value=httpx.Response(403, json={}, headers={header: "req-42"}))
    with pytest.raises(PermissionDeniedError) as caught:
        read(client)
    assert caught.value.request_id == "req-42"
    assert "(request id req-42)" in str(caught.value)
    assert caught.value.headers[header.lower()] == "req-42"


def test_request_id_is_none_when_not_sent(client: MyKaarma, api: respx.MockRouter) -> None:
    api.get(CUSTOMER_PATH).mock(return_value=httpx.Response(403, json={}))
    with pytest.raises(PermissionDeniedError) as caught:
        read(client)
    assert caught.value.request_id is None
    assert "request id" not in str(caught.value)


def test_message_lists_the_first_three_errors_and_counts_the_rest(
    client: MyKaarma, api: respx.MockRouter
) -> None:
    errors = [
        customer_error(20001, "INVALID_REQUEST_DATA", f"problem {i}", f"customer.f{i}") for i in range(5)
    ]
    api.get(CUSTOMER_PATH).mock(return_value=httpx.Response(400, json={"errors": errors, "warnings": []}))
    with pytest.raises(BadRequestError) as caught:
        read(client)
    text = str(caught.value)
    assert "at customer.f0: problem 0; " in text
    assert "at customer.f2: problem 2" in text
    assert "problem 3" not in text
    assert text.endswith("(+2 more)")
    assert len(caught.value.errors) == 5


# -- the pure helpers ----------------------------------------------------------------------------------------


def test_normalisers_tolerate_odd_shapes() -> None:
    assert normalize_errors(None) == []
    assert normalize_errors("text") == []
    assert normalize_errors([1]) == []
    assert normalize_errors({"errors": None, "error": None}) == []
    assert normalize_errors({"errors": ["plain text"]}) == [
        {"code": None, "title": None, "message": "plain text", "field": None}
    ]
    assert normalize_warnings({"warnings": None}) == []
    assert normalize_warnings({"warnings": [{"warningCode": "W1", "warningDescription": "careful"}]}) == [
        {"code": "W1", "title": None, "message": "careful", "field": None}
    ]


def test_validation_error_lists_every_problem_with_its_path() -> None:
    error = ValidationError(
        [
            Problem("customer.firstName", "is required", "names-required"),
            Problem("customer.phoneNumbers[0].phoneNumber", "not a valid phone number"),
        ]
    )
    assert isinstance(error, MyKaarmaError)
    assert len(error.problems) == 2
    assert str(error) == (
        "2 problems found before sending: customer.firstName: is required [names-required]; "
        "customer.phoneNumbers[0].phoneNumber: not a valid phone number"
    )


def test_errors_survive_pickling_with_their_attributes() -> None:
    error = ConflictError(
        "409 Conflict from POST https://api.test/x",
        status=409,
        method="POST",
        url="https://api.test/x",
        errors=[{"code": 20003, "title": "DUPLICATE_CUSTOMER_KEY", "message": "taken", "field": None}],
        request_id="r-1",
        operation="createCustomer",
    )
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is ConflictError
    assert str(copy) == str(error)
    assert (copy.status, copy.request_id, copy.operation) == (409, "r-1", "createCustomer")
    assert copy.has_error("DUPLICATE_CUSTOMER_KEY")
    problems = pickle.loads(pickle.dumps(ValidationError([Problem("a.b", "is required")])))
    assert problems.problems == [Problem("a.b", "is required")]
    assert str(problems) == "1 problem found before sending: a.b: is required"
