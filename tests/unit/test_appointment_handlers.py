"""Handler-level tests of mykaarma_mock.appointments on a real in-memory SQLite database.

The handlers are called directly with a stand-in request context (the attributes the contract of
``mykaarma_mock.app.RequestContext`` names) and a stand-in world, so the rules are checked without HTTP.
The HTTP behaviour (validation, envelopes, auth) is covered by tests/integration/test_mock_appointments.py.
"""

from __future__ import annotations

import copy
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from mykaarma_mock import appointments
from mykaarma_mock.errors import ApiError

DEALER = "dealer-a"
DEPT = "dept-a1"
DEPT_2 = "dept-a2"
OTHER_DEALER = "dealer-b"
OTHER_DEPT = "dept-b1"
ADVISOR = "user-a-advisor"
DRIVER_1 = "user-a-driver-1"
DRIVER_2 = "user-a-driver-2"
OUTSIDER = "user-b-1"
CUSTOMER = "cust-a"
CUSTOMER_DEPT_2 = "cust-a2"
FOREIGN_CUSTOMER = "cust-b"


@dataclass(frozen=True)
class StandInDepartment:
    uuid: str
    name: str
    dealer_uuid: str


@dataclass(frozen=True)
class StandInDealer:
    uuid: str
    name: str
    departments: tuple[StandInDepartment, ...]
    associates: frozenset[str]


@dataclass(frozen=True)
class StandInWorld:
    dealers: tuple[StandInDealer, ...]

    def dealer(self, uuid: str) -> StandInDealer | None:
        return next((dealer for dealer in self.dealers if dealer.uuid == uuid), None)

    def is_associate(self, dealer_uuid: str, user_uuid: str) -> bool:
        dealer = self.dealer(dealer_uuid)
        return dealer is not None and user_uuid in dealer.associates


WORLD = StandInWorld(
    dealers=(
        StandInDealer(
            DEALER,
            "Dealer A",
            (StandInDepartment(DEPT, "Service", DEALER), StandInDepartment(DEPT_2, "Body shop", DEALER)),
            frozenset({ADVISOR, DRIVER_1, DRIVER_2}),
        ),
        StandInDealer(
            OTHER_DEALER,
            "Dealer B",
            (StandInDepartment(OTHER_DEPT, "Service", OTHER_DEALER),),
            frozenset({OUTSIDER}),
        ),
    )
)


@dataclass
class StandInContext:
    operation_id: str
    path: dict[str, str]
    query: dict[str, Any]
    body: dict[str, Any] | None
    conn: sqlite3.Connection
    world: StandInWorld = WORLD
    account: object = None
    warnings: list[object] = field(default_factory=list)


@pytest.fixture
def conn() -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(":memory:")
    connection.row_factory = sqlite3.Row
    connection.executescript(appointments.SCHEMA_SQL)
    # The columns of the customer module's table that the appointment rules read.
    connection.executescript(
        "CREATE TABLE customer_customers (uuid TEXT UNIQUE, department_uuid TEXT, first_name TEXT,"
        " last_name TEXT);"
    )
    connection.executemany(
        "INSERT INTO customer_customers VALUES (?, ?, ?, ?)",
        [
            (CUSTOMER, DEPT, "Jane", "Doe"),
            (CUSTOMER_DEPT_2, DEPT_2, "Ann", "Lee"),
            (FOREIGN_CUSTOMER, OTHER_DEPT, "Bob", "Roe"),
        ],
    )
    yield connection
    connection.close()


def call(conn: sqlite3.Connection, operation: str, path: dict[str, str], body: Any, **query: Any) -> Any:
    ctx = StandInContext(operation_id=operation, path=path, query=query, body=body, conn=conn)
    return appointments.HANDLERS[operation](ctx)  # type: ignore[arg-type]


def failure(
    conn: sqlite3.Connection, operation: str, path: dict[str, str], body: Any, **query: Any
) -> ApiError:
    with pytest.raises(ApiError) as info:
        call(conn, operation, path, body, **query)
    return info.value


def codes(error: ApiError) -> set[tuple[str, str | None]]:
    return {(problem.code, problem.field) for problem in error.problems}


def event(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "appointmentTime": "2024-10-26T09:15:00-0700",
        "rideType": "PICKUP_VEHICLE",
        "customerUUID": CUSTOMER,
        "dealerUUID": DEALER,
        "dealerDepartmentUUID": DEPT,
        "assignedByDealerAssociateUUID": ADVISOR,
    }
    base.update(changes)
    return {key: value for key, value in base.items() if value is not ...}


