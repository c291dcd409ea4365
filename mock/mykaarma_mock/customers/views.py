"""Stored rows rendered as the spec's read schemas (CustomerRead, VehicleRead, CustomerWithVehicles)."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any, Final

from ..documents import read_view
from .store import ids_json

#: The child tables of a customer and the order of its rows in each.
CHILD_TABLES: Final[Mapping[str, str]] = {
    "customer_phones": "position",
    "customer_emails": "position",
    "customer_addresses": "position",
    "customer_vehicles": "id",
}


def rows_by_customer(
    conn: sqlite3.Connection, table: str, ids: Sequence[int]
) -> dict[int, list[sqlite3.Row]]:
    """The rows of one child table for the customers `ids`, grouped by customer id, in stored order."""
    grouped: dict[int, list[sqlite3.Row]] = {}
    for row in conn.execute(
        f"SELECT * FROM {table} WHERE customer_id IN (SELECT value FROM json_each(?)) "
        f"ORDER BY customer_id, {CHILD_TABLES[table]}",
        (ids_json(ids),),
    ):
        grouped.setdefault(int(row["customer_id"]), []).append(row)
    return grouped


def phone_json(row: sqlite3.Row) -> dict[str, Any]:
    """Phone: the stored entry with its E.164 number."""
    return read_view("Phone", row["document"], {"phoneNumber": row["e164"]})


def email_json(row: sqlite3.Row) -> dict[str, Any]:
    """Email: the stored entry with its address as stored (trimmed)."""
    return read_view("Email", row["document"], {"emailAddress": row["email_address"]})


def address_json(row: sqlite3.Row) -> dict[str, Any]:
    """Address: the stored entry with the values the server assigns."""
    return read_view("Address", row["document"], {"uuid": row["uuid"], "updateTS": row["update_ts"]})


def _vehicle_json(row: sqlite3.Row) -> dict[str, Any]:
    """VehicleRead (facts §3.1, C3): the stored document with the columns and server-assigned values."""
    computed = {
        "id": int(row["id"]),
        "vin": row["vin"],
        "vehicleKey": row["vehicle_key"],
        "isValid": bool(row["is_valid"]),
        "vehicleUuid": row["uuid"],
    }
    return read_view("VehicleRead", row["document"], computed)


def _customer_json(
    row: sqlite3.Row,
    phones: Sequence[sqlite3.Row],
    emails: Sequence[sqlite3.Row],
    addresses: Sequence[sqlite3.Row],
) -> dict[str, Any]:
    """CustomerRead (facts §3.1, C3): the stored document with the columns, lists and server-assigned values;
    ``customerId`` is ``id`` as a string (D-CREATE-RESPONSE)."""
    computed = {
        "id": int(row["id"]),
        "customerKey": row["customer_key"],
        "firstName": row["first_name"],
        "lastName": row["last_name"],
        "company": row["company"],
        "emails": [email_json(email) for email in emails],
        "phoneNumbers": [phone_json(phone) for phone in phones],
        "addresses": [address_json(address) for address in addresses],
        "isBusiness": bool(row["is_business"]),
        "customerUuid": row["uuid"],
        "customerId": str(row["id"]),
    }
    return read_view("CustomerRead", row["document"], computed)


def customers_with_vehicles(
    conn: sqlite3.Connection,
    rows: Sequence[sqlite3.Row],
    *,
    include_vehicles: bool,
    only_vehicles: Mapping[int, set[int]] | None = None,
) -> list[dict[str, Any]]:
    """``CustomerWithVehicles`` items for ``rows``, loading their lists in one query per table.

    ``only_vehicles`` restricts each customer's vehicles to the given vehicle ids (D-SEARCH, vehicle
    preference).
    """
    ids = [int(row["id"]) for row in rows]
    phones, emails, addresses = (
        rows_by_customer(conn, table, ids)
        for table in ("customer_phones", "customer_emails", "customer_addresses")
    )
    vehicles = rows_by_customer(conn, "customer_vehicles", ids) if include_vehicles else {}
    items: list[dict[str, Any]] = []
    for row in rows:
        cid = int(row["id"])
        item: dict[str, Any] = {
            "customer": _customer_json(row, phones.get(cid, []), emails.get(cid, []), addresses.get(cid, []))
        }
        if include_vehicles:
            kept = vehicles.get(cid, [])
            if only_vehicles is not None:
                allowed = only_vehicles.get(cid, set())
                kept = [vehicle for vehicle in kept if int(vehicle["id"]) in allowed]
            item["vehicles"] = [_vehicle_json(vehicle) for vehicle in kept]
        items.append(item)
    return items
