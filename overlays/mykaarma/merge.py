"""Keep what is stored: the update that adds a body's data to a stored customer and deletes nothing.

An update replaces the stored phone and e-mail lists with the ones it carries, an absent list included, and a
present address list replaces the stored one (D-LIST-REPLACEMENT). `merge` builds, from the stored customer
(a read or search result) and an incoming SaveCustomerRequest body, the update body under which nothing the
body did not mention disappears:

* a field the body leaves blank keeps its stored value (sent back as stored), and a name equal to the stored
  one but for case, spacing or Unicode form (as matching compares names) keeps its stored spelling;
* lists are merged: an incoming entry for a stored number, address or e-mail updates that entry (its number
  or address stays as stored), a new one is added, and every stored entry the body does not mention is
  sent back as it is. An entry field listed in `defaulted` (a value the caller filled in, not one it was
  given) does not overwrite a stored one, and a defaulted ``isPreferred`` never makes a second preferred
  entry;
* a vehicle without VIN, uuid or key is the stored vehicle with the same year, make and model.

With `replace_lists` the body's lists are sent as they are (the API's own semantics) and `Merged.deleted`
counts the stored entries that go. The field names come from the spec's schemas (`mykaarma_api/schemas.json`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from mykaarma_core.matching import normalize_email, normalize_name, normalize_phone, normalize_vin
from mykaarma_core.rules import is_missing
from mykaarma_core.rules import present_text as _text

from .identity import address_key
from .validation import schemas

__all__ = ["MergeError", "Merged", "merge"]

#: The lists of CustomerInput, their item schema and how an item is recognised in the stored list.
_KEY: Mapping[str, tuple[str, Callable[[Mapping[str, Any]], Any]]] = {
    "phoneNumbers": ("phoneNumber", lambda item: normalize_phone(_text(item.get("phoneNumber")))),
    "emails": ("emailAddress", lambda item: normalize_email(_text(item.get("emailAddress")))),
    "addresses": ("line1", address_key),
}
#: What the server matches a vehicle by, besides year, make and model (D-LIST-REPLACEMENT).
_VEHICLE_IDS = ("vehicleUuid", "vin", "vehicleKey")
_BODY_EXTRAS = ("vehicles", "validateVin", "requesterUserUUID", "dealerUUIDList")
#: Fields compared as names by the matching (D-MATCHING): the stored spelling of an equal name stays.
_NAMES = ("firstName", "lastName", "company")


class MergeError(ValueError):
    """The merged customer would break a limit of the spec (e.g. more list entries than `maxItems`)."""


@dataclass(frozen=True)
class Merged:
    """The update body, whether it changes the stored customer, and what it keeps or deletes per list."""

    body: dict[str, Any]
    changed: bool
    kept: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)


def _blank(value: Any) -> bool:
    return is_missing(value) or value == {}


@functools.cache
def _properties(schema: str) -> tuple[str, ...]:
    return tuple(schemas()[schema]["properties"])


@functools.cache
def _list_schema(name: str) -> tuple[str, int | None]:
    """(item schema name, maxItems) of a list of CustomerInput."""
    spec = schemas()["CustomerInput"]["properties"][name]
    items = spec["items"]
    ref = next((branch["$ref"] for branch in items.get("anyOf", [items]) if "$ref" in branch), "")
    return ref.rsplit("/", 1)[-1], spec.get("maxItems")


def _only(entry: Mapping[str, Any], names: Sequence[str]) -> dict[str, Any]:
    return {name: entry[name] for name in names if name in entry}


def _items(value: Any) -> list[Mapping[str, Any]]:
    return [item for item in value if isinstance(item, Mapping)] if isinstance(value, list) else []


def _merge_list(
    name: str, stored: list[dict[str, Any]], incoming: list[Mapping[str, Any]], defaulted: frozenset[str]
) -> list[dict[str, Any]]:
    """The stored entries updated by the incoming ones, then the incoming ones that are new."""
    identifier, key_of = _KEY[name]
    merged = [dict(entry) for entry in stored]
    position = {key: index for index, entry in enumerate(merged) if (key := key_of(entry)) is not None}
    has_preferred = any(entry.get("isPreferred") is True for entry in merged)
    for index, entry in enumerate(incoming):
        given = {f: v for f, v in entry.items() if f"customer.{name}[{index}].{f}" not in defaulted}
        key = key_of(entry)
        if key is not None and key in position:
            target = merged[position[key]]
            target.update({f: v for f, v in given.items() if f != identifier})
            continue
        added = dict(entry)
        if has_preferred and f"customer.{name}[{index}].isPreferred" in defaulted:
            added["isPreferred"] = False
        merged.append(added)
        if key is not None:
            position[key] = len(merged) - 1
    return merged


_YEAR_MAKE_MODEL = ("vehicleYear", "vehicleMake", "vehicleModel")


def _vehicle_key(vehicle: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(normalize_name(_text(vehicle.get(part))) for part in _YEAR_MAKE_MODEL)


def _same_id(name: str, left: Any, right: Any) -> bool:
    if name == "vin":
        return normalize_vin(_text(left)) == normalize_vin(_text(right))
    return _text(left) == _text(right)


def _stored_vehicle(vehicle: Mapping[str, Any], stored: list[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    """The stored vehicle an incoming one updates: by uuid, else VIN, else key, else year, make and model."""
    given = [name for name in _VEHICLE_IDS if _text(vehicle.get(name))]
    for name in given:
        found = next((item for item in stored if _same_id(name, vehicle[name], item.get(name))), None)
        if found is not None:
            return found
    if given:
        return None
    wanted = _vehicle_key(vehicle)
    return next((item for item in stored if all(wanted) and _vehicle_key(item) == wanted), None)


def _vehicles(
    incoming: list[Mapping[str, Any]], stored: list[Mapping[str, Any]]
) -> tuple[list[dict[str, Any]], bool]:
    """The vehicles to send (a stored match named by its uuid when the body gave none); whether any change."""
    sent: list[dict[str, Any]] = []
    changed = False
    for vehicle in incoming:
        entry = dict(vehicle)
        match = _stored_vehicle(vehicle, stored)
        if match is None:
            changed = True
        else:
            if not any(_text(vehicle.get(name)) for name in _VEHICLE_IDS) and _text(match.get("vehicleUuid")):
                entry["vehicleUuid"] = match["vehicleUuid"]
            same = (
                _same_id(name, value, match.get(name)) if name in _VEHICLE_IDS else value == match.get(name)
                for name, value in vehicle.items()
            )
            changed = changed or not all(same)
        sent.append(entry)
    return sent, changed


def merge(
    stored: Mapping[str, Any],
    body: Mapping[str, Any],
    *,
    defaulted: frozenset[str] = frozenset(),
    replace_lists: bool = False,
) -> Merged:
    """The update of `stored` (CustomerWithVehicles JSON) with `body` (SaveCustomerRequest JSON); see above.

    Raises `MergeError` when a merged list would hold more entries than the spec allows.
    """
    stored_customer: Mapping[str, Any] = stored.get("customer") or {}
    incoming: Mapping[str, Any] = body.get("customer") or {}
    customer: dict[str, Any] = {}
    before: dict[str, Any] = {}  # the stored customer as the update would send it unchanged
    kept: dict[str, int] = {}
    deleted: dict[str, int] = {}
    for name in _properties("CustomerInput"):
        if name == "customerUuid":
            continue
        if name not in _KEY:
            before[name] = stored_customer.get(name)
            value = incoming.get(name)
            stored_value = stored_customer.get(name)
            same_name = name in _NAMES and normalize_name(_text(value)) == normalize_name(_text(stored_value))
            if not _blank(value) and f"customer.{name}" not in defaulted and not same_name:
                customer[name] = value
            elif stored_customer.get(name) is not None:
                customer[name] = stored_customer[name]
            continue
        item_schema, limit = _list_schema(name)
        key_of = _KEY[name][1]
        stored_items = [_only(entry, _properties(item_schema)) for entry in _items(stored_customer.get(name))]
        before[name] = stored_items
        given = _items(incoming.get(name))
        mentioned = {key for entry in given if (key := key_of(entry)) is not None}
        untouched = sum(1 for entry in stored_items if key_of(entry) not in mentioned)
        if replace_lists:
            deleted[name] = untouched if name in incoming or name != "addresses" else 0
            if name in incoming:
                customer[name] = incoming[name]
            continue
        merged = _merge_list(name, stored_items, given, defaulted)
        if limit is not None and len(merged) > limit:
            raise MergeError(
                f"customer.{name} would hold {len(merged)} entries with the stored ones, more than {limit}"
            )
        if merged or name != "addresses":
            customer[name] = merged
        kept[name] = untouched
    vehicles, vehicles_changed = _vehicles(_items(body.get("vehicles")), _items(stored.get("vehicles")))
    out: dict[str, Any] = {"customer": customer}
    if vehicles:
        out["vehicles"] = vehicles
    out |= {name: body[name] for name in _BODY_EXTRAS if name in body and name != "vehicles"}
    changed = vehicles_changed or any(deleted.values())
    changed = changed or any(value != before.get(name) for name, value in customer.items())
    return Merged(out, changed, kept, deleted)
