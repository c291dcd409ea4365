"""Running `make` from a test as a user would, whatever `make` invocation runs the tests."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from pathlib import Path

# What an outer `make publish DRY_RUN=1` hands its children: its flags and command-line variables
# (through MAKEFLAGS) and the variables themselves when exported. A nested `make` must see none of them.
MAKE_VARIABLES = ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "DRY_RUN", "SKIP_TESTS")


def clean_environment(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """`base` (default: this process's environment) without an outer `make`'s flags and variables."""
    source = os.environ if base is None else base
    return {key: value for key, value in source.items() if key not in MAKE_VARIABLES}


def dry_run(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`make -n ARGUMENTS` in `cwd`, in a clean environment, output captured."""
    return subprocess.run(
        ["make", "-n", *arguments],
        cwd=cwd,
        env=clean_environment(),
        capture_output=True,
        text=True,
        check=False,
    )
