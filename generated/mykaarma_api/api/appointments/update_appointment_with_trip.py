# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.save_appointment_with_trip_response import SaveAppointmentWithTripResponse
from ...models.trip_error_response import TripErrorResponse
from ...models.update_appointment_with_trip_request import UpdateAppointmentWithTripRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    dealer_uuid: str,
    sar_uuid: str,
    *,
    body: UpdateAppointmentWithTripRequest,
    enforce_preferences: bool | Unset = False,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["enforcePreferences"] = enforce_preferences

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/appointment/v2/dealer/{dealer_uuid}/sar/{sar_uuid}/appointment-trip".format(
            dealer_uuid=quote(str(dealer_uuid), safe=""),
            sar_uuid=quote(str(sar_uuid), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> SaveAppointmentWithTripResponse | TripErrorResponse | None:
    if response.status_code == 200:
        response_200 = SaveAppointmentWithTripResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = TripErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = TripErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = TripErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = TripErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 408:
        response_408 = TripErrorResponse.from_dict(response.json())

        return response_408

    if response.status_code == 409:
        response_409 = TripErrorResponse.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = TripErrorResponse.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = TripErrorResponse.from_dict(response.json())

        return response_415

    if response.status_code == 429:
        response_429 = TripErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = TripErrorResponse.from_dict(response.json())

        return response_500

    if response.status_code == 502:
        response_502 = TripErrorResponse.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = TripErrorResponse.from_dict(response.json())

        return response_503

    if response.status_code == 504:
        response_504 = TripErrorResponse.from_dict(response.json())

        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[SaveAppointmentWithTripResponse | TripErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    dealer_uuid: str,
    sar_uuid: str,
    *,
    client: AuthenticatedClient,
    body: UpdateAppointmentWithTripRequest,
    enforce_preferences: bool | Unset = False,
) -> Response[SaveAppointmentWithTripResponse | TripErrorResponse]:
    """Update an appointment and update, add or remove its trip

     Updates the appointment of the path and, in the same call, its trip. The scenario follows from the
    event
    (E, `updatePickupDeliveryTripEventRequest.pickupDeliveryTripEvent`) and T
    (`updateAppointmentForTripRequest.pickupDeliveryTripMetadata.tripUUID`):

    | E | T | Effect |
    |---|---|---|
    | sent | sent | update the trip (E.eventUUID required and equal to T; the trip must exist and be
    valid) |
    | sent | null/absent | add a trip (409 when the appointment already has one) |
    | null | sent | remove the trip (cancelled and unlinked), then update the appointment |
    | null | null | 400, not a scenario |

    The appointment's date and times are sent separately and joined as `yyyy-MM-dd'T'HH:mm:ss`; the end
    defaults to the 30-minute slot (D-END-TIME). `serviceList`, when sent, replaces the services. Safe
    to retry:
    the same body applied twice gives the same state, except the add-trip scenario, whose retry gets
    409.

    Args:
        dealer_uuid (str):
        sar_uuid (str):
        enforce_preferences (bool | Unset):  Default: False.
        body (UpdateAppointmentWithTripRequest): Body of update appointment with trip. The
            scenario follows from the event (E) and `tripUUID` (T):
            E and T ⇒ update the trip (E.eventUUID required, equal to T); E without T ⇒ create a trip
            (409 if the
            appointment already has one); T with E null ⇒ delete the trip; neither ⇒ 400 (facts §4.3
            rule 15).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[SaveAppointmentWithTripResponse | TripErrorResponse]
    """

    kwargs = _get_kwargs(
        dealer_uuid=dealer_uuid,
        sar_uuid=sar_uuid,
        body=body,
        enforce_preferences=enforce_preferences,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    dealer_uuid: str,
    sar_uuid: str,
    *,
    client: AuthenticatedClient,
    body: UpdateAppointmentWithTripRequest,
    enforce_preferences: bool | Unset = False,
) -> SaveAppointmentWithTripResponse | TripErrorResponse | None:
    """Update an appointment and update, add or remove its trip

     Updates the appointment of the path and, in the same call, its trip. The scenario follows from the
    event
    (E, `updatePickupDeliveryTripEventRequest.pickupDeliveryTripEvent`) and T
    (`updateAppointmentForTripRequest.pickupDeliveryTripMetadata.tripUUID`):

    | E | T | Effect |
    |---|---|---|
    | sent | sent | update the trip (E.eventUUID required and equal to T; the trip must exist and be
    valid) |
    | sent | null/absent | add a trip (409 when the appointment already has one) |
    | null | sent | remove the trip (cancelled and unlinked), then update the appointment |
    | null | null | 400, not a scenario |

    The appointment's date and times are sent separately and joined as `yyyy-MM-dd'T'HH:mm:ss`; the end
    defaults to the 30-minute slot (D-END-TIME). `serviceList`, when sent, replaces the services. Safe
    to retry:
    the same body applied twice gives the same state, except the add-trip scenario, whose retry gets
    409.

    Args:
        dealer_uuid (str):
        sar_uuid (str):
        enforce_preferences (bool | Unset):  Default: False.
        body (UpdateAppointmentWithTripRequest): Body of update appointment with trip. The
            scenario follows from the event (E) and `tripUUID` (T):
            E and T ⇒ update the trip (E.eventUUID required, equal to T); E without T ⇒ create a trip
            (409 if the
            appointment already has one); T with E null ⇒ delete the trip; neither ⇒ 400 (facts §4.3
            rule 15).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        SaveAppointmentWithTripResponse | TripErrorResponse
    """

    return sync_detailed(
        dealer_uuid=dealer_uuid,
        sar_uuid=sar_uuid,
        client=client,
        body=body,
        enforce_preferences=enforce_preferences,
    ).parsed


async def asyncio_detailed(
    dealer_uuid: str,
    sar_uuid: str,
    *,
    client: AuthenticatedClient,
    body: UpdateAppointmentWithTripRequest,
    enforce_preferences: bool | Unset = False,
) -> Response[SaveAppointmentWithTripResponse | TripErrorResponse]:
    """Update an appointment and update, add or remove its trip

     Updates the appointment of the path and, in the same call, its trip. The scenario follows from the
    event
    (E, `updatePickupDeliveryTripEventRequest.pickupDeliveryTripEvent`) and T
    (`updateAppointmentForTripRequest.pickupDeliveryTripMetadata.tripUUID`):

    | E | T | Effect |
    |---|---|---|
    | sent | sent | update the trip (E.eventUUID required and equal to T; the trip must exist and be
    valid) |
    | sent | null/absent | add a trip (409 when the appointment already has one) |
    | null | sent | remove the trip (cancelled and unlinked), then update the appointment |
    | null | null | 400, not a scenario |

    The appointment's date and times are sent separately and joined as `yyyy-MM-dd'T'HH:mm:ss`; the end
    defaults to the 30-minute slot (D-END-TIME). `serviceList`, when sent, replaces the services. Safe
    to retry:
    the same body applied twice gives the same state, except the add-trip scenario, whose retry gets
    409.

    Args:
        dealer_uuid (str):
        sar_uuid (str):
        enforce_preferences (bool | Unset):  Default: False.
        body (UpdateAppointmentWithTripRequest): Body of update appointment with trip. The
            scenario follows from the event (E) and `tripUUID` (T):
            E and T ⇒ update the trip (E.eventUUID required, equal to T); E without T ⇒ create a trip
            (409 if the
            appointment already has one); T with E null ⇒ delete the trip; neither ⇒ 400 (facts §4.3
            rule 15).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[SaveAppointmentWithTripResponse | TripErrorResponse]
    """

    kwargs = _get_kwargs(
        dealer_uuid=dealer_uuid,
        sar_uuid=sar_uuid,
        body=body,
        enforce_preferences=enforce_preferences,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dealer_uuid: str,
    sar_uuid: str,
    *,
    client: AuthenticatedClient,
    body: UpdateAppointmentWithTripRequest,
    enforce_preferences: bool | Unset = False,
) -> SaveAppointmentWithTripResponse | TripErrorResponse | None:
    """Update an appointment and update, add or remove its trip

     Updates the appointment of the path and, in the same call, its trip. The scenario follows from the
    event
    (E, `updatePickupDeliveryTripEventRequest.pickupDeliveryTripEvent`) and T
    (`updateAppointmentForTripRequest.pickupDeliveryTripMetadata.tripUUID`):

    | E | T | Effect |
    |---|---|---|
    | sent | sent | update the trip (E.eventUUID required and equal to T; the trip must exist and be
    valid) |
    | sent | null/absent | add a trip (409 when the appointment already has one) |
    | null | sent | remove the trip (cancelled and unlinked), then update the appointment |
    | null | null | 400, not a scenario |

    The appointment's date and times are sent separately and joined as `yyyy-MM-dd'T'HH:mm:ss`; the end
    defaults to the 30-minute slot (D-END-TIME). `serviceList`, when sent, replaces the services. Safe
    to retry:
    the same body applied twice gives the same state, except the add-trip scenario, whose retry gets
    409.

    Args:
        dealer_uuid (str):
        sar_uuid (str):
        enforce_preferences (bool | Unset):  Default: False.
        body (UpdateAppointmentWithTripRequest): Body of update appointment with trip. The
            scenario follows from the event (E) and `tripUUID` (T):
            E and T ⇒ update the trip (E.eventUUID required, equal to T); E without T ⇒ create a trip
            (409 if the
            appointment already has one); T with E null ⇒ delete the trip; neither ⇒ 400 (facts §4.3
            rule 15).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        SaveAppointmentWithTripResponse | TripErrorResponse
    """

    return (
        await asyncio_detailed(
            dealer_uuid=dealer_uuid,
            sar_uuid=sar_uuid,
            client=client,
            body=body,
            enforce_preferences=enforce_preferences,
        )
    ).parsed
