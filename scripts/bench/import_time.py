"""Import cost of `mykaarma` against the openai SDK: `-X importtime` totals and fresh-interpreter wall time.

Two statements per package: the bare import, and the first use (`from mykaarma import MyKaarma`, which
loads httpx and the generated client; `from openai import OpenAI`). `-X importtime` reports each module with
its cumulative time; the total of a statement is the sum over the top-level entries (the ones not nested
under another import). Wall time is a fresh interpreter running the statement, minus one running `pass`.
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import time

from _common import Row, source_env, verdict

RUNS = 7
STATEMENTS = {
    "import mykaarma": "import mykaarma",
    "from mykaarma import MyKaarma": "from mykaarma import MyKaarma",
    "import openai": "import openai",
    "from openai import OpenAI": "from openai import OpenAI",
}
# "import time: self [us] | cumulative | name"; nesting shows as two spaces per level before the name.
_LINE = re.compile(r"^import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)$")


def importtime_ms(statement: str) -> float:
    """Total import time of `statement` by `-X importtime` (sum of top-level cumulative figures), ms."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", statement],
        capture_output=True, text=True, check=True, env=source_env(),
    )  # fmt: skip
    total = 0
    for line in result.stderr.splitlines():
        match = _LINE.match(line)
        if match and len(match.group(2)) == 1:  # one space after "|": a top-level import
            total += int(match.group(1))
    return total / 1000


def wall_ms(statement: str) -> float:
    """Wall time of a fresh interpreter running `statement`, ms."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", statement], check=True, env=source_env())
    return (time.perf_counter() - started) * 1000


def rows() -> list[Row]:
    baseline = statistics.median(wall_ms("pass") for _ in range(RUNS))
    importtime = {
        name: statistics.median(importtime_ms(code) for _ in range(RUNS)) for name, code in STATEMENTS.items()
    }
    wall = {
        name: statistics.median(wall_ms(code) for _ in range(RUNS)) - baseline
        for name, code in STATEMENTS.items()
    }
    area = "import time"
    found: list[Row] = []
    for ours, theirs in (
        ("import mykaarma", "import openai"),
        ("from mykaarma import MyKaarma", "from openai import OpenAI"),
    ):
        ratio = importtime[ours] / importtime[theirs]
        found += [
            Row(area, f"`{ours}` (-X importtime), ms", f"{importtime[ours]:.1f}", "≤ 150",
                verdict(importtime[ours] <= 150)),
            Row(area, f"`{theirs}` (-X importtime), ms", f"{importtime[theirs]:.1f}"),
            Row(area, f"ratio `{ours}` / `{theirs}`", f"{ratio:.2f}", "≤ 0.3", verdict(ratio <= 0.3)),
            Row(area, f"`{ours}` fresh interpreter wall, ms (beyond `pass`)", f"{wall[ours]:.0f}"),
            Row(area, f"`{theirs}` fresh interpreter wall, ms (beyond `pass`)", f"{wall[theirs]:.0f}"),
        ]  # fmt: skip
    return found


if __name__ == "__main__":
    for row in rows():
        print(row)
