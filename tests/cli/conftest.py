"""Fixtures of the command-line tests: the integration tests' mock server fixtures, and ways to run the CLI.

``run_cli`` runs ``mykaarma`` in-process (typer's test runner: fast, stdin given as text) with the test
world's credentials for an account in the environment; ``cli_command`` is the argv prefix for running it as a
real process (``python -m mykaarma.cli``), for tests that send signals. ``cli_env`` is that process's
environment.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pytest
from typer.testing import CliRunner

from mykaarma import MyKaarma
from mykaarma.cli.app import app
from tests.integration.conftest import client, mock_server, server, start_mock, world  # noqa: F401
from tests.integration.mock_server import MockServer, TestWorld, server_env


@dataclass(frozen=True)
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


RunCli = Callable[..., CliResult]


def credentials(test_world: TestWorld, account: str) -> dict[str, str]:
    return {"MYKAARMA_USERNAME": account, "MYKAARMA_PASSWORD": test_world.passwords[account]}


@pytest.fixture
def run_cli(server: MockServer, world: TestWorld) -> RunCli:  # noqa: F811
    """Run ``mykaarma --base-url <session mock> ARGS`` in-process; `account` picks the credentials."""

    def run(
        *args: str,
        account: str | None = "full",
        input: str | None = None,
        env: Mapping[str, str] | None = None,
        base_url: str | None = None,
    ) -> CliResult:
        environment = {
            "MYKAARMA_USERNAME": None,
            "MYKAARMA_PASSWORD": None,
            "MYKAARMA_BASE_URL": None,
            "COLUMNS": "200",  # tables as wide as their content
        }
        if account is not None:
            environment.update(credentials(world, account))
        environment.update(env or {})
        runner = CliRunner()
        result = runner.invoke(
            app,
            ["--base-url", base_url or server.base_url, *args],
            input=input,
            env=environment,
            catch_exceptions=False,
        )
        return CliResult(result.exit_code, result.stdout, result.stderr)

    return run


def cli_command(*args: str) -> list[str]:
    """The argv of ``mykaarma ARGS`` as a process of its own."""
    return [sys.executable, "-m", "mykaarma.cli", *args]


def api_client(mock: MockServer, test_world: TestWorld, account: str = "full") -> MyKaarma:
    """A client of `mock` with the account's credentials (to store or read customers around an import)."""
    return MyKaarma(account, test_world.passwords[account], mock.base_url, allow_insecure_http=True)


def cli_env(test_world: TestWorld, account: str = "full") -> dict[str, str]:
    """The environment of a CLI process: the source trees on the path, the account's credentials."""
    return server_env(credentials(test_world, account))
