"""Customer business rules of the mock: tables and handlers of the six customer operations.

Operations (labels of the facts reference, §2a): createCustomer (C1) and its deprecated PUT alias
createCustomerViaPut (C1', D-CREATE-METHOD), updateCustomer (C2), readCustomer (C3), searchCustomers (C4) and
the legacy read getCustomer (C5). Every rule below names the DECISIONS entry (``D-...``) or the facts section
(``facts §...``) it implements.

Storage. One row per customer in ``customer_customers`` (``customerId`` is its integer primary key rendered
as a string, D-CREATE-RESPONSE), with its phones, e-mails, addresses and vehicles in child tables. A customer
and a vehicle have columns only for what is matched, searched or joined; every other property sent is kept in
the row's ``document`` and read back through the read schema (`mykaarma_mock.documents`). The columns the
matcher and the search look things up by are normalised on write and indexed per department:

* ``customer_phones (department_uuid, e164)`` -- phones are stored in E.164 (D-PHONE-EMAIL);
* ``customer_emails (department_uuid, email_normalized)`` -- trimmed and lower-cased (D-MATCHING step 1);
* ``customer_vehicles (department_uuid, vin_normalized)`` -- trimmed, upper-cased (D-VIN, D-MATCHING);
* ``customer_customers (department_uuid, customer_key)`` -- UNIQUE for non-null keys (D-CUSTOMER-KEY).

``customer_sequences`` holds monotonic counters: ``change`` orders creations and updates (``created_seq`` /
``updated_seq``, used by D-MATCHING's "most recently updated" and D-SEARCH's order) and ``communication``
numbers phones and e-mails from one id space, so the legacy ``communications`` list of getCustomer never
shows two items with the same id.

Handlers follow the contract of ``mykaarma_mock.app``: they receive a ``RequestContext`` whose body and query
already passed the spec's JSON Schema and x-rules, run inside the request's transaction, append warnings to
``ctx.warnings`` and raise ``ApiError`` for 4xx answers.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import cache
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar

from mykaarma.dedup import (
    CustomerRecord,
    MatchInput,
    is_valid_phone_format,
    is_valid_vin,
    match_customer,
    normalize_email,
    normalize_phone,
    normalize_vin,
)
from mykaarma.rules import is_missing, split_words, strip_blank

from .db import register_schema, register_stats
from .documents import merged_document, migrate_to_document, read_view
from .errors import ApiError, Notice, Problem, customer_warning
from .search_index import SEARCH_INDEX_SQL, rows_containing
from .search_index import rebuild as rebuild_search_index
from .spec import Spec, load_spec

if TYPE_CHECKING:
    from .app import Handler, RequestContext

__all__ = ["HANDLERS", "SCHEMA_SQL", "TABLES", "WRITE_OPERATIONS"]

# ----------------------------------------------------------------------------------------------------
# Schema
# ----------------------------------------------------------------------------------------------------

TABLES: Final[tuple[str, ...]] = (
    "customer_sequences",
    "customer_customers",
    "customer_phones",
    "customer_emails",
    "customer_addresses",
    "customer_vehicles",
)

SCHEMA_SQL: Final[str] = """
CREATE TABLE IF NOT EXISTS customer_sequences (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS customer_customers (
    id                      INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid                    TEXT NOT NULL UNIQUE,
    department_uuid         TEXT NOT NULL,
    customer_key            TEXT,
    first_name              TEXT,
    last_name               TEXT,
    company                 TEXT,
    is_business             INTEGER NOT NULL DEFAULT 0,
    search_fname            TEXT NOT NULL DEFAULT '',
    search_lname            TEXT NOT NULL DEFAULT '',
    search_company          TEXT NOT NULL DEFAULT '',
    search_key              TEXT NOT NULL DEFAULT '',
    created_seq             INTEGER NOT NULL,
    updated_seq             INTEGER NOT NULL,
    document                TEXT NOT NULL DEFAULT '{}'
);
CREATE UNIQUE INDEX IF NOT EXISTS customer_customers_key
    ON customer_customers (department_uuid, customer_key) WHERE customer_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS customer_customers_department
    ON customer_customers (department_uuid, updated_seq);

CREATE TABLE IF NOT EXISTS customer_phones (
    id              INTEGER PRIMARY KEY,
    customer_id     INTEGER NOT NULL REFERENCES customer_customers (id),
    department_uuid TEXT NOT NULL,
    position        INTEGER NOT NULL,
    e164            TEXT NOT NULL,
    digits          TEXT NOT NULL,
    label           TEXT,
    ok_to_call      INTEGER NOT NULL,
    ok_to_text      INTEGER NOT NULL,
    is_preferred    INTEGER NOT NULL,
    comments        TEXT
);
CREATE INDEX IF NOT EXISTS customer_phones_lookup ON customer_phones (department_uuid, e164);
CREATE INDEX IF NOT EXISTS customer_phones_customer ON customer_phones (customer_id, position);

CREATE TABLE IF NOT EXISTS customer_emails (
    id               INTEGER PRIMARY KEY,
    customer_id      INTEGER NOT NULL REFERENCES customer_customers (id),
    department_uuid  TEXT NOT NULL,
    position         INTEGER NOT NULL,
    email_address    TEXT NOT NULL,
    email_normalized TEXT NOT NULL,
    search_value     TEXT NOT NULL,
    label            TEXT,
    ok_to_email      INTEGER NOT NULL,
    is_preferred     INTEGER NOT NULL,
    comments         TEXT
);
CREATE INDEX IF NOT EXISTS customer_emails_lookup ON customer_emails (department_uuid, email_normalized);
CREATE INDEX IF NOT EXISTS customer_emails_customer ON customer_emails (customer_id, position);

CREATE TABLE IF NOT EXISTS customer_addresses (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid         TEXT NOT NULL UNIQUE,
    customer_id  INTEGER NOT NULL REFERENCES customer_customers (id),
    position     INTEGER NOT NULL,
    line1        TEXT NOT NULL,
    line2        TEXT,
    city         TEXT,
    zip          TEXT,
    state        TEXT NOT NULL,
    country      TEXT NOT NULL,
    type         TEXT NOT NULL,
    address_type TEXT NOT NULL,
    is_valid     INTEGER,
    is_preferred INTEGER,
    update_ts    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS customer_addresses_customer ON customer_addresses (customer_id, position);

CREATE TABLE IF NOT EXISTS customer_vehicles (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid              TEXT NOT NULL UNIQUE,
    customer_id       INTEGER NOT NULL REFERENCES customer_customers (id),
    department_uuid   TEXT NOT NULL,
    vin               TEXT,
    vin_normalized    TEXT,
    vehicle_key       TEXT,
    is_valid          INTEGER NOT NULL DEFAULT 1,
    document          TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS customer_vehicles_lookup ON customer_vehicles (department_uuid, vin_normalized);
CREATE INDEX IF NOT EXISTS customer_vehicles_customer ON customer_vehicles (customer_id, id);
"""


def _migrate_to_documents(conn: sqlite3.Connection) -> None:
    """A database written before records kept their documents: move the columns into them."""
    migrate_to_document(
        conn,
        "customer_customers",
        {"preferred_locale": "preferredLocale", "preferred_communication": "preferredCommunication",
         "best_time_to_contact": "bestTimeToContact"},
        {"best_time_to_contact": json.loads},
    )  # fmt: skip
    migrate_to_document(
        conn,
        "customer_vehicles",
        {"vehicle_year": "vehicleYear", "vehicle_make": "vehicleMake", "vehicle_model": "vehicleModel",
         "vehicle_engine": "vehicleEngine", "vehicle_trim": "vehicleTrim", "license_plate": "licensePlate",
         "color": "color", "estimated_mileage": "estimatedMileage"},
    )  # fmt: skip


register_schema(SCHEMA_SQL, tables=TABLES, migrate=_migrate_to_documents)
register_schema(SEARCH_INDEX_SQL, tables=(), migrate=rebuild_search_index)

# Issue item 9: /__mock/stats counts customers and vehicles per department.
register_stats(
    "customers",
    "SELECT department_uuid, COUNT(*) FROM customer_customers GROUP BY department_uuid",
)
register_stats(
    "vehicles",
    "SELECT department_uuid, COUNT(*) FROM customer_vehicles GROUP BY department_uuid",
)

# ----------------------------------------------------------------------------------------------------
# Constants
# ----------------------------------------------------------------------------------------------------

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
_CHANGE_SEQUENCE: Final[str] = "change"
_COMMUNICATION_SEQUENCE: Final[str] = "communication"

# The properties a customer and a vehicle keep in columns (matched, searched or assigned) or in child tables;
# every other property sent is kept in the record's document (`mykaarma_mock.documents`).
_CUSTOMER_OUTSIDE_DOCUMENT: Final = frozenset(
    {"firstName", "lastName", "company", "customerKey", "isBusiness", "customerUuid",
     "phoneNumbers", "emails", "addresses"}
)  # fmt: skip
_VEHICLE_OUTSIDE_DOCUMENT: Final = frozenset({"vin", "vehicleKey", "vehicleUuid", "isValid"})


# ----------------------------------------------------------------------------------------------------
# Small helpers
# ----------------------------------------------------------------------------------------------------


def _search_text(value: str | None) -> str:
    """Case-insensitive form of a searchable field (D-SEARCH): Unicode case folding."""
    return value.casefold() if value else ""


def _now_ts() -> str:
    """Address ``updateTS`` (date-time, UTC, milliseconds) as the vendor's samples show it."""
    now = datetime.now(UTC)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"


def _ids_json(ids: Iterable[int]) -> str:
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


def _not_found() -> ApiError:
    """D-STATUS: an unknown customer and another tenant's customer get the same 404."""
    return ApiError(404, [Problem("CUSTOMER_NOT_FOUND", "no customer with this customerUuid in scope")])


# ----------------------------------------------------------------------------------------------------
# Cleaning phones and e-mails (D-PHONE-EMAIL)
# ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PhoneIn:
    """A phone number that survived D-PHONE-EMAIL, in E.164."""

    e164: str
    label: str
    ok_to_call: bool
    ok_to_text: bool
    is_preferred: bool
    comments: str | None


@dataclass(frozen=True)
class EmailIn:
    """An e-mail address that survived D-PHONE-EMAIL; stored as sent, matched lower-cased."""

    address: str
    normalized: str
    label: str
    ok_to_email: bool
    is_preferred: bool
    comments: str | None


_T = TypeVar("_T")


@dataclass
class CleanedList(Generic[_T]):
    """The surviving items of a phone or e-mail list and whether any entry was sent at all."""

    items: list[_T] = field(default_factory=list)
    sent: bool = False


def clean_phones(raw: Any, warnings: list[Notice]) -> CleanedList[PhoneIn]:
    """D-PHONE-EMAIL for ``customer.phoneNumbers``: drop bad entries with warnings 10010/10011/10015/10016.

    Every content problem of an entry is reported; an entry with any problem is dropped. When entries were
    sent but none survives, 10013 is added. The list-level warnings (10005, 10007) depend on create vs update
    and are added by the caller (D-LIST-REPLACEMENT).
    """
    result: CleanedList[PhoneIn] = CleanedList()
    if not isinstance(raw, list) or not raw:
        return result
    result.sent = True
    for index, entry in enumerate(raw):
        base = f"customer.phoneNumbers[{index}]"
        if entry is None:
            warnings.append(customer_warning(10010, "a phone entry was null; it was ignored", base))
            continue
        problems: list[Notice] = []
        number = entry.get("phoneNumber")
        if is_missing(number):
            problems.append(
                customer_warning(
                    10011, "phoneNumber is null or empty; the entry was dropped", f"{base}.phoneNumber"
                )
            )
        elif not is_valid_phone_format(number) or normalize_phone(number) is None:
            problems.append(
                customer_warning(
                    10015,
                    "phone number must look like +1310xxxxxxx; the entry was dropped",
                    f"{base}.phoneNumber",
                )
            )
        if is_missing(entry.get("label")):
            problems.append(
                customer_warning(
                    10016, "phone label is null or empty; the entry was dropped", f"{base}.label"
                )
            )
        for flag in ("okToCall", "okToText", "isPreferred"):
            if not isinstance(entry.get(flag), bool):
                problems.append(
                    customer_warning(
                        10016, f"phone {flag} is null or empty; the entry was dropped", f"{base}.{flag}"
                    )
                )
        e164 = None if problems else normalize_phone(number)
        if e164 is None:
            warnings.extend(problems)
            continue
        result.items.append(
            PhoneIn(
                e164=e164,
                label=entry["label"],
                ok_to_call=entry["okToCall"],
                ok_to_text=entry["okToText"],
                is_preferred=entry["isPreferred"],
                comments=entry.get("comments"),
            )
        )
    if not result.items:
        warnings.append(
            customer_warning(10013, "none of the phone numbers sent is valid", "customer.phoneNumbers")
        )
    return result


def clean_emails(raw: Any, warnings: list[Notice]) -> CleanedList[EmailIn]:
    """D-PHONE-EMAIL for ``customer.emails``: drop bad entries with warnings 10009/10012/10016, then 10014.

    A null or empty address and an address not of the form ``local@domain.tld`` are both 10012 (the message
    tells which); the label rule of phones (10016) applies to e-mails too.
    """
    result: CleanedList[EmailIn] = CleanedList()
    if not isinstance(raw, list) or not raw:
        return result
    result.sent = True
    for index, entry in enumerate(raw):
        base = f"customer.emails[{index}]"
        if entry is None:
            warnings.append(customer_warning(10009, "an e-mail entry was null; it was ignored", base))
            continue
        problems: list[Notice] = []
        address = entry.get("emailAddress")
        normalized: str | None = None
        if is_missing(address):
            problems.append(
                customer_warning(
                    10012, "emailAddress is null or empty; the entry was dropped", f"{base}.emailAddress"
                )
            )
        else:
            normalized = normalize_email(address)
            if normalized is None:
                problems.append(
                    customer_warning(
                        10012,
                        "emailAddress is not of the form local@domain.tld; the entry was dropped",
                        f"{base}.emailAddress",
                    )
                )
        if is_missing(entry.get("label")):
            problems.append(
                customer_warning(
                    10016, "e-mail label is null or empty; the entry was dropped", f"{base}.label"
                )
            )
        for flag in ("okToEmail", "isPreferred"):
            if not isinstance(entry.get(flag), bool):
                problems.append(
                    customer_warning(
                        10016, f"e-mail {flag} is null or empty; the entry was dropped", f"{base}.{flag}"
                    )
                )
        if problems or normalized is None:
            warnings.extend(problems)
            continue
        result.items.append(
            EmailIn(
                address=address.strip(),
                normalized=normalized,
                label=entry["label"],
                ok_to_email=entry["okToEmail"],
                is_preferred=entry["isPreferred"],
                comments=entry.get("comments"),
            )
        )
    if not result.items:
        warnings.append(
            customer_warning(10014, "none of the e-mail addresses sent is valid", "customer.emails")
        )
    return result


# ----------------------------------------------------------------------------------------------------
# Request checks that fail the whole request
# ----------------------------------------------------------------------------------------------------


def check_request(body: Mapping[str, Any]) -> list[Problem]:
    """Every rule of a save request that fails it with 400, each with its field path.

    The core already enforces these through the spec's JSON Schema and x-rules; they are repeated here so the
    handlers keep their rules when called directly (unit tests, other front ends):

    * D-NAMES: first and last name unless ``isBusiness`` with a company; company when ``isBusiness``.
    * D-ADDRESS: ``type``/``addressType`` agreement.
    * D-VEHICLE-IDENTITY: ``vin`` or all of year, make and model.
    * D-VIN: with ``validateVin``, 17 characters of ``[A-HJ-NPR-Z0-9]`` and a correct check digit, else
      ``INVALID_VIN`` naming ``vehicles[i].vin``.
    """
    problems: list[Problem] = []
    customer: Mapping[str, Any] = body.get("customer") or {}
    is_business = customer.get("isBusiness") is True
    if is_business and is_missing(customer.get("company")):
        problems.append(
            Problem("INVALID_REQUEST_DATA", "company is required when isBusiness is true", "customer.company")
        )
    if not (is_business and not is_missing(customer.get("company"))):
        for name in ("firstName", "lastName"):
            if is_missing(customer.get(name)):
                problems.append(
                    Problem(
                        "INVALID_REQUEST_DATA",
                        f"{name} is required unless isBusiness is true and company is given",
                        f"customer.{name}",
                    )
                )
    for index, address in enumerate(customer.get("addresses") or []):
        kind, code = address.get("type"), address.get("addressType")
        if (kind in ("PRIMARY", "COMMON") and code != "P") or (kind == "BILLING" and code != "B"):
            problems.append(
                Problem(
                    "INVALID_REQUEST_DATA",
                    "addressType must be P for PRIMARY/COMMON and B for BILLING",
                    f"customer.addresses[{index}].addressType",
                )
            )
    validate_vin = body.get("validateVin") is True
    for index, vehicle in enumerate(body.get("vehicles") or []):
        vin = vehicle.get("vin")
        if is_missing(vin):
            if any(is_missing(vehicle.get(key)) for key in ("vehicleYear", "vehicleMake", "vehicleModel")):
                problems.append(
                    Problem(
                        "INVALID_REQUEST_DATA",
                        "a vehicle needs vin, or all of vehicleYear, vehicleMake and vehicleModel",
                        f"vehicles[{index}]",
                    )
                )
        elif validate_vin:
            normalized = normalize_vin(vin)
            if normalized is None or not is_valid_vin(normalized):
                problems.append(
                    Problem(
                        "INVALID_VIN",
                        "VIN must be 17 characters of A-H, J-N, P, R-Z, 0-9 with a correct check digit",
                        f"vehicles[{index}].vin",
                    )
                )
    return problems


def _fail_on(problems: Sequence[Problem]) -> None:
    if problems:
        raise ApiError(400, list(problems))


# ----------------------------------------------------------------------------------------------------
# Reading stored rows
# ----------------------------------------------------------------------------------------------------


def _find_customer(conn: sqlite3.Connection, department_uuid: str, customer_uuid: str) -> sqlite3.Row | None:
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
    packed = _ids_json(ids)
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


# ----------------------------------------------------------------------------------------------------
# Writing
# ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SaveInput:
    """A save request after the rules that can drop data (D-PHONE-EMAIL) ran."""

    body: Mapping[str, Any]
    customer: Mapping[str, Any]
    phones: CleanedList[PhoneIn]
    emails: CleanedList[EmailIn]
    customer_key: str | None
    vehicles: tuple[Mapping[str, Any], ...]


def _prepare(body: Mapping[str, Any], warnings: list[Notice]) -> SaveInput:
    _fail_on(check_request(body))
    customer: Mapping[str, Any] = body.get("customer") or {}
    key = customer.get("customerKey")
    return SaveInput(
        body=body,
        customer=customer,
        phones=clean_phones(customer.get("phoneNumbers"), warnings),
        emails=clean_emails(customer.get("emails"), warnings),
        customer_key=None if is_missing(key) else strip_blank(str(key)),
        vehicles=tuple(body.get("vehicles") or ()),
    )


def _list_warnings(save: SaveInput, warnings: list[Notice], *, updating: bool) -> None:
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
        "INSERT INTO customer_phones (id, customer_id, department_uuid, position, e164, digits, label, "
        "ok_to_call, ok_to_text, is_preferred, comments) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                first + position,
                customer_id,
                department_uuid,
                position,
                phone.e164,
                phone.e164.lstrip("+"),
                phone.label,
                int(phone.ok_to_call),
                int(phone.ok_to_text),
                int(phone.is_preferred),
                phone.comments,
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
        "email_normalized, search_value, label, ok_to_email, is_preferred, comments) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                first + position,
                customer_id,
                department_uuid,
                position,
                email.address,
                email.normalized,
                _search_text(email.address),
                email.label,
                int(email.ok_to_email),
                int(email.is_preferred),
                email.comments,
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
        "INSERT INTO customer_addresses (uuid, customer_id, position, line1, line2, city, zip, state, "
        "country, type, address_type, is_valid, is_preferred, update_ts) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                str(uuid.uuid4()),
                customer_id,
                position,
                address["line1"],
                address.get("line2"),
                address.get("city"),
                address.get("zip"),
                address["state"],
                address["country"],
                address["type"],
                address["addressType"],
                None if address.get("isValid") is None else int(address["isValid"]),
                None if address.get("isPreferred") is None else int(address["isPreferred"]),
                stamp,
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


def _write(
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


def _check_key(conn: sqlite3.Connection, department_uuid: str, key: str | None, owner_id: int | None) -> None:
    """D-CUSTOMER-KEY: a ``customerKey`` owned by a different customer of the department is a 409."""
    if key is None:
        return
    holder = _key_owner(conn, department_uuid, key)
    if holder is not None and holder != owner_id:
        raise ApiError(
            409,
            [
                Problem(
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


# ----------------------------------------------------------------------------------------------------
# Building responses
# ----------------------------------------------------------------------------------------------------


def _phones_of(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, list[sqlite3.Row]]:
    grouped: dict[int, list[sqlite3.Row]] = {}
    for row in conn.execute(
        "SELECT * FROM customer_phones WHERE customer_id IN (SELECT value FROM json_each(?)) "
        "ORDER BY customer_id, position",
        (_ids_json(ids),),
    ):
        grouped.setdefault(int(row["customer_id"]), []).append(row)
    return grouped


def _emails_of(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, list[sqlite3.Row]]:
    grouped: dict[int, list[sqlite3.Row]] = {}
    for row in conn.execute(
        "SELECT * FROM customer_emails WHERE customer_id IN (SELECT value FROM json_each(?)) "
        "ORDER BY customer_id, position",
        (_ids_json(ids),),
    ):
        grouped.setdefault(int(row["customer_id"]), []).append(row)
    return grouped


def _addresses_of(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, list[sqlite3.Row]]:
    grouped: dict[int, list[sqlite3.Row]] = {}
    for row in conn.execute(
        "SELECT * FROM customer_addresses WHERE customer_id IN (SELECT value FROM json_each(?)) "
        "ORDER BY customer_id, position",
        (_ids_json(ids),),
    ):
        grouped.setdefault(int(row["customer_id"]), []).append(row)
    return grouped


def _vehicles_of(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, list[sqlite3.Row]]:
    grouped: dict[int, list[sqlite3.Row]] = {}
    for row in conn.execute(
        "SELECT * FROM customer_vehicles WHERE customer_id IN (SELECT value FROM json_each(?)) "
        "ORDER BY customer_id, id",
        (_ids_json(ids),),
    ):
        grouped.setdefault(int(row["customer_id"]), []).append(row)
    return grouped


def _phone_json(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "phoneNumber": row["e164"],
        "label": row["label"],
        "okToCall": bool(row["ok_to_call"]),
        "okToText": bool(row["ok_to_text"]),
        "isPreferred": bool(row["is_preferred"]),
        "comments": row["comments"],
    }


def _email_json(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "emailAddress": row["email_address"],
        "label": row["label"],
        "okToEmail": bool(row["ok_to_email"]),
        "isPreferred": bool(row["is_preferred"]),
        "comments": row["comments"],
    }


def _address_json(row: sqlite3.Row) -> dict[str, Any]:
    item: dict[str, Any] = {
        "line1": row["line1"],
        "line2": row["line2"],
        "city": row["city"],
        "zip": row["zip"],
        "state": row["state"],
        "country": row["country"],
        "type": row["type"],
        "addressType": row["address_type"],
        "uuid": row["uuid"],
        "updateTS": row["update_ts"],
    }
    if row["is_valid"] is not None:
        item["isValid"] = bool(row["is_valid"])
    if row["is_preferred"] is not None:
        item["isPreferred"] = bool(row["is_preferred"])
    return item


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
        "emails": [_email_json(email) for email in emails],
        "phoneNumbers": [_phone_json(phone) for phone in phones],
        "addresses": [_address_json(address) for address in addresses],
        "isBusiness": bool(row["is_business"]),
        "customerUuid": row["uuid"],
        "customerId": str(row["id"]),
    }
    return read_view("CustomerRead", row["document"], computed)


def _customers_with_vehicles(
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
    phones, emails, addresses = _phones_of(conn, ids), _emails_of(conn, ids), _addresses_of(conn, ids)
    vehicles = _vehicles_of(conn, ids) if include_vehicles else {}
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


# ----------------------------------------------------------------------------------------------------
# Handlers: create, create-or-update, update
# ----------------------------------------------------------------------------------------------------


def create_customer(ctx: RequestContext) -> dict[str, Any]:
    """C1 / C1' (D-CREATE-METHOD): plain create, or create-or-update with ``searchForDuplicate``.

    * ``searchForDuplicate`` false (default, D-SEARCH-FOR-DUPLICATE): always a new customer; a
      ``customerKey`` already used in the department is 409 (D-CUSTOMER-KEY).
    * ``searchForDuplicate`` true: D-MATCHING within the path department. Step-1 candidates come from
      indexed lookups of the input's normalised phones, e-mails and VINs; ``mykaarma.dedup.match_customer``
      runs steps 2-4 and the outcome rule. A match is updated with the update semantics of
      D-LIST-REPLACEMENT, otherwise a customer is created. If the saved record would take a key owned by a
      different customer: 409, nothing saved (D-CUSTOMER-KEY).

    The whole call runs in the request's write transaction, which holds the database lock, so a
    match-then-insert cannot race (issue item 7). Response: ``customerUuid`` and ``customerId`` of the saved
    record, no vehicle ids (D-CREATE-RESPONSE).
    """
    department_uuid = ctx.path["departmentUUID"]
    body = ctx.body or {}
    pending: list[Notice] = []
    save = _prepare(body, pending)
    existing: sqlite3.Row | None = None
    if body.get("searchForDuplicate") is True:
        incoming = match_input(save)
        ids = candidate_ids(ctx.conn, department_uuid, incoming.phones, incoming.emails, incoming.vins)
        result = match_customer(incoming, load_records(ctx.conn, ids))
        if result.customer is not None:
            existing = _find_customer(ctx.conn, department_uuid, result.customer.customer_uuid)
    _check_key(
        ctx.conn, department_uuid, save.customer_key, None if existing is None else int(existing["id"])
    )
    _list_warnings(save, pending, updating=existing is not None)
    customer_id, customer_uuid = _write(ctx.conn, department_uuid, save, existing)
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
    save = _prepare(body, pending)
    existing = _find_customer(ctx.conn, department_uuid, ctx.path["customerUuid"])
    if existing is None:
        raise _not_found()
    if "customerKey" in save.customer:
        _check_key(ctx.conn, department_uuid, save.customer_key, int(existing["id"]))
    _list_warnings(save, pending, updating=True)
    _write(ctx.conn, department_uuid, save, existing)
    ctx.warnings.extend(pending)
    return {"errors": [], "warnings": []}


# ----------------------------------------------------------------------------------------------------
# Handlers: reads
# ----------------------------------------------------------------------------------------------------


def read_customer(ctx: RequestContext) -> dict[str, Any]:
    """C3: the customer with its lists; ``excludeVehicles=true`` omits the ``vehicles`` key (D-READ).

    Another department's customer is 404, like an unknown one (D-STATUS).
    """
    row = _find_customer(ctx.conn, ctx.path["departmentUUID"], ctx.path["customerUuid"])
    if row is None:
        raise _not_found()
    include_vehicles = ctx.query.get("excludeVehicles") is not True
    [item] = _customers_with_vehicles(ctx.conn, [row], include_vehicles=include_vehicles)
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
        raise _not_found()
    cid = int(row["id"])
    dealer_id = dealer_numeric_id(department.dealer_uuid)
    phones = _phones_of(ctx.conn, [cid]).get(cid, [])
    emails = _emails_of(ctx.conn, [cid]).get(cid, [])
    addresses = _addresses_of(ctx.conn, [cid]).get(cid, [])
    vehicles = _vehicles_of(ctx.conn, [cid]).get(cid, [])
    communications = [
        {
            "commValue": phone["e164"],
            "commType": "PHONE",
            "commLabel": phone["label"],
            "preferred": bool(phone["is_preferred"]),
            "id": int(phone["id"]),
        }
        for phone in phones
    ] + [
        {
            "commValue": email["email_address"],
            "commType": "EMAIL",
            "commLabel": email["label"],
            "preferred": bool(email["is_preferred"]),
            "id": int(email["id"]),
        }
        for email in emails
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
    response["addressListV2"] = [_address_json(address) for address in addresses]
    response["addressList"] = [
        {
            "id": int(address["id"]),
            "dealerID": dealer_id,
            "line1": address["line1"],
            "line2": address["line2"],
            "city": address["city"],
            "zip": address["zip"],
            "zipExt": None,
            "addressType": address["address_type"],
            "phone": None,
            "stateCode": address["state"],
            "stateDescription": address["state"],
            "countryCode": address["country"],
            "country": address["country"],
        }
        for address in addresses
    ]
    return response


# ----------------------------------------------------------------------------------------------------
# Search (D-SEARCH)
# ----------------------------------------------------------------------------------------------------


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
        raise ApiError(400, [Problem("INVALID_REQUEST_DATA", "searchTerm must contain text", "searchTerm")])

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
                (_ids_json(candidates),),
            ):
                by_customer.setdefault(int(row[0]), []).append(int(row[1]))
        ranked = rank_vehicles(per_token, by_customer, require_all=require_all)
    else:
        ranked = rank_customers(per_token, require_all=require_all)

    updated: dict[int, int] = {}
    if ranked:
        for row in ctx.conn.execute(
            "SELECT id, updated_seq FROM customer_customers WHERE id IN (SELECT value FROM json_each(?))",
            (_ids_json(item.customer_id for item in ranked),),
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
            (_ids_json(item.customer_id for item in page),),
        ):
            rows_by_id[int(row["id"])] = row
    only = (
        {item.customer_id: set(item.vehicle_ids or ()) for item in page} if preference == "vehicle" else None
    )
    results = _customers_with_vehicles(
        ctx.conn, [rows_by_id[item.customer_id] for item in page], include_vehicles=True, only_vehicles=only
    )
    if not ranked:
        ctx.warnings.append(customer_warning(10001, "no customer matches the search", "searchTerm"))
    return {"errors": [], "warnings": [], "matchingCount": len(ranked), "matchingCustomers": results}


# ----------------------------------------------------------------------------------------------------
# Registry (contract of mykaarma_mock.app)
# ----------------------------------------------------------------------------------------------------

HANDLERS: dict[str, Handler] = {
    "createCustomer": create_customer,
    "createCustomerViaPut": create_customer,
    "updateCustomer": update_customer,
    "readCustomer": read_customer,
    "searchCustomers": search_customers,
    "getCustomer": get_customer,
}

WRITE_OPERATIONS: frozenset[str] = frozenset({"createCustomer", "createCustomerViaPut", "updateCustomer"})
