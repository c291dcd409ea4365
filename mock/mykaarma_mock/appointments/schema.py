"""The appointment and trip tables, and what ``/__mock/stats`` counts of them.

An appointment has columns for what the mock looks it up by and derives (dealer, department, customer, the
dealer-local start and end, the trip's transport option); everything else the request sent is its
``document`` (`mykaarma_mock.documents`). A trip keeps its event as sent in ``event_json``.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Final

from mykaarma_mock.db import Counter, Schema, Storage
from mykaarma_mock.documents import migrate_to_document

APPOINTMENT_TABLES: Final = ("appointment_appointments", "appointment_trips")

SCHEMA_SQL: Final = """
CREATE TABLE IF NOT EXISTS appointment_appointments (
    uuid                  TEXT PRIMARY KEY,
    dealer_uuid           TEXT NOT NULL,
    department_uuid       TEXT NOT NULL,
    customer_uuid         TEXT NOT NULL,
    start_local           TEXT NOT NULL,
    end_local             TEXT NOT NULL,
    transport_option_uuid TEXT,
    document              TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS appointment_appointments_dealer ON appointment_appointments (dealer_uuid);
CREATE INDEX IF NOT EXISTS appointment_appointments_department
    ON appointment_appointments (department_uuid);
CREATE TABLE IF NOT EXISTS appointment_trips (
    uuid                TEXT PRIMARY KEY,
    dealer_uuid         TEXT NOT NULL,
    department_uuid     TEXT NOT NULL,
    appointment_uuid    TEXT,
    version             INTEGER NOT NULL,
    trip_status         TEXT NOT NULL,
    is_valid            INTEGER NOT NULL,
    ride_type           TEXT NOT NULL,
    appointment_time    TEXT NOT NULL,
    customer_uuid       TEXT,
    customer_first_name TEXT,
    customer_last_name  TEXT,
    event_json          TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS appointment_trips_appointment ON appointment_trips (appointment_uuid, is_valid);
CREATE INDEX IF NOT EXISTS appointment_trips_department ON appointment_trips (department_uuid, is_valid);
"""


def _migrate_to_documents(conn: sqlite3.Connection) -> None:
    """A database written before appointments kept their documents: move the columns into them."""
    migrate_to_document(
        conn,
        "appointment_appointments",
        {"user_uuid": "userUuid", "comments": "comments", "internal_notes": "internalNotes",
         "alt_transportation": "altTransportation", "source": "source", "vehicle_json": "vehicleInformation",
         "service_list_json": "serviceList", "preference_json": "customerAppointmentPreference",
         "assigned_user_json": "assignedUser", "creator_user_json": "creatorUser",
         "updated_by_json": "updatedByUserDetails"},
        {column: json.loads for column in ("vehicle_json", "service_list_json", "preference_json",
                                           "assigned_user_json", "creator_user_json", "updated_by_json")},
        key="uuid",
    )  # fmt: skip


#: The appointment and trip tables, and the counters of /__mock/stats (see the package docstring for what is
#: counted).
STORAGE: Final = Storage(
    schemas=(Schema(SCHEMA_SQL, APPOINTMENT_TABLES, _migrate_to_documents),),
    counters=(
        Counter(
            "appointments",
            "SELECT department_uuid, COUNT(*) FROM appointment_appointments GROUP BY department_uuid",
        ),
        Counter(
            "trips",
            "SELECT department_uuid, COUNT(*) FROM appointment_trips"
            " WHERE is_valid = 1 AND trip_status <> 'CANCELLED' GROUP BY department_uuid",
        ),
    ),
)
