"""Bulk customer import: CSV rows → create-or-update in one or more departments, concurrent and resumable.

Each row is read through the column mapping (`mykaarma.cli.mapping`) and checked once with the client's
pre-flight validation; an invalid row is recorded as ``invalid`` with its problems and never sent. A valid
row is sent to each department with ``customers.create_or_update`` (``searchForDuplicate=true``): the
server's matching finds a customer saved before, so re-sending a row — after a retry, a crash or a re-run —
updates that customer instead of creating a second one.

`CustomerImport` runs `concurrency` workers on one `AsyncMyKaarma` client (its retries stay on). A row
that still fails with a transient error (5xx, 429, no response) is tried again up to `attempts` times.
Every outcome is appended to the `Journal` before the next one; rows the journal already holds as created,
updated or invalid (with unchanged values) are skipped, so an interrupted import resumes where it stopped.
`request_stop` (Ctrl-C) stops taking rows and lets the requests in flight finish; a second call abandons
them too (their rows stay pending, and are sent again on the next run).

The server's warnings about a saved row go to the result's message column. The API does not say whether
create-or-update created or matched: a row is reported ``created`` when this import (its journal, over all
its runs) had not yet saved that customer in that department, ``updated`` when an earlier row had.
"""

from __future__ import annotations

import asyncio
import csv
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Protocol

from .._exceptions import (
    APIConnectionError,
    APIError,
    AuthenticationError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ValidationError,
    describe_item,
    normalize_warnings,
)
from .journal import DONE, Journal, JournalRecord, Status, write_result
from .mapping import ColumnMapping, MappingError, build_body, digest, row_values

if TYPE_CHECKING:
    from mykaarma_api.models import SaveCustomerResponse

    from .._client import AsyncMyKaarma

__all__ = [
    "Counts",
    "CustomerImport",
    "ImportReporter",
    "ImportRow",
    "ImportSummary",
    "read_rows",
]

#: Seconds before a row's next attempt after a transient failure (times the attempt number).
RETRY_PAUSE: Final = 1.0
_TRANSIENT: Final = (APIConnectionError, RateLimitError, InternalServerError)
_MESSAGE_LIMIT: Final = 500


@dataclass(frozen=True)
class ImportRow:
    """One CSV record: its number (1 = first record after the header), field values and fingerprint."""

    number: int
    values: dict[str, str]
    digest: str


def read_rows(path: Path, mapping: ColumnMapping) -> list[ImportRow]:
    """Every non-blank record of the CSV file at `path` (UTF-8, with or without BOM), mapped to fields."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            reader = csv.reader(stream)
            header = next(reader, None)
            if header is None:
                raise MappingError(f"{path} is empty: expected a header row")
            columns = mapping.resolve(header)
            rows: list[ImportRow] = []
            for number, cells in enumerate(reader, start=1):
                if not any(cell.strip() for cell in cells):
                    continue
                values = row_values(cells, columns, mapping.defaults)
                rows.append(ImportRow(number, values, digest(values)))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise MappingError(f"cannot read {path}: {exc}") from None
    return rows


@dataclass
class Counts:
    """Outcomes of one run; `skipped` counts what an earlier run had already done."""

    created: int = 0
    updated: int = 0
    invalid: int = 0
    failed: int = 0
    skipped: int = 0

    @property
    def finished(self) -> int:
        return self.created + self.updated + self.invalid + self.failed

    def add(self, status: Status) -> None:
        setattr(self, status, getattr(self, status) + 1)

    def as_dict(self) -> dict[str, int]:
        return {
            "created": self.created,
            "updated": self.updated,
            "invalid": self.invalid,
            "failed": self.failed,
            "skipped": self.skipped,
        }


class ImportReporter(Protocol):
    """Receives the progress of an import (a progress bar, plain lines, or nothing)."""

    def start(self, total: int, skipped: int) -> None: ...

    def advance(self, record: JournalRecord, counts: Counts) -> None: ...

    def note(self, message: str) -> None: ...

    def finish(self, counts: Counts, elapsed: float) -> None: ...


class _SilentReporter:
    def start(self, total: int, skipped: int) -> None:
        pass

    def advance(self, record: JournalRecord, counts: Counts) -> None:
        pass

    def note(self, message: str) -> None:
        pass

    def finish(self, counts: Counts, elapsed: float) -> None:
        pass


@dataclass(frozen=True)
class ImportSummary:
    """The end of a run: this run's counts, the statuses in the result file, and how it ended."""

    rows: int
    departments: tuple[str, ...]
    counts: Counts
    result: dict[str, int]
    pending: int
    elapsed: float
    interrupted: bool
    fatal: str | None
    result_path: Path
    journal_path: Path

    @property
    def rows_per_second(self) -> float:
        """Rows (one row in one department) finished per second in this run."""
        return self.counts.finished / self.elapsed if self.elapsed > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "departments": list(self.departments),
            "thisRun": self.counts.as_dict(),
            "result": {**self.result, "pending": self.pending},
            "elapsedSeconds": round(self.elapsed, 3),
            "rowsPerSecond": round(self.rows_per_second, 1),
            "interrupted": self.interrupted,
            "error": self.fatal,
            "resultFile": str(self.result_path),
            "journal": str(self.journal_path),
        }


