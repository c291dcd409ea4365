"""What a run of the bulk import reports: its counts, the reporter that shows progress, and the summary.

`ImportSummary` is the end of a run (this run's counts, the result file's statuses and warnings, how it
ended); `print_summary` writes it as JSON or, for a person, as tables with the files to read and how to
resume.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from rich.console import Console
from rich.table import Table

from .journal import STATUSES, JournalRecord, Status
from .output import OutputFormat, print_result

__all__ = ["Counts", "ImportReporter", "ImportSummary", "SilentReporter", "print_summary"]


@dataclass
class Counts:
    """Outcomes of one run; `skipped` counts what an earlier run had already done."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    invalid: int = 0
    failed: int = 0
    unmatched: int = 0
    skipped: int = 0

    @property
    def finished(self) -> int:
        return sum(getattr(self, status) for status in STATUSES)

    def add(self, status: Status) -> None:
        setattr(self, status, getattr(self, status) + 1)

    def as_dict(self) -> dict[str, int]:
        return {**{status: getattr(self, status) for status in STATUSES}, "skipped": self.skipped}


class ImportReporter(Protocol):
    """Receives the progress of an import (a progress bar, plain lines, or nothing)."""

    def start(self, total: int, skipped: int) -> None: ...

    def advance(self, record: JournalRecord, counts: Counts) -> None: ...

    def note(self, message: str) -> None: ...

    def finish(self, counts: Counts, elapsed: float) -> None: ...


class SilentReporter:
    """Shows nothing."""

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
    """The end of a run: this run's counts, the result file's statuses and warnings, and how it ended."""

    rows: int
    departments: tuple[str, ...]
    counts: Counts
    result: dict[str, int]
    warnings: dict[str, int]
    pending: int
    elapsed: float
    interrupted: bool
    fatal: str | None
    result_path: Path
    journal_path: Path
    rejects_path: Path | None
    rejected: int
    abandoned: bool = False

    @property
    def rows_per_second(self) -> float:
        """Rows (one row in one department) finished per second in this run."""
        return self.counts.finished / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def resumable(self) -> bool:
        """Whether running the same command again has work to do (failed, unmatched or pending rows)."""
        return bool(self.pending or self.result.get("failed") or self.result.get("unmatched"))

    def as_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "departments": list(self.departments),
            "thisRun": self.counts.as_dict(),
            "result": {**self.result, "pending": self.pending},
            "warnings": dict(sorted(self.warnings.items())),
            "elapsedSeconds": round(self.elapsed, 3),
            "rowsPerSecond": round(self.rows_per_second, 1),
            "interrupted": self.interrupted,
            "error": self.fatal,
            "resultFile": str(self.result_path),
            "rejectsFile": str(self.rejects_path) if self.rejects_path and self.rejected else None,
            "rejected": self.rejected,
            "journal": str(self.journal_path),
        }


def print_summary(summary: ImportSummary, table: bool) -> None:
    """The summary on stdout: JSON, or tables and the lines a person reads (with the resume hint)."""
    if not table:
        print_result(summary.as_dict(), OutputFormat.json)
        return
    grid = Table("", "this run", "result file", title=f"import of {summary.rows:,} rows")
    for status in STATUSES:
        grid.add_row(status, f"{getattr(summary.counts, status):,}", f"{summary.result[status]:,}")
    grid.add_row("skipped (done before)", f"{summary.counts.skipped:,}", "")
    grid.add_row("pending", "", f"{summary.pending:,}")
    console = Console()
    console.print(grid)
    if summary.warnings:
        warnings = Table("warning", "rows", title="warnings (per row in the result file)")
        for code, count in sorted(summary.warnings.items(), key=lambda item: (-item[1], item[0])):
            warnings.add_row(code, f"{count:,}")
        console.print(warnings)
    lines = [
        f"{summary.rows_per_second:,.1f} rows/s over {summary.elapsed:,.1f} s",
        f"result:  {summary.result_path}",
        f"journal: {summary.journal_path}",
    ]
    if summary.rejected and summary.rejects_path is not None:
        rows = "1 row" if summary.rejected == 1 else f"{summary.rejected:,} rows"
        lines.append(f"rejects: {summary.rejects_path} ({rows} to fix and import again)")
    if summary.fatal:
        lines.append(summary.fatal)
    if summary.interrupted or summary.resumable:
        lines.append(
            "run the same command again to resume: done rows are skipped, the others are tried again"
        )
    for line in lines:
        console.print(line, markup=False, highlight=False, soft_wrap=True)
