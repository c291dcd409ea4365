"""The fuzz hooks (``scripts/fuzz/hooks.py``) and regression tests for what the fuzzer found.

Each finding of ``make fuzz`` was a schema-valid request the mock refused, fixed in the spec or the mock;
the tests here pin the fix without a fuzz run.
"""

from __future__ import annotations

import re
from datetime import datetime
from types import SimpleNamespace
from typing import Any

import jsonschema
import jsonschema_rs
import pytest

from mykaarma_core.rules import PRESENT_PATTERN, is_blank, split_words
from tests.fuzz.conftest import fuzz_hooks
from tests.spec._spec import bundled_spec, validator_for

TENANT = fuzz_hooks.Tenant(
    dealer="DEALER",
    departments=("DEP1", "DEP2"),
    associates=("U1", "U2", "U3"),
    customers=("CUSTOMER",),
    appointments=("APPOINTMENT",),
    trips=("TRIP",),
)


def create_body() -> dict[str, Any]:
    return {
        "savePickupDeliveryTripEventRequest": {
            "pickupDeliveryTripEvent": {
                "appointmentTime": "2030-01-15T09:00:00-0800",
                "rideType": "PICKUP_VEHICLE",
                "customerUUID": "someone",
                "dealerUUID": "other-dealer",
                "dealerDepartmentUUID": "other-department",
                "assignedByDealerAssociateUUID": "x",
                "primaryDriverUUID": "same",
                "secondaryDriverUUID": "same",
                "linkedTripUuids": ["gone"],
            },
            "requesterUserUUID": "nobody",
            "dealerDepartmentUUIDList": ["a", "b"],
        },
        "createAppointmentWithTripRequest": {
            "customerUuid": "someone",
            "vehicleInformation": {"vin": "X"},
            "appointmentInformation": {
                "appointmentStartDateTime": "2030-01-15T10:00:00",
                "appointmentEndDateTime": "2030-01-15T09:00:00",
            },
        },
    }


def test_a_positive_create_becomes_valid_for_the_tenant() -> None:
    path, query, body = {"dealerUuid": "random"}, {"mobileServiceApptUuid": "old"}, create_body()
    fuzz_hooks.make_consistent("createAppointmentWithTrip", path, query, body, TENANT)
    wrapper = body["savePickupDeliveryTripEventRequest"]
    event = wrapper["pickupDeliveryTripEvent"]
    appointment = body["createAppointmentWithTripRequest"]
    assert path == {"dealerUuid": "DEALER"}
    assert query == {}
    assert event["dealerUUID"] == "DEALER"
    assert set(wrapper["dealerDepartmentUUIDList"]) <= {"DEP1", "DEP2"}
    assert event["dealerDepartmentUUID"] == wrapper["dealerDepartmentUUIDList"][0]
    assert {wrapper["requesterUserUUID"], event["assignedByDealerAssociateUUID"]} <= set(TENANT.associates)
    assert event["primaryDriverUUID"] != event["secondaryDriverUUID"]
    assert event["customerUUID"] == appointment["customerUuid"] == "CUSTOMER"
    assert event["linkedTripUuids"] == ["TRIP"]
    assert appointment["appointmentInformation"]["appointmentEndDateTime"] is None


def test_an_update_names_the_trip_of_its_metadata() -> None:
    body = {
        "updatePickupDeliveryTripEventRequest": {"pickupDeliveryTripEvent": {"eventUUID": "a"}},
        "updateAppointmentForTripRequest": {"pickupDeliveryTripMetadata": {"tripUUID": "b"}},
    }
    fuzz_hooks.align_trip_uuids(body)
    assert body["updatePickupDeliveryTripEventRequest"]["pickupDeliveryTripEvent"]["eventUUID"] == "b"


def test_a_vin_is_made_valid_only_when_it_is_validated() -> None:
    checked = {"validateVin": True, "vehicles": [{"vin": "NOT-A-VIN"}]}
    unchecked = {"validateVin": False, "vehicles": [{"vin": "NOT-A-VIN"}]}
    fuzz_hooks.make_consistent("createCustomer", None, None, checked, TENANT)
    fuzz_hooks.make_consistent("createCustomer", None, None, unchecked, TENANT)
    assert fuzz_hooks.is_valid_vin(checked["vehicles"][0]["vin"])
    assert unchecked["vehicles"][0]["vin"] == "NOT-A-VIN"
    assert all(fuzz_hooks.is_valid_vin(vin) for vin in fuzz_hooks.VALID_VINS)


