"""What a fuzz run's event log says, for people: the "skipped" cases explained, and the log kept small.

schemathesis counts as *skipped* every request it recorded without running checks on it. In these runs they
are the follow-up requests the checks send themselves — ``ignored_auth`` repeats a request without
credentials and with wrong ones, ``object_level_authorization`` replays a read as the other tenant — whose
answers are judged by the check of the case that made them. `unchecked_requests` sorts them so the summary
can say so; anything else is named as it is. The NDJSON event log (tens of megabytes: every request and
response) is compressed once read (`compress_events`).
"""

from __future__ import annotations

import gzip
import json
import shlex
import shutil
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scripts.fuzz.guard import Guard, Ledger
    from scripts.fuzz.sandbox import Outcome

__all__ = [
    "budget_line",
    "compress_events",
    "continued_arguments",
    "describe_unchecked",
    "failed_checks",
    "failure_reasons",
    "print_ledger",
    "recorders",
    "unchecked_requests",
]

WITHOUT_CREDENTIALS = "sent without credentials by ignored_auth"
OTHER_CREDENTIALS = "sent with other credentials by ignored_auth or object_level_authorization"
NOT_SENT = "drawn but not sent (schemathesis dropped them)"


def recorders(events: Path) -> Iterator[Mapping[str, Any]]:
    opener = gzip.open if events.suffix == ".gz" else open
    with opener(events, "rt", encoding="utf-8") as stream:
        for line in stream:
            finished = json.loads(line).get("ScenarioFinished")
            if finished:
                yield {"phase": finished.get("phase"), **(finished.get("recorder") or {})}


def unchecked_requests(events: Path) -> Counter[tuple[str, str]]:
    """(phase, why) -> how many recorded requests carried no checks of their own."""
    found: Counter[tuple[str, str]] = Counter()
    if not events.exists():
        return found
    for recorder in recorders(events):
        checks: Mapping[str, Any] = recorder.get("checks") or {}
        interactions: Mapping[str, Any] = recorder.get("interactions") or {}
        for case_id in recorder.get("cases") or {}:
            if checks.get(case_id):
                continue
            request = (interactions.get(case_id) or {}).get("request")
            if not request:
                why = NOT_SENT
            elif "Authorization" in (request.get("headers") or {}):
                why = OTHER_CREDENTIALS
            else:
                why = WITHOUT_CREDENTIALS
            found[(str(recorder.get("phase") or "?"), why)] += 1
    return found


def describe_unchecked(counts: Counter[tuple[str, str]]) -> str:
    """One line: how many requests schemathesis called skipped, and why."""
    if not counts:
        return "no skipped cases"
    by_reason: Counter[str] = Counter()
    for (_phase, why), count in counts.items():
        by_reason[why] += count
    parts = "; ".join(f"{count} {why}" for why, count in by_reason.most_common())
    phases = ", ".join(sorted({phase for phase, _why in counts}))
    total = sum(counts.values())
    judged = " — the checks that sent them judge their answers" if NOT_SENT not in by_reason else ""
    return f"{total} skipped ({phases}): {parts}{judged}"


def compress_events(directory: Path) -> int:
    """Gzip every ``events.ndjson`` under `directory` (in place, ``.gz`` added); the bytes saved."""
    saved = 0
    for events in sorted(directory.rglob("events.ndjson")):
        packed = events.with_name(events.name + ".gz")
        with events.open("rb") as source, gzip.open(packed, "wb", compresslevel=6) as target:
            shutil.copyfileobj(source, target)
        saved += events.stat().st_size - packed.stat().st_size
        events.unlink()
    return saved


def failed_checks(events: Path) -> int:
    """How many checks failed in a run's event log (``.ndjson`` or ``.ndjson.gz``)."""
    if not events.exists():
        return 0
    return sum(
        1
        for recorder in recorders(events)
        for checks in (recorder.get("checks") or {}).values()
        for check in checks
        if check.get("status") == "failure"
    )


def print_ledger(ledger: Ledger, target: str, ledger_file: Path) -> None:
    """Counts of what the run created and removed; only what needs a person is listed one by one."""
    print(f"\nfuzz-sandbox: ledger of {target} (every record: {ledger_file})")
    kinds = sorted({record.kind for record in ledger.records.values()})
    for kind in kinds:
        records = ledger.of_kind(kind)
        removed = sum(1 for record in records if record.removed_by)
        noted = sum(1 for record in records if not record.removed_by and record.note)
        print(
            f"  {kind}s: {len(records)} created, {removed} removed"
            + (f", {noted} {records[0].note}" if noted else "")
        )
    for record in ledger.records.values():
        if record.kind == "appointment" and not record.removed_by:
            print(f"  NOT REMOVED appointment {record.uuid} (created by {record.created_by})")
    print(
        f"  requests: {ledger.forwarded} sent to the target, {ledger.answered_locally} answered by the guard"
        f" (undocumented methods), {len(ledger.refused)} refused"
    )
    for reason in ledger.refused:
        print(f"  REFUSED {reason}")


def failure_reasons(guard: Guard, outcome: Outcome, budget: int, events: Path) -> list[str]:
    """Why the run failed, each in a few words (none: it passed)."""
    reasons = []
    failed = failed_checks(events)
    if guard.budget.exhausted.is_set():
        reasons.append(f"the request budget ({budget}) ran out before schemathesis finished")
    if failed:
        reasons.append(f"schemathesis found {failed} failing checks (see the output above and junit.xml)")
    elif outcome.exit_code != 0 and not guard.budget.exhausted.is_set():
        reasons.append(f"schemathesis exited with {outcome.exit_code} (see the output above)")
    if guard.ledger.refused:
        reasons.append(f"{len(guard.ledger.refused)} requests refused by the guard")
    if outcome.cleanup_problems:
        reasons.append(f"{len(outcome.cleanup_problems)} cleanup problems")
    unremoved = [record for record in guard.ledger.of_kind("appointment") if record.removed_by is None]
    if unremoved:
        reasons.append(f"{len(unremoved)} appointments not removed")
    return reasons


def budget_line(target: str, seed: int, raw_arguments: Sequence[str], guard: Guard, budget: int) -> str:
    """One line: what stopped the run, what it reached, and how to go further (the same run, more budget)."""
    operations = {operation for route in guard.routes for operation in route.operations.values()}
    reached = sorted(operation for operation in operations if guard.reached[operation])
    missing = sorted(operations - set(reached))
    more = max(2 * budget, budget + 1000)
    return (
        f"fuzz-sandbox: stopped: the budget of {budget} requests is spent; {len(reached)} of"
        f" {len(operations)} operations reached"
        + (f" (not: {', '.join(missing)})" if missing else "")
        + f"; to go further: make fuzz-sandbox TARGET={target} SEED={seed}"
        + f" FUZZ_ARGS={shlex.quote(continued_arguments(raw_arguments, target, more))}"
    )


def continued_arguments(raw_arguments: Sequence[str], target: str, budget: int) -> str:
    """The run's own arguments (as ``FUZZ_ARGS``) without target and seed, and with `budget` as budget."""
    kept: list[str] = []
    skip = False
    for index, argument in enumerate(raw_arguments):
        if skip:
            skip = False
            continue
        if argument in ("--budget", "--seed"):
            skip = index + 1 < len(raw_arguments)
            continue
        if argument.startswith(("--budget=", "--seed=")) or argument == target:
            continue
        kept.append(argument)
    return shlex.join(["--budget", str(budget), *kept])
