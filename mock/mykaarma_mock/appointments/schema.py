"""The appointment and trip tables, and what ``/__mock/stats`` counts of them."""

from __future__ import annotations

from typing import Final

from mykaarma_mock.db import register_schema, register_stats

APPOINTMENT_TABLES: Final = ("appointment_appointments", "appointment_trips")

SCHEMA_SQL: Final = """
CREATE TABLE IF NOT EXISTS appointment_appointments (
    uuid                  TEXT PRIMARY KEY,
    dealer_uuid           TEXT NOT NULL,
    department_uuid       TEXT NOT NULL,
    customer_uuid         TEXT NOT NULL,
    vehicle_json          TEXT,
    start_local           TEXT NOT NULL,
    end_local             TEXT NOT NULL,
    user_uuid             TEXT,
    comments              TEXT,
    internal_notes        TEXT,
    alt_transportation    TEXT,
    source                TEXT,
    transport_option_uuid TEXT,
    service_list_json     TEXT NOT NULL DEFAULT '[]',
    preference_json       TEXT,
    assigned_user_json    TEXT,
    creator_user_json     TEXT,
    updated_by_json       TEXT
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

register_schema(SCHEMA_SQL, tables=APPOINTMENT_TABLES)

# Per-department counts for /__mock/stats (see the module docstring for what is counted).
register_stats(
    "appointments",
    "SELECT department_uuid, COUNT(*) FROM appointment_appointments GROUP BY department_uuid",
)
register_stats(
    "trips",
    "SELECT department_uuid, COUNT(*) FROM appointment_trips"
    " WHERE is_valid = 1 AND trip_status <> 'CANCELLED' GROUP BY department_uuid",
)
