"""The operation table of the contract: ids, methods, paths, scopes, responses, examples and links."""

from __future__ import annotations

from typing import Any

import pytest

from mykaarma_mock.limits import RequestLimits
from tests.spec._spec import bundled_spec, operations, resolve

# operationId: (method, path, scope, level, entity)
CONTRACT = {
    "createCustomer": (
        "post",
        "/customer/v2/department/{departmentUUID}/customer",
        "customer.update",
        "DealerDepartment",
        "$request.path.departmentUUID",
    ),
    "createCustomerViaPut": (
        "put",
        "/customer/v2/department/{departmentUUID}/customer",
        "customer.update",
        "DealerDepartment",
        "$request.path.departmentUUID",
    ),
    "updateCustomer": (
        "put",
        "/customer/v2/department/{departmentUUID}/customer/{customerUuid}",
        "customer.update",
        "DealerDepartment",
        "$request.path.departmentUUID",
    ),
    "readCustomer": (
        "get",
        "/customer/v2/department/{departmentUUID}/customer/{customerUuid}",
        "customer.search",
        "DealerDepartment",
        "$request.path.departmentUUID",
    ),
    "searchCustomers": (
        "get",
        "/customer/v2/department/{departmentUUID}/customer/list",
        "customer.search",
        "DealerDepartment",
        "$request.path.departmentUUID",
    ),
    "getCustomer": (
        "post",
        "/customer/v2/customer/{customerUUID}",
        "customer.search",
        "Dealer",
        "$request.body#/dealerUUIDList",
    ),
    "createAppointmentWithTrip": (
        "post",
        "/appointment/v2/dealer/{dealerUuid}/appointment-trip",
        "appointment.create",
        "Dealer",
        "$request.path.dealerUuid",
    ),
    "updateAppointmentWithTrip": (
        "post",
        "/appointment/v2/dealer/{dealerUuid}/sar/{sarUUID}/appointment-trip",
        "appointment.create",
        "Dealer",
        "$request.path.dealerUuid",
    ),
    "deleteAppointmentWithTrip": (
        "delete",
        "/appointment/v2/dealer/{dealerUuid}/appointment-trip",
        "appointment.create",
        "Dealer",
        "$request.path.dealerUuid",
    ),
    "getTripsForAppointment": (
        "patch",
        "/appointment/v2/dealer/{dealerUuid}/trips",
        "appointment.trip.read",
        "Dealer",
        "$request.path.dealerUuid",
    ),
    "getAppointment": (
        "get",
        "/appointment/v2/dealerDepartment/{departmentUuid}/uuid/{appointmentUuid}",
        "appointment.get",
        "Department",
        "$request.path.departmentUuid",
    ),
}
QUERY_PARAMETERS = {
    "readCustomer": {"excludeVehicles"},
    "searchCustomers": {
        "searchTerm",
        "fieldsToBeSearched",
        "maxResults",
        "searchPreference",
        "queryOperator",
    },
    "getCustomer": {"excludeOrderType"},
    "createAppointmentWithTrip": {"mobileServiceApptUuid", "regularServiceApptUuid"},
    "updateAppointmentWithTrip": {"enforcePreferences"},
}
BY_ID = {operation["operationId"]: (path, method, operation) for path, method, operation in operations()}


def _parameters(operation: dict[str, Any]) -> list[dict[str, Any]]:
    return [resolve(parameter) for parameter in operation.get("parameters", [])]


def test_exactly_the_contracted_operations_exist() -> None:
    assert set(BY_ID) == set(CONTRACT)


@pytest.mark.parametrize("operation_id", sorted(CONTRACT))
def test_method_path_and_scope(operation_id: str) -> None:
    method, path, scope, level, entity = CONTRACT[operation_id]
    actual_path, actual_method, operation = BY_ID[operation_id]
    assert (actual_method, actual_path) == (method, path)
    assert operation["x-required-scope"] == {"scope": scope, "level": level, "entity": entity}
    assert operation["security"] == [{"basicAuth": []}]


@pytest.mark.parametrize("operation_id", sorted(CONTRACT))
def test_parameters_match_the_path_and_documented_queries(operation_id: str) -> None:
    path, _method, operation = BY_ID[operation_id]
    parameters = _parameters(operation)
    path_names = {p["name"] for p in parameters if p["in"] == "path"}
    assert path_names == {segment[1:-1] for segment in path.split("/") if segment.startswith("{")}
    assert {p["name"] for p in parameters if p["in"] == "query"} == QUERY_PARAMETERS.get(operation_id, set())


