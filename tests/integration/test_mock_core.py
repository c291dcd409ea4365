"""The mock's core over real HTTP: auth, scopes, tenancy, envelopes, validation, limits, faults, durability.

Business rules of customers and appointments are tested elsewhere; here every request either stops in the
core (401/403/400/405/413/415) or needs only the simplest handler behaviour (a create that returns the new
customer's uuid, a read of it). Pipeline behaviour that depends on what a handler does (a crash, a wrong
response, warnings) is tested with injected handlers on an in-process server.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from mykaarma_mock.app import RequestContext, create_app
from mykaarma_mock.db import Database, Schema, Storage
from mykaarma_mock.errors import ApiError, ErrorItem, customer_warning
from mykaarma_mock.faults import FaultSpecError, parse_faults
from mykaarma_mock.features import open_database
from mykaarma_mock.spec import Operation
from mykaarma_mock.world import WorldError, load_world, parse_world
from tests.integration.conftest import StartMock
from tests.integration.mock_server import TWO_DEALERS, MockServer, TestWorld, run_cli, serve_in_thread
from tests.integration.spec_requests import (
    BODY_OPERATION_IDS,
    BUNDLE,
    CONNECTION_DROPPED,
    OPERATION_IDS,
    SERVICE_ERROR_SCHEMA,
    SPEC,
    UNKNOWN_UUID,
    assert_error_envelope,
    entity_kind,
    error_fields,
    foreign_entity,
    valid_request,
)
from tests.spec._spec import validator_for

# -- who may do what: an independent reading of the test world and D-SCOPE ----------------------------------


def _grants(username: str) -> list[dict[str, str]]:
    document = yaml.safe_load(TWO_DEALERS.read_text(encoding="utf-8"))
    for account in document["accounts"]:
        if account["username"] == username:
            grants: list[dict[str, str]] = account["grants"]
            return grants
    raise KeyError(username)


def may(username: str, op: Operation, entity: str, world: TestWorld) -> bool:
    dealer_of = {dep: dealer for dealer, deps in world.departments.items() for dep in deps}
    for grant in _grants(username):
        if grant["scope"] != op.required_scope.scope:
            continue
        if entity_kind(op) == "dealer":
            if grant["level"] == "Dealer" and grant["uuid"] == entity:
                return True
        elif grant["uuid"] == entity or (
            grant["level"] == "Dealer" and grant["uuid"] == dealer_of.get(entity)
        ):
            return True
    return False


# -- 401 ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("op_id", OPERATION_IDS)
def test_missing_credentials_are_401_in_the_service_envelope(
    op_id: str, client: httpx.Client, world: TestWorld
) -> None:
    op = SPEC.operations[op_id]
    response = client.request(**valid_request(op_id, world))
    assert_error_envelope(op, response, 401)
    assert response.headers["www-authenticate"] == 'Basic realm="myKaarma"'


@pytest.mark.parametrize("op_id", OPERATION_IDS)
def test_wrong_password_and_unknown_user_get_the_same_401(
    op_id: str, client: httpx.Client, world: TestWorld
) -> None:
    op = SPEC.operations[op_id]
    wrong_password = client.request(**valid_request(op_id, world), auth=("full", "not-the-password"))
    unknown_user = client.request(**valid_request(op_id, world), auth=("nobody", "full-secret"))
    body = assert_error_envelope(op, wrong_password, 401)
    assert assert_error_envelope(op, unknown_user, 401) == body
    assert wrong_password.headers["www-authenticate"] == 'Basic realm="myKaarma"'


@pytest.mark.parametrize(
    "header", ["Bearer abc", "Basic", "Basic !!!not-base64!!!", "Basic dXNlcm5hbWUtd2l0aG91dC1jb2xvbg=="]
)
def test_malformed_authorization_is_401(header: str, client: httpx.Client, world: TestWorld) -> None:
    op = SPEC.operations["readCustomer"]
    response = client.request(**valid_request("readCustomer", world), headers={"Authorization": header})
    body = assert_error_envelope(op, response, 401)
    assert body["errors"][0]["errorTitle"] == "NULL_CREDENTIALS"


@pytest.mark.parametrize("body", ["broken", "oversized"])
@pytest.mark.parametrize("op_id", BODY_OPERATION_IDS)
def test_a_body_without_credentials_is_401_unread(
    op_id: str, body: str, client: httpx.Client, world: TestWorld
) -> None:
    """Credentials come before the body (D-REQUEST-LIMITS): it is not read and the connection closes."""
    op = SPEC.operations[op_id]
    kwargs = valid_request(op_id, world)
    kwargs.pop("json")
    content = b'{"broken":' if body == "broken" else b" " * (SPEC.limits.max_body_bytes + 1)
    response = client.request(**kwargs, content=content, headers={"Content-Type": "application/json"})
    assert_error_envelope(op, response, 401)
    assert response.headers["connection"] == "close"


# -- 403: the scope and tenancy matrix, generated from x-required-scope -------------------------------------


@pytest.mark.parametrize("op_id", OPERATION_IDS)
def test_no_grant_is_403(op_id: str, client: httpx.Client, world: TestWorld) -> None:
    op = SPEC.operations[op_id]
    response = client.request(**valid_request(op_id, world), auth=world.auth("no_grants"))
    body = assert_error_envelope(op, response, 403)
    expected = "INVALID_SCOPE_DEALER" if entity_kind(op) == "dealer" else "INVALID_SCOPE_DEPARTMENT"
    if op.service == "customer":
        assert body["errors"][0]["errorTitle"] == expected
    elif op.service == "trip":
        assert body["errors"][0]["errorCode"] == expected
    elif op.service == "pnd":
        assert body["error"]["errorCode"] == expected


@pytest.mark.parametrize("op_id", OPERATION_IDS)
def test_other_dealers_grant_is_403(op_id: str, client: httpx.Client, world: TestWorld) -> None:
    op = SPEC.operations[op_id]
    response = client.request(**valid_request(op_id, world), auth=world.auth("dealer_b"))
    assert_error_envelope(op, response, 403)


@pytest.mark.parametrize("op_id", OPERATION_IDS)
def test_unknown_entity_gets_the_same_403_as_a_foreign_one(
    op_id: str, client: httpx.Client, world: TestWorld
) -> None:
    op = SPEC.operations[op_id]
    foreign = client.request(
        **valid_request(op_id, world, entity=foreign_entity(op, world)), auth=world.auth("full")
    )
    unknown = client.request(**valid_request(op_id, world, entity=UNKNOWN_UUID), auth=world.auth("full"))
    assert assert_error_envelope(op, unknown, 403) == assert_error_envelope(op, foreign, 403)


@pytest.mark.parametrize("username", ["full", "readonly", "department_only", "dealer_b", "no_grants"])
@pytest.mark.parametrize("op_id", OPERATION_IDS)
def test_scope_matrix_follows_the_grants(
    op_id: str, username: str, client: httpx.Client, world: TestWorld
) -> None:
    op = SPEC.operations[op_id]
    entities = [world.dealer_a] if entity_kind(op) == "dealer" else [world.dept_a1, world.dept_a2]
    for entity in entities:
        response = client.request(**valid_request(op_id, world, entity=entity), auth=world.auth(username))
        if may(username, op, entity, world):
            assert response.status_code not in (401, 403), (entity, response.text)
        else:
            assert_error_envelope(op, response, 403)


def test_dealer_grant_covers_its_departments_but_department_grant_not_the_dealer(
    client: httpx.Client, world: TestWorld
) -> None:
    read = valid_request("readCustomer", world, entity=world.dept_a2)
    assert client.request(**read, auth=world.auth("readonly")).status_code != 403  # Dealer-level grant
    get_customer = valid_request("getCustomer", world)
    response = client.request(**get_customer, auth=world.auth("department_only"))
    assert response.status_code == 403  # customer.search on A1 does not cover dealer A


def test_get_customer_needs_every_listed_dealer(client: httpx.Client, world: TestWorld) -> None:
    op = SPEC.operations["getCustomer"]
    kwargs = valid_request("getCustomer", world)
    kwargs["json"]["dealerUUIDList"] = [world.dealer_a, world.dealer_b]
    body = assert_error_envelope(op, client.request(**kwargs, auth=world.auth("full")), 403)
    assert [e.get("field") for e in body["errors"]] == ["dealerUUIDList[1]"]


# -- 400: every problem, with its field ---------------------------------------------------------------------


@pytest.mark.parametrize("op_id", OPERATION_IDS)
def test_bad_path_parameter_and_unknown_query_parameter_are_400(
    op_id: str, client: httpx.Client, world: TestWorld
) -> None:
    op = SPEC.operations[op_id]
    kwargs = valid_request(op_id, world)
    first_path_param = next(p.name for p in op.parameters if p.location == "path")
    good_value = kwargs["url"].split("/")[op.path.split("/").index("{" + first_path_param + "}")]
    kwargs["url"] = kwargs["url"].replace(good_value, "bad$id", 1)
    kwargs["params"]["expand"] = "everything"
    body = assert_error_envelope(op, client.request(**kwargs, auth=world.auth("full")), 400)
    text = json.dumps(body)
    assert "unknown query parameter expand" in text
    assert first_path_param in text
    if op.service in ("customer", "trip", "pnd"):
        assert set(error_fields(op, body)) >= {first_path_param, "expand"}


def test_three_independent_problems_give_three_errors(client: httpx.Client, world: TestWorld) -> None:
    op = SPEC.operations["createCustomer"]
    body = {
        "customer": {"firstName": "Ana", "lastName": 5},
        "vehicles": [{"vin": "X" * 40}],
        "validateVin": "yes",
    }
    response = client.post(
        f"/customer/v2/department/{world.dept_a1}/customer", json=body, auth=world.auth("full")
    )
    envelope = assert_error_envelope(op, response, 400)
    assert sorted(error_fields(op, envelope)) == ["customer.lastName", "validateVin", "vehicles[0].vin"]
    assert {e["errorCode"] for e in envelope["errors"]} == {20001}


def test_schema_errors_and_rule_violations_are_listed_together(
    client: httpx.Client, world: TestWorld
) -> None:
    op = SPEC.operations["createCustomer"]
    body = {
        "customer": {
            "firstName": "Ana",
            "lastName": "Li",
            "addresses": [
                {"line1": "1 Main St", "state": "CA", "country": "US", "type": "PRIMARY", "addressType": "B"}
            ],
            "undeclared-property": "A",  # a name no spec change can add (not an identifier)
        },
        "vehicles": [{"licensePlate": "7ABC123"}],
    }
    response = client.post(
        f"/customer/v2/department/{world.dept_a1}/customer", json=body, auth=world.auth("full")
    )
    envelope = assert_error_envelope(op, response, 400)
    assert sorted(error_fields(op, envelope)) == [
        "customer.addresses[0].addressType",  # x-rules address-primary-code (D-ADDRESS), listed once
        "customer.undeclared-property",  # unknown property
        "vehicles[0].vin",  # x-rules vehicle-identity
    ]


def test_trip_service_lists_every_problem(client: httpx.Client, world: TestWorld) -> None:
    op = SPEC.operations["createAppointmentWithTrip"]
    kwargs = valid_request("createAppointmentWithTrip", world)
    event = kwargs["json"]["savePickupDeliveryTripEventRequest"]["pickupDeliveryTripEvent"]
    event["rideType"] = "HELICOPTER"
    event["isDropCar"] = True  # with loanerVehicleRequired: true (x-rules trip-loaner-or-drop-car)
    kwargs["json"]["createAppointmentWithTripRequest"]["serviceList"] = "oil change"
    body = assert_error_envelope(op, client.request(**kwargs, auth=world.auth("full")), 400)
    fields = error_fields(op, body)
    assert len(fields) == 3, body
    assert "createAppointmentWithTripRequest.serviceList" in fields
    assert "savePickupDeliveryTripEventRequest.pickupDeliveryTripEvent.rideType" in fields
    assert "savePickupDeliveryTripEventRequest.pickupDeliveryTripEvent.isDropCar" in fields


def test_pnd_service_joins_every_problem_into_its_single_error(
    client: httpx.Client, world: TestWorld
) -> None:
    op = SPEC.operations["getTripsForAppointment"]
    response = client.patch(
        f"/appointment/v2/dealer/{world.dealer_a}/trips",
        params={"verbose": "1"},
        json={"sarUuid": "", "extra": 1},
        auth=world.auth("full"),
    )
    body = assert_error_envelope(op, response, 400)
    assert sorted(error_fields(op, body)) == ["extra", "sarUuid", "verbose"]
    assert body["error"]["metadata"]["field"] in ("extra", "sarUuid", "verbose")


def test_rules_with_a_dedicated_code_use_it(client: httpx.Client, world: TestWorld) -> None:
    op = SPEC.operations["updateAppointmentWithTrip"]
    both_null = valid_request("updateAppointmentWithTrip", world)
    both_null["json"]["updatePickupDeliveryTripEventRequest"]["pickupDeliveryTripEvent"] = None
    both_null["json"]["updateAppointmentForTripRequest"]["pickupDeliveryTripMetadata"] = {}
    body = assert_error_envelope(op, client.request(**both_null, auth=world.auth("full")), 400)
    assert {e["errorCode"] for e in body["errors"]} == {"TRIP_EVENT_REQUIRED"}  # D-A2-ERRORS
    mismatch = valid_request("updateAppointmentWithTrip", world)
    mismatch["json"]["updatePickupDeliveryTripEventRequest"]["pickupDeliveryTripEvent"]["eventUUID"] = "other"
    body = assert_error_envelope(op, client.request(**mismatch, auth=world.auth("full")), 400)
    assert [(e["errorCode"], e["field"]) for e in body["errors"]] == [
        ("TRIP_UUID_MISMATCH", "updatePickupDeliveryTripEventRequest.pickupDeliveryTripEvent.eventUUID")
    ]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"searchTerm": "x", "maxResults": "ten"}, "maxResults"),
        ({"searchTerm": "x", "maxResults": "1.5"}, "maxResults"),
        ({"searchTerm": "x", "maxResults": "99999999999"}, "maxResults"),
        ({"searchTerm": "x", "fieldsToBeSearched": "fname,shoeSize"}, "fieldsToBeSearched[1]"),
        ({"searchTerm": "x", "fieldsToBeSearched": "fname,fname"}, "fieldsToBeSearched"),
        ({"searchTerm": "x", "queryOperator": "XOR"}, "queryOperator"),
        ({}, "searchTerm"),
    ],
)
def test_search_query_validation(
    params: dict[str, str], field: str, client: httpx.Client, world: TestWorld
) -> None:
    op = SPEC.operations["searchCustomers"]
    response = client.get(
        f"/customer/v2/department/{world.dept_a1}/customer/list", params=params, auth=world.auth("full")
    )
    assert error_fields(op, assert_error_envelope(op, response, 400)) == [field]


@pytest.mark.parametrize("value", ["True", "1", "yes", ""])
def test_booleans_are_only_true_or_false(value: str, client: httpx.Client, world: TestWorld) -> None:
    op = SPEC.operations["readCustomer"]
    kwargs = valid_request("readCustomer", world)
    kwargs["params"]["excludeVehicles"] = value
    body = assert_error_envelope(op, client.request(**kwargs, auth=world.auth("full")), 400)
    assert error_fields(op, body) == ["excludeVehicles"]


def test_repeated_query_parameter_is_400(client: httpx.Client, world: TestWorld) -> None:
    op = SPEC.operations["readCustomer"]
    kwargs = valid_request("readCustomer", world)
    kwargs["params"] = [("excludeVehicles", "true"), ("excludeVehicles", "false")]
    assert error_fields(
        op, assert_error_envelope(op, client.request(**kwargs, auth=world.auth("full")), 400)
    ) == ["excludeVehicles"]


# -- bodies: malformed JSON, encodings, media types, size ---------------------------------------------------


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b'{"customer": {"firstName": "Ana"', "not valid JSON"),
        (b'{"customer": {"firstName": "\xff\xfe"}}', "not valid UTF-8"),
        (b'{"customer": {"firstName": NaN}}', "not valid JSON"),
        (b"", "request body is required"),
        (b"[1, 2, 3]", "must be an object"),
    ],
)
def test_unreadable_bodies_are_400(
    content: bytes, words: str, client: httpx.Client, world: TestWorld
) -> None:
    op = SPEC.operations["createCustomer"]
    response = client.post(
        f"/customer/v2/department/{world.dept_a1}/customer",
        content=content,
        headers={"Content-Type": "application/json"},
        auth=world.auth("full"),
    )
    body = assert_error_envelope(op, response, 400)
    assert words in body["errors"][0]["errorMessage"]


@pytest.mark.parametrize("op_id", BODY_OPERATION_IDS)
@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", None])
def test_non_json_media_type_is_415(
    op_id: str, content_type: str | None, client: httpx.Client, world: TestWorld
) -> None:
    op = SPEC.operations[op_id]
    kwargs = valid_request(op_id, world)
    content = json.dumps(kwargs.pop("json")).encode()
    headers = {"Content-Type": content_type} if content_type else {}
    response = client.request(**kwargs, content=content, headers=headers, auth=world.auth("full"))
    assert_error_envelope(op, response, 415)


def test_json_with_another_charset_is_415_and_with_utf8_is_accepted(
    client: httpx.Client, world: TestWorld
) -> None:
    op = SPEC.operations["getTripsForAppointment"]
    kwargs = valid_request("getTripsForAppointment", world)
    content = json.dumps(kwargs.pop("json")).encode()
    latin = client.request(
        **kwargs,
        content=content,
        headers={"Content-Type": "application/json; charset=latin-1"},
        auth=world.auth("full"),
    )
    assert_error_envelope(op, latin, 415)
    utf8 = client.request(
        **kwargs,
        content=content,
        headers={"Content-Type": "Application/JSON; charset=UTF-8"},
        auth=world.auth("full"),
    )
    assert utf8.status_code not in (400, 415), utf8.text


@pytest.mark.parametrize("op_id", BODY_OPERATION_IDS)
def test_body_over_one_mebibyte_is_413_before_it_is_parsed(
    op_id: str, client: httpx.Client, world: TestWorld
) -> None:
    op = SPEC.operations[op_id]
    kwargs = valid_request(op_id, world)
    kwargs.pop("json")
    response = client.request(
        **kwargs,
        content=b"{" * (SPEC.limits.max_body_bytes + 1),
        headers={"Content-Type": "application/json"},
        auth=world.auth("full"),
    )
    body = assert_error_envelope(op, response, 413)
    assert str(SPEC.limits.max_body_bytes) in json.dumps(body)


def test_chunked_body_over_the_limit_is_413(client: httpx.Client, world: TestWorld) -> None:
    op = SPEC.operations["createCustomer"]

    def chunks() -> Iterator[bytes]:
        for _ in range(20):
            yield b" " * 65_536

    response = client.post(
        f"/customer/v2/department/{world.dept_a1}/customer",
        content=chunks(),
        headers={"Content-Type": "application/json"},
        auth=world.auth("full"),
    )
    assert_error_envelope(op, response, 413)


def test_body_of_exactly_one_mebibyte_is_read(client: httpx.Client, world: TestWorld) -> None:
    body = json.dumps({"sarUuid": "7e6d5c4b-3a29-4180-9f8e-7d6c5b4a3928"}).encode()
    content = body + b" " * (1_048_576 - len(body))
    response = client.patch(
        f"/appointment/v2/dealer/{world.dealer_a}/trips",
        content=content,
        headers={"Content-Type": "application/json"},
        auth=world.auth("full"),
    )
    assert response.status_code not in (400, 413, 415), response.text


# -- routing: 405 with Allow, 404, no FastAPI leftovers -----------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "allow", "op_id"),
    [
        ("DELETE", "/customer/v2/department/{a1}/customer", {"POST", "PUT"}, "createCustomer"),
        ("POST", "/customer/v2/department/{a1}/customer/list", {"GET"}, "searchCustomers"),
        ("PUT", "/customer/v2/department/{a1}/customer/list", {"GET"}, "searchCustomers"),
        ("PATCH", "/customer/v2/department/{a1}/customer/abc", {"GET", "PUT"}, "readCustomer"),
        ("GET", "/customer/v2/customer/abc", {"POST"}, "getCustomer"),
        (
            "GET",
            "/appointment/v2/dealer/{a}/appointment-trip",
            {"POST", "DELETE"},
            "createAppointmentWithTrip",
        ),
        ("GET", "/appointment/v2/dealer/{a}/trips", {"PATCH"}, "getTripsForAppointment"),
        ("DELETE", "/appointment/v2/dealerDepartment/{a1}/uuid/abc", {"GET"}, "getAppointment"),
        ("HEAD", "/appointment/v2/dealer/{a}/trips", {"PATCH"}, "getTripsForAppointment"),
    ],
)
def test_wrong_method_is_405_with_allow(
    method: str, path: str, allow: set[str], op_id: str, client: httpx.Client, world: TestWorld
) -> None:
    op = SPEC.operations[op_id]
    url = path.format(a1=world.dept_a1, a=world.dealer_a)
    response = client.request(method, url, auth=world.auth("full"))
    assert response.status_code == 405
    assert {m.strip() for m in response.headers["allow"].split(",")} == allow
    if method != "HEAD":
        assert_error_envelope(op, response, 405)


def test_list_path_wins_over_the_customer_uuid_template(client: httpx.Client, world: TestWorld) -> None:
    response = client.get(f"/customer/v2/department/{world.dept_a1}/customer/list", auth=world.auth("full"))
    body = response.json()
    assert response.status_code == 400  # searchTerm is required: the search operation answered
    assert error_fields(SPEC.operations["searchCustomers"], body) == ["searchTerm"]


@pytest.mark.parametrize(
    ("path", "service"),
    [
        ("/customer/v2/nothing-here", "customer"),
        ("/customer/v2/department/abc/customer/", "customer"),  # no trailing slash (D-TRAILING-SLASH)
        ("/appointment/v2/nothing-here", "trip"),
        ("/redoc", "customer"),  # FastAPI's own doc routes are off; /docs is the reference page (make docs)
        ("/openapi.json", "customer"),
    ],
)
def test_unknown_path_is_404_in_an_envelope(path: str, service: str, client: httpx.Client) -> None:
    response = client.get(path)
    assert response.status_code == 404
    schema = {"$ref": f"#/components/schemas/{SERVICE_ERROR_SCHEMA[service]}"}
    assert not list(validator_for(schema).iter_errors(response.json()))


def test_openapi_yaml_is_the_bundle_byte_for_byte(client: httpx.Client) -> None:
    response = client.get("/openapi.yaml")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/yaml")
    assert response.content == BUNDLE.read_bytes()


# -- inspection ---------------------------------------------------------------------------------------------


def _create_customer(http: httpx.Client, world: TestWorld, first_name: str = "Ana", **kw: Any) -> str:
    response = http.post(
        f"/customer/v2/department/{world.dept_a1}/customer",
        json={"customer": {"firstName": first_name, "lastName": "Stats"}},
        auth=world.auth("full"),
        **kw,
    )
    assert response.status_code == 200, response.text
    customer_uuid: str = response.json()["customerUuid"]
    return customer_uuid


def test_stats_list_every_department_and_reset_keeps_the_world(server: MockServer, world: TestWorld) -> None:
    stats = server.stats()
    all_departments = {d for deps in world.departments.values() for d in deps}
    assert set(stats["departments"]) == all_departments
    for counts in stats["departments"].values():
        assert {"customers": 0, "vehicles": 0, "appointments": 0, "trips": 0}.items() <= counts.items()
    with server.client() as http:
        _create_customer(http, world)
        after = server.stats()
        assert after["requests"] == stats["requests"] + 1
        assert after["departments"][world.dept_a1]["customers"] == 1
        assert after["totals"]["customers"] == 1
        reset = http.post("/__mock/reset")
        assert reset.status_code == 200
        assert reset.json()["totals"]["customers"] == 0
        assert server.stats()["totals"]["customers"] == 0
        _create_customer(http, world)  # the accounts and departments are still there
    assert server.stats()["totals"]["customers"] == 1


# -- faults -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fault", "op_id"), [("429", "createCustomer"), ("503", "createAppointmentWithTrip")]
)
def test_fault_header_status_carries_retry_after(
    fault: str, op_id: str, client: httpx.Client, world: TestWorld
) -> None:
    op = SPEC.operations[op_id]
    response = client.request(
        **valid_request(op_id, world), headers={"X-Mock-Fault": fault}
    )  # no credentials
    assert response.status_code == int(fault)
    assert response.headers["retry-after"] == "1"
    assert_error_envelope(op, response, int(fault))


def test_invalid_fault_header_is_400_after_authentication(client: httpx.Client, world: TestWorld) -> None:
    op = SPEC.operations["readCustomer"]
    kwargs = valid_request("readCustomer", world)
    headers = {"X-Mock-Fault": "explode"}
    assert_error_envelope(op, client.request(**kwargs, headers=headers), 401)
    body = assert_error_envelope(op, client.request(**kwargs, headers=headers, auth=world.auth("full")), 400)
    assert error_fields(op, body) == ["X-Mock-Fault"]


def test_drop_before_commit_saves_nothing(server: MockServer, world: TestWorld) -> None:
    with server.client() as http, pytest.raises(CONNECTION_DROPPED):
        _create_customer(http, world, headers={"X-Mock-Fault": "drop_before_commit"})
    assert server.stats()["totals"]["customers"] == 0


def test_drop_after_commit_saves_and_the_client_sees_a_connection_error(
    server: MockServer, world: TestWorld
) -> None:
    with server.client() as http:
        with pytest.raises(CONNECTION_DROPPED):
            _create_customer(http, world, headers={"X-Mock-Fault": "drop_after_commit"})
        assert server.stats()["departments"][world.dept_a1]["customers"] == 1
        _create_customer(http, world)  # the same client carries on with a new connection
    assert server.stats()["totals"]["customers"] == 2


def _fault_sequence(server: MockServer, world: TestWorld, count: int) -> list[int]:
    url = f"/customer/v2/department/{world.dept_a1}/customer/list"
    with server.client() as http:
        return [http.get(url, params={"searchTerm": "x"}).status_code for _ in range(count)]


@pytest.mark.slow
def test_latency_delays_every_request_and_requests_wait_side_by_side(
    start_mock: StartMock, world: TestWorld, tmp_path: Path
) -> None:
    server = start_mock(db=tmp_path / "latency.sqlite3", faults="latency=400")
    assert "faults: none (X-Mock-Fault header only); latency 400 ms per request" in server.output()
    url = f"/customer/v2/department/{world.dept_a1}/customer/list"
    finished: list[float] = []

    def one() -> None:
        with server.client() as http:
            started = time.monotonic()
            assert http.get(url, params={"searchTerm": "x"}).status_code == 401  # no credentials sent
            finished.append(time.monotonic() - started)

    started = time.monotonic()
    threads = [threading.Thread(target=one) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    total = time.monotonic() - started
    assert len(finished) == 6
    assert min(finished) >= 0.4  # every request waited
    assert total < 6 * 0.4  # ... side by side: one after another would take 2.4 s at least


def test_seeded_fault_rates_are_deterministic(
    start_mock: StartMock, world: TestWorld, tmp_path: Path
) -> None:
    first = start_mock(db=tmp_path / "one.sqlite3", faults="status=503:0.3,status=429:0.2,seed=11")
    sequence = _fault_sequence(first, world, 40)
    first.stop()
    second = start_mock(db=tmp_path / "two.sqlite3", faults="status=503:0.3,status=429:0.2,seed=11")
    assert _fault_sequence(second, world, 40) == sequence
    assert {401, 429, 503} <= set(sequence)  # the rest reach authentication (no credentials sent)
    assert "faults: status 503 0.3, status 429 0.2; seed 11" in second.output()


@pytest.mark.slow
def test_drop_after_commit_rate_one_drops_every_write_but_keeps_it(
    start_mock: StartMock, world: TestWorld
) -> None:
    server = start_mock(faults="drop_after_commit=1,seed=1")
    with server.client() as http:
        for _ in range(3):
            with pytest.raises(CONNECTION_DROPPED):
                _create_customer(http, world)
    assert server.stats()["totals"]["customers"] == 3


# -- durability ---------------------------------------------------------------------------------------------


def _read_customer(http: httpx.Client, world: TestWorld, customer_uuid: str) -> httpx.Response:
    return http.get(
        f"/customer/v2/department/{world.dept_a1}/customer/{customer_uuid}", auth=world.auth("full")
    )


@pytest.mark.slow
def test_data_survives_a_restart(start_mock: StartMock, world: TestWorld, tmp_path: Path) -> None:
    db = tmp_path / "restart.sqlite3"
    server = start_mock(db=db)
    with server.client() as http:
        customer_uuid = _create_customer(http, world, first_name="Restart")
    assert server.stop() == 0
    again = start_mock(db=db)
    with again.client() as http:
        response = _read_customer(http, world, customer_uuid)
    assert response.status_code == 200, response.text
    assert response.json()["customerWithVehicles"]["customer"]["firstName"] == "Restart"
    assert again.stats()["totals"]["customers"] == 1


@pytest.mark.slow
def test_kill_9_during_load_loses_no_acknowledged_write(
    start_mock: StartMock, world: TestWorld, tmp_path: Path
) -> None:
    db = tmp_path / "crash.sqlite3"
    server = start_mock(db=db)
    acknowledged: list[str] = []
    stop = threading.Event()

    def write() -> None:
        with server.client(timeout=5.0) as http:
            while not stop.is_set():
                try:
                    acknowledged.append(_create_customer(http, world, first_name=f"Load{len(acknowledged)}"))
                except (httpx.TransportError, AssertionError):
                    return

    writers = [threading.Thread(target=write) for _ in range(4)]
    for thread in writers:
        thread.start()
    deadline = time.monotonic() + 60
    while len(acknowledged) < 60 and time.monotonic() < deadline:
        time.sleep(0.01)
    server.kill()  # SIGKILL while the writers are still sending
    stop.set()
    for thread in writers:
        thread.join(30)
    assert len(acknowledged) >= 60
    again = start_mock(db=db)
    with again.client() as http:
        missing = [uuid for uuid in acknowledged if _read_customer(http, world, uuid).status_code != 200]
    assert missing == []
    assert again.stats()["totals"]["customers"] >= len(acknowledged)


# -- the command line ---------------------------------------------------------------------------------------


BAD_WORLDS = [
    (
        "accounts:\n"
        "  - {username: a, password: b, grants: [{scope: customer.update, level: Region, uuid: d1}]}\n"
        "dealers:\n  - {uuid: x1, name: X, departments: [{uuid: d1, name: D}], associates: []}\n",
        "accounts[0].grants[0].level: must be one of Dealer, DealerDepartment, Department",
    ),
    (
        "dealers:\n  - {uuid: x1, name: X, departments: [{uuid: d1, name: D}], associates: []}\n"
        "accounts:\n  - {username: a, password: b, grants: []}\n  - {username: a, password: c, grants: []}\n",
        "accounts[1].username: duplicate username 'a'",
    ),
    (
        "dealers:\n  - {uuid: x1, name: X, departments: [{uuid: x1, name: D}], associates: []}\n"
        "accounts: []\n",
        "dealers[0].departments[0].uuid: duplicate uuid 'x1'",
    ),
    ("dealers: [\n", "not valid YAML"),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "message"), BAD_WORLDS, ids=["bad-level", "duplicate-username", "duplicate-uuid", "not-yaml"]
)
def test_cli_refuses_a_bad_world_with_exit_2(text: str, message: str, tmp_path: Path) -> None:
    world_file = tmp_path / "world.yaml"
    world_file.write_text(text, encoding="utf-8")
    result = run_cli(["serve", "--port", "0", "--db", ":memory:", "--world", str(world_file)], cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr


@pytest.mark.slow
@pytest.mark.parametrize(
    "faults", ["status=418:0.1", "drop_after_commit=2", "status=503:0.7,status=429:0.5", "x=1"]
)
def test_cli_refuses_bad_faults_with_exit_2(faults: str, tmp_path: Path) -> None:
    result = run_cli(["serve", "--port", "0", "--db", ":memory:", "--faults", faults], cwd=tmp_path)
    assert result.returncode == 2
    assert "--faults" in result.stderr


@pytest.mark.slow
def test_cli_prints_demo_credentials_only_for_the_demo_world(
    start_mock: StartMock, mock_server: MockServer, tmp_path: Path
) -> None:
    demo = start_mock(db=tmp_path / "demo.sqlite3", world=None)
    output = demo.output()
    assert "DEMO credentials" in output
    assert "demo-harbor  password: demo-harbor-password" in output
    assert "dealer 5b4a3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d" in output
    assert "department 9f8a6c1e-2b7d-4c1a-9e3f-5d6b7a8c9d01" in output
    user_world = mock_server.output()
    assert "full  scopes:" in user_world
    assert "secret" not in user_world


# -- world files --------------------------------------------------------------------------------------------


def test_world_loader_names_every_problem() -> None:
    document = {
        "dealers": [
            {
                "uuid": "a",
                "name": "A",
                "departments": [{"uuid": "a1", "name": "A1"}],
                "associates": ["u1", "u1"],
            },
            {"uuid": "a", "name": "", "departments": [], "associates": [], "region": "west"},
        ],
        "accounts": [
            {
                "username": "x:y",
                "password": "p",
                "grants": [{"scope": "customer.update", "level": "Dealer", "uuid": "a1"}],
            },
            {
                "username": "z",
                "password": "",
                "grants": [{"scope": "customer.delete", "level": "Department", "uuid": "zz"}],
            },
        ],
    }
    with pytest.raises(WorldError) as caught:
        parse_world(document, "test", scopes={"customer.update"})
    assert caught.value.problems == [
        "dealers[0].associates[1]: duplicate associate 'u1'",
        "dealers[1].region: unknown key",
        "dealers[1].name: must be a non-empty string",
        "dealers[1].uuid: duplicate uuid 'a' (already used at dealers[0].uuid)",
        "accounts[0].username: must not contain ':' or surrounding spaces (HTTP Basic, D-AUTH)",
        "accounts[0].grants[0].uuid: must name a dealer of this world (level Dealer), got 'a1'",
        "accounts[1].password: must be a non-empty string",
        "accounts[1].grants[0].scope: must be one of customer.update",
        "accounts[1].grants[0].uuid: must name a department of this world (level Department), got 'zz'",
    ]


def test_demo_world_matches_the_spec_examples() -> None:
    from mykaarma_mock.world import demo_world

    demo = demo_world()
    assert len(demo.dealers) == 2
    assert all(len(d.departments) == 2 and len(d.associates) == 3 for d in demo.dealers)
    first = demo.dealers[0]
    assert first.uuid == "5b4a3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d"
    assert first.departments[0].uuid == "9f8a6c1e-2b7d-4c1a-9e3f-5d6b7a8c9d01"
    assert {
        "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d",
        "8b7a6c5d-4e3f-4b2a-8d1c-0f9e8d7c6b5a",
    } <= first.associates
    assert len(demo.accounts) == 2
    assert "password" not in repr(demo.accounts[0]).replace("password=", "")
    assert demo.accounts[0].password not in repr(demo)
    load_world(TWO_DEALERS)  # the test world is valid too


@pytest.mark.parametrize(
    "spec",
    [
        "status=503",
        "status=abc:0.1",
        "seed=x",
        "seed=1,seed=2",
        "drop_before_commit=0.1,drop_before_commit=0.1",
        "latency=x",
        "latency=-1",
        "latency=2.5",
        "latency=60001",
        "latency=10,latency=20",
    ],
)
def test_fault_spec_errors(spec: str) -> None:
    with pytest.raises(FaultSpecError):
        parse_faults(spec)


def test_fault_spec_latency() -> None:
    plan = parse_faults("status=503:0.1,latency=25,seed=3")
    assert plan.latency_ms == 25
    assert plan.describe() == "status 503 0.1; seed 3; latency 25 ms per request"
    assert parse_faults("seed=1").latency_ms == 0


# -- the pipeline with injected handlers (in-process server) ------------------------------------------------

#: A table of the tests' own, kept beside the features' tables.
NOTES = Storage(
    schemas=(
        Schema(
            "CREATE TABLE IF NOT EXISTS core_test_note"
            " (id INTEGER PRIMARY KEY, department_uuid TEXT NOT NULL);",
            ("core_test_note",),
        ),
    )
)


class Recorder:
    """Stand-in handlers whose behaviour each test picks."""

    def __init__(self) -> None:
        self.contexts: list[RequestContext] = []

    def search(self, ctx: RequestContext) -> dict[str, Any]:
        self.contexts.append(ctx)
        ctx.warnings.append(customer_warning(10001, "no customer matches the search"))
        return {"errors": [], "warnings": [], "matchingCount": 0, "matchingCustomers": []}

    def read(self, ctx: RequestContext) -> dict[str, Any]:
        self.contexts.append(ctx)
        customer = {"customerUuid": ctx.path["customerUuid"], "customerId": "1", "isBusiness": False}
        return {"errors": [], "warnings": [], "customerWithVehicles": {"customer": customer}}

    def crash_after_write(self, ctx: RequestContext) -> dict[str, Any]:
        ctx.conn.execute(
            "INSERT INTO core_test_note (department_uuid) VALUES (?)", (ctx.path["departmentUUID"],)
        )
        raise RuntimeError("handler bug")

    def write_note(self, ctx: RequestContext) -> dict[str, Any]:
        cur = ctx.conn.execute(
            "INSERT INTO core_test_note (department_uuid) VALUES (?)", (ctx.path["departmentUUID"],)
        )
        return {"errors": [], "warnings": [], "customerUuid": f"note-{cur.lastrowid}", "customerId": "1"}

    def wrong_shape(self, ctx: RequestContext) -> dict[str, Any]:
        return {"errors": "none", "warnings": []}

    def undocumented_status(self, ctx: RequestContext) -> dict[str, Any]:
        raise ApiError(409, [ErrorItem("DUPLICATE_CUSTOMER_KEY", "getCustomer documents no 409")])

    def appointment_missing(self, ctx: RequestContext) -> dict[str, Any]:
        raise ApiError(
            404, [ErrorItem("APPOINTMENT_NOT_FOUND", "no appointment with this uuid in this department")]
        )

    def trips(self, ctx: RequestContext) -> dict[str, Any]:
        from mykaarma_mock.errors import Notice

        ctx.warnings.append(Notice("TRIP_NOTE", "TRIP_NOTE", "nothing linked"))
        return {"totalCount": 0, "tripViewDtos": []}

    def write_in_read(self, ctx: RequestContext) -> dict[str, Any]:
        ctx.conn.execute("INSERT INTO core_test_note (department_uuid) VALUES ('x')")
        return {"tripUuid": "t", "appointmentUuid": "a", "statusCode": 200}


@pytest.fixture
def in_process(world: TestWorld, tmp_path: Path) -> Iterator[tuple[str, Recorder, Database]]:
    recorder = Recorder()
    handlers = {
        "searchCustomers": recorder.search,
        "readCustomer": recorder.read,
        "createCustomer": recorder.crash_after_write,
        "createCustomerViaPut": recorder.write_note,
        "updateCustomer": recorder.wrong_shape,
        "getCustomer": recorder.undocumented_status,
        "getAppointment": recorder.appointment_missing,
        "getTripsForAppointment": recorder.trips,
        "deleteAppointmentWithTrip": recorder.write_in_read,
    }
    db = open_database(str(tmp_path / "in-process.sqlite3"), NOTES)
    app = create_app(
        db,
        load_world(TWO_DEALERS),
        handlers=handlers,
        write_operations={"createCustomer", "createCustomerViaPut"},
    )
    with serve_in_thread(app) as base_url:
        yield base_url, recorder, db
    db.close()


def _notes(db: Database) -> int:
    with db.transaction(write=False) as conn:
        count: int = conn.execute("SELECT COUNT(*) FROM core_test_note").fetchone()[0]
        return count


def test_query_is_coerced_with_defaults(in_process: tuple[str, Recorder, Database], world: TestWorld) -> None:
    base_url, recorder, _ = in_process
    with httpx.Client(base_url=base_url, auth=world.auth("full")) as http:
        search = http.get(
            f"/customer/v2/department/{world.dept_a1}/customer/list",
            params={
                "searchTerm": "Doe Jane",
                "fieldsToBeSearched": "fname,vehicles.vin",
                "maxResults": "500",
            },
        )
        read = http.get(f"/customer/v2/department/{world.dept_a1}/customer/c-1")
    assert search.status_code == 200, search.text
    assert read.status_code == 200, read.text
    search_ctx, read_ctx = recorder.contexts
    assert search_ctx.query == {
        "searchTerm": "Doe Jane",
        "fieldsToBeSearched": ["fname", "vehicles.vin"],
        "maxResults": 500,  # out of range is the handler's warning, not a 400 (D-SEARCH)
        "searchPreference": "customer",  # defaults of the spec
        "queryOperator": "AND",
    }
    assert search_ctx.path == {"departmentUUID": world.dept_a1}
    assert search_ctx.account.username == "full"
    assert read_ctx.query == {"excludeVehicles": False}
    assert search.json()["warnings"] == [
        {
            "warningCode": 10001,
            "warningTitle": "NO_CUSTOMER_FOUND",
            "warningMessage": "no customer matches the search",
        }
    ]


def test_handler_crash_is_500_and_rolls_back(
    in_process: tuple[str, Recorder, Database], world: TestWorld
) -> None:
    base_url, _, db = in_process
    with httpx.Client(base_url=base_url, auth=world.auth("full")) as http:
        crashed = http.post(
            f"/customer/v2/department/{world.dept_a1}/customer",
            json={"customer": {"firstName": "A", "lastName": "B"}},
        )
        assert_error_envelope(SPEC.operations["createCustomer"], crashed, 500)
        assert crashed.json()["errors"][0]["errorTitle"] == "INTERNAL_SERVER_ERROR"
        assert _notes(db) == 0
        saved = http.put(
            f"/customer/v2/department/{world.dept_a1}/customer",
            json={"customer": {"firstName": "A", "lastName": "B"}},
        )
        assert saved.status_code == 200, saved.text
    assert _notes(db) == 1


def test_response_that_breaks_its_schema_is_500(
    in_process: tuple[str, Recorder, Database], world: TestWorld
) -> None:
    base_url, _, _ = in_process
    with httpx.Client(base_url=base_url, auth=world.auth("full")) as http:
        response = http.put(
            f"/customer/v2/department/{world.dept_a1}/customer/c-1",
            json={"customer": {"firstName": "A", "lastName": "B"}},
        )
    assert_error_envelope(SPEC.operations["updateCustomer"], response, 500)


def test_undocumented_handler_status_becomes_500(
    in_process: tuple[str, Recorder, Database], world: TestWorld
) -> None:
    base_url, _, _ = in_process
    with httpx.Client(base_url=base_url, auth=world.auth("full")) as http:
        response = http.request(**valid_request("getCustomer", world))
    assert_error_envelope(SPEC.operations["getCustomer"], response, 500)


def test_handler_errors_and_warnings_use_the_service_envelope(
    in_process: tuple[str, Recorder, Database], world: TestWorld
) -> None:
    base_url, _, _ = in_process
    with httpx.Client(base_url=base_url, auth=world.auth("full")) as http:
        missing = http.request(**valid_request("getAppointment", world))
        trips = http.request(**valid_request("getTripsForAppointment", world))
        write_in_read = http.request(**valid_request("deleteAppointmentWithTrip", world))
    body = assert_error_envelope(SPEC.operations["getAppointment"], missing, 404)
    assert body["error"][0]["errorDescription"] == "no appointment with this uuid in this department"
    assert trips.status_code == 200
    assert trips.json() == {
        "totalCount": 0,
        "tripViewDtos": [],
        "warnings": [{"warningCode": "TRIP_NOTE", "warningDescription": "nothing linked"}],
        "statusCode": 200,
        "error": None,
    }
    assert_error_envelope(SPEC.operations["deleteAppointmentWithTrip"], write_in_read, 500)


def test_mock_endpoints_refuse_non_loopback_clients(world: TestWorld) -> None:
    app = create_app(open_database(":memory:"), load_world(TWO_DEALERS), handlers={})
    remote = httpx.ASGITransport(app=app, client=("192.0.2.10", 40000))
    local = httpx.ASGITransport(app=app, client=("127.0.0.1", 40000))

    async def call(transport: httpx.ASGITransport) -> tuple[int, int]:
        async with httpx.AsyncClient(transport=transport, base_url="http://mock") as http:
            stats = await http.get("/__mock/stats")
            reset = await http.post("/__mock/reset")
        return stats.status_code, reset.status_code

    import asyncio

    assert asyncio.run(call(remote)) == (403, 403)
    assert asyncio.run(call(local)) == (200, 200)


def test_database_is_wal_and_rolls_back_on_error(tmp_path: Path) -> None:
    db = open_database(str(tmp_path / "wal.sqlite3"), NOTES)
    assert db.journal_mode == "wal"

    def failing_write() -> None:
        with db.transaction(write=True) as conn:
            conn.execute("INSERT INTO core_test_note (department_uuid) VALUES ('x')")
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        failing_write()
    assert _notes(db) == 0
    with pytest.raises(sqlite3.OperationalError), db.transaction(write=False) as conn:
        conn.execute("INSERT INTO core_test_note (department_uuid) VALUES ('x')")
    with db.transaction(write=True) as conn:
        conn.execute("INSERT INTO core_test_note (department_uuid) VALUES ('x')")

    def failing_nested_write() -> None:
        with db.transaction(write=True) as inner:
            inner.execute("INSERT INTO core_test_note (department_uuid) VALUES ('nested')")
            raise RuntimeError("inner failure")

    with db.transaction(write=True) as conn:
        with pytest.raises(RuntimeError):
            failing_nested_write()  # rolled back to its savepoint; the outer transaction goes on
        conn.execute("INSERT INTO core_test_note (department_uuid) VALUES ('y')")
    assert _notes(db) == 2
    with db.transaction(write=False), pytest.raises(RuntimeError), db.transaction(write=True):
        pass
    db.reset()
    assert _notes(db) == 0
    assert db.stats(departments=["d1"])["departments"]["d1"]["customers"] == 0
    db.close()
