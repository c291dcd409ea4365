"""The API areas of the client: ``client.customers`` and ``client.appointments``.

The resource classes live in ``mykaarma/_async`` (and their generated sync twins in ``mykaarma/_sync``), which
import the request modules of this package; they are loaded here on first use (PEP 562) so that importing a
request module never imports them back.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .appointments import Appointments, AsyncAppointments
    from .customers import AsyncCustomers, Customers
    from .find_or_create import FindOrCreateResult

__all__ = ["Appointments", "AsyncAppointments", "AsyncCustomers", "Customers", "FindOrCreateResult"]

_HOMES = {
    "Appointments": ".appointments",
    "AsyncAppointments": ".appointments",
    "AsyncCustomers": ".customers",
    "Customers": ".customers",
    "FindOrCreateResult": ".find_or_create",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(home, __name__), name)
