"""`make demo`'s tour runs end to end against a mock it starts and stops itself."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.integration.mock_server import ROOT


@pytest.mark.slow
def test_demo_tour_completes() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "scripts.demo"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "same customer: True" in result.stdout
    assert "trips: 1, version 2" in result.stdout
    assert "trips: 0" in result.stdout
    assert result.stdout.rstrip().endswith("mock stopped; tour complete")
