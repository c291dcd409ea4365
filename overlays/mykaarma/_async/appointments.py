"""``client.appointments``: appointments with a pickup & delivery trip, their trips, and the trip scenarios.

Written once, async; the sync twin `Appointments` (``mykaarma/_sync/appointments.py``) is generated from this
file by ``scripts.codegen.unasync_client`` (``make generate``). The request of each method is built by
`mykaarma.resources.appointment_calls`. Bodies are generated models (`mykaarma.types`) or plain dicts
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

from functools import cached_property
from typing import TYPE_CHECKING, Unpack, cast

from mykaarma_api.models import (
    AppointmentInfoResponse,
    DeleteAppointmentWithTripResponse,
    PickupDeliveryTripViewDtoResponse,
    SaveAppointmentWithTripResponse,
)

from ..resources._calls import Timeout
from ..resources.appointment_calls import (
    CreateBody,
    DeleteBody,
    EventArg,
    UpdateBody,
    create_call,
    delete_call,
    get_call,
    trips_call,
    update_call,
)
from ..trips import AppointmentChange, add_trip, remove_trip, update_trip
from .calls import asend

if TYPE_CHECKING:
    from .api_client import AsyncAPIClient
    from .raw_responses import AsyncAppointmentsWithRawResponse

__all__ = ["AsyncAppointments"]


class AsyncAppointments:
    """Appointment-with-trip operations of `AsyncMyKaarma` (``client.appointments``).

    Every method takes ``timeout`` and ``max_retries`` overriding the client's for that call; the write
    methods take ``validate`` (default True: check the body before sending).
    """

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncAppointmentsWithRawResponse:
        """These methods, each returning a `RawResponse`: status, headers, request id, ``parse()``."""
        from .raw_responses import AsyncAppointmentsWithRawResponse

        return AsyncAppointmentsWithRawResponse(self)

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
        """Create an appointment with its trip; ``event_uuid`` of the result is the trip's uuid (D-TRIP-UUID).

        `mobile_service_appt_uuid` / `regular_service_appt_uuid` name an appointment this one replaces (it
        is deleted after the create, D-ENFORCE-PREFERENCES). Not retried once the request may have reached
        the server: a failure then raises `APIConnectionError` with ``may_have_reached_server=True``.
        """
        call = create_call(
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
        """Update appointment `sar_uuid` and update, add or remove its trip (the body's scenario).

        A body with neither a trip event nor a ``tripUUID`` raises `ValidationError` without a request, even
        with ``validate=False``. `update_trip`, `add_trip` and `remove_trip` build the valid bodies.
        """
        call = update_call(
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
        """Update trip `trip_uuid` of appointment `sar_uuid` with `event`, and the appointment.

        ``change``: ``appointment_date``, ``start_time``, ``requester_user_uuid``, ``dealer_department_uuids``
        and optional fields, see `mykaarma.trips.AppointmentChange`.
        """
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
        """Give appointment `sar_uuid` (which has no trip) the trip `event`; 409 if it already has one.

        ``event_uuid`` of the result is the new trip's uuid. ``change`` as in `update_trip`.
        """
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
        """Cancel trip `trip_uuid` and unlink it from appointment `sar_uuid`, which stays (and is updated).

        ``change`` as in `update_trip`.
        """
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
        """Delete an appointment and cancel its trip (D-A3); both must belong together."""
        call = delete_call(dealer_uuid, body, validate=validate, timeout=timeout, max_retries=max_retries)
        return cast(DeleteAppointmentWithTripResponse, await asend(self._client, call))

    async def trips(
        self, dealer_uuid: str, sar_uuid: str, *, timeout: Timeout = None, max_retries: int | None = None
    ) -> PickupDeliveryTripViewDtoResponse:
        """The trips linked to appointment `sar_uuid` (a cancelled trip is no longer linked)."""
        call = trips_call(dealer_uuid, sar_uuid, timeout, max_retries)
        return cast(PickupDeliveryTripViewDtoResponse, await asend(self._client, call))

    async def get(
        self,
        department_uuid: str,
        appointment_uuid: str,
        *,
        timeout: Timeout = None,
        max_retries: int | None = None,
    ) -> AppointmentInfoResponse:
        """Read one appointment (what create and update stored, D-APPT-READ)."""
        call = get_call(department_uuid, appointment_uuid, timeout, max_retries)
        return cast(AppointmentInfoResponse, await asend(self._client, call))
