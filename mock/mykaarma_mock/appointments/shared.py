"""Constants and small helpers of the appointment modules: request shapes, the path dealer, JSON."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

from mykaarma_core.rules import is_blank
from mykaarma_mock.errors import INVALID, ApiError, ErrorItem

from ..customers.store import CustomerNames, customer_names

if TYPE_CHECKING:
    from mykaarma_mock.app import RequestContext
    from mykaarma_mock.world import Dealer


JsonObject = Mapping[str, Any]
WEB: Final = "WEB"
DEFAULT_TRIP_STATUS: Final = "UNASSIGNED"  # D-UNDOCUMENTED-OBJECTS
CANCELLED: Final = "CANCELLED"
DRAFT_STATUSES: Final = frozenset({"DRAFT", "AUTO_DRAFT"})  # D-DRAFT, facts §4.3 rule 22
VEHICLE_RIDES: Final = frozenset({"PICKUP_VEHICLE", "DROPOFF_VEHICLE"})  # facts §4.3 rule 21
# Field-path prefixes of the two request shapes (ErrorItem.field, D-ERROR-CODES).
A1_WRAPPER: Final = "savePickupDeliveryTripEventRequest"
A1_APPT: Final = "createAppointmentWithTripRequest"
A2_WRAPPER: Final = "updatePickupDeliveryTripEventRequest"
A2_APPT: Final = "updateAppointmentForTripRequest"


def opt_str(obj: JsonObject, key: str) -> str | None:
    """The value if it is a non-blank string (what x-rules calls ``present``), else None."""
    value = obj.get(key)
    return value if isinstance(value, str) and not is_blank(value) else None


def dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def new_uuid() -> str:
    return str(uuid.uuid4())


def invalid(message: str, field: str | None) -> ErrorItem:
    return ErrorItem(code=INVALID, message=message, field=field)


def request_body(ctx: RequestContext) -> JsonObject:
    if ctx.body is None:
        raise ApiError(400, [invalid("a JSON request body is required", None)])
    return ctx.body


def path_dealer(ctx: RequestContext) -> Dealer:
    """The dealer of the path. The core's scope check already refused unknown dealers with 403 (D-SCOPE)."""
    dealer = ctx.world.dealer(ctx.path["dealerUuid"])
    if dealer is None:
        raise ApiError(
            403,
            [ErrorItem("INVALID_SCOPE_DEALER", "no grant for this dealer", "dealerUuid")],
        )
    return dealer


def department_uuids(dealer: Dealer) -> frozenset[str]:
    return frozenset(department.uuid for department in dealer.departments)


def dealer_customer(conn: sqlite3.Connection, dealer: Dealer, customer_uuid: str) -> CustomerNames | None:
    """The customer if it belongs to one of the dealer's departments, else None (D-CONSISTENCY)."""
    return customer_names(conn, department_uuids(dealer), customer_uuid)
