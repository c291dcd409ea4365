"""Every Python sample of the reference page (``x-codeSamples``, `scripts.codegen.code_samples`) runs green
against the mock.

The mock runs its demo world, which holds the dealer, departments and associates of the spec's examples. The
examples' customer, appointment and trip do not exist in a fresh database, so before each sample the test
creates them (the customer with the examples' VIN, the appointment from the create example) and puts their
identifiers in place of the examples' ones; nothing else of the sample text changes.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest

from mykaarma import MyKaarma
from mykaarma_mock import launcher
from scripts import demo
from scripts.codegen.code_samples import example_of, samples
from tests.spec._spec import bundled_spec, operations

SPEC = bundled_spec()
SAMPLES = samples(SPEC)
_PARAMETERS = {
    name: SPEC["components"]["parameters"][name]["example"] for name in ("CustomerUuid", "SarUUID")
}
EXAMPLE_CUSTOMER = _PARAMETERS["CustomerUuid"]
EXAMPLE_APPOINTMENT = _PARAMETERS["SarUUID"]
EXAMPLE_TRIP = SPEC["components"]["examples"]["DeleteAppointmentWithTripRequest"]["value"]["tripUuid"]


@pytest.fixture(scope="module")
def demo_mock(tmp_path_factory: pytest.TempPathFactory) -> Iterator[launcher.RunningMock]:
    directory = tmp_path_factory.mktemp("samples-mock")
    with launcher.running(db=directory / "mock.sqlite3", log_path=directory / "mock.log") as mock:
        yield mock


def _create_example() -> dict[str, Any]:
    [(path, _method, definition)] = [
        entry for entry in operations() if entry[2]["operationId"] == "createAppointmentWithTrip"
    ]
    body = example_of(SPEC, definition, SPEC["paths"][path]).body
    assert isinstance(body, dict)
    return body


def _seed(client: MyKaarma) -> dict[str, str]:
    """A customer, an appointment and its trip standing in for the examples' ones."""
    body = _create_example()
    vin = body["createAppointmentWithTripRequest"]["vehicleInformation"]["vin"]
    customer = client.customers.create(
        demo.DEPARTMENT, {"firstName": "Sample", "lastName": "Runner"}, vehicles=[{"vin": vin}]
    ).customer_uuid
    with_customer = json.loads(json.dumps(body).replace(EXAMPLE_CUSTOMER, customer))
    created = client.appointments.create_with_trip(demo.DEALER, with_customer)
    assert isinstance(created.event_uuid, str)
    return {
        EXAMPLE_CUSTOMER: customer,
        EXAMPLE_APPOINTMENT: created.appointment_uuid,
        EXAMPLE_TRIP: created.event_uuid,
    }


@pytest.mark.parametrize("operation_id", sorted(SAMPLES))
def test_the_sample_runs_against_the_mock(
    operation_id: str, demo_mock: launcher.RunningMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo_mock.reset()  # each sample on empty data: one sample's customerKey must not block another's
    monkeypatch.setenv("MYKAARMA_USERNAME", demo.DEMO_USERNAME)
    monkeypatch.setenv("MYKAARMA_PASSWORD", demo.DEMO_PASSWORD)
    monkeypatch.setenv("MYKAARMA_BASE_URL", demo_mock.base_url)
    with MyKaarma() as client:
        stand_ins = _seed(client)
    source = SAMPLES[operation_id]
    for example, real in stand_ins.items():
        source = source.replace(example, real)
    assert re.search(r"client\.\w+\.\w+\(", source)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(source, f"<sample {operation_id}>", "exec"), {})
    assert printed.getvalue().strip(), "the sample prints its result"


def test_every_operation_has_a_sample() -> None:
    assert set(SAMPLES) == {definition["operationId"] for _path, _method, definition in operations()}
