"""Request checks shared by A1 and A2: the trip wrapper, the trip event and the assigned user
(facts §4.3, D-CONSISTENCY, D-A2-ERRORS)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mykaarma_mock.errors import ErrorItem

from ..customers.store import CustomerNames
from .shared import (
    VEHICLE_RIDES,
    WEB,
    JsonObject,
    dealer_customer,
    department_uuids,
    invalid,
    opt_str,
)
from .times import check_trip_time

if TYPE_CHECKING:
    from mykaarma_mock.world import Dealer, World


def check_wrapper(world: World, dealer: Dealer, wrapper: JsonObject, prefix: str) -> list[ErrorItem]:
    """Requester and departments of the trip wrapper (D-CONSISTENCY, D-WRAPPER, facts §4.3 rule 16).

    The requester is an associate of the dealer; every listed department is one of the dealer's (a body may
    not name another dealer's department, D-CONSISTENCY "Why"). Checked in every A2 scenario (D-WRAPPER).
    """
    problems: list[ErrorItem] = []
    requester = opt_str(wrapper, "requesterUserUUID")
    if requester is None:
        problems.append(
            invalid("requesterUserUUID is required (facts §4.3 rule 16)", f"{prefix}.requesterUserUUID")
        )
    elif not world.is_associate(dealer.uuid, requester):
        problems.append(
            ErrorItem(
                "INCORRECT_USER_INFO",
                "requesterUserUUID is not an associate of the dealer (D-CONSISTENCY)",
                f"{prefix}.requesterUserUUID",
            )
        )
    departments = department_uuids(dealer)
    listed = wrapper.get("dealerDepartmentUUIDList") or []
    if not listed:
        problems.append(
            invalid(
                "dealerDepartmentUUIDList needs at least one department", f"{prefix}.dealerDepartmentUUIDList"
            )
        )
    for index, department in enumerate(listed):
        if department not in departments:
            problems.append(
                ErrorItem(
                    "INCORRECT_DEALER_INFO",
                    "the department is not a department of the path dealer (D-CONSISTENCY)",
                    f"{prefix}.dealerDepartmentUUIDList[{index}]",
                )
            )
    return problems


@dataclass(frozen=True)
class CheckedEvent:
    problems: list[ErrorItem]
    first_name: str | None
    last_name: str | None


def check_associate(
    world: World, dealer: Dealer, event: JsonObject, key: str, prefix: str
) -> list[ErrorItem]:
    """A user uuid of the event, when sent, must be an associate of the dealer (D-CONSISTENCY)."""
    value = opt_str(event, key)
    if value is None or world.is_associate(dealer.uuid, value):
        return []
    field = f"{prefix}.{key}" if prefix else key
    return [
        ErrorItem("INCORRECT_USER_INFO", f"{key} is not an associate of the dealer (D-CONSISTENCY)", field)
    ]


def check_event(
    conn: sqlite3.Connection,
    world: World,
    dealer: Dealer,
    wrapper: JsonObject,
    event: JsonObject,
    wrapper_prefix: str,
) -> CheckedEvent:
    """Every documented rule of a trip event (facts §4.3 rules 17-24, D-CONSISTENCY, D-A2-ERRORS).

    The core's schema and x-rules validation refuses most rule violations before a handler runs; they are
    checked again here so the handler is correct on its own and every rule is visible next to its source.
    """
    prefix = f"{wrapper_prefix}.pickupDeliveryTripEvent"
    problems: list[ErrorItem] = []
    ride_type = event.get("rideType")

    # D-CONSISTENCY: the event's dealer is the path dealer; its department is the dealer's and is listed.
    if event.get("dealerUUID") != dealer.uuid:
        problems.append(
            ErrorItem(
                "INCORRECT_DEALER_INFO",
                "dealerUUID must equal the path dealerUuid (D-CONSISTENCY)",
                f"{prefix}.dealerUUID",
            )
        )
    department = event.get("dealerDepartmentUUID")
    if department not in department_uuids(dealer):
        problems.append(
            ErrorItem(
                "INCORRECT_DEALER_INFO",
                "dealerDepartmentUUID is not a department of the dealer (D-CONSISTENCY)",
                f"{prefix}.dealerDepartmentUUID",
            )
        )
    elif department not in (wrapper.get("dealerDepartmentUUIDList") or []):
        problems.append(
            ErrorItem(
                "INCORRECT_DEALER_INFO",
                "dealerDepartmentUUIDList must contain the event's dealerDepartmentUUID (D-CONSISTENCY)",
                f"{wrapper_prefix}.dealerDepartmentUUIDList",
            )
        )

    # facts §4.3 rule 24, D-TIME.
    check_trip_time(event.get("appointmentTime"), f"{prefix}.appointmentTime", problems)

    # facts §4.3 rule 18: customerUUID unless MISCELLANEOUS; D-CONSISTENCY: a customer of the dealer.
    names = CustomerNames(None, None)
    customer_uuid = opt_str(event, "customerUUID")
    if customer_uuid is None:
        if ride_type != "MISCELLANEOUS":
            problems.append(
                invalid(
                    "customerUUID is required unless rideType is MISCELLANEOUS (facts §4.3 rule 18)",
                    f"{prefix}.customerUUID",
                )
            )
    else:
        found = dealer_customer(conn, dealer, customer_uuid)
        if found is None:
            problems.append(
                ErrorItem(
                    "CUSTOMER_NOT_FOUND",
                    "no such customer in the dealer's departments (D-CONSISTENCY)",
                    f"{prefix}.customerUUID",
                )
            )
        else:
            names = found

    # facts §4.3 rule 17: assignedByDealerAssociateUUID unless the wrapper's source is WEB.
    if wrapper.get("source") != WEB and opt_str(event, "assignedByDealerAssociateUUID") is None:
        problems.append(
            invalid(
                "assignedByDealerAssociateUUID is required unless source is WEB (facts §4.3 rule 17)",
                f"{prefix}.assignedByDealerAssociateUUID",
            )
        )

    # facts §4.3 rule 19: a loaner and a drop car exclude each other.
    if event.get("loanerVehicleRequired") is True and event.get("isDropCar") is True:
        problems.append(
            invalid(
                "loanerVehicleRequired and isDropCar cannot both be true (facts §4.3 rule 19)",
                f"{prefix}.isDropCar",
            )
        )

    # facts §4.3 rule 20: swappedLoanerVehicleUuid only for LOANER_SWAP, and then distinct from the loaner.
    loaner = opt_str(event, "loanerVehicleUuid")
    swapped = opt_str(event, "swappedLoanerVehicleUuid")
    if swapped is not None and ride_type != "LOANER_SWAP":
        problems.append(
            invalid(
                "swappedLoanerVehicleUuid is only allowed when rideType is LOANER_SWAP (facts §4.3 rule 20)",
                f"{prefix}.swappedLoanerVehicleUuid",
            )
        )
    elif ride_type == "LOANER_SWAP" and swapped is not None and swapped == loaner:
        problems.append(
            invalid(
                "for LOANER_SWAP, loanerVehicleUuid must differ from swappedLoanerVehicleUuid"
                " (facts §4.3 rule 20)",
                f"{prefix}.swappedLoanerVehicleUuid",
            )
        )

    # facts §4.3 rule 21: distinct drivers; vehicle rides need a primary driver when a secondary is given.
    primary = opt_str(event, "primaryDriverUUID")
    secondary = opt_str(event, "secondaryDriverUUID")
    if secondary is not None and secondary == primary:
        problems.append(
            invalid(
                "secondaryDriverUUID must differ from primaryDriverUUID (facts §4.3 rule 21)",
                f"{prefix}.secondaryDriverUUID",
            )
        )
    if ride_type in VEHICLE_RIDES and secondary is not None and primary is None:
        problems.append(
            invalid(
                "for PICKUP_VEHICLE and DROPOFF_VEHICLE, primaryDriverUUID is required with a"
                " secondaryDriverUUID (facts §4.3 rule 21)",
                f"{prefix}.primaryDriverUUID",
            )
        )

    # D-CONSISTENCY: users named by the event are associates of the dealer.
    for key in (
        "assignedByDealerAssociateUUID",
        "primaryDriverUUID",
        "secondaryDriverUUID",
        "serviceAdvisorUUID",
    ):
        problems.extend(check_associate(world, dealer, event, key, prefix))

    # facts §4.3 rule 23, D-A2-ERRORS: every linked trip is an existing valid trip of the dealer.
    for index, linked in enumerate(event.get("linkedTripUuids") or []):
        row = conn.execute(
            "SELECT 1 FROM appointment_trips WHERE uuid = ? AND dealer_uuid = ? AND is_valid = 1",
            (linked, dealer.uuid),
        ).fetchone()
        if row is None:
            problems.append(
                ErrorItem(
                    "INVALID_LINKED_TRIP",
                    "not an existing valid trip of the dealer (facts §4.3 rule 23)",
                    f"{prefix}.linkedTripUuids[{index}]",
                )
            )

    return CheckedEvent(
        problems=problems,
        first_name=opt_str(event, "customerFirstName") or names.first_name,
        last_name=opt_str(event, "customerLastName") or names.last_name,
    )


def check_user_uuid(world: World, dealer: Dealer, info: JsonObject, prefix: str) -> list[ErrorItem]:
    """``appointmentInformation.userUuid`` (assigned advisor), when sent, is an associate (D-CONSISTENCY)."""
    return check_associate(world, dealer, info, "userUuid", prefix)