def test_on_the_mock_only_the_reference_records_are_protected() -> None:
    body = {"appointmentUuid": "APPOINTMENT", "tripUuid": "some-trip"}
    fuzz_hooks.protect_records("deleteAppointmentWithTrip", {}, {}, body, TENANT, sandbox=False)
    assert body["appointmentUuid"].startswith(fuzz_hooks.ABSENT_PREFIX)
    assert body["tripUuid"] == "some-trip"


def test_in_a_sandbox_no_record_of_others_is_named() -> None:
    path = {"departmentUUID": "D", "customerUuid": "theirs"}
    body: dict[str, Any] = {"searchForDuplicate": True, "customer": {"customerUuid": "theirs"}}
    fuzz_hooks.protect_records("updateCustomer", path, {}, body, TENANT, sandbox=True)
    assert path["customerUuid"].startswith(fuzz_hooks.ABSENT_PREFIX)
    assert body["searchForDuplicate"] is False
    assert body["customer"]["customerUuid"].startswith(fuzz_hooks.ABSENT_PREFIX)

    create = create_body()
    fuzz_hooks.protect_records(
        "createAppointmentWithTrip", {}, {"regularServiceApptUuid": "x"}, create, TENANT, sandbox=True
    )
    event = create["savePickupDeliveryTripEventRequest"]["pickupDeliveryTripEvent"]
    assert event["customerUUID"] == "CUSTOMER"
    assert all(item.startswith(fuzz_hooks.ABSENT_PREFIX) for item in event["linkedTripUuids"])


def test_negative_cases_keep_their_generated_values() -> None:
    body = create_body()
    profile = fuzz_hooks.FuzzProfile(TENANT)
    fuzz_hooks.prepare_case("createAppointmentWithTrip", False, {"dealerUuid": "x"}, {}, body, profile)
    assert body == create_body()


def _generated_case(phase: Any, mode: Any, body: dict[str, Any]) -> Any:
    """What `_prepare` reads of a generated case and its hook context."""
    meta = SimpleNamespace(phase=SimpleNamespace(name=phase), generation=SimpleNamespace(mode=mode))
    case = SimpleNamespace(meta=meta, body=body, path_parameters={"dealerUuid": "x"}, query={},
                           _override=fuzz_hooks.Override())  # fmt: skip
    operation = SimpleNamespace(definition=SimpleNamespace(raw={"operationId": "deleteAppointmentWithTrip"}))
    return SimpleNamespace(operation=operation), case


def test_every_stateful_case_is_made_consistent(monkeypatch: pytest.MonkeyPatch) -> None:
    """Finding: a negative stateful DELETE became positive when its link overwrote the invalid value; its
    generated ``updatedByDeptUUID`` was refused (ST202). Negative cases of other phases stay as generated."""
    monkeypatch.setattr(fuzz_hooks, "current_profile", lambda: fuzz_hooks.FuzzProfile(TENANT))
    negative = fuzz_hooks.GenerationMode.NEGATIVE
    prepared: dict[Any, dict[str, Any]] = {}
    for phase in (fuzz_hooks.TestPhase.STATEFUL, fuzz_hooks.TestPhase.FUZZING):
        context, case = _generated_case(phase, negative, {"updatedByDeptUUID": "\ud846junk"})
        fuzz_hooks._prepare(context, case, example=False)
        prepared[phase] = case.body
    assert prepared[fuzz_hooks.TestPhase.STATEFUL]["updatedByDeptUUID"] in TENANT.departments
    assert prepared[fuzz_hooks.TestPhase.FUZZING]["updatedByDeptUUID"] == "\ud846junk"


# ------------------------------------------------------------------------------------------------------
# Findings


@pytest.mark.parametrize("engine", ["jsonschema-rs", "jsonschema", "re"])
def test_blank_means_what_json_schema_whitespace_means(engine: str) -> None:
    """Findings: names of U+001C-U+001F or U+0085 passed ``pattern: '\\S'`` in one engine and not in
    another; the server called them blank. The spec's explicit class reads alike everywhere, as `is_blank`."""
    schema = {"type": "string", "pattern": PRESENT_PATTERN}
    present = {
        "jsonschema-rs": jsonschema_rs.validator_for(schema).is_valid,
        "jsonschema": jsonschema.Draft202012Validator(schema).is_valid,
        "re": lambda text: re.search(PRESENT_PATTERN, text) is not None,
    }[engine]
    disagreeing = [
        hex(code)
        for code in range(0x10000)
        if not 0xD800 <= code < 0xE000 and is_blank(chr(code)) is present(chr(code))
    ]
    assert disagreeing == []
    assert split_words("a\x1fb \ufeffc") == ["a\x1fb", "c"]


