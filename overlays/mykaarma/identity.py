"""Which stored customer a body names: the searches that find its candidates, and the decision (D-IDENTITY).

Pure functions over JSON values: no I/O. A body is identified, in this order:

1. by its phones, e-mails and VINs, with the documented matching (D-MATCHING, `mykaarma_core.matching`) over
   the customers sharing any of them: the rule the server applies to ``searchForDuplicate=true``;
2. by its ``customerKey`` (unique per department, D-CUSTOMER-KEY): the customer holding it, when the names
   agree; a holder with another name is a conflict and nothing is written;
3. by name and postal address: the one customer with the same name and an address with the same first line
   and ZIP (or first line and city when there is no ZIP); several such customers are ambiguous;
4. a body with only a name: the one customer with that name that has no phone, e-mail, VIN or address
   (nothing tells the two apart); any other customer of that name makes it ambiguous.

Nothing found: the body is a new customer. When customers of the same name exist elsewhere, the decision says
so (warning ``POSSIBLE_DUPLICATE``). Rules 2-4 need a search by name or key (`name_searches`); rule 1 a
search by identifiers, which `identifier_searches` packs for many bodies at once (at most `TERM_LIMIT`
characters a term: the spec's limit, D-SEARCH).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from mykaarma_core.matching import (
    CustomerRecord,
    MatchInput,
    MatchResult,
    match_customer,
    normalize_email,
    normalize_name,
    normalize_phone,
    normalize_vin,
)
from mykaarma_core.rules import present_text as _text
from mykaarma_core.rules import split_words

from ._query_parameters import extension

__all__ = [
    "Decision",
    "Identity",
    "Search",
    "identifier_searches",
    "match_by_identifiers",
    "match_by_name",
    "name_searches",
    "names_a_repeat",
    "record_of",
]

#: D-SEARCH, from the spec: a longer term is cut (warning 10003); the most customers a page holds.
TERM_LIMIT: Final[int] = int(extension("searchCustomers", "searchTerm", "x-truncated-to-length"))
PAGE_LIMIT: Final[int] = int(extension("searchCustomers", "maxResults", "x-accepted-range")["maximum"])
_COMMUNICATIONS: Final = ("communications.commValue",)
_VINS: Final = ("vehicles.vin",)

Action = Literal["update", "create", "unmatched"]
NameKey = tuple[str, ...]


@dataclass(frozen=True)
class Search:
    """One customer search: its term, the fields searched and the operator (D-SEARCH)."""

    term: str
    fields: tuple[str, ...]
    operator: Literal["AND", "OR"] = "OR"


@dataclass(frozen=True)
class Note:
    """A warning about a decision or a row, with an upper-snake code for counting."""

    code: str
    message: str


@dataclass(frozen=True)
class Decision:
    """What to do with a body: update `customer` (its stored JSON), create, or nothing (`unmatched`)."""

    action: Action
    reason: str
    customer: Mapping[str, Any] | None = None
    match: MatchResult | None = None
    warnings: tuple[Note, ...] = ()


def _items(value: Any) -> list[Mapping[str, Any]]:
    return [item for item in value if isinstance(item, Mapping)] if isinstance(value, list) else []


def names_a_repeat(body: Mapping[str, Any]) -> bool:
    """Whether the server recognises a repeat of this create-or-update body: with ``searchForDuplicate``, a
    phone, e-mail or VIN (D-MATCHING step 1) or a ``customerKey`` (D-CUSTOMER-KEY). Stops at the first."""
    if body.get("searchForDuplicate") is not True:
        return False
    customer = body.get("customer")
    if not isinstance(customer, Mapping):
        return False
    return (
        _text(customer.get("customerKey")) is not None
        or any(normalize_email(_text(item.get("emailAddress"))) for item in _items(customer.get("emails")))
        or any(normalize_vin(_text(item.get("vin"))) for item in _items(body.get("vehicles")))
        or any(
            normalize_phone(_text(item.get("phoneNumber"))) for item in _items(customer.get("phoneNumbers"))
        )
    )


def name_key(customer: Mapping[str, Any]) -> NameKey | None:
    """The name a customer is compared by (D-NAMES): the company of a business, else first and last name."""
    company = normalize_name(_text(customer.get("company")))
    if customer.get("isBusiness") is True and company:
        return ("company", company)
    first = normalize_name(_text(customer.get("firstName")))
    last = normalize_name(_text(customer.get("lastName")))
    return ("person", first, last) if first and last else None


def address_key(address: Mapping[str, Any]) -> tuple[str, str] | None:
    """An address as rule 3 compares it: first line, then the ZIP's digits (or the city without a ZIP)."""
    line1 = normalize_name(_text(address.get("line1")))
    if not line1:
        return None
    digits = "".join(char for char in str(address.get("zip") or "") if char.isdigit())
    if digits:
        return (line1, "zip:" + digits[:5])
    return (line1, "city:" + normalize_name(_text(address.get("city"))))


