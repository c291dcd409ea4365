"""Customer search (D-SEARCH): tokens, hits through the search index, ranking and limits."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any, Final

from mykaarma_core.rules import split_words

from ..errors import INVALID, ApiError, ErrorItem, customer_warning
from ..search_index import rows_containing
from ..spec import Spec, load_spec
from .store import ids_json
from .views import customers_with_vehicles

if TYPE_CHECKING:
    from ..app import RequestContext


SEARCH_FIELDS: Final[tuple[str, ...]] = (
    "fname",
    "lname",
    "company",
    "customerKey",
    "communications.commValue",
    "vehicles.vin",
)
"""D-SEARCH: the six searchable fields, all searched when ``fieldsToBeSearched`` is absent."""

_CUSTOMER_SEARCH_COLUMNS: Final[Mapping[str, str]] = {
    "fname": "search_fname",
    "lname": "search_lname",
    "company": "search_company",
    "customerKey": "search_key",
}
_PHONE_TOKEN: Final[re.Pattern[str]] = re.compile(r"^[+()\d.\-]*\d[+()\d.\-]*$")


@dataclass
class TokenHits:
    """Where one search token hit: customers through their own fields, vehicles through their VIN.

    The values count whole-field (exact) hits, used for D-SEARCH's second ordering key.
    """

    customers: dict[int, int] = field(default_factory=dict)
    vehicles: dict[int, tuple[int, int]] = field(default_factory=dict)  # vehicle id -> (customer id, exact)


def _token_hits(
    conn: sqlite3.Connection, department_uuid: str, token: str, fields: Sequence[str]
) -> TokenHits:
    """SQL narrowing for one token: substring tests on the department's indexed rows (D-SEARCH).

    A token hits a field when it is a case-insensitive substring of it (both sides case-folded). Phones are
    compared on digits only, and only for tokens made of phone characters (digits, ``+ ( ) . -``), so
    ``3105550147`` finds ``+13105550147``; an exact phone hit is the whole number or its 10 national digits.
    """
    hits = TokenHits()
    folded = token.casefold()
    columns = [_CUSTOMER_SEARCH_COLUMNS[name] for name in fields if name in _CUSTOMER_SEARCH_COLUMNS]
    if columns:
        exact = " + ".join(f"(t.{column} = :t)" for column in columns)
        where = " OR ".join(f"instr(t.{column}, :t) > 0" for column in columns)
        for row in conn.execute(
            f"SELECT t.id, {exact} FROM customer_customers AS t WHERE t.department_uuid = :d AND ({where})",
            {"t": folded, "d": department_uuid},
        ):
            hits.customers[int(row[0])] = hits.customers.get(int(row[0]), 0) + int(row[1])
    if "communications.commValue" in fields:
        source = rows_containing("customer_emails", folded)
        for row in conn.execute(
            f"SELECT t.customer_id, t.search_value = :t FROM {source.clause} "
            "WHERE t.department_uuid = :d AND instr(t.search_value, :t) > 0",
            {"t": folded, "d": department_uuid, **source.parameters},
        ):
            hits.customers[int(row[0])] = hits.customers.get(int(row[0]), 0) + int(row[1])
        if _PHONE_TOKEN.match(token):
            digits = re.sub(r"\D", "", token)
            source = rows_containing("customer_phones", digits)
            for row in conn.execute(
                f"SELECT t.customer_id, (t.digits = :t OR t.digits = '1' || :t) FROM {source.clause} "
                "WHERE t.department_uuid = :d AND instr(t.digits, :t) > 0",
                {"t": digits, "d": department_uuid, **source.parameters},
            ):
                hits.customers[int(row[0])] = hits.customers.get(int(row[0]), 0) + int(row[1])
    if "vehicles.vin" in fields:
        vin = token.upper()
        source = rows_containing("customer_vehicles", vin)
        for row in conn.execute(
            f"SELECT t.id, t.customer_id, t.vin_normalized = :t FROM {source.clause} "
            "WHERE t.department_uuid = :d AND instr(t.vin_normalized, :t) > 0",
            {"t": vin, "d": department_uuid, **source.parameters},
        ):
            hits.vehicles[int(row[0])] = (int(row[1]), int(row[2]))
    return hits


@dataclass(frozen=True)
class Ranked:
    """One search result before loading: customer id, ordering keys and (vehicle preference) its vehicles."""

    customer_id: int
    tokens_hit: int
    exact_hits: int
    vehicle_ids: frozenset[int] | None


def rank_customers(per_token: Sequence[TokenHits], *, require_all: bool) -> list[Ranked]:
    """Customer preference: a customer hits a token through its own fields or any of its vehicles' VINs.

    ``require_all`` is ``queryOperator=AND`` (every token must hit) vs ``OR`` (at least one).
    """
    token_sets: list[set[int]] = []
    for hits in per_token:
        owners = {owner for owner, _ in hits.vehicles.values()}
        token_sets.append(set(hits.customers) | owners)
    if not token_sets:
        return []
    matched = set.intersection(*token_sets) if require_all else set.union(*token_sets)
    ranked: list[Ranked] = []
    exact: dict[int, int] = dict.fromkeys(matched, 0)
    for hits in per_token:
        for cid, count in hits.customers.items():
            if cid in exact:
                exact[cid] += count
        for owner, count in hits.vehicles.values():
            if owner in exact:
                exact[owner] += count
    for cid in matched:
        tokens_hit = sum(1 for token_set in token_sets if cid in token_set)
        ranked.append(Ranked(cid, tokens_hit, exact[cid], None))
    return ranked


def rank_vehicles(
    per_token: Sequence[TokenHits], vehicles_by_customer: Mapping[int, Sequence[int]], *, require_all: bool
) -> list[Ranked]:
    """Vehicle preference: one entry per owner of a matching vehicle, with only the matching vehicles.

    A vehicle matches when the tokens hit (AND: all, OR: any) its owner's fields or its own VIN, i.e. the
    customer-and-that-vehicle pair satisfies the query. Customers without a matching vehicle (for instance
    without vehicles) are not returned. Owners are ranked by their best vehicle.
    """
    ranked: list[Ranked] = []
    total = len(per_token)
    for cid, vehicle_ids in vehicles_by_customer.items():
        kept: set[int] = set()
        best_hits = 0
        exact = sum(hits.customers.get(cid, 0) for hits in per_token)
        for vid in vehicle_ids:
            count = sum(1 for hits in per_token if cid in hits.customers or vid in hits.vehicles)
            if count == 0 or (require_all and count < total):
                continue
            kept.add(vid)
            best_hits = max(best_hits, count)
            exact += sum(hits.vehicles[vid][1] for hits in per_token if vid in hits.vehicles)
        if kept:
            ranked.append(Ranked(cid, best_hits, exact, frozenset(kept)))
    return ranked


@dataclass(frozen=True)
class SearchLimits:
    """D-SEARCH, as the spec's parameter extensions state it: the term length used, the page size range."""

    term_length: int
    min_results: int
    max_results: int


