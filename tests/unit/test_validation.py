"""Pre-flight validation (`mykaarma.validation`): structure, x-rules, phones, VINs, trip consistency."""

from __future__ import annotations

import copy
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

import mykaarma_api.models
from mykaarma._exceptions import Problem, ValidationError
from mykaarma.validation import (
    Check,
    check_create_with_trip,
    check_delete_with_trip,
    check_save_customer,
    check_update_with_trip,
    from_json,
    prepare,
    prepare_body,
    rule_problems,
    schema_problems,
    schemas,
    to_e164,
    validate_body,
)
from mykaarma_api.models import (
    CustomerInput,
    Phone,
    SaveCustomerRequest,
    UpdateAppointmentWithTripRequest,
    VehicleInput,
)
from mykaarma_mock.customers import clean_phones
from mykaarma_mock.errors import Notice
from tests.spec._spec import body_examples, schema_name

DEALER = "5b4a3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d"
DEPARTMENT = "9f8a6c1e-2b7d-4c1a-9e3f-5d6b7a8c9d01"
VIN = "1HGCM82633A004352"
NEGATIVE = yaml.safe_load(
    (Path(__file__).resolve().parents[1] / "spec" / "negative_examples.yaml").read_text(encoding="utf-8")
)
CHECKS: dict[str, Callable[[], Check]] = {
    "SaveCustomerRequest": lambda: check_save_customer,
    "SaveAppointmentWithTripRequest": lambda: check_create_with_trip(DEALER),
    "UpdateAppointmentWithTripRequest": lambda: check_update_with_trip(DEALER),
    "DeleteAppointmentWithTripRequest": lambda: check_delete_with_trip(DEALER),
}
REQUEST_EXAMPLES = [example for example in body_examples() if "-request-" in example.test_id]


def phone(number: Any = "+13105550147", label: Any = "cell") -> dict[str, Any]:
    return {"phoneNumber": number, "label": label, "okToCall": True, "okToText": True, "isPreferred": True}


def email(address: Any = "jane@example.com", label: Any = "home") -> dict[str, Any]:
    return {"emailAddress": address, "label": label, "okToEmail": True, "isPreferred": True}


def customer_body(**customer: Any) -> dict[str, Any]:
    return {"customer": {"firstName": "Jane", "lastName": "Doe", **customer}}


def event(**changes: Any) -> dict[str, Any]:
    base = {
        "appointmentTime": "2024-10-26T09:15:00-0700",
        "rideType": "PICKUP_VEHICLE",
        "customerUUID": "c-1",
        "dealerUUID": DEALER,
        "dealerDepartmentUUID": DEPARTMENT,
        "assignedByDealerAssociateUUID": "a-1",
    }
    base.update(changes)
    return base


def create_body(trip_event: dict[str, Any] | None = None, **info: Any) -> dict[str, Any]:
    return {
        "savePickupDeliveryTripEventRequest": {
            "pickupDeliveryTripEvent": trip_event or event(),
            "requesterUserUUID": "a-1",
            "dealerDepartmentUUIDList": [DEPARTMENT],
        },
        "createAppointmentWithTripRequest": {
            "customerUuid": "c-1",
            "vehicleInformation": {"vin": VIN},
            "appointmentInformation": {"appointmentStartDateTime": "2024-10-26T10:00:00", **info},
        },
    }


def update_body(trip_event: dict[str, Any] | None, trip_uuid: str | None, **info: Any) -> dict[str, Any]:
    metadata = {} if trip_uuid is None else {"tripUUID": trip_uuid}
    return {
        "updatePickupDeliveryTripEventRequest": {
            "pickupDeliveryTripEvent": trip_event,
            "requesterUserUUID": "a-1",
            "dealerDepartmentUUIDList": [DEPARTMENT],
        },
        "updateAppointmentForTripRequest": {
            "appointmentInformation": {
                "appointmentDate": "2024-10-26",
                "appointmentStartTime": "10:00:00",
                **info,
            },
            "pickupDeliveryTripMetadata": metadata,
        },
    }


def where(problems: list[Problem]) -> set[tuple[str, str | None]]:
    return {(problem.path, problem.rule_id) for problem in problems}


# -- the spec itself -----------------------------------------------------------------------------------------


