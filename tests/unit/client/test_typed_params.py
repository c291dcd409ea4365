"""mypy checks a request dict: a misspelt key, a wrong value type or an unknown enum value is a type error.

The resource methods take the generated attrs models or the generated `TypedDict`s (`mykaarma.types`,
``…Param``); these snippets are type-checked with ``mypy --strict`` as a user's code would be.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

GOOD = """
from mykaarma import AsyncMyKaarma, MyKaarma
from mykaarma.types import CustomerInputParam, PickupDeliveryTripEventParam


def use(client: MyKaarma) -> None:
    client.customers.create_or_update(
        "dep",
        {"firstName": "Ann", "lastName": "Lee", "isBusiness": False,
         "addresses": [{"line1": "1 Main St", "state": "CA", "country": "US", "addressType": "B"}],
         "phoneNumbers": [{"phoneNumber": "+13105550147", "label": "cell", "okToCall": True,
                           "okToText": False, "isPreferred": True}]},
        vehicles=[{"vin": "1HGCM82633A004352"}],
    )
    event: PickupDeliveryTripEventParam = {
        "appointmentTime": "2026-12-01T09:15:00-0800", "rideType": "PICKUP_VEHICLE",
        "dealerUUID": "d", "dealerDepartmentUUID": "p", "customerUUID": "c",
    }
    client.appointments.create_with_trip(
        "d",
        {"savePickupDeliveryTripEventRequest": {"pickupDeliveryTripEvent": event, "requesterUserUUID": "a",
                                                "dealerDepartmentUUIDList": ["p"]},
         "createAppointmentWithTripRequest": {"customerUuid": "c", "vehicleInformation": {"vin": "v"},
                                              "appointmentInformation": {
                                                  "appointmentStartDateTime": "2026-12-01T10:00:00"}}},
    )
    client.appointments.delete_with_trip(
        "d", {"tripUuid": "t", "appointmentUuid": "s", "dealerDepartmentUUIDList": ["p"],
              "updatedByDAUUID": "a", "updatedByDeptUUID": "p", "requesterUuid": "a"},
    )


async def use_async(client: AsyncMyKaarma, customer: CustomerInputParam) -> None:
    await client.customers.update("dep", "c", customer)
"""

#: Each call breaks the types once (a misspelt key, a wrong value type, a missing required key, an unknown
#: enum value); mypy must flag its line.
BAD_CALLS = [
    'client.customers.create_or_update("dep", {"firstName": "A", "lastNam": "B"})',
    'client.customers.create("dep", {"firstName": "A", "lastName": "B", "isBusiness": "yes"})',
    'client.customers.upsert("dep", {"firstName": "A", "lastName": "B", "emails": [{"emailAdress": "x"}]})',
    'client.customers.update("dep", "c", {"addresses": [{"line1": "1", "state": "CA", "country": "US"}]})',
    'client.appointments.delete_with_trip("d", {"tripUuid": "t"})',
    'client.appointments.delete_with_trip("d", {"tripUuid": "t", "appointmentUuid": "s",'
    ' "dealerDepartmentUUIDList": "p", "updatedByDAUUID": "a", "updatedByDeptUUID": "p"})',
    'client.appointments.add_trip("d", "s", event={"appointmentTime": "t", "rideType": "TAXI",'
    ' "dealerUUID": "d", "dealerDepartmentUUID": "p"}, appointment_date="2026-12-01",'
    ' start_time="10:00:00", requester_user_uuid="a", dealer_department_uuids=["p"])',
]
#: Written to a variable of the `…Param` type, the same mistakes are reported by key.
BAD_VARIABLES = {
    'customer: CustomerInputParam = {"firstName": "A", "lastNam": "B"}': '"lastNam"',
    'person: CustomerInputParam = {"firstName": "A", "isBusiness": "yes"}': '"isBusiness"',
    'event: PickupDeliveryTripEventParam = {"appointmentTime": "t", "rideType": "TAXI",'
    ' "dealerUUID": "d", "dealerDepartmentUUID": "p"}': '"rideType"',
}


def _mypy(tmp_path: Path, name: str, source: str) -> tuple[int, str]:
    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    env = {**os.environ, "MYPYPATH": os.pathsep.join([str(ROOT / "overlays"), str(ROOT / "generated")])}
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / ".mypy_cache"),
         "--no-error-summary", "--hide-error-context", str(path)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    return result.returncode, result.stdout + result.stderr


def _flagged(output: str, name: str) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for match in re.finditer(rf"{name}:(\d+): error: (.*)", output):
        found.setdefault(int(match.group(1)), []).append(match.group(2))
    return found


@pytest.mark.slow
def test_mypy_accepts_correct_dicts_and_flags_each_wrong_one(tmp_path: Path) -> None:
    code, output = _mypy(tmp_path, "good.py", GOOD)
    assert code == 0, output
    header = [
        "from mykaarma import MyKaarma",
        "from mykaarma.types import CustomerInputParam, PickupDeliveryTripEventParam",
        "",
        "",
        "def use(client: MyKaarma) -> None:",
    ]
    calls = [f"    {call}" for call in BAD_CALLS]
    variables = [f"    {line}" for line in BAD_VARIABLES]
    code, output = _mypy(tmp_path, "bad.py", "\n".join([*header, *calls, *variables]) + "\n")
    assert code == 1, output
    flagged = _flagged(output, "bad.py")
    first_call = len(header) + 1
    for offset, call in enumerate(BAD_CALLS):
        assert first_call + offset in flagged, f"not flagged: {call}\n{output}"
    first_variable = first_call + len(BAD_CALLS)
    for offset, (line, key) in enumerate(BAD_VARIABLES.items()):
        messages = flagged.get(first_variable + offset, [])
        assert any(key in message for message in messages), f"{key} not named for {line}:\n{output}"
