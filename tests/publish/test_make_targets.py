"""The release targets of the Makefile run the release scripts, and `make test` runs the gate."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests._make import dry_run

ROOT = Path(__file__).resolve().parents[2]


def dry_recipe(*arguments: str) -> str:
    result = dry_run(*arguments, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize(
    ("arguments", "command"),
    [
        (("publish",), "scripts/publish  \n"),
        (("publish", "DRY_RUN=1"), "scripts/publish --dry-run \n"),
        (("publish", "DRY_RUN=1", "SKIP_TESTS=1"), "scripts/publish --dry-run --skip-tests\n"),
        (("check-breaking",), "-m scripts.release.check_breaking\n"),
        (("prepare-release",), "-m scripts.release.prepare_release\n"),
        (("test",), "-m scripts.release.check_breaking\n"),
    ],
)
def test_target_runs_the_release_script(arguments: tuple[str, ...], command: str) -> None:
    assert command in dry_recipe(*arguments)
