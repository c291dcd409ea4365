"""What one import run does with each kind of row, against the session mock (in-process ``run_cli``).

A matched customer keeps what the file has no column for (unless ``--replace-lists``, which reports each
deletion); a row with only a name is matched only when nothing could tell two people apart, otherwise it is
reported ``unmatched`` and nothing is written; ``--lenient`` drops an invalid optional field with a warning;
an unknown country is a warning; rejected rows go to a rejects file that imports as it is once fixed; the
summary is a table at a terminal (``--output table`` here) and JSON otherwise.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from mykaarma.cli.mapping import REJECT_COLUMN
from tests.cli._data import VENDOR_HEADER
from tests.cli.conftest import RunCli, api_client
from tests.cli.test_import import customers, import_args, outcomes, result_rows, summary
from tests.integration.mock_server import MockServer, TestWorld

PHONE = "(562) 555-0134"
STORED_EMAIL = "jane.doe@example.com"


def write_vendor_rows(path: Path, *rows: tuple[str, ...]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(VENDOR_HEADER)
        writer.writerows(rows)
    return path


def vendor_row(
    first: str, last: str, phone: str = "", line1: str = "", country: str = "US"
) -> tuple[str, ...]:
    return (first, last, phone, line1, "", "Long Beach" if line1 else "", "CA" if line1 else "",
            "90802" if line1 else "", country if line1 else "")  # fmt: skip


def store(server: MockServer, world: TestWorld, customer: dict[str, Any]) -> str:
    with api_client(server, world) as api:
        return api.customers.create_or_update(world.dept_a1, customer).customer_uuid


def stored(server: MockServer, world: TestWorld, uuid: str) -> dict[str, Any]:
    with api_client(server, world) as api:
        found: dict[str, Any] = api.customers.get(
            world.dept_a1, uuid
        ).customer_with_vehicles.customer.to_dict()
    return found


def jane(**extra: Any) -> dict[str, Any]:
    return {"firstName": "Jane", "lastName": "Doe", **extra}


def test_a_matched_customer_keeps_what_the_file_cannot_carry_unless_lists_are_replaced(
    run_cli: RunCli, server: MockServer, world: TestWorld, tmp_path: Path
) -> None:
    emails = [{"emailAddress": STORED_EMAIL, "label": "home", "okToEmail": True, "isPreferred": True}]
    phones = [{"phoneNumber": "+15625550134", "label": "cell", "okToCall": True, "okToText": True,
               "isPreferred": True}]  # fmt: skip
    uuid = store(server, world, jane(phoneNumbers=phones, emails=emails))
    path = write_vendor_rows(tmp_path / "vendor.csv", vendor_row("Jane", "Doe", PHONE, "12 Pine Ave"))

    kept = run_cli(*import_args(path, world.dept_a1))
    assert kept.exit_code == 0, kept.stderr
    assert summary(kept.stdout)["thisRun"] == outcomes(updated=1, skipped=0)
    [row] = result_rows(tmp_path / "vendor.result.csv")
    assert (row["customerUuid"], row["status"], row["warnings"]) == (uuid, "updated", "")
    assert "kept stored entries the row does not mention: 1 e-mail" in row["message"]
    customer = stored(server, world, uuid)
    assert [item["emailAddress"] for item in customer["emails"]] == [STORED_EMAIL]
    assert [item["line1"] for item in customer["addresses"]] == ["12 Pine Ave"]

    again = run_cli(*import_args(path, world.dept_a1, extra=("--restart",)))
    assert summary(again.stdout)["thisRun"] == outcomes(unchanged=1, skipped=0)

    replaced = run_cli(*import_args(path, world.dept_a1, extra=("--restart", "--replace-lists")))
    assert replaced.exit_code == 0, replaced.stderr
    done = summary(replaced.stdout)
    assert done["thisRun"] == outcomes(updated=1, skipped=0)
    assert done["warnings"]["DELETED_ALL_EMAILS"] == 1
    [row] = result_rows(tmp_path / "vendor.result.csv")
    assert "DELETED_ALL_EMAILS" in row["warnings"].split(";")
    assert stored(server, world, uuid)["emails"] == []
    assert customers(server, world.dept_a1) == 1


def test_rows_with_only_a_name_or_an_address_match_only_when_nothing_tells_people_apart(
    run_cli: RunCli, server: MockServer, world: TestWorld, tmp_path: Path
) -> None:
    path = write_vendor_rows(
        tmp_path / "people.csv",
        vendor_row("Sam", "Stone"),
        vendor_row("Sam", "Stone"),  # the same person again, in the same file
        vendor_row("Ada", "Park", line1="7 Bay St"),
        vendor_row("Ada", "Park", line1="9 Hill Rd"),  # same name, another address: another person
    )
    first = run_cli(*import_args(path, world.dept_a1))
    assert first.exit_code == 0, first.stderr
    assert summary(first.stdout)["thisRun"] == outcomes(created=3, unchanged=1, skipped=0)
    assert summary(first.stdout)["warnings"]["POSSIBLE_DUPLICATE"] == 1  # the second Ada Park
    rerun = run_cli(*import_args(path, world.dept_a1, extra=("--restart",)))
    assert summary(rerun.stdout)["thisRun"] == outcomes(unchanged=4, skipped=0)
    assert customers(server, world.dept_a1) == 3

    phone = {"phoneNumber": "+15625550199", "label": "cell", "okToCall": True, "okToText": True,
             "isPreferred": True}  # fmt: skip
    store(server, world, {"firstName": "Sam", "lastName": "Stone", "phoneNumbers": [phone]})
    ambiguous = run_cli(*import_args(path, world.dept_a1, extra=("--restart",)))
    assert ambiguous.exit_code == 1
    done = summary(ambiguous.stdout)
    assert done["thisRun"] == outcomes(unmatched=2, unchanged=2, skipped=0)
    assert done["rejected"] == 2
    rows = result_rows(tmp_path / "people.result.csv")
    assert [row["status"] for row in rows] == ["unmatched", "unmatched", "unchanged", "unchanged"]
    assert "2 customer(s) with this name exist" in rows[0]["message"]
    assert rows[0]["customerUuid"] == ""
    assert customers(server, world.dept_a1) == 4


def test_lenient_drops_an_invalid_optional_field_and_rejects_reimport_once_fixed(
    run_cli: RunCli, server: MockServer, world: TestWorld, tmp_path: Path
) -> None:
    path = write_vendor_rows(
        tmp_path / "people.csv",
        vendor_row("Ann", "Lee", "555-12", "3 Oak Ct"),  # a phone that is not one
        vendor_row("", "Ray", PHONE),  # no first name: never importable
        vendor_row("Bo", "Kim", "(562) 555-0177", "5 Elm St", country="Narnia"),
    )
    strict = run_cli(*import_args(path, world.dept_a1))
    assert strict.exit_code == 0, strict.stderr
    done = summary(strict.stdout)
    assert done["thisRun"] == outcomes(invalid=2, created=1, skipped=0)
    assert done["warnings"]["UNRECOGNIZED_COUNTRY"] == 1
    bo = result_rows(tmp_path / "people.result.csv")[2]
    assert "UNRECOGNIZED_COUNTRY" in bo["warnings"].split(";")
    assert "country 'Narnia' is not an ISO 3166 alpha-2 code" in bo["message"]
    rejects = tmp_path / "people.result.rejects.csv"
    assert done["rejectsFile"] == str(rejects)
    with rejects.open(encoding="utf-8", newline="") as stream:
        rejected = list(csv.reader(stream))
    assert rejected[0] == [*VENDOR_HEADER, REJECT_COLUMN]
    assert [row[:-1] for row in rejected[1:]] == [list(vendor_row("Ann", "Lee", "555-12", "3 Oak Ct")),
                                                  list(vendor_row("", "Ray", PHONE))]  # fmt: skip
    assert "phoneNumber" in rejected[1][-1]
    assert "firstName" in rejected[2][-1]

    lenient = run_cli(*import_args(path, world.dept_a1, extra=("--lenient",)))
    # Ann's row, invalid before, is sendable now; Ray's is still invalid and Bo's done: both skipped
    assert summary(lenient.stdout)["thisRun"] == outcomes(created=1, skipped=2)
    ann = next(row for row in result_rows(tmp_path / "people.result.csv") if row["row"] == "1")
    assert ann["status"] == "created"
    assert "DROPPED_FIELD" in ann["warnings"].split(";")
    assert "phone left out (--lenient)" in ann["message"]
    assert stored(server, world, ann["customerUuid"]).get("phoneNumbers") in (None, [])

    rejected[2][0] = "Rob"  # fix the one row still rejected, and import the rejects file as it is
    with rejects.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([rejected[0], rejected[2]])
    fixed = run_cli(*import_args(rejects, world.dept_a1))
    assert fixed.exit_code == 0, fixed.stderr
    assert summary(fixed.stdout)["thisRun"] == outcomes(created=1, skipped=0)
    assert customers(server, world.dept_a1) == 3


def test_summary_is_a_table_with_the_resume_hint_and_a_refused_department_says_so_without_progress(
    run_cli: RunCli, server: MockServer, world: TestWorld, tmp_path: Path
) -> None:
    path = write_vendor_rows(tmp_path / "people.csv", vendor_row("Jane", "Doe", PHONE), vendor_row("", "Ray"))
    argv = ["--output", "table", "customers", "import", str(path), "-d", world.dept_a1, "-d", world.dept_a2,
            "--progress", "none"]  # fmt: skip
    result = run_cli(*argv, account="department_only")
    assert result.exit_code == 1
    assert "import of 2 rows" in result.stdout
    assert "run the same command again to resume" in result.stdout
    assert "people.result.rejects.csv (2 rows to fix and import again)" in result.stdout
    refused = [line for line in result.stderr.splitlines() if world.dept_a2 in line]
    assert len(refused) == 1
    assert "refused the account (403)" in refused[0]
    as_json = run_cli(*argv, "--json", account="department_only")
    assert summary(as_json.stdout)["result"]["failed"] == 1
