"""``client.appointments``: appointments with a pickup & delivery trip, their trips, and the trip scenarios.

`Appointments` (sync) and `AsyncAppointments` (async) have the same surface; the request of each method is
built by a module-level function both share. Bodies are generated models (`mykaarma.types`) or plain dicts
in the API's JSON form, validated before sending unless ``validate=False`` (`mykaarma.validation`).

Retries (design §4): `create_with_trip` and the create-trip scenario of `update_with_trip` (`add_trip`)
create records, so they retry only failures that prove the request never left (`RetryPolicy.CONNECT_ONLY`);
a retry after a lost answer would otherwise meet 409 TRIP_ALREADY_EXISTS for work that did succeed.
The others retry under `RetryPolicy.IDEMPOTENT`: repeating an update or a delete never does the work twice,
but when the first attempt took effect and only its answer was lost, the repeat of a delete-trip scenario or
of `delete_with_trip` answers 404: read `trips` / `get` to see the state.

The trip helpers `update_trip`, `add_trip` and `remove_trip` build the three valid update scenarios with
`mykaarma.trips` and send them with `update_with_trip`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Unpack, cast

from mykaarma_api.api.appointments import (
    create_appointment_with_trip,
    delete_appointment_with_trip,
    get_appointment,
    get_trips_for_appointment,
    update_appointment_with_trip,
)
from mykaarma_api.models import (
    AppointmentInfoResponse,
    DeleteAppointmentWithTripRequest,
    DeleteAppointmentWithTripResponse,
    GetTripsRequest,
    PickupDeliveryTripEvent,
    PickupDeliveryTripViewDtoResponse,
    SaveAppointmentWithTripRequest,
    SaveAppointmentWithTripResponse,
    UpdateAppointmentWithTripRequest,
)

from .._exceptions import Problem, ValidationError
from .._retry import RetryPolicy
from ..trips import AppointmentChange, add_trip, remove_trip, scenario, update_trip
from ..validation import (
    check_create_with_trip,
    check_delete_with_trip,
    check_ids,
    check_update_with_trip,
    prepare_body,
)
from ._calls import Call, Timeout, asend, send

if TYPE_CHECKING:
    from .._base_client import AsyncAPIClient, SyncAPIClient

__all__ = ["Appointments", "AsyncAppointments"]

CreateBody = SaveAppointmentWithTripRequest | Mapping[str, Any]
UpdateBody = UpdateAppointmentWithTripRequest | Mapping[str, Any]
DeleteBody = DeleteAppointmentWithTripRequest | Mapping[str, Any]
EventArg = PickupDeliveryTripEvent | Mapping[str, Any]


# -- requests, shared by the sync and async classes ----------------------------------------------------------


def _create_call(
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


def _update_call(
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


def _delete_call(
    dealer_uuid: str, body: DeleteBody, *, validate: bool, timeout: Timeout, max_retries: int | None
) -> Call:
    check_ids(dealer_uuid=dealer_uuid)
    request = prepare_body(
        DeleteAppointmentWithTripRequest, body, validate=validate, check=check_delete_with_trip(dealer_uuid)
    )
    kwargs = {"dealer_uuid": dealer_uuid, "body": request}
    return Call(delete_appointment_with_trip, RetryPolicy.IDEMPOTENT, kwargs, timeout, max_retries)


def _trips_call(dealer_uuid: str, sar_uuid: str, timeout: Timeout, max_retries: int | None) -> Call:
    check_ids(dealer_uuid=dealer_uuid, sar_uuid=sar_uuid)
    kwargs = {"dealer_uuid": dealer_uuid, "body": GetTripsRequest(sar_uuid=sar_uuid)}
    # A read sent as PATCH, as the vendor documents it: safe to repeat.
    return Call(get_trips_for_appointment, RetryPolicy.IDEMPOTENT, kwargs, timeout, max_retries)


def _get_call(department_uuid: str, appointment_uuid: str, timeout: Timeout, max_retries: int | None) -> Call:
    check_ids(department_uuid=department_uuid, appointment_uuid=appointment_uuid)
    kwargs = {"department_uuid": department_uuid, "appointment_uuid": appointment_uuid}
    return Call(get_appointment, RetryPolicy.IDEMPOTENT, kwargs, timeout, max_retries)


# -- the resources -------------------------------------------------------------------------------------------


class Appointments:
    """Appointment-with-trip operations of `MyKaarma` (``client.appointments``).

    Every method takes ``timeout`` and ``max_retries`` overriding the client's for that call; the write
    methods take ``validate`` (default True: check the body before sending).
    """

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def create_with_trip(
        self,
        dealer_uuid: str,
        body: CreateBody,
        *,
        mobile_service_appt_uuid: str | None = None,
        regular_service_appt_uuid: str | None = None,
        validate: bool = True,
        timeout: Timeout = None,
        max_retries: int | None = None,
    ) -> SaveAppointmentWithTripResponse:
        """Create an appointment with its trip; ``event_uuid`` of the result is the trip's uuid (D-TRIP-UUID).

        `mobile_service_appt_uuid` / `regular_service_appt_uuid` name an appointment this one replaces (it
        is deleted after the create, D-ENFORCE-PREFERENCES). Not retried once the request may have reached
        the server: a failure then raises `APIConnectionError` with ``may_have_reached_server=True``.
        """
        call = _create_call(
            dealer_uuid,
            body,
            mobile_service_appt_uuid=mobile_service_appt_uuid,
            regular_service_appt_uuid=regular_service_appt_uuid,
            validate=validate,
            timeout=timeout,
            max_retries=max_retries,
        )
        return cast(SaveAppointmentWithTripResponse, send(self._client, call))

    def update_with_trip(
        self,
        dealer_uuid: str,
        sar_uuid: str,
        body: UpdateBody,
        *,
        enforce_preferences: bool | None = None,
        validate: bool = True,
        timeout: Timeout = None,
        max_retries: int | None = None,
    ) -> SaveAppointmentWithTripResponse:
        """Update appointment `sar_uuid` and update, add or remove its trip (the body's scenario).

        A body with neither a trip event nor a ``tripUUID`` raises `ValidationError` without a request, even
        with ``validate=False``. `update_trip`, `add_trip` and `remove_trip` build the valid bodies.
        """
        call = _update_call(
            dealer_uuid,
            sar_uuid,
            body,
            enforce_preferences=enforce_preferences,
            validate=validate,
            timeout=timeout,
            max_retries=max_retries,
        )
        return cast(SaveAppointmentWithTripResponse, send(self._client, call))

    def update_trip(
        self,
        dealer_uuid: str,
        sar_uuid: str,
        *,
        trip_uuid: str,
        event: EventArg,
        enforce_preferences: bool | None = None,
        validate: bool = True,
        timeout: Timeout = None,
        max_retries: int | None = None,
        **change: Unpack[AppointmentChange],
    ) -> SaveAppointmentWithTripResponse:
        """Update trip `trip_uuid` of appointment `sar_uuid` with `event`, and the appointment.

        ``change``: ``appointment_date``, ``start_time``, ``requester_user_uuid``, ``dealer_department_uuids``
        and optional fields, see `mykaarma.trips.AppointmentChange`.
        """
        body = update_trip(trip_uuid=trip_uuid, event=event, **change)
        return self.update_with_trip(
            dealer_uuid,
            sar_uuid,
            body,
            enforce_preferences=enforce_preferences,
            validate=validate,
            timeout=timeout,
            max_retries=max_retries,
        )

    def add_trip(
        self,
        dealer_uuid: str,
        sar_uuid: str,
        *,
        event: EventArg,
        enforce_preferences: bool | None = None,
        validate: bool = True,
        timeout: Timeout = None,
        max_retries: int | None = None,
        **change: Unpack[AppointmentChange],
    ) -> SaveAppointmentWithTripResponse:
        """Give appointment `sar_uuid` (which has no trip) the trip `event`; 409 if it already has one.

        ``event_uuid`` of the result is the new trip's uuid. ``change`` as in `update_trip`.
        """
        body = add_trip(event=event, **change)
        return self.update_with_trip(
            dealer_uuid,
            sar_uuid,
            body,
            enforce_preferences=enforce_preferences,
            validate=validate,
            timeout=timeout,
            max_retries=max_retries,
        )

    def remove_trip(
        self,
        dealer_uuid: str,
        sar_uuid: str,
        *,
        trip_uuid: str,
        enforce_preferences: bool | None = None,
        validate: bool = True,
        timeout: Timeout = None,
        max_retries: int | None = None,
        **change: Unpack[AppointmentChange],
    ) -> SaveAppointmentWithTripResponse:
        """Cancel trip `trip_uuid` and unlink it from appointment `sar_uuid`, which stays (and is updated).

        ``change`` as in `update_trip`.
        """
        body = remove_trip(trip_uuid=trip_uuid, **change)
        return self.update_with_trip(
            dealer_uuid,
            sar_uuid,
            body,
            enforce_preferences=enforce_preferences,
            validate=validate,
            timeout=timeout,
            max_retries=max_retries,
        )

    def delete_with_trip(
        self,
        dealer_uuid: str,
        body: DeleteBody,
        *,
        validate: bool = True,
        timeout: Timeout = None,
        max_retries: int | None = None,
    ) -> DeleteAppointmentWithTripResponse:
        """Delete an appointment and cancel its trip (D-A3); both must belong together."""
        call = _delete_call(dealer_uuid, body, validate=validate, timeout=timeout, max_retries=max_retries)
        return cast(DeleteAppointmentWithTripResponse, send(self._client, call))

    def trips(
        self, dealer_uuid: str, sar_uuid: str, *, timeout: Timeout = None, max_retries: int | None = None
    ) -> PickupDeliveryTripViewDtoResponse:
        """The trips linked to appointment `sar_uuid` (a cancelled trip is no longer linked)."""
        call = _trips_call(dealer_uuid, sar_uuid, timeout, max_retries)
        return cast(PickupDeliveryTripViewDtoResponse, send(self._client, call))

    def get(
        self,
        department_uuid: str,
        appointment_uuid: str,
        *,
        timeout: Timeout = None,
        max_retries: int | None = None,
    ) -> AppointmentInfoResponse:
        """Read one appointment (what create and update stored, D-APPT-READ)."""
        call = _get_call(department_uuid, appointment_uuid, timeout, max_retries)
        return cast(AppointmentInfoResponse, send(self._client, call))


class AsyncAppointments:
    """Appointment-with-trip operations of `AsyncMyKaarma` (``client.appointments``); see `Appointments`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def create_with_trip(
        self,
        dealer_uuid: str,
        body: CreateBody,
        *,
        mobile_service_appt_uuid: str | None = None,
        regular_service_appt_uuid: str | None = None,
        validate: bool = True,
        timeout: Timeout = None,
        max_retries: int | None = None,
    ) -> SaveAppointmentWithTripResponse:
        """See `Appointments.create_with_trip`."""
        call = _create_call(
            dealer_uuid,
            body,
            mobile_service_appt_uuid=mobile_service_appt_uuid,
            regular_service_appt_uuid=regular_service_appt_uuid,
            validate=validate,
            timeout=timeout,
            max_retries=max_retries,
        )
        return cast(SaveAppointmentWithTripResponse, await asend(self._client, call))

    async def update_with_trip(
        self,
        dealer_uuid: str,
        sar_uuid: str,
        body: UpdateBody,
        *,
        enforce_preferences: bool | None = None,
        validate: bool = True,
        timeout: Timeout = None,
        max_retries: int | None = None,
    ) -> SaveAppointmentWithTripResponse:
        """See `Appointments.update_with_trip`."""
        call = _update_call(
            dealer_uuid,
            sar_uuid,
            body,
            enforce_preferences=enforce_preferences,
            validate=validate,
            timeout=timeout,
            max_retries=max_retries,
        )
        return cast(SaveAppointmentWithTripResponse, await asend(self._client, call))

    async def update_trip(
        self,
        dealer_uuid: str,
        sar_uuid: str,
        *,
        trip_uuid: str,
        event: EventArg,
        enforce_preferences: bool | None = None,
        validate: bool = True,
        timeout: Timeout = None,
        max_retries: int | None = None,
        **change: Unpack[AppointmentChange],
    ) -> SaveAppointmentWithTripResponse:
        """See `Appointments.update_trip`."""
        body = update_trip(trip_uuid=trip_uuid, event=event, **change)
        return await self.update_with_trip(
            dealer_uuid,
            sar_uuid,
            body,
            enforce_preferences=enforce_preferences,
            validate=validate,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def add_trip(
        self,
        dealer_uuid: str,
        sar_uuid: str,
        *,
        event: EventArg,
        enforce_preferences: bool | None = None,
        validate: bool = True,
        timeout: Timeout = None,
        max_retries: int | None = None,
        **change: Unpack[AppointmentChange],
    ) -> SaveAppointmentWithTripResponse:
        """See `Appointments.add_trip`."""
        body = add_trip(event=event, **change)
        return await self.update_with_trip(
            dealer_uuid,
            sar_uuid,
            body,
            enforce_preferences=enforce_preferences,
            validate=validate,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def remove_trip(
        self,
        dealer_uuid: str,
        sar_uuid: str,
        *,
        trip_uuid: str,
        enforce_preferences: bool | None = None,
        validate: bool = True,
        timeout: Timeout = None,
        max_retries: int | None = None,
        **change: Unpack[AppointmentChange],
    ) -> SaveAppointmentWithTripResponse:
        """See `Appointments.remove_trip`."""
        body = remove_trip(trip_uuid=trip_uuid, **change)
        return await self.update_with_trip(
            dealer_uuid,
            sar_uuid,
            body,
            enforce_preferences=enforce_preferences,
            validate=validate,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def delete_with_trip(
        self,
        dealer_uuid: str,
        body: DeleteBody,
        *,
        validate: bool = True,
        timeout: Timeout = None,
        max_retries: int | None = None,
    ) -> DeleteAppointmentWithTripResponse:
        """See `Appointments.delete_with_trip`."""
        call = _delete_call(dealer_uuid, body, validate=validate, timeout=timeout, max_retries=max_retries)
        return cast(DeleteAppointmentWithTripResponse, await asend(self._client, call))

    async def trips(
        self, dealer_uuid: str, sar_uuid: str, *, timeout: Timeout = None, max_retries: int | None = None
    ) -> PickupDeliveryTripViewDtoResponse:
        """See `Appointments.trips`."""
        call = _trips_call(dealer_uuid, sar_uuid, timeout, max_retries)
        return cast(PickupDeliveryTripViewDtoResponse, await asend(self._client, call))

    async def get(
        self,
        department_uuid: str,
        appointment_uuid: str,
        *,
        timeout: Timeout = None,
        max_retries: int | None = None,
    ) -> AppointmentInfoResponse:
        """See `Appointments.get`."""
        call = _get_call(department_uuid, appointment_uuid, timeout, max_retries)
        return cast(AppointmentInfoResponse, await asend(self._client, call))
