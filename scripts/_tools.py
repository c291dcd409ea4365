"""Paths and subprocess helpers shared by the build scripts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC_ENTRY = ROOT / "openapi" / "openapi.yaml"
BUNDLE = ROOT / "openapi" / "dist" / "mykaarma.openapi.yaml"
NODE_BIN = ROOT / "node_modules" / ".bin"
VENV_BIN = Path(sys.executable).parent


def quiet_node_env() -> dict[str, str]:
    """Environment for the npm CLIs: no telemetry, no update checks, no colour codes."""
    env = dict(os.environ)
    env.update(
        REDOCLY_TELEMETRY="off",
        REDOCLY_SUPPRESS_UPDATE_NOTICE="true",
        NO_UPDATE_NOTIFIER="1",
        NO_COLOR="1",
        FORCE_COLOR="0",
    )
    return env


def node_tool(name: str) -> str:
    """Absolute path of a CLI installed by `npm ci` into node_modules."""
    path = NODE_BIN / name
    if not path.exists():
        raise SystemExit(f"{path} is missing: run `make node_modules` (npm ci) first")
    return str(path)


def run(cmd: list[str], *, cwd: Path = ROOT, env: dict[str, str] | None = None) -> None:
    """Run a command, failing with its output when it exits non-zero."""
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.stderr.write(result.stdout)
        sys.stderr.write(result.stderr)
        raise SystemExit(f"command failed ({result.returncode}): {' '.join(cmd)}")
