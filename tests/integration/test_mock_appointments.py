"""Appointment-with-trip rules of the mock over real HTTP (issue 4 item 6; facts §4.3; DECISIONS).

Every test runs against the session's mock server with its data emptied first (fixture ``server``) and the
world of tests/integration/worlds/two_dealers.yaml. Customers referenced by trips are created through the
customer API. Success bodies are checked against the spec by the server itself (a mismatch is a 500), so the
tests look at what was stored: getAppointment, the trips read (A4) and ``/__mock/stats``.

Several rules are enforced twice: by the core's schema/x-rules validation (which runs first and answers with
the codes of D-A2-ERRORS) and by the appointment handlers; the tests pin what a client sees over HTTP.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from tests.integration.mock_server import MockServer, TestWorld

EV1 = "savePickupDeliveryTripEventRequest.pickupDeliveryTripEvent"
WR1 = "savePickupDeliveryTripEventRequest"
AP1 = "createAppointmentWithTripRequest"
EV2 = "updatePickupDeliveryTripEventRequest.pickupDeliveryTripEvent"
WR2 = "updatePickupDeliveryTripEventRequest"
AP2 = "updateAppointmentForTripRequest"
TRIP_UUID_FIELD = f"{AP2}.pickupDeliveryTripMetadata.tripUUID"
UNKNOWN = "00000000-dead-4bad-8bad-000000000000"
VIN = "1HGCM82633A004352"


class _Drop:
    def __repr__(self) -> str:
        return "DROP"


DROP: Any = _Drop()  # a value meaning "leave this key out of the body"


# -- a small client of the five operations -------------------------------------------------------------------


@dataclass
class Api:
    """Requests of the appointment operations on behalf of one account."""

    http: httpx.Client
    world: TestWorld
    username: str = "full"

    @property
    def dealer(self) -> str:
        return self.world.dealer_a if self.username != "dealer_b" else self.world.dealer_b

    def as_user(self, username: str) -> Api:
        return Api(self.http, self.world, username)

    def customer(self, department: str, first: str, last: str) -> str:
        response = self.http.post(
            f"/customer/v2/department/{department}/customer",
            json={"customer": {"firstName": first, "lastName": last}},
            auth=self.world.auth(self.username),
        )
        assert response.status_code == 200, response.text
        uuid: str = response.json()["customerUuid"]
        return uuid

    def create(self, body: dict[str, Any], *, dealer: str | None = None, **params: str) -> httpx.Response:
        return self.http.post(
            f"/appointment/v2/dealer/{dealer or self.dealer}/appointment-trip",
            json=body,
            params=params,
            auth=self.world.auth(self.username),
        )

    def created(self, body: dict[str, Any], **params: str) -> tuple[str, str]:
        response = self.create(body, **params)
        assert response.status_code == 200, response.text
        payload = response.json()
        assert payload["statusCode"] == 200
        assert not payload.get("errors")
        return payload["appointmentUUID"], payload["eventUUID"]

    def update(
        self, sar: str, body: dict[str, Any], *, dealer: str | None = None, **params: str
    ) -> httpx.Response:
        return self.http.post(
            f"/appointment/v2/dealer/{dealer or self.dealer}/sar/{sar}/appointment-trip",
            json=body,
            params=params,
            auth=self.world.auth(self.username),
        )

    def updated(self, sar: str, body: dict[str, Any], **params: str) -> dict[str, Any]:
        response = self.update(sar, body, **params)
        assert response.status_code == 200, response.text
        payload: dict[str, Any] = response.json()
        assert payload["statusCode"] == 200
        assert payload["appointmentUUID"] == sar
        return payload

    def delete(self, body: dict[str, Any], *, dealer: str | None = None) -> httpx.Response:
        return self.http.request(
            "DELETE",
            f"/appointment/v2/dealer/{dealer or self.dealer}/appointment-trip",
            json=body,
            auth=self.world.auth(self.username),
        )

    def trips_response(self, sar: str, *, dealer: str | None = None) -> httpx.Response:
        return self.http.patch(
            f"/appointment/v2/dealer/{dealer or self.dealer}/trips",
            json={"sarUuid": sar},
            auth=self.world.auth(self.username),
        )

    def trips(self, sar: str) -> list[dict[str, Any]]:
        response = self.trips_response(sar)
        assert response.status_code == 200, response.text
        payload = response.json()
        assert payload["totalCount"] == len(payload["tripViewDtos"])
        views: list[dict[str, Any]] = payload["tripViewDtos"]
        return views

    def read_response(self, sar: str, department: str | None = None) -> httpx.Response:
        department = department or self.world.departments[self.dealer][0]
        return self.http.get(
            f"/appointment/v2/dealerDepartment/{department}/uuid/{sar}", auth=self.world.auth(self.username)
        )

    def read(self, sar: str, department: str | None = None) -> dict[str, Any]:
        response = self.read_response(sar, department)
        assert response.status_code == 200, response.text
        info: dict[str, Any] = response.json()["appointmentInfo"]
        return info


def trip_errors(response: httpx.Response, status: int) -> set[tuple[str, str | None]]:
    """(code, field) of every error of an A1-A3 error envelope, after checking status and statusCode."""
    assert response.status_code == status, response.text
    body = response.json()
    assert body["statusCode"] == status
    assert body["errors"], body
    return {(error["errorCode"], error.get("field")) for error in body["errors"]}


def pnd_error(response: httpx.Response, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["statusCode"] == status
    code: str = body["error"]["errorCode"]
    return code


def read_error(response: httpx.Response, status: int) -> None:
    assert response.status_code == status, response.text
    assert [error["errorCode"] for error in response.json()["error"]] == [status]


# -- request bodies ------------------------------------------------------------------------------------------


@dataclass
class Bodies:
    """Valid request bodies of dealer A, department A1, for customer `customer`."""

    world: TestWorld
    customer: str

    @property
    def advisor(self) -> str:
        return self.world.associates[self.world.dealer_a][0]

    def event(self, **changes: Any) -> dict[str, Any]:
        event: dict[str, Any] = {
            "appointmentTime": "2024-10-26T09:15:00-0700",
            "rideType": "PICKUP_VEHICLE",
            "customerUUID": self.customer,
            "dealerUUID": self.world.dealer_a,
            "dealerDepartmentUUID": self.world.dept_a1,
            "assignedByDealerAssociateUUID": self.advisor,
        }
        event.update(changes)
        return {key: value for key, value in event.items() if value is not DROP}

    def create(
        self, event: dict[str, Any] | None = None, *, source: str = "DEALER_APP", **appointment: Any
    ) -> dict[str, Any]:
        request: dict[str, Any] = {
            "customerUuid": self.customer,
            "vehicleInformation": {"vin": VIN},
            "appointmentInformation": {"appointmentStartDateTime": "2024-10-26T10:00:00"},
        }
        request.update(appointment)
        return {
            WR1: {
                "pickupDeliveryTripEvent": self.event() if event is None else event,
                "requesterUserUUID": self.advisor,
                "dealerDepartmentUUIDList": [self.world.dept_a1],
                "source": source,
            },
            AP1: request,
        }

    def update(
        self,
        event: dict[str, Any] | None,
        trip_uuid: str | None,
        *,
        source: str = "DEALER_APP",
        transport: Any = DROP,
        **info: Any,
    ) -> dict[str, Any]:
        information: dict[str, Any] = {"appointmentDate": "2024-10-27", "appointmentStartTime": "14:00:00"}
        information.update(info)
        metadata: dict[str, Any] = {} if trip_uuid is None else {"tripUUID": trip_uuid}
        if transport is not DROP:
            metadata["subTransportOptionRequest"] = {"transportOptionUuid": transport}
        return {
            WR2: {
                "pickupDeliveryTripEvent": event,
                "requesterUserUUID": self.advisor,
                "dealerDepartmentUUIDList": [self.world.dept_a1],
                "source": source,
            },
            AP2: {"appointmentInformation": information, "pickupDeliveryTripMetadata": metadata},
        }

    def delete(self, appointment_uuid: str, trip_uuid: str, **changes: Any) -> dict[str, Any]:
        body: dict[str, Any] = {
            "tripUuid": trip_uuid,
            "appointmentUuid": appointment_uuid,
            "dealerDepartmentUUIDList": [self.world.dept_a1],
            "updatedByDAUUID": self.advisor,
            "updatedByDeptUUID": self.world.dept_a1,
            "requesterUuid": self.advisor,
            "dealerUuid": self.world.dealer_a,
            "source": "DEALER_APP",
        }
        body.update(changes)
        return {key: value for key, value in body.items() if value is not DROP}


@pytest.fixture
def api(server: MockServer, world: TestWorld) -> Iterator[Api]:
    with server.client() as http:
        yield Api(http, world)


@pytest.fixture
def jane(api: Api, world: TestWorld) -> str:
    return api.customer(world.dept_a1, "Jane", "Doe")


@pytest.fixture
def bodies(world: TestWorld, jane: str) -> Bodies:
    return Bodies(world, jane)


def dept_counts(server: MockServer, department: str) -> tuple[int, int]:
    counts = server.stats()["departments"][department]
    return counts["appointments"], counts["trips"]


# -- create (A1) ---------------------------------------------------------------------------------------------


def test_create_stores_the_appointment_and_its_trip(
    api: Api, bodies: Bodies, world: TestWorld, server: MockServer
) -> None:
    body = bodies.create(
        bodies.event(subTrips=[{"leg": "OUTBOUND", "note": {"free": "form"}}], originAddress="1 Main St"),
        serviceList=[
            {"title": "BRK1", "operationUuid": "OP-1", "operationType": "OPCODE", "isCustomConcern": False}
        ],
        customerAppointmentPreference={"notifyCustomer": True, "confirmationPhoneNumber": "+13105550147"},
        pickupDeliveryTripMetadata={"subTransportOptionRequest": {"transportOptionUuid": "TO-1"}},
    )
    appointment_uuid, trip_uuid = api.created(body)

    info = api.read(appointment_uuid)
    assert info["appointmentUuid"] == appointment_uuid
    assert (info["dealerUuid"], info["departmentUuid"]) == (world.dealer_a, world.dept_a1)
    assert info["customerUuid"] == bodies.customer
    assert info["vehicleInformation"] == {"vin": VIN}
    assert info["appointmentStartDateTime"] == "2024-10-26T10:00:00"
    assert info["appointmentEndDateTime"] == "2024-10-26T10:29:59"  # D-END-TIME
    assert info["serviceList"] == body[AP1]["serviceList"]
    assert info["customerAppointmentPreference"] == body[AP1]["customerAppointmentPreference"]
    assert info["transportOptionUuid"] == "TO-1"
    assert info["tripUuid"] == trip_uuid
    assert info["customerMessagingSuppressed"] is False

    [view] = api.trips(appointment_uuid)
    assert view["eventUuid"] == trip_uuid
    assert view["appointmentUuid"] == appointment_uuid
    assert view["version"] == 1
    assert view["tripStatus"] == "UNASSIGNED"  # D-UNDOCUMENTED-OBJECTS default
    assert view["isValid"] is True
    assert view["isDropCar"] is False  # facts §4.3 rule 19 default
    assert view["subTrips"] == [{"leg": "OUTBOUND", "note": {"free": "form"}}]  # echoed unchanged
    assert view["customer"] == {"customerUuid": bodies.customer, "firstName": "Jane", "lastName": "Doe"}
    assert view["originAddress"] == "1 Main St"
    assert view["internalRideType"] == "PICKUP_VEHICLE_NO_LOANER"
    assert dept_counts(server, world.dept_a1) == (1, 1)


def test_customer_names_sent_on_the_trip_win_over_the_record(api: Api, bodies: Bodies) -> None:
    appointment_uuid, _ = api.created(bodies.create(bodies.event(customerFirstName="Janet")))
    assert api.trips(appointment_uuid)[0]["customer"]["firstName"] == "Janet"
    assert api.trips(appointment_uuid)[0]["customer"]["lastName"] == "Doe"  # defaulted from the record


def test_create_is_not_idempotent(api: Api, bodies: Bodies, server: MockServer, world: TestWorld) -> None:
    first = api.created(bodies.create())
    second = api.created(bodies.create())
    assert first[0] != second[0]
    assert first[1] != second[1]
    assert dept_counts(server, world.dept_a1) == (2, 2)  # D-CONCURRENCY: A1 is not idempotent


def test_trip_uuid_on_create_is_refused(
    api: Api, bodies: Bodies, server: MockServer, world: TestWorld
) -> None:
    body = bodies.create(pickupDeliveryTripMetadata={"tripUUID": UNKNOWN})
    errors = trip_errors(api.create(body), 400)
    assert (
        "INVALID_REQUEST_DATA",
        f"{AP1}.pickupDeliveryTripMetadata.tripUUID",
    ) in errors  # D-CREATE-APPT-SHAPE
    assert dept_counts(server, world.dept_a1) == (0, 0)


# -- trip rules (facts §4.3 rules 17-21) ---------------------------------------------------------------------


def test_assigned_by_is_required_unless_source_is_web(api: Api, bodies: Bodies) -> None:
    event = bodies.event(assignedByDealerAssociateUUID=DROP)
    for source in ("DEALER_APP", "PND_API", "EXTERNAL_CONTROLLER"):
        errors = trip_errors(api.create(bodies.create(copy.deepcopy(event), source=source)), 400)
        assert errors == {("INVALID_REQUEST_DATA", f"{EV1}.assignedByDealerAssociateUUID")}
    no_source = bodies.create(copy.deepcopy(event))
    del no_source[WR1]["source"]
    assert trip_errors(api.create(no_source), 400) == {
        ("INVALID_REQUEST_DATA", f"{EV1}.assignedByDealerAssociateUUID")
    }
    appointment_uuid, _ = api.created(bodies.create(event, source="WEB"))
    assert api.trips(appointment_uuid)[0]["assignedByDealerAssociateUUID"] is None


def test_assigned_by_rule_applies_to_the_update_event_too(api: Api, bodies: Bodies) -> None:
    appointment_uuid, trip_uuid = api.created(bodies.create())
    event = bodies.event(eventUUID=trip_uuid, assignedByDealerAssociateUUID=DROP)
    response = api.update(appointment_uuid, bodies.update(event, trip_uuid))
    assert trip_errors(response, 400) == {("INVALID_REQUEST_DATA", f"{EV2}.assignedByDealerAssociateUUID")}
    api.updated(appointment_uuid, bodies.update(event, trip_uuid, source="WEB"))
    assert api.trips(appointment_uuid)[0]["version"] == 2


@pytest.mark.parametrize("ride_type", ["PICKUP_CUSTOMER", "PICKUP_VEHICLE", "DROPOFF_VEHICLE", "LOANER_SWAP"])
def test_customer_uuid_is_required_unless_miscellaneous(api: Api, bodies: Bodies, ride_type: str) -> None:
    for missing in (DROP, None, "  "):
        body = bodies.create(bodies.event(rideType=ride_type, customerUUID=missing))
        assert ("INVALID_REQUEST_DATA", f"{EV1}.customerUUID") in trip_errors(api.create(body), 400)


def test_miscellaneous_trip_needs_no_customer(api: Api, bodies: Bodies) -> None:
    appointment_uuid, _ = api.created(
        bodies.create(bodies.event(rideType="MISCELLANEOUS", customerUUID=DROP))
    )
    [view] = api.trips(appointment_uuid)
    assert view["customer"] == {"customerUuid": None, "firstName": None, "lastName": None}
    assert view["internalRideType"] == "MISCELLANEOUS_NO_LOANER"


def test_loaner_and_drop_car_exclude_each_other(api: Api, bodies: Bodies) -> None:
    both = bodies.create(bodies.event(loanerVehicleRequired=True, isDropCar=True))
    assert trip_errors(api.create(both), 400) == {("INVALID_REQUEST_DATA", f"{EV1}.isDropCar")}

    loaner, _ = api.created(bodies.create(bodies.event(loanerVehicleRequired=True, isDropCar=False)))
    [view] = api.trips(loaner)
    assert (view["loanerVehicleRequired"], view["isDropCar"]) == (True, False)
    assert view["internalRideType"] == "PICKUP_VEHICLE_WITH_LOANER"

    drop_car, _ = api.created(bodies.create(bodies.event(rideType="DROPOFF_CUSTOMER", isDropCar=True)))
    [view] = api.trips(drop_car)
    assert (view["loanerVehicleRequired"], view["isDropCar"]) == (False, True)
    assert view["internalRideType"] == "DROPOFF_CUSTOMER_NO_LOANER"


def test_loaner_swap_needs_two_different_loaners(api: Api, bodies: Bodies) -> None:
    same = bodies.event(
        rideType="LOANER_SWAP", loanerVehicleUuid="LOANER-1", swappedLoanerVehicleUuid="LOANER-1"
    )
    assert trip_errors(api.create(bodies.create(same)), 400) == {
        ("INVALID_REQUEST_DATA", f"{EV1}.swappedLoanerVehicleUuid")
    }
    swap = bodies.event(
        rideType="LOANER_SWAP", loanerVehicleUuid="LOANER-1", swappedLoanerVehicleUuid="LOANER-2"
    )
    appointment_uuid, _ = api.created(bodies.create(swap))
    [view] = api.trips(appointment_uuid)
    assert (view["loanerVehicleUuid"], view["swappedLoanerVehicleUuid"]) == ("LOANER-1", "LOANER-2")
    assert view["internalRideType"] == "LOANER_SWAP"


@pytest.mark.parametrize("ride_type", ["PICKUP_VEHICLE", "DROPOFF_CUSTOMER", "MISCELLANEOUS", "RIDE_SHARE"])
def test_swapped_loaner_only_for_loaner_swap(api: Api, bodies: Bodies, ride_type: str) -> None:
    event = bodies.event(
        rideType=ride_type, loanerVehicleUuid="LOANER-1", swappedLoanerVehicleUuid="LOANER-2"
    )
    assert trip_errors(api.create(bodies.create(event)), 400) == {
        ("INVALID_REQUEST_DATA", f"{EV1}.swappedLoanerVehicleUuid")
    }


def test_drivers(api: Api, bodies: Bodies, world: TestWorld) -> None:
    _, driver_1, driver_2 = world.associates[world.dealer_a]
    same = bodies.event(primaryDriverUUID=driver_1, secondaryDriverUUID=driver_1)
    assert trip_errors(api.create(bodies.create(same)), 400) == {
        ("INVALID_REQUEST_DATA", f"{EV1}.secondaryDriverUUID")
    }
    for ride_type in ("PICKUP_VEHICLE", "DROPOFF_VEHICLE"):
        secondary_only = bodies.event(rideType=ride_type, secondaryDriverUUID=driver_2)
        assert trip_errors(api.create(bodies.create(secondary_only)), 400) == {
            ("INVALID_REQUEST_DATA", f"{EV1}.primaryDriverUUID")
        }
    # The primary-driver rule is for vehicle rides only.
    customer_ride, _ = api.created(
        bodies.create(bodies.event(rideType="PICKUP_CUSTOMER", secondaryDriverUUID=driver_2))
    )
    assert api.trips(customer_ride)[0]["secondaryDriverUUID"] == driver_2

    two = bodies.event(
        rideType="DROPOFF_VEHICLE",
        loanerVehicleRequired=True,
        primaryDriverUUID=driver_1,
        secondaryDriverUUID=driver_2,
    )
    appointment_uuid, _ = api.created(bodies.create(two))
    [view] = api.trips(appointment_uuid)
    assert (view["primaryDriverUUID"], view["secondaryDriverUUID"]) == (driver_1, driver_2)
    assert view["internalRideType"] == "DROPOFF_VEHICLE_2_DRIVER_WITH_LOANER"


def test_linked_trip_uuids_must_be_existing_valid_trips_of_the_dealer(
    api: Api, bodies: Bodies, world: TestWorld
) -> None:
    first_appointment, first_trip = api.created(bodies.create())
    linked = bodies.create(bodies.event(linkedTripUuids=[first_trip]))
    appointment_uuid, _ = api.created(linked)
    assert api.trips(appointment_uuid)[0]["linkedTripUuids"] == [first_trip]

    unknown = bodies.create(bodies.event(linkedTripUuids=[first_trip, UNKNOWN]))
    assert trip_errors(api.create(unknown), 400) == {("INVALID_LINKED_TRIP", f"{EV1}.linkedTripUuids[1]")}

    # A trip of dealer B is not a trip of dealer A.
    dealer_b = api.as_user("dealer_b")
    bob = dealer_b.customer(world.dept_b1, "Bob", "Roe")
    _, foreign_trip = dealer_b.created(foreign_create_body(world, bob))
    foreign = bodies.create(bodies.event(linkedTripUuids=[foreign_trip]))
    assert trip_errors(api.create(foreign), 400) == {("INVALID_LINKED_TRIP", f"{EV1}.linkedTripUuids[0]")}

    # A cancelled trip is no longer valid.
    api.updated(first_appointment, bodies.update(None, first_trip))
    cancelled = bodies.create(bodies.event(linkedTripUuids=[first_trip]))
    assert trip_errors(api.create(cancelled), 400) == {("INVALID_LINKED_TRIP", f"{EV1}.linkedTripUuids[0]")}


# -- time formats and the derived end (facts §4.3 rules 24-25, D-TIME, D-END-TIME) ---------------------------


@pytest.mark.parametrize(
    "value",
    [
        "2024-10-26T10:00:00-07:00",  # colon in the offset
        "2024-10-26T10:00:00",  # no offset
        "2024-10-26T10:00:00Z",
        "2024-10-26 10:00:00-0700",
        "2024-02-30T10:00:00-0700",  # no such day
    ],
)
def test_trip_time_format(api: Api, bodies: Bodies, value: str) -> None:
    body = bodies.create(bodies.event(appointmentTime=value))
    assert trip_errors(api.create(body), 400) == {("INVALID_REQUEST_DATA", f"{EV1}.appointmentTime")}


@pytest.mark.parametrize(
    "value", ["2024-10-26T10:00:00-0700", "2024-10-26T10:00", "2024-10-26", "2023-02-29T10:00:00"]
)
def test_create_start_format(api: Api, bodies: Bodies, value: str) -> None:
    body = bodies.create(appointmentInformation={"appointmentStartDateTime": value})
    errors = trip_errors(api.create(body), 400)
    assert errors == {("INVALID_REQUEST_DATA", f"{AP1}.appointmentInformation.appointmentStartDateTime")}


def test_create_end_is_the_slot_or_the_sent_end(api: Api, bodies: Bodies) -> None:
    derived, _ = api.created(
        bodies.create(appointmentInformation={"appointmentStartDateTime": "2024-12-31T23:45:00"})
    )
    assert api.read(derived)["appointmentEndDateTime"] == "2025-01-01T00:14:59"
    sent_end = {
        "appointmentStartDateTime": "2024-10-26T10:00:00",
        "appointmentEndDateTime": "2024-10-26T11:30:00",
    }
    explicit, _ = api.created(bodies.create(appointmentInformation=sent_end))
    assert api.read(explicit)["appointmentEndDateTime"] == "2024-10-26T11:30:00"


@pytest.mark.parametrize("end", ["2024-10-26T09:59:59", "2024-10-26T10:00:00", "2024-10-25T12:00:00"])
def test_create_end_must_follow_the_start(
    api: Api, bodies: Bodies, server: MockServer, world: TestWorld, end: str
) -> None:
    info = {"appointmentStartDateTime": "2024-10-26T10:00:00", "appointmentEndDateTime": end}
    errors = trip_errors(api.create(bodies.create(appointmentInformation=info)), 400)
    assert errors == {("INVALID_REQUEST_DATA", f"{AP1}.appointmentInformation.appointmentEndDateTime")}
    assert dept_counts(server, world.dept_a1) == (0, 0)


def test_update_joins_date_and_time_and_derives_the_end(api: Api, bodies: Bodies) -> None:
    appointment_uuid, trip_uuid = api.created(bodies.create())
    event = bodies.event(eventUUID=trip_uuid)
    api.updated(
        appointment_uuid,
        bodies.update(event, trip_uuid, appointmentDate="2024-11-02", appointmentStartTime="08:30:00"),
    )
    info = api.read(appointment_uuid)
    assert (info["appointmentStartDateTime"], info["appointmentEndDateTime"]) == (
        "2024-11-02T08:30:00",
        "2024-11-02T08:59:59",
    )
    api.updated(appointment_uuid, bodies.update(event, trip_uuid, appointmentEndTime="16:00:00"))
    assert api.read(appointment_uuid)["appointmentEndDateTime"] == "2024-10-27T16:00:00"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("appointmentDate", "2024/10/27"),
        ("appointmentDate", "2024-10-27T14:00:00"),
        ("appointmentStartTime", "2pm"),
        ("appointmentStartTime", "14:00"),
        ("appointmentEndTime", "24:00:00"),
    ],
)
def test_update_time_formats(api: Api, bodies: Bodies, field: str, value: str) -> None:
    appointment_uuid, trip_uuid = api.created(bodies.create())
    body = bodies.update(bodies.event(eventUUID=trip_uuid), trip_uuid, **{field: value})
    errors = trip_errors(api.update(appointment_uuid, body), 400)
    assert errors == {("INVALID_REQUEST_DATA", f"{AP2}.appointmentInformation.{field}")}
    assert api.read(appointment_uuid)["appointmentStartDateTime"] == "2024-10-26T10:00:00"  # unchanged


def test_update_end_before_start_and_enforce_preferences(api: Api, bodies: Bodies) -> None:
    appointment_uuid, trip_uuid = api.created(bodies.create())
    event = bodies.event(eventUUID=trip_uuid)
    early_end = bodies.update(event, trip_uuid, appointmentEndTime="13:00:00")
    errors = trip_errors(api.update(appointment_uuid, early_end), 400)
    assert errors == {("INVALID_REQUEST_DATA", f"{AP2}.appointmentInformation.appointmentEndTime")}
    # D-ENFORCE-PREFERENCES: with enforcePreferences the sent end is ignored; the 30-minute slot applies.
    api.updated(appointment_uuid, early_end, enforcePreferences="true")
    assert api.read(appointment_uuid)["appointmentEndDateTime"] == "2024-10-27T14:29:59"
    late_end = bodies.update(event, trip_uuid, appointmentEndTime="17:00:00")
    api.updated(appointment_uuid, late_end, enforcePreferences="true")
    assert api.read(appointment_uuid)["appointmentEndDateTime"] == "2024-10-27T14:29:59"
    api.updated(appointment_uuid, late_end, enforcePreferences="false")
    assert api.read(appointment_uuid)["appointmentEndDateTime"] == "2024-10-27T17:00:00"


# -- drafts (facts §4.3 rule 22, D-DRAFT) --------------------------------------------------------------------


@pytest.mark.parametrize("status", ["DRAFT", "AUTO_DRAFT"])
def test_draft_trips_suppress_customer_messaging(api: Api, bodies: Bodies, status: str) -> None:
    appointment_uuid, trip_uuid = api.created(bodies.create(bodies.event(tripStatus=status)))
    assert api.read(appointment_uuid)["customerMessagingSuppressed"] is True
    [view] = api.trips(appointment_uuid)
    assert (view["tripStatus"], view["customerMessagingSuppressed"]) == (status, True)
    # Leaving the draft status lifts the suppression.
    api.updated(
        appointment_uuid, bodies.update(bodies.event(eventUUID=trip_uuid, tripStatus="ASSIGNED"), trip_uuid)
    )
    assert api.read(appointment_uuid)["customerMessagingSuppressed"] is False
    assert api.trips(appointment_uuid)[0]["customerMessagingSuppressed"] is False


def test_non_draft_trips_do_not_suppress_messaging(api: Api, bodies: Bodies) -> None:
    appointment_uuid, trip_uuid = api.created(bodies.create(bodies.event(tripStatus="ASSIGNED")))
    assert api.read(appointment_uuid)["customerMessagingSuppressed"] is False
    # An update that sends no tripStatus keeps the stored one.
    api.updated(appointment_uuid, bodies.update(bodies.event(eventUUID=trip_uuid), trip_uuid))
    assert api.trips(appointment_uuid)[0]["tripStatus"] == "ASSIGNED"


def test_draft_added_by_update_suppresses_messaging(api: Api, bodies: Bodies) -> None:
    appointment_uuid, trip_uuid = api.created(bodies.create())
    api.updated(appointment_uuid, bodies.update(None, trip_uuid))
    api.updated(appointment_uuid, bodies.update(bodies.event(tripStatus="DRAFT"), None))
    assert api.read(appointment_uuid)["customerMessagingSuppressed"] is True


# -- the A2 scenario table (facts §4.3 rule 15, D-A2-ERRORS) -------------------------------------------------


def test_update_scenario_updates_the_trip_and_the_appointment(
    api: Api, bodies: Bodies, world: TestWorld
) -> None:
    appointment_uuid, trip_uuid = api.created(
        bodies.create(
            pickupDeliveryTripMetadata={"subTransportOptionRequest": {"transportOptionUuid": "TO-1"}}
        )
    )
    advisor = world.associates[world.dealer_a][1]
    event = bodies.event(
        eventUUID=trip_uuid,
        rideType="PICKUP_CUSTOMER",
        appointmentTime="2024-10-27T13:30:00-0700",
        destinationAddress="456 Dealer Avenue",
        serviceAdvisorUUID=advisor,
    )
    body = bodies.update(event, trip_uuid, comments="Brakes", userUuid=advisor)
    body[AP2]["serviceList"] = [{"title": "OIL", "operationType": "OPCODE", "isCustomConcern": False}]
    body[AP2]["vehicleInformation"] = {"vehicleKey": "DMS-7"}
    payload = api.updated(appointment_uuid, body)
    assert payload["eventUUID"] == trip_uuid

    [view] = api.trips(appointment_uuid)
    assert view["eventUuid"] == trip_uuid
    assert view["version"] == 2  # D-CONCURRENCY
    assert view["rideType"] == "PICKUP_CUSTOMER"
    assert view["appointmentTime"] == "2024-10-27T13:30:00-0700"
    assert view["destinationAddress"] == "456 Dealer Avenue"
    assert view["serviceAdvisorUUID"] == advisor
    assert view["internalRideType"] == "PICKUP_CUSTOMER_NO_LOANER"
    assert view["customer"]["firstName"] == "Jane"
    info = api.read(appointment_uuid)
    assert info["appointmentStartDateTime"] == "2024-10-27T14:00:00"
    assert (info["comments"], info["userUuid"]) == ("Brakes", advisor)
    assert info["serviceList"] == body[AP2]["serviceList"]
    assert info["vehicleInformation"] == {"vehicleKey": "DMS-7"}
    assert info["transportOptionUuid"] == "TO-1"  # not sent: kept
    assert info["tripUuid"] == trip_uuid
    # The same body again: same state, version + 1.
    api.updated(appointment_uuid, body)
    assert api.trips(appointment_uuid)[0]["version"] == 3


def test_add_trip_fails_while_the_appointment_has_a_trip(
    api: Api, bodies: Bodies, server: MockServer, world: TestWorld
) -> None:
    appointment_uuid, trip_uuid = api.created(bodies.create())
    response = api.update(appointment_uuid, bodies.update(bodies.event(), None))
    assert trip_errors(response, 409) == {("TRIP_ALREADY_EXISTS", TRIP_UUID_FIELD)}
    assert [view["eventUuid"] for view in api.trips(appointment_uuid)] == [trip_uuid]
    assert dept_counts(server, world.dept_a1) == (1, 1)


def test_remove_trip_scenario_cancels_and_unlinks_it(
    api: Api, bodies: Bodies, server: MockServer, world: TestWorld
) -> None:
    appointment_uuid, trip_uuid = api.created(
        bodies.create(
            pickupDeliveryTripMetadata={"subTransportOptionRequest": {"transportOptionUuid": "TO-1"}}
        )
    )
    payload = api.updated(
        appointment_uuid, bodies.update(None, trip_uuid, altTransportation="Customer drop-off")
    )
    assert payload["eventUUID"] is None
    assert api.trips(appointment_uuid) == []
    info = api.read(appointment_uuid)
    assert info["tripUuid"] is None
    assert info["transportOptionUuid"] is None  # D-DELETE-TRIP-SCENARIO: cleared when none is sent
    assert info["altTransportation"] == "Customer drop-off"
    assert info["appointmentStartDateTime"] == "2024-10-27T14:00:00"
    assert dept_counts(server, world.dept_a1) == (1, 0)  # a cancelled trip is not counted
    # Removing it again: the trip is no longer valid.
    assert trip_errors(api.update(appointment_uuid, bodies.update(None, trip_uuid)), 404) == {
        ("TRIP_NOT_FOUND", TRIP_UUID_FIELD)
    }


def test_remove_trip_keeps_the_transport_option_that_is_sent(api: Api, bodies: Bodies) -> None:
    appointment_uuid, trip_uuid = api.created(
        bodies.create(
            pickupDeliveryTripMetadata={"subTransportOptionRequest": {"transportOptionUuid": "TO-1"}}
        )
    )
    api.updated(appointment_uuid, bodies.update(None, trip_uuid, transport="TO-2"))
    assert api.read(appointment_uuid)["transportOptionUuid"] == "TO-2"


def test_add_trip_after_removing_one(api: Api, bodies: Bodies, server: MockServer, world: TestWorld) -> None:
    appointment_uuid, old_trip = api.created(bodies.create())
    api.updated(appointment_uuid, bodies.update(None, old_trip))
    payload = api.updated(
        appointment_uuid, bodies.update(bodies.event(rideType="DROPOFF_VEHICLE"), None, transport="TO-9")
    )
    new_trip = payload["eventUUID"]
    assert new_trip not in (None, old_trip)
    [view] = api.trips(appointment_uuid)
    assert (view["eventUuid"], view["version"], view["rideType"]) == (new_trip, 1, "DROPOFF_VEHICLE")
    info = api.read(appointment_uuid)
    assert (info["tripUuid"], info["transportOptionUuid"]) == (new_trip, "TO-9")
    assert dept_counts(server, world.dept_a1) == (1, 1)


def test_both_null_is_not_a_scenario(api: Api, bodies: Bodies) -> None:
    appointment_uuid, trip_uuid = api.created(bodies.create())
    for metadata in ({}, {"tripUUID": None}):
        body = bodies.update(None, None)
        body[AP2]["pickupDeliveryTripMetadata"] = metadata
        assert trip_errors(api.update(appointment_uuid, body), 400) == {
            ("TRIP_EVENT_REQUIRED", f"{WR2}.pickupDeliveryTripEvent"),
            ("TRIP_EVENT_REQUIRED", TRIP_UUID_FIELD),
        }
    assert [view["eventUuid"] for view in api.trips(appointment_uuid)] == [trip_uuid]  # nothing changed


def test_update_needs_event_uuid_equal_to_trip_uuid(api: Api, bodies: Bodies) -> None:
    appointment_uuid, trip_uuid = api.created(bodies.create())
    for event_uuid in (DROP, UNKNOWN):
        body = bodies.update(bodies.event(eventUUID=event_uuid, originAddress="changed"), trip_uuid)
        assert trip_errors(api.update(appointment_uuid, body), 400) == {
            ("TRIP_UUID_MISMATCH", f"{EV2}.eventUUID")
        }
    [view] = api.trips(appointment_uuid)
    assert (view["version"], view["originAddress"]) == (1, None)


def test_update_needs_an_existing_valid_trip_linked_to_the_appointment(api: Api, bodies: Bodies) -> None:
    appointment_uuid, trip_uuid = api.created(bodies.create())
    other_appointment, other_trip = api.created(bodies.create())
    for target in (UNKNOWN, other_trip):
        response = api.update(appointment_uuid, bodies.update(bodies.event(eventUUID=target), target))
        assert trip_errors(response, 404) == {("TRIP_NOT_FOUND", TRIP_UUID_FIELD)}
    # A removed (cancelled) trip cannot be revived by an update.
    api.updated(other_appointment, bodies.update(None, other_trip))
    response = api.update(other_appointment, bodies.update(bodies.event(eventUUID=other_trip), other_trip))
    assert trip_errors(response, 404) == {("TRIP_NOT_FOUND", TRIP_UUID_FIELD)}
    assert api.trips(other_appointment) == []
    [view] = api.trips(appointment_uuid)
    assert (view["eventUuid"], view["version"]) == (trip_uuid, 1)


def test_update_of_unknown_appointment_is_404(api: Api, bodies: Bodies) -> None:
    _, trip_uuid = api.created(bodies.create())
    response = api.update(UNKNOWN, bodies.update(bodies.event(eventUUID=trip_uuid), trip_uuid))
    assert trip_errors(response, 404) == {("APPOINTMENT_NOT_FOUND", "sarUUID")}


# -- consistency checks (D-CONSISTENCY) ----------------------------------------------------------------------


def foreign_create_body(world: TestWorld, customer: str) -> dict[str, Any]:
    """A valid create body of dealer B, department B1."""
    associate = world.associates[world.dealer_b][0]
    return {
        WR1: {
            "pickupDeliveryTripEvent": {
                "appointmentTime": "2024-10-26T09:15:00-0700",
                "rideType": "PICKUP_CUSTOMER",
                "customerUUID": customer,
                "dealerUUID": world.dealer_b,
                "dealerDepartmentUUID": world.dept_b1,
                "assignedByDealerAssociateUUID": associate,
            },
            "requesterUserUUID": associate,
            "dealerDepartmentUUIDList": [world.dept_b1],
        },
        AP1: {
            "customerUuid": customer,
            "vehicleInformation": {"vehicleUuid": "V-B"},
            "appointmentInformation": {"appointmentStartDateTime": "2024-10-26T10:00:00"},
        },
    }


def test_event_dealer_must_be_the_path_dealer(api: Api, bodies: Bodies, world: TestWorld) -> None:
    body = bodies.create(bodies.event(dealerUUID=world.dealer_b))
    assert trip_errors(api.create(body), 400) == {("INCORRECT_DEALER_INFO", f"{EV1}.dealerUUID")}


def test_event_department_must_belong_to_the_dealer_and_be_listed(
    api: Api, bodies: Bodies, world: TestWorld, server: MockServer
) -> None:
    foreign = bodies.create(bodies.event(dealerDepartmentUUID=world.dept_b1))
    assert trip_errors(api.create(foreign), 400) == {("INCORRECT_DEALER_INFO", f"{EV1}.dealerDepartmentUUID")}
    unlisted = bodies.create(bodies.event(dealerDepartmentUUID=world.dept_a2))
    assert trip_errors(api.create(unlisted), 400) == {
        ("INCORRECT_DEALER_INFO", f"{WR1}.dealerDepartmentUUIDList")
    }
    foreign_listed = bodies.create()
    foreign_listed[WR1]["dealerDepartmentUUIDList"] = [world.dept_a1, world.dept_b1]
    assert trip_errors(api.create(foreign_listed), 400) == {
        ("INCORRECT_DEALER_INFO", f"{WR1}.dealerDepartmentUUIDList[1]")
    }
    # Department A2, listed: the appointment belongs to A2.
    listed = bodies.create(bodies.event(dealerDepartmentUUID=world.dept_a2))
    listed[WR1]["dealerDepartmentUUIDList"] = [world.dept_a1, world.dept_a2]
    appointment_uuid, _ = api.created(listed)
    assert api.read(appointment_uuid, world.dept_a2)["departmentUuid"] == world.dept_a2
    assert dept_counts(server, world.dept_a2) == (1, 1)
    assert dept_counts(server, world.dept_a1) == (0, 0)


@pytest.mark.parametrize(
    "where",
    [
        f"{WR1}.requesterUserUUID",
        f"{EV1}.assignedByDealerAssociateUUID",
        f"{EV1}.primaryDriverUUID",
        f"{EV1}.secondaryDriverUUID",
        f"{EV1}.serviceAdvisorUUID",
        f"{AP1}.appointmentInformation.userUuid",
    ],
)
def test_users_must_be_associates_of_the_dealer(
    api: Api, bodies: Bodies, world: TestWorld, where: str
) -> None:
    outsider = world.associates[world.dealer_b][0]  # an associate, but of dealer B
    body = bodies.create(bodies.event(primaryDriverUUID=world.associates[world.dealer_a][1]))
    target: dict[str, Any] = body
    *parents, key = where.split(".")
    for part in parents:
        target = target[part]
    target[key] = outsider
    assert trip_errors(api.create(body), 400) == {("INCORRECT_USER_INFO", where)}


def test_unknown_user_is_incorrect_user_info_on_update(api: Api, bodies: Bodies) -> None:
    appointment_uuid, trip_uuid = api.created(bodies.create())
    body = bodies.update(None, trip_uuid)
    body[WR2]["requesterUserUUID"] = UNKNOWN
    assert trip_errors(api.update(appointment_uuid, body), 400) == {
        ("INCORRECT_USER_INFO", f"{WR2}.requesterUserUUID")
    }
    assert api.read(appointment_uuid)["tripUuid"] == trip_uuid  # nothing changed


def test_customers_must_belong_to_the_dealer(
    api: Api, bodies: Bodies, world: TestWorld, server: MockServer
) -> None:
    bob = api.as_user("dealer_b").customer(world.dept_b1, "Bob", "Roe")
    for customer in (bob, UNKNOWN):
        body = bodies.create(bodies.event(customerUUID=customer), customerUuid=customer)
        assert trip_errors(api.create(body), 400) == {
            ("CUSTOMER_NOT_FOUND", f"{EV1}.customerUUID"),
            ("CUSTOMER_NOT_FOUND", f"{AP1}.customerUuid"),
        }
    assert dept_counts(server, world.dept_a1) == (0, 0)
    # A customer of another department of the same dealer is accepted (one of the dealer's departments).
    ann = api.customer(world.dept_a2, "Ann", "Lee")
    appointment_uuid, _ = api.created(bodies.create(bodies.event(customerUUID=ann), customerUuid=ann))
    assert api.trips(appointment_uuid)[0]["customer"] == {
        "customerUuid": ann,
        "firstName": "Ann",
        "lastName": "Lee",
    }


def test_update_event_is_checked_like_a_create(api: Api, bodies: Bodies, world: TestWorld) -> None:
    appointment_uuid, trip_uuid = api.created(bodies.create())
    bob = api.as_user("dealer_b").customer(world.dept_b1, "Bob", "Roe")
    event = bodies.event(
        eventUUID=trip_uuid, dealerUUID=world.dealer_b, customerUUID=bob, linkedTripUuids=[UNKNOWN]
    )
    assert trip_errors(api.update(appointment_uuid, bodies.update(event, trip_uuid)), 400) == {
        ("INCORRECT_DEALER_INFO", f"{EV2}.dealerUUID"),
        ("CUSTOMER_NOT_FOUND", f"{EV2}.customerUUID"),
        ("INVALID_LINKED_TRIP", f"{EV2}.linkedTripUuids[0]"),
    }
    assert api.trips(appointment_uuid)[0]["version"] == 1


def test_every_problem_is_listed_together(api: Api, bodies: Bodies, world: TestWorld) -> None:
    outsider = world.associates[world.dealer_b][0]
    body = bodies.create(
        bodies.event(dealerUUID=world.dealer_b, serviceAdvisorUUID=outsider, linkedTripUuids=[UNKNOWN]),
        customerUuid=UNKNOWN,
    )
    body[WR1]["requesterUserUUID"] = outsider
    assert trip_errors(api.create(body), 400) == {
        ("INCORRECT_DEALER_INFO", f"{EV1}.dealerUUID"),
        ("INCORRECT_USER_INFO", f"{EV1}.serviceAdvisorUUID"),
        ("INCORRECT_USER_INFO", f"{WR1}.requesterUserUUID"),
        ("INVALID_LINKED_TRIP", f"{EV1}.linkedTripUuids[0]"),
        ("CUSTOMER_NOT_FOUND", f"{AP1}.customerUuid"),
    }


# -- replaced appointments (facts §4.3 rule 14, D-ENFORCE-PREFERENCES) ---------------------------------------


@pytest.mark.parametrize("parameter", ["mobileServiceApptUuid", "regularServiceApptUuid"])
def test_replaced_appointment_is_deleted_after_the_create(
    api: Api, bodies: Bodies, server: MockServer, world: TestWorld, parameter: str
) -> None:
    old_appointment, _ = api.created(bodies.create())
    new_appointment, new_trip = api.created(bodies.create(), **{parameter: old_appointment})
    read_error(api.read_response(old_appointment), 404)
    assert pnd_error(api.trips_response(old_appointment), 404) == "APPOINTMENT_NOT_FOUND"
    assert api.read(new_appointment)["tripUuid"] == new_trip
    assert dept_counts(server, world.dept_a1) == (1, 1)  # the old trip was cancelled with its appointment


@pytest.mark.parametrize("parameter", ["mobileServiceApptUuid", "regularServiceApptUuid"])
def test_unknown_or_foreign_replaced_appointment_fails_before_anything_is_created(
    api: Api, bodies: Bodies, server: MockServer, world: TestWorld, parameter: str
) -> None:
    dealer_b = api.as_user("dealer_b")
    foreign_appointment, _ = dealer_b.created(
        foreign_create_body(world, dealer_b.customer(world.dept_b1, "Bob", "Roe"))
    )
    for target in (UNKNOWN, foreign_appointment):
        assert trip_errors(api.create(bodies.create(), **{parameter: target}), 404) == {
            ("APPOINTMENT_NOT_FOUND", parameter)
        }
    assert dept_counts(server, world.dept_a1) == (0, 0)
    assert dealer_b.read(foreign_appointment, world.dept_b1)["appointmentUuid"] == foreign_appointment


def test_both_replaced_appointments_are_deleted(
    api: Api, bodies: Bodies, server: MockServer, world: TestWorld
) -> None:
    mobile, _ = api.created(bodies.create())
    regular, _ = api.created(bodies.create())
    api.created(bodies.create(), mobileServiceApptUuid=mobile, regularServiceApptUuid=regular)
    for old in (mobile, regular):
        read_error(api.read_response(old), 404)
    assert dept_counts(server, world.dept_a1) == (1, 1)


# -- delete (A3, D-A3) ---------------------------------------------------------------------------------------


def test_delete_with_trip_then_reads_are_404(
    api: Api, bodies: Bodies, server: MockServer, world: TestWorld
) -> None:
    appointment_uuid, trip_uuid = api.created(bodies.create())
    response = api.delete(bodies.delete(appointment_uuid, trip_uuid))
    assert response.status_code == 200, response.text
    payload = response.json()
    assert (payload["tripUuid"], payload["appointmentUuid"], payload["statusCode"]) == (
        trip_uuid,
        appointment_uuid,
        200,
    )
    assert not payload.get("errors")

    read_error(api.read_response(appointment_uuid), 404)
    assert pnd_error(api.trips_response(appointment_uuid), 404) == "APPOINTMENT_NOT_FOUND"
    update = api.update(appointment_uuid, bodies.update(bodies.event(eventUUID=trip_uuid), trip_uuid))
    assert trip_errors(update, 404) == {("APPOINTMENT_NOT_FOUND", "sarUUID")}
    # Repeating the delete has no second effect.
    assert trip_errors(api.delete(bodies.delete(appointment_uuid, trip_uuid)), 404) == {
        ("APPOINTMENT_NOT_FOUND", "appointmentUuid")
    }
    assert dept_counts(server, world.dept_a1) == (0, 0)
    # The trip is cancelled, not valid any more: it cannot be linked.
    linked = bodies.create(bodies.event(linkedTripUuids=[trip_uuid]))
    assert trip_errors(api.create(linked), 400) == {("INVALID_LINKED_TRIP", f"{EV1}.linkedTripUuids[0]")}


def test_delete_needs_the_trip_linked_to_the_appointment(api: Api, bodies: Bodies) -> None:
    appointment_uuid, trip_uuid = api.created(bodies.create())
    _, other_trip = api.created(bodies.create())
    for target in (other_trip, UNKNOWN):
        assert trip_errors(api.delete(bodies.delete(appointment_uuid, target)), 404) == {
            ("TRIP_NOT_FOUND", "tripUuid")
        }
    assert api.read(appointment_uuid)["tripUuid"] == trip_uuid  # nothing changed
    assert trip_errors(api.delete(bodies.delete(UNKNOWN, trip_uuid)), 404) == {
        ("APPOINTMENT_NOT_FOUND", "appointmentUuid")
    }
    # After the A2 remove-trip scenario the trip is no longer linked.
    api.updated(appointment_uuid, bodies.update(None, trip_uuid))
    assert trip_errors(api.delete(bodies.delete(appointment_uuid, trip_uuid)), 404) == {
        ("TRIP_NOT_FOUND", "tripUuid")
    }


def test_delete_requester_is_required_unless_source_is_web(api: Api, bodies: Bodies) -> None:
    appointment_uuid, trip_uuid = api.created(bodies.create())
    for missing in (DROP, None):
        body = bodies.delete(appointment_uuid, trip_uuid, requesterUuid=missing)
        assert ("INVALID_REQUEST_DATA", "requesterUuid") in trip_errors(api.delete(body), 400)
    assert api.read(appointment_uuid)["tripUuid"] == trip_uuid
    response = api.delete(bodies.delete(appointment_uuid, trip_uuid, requesterUuid=DROP, source="WEB"))
    assert response.status_code == 200, response.text
    read_error(api.read_response(appointment_uuid), 404)


def test_delete_consistency_checks(api: Api, bodies: Bodies, world: TestWorld) -> None:
    appointment_uuid, trip_uuid = api.created(bodies.create())
    body = bodies.delete(
        appointment_uuid,
        trip_uuid,
        dealerUuid=world.dealer_b,
        dealerDepartmentUUIDList=[world.dept_b1],
        updatedByDAUUID=world.associates[world.dealer_b][0],
    )
    assert trip_errors(api.delete(body), 400) == {
        ("INCORRECT_DEALER_INFO", "dealerUuid"),
        ("INCORRECT_DEALER_INFO", "dealerDepartmentUUIDList[0]"),
        ("INCORRECT_USER_INFO", "updatedByDAUUID"),
    }
    assert api.read(appointment_uuid)["tripUuid"] == trip_uuid
    # Only the first listed department is used (D-A3); the body dealer may be left out.
    body = bodies.delete(
        appointment_uuid, trip_uuid, dealerUuid=DROP, dealerDepartmentUUIDList=[world.dept_a1, "x"]
    )
    assert api.delete(body).status_code == 200


@pytest.mark.parametrize("blank", ["", " ", None])
def test_delete_with_a_blank_body_dealer_is_as_without_one(
    api: Api, bodies: Bodies, blank: str | None
) -> None:
    """D-CONSISTENCY: `dealerUuid` is checked when sent; blank is not sent (D-NAMES)."""
    appointment_uuid, trip_uuid = api.created(bodies.create())
    response = api.delete(bodies.delete(appointment_uuid, trip_uuid, dealerUuid=blank))
    assert response.status_code == 200, response.text


# -- reads and tenancy ---------------------------------------------------------------------------------------


def test_get_appointment_of_another_department_is_404(api: Api, bodies: Bodies, world: TestWorld) -> None:
    appointment_uuid, _ = api.created(bodies.create())
    read_error(api.read_response(appointment_uuid, world.dept_a2), 404)
    read_error(api.read_response(UNKNOWN), 404)
    assert api.read(appointment_uuid, world.dept_a1)["appointmentUuid"] == appointment_uuid


def test_trips_read_of_unknown_appointment_is_404(api: Api) -> None:
    assert pnd_error(api.trips_response(UNKNOWN), 404) == "APPOINTMENT_NOT_FOUND"


def test_another_dealers_appointment_is_404_through_its_own_grant(
    api: Api, bodies: Bodies, world: TestWorld
) -> None:
    appointment_uuid, trip_uuid = api.created(bodies.create())
    dealer_b = api.as_user("dealer_b")
    assert pnd_error(dealer_b.trips_response(appointment_uuid), 404) == "APPOINTMENT_NOT_FOUND"
    read_error(dealer_b.read_response(appointment_uuid, world.dept_b1), 404)
    event = {
        **bodies.event(eventUUID=trip_uuid),
        "dealerUUID": world.dealer_b,
        "dealerDepartmentUUID": world.dept_b1,
        "assignedByDealerAssociateUUID": world.associates[world.dealer_b][0],
    }
    update = bodies.update(event, trip_uuid)
    update[WR2]["requesterUserUUID"] = world.associates[world.dealer_b][0]
    update[WR2]["dealerDepartmentUUIDList"] = [world.dept_b1]
    assert trip_errors(dealer_b.update(appointment_uuid, update), 404) == {
        ("APPOINTMENT_NOT_FOUND", "sarUUID")
    }
    delete = bodies.delete(
        appointment_uuid,
        trip_uuid,
        dealerUuid=world.dealer_b,
        dealerDepartmentUUIDList=[world.dept_b1],
        updatedByDAUUID=world.associates[world.dealer_b][0],
        updatedByDeptUUID=world.dept_b1,
        requesterUuid=world.associates[world.dealer_b][0],
    )
    assert trip_errors(dealer_b.delete(delete), 404) == {("APPOINTMENT_NOT_FOUND", "appointmentUuid")}
    # Still there for dealer A.
    assert api.read(appointment_uuid)["tripUuid"] == trip_uuid
    assert api.trips(appointment_uuid)[0]["version"] == 1


def test_another_dealers_path_is_403(api: Api, bodies: Bodies, world: TestWorld) -> None:
    appointment_uuid, trip_uuid = api.created(bodies.create())
    dealer_b = api.as_user("dealer_b")
    responses = [
        dealer_b.create(bodies.create(), dealer=world.dealer_a),
        dealer_b.update(appointment_uuid, bodies.update(None, trip_uuid), dealer=world.dealer_a),
        dealer_b.delete(bodies.delete(appointment_uuid, trip_uuid), dealer=world.dealer_a),
    ]
    for response in responses:
        assert {code for code, _ in trip_errors(response, 403)} == {"INVALID_SCOPE_DEALER"}
    assert (
        pnd_error(dealer_b.trips_response(appointment_uuid, dealer=world.dealer_a), 403)
        == "INVALID_SCOPE_DEALER"
    )
    read_error(dealer_b.read_response(appointment_uuid, world.dept_a1), 403)
    assert api.read(appointment_uuid)["tripUuid"] == trip_uuid


def test_readonly_account_reads_but_cannot_write(api: Api, bodies: Bodies) -> None:
    appointment_uuid, trip_uuid = api.created(bodies.create())
    readonly = api.as_user("readonly")
    assert readonly.read(appointment_uuid)["tripUuid"] == trip_uuid
    assert [view["eventUuid"] for view in readonly.trips(appointment_uuid)] == [trip_uuid]
    for response in (
        readonly.create(bodies.create()),
        readonly.update(appointment_uuid, bodies.update(None, trip_uuid)),
        readonly.delete(bodies.delete(appointment_uuid, trip_uuid)),
    ):
        assert {code for code, _ in trip_errors(response, 403)} == {"INVALID_SCOPE_DEALER"}
    assert api.read(appointment_uuid)["tripUuid"] == trip_uuid
