"""The mock's features, listed once: what each serves (handlers, and which of them write) and stores.

A feature is a package with ``HANDLERS`` (operationId -> handler), ``WRITE_OPERATIONS`` and ``STORAGE`` (its
tables and statistics counters, `mykaarma_mock.db.Storage`). `create_app` mounts `handlers()`, and
`open_database` opens a database with every feature's storage; nothing registers itself on import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from . import appointments, customers
from .db import Database, Storage

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["FEATURES", "STORAGE", "handlers", "open_database"]

FEATURES: Final = (customers, appointments)
STORAGE: Final[tuple[Storage, ...]] = tuple(feature.STORAGE for feature in FEATURES)


def handlers() -> tuple[dict[str, Callable[..., dict[str, Any]]], frozenset[str]]:
    """Every feature's handlers by operationId, and the operations that write."""
    found: dict[str, Callable[..., dict[str, Any]]] = {}
    writes: set[str] = set()
    for feature in FEATURES:
        for operation_id, handler in feature.HANDLERS.items():
            if operation_id in found:
                raise RuntimeError(f"{operation_id} has handlers in two features")
            found[operation_id] = handler
        writes |= set(feature.WRITE_OPERATIONS)
    return found, frozenset(writes)


def open_database(path: str, *extra: Storage) -> Database:
    """The database at `path` with every feature's tables (and `extra` storage, e.g. a test's)."""
    return Database(path, (*STORAGE, *extra))
