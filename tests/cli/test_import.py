"""``mykaarma customers import`` against the real mock: results, invalid rows, mapping, re-runs, failures."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from mykaarma.cli.journal import STATUSES
from tests.cli._data import Dataset, write_customers_csv
from tests.cli.conftest import RunCli
from tests.integration.mock_server import MockServer, TestWorld


def import_args(data: Path, *departments: str, extra: tuple[str, ...] = ()) -> list[str]:
    argv = ["customers", "import", str(data), "--progress", "plain"]
    for department in departments:
        argv += ["--department", department]
    return [*argv, *extra]


def result_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def summary(stdout: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(stdout)
    return loaded


def outcomes(**given: int) -> dict[str, int]:
    """Counts by status: the ones given, 0 for every other status (and for `skipped` when given)."""
    names = (*STATUSES, "skipped") if "skipped" in given else STATUSES
    return {name: given.get(name, 0) for name in names}


def assert_repeats(result: dict[str, int], data: Dataset, departments: int) -> None:
    """Rows naming a person again update the customer or leave it unchanged, never create another."""
    repeats = data.rows - data.distinct_people - len(data.invalid_rows)
    assert result["updated"] + result["unchanged"] == repeats * departments, result
    assert result["created"] == data.distinct_people * departments
    assert result["invalid"] == len(data.invalid_rows) * departments
    assert (result["failed"], result["unmatched"]) == (0, 0)


def customers(server: MockServer, department: str) -> int:
    count: int = server.stats()["departments"][department]["customers"]
    return count


def test_import_into_two_departments_then_rerun_skips_everything(
    run_cli: RunCli, server: MockServer, world: TestWorld, tmp_path: Path
) -> None:
    data = write_customers_csv(tmp_path / "customers.csv", rows=60, repeat_every=5, invalid_every=20)
    first = run_cli(*import_args(data.path, world.dept_a1, world.dept_a2))
    assert first.exit_code == 0, first.stderr
    done = summary(first.stdout)
    tasks = data.rows * 2
    assert_repeats(done["result"], data, 2)
    assert done["result"]["pending"] == 0
    assert done["rowsPerSecond"] > 0
    assert "import: 120 rows x departments" in first.stderr
    assert "created" in first.stderr
    for department in (world.dept_a1, world.dept_a2):
        assert customers(server, department) == data.distinct_people
    check_result(data, tmp_path / "customers.result.csv", (world.dept_a1, world.dept_a2))

    again = run_cli(*import_args(data.path, world.dept_a1, world.dept_a2))
    assert again.exit_code == 0
    assert summary(again.stdout)["thisRun"] == outcomes(skipped=tasks)
    assert customers(server, world.dept_a1) == data.distinct_people


def check_result(data: Dataset, path: Path, departments: tuple[str, ...]) -> None:
    """Every row in every department: invalid rows never sent, one customer per person, created once."""
    rows = result_rows(path)
    assert [(int(row["row"]), row["department"]) for row in rows] == [
        (number, department) for number in sorted(data.person) for department in departments
    ]
    for department in departments:
        uuids: dict[int, set[str]] = {}
        created: dict[int, int] = {}
        for row in rows:
            if row["department"] != department:
                continue
            person = data.person[int(row["row"])]
            if person is None:
                assert (row["status"], row["customerUuid"]) == ("invalid", "")
                assert row["message"]
                continue
            assert row["status"] in ("created", "updated", "unchanged"), row
            uuids.setdefault(person, set()).add(row["customerUuid"])
            created[person] = created.get(person, 0) + (row["status"] == "created")
        assert all(len(found) == 1 for found in uuids.values())
        assert len({next(iter(found)) for found in uuids.values()}) == data.distinct_people
        assert set(created.values()) == {1}


def test_invalid_rows_are_reported_with_their_problems_and_never_sent(
    run_cli: RunCli, server: MockServer, world: TestWorld, tmp_path: Path
) -> None:
    path = tmp_path / "people.csv"
    path.write_text(
        "firstName,lastName,phone,email,isBusiness\n"
        "Jane,Doe,(310) 555-0147,jane@example.com,no\n"
        "John,,(310) 555-0148,,\n"
        "Ann,Lee,555-12,ann@,maybe\n",
        encoding="utf-8",
    )
    result = run_cli(*import_args(path, world.dept_a1))
    assert result.exit_code == 0, result.stderr
    rows = {row["row"]: row for row in result_rows(tmp_path / "people.result.csv")}
    assert rows["1"]["status"] == "created"
    assert rows["2"]["status"] == "invalid"
    assert "lastName" in rows["2"]["message"]
    message = rows["3"]["message"]
    assert rows["3"]["status"] == "invalid"
    assert "isBusiness: 'maybe' is not true or false" in message
    assert "customer.phoneNumbers[0].phoneNumber" in message
    assert "customer.emails[0].emailAddress" in message
    assert customers(server, world.dept_a1) == 1


def test_mapping_file_and_unknown_columns(
    run_cli: RunCli, server: MockServer, world: TestWorld, tmp_path: Path
) -> None:
    path = tmp_path / "export.csv"
    path.write_text("Given,Family,Cell,Notes\nJane,Doe,3105550147,VIP\n", encoding="utf-8")
    refused = run_cli(*import_args(path, world.dept_a1))
    assert refused.exit_code == 2
    assert "unknown column(s) 'Given', 'Family', 'Cell', 'Notes'" in refused.stderr
    assert not (tmp_path / "export.result.csv.journal").exists()
    assert customers(server, world.dept_a1) == 0

    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(
        "columns:\n  Given: firstName\n  Family: lastName\n  Cell: phone\n  Notes: null\n"
        "defaults:\n  phoneLabel: mobile\n",
        encoding="utf-8",
    )
    result_path = tmp_path / "out" / "result.csv"
    result_path.parent.mkdir()
    accepted = run_cli(
        *import_args(path, world.dept_a1, extra=("--mapping", str(mapping), "--result", str(result_path)))
    )
    assert accepted.exit_code == 0, accepted.stderr
    [row] = result_rows(result_path)
    assert row["status"] == "created"
    assert (tmp_path / "out" / "result.csv.journal").exists()
    read = run_cli("customers", "get", world.dept_a1, row["customerUuid"])
    phone = json.loads(read.stdout)["customerWithVehicles"]["customer"]["phoneNumbers"][0]
    assert (phone["phoneNumber"], phone["label"]) == ("+13105550147", "mobile")


def test_a_changed_row_is_sent_again_and_restart_starts_over(
    run_cli: RunCli, server: MockServer, world: TestWorld, tmp_path: Path
) -> None:
    path = tmp_path / "people.csv"
    path.write_text("firstName,lastName,phone\nJane,Doe,3105550147\nJohn,Roe,3105550148\n", encoding="utf-8")
    assert run_cli(*import_args(path, world.dept_a1)).exit_code == 0
    path.write_text(
        "firstName,lastName,phone,email\nJane,Doe,3105550147,\nJohn,Roe,3105550148,john@example.com\n",
        encoding="utf-8",
    )
    changed = run_cli(*import_args(path, world.dept_a1))
    assert summary(changed.stdout)["thisRun"]["skipped"] == 1
    assert summary(changed.stdout)["thisRun"]["updated"] == 1  # John, matched by name and phone
    assert customers(server, world.dept_a1) == 2
    rows = result_rows(tmp_path / "people.result.csv")
    assert "warning 10008 EMPTY_EMAIL_LIST" in rows[0]["message"]
    assert rows[1]["message"] == ""
    restarted = run_cli(*import_args(path, world.dept_a1, extra=("--restart",)))
    # the journal is gone, the customers are not: each row finds its customer and changes nothing
    assert summary(restarted.stdout)["thisRun"] == outcomes(unchanged=2, skipped=0)
    assert customers(server, world.dept_a1) == 2


def test_refused_department_fails_its_rows_and_a_rerun_retries_them(
    run_cli: RunCli, server: MockServer, world: TestWorld, tmp_path: Path
) -> None:
    data = write_customers_csv(tmp_path / "customers.csv", rows=12, repeat_every=100, invalid_every=100)
    limited = run_cli(*import_args(data.path, world.dept_a1, world.dept_a2), account="department_only")
    assert limited.exit_code == 1
    first = summary(limited.stdout)
    assert first["result"]["created"] == 12
    assert first["result"]["failed"] == 12
    messages = [
        row["message"] for row in result_rows(tmp_path / "customers.result.csv") if row["status"] == "failed"
    ]
    assert "403" in messages[0]  # the rows in flight meet the 403 too; the others are not sent
    assert all("403" in message or "not sent: department refused" in message for message in messages)
    assert "not sent: department refused" in messages[-1]
    assert customers(server, world.dept_a2) == 0

    full = run_cli(*import_args(data.path, world.dept_a1, world.dept_a2))
    assert full.exit_code == 0, full.stderr
    assert summary(full.stdout)["thisRun"] == outcomes(created=12, skipped=12)
    assert customers(server, world.dept_a2) == 12


def test_wrong_credentials_stop_the_import_at_once(
    run_cli: RunCli, server: MockServer, world: TestWorld, tmp_path: Path
) -> None:
    data = write_customers_csv(tmp_path / "customers.csv", rows=200)
    result = run_cli(*import_args(data.path, world.dept_a1), env={"MYKAARMA_PASSWORD": "not-the-password"})
    assert result.exit_code == 1
    done = summary(result.stdout)
    assert "authentication failed" in done["error"]
    assert done["thisRun"]["failed"] <= 8  # the rows in flight when the first 401 came back
    assert done["result"]["pending"] >= 190


def test_usage_problems_are_exit_2(run_cli: RunCli, world: TestWorld, tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("firstName,lastName\nJane,Doe\n", encoding="utf-8")
    bad_department = run_cli(*import_args(path, "not/a/department"))
    assert bad_department.exit_code == 2
    assert "--department not/a/department" in bad_department.stderr
    no_department = run_cli("customers", "import", str(path))
    assert no_department.exit_code == 2
    assert "--department" in no_department.stderr
    same_file = run_cli(*import_args(path, world.dept_a1, extra=("--result", str(path))))
    assert same_file.exit_code == 2
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    assert run_cli(*import_args(empty, world.dept_a1)).exit_code == 2
    not_journal = tmp_path / "people.result.csv.journal"
    not_journal.write_text("hello\n", encoding="utf-8")
    refused = run_cli(*import_args(path, world.dept_a1))
    assert refused.exit_code == 2
    assert "--restart" in refused.stderr
