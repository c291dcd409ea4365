"""The API areas of the client: ``client.customers`` and ``client.appointments``."""

from __future__ import annotations

from .appointments import Appointments, AsyncAppointments
from .customers import AsyncCustomers, Customers
from .find_or_create import FindOrCreateResult

__all__ = ["Appointments", "AsyncAppointments", "AsyncCustomers", "Customers", "FindOrCreateResult"]
