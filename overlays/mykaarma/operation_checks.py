"""The operations' own checks of a request body, beyond the spec's schema and x-rules.

Each ``check_*`` is a `Check` that `mykaarma.validation.validate_body` runs after the schema: phone numbers
normalised to E.164 with ``phonenumbers`` (US default region) and the entries the server would drop
(`mykaarma_core.contacts`), VIN check digits when ``validateVin`` is set, dealer/department consistency of
trips (D-CONSISTENCY), appointment ends after starts (D-END-TIME) and real calendar dates and times (D-TIME).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any, Final

import phonenumbers

from mykaarma_core.contacts import Drop, email_drops, phone_drops
from mykaarma_core.matching import is_valid_phone_format, is_valid_vin, normalize_phone, normalize_vin
from mykaarma_core.rules import is_blank, present_text
from mykaarma_core.times import (
    DATE_FORMAT,
    DATE_RE,
    LOCAL_DATETIME_RE,
    LOCAL_FORMAT,
    TRIP_FORMAT,
    TRIP_TIME_RE,
    end_of,
    is_impossible,
    parsed,
)

from ._exceptions import Problem

__all__ = [
    "Check",
    "check_create_with_trip",
    "check_delete_with_trip",
    "check_save_customer",
    "check_update_with_trip",
    "to_e164",
]

DEFAULT_REGION: Final = "US"

#: An operation's own check of a body's JSON form: may normalise it in place, returns its problems.
Check = Callable[[dict[str, Any]], list[Problem]]


# -- customers -----------------------------------------------------------------------------------------------


def to_e164(number: str, region: str = DEFAULT_REGION) -> str | None:
    """`number` in E.164 form (``+13105550147``), or None when ``phonenumbers`` finds it invalid.

    A number the server takes as it is (D-PHONE-EMAIL: ``+1`` and 10 digits, `is_valid_phone_format`) is
    normalised the server's way; anything else is read by ``phonenumbers``, in `region` (US by default) when
    it has no country code, so ``(310) 555-0147`` works.
    """
    if is_valid_phone_format(number):
        return normalize_phone(number)
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


_ABROAD: Final = "is a valid number outside North America, but the server takes only +1 numbers"


def _drop_problems(drops: Sequence[Drop], *, abroad: bool = False) -> list[Problem]:
    """The problems of dropped entries; `abroad`: the phone is valid elsewhere, which the reason then says."""
    outcome = {True: "ignore the entry", False: "drop the entry"}
    return [
        Problem(
            d.path,
            f"{_ABROAD if abroad and d.rule_id == 'phone-number-invalid' else d.reason};"
            f" the server would {outcome[d.ignored]} (warning {d.warning})",
            d.rule_id,
        )
        for d in drops
    ]


def _phone_problems(phones: Any, base: str) -> list[Problem]:
    """Normalise every phone of `phones` to E.164 in place (`to_e164`); report the ones the server would
    drop (`mykaarma_core.contacts`). Entries that are not objects are left to the schema check."""
    if not isinstance(phones, list):
        return []
    found: list[Problem] = []
    for index, item in enumerate(phones):
        abroad = False
        if isinstance(item, dict) and isinstance(item.get("phoneNumber"), str):
            e164 = to_e164(item["phoneNumber"])
            if e164 is not None:
                item["phoneNumber"] = e164
                abroad = not is_valid_phone_format(e164)
        if item is None or isinstance(item, dict):
            found += _drop_problems(phone_drops(item, f"{base}[{index}]"), abroad=abroad)
    return found


def _email_problems(emails: Any, base: str) -> list[Problem]:
    """The e-mail entries the server would drop (`mykaarma_core.contacts`); addresses are sent as given."""
    if not isinstance(emails, list):
        return []
    found: list[Problem] = []
    for index, item in enumerate(emails):
        if item is None or isinstance(item, dict):
            found += _drop_problems(email_drops(item, f"{base}[{index}]"))
    return found


def _vin_problems(body: Mapping[str, Any]) -> list[Problem]:
    """D-VIN: with ``validateVin`` a bad VIN fails the whole request on the server; catch it here."""
    vehicles = body.get("vehicles")
    if body.get("validateVin") is not True or not isinstance(vehicles, list):
        return []
    found: list[Problem] = []
    for index, vehicle in enumerate(vehicles):
        raw = vehicle.get("vin") if isinstance(vehicle, Mapping) else None
        if present_text(raw) is None:
            continue
        vin = normalize_vin(raw)
        if vin is None or not is_valid_vin(vin):
            message = (
                f"{raw!r} is not a valid VIN (17 characters of A-H, J-N, P, R-Z and 0-9 with a correct check "
                "digit at position 9); with validateVin the server refuses the whole request"
            )
            found.append(Problem(f"vehicles[{index}].vin", message, "vin-check-digit"))
    return found


def check_save_customer(body: dict[str, Any]) -> list[Problem]:
    """SaveCustomerRequest: phones to E.164 (in place), unusable phones/e-mails/labels, VIN check digits."""
    customer = body.get("customer")
    found: list[Problem] = []
    if isinstance(customer, dict):
        found += _phone_problems(customer.get("phoneNumbers"), "customer.phoneNumbers")
        found += _email_problems(customer.get("emails"), "customer.emails")
    return found + _vin_problems(body)


# -- appointments with trip ----------------------------------------------------------------------------------


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _real_time(value: Any, shape: re.Pattern[str], fmt: str, path: str) -> list[Problem]:
    """A value of the right shape (the schema reports a wrong one) that is not a real date or time."""
    if is_impossible(value, shape, fmt):
        return [Problem(path, "is not a real date and time (D-TIME)", "time-valid")]
    return []


def _event_problems(dealer_uuid: str, wrapper: Mapping[str, Any], base: str) -> list[Problem]:
    """D-CONSISTENCY (dealer and department of the event) and D-TIME (a real trip time)."""
    event = wrapper.get("pickupDeliveryTripEvent")
    if not isinstance(event, Mapping):
        return []
    path = f"{base}.pickupDeliveryTripEvent"
    found: list[Problem] = []
    dealer = event.get("dealerUUID")
    if isinstance(dealer, str) and dealer != dealer_uuid:
        message = f"must equal the dealer of the call ({dealer_uuid}); got {dealer!r} (D-CONSISTENCY)"
        found.append(Problem(f"{path}.dealerUUID", message, "trip-dealer-consistency"))
    department = event.get("dealerDepartmentUUID")
    listed = wrapper.get("dealerDepartmentUUIDList")
    if isinstance(department, str) and isinstance(listed, list) and department not in listed:
        message = f"must contain the event's dealerDepartmentUUID {department!r} (D-CONSISTENCY)"
        found.append(Problem(f"{base}.dealerDepartmentUUIDList", message, "trip-department-consistency"))
    found += _real_time(event.get("appointmentTime"), TRIP_TIME_RE, TRIP_FORMAT, f"{path}.appointmentTime")
    return found


def _end_after_start(start: datetime | None, end: datetime | None, path: str) -> list[Problem]:
    if start is not None and end is not None and end_of(start, end) is None:
        return [
            Problem(
                path, "the appointment must end after it starts (D-END-TIME)", "appointment-end-after-start"
            )
        ]
    return []


def check_create_with_trip(dealer_uuid: str) -> Check:
    """The checks of SaveAppointmentWithTripRequest for a create at `dealer_uuid`."""

    def check(body: dict[str, Any]) -> list[Problem]:
        wrapper_key = "savePickupDeliveryTripEventRequest"
        found = _event_problems(dealer_uuid, _mapping(body.get(wrapper_key)), wrapper_key)
        base = "createAppointmentWithTripRequest.appointmentInformation"
        info = _mapping(_mapping(body.get("createAppointmentWithTripRequest")).get("appointmentInformation"))
        for key in ("appointmentStartDateTime", "appointmentEndDateTime"):
            found += _real_time(info.get(key), LOCAL_DATETIME_RE, LOCAL_FORMAT, f"{base}.{key}")
        start = parsed(info.get("appointmentStartDateTime"), LOCAL_DATETIME_RE, LOCAL_FORMAT)
        end = parsed(info.get("appointmentEndDateTime"), LOCAL_DATETIME_RE, LOCAL_FORMAT)
        return found + _end_after_start(start, end, f"{base}.appointmentEndDateTime")

    return check


def check_update_with_trip(dealer_uuid: str, *, enforce_preferences: bool = False) -> Check:
    """The checks of UpdateAppointmentWithTripRequest at `dealer_uuid` (the ``x-rules`` cover the scenarios).

    With `enforce_preferences` the server ignores a sent end time, so it is not compared with the start.
    """

    def check(body: dict[str, Any]) -> list[Problem]:
        wrapper_key = "updatePickupDeliveryTripEventRequest"
        found = _event_problems(dealer_uuid, _mapping(body.get(wrapper_key)), wrapper_key)
        base = "updateAppointmentForTripRequest.appointmentInformation"
        info = _mapping(_mapping(body.get("updateAppointmentForTripRequest")).get("appointmentInformation"))
        date = info.get("appointmentDate")
        found += _real_time(date, DATE_RE, DATE_FORMAT, f"{base}.appointmentDate")
        if not isinstance(date, str) or parsed(date, DATE_RE, DATE_FORMAT) is None:
            return found
        start = parsed(f"{date}T{info.get('appointmentStartTime')}", LOCAL_DATETIME_RE, LOCAL_FORMAT)
        end = parsed(f"{date}T{info.get('appointmentEndTime')}", LOCAL_DATETIME_RE, LOCAL_FORMAT)
        if enforce_preferences:
            return found
        return found + _end_after_start(start, end, f"{base}.appointmentEndTime")

    return check


def check_delete_with_trip(dealer_uuid: str) -> Check:
    """DeleteAppointmentWithTripRequest: a sent, non-blank ``dealerUuid`` is the dealer of the call
    (D-CONSISTENCY)."""

    def check(body: dict[str, Any]) -> list[Problem]:
        dealer = body.get("dealerUuid")
        if isinstance(dealer, str) and not is_blank(dealer) and dealer != dealer_uuid:
            message = f"must equal the dealer of the call ({dealer_uuid}); got {dealer!r} (D-CONSISTENCY)"
            return [Problem("dealerUuid", message, "delete-dealer-consistency")]
        return []

    return check