def create_body(trip: dict[str, Any] | None = None, **appointment: Any) -> dict[str, Any]:
    request: dict[str, Any] = {
        "customerUuid": CUSTOMER,
        "vehicleInformation": {"vin": "1HGCM82633A004352"},
        "appointmentInformation": {"appointmentStartDateTime": "2024-10-26T10:00:00"},
    }
    request.update(appointment)
    return {
        "savePickupDeliveryTripEventRequest": {
            "pickupDeliveryTripEvent": trip if trip is not None else event(),
            "requesterUserUUID": ADVISOR,
            "dealerDepartmentUUIDList": [DEPT],
            "source": "DEALER_APP",
        },
        "createAppointmentWithTripRequest": request,
    }


def update_body(trip: dict[str, Any] | None, trip_uuid: str | None, **info: Any) -> dict[str, Any]:
    information: dict[str, Any] = {"appointmentDate": "2024-10-26", "appointmentStartTime": "11:00:00"}
    information.update(info)
    metadata: dict[str, Any] = {} if trip_uuid is None else {"tripUUID": trip_uuid}
    return {
        "updatePickupDeliveryTripEventRequest": {
            "pickupDeliveryTripEvent": trip,
            "requesterUserUUID": ADVISOR,
            "dealerDepartmentUUIDList": [DEPT],
            "source": "DEALER_APP",
        },
        "updateAppointmentForTripRequest": {
            "appointmentInformation": information,
            "pickupDeliveryTripMetadata": metadata,
        },
    }


def create(conn: sqlite3.Connection, body: dict[str, Any] | None = None, **query: Any) -> tuple[str, str]:
    result = call(conn, "createAppointmentWithTrip", {"dealerUuid": DEALER}, body or create_body(), **query)
    return result["appointmentUUID"], result["eventUUID"]


def trips(conn: sqlite3.Connection, appointment_uuid: str) -> list[dict[str, Any]]:
    result = call(conn, "getTripsForAppointment", {"dealerUuid": DEALER}, {"sarUuid": appointment_uuid})
    assert result["totalCount"] == len(result["tripViewDtos"])
    views: list[dict[str, Any]] = result["tripViewDtos"]
    return views


def read(conn: sqlite3.Connection, appointment_uuid: str, department: str = DEPT) -> dict[str, Any]:
    result = call(
        conn, "getAppointment", {"departmentUuid": department, "appointmentUuid": appointment_uuid}, None
    )
    info: dict[str, Any] = result["appointmentInfo"]
    return info


def update(conn: sqlite3.Connection, appointment_uuid: str, body: dict[str, Any], **query: Any) -> Any:
    path = {"dealerUuid": DEALER, "sarUUID": appointment_uuid}
    return call(conn, "updateAppointmentWithTrip", path, body, **query)


# ---------------------------------------------------------------------------------------------- create (A1)


def test_create_stores_appointment_and_trip(conn: sqlite3.Connection) -> None:
    appointment_uuid, trip_uuid = create(conn)
    info = read(conn, appointment_uuid)
    assert info["appointmentStartDateTime"] == "2024-10-26T10:00:00"
    assert info["appointmentEndDateTime"] == "2024-10-26T10:29:59"  # D-END-TIME
    assert info["tripUuid"] == trip_uuid
    assert info["customerMessagingSuppressed"] is False
    [view] = trips(conn, appointment_uuid)
    assert view["eventUuid"] == trip_uuid
    assert view["version"] == 1
    assert view["tripStatus"] == "UNASSIGNED"
    assert view["isValid"] is True
    assert view["customer"] == {"customerUuid": CUSTOMER, "firstName": "Jane", "lastName": "Doe"}
    assert view["internalRideType"] == "PICKUP_VEHICLE_NO_LOANER"


