"""``client.appointments`` (`Appointments`, `AsyncAppointments`), written once in
``mykaarma/_async/appointments.py``."""

from .._async.appointments import AsyncAppointments
from .._sync.appointments import Appointments

__all__ = ["Appointments", "AsyncAppointments"]
