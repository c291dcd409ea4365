"""Reading and writing stored customers: lookups for the matcher, and the update semantics of
D-LIST-REPLACEMENT."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Final

from mykaarma_core.matching import (
    CustomerRecord,
    MatchInput,
    normalize_vin,
)
from mykaarma_core.rules import is_missing, strip_blank

from ..documents import merged_document, read_only
from ..errors import ApiError, ErrorItem, Notice, customer_warning
from .checks import (
    CleanedList,
    EmailIn,
    PhoneIn,
    check_request,
    clean_emails,
    clean_phones,
    complete_addresses,
    fail_on,
)

_CHANGE_SEQUENCE: Final[str] = "change"
_COMMUNICATION_SEQUENCE: Final[str] = "communication"

# The properties a customer and a vehicle keep in columns (matched, searched or assigned) or in child tables;
# every other property sent is kept in the record's document (`mykaarma_mock.documents`).
_CUSTOMER_OUTSIDE_DOCUMENT: Final = frozenset(
    {"firstName", "lastName", "company", "customerKey", "isBusiness", "customerUuid",
     "phoneNumbers", "emails", "addresses"}
)  # fmt: skip
_VEHICLE_OUTSIDE_DOCUMENT: Final = frozenset({"vin", "vehicleKey", "vehicleUuid", "isValid"})


# Small helpers


def _search_text(value: str | None) -> str:
    """Case-insensitive form of a searchable field (D-SEARCH): Unicode case folding."""
    return value.casefold() if value else ""


def _now_ts() -> str:
    """Address ``updateTS`` (date-time, UTC, milliseconds) as the vendor's samples show it."""
    now = datetime.now(UTC)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"


def ids_json(ids: Iterable[int]) -> str:
    """A JSON array of ids, bound as one parameter and expanded with ``json_each`` (no variable limit)."""
    return json.dumps(sorted(set(ids)))


def _next_value(conn: sqlite3.Connection, name: str, count: int = 1) -> int:
    """Reserve ``count`` values of the monotonic counter ``name``; returns the first one."""
    row = conn.execute(
        "INSERT INTO customer_sequences (name, value) VALUES (?, ?) "
        "ON CONFLICT (name) DO UPDATE SET value = value + excluded.value RETURNING value",
        (name, count),
    ).fetchone()
    return int(row[0]) - count + 1


def not_found() -> ApiError:
    """D-STATUS: an unknown customer and another tenant's customer get the same 404."""
    return ApiError(404, [ErrorItem("CUSTOMER_NOT_FOUND", "no customer with this customerUuid in scope")])


# Reading stored rows


def find_customer(conn: sqlite3.Connection, department_uuid: str, customer_uuid: str) -> sqlite3.Row | None:
    """The customer of this department with this uuid; another department's is not found (D-STATUS)."""
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM customer_customers WHERE uuid = ? AND department_uuid = ?",
        (customer_uuid, department_uuid),
    ).fetchone()
    return row


def _key_owner(conn: sqlite3.Connection, department_uuid: str, key: str) -> int | None:
    """Id of the customer of the department owning ``customerKey`` ``key`` (D-CUSTOMER-KEY), via the index."""
    row = conn.execute(
        "SELECT id FROM customer_customers WHERE department_uuid = ? AND customer_key = ?",
        (department_uuid, key),
    ).fetchone()
    return None if row is None else int(row[0])


