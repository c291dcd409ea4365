"""The customer writes that neither lose nor duplicate anyone: the create-or-update and upsert flows.

`create_or_update_flow` sends one create-or-update (``searchForDuplicate=true``). It is retried only when the
server can recognise a repeat (`identity.names_a_repeat`): a phone, e-mail or VIN finds the first
attempt's customer; a customerKey makes a repeat fail with 409 ``DUPLICATE_CUSTOMER_KEY``, which after a retry
means the first attempt saved the customer: the flow then answers with the customer holding the key (when
its name agrees) instead of the error.

`upsert_flow` decides first which stored customer the body is (`mykaarma.identity`, D-IDENTITY), then:

* updates it with what the body adds, keeping what the body leaves out (`mykaarma.merge`), or sends nothing
  when that changes nothing;
* or creates the customer: with create-or-update when it has a phone, e-mail or VIN, else with a plain create
  that is never repeated blindly: when it may have reached the server, the lookup runs again and finds the
  customer if it was saved (then it counts as created), or sends it once more if not;
* or writes nothing when the body cannot be matched safely (``unmatched``, with the reason).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal, cast

from mykaarma_api.models import (
    CustomerSearchResponse,
    SaveCustomerRequest,
    SaveCustomerResponse,
    UpdateCustomerResponse,
)
from mykaarma_core.matching import MatchResult, normalize_vin

from .._exceptions import (
    APIConnectionError,
    ConflictError,
    Problem,
    ValidationError,
    normalize_warnings,
)
from ..identity import (
    PAGE_LIMIT,
    Decision,
    Identity,
    Search,
    identifier_searches,
    match_by_identifiers,
    match_by_name,
    name_key,
    name_searches,
)
from ..merge import MergeError, merge
from ..validation import Body
from ._calls import Flow, Timeout
from .customer_calls import request_call, search_of

__all__ = ["Action", "UpsertResult", "Written", "create_or_update_flow", "search_flow", "upsert_flow"]

Action = Literal["created", "updated", "unchanged", "unmatched"]
#: The actions that write.
Written = Literal["created", "updated"]
_LIST_NAMES = {"phoneNumbers": "phone number", "emails": "e-mail address", "addresses": "address"}


@dataclass(frozen=True)
class UpsertResult:
    """What `upsert` did, why, and what it kept or deleted.

    `warnings` holds the server's warnings and the decision's own (``POSSIBLE_DUPLICATE``, ...) as ``{code,
    title, message, field}`` dicts; `kept` / `deleted` count, per list, the stored entries the body did not
    mention; `verified` is True when a create that may have reached the server was found by searching again.
    `stored` is the customer as the client knows it after the upsert (CustomerWithVehicles JSON: the stored
    one, or what was sent with its uuid and id), for a caller that upserts more bodies of the same name
    without searching again; None when nothing was matched or written. `named` holds the customers the search
    by name found (None when the body needed no such search), for the same purpose.
    """

    customer_uuid: str | None
    action: Action
    reason: str
    warnings: tuple[dict[str, Any], ...] = ()
    match: MatchResult | None = None
    kept: Mapping[str, int] = field(default_factory=dict)
    deleted: Mapping[str, int] = field(default_factory=dict)
    response: SaveCustomerResponse | UpdateCustomerResponse | None = field(default=None, compare=False)
    verified: bool = False
    stored: Mapping[str, Any] | None = field(default=None, compare=False, repr=False)
    named: tuple[Mapping[str, Any], ...] | None = field(default=None, compare=False, repr=False)

    @property
    def created(self) -> bool:
        return self.action == "created"

    def explain(self) -> str:
        """What was done and why, with the matching trace when the documented matching decided."""
        lines = [f"{self.action}: {self.customer_uuid or 'nothing written'} ({self.reason})"]
        if self.match is not None:
            lines.insert(0, self.match.explain())
        return "\n".join(lines)


class _Incomplete(Exception):
    """A search found more customers than one page holds: the candidates are not all known."""


def search_flow(
    department_uuid: str, searches: Iterable[Search], timeout: Timeout, max_retries: int | None
) -> Flow[list[dict[str, Any]]]:
    """Every customer the searches find (JSON), or `_Incomplete` when one found more than a page holds."""
    found: list[dict[str, Any]] = []
    for search in searches:
        result = cast(
            CustomerSearchResponse, (yield search_of(department_uuid, search, timeout, max_retries))
        )
        if result.matching_count > len(result.matching_customers) or result.matching_count > PAGE_LIMIT:
            raise _Incomplete(search.term)
        found += [item.to_dict() for item in result.matching_customers]
    return found


def candidates_flow(
    department_uuid: str, identity: Identity, timeout: Timeout, max_retries: int | None
) -> Flow[list[dict[str, Any]]]:
    """The customers sharing a phone, e-mail or VIN with `identity`. E-mails are searched by their local part
    first (more fit one term); when that finds more than a page (``info@``), by the whole address."""
    try:
        return (
            yield from search_flow(department_uuid, identifier_searches([identity]), timeout, max_retries)
        )
    except _Incomplete:
        searches = identifier_searches([identity], whole_emails=True)
        return (yield from search_flow(department_uuid, searches, timeout, max_retries))


def _saved(holder: Mapping[str, Any]) -> SaveCustomerResponse:
    customer = holder["customer"]
    customer_id = customer.get("customerId") or str(customer.get("id", ""))
    data = {"errors": [], "warnings": [], "customerUuid": customer["customerUuid"], "customerId": customer_id}
    return SaveCustomerResponse.from_dict(data)


def create_or_update_flow(
    department_uuid: str, request: Body[SaveCustomerRequest], timeout: Timeout, max_retries: int | None
) -> Flow[SaveCustomerResponse]:
    """One create-or-update; a key conflict after a retry resolves to the holder of the key (see above)."""
    body = request.to_dict()
    try:
        response = yield request_call(department_uuid, None, request, timeout, max_retries)
        return cast(SaveCustomerResponse, response)
    except ConflictError as error:
        identity = Identity.of(body)
        if not (error.retries and identity.key is not None and error.has_error("DUPLICATE_CUSTOMER_KEY")):
            raise
        conflict = error
    try:
        holders = yield from search_flow(department_uuid, name_searches(identity)[:1], timeout, max_retries)
    except _Incomplete:
        raise conflict from None
    for holder in holders:
        customer = holder["customer"]
        if customer.get("customerKey") == identity.key and name_key(customer) == identity.name:
            return _saved(holder)
    raise conflict


def _as_stored(
    sent: Mapping[str, Any], uuid: str, sequence: Any, vehicles: Sequence[Mapping[str, Any]]
) -> dict[str, Any]:
    """A written customer as a read would show it, as far as the client knows: what was sent, its ids."""
    customer = {**sent.get("customer", {}), "customerUuid": uuid}
    if str(sequence).isdigit():
        customer["id"] = int(sequence)
    listed = [dict(vehicle) for vehicle in vehicles]
    vins = {normalize_vin(vehicle.get("vin")) for vehicle in listed if vehicle.get("vin")}
    for vehicle in sent.get("vehicles") or ():
        if not vehicle.get("vin") or normalize_vin(vehicle["vin"]) not in vins:
            listed.append(dict(vehicle))
    return {"customer": customer, "vehicles": listed}


def _notes(decision: Decision) -> list[dict[str, Any]]:
    return [
        {"code": note.code, "title": note.code, "message": note.message, "field": None}
        for note in decision.warnings
    ]


def _deletions(deleted: Mapping[str, int]) -> list[dict[str, Any]]:
    return [
        {
            "code": "DELETED_STORED_ENTRIES",
            "title": "DELETED_STORED_ENTRIES",
            "message": f"{count} stored {_LIST_NAMES[name]}(es) deleted: the lists were replaced as sent",
            "field": f"customer.{name}",
        }
        for name, count in deleted.items()
        if count
    ]


def _decide(
    department_uuid: str,
    identity: Identity,
    found: Sequence[Mapping[str, Any]],
    named: Sequence[Mapping[str, Any]] | None,
    timeout: Timeout,
    max_retries: int | None,
) -> Flow[tuple[Decision, Sequence[Mapping[str, Any]] | None]]:
    """The decision of `mykaarma.identity`, and the customers found by name when rules 2-4 were needed
    (`named` when given and the body has no customerKey, which is searched for each body)."""
    decision = match_by_identifiers(identity, found)
    if decision is not None:
        return decision, None
    if not identity.needs_name_search:
        return Decision("create", "no stored customer shares a phone, e-mail or VIN with it"), None
    if named is None or identity.key is not None:
        named = yield from search_flow(department_uuid, name_searches(identity), timeout, max_retries)
    return match_by_name(identity, named), named


def upsert_flow(
    department_uuid: str,
    request: Body[SaveCustomerRequest],
    *,
    defaulted: Collection[str] = (),
    replace_lists: bool = False,
    candidates: Sequence[Mapping[str, Any]] | None = None,
    named: Sequence[Mapping[str, Any]] | None = None,
    earlier: Written | None = None,
    on_write: Callable[[Written], None] | None = None,
    timeout: Timeout = None,
    max_retries: int | None = None,
) -> Flow[UpsertResult]:
    """Update the customer the body names, create it, or report why neither is safe (see the module docs).

    `candidates`: the customers already found for the body's phones, e-mails and VINs (one search may serve
    many bodies); when None the flow searches itself. `named`: the customers already found by the body's
    name (an earlier result's `named`, with what was written since); when None the flow searches if it
    needs to. The result carries what it found by name (`UpsertResult.named`). `earlier`: what an earlier,
    interrupted upsert of this body may have done ("created" or "updated"): a stored customer that already
    equals the body is then reported with that action, not as unchanged. `on_write` is told, just before the
    write is sent, which of the two this one is about to do (a journal can record it, for `earlier` after a
    crash).
    """
    seen: list[Sequence[Mapping[str, Any]]] = []
    result = yield from _upsert_steps(
        department_uuid, request, defaulted, replace_lists, candidates, named, earlier, on_write, seen,
        timeout, max_retries,
    )  # fmt: skip
    return replace(result, named=tuple(seen[-1])) if seen else result


def _upsert_steps(
    department_uuid: str,
    request: Body[SaveCustomerRequest],
    defaulted: Collection[str],
    replace_lists: bool,
    candidates: Sequence[Mapping[str, Any]] | None,
    named: Sequence[Mapping[str, Any]] | None,
    earlier: Written | None,
    on_write: Callable[[Written], None] | None,
    seen: list[Sequence[Mapping[str, Any]]],
    timeout: Timeout,
    max_retries: int | None,
) -> Flow[UpsertResult]:
    """`upsert_flow` without the bookkeeping of `named`: what was found by name is appended to `seen`."""
    body = {key: value for key, value in request.to_dict().items() if key != "searchForDuplicate"}
    identity = Identity.of(body)
    for attempt in range(2):
        try:
            found: Sequence[Mapping[str, Any]]
            if candidates is not None and attempt == 0:
                found = candidates
            else:
                found = yield from candidates_flow(department_uuid, identity, timeout, max_retries)
            given = named if attempt == 0 else None
            decision, by_name = yield from _decide(
                department_uuid, identity, found, given, timeout, max_retries
            )
            if by_name is not None:
                seen.append(by_name)
        except _Incomplete as incomplete:
            reason = (
                f"more than {PAGE_LIMIT} customers match {str(incomplete)!r}: it cannot be matched safely"
            )
            return UpsertResult(None, "unmatched", reason)
        notes = _notes(decision)
        if decision.action == "unmatched":
            return UpsertResult(None, "unmatched", decision.reason, tuple(notes), decision.match)
        if decision.action == "update":
            assert decision.customer is not None
            uuid = str(decision.customer["customer"]["customerUuid"])
            try:
                merged = merge(
                    decision.customer, body, defaulted=frozenset(defaulted), replace_lists=replace_lists
                )
            except MergeError as error:
                raise ValidationError([Problem("customer", str(error), "merge.max-items")]) from None
            if not merged.changed:
                action: Action = earlier or "unchanged"
                return UpsertResult(uuid, action, decision.reason, tuple(notes), decision.match, merged.kept,
                                    verified=earlier is not None, stored=decision.customer)  # fmt: skip
            if on_write is not None:
                on_write("updated")
            update = Body(SaveCustomerRequest, json=merged.body)
            response = yield request_call(department_uuid, uuid, update, timeout, max_retries)
            warnings = (*normalize_warnings(response.to_dict()), *notes, *_deletions(merged.deleted))
            stored = decision.customer
            known = _as_stored(merged.body, uuid, stored["customer"].get("id"), stored.get("vehicles") or [])
            answer = cast(UpdateCustomerResponse, response)
            return UpsertResult(uuid, "updated", decision.reason, warnings, decision.match, merged.kept,
                                merged.deleted, answer, stored=known)  # fmt: skip
        if on_write is not None:
            on_write("created")
        if identity.has_identifiers:
            create = Body(SaveCustomerRequest, json={**body, "searchForDuplicate": True})
            saved = yield from create_or_update_flow(department_uuid, create, timeout, max_retries)
            warnings = (*normalize_warnings(saved.to_dict()), *notes)
            known = _as_stored(body, saved.customer_uuid, saved.customer_id, [])
            return UpsertResult(saved.customer_uuid, "created", decision.reason, warnings, response=saved,
                                stored=known)  # fmt: skip
        plain = Body(SaveCustomerRequest, json={**body, "searchForDuplicate": False})
        try:
            response = yield request_call(department_uuid, None, plain, timeout, max_retries)
        except APIConnectionError as error:
            if attempt or not error.may_have_reached_server:
                raise
            earlier = "created"  # look again before sending it twice
            continue
        except ConflictError as error:
            if attempt or not error.has_error("DUPLICATE_CUSTOMER_KEY"):
                raise
            continue  # the key was taken since the lookup: look again
        saved = cast(SaveCustomerResponse, response)
        warnings = (*normalize_warnings(saved.to_dict()), *notes)
        known = _as_stored(body, saved.customer_uuid, saved.customer_id, [])
        return UpsertResult(saved.customer_uuid, "created", decision.reason, warnings, response=saved,
                            verified=earlier is not None, stored=known)  # fmt: skip
    raise AssertionError("unreachable: the second pass returns or raises")
