"""Client pre-flight and mock give the same verdict, with the same problem paths, on the same bodies.

Bodies come from the spec's schemas: schemathesis generates schema-valid (positive) and schema-breaking
(negative) bodies for every operation with a request body. The client's side is `validate_body` without an
operation check (the spec's schema and x-rules); the mock's side is the validator its core runs before any
handler (schema, x-rules, then the generated pydantic model). The client's operation checks are stricter by
design and not compared: they refuse phone and e-mail entries the server would drop with a warning
(D-PHONE-EMAIL) and check trips against the path's dealer (D-CONSISTENCY).
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from schemathesis.config import SchemathesisConfig

from mykaarma import validation as client
from mykaarma_mock.spec import Operation, Spec, load_spec
from mykaarma_mock.validation import OperationValidator, SchemaSet
from tests.spec._spec import BUNDLE, validator_for

EXAMPLES_PER_MODE = 60


@pytest.fixture(scope="module")
def mock_spec() -> Spec:
    return load_spec()


def _body_operations() -> list[Operation]:
    return [op for op in load_spec().operations.values() if op.body_schema]


def _verdicts(validator: OperationValidator, body: dict[str, Any]) -> tuple[set[str], set[str]]:
    """Problem paths of `body` in the mock and in client pre-flight."""
    name = validator.operation.body_schema
    assert name is not None
    mock_paths = {problem.field or "" for problem in validator.body(body)}
    client_paths = {problem.path for problem in client.validate_body(name, copy.deepcopy(body))}
    return mock_paths, client_paths


@pytest.mark.slow
@pytest.mark.parametrize("operation", _body_operations(), ids=lambda op: op.operation_id)
def test_generated_bodies_get_the_same_verdict(operation: Operation, mock_spec: Spec) -> None:
    validator = OperationValidator(SchemaSet(mock_spec), operation, mock_spec.limits)
    api = schemathesis.openapi.from_path(BUNDLE, config=SchemathesisConfig())
    verdicts: Counter[str] = Counter()
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

        @settings(
            max_examples=EXAMPLES_PER_MODE,
            deadline=None,
            derandomize=True,
            database=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(api[operation.path][operation.method].as_strategy(generation_mode=mode))
        def compare(case: Any) -> None:
            if not isinstance(case.body, dict):
                return  # not an object: the mock's parser refuses it before any schema is read
            mock_paths, client_paths = _verdicts(validator, case.body)
            assert mock_paths == client_paths, case.body
            verdicts["refused" if mock_paths else "accepted"] += 1

        compare()
    # both verdicts were exercised, so agreement is not agreement on one answer only
    assert verdicts["accepted"] > 0
    assert verdicts["refused"] > 0


def _trip_events(value: Any) -> Iterator[dict[str, Any]]:
    """Every object of `value` that carries a ``rideType``."""
    if isinstance(value, dict):
        if "rideType" in value:
            yield value
        for item in value.values():
            yield from _trip_events(item)
    elif isinstance(value, list):
        for item in value:
            yield from _trip_events(item)


@pytest.mark.parametrize("blank", ["", " ", "\u3000"])
def test_a_blank_swapped_loaner_gets_the_same_verdict(blank: str, mock_spec: Spec) -> None:
    """The case where they disagreed: a blank `swappedLoanerVehicleUuid` on a ride that is not a swap is
    absent for the x-rule and its JSON Schema twin alike, so client and mock both accept it."""
    schemas = SchemaSet(mock_spec)
    compared = 0
    for operation in _body_operations():
        example = _example_body(mock_spec, operation)
        events = list(_trip_events(example))
        if not events:
            continue
        for event in events:
            event["rideType"] = "PICKUP_VEHICLE"
            event["swappedLoanerVehicleUuid"] = blank
        validator = OperationValidator(schemas, operation, mock_spec.limits)
        mock_paths, client_paths = _verdicts(validator, example)
        assert mock_paths == client_paths == set()
        compared += 1
    assert compared >= 2  # create and update with trip carry trip events


def _example_body(spec: Spec, operation: Operation) -> Any:
    """The first example request body the spec gives `operation`."""
    raw = spec.document["paths"][operation.path][operation.method.lower()]["requestBody"]
    content = spec.resolve(raw)["content"]["application/json"]
    if "example" in content:
        return copy.deepcopy(content["example"])
    first = next(iter(content["examples"].values()))
    return copy.deepcopy(spec.resolve(first)["value"])


@pytest.mark.parametrize("missing", [None, "", " ", "absent"])
def test_an_update_without_event_uuid_is_refused_by_schema_client_and_mock(
    missing: str | None, mock_spec: Spec
) -> None:
    """`trip-update-needs-event-uuid`: an event and a `tripUUID` but no `eventUUID`, refused at that path by
    the JSON Schema twin, client pre-flight and mock alike."""
    schemas = SchemaSet(mock_spec)
    refused = 0
    for operation in _body_operations():
        raw = mock_spec.document["paths"][operation.path][operation.method.lower()]["requestBody"]
        content = mock_spec.resolve(raw)["content"]["application/json"]
        for example in content.get("examples", {}).values():
            body = copy.deepcopy(mock_spec.resolve(example)["value"])
            wrapper = body.get("updatePickupDeliveryTripEventRequest") or {}
            event = wrapper.get("pickupDeliveryTripEvent")
            metadata = (body.get("updateAppointmentForTripRequest") or {}).get(
                "pickupDeliveryTripMetadata"
            ) or {}
            if not (isinstance(event, dict) and metadata.get("tripUUID")):
                continue
            if missing == "absent":
                event.pop("eventUUID", None)
            else:
                event["eventUUID"] = missing
            path = "updatePickupDeliveryTripEventRequest.pickupDeliveryTripEvent.eventUUID"
            mock_paths, client_paths = _verdicts(
                OperationValidator(schemas, operation, mock_spec.limits), body
            )
            assert mock_paths == client_paths == {path}
            assert not validator_for({"$ref": f"#/components/schemas/{operation.body_schema}"}).is_valid(body)
            refused += 1
    assert refused >= 1  # the spec has an update-scenario example
