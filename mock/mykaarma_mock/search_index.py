"""An index behind the customer search (D-SEARCH) for tokens that are whole phone numbers, VINs or e-mails.

A search token hits a field when it is a substring of it, so a plain index cannot serve it, and each token
used to scan every phone, e-mail and VIN of the department (tens of milliseconds at 100,000 customers). The
tokens worth serving are the ones that name one customer, and for those "contains" becomes a prefix range on
an ordinary index over a few keys per value (`customer_search_index`, one B-tree kept in step by triggers;
`search_keys` computes them):

* phone digits: every suffix of 10 digits or more (two for a North American number): a token of 10 digits or
  more is in the number exactly when one of those suffixes starts with it;
* VINs: every suffix of 17 characters or more (one for a standard VIN), likewise for tokens of 17 or more;
* e-mail addresses: the part before the ``@``, reversed. A token holding an ``@`` is in an address (a stored
  address has exactly one) exactly when the address's local part ends with the token's and its domain starts
  with the token's: when the reversed local part starts with the token's reversed local part;
* e-mail addresses again, for tokens of 10 digits or more (a phone number searched in
  ``communications.commValue`` is tested against the e-mails too): every suffix of 10 or more digits of each
  run of digits, so a number inside an address is found like a phone in a number (most addresses have none).

`rows_containing` gives the FROM clause that reaches the candidate rows through that range; the search keeps
its own exact test on them, so the results are those of a full scan. Other tokens (shorter, or holding other
characters) scan, as before: they hit many rows anyway. A database written before this version of the index
gets it (re)built once, when it is opened (`rebuild`).
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field
from typing import Final

__all__ = ["SEARCH_INDEX_SQL", "Source", "rebuild", "register_functions", "rows_containing", "search_keys"]

_PHONE, _VIN, _EMAIL_LOCAL, _EMAIL_DIGITS = 1, 2, 3, 4
_MIN_RUN: Final = 10  # phones and runs of digits inside e-mail addresses
_MIN_VIN: Final = 17
_DIGITS: Final = re.compile(r"[0-9]{10,}")
_TOP: Final = "\U0010ffff"  # sorts after every character: the end of a prefix range
#: The layout of the index; a database holding another (or none) has it rebuilt when opened.
_VERSION: Final = 2
#: The kinds of key each table's values have.
_KINDS: Final = {
    "customer_phones": (_PHONE,),
    "customer_vehicles": (_VIN,),
    "customer_emails": (_EMAIL_LOCAL, _EMAIL_DIGITS),
}
#: Table -> (searched column, kind name passed to `search_keys`).
_INDEXED: Final = {
    "customer_phones": ("digits", "phone"),
    "customer_vehicles": ("vin_normalized", "vin"),
    "customer_emails": ("search_value", "email"),
}


def _suffixes(value: str, shortest: int) -> list[str]:
    return [value[start:] for start in range(len(value) - shortest + 1)]


def search_keys(kind: str, value: str | None) -> str:
    """The index keys of one stored value, as a JSON list of ``[kind, key]`` pairs (the triggers' input)."""
    keys: list[tuple[int, str]] = []
    if value:
        if kind == "phone":
            keys = [(_PHONE, key) for key in _suffixes(value, _MIN_RUN)]
        elif kind == "vin":
            keys = [(_VIN, key) for key in _suffixes(value, _MIN_VIN)]
        elif kind == "email":
            local, at, _ = value.partition("@")
            if at and local:
                keys.append((_EMAIL_LOCAL, local[::-1]))
            runs = dict.fromkeys(key for run in _DIGITS.findall(value) for key in _suffixes(run, _MIN_RUN))
            keys += [(_EMAIL_DIGITS, key) for key in runs]
    return json.dumps(keys)


def register_functions(conn: sqlite3.Connection) -> None:
    """The SQL function the triggers call; every connection that writes customers needs it."""
    conn.create_function("mykaarma_search_keys", 2, search_keys, deterministic=True)


def _keys_of(table: str, alias: str, *, scan: bool = False) -> str:
    """SELECT of ``(kind, key, row id)`` for the row `alias` (``new`` in a trigger); every row if `scan`."""
    column, kind = _INDEXED[table]
    rows = f"{table} AS {alias}, " if scan else ""
    return (
        "SELECT json_extract(k.value, '$[0]'), json_extract(k.value, '$[1]'), "
        f"{alias}.id FROM {rows}json_each(mykaarma_search_keys('{kind}', {alias}.{column})) AS k"
    )


def _triggers(table: str) -> str:
    """Insert the new value's keys, delete the old value's (the same function gives the same keys back)."""
    column, _ = _INDEXED[table]
    insert = f"INSERT INTO customer_search_index (kind, search_key, row_id) {_keys_of(table, 'new')};"
    delete = "\n    ".join(_delete(table, kind) for kind in _KINDS[table])
    return f"""
CREATE TRIGGER IF NOT EXISTS {table}_search_insert AFTER INSERT ON {table} BEGIN
    {insert}
END;
CREATE TRIGGER IF NOT EXISTS {table}_search_delete AFTER DELETE ON {table} BEGIN
    {delete}
END;
CREATE TRIGGER IF NOT EXISTS {table}_search_update AFTER UPDATE OF {column} ON {table} BEGIN
    {delete}
    {insert}
END;
"""


def _delete(table: str, kind: int) -> str:
    """Delete the old value's keys of one kind: one primary-key lookup per key."""
    column, name = _INDEXED[table]
    keys = f"json_each(mykaarma_search_keys('{name}', old.{column})) AS k"
    return (
        f"DELETE FROM customer_search_index WHERE kind = {kind} AND row_id = old.id AND search_key IN "
        f"(SELECT json_extract(k.value, '$[1]') FROM {keys} WHERE json_extract(k.value, '$[0]') = {kind});"
    )


SEARCH_INDEX_SQL: Final[str] = """
CREATE TABLE IF NOT EXISTS customer_search_index_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS customer_search_index (
    kind       INTEGER NOT NULL,
    search_key TEXT NOT NULL,
    row_id     INTEGER NOT NULL,
    PRIMARY KEY (kind, search_key, row_id)
) WITHOUT ROWID;
""" + "".join(_triggers(table) for table in _INDEXED)


def rebuild(conn: sqlite3.Connection) -> None:
    """Register the triggers' function; fill the index once (a database written before it existed)."""
    register_functions(conn)
    # the version has a table of its own, which `Database.reset` leaves alone (it empties the index through
    # the triggers), so a reset database is not rebuilt on its next opening
    found = conn.execute("SELECT version FROM customer_search_index_version").fetchone()
    if found is not None and int(found[0]) == _VERSION:
        return
    conn.execute("DELETE FROM customer_search_index")
    for table in _INDEXED:
        conn.execute(
            f"INSERT INTO customer_search_index (kind, search_key, row_id) {_keys_of(table, 't', scan=True)}"
        )
    conn.execute("DELETE FROM customer_search_index_version")
    conn.execute("INSERT INTO customer_search_index_version (version) VALUES (?)", (_VERSION,))


@dataclass(frozen=True)
class Source:
    """A FROM clause (the table aliased ``t``) and the parameters it binds."""

    clause: str
    parameters: dict[str, str] = field(default_factory=dict)


def _range(kind: int, table: str, low: str) -> Source:
    clause = (
        "(SELECT DISTINCT row_id FROM customer_search_index "
        f"WHERE kind = {kind} AND search_key >= :key_low AND search_key < :key_high) AS s "
        f"CROSS JOIN {table} AS t ON t.id = s.row_id"
    )
    return Source(clause, {"key_low": low, "key_high": low + _TOP})


def rows_containing(table: str, token: str) -> Source:
    """Where to look for the rows of `table` whose searched value contains `token` (see the module docs).

    `token` is as the search compares it: phone digits, an upper-cased VIN, a case-folded e-mail token.
    """
    if table == "customer_phones" and len(token) >= _MIN_RUN:
        return _range(_PHONE, table, token)
    if table == "customer_vehicles" and len(token) >= _MIN_VIN:
        return _range(_VIN, table, token)
    if table == "customer_emails":
        local, at, _ = token.partition("@")
        if at and local:
            return _range(_EMAIL_LOCAL, table, local[::-1])
        if not at and _DIGITS.fullmatch(token):
            return _range(_EMAIL_DIGITS, table, token)
    return Source(f"{table} AS t")
