"""Bulk customer import: CSV rows → `customers.upsert` in one or more departments, concurrent and resumable.

Each row is read and checked once (`rows.prepare_row`); an invalid row is recorded ``invalid`` with its
problems and never sent. A valid row goes to each department through ``customers.upsert`` (D-IDENTITY): the
stored customer it names is updated keeping what the file has no column for (``replace_lists``: the lists
are replaced as sent, and the deletions reported), or the customer is created; a row that cannot be matched
safely is recorded ``unmatched`` with the reason and nothing is written. Rows that change nothing are
``unchanged``.

Rows are grouped by the name they carry: the rows of one group go, in file order, through one worker, so two
rows of one person (or of two people who could be mistaken for each other) never race. The phones, e-mails
and VINs of a batch of groups are searched together, a few rows a request (`mykaarma.identity`); each row
gets its candidates from those results plus what the earlier rows of its group wrote (`UpsertResult.stored`).
After a row whose outcome is unknown (it failed: its write may have happened), the rest of its group search
for themselves.

`concurrency` worker threads share one sync `MyKaarma` (its transport costs about half the CPU of the async
one per request) and the journal. A row that fails with a transient error (5xx, 429, no response) is tried
again up to `attempts` times, each time with a fresh lookup, so a write that may have happened is found
instead of repeated. Every outcome is appended to the `Journal` at once; rows the journal holds as done (with
unchanged values) are skipped, so an interrupted import resumes where it stopped. `request_stop` (Ctrl-C)
stops taking rows and lets the requests in flight finish; a second call abandons them (their rows stay
pending). A department that refuses the account (403, 404) fails its remaining rows without sending them and
says so once on stderr, whatever the progress display.
"""

from __future__ import annotations

import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from .._exceptions import (
    APIConnectionError,
    APIError,
    AuthenticationError,
    MyKaarmaError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
    describe_item,
)
from .._retry import RetryPolicy, decide_status
from ..identity import PAGE_LIMIT, Identity, identifier_searches, name_key, record_of
from .journal import DONE, STATUSES, Journal, JournalRecord, Status, write_rejects, write_result
from .outcomes import Counts, ImportReporter, ImportSummary, SilentReporter
from .rows import ImportRow, PreparedRow, prepare_row

if TYPE_CHECKING:
    from .._client import MyKaarma
    from ..resources.upsert import UpsertResult, Written

__all__ = ["CustomerImport"]

#: Seconds before a row's next attempt after a transient failure (times the attempt number).
RETRY_PAUSE: Final = 1.0
#: Groups whose lookups are searched together before their rows are sent.
BATCH: Final = 64
_MESSAGE_LIMIT: Final = 500


def _transient(error: APIConnectionError | APIError) -> bool:
    """Whether a row's next attempt may succeed, by the client's own retry rule (`mykaarma._retry`): an
    upsert looks again before it writes, so every row is as safe to repeat as an idempotent request."""
    if isinstance(error, APIConnectionError):
        return True
    return decide_status(error.status, RetryPolicy.IDEMPOTENT, has_errors=bool(error.errors)).retry


def _to_stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _short(text: str) -> str:
    """A text as the result's message column and the terminal show it: one line, cut, always encodable."""
    text = " ".join(text.split())
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= _MESSAGE_LIMIT else text[: _MESSAGE_LIMIT - 1] + "…"


_ENTRY_NAMES: Final = {"phoneNumbers": ("phone", "phones"), "emails": ("e-mail", "e-mails"),
                       "addresses": ("address", "addresses")}  # fmt: skip


