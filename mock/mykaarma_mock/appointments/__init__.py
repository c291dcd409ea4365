"""Appointment-with-trip rules of the mock: storage and handlers of the five appointment operations.

Operations (names as in openapi/DECISIONS.md): A1 ``createAppointmentWithTrip``, A2
``updateAppointmentWithTrip``, A3 ``deleteAppointmentWithTrip``, A4 ``getTripsForAppointment`` and
``getAppointment``. The rules are those of facts §4.3 (rules 14-29) as settled by the DECISIONS entries named
next to each check.

Storage model
-------------
``appointment_appointments``
    One row per existing appointment. A3 and the replaced-appointment parameters of A1 delete the row
    (D-A3, D-ENFORCE-PREFERENCES), so a deleted appointment is unknown to every later call (404).
``appointment_trips``
    One row per trip, kept for history. A trip is *live* while ``is_valid`` is 1. Cancelling a trip (A2
    delete scenario, A3, deletion of a replaced appointment) sets ``trip_status`` CANCELLED and ``is_valid``
    0, unlinks it (``appointment_uuid`` NULL) and increments ``version`` (D-DELETE-TRIP-SCENARIO, D-A3,
    D-CONCURRENCY). A live trip is linked to at most one appointment and an appointment has at most one
    live trip (facts §4.3 rule 15: adding a trip fails while one exists). The stored event (after defaults)
    is kept as JSON so the trips read can echo it, ``subTrips`` unchanged (D-UNDOCUMENTED-OBJECTS).

Statistics (``/__mock/stats``)
------------------------------
``appointments``: appointments per department (the department of the trip event that created the
appointment). ``trips``: live trips per department of their event's ``dealerDepartmentUUID``; a cancelled
trip (``is_valid`` 0, or stored with ``tripStatus`` CANCELLED) is not counted.

Tenancy: every lookup is keyed by the path dealer (A1-A4) or the path department (getAppointment); a record
of another tenant is answered exactly like an unknown one (D-STATUS, D-SCOPE).
"""

from __future__ import annotations

from .handlers import HANDLERS, WRITE_OPERATIONS
from .schema import APPOINTMENT_TABLES, SCHEMA_SQL, STORAGE

__all__ = ["APPOINTMENT_TABLES", "HANDLERS", "SCHEMA_SQL", "STORAGE", "WRITE_OPERATIONS"]