def test_create_collects_every_consistency_problem(conn: sqlite3.Connection) -> None:
    body = create_body(
        event(
            dealerUUID=OTHER_DEALER,
            dealerDepartmentUUID=OTHER_DEPT,
            customerUUID=FOREIGN_CUSTOMER,
            assignedByDealerAssociateUUID=OUTSIDER,
            primaryDriverUUID=OUTSIDER,
            serviceAdvisorUUID=OUTSIDER,
            linkedTripUuids=["nope"],
        ),
        customerUuid=FOREIGN_CUSTOMER,
    )
    body["savePickupDeliveryTripEventRequest"]["requesterUserUUID"] = OUTSIDER
    error = failure(conn, "createAppointmentWithTrip", {"dealerUuid": DEALER}, body)
    assert error.status == 400
    ev = "savePickupDeliveryTripEventRequest.pickupDeliveryTripEvent"
    assert codes(error) == {
        ("INCORRECT_DEALER_INFO", f"{ev}.dealerUUID"),
        ("INCORRECT_DEALER_INFO", f"{ev}.dealerDepartmentUUID"),
        ("INCORRECT_USER_INFO", "savePickupDeliveryTripEventRequest.requesterUserUUID"),
        ("INCORRECT_USER_INFO", f"{ev}.assignedByDealerAssociateUUID"),
        ("INCORRECT_USER_INFO", f"{ev}.primaryDriverUUID"),
        ("INCORRECT_USER_INFO", f"{ev}.serviceAdvisorUUID"),
        ("CUSTOMER_NOT_FOUND", f"{ev}.customerUUID"),
        ("CUSTOMER_NOT_FOUND", "createAppointmentWithTripRequest.customerUuid"),
        ("INVALID_LINKED_TRIP", f"{ev}.linkedTripUuids[0]"),
    }
    assert conn.execute("SELECT COUNT(*) FROM appointment_appointments").fetchone()[0] == 0


def test_create_department_must_be_listed(conn: sqlite3.Connection) -> None:
    body = create_body(event(dealerDepartmentUUID=DEPT_2))
    error = failure(conn, "createAppointmentWithTrip", {"dealerUuid": DEALER}, body)
    assert codes(error) == {
        ("INCORRECT_DEALER_INFO", "savePickupDeliveryTripEventRequest.dealerDepartmentUUIDList")
    }


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"assignedByDealerAssociateUUID": ...}, "assignedByDealerAssociateUUID"),
        ({"customerUUID": None}, "customerUUID"),
        ({"loanerVehicleRequired": True, "isDropCar": True}, "isDropCar"),
        ({"swappedLoanerVehicleUuid": "L1"}, "swappedLoanerVehicleUuid"),
        (
            {"rideType": "LOANER_SWAP", "loanerVehicleUuid": "L1", "swappedLoanerVehicleUuid": "L1"},
            "swappedLoanerVehicleUuid",
        ),
        ({"primaryDriverUUID": DRIVER_1, "secondaryDriverUUID": DRIVER_1}, "secondaryDriverUUID"),
        ({"secondaryDriverUUID": DRIVER_2}, "primaryDriverUUID"),
        ({"appointmentTime": "2024-02-30T10:00:00-0700"}, "appointmentTime"),
        ({"appointmentTime": "2024-10-26T10:00:00-07:00"}, "appointmentTime"),
    ],
)
def test_create_trip_rules(conn: sqlite3.Connection, changes: dict[str, Any], expected: str) -> None:
    error = failure(conn, "createAppointmentWithTrip", {"dealerUuid": DEALER}, create_body(event(**changes)))
    assert codes(error) == {
        ("INVALID_REQUEST_DATA", f"savePickupDeliveryTripEventRequest.pickupDeliveryTripEvent.{expected}")
    }


def test_create_rules_that_allow(conn: sqlite3.Connection) -> None:
    body = create_body(event(rideType="MISCELLANEOUS", customerUUID=None, assignedByDealerAssociateUUID=...))
    body["savePickupDeliveryTripEventRequest"]["source"] = "WEB"
    appointment_uuid, _ = create(conn, body)
    [view] = trips(conn, appointment_uuid)
    assert view["customer"] == {"customerUuid": None, "firstName": None, "lastName": None}
    assert view["internalRideType"] == "MISCELLANEOUS_NO_LOANER"


@pytest.mark.parametrize(
    ("changes", "internal"),
    [
        ({"loanerVehicleRequired": True}, "PICKUP_VEHICLE_WITH_LOANER"),
        (
            {"loanerVehicleRequired": True, "primaryDriverUUID": DRIVER_1, "secondaryDriverUUID": DRIVER_2},
            "PICKUP_VEHICLE_2_DRIVER_WITH_LOANER",
        ),
        ({"rideType": "DROPOFF_CUSTOMER", "isDropCar": True}, "DROPOFF_CUSTOMER_NO_LOANER"),
        (
            {"rideType": "LOANER_SWAP", "loanerVehicleUuid": "L1", "swappedLoanerVehicleUuid": "L2"},
            "LOANER_SWAP",
        ),
        ({"rideType": "RIDE_SHARE"}, None),
    ],
)
def test_internal_ride_type(conn: sqlite3.Connection, changes: dict[str, Any], internal: str | None) -> None:
    appointment_uuid, _ = create(conn, create_body(event(**changes)))
    [view] = trips(conn, appointment_uuid)
    assert view.get("internalRideType") == internal


