# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.delete_appointment_with_trip_request import DeleteAppointmentWithTripRequest
from ...models.delete_appointment_with_trip_response import DeleteAppointmentWithTripResponse
from ...models.trip_error_response import TripErrorResponse
from ...types import Response


def _get_kwargs(
    dealer_uuid: str,
    *,
    body: DeleteAppointmentWithTripRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/appointment/v2/dealer/{dealer_uuid}/appointment-trip".format(
            dealer_uuid=quote(str(dealer_uuid), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DeleteAppointmentWithTripResponse | TripErrorResponse | None:
    if response.status_code == 200:
        response_200 = DeleteAppointmentWithTripResponse.from_dict(response.json())

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
) -> Response[DeleteAppointmentWithTripResponse | TripErrorResponse]:
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
    body: DeleteAppointmentWithTripRequest,
) -> Response[DeleteAppointmentWithTripResponse | TripErrorResponse]:
    """Delete an appointment together with its trip

     Deletes the appointment and cancels its trip in one call (D-A3). The trip must be linked to the
    appointment; unknown or foreign identifiers give 404. `requesterUuid` is required unless `source` is
    `WEB`. Afterwards the appointment reads as not found. Safe to retry: a repeated delete gets 404,
    never a
    second effect.

    Args:
        dealer_uuid (str):
        body (DeleteAppointmentWithTripRequest): Body of delete appointment with trip.
            `requesterUuid` is required unless `source` is `WEB`;
            `dealerDepartmentUUIDList[0]` is the department used (D-A3); `dealerUuid`, when sent and
            not blank, must
            equal the path's (D-CONSISTENCY).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeleteAppointmentWithTripResponse | TripErrorResponse]
    """

    kwargs = _get_kwargs(
        dealer_uuid=dealer_uuid,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    dealer_uuid: str,
    *,
    client: AuthenticatedClient,
    body: DeleteAppointmentWithTripRequest,
) -> DeleteAppointmentWithTripResponse | TripErrorResponse | None:
    """Delete an appointment together with its trip

     Deletes the appointment and cancels its trip in one call (D-A3). The trip must be linked to the
    appointment; unknown or foreign identifiers give 404. `requesterUuid` is required unless `source` is
    `WEB`. Afterwards the appointment reads as not found. Safe to retry: a repeated delete gets 404,
    never a
    second effect.

    Args:
        dealer_uuid (str):
        body (DeleteAppointmentWithTripRequest): Body of delete appointment with trip.
            `requesterUuid` is required unless `source` is `WEB`;
            `dealerDepartmentUUIDList[0]` is the department used (D-A3); `dealerUuid`, when sent and
            not blank, must
            equal the path's (D-CONSISTENCY).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeleteAppointmentWithTripResponse | TripErrorResponse
    """

    return sync_detailed(
        dealer_uuid=dealer_uuid,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    dealer_uuid: str,
    *,
    client: AuthenticatedClient,
    body: DeleteAppointmentWithTripRequest,
) -> Response[DeleteAppointmentWithTripResponse | TripErrorResponse]:
    """Delete an appointment together with its trip

     Deletes the appointment and cancels its trip in one call (D-A3). The trip must be linked to the
    appointment; unknown or foreign identifiers give 404. `requesterUuid` is required unless `source` is
    `WEB`. Afterwards the appointment reads as not found. Safe to retry: a repeated delete gets 404,
    never a
    second effect.

    Args:
        dealer_uuid (str):
        body (DeleteAppointmentWithTripRequest): Body of delete appointment with trip.
            `requesterUuid` is required unless `source` is `WEB`;
            `dealerDepartmentUUIDList[0]` is the department used (D-A3); `dealerUuid`, when sent and
            not blank, must
            equal the path's (D-CONSISTENCY).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeleteAppointmentWithTripResponse | TripErrorResponse]
    """

    kwargs = _get_kwargs(
        dealer_uuid=dealer_uuid,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dealer_uuid: str,
    *,
    client: AuthenticatedClient,
    body: DeleteAppointmentWithTripRequest,
) -> DeleteAppointmentWithTripResponse | TripErrorResponse | None:
    """Delete an appointment together with its trip

     Deletes the appointment and cancels its trip in one call (D-A3). The trip must be linked to the
    appointment; unknown or foreign identifiers give 404. `requesterUuid` is required unless `source` is
    `WEB`. Afterwards the appointment reads as not found. Safe to retry: a repeated delete gets 404,
    never a
    second effect.

    Args:
        dealer_uuid (str):
        body (DeleteAppointmentWithTripRequest): Body of delete appointment with trip.
            `requesterUuid` is required unless `source` is `WEB`;
            `dealerDepartmentUUIDList[0]` is the department used (D-A3); `dealerUuid`, when sent and
            not blank, must
            equal the path's (D-CONSISTENCY).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeleteAppointmentWithTripResponse | TripErrorResponse
    """

    return (
        await asyncio_detailed(
            dealer_uuid=dealer_uuid,
            client=client,
            body=body,
        )
    ).parsed
