"""What every command of the ``mykaarma`` command line shares: global settings, the client, errors and exit
codes, reading a JSON body."""

from __future__ import annotations

import getpass
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from rich.console import Console

from .._exceptions import (
    APIConnectionError,
    APIError,
    InsecureTransportError,
    MyKaarmaError,
    ValidationError,
)
from .output import OutputFormat, describe_error, print_result

if TYPE_CHECKING:
    from .._client import MyKaarma

__all__ = [
    "ENV_PASSWORD",
    "EXIT_API_ERROR",
    "EXIT_INTERRUPTED",
    "EXIT_USAGE",
    "JsonSource",
    "Settings",
    "call",
    "errors",
    "fail",
    "json_object",
    "read_json",
    "settings_of",
    "stderr",
]

ENV_PASSWORD = "MYKAARMA_PASSWORD"
EXIT_API_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

stderr = Console(stderr=True)


def fail(code: int, *lines: str) -> NoReturn:
    """Print `lines` on stderr and exit with `code`."""
    for line in lines:
        stderr.print(line, markup=False, highlight=False)
    raise typer.Exit(code)


# -- settings and the client ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    """The global options."""

    base_url: str | None
    username: str | None
    output: OutputFormat
    timeout: float | None
    max_retries: int | None
    output_given: bool = False

    def credentials(self) -> tuple[str, str]:
        """Username (option, env, or prompt) and password (env or prompt; never an option)."""
        interactive = sys.stdin.isatty()
        username = self.username
        if not username:
            if not interactive:
                fail(EXIT_USAGE, "mykaarma: no username: pass --username or set MYKAARMA_USERNAME")
            username = typer.prompt("myKaarma username")
        password = os.environ.get(ENV_PASSWORD)
        if not password:
            if not interactive:
                fail(EXIT_USAGE, f"mykaarma: no password: set {ENV_PASSWORD} (there is no password option)")
            password = getpass.getpass(f"myKaarma password for {username}: ")
        return username, password

    def client_options(self) -> dict[str, Any]:
        options: dict[str, Any] = {"base_url": self.base_url, "timeout": self.timeout}
        if self.max_retries is not None:
            options["max_retries"] = self.max_retries
        return options

    def client(self) -> MyKaarma:
        from .._client import MyKaarma

        username, password = self.credentials()
        with errors():
            return MyKaarma(username, password, **self.client_options())

    def client_for(self, credentials: tuple[str, str], **options: Any) -> MyKaarma:
        from .._client import MyKaarma

        with errors():
            return MyKaarma(*credentials, **{**self.client_options(), **options})


@contextmanager
def errors() -> Iterator[None]:
    """Turn the client's errors into a message on stderr and the exit status."""
    try:
        yield
    except (ValidationError, InsecureTransportError) as exc:
        first, *details = describe_error(exc)
        fail(EXIT_USAGE, f"mykaarma: {first}", *details)
    except (APIError, APIConnectionError) as exc:
        first, *details = describe_error(exc)
        fail(EXIT_API_ERROR, f"mykaarma: {first}", *details)
    except MyKaarmaError as exc:
        fail(EXIT_USAGE, f"mykaarma: {exc}")


def settings_of(ctx: typer.Context) -> Settings:
    """The global options of the command line."""
    settings = ctx.find_root().obj
    assert isinstance(settings, Settings)
    return settings


def call(ctx: typer.Context, operation: Callable[[MyKaarma], Any], title: str) -> None:
    """Run one operation with a client and print its result."""
    settings = settings_of(ctx)
    with settings.client() as client, errors():
        result = operation(client)
    print_result(result.to_dict(), settings.output, title=title)


def read_json(source: str) -> Any:
    """The JSON document of a file, or of stdin for ``-``."""
    if source == "-":
        if sys.stdin.isatty():
            fail(EXIT_USAGE, "mykaarma: expected JSON on stdin: pipe it in, or give a file name")
        text, where = sys.stdin.read(), "stdin"
    else:
        try:
            text, where = Path(source).read_text(encoding="utf-8"), source
        except (OSError, UnicodeDecodeError) as exc:
            fail(EXIT_USAGE, f"mykaarma: cannot read {source}: {exc}")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        fail(EXIT_USAGE, f"mykaarma: {where} is not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}")


def json_object(source: str) -> dict[str, Any]:
    """The JSON object of a file, or of stdin for ``-``."""
    data = read_json(source)
    if not isinstance(data, dict):
        fail(EXIT_USAGE, f"mykaarma: expected a JSON object, got {type(data).__name__}")
    return data


JsonSource = Annotated[
    str, typer.Argument(metavar="FILE", help="JSON request body: a file, or - for stdin.", show_default=True)
]
