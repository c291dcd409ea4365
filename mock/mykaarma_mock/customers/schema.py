"""The customer tables (facts §3.1) and the step that brings an older database up to date."""

from __future__ import annotations

import json
import sqlite3
from typing import Any, Final

from ..db import Counter, Schema, Storage
from ..documents import migrate_to_document
from ..search_index import SEARCH_INDEX_SQL
from ..search_index import rebuild as rebuild_search_index

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
    document        TEXT NOT NULL DEFAULT '{}'
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
    document         TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS customer_emails_lookup ON customer_emails (department_uuid, email_normalized);
CREATE INDEX IF NOT EXISTS customer_emails_customer ON customer_emails (customer_id, position);

CREATE TABLE IF NOT EXISTS customer_addresses (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid         TEXT NOT NULL UNIQUE,
    customer_id  INTEGER NOT NULL REFERENCES customer_customers (id),
    position     INTEGER NOT NULL,
    update_ts    TEXT NOT NULL,
    document     TEXT NOT NULL DEFAULT '{}'
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


def _flag(stored: Any) -> bool:
    """A boolean stored as an integer column (0/1)."""
    return bool(int(stored))


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
    migrate_to_document(
        conn,
        "customer_phones",
        {"label": "label", "ok_to_call": "okToCall", "ok_to_text": "okToText", "is_preferred": "isPreferred",
         "comments": "comments"},
        {"ok_to_call": _flag, "ok_to_text": _flag, "is_preferred": _flag},
    )  # fmt: skip
    migrate_to_document(
        conn,
        "customer_emails",
        {"label": "label", "ok_to_email": "okToEmail", "is_preferred": "isPreferred", "comments": "comments"},
        {"ok_to_email": _flag, "is_preferred": _flag},
    )
    migrate_to_document(
        conn,
        "customer_addresses",
        {"line1": "line1", "line2": "line2", "city": "city", "zip": "zip", "state": "state",
         "country": "country", "type": "type", "address_type": "addressType", "is_valid": "isValid",
         "is_preferred": "isPreferred"},
        {"is_valid": _flag, "is_preferred": _flag},
    )  # fmt: skip


#: The customer tables, the search index, and the counters of /__mock/stats (customers and vehicles per
#: department).
STORAGE: Final = Storage(
    schemas=(
        Schema(SCHEMA_SQL, TABLES, _migrate_to_documents),
        Schema(SEARCH_INDEX_SQL, (), rebuild_search_index),
    ),
    counters=(
        Counter(
            "customers", "SELECT department_uuid, COUNT(*) FROM customer_customers GROUP BY department_uuid"
        ),
        Counter(
            "vehicles", "SELECT department_uuid, COUNT(*) FROM customer_vehicles GROUP BY department_uuid"
        ),
    ),
)
