"""``mykaarma`` commands against the real mock: JSON in and out, tables, exit statuses, credentials, the mock.

Exit statuses: 0 success, 1 the API refused or failed, 2 a usage or input problem (validation problems
included: nothing is sent).
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from mykaarma.trips import add_trip, remove_trip
from tests.cli.conftest import RunCli, cli_command, cli_env
from tests.integration.mock_server import MockServer, TestWorld, server_env
from tests.integration.test_client_appointments import advisor, change, create_body, event

JANE: dict[str, Any] = {
    "firstName": "Jane",
    "lastName": "Doe",
    "phoneNumbers": [
        {
            "phoneNumber": "(310) 555-0147",
            "label": "cell",
            "okToCall": True,
            "okToText": True,
            "isPreferred": True,
        }
    ],
}
VIN = "1HGCM82633A004352"


def customers_in(server: MockServer, department: str) -> int:
    count: int = server.stats()["departments"][department]["customers"]
    return count


def upsert_jane(run_cli: RunCli, world: TestWorld, **changes: Any) -> str:
    body = {"customer": {**JANE, **changes}, "vehicles": [{"vin": VIN}]}
    result = run_cli("customers", "upsert", world.dept_a1, input=json.dumps(body))
    assert result.exit_code == 0, result.stderr
    uuid: str = json.loads(result.stdout)["customerUuid"]
    return uuid


def test_help_lists_the_commands_and_offers_no_password_option(run_cli: RunCli) -> None:
    result = run_cli("--help", account=None)
    assert result.exit_code == 0
    for command in ("customers", "appointments"):
        assert command in result.stdout
    assert "--password" not in result.stdout
    refused = run_cli("--password", "secret", "customers", "get", "a", "b", account=None)
    assert refused.exit_code == 2
    assert "No such option" in refused.stderr


def test_upsert_twice_is_one_customer_and_get_and_search_find_it(
    run_cli: RunCli, server: MockServer, world: TestWorld
) -> None:
    first = upsert_jane(run_cli, world)
    second = upsert_jane(run_cli, world, emails=[
        {"emailAddress": "jane@example.com", "label": "home", "okToEmail": True, "isPreferred": True}
    ])  # fmt: skip
    assert first == second
    assert customers_in(server, world.dept_a1) == 1

    read = run_cli("customers", "get", world.dept_a1, first)
    assert read.exit_code == 0, read.stderr
    customer = json.loads(read.stdout)["customerWithVehicles"]["customer"]
    assert (customer["firstName"], customer["phoneNumbers"][0]["phoneNumber"]) == ("Jane", "+13105550147")
    assert customer["emails"][0]["emailAddress"] == "jane@example.com"

    found = run_cli("customers", "search", world.dept_a1, "3A004352", "--field", "vehicles.vin")
    assert found.exit_code == 0, found.stderr
    assert json.loads(found.stdout)["matchingCount"] == 1

    table = run_cli("--output", "table", "customers", "search", world.dept_a1, "jane", "doe")
    assert table.exit_code == 0, table.stderr
    assert first in table.stdout
    assert "+13105550147" in table.stdout
    assert VIN in table.stdout

    fields = run_cli("-o", "table", "customers", "get", world.dept_a1, first, "--exclude-vehicles")
    assert fields.exit_code == 0
    assert re.search(r"customer\.firstName\s.*Jane", fields.stdout)


def test_upsert_reads_a_file_and_a_bare_customer_object(
    run_cli: RunCli, server: MockServer, world: TestWorld, tmp_path: Path
) -> None:
    path = tmp_path / "jane.json"
    path.write_text(json.dumps(JANE), encoding="utf-8")
    result = run_cli("customers", "upsert", world.dept_a1, str(path))
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["errors"] == []
    assert customers_in(server, world.dept_a1) == 1


def test_a_body_that_fails_validation_is_exit_2_and_nothing_is_sent(
    run_cli: RunCli, server: MockServer, world: TestWorld
) -> None:
    body = {"firstName": "Jane", "phoneNumbers": [{**JANE["phoneNumbers"][0], "phoneNumber": "555-12"}]}
    result = run_cli("customers", "upsert", world.dept_a1, input=json.dumps(body))
    assert result.exit_code == 2
    assert "nothing was sent" in result.stderr
    assert "lastName" in result.stderr
    assert "customer.phoneNumbers[0].phoneNumber" in result.stderr
    assert customers_in(server, world.dept_a1) == 0


def test_input_problems_are_exit_2(run_cli: RunCli, world: TestWorld, tmp_path: Path) -> None:
    not_json = run_cli("customers", "upsert", world.dept_a1, input="{not json")
    assert not_json.exit_code == 2
    assert "stdin is not JSON" in not_json.stderr
    assert "line 1" in not_json.stderr
    missing = run_cli("customers", "upsert", world.dept_a1, str(tmp_path / "absent.json"))
    assert missing.exit_code == 2
    assert "cannot read" in missing.stderr
    a_list = run_cli("customers", "upsert", world.dept_a1, input="[]")
    assert a_list.exit_code == 2
    assert "expected a JSON object" in a_list.stderr
    plain_create = run_cli(
        "customers",
        "upsert",
        world.dept_a1,
        input=json.dumps({"customer": JANE, "searchForDuplicate": False}),
    )
    assert plain_create.exit_code == 2
    assert "searchForDuplicate" in plain_create.stderr
    unknown = run_cli("customers", "upsert", world.dept_a1, input=json.dumps({"customer": JANE, "x": 1}))
    assert unknown.exit_code == 2
    assert "unknown key(s) next to customer: x" in unknown.stderr
    bad_id = run_cli("customers", "get", world.dept_a1, "not/an/id")
    assert bad_id.exit_code == 2
    assert "customer_uuid" in bad_id.stderr


def test_api_errors_are_exit_1_with_the_server_message(run_cli: RunCli, world: TestWorld) -> None:
    missing = run_cli("customers", "get", world.dept_a1, "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a")
    assert missing.exit_code == 1
    assert "404" in missing.stderr
    assert "CUSTOMER_NOT_FOUND" in missing.stderr
    forbidden = run_cli("customers", "get", world.dept_b1, "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a")
    assert forbidden.exit_code == 1
    assert "403" in forbidden.stderr
    wrong = run_cli("customers", "search", world.dept_a1, "x", env={"MYKAARMA_PASSWORD": "Pw-0f-the-test"})
    assert wrong.exit_code == 1
    assert "401" in wrong.stderr
    assert "Pw-0f-the-test" not in wrong.stderr + wrong.stdout


def test_password_comes_only_from_the_environment_or_a_terminal(run_cli: RunCli, world: TestWorld) -> None:
    no_password = run_cli(
        "customers", "search", world.dept_a1, "x", env={"MYKAARMA_USERNAME": "full"}, account=None
    )
    assert no_password.exit_code == 2
    assert "set MYKAARMA_PASSWORD" in no_password.stderr
    no_username = run_cli(
        "customers", "search", world.dept_a1, "x", env={"MYKAARMA_PASSWORD": "full-secret"}, account=None
    )
    assert no_username.exit_code == 2
    assert "--username" in no_username.stderr
    by_option = run_cli(
        "--username", "full", "customers", "search", world.dept_a1, "x",
        env={"MYKAARMA_PASSWORD": world.passwords["full"]}, account=None,
    )  # fmt: skip
    assert by_option.exit_code == 0, by_option.stderr


def test_insecure_remote_http_is_refused_before_sending(run_cli: RunCli, world: TestWorld) -> None:
    result = run_cli("customers", "search", world.dept_a1, "x", base_url="http://api.example.invalid")
    assert result.exit_code == 2
    assert "http" in result.stderr.lower()


def test_appointment_life_cycle(
    run_cli: RunCli, server: MockServer, world: TestWorld, tmp_path: Path
) -> None:
    customer = upsert_jane(run_cli, world)
    created = run_cli(
        "appointments", "create-with-trip", world.dealer_a, input=json.dumps(create_body(world, customer))
    )
    assert created.exit_code == 0, created.stderr
    saved = json.loads(created.stdout)
    sar, trip = saved["appointmentUUID"], saved["eventUUID"]

    trips = run_cli("appointments", "trips", world.dealer_a, sar)
    assert trips.exit_code == 0, trips.stderr
    assert [view["eventUuid"] for view in json.loads(trips.stdout)["tripViewDtos"]] == [trip]
    read = run_cli("-o", "table", "appointments", "get", world.dept_a1, sar)
    assert read.exit_code == 0
    assert trip in read.stdout

    body = tmp_path / "remove.json"
    body.write_text(json.dumps(remove_trip(trip_uuid=trip, **change(world)).to_dict()), encoding="utf-8")
    removed = run_cli("appointments", "update-with-trip", world.dealer_a, sar, str(body))
    assert removed.exit_code == 0, removed.stderr
    assert json.loads(run_cli("appointments", "trips", world.dealer_a, sar).stdout)["tripViewDtos"] == []

    neither = run_cli("appointments", "update-with-trip", world.dealer_a, sar, input=json.dumps({
        "updatePickupDeliveryTripEventRequest": {"requesterUserUUID": advisor(world)},
        "updateAppointmentForTripRequest": {"dealerDepartmentUUIDList": [world.dept_a1]},
    }))  # fmt: skip
    assert neither.exit_code == 2

    added = run_cli("appointments", "update-with-trip", world.dealer_a, sar, input=json.dumps(
        add_trip(event=event(world, customer, rideType="DROPOFF_VEHICLE"), **change(world)).to_dict()
    ))  # fmt: skip
    assert added.exit_code == 0, added.stderr
    new_trip = json.loads(added.stdout)["eventUUID"]
    assert new_trip
    assert new_trip != trip

    deleted = run_cli("appointments", "delete-with-trip", world.dealer_a, input=json.dumps({
        "tripUuid": new_trip,
        "appointmentUuid": sar,
        "dealerDepartmentUUIDList": [world.dept_a1],
        "updatedByDAUUID": advisor(world),
        "updatedByDeptUUID": world.dept_a1,
        "requesterUuid": advisor(world),
    }))  # fmt: skip
    assert deleted.exit_code == 0, deleted.stderr
    assert server.stats()["departments"][world.dept_a1]["appointments"] == 0
    gone = run_cli("appointments", "get", world.dept_a1, sar)
    assert gone.exit_code == 1


def test_mock_serve_points_to_the_mock_command() -> None:
    result = subprocess.run(
        cli_command("mock", "serve", "--port", "9000"),
        env=server_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "mykaarma-mock serve --port 9000" in result.stderr
    listed = subprocess.run(
        cli_command("--help"), env=server_env(), capture_output=True, text=True, timeout=60
    )
    assert "customers" in listed.stdout
    assert "mock" not in listed.stdout.split("Commands")[-1]  # a hidden name, not a command of the client


def _importers(package: Path, top_level: str) -> tuple[list[str], int]:
    """The modules below `package` that import the top-level package `top_level`, and how many were read."""
    modules = sorted(package.rglob("*.py"))
    importers = []
    for module in modules:
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.append(node.module)
            if any(name.split(".")[0] == top_level for name in names):
                importers.append(module.relative_to(package).as_posix())
    return importers, len(modules)


def test_client_and_mock_meet_only_in_the_core() -> None:
    """The client never imports the mock; the mock uses the client's core, never the client itself."""
    root = Path(__file__).resolve().parents[2]
    client_importers, client_modules = _importers(root / "overlays", "mykaarma_mock")
    mock_importers, mock_modules = _importers(root / "mock" / "mykaarma_mock", "mykaarma")
    assert client_importers == []
    assert mock_importers == []
    assert client_modules > 40  # the walks saw the packages
    assert mock_modules > 20