def test_create_end_time(conn: sqlite3.Connection) -> None:
    body = create_body(
        appointmentInformation={
            "appointmentStartDateTime": "2024-10-26T10:00:00",
            "appointmentEndDateTime": "2024-10-26T11:15:00",
        }
    )
    appointment_uuid, _ = create(conn, body)
    assert read(conn, appointment_uuid)["appointmentEndDateTime"] == "2024-10-26T11:15:00"
    for end in ("2024-10-26T09:59:59", "2024-10-26T10:00:00"):
        body = create_body(
            appointmentInformation={
                "appointmentStartDateTime": "2024-10-26T10:00:00",
                "appointmentEndDateTime": end,
            }
        )
        error = failure(conn, "createAppointmentWithTrip", {"dealerUuid": DEALER}, body)
        assert codes(error) == {
            (
                "INVALID_REQUEST_DATA",
                "createAppointmentWithTripRequest.appointmentInformation.appointmentEndDateTime",
            )
        }


def test_create_replaces_appointment(conn: sqlite3.Connection) -> None:
    old_appointment, old_trip = create(conn)
    error = failure(
        conn,
        "createAppointmentWithTrip",
        {"dealerUuid": DEALER},
        create_body(),
        mobileServiceApptUuid="unknown",
    )
    assert error.status == 404
    assert codes(error) == {("APPOINTMENT_NOT_FOUND", "mobileServiceApptUuid")}
    assert conn.execute("SELECT COUNT(*) FROM appointment_appointments").fetchone()[0] == 1
    new_appointment, _ = create(conn, regularServiceApptUuid=old_appointment)
    assert read(conn, new_appointment)["appointmentUuid"] == new_appointment
    with pytest.raises(ApiError) as info:
        read(conn, old_appointment)
    assert info.value.status == 404
    status = conn.execute(
        "SELECT trip_status, is_valid FROM appointment_trips WHERE uuid = ?", (old_trip,)
    ).fetchone()
    assert tuple(status) == ("CANCELLED", 0)


def test_draft_suppresses_messaging(conn: sqlite3.Connection) -> None:
    appointment_uuid, trip_uuid = create(conn, create_body(event(tripStatus="AUTO_DRAFT")))
    assert read(conn, appointment_uuid)["customerMessagingSuppressed"] is True
    assert trips(conn, appointment_uuid)[0]["customerMessagingSuppressed"] is True
    update(conn, appointment_uuid, update_body(event(eventUUID=trip_uuid, tripStatus="ASSIGNED"), trip_uuid))
    assert read(conn, appointment_uuid)["customerMessagingSuppressed"] is False


def test_linked_trips_must_be_live_trips_of_the_dealer(conn: sqlite3.Connection) -> None:
    _, first_trip = create(conn)
    appointment_uuid, _ = create(conn, create_body(event(linkedTripUuids=[first_trip])))
    assert trips(conn, appointment_uuid)[0]["linkedTripUuids"] == [first_trip]
    conn.execute("UPDATE appointment_trips SET is_valid = 0 WHERE uuid = ?", (first_trip,))
    error = failure(
        conn,
        "createAppointmentWithTrip",
        {"dealerUuid": DEALER},
        create_body(event(linkedTripUuids=[first_trip])),
    )
    assert codes(error) == {
        (
            "INVALID_LINKED_TRIP",
            "savePickupDeliveryTripEventRequest.pickupDeliveryTripEvent.linkedTripUuids[0]",
        )
    }


# ---------------------------------------------------------------------------------------------- update (A2)


