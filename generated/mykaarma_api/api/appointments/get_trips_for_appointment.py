# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_trips_request import GetTripsRequest
from ...models.pickup_delivery_trip_view_dto_response import PickupDeliveryTripViewDtoResponse
from ...models.pn_d_error_response import PnDErrorResponse
from ...types import Response


def _get_kwargs(
    dealer_uuid: str,
    *,
    body: GetTripsRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/appointment/v2/dealer/{dealer_uuid}/trips".format(
            dealer_uuid=quote(str(dealer_uuid), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PickupDeliveryTripViewDtoResponse | PnDErrorResponse | None:
    if response.status_code == 200:
        response_200 = PickupDeliveryTripViewDtoResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = PnDErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = PnDErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = PnDErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = PnDErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 408:
        response_408 = PnDErrorResponse.from_dict(response.json())

        return response_408

    if response.status_code == 413:
        response_413 = PnDErrorResponse.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = PnDErrorResponse.from_dict(response.json())

        return response_415

    if response.status_code == 429:
        response_429 = PnDErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = PnDErrorResponse.from_dict(response.json())

        return response_500

    if response.status_code == 502:
        response_502 = PnDErrorResponse.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = PnDErrorResponse.from_dict(response.json())

        return response_503

    if response.status_code == 504:
        response_504 = PnDErrorResponse.from_dict(response.json())

        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PickupDeliveryTripViewDtoResponse | PnDErrorResponse]:
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
    body: GetTripsRequest,
) -> Response[PickupDeliveryTripViewDtoResponse | PnDErrorResponse]:
    """List the trips of an appointment

     Returns the trips linked to the appointment named by `sarUuid`, sub-trips pointing to their parent
    through
    `parentEventUuid`. Cancelled trips are no longer linked. Sent as PATCH with a body, as the vendor
    documents
    it, although it reads and changes nothing.

    Args:
        dealer_uuid (str):
        body (GetTripsRequest): Body of the trips read (a read sent as PATCH, as the vendor
            documents it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PickupDeliveryTripViewDtoResponse | PnDErrorResponse]
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
    body: GetTripsRequest,
) -> PickupDeliveryTripViewDtoResponse | PnDErrorResponse | None:
    """List the trips of an appointment

     Returns the trips linked to the appointment named by `sarUuid`, sub-trips pointing to their parent
    through
    `parentEventUuid`. Cancelled trips are no longer linked. Sent as PATCH with a body, as the vendor
    documents
    it, although it reads and changes nothing.

    Args:
        dealer_uuid (str):
        body (GetTripsRequest): Body of the trips read (a read sent as PATCH, as the vendor
            documents it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PickupDeliveryTripViewDtoResponse | PnDErrorResponse
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
    body: GetTripsRequest,
) -> Response[PickupDeliveryTripViewDtoResponse | PnDErrorResponse]:
    """List the trips of an appointment

     Returns the trips linked to the appointment named by `sarUuid`, sub-trips pointing to their parent
    through
    `parentEventUuid`. Cancelled trips are no longer linked. Sent as PATCH with a body, as the vendor
    documents
    it, although it reads and changes nothing.

    Args:
        dealer_uuid (str):
        body (GetTripsRequest): Body of the trips read (a read sent as PATCH, as the vendor
            documents it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PickupDeliveryTripViewDtoResponse | PnDErrorResponse]
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
    body: GetTripsRequest,
) -> PickupDeliveryTripViewDtoResponse | PnDErrorResponse | None:
    """List the trips of an appointment

     Returns the trips linked to the appointment named by `sarUuid`, sub-trips pointing to their parent
    through
    `parentEventUuid`. Cancelled trips are no longer linked. Sent as PATCH with a body, as the vendor
    documents
    it, although it reads and changes nothing.

    Args:
        dealer_uuid (str):
        body (GetTripsRequest): Body of the trips read (a read sent as PATCH, as the vendor
            documents it).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PickupDeliveryTripViewDtoResponse | PnDErrorResponse
    """

    return (
        await asyncio_detailed(
            dealer_uuid=dealer_uuid,
            client=client,
            body=body,
        )
    ).parsed
