"""``mykaarma customers import`` against a broken server: an unreadable answer fails its row and the import
goes on; whatever string the server returns is written to the journal and the result file."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from tests._http import serving
from tests.cli.conftest import RunCli
from tests.cli.test_import import import_args, outcomes, summary

DEPT = "9f8a6c1e-2b7d-4c1a-9e3f-5d6b7a8c9d01"
DEEP_JSON = b'{"a": ' * 100_000 + b"1" + b"}" * 100_000
#: firstName of a row -> what the server answers for it
ANSWERS = {
    "Deep": DEEP_JSON,
    "Surrogate": b'{"errors": [], "warnings": [], "customerUuid": "cust-\\ud800", "customerId": "1"}',
    "Plain": b'{"errors": [], "warnings": [], "customerUuid": "cust-plain", "customerId": "2"}',
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # the import's searches: nobody is stored
        self._answer(b'{"errors": [], "warnings": [], "matchingCount": 0, "matchingCustomers": []}')

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self._answer(ANSWERS[body["customer"]["firstName"]])

    def _answer(self, answer: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def broken_server() -> Iterator[str]:
    with serving(_Handler) as url:
        yield url


def test_unreadable_answers_fail_their_row_and_any_string_is_recorded(
    run_cli: RunCli, broken_server: str, tmp_path: Path
) -> None:
    data = tmp_path / "people.csv"
    with data.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["firstName", "lastName", "phone"])
        for index, name in enumerate(ANSWERS):
            writer.writerow([name, "Lee", f"+1310555010{index}"])
    result = run_cli(*import_args(data, DEPT), base_url=broken_server)
    assert result.exit_code == 1, result.stderr  # rows failed: exit 1, the run itself completed
    done = summary(result.stdout)
    assert done["result"] == outcomes(created=2, failed=1) | {"pending": 0}
    with (tmp_path / "people.result.csv").open(encoding="utf-8", newline="") as stream:
        rows = {int(row["row"]): row for row in csv.DictReader(stream)}
    assert rows[1]["status"] == "failed"
    assert "nested too deeply" in rows[1]["message"]
    assert rows[2]["customerUuid"] == "cust-\\ud800"  # escaped: UTF-8 cannot carry a lone surrogate
    assert rows[3]["customerUuid"] == "cust-plain"
    journal = (tmp_path / "people.result.csv.journal").read_text(encoding="utf-8")
    [record] = [json.loads(line) for line in journal.splitlines() if "cust-\\ud800" in line]
    assert (
        record["customer_uuid"] == "cust-\ud800"
    )  # written as a JSON escape, read back as the server sent it
