"""The bulk import under injected faults, interrupted and resumed, through real processes and the real mock.

2,000 CSV rows (distinct people, repeated people, invalid rows: `tests.cli._data`) go into two departments
through a mock that answers 20 % of requests with 503 and drops 5 % of connections after committing. Every
row must end created or updated (invalid rows: reported, never sent), and ``/__mock/stats`` must show exactly
one customer per distinct person per department. The same import is then stopped half-way — Ctrl-C (SIGINT,
the clean stop) and ``kill -9`` (a crash) — and resumed: same result, nothing lost or duplicated.

The import runs as ``python -m mykaarma.cli`` (a real process receiving real signals) at concurrency 32,
which keeps the waits the mock asks for (``Retry-After: 1`` on every 503) to a few tens of seconds.
Throughput at concurrency 1 and 8 (no faults) is measured too and written to reports/import-throughput.json.
"""

from __future__ import annotations

import json
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from tests.cli._data import Dataset, write_customers_csv
from tests.cli.conftest import cli_command, cli_env
from tests.cli.test_import import assert_repeats, check_result, result_rows
from tests.integration.conftest import StartMock
from tests.integration.mock_server import ROOT, MockServer, TestWorld

pytestmark = pytest.mark.slow

ROWS = 2000
FAULTS = "status=503:0.2,drop_after_commit=0.05,seed={seed}"
CONCURRENCY = 32
RUN_TIMEOUT = 300.0
REPORT = ROOT / "reports" / "import-throughput.json"


def import_argv(
    server: MockServer, data: Dataset, departments: tuple[str, ...], concurrency: int
) -> list[str]:
    argv = ["--base-url", server.base_url, "customers", "import", str(data.path), "--progress", "plain"]
    argv += ["--concurrency", str(concurrency), "--attempts", "5"]
    for department in departments:
        argv += ["--department", department]
    return cli_command(*argv)


def start_import(
    server: MockServer, world: TestWorld, data: Dataset, departments: tuple[str, ...], concurrency: int
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        import_argv(server, data, departments, concurrency),
        env=cli_env(world),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen[str]) -> tuple[int, dict[str, Any] | None, str]:
    """Wait for an import process: exit status, its JSON summary (None after a kill), its stderr."""
    stdout, stderr = process.communicate(timeout=RUN_TIMEOUT)
    return process.returncode, json.loads(stdout) if stdout.strip() else None, stderr


def journal_lines(data: Dataset) -> int:
    """Outcomes the journal holds (not the header, not the ``sending`` marks written before each write)."""
    path = data.path.with_name(f"{data.path.stem}.result.csv.journal")
    if not path.exists():
        return 0
    lines = path.read_bytes().split(b"\n")[1:]
    return sum(1 for line in lines if line.endswith(b"}") and b'"status":"sending"' not in line)


def wait_for_records(process: subprocess.Popen[str], data: Dataset, count: int) -> None:
    deadline = time.monotonic() + RUN_TIMEOUT
    while journal_lines(data) < count:
        assert process.poll() is None, f"the import ended early: {process.communicate()}"
        assert time.monotonic() < deadline, "the import made no progress"
        time.sleep(0.05)


def check_stored(server: MockServer, data: Dataset, departments: tuple[str, ...]) -> None:
    stats = server.stats()["departments"]
    for department in departments:
        assert stats[department]["customers"] == data.distinct_people


def check_outcome(result: dict[str, int], data: Dataset, departments: int) -> None:
    assert_repeats(result, data, departments)
    assert result["pending"] == 0


@pytest.fixture
def dataset(tmp_path: Path) -> Dataset:
    data = write_customers_csv(tmp_path / "customers.csv", ROWS)
    assert data.rows - data.distinct_people - len(data.invalid_rows) > 200  # repeated people
    assert len(data.invalid_rows) >= 20
    return data


def test_import_under_faults_creates_each_person_once_per_department(
    start_mock: StartMock, world: TestWorld, dataset: Dataset
) -> None:
    server = start_mock(faults=FAULTS.format(seed=11))
    departments = (world.dept_a1, world.dept_a2)
    started = time.monotonic()
    status, done, stderr = finish(start_import(server, world, dataset, departments, CONCURRENCY))
    assert status == 0, stderr
    assert done is not None
    check_outcome(done["result"], dataset, 2)
    check_result(dataset, dataset.path.with_name("customers.result.csv"), departments)
    check_stored(server, dataset, departments)
    elapsed = time.monotonic() - started
    print(f"\n2,000 rows x 2 departments under faults: {elapsed:.1f} s, {done['rowsPerSecond']} rows/s")

    again_status, again, _ = finish(start_import(server, world, dataset, departments, CONCURRENCY))
    assert again_status == 0
    assert again is not None
    assert again["thisRun"]["skipped"] == ROWS * 2
    check_stored(server, dataset, departments)


def test_import_stopped_and_killed_half_way_resumes_to_the_same_result(
    start_mock: StartMock, world: TestWorld, dataset: Dataset
) -> None:
    server = start_mock(faults=FAULTS.format(seed=12))
    departments = (world.dept_a1, world.dept_a2)
    total = ROWS * 2

    stopped = start_import(server, world, dataset, departments, CONCURRENCY)
    wait_for_records(stopped, dataset, total // 3)
    stopped.send_signal(signal.SIGINT)
    status, done, stderr = finish(stopped)
    assert status == 130, stderr
    assert "stopping: finishing" in stderr
    assert done is not None
    assert done["interrupted"] is True
    recorded = journal_lines(dataset)
    assert total // 3 <= recorded < total
    assert done["result"]["pending"] == total - len(
        result_rows(dataset.path.with_name("customers.result.csv"))
    )

    killed = start_import(server, world, dataset, departments, CONCURRENCY)
    wait_for_records(killed, dataset, recorded + total // 3)
    killed.kill()
    status, done, _ = finish(killed)
    assert status == -signal.SIGKILL
    assert done is None

    status, done, stderr = finish(start_import(server, world, dataset, departments, CONCURRENCY))
    assert status == 0, stderr
    assert done is not None
    assert done["thisRun"]["skipped"] > total // 2
    check_outcome(done["result"], dataset, 2)
    check_result(dataset, dataset.path.with_name("customers.result.csv"), departments)
    check_stored(server, dataset, departments)


def test_import_throughput_at_concurrency_1_and_8(
    start_mock: StartMock, world: TestWorld, tmp_path: Path
) -> None:
    data = write_customers_csv(tmp_path / "customers.csv", 600)
    measured: dict[str, Any] = {"rows": data.rows, "departments": 1, "faults": None}
    for concurrency in (1, 8):
        server = start_mock(db=tmp_path / f"mock-{concurrency}.sqlite3")
        status, done, stderr = finish(start_import(server, world, data, (world.dept_a1,), concurrency))
        assert status == 0, stderr
        assert done is not None
        check_outcome(done["result"], data, 1)
        measured[f"concurrency{concurrency}RowsPerSecond"] = done["rowsPerSecond"]
        data.path.with_name("customers.result.csv.journal").unlink()
        server.stop()
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(json.dumps(measured, indent=2) + "\n", encoding="utf-8")
    print(f"\nimport throughput: {measured}")
