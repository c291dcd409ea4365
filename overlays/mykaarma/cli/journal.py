"""The journal of a customer import: one JSON line per finished (row, department), appended as it happens.

The journal lives next to the result file (``RESULT.journal``). Each line is a `JournalRecord`; the first
line names the format. Any string a server returns is accepted: what UTF-8 cannot encode (a lone surrogate)
is written escaped. A record is written with a single ``write`` and flushed at once, so a crash (even
``kill -9``) loses at most the line being written: a torn last line is dropped when the journal is opened
again. A later record for the same (row, department) replaces an earlier one (a failed row that succeeds on
a re-run). The result CSV is rebuilt from the journal, so it always matches what was recorded.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Final, Literal

__all__ = [
    "DONE",
    "RESULT_COLUMNS",
    "STATUSES",
    "Journal",
    "JournalError",
    "JournalRecord",
    "Status",
    "write_rejects",
    "write_result",
]

Status = Literal["created", "updated", "unchanged", "invalid", "failed", "unmatched", "sending"]
#: The statuses a row ends with; ``sending`` only marks a write about to go out (its `message` says which:
#: ``created`` or ``updated``), so that a run after a crash knows the write may have happened.
STATUSES: Final[tuple[Status, ...]] = ("created", "updated", "unchanged", "invalid", "failed", "unmatched")
#: Statuses that end a row for good: a re-run skips them (failed and unmatched rows are tried again).
DONE: Final[frozenset[str]] = frozenset({"created", "updated", "unchanged", "invalid"})
RESULT_COLUMNS: Final = ("row", "department", "customerUuid", "status", "warnings", "message")
_FORMAT: Final = "mykaarma-import-journal/2"
#: Journals this version reads (version 1 records have no warnings).
_READABLE: Final = frozenset({"mykaarma-import-journal/1", _FORMAT})


class JournalError(Exception):
    """The journal file cannot be read or written."""


@dataclass(frozen=True)
class JournalRecord:
    """What happened to one row in one department.

    `digest` fingerprints the row's values: a record only counts for a row whose values are unchanged.
    `warnings` holds the codes of the row's warnings (the server's titles and the import's own), for the
    summary's counts; `message` says them in full.
    """

    row: int
    department: str
    status: Status
    customer_uuid: str | None
    message: str
    digest: str
    warnings: tuple[str, ...] = ()

    def to_json(self) -> str:
        data = {
            "row": self.row,
            "department": self.department,
            "status": self.status,
            "customer_uuid": self.customer_uuid,
            "message": self.message,
            "digest": self.digest,
            "warnings": list(self.warnings),
        }
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> JournalRecord:
        return cls(
            row=int(data["row"]),
            department=str(data["department"]),
            status=data["status"],
            customer_uuid=data.get("customer_uuid"),
            message=str(data.get("message") or ""),
            digest=str(data["digest"]),
            warnings=tuple(str(code) for code in data.get("warnings") or ()),
        )


class Journal:
    """An import journal opened for appending; `records` holds the latest record per (row, department)."""

    def __init__(self, path: Path, records: dict[tuple[int, str], JournalRecord], stream: IO[str]) -> None:
        self.path = path
        self.records = records
        self._stream = stream

    @classmethod
    def open(cls, path: Path, *, restart: bool = False) -> Journal:
        """Open (or create) the journal at `path`; `restart` discards what it holds."""
        records: dict[tuple[int, str], JournalRecord] = {}
        try:
            # created if missing, never truncated here; a string no encoder takes (a lone surrogate that a
            # server sent) is written escaped, as JSON reads it back
            stream = path.open("a", encoding="utf-8", errors="backslashreplace")
        except OSError as exc:
            raise JournalError(f"cannot open the journal {path}: {exc}") from None
        try:
            _lock(stream, path)
            if restart or path.stat().st_size == 0:
                stream.truncate(0)
                stream.write(json.dumps({"format": _FORMAT}) + "\n")
                stream.flush()
            else:
                records = _load(path)
        except (OSError, UnicodeDecodeError) as exc:
            stream.close()
            raise JournalError(f"cannot open the journal {path}: {exc}") from None
        except JournalError:
            stream.close()
            raise
        return cls(path, records, stream)

    def append(self, record: JournalRecord) -> None:
        """Record one outcome: written and flushed before this returns."""
        self._stream.write(record.to_json() + "\n")
        self._stream.flush()
        self.records[(record.row, record.department)] = record

    def close(self) -> None:
        """Flush to disk and close."""
        if self._stream.closed:
            return
        self._stream.flush()
        os.fsync(self._stream.fileno())
        self._stream.close()


def _lock(stream: IO[str], path: Path) -> None:
    """Hold an exclusive lock on the journal while it is open: two imports must not write one journal."""
    if sys.platform == "win32":
        return
    import fcntl

    try:
        fcntl.flock(stream.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        raise JournalError(f"{path} is in use by another import") from None


def _load(path: Path) -> dict[tuple[int, str], JournalRecord]:
    """The records of an existing journal; a torn last line (a crash while writing it) is cut off."""
    raw = path.read_bytes()
    first = raw.split(b"\n", 1)[0]
    try:
        header = json.loads(first)
    except ValueError:
        header = None
    if not isinstance(header, dict) or header.get("format") not in _READABLE:
        raise JournalError(f"{path} is not an import journal (use --restart to replace it)")
    end = raw.rfind(b"\n") + 1
    if end < len(raw):
        with path.open("r+b") as stream:
            stream.truncate(end)
    records: dict[tuple[int, str], JournalRecord] = {}
    for number, line in enumerate(raw[:end].decode("utf-8").splitlines()[1:], start=2):
        try:
            record = JournalRecord.from_json(json.loads(line))
        except (ValueError, KeyError, TypeError) as exc:
            raise JournalError(f"{path}, line {number}: not a journal record ({exc})") from None
        records[(record.row, record.department)] = record
    return records


def write_result(path: Path, records: Iterable[JournalRecord]) -> None:
    """Write the result CSV (one line per row and department) atomically: a temporary file, then a rename."""
    temporary = path.with_name(path.name + ".tmp")
    with temporary.open("w", encoding="utf-8", errors="backslashreplace", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(RESULT_COLUMNS)
        for record in records:
            writer.writerow(
                [
                    record.row,
                    record.department,
                    record.customer_uuid or "",
                    record.status,
                    ";".join(record.warnings),
                    record.message,
                ]
            )
    os.replace(temporary, path)


def write_rejects(path: Path, header: Sequence[str], rows: Iterable[tuple[Sequence[str], str]]) -> int:
    """Write the rows that were not imported, each with its original cells and the reason; returns the count.

    The file has the input's header plus `mapping.REJECT_COLUMN`, which an import ignores: fix the rows and
    import the file as it is. With no rejected row, an old rejects file is removed.
    """
    from .mapping import REJECT_COLUMN, normalize_header

    listed = list(rows)
    if not listed:
        path.unlink(missing_ok=True)
        return 0
    # a rejects file imported again brings its own reason column: it gets this run's reason instead
    kept = [
        index
        for index, name in enumerate(header)
        if normalize_header(name) != normalize_header(REJECT_COLUMN)
    ]
    temporary = path.with_name(path.name + ".tmp")
    with temporary.open("w", encoding="utf-8", errors="backslashreplace", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow([*(header[index] for index in kept), REJECT_COLUMN])
        for cells, reason in listed:
            writer.writerow([*(cells[index] if index < len(cells) else "" for index in kept), reason])
    os.replace(temporary, path)
    return len(listed)
