"""The committed bundle is fresh, and the lint rulesets really fail on a spec that breaks conventions."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.spec._spec import ROOT

NODE_BIN = ROOT / "node_modules" / ".bin"


def _run(*command: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in command], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_committed_bundle_is_fresh() -> None:
    result = _run(sys.executable, "-m", "scripts.codegen.bundle", "--check")
    assert result.returncode == 0, result.stderr


@pytest.mark.slow
def test_linters_fail_on_an_operation_without_summary_and_scope(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "openapi", tmp_path / "openapi", ignore=shutil.ignore_patterns("dist"))
    shutil.copy(ROOT / "redocly.yaml", tmp_path)
    shutil.copy(ROOT / ".spectral.yaml", tmp_path)
    operation_file = tmp_path / "openapi" / "paths" / "customer" / "readCustomer.yaml"
    operation = yaml.safe_load(operation_file.read_text(encoding="utf-8"))
    del operation["summary"], operation["x-required-scope"]
    operation_file.write_text(yaml.safe_dump(operation, sort_keys=False), encoding="utf-8")
    bundle = tmp_path / "bundle.yaml"
    made = _run(
        sys.executable,
        "-m",
        "scripts.codegen.bundle",
        "--spec",
        tmp_path / "openapi" / "openapi.yaml",
        "--output",
        bundle,
    )
    assert made.returncode == 0, made.stderr

    spectral = _run(
        NODE_BIN / "spectral",
        "lint",
        bundle,
        "--ruleset",
        ".spectral.yaml",
        "--fail-severity",
        "hint",
        cwd=tmp_path,
    )
    assert spectral.returncode != 0
    assert "operation-summary-required" in spectral.stdout
    assert "operation-required-scope" in spectral.stdout

    redocly = _run(NODE_BIN / "redocly", "lint", "--format", "stylish", cwd=tmp_path)
    assert redocly.returncode != 0
    assert "operation-summary" in redocly.stdout
    assert "operation-required-scope" in redocly.stdout