def _counted(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"


def _error_text(error: BaseException) -> str:
    return _short(str(error) or type(error).__name__)


def _uuid_of(item: Mapping[str, Any]) -> str | None:
    customer = item.get("customer")
    return str(customer.get("customerUuid")) if isinstance(customer, Mapping) else None


def _with(
    found: Iterable[Mapping[str, Any]], written: Mapping[str, Mapping[str, Any]]
) -> list[Mapping[str, Any]]:
    """Customers found by a search, with the ones written since as they were left."""
    return [item for item in found if _uuid_of(item) not in written] + list(written.values())


def group_rows(rows: Iterable[PreparedRow]) -> list[list[PreparedRow]]:
    """Rows to send, grouped by the name they carry (a business by its company), in file order."""
    groups: dict[Any, list[PreparedRow]] = {}
    for prepared in rows:
        assert prepared.body is not None
        key = name_key(prepared.body.get("customer") or {}) or ("row", prepared.row.number)
        groups.setdefault(key, []).append(prepared)
    return list(groups.values())


class _Lookups:
    """The customers found for a batch of groups, handed to each group's first row by shared identifier."""

    def __init__(self) -> None:
        self.found: list[tuple[Mapping[str, Any], frozenset[str]]] = []
        self.incomplete: set[str] = set()  # tokens of a search that failed or found more than a page
        self.failed = False  # the whole batch: the import is stopping or the department refused

    def add(self, term: str, items: Sequence[Mapping[str, Any]], complete: bool) -> None:
        if not complete:
            self.incomplete.update(term.split())
        for item in items:
            record = record_of(item)
            self.found.append((item, record.phones | record.emails | record.vins))

    def candidates(self, identity: Identity) -> list[Mapping[str, Any]] | None:
        """The customers sharing an identifier with `identity`; None when the batch cannot tell."""
        tokens = {*identity.communication_tokens, *identity.vins}
        if self.failed or tokens & self.incomplete:
            return None
        wanted = identity.match_input.phones | identity.match_input.emails | identity.match_input.vins
        return [item for item, values in self.found if values & wanted]


@dataclass
class _State:
    """What the workers share: the stop flags and the departments refused during the run."""

    stop: threading.Event = field(default_factory=threading.Event)
    abandoned: bool = False
    fatal: str | None = None
    refused: dict[str, str] = field(default_factory=dict)


class CustomerImport:
    """One run of an import (see the module docstring). Build it, then call `run()`."""

    def __init__(
        self,
        client: MyKaarma,
        rows: Sequence[ImportRow],
        departments: Sequence[str],
        journal: Journal,
        result_path: Path,
        *,
        header: Sequence[str] = (),
        rejects_path: Path | None = None,
        concurrency: int = 8,
        attempts: int = 3,
        validate_vin: bool = False,
        lenient: bool = False,
        replace_lists: bool = False,
        reporter: ImportReporter | None = None,
        alert: Callable[[str], None] = _to_stderr,
    ) -> None:
        if concurrency < 1 or attempts < 1:
            raise ValueError("concurrency and attempts must be at least 1")
        self.client = client
        self.rows = list(rows)
        self.departments = tuple(dict.fromkeys(departments))
        self.journal = journal
        self.result_path = result_path
        self.header = tuple(header)
        self.rejects_path = rejects_path
        self.concurrency = concurrency
        self.attempts = attempts
        self.validate_vin = validate_vin
        self.lenient = lenient
        self.replace_lists = replace_lists
        self.reporter: ImportReporter = reporter or SilentReporter()
        self.alert = alert
        self.counts = Counts()
        self._state = _State()
        self._lock = threading.Lock()
        self._sendable: frozenset[int] = frozenset()
        self._identities: dict[int, Identity] = {}

    # -- control ---------------------------------------------------------------------------------------------

    def request_stop(self) -> None:
        """First call: take no more rows, finish the requests in flight. Second call: abandon them too."""
        if not self._state.stop.is_set():
            self._state.stop.set()
            self.reporter.note("stopping: finishing the rows in flight (interrupt again to abandon them)")
            return
        if not self._state.abandoned:
            # set without the lock: this runs in the signal handler, on the main thread, which may hold the
            # lock itself (writing the summary)
            self._state.abandoned = True
            self.reporter.note("abandoning the rows in flight: they stay pending for the next run")

    @property
    def stopping(self) -> bool:
        return self._state.stop.is_set()

    # -- the run ---------------------------------------------------------------------------------------------

    def _done(self, row: ImportRow, department: str) -> bool:
        """Whether an earlier run finished the row; a row it found invalid is sendable now under --lenient."""
        record = self.journal.records.get((row.number, department))
        if record is None or record.status not in DONE or record.digest != row.digest:
            return False
        return record.status != "invalid" or row.number not in self._sendable

    def run(self) -> ImportSummary:
        """Import every pending row; returns the summary (also after a stop). Writes the result files."""
        prepared = [
            prepare_row(row, validate_vin=self.validate_vin, lenient=self.lenient) for row in self.rows
        ]
        self._sendable = frozenset(item.row.number for item in prepared if item.body is not None)
        total = len(self.rows) * len(self.departments)
        self.counts.skipped = sum(self._done(row, dep) for row in self.rows for dep in self.departments)
        self.reporter.start(total, self.counts.skipped)
        started = time.monotonic()
        try:
            for item in prepared:
                if item.body is None:
                    for department in self.departments:
                        if not self._done(item.row, department):
                            self._record(item.row, department, "invalid", None, "; ".join(item.problems), [])
            groups = group_rows(item for item in prepared if item.body is not None)
            with ThreadPoolExecutor(self.concurrency, thread_name_prefix="mykaarma-import") as pool:
                try:
                    self._send(pool, groups)
                finally:
                    pool.shutdown(wait=not self._state.abandoned, cancel_futures=True)
        finally:
            elapsed = time.monotonic() - started
            self.reporter.finish(self.counts, elapsed)
        return self._summary(elapsed)

    def _send(self, pool: ThreadPoolExecutor, groups: list[list[PreparedRow]]) -> None:
        """Per department, batches of groups: their lookups, then their rows; the next lookups meanwhile."""
        work: list[Future[None]] = []
        batches = [
            (department, pending[start : start + BATCH])
            for department in self.departments
            if (pending := [group for group in groups if self._pending(group, department)])
            for start in range(0, len(pending), BATCH)
        ]
        if not batches:
            return
        found, searches = self._lookups(pool, *batches[0])
        self._wait(searches)
        for index, (department, batch) in enumerate(batches):
            if self.stopping:
                break
            # the next batch's searches go first in the queue, so the workers never wait for them
            following = self._lookups(pool, *batches[index + 1]) if index + 1 < len(batches) else None
            work += [pool.submit(self._group, group, department, found) for group in batch]
            if following is not None:
                found, searches = following
                self._wait(searches)
        self._wait(work)

    def _wait(self, futures: Sequence[Future[None]]) -> None:
        """Wait for `futures` in short steps (Ctrl-C is handled meanwhile); an abandon stops the wait.

        Each step waits for all of them (a step per finished future would cost a pass over the rest)."""
        pending = set(futures)
        while pending and not self._state.abandoned:
            _, pending = wait(pending, timeout=0.2)
        for future in futures:
            if future.done() and not future.cancelled() and future.exception() is not None:
                raise future.exception()  # type: ignore[misc]

    def _pending(self, group: list[PreparedRow], department: str) -> bool:
        return any(not self._done(item.row, department) for item in group)

    def _lookups(
        self, pool: ThreadPoolExecutor, department: str, batch: list[list[PreparedRow]]
    ) -> tuple[_Lookups, list[Future[None]]]:
        found = _Lookups()
        pending = [item for group in batch for item in group if not self._done(item.row, department)]
        identities = [self._identity(item) for item in pending]
        searches = [pool.submit(self._search, department, search.term, search.fields, found)
                    for search in identifier_searches(identities)]  # fmt: skip
        return found, searches

    def _identity(self, item: PreparedRow) -> Identity:
        """The row's identity (D-IDENTITY), computed once."""
        identity = self._identities.get(item.row.number)
        if identity is None:
            identity = self._identities[item.row.number] = Identity.of(item.body or {})
        return identity

    def _search(self, department: str, term: str, fields: tuple[str, ...], found: _Lookups) -> None:
        if self.stopping or department in self._state.refused:
            found.failed = True
            return
        try:
            result = self.client.customers.search(
                department, term, fields=fields, query_operator="OR", max_results=PAGE_LIMIT, validate=False
            )
        except AuthenticationError as exc:
            found.failed = True
            self._fail_all(f"authentication failed, import stopped: {_error_text(exc)}")
            return
        except (PermissionDeniedError, NotFoundError) as exc:
            found.failed = True
            self._refuse(department, exc)
            return
        except MyKaarmaError:
            with self._lock:  # the rows with these tokens search themselves, and report what they meet
                found.incomplete.update(term.split())
            return
        items = [item.to_dict() for item in result.matching_customers]
        with self._lock:
            found.add(term, items, complete=result.matching_count <= len(items))

    def _group(self, group: list[PreparedRow], department: str, found: _Lookups) -> None:
        """The rows of one name in file order. The batch's lookups hold what was stored before, the first
        search by the group's name what had that name; what the group's earlier rows wrote is added as they
        left it, so no row searches again, unless a row ended without a known outcome (its write may have
        happened): the rows after it search for themselves."""
        written: dict[str, Mapping[str, Any]] = {}
        named: tuple[Mapping[str, Any], ...] | None = None
        known = True
        for item in group:
            if self.stopping:
                return
            if self._done(item.row, department):
                continue  # what an earlier run wrote, this run's lookups have seen
            before = found.candidates(self._identity(item)) if known else None
            candidates = None if before is None else _with(before, written)
            same_name = None if named is None or not known else _with(named, written)
            result = self._upsert(item, department, candidates, same_name)
            if result is None or (result.action != "unmatched" and result.stored is None):
                known = False
                continue
            if result.named is not None:
                named = result.named
            if result.stored is not None and result.customer_uuid is not None:
                written[result.customer_uuid] = result.stored

    def _upsert(
        self,
        item: PreparedRow,
        department: str,
        candidates: list[Mapping[str, Any]] | None,
        named: list[Mapping[str, Any]] | None,
    ) -> UpsertResult | None:
        """Send one row (with its attempts) and record its outcome; the result, or None when it failed."""
        notes = [(note.code, note.message) for note in item.notes]
        body = item.body or {}
        for attempt in range(1, self.attempts + 1):
            refused = self._state.refused.get(department)
            if refused is not None:
                self._record(item.row, department, "failed", None, f"not sent: {refused}", notes)
                return None
            try:
                result = self.client.customers.upsert(
                    department,
                    body["customer"],
                    vehicles=body.get("vehicles"),
                    validate_vin=True if self.validate_vin else None,
                    keep_existing=not self.replace_lists,
                    candidates=candidates if attempt == 1 else None,
                    named=named if attempt == 1 else None,
                    defaulted=item.defaulted,
                    earlier=self._earlier(item.row, department),
                    on_write=lambda action: self._intend(item.row, department, action),
                    validate=False,
                )
            except AuthenticationError as exc:
                self._fail_all(f"authentication failed, import stopped: {_error_text(exc)}")
                self._record(item.row, department, "failed", None, _error_text(exc), notes)
                return None
            except (PermissionDeniedError, NotFoundError) as exc:
                self._refuse(department, exc)
                self._record(item.row, department, "failed", None, _error_text(exc), notes)
                return None
            except ValidationError as exc:
                self._record(item.row, department, "invalid", None, _error_text(exc), notes)
                return None
            except (APIConnectionError, APIError) as exc:
                if not _transient(exc):
                    self._record(item.row, department, "failed", None, _error_text(exc), notes)
                    return None
                if attempt == self.attempts:
                    message = f"after {attempt} attempts: {_error_text(exc)}"
                    self._record(item.row, department, "failed", None, message, notes)
                    return None
                pause = max(RETRY_PAUSE * attempt, getattr(exc, "retry_after", None) or 0.0)
                if self._state.stop.wait(pause):
                    return None  # stopped while waiting: the row stays pending
            else:
                self._saved(item.row, department, result, notes)
                return result
        return None

    def _saved(
        self, row: ImportRow, department: str, result: UpsertResult, notes: list[tuple[str, str]]
    ) -> None:
        warnings = [*notes]
        for warning in result.warnings:
            warnings.append(
                (str(warning.get("title") or warning.get("code")), f"warning {describe_item(warning)}")
            )
        kept = {name: count for name, count in result.kept.items() if count}
        message = "; ".join(text for _, text in warnings)
        if result.action == "unmatched":
            message = "; ".join(filter(None, (result.reason, message)))
        elif kept:
            listed = ", ".join(
                _counted(count, *_ENTRY_NAMES.get(name, (name, name))) for name, count in kept.items()
            )
            message = "; ".join(
                filter(None, (message, f"kept stored entries the row does not mention: {listed}"))
            )
        self._record(row, department, result.action, result.customer_uuid, message, warnings)

    def _earlier(self, row: ImportRow, department: str) -> Written | None:
        """The write an earlier attempt (this run, or a run that crashed) was sending for this row."""
        record = self.journal.records.get((row.number, department))
        if record is None or record.status != "sending" or record.digest != row.digest:
            return None
        return "created" if record.message == "created" else "updated"

    def _intend(self, row: ImportRow, department: str, action: Written) -> None:
        """Journal the write about to be sent, before it is sent (see `_earlier`)."""
        record = JournalRecord(row.number, department, "sending", None, action, row.digest)
        with self._lock:
            if not self._state.abandoned:
                self.journal.append(record)

    def _fail_all(self, message: str) -> None:
        with self._lock:
            first = self._state.fatal is None
            self._state.fatal = self._state.fatal or message
        self._state.stop.set()
        if first:
            self.alert(message)

    def _refuse(self, department: str, error: APIError) -> None:
        with self._lock:
            first = department not in self._state.refused
            self._state.refused.setdefault(
                department, f"department refused earlier in this run ({error.status})"
            )
        if first:
            self.alert(f"department {department} refused the account ({error.status}): its rows are not sent")

    def _record(
        self,
        row: ImportRow,
        department: str,
        status: Status,
        customer_uuid: str | None,
        message: str,
        warnings: Sequence[tuple[str, str]],
    ) -> None:
        codes = tuple(code for code, _ in warnings)
        record = JournalRecord(
            row.number, department, status, customer_uuid, _short(message), row.digest, codes
        )
        with self._lock:
            if self._state.abandoned:
                return  # the row stays pending: the next run sends it again (after a fresh lookup)
            self.journal.append(record)
            self.counts.add(status)
            self.reporter.advance(record, self.counts)

    # -- the end ---------------------------------------------------------------------------------------------

    def _summary(self, elapsed: float) -> ImportSummary:
        with self._lock:
            records = [
                record
                for row in self.rows
                for department in self.departments
                if (record := self.journal.records.get((row.number, department))) is not None
                and record.digest == row.digest
                and record.status in STATUSES
            ]
            write_result(self.result_path, records)
            rejected = self._write_rejects(records)
            statuses = Counter(record.status for record in records)
            warnings = Counter(code for record in records for code in record.warnings)
            abandoned = self._state.abandoned
        left = len(self.rows) * len(self.departments) - len(records)
        return ImportSummary(
            rows=len(self.rows),
            departments=self.departments,
            counts=self.counts,
            result={status: statuses.get(status, 0) for status in STATUSES},
            warnings=dict(warnings),
            pending=left,
            elapsed=elapsed,
            interrupted=self.stopping and self._state.fatal is None and left > 0,
            fatal=self._state.fatal,
            result_path=self.result_path,
            journal_path=self.journal.path,
            rejects_path=self.rejects_path,
            rejected=rejected,
            abandoned=abandoned,
        )

    def _write_rejects(self, records: Sequence[JournalRecord]) -> int:
        """The rows not imported in some department (invalid, failed, unmatched), with their reasons."""
        if self.rejects_path is None:
            return 0
        reasons: dict[int, list[str]] = {}
        for record in records:
            if record.status in ("invalid", "failed", "unmatched"):
                where = (
                    f"{record.status} in {record.department}" if len(self.departments) > 1 else record.status
                )
                reasons.setdefault(record.row, []).append(f"{where}: {record.message}")
        rows = [(row.cells, " | ".join(reasons[row.number])) for row in self.rows if row.number in reasons]
        return write_rejects(self.rejects_path, self.header, rows)