def _pattern(*path: str) -> str:
    node: Any = bundled_spec()["components"]["schemas"]
    for key in path:
        node = node[key]
    return str(node["pattern"])


@pytest.mark.parametrize("year", [1, 4, 100, 400, 1900, 2000, 2023, 2024, 9999])
def test_date_patterns_admit_exactly_the_real_dates(year: int) -> None:
    """Finding: ``2024-02-30``, year 0000 and offset ``+9999`` matched the patterns; the server refused."""
    dates = jsonschema_rs.validator_for(
        {
            "type": "string",
            "pattern": _pattern("AppointmentInformationForTripUpdate", "properties", "appointmentDate"),
        }
    )
    for month in range(1, 13):
        for day in (28, 29, 30, 31):
            text = f"{year:04d}-{month:02d}-{day:02d}"
            try:
                datetime.strptime(text, "%Y-%m-%d")
                real = True
            except ValueError:
                real = False
            assert dates.is_valid(text) is real, text
    assert not dates.is_valid("0000-01-01")


def test_trip_times_need_a_real_offset() -> None:
    trip = jsonschema_rs.validator_for(
        {"type": "string", "pattern": _pattern("PickupDeliveryTripEvent", "properties", "appointmentTime")}
    )
    assert trip.is_valid("2024-10-25T11:15:00-2359")
    assert not trip.is_valid("2024-10-25T11:15:00+2400")
    assert not trip.is_valid("2024-10-25T11:15:00+0060")


@pytest.mark.parametrize(
    ("schema", "field"),
    [
        ("SavePickupDeliveryTripEventRequest", "requesterUserUUID"),
        ("UpdatePickupDeliveryTripEventRequest", "requesterUserUUID"),
        ("CreateAppointmentWithTripRequest", "customerUuid"),
        ("DeleteAppointmentWithTripRequest", "updatedByDAUUID"),
        ("DeleteAppointmentWithTripRequest", "updatedByDeptUUID"),
    ],
)
def test_blank_required_identifiers_fail_the_schema(schema: str, field: str) -> None:
    """Finding: blank identifiers the server refuses (updatedByDAUUID: skipped checking) were valid."""
    assert not validator_for({"$ref": f"#/components/schemas/{schema}/properties/{field}"}).is_valid("\u00a0")


def test_a_vehicle_needs_an_identifier_that_is_not_blank() -> None:
    """Finding: ``{vin: " ", vehicleKey: null}`` passed the schema; the x-rule refused it."""
    vehicle = validator_for({"$ref": "#/components/schemas/VehicleInformation"})
    assert not vehicle.is_valid({"vin": " ", "vehicleKey": None})
    assert vehicle.is_valid({"vin": "1HGCM82633A004352"})


def test_a_blank_trip_uuid_is_no_scenario() -> None:
    """Finding: ``tripUUID: ""`` with no event passed the schema's both-null rule; the server refused it."""
    update = validator_for({"$ref": "#/components/schemas/UpdateAppointmentWithTripRequest"})
    body = {
        "updatePickupDeliveryTripEventRequest": {
            "requesterUserUUID": "U1",
            "dealerDepartmentUUIDList": ["D"],
        },
        "updateAppointmentForTripRequest": {
            "appointmentInformation": {"appointmentDate": "2030-01-15", "appointmentStartTime": "10:00:00"},
            "pickupDeliveryTripMetadata": {"tripUUID": ""},
        },
    }
    assert not update.is_valid(body)
    body["updateAppointmentForTripRequest"]["pickupDeliveryTripMetadata"]["tripUUID"] = "T1"
    assert update.is_valid(body)


def test_a_search_term_needs_text() -> None:
    """Finding: a search term of spaces was schema-valid; the server has no token to search and refuses it."""
    parameter = bundled_spec()["components"]["parameters"]["SearchTerm"]["schema"]
    assert not validator_for(parameter).is_valid("   ")


def test_a_positive_case_keeps_every_array_within_the_request_limits() -> None:
    """x-request-limits bounds every array (D-REQUEST-LIMITS); schemathesis may generate a longer one."""
    limit = int(bundled_spec()["x-request-limits"]["maxArrayItems"])
    body = {"dealerUUIDList": list(range(limit + 8)), "customer": {"emails": [{"x": list(range(limit * 2))}]}}
    fuzz_hooks.keep_within_request_limits(body)
    assert body["dealerUUIDList"] == list(range(limit))  # the first items kept
    assert len(body["customer"]["emails"][0]["x"]) == limit