@dataclass(frozen=True)
class Identity:
    """What identifies one body: identifiers as searched, key, name and addresses."""

    match_input: MatchInput
    phones: tuple[str, ...]  # 10 national digits, as the search compares phones
    emails: tuple[str, ...]
    vins: tuple[str, ...]
    key: str | None
    name: NameKey | None
    name_words: tuple[str, ...]
    name_fields: tuple[str, ...]
    addresses: frozenset[tuple[str, str]] = field(default_factory=frozenset)

    @classmethod
    def of(cls, body: Mapping[str, Any]) -> Identity:
        """The identity of a SaveCustomerRequest JSON body."""
        customer = body.get("customer") if isinstance(body.get("customer"), Mapping) else {}
        assert isinstance(customer, Mapping)
        listed_phones = _items(customer.get("phoneNumbers"))
        phones = [normalize_phone(_text(item.get("phoneNumber"))) for item in listed_phones]
        emails = [normalize_email(_text(item.get("emailAddress"))) for item in _items(customer.get("emails"))]
        vins = [normalize_vin(_text(item.get("vin"))) for item in _items(body.get("vehicles"))]
        name = name_key(customer)
        fields: tuple[str, ...]
        if name is not None and name[0] == "company":
            words, fields = split_words(str(customer.get("company"))), ("company",)
        else:
            words = split_words(f"{customer.get('firstName') or ''} {customer.get('lastName') or ''}")
            fields = ("fname", "lname")
        addresses = (address_key(item) for item in _items(customer.get("addresses")))
        return cls(
            match_input=MatchInput.from_request(body),
            phones=tuple(dict.fromkeys(phone[2:] for phone in phones if phone)),
            emails=tuple(dict.fromkeys(email for email in emails if email)),
            vins=tuple(dict.fromkeys(vin for vin in vins if vin)),
            key=_text(customer.get("customerKey")),
            name=name,
            name_words=tuple(words),
            name_fields=fields,
            addresses=frozenset(key for key in addresses if key is not None),
        )

    @property
    def whole_communication_tokens(self) -> tuple[str, ...]:
        """Search tokens of the phones and the whole e-mail addresses: for when a local part alone (``info@``)
        finds more customers than a page holds."""
        return (*self.phones, *self.emails)

    @property
    def communication_tokens(self) -> tuple[str, ...]:
        """Search tokens of the phones (10 digits) and e-mails (the part before the ``@``, with it): an
        e-mail token is shorter than the address and finds every customer having the address (and some
        more, which the matching leaves out), so more of them fit in one search term."""
        return (*self.phones, *(email.partition("@")[0] + "@" for email in self.emails))

    @property
    def has_identifiers(self) -> bool:
        """Whether the server can recognise the customer by a phone, e-mail or VIN (D-MATCHING step 1)."""
        return bool(self.phones or self.emails or self.vins)

    @property
    def needs_name_search(self) -> bool:
        """Whether rules 2-4 may apply once the identifiers matched no one (a key, an address, or neither)."""
        specific = self.key is not None or bool(self.addresses)
        return self.name is not None and (specific or not self.has_identifiers)


def _pack(tokens: Iterable[str], fields: tuple[str, ...]) -> list[Search]:
    """OR searches holding the tokens, each term within the term limit."""
    searches: list[Search] = []
    term = ""
    for token in dict.fromkeys(tokens):
        if term and len(term) + 1 + len(token) > TERM_LIMIT:
            searches.append(Search(term, fields))
            term = ""
        term = f"{term} {token}" if term else token[:TERM_LIMIT]
    if term:
        searches.append(Search(term, fields))
    return searches


def identifier_searches(identities: Iterable[Identity], *, whole_emails: bool = False) -> list[Search]:
    """The searches finding every customer that shares a phone, e-mail or VIN with any of `identities`.

    Phones and e-mails are one field of the API (``communications.commValue``), VINs another; each term holds
    as many whole values as fit. E-mails are searched by their local part unless `whole_emails`.
    """
    listed = list(identities)
    communications = (
        token
        for identity in listed
        for token in (identity.whole_communication_tokens if whole_emails else identity.communication_tokens)
    )
    vins = (vin for identity in listed for vin in identity.vins)
    return [*_pack(communications, _COMMUNICATIONS), *_pack(vins, _VINS)]


def name_searches(identity: Identity) -> list[Search]:
    """The searches behind rules 2-4: the customerKey, and the name (every word, AND)."""
    searches: list[Search] = []
    if identity.key is not None:
        searches.append(Search(" ".join(split_words(identity.key))[:TERM_LIMIT], ("customerKey",), "AND"))
    term = ""
    for word in identity.name_words:
        if len(term) + 1 + len(word) > TERM_LIMIT:
            break
        term = f"{term} {word}" if term else word
    if term:
        searches.append(Search(term, identity.name_fields, "AND"))
    return searches