def test_update_scenarios(conn: sqlite3.Connection) -> None:
    appointment_uuid, trip_uuid = create(conn)
    # update
    result = update(
        conn, appointment_uuid, update_body(event(eventUUID=trip_uuid, originAddress="1 Main St"), trip_uuid)
    )
    assert result["eventUUID"] == trip_uuid
    [view] = trips(conn, appointment_uuid)
    assert (view["version"], view["originAddress"]) == (2, "1 Main St")
    assert read(conn, appointment_uuid)["appointmentStartDateTime"] == "2024-10-26T11:00:00"
    # add while one exists
    error = failure(
        conn,
        "updateAppointmentWithTrip",
        {"dealerUuid": DEALER, "sarUUID": appointment_uuid},
        update_body(event(), None),
    )
    assert (error.status, error.problems[0].code) == (409, "TRIP_ALREADY_EXISTS")
    # remove
    result = update(conn, appointment_uuid, update_body(None, trip_uuid))
    assert result["eventUUID"] is None
    assert trips(conn, appointment_uuid) == []
    assert read(conn, appointment_uuid)["tripUuid"] is None
    # update of the removed trip
    error = failure(
        conn,
        "updateAppointmentWithTrip",
        {"dealerUuid": DEALER, "sarUUID": appointment_uuid},
        update_body(event(eventUUID=trip_uuid), trip_uuid),
    )
    assert (error.status, error.problems[0].code) == (404, "TRIP_NOT_FOUND")
    # add
    result = update(conn, appointment_uuid, update_body(event(), None))
    assert result["eventUUID"] not in (None, trip_uuid)
    assert [view["eventUuid"] for view in trips(conn, appointment_uuid)] == [result["eventUUID"]]


def test_update_both_null_and_mismatch(conn: sqlite3.Connection) -> None:
    appointment_uuid, trip_uuid = create(conn)
    path = {"dealerUuid": DEALER, "sarUUID": appointment_uuid}
    error = failure(conn, "updateAppointmentWithTrip", path, update_body(None, None))
    assert (error.status, error.problems[0].code) == (400, "TRIP_EVENT_REQUIRED")
    for sent in ({"eventUUID": "other"}, {}):
        error = failure(conn, "updateAppointmentWithTrip", path, update_body(event(**sent), trip_uuid))
        assert codes(error) == {
            ("TRIP_UUID_MISMATCH", "updatePickupDeliveryTripEventRequest.pickupDeliveryTripEvent.eventUUID")
        }


def test_update_unknown_or_foreign_appointment(conn: sqlite3.Connection) -> None:
    appointment_uuid, trip_uuid = create(conn)
    for path in (
        {"dealerUuid": DEALER, "sarUUID": "unknown"},
        {"dealerUuid": OTHER_DEALER, "sarUUID": appointment_uuid},
    ):
        error = failure(
            conn, "updateAppointmentWithTrip", path, update_body(event(eventUUID=trip_uuid), trip_uuid)
        )
        assert (error.status, error.problems[0].code) == (404, "APPOINTMENT_NOT_FOUND")


def test_update_trip_of_another_appointment(conn: sqlite3.Connection) -> None:
    first, _ = create(conn)
    _, second_trip = create(conn)
    error = failure(
        conn,
        "updateAppointmentWithTrip",
        {"dealerUuid": DEALER, "sarUUID": first},
        update_body(event(eventUUID=second_trip), second_trip),
    )
    assert (error.status, error.problems[0].code) == (404, "TRIP_NOT_FOUND")


def test_update_times_and_enforce_preferences(conn: sqlite3.Connection) -> None:
    appointment_uuid, trip_uuid = create(conn)
    body = update_body(event(eventUUID=trip_uuid), trip_uuid, appointmentEndTime="12:00:00")
    update(conn, appointment_uuid, body)
    assert read(conn, appointment_uuid)["appointmentEndDateTime"] == "2024-10-26T12:00:00"
    update(conn, appointment_uuid, copy.deepcopy(body), enforcePreferences=True)
    assert read(conn, appointment_uuid)["appointmentEndDateTime"] == "2024-10-26T11:29:59"
    error = failure(
        conn,
        "updateAppointmentWithTrip",
        {"dealerUuid": DEALER, "sarUUID": appointment_uuid},
        update_body(event(eventUUID=trip_uuid), trip_uuid, appointmentEndTime="10:00:00"),
    )
    assert codes(error) == {
        ("INVALID_REQUEST_DATA", "updateAppointmentForTripRequest.appointmentInformation.appointmentEndTime")
    }