def test_schemas_are_read_from_package_data_once() -> None:
    assert schemas() is schemas()
    assert "SaveCustomerRequest" in schemas()
    assert schemas()["UpdateAppointmentWithTripRequest"]["x-rules"]


@pytest.mark.parametrize("example", REQUEST_EXAMPLES, ids=lambda example: example.test_id)
def test_every_request_example_of_the_spec_passes(example: Any) -> None:
    name = schema_name(example.schema)
    check = CHECKS[name]() if name in CHECKS else None
    assert validate_body(name, copy.deepcopy(example.value), check) == []


@pytest.mark.parametrize("example", REQUEST_EXAMPLES, ids=lambda example: example.test_id)
def test_a_checked_body_sends_what_the_attrs_model_would(example: Any) -> None:
    """`prepare_body` sends the checked JSON without the model round trip; the bytes must not differ."""
    name = schema_name(example.schema)
    model = getattr(mykaarma_api.models, name)
    check = CHECKS[name]() if name in CHECKS else None
    body = prepare_body(model, copy.deepcopy(example.value), check=check)
    assert body.to_dict() == model.from_dict(body.to_dict()).to_dict()
    assert body.model.to_dict() == body.to_dict()
    assert prepare(model, copy.deepcopy(example.value), check=check).to_dict() == body.to_dict()


def test_a_body_never_shares_the_callers_dict() -> None:
    given = customer_body(phoneNumbers=[phone("(310) 555-0147")])
    body = prepare_body(SaveCustomerRequest, given, check=check_save_customer)
    assert body.to_dict()["customer"]["phoneNumbers"][0]["phoneNumber"] == "+13105550147"
    assert given["customer"]["phoneNumbers"][0]["phoneNumber"] == "(310) 555-0147"  # caller untouched
    unchecked = prepare_body(SaveCustomerRequest, {**given, "unknownKey": 1}, validate=False)
    assert "unknownKey" not in unchecked.to_dict()  # unchecked dicts still go through the model


@pytest.mark.parametrize("case", NEGATIVE["cases"], ids=lambda case: case["name"])
def test_every_negative_example_is_reported_at_its_path(case: dict[str, Any]) -> None:
    problems = rule_problems(case["schema"], case["value"])
    assert (case["path"], case["rule"]) in where(problems)


# -- structure ----------------------------------------------------------------------------------------------


def test_structure_problems_name_every_field() -> None:
    body = customer_body(
        preferredLocale="EN-US",
        isBusiness="no",
        **{"undeclared-property": "JD"},  # a name no spec change can add (not an identifier)
        customerKey="k" * 65,
        phoneNumbers=[{"phoneNumber": "+13105550147"}],
    )
    body["vehicles"] = [{"vin": 17}]
    found = where(schema_problems("SaveCustomerRequest", body))
    assert found == {
        ("customer.preferredLocale", "schema.enum"),
        ("customer.isBusiness", "schema.type"),
        ("customer.undeclared-property", "schema.unknown"),
        ("customer.customerKey", "schema.maxLength"),
        ("customer.phoneNumbers[0].label", "schema.required"),
        ("customer.phoneNumbers[0].okToCall", "schema.required"),
        ("customer.phoneNumbers[0].okToText", "schema.required"),
        ("customer.phoneNumbers[0].isPreferred", "schema.required"),
        ("vehicles[0].vin", "schema.type"),
    }


def test_missing_top_level_key_and_nullable_object_branch() -> None:
    assert where(schema_problems("SaveCustomerRequest", {})) == {("customer", "schema.required")}
    body = update_body({"rideType": "PICKUP_VEHICLE"}, "t-1")
    found = where(schema_problems("UpdateAppointmentWithTripRequest", body))
    prefix = "updatePickupDeliveryTripEventRequest.pickupDeliveryTripEvent"
    assert (f"{prefix}.appointmentTime", "schema.required") in found
    assert (f"{prefix}.dealerUUID", "schema.required") in found


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("appointmentTime", "2024-10-26T09:15:00-07:00"),  # offset with a colon (D-TIME)
        ("appointmentTime", "2024-10-26 09:15:00-0700"),
        ("appointmentTime", "2024-10-26T09:15:00"),
    ],
)
def test_trip_time_pattern(field: str, value: str) -> None:
    body = update_body(event(**{field: value}), None)
    found = where(validate_body("UpdateAppointmentWithTripRequest", body))
    assert (
        f"updatePickupDeliveryTripEventRequest.pickupDeliveryTripEvent.{field}",
        "schema.pattern",
    ) in found


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("appointmentDate", "26/10/2024"),
        ("appointmentStartTime", "10:00"),
        ("appointmentEndTime", "24:00:00"),
    ],
)
def test_appointment_time_patterns(field: str, value: str) -> None:
    body = update_body(event(), None, **{field: value})
    found = where(validate_body("UpdateAppointmentWithTripRequest", body))
    assert (f"updateAppointmentForTripRequest.appointmentInformation.{field}", "schema.pattern") in found


