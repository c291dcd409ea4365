"""The shared schema checker quotes values only through `preview`: a finding never carries a whole body."""

from __future__ import annotations

import json
from typing import Any

from mykaarma.validation import schemas
from mykaarma_core.schema_check import SchemaChecker

MARKER = "Jane-Doe-7-Pine-Ave"


def _event(**changes: Any) -> dict[str, Any]:
    event = {
        "appointmentTime": "2024-10-26T09:15:00-0700",
        "rideType": "PICKUP_VEHICLE",
        "dealerUUID": "d",
        "dealerDepartmentUUID": "dd",
        "customerUUID": "c",
        "originAddress": {"line1": MARKER},
    }
    event.update(changes)
    return event


def test_no_finding_quotes_the_body_it_was_found_in() -> None:
    checker = SchemaChecker({"components": {"schemas": schemas()}})
    body = _event(isDropCar=True, loanerVehicleRequired=True)  # refused by a `not` of the schema
    findings = checker.findings(checker.component("PickupDeliveryTripEvent"), body)
    assert any(finding.conditional for finding in findings)  # the body was refused, conditionally
    assert not [finding for finding in findings if MARKER in finding.text]
    problems = checker.problems("PickupDeliveryTripEvent", body)
    assert problems
    assert MARKER not in json.dumps([problem.message for problem in problems])