def test_remove_trip_clears_transport_option_unless_sent(conn: sqlite3.Connection) -> None:
    metadata = {"subTransportOptionRequest": {"transportOptionUuid": "TO-1"}}
    appointment_uuid, trip_uuid = create(conn, create_body(pickupDeliveryTripMetadata=metadata))
    assert read(conn, appointment_uuid)["transportOptionUuid"] == "TO-1"
    update(conn, appointment_uuid, update_body(None, trip_uuid))
    assert read(conn, appointment_uuid)["transportOptionUuid"] is None
    second, second_trip = create(conn, create_body(pickupDeliveryTripMetadata=metadata))
    body = update_body(None, second_trip)
    body["updateAppointmentForTripRequest"]["pickupDeliveryTripMetadata"]["subTransportOptionRequest"] = {
        "transportOptionUuid": "TO-2"
    }
    update(conn, second, body)
    assert read(conn, second)["transportOptionUuid"] == "TO-2"


# ------------------------------------------------------------------------------------ delete (A3) and reads


def delete_body(appointment_uuid: str, trip_uuid: str, **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "tripUuid": trip_uuid,
        "appointmentUuid": appointment_uuid,
        "dealerDepartmentUUIDList": [DEPT],
        "updatedByDAUUID": ADVISOR,
        "updatedByDeptUUID": DEPT,
        "requesterUuid": ADVISOR,
        "dealerUuid": DEALER,
    }
    body.update(changes)
    return body


def test_delete_then_reads_are_404(conn: sqlite3.Connection) -> None:
    appointment_uuid, trip_uuid = create(conn)
    result = call(
        conn, "deleteAppointmentWithTrip", {"dealerUuid": DEALER}, delete_body(appointment_uuid, trip_uuid)
    )
    assert result == {
        "tripUuid": trip_uuid,
        "appointmentUuid": appointment_uuid,
        "statusCode": 200,
        "errors": None,
    }
    for operation, path, body in (
        ("getAppointment", {"departmentUuid": DEPT, "appointmentUuid": appointment_uuid}, None),
        ("getTripsForAppointment", {"dealerUuid": DEALER}, {"sarUuid": appointment_uuid}),
        ("deleteAppointmentWithTrip", {"dealerUuid": DEALER}, delete_body(appointment_uuid, trip_uuid)),
    ):
        error = failure(conn, operation, path, body)
        assert (error.status, error.problems[0].code) == (404, "APPOINTMENT_NOT_FOUND")


def test_delete_checks(conn: sqlite3.Connection) -> None:
    appointment_uuid, trip_uuid = create(conn)
    _, other_trip = create(conn)
    path = {"dealerUuid": DEALER}
    error = failure(
        conn,
        "deleteAppointmentWithTrip",
        path,
        delete_body(
            appointment_uuid,
            trip_uuid,
            dealerUuid=OTHER_DEALER,
            dealerDepartmentUUIDList=[OTHER_DEPT, DEPT],
            updatedByDAUUID=OUTSIDER,
            requesterUuid=None,
        ),
    )
    assert codes(error) == {
        ("INCORRECT_DEALER_INFO", "dealerUuid"),
        ("INCORRECT_DEALER_INFO", "dealerDepartmentUUIDList[0]"),
        ("INCORRECT_USER_INFO", "updatedByDAUUID"),
        ("INVALID_REQUEST_DATA", "requesterUuid"),
    }
    error = failure(conn, "deleteAppointmentWithTrip", path, delete_body(appointment_uuid, other_trip))
    assert codes(error) == {("TRIP_NOT_FOUND", "tripUuid")}
    assert len(trips(conn, appointment_uuid)) == 1
    result = call(
        conn,
        "deleteAppointmentWithTrip",
        path,
        delete_body(appointment_uuid, trip_uuid, requesterUuid=None, source="WEB"),
    )
    assert result["appointmentUuid"] == appointment_uuid


def test_get_appointment_of_another_department_is_404(conn: sqlite3.Connection) -> None:
    appointment_uuid, _ = create(conn)
    error = failure(
        conn, "getAppointment", {"departmentUuid": DEPT_2, "appointmentUuid": appointment_uuid}, None
    )
    assert (error.status, error.problems[0].code) == (404, "APPOINTMENT_NOT_FOUND")


def test_write_operations() -> None:
    assert {
        "createAppointmentWithTrip",
        "updateAppointmentWithTrip",
        "deleteAppointmentWithTrip",
    } == appointments.WRITE_OPERATIONS
    assert set(appointments.HANDLERS) == appointments.WRITE_OPERATIONS | {
        "getTripsForAppointment",
        "getAppointment",
    }
