"""Records keep what a write sent as their document; a database written before documents is brought over."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from mykaarma_mock import appointments, customers
from mykaarma_mock.appointments.rows import appointment_info
from mykaarma_mock.documents import merged_document, read_view
from mykaarma_mock.features import open_database

OLD_CUSTOMER_COLUMNS = {"preferred_locale": "'fr-ca'", "preferred_communication": "'email'",
                        "best_time_to_contact": "'{\"from\": \"09:00\"}'"}  # fmt: skip
OLD_PHONE_COLUMNS = {"label": "'cell'", "ok_to_call": "1", "ok_to_text": "0", "is_preferred": "1",
                     "comments": "NULL"}  # fmt: skip
OLD_EMAIL_COLUMNS = {"label": "'home'", "ok_to_email": "1", "is_preferred": "0", "comments": "'evenings'"}
OLD_ADDRESS_COLUMNS = {"line1": "'12 Pine Ave'", "line2": "NULL", "city": "'Long Beach'", "zip": "'90802'",
                       "state": "'CA'", "country": "'US'", "type": "'PRIMARY'", "address_type": "'P'",
                       "is_valid": "NULL", "is_preferred": "1"}  # fmt: skip
OLD_VEHICLE_COLUMNS = {"vehicle_year": "'2020'", "vehicle_make": "'Honda'", "vehicle_model": "'Civic'",
                       "vehicle_engine": "NULL", "vehicle_trim": "'EX'", "license_plate": "'7ABC123'",
                       "color": "'blue'", "estimated_mileage": "'12000'"}  # fmt: skip


def test_a_write_overwrites_the_keys_it_sends_and_keeps_the_others() -> None:
    outside = frozenset({"firstName"})
    created = merged_document(None, {"firstName": "Ann", "preferredLocale": "en-us", "color": "red"}, outside)
    assert json.loads(created) == {"preferredLocale": "en-us", "color": "red"}
    updated = merged_document(created, {"preferredLocale": None}, outside)
    assert json.loads(updated) == {"preferredLocale": None, "color": "red"}


def test_a_read_has_every_property_of_its_schema() -> None:
    view = read_view("VehicleRead", '{"vehicleMake": "Honda", "isMatching": true}', {"id": 7})
    assert view["id"] == 7
    assert view["vehicleMake"] == "Honda"
    assert view["imageUrl"] is None  # declared, never sent: null
    assert "isMatching" not in view  # sent, not part of the read schema


def _old_database(path: Path) -> None:
    """The layout before documents: the values in columns of their own."""
    with sqlite3.connect(path) as old:
        old.executescript(customers.SCHEMA_SQL)
        for table, columns in (("customer_customers", OLD_CUSTOMER_COLUMNS),
                               ("customer_vehicles", OLD_VEHICLE_COLUMNS),
                               ("customer_phones", OLD_PHONE_COLUMNS), ("customer_emails", OLD_EMAIL_COLUMNS),
                               ("customer_addresses", OLD_ADDRESS_COLUMNS)):  # fmt: skip
            old.execute(f"ALTER TABLE {table} DROP COLUMN document")
            for column in columns:
                old.execute(f"ALTER TABLE {table} ADD COLUMN {column} TEXT")
        names, values = ", ".join(OLD_CUSTOMER_COLUMNS), ", ".join(OLD_CUSTOMER_COLUMNS.values())
        old.execute(
            "INSERT INTO customer_customers (uuid, department_uuid, first_name, last_name, created_seq, "
            f"updated_seq, {names}) VALUES ('c1', 'd1', 'Ann', 'Lee', 1, 1, {values})"
        )
        names, values = ", ".join(OLD_VEHICLE_COLUMNS), ", ".join(OLD_VEHICLE_COLUMNS.values())
        old.execute(
            f"INSERT INTO customer_vehicles (uuid, customer_id, department_uuid, vin, {names}) "
            f"VALUES ('v1', 1, 'd1', '1HGCM82633A004352', {values})"
        )
        names, values = ", ".join(OLD_PHONE_COLUMNS), ", ".join(OLD_PHONE_COLUMNS.values())
        old.execute(
            "INSERT INTO customer_phones (id, customer_id, department_uuid, position, e164, digits, "
            f"{names}) VALUES (1, 1, 'd1', 0, '+13105550147', '13105550147', {values})"
        )
        names, values = ", ".join(OLD_EMAIL_COLUMNS), ", ".join(OLD_EMAIL_COLUMNS.values())
        old.execute(
            "INSERT INTO customer_emails (id, customer_id, department_uuid, position, email_address, "
            f"email_normalized, search_value, {names}) VALUES (2, 1, 'd1', 0, 'Ann@Example.com', "
            f"'ann@example.com', 'ann@example.com', {values})"
        )
        names, values = ", ".join(OLD_ADDRESS_COLUMNS), ", ".join(OLD_ADDRESS_COLUMNS.values())
        old.execute(
            f"INSERT INTO customer_addresses (uuid, customer_id, position, update_ts, {names}) "
            f"VALUES ('a1', 1, 0, '2024-01-02T03:04:05Z', {values})"
        )


def test_a_database_written_before_documents_keeps_every_value(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _old_database(path)
    database = open_database(str(path))
    try:
        with database.transaction(write=False) as conn:
            rows = conn.execute("SELECT * FROM customer_customers").fetchall()
            [item] = customers.customers_with_vehicles(conn, rows, include_vehicles=True)
            columns = {str(row[1]) for row in conn.execute("PRAGMA table_info(customer_vehicles)")}
    finally:
        database.close()
    customer = item["customer"]
    assert (customer["preferredLocale"], customer["preferredCommunication"]) == ("fr-ca", "email")
    assert customer["bestTimeToContact"] == {"from": "09:00"}
    assert (customer["firstName"], customer["lastName"]) == ("Ann", "Lee")
    [vehicle] = item["vehicles"]
    assert (vehicle["vehicleYear"], vehicle["vehicleMake"], vehicle["vehicleModel"]) == (
        "2020",
        "Honda",
        "Civic",
    )
    assert (vehicle["vehicleTrim"], vehicle["licensePlate"], vehicle["color"]) == ("EX", "7ABC123", "blue")
    assert (vehicle["estimatedMileage"], vehicle["vehicleEngine"]) == ("12000", None)
    assert not columns & set(OLD_VEHICLE_COLUMNS)  # moved, not copied
    assert customer["phoneNumbers"] == [
        {"phoneNumber": "+13105550147", "label": "cell", "okToCall": True, "okToText": False,
         "isPreferred": True, "comments": None}
    ]  # fmt: skip
    assert customer["emails"] == [
        {"emailAddress": "Ann@Example.com", "label": "home", "okToEmail": True, "isPreferred": False,
         "comments": "evenings"}
    ]  # fmt: skip
    [address] = customer["addresses"]
    assert (address["line1"], address["city"], address["zip"], address["state"]) == (
        "12 Pine Ave", "Long Beach", "90802", "CA"
    )  # fmt: skip
    assert (address["type"], address["addressType"], address["isPreferred"]) == ("PRIMARY", "P", True)
    assert (address["uuid"], address["updateTS"], address["line2"]) == ("a1", "2024-01-02T03:04:05Z", None)
    assert "isValid" not in address  # never stored
    reopened = open_database(str(path))  # a second opening finds nothing to do and loses nothing
    try:
        with reopened.transaction(write=False) as conn:
            rows = conn.execute("SELECT * FROM customer_customers").fetchall()
            assert customers.customers_with_vehicles(conn, rows, include_vehicles=True) == [item]
    finally:
        reopened.close()


def test_a_read_leaves_out_what_was_never_sent_and_may_not_be_null() -> None:
    view = read_view("AppointmentInfo", '{"comments": "Brakes"}', {"appointmentUuid": "a1"})
    assert (view["appointmentUuid"], view["comments"]) == ("a1", "Brakes")
    assert view["internalNotes"] is None  # nullable: null
    assert "vehicleInformation" not in view  # an object that may not be null: left out
    sent = read_view("AppointmentInfo", '{"vehicleInformation": {"vin": "1HGCM82633A004352"}}', {})
    assert sent["vehicleInformation"] == {"vin": "1HGCM82633A004352"}


OLD_APPOINTMENT_COLUMNS = {
    "user_uuid": ("userUuid", "'u1'", "u1"),
    "comments": ("comments", "'Brakes'", "Brakes"),
    "internal_notes": ("internalNotes", "NULL", None),
    "alt_transportation": ("altTransportation", "'SHUTTLE'", "SHUTTLE"),
    "source": ("source", "'WEB'", "WEB"),
    "vehicle_json": ("vehicleInformation", '\'{"vin": "1HGCM82633A004352"}\'', {"vin": "1HGCM82633A004352"}),
    "service_list_json": ("serviceList", '\'[{"name": "oil"}]\'', [{"name": "oil"}]),
    "preference_json": ("customerAppointmentPreference", "NULL", None),
    "assigned_user_json": ("assignedUser", '\'{"userUuid": "u2"}\'', {"userUuid": "u2"}),
    "creator_user_json": ("creatorUser", '\'{"userUuid": "u3"}\'', {"userUuid": "u3"}),
    "updated_by_json": ("updatedByUserDetails", '\'{"userUuid": "u4"}\'', {"userUuid": "u4"}),
}


def test_appointments_written_before_documents_keep_every_value(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as old:
        old.executescript(appointments.SCHEMA_SQL)
        old.execute("ALTER TABLE appointment_appointments DROP COLUMN document")
        for column in OLD_APPOINTMENT_COLUMNS:
            old.execute(f"ALTER TABLE appointment_appointments ADD COLUMN {column} TEXT")
        names = ", ".join(OLD_APPOINTMENT_COLUMNS)
        values = ", ".join(sql for _, sql, _ in OLD_APPOINTMENT_COLUMNS.values())
        old.execute(
            "INSERT INTO appointment_appointments (uuid, dealer_uuid, department_uuid, customer_uuid,"
            f" start_local, end_local, transport_option_uuid, {names}) VALUES ('a1', 'dl', 'd1', 'c1',"
            f" '2024-10-26T10:00:00', '2024-10-26T10:29:59', NULL, {values})"
        )
    database = open_database(str(path))
    try:
        with database.transaction(write=False) as conn:
            row = conn.execute("SELECT * FROM appointment_appointments").fetchone()
            info = appointment_info(conn, row)
            document = json.loads(row["document"])
            columns = {
                str(column[1]) for column in conn.execute("PRAGMA table_info(appointment_appointments)")
            }
    finally:
        database.close()
    # every value that was stored is in the document under its property name; nulls are left out
    assert document == {
        name: value for name, _, value in OLD_APPOINTMENT_COLUMNS.values() if value is not None
    }
    assert info["vehicleInformation"] == {"vin": "1HGCM82633A004352"}
    assert info["serviceList"] == [{"name": "oil"}]
    assert (info["userUuid"], info["comments"], info["altTransportation"]) == ("u1", "Brakes", "SHUTTLE")
    assert (info["appointmentStartDateTime"], info["customerUuid"]) == ("2024-10-26T10:00:00", "c1")
    assert "customerAppointmentPreference" not in info  # never sent
    assert not columns & set(OLD_APPOINTMENT_COLUMNS)  # moved, not copied
