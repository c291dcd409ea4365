"""`mykaarma.merge`: an update built from a stored customer and a body deletes nothing the body left out."""

from __future__ import annotations

from typing import Any

import pytest

from mykaarma.merge import MergeError, merge


def phone(number: str, **fields: Any) -> dict[str, Any]:
    return {
        "phoneNumber": number,
        "label": "cell",
        "okToCall": True,
        "okToText": True,
        "isPreferred": True,
    } | fields


def email(address: str, **fields: Any) -> dict[str, Any]:
    return {"emailAddress": address, "label": "home", "okToEmail": True, "isPreferred": True} | fields


def address(line1: str, zip_code: str, **fields: Any) -> dict[str, Any]:
    base = {
        "type": "PRIMARY",
        "addressType": "P",
        "line1": line1,
        "state": "CA",
        "country": "US",
        "zip": zip_code,
    }
    return base | fields


STORED: dict[str, Any] = {
    "customer": {
        "customerUuid": "c-1",
        "id": 7,
        "customerId": "7",
        "firstName": "Jane",
        "lastName": "Doe",
        "customerKey": "K-1",
        "preferredLocale": "en-us",
        "phoneNumbers": [phone("+13105550147")],
        "emails": [email("jane@example.com")],
        "addresses": [address("1 Main St", "90802")],
        "isBusiness": False,
    },
    "vehicles": [{"vehicleUuid": "v-1", "vin": "1HGCM82633A004352", "vehicleMake": "Honda"}],
}


def test_lists_the_body_leaves_out_are_sent_back() -> None:
    merged = merge(
        STORED, {"customer": {"firstName": "Jane", "lastName": "Doe", "phoneNumbers": [phone("3105550199")]}}
    )
    customer = merged.body["customer"]
    assert [p["phoneNumber"] for p in customer["phoneNumbers"]] == ["+13105550147", "3105550199"]
    assert customer["emails"] == [email("jane@example.com")]
    assert customer["addresses"] == [address("1 Main St", "90802")]
    assert customer["customerKey"] == "K-1"
    assert customer["preferredLocale"] == "en-us"
    assert "id" not in customer
    assert "customerId" not in customer
    assert merged.changed
    assert merged.kept == {"phoneNumbers": 1, "emails": 1, "addresses": 1}


def test_an_entry_for_a_stored_number_updates_it_and_keeps_its_spelling() -> None:
    body = {"customer": {"phoneNumbers": [phone("(310) 555-0147", okToText=False)]}}
    merged = merge(STORED, body)
    assert merged.body["customer"]["phoneNumbers"] == [phone("+13105550147", okToText=False)]
    assert merged.changed


def test_defaulted_fields_never_overwrite_stored_ones_nor_add_a_second_preferred_entry() -> None:
    stored = {"customer": {**STORED["customer"], "phoneNumbers": [phone("+13105550147", okToCall=False)]}}
    body = {"customer": {"phoneNumbers": [phone("3105550147"), phone("3105550199")]}}
    defaulted = frozenset(
        f"customer.phoneNumbers[{index}].{name}" for index in (0, 1) for name in ("okToCall", "isPreferred")
    )
    phones = merge(stored, body, defaulted=defaulted).body["customer"]["phoneNumbers"]
    assert phones[0]["okToCall"] is False  # the stored opt-out stays
    assert phones[1]["isPreferred"] is False  # the stored number stays the preferred one


def test_an_unchanged_body_changes_nothing() -> None:
    body = {
        "customer": {"firstName": "Jane", "lastName": "Doe", "emails": [email("JANE@example.com")]},
        "vehicles": [{"vin": "1hgcm82633a004352"}],
    }
    assert not merge(STORED, body).changed


def test_a_name_equal_but_for_case_and_spacing_keeps_the_stored_spelling() -> None:
    same = merge(STORED, {"customer": {"firstName": "JANE", "lastName": " doe "}})
    assert (same.body["customer"]["firstName"], same.body["customer"]["lastName"]) == ("Jane", "Doe")
    assert not same.changed
    renamed = merge(STORED, {"customer": {"firstName": "Janet", "lastName": "Doe"}})
    assert renamed.body["customer"]["firstName"] == "Janet"
    assert renamed.changed


def test_a_vehicle_without_ids_is_the_stored_one_with_the_same_year_make_and_model() -> None:
    civic = {"vehicleYear": "2019", "vehicleMake": "Honda", "vehicleModel": "Civic"}
    stored = {**STORED, "vehicles": [{"vehicleUuid": "v-9", **civic}]}
    body = {"customer": {}, "vehicles": [{**civic, "vehicleMake": "HONDA", "color": "red"}]}
    merged = merge(stored, body)
    assert merged.body["vehicles"][0]["vehicleUuid"] == "v-9"
    assert merged.changed


def test_replace_lists_sends_the_body_as_it_is_and_counts_the_deletions() -> None:
    merged = merge(STORED, {"customer": {"phoneNumbers": [phone("3105550199")]}}, replace_lists=True)
    customer = merged.body["customer"]
    assert customer["phoneNumbers"] == [phone("3105550199")]
    assert "emails" not in customer
    assert merged.deleted == {"phoneNumbers": 1, "emails": 1, "addresses": 0}


def test_a_merged_list_past_max_items_is_refused() -> None:
    stored = {"customer": {**STORED["customer"], "emails": [email(f"a{i}@example.com") for i in range(20)]}}
    with pytest.raises(MergeError, match=r"customer\.emails would hold 21 entries"):
        merge(stored, {"customer": {"emails": [email("new@example.com")]}})
