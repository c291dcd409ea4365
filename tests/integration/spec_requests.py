"""Requests built from the spec's examples, and checks of the error envelopes, for the mock's tests."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

import httpx

from mykaarma_mock.spec import Operation, load_spec
from tests.integration.mock_server import ROOT, TestWorld
from tests.spec._spec import bundled_spec, resolve, validator_for

SPEC = load_spec()
OPERATION_IDS = sorted(SPEC.operations)
BODY_OPERATION_IDS = sorted(op_id for op_id, op in SPEC.operations.items() if op.body_schema)
BUNDLE = ROOT / "openapi" / "dist" / "mykaarma.openapi.yaml"
UNKNOWN_UUID = "00000000-dead-4bad-8bad-000000000000"
# Path ids that are not the checked entity: the spec examples' values.
EXAMPLE_PATH_IDS = {
    "customerUuid": "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a",
    "customerUUID": "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a",
    "sarUUID": "7e6d5c4b-3a29-4180-9f8e-7d6c5b4a3928",
    "appointmentUuid": "7e6d5c4b-3a29-4180-9f8e-7d6c5b4a3928",
}
REQUIRED_QUERY = {"searchCustomers": {"searchTerm": "Doe"}}
SERVICE_ERROR_SCHEMA = {
    "customer": "CustomerErrorResponse",
    "trip": "TripErrorResponse",
    "pnd": "PnDErrorResponse",
    "read": "AppointmentReadErrorResponse",
}
CONNECTION_DROPPED = (httpx.RemoteProtocolError, httpx.ReadError)


def _operation_object(op: Operation) -> Mapping[str, Any]:
    found: Mapping[str, Any] = bundled_spec()["paths"][op.path][op.method.lower()]
    return found


def request_example(op: Operation) -> dict[str, Any] | None:
    """A deep copy of the first request-body example of the operation in the spec."""
    if op.body_schema is None:
        return None
    content = resolve(_operation_object(op)["requestBody"])["content"]["application/json"]
    first = next(iter(content["examples"].values()))
    value: dict[str, Any] = copy.deepcopy(resolve(first)["value"])
    return value


def entity_kind(op: Operation) -> str:
    return "dealer" if op.required_scope.level == "Dealer" else "department"


def valid_request(op_id: str, world: TestWorld, *, entity: str | None = None) -> dict[str, Any]:
    """httpx.request keyword arguments for a valid request of `op_id` on dealer A (department A1).

    `entity` replaces the dealer or department that `x-required-scope` checks (path value or body list).
    """
    op = SPEC.operations[op_id]
    path: dict[str, str] = {}
    for param in op.parameters:
        if param.location != "path":
            continue
        if param.name in ("departmentUUID", "departmentUuid"):
            path[param.name] = world.dept_a1
        elif param.name == "dealerUuid":
            path[param.name] = world.dealer_a
        else:
            path[param.name] = EXAMPLE_PATH_IDS[param.name]
    body = request_example(op)
    expression = op.required_scope.entity
    if entity is not None:
        if expression.startswith("$request.path."):
            path[expression.removeprefix("$request.path.")] = entity
        else:
            assert expression == "$request.body#/dealerUUIDList", expression
            assert body is not None
            body["dealerUUIDList"] = [entity]
    kwargs: dict[str, Any] = {
        "method": op.method,
        "url": op.path.format(**path),
        "params": dict(REQUIRED_QUERY.get(op_id, {})),
    }
    if body is not None:
        kwargs["json"] = body
    return kwargs


def foreign_entity(op: Operation, world: TestWorld) -> str:
    return world.dealer_b if entity_kind(op) == "dealer" else world.dept_b1


def spec_error_validator(op: Operation, status: int) -> Any:
    responses = _operation_object(op)["responses"]
    if str(status) in responses:
        schema = resolve(responses[str(status)])["content"]["application/json"]["schema"]
    else:
        schema = {"$ref": f"#/components/schemas/{SERVICE_ERROR_SCHEMA[op.service]}"}
    return validator_for(schema)


def assert_error_envelope(op: Operation, response: httpx.Response, status: int) -> dict[str, Any]:
    """The response has `status`, JSON in the operation's service envelope valid for that status."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body: dict[str, Any] = response.json()
    errors = sorted(spec_error_validator(op, status).iter_errors(body), key=str)
    assert not errors, [e.message for e in errors]
    assert "detail" not in body
    if op.service == "customer":
        assert body["errors"]
    elif op.service == "trip":
        assert body["statusCode"] == status
        assert body["errors"]
    elif op.service == "pnd":
        assert body["statusCode"] == status
        assert body["error"]["errorCode"]
    else:
        assert all(item["errorCode"] == status for item in body["error"])
    return body


def error_fields(op: Operation, body: Mapping[str, Any]) -> list[str]:
    """The `field` of every error item ("" for an item without one; read errors have none)."""
    if op.service in ("customer", "trip"):
        return [item.get("field", "") for item in body["errors"]]
    if op.service == "pnd":
        metadata = body["error"].get("metadata", {})
        fields: str = metadata.get("fields") or metadata.get("field") or ""
        return fields.split(",") if fields else []
    return ["" for _ in body["error"]]
