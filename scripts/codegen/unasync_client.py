"""Write the client's sync code from its async code, or check that the committed sync code is fresh.

Usage: python -m scripts.codegen.unasync_client [--check] [--sync-dir DIR]

Every module of ``overlays/mykaarma/_async/`` has a sync twin in ``overlays/mykaarma/_sync/``, produced here
and never edited by hand: the `unasync` library drops ``async``/``await`` and renames tokens (the table
below), then the docstring paragraph that starts "Written once, async" becomes a line naming the source,
blocks between ``# unasync: async only`` and ``# unasync: end`` are left out, and ruff sorts the imports and
formats the result. ``--check`` writes to a temporary directory and lists every differing, missing or extra
file (exit 1), so ``make check-generated`` fails when the two surfaces could drift.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Final

import unasync  # type: ignore[import-untyped]

from scripts.codegen.check_generated import compare_trees

ROOT: Final = Path(__file__).resolve().parents[2]
PACKAGE: Final = ROOT / "overlays" / "mykaarma"
SOURCE: Final = "_async"
TARGET: Final = "_sync"

#: Async names and their sync twins, beyond unasync's own (``__aenter__``, ``Async*`` -> ``Sync*``, ...).
RENAMES: Final[Mapping[str, str]] = {
    "AsyncMyKaarma": "MyKaarma",
    "AsyncCustomers": "Customers",
    "AsyncAppointments": "Appointments",
    "AsyncCustomersWithRawResponse": "CustomersWithRawResponse",
    "AsyncAppointmentsWithRawResponse": "AppointmentsWithRawResponse",
    "AsyncMethod": "SyncMethod",
    "AsyncClient": "Client",
    "aclose": "close",
    "aread": "read",
    "asend": "send",
    "adrive": "drive",
    "aiter_bytes": "iter_bytes",
    "asyncio": "time",
    SOURCE: TARGET,
}
_WORDS: Final = re.compile(r"\b(" + "|".join(map(re.escape, sorted(RENAMES, key=len, reverse=True))) + r")\b")
_SOURCE_NOTE: Final = re.compile(r"Written once, async;.*?(?=\n\n|\"\"\")", re.DOTALL)
_ASYNC_ONLY: Final = re.compile(r"\n[ \t]*# unasync: async only\n.*?\n[ \t]*# unasync: end\n", re.DOTALL)


def _finish(text: str, source_name: str) -> str:
    """The sync text after unasync's token pass: notes, async-only blocks, names left in prose."""
    text = _ASYNC_ONLY.sub("\n", text)
    text = _WORDS.sub(lambda match: RENAMES[match.group(1)], text)
    source = f"``mykaarma/{SOURCE}/{source_name}``"
    note = f"Generated from {source} by ``scripts.codegen.unasync_client``: edit that file."

    def place(match: re.Match[str]) -> str:
        closes = text.startswith('"""', match.end())
        return note + ("\n" if closes else "")

    return _SOURCE_NOTE.sub(place, text)


def write_sync(destination: Path) -> list[Path]:
    """Write the sync twin of every module of the async package into `destination`; the paths written."""
    with tempfile.TemporaryDirectory(prefix="mykaarma-unasync-") as tmp:
        staged = Path(tmp) / SOURCE
        shutil.copytree(PACKAGE / SOURCE, staged, ignore=shutil.ignore_patterns("__pycache__"))
        rule = unasync.Rule(f"/{SOURCE}/", f"/{TARGET}/", additional_replacements=dict(RENAMES))
        sources = sorted(staged.glob("*.py"))
        unasync.unasync_files([str(path) for path in sources], rules=[rule])
        destination.mkdir(parents=True, exist_ok=True)
        written = []
        for source in sources:
            produced = Path(tmp) / TARGET / source.name
            target = destination / source.name
            target.write_text(_finish(produced.read_text(encoding="utf-8"), source.name), encoding="utf-8")
            written.append(target)
    ruff = [sys.executable, "-m", "ruff"]
    files = [str(path) for path in written]
    config = ["--config", str(ROOT / "pyproject.toml")]
    subprocess.run([*ruff, "check", "--quiet", "--fix", "--select", "I", *config, *files], check=True)
    subprocess.run([*ruff, "format", "--quiet", *config, *files], check=True)
    return written


def stale_files(committed: Path) -> list[str]:
    """One line per sync module that differs from a fresh run, is missing or is extra."""
    label = committed.relative_to(ROOT).as_posix() if committed.is_relative_to(ROOT) else str(committed)
    with tempfile.TemporaryDirectory(prefix="mykaarma-unasync-check-") as tmp:
        fresh = Path(tmp) / TARGET
        write_sync(fresh)
        return compare_trees(fresh, committed, label)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="fail if the committed sync code is stale")
    parser.add_argument("--sync-dir", type=Path, default=PACKAGE / TARGET, help="where the sync code lives")
    args = parser.parse_args()
    committed: Path = args.sync_dir.resolve()
    if args.check:
        stale = stale_files(committed)
        for line in stale:
            print(line, file=sys.stderr)
        if stale:
            print("the sync client is stale: run `make generate`", file=sys.stderr)
            return 1
        print(f"{committed} is up to date")
        return 0
    written = write_sync(committed)
    for leftover in set(committed.glob("*.py")) - set(written):
        leftover.unlink()  # its async source is gone
    print(f"wrote {len(written)} sync modules to {committed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