def candidate_ids(
    conn: sqlite3.Connection,
    department_uuid: str,
    phones: Iterable[str],
    emails: Iterable[str],
    vins: Iterable[str],
) -> list[int]:
    """D-MATCHING step 1: customers of the department sharing a phone, an e-mail or a VIN with the input.

    Three indexed equality lookups ((department_uuid, e164), (department_uuid, email_normalized),
    (department_uuid, vin_normalized)); never a scan of the department's customers. ``customerKey`` alone
    never yields a candidate.
    """
    found: set[int] = set()
    lookups = (
        ("customer_phones", "e164", phones),
        ("customer_emails", "email_normalized", emails),
        ("customer_vehicles", "vin_normalized", vins),
    )
    for table, column, values in lookups:
        wanted = sorted(set(values))
        if not wanted:
            continue
        marks = ", ".join("?" for _ in wanted)
        rows = conn.execute(
            f"SELECT DISTINCT customer_id FROM {table} WHERE department_uuid = ? AND {column} IN ({marks})",
            (department_uuid, *wanted),
        )
        found.update(int(row[0]) for row in rows)
    return sorted(found)


def load_records(conn: sqlite3.Connection, ids: Sequence[int]) -> list[CustomerRecord]:
    """The customers ``ids`` as the matcher sees them (normalised communications and VINs)."""
    if not ids:
        return []
    packed = ids_json(ids)
    phones: dict[int, set[str]] = {}
    emails: dict[int, set[str]] = {}
    vins: dict[int, set[str]] = {}
    for row in conn.execute(
        "SELECT customer_id, e164 FROM customer_phones WHERE customer_id IN (SELECT value FROM json_each(?))",
        (packed,),
    ):
        phones.setdefault(int(row[0]), set()).add(str(row[1]))
    for row in conn.execute(
        "SELECT customer_id, email_normalized FROM customer_emails "
        "WHERE customer_id IN (SELECT value FROM json_each(?))",
        (packed,),
    ):
        emails.setdefault(int(row[0]), set()).add(str(row[1]))
    for row in conn.execute(
        "SELECT customer_id, vin_normalized FROM customer_vehicles "
        "WHERE customer_id IN (SELECT value FROM json_each(?)) AND vin_normalized IS NOT NULL",
        (packed,),
    ):
        vins.setdefault(int(row[0]), set()).add(str(row[1]))
    records: list[CustomerRecord] = []
    for row in conn.execute(
        "SELECT * FROM customer_customers WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id", (packed,)
    ):
        cid = int(row["id"])
        records.append(
            CustomerRecord(
                customer_uuid=row["uuid"],
                first_name=row["first_name"],
                last_name=row["last_name"],
                company=row["company"],
                is_business=bool(row["is_business"]),
                customer_key=row["customer_key"],
                phones=frozenset(phones.get(cid, ())),
                emails=frozenset(emails.get(cid, ())),
                vins=frozenset(vins.get(cid, ())),
                updated_seq=int(row["updated_seq"]),
                created_seq=int(row["created_seq"]),
            )
        )
    return records


# Writing


@dataclass(frozen=True)
class SaveInput:
    """A save request after the rules that can drop data (D-PHONE-EMAIL) ran."""

    body: Mapping[str, Any]
    customer: Mapping[str, Any]
    phones: CleanedList[PhoneIn]
    emails: CleanedList[EmailIn]
    customer_key: str | None
    vehicles: tuple[Mapping[str, Any], ...]


def prepare_save(body: Mapping[str, Any], warnings: list[Notice]) -> SaveInput:
    fail_on(check_request(body))
    customer: Mapping[str, Any] = body.get("customer") or {}
    if "addresses" in customer:
        customer = {**customer, "addresses": complete_addresses(customer["addresses"], warnings)}
    key = customer.get("customerKey")
    return SaveInput(
        body=body,
        customer=customer,
        phones=clean_phones(customer.get("phoneNumbers"), warnings),
        emails=clean_emails(customer.get("emails"), warnings),
        customer_key=None if is_missing(key) else strip_blank(str(key)),
        vehicles=tuple(body.get("vehicles") or ()),
    )


