"""A short guided tour of the `mykaarma` client against the local mock (`make demo`).

Starts `mykaarma-mock serve` on a free loopback port with the built-in demo world and a fresh SQLite file,
then walks through: create-or-update twice (same customer), read (and the legacy read), search, update, and
an appointment with a trip: create → update the trip → remove the trip → add a trip → delete. Prints what
happened and stops the mock by pid.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from mykaarma import MyKaarma
from mykaarma.trips import AppointmentChange
from mykaarma.types import CustomerInputParam, PhoneParam, PickupDeliveryTripEventParam
from mykaarma_mock import launcher
from scripts._tools import ROOT

# DEMO credentials and identifiers of the mock's built-in demo world (mock/mykaarma_mock/demo_world.yaml).
DEMO_USERNAME, DEMO_PASSWORD = "demo-harbor", "demo-harbor-password"
DEALER = "5b4a3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d"
DEPARTMENT = "9f8a6c1e-2b7d-4c1a-9e3f-5d6b7a8c9d01"
ASSOCIATE = "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d"

PHONE: PhoneParam = {
    "phoneNumber": "+13105550147",
    "label": "cell",
    "okToCall": True,
    "okToText": True,
    "isPreferred": True,
}
JANE: CustomerInputParam = {
    "firstName": "Jane",
    "lastName": "Doe",
    "phoneNumbers": [PHONE],
    "emails": [
        {"emailAddress": "jane.doe@example.com", "label": "personal", "okToEmail": True, "isPreferred": True}
    ],
}


@contextmanager
def demo_mock() -> Iterator[str]:
    """The mock on a free port with a fresh database (the built-in demo world); yields its base URL."""
    with tempfile.TemporaryDirectory(prefix="mykaarma-demo-") as tmp:
        try:
            mock = launcher.start(
                db=Path(tmp) / "demo.db",
                log_path=Path(tmp) / "mock.log",
                source_paths=launcher.source_trees(ROOT),
            )
        except RuntimeError as exc:
            raise SystemExit(f"the mock did not start: {exc}") from None
        try:
            yield mock.base_url
        finally:
            mock.stop()


def step(text: str) -> None:
    print(f"\n▸ {text}")


def tour(base_url: str, http_client: httpx.Client | None = None) -> None:
    """The tour against the mock at `base_url` (through `http_client` when given, e.g. one that records)."""
    with MyKaarma(
        username=DEMO_USERNAME, password=DEMO_PASSWORD, base_url=base_url, http_client=http_client
    ) as client:
        step("create-or-update Jane Doe (searchForDuplicate=true)")
        first = client.customers.create_or_update(DEPARTMENT, JANE, vehicles=[{"vin": "1HGCM82633A004352"}])
        print(f"  customerUuid {first.customer_uuid}")
        step("create-or-update the same person again, phone written differently")
        again: CustomerInputParam = {**JANE, "phoneNumbers": [{**PHONE, "phoneNumber": "+1 (310) 555-0147"}]}
        second = client.customers.create_or_update(DEPARTMENT, again)
        same = second.customer_uuid == first.customer_uuid
        print(f"  customerUuid {second.customer_uuid} — same customer: {same}")

        step("read her back")
        read = client.customers.get(DEPARTMENT, first.customer_uuid)
        customer = read.customer_with_vehicles.customer
        vehicles = read.customer_with_vehicles.vehicles or []
        print(f"  {customer.first_name} {customer.last_name}, {len(vehicles)} vehicle(s)")

        step("read her in the legacy shape (getCustomer, looked up across the dealer's stores)")
        info = client.customers.get_info(
            first.customer_uuid, requester_user_uuid=ASSOCIATE, dealer_uuids=[DEALER]
        )
        print(f"  {info.customer_info.fname} {info.customer_info.lname}")

        step("search by the last 8 characters of the VIN")
        found = client.customers.search(DEPARTMENT, "3A004352")
        print(f"  {found.matching_count} match(es)")

        step("update her last name (phones and e-mails are replaced, so send them again)")
        client.customers.update(DEPARTMENT, first.customer_uuid, {**JANE, "lastName": "Doe-Smith"})
        updated = client.customers.get(DEPARTMENT, first.customer_uuid).customer_with_vehicles.customer
        print(f"  now {updated.first_name} {updated.last_name}")

        step("create an appointment with a pickup trip")
        event: PickupDeliveryTripEventParam = {
            "appointmentTime": "2026-12-01T09:15:00-0800",
            "rideType": "PICKUP_VEHICLE",
            "customerUUID": first.customer_uuid,
            "dealerUUID": DEALER,
            "dealerDepartmentUUID": DEPARTMENT,
            "assignedByDealerAssociateUUID": ASSOCIATE,
        }
        created = client.appointments.create_with_trip(
            DEALER,
            {
                "savePickupDeliveryTripEventRequest": {
                    "pickupDeliveryTripEvent": event,
                    "requesterUserUUID": ASSOCIATE,
                    "dealerDepartmentUUIDList": [DEPARTMENT],
                },
                "createAppointmentWithTripRequest": {
                    "customerUuid": first.customer_uuid,
                    "vehicleInformation": {"vin": "1HGCM82633A004352"},
                    "appointmentInformation": {"appointmentStartDateTime": "2026-12-01T10:00:00"},
                },
            },
        )
        appointment, trip = created.appointment_uuid, created.event_uuid
        assert trip is not None, "a create with trip returns the trip's uuid"
        print(f"  appointment {appointment}, trip {trip}")
        shown = client.appointments.get(DEPARTMENT, appointment).appointment_info
        start, end = shown.appointment_start_date_time, shown.appointment_end_date_time
        print(f"  {start} → {end} (end derived from the 30-minute slot)")

        change: AppointmentChange = {
            "appointment_date": "2026-12-01",
            "start_time": "10:30:00",
            "requester_user_uuid": ASSOCIATE,
            "dealer_department_uuids": [DEPARTMENT],
        }
        step("move the pickup to 09:45 and the appointment to 10:30 (update the trip)")
        moved: PickupDeliveryTripEventParam = {**event, "appointmentTime": "2026-12-01T09:45:00-0800"}
        client.appointments.update_trip(DEALER, appointment, trip_uuid=trip, event=moved, **change)
        trips = client.appointments.trips(DEALER, appointment)
        print(f"  trips: {trips.total_count}, version {trips.trip_view_dtos[0].version}")

        step("remove the trip, keep the appointment")
        client.appointments.remove_trip(DEALER, appointment, trip_uuid=trip, **change)
        print(f"  trips: {client.appointments.trips(DEALER, appointment).total_count}")

        step("add a new drop-off trip")
        drop_off: PickupDeliveryTripEventParam = {**event, "rideType": "DROPOFF_VEHICLE"}
        added = client.appointments.add_trip(DEALER, appointment, event=drop_off, **change)
        new_trip = added.event_uuid
        assert isinstance(new_trip, str), "adding a trip returns the trip's uuid"
        print(f"  new trip {new_trip}")

        step("delete the appointment with its trip")
        client.appointments.delete_with_trip(
            DEALER,
            {
                "tripUuid": new_trip,
                "appointmentUuid": appointment,
                "dealerDepartmentUUIDList": [DEPARTMENT],
                "updatedByDAUUID": ASSOCIATE,
                "updatedByDeptUUID": DEPARTMENT,
                "requesterUuid": ASSOCIATE,
            },
        )
        print("  deleted")


def main() -> int:
    with demo_mock() as base_url:
        print(f"mock running at {base_url} (demo world, fresh database)")
        tour(base_url)
    print("\nmock stopped; tour complete")
    return 0


if __name__ == "__main__":
    sys.exit(main())
