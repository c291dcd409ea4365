"""The requests of ``client.appointments``, built once for the sync and the async resource.

Retries (design §4): `create_call` and the create-trip scenario of `update_call` create records, so they
retry only failures that prove the request never left (`RetryPolicy.CONNECT_ONLY`); a retry after a lost
answer would otherwise meet 409 TRIP_ALREADY_EXISTS for work that did succeed. The others retry under
`RetryPolicy.IDEMPOTENT`.
"""

from __future__ import annotations

from typing import Any

from mykaarma_api.api.appointments import (
    create_appointment_with_trip,
    delete_appointment_with_trip,
    get_appointment,
    get_trips_for_appointment,
    update_appointment_with_trip,
)
from mykaarma_api.models import (
    DeleteAppointmentWithTripRequest,
    GetTripsRequest,
    PickupDeliveryTripEvent,
    SaveAppointmentWithTripRequest,
    UpdateAppointmentWithTripRequest,
)
from mykaarma_api.params import (
    DeleteAppointmentWithTripRequestParam,
    PickupDeliveryTripEventParam,
    SaveAppointmentWithTripRequestParam,
    UpdateAppointmentWithTripRequestParam,
)

from .._exceptions import Problem, ValidationError
from .._retry import RetryPolicy
from ..trips import scenario
from ..validation import (
    check_create_with_trip,
    check_delete_with_trip,
    check_ids,
    check_update_with_trip,
    prepare_body,
)
from ._calls import Call, Timeout

__all__ = [
    "CreateBody",
    "DeleteBody",
    "EventArg",
    "UpdateBody",
    "create_call",
    "delete_call",
    "get_call",
    "trips_call",
    "update_call",
]

#: Each body as a model or as a dict whose keys and value types mypy checks (`mykaarma.types`).
CreateBody = SaveAppointmentWithTripRequest | SaveAppointmentWithTripRequestParam
UpdateBody = UpdateAppointmentWithTripRequest | UpdateAppointmentWithTripRequestParam
DeleteBody = DeleteAppointmentWithTripRequest | DeleteAppointmentWithTripRequestParam
EventArg = PickupDeliveryTripEvent | PickupDeliveryTripEventParam


def create_call(
    dealer_uuid: str,
    body: CreateBody,
    *,
    mobile_service_appt_uuid: str | None,
    regular_service_appt_uuid: str | None,
    validate: bool,
    timeout: Timeout,
    max_retries: int | None,
) -> Call:
    replaced = {
        name: value
        for name, value in (
            ("mobile_service_appt_uuid", mobile_service_appt_uuid),
            ("regular_service_appt_uuid", regular_service_appt_uuid),
        )
        if value is not None
    }
    check_ids(dealer_uuid=dealer_uuid, **replaced)
    request = prepare_body(
        SaveAppointmentWithTripRequest, body, validate=validate, check=check_create_with_trip(dealer_uuid)
    )
    kwargs = {"dealer_uuid": dealer_uuid, "body": request, **replaced}
    # Not idempotent: a repeat books a second appointment (D-CONCURRENCY: no idempotency key).
    return Call(create_appointment_with_trip, RetryPolicy.CONNECT_ONLY, kwargs, timeout, max_retries)


def update_call(
    dealer_uuid: str,
    sar_uuid: str,
    body: UpdateBody,
    *,
    enforce_preferences: bool | None,
    validate: bool,
    timeout: Timeout,
    max_retries: int | None,
) -> Call:
    check_ids(dealer_uuid=dealer_uuid, sar_uuid=sar_uuid)
    check = check_update_with_trip(dealer_uuid, enforce_preferences=enforce_preferences is True)
    request = prepare_body(UpdateAppointmentWithTripRequest, body, validate=validate, check=check)
    selected = scenario(request.model)
    if selected is None:
        # Checked even with validate=False: no server accepts this body (TRIP_EVENT_REQUIRED).
        message = "neither a trip event nor a tripUUID: the request selects no scenario (TRIP_EVENT_REQUIRED)"
        raise ValidationError(
            [
                Problem(
                    "updatePickupDeliveryTripEventRequest.pickupDeliveryTripEvent",
                    message,
                    "trip-scenario-not-both-null",
                ),
                Problem(
                    "updateAppointmentForTripRequest.pickupDeliveryTripMetadata.tripUUID",
                    message,
                    "trip-scenario-not-both-null",
                ),
            ]
        )
    kwargs: dict[str, Any] = {"dealer_uuid": dealer_uuid, "sar_uuid": sar_uuid, "body": request}
    if enforce_preferences is not None:
        kwargs["enforce_preferences"] = enforce_preferences
    # The create-trip scenario creates a record, like create_with_trip: retried only when provably unsent.
    policy = RetryPolicy.CONNECT_ONLY if selected == "create" else RetryPolicy.IDEMPOTENT
    return Call(update_appointment_with_trip, policy, kwargs, timeout, max_retries)


def delete_call(
    dealer_uuid: str, body: DeleteBody, *, validate: bool, timeout: Timeout, max_retries: int | None
) -> Call:
    check_ids(dealer_uuid=dealer_uuid)
    request = prepare_body(
        DeleteAppointmentWithTripRequest, body, validate=validate, check=check_delete_with_trip(dealer_uuid)
    )
    kwargs = {"dealer_uuid": dealer_uuid, "body": request}
    return Call(delete_appointment_with_trip, RetryPolicy.IDEMPOTENT, kwargs, timeout, max_retries)


def trips_call(dealer_uuid: str, sar_uuid: str, timeout: Timeout, max_retries: int | None) -> Call:
    check_ids(dealer_uuid=dealer_uuid, sar_uuid=sar_uuid)
    kwargs = {"dealer_uuid": dealer_uuid, "body": GetTripsRequest(sar_uuid=sar_uuid)}
    # A read sent as PATCH, as the vendor documents it: safe to repeat.
    return Call(get_trips_for_appointment, RetryPolicy.IDEMPOTENT, kwargs, timeout, max_retries)


def get_call(department_uuid: str, appointment_uuid: str, timeout: Timeout, max_retries: int | None) -> Call:
    check_ids(department_uuid=department_uuid, appointment_uuid=appointment_uuid)
    kwargs = {"department_uuid": department_uuid, "appointment_uuid": appointment_uuid}
    return Call(get_appointment, RetryPolicy.IDEMPOTENT, kwargs, timeout, max_retries)
