"""CSV columns → the fields of a customer import, and one CSV record → a ``SaveCustomerRequest`` body.

A column is matched to a field by its header, compared without case, spaces, ``_``, ``-`` and ``.``: the
headers ``firstName``, ``First Name`` and ``first_name`` all mean `firstName`. A ``--mapping`` YAML file
renames other headers and sets defaults::

    columns:                 # CSV header -> field (null: ignore the column)
      Cell: phone
      E-Mail Address: email
      Notes: null
    defaults:                # value of a field when its cell is empty or its column absent
      phoneLabel: mobile

A column that is neither a field nor mapped stops the import before anything is sent (a silently ignored
column would be data loss). The fields (`FIELDS`) give one customer with at most one phone, one e-mail, one
address and one vehicle; empty cells are left out. Every scalar property of the spec's ``CustomerInput`` and
``VehicleInput`` is a field under its own name (identifiers myKaarma assigns, ``...Uuid``, excepted), so a
property added to the spec is importable with no change here; the phone, e-mail and address fields flatten
the first item of their lists.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from mykaarma_core.openapi import resolve

from ..validation import schemas

__all__ = [
    "FIELDS",
    "FIELD_GROUPS",
    "GROUP_PATHS",
    "REJECT_COLUMN",
    "CellProblem",
    "ColumnMapping",
    "MappingError",
    "RowBody",
    "build_body",
    "load_mapping",
    "normalize_header",
    "parse_bool",
]


def _resolved(schema: Mapping[str, Any]) -> Mapping[str, Any]:
    resolved: Mapping[str, Any] = resolve({"components": {"schemas": schemas()}}, schema)
    return resolved


def _scalar_kind(schema: Mapping[str, Any]) -> str | None:
    """``string``, ``boolean``, ``integer`` or ``number`` for a scalar property (null allowed), else None."""
    resolved = _resolved(schema)
    declared = resolved.get("type", "string" if "enum" in resolved else None)
    kinds = {declared} if isinstance(declared, str) else set(declared or ()) - {"null"}
    if len(kinds) == 1 and (kind := kinds.pop()) in ("string", "boolean", "integer", "number"):
        return str(kind)
    return None


@dataclass(frozen=True)
class _Scalar:
    """A scalar property of a write schema as an import field: its name, JSON kind and help text."""

    name: str
    kind: str
    description: str


def _scalars(schema_name: str, holder: str) -> dict[str, _Scalar]:
    """Importable properties of a write schema: its scalars, without the identifiers myKaarma assigns."""
    properties: Mapping[str, Any] = schemas()[schema_name].get("properties") or {}
    found: dict[str, _Scalar] = {}
    for name, schema in properties.items():
        kind = None if name.endswith("Uuid") else _scalar_kind(schema)
        if kind is not None:
            found[name] = _Scalar(name, kind, _described(f"{holder}.{name}", schema, kind))
    return found


def _described(path: str, schema: Mapping[str, Any], kind: str) -> str:
    enum = [value for value in _resolved(schema).get("enum") or () if value is not None]
    if enum:
        return f"{path} ({', '.join(map(str, enum))})"
    if kind == "boolean":
        return f"{path} (true/false, yes/no, 1/0)"
    return path if kind == "string" else f"{path} ({kind})"


#: The fields of the first phone, e-mail and address (flattened list items).
_LIST_FIELDS: Final[Mapping[str, tuple[str, ...]]] = {
    "phone": ("phone", "phoneLabel", "okToCall", "okToText"),
    "email": ("email", "emailLabel", "okToEmail"),
    "address": ("addressType", "addressLine1", "addressLine2", "city", "state", "zip", "country"),
}
_FLATTENED: Final = frozenset(field for fields in _LIST_FIELDS.values() for field in fields)
#: Scalar fields of the customer and of its first vehicle (field -> property); a vehicle property whose
#: name another field has is prefixed with ``vehicle``.
_CUSTOMER_FIELDS: Final[Mapping[str, _Scalar]] = _scalars("CustomerInput", "customer")
_VEHICLE_FIELDS: Final[Mapping[str, _Scalar]] = {
    (
        f"vehicle{name[:1].upper()}{name[1:]}" if name in _CUSTOMER_FIELDS or name in _FLATTENED else name
    ): scalar
    for name, scalar in _scalars("VehicleInput", "vehicles[0]").items()
}
#: The customer fields that say who the person is (D-IDENTITY): `--lenient` never leaves them out.
_IDENTITY_FIELDS: Final = frozenset({"customerKey", "firstName", "lastName", "company", "isBusiness"})


#: Every field of an import, with what it becomes in the request body.
FIELDS: Final[Mapping[str, str]] = {
    **{field: scalar.description for field, scalar in _CUSTOMER_FIELDS.items()},
    "phone": "customer.phoneNumbers[0].phoneNumber (normalised to E.164, US default region)",
    "phoneLabel": "customer.phoneNumbers[0].label (default: cell)",
    "okToCall": "customer.phoneNumbers[0].okToCall (default: true)",
    "okToText": "customer.phoneNumbers[0].okToText (default: true)",
    "email": "customer.emails[0].emailAddress",
    "emailLabel": "customer.emails[0].label (default: personal)",
    "okToEmail": "customer.emails[0].okToEmail (default: true)",
    "addressType": "customer.addresses[0].type (PRIMARY, COMMON, BILLING, OTHER; default: PRIMARY)",
    "addressLine1": "customer.addresses[0].line1",
    "addressLine2": "customer.addresses[0].line2",
    "city": "customer.addresses[0].city",
    "state": "customer.addresses[0].state",
    "zip": "customer.addresses[0].zip",
    "country": "customer.addresses[0].country (default: US)",
    **{field: scalar.description for field, scalar in _VEHICLE_FIELDS.items()},
}

_DEFAULTS: Final[Mapping[str, str]] = {
    "phoneLabel": "cell",
    "okToCall": "true",
    "okToText": "true",
    "emailLabel": "personal",
    "okToEmail": "true",
    "addressType": "PRIMARY",
    "country": "US",
}
_ADDRESS_FIELDS: Final = {"addressLine1": "line1", "addressLine2": "line2", "city": "city", "zip": "zip"}
_ADDRESS_CODES: Final[Mapping[str, str]] = {"PRIMARY": "P", "COMMON": "P", "BILLING": "B", "OTHER": "P"}
#: Optional fields that `--lenient` may leave out of a row together when one of them is invalid.
FIELD_GROUPS: Final[Mapping[str, tuple[str, ...]]] = {
    **_LIST_FIELDS,
    "vehicle": tuple(_VEHICLE_FIELDS),
    **{field: (field,) for field in _CUSTOMER_FIELDS if field not in _IDENTITY_FIELDS},
}
#: The path of the pre-flight problems that name each group (a problem there drops the group).
GROUP_PATHS: Final[Mapping[str, str]] = {
    "phone": "customer.phoneNumbers",
    "email": "customer.emails",
    "address": "customer.addresses",
    "vehicle": "vehicles",
    **{
        field: f"customer.{_CUSTOMER_FIELDS[field].name}"
        for field in FIELD_GROUPS
        if field in _CUSTOMER_FIELDS
    },
}
#: The column a rejects file adds to the original ones; an import ignores it, so the file can be re-imported.
REJECT_COLUMN: Final = "Import problem"
_TRUE: Final = frozenset({"true", "yes", "y", "1"})
_FALSE: Final = frozenset({"false", "no", "n", "0"})
_HEADER_NOISE: Final = re.compile(r"[\s_.\-]+")
_FIELD_BY_KEY: Final[Mapping[str, str]] = {_HEADER_NOISE.sub("", name).casefold(): name for name in FIELDS}


class MappingError(ValueError):
    """The CSV header or the mapping file cannot be used (nothing has been sent)."""


def normalize_header(header: str) -> str:
    """The comparison key of a header: case folded, without spaces, ``_``, ``-`` and ``.``."""
    return _HEADER_NOISE.sub("", header).casefold()


def parse_bool(text: str) -> bool | None:
    """``true/yes/y/1`` → True, ``false/no/n/0`` → False (any case), anything else → None."""
    folded = text.strip().casefold()
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    return None


@dataclass(frozen=True)
class ColumnMapping:
    """Header renames (`columns`: header → field, None to ignore) and field `defaults` of a mapping file."""

    columns: Mapping[str, str | None] = field(default_factory=dict)
    defaults: Mapping[str, str] = field(default_factory=dict)

    def resolve(self, headers: Sequence[str]) -> dict[int, str]:
        """Column index → field for a CSV header row; `MappingError` for unknown or doubly used columns."""
        renames = {normalize_header(header): target for header, target in self.columns.items()}
        resolved: dict[int, str] = {}
        unknown: list[str] = []
        owner: dict[str, str] = {}
        for index, header in enumerate(headers):
            key = normalize_header(header)
            if key == normalize_header(REJECT_COLUMN) and key not in renames:
                continue
            if key in renames:
                target = renames[key]
                if target is None:
                    continue
            elif key in _FIELD_BY_KEY:
                target = _FIELD_BY_KEY[key]
            else:
                unknown.append(header)
                continue
            if target in owner:
                raise MappingError(f"columns {owner[target]!r} and {header!r} both give the field {target}")
            owner[target] = header
            resolved[index] = target
        if unknown:
            listed = ", ".join(repr(header) for header in unknown)
            raise MappingError(
                f"unknown column(s) {listed}: map each to a field in a --mapping file, or to null to "
                "ignore it (the fields are listed by `mykaarma customers import --help`)"
            )
        if not resolved:
            raise MappingError("no column of the file gives a field of a customer")
        return resolved


def load_mapping(path: Path) -> ColumnMapping:
    """Read a ``--mapping`` YAML file (see the module docstring)."""
    import yaml

    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise MappingError(f"cannot read the mapping file {path}: {exc}") from None
    if document is None:
        return ColumnMapping()
    if not isinstance(document, dict) or not set(document) <= {"columns", "defaults"}:
        raise MappingError(f"{path}: expected a mapping with the keys `columns` and/or `defaults`")
    columns = document.get("columns") or {}
    defaults = document.get("defaults") or {}
    if not isinstance(columns, dict) or not isinstance(defaults, dict):
        raise MappingError(f"{path}: `columns` and `defaults` must be mappings")
    for header, target in columns.items():
        if target is not None and target not in FIELDS:
            raise MappingError(f"{path}: column {header!r} maps to {target!r}, which is not a field")
    for name in defaults:
        if name not in FIELDS:
            raise MappingError(f"{path}: default for {name!r}, which is not a field")
    return ColumnMapping(
        {str(header): None if target is None else str(target) for header, target in columns.items()},
        {str(name): str(value) for name, value in defaults.items()},
    )


def row_values(
    cells: Sequence[str], columns: Mapping[int, str], defaults: Mapping[str, str]
) -> dict[str, str]:
    """The non-empty field values of one record (cells trimmed), completed with the mapping's defaults."""
    values = {name: value for name, value in defaults.items() if value.strip()}
    for index, name in columns.items():
        if index < len(cells) and cells[index].strip():
            values[name] = cells[index].strip()
    return values


