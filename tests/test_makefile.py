"""The Makefile's targets are unique and the README's commands resolve to real recipes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests._make import dry_run

ROOT = Path(__file__).resolve().parents[1]


def test_no_target_is_defined_twice() -> None:
    result = dry_run("help", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "overriding recipe" not in result.stderr


RECIPES = {
    "demo": "-m scripts.demo",
    "test": "pytest",
    "mock": "mykaarma_mock serve",
    "generate": "-m scripts.codegen.generate",
    "lint": "spectral lint",
    "bench": "-m scripts.bench.run",
    "conformance": "-m scripts.conformance.run",
}


@pytest.mark.parametrize(("target", "command"), sorted(RECIPES.items()))
def test_target_runs_its_own_recipe(target: str, command: str) -> None:
    result = dry_run(target, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert command in result.stdout