def list_warnings(save: SaveInput, warnings: list[Notice], *, updating: bool) -> None:
    """D-LIST-REPLACEMENT: list-level phone/e-mail warnings.

    Update (C2, or create-or-update that updates): the phone and e-mail lists replace the stored ones, so a
    customer left without phones gets 10005 and without e-mails 10006 (absent, null or empty list, or every
    entry dropped). Create: an absent, null or empty list gives 10007 / 10008.
    """
    if updating:
        if not save.phones.items:
            warnings.append(
                customer_warning(
                    10005,
                    "the phone list was null or empty, so all phone numbers of the customer were deleted",
                    "customer.phoneNumbers",
                )
            )
        if not save.emails.items:
            warnings.append(
                customer_warning(
                    10006,
                    "the e-mail list was null or empty, so all e-mail addresses of the customer were deleted",
                    "customer.emails",
                )
            )
        return
    if not save.phones.sent:
        warnings.append(customer_warning(10007, "the phone list is null or empty", "customer.phoneNumbers"))
    if not save.emails.sent:
        warnings.append(customer_warning(10008, "the e-mail list is null or empty", "customer.emails"))


def _scalar_columns(customer: Mapping[str, Any], stored_document: str | None) -> dict[str, Any]:
    """Customer columns set by the request (`stored_document` None: a new customer).

    A key present in ``customer`` (even ``null``) overwrites the stored value; an absent key keeps it on
    update and is null (``isBusiness``: false) on create. ``customerUuid`` in the body is never stored: the
    path wins on update and create assigns a new one (CustomerInput description).
    """
    creating = stored_document is None
    columns: dict[str, Any] = {
        "document": merged_document(stored_document, customer, _CUSTOMER_OUTSIDE_DOCUMENT)
    }
    if "firstName" in customer or creating:
        columns["first_name"] = customer.get("firstName")
        columns["search_fname"] = _search_text(customer.get("firstName"))
    if "lastName" in customer or creating:
        columns["last_name"] = customer.get("lastName")
        columns["search_lname"] = _search_text(customer.get("lastName"))
    if "company" in customer or creating:
        columns["company"] = customer.get("company")
        columns["search_company"] = _search_text(customer.get("company"))
    if "customerKey" in customer or creating:
        key = customer.get("customerKey")
        stored_key = None if is_missing(key) else strip_blank(str(key))
        columns["customer_key"] = stored_key
        columns["search_key"] = _search_text(stored_key)
    if "isBusiness" in customer or creating:
        columns["is_business"] = 1 if customer.get("isBusiness") is True else 0
    return columns


def _replace_phones(
    conn: sqlite3.Connection, customer_id: int, department_uuid: str, phones: list[PhoneIn]
) -> None:
    """D-LIST-REPLACEMENT: the phone list is a full replacement; numbers stored in E.164 (D-PHONE-EMAIL)."""
    conn.execute("DELETE FROM customer_phones WHERE customer_id = ?", (customer_id,))
    if not phones:
        return
    first = _next_value(conn, _COMMUNICATION_SEQUENCE, len(phones))
    conn.executemany(
        "INSERT INTO customer_phones (id, customer_id, department_uuid, position, e164, digits, document) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                first + position,
                customer_id,
                department_uuid,
                position,
                phone.e164,
                phone.e164.lstrip("+"),
                merged_document(None, phone.document, frozenset()),
            )
            for position, phone in enumerate(phones)
        ],
    )


def _replace_emails(
    conn: sqlite3.Connection, customer_id: int, department_uuid: str, emails: list[EmailIn]
) -> None:
    """D-LIST-REPLACEMENT: the e-mail list is a full replacement; stored as sent, matched lower-cased."""
    conn.execute("DELETE FROM customer_emails WHERE customer_id = ?", (customer_id,))
    if not emails:
        return
    first = _next_value(conn, _COMMUNICATION_SEQUENCE, len(emails))
    conn.executemany(
        "INSERT INTO customer_emails (id, customer_id, department_uuid, position, email_address, "
        "email_normalized, search_value, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                first + position,
                customer_id,
                department_uuid,
                position,
                email.address,
                email.normalized,
                _search_text(email.address),
                merged_document(None, email.document, frozenset()),
            )
            for position, email in enumerate(emails)
        ],
    )


