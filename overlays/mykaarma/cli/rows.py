"""The rows of an import: read from the CSV file, made into bodies and checked before anything is sent.

`read_rows` keeps each record's cells as they are (a rejects file repeats them) next to its field values.
`prepare_row` builds the body (`mapping.build_body`), runs the client's pre-flight validation on it, and
gives the row's warnings. With `lenient`, an invalid optional field (a bad phone, an address without a
state) is left out of the row with a ``DROPPED_FIELD`` warning instead of making the whole row invalid; names,
company, customerKey and anything else the row stands for are never dropped. A country that is not an ISO
3166 alpha-2 code is sent as written, with an ``UNRECOGNIZED_COUNTRY`` warning.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from .._exceptions import Problem, ValidationError
from ..identity import Note
from .mapping import (
    FIELD_GROUPS,
    GROUP_PATHS,
    ColumnMapping,
    MappingError,
    RowBody,
    build_body,
    digest,
    row_values,
)

__all__ = ["CsvFile", "ImportRow", "Note", "PreparedRow", "prepare_row", "read_rows"]

_GROUP_OF_PATH = {path: group for group, path in GROUP_PATHS.items()}
_GROUP_OF_FIELD = {name: group for group, names in FIELD_GROUPS.items() for name in names}


@dataclass(frozen=True)
class ImportRow:
    """One CSV record: its number (1 = first record after the header), cells, field values and fingerprint."""

    number: int
    cells: tuple[str, ...]
    values: dict[str, str]
    digest: str


@dataclass(frozen=True)
class CsvFile:
    """The header of the file and its non-blank records."""

    header: tuple[str, ...]
    rows: list[ImportRow]


def read_rows(path: Path, mapping: ColumnMapping) -> CsvFile:
    """Every non-blank record of the CSV file at `path` (UTF-8, with or without BOM), mapped to fields."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            reader = csv.reader(stream)
            header = next(reader, None)
            if header is None:
                raise MappingError(f"{path} is empty: expected a header row")
            columns = mapping.resolve(header)
            rows: list[ImportRow] = []
            for number, cells in enumerate(reader, start=1):
                if not any(cell.strip() for cell in cells):
                    continue
                values = row_values(cells, columns, mapping.defaults)
                rows.append(ImportRow(number, tuple(cells), values, digest(values)))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise MappingError(f"cannot read {path}: {exc}") from None
    return CsvFile(tuple(header), rows)


@dataclass(frozen=True)
class PreparedRow:
    """A row ready to send (`body` set) or invalid (`problems`), with its warnings."""

    row: ImportRow
    body: dict[str, Any] | None
    defaulted: frozenset[str] = frozenset()
    problems: tuple[str, ...] = ()
    notes: tuple[Note, ...] = field(default=())


@cache
def _regions() -> frozenset[str]:
    import phonenumbers

    return frozenset(phonenumbers.SUPPORTED_REGIONS)


def _check(built: RowBody, validate_vin: bool) -> tuple[dict[str, Any], list[Problem]]:
    """The body as the pre-flight validation normalises it (phones in E.164), or its problems."""
    from mykaarma_api.models import SaveCustomerRequest

    from ..validation import check_save_customer, prepare_body

    body = {**built.body, "searchForDuplicate": True}
    if validate_vin:
        body["validateVin"] = True
    try:
        checked = prepare_body(SaveCustomerRequest, body, validate=True, check=check_save_customer)
    except ValidationError as exc:
        return {}, list(exc.problems)
    normalised = checked.to_dict()
    normalised.pop("searchForDuplicate", None)
    normalised.pop("validateVin", None)
    return normalised, []


def _group(path: str) -> str | None:
    for prefix, group in _GROUP_OF_PATH.items():
        if path == prefix or path.startswith((prefix + "[", prefix + ".")):
            return group
    return None


def _without(values: Mapping[str, str], groups: set[str]) -> dict[str, str]:
    return {name: value for name, value in values.items() if _GROUP_OF_FIELD.get(name) not in groups}


def prepare_row(row: ImportRow, *, validate_vin: bool = False, lenient: bool = False) -> PreparedRow:
    """The row's body checked by the client's pre-flight validation (see the module docstring)."""
    values = row.values
    notes: list[Note] = []
    country = values.get("country")
    if country is not None and country.strip().upper() not in _regions():
        message = f"country {country!r} is not an ISO 3166 alpha-2 code (e.g. US); sent as written"
        notes.append(Note("UNRECOGNIZED_COUNTRY", message))
    built = build_body(values)
    problems = [str(problem) for problem in built.problems]
    body, found = _check(built, validate_vin)
    if not problems and not found:
        return PreparedRow(row, body, built.defaulted, notes=tuple(notes))
    failing = {_GROUP_OF_FIELD.get(problem.field) for problem in built.problems}
    failing |= {_group(problem.path) for problem in found}
    listed = problems + [str(problem) for problem in found]
    if not lenient or None in failing:
        return PreparedRow(row, None, problems=tuple(listed), notes=tuple(notes))
    groups = {group for group in failing if group is not None}
    retry = build_body(_without(values, groups))
    body, found = _check(retry, validate_vin)
    if retry.problems or found:
        return PreparedRow(row, None, problems=tuple(listed), notes=tuple(notes))
    for group in sorted(groups):
        reasons = "; ".join(text for text in listed if _names_group(text, group))
        notes.append(Note("DROPPED_FIELD", f"{group} left out (--lenient): {reasons}"))
    return PreparedRow(row, body, retry.defaulted, notes=tuple(notes))


def _names_group(text: str, group: str) -> bool:
    head = text.split(":", 1)[0].strip()
    return _GROUP_OF_FIELD.get(head) == group or _group(head) == group
