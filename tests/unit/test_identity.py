"""`mykaarma.identity`: the searches that find a body's candidates, and which stored customer it names."""

from __future__ import annotations

from typing import Any

from mykaarma.identity import (
    TERM_LIMIT,
    Identity,
    identifier_searches,
    match_by_identifiers,
    match_by_name,
    name_searches,
    names_a_repeat,
)


def stored(uuid: str, first: str = "Jane", last: str = "Doe", **customer: Any) -> dict[str, Any]:
    vehicles = customer.pop("vehicles", [])
    return {"customer": {"customerUuid": uuid, "id": int(uuid[1:]), "firstName": first, "lastName": last,
                         **customer}, "vehicles": vehicles}  # fmt: skip


def body(
    first: str = "Jane", last: str = "Doe", vehicles: list[Any] | None = None, **customer: Any
) -> dict[str, Any]:
    data: dict[str, Any] = {"customer": {"firstName": first, "lastName": last, **customer}}
    if vehicles is not None:
        data["vehicles"] = vehicles
    return data


PHONE = {
    "phoneNumber": "(310) 555-0147",
    "label": "cell",
    "okToCall": True,
    "okToText": True,
    "isPreferred": True,
}
HOME = {"type": "PRIMARY", "addressType": "P", "line1": "1 Main  St", "zip": "90802-1234", "state": "CA",
        "country": "US"}  # fmt: skip


def test_identifier_searches_pack_the_tokens_into_terms_within_the_limit() -> None:
    identities = [
        Identity.of(
            body(
                phoneNumbers=[{**PHONE, "phoneNumber": f"+1310555{index:04d}"}],
                emails=[{"emailAddress": f"P{index}@Example.com"}],
            ),
        )
        for index in range(12)
    ]
    searches = identifier_searches(identities)
    assert all(len(search.term) <= TERM_LIMIT and search.operator == "OR" for search in searches)
    tokens = [token for search in searches for token in search.term.split()]
    assert sorted(tokens) == sorted([f"310555{i:04d}" for i in range(12)] + [f"p{i}@" for i in range(12)])
    assert {search.fields for search in searches} == {("communications.commValue",)}
    vins = identifier_searches([Identity.of(body(vehicles=[{"vin": "1hgcm82633a004352"}]))])
    assert [(search.term, search.fields) for search in vins] == [("1HGCM82633A004352", ("vehicles.vin",))]


def test_identifiers_follow_the_documented_matching() -> None:
    identity = Identity.of(body(phoneNumbers=[PHONE]))
    found = [stored("c1", phoneNumbers=[{"phoneNumber": "+13105550147"}]), stored("c2", "John")]
    decision = match_by_identifiers(identity, found)
    assert decision is not None
    assert decision.action == "update"
    assert decision.customer is not None
    assert decision.customer["customer"]["customerUuid"] == "c1"
    assert (
        match_by_identifiers(identity, [stored("c3", "John", phoneNumbers=[{"phoneNumber": "+13105550147"}])])
        is None
    )
    assert match_by_identifiers(Identity.of(body()), found) is None


def test_a_customer_key_names_its_holder_when_the_names_agree() -> None:
    identity = Identity.of(body(customerKey="K-1"))
    assert [search.fields for search in name_searches(identity)] == [("customerKey",), ("fname", "lname")]
    agree = match_by_name(identity, [stored("c1", customerKey="K-1")])
    assert (agree.action, agree.customer and agree.customer["customer"]["customerUuid"]) == ("update", "c1")
    conflict = match_by_name(identity, [stored("c2", "Bob", "Smith", customerKey="K-1")])
    assert conflict.action == "unmatched"
    assert "belongs to customer c2 (Bob Smith)" in conflict.reason


def test_name_and_address_name_one_customer() -> None:
    identity = Identity.of(body(addresses=[HOME]))
    here = stored("c1", addresses=[{**HOME, "line1": "1 MAIN ST", "zip": "90802"}])
    elsewhere = stored("c2", addresses=[{**HOME, "line1": "9 Oak Ave"}])
    decision = match_by_name(identity, [here, elsewhere])
    assert decision.action == "update"
    assert decision.customer is here
    created = match_by_name(identity, [elsewhere])
    assert created.action == "create"
    assert [note.code for note in created.warnings] == ["POSSIBLE_DUPLICATE"]
    twins = match_by_name(identity, [here, stored("c3", addresses=[HOME])])
    assert twins.action == "unmatched"
    assert "2 customers with this name live at this address" in twins.reason


def test_a_row_with_only_a_name_matches_only_a_customer_with_nothing_else() -> None:
    identity = Identity.of(body())
    assert identity.needs_name_search
    bare = match_by_name(identity, [stored("c1")])
    assert bare.action == "update"
    with_phone = match_by_name(identity, [stored("c1", phoneNumbers=[{"phoneNumber": "+13105550147"}])])
    assert with_phone.action == "unmatched"
    assert "has only a name" in with_phone.reason
    assert match_by_name(identity, [stored("c1", "Janet")]).action == "create"


def test_rows_with_identifiers_search_names_only_with_a_key_or_an_address() -> None:
    assert not Identity.of(body(phoneNumbers=[PHONE])).needs_name_search
    assert Identity.of(body(phoneNumbers=[PHONE], addresses=[HOME])).needs_name_search
    assert Identity.of(body(phoneNumbers=[PHONE], customerKey="K")).needs_name_search


def test_a_repeat_is_recognised_exactly_when_the_identity_has_an_identifier_or_a_key() -> None:
    """`names_a_repeat` (the create-or-update retry rule) agrees with `Identity`, from a plain create on."""
    bodies = [
        body(phoneNumbers=[PHONE]),
        body(phoneNumbers=[{**PHONE, "phoneNumber": "555-12"}]),  # not a phone: nothing to match on
        body(emails=[{"emailAddress": " Jane@Example.com "}]),
        body(emails=[{"emailAddress": "   "}]),
        body(vehicles=[{"vin": "1hgcm82633a004352"}]),
        body(vehicles=[{"vehicleKey": "K1"}]),
        body(customerKey="K-9"),
        body(customerKey="  "),
        body(addresses=[HOME]),
    ]
    for data in bodies:
        identity = Identity.of(data)
        expected = identity.has_identifiers or identity.key is not None
        assert names_a_repeat({**data, "searchForDuplicate": True}) is expected, data
        assert names_a_repeat({**data, "searchForDuplicate": False}) is False
    assert [names_a_repeat({**data, "searchForDuplicate": True}) for data in bodies].count(True) == 4
