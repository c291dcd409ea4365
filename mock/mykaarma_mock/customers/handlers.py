"""The handlers of the six customer operations and their registry (contract of ``mykaarma_mock.app``)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from mykaarma_core.matching import (
    match_customer,
)

from ..errors import Notice
from .search import search_customers
from .store import (
    candidate_ids,
    check_key,
    find_customer,
    list_warnings,
    load_records,
    match_input,
    not_found,
    prepare_save,
    write_customer,
)
from .views import address_json, customers_with_vehicles, email_json, phone_json, rows_by_customer

if TYPE_CHECKING:
    from ..app import Handler, RequestContext


# Handlers: create, create-or-update, update


def create_customer(ctx: RequestContext) -> dict[str, Any]:
    """C1 / C1' (D-CREATE-METHOD): plain create, or create-or-update with ``searchForDuplicate``.

    * ``searchForDuplicate`` false (default, D-SEARCH-FOR-DUPLICATE): always a new customer; a
      ``customerKey`` already used in the department is 409 (D-CUSTOMER-KEY).
    * ``searchForDuplicate`` true: D-MATCHING within the path department. Step-1 candidates come from
      indexed lookups of the input's normalised phones, e-mails and VINs;
      ``mykaarma_core.matching.match_customer`` runs steps 2-4 and the outcome rule. A match is updated with
      the update semantics of D-LIST-REPLACEMENT, otherwise a customer is created. If the saved record would
      take a key owned by a different customer: 409, nothing saved (D-CUSTOMER-KEY).

    The whole call runs in the request's write transaction, which holds the database lock, so a
    match-then-insert cannot race (issue item 7). Response: ``customerUuid`` and ``customerId`` of the saved
    record, no vehicle ids (D-CREATE-RESPONSE).
    """
    department_uuid = ctx.path["departmentUUID"]
    body = ctx.body or {}
    pending: list[Notice] = []
    save = prepare_save(body, pending)
    existing: sqlite3.Row | None = None
    if body.get("searchForDuplicate") is True:
        incoming = match_input(save)
        ids = candidate_ids(ctx.conn, department_uuid, incoming.phones, incoming.emails, incoming.vins)
        result = match_customer(incoming, load_records(ctx.conn, ids))
        if result.customer is not None:
            existing = find_customer(ctx.conn, department_uuid, result.customer.customer_uuid)
    check_key(ctx.conn, department_uuid, save.customer_key, None if existing is None else int(existing["id"]))
    list_warnings(save, pending, updating=existing is not None)
    customer_id, customer_uuid = write_customer(ctx.conn, department_uuid, save, existing)
    ctx.warnings.extend(pending)
    return {"errors": [], "warnings": [], "customerUuid": customer_uuid, "customerId": str(customer_id)}


def update_customer(ctx: RequestContext) -> dict[str, Any]:
    """C2 (D-UPDATE-METHOD): update the path's customer.

    Unknown customer or a customer of another department: 404 ``CUSTOMER_NOT_FOUND`` (D-STATUS). Lists per
    D-LIST-REPLACEMENT (phones/e-mails replaced, 10005/10006 when none remain; addresses replaced when the key
    is present; vehicles upserted). ``customerKey`` of another customer: 409 (D-CUSTOMER-KEY).
    ``searchForDuplicate`` is ignored; the path's ``customerUuid`` wins over the body's.
    """
    department_uuid = ctx.path["departmentUUID"]
    body = ctx.body or {}
    pending: list[Notice] = []
    save = prepare_save(body, pending)
    existing = find_customer(ctx.conn, department_uuid, ctx.path["customerUuid"])
    if existing is None:
        raise not_found()
    if "customerKey" in save.customer:
        check_key(ctx.conn, department_uuid, save.customer_key, int(existing["id"]))
    list_warnings(save, pending, updating=True)
    write_customer(ctx.conn, department_uuid, save, existing)
    ctx.warnings.extend(pending)
    return {"errors": [], "warnings": []}


# Handlers: reads


def read_customer(ctx: RequestContext) -> dict[str, Any]:
    """C3: the customer with its lists; ``excludeVehicles=true`` omits the ``vehicles`` key (D-READ).

    Another department's customer is 404, like an unknown one (D-STATUS).
    """
    row = find_customer(ctx.conn, ctx.path["departmentUUID"], ctx.path["customerUuid"])
    if row is None:
        raise not_found()
    include_vehicles = ctx.query.get("excludeVehicles") is not True
    [item] = customers_with_vehicles(ctx.conn, [row], include_vehicles=include_vehicles)
    return {"errors": [], "warnings": [], "customerWithVehicles": item}


def dealer_numeric_id(dealer_uuid: str) -> int:
    """A stable int64 for the legacy ``dealerId``/``dealerID`` fields (the world knows dealers by uuid only).

    Derived from the uuid (53 bits, exact in every JSON reader), so it does not depend on the world file's
    order.
    """
    return int.from_bytes(hashlib.sha256(dealer_uuid.encode()).digest()[:8], "big") & ((1 << 53) - 1)


def _legacy_vehicle(row: sqlite3.Row) -> dict[str, Any]:
    """A vehicle of ``customerInfo`` (C5): the legacy names of the stored document's values."""
    stored: Mapping[str, Any] = json.loads(row["document"])
    return {
        "model": stored.get("vehicleModel"),
        "year": stored.get("vehicleYear"),
        "make": stored.get("vehicleMake"),
        "engine": stored.get("vehicleEngine"),
        "bodyStyle": None,
        "trim": stored.get("vehicleTrim"),
        "vin": row["vin"],
        "id": int(row["id"]),
        "isValid": bool(row["is_valid"]),
        "uuid": row["uuid"],
        "vehicleKey": row["vehicle_key"],
        "imageUrl": None,
    }