def test_create_start_pattern_and_blank_ids() -> None:
    body = create_body(appointmentStartDateTime="2024-10-26T10:00:00Z")
    body["savePickupDeliveryTripEventRequest"]["dealerDepartmentUUIDList"] = []
    found = where(validate_body("SaveAppointmentWithTripRequest", body))
    assert (
        "createAppointmentWithTripRequest.appointmentInformation.appointmentStartDateTime",
        "schema.pattern",
    ) in found
    assert ("savePickupDeliveryTripEventRequest.dealerDepartmentUUIDList", "schema.minItems") in found


def test_all_problems_are_reported_together() -> None:
    body = customer_body(firstName=" ", preferredCommunication="SMS", phoneNumbers=[phone("12")])
    body["vehicles"] = [{"vehicleMake": "Honda"}]
    with pytest.raises(ValidationError) as caught:
        prepare(SaveCustomerRequest, body, check=check_save_customer)
    assert where(caught.value.problems) == {
        ("customer.firstName", "customer-person-name"),
        ("customer.lastName", "customer-person-name"),  # the rule names both of its fields
        ("customer.preferredCommunication", "schema.enum"),
        ("customer.phoneNumbers[0].phoneNumber", "phone-number-invalid"),
        ("vehicles[0].vin", "vehicle-identity"),
    }
    assert "5 problems found before sending" in str(caught.value)


# -- phones, e-mails, VINs -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("+13105550147", "+13105550147"),
        ("3105550147", "+13105550147"),
        ("(310) 555-0147", "+13105550147"),
        ("1-310-555-0147", "+13105550147"),
        ("+44 20 7946 0000", "+442079460000"),
        ("12345", None),
        ("not a number", None),
    ],
)
def test_to_e164(raw: str, expected: str | None) -> None:
    assert to_e164(raw) == expected


def test_the_client_takes_every_number_the_server_takes_as_the_server_does() -> None:
    """D-PHONE-EMAIL: ``+1`` and 10 digits is the server's rule; the client neither refuses nor changes such a
    number (``+11234567890`` too, though no area code starts with 1), and reads anything else with
    ``phonenumbers``. The mock keeps exactly what the client sends."""
    generator = random.Random(20261123)
    numbers = [f"+1{generator.randint(1_000_000_000, 9_999_999_999)}" for _ in range(2_000)]
    numbers += ["+11234567890", "+1 (310) 555-0147", "+1.213.555.0100"]
    kept: list[Notice] = []
    for number in numbers:
        e164 = to_e164(number)
        assert e164 == "+1" + "".join(char for char in number[2:] if char.isdigit()), number
        [stored] = clean_phones([phone(e164)], kept).items
        assert stored.e164 == e164, number
    assert kept == []
    assert to_e164("(310) 555-0147") == "+13105550147"  # read by phonenumbers in the US region
    assert to_e164("020 7946 0018") is None  # not a number of the region


def test_phones_are_normalised_to_e164_in_what_is_sent() -> None:
    body = customer_body(phoneNumbers=[phone("(310) 555-0147"), phone("213.555.0100")])
    request = prepare(SaveCustomerRequest, body, check=check_save_customer)
    assert isinstance(request.customer.phone_numbers, list)
    numbers = [item.phone_number for item in request.customer.phone_numbers if isinstance(item, Phone)]
    assert numbers == ["+13105550147", "+12135550100"]
    assert (
        body["customer"]["phoneNumbers"][0]["phoneNumber"] == "(310) 555-0147"
    )  # the caller's dict is untouched


