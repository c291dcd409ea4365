"""Import cost of `mykaarma` against the openai SDK, both installed the way users install them.

The bench environment is a separate virtualenv (build/bench/venv) holding the `mykaarma` wheel built from
this tree (no extras) and the pinned openai SDK, each installed by pip with its own dependencies and
compiled bytecode. (The development virtualenv would overstate both: it runs the source tree without
bytecode and carries click and rich, which httpx imports for its command line when they are present.)

Two statements per package: the bare import, and the first use (`from mykaarma import MyKaarma`, which
loads httpx; `from openai import OpenAI`). `-X importtime` reports each module with its cumulative time;
the total of a statement is the sum over the top-level entries (the ones not nested under another import).
Wall time is a fresh interpreter running the statement, minus one running `pass`.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from scripts.bench._common import ROOT, Row, verdict

RUNS = 5
OPENAI = "openai==3.51.0"
BENCH_DIR = ROOT / "build" / "bench"
STATEMENTS = {
    "import mykaarma": "import mykaarma",
    "from mykaarma import MyKaarma": "from mykaarma import MyKaarma",
    "import openai": "import openai",
    "from openai import OpenAI": "from openai import OpenAI",
}
#: What the lazy imports defer, shown for the record: a client and its customers resource, built but unused.
FIRST_USE = {
    "mykaarma": "from mykaarma import MyKaarma; MyKaarma(username='u', password='p').customers",
    "openai": "from openai import OpenAI; OpenAI(api_key='k').chat.completions",
}
# "import time: self [us] | cumulative | name"; nesting shows as two spaces per level before the name.
_LINE = re.compile(r"^import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)$")


def _clean_env() -> dict[str, str]:
    """The environment without anything that would put the source tree or another venv on the path."""
    return {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}


def bench_python() -> Path:
    """Python of the bench virtualenv, (re)built when the wheel or the openai pin changed."""
    wheels = BENCH_DIR / "wheel"
    shutil.rmtree(wheels, ignore_errors=True)
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(wheels)],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    (wheel,) = wheels.glob("mykaarma-*.whl")
    stamp = hashlib.sha256(wheel.read_bytes() + OPENAI.encode()).hexdigest()
    venv = BENCH_DIR / "venv"
    python = venv / "bin" / "python"
    stamp_file = venv / ".bench-stamp"
    if stamp_file.exists() and stamp_file.read_text() == stamp:
        return python
    shutil.rmtree(venv, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, env=_clean_env())
    installed = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel), OPENAI],
        capture_output=True, text=True, check=False, env=_clean_env(),
    )  # fmt: skip
    if installed.returncode != 0:
        raise SystemExit(f"could not build the bench environment:\n{installed.stdout}{installed.stderr}")
    stamp_file.write_text(stamp)
    return python


def importtime_ms(python: Path, statement: str) -> float:
    """Total import time of `statement` by `-X importtime` (sum of top-level cumulative figures), ms."""
    result = subprocess.run(
        [str(python), "-X", "importtime", "-c", statement],
        capture_output=True, text=True, check=True, env=_clean_env(), cwd=BENCH_DIR,
    )  # fmt: skip
    total = 0
    for line in result.stderr.splitlines():
        match = _LINE.match(line)
        if match and len(match.group(2)) == 1:  # one space after "|": a top-level import
            total += int(match.group(1))
    return total / 1000


def wall_ms(python: Path, statement: str) -> float:
    """Wall time of a fresh interpreter running `statement`, ms."""
    started = time.perf_counter()
    subprocess.run([str(python), "-c", statement], check=True, env=_clean_env(), cwd=BENCH_DIR)
    return (time.perf_counter() - started) * 1000


def rows() -> list[Row]:
    python = bench_python()
    baseline = statistics.median(wall_ms(python, "pass") for _ in range(RUNS))
    importtime = {
        name: statistics.median(importtime_ms(python, code) for _ in range(RUNS))
        for name, code in STATEMENTS.items()
    }
    wall = {
        name: statistics.median(wall_ms(python, code) for _ in range(RUNS)) - baseline
        for name, code in STATEMENTS.items()
    }
    first_use = {
        name: statistics.median(wall_ms(python, code) for _ in range(RUNS)) - baseline
        for name, code in FIRST_USE.items()
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
            Row(area, f"`{theirs}` ({OPENAI}, -X importtime), ms", f"{importtime[theirs]:.1f}"),
            Row(area, f"ratio `{ours}` / `{theirs}`", f"{ratio:.2f}", "≤ 0.3", verdict(ratio <= 0.3)),
            Row(area, f"`{ours}` fresh interpreter wall, ms (beyond `pass`)", f"{wall[ours]:.0f}"),
            Row(area, f"`{theirs}` fresh interpreter wall, ms (beyond `pass`)", f"{wall[theirs]:.0f}"),
        ]  # fmt: skip
    found += [
        Row(area, "MyKaarma + .customers built, fresh wall, ms", f"{first_use['mykaarma']:.0f}"),
        Row(area, "OpenAI + .chat.completions built, fresh wall, ms", f"{first_use['openai']:.0f}"),
    ]  # fmt: skip
    return found


if __name__ == "__main__":
    for row in rows():
        print(row)
