"""``customers.find_or_create``: the docs' search-then-create flow, with the matching made on the client.

1. search for each of `search_terms` (one field each, up to 100 results);
2. read a candidate whose result carries no vehicles (the search shape leaves them out under some
   preferences) so that its VINs can be compared;
3. `match_customer` over the candidates (D-MATCHING);
4. update the chosen customer, keeping what it has stored (`mykaarma.merge`), or create a new one (a plain
   create: the search has just shown there is no match, and the caller gets `created=True`).
"""

from __future__ import annotations

import logging
from collections.abc import Generator, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from mykaarma_api.api.customers import search_customers
from mykaarma_api.models import (
    CustomerSearchResponse,
    CustomerWithVehicles,
    CustomerWithVehiclesResponse,
    SaveCustomerRequest,
    SaveCustomerResponse,
    SearchField,
    UpdateCustomerResponse,
)
from mykaarma_core.matching import (
    CustomerRecord,
    MatchInput,
    MatchResult,
    match_customer,
    normalize_email,
    normalize_phone,
    normalize_vin,
)
from mykaarma_core.rules import present_text

from .._exceptions import Problem, ValidationError
from .._retry import RetryPolicy
from ..identity import PAGE_LIMIT, record_of
from ..merge import merge
from ..validation import Body
from ._calls import Call, Timeout
from .customer_calls import get_call, request_call

__all__ = ["FIND_MAX_RESULTS", "FindOrCreateResult", "customer_record", "find_or_create_flow", "search_terms"]

log = logging.getLogger(__name__)

#: Results per search of `find_or_create`: the most a page holds (the spec's limit, D-SEARCH).
FIND_MAX_RESULTS = PAGE_LIMIT


@dataclass(frozen=True)
class FindOrCreateResult:
    """What `find_or_create` did: the customer saved, whether it was created, and why.

    `match` is the matcher's decision with its trace (``result.match.explain()`` prints it step by step);
    `search_terms` the searches made; `response` the create or update response (warnings included).
    """

    customer_uuid: str
    created: bool
    match: MatchResult
    search_terms: tuple[tuple[str, SearchField], ...] = ()
    response: SaveCustomerResponse | UpdateCustomerResponse | None = field(default=None, compare=False)

    def explain(self) -> str:
        """The match trace followed by what was done."""
        action = "created" if self.created else "updated"
        return f"{self.match.explain()}\n{action}: {self.customer_uuid}"


def search_terms(request: SaveCustomerRequest | Mapping[str, Any]) -> list[tuple[str, SearchField]]:
    """The searches of the docs' search-then-create flow, in order, without repeats.

    ``customerKey`` (as sent), the last 8 characters of each VIN, each phone as 10 national digits, each
    e-mail address (trimmed, lower case); values that do not normalise are skipped.
    """
    data = request.to_dict() if isinstance(request, SaveCustomerRequest) else request
    customer = data.get("customer")
    customer = customer if isinstance(customer, Mapping) else {}
    terms: list[tuple[str, SearchField]] = []

    def add(term: str | None, where: SearchField) -> None:
        if term and (term, where) not in terms:
            terms.append((term, where))

    key = customer.get("customerKey")
    add(present_text(key), SearchField.CUSTOMERKEY)
    for vehicle in _items(data.get("vehicles")):
        vin = normalize_vin(_text(vehicle.get("vin")))
        add(vin[-8:] if vin else None, SearchField.VEHICLES_VIN)
    for phone in _items(customer.get("phoneNumbers")):
        number = normalize_phone(_text(phone.get("phoneNumber")))
        add(number[-10:] if number else None, SearchField.COMMUNICATIONS_COMMVALUE)
    for email in _items(customer.get("emails")):
        add(normalize_email(_text(email.get("emailAddress"))), SearchField.COMMUNICATIONS_COMMVALUE)
    return terms


def customer_record(item: CustomerWithVehicles) -> CustomerRecord:
    """A read or search result as the matcher sees it (`mykaarma.identity.record_of`)."""
    return record_of(item.to_dict())


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _items(value: object) -> list[Mapping[str, Any]]:
    return [item for item in value if isinstance(item, Mapping)] if isinstance(value, list) else []


def find_or_create_flow(
    department_uuid: str, request: Body[SaveCustomerRequest], timeout: Timeout, max_retries: int | None
) -> Generator[Call, Any, FindOrCreateResult]:
    """The docs' search-then-create flow as a generator of calls (D-MATCHING picks the candidate).

    1. search for each of `search_terms` (one field each, up to 100 results);
    2. read a candidate whose result carries no vehicles (the search shape leaves them out under some
       preferences) so that its VINs can be compared;
    3. `match_customer` over the candidates;
    4. update the chosen customer, keeping what it has stored (`mykaarma.merge`), or create a new one (a
       plain create: the search has just shown there is no match, and the caller gets `created=True`).
    """
    data = request.to_dict()
    terms = search_terms(data)
    found: dict[str, CustomerWithVehicles] = {}
    for term, where in terms:
        kwargs = {
            "department_uuid": department_uuid,
            "search_term": term,
            "fields_to_be_searched": [where],
            "max_results": FIND_MAX_RESULTS,
        }
        result = cast(
            CustomerSearchResponse,
            (yield Call(search_customers, RetryPolicy.IDEMPOTENT, kwargs, timeout, max_retries)),
        )
        if result.matching_count > len(result.matching_customers):
            # a candidate left off the page could be the match: creating now could duplicate it
            message = f"more than {FIND_MAX_RESULTS} customers match {term!r}: the match cannot be decided"
            raise ValidationError([Problem(str(where), message, "find.too-many-candidates")])
        for item in result.matching_customers:
            found.setdefault(item.customer.customer_uuid, item)
    complete: dict[str, CustomerWithVehicles] = {}
    for uuid, item in found.items():
        if not isinstance(item.vehicles, list):
            read = yield get_call(department_uuid, uuid, False, timeout, max_retries)
            item = cast(CustomerWithVehiclesResponse, read).customer_with_vehicles
        complete[uuid] = item
    match = match_customer(
        MatchInput.from_request(data), (customer_record(item) for item in complete.values())
    )
    log.info("find_or_create in department %s: %s", department_uuid, match.decided_at)
    plain = Body(SaveCustomerRequest, json={**data, "searchForDuplicate": False})
    if match.customer is None:
        created = yield request_call(department_uuid, None, plain, timeout, max_retries)
        saved = cast(SaveCustomerResponse, created)
        return FindOrCreateResult(saved.customer_uuid, True, match, tuple(terms), saved)
    chosen = match.customer.customer_uuid
    kept = Body(SaveCustomerRequest, json=merge(complete[chosen].to_dict(), data).body)
    updated = yield request_call(department_uuid, chosen, kept, timeout, max_retries)
    return FindOrCreateResult(chosen, False, match, tuple(terms), cast(UpdateCustomerResponse, updated))
