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
import shutil
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

__all__ = ["compress_events", "describe_unchecked", "unchecked_requests"]

WITHOUT_CREDENTIALS = "sent without credentials by ignored_auth"
OTHER_CREDENTIALS = "sent with other credentials by ignored_auth or object_level_authorization"
NOT_SENT = "drawn but not sent (schemathesis dropped them)"


def _recorders(events: Path) -> Iterator[Mapping[str, Any]]:
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
    for recorder in _recorders(events):
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
    return f"{total} skipped ({phases}): {parts} — their answers are judged by the checks that sent them"


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
