"""Shared pieces of the client core tests: credentials, a mocked API root and clients that never sleep.

Every test runs against respx routes (no network) or a loopback server started by the test itself. The
clients get a recording sleep, a fixed random (0.5, so each backoff delay is exactly 3/4 of its base) and a
fixed clock, so retry timing is asserted exactly and nothing waits.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
import respx

from mykaarma import AsyncMyKaarma, MyKaarma
from mykaarma.types import (
    CreateAppointmentWithTripRequest,
    CustomerInput,
    GetTripsRequest,
    SaveCustomerRequest,
)

BASE_URL = "https://api.test"
USERNAME = "partner-user"
PASSWORD = "Sup3r-Secr3t-pässword"
TOKEN = base64.b64encode(f"{USERNAME}:{PASSWORD}".encode()).decode("ascii")
NOW = 1_750_000_000.0  # the fixed clock of the test clients (2025-06-15T15:06:40Z)
RANDOM = 0.5

DEPT = "dept-1"
DEALER = "dealer-1"
CUSTOMER = "cust-1"
CUSTOMERS_PATH = f"/customer/v2/department/{DEPT}/customer"
CUSTOMER_PATH = f"{CUSTOMERS_PATH}/{CUSTOMER}"
TRIPS_PATH = f"/appointment/v2/dealer/{DEALER}/trips"
APPT_TRIP_PATH = f"/appointment/v2/dealer/{DEALER}/appointment-trip"
APPT_PATH = f"/appointment/v2/dealerDepartment/{DEPT}/uuid/appt-1"

SAVE_OK: dict[str, Any] = {"errors": [], "warnings": [], "customerUuid": CUSTOMER, "customerId": "1001"}
UPDATE_OK: dict[str, Any] = {"errors": [], "warnings": []}
READ_OK: dict[str, Any] = {
    "errors": [],
    "warnings": [],
    "customerWithVehicles": {"customer": {"customerUuid": CUSTOMER}},
}
TRIPS_OK: dict[str, Any] = {
    "totalCount": 0,
    "tripViewDtos": [],
    "statusCode": 200,
    "error": None,
    "warnings": None,
}
APPT_TRIP_OK: dict[str, Any] = {"eventUUID": "trip-1", "appointmentUUID": "appt-1", "statusCode": 200}


def save_request() -> SaveCustomerRequest:
    return SaveCustomerRequest(customer=CustomerInput())


def trips_request() -> GetTripsRequest:
    return GetTripsRequest(sar_uuid="appt-1")


def appointment_request() -> CreateAppointmentWithTripRequest:
    return CreateAppointmentWithTripRequest.from_dict(
        {
            "customerUuid": CUSTOMER,
            "vehicleInformation": {"vin": "1HGCM82633A004352"},
            "appointmentInformation": {"appointmentStartDateTime": "2025-07-01T10:00:00"},
        }
    )


class Sleeps(list[float]):
    """Records the delays a client asked for; usable as the sync and the async sleep."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)

    async def asleep(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test sees the developer's MYKAARMA_* settings."""
    for name in ("MYKAARMA_USERNAME", "MYKAARMA_PASSWORD", "MYKAARMA_BASE_URL", "MYKAARMA_LOG"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def _restore_logger() -> Iterator[None]:
    """MYKAARMA_LOG set by a test configures the ``mykaarma`` logger; undo it afterwards."""
    logger = logging.getLogger("mykaarma")
    handlers, level = list(logger.handlers), logger.level
    yield
    logger.handlers[:] = handlers
    logger.setLevel(level)


@pytest.fixture
def api() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=BASE_URL, assert_all_called=False, assert_all_mocked=True) as router:
        yield router


@pytest.fixture
def client(sleeps: Sleeps) -> Iterator[MyKaarma]:
    with MyKaarma(
        username=USERNAME,
        password=PASSWORD,
        base_url=BASE_URL,
        _sleep=sleeps,
        _random=lambda: RANDOM,
        _now=lambda: NOW,
    ) as mykaarma:
        yield mykaarma


@pytest.fixture
async def async_client(sleeps: Sleeps) -> AsyncIterator[AsyncMyKaarma]:
    async with AsyncMyKaarma(
        username=USERNAME,
        password=PASSWORD,
        base_url=BASE_URL,
        _sleep=sleeps.asleep,
        _random=lambda: RANDOM,
        _now=lambda: NOW,
    ) as mykaarma:
        yield mykaarma
