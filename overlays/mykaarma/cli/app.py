"""The ``mykaarma`` command line (typer): customers, appointments with trip, and bulk import.

Global options come before the command: ``mykaarma --base-url URL --username NAME --output table customers
get DEPT CUSTOMER``. The password is read from ``MYKAARMA_PASSWORD`` or asked for at the terminal; there is
no option for it (it would end up in shell history and process lists). Request bodies are JSON, from a file
or from stdin (``-``, the default); results are JSON on stdout (``--output json``, the default) or tables.

Exit status: 0 success; 1 the API refused or failed (or an import left failed rows); 2 a usage or input
problem, including a body that fails pre-flight validation (nothing was sent); 130 an import stopped by
Ctrl-C (re-run the same command to resume).
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .appointment_commands import appointments_app
from .common import (
    EXIT_API_ERROR,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    JsonSource,
    Settings,
    call,
    errors,
    fail,
    json_object,
    settings_of,
    stderr,
)
from .journal import Journal, JournalError
from .mapping import FIELDS, ColumnMapping, MappingError, load_mapping
from .output import OutputFormat

if TYPE_CHECKING:
    from .._client import MyKaarma
    from .outcomes import ImportReporter, ImportSummary
    from .rows import CsvFile

__all__ = ["app"]

app = typer.Typer(
    name="mykaarma",
    help="Command line for the myKaarma customer and appointment-with-trip APIs.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,  # locals would show credentials in a traceback
)
customers_app = typer.Typer(help="Customers of a department: read, search, create-or-update, bulk import.")
mock_app = typer.Typer(help="Moved: the mock server is the `mykaarma-mock` command.", hidden=True)
app.add_typer(customers_app, name="customers", no_args_is_help=True)
app.add_typer(appointments_app, name="appointments", no_args_is_help=True)
app.add_typer(mock_app, name="mock", no_args_is_help=True)


@app.callback()
def main_options(
    ctx: typer.Context,
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url", envvar="MYKAARMA_BASE_URL", help="API base URL (default https://api.mykaarma.com)."
        ),
    ] = None,
    username: Annotated[
        str | None, typer.Option("--username", envvar="MYKAARMA_USERNAME", help="API username.")
    ] = None,
    output: Annotated[
        OutputFormat | None,
        typer.Option(
            "--output",
            "-o",
            help="Result format (default json; an import at a terminal: table).",
            case_sensitive=False,
        ),
    ] = None,
    timeout: Annotated[
        float | None, typer.Option("--timeout", min=0.1, help="Seconds per request (default 30).")
    ] = None,
    max_retries: Annotated[
        int | None, typer.Option("--max-retries", min=0, max=20, help="Retries per request (default 2).")
    ] = None,
) -> None:
    """Command line for the myKaarma customer and appointment-with-trip APIs.

    The password comes from MYKAARMA_PASSWORD or a prompt, never from an option.
    Exit status: 0 ok, 1 API error, 2 usage or input error, 130 import interrupted.
    """
    if not logging.getLogger().handlers:  # the client's warnings (e.g. a server warning) go to stderr
        logging.basicConfig(level=logging.WARNING, format="mykaarma: %(message)s")
    ctx.obj = Settings(
        base_url, username, output or OutputFormat.json, timeout, max_retries, output is not None
    )


# -- customers -----------------------------------------------------------------------------------------------


@customers_app.command("get")
def customers_get(
    ctx: typer.Context,
    department: Annotated[str, typer.Argument(help="Department UUID.")],
    customer: Annotated[str, typer.Argument(help="Customer UUID.")],
    exclude_vehicles: Annotated[bool, typer.Option("--exclude-vehicles", help="Leave vehicles out.")] = False,
) -> None:
    """Read one customer with its vehicles."""
    call(
        ctx,
        lambda client: client.customers.get(department, customer, exclude_vehicles=exclude_vehicles),
        "customer",
    )


class SearchOperator(StrEnum):
    AND = "AND"
    OR = "OR"


class SearchPreferenceChoice(StrEnum):
    customer = "customer"
    vehicle = "vehicle"


@customers_app.command("search")
def customers_search(
    ctx: typer.Context,
    department: Annotated[str, typer.Argument(help="Department UUID.")],
    term: Annotated[list[str], typer.Argument(help="Search tokens (each a case-insensitive substring).")],
    field: Annotated[
        list[str] | None,
        typer.Option(
            "--field",
            "-f",
            help="Limit to a field (repeatable): fname, lname, company, customerKey, "
            "communications.commValue, vehicles.vin.",
        ),
    ] = None,
    max_results: Annotated[int | None, typer.Option("--max-results", min=1, max=100)] = None,
    operator: Annotated[SearchOperator | None, typer.Option("--operator", help="How tokens combine.")] = None,
    preference: Annotated[
        SearchPreferenceChoice | None, typer.Option("--preference", help="Rank customer or vehicle first.")
    ] = None,
) -> None:
    """Search the customers of a department."""
    call(
        ctx,
        lambda client: client.customers.search(
            department,
            " ".join(term),
            fields=field or None,
            max_results=max_results,
            search_preference=None if preference is None else preference.value,
            query_operator=None if operator is None else operator.value,
        ),
        "search",
    )


_SAVE_KEYS = {
    "customer",
    "vehicles",
    "validateVin",
    "searchForDuplicate",
    "requesterUserUUID",
    "dealerUUIDList",
}


@customers_app.command("upsert")
def customers_upsert(
    ctx: typer.Context,
    department: Annotated[str, typer.Argument(help="Department UUID.")],
    source: JsonSource = "-",
) -> None:
    """Create a customer, or update the one the server's matching finds (searchForDuplicate=true).

    The JSON is a SaveCustomerRequest ({"customer": {...}, "vehicles": [...]}) or just the customer object.
    """
    data = json_object(source)
    if "customer" not in data:
        data = {"customer": data}
    unknown = sorted(set(data) - _SAVE_KEYS)
    if unknown:
        fail(EXIT_USAGE, f"mykaarma: unknown key(s) next to customer: {', '.join(unknown)}")
    if data.get("searchForDuplicate") is False:
        fail(EXIT_USAGE, "mykaarma: upsert always sends searchForDuplicate=true; remove the key")
    call(
        ctx,
        lambda client: client.customers.create_or_update(
            department,
            data["customer"],
            vehicles=data.get("vehicles"),
            validate_vin=data.get("validateVin"),
            requester_user_uuid=data.get("requesterUserUUID"),
            dealer_uuids=data.get("dealerUUIDList"),
        ),
        "saved customer",
    )


class ProgressMode(StrEnum):
    auto = "auto"
    bar = "bar"
    plain = "plain"
    none = "none"


_FIELD_HELP = "; ".join(FIELDS)


@customers_app.command(
    "import",
    help="Import customers from a CSV file into one or more departments (upsert, resumable).\n\n"
    "Columns are matched to fields by header name (case, spaces, _ - . ignored); a --mapping YAML file "
    "renames other columns ({columns: {HEADER: FIELD or null}, defaults: {FIELD: VALUE}}). "
    f"Fields: {_FIELD_HELP}.\n\n"
    "Each row updates the customer it names, keeping what the file has no column for, or creates it; a row "
    "that cannot be matched safely is reported and not written (D-IDENTITY). Invalid rows are reported, "
    "never sent. Results go to RESULT (default FILE.result.csv), the rows not imported to "
    "RESULT.rejects.csv (fix and import that file); the journal RESULT.journal lets a re-run skip what is "
    "done. Ctrl-C stops cleanly (again: at once).",
)
def customers_import(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="CSV file with a header row.")],
    department: Annotated[
        list[str], typer.Option("--department", "-d", help="Department UUID (repeatable).")
    ],
    mapping: Annotated[
        Path | None, typer.Option("--mapping", exists=True, dir_okay=False, help="Column mapping (YAML).")
    ] = None,
    concurrency: Annotated[
        int, typer.Option("--concurrency", "-c", min=1, max=64, help="Requests in flight.")
    ] = 8,
    attempts: Annotated[
        int, typer.Option("--attempts", min=1, max=20, help="Tries per row on 5xx, 429 or no answer.")
    ] = 3,
    result: Annotated[Path | None, typer.Option("--result", dir_okay=False, help="Result CSV file.")] = None,
    restart: Annotated[bool, typer.Option("--restart", help="Discard the journal and start over.")] = False,
    validate_vin: Annotated[
        bool, typer.Option("--validate-vin", help="Refuse rows with an invalid VIN.")
    ] = False,
    lenient: Annotated[
        bool,
        typer.Option(
            "--lenient",
            help="Import a row whose optional field (a phone, an e-mail, an address, a vehicle) is invalid, "
            "leaving that field out with a warning.",
        ),
    ] = False,
    replace_lists: Annotated[
        bool,
        typer.Option(
            "--replace-lists",
            help="Replace a matched customer's phones, e-mails and addresses by the row's (deletes the "
            "stored ones the row does not carry; each deletion is reported).",
        ),
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the summary as JSON (the default off a terminal).")
    ] = False,
    progress: Annotated[ProgressMode, typer.Option("--progress", help="Progress display on stderr.")] = (
        ProgressMode.auto
    ),
) -> None:
    from ..validation import check_ids

    settings = settings_of(ctx)
    try:
        column_mapping = load_mapping(mapping) if mapping is not None else ColumnMapping()
        csv_file = _load_rows(file, column_mapping)
    except MappingError as exc:
        fail(EXIT_USAGE, f"mykaarma: {exc}")
    with errors():
        check_ids(**{f"--department {value}": value for value in department})
    result_path = result if result is not None else file.with_name(f"{file.stem}.result.csv")
    if result_path.resolve() == file.resolve():
        fail(EXIT_USAGE, "mykaarma: --result must not be the input file")
    rejects_path = result_path.with_name(f"{result_path.stem}.rejects.csv")
    if rejects_path.resolve() == file.resolve():
        fail(EXIT_USAGE, "mykaarma: the rejects file would replace the input file: pass another --result")
    credentials = settings.credentials()
    try:
        journal = Journal.open(result_path.with_name(result_path.name + ".journal"), restart=restart)
    except JournalError as exc:
        fail(EXIT_USAGE, f"mykaarma: {exc}")
    try:
        client = settings.client_for(credentials)
        summary = _run_import(
            client,
            csv_file,
            department,
            journal,
            result_path,
            rejects_path,
            _ImportOptions(concurrency, attempts, validate_vin, lenient, replace_lists),
            progress,
        )
    finally:
        journal.close()
    table = not as_json and (
        settings.output is OutputFormat.table or (not settings.output_given and sys.stdout.isatty())
    )
    from .outcomes import print_summary

    print_summary(summary, table)
    if summary.abandoned:  # requests still in flight: leave without waiting for them
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(EXIT_INTERRUPTED)
    if summary.fatal is not None:
        raise typer.Exit(EXIT_API_ERROR)
    if summary.interrupted:
        raise typer.Exit(EXIT_INTERRUPTED)
    if summary.result["failed"] or summary.result["unmatched"]:
        raise typer.Exit(EXIT_API_ERROR)


@dataclass(frozen=True)
class _ImportOptions:
    concurrency: int
    attempts: int
    validate_vin: bool
    lenient: bool
    replace_lists: bool


def _load_rows(file: Path, column_mapping: ColumnMapping) -> CsvFile:
    from .rows import read_rows

    return read_rows(file, column_mapping)


def _reporter(mode: ProgressMode) -> ImportReporter | None:
    from .progress import BarReporter, PlainReporter

    if mode is ProgressMode.none:
        return None
    if mode is ProgressMode.bar or (mode is ProgressMode.auto and stderr.is_terminal):
        return BarReporter(stderr)
    return PlainReporter(sys.stderr)


def _run_import(
    client: MyKaarma,
    csv_file: CsvFile,
    departments: list[str],
    journal: Journal,
    result_path: Path,
    rejects_path: Path,
    options: _ImportOptions,
    progress: ProgressMode,
) -> ImportSummary:
    from .importer import CustomerImport

    job = CustomerImport(
        client,
        csv_file.rows,
        departments,
        journal,
        result_path,
        header=csv_file.header,
        rejects_path=rejects_path,
        concurrency=options.concurrency,
        attempts=options.attempts,
        validate_vin=options.validate_vin,
        lenient=options.lenient,
        replace_lists=options.replace_lists,
        reporter=_reporter(progress),
    )
    # The server's warnings about a row go to the result file, not one log line per row.
    client_log = logging.getLogger("mykaarma")
    level = client_log.level
    client_log.setLevel(logging.ERROR)
    handled = (signal.SIGINT, signal.SIGTERM)
    previous = {signum: signal.getsignal(signum) for signum in handled}
    for signum in handled:
        signal.signal(signum, lambda *_: job.request_stop())
    try:
        with client:
            return job.run()
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        client_log.setLevel(level)


# -- the mock ------------------------------------------------------------------------------------------------


@mock_app.command(
    "serve",
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
    add_help_option=False,
    hidden=True,
)
def mock_serve(ctx: typer.Context) -> None:
    """The mock has a command of its own; this name only says so (the client never imports the mock)."""
    shown = " ".join(["mykaarma-mock", "serve", *ctx.args])
    fail(
        EXIT_USAGE,
        f"mykaarma: the mock server is its own command: {shown} (pip install mykaarma-mock;"
        " in a checkout of the repository: make mock)",
    )
