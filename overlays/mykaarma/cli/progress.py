"""Progress of an import on stderr: a rich progress bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import time
from typing import IO, Any, Final, cast

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from .journal import STATUSES, JournalRecord
from .outcomes import Counts

__all__ = ["BarReporter", "PlainReporter"]

_COUNTERS: Final = (
    "[green]created {task.fields[created]}[/] [cyan]updated {task.fields[updated]}[/] "
    "unchanged {task.fields[unchanged]} [yellow]invalid {task.fields[invalid]}[/] "
    "[red]failed {task.fields[failed]}[/] [magenta]unmatched {task.fields[unmatched]}[/]"
)


class _RateColumn(ProgressColumn):
    """Rows per second over the last seconds (rich's own estimate)."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("-- rows/s" if speed is None else f"{speed:,.0f} rows/s", style="progress.data.speed")


class BarReporter:
    """A rich progress bar: done/total, rows/s, ETA and the created/updated/invalid/failed counters."""

    def __init__(self, console: Console) -> None:
        self._console = console
        self._progress = Progress(
            TextColumn("[bold]import"),
            BarColumn(),
            MofNCompleteColumn(),
            _RateColumn(),
            TimeRemainingColumn(),
            TextColumn(_COUNTERS),
            console=console,
            speed_estimate_period=10.0,
        )
        self._task: TaskID | None = None

    def start(self, total: int, skipped: int) -> None:
        self._progress.start()
        self._task = self._progress.add_task(
            "import", total=total, completed=skipped, **cast(dict[str, Any], dict.fromkeys(STATUSES, 0))
        )
        if skipped:
            self._progress.console.print(f"resuming: {skipped:,} row(s) already done are skipped")

    def advance(self, record: JournalRecord, counts: Counts) -> None:
        if self._task is not None:
            self._progress.update(
                self._task, advance=1, **{status: getattr(counts, status) for status in STATUSES}
            )

    def note(self, message: str) -> None:
        self._progress.console.print(message)

    def finish(self, counts: Counts, elapsed: float) -> None:
        self._progress.stop()


class PlainReporter:
    """One line every `interval` seconds and one at the end (for logs and pipes)."""

    def __init__(self, stream: IO[str], interval: float = 5.0) -> None:
        self._stream = stream
        self._interval = interval
        self._total = 0
        self._skipped = 0
        self._started = 0.0
        self._last = 0.0

    def _line(self, text: str) -> None:
        self._stream.write(text + "\n")
        self._stream.flush()

    def start(self, total: int, skipped: int) -> None:
        self._total, self._skipped = total, skipped
        self._started = self._last = time.monotonic()
        resumed = f", {skipped:,} of them already done (skipped)" if skipped else ""
        self._line(f"import: {total:,} rows x departments{resumed}")

    def _status(self, counts: Counts, elapsed: float) -> str:
        done = self._skipped + counts.finished
        rate = counts.finished / elapsed if elapsed > 0 else 0.0
        remaining = self._total - done
        eta = f", ETA {remaining / rate:,.0f} s" if rate > 0 and remaining > 0 else ""
        share = 100.0 * done / self._total if self._total else 100.0
        listed = " ".join(f"{status} {getattr(counts, status):,}" for status in STATUSES)
        return f"import: {done:,}/{self._total:,} ({share:.0f}%) {listed}, {rate:,.0f} rows/s{eta}"

    def advance(self, record: JournalRecord, counts: Counts) -> None:
        now = time.monotonic()
        if now - self._last >= self._interval:
            self._last = now
            self._line(self._status(counts, now - self._started))

    def note(self, message: str) -> None:
        self._line(f"import: {message}")

    def finish(self, counts: Counts, elapsed: float) -> None:
        self._line(self._status(counts, elapsed))