def search_limits(spec: Spec) -> SearchLimits:
    """``searchTerm``'s `x-truncated-to-length` and ``maxResults``'s `x-accepted-range` (searchCustomers)."""
    operation = spec.operations["searchCustomers"]
    term = operation.parameter("searchTerm", "query")
    results = operation.parameter("maxResults", "query")
    if term is None or results is None:
        raise RuntimeError("searchCustomers has no searchTerm or maxResults parameter")
    accepted = results.extensions["x-accepted-range"]
    return SearchLimits(
        int(term.extensions["x-truncated-to-length"]), int(accepted["minimum"]), int(accepted["maximum"])
    )


@cache
def _bundled_search_limits() -> SearchLimits:
    return search_limits(load_spec())


def search_customers(ctx: RequestContext) -> dict[str, Any]:
    """C4 per D-SEARCH (facts §4.1 rule 12).

    * ``searchTerm`` longer than the spec's limit (150) is cut with 10003; it splits on whitespace into
      tokens; a term without any token is 400 (a blank required value counts as missing, as in D-NAMES).
    * ``maxResults`` outside the spec's range (1-100, inclusive): the maximum with 10002.
    * ``searchPreference`` other than ``customer``/``vehicle`` (case-sensitive): ``customer`` with 10004.
    * ``queryOperator`` AND (default) / OR; ``fieldsToBeSearched`` default all six.
    * Order: most tokens hit, most exact (whole-field) hits, most recently updated, then oldest id.
    * ``matchingCount`` counts every match before ``maxResults``; none: 200, count 0 and 10001.

    The candidate rows come from SQL substring tests per token restricted to the department; only the
    returned page (at most 100 customers) is loaded with its lists.
    """
    department_uuid = ctx.path["departmentUUID"]
    query = ctx.query
    limits = _bundled_search_limits()
    term = str(query.get("searchTerm") or "")
    if len(term) > limits.term_length:
        term = term[: limits.term_length]
        length = limits.term_length
        message = f"searchTerm is longer than {length} characters; the first {length} were used"
        ctx.warnings.append(customer_warning(10003, message, "searchTerm"))
    max_results = query.get("maxResults")
    if max_results is None:
        max_results = limits.max_results
    elif not limits.min_results <= int(max_results) <= limits.max_results:
        message = (
            f"maxResults must be between {limits.min_results} and {limits.max_results}; "
            f"{limits.max_results} was used"
        )
        ctx.warnings.append(customer_warning(10002, message, "maxResults"))
        max_results = limits.max_results
    preference = query.get("searchPreference")
    if preference is None:
        preference = "customer"
    elif preference not in ("customer", "vehicle"):
        ctx.warnings.append(
            customer_warning(
                10004, "searchPreference must be customer or vehicle; customer was used", "searchPreference"
            )
        )
        preference = "customer"
    require_all = (query.get("queryOperator") or "AND") == "AND"
    fields: Sequence[str] = query.get("fieldsToBeSearched") or SEARCH_FIELDS
    tokens = split_words(term)
    if not tokens:
        raise ApiError(400, [ErrorItem(INVALID, "searchTerm must contain text", "searchTerm")])

    per_token = [_token_hits(ctx.conn, department_uuid, token, fields) for token in tokens]
    if preference == "vehicle":
        candidates: set[int] = set()
        for hits in per_token:
            candidates.update(hits.customers)
            candidates.update(owner for owner, _ in hits.vehicles.values())
        by_customer: dict[int, list[int]] = {}
        if candidates:
            for row in ctx.conn.execute(
                "SELECT customer_id, id FROM customer_vehicles "
                "WHERE customer_id IN (SELECT value FROM json_each(?))",
                (ids_json(candidates),),
            ):
                by_customer.setdefault(int(row[0]), []).append(int(row[1]))
        ranked = rank_vehicles(per_token, by_customer, require_all=require_all)
    else:
        ranked = rank_customers(per_token, require_all=require_all)

    updated: dict[int, int] = {}
    if ranked:
        for row in ctx.conn.execute(
            "SELECT id, updated_seq FROM customer_customers WHERE id IN (SELECT value FROM json_each(?))",
            (ids_json(item.customer_id for item in ranked),),
        ):
            updated[int(row[0])] = int(row[1])
    ranked.sort(
        key=lambda item: (-item.tokens_hit, -item.exact_hits, -updated[item.customer_id], item.customer_id)
    )
    page = ranked[:max_results]
    rows_by_id: dict[int, sqlite3.Row] = {}
    if page:
        for row in ctx.conn.execute(
            "SELECT * FROM customer_customers WHERE id IN (SELECT value FROM json_each(?))",
            (ids_json(item.customer_id for item in page),),
        ):
            rows_by_id[int(row["id"])] = row
    only = (
        {item.customer_id: set(item.vehicle_ids or ()) for item in page} if preference == "vehicle" else None
    )
    results = customers_with_vehicles(
        ctx.conn, [rows_by_id[item.customer_id] for item in page], include_vehicles=True, only_vehicles=only
    )
    if not ranked:
        ctx.warnings.append(customer_warning(10001, "no customer matches the search", "searchTerm"))
    return {"errors": [], "warnings": [], "matchingCount": len(ranked), "matchingCustomers": results}
