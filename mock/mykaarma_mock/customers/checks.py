"""The rules of a save request that drop entries with warnings (D-PHONE-EMAIL) or fail it whole."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Generic, TypeVar

from mykaarma_core.contacts import (
    ADDRESS_TYPE_DERIVED,
    Drop,
    derived_address_type,
    email_drops,
    phone_drops,
)
from mykaarma_core.matching import (
    is_valid_vin,
    normalize_email,
    normalize_phone,
    normalize_vin,
)
from mykaarma_core.rules import is_missing, strip_blank

from ..documents import stored_document
from ..errors import INVALID, ApiError, ErrorItem, Notice, customer_warning
from ..spec import load_spec

# Cleaning phones and e-mails (D-PHONE-EMAIL)


@dataclass(frozen=True)
class PhoneIn:
    """A phone number that survived D-PHONE-EMAIL, in E.164."""

    e164: str
    #: The entry as sent, but its number (label, flags, comments, and any property the spec adds).
    document: Mapping[str, Any]


@dataclass(frozen=True)
class EmailIn:
    """An e-mail address that survived D-PHONE-EMAIL; stored as sent, matched lower-cased."""

    address: str
    normalized: str
    #: The entry as sent, but its address.
    document: Mapping[str, Any]


_T = TypeVar("_T")


@dataclass
class CleanedList(Generic[_T]):
    """The surviving items of a phone or e-mail list and whether any entry was sent at all."""

    items: list[_T] = field(default_factory=list)
    sent: bool = False


def _warnings(drops: Sequence[Drop]) -> list[Notice]:
    """The customer warnings of dropped entries (D-PHONE-EMAIL)."""
    outcome = {True: "it was ignored", False: "the entry was dropped"}
    return [customer_warning(d.warning, f"{d.reason}; {outcome[d.ignored]}", d.path) for d in drops]


def clean_phones(raw: Any, warnings: list[Notice]) -> CleanedList[PhoneIn]:
    """D-PHONE-EMAIL for ``customer.phoneNumbers``: drop bad entries with warnings 10010/10011/10015/10016.

    Every content problem of an entry is reported; an entry with any problem is dropped. When entries were
    sent but none survives, 10013 is added. The list-level warnings (10005, 10007) depend on create vs update
    and are added by the caller (D-LIST-REPLACEMENT).
    """
    result: CleanedList[PhoneIn] = CleanedList()
    if not isinstance(raw, list) or not raw:
        return result
    result.sent = True
    for index, entry in enumerate(raw):
        drops = phone_drops(entry, f"customer.phoneNumbers[{index}]")
        e164 = None if drops else normalize_phone(entry["phoneNumber"])
        if e164 is None:
            warnings.extend(_warnings(drops))
            continue
        result.items.append(PhoneIn(e164=e164, document=stored_document(entry, frozenset({"phoneNumber"}))))
    if not result.items:
        warnings.append(
            customer_warning(10013, "none of the phone numbers sent is valid", "customer.phoneNumbers")
        )
    return result


def clean_emails(raw: Any, warnings: list[Notice]) -> CleanedList[EmailIn]:
    """D-PHONE-EMAIL for ``customer.emails``: drop bad entries with warnings 10009/10012/10016, then 10014.

    A null or empty address and an address not of the form ``local@domain.tld`` are both 10012 (the message
    tells which); the label rule of phones (10016) applies to e-mails too.
    """
    result: CleanedList[EmailIn] = CleanedList()
    if not isinstance(raw, list) or not raw:
        return result
    result.sent = True
    for index, entry in enumerate(raw):
        drops = email_drops(entry, f"customer.emails[{index}]")
        normalized = None if drops else normalize_email(entry["emailAddress"])
        if normalized is None:
            warnings.extend(_warnings(drops))
            continue
        result.items.append(
            EmailIn(
                address=strip_blank(entry["emailAddress"]),
                normalized=normalized,
                document=stored_document(entry, frozenset({"emailAddress"})),
            )
        )
    if not result.items:
        warnings.append(
            customer_warning(10014, "none of the e-mail addresses sent is valid", "customer.emails")
        )
    return result


# Request checks that fail the whole request


def complete_addresses(raw: Any, warnings: list[Notice]) -> Any:
    """D-ADDRESS: ``customer.addresses`` with a `type` derived from ``addressType`` where none was sent
    (warning 20201 for each); any other value unchanged."""
    if not isinstance(raw, list):
        return raw
    completed: list[Any] = []
    for index, entry in enumerate(raw):
        derived = derived_address_type(entry)
        if derived is None:
            completed.append(entry)
            continue
        completed.append({**entry, "type": derived})
        warnings.append(
            customer_warning(
                ADDRESS_TYPE_DERIVED,
                f"the address has no type; {derived} was derived from addressType",
                f"customer.addresses[{index}].type",
            )
        )
    return completed


@cache
def _flags(schema: str) -> tuple[str, ...]:
    """The boolean properties (consent flags) of the spec's phone or e-mail schema."""
    properties: Mapping[str, Any] = load_spec().schema(schema).get("properties") or {}
    return tuple(name for name, node in properties.items() if node.get("type") == "boolean")