def _replace_addresses(
    conn: sqlite3.Connection, customer_id: int, addresses: Sequence[Mapping[str, Any]]
) -> None:
    """D-LIST-REPLACEMENT: a present ``addresses`` key replaces the stored list (``[]`` deletes all).

    ``uuid`` and ``updateTS`` are assigned by the server (Address: read-only, ignored on input).
    """
    conn.execute("DELETE FROM customer_addresses WHERE customer_id = ?", (customer_id,))
    stamp = _now_ts()
    conn.executemany(
        "INSERT INTO customer_addresses (uuid, customer_id, position, update_ts, document) "
        "VALUES (?, ?, ?, ?, ?)",
        [
            (
                str(uuid.uuid4()),
                customer_id,
                position,
                stamp,
                merged_document(None, address, read_only("Address")),
            )
            for position, address in enumerate(addresses)
        ],
    )


def _upsert_vehicles(
    conn: sqlite3.Connection, customer_id: int, department_uuid: str, vehicles: Sequence[Mapping[str, Any]]
) -> None:
    """D-LIST-REPLACEMENT: vehicles are upserted, never removed by a customer save.

    Each item is matched among the customer's stored vehicles by ``vehicleUuid``, else by VIN (normalised),
    else by ``vehicleKey``; a match is updated with the keys the item carries, anything else is added with a
    new ``vehicleUuid``. The VIN is stored trimmed and upper-cased (D-VIN); a vehicle without VIN is
    identified by year, make and model (D-VEHICLE-IDENTITY). The same rule applies on create, so one body
    listing the same VIN twice stores one vehicle.
    """
    for vehicle in vehicles:
        raw_vin = vehicle.get("vin")
        vin = None if is_missing(raw_vin) else strip_blank(str(raw_vin)).upper()
        vin_normalized = normalize_vin(vin) if vin else None
        key = vehicle.get("vehicleKey")
        match: sqlite3.Row | None = None
        if not is_missing(vehicle.get("vehicleUuid")):
            match = conn.execute(
                "SELECT id, document FROM customer_vehicles WHERE customer_id = ? AND uuid = ?",
                (customer_id, vehicle["vehicleUuid"]),
            ).fetchone()
        if match is None and vin_normalized:
            match = conn.execute(
                "SELECT id, document FROM customer_vehicles WHERE customer_id = ? AND vin_normalized = ? "
                "ORDER BY id LIMIT 1",
                (customer_id, vin_normalized),
            ).fetchone()
        if match is None and not is_missing(key):
            match = conn.execute(
                "SELECT id, document FROM customer_vehicles WHERE customer_id = ? AND vehicle_key = ? "
                "ORDER BY id LIMIT 1",
                (customer_id, key),
            ).fetchone()
        stored = None if match is None else str(match["document"])
        columns: dict[str, Any] = {"document": merged_document(stored, vehicle, _VEHICLE_OUTSIDE_DOCUMENT)}
        if "vehicleKey" in vehicle:
            columns["vehicle_key"] = key
        if "vin" in vehicle:
            columns["vin"] = vin
            columns["vin_normalized"] = vin_normalized
        if "isValid" in vehicle:
            columns["is_valid"] = int(vehicle["isValid"] is True)
        if match is not None:
            assignments = ", ".join(f"{column} = ?" for column in columns)
            conn.execute(
                f"UPDATE customer_vehicles SET {assignments} WHERE id = ?", (*columns.values(), int(match[0]))
            )
            continue
        columns.setdefault("is_valid", 1)
        columns.update(uuid=str(uuid.uuid4()), customer_id=customer_id, department_uuid=department_uuid)
        names = ", ".join(columns)
        marks = ", ".join("?" for _ in columns)
        conn.execute(f"INSERT INTO customer_vehicles ({names}) VALUES ({marks})", tuple(columns.values()))


