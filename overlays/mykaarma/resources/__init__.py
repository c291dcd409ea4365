"""The API areas of the client: ``client.customers`` and ``client.appointments``."""

from __future__ import annotations

from .appointments import Appointments, AsyncAppointments
from .customers import AsyncCustomers, Customers, FindOrCreateResult

__all__ = ["Appointments", "AsyncAppointments", "AsyncCustomers", "Customers", "FindOrCreateResult"]