def test_phone_and_email_entries_the_server_would_drop() -> None:
    body = customer_body(
        phoneNumbers=[phone("+44 20 7946 0000"), phone(""), phone(label=" "), None],
        emails=[email("jane@localhost"), email(None), email(label=""), None],
    )
    assert where(validate_body("SaveCustomerRequest", body, check_save_customer)) == {
        ("customer.phoneNumbers[0].phoneNumber", "phone-number-invalid"),
        ("customer.phoneNumbers[1].phoneNumber", "phone-number-empty"),
        ("customer.phoneNumbers[2].label", "phone-label-empty"),
        ("customer.phoneNumbers[3]", "phone-entry-null"),
        ("customer.emails[0].emailAddress", "email-address-invalid"),
        ("customer.emails[1].emailAddress", "email-address-empty"),
        ("customer.emails[2].label", "email-label-empty"),
        ("customer.emails[3]", "email-entry-null"),
    }


def test_validate_false_sends_phones_as_given() -> None:
    body = customer_body(phoneNumbers=[phone("12")])
    request = prepare(SaveCustomerRequest, body, validate=False)
    assert isinstance(request.customer.phone_numbers, list)
    first = request.customer.phone_numbers[0]
    assert isinstance(first, Phone)
    assert first.phone_number == "12"


def test_vin_check_digit_only_with_validate_vin() -> None:
    body = customer_body()
    body["vehicles"] = [{"vin": VIN}, {"vin": "1hgcm82633a004352"}, {"vin": "1HGCM82633A004353"}]
    assert validate_body("SaveCustomerRequest", copy.deepcopy(body), check_save_customer) == []
    body["validateVin"] = True
    found = where(validate_body("SaveCustomerRequest", body, check_save_customer))
    assert found == {("vehicles[2].vin", "vin-check-digit")}


# -- appointments with trip ----------------------------------------------------------------------------------


def test_trip_event_must_name_the_dealer_of_the_call_and_a_listed_department() -> None:
    body = create_body(event(dealerUUID="other-dealer", dealerDepartmentUUID="other-department"))
    found = where(validate_body("SaveAppointmentWithTripRequest", body, check_create_with_trip(DEALER)))
    assert found == {
        ("savePickupDeliveryTripEventRequest.pickupDeliveryTripEvent.dealerUUID", "trip-dealer-consistency"),
        ("savePickupDeliveryTripEventRequest.dealerDepartmentUUIDList", "trip-department-consistency"),
    }


@pytest.mark.parametrize("end", ["2024-10-26T10:00:00", "2024-10-26T09:59:59"])
def test_create_end_must_follow_start(end: str) -> None:
    body = create_body(appointmentEndDateTime=end)
    found = where(validate_body("SaveAppointmentWithTripRequest", body, check_create_with_trip(DEALER)))
    path = "createAppointmentWithTripRequest.appointmentInformation.appointmentEndDateTime"
    assert found == {(path, "appointment-end-after-start")}


def test_update_end_must_follow_start_unless_preferences_are_enforced() -> None:
    body = update_body(event(), None, appointmentEndTime="09:00:00")
    path = "updateAppointmentForTripRequest.appointmentInformation.appointmentEndTime"
    check = check_update_with_trip(DEALER)
    assert where(validate_body("UpdateAppointmentWithTripRequest", copy.deepcopy(body), check)) == {
        (path, "appointment-end-after-start")
    }
    relaxed = check_update_with_trip(DEALER, enforce_preferences=True)
    assert validate_body("UpdateAppointmentWithTripRequest", body, relaxed) == []


def test_dates_that_do_not_exist() -> None:
    body = update_body(event(appointmentTime="2024-02-30T09:15:00-0700"), None, appointmentDate="2023-02-29")
    found = where(validate_body("UpdateAppointmentWithTripRequest", body, check_update_with_trip(DEALER)))
    # The spec's patterns admit real calendar dates only (D-TIME): the schema refuses them, and the
    # operation check's own "time-valid" is not listed again for a field the schema refused.
    assert found == {
        ("updatePickupDeliveryTripEventRequest.pickupDeliveryTripEvent.appointmentTime", "schema.pattern"),
        ("updateAppointmentForTripRequest.appointmentInformation.appointmentDate", "schema.pattern"),
    }


def test_both_null_update_is_a_rule_problem() -> None:
    found = where(validate_body("UpdateAppointmentWithTripRequest", update_body(None, None)))
    assert found == {
        ("updatePickupDeliveryTripEventRequest.pickupDeliveryTripEvent", "trip-scenario-not-both-null"),
        (
            "updateAppointmentForTripRequest.pickupDeliveryTripMetadata.tripUUID",
            "trip-scenario-not-both-null",
        ),
    }


