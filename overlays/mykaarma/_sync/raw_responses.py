"""``client.customers.with_raw_response`` and ``client.appointments.with_raw_response``.

Generated from ``mykaarma/_async/raw_responses.py`` by ``scripts.codegen.unasync_client``: edit that file.
"""

from __future__ import annotations

import functools
import inspect
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from .._raw_response import RawResponse, SyncMethod, recording

if TYPE_CHECKING:
    from .appointments import Appointments
    from .customers import Customers

__all__ = ["AppointmentsWithRawResponse", "CustomersWithRawResponse", "to_raw_response"]

P = ParamSpec("P")
R = TypeVar("R")


def to_raw_response(method: SyncMethod[P, R]) -> SyncMethod[P, RawResponse[R]]:
    """`method`, returning its result together with the HTTP answers behind it."""

    @functools.wraps(method)
    def with_raw_response(*args: P.args, **kwargs: P.kwargs) -> RawResponse[R]:
        with recording() as exchanges:
            result = method(*args, **kwargs)
        return RawResponse(result, exchanges)

    # help() and inspect show the method's parameters and what this wrapper really returns
    signature = inspect.signature(method)
    returned = f"RawResponse[{signature.return_annotation}]"
    with_raw_response.__signature__ = signature.replace(return_annotation=returned)  # type: ignore[attr-defined]
    with_raw_response.__annotations__ = {**method.__annotations__, "return": returned}
    return with_raw_response


class CustomersWithRawResponse:
    """`Customers`' methods, each returning a `RawResponse`."""

    def __init__(self, customers: Customers) -> None:
        self.create = to_raw_response(customers.create)
        self.create_or_update = to_raw_response(customers.create_or_update)
        self.upsert = to_raw_response(customers.upsert)
        self.update = to_raw_response(customers.update)
        self.get = to_raw_response(customers.get)
        self.search = to_raw_response(customers.search)
        self.get_info = to_raw_response(customers.get_info)
        self.find_or_create = to_raw_response(customers.find_or_create)


class AppointmentsWithRawResponse:
    """`Appointments`' methods, each returning a `RawResponse`."""

    def __init__(self, appointments: Appointments) -> None:
        self.create_with_trip = to_raw_response(appointments.create_with_trip)
        self.update_with_trip = to_raw_response(appointments.update_with_trip)
        self.update_trip = to_raw_response(appointments.update_trip)
        self.add_trip = to_raw_response(appointments.add_trip)
        self.remove_trip = to_raw_response(appointments.remove_trip)
        self.delete_with_trip = to_raw_response(appointments.delete_with_trip)
        self.trips = to_raw_response(appointments.trips)
        self.get = to_raw_response(appointments.get)
