# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.save_appointment_with_trip_request import SaveAppointmentWithTripRequest
from ...models.save_appointment_with_trip_response import SaveAppointmentWithTripResponse
from ...models.trip_error_response import TripErrorResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    dealer_uuid: str,
    *,
    body: SaveAppointmentWithTripRequest,
    mobile_service_appt_uuid: str | Unset = UNSET,
    regular_service_appt_uuid: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["mobileServiceApptUuid"] = mobile_service_appt_uuid

    params["regularServiceApptUuid"] = regular_service_appt_uuid

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/appointment/v2/dealer/{dealer_uuid}/appointment-trip".format(
            dealer_uuid=quote(str(dealer_uuid), safe=""),
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
    *,
    client: AuthenticatedClient,
    body: SaveAppointmentWithTripRequest,
    mobile_service_appt_uuid: str | Unset = UNSET,
    regular_service_appt_uuid: str | Unset = UNSET,
) -> Response[SaveAppointmentWithTripResponse | TripErrorResponse]:
    """Create an appointment with a pickup & delivery trip

     Creates an appointment and its trip in one call. The trip's rules (facts §4.3; see
    `PickupDeliveryTripEvent`) and the consistency checks between the path dealer, the event's dealer
    and
    department and `dealerDepartmentUUIDList` apply (D-CONSISTENCY). The appointment end defaults to the
    start's 30-minute slot (D-END-TIME).

    With `mobileServiceApptUuid` or `regularServiceApptUuid`, that existing appointment of the dealer is
    deleted once the new one is created; an unknown one fails the call before anything is created.

    Not idempotent: a retry after a lost response creates a second appointment. The response's
    `eventUUID` is
    the trip's identifier for later updates and for the delete (D-TRIP-UUID).

    Args:
        dealer_uuid (str):
        mobile_service_appt_uuid (str | Unset):
        regular_service_appt_uuid (str | Unset):
        body (SaveAppointmentWithTripRequest): Body of create appointment with trip; both parts
            are required.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[SaveAppointmentWithTripResponse | TripErrorResponse]
    """

    kwargs = _get_kwargs(
        dealer_uuid=dealer_uuid,
        body=body,
        mobile_service_appt_uuid=mobile_service_appt_uuid,
        regular_service_appt_uuid=regular_service_appt_uuid,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    dealer_uuid: str,
    *,
    client: AuthenticatedClient,
    body: SaveAppointmentWithTripRequest,
    mobile_service_appt_uuid: str | Unset = UNSET,
    regular_service_appt_uuid: str | Unset = UNSET,
) -> SaveAppointmentWithTripResponse | TripErrorResponse | None:
    """Create an appointment with a pickup & delivery trip

     Creates an appointment and its trip in one call. The trip's rules (facts §4.3; see
    `PickupDeliveryTripEvent`) and the consistency checks between the path dealer, the event's dealer
    and
    department and `dealerDepartmentUUIDList` apply (D-CONSISTENCY). The appointment end defaults to the
    start's 30-minute slot (D-END-TIME).

    With `mobileServiceApptUuid` or `regularServiceApptUuid`, that existing appointment of the dealer is
    deleted once the new one is created; an unknown one fails the call before anything is created.

    Not idempotent: a retry after a lost response creates a second appointment. The response's
    `eventUUID` is
    the trip's identifier for later updates and for the delete (D-TRIP-UUID).

    Args:
        dealer_uuid (str):
        mobile_service_appt_uuid (str | Unset):
        regular_service_appt_uuid (str | Unset):
        body (SaveAppointmentWithTripRequest): Body of create appointment with trip; both parts
            are required.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        SaveAppointmentWithTripResponse | TripErrorResponse
    """

    return sync_detailed(
        dealer_uuid=dealer_uuid,
        client=client,
        body=body,
        mobile_service_appt_uuid=mobile_service_appt_uuid,
        regular_service_appt_uuid=regular_service_appt_uuid,
    ).parsed


async def asyncio_detailed(
    dealer_uuid: str,
    *,
    client: AuthenticatedClient,
    body: SaveAppointmentWithTripRequest,
    mobile_service_appt_uuid: str | Unset = UNSET,
    regular_service_appt_uuid: str | Unset = UNSET,
) -> Response[SaveAppointmentWithTripResponse | TripErrorResponse]:
    """Create an appointment with a pickup & delivery trip

     Creates an appointment and its trip in one call. The trip's rules (facts §4.3; see
    `PickupDeliveryTripEvent`) and the consistency checks between the path dealer, the event's dealer
    and
    department and `dealerDepartmentUUIDList` apply (D-CONSISTENCY). The appointment end defaults to the
    start's 30-minute slot (D-END-TIME).

    With `mobileServiceApptUuid` or `regularServiceApptUuid`, that existing appointment of the dealer is
    deleted once the new one is created; an unknown one fails the call before anything is created.

    Not idempotent: a retry after a lost response creates a second appointment. The response's
    `eventUUID` is
    the trip's identifier for later updates and for the delete (D-TRIP-UUID).

    Args:
        dealer_uuid (str):
        mobile_service_appt_uuid (str | Unset):
        regular_service_appt_uuid (str | Unset):
        body (SaveAppointmentWithTripRequest): Body of create appointment with trip; both parts
            are required.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[SaveAppointmentWithTripResponse | TripErrorResponse]
    """

    kwargs = _get_kwargs(
        dealer_uuid=dealer_uuid,
        body=body,
        mobile_service_appt_uuid=mobile_service_appt_uuid,
        regular_service_appt_uuid=regular_service_appt_uuid,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dealer_uuid: str,
    *,
    client: AuthenticatedClient,
    body: SaveAppointmentWithTripRequest,
    mobile_service_appt_uuid: str | Unset = UNSET,
    regular_service_appt_uuid: str | Unset = UNSET,
) -> SaveAppointmentWithTripResponse | TripErrorResponse | None:
    """Create an appointment with a pickup & delivery trip

     Creates an appointment and its trip in one call. The trip's rules (facts §4.3; see
    `PickupDeliveryTripEvent`) and the consistency checks between the path dealer, the event's dealer
    and
    department and `dealerDepartmentUUIDList` apply (D-CONSISTENCY). The appointment end defaults to the
    start's 30-minute slot (D-END-TIME).

    With `mobileServiceApptUuid` or `regularServiceApptUuid`, that existing appointment of the dealer is
    deleted once the new one is created; an unknown one fails the call before anything is created.

    Not idempotent: a retry after a lost response creates a second appointment. The response's
    `eventUUID` is
    the trip's identifier for later updates and for the delete (D-TRIP-UUID).

    Args:
        dealer_uuid (str):
        mobile_service_appt_uuid (str | Unset):
        regular_service_appt_uuid (str | Unset):
        body (SaveAppointmentWithTripRequest): Body of create appointment with trip; both parts
            are required.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        SaveAppointmentWithTripResponse | TripErrorResponse
    """

    return (
        await asyncio_detailed(
            dealer_uuid=dealer_uuid,
            client=client,
            body=body,
            mobile_service_appt_uuid=mobile_service_appt_uuid,
            regular_service_appt_uuid=regular_service_appt_uuid,
        )
    ).parsed