def test_update_scenario_needs_matching_event_uuid() -> None:
    body = update_body(event(eventUUID="t-2"), "t-1")
    found = where(validate_body("UpdateAppointmentWithTripRequest", body))
    assert found == {
        ("updatePickupDeliveryTripEventRequest.pickupDeliveryTripEvent.eventUUID", "trip-update-uuids-agree")
    }


def test_delete_dealer_must_be_the_dealer_of_the_call() -> None:
    body = {
        "tripUuid": "t-1",
        "appointmentUuid": "s-1",
        "dealerDepartmentUUIDList": [DEPARTMENT],
        "updatedByDAUUID": "a-1",
        "updatedByDeptUUID": DEPARTMENT,
        "dealerUuid": "other",
    }
    found = where(validate_body("DeleteAppointmentWithTripRequest", body, check_delete_with_trip(DEALER)))
    assert found == {
        ("requesterUuid", "delete-requester-required"),
        ("dealerUuid", "delete-dealer-consistency"),
    }


# -- from input to model -----------------------------------------------------------------------------------


def test_models_and_dicts_give_the_same_request() -> None:
    model = SaveCustomerRequest(
        customer=CustomerInput(first_name="Jane", last_name="Doe"), vehicles=[VehicleInput(vin=VIN)]
    )
    from_model = prepare(SaveCustomerRequest, model)
    from_dict = prepare(SaveCustomerRequest, model.to_dict())
    assert from_model == from_dict


def test_validate_false_returns_a_model_untouched() -> None:
    model = SaveCustomerRequest(customer=CustomerInput(first_name=" "))
    assert prepare(SaveCustomerRequest, model, validate=False) is model
    with pytest.raises(ValidationError):
        prepare(SaveCustomerRequest, model)


def test_a_dict_that_does_not_fit_names_the_field_even_without_validation() -> None:
    with pytest.raises(ValidationError) as caught:
        prepare(SaveCustomerRequest, {"customer": {"preferredLocale": "EN"}}, validate=False)
    assert where(caught.value.problems) == {("customer.preferredLocale", "schema.enum")}
    with pytest.raises(ValidationError) as caught:
        prepare(SaveCustomerRequest, {"vehicles": []}, validate=False)
    assert where(caught.value.problems) == {("customer", "schema.required")}
    # a nested item the generated parser would silently keep as a raw dict
    with pytest.raises(ValidationError) as caught:
        from_json(SaveCustomerRequest, {"customer": {}, "vehicles": [{"vin": VIN, "unknown": 1}, "x"]})
    assert ("vehicles[1]", "schema.type") in where(caught.value.problems)


def test_wrong_input_type() -> None:
    with pytest.raises(ValidationError) as caught:
        prepare(UpdateAppointmentWithTripRequest, ["not", "a", "body"])  # type: ignore[arg-type]
    assert caught.value.problems == [
        Problem("", "must be a UpdateAppointmentWithTripRequest or a dict, not list", "schema.type")
    ]


def test_a_valid_number_abroad_is_named_as_such_without_quoting_it() -> None:
    entry = {"label": "work", "okToCall": True, "okToText": True, "isPreferred": True}
    body = {"customer": {"phoneNumbers": [{**entry, "phoneNumber": "+44 20 7946 0958"}]}}
    [problem] = check_save_customer(body)
    assert problem.rule_id == "phone-number-invalid"
    assert "outside North America" in problem.message
    assert "7946" not in problem.message  # the number itself is personal data


@pytest.mark.parametrize("blank", ["", " ", "\u3000", None])
def test_a_blank_delete_dealer_is_as_if_not_sent(blank: str | None) -> None:
    """D-CONSISTENCY: the body's `dealerUuid` is checked when sent; blank is not sent (the mock agrees)."""
    body = {
        "tripUuid": "t-1",
        "appointmentUuid": "s-1",
        "dealerDepartmentUUIDList": [DEPARTMENT],
        "updatedByDAUUID": "a-1",
        "updatedByDeptUUID": DEPARTMENT,
        "requesterUuid": "a-1",
        "dealerUuid": blank,
    }
    assert (
        where(validate_body("DeleteAppointmentWithTripRequest", body, check_delete_with_trip(DEALER)))
        == set()
    )