def test_import_mykaarma_does_not_load_the_cli_dependencies() -> None:
    code = (
        "import sys, mykaarma, mykaarma.cli; "
        "assert not {'typer', 'rich', 'click'} & set(sys.modules), sorted(sys.modules); "
        "mykaarma.MyKaarma; "  # httpx loads rich and click for its own command line when they are installed
        "assert 'typer' not in sys.modules"
    )
    result = subprocess.run([sys.executable, "-c", code], env=server_env(), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_without_the_cli_extra_main_names_the_extra() -> None:
    code = "import sys; sys.modules['typer'] = None; from mykaarma.cli import main; main(['--help'])"
    result = subprocess.run([sys.executable, "-c", code], env=server_env(), capture_output=True, text=True)
    assert result.returncode == 2
    assert "pip install 'mykaarma[cli]'" in result.stderr


def test_the_cli_runs_as_a_process_with_credentials_from_the_environment(
    server: MockServer, world: TestWorld
) -> None:
    env = cli_env(world)
    result = subprocess.run(
        cli_command("--base-url", server.base_url, "customers", "search", world.dept_a1, "nobody"),
        env=env, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["matchingCount"] == 0


def test_distribution_declares_the_console_script_and_the_cli_extra() -> None:
    from importlib.metadata import distribution

    dist = distribution("mykaarma")
    [script] = [entry for entry in dist.entry_points if entry.group == "console_scripts"]
    assert (script.name, script.value) == ("mykaarma", "mykaarma.cli:main")
    assert "cli" in (dist.metadata.get_all("Provides-Extra") or [])
    in_cli_extra = re.compile(r"extra\s*==\s*[\"']cli[\"']")
    cli_requirements = [req for req in dist.requires or [] if in_cli_extra.search(req)]
    names = {match.group(0) for req in cli_requirements if (match := re.match(r"[A-Za-z0-9_.-]+", req))}
    assert names == {"typer", "rich", "pyyaml"}