def write_customer(
    conn: sqlite3.Connection,
    department_uuid: str,
    save: SaveInput,
    existing: sqlite3.Row | None,
) -> tuple[int, str]:
    """Insert a customer (``existing`` None) or apply the update semantics to ``existing``.

    Returns ``(id, uuid)``. Both bump the monotonic change sequence (``updated_seq``; ``created_seq`` on
    insert) used by D-MATCHING and D-SEARCH.
    """
    seq = _next_value(conn, _CHANGE_SEQUENCE)
    columns = _scalar_columns(save.customer, None if existing is None else str(existing["document"]))
    if existing is None:
        customer_uuid = str(uuid.uuid4())
        columns.update(uuid=customer_uuid, department_uuid=department_uuid, created_seq=seq, updated_seq=seq)
        names = ", ".join(columns)
        marks = ", ".join("?" for _ in columns)
        cursor = conn.execute(
            f"INSERT INTO customer_customers ({names}) VALUES ({marks})", tuple(columns.values())
        )
        customer_id = int(cursor.lastrowid or 0)
    else:
        customer_id, customer_uuid = int(existing["id"]), str(existing["uuid"])
        columns["updated_seq"] = seq
        assignments = ", ".join(f"{column} = ?" for column in columns)
        conn.execute(
            f"UPDATE customer_customers SET {assignments} WHERE id = ?", (*columns.values(), customer_id)
        )
    # D-LIST-REPLACEMENT: phones and e-mails always replaced; addresses only when the key is sent and not
    # null; vehicles upserted.
    _replace_phones(conn, customer_id, department_uuid, save.phones.items)
    _replace_emails(conn, customer_id, department_uuid, save.emails.items)
    addresses = save.customer.get("addresses")
    if addresses is not None:
        _replace_addresses(conn, customer_id, addresses)
    _upsert_vehicles(conn, customer_id, department_uuid, save.vehicles)
    return customer_id, customer_uuid


def check_key(conn: sqlite3.Connection, department_uuid: str, key: str | None, owner_id: int | None) -> None:
    """D-CUSTOMER-KEY: a ``customerKey`` owned by a different customer of the department is a 409."""
    if key is None:
        return
    holder = _key_owner(conn, department_uuid, key)
    if holder is not None and holder != owner_id:
        raise ApiError(
            409,
            [
                ErrorItem(
                    "DUPLICATE_CUSTOMER_KEY",
                    "customerKey already belongs to another customer of the department",
                    "customer.customerKey",
                )
            ],
        )


def match_input(save: SaveInput) -> MatchInput:
    """The incoming customer for D-MATCHING, built from what survived D-PHONE-EMAIL.

    Phones and e-mails dropped with a warning are neither stored nor used to match; VINs are normalised the
    way they are stored (D-VIN).
    """
    base = MatchInput.from_request(save.body)
    vins = frozenset(
        normalized
        for vehicle in save.vehicles
        if (normalized := normalize_vin(vehicle.get("vin"))) is not None
    )
    return replace(
        base,
        customer_key=save.customer_key,
        phones=frozenset(phone.e164 for phone in save.phones.items),
        emails=frozenset(email.normalized for email in save.emails.items),
        vins=vins,
    )


@dataclass(frozen=True)
class CustomerNames:
    """The names of a stored customer (what a trip event stores with it)."""

    first_name: str | None
    last_name: str | None


def customer_names(
    conn: sqlite3.Connection, departments: Iterable[str], customer_uuid: str
) -> CustomerNames | None:
    """The customer `customer_uuid` if it belongs to one of `departments`, else None."""
    listed = sorted(departments)
    if not listed:
        return None
    marks = ",".join("?" * len(listed))
    row = conn.execute(
        "SELECT first_name, last_name FROM customer_customers"
        f" WHERE uuid = ? AND department_uuid IN ({marks}) LIMIT 1",
        (customer_uuid, *listed),
    ).fetchone()
    return None if row is None else CustomerNames(first_name=row[0], last_name=row[1])
