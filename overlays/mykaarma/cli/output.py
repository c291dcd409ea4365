"""Results as JSON (stdout, the API's own field names) or as rich tables, and errors on stderr."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Mapping, Sequence
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .._exceptions import APIConnectionError, APIError, MyKaarmaError, ValidationError, describe_item

__all__ = ["OutputFormat", "describe_error", "print_result"]

#: Keys of the services' envelopes around a result.
_ENVELOPE_KEYS = frozenset({"errors", "warnings", "error", "statusCode"})


class OutputFormat(StrEnum):
    """``--output``: JSON (default, for scripts) or tables (for people)."""

    json = "json"
    table = "table"


def _flatten(value: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """(dotted path, scalar) pairs of a JSON value; empty lists and objects are left out."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield from _flatten(item, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _flatten(item, f"{prefix}[{index}]")
    else:
        yield prefix, value


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _field_table(data: Mapping[str, Any], title: str | None) -> Table:
    """Field/value rows; a result wrapping one object (``customerWithVehicles``, ...) shows that object."""
    payload = {key: value for key, value in data.items() if key not in _ENVELOPE_KEYS}
    if len(payload) == 1:
        [(key, inner)] = payload.items()
        if isinstance(inner, Mapping):
            data, title = inner, title or key
    table = Table(title=title)
    table.add_column("field", overflow="fold")
    table.add_column("value", overflow="fold")
    for path, value in _flatten(data):
        if path.split(".")[-1] in _ENVELOPE_KEYS and value in ([], None):
            continue
        table.add_row(escape(path), escape(_text(value)))
    return table


def _joined(items: Any, key: str) -> str:
    if not isinstance(items, list):
        return ""
    return ", ".join(_text(item.get(key)) for item in items if isinstance(item, Mapping) and item.get(key))


def _search_table(data: Mapping[str, Any]) -> Table:
    found = data.get("matchingCustomers") or []
    rows: list[list[str]] = []
    for item in found:
        customer = item.get("customer") or {}
        name = " ".join(_text(customer.get(key)) for key in ("firstName", "lastName") if customer.get(key))
        rows.append(
            [
                _text(customer.get("customerUuid")),
                name,
                _text(customer.get("company")),
                _joined(customer.get("phoneNumbers"), "phoneNumber"),
                _joined(customer.get("emails"), "emailAddress"),
                _joined(item.get("vehicles"), "vin"),
            ]
        )
    columns = ["customerUuid", "name", "company", "phones", "e-mails", "VINs"]
    shown = [index for index in range(len(columns)) if index == 0 or any(row[index] for row in rows)]
    table = Table(title=f"{data.get('matchingCount', len(found))} matching customer(s)")
    for index in shown:
        table.add_column(columns[index], no_wrap=index == 0, overflow="fold")
    for row in rows:
        table.add_row(*(escape(row[index]) for index in shown))
    return table


def print_result(data: Any, output: OutputFormat, *, title: str | None = None) -> None:
    """Print one result: indented JSON on stdout, or a table (search results get one row per customer)."""
    if output is OutputFormat.json:
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        sys.stdout.flush()
        return
    console = Console()
    if isinstance(data, Mapping) and "matchingCustomers" in data:
        console.print(_search_table(data))
    elif isinstance(data, Mapping):
        console.print(_field_table(data, title))
    else:
        console.print(escape(_text(data)))
    warnings = data.get("warnings") if isinstance(data, Mapping) else None
    if isinstance(warnings, list) and warnings:
        console.print(f"[yellow]{len(warnings)} warning(s) from the server (see the fields above)[/]")


def describe_error(error: MyKaarmaError) -> list[str]:
    """Lines telling what went wrong: the message, then each error item or validation problem."""
    lines = [str(error)]
    if isinstance(error, ValidationError):
        lines = ["nothing was sent: the request breaks these rules"]
        lines += [f"  {problem}" for problem in error.problems]
    elif isinstance(error, APIError):
        details: Sequence[Mapping[str, Any]] = error.errors
        if len(details) > 1:
            lines += [f"  {describe_item(item)}" for item in details]
    elif isinstance(error, APIConnectionError) and error.may_have_reached_server:
        lines.append("  the server may have processed the request: check before repeating it")
    return lines