@dataclass
class _Work:
    row: ImportRow
    departments: list[str]
    body: dict[str, Any] | None = None
    problems: list[str] = field(default_factory=list)


def _short(error: BaseException) -> str:
    """An error as the result's message column and the terminal show it: one line, cut, always encodable."""
    text = " ".join(str(error).split()) or type(error).__name__
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= _MESSAGE_LIMIT else text[: _MESSAGE_LIMIT - 1] + "…"


def _warnings(saved: SaveCustomerResponse) -> str:
    """The server's warnings about a saved row (e.g. a list it emptied), for the result's message column."""
    if not saved.warnings:
        return ""
    items = normalize_warnings(saved.to_dict())
    return "; ".join(f"warning {describe_item(item)}" for item in items)


class CustomerImport:
    """One run of an import (see the module docstring). Build it, then ``await run()``."""

    def __init__(
        self,
        client: AsyncMyKaarma,
        rows: Sequence[ImportRow],
        departments: Sequence[str],
        journal: Journal,
        result_path: Path,
        *,
        concurrency: int = 8,
        attempts: int = 3,
        validate_vin: bool = False,
        reporter: ImportReporter | None = None,
    ) -> None:
        if concurrency < 1 or attempts < 1:
            raise ValueError("concurrency and attempts must be at least 1")
        self.client = client
        self.rows = list(rows)
        self.departments = tuple(dict.fromkeys(departments))
        self.journal = journal
        self.result_path = result_path
        self.concurrency = concurrency
        self.attempts = attempts
        self.validate_vin = validate_vin
        self.reporter: ImportReporter = reporter or _SilentReporter()
        self.counts = Counts()
        self._stop = asyncio.Event()
        self._workers: list[asyncio.Task[None]] = []
        self._abandoned = False
        self._fatal: str | None = None
        self._refused: dict[str, str] = {}
        self._saved: set[tuple[str, str]] = {
            (record.department, record.customer_uuid)
            for record in journal.records.values()
            if record.status in ("created", "updated") and record.customer_uuid
        }

    # -- control ---------------------------------------------------------------------------------------------

    def request_stop(self) -> None:
        """First call: take no more rows, finish the requests in flight. Second call: abandon them too."""
        if not self._stop.is_set():
            self._stop.set()
            in_flight = sum(not task.done() for task in self._workers)
            self.reporter.note(
                f"stopping: finishing {in_flight} row(s) in flight (interrupt again to abandon them)"
            )
            return
        if not self._abandoned:
            self._abandoned = True
            self.reporter.note("abandoning the rows in flight: they stay pending for the next run")
            for task in self._workers:
                task.cancel()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    # -- the run ---------------------------------------------------------------------------------------------

    def _done(self, row: ImportRow, department: str) -> bool:
        record = self.journal.records.get((row.number, department))
        return record is not None and record.status in DONE and record.digest == row.digest

    async def run(self) -> ImportSummary:
        """Import every pending row; returns the summary (also after a stop). Writes the result file."""
        todo: list[_Work] = []
        for row in self.rows:
            pending = [department for department in self.departments if not self._done(row, department)]
            self.counts.skipped += len(self.departments) - len(pending)
            if pending:
                todo.append(_Work(row, pending))
        total = len(self.rows) * len(self.departments)
        self.reporter.start(total, self.counts.skipped)
        started = time.monotonic()
        queue = iter(todo)
        try:
            self._workers = [
                asyncio.create_task(self._worker(queue)) for _ in range(min(self.concurrency, len(todo)))
            ]
            if self._workers:
                await asyncio.wait(self._workers)
            for task in self._workers:
                error = None if task.cancelled() else task.exception()
                if error is not None:
                    raise error
        finally:
            elapsed = time.monotonic() - started
            self.reporter.finish(self.counts, elapsed)
            result = self._write_result()
        left = total - sum(result.values())
        return ImportSummary(
            rows=len(self.rows),
            departments=self.departments,
            counts=self.counts,
            result=result,
            pending=left,
            elapsed=elapsed,
            interrupted=self.stopping and self._fatal is None and left > 0,
            fatal=self._fatal,
            result_path=self.result_path,
            journal_path=self.journal.path,
        )

    def _write_result(self) -> dict[str, int]:
        records = [
            record
            for row in self.rows
            for department in self.departments
            if (record := self.journal.records.get((row.number, department))) is not None
            and record.digest == row.digest
        ]
        write_result(self.result_path, records)
        statuses = Counter(record.status for record in records)
        return {status: statuses.get(status, 0) for status in ("created", "updated", "invalid", "failed")}

    async def _worker(self, queue: Iterator[_Work]) -> None:
        while not self.stopping:
            work = next(queue, None)
            if work is None:
                return
            self._prepare(work)
            for department in work.departments:
                if self.stopping:
                    return
                if work.body is None:
                    self._record(work.row, department, "invalid", None, "; ".join(work.problems))
                else:
                    await self._upsert(work.row, department, work.body)

    def _prepare(self, work: _Work) -> None:
        """Build the row's body and run the client's pre-flight validation (once for all departments)."""
        from mykaarma_api.models import SaveCustomerRequest

        from ..validation import check_save_customer, prepare_body

        body, problems = build_body(work.row.values)
        body["searchForDuplicate"] = True
        if self.validate_vin:
            body["validateVin"] = True
        try:
            request = prepare_body(SaveCustomerRequest, body, validate=True, check=check_save_customer)
        except ValidationError as exc:
            problems += [str(problem) for problem in exc.problems]
        else:
            if not problems:
                work.body = request.to_dict()
        work.problems = problems

    async def _upsert(self, row: ImportRow, department: str, body: dict[str, Any]) -> None:
        for attempt in range(1, self.attempts + 1):
            if department in self._refused:
                self._record(row, department, "failed", None, f"not sent: {self._refused[department]}")
                return
            try:
                saved = await self.client.customers.create_or_update(
                    department,
                    body["customer"],
                    vehicles=body.get("vehicles"),
                    validate_vin=body.get("validateVin"),
                    validate=False,
                )
            except AuthenticationError as exc:
                self._fatal = f"authentication failed, import stopped: {_short(exc)}"
                self._record(row, department, "failed", None, _short(exc))
                self._stop.set()
                self.reporter.note(self._fatal)
                return
            except (PermissionDeniedError, NotFoundError) as exc:
                self._refused[department] = f"department refused earlier in this run ({exc.status})"
                self._record(row, department, "failed", None, _short(exc))
                return
            except _TRANSIENT as exc:
                if attempt == self.attempts:
                    self._record(row, department, "failed", None, f"after {attempt} attempts: {_short(exc)}")
                    return
                if await self._pause(RETRY_PAUSE * attempt):
                    return  # stopped while waiting: the row stays pending
            except ValidationError as exc:
                self._record(row, department, "invalid", None, _short(exc))
                return
            except APIError as exc:
                self._record(row, department, "failed", None, _short(exc))
                return
            else:
                key = (department, saved.customer_uuid)
                status: Status = "updated" if key in self._saved else "created"
                self._saved.add(key)
                self._record(row, department, status, saved.customer_uuid, _warnings(saved))
                return

    async def _pause(self, seconds: float) -> bool:
        """Wait `seconds`, or less if a stop is requested; True when stopping."""
        try:
            await asyncio.wait_for(self._stop.wait(), timeout=seconds)
        except TimeoutError:
            return False
        return True

    def _record(
        self, row: ImportRow, department: str, status: Status, customer_uuid: str | None, message: str
    ) -> None:
        record = JournalRecord(row.number, department, status, customer_uuid, message, row.digest)
        self.journal.append(record)
        self.counts.add(status)
        self.reporter.advance(record, self.counts)