def digest(values: Mapping[str, str]) -> str:
    """A short fingerprint of a record's field values: a journal entry counts only for the same record."""
    canonical = json.dumps(sorted(values.items()), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class CellProblem:
    """A cell that cannot be read: its field and what is wrong."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


@dataclass(frozen=True)
class RowBody:
    """The SaveCustomerRequest body of one record, the cells that could not be read, and the paths of the
    values filled in by the import's own defaults (they never overwrite a stored value, `mykaarma.merge`)."""

    body: dict[str, Any]
    problems: list[CellProblem]
    defaulted: frozenset[str]


def _typed(values: Mapping[str, str], field: str, kind: str, problems: list[CellProblem]) -> Any:
    """A scalar cell as the JSON value its property's kind asks for; None (with a problem) if not one."""
    text = values[field]
    if kind == "boolean":
        return _flag(values, field, problems)
    if kind in ("integer", "number"):
        try:
            return int(text) if kind == "integer" else float(text)
        except ValueError:
            problems.append(
                CellProblem(field, f"{text!r} is not a{'n integer' if kind == 'integer' else ' number'}")
            )
            return None
    return text


def _scalars_of(
    values: Mapping[str, str], fields: Mapping[str, _Scalar], problems: list[CellProblem]
) -> dict[str, Any]:
    """The properties of `fields` that the record gives, as JSON values."""
    found = {
        scalar.name: _typed(values, field, scalar.kind, problems)
        for field, scalar in fields.items()
        if field in values
    }
    return {name: value for name, value in found.items() if value is not None}


def _flag(values: Mapping[str, str], name: str, problems: list[CellProblem]) -> bool | None:
    text = values.get(name, _DEFAULTS.get(name))
    if text is None:
        return None
    parsed = parse_bool(text)
    if parsed is None:
        problems.append(CellProblem(name, f"{text!r} is not true or false"))
    return parsed


def build_body(values: Mapping[str, str]) -> RowBody:
    """The `SaveCustomerRequest` JSON body of one record, with its unreadable cells and defaulted paths.

    The body is only built here; the client's pre-flight validation checks it afterwards.
    """
    problems: list[CellProblem] = []
    defaulted: set[str] = set()

    def value(name: str, path: str) -> str:
        if name not in values:
            defaulted.add(path)
        return values.get(name, _DEFAULTS[name])

    customer = _scalars_of(values, _CUSTOMER_FIELDS, problems)
    if "phone" in values:
        base = "customer.phoneNumbers[0]"
        phone: dict[str, Any] = {
            "phoneNumber": values["phone"],
            "label": value("phoneLabel", f"{base}.label"),
            "isPreferred": True,
        }
        defaulted.add(f"{base}.isPreferred")
        for flag in ("okToCall", "okToText"):
            phone[flag] = bool(_flag(values, flag, problems))
            if flag not in values:
                defaulted.add(f"{base}.{flag}")
        customer["phoneNumbers"] = [phone]
    if "email" in values:
        base = "customer.emails[0]"
        email: dict[str, Any] = {
            "emailAddress": values["email"],
            "label": value("emailLabel", f"{base}.label"),
            "okToEmail": bool(_flag(values, "okToEmail", problems)),
            "isPreferred": True,
        }
        defaulted.add(f"{base}.isPreferred")
        if "okToEmail" not in values:
            defaulted.add(f"{base}.okToEmail")
        customer["emails"] = [email]
    if any(name in values for name in (*_ADDRESS_FIELDS, "state")):
        base = "customer.addresses[0]"
        kind = value("addressType", f"{base}.type").strip().upper()
        if "addressType" not in values:
            defaulted.add(f"{base}.addressType")
        address: dict[str, Any] = {"type": kind, "addressType": _ADDRESS_CODES.get(kind, "P")}
        address |= {key: values[name] for name, key in _ADDRESS_FIELDS.items() if name in values}
        address["state"] = values.get("state", "")
        address["country"] = value("country", f"{base}.country")
        customer["addresses"] = [address]
    body: dict[str, Any] = {"customer": customer}
    vehicle = _scalars_of(values, _VEHICLE_FIELDS, problems)
    if vehicle:
        body["vehicles"] = [vehicle]
    return RowBody(body, problems, frozenset(defaulted))
