"""SQLite storage of the mock: one connection, one lock, one transaction per request (issue 4, item 7).

Durability. A file database runs with `journal_mode=WAL` and `synchronous=NORMAL`. In WAL mode a commit
appends the transaction to the `-wal` file with `write()` before `COMMIT` returns; with `NORMAL` the file is
not fsync'd on every commit, only at checkpoints. A killed process (`kill -9`) therefore loses no committed
transaction — the data is in the operating system's page cache and the WAL is replayed on the next open —
while a power cut or an OS crash may lose the most recent commits. That is the mock's guarantee: every write
the server acknowledged survives a restart or a crash of the server process.

Concurrency. One `sqlite3` connection (`check_same_thread=False`) is shared by all requests, guarded by a
re-entrant lock held for the whole transaction, so a match-then-insert cannot race (issue 4, item 7).
Writes open with `BEGIN IMMEDIATE`; reads run with `PRAGMA query_only` on, so a handler that writes inside a
read operation fails loudly. Foreign keys are enforced. Rows are `sqlite3.Row`.

Storage of the features. A `Database` is opened with the `Storage` of each feature it serves (see
`mykaarma_mock.features`, which lists them once), nothing registered behind its back:

* `Schema` — a `CREATE TABLE/INDEX IF NOT EXISTS` script, the tables it owns (parents before children) and an
  optional step bringing an older database up to date; the database applies every script when it opens, and
  `reset()` empties exactly these tables.
* `Counter` — a query returning rows ``(department_uuid, count)`` for one counter of `/__mock/stats`; the core
  counters are ``customers``, ``vehicles``, ``appointments`` and ``trips``, and a feature may add others.
  Several queries for the same counter are summed.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Counters every department shows in `/__mock/stats`, zero until a module counts something.
CORE_COUNTERS: tuple[str, ...] = ("customers", "vehicles", "appointments", "trips")


Migration = Callable[[sqlite3.Connection], None]
_COUNTER_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_TABLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class Schema:
    """A feature's ``CREATE ... IF NOT EXISTS`` script and the tables it owns (parents first).

    `migrate`, if given, runs after the script in the same transaction each time a database opens: the place
    to bring an older database up to date (it must do nothing when there is nothing to do).
    """

    sql: str
    tables: tuple[str, ...] = ()
    migrate: Migration | None = None

    def __post_init__(self) -> None:
        for table in self.tables:
            if not _TABLE_NAME.match(table):
                raise ValueError(f"not a plain table name: {table!r}")


@dataclass(frozen=True)
class Counter:
    """A query returning ``(department_uuid, count)`` rows for the counter `name` of `/__mock/stats`."""

    name: str
    sql: str

    def __post_init__(self) -> None:
        if not _COUNTER_NAME.match(self.name):
            raise ValueError(f"counter names are lower-case identifiers, got {self.name!r}")

    @property
    def statement(self) -> str:
        """The query as rows ``(counter, department_uuid, count)``."""
        return f"SELECT '{self.name}', stats.* FROM ({self.sql.strip().rstrip(';')}) AS stats"


@dataclass(frozen=True)
class Storage:
    """What one feature keeps in the database: its schema scripts and its statistics counters."""

    schemas: tuple[Schema, ...] = ()
    counters: tuple[Counter, ...] = ()


class Database:
    """The mock's SQLite database (a file path or ``":memory:"``) holding the `storage` of its features."""

    def __init__(self, path: str, storage: Sequence[Storage]) -> None:
        self.path = path
        self._schemas = [schema for item in storage for schema in item.schemas]
        self._counters = [counter for item in storage for counter in item.counters]
        if path != ":memory:" and not path.startswith("file:"):
            Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._depth = 0
        self._write = False
        self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._conn.row_factory = sqlite3.Row
        self.journal_mode = str(self._conn.execute("PRAGMA journal_mode=WAL").fetchone()[0])
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute("PRAGMA foreign_keys=ON")
        self._conn.execute("PRAGMA busy_timeout=5000")
        self._apply_schemas()

    def _apply_schemas(self) -> None:
        """Apply every schema script, then its migration step."""
        with self._lock:
            for schema in self._schemas:
                self._conn.executescript(schema.sql)
                if schema.migrate is not None:
                    with self.transaction(write=True) as conn:
                        schema.migrate(conn)

    @property
    def tables(self) -> list[str]:
        """The tables of every schema, parents first."""
        return [table for schema in self._schemas for table in schema.tables]

    @contextmanager
    def transaction(self, *, write: bool) -> Iterator[sqlite3.Connection]:
        """One transaction under the database lock: commit on success, roll back on any exception.

        A nested call joins the outer transaction through a savepoint; a write inside a read transaction is
        refused.
        """
        with self._lock:
            if self._depth:
                if write and not self._write:
                    raise RuntimeError("a write transaction cannot be nested in a read transaction")
                name = f"nested_{self._depth}"
                self._conn.execute(f"SAVEPOINT {name}")
                self._depth += 1
                try:
                    yield self._conn
                except BaseException:
                    self._conn.execute(f"ROLLBACK TO {name}")
                    self._conn.execute(f"RELEASE {name}")
                    raise
                else:
                    self._conn.execute(f"RELEASE {name}")
                finally:
                    self._depth -= 1
                return
            if not write:
                self._conn.execute("PRAGMA query_only=ON")
            self._conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            self._depth, self._write = 1, write
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            else:
                self._conn.execute("COMMIT")
            finally:
                self._depth, self._write = 0, False
                if not write:
                    self._conn.execute("PRAGMA query_only=OFF")

    def reset(self) -> None:
        """Delete every row of every table of the storage; the schema (and the world) stay."""
        tables = self.tables
        with self.transaction(write=True) as conn:
            conn.execute("PRAGMA defer_foreign_keys=ON")
            for table in reversed(tables):
                conn.execute(f'DELETE FROM "{table}"')
            has_sequence = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'"
            ).fetchone()
            if has_sequence and tables:
                marks = ",".join("?" for _ in tables)
                conn.execute(f"DELETE FROM sqlite_sequence WHERE name IN ({marks})", tables)

    def stats(self, departments: Iterable[str] = ()) -> dict[str, Any]:
        """Counts per department (every department of `departments` listed, zeros included) and totals."""
        per_department: dict[str, dict[str, int]] = {}
        counters = list(CORE_COUNTERS)

        def row_for(department: str) -> dict[str, int]:
            return per_department.setdefault(department, dict.fromkeys(CORE_COUNTERS, 0))

        for department in departments:
            row_for(department)
        with self.transaction(write=False) as conn:
            for statement in (counter.statement for counter in self._counters):
                for counter, department, count in conn.execute(statement).fetchall():
                    if department is None:
                        continue
                    if counter not in counters:
                        counters.append(counter)
                    row = row_for(str(department))
                    row[counter] = row.get(counter, 0) + int(count or 0)
        for row in per_department.values():
            for counter in counters:
                row.setdefault(counter, 0)
        totals = {counter: sum(row[counter] for row in per_department.values()) for counter in counters}
        return {"departments": per_department, "totals": totals}

    def close(self) -> None:
        """Close the connection (a clean close also checkpoints the WAL)."""
        with self._lock:
            self._conn.close()
