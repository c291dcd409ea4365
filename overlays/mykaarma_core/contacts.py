"""Why the server drops a phone or e-mail entry of a customer (D-PHONE-EMAIL), and the `type` it gives an
address sent without one (D-ADDRESS), written once.

The server keeps a save request whose phone or e-mail entries are unusable and drops those entries with a
warning; the client refuses them before sending instead (a silently dropped number is data loss). Both read
the reasons from here: `phone_drops` and `email_drops` list every reason an entry is dropped, each with its
field path, the customer warning code (facts §6.2) and a rule id.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from .matching import is_valid_phone_format, normalize_email, normalize_phone
from .rules import is_missing

__all__ = [
    "ADDRESS_TYPE_BY_CODE",
    "ADDRESS_TYPE_DERIVED",
    "Drop",
    "derived_address_type",
    "email_drops",
    "phone_drops",
]

#: D-ADDRESS: the `type` of an address sent without one, by its `addressType`; the server says so with
#: customer warning `ADDRESS_TYPE_DERIVED`.
ADDRESS_TYPE_BY_CODE: Final[Mapping[str, str]] = {"P": "PRIMARY", "B": "BILLING"}
ADDRESS_TYPE_DERIVED: Final = 20201


@dataclass(frozen=True)
class Drop:
    """One reason an entry is dropped: where, the warning code, a rule id, and why (no value quoted)."""

    path: str
    warning: int
    rule_id: str
    reason: str
    #: The whole entry is null: it is ignored rather than dropped.
    ignored: bool = False


def phone_drops(entry: Any, base: str) -> list[Drop]:
    """Every reason the phone `entry` at path `base` is dropped (none: it is kept, as `normalize_phone`)."""
    if entry is None:
        return [Drop(base, 10010, "phone-entry-null", "a phone entry was null", ignored=True)]
    if not isinstance(entry, Mapping):
        return [Drop(base, 10010, "phone-entry-not-object", "a phone entry was not an object", ignored=True)]
    found: list[Drop] = []
    number = entry.get("phoneNumber")
    if is_missing(number):
        found.append(Drop(f"{base}.phoneNumber", 10011, "phone-number-empty", "phoneNumber is null or empty"))
    elif not isinstance(number, str) or not is_valid_phone_format(number) or normalize_phone(number) is None:
        found.append(
            Drop(
                f"{base}.phoneNumber",
                10015,
                "phone-number-invalid",
                "phone number must look like +1310xxxxxxx",
            )
        )
    if is_missing(entry.get("label")):
        found.append(Drop(f"{base}.label", 10016, "phone-label-empty", "phone label is null or empty"))
    return found


def email_drops(entry: Any, base: str) -> list[Drop]:
    """Every reason the e-mail `entry` at path `base` is dropped (none: it is kept, as `normalize_email`)."""
    if entry is None:
        return [Drop(base, 10009, "email-entry-null", "an e-mail entry was null", ignored=True)]
    if not isinstance(entry, Mapping):
        return [
            Drop(base, 10009, "email-entry-not-object", "an e-mail entry was not an object", ignored=True)
        ]
    found: list[Drop] = []
    address = entry.get("emailAddress")
    if is_missing(address):
        found.append(
            Drop(f"{base}.emailAddress", 10012, "email-address-empty", "emailAddress is null or empty")
        )
    elif not isinstance(address, str) or normalize_email(address) is None:
        found.append(
            Drop(
                f"{base}.emailAddress",
                10012,
                "email-address-invalid",
                "emailAddress is not of the form local@domain.tld",
            )
        )
    if is_missing(entry.get("label")):
        found.append(Drop(f"{base}.label", 10016, "email-label-empty", "e-mail label is null or empty"))
    return found


def derived_address_type(entry: Any) -> str | None:
    """The `type` D-ADDRESS gives an address `entry` sent without one (from its `addressType`), else None."""
    if not isinstance(entry, Mapping) or "type" in entry:
        return None
    code = entry.get("addressType")
    return ADDRESS_TYPE_BY_CODE.get(code) if isinstance(code, str) else None