def get_customer(ctx: RequestContext) -> dict[str, Any]:
    """C5 (D-GETCUSTOMER): the legacy ``customerInfo`` read, only within the body's ``dealerUUIDList``.

    The core has already required ``customer.search`` at Dealer level for every listed dealer (D-SCOPE); a
    customer whose department belongs to a dealer not listed is 404, like an unknown one. ``customerInfo``
    uses ``fname``/``lname`` and one ``communications`` list (phones ``PHONE`` then e-mails ``EMAIL``);
    ``excludeOrderType=true`` omits ``dealerOrderInfoList``, otherwise it is ``[]`` (the mock stores no
    orders); addresses come in the current (``addressListV2``) and the legacy (``addressList``) shape.
    """
    body = ctx.body or {}
    listed = set(body.get("dealerUUIDList") or ())
    row: sqlite3.Row | None = ctx.conn.execute(
        "SELECT * FROM customer_customers WHERE uuid = ?", (ctx.path["customerUUID"],)
    ).fetchone()
    department = None if row is None else ctx.world.department(str(row["department_uuid"]))
    if row is None or department is None or department.dealer_uuid not in listed:
        raise not_found()
    cid = int(row["id"])
    dealer_id = dealer_numeric_id(department.dealer_uuid)
    phones, emails, addresses, vehicles = (
        rows_by_customer(ctx.conn, table, [cid]).get(cid, [])
        for table in ("customer_phones", "customer_emails", "customer_addresses", "customer_vehicles")
    )
    communications = [
        _communication(int(row["id"]), "PHONE", view["phoneNumber"], view)
        for row, view in ((phone, phone_json(phone)) for phone in phones)
    ] + [
        _communication(int(row["id"]), "EMAIL", view["emailAddress"], view)
        for row, view in ((email, email_json(email)) for email in emails)
    ]
    info: dict[str, Any] = {
        "id": cid,
        "fname": row["first_name"],
        "lname": row["last_name"],
        "customerKey": row["customer_key"],
        "uuid": row["uuid"],
        "company": row["company"],
        "dealerId": dealer_id,
        "communications": communications,
        "vehicles": [_legacy_vehicle(vehicle) for vehicle in vehicles],
        "secondaryCustomerData": [],
    }
    response: dict[str, Any] = {"errors": [], "warnings": [], "customerInfo": info}
    if ctx.query.get("excludeOrderType") is not True:
        response["dealerOrderInfoList"] = []
    current = [address_json(address) for address in addresses]
    response["addressListV2"] = current
    response["addressList"] = [
        _legacy_address(int(row["id"]), dealer_id, view) for row, view in zip(addresses, current, strict=True)
    ]
    return response


def _communication(row_id: int, kind: str, value: str, view: Mapping[str, Any]) -> dict[str, Any]:
    """A phone or e-mail in the legacy ``communications`` shape of getCustomer."""
    return {
        "commValue": value,
        "commType": kind,
        "commLabel": view.get("label"),
        "preferred": view.get("isPreferred") is True,
        "id": row_id,
    }


def _legacy_address(row_id: int, dealer_id: int, view: Mapping[str, Any]) -> dict[str, Any]:
    """An address in the legacy ``addressList`` shape of getCustomer."""
    return {
        "id": row_id,
        "dealerID": dealer_id,
        "line1": view.get("line1"),
        "line2": view.get("line2"),
        "city": view.get("city"),
        "zip": view.get("zip"),
        "zipExt": None,
        "addressType": view.get("addressType"),
        "phone": None,
        "stateCode": view.get("state"),
        "stateDescription": view.get("state"),
        "countryCode": view.get("country"),
        "country": view.get("country"),
    }


# Registry (contract of mykaarma_mock.app)

HANDLERS: dict[str, Handler] = {
    "createCustomer": create_customer,
    "createCustomerViaPut": create_customer,
    "updateCustomer": update_customer,
    "readCustomer": read_customer,
    "searchCustomers": search_customers,
    "getCustomer": get_customer,
}

WRITE_OPERATIONS: frozenset[str] = frozenset({"createCustomer", "createCustomerViaPut", "updateCustomer"})