def record_of(item: Mapping[str, Any]) -> CustomerRecord:
    """A read or search result (CustomerWithVehicles JSON) as the matcher sees it.

    The API exposes no update time: recency is the internal numeric ``id``, which grows with every new
    customer, so "most recently updated" becomes "most recently created".
    """
    customer = item.get("customer") if isinstance(item.get("customer"), Mapping) else {}
    assert isinstance(customer, Mapping)
    sequence = customer.get("id") if isinstance(customer.get("id"), int) else 0
    assert isinstance(sequence, int)
    return CustomerRecord(
        customer_uuid=str(customer.get("customerUuid")),
        first_name=_text(customer.get("firstName")),
        last_name=_text(customer.get("lastName")),
        company=_text(customer.get("company")),
        is_business=customer.get("isBusiness") is True,
        customer_key=_text(customer.get("customerKey")),
        phones=_normalised(customer.get("phoneNumbers"), "phoneNumber", normalize_phone),
        emails=_normalised(customer.get("emails"), "emailAddress", normalize_email),
        vins=_normalised(item.get("vehicles"), "vin", normalize_vin),
        updated_seq=sequence,
        created_seq=sequence,
    )


def _normalised(items: Any, key: str, normalizer: Any) -> frozenset[str]:
    values = (normalizer(_text(item.get(key))) for item in _items(items))
    return frozenset(value for value in values if value)


def _uuid(item: Mapping[str, Any]) -> str:
    customer = item.get("customer")
    return str(customer.get("customerUuid")) if isinstance(customer, Mapping) else ""


def _distinct(found: Iterable[Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
    return {uuid: item for item in found if (uuid := _uuid(item))}


def match_by_identifiers(identity: Identity, found: Iterable[Mapping[str, Any]]) -> Decision | None:
    """Rule 1 over the customers `found` by `identifier_searches`; None when it matches no one."""
    if not identity.has_identifiers:
        return None
    by_uuid = _distinct(found)
    result = match_customer(identity.match_input, (record_of(item) for item in by_uuid.values()))
    if result.customer is None:
        return None
    reason = f"the same person by phone, e-mail or VIN ({result.decided_at})"
    return Decision("update", reason, by_uuid[result.customer.customer_uuid], result)


def _listed(items: Sequence[Mapping[str, Any]]) -> str:
    return ", ".join(_uuid(item) for item in items[:5]) + (", ..." if len(items) > 5 else "")


def _contact_free(item: Mapping[str, Any]) -> bool:
    record = record_of(item)
    customer = item.get("customer")
    addresses = customer.get("addresses") if isinstance(customer, Mapping) else None
    return not (record.phones or record.emails or record.vins or _items(addresses))


def match_by_name(identity: Identity, found: Iterable[Mapping[str, Any]]) -> Decision:
    """Rules 2-5 over the customers `found` by `name_searches` (`identity` matched no one by identifiers)."""
    by_uuid = _distinct(found)
    if identity.key is not None:
        holders = [item for item in by_uuid.values() if record_of(item).customer_key == identity.key]
        for holder in holders:
            if name_key(holder["customer"]) == identity.name:
                return Decision("update", f"the customer holding customerKey {identity.key}", holder)
            parts = (_text(holder["customer"].get(part)) for part in ("firstName", "lastName", "company"))
            shown = " ".join(part for part in parts if part)
            return Decision(
                "unmatched",
                f"customerKey {identity.key} belongs to customer {_uuid(holder)} ({shown or 'no name'}), "
                "whose name differs from the row's: nothing was written",
            )
    same_name = [item for item in by_uuid.values() if name_key(item["customer"]) == identity.name]
    if identity.key is not None:  # a customer with another key is another person
        same_name = [item for item in same_name if record_of(item).customer_key in (None, identity.key)]
    if identity.addresses:
        here = [item for item in same_name if identity.addresses & _addresses(item)]
        if len(here) == 1:
            return Decision("update", "the customer with the same name at the same address", here[0])
        if here:
            return Decision(
                "unmatched",
                f"{len(here)} customers with this name live at this address ({_listed(here)}): "
                "add a phone, e-mail, VIN or customerKey to tell them apart",
            )
    elif not identity.has_identifiers and identity.key is None and same_name:
        bare = [item for item in same_name if _contact_free(item)]
        if len(same_name) == 1 and bare:
            reason = "the only customer with this name, and nothing tells them apart"
            return Decision("update", reason, bare[0])
        return Decision(
            "unmatched",
            f"{len(same_name)} customer(s) with this name exist ({_listed(same_name)}) and the row has only "
            "a name: add a phone, e-mail, VIN, customerKey or address to match it safely",
        )
    warnings: tuple[Note, ...] = ()
    if same_name:
        message = f"customers with the same name exist elsewhere: {_listed(same_name)}"
        warnings = (Note("POSSIBLE_DUPLICATE", message),)
    return Decision("create", "no stored customer is this person", warnings=warnings)


def _addresses(item: Mapping[str, Any]) -> frozenset[tuple[str, str]]:
    customer = item.get("customer")
    listed = _items(customer.get("addresses")) if isinstance(customer, Mapping) else []
    return frozenset(key for address in listed if (key := address_key(address)) is not None)
