"""Stock schemathesis against a server, its failures sorted into explained refusals and real failures.

"Stock" means what any user of schemathesis runs: the bundled spec, ``--checks all``, the examples and
coverage phases, Basic credentials, and nothing of this project — no hooks, no project configuration (the
run's own file holds only the credentials, read from the environment so no command line shows them, and the
run starts in a scratch directory). Every failing
case is read back from the NDJSON event log (``--continue-on-failure``, so each failing case is there, not
only the first of its kind).
"""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scripts._tools import BUNDLE, VENV_BIN
from scripts.fuzz.report import recorders

from .explain import Explainer, Refusal

SCHEMATHESIS = VENV_BIN / "schemathesis"
REFUSED_VALID_DATA = "ST202"
_TEST_CASES = re.compile(r"(\d+) generated")


@dataclass(frozen=True)
class Failure:
    """A failed check other than an explained refusal: the check's code and title, where, the status."""

    code: str
    title: str
    operation: str
    status: int | None


@dataclass
class StockResult:
    """What one stock run found."""

    exit_code: int
    test_cases: str
    refusals: list[Refusal] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures and all(refusal.explained for refusal in self.refusals)


@dataclass(frozen=True)
class Target:
    """Where the run goes: base URL, Basic credentials, operations to include (all when empty) and the
    values of path parameters (`name -> value`) the run should use."""

    url: str
    username: str
    password: str = field(repr=False)
    operations: tuple[str, ...] = ()
    parameters: Mapping[str, str] = field(default_factory=dict)


USERNAME_VARIABLE = "MYKAARMA_CONFORMANCE_USERNAME"
PASSWORD_VARIABLE = "MYKAARMA_CONFORMANCE_PASSWORD"


def _config_text(parameters: Mapping[str, str]) -> str:
    """The run's configuration: Basic credentials from the environment, and fixed parameter values (a
    sandbox's own identifiers)."""
    lines = [
        "[auth.basic]",
        f'username = "${{{USERNAME_VARIABLE}}}"',
        f'password = "${{{PASSWORD_VARIABLE}}}"',
    ]
    if parameters:
        lines += ["[parameters]"] + [
            f"{json.dumps(name)} = {json.dumps(value)}" for name, value in parameters.items()
        ]
    return "\n".join(lines) + "\n"


def command(target: Target, workdir: Path, *, seed: int, max_examples: int) -> list[str]:
    """The `schemathesis run` command line; the credentials are in the environment (`environment`)."""
    config = workdir / "schemathesis.toml"
    config.write_text(_config_text(target.parameters), encoding="utf-8")
    arguments = [
        str(SCHEMATHESIS),
        "--config-file",
        str(config),
        "--no-color",
        "run",
        str(BUNDLE),
        "--url",
        target.url,
        "--checks",
        "all",
        "--phases",
        "examples,coverage",
        "--max-examples",
        str(max_examples),
        "--seed",
        str(seed),
        "--continue-on-failure",
        "--generation-database",
        "none",
        "--workers",
        "1",
        "--report",
        "ndjson",
        "--report-ndjson-path",
        str(workdir / "events.ndjson"),
    ]
    for operation in target.operations:
        arguments += ["--include-operation-id", operation]
    return arguments


def environment(target: Target) -> dict[str, str]:
    """The run's environment: this process's without schemathesis' own settings (a stray
    ``SCHEMATHESIS_HOOKS`` would make the run less than stock), plus the credentials its configuration
    reads."""
    inherited = {name: value for name, value in os.environ.items() if not name.startswith("SCHEMATHESIS_")}
    return {**inherited, USERNAME_VARIABLE: target.username, PASSWORD_VARIABLE: target.password}


def _body(response: Mapping[str, Any]) -> str:
    content = response.get("content")
    if isinstance(content, Mapping) and "$base64" in content:
        return base64.b64decode(str(content["$base64"])).decode("utf-8", errors="replace")
    return "" if content is None else str(content)


def read_failures(events: Path, explainer: Explainer) -> tuple[list[Refusal], list[Failure]]:
    """Every failing check of the run: refusals of valid data (explained or not) and the other failures."""
    refusals: list[Refusal] = []
    failures: list[Failure] = []
    for recorder in recorders(events):
        interactions: Mapping[str, Any] = recorder.get("interactions") or {}
        for case_id, checks in (recorder.get("checks") or {}).items():
            response = (interactions.get(case_id) or {}).get("response") or {}
            status = int(response["status_code"]) if response.get("status_code") else None
            for check in checks:
                if check.get("status") != "failure":
                    continue
                failure = check["failure_info"]["failure"]
                operation = str(failure.get("operation") or recorder.get("label") or "?")
                if failure.get("code") == REFUSED_VALID_DATA and status is not None:
                    refusals.append(explainer.refusal(operation, status, _body(response)))
                else:
                    failures.append(
                        Failure(str(failure.get("code")), str(failure.get("title")), operation, status)
                    )
    return refusals, failures


def run(target: Target, workdir: Path, explainer: Explainer, *, seed: int, max_examples: int) -> StockResult:
    """Run stock schemathesis (its own output shown) and read back what it found."""
    output = workdir / "output.txt"
    arguments: Sequence[str] = command(target, workdir, seed=seed, max_examples=max_examples)
    with output.open("w", encoding="utf-8") as log:
        process = subprocess.Popen(
            arguments,
            cwd=workdir,
            env=environment(target),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        assert process.stdout is not None
        for line in process.stdout:
            sys.stdout.write(line)
            log.write(line)
        exit_code = process.wait()
    found = _TEST_CASES.search(output.read_text(encoding="utf-8"))
    result = StockResult(exit_code, found.group(1) if found else "?")
    events = workdir / "events.ndjson"
    if events.exists():
        result.refusals, result.failures = read_failures(events, explainer)
    elif exit_code != 0:
        result.failures.append(Failure("run", "schemathesis did not finish", "-", None))
    return result