@pytest.mark.parametrize("operation_id", sorted(CONTRACT))
def test_documented_statuses_and_envelopes(operation_id: str) -> None:
    _path, _method, operation = BY_ID[operation_id]
    statuses = set(operation["responses"])
    assert {"200", "400", "401", "403", "500"} <= statuses
    assert ("404" in statuses) == (
        operation_id not in {"createCustomer", "createCustomerViaPut", "searchCustomers"}
    )
    assert "204" not in statuses, "success is always 200 with a body (D-STATUS)"
    if "requestBody" in operation:
        assert {"408", "413", "415"} <= statuses  # a body can be too late, too large, or not JSON
    for status, response in operation["responses"].items():
        response = resolve(response)
        assert response["content"]["application/json"]["examples"], (operation_id, status)
        if status == "401":
            assert "WWW-Authenticate" in response["headers"]


def test_conflict_is_documented_where_it_can_happen() -> None:
    with_conflict = {op_id for op_id, (_p, _m, op) in BY_ID.items() if "409" in op["responses"]}
    assert with_conflict == {
        "createCustomer",
        "createCustomerViaPut",
        "updateCustomer",
        "updateAppointmentWithTrip",
    }


def _links(operation_id: str) -> dict[str, Any]:
    links: dict[str, Any] = BY_ID[operation_id][2]["responses"]["200"].get("links", {})
    return links


@pytest.mark.parametrize(
    ("source", "targets"),
    [
        ("createCustomer", {"readCustomer", "updateCustomer", "getCustomer"}),
        ("createCustomerViaPut", {"readCustomer", "updateCustomer", "getCustomer"}),
        (
            "createAppointmentWithTrip",
            {
                "updateAppointmentWithTrip",
                "getTripsForAppointment",
                "getAppointment",
                "deleteAppointmentWithTrip",
            },
        ),
    ],
)
def test_creates_link_to_the_operations_using_the_new_id(source: str, targets: set[str]) -> None:
    assert {link["operationId"] for link in _links(source).values()} == targets


@pytest.mark.parametrize("operation_id", sorted(CONTRACT))
def test_links_fill_path_parameters_and_only_declared_body_fields(operation_id: str) -> None:
    for name, link in _links(operation_id).items():
        target = BY_ID[link["operationId"]][2]
        required = {p["name"] for p in _parameters(target) if p["in"] == "path"}
        assert required <= set(link.get("parameters", {})), name
        if "requestBody" in target:
            body_schema = resolve(target["requestBody"]["content"]["application/json"]["schema"])
            assert set(link.get("requestBody", {})) <= set(body_schema["properties"]), name


def test_deprecated_alias_mirrors_the_create() -> None:
    post = BY_ID["createCustomer"][2]
    put = BY_ID["createCustomerViaPut"][2]
    assert put["deprecated"] is True
    assert "deprecated" not in post
    assert put["requestBody"] == post["requestBody"]
    assert put["responses"].keys() == post["responses"].keys()


def test_tags_are_declared_and_used() -> None:
    declared = {tag["name"] for tag in bundled_spec()["tags"]}
    used = {tag for _path, _method, operation in operations() for tag in operation["tags"]}
    assert declared == used == {"customers", "appointments"}


def test_request_limits_are_stated_once_in_the_spec() -> None:
    """`x-request-limits` (D-REQUEST-LIMITS) holds positive numbers the mock reads as they are."""
    limits = RequestLimits.from_spec(bundled_spec())
    assert limits.max_body_bytes == bundled_spec()["x-request-limits"]["maxBodyBytes"]
    broken = dict(bundled_spec())
    broken["x-request-limits"] = {**broken["x-request-limits"], "maxNestingDepth": 0}
    with pytest.raises(ValueError, match="maxNestingDepth must be a positive number"):
        RequestLimits.from_spec(broken)


@pytest.mark.parametrize(
    ("status", "retry_after"), [("429", True), ("502", False), ("503", True), ("504", False)]
)
def test_every_operation_declares_throttling_and_unavailability(status: str, retry_after: bool) -> None:
    """D-RATE, D-STATUS: a service behind a gateway may answer these (the mock does under fault injection);
    429 and 503 say when to send again with Retry-After."""
    checked = 0
    for path, method, operation in operations():
        response = resolve(operation["responses"].get(status))
        assert response is not None, f"{method.upper()} {path} does not declare {status}"
        assert ("Retry-After" in response.get("headers", {})) is retry_after, (
            f"{method.upper()} {path} {status}"
        )
        checked += 1
    assert checked == len(list(operations())) > 0