def check_request(body: Mapping[str, Any]) -> list[ErrorItem]:
    """Every rule of a save request that fails it with 400, each with its field path.

    The core already enforces these through the spec's JSON Schema and x-rules; they are repeated here so the
    handlers keep their rules when called directly (unit tests, other front ends):

    * D-NAMES: first and last name unless ``isBusiness`` with a company; company when ``isBusiness``.
    * D-PHONE-EMAIL: the consent flags of phone and e-mail entries are booleans.
    * D-ADDRESS: ``type``/``addressType`` agreement.
    * D-VEHICLE-IDENTITY: ``vin`` or all of year, make and model.
    * D-VIN: with ``validateVin``, 17 characters of ``[A-HJ-NPR-Z0-9]`` and a correct check digit, else
      ``INVALID_VIN`` naming ``vehicles[i].vin``.
    """
    problems: list[ErrorItem] = []
    customer: Mapping[str, Any] = body.get("customer") or {}
    is_business = customer.get("isBusiness") is True
    if is_business and is_missing(customer.get("company")):
        problems.append(ErrorItem(INVALID, "company is required when isBusiness is true", "customer.company"))
    if not (is_business and not is_missing(customer.get("company"))):
        for name in ("firstName", "lastName"):
            if is_missing(customer.get(name)):
                problems.append(
                    ErrorItem(
                        INVALID,
                        f"{name} is required unless isBusiness is true and company is given",
                        f"customer.{name}",
                    )
                )
    for key, flags in (("phoneNumbers", _flags("Phone")), ("emails", _flags("Email"))):
        for index, entry in enumerate(customer.get(key) or []):
            problems.extend(
                ErrorItem(INVALID, f"{flag} must be true or false", f"customer.{key}[{index}].{flag}")
                for flag in flags
                if isinstance(entry, Mapping) and not isinstance(entry.get(flag), bool)
            )
    for index, address in enumerate(customer.get("addresses") or []):
        kind, code = address.get("type"), address.get("addressType")
        if (kind in ("PRIMARY", "COMMON") and code != "P") or (kind == "BILLING" and code != "B"):
            problems.append(
                ErrorItem(
                    INVALID,
                    "addressType must be P for PRIMARY/COMMON and B for BILLING",
                    f"customer.addresses[{index}].addressType",
                )
            )
    validate_vin = body.get("validateVin") is True
    for index, vehicle in enumerate(body.get("vehicles") or []):
        vin = vehicle.get("vin")
        if is_missing(vin):
            if any(is_missing(vehicle.get(key)) for key in ("vehicleYear", "vehicleMake", "vehicleModel")):
                problems.append(
                    ErrorItem(
                        INVALID,
                        "a vehicle needs vin, or all of vehicleYear, vehicleMake and vehicleModel",
                        f"vehicles[{index}]",
                    )
                )
        elif validate_vin:
            normalized = normalize_vin(vin)
            if normalized is None or not is_valid_vin(normalized):
                problems.append(
                    ErrorItem(
                        "INVALID_VIN",
                        "VIN must be 17 characters of A-H, J-N, P, R-Z, 0-9 with a correct check digit",
                        f"vehicles[{index}].vin",
                    )
                )
    return problems


def fail_on(problems: Sequence[ErrorItem]) -> None:
    if problems:
        raise ApiError(400, list(problems))
