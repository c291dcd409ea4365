"""Records kept as the documents the spec defines: what a write sent, read back through the read schema.

A stored record has columns only for what the mock searches, matches or joins by; every other property a
request sent is kept in the record's ``document`` column (a JSON object), as the request's schema admitted
it. A read renders every property of the response schema: a computed or column value where the handler has
one, else the document's, else null. So a property added to the spec's input and read schemas is stored and
returned with no change to the mock.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from .spec import load_spec

__all__ = ["merged_document", "migrate_to_document", "read_only", "read_view", "stored_document"]


def merged_document(stored: str | None, item: Mapping[str, Any], outside: frozenset[str]) -> str:
    """The document after a write: `stored` (None: a new record) with every key of `item` not in `outside`
    set to the value sent (present keys overwrite, absent keys keep what is stored)."""
    document: dict[str, Any] = {} if stored is None else json.loads(stored)
    document.update((key, value) for key, value in item.items() if key not in outside)
    return _dumped(document)


def stored_document(item: Mapping[str, Any], outside: frozenset[str]) -> dict[str, Any]:
    """The properties of `item` a document keeps: all but those in `outside` (kept as columns, or derived)."""
    return {key: value for key, value in item.items() if key not in outside}


def _dumped(document: Mapping[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _admits_null(node: Any, depth: int = 0) -> bool:
    """Whether a property schema accepts null (a null type, or an anyOf/oneOf branch that does)."""
    if not isinstance(node, Mapping) or depth > 8:
        return False
    if "$ref" in node:
        return _admits_null(load_spec().resolve(node), depth + 1)
    kind = node.get("type")
    if kind == "null" or (isinstance(kind, list) and "null" in kind):
        return True
    return any(
        _admits_null(branch, depth + 1) for key in ("anyOf", "oneOf") for branch in node.get(key) or ()
    )


@cache
def _properties(schema: str) -> tuple[tuple[str, bool], ...]:
    """The read schema's properties, each with whether it may be null."""
    properties: Mapping[str, Any] = load_spec().schema(schema).get("properties") or {}
    return tuple((name, _admits_null(node)) for name, node in properties.items())


@cache
def read_only(schema: str) -> frozenset[str]:
    """The properties of `schema` the server assigns (``readOnly``); what a request sends there is ignored."""
    properties: Mapping[str, Any] = load_spec().schema(schema).get("properties") or {}
    return frozenset(
        name for name, node in properties.items() if isinstance(node, Mapping) and node.get("readOnly")
    )


def read_view(schema: str, document: str | Mapping[str, Any], computed: Mapping[str, Any]) -> dict[str, Any]:
    """Every property of the read schema `schema`: `computed` first, then the document (stored text, or
    already parsed), else null; a property that is in neither and may not be null is left out."""
    stored: Mapping[str, Any] = json.loads(document) if isinstance(document, str) else document
    view: dict[str, Any] = {}
    for name, nullable in _properties(schema):
        if name in computed:
            view[name] = computed[name]
        elif name in stored or nullable:
            view[name] = stored.get(name)
    return view


def migrate_to_document(
    conn: sqlite3.Connection,
    table: str,
    columns: Mapping[str, str],
    decode: Mapping[str, Callable[[Any], Any]] | None = None,
    *,
    key: str = "id",
) -> None:
    """Bring a table written before documents up to date: add ``document``, move each of `columns`
    (column -> property; a non-null value, through `decode` where given) into it, then drop the columns.
    Does nothing when the table already has its document."""
    present = {str(row[1]) for row in conn.execute(f"PRAGMA table_info({table})")}
    if "document" in present:
        return
    conn.execute(f"ALTER TABLE {table} ADD COLUMN document TEXT NOT NULL DEFAULT '{{}}'")
    moved = [column for column in columns if column in present]
    if moved:
        decoders = decode or {}
        selected = ", ".join(moved)
        updates = []
        for row in conn.execute(f"SELECT {key}, {selected} FROM {table}").fetchall():
            document = {
                columns[column]: decoders.get(column, _same)(row[column])
                for column in moved
                if row[column] is not None
            }
            updates.append((_dumped(document), row[0]))
        conn.executemany(f"UPDATE {table} SET document = ? WHERE {key} = ?", updates)
        for column in moved:
            conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")


def _same(value: Any) -> Any:
    return value
