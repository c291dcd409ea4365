# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.appointment_info_response import AppointmentInfoResponse
from ...models.appointment_read_error_response import AppointmentReadErrorResponse
from ...types import Response


def _get_kwargs(
    department_uuid: str,
    appointment_uuid: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/appointment/v2/dealerDepartment/{department_uuid}/uuid/{appointment_uuid}".format(
            department_uuid=quote(str(department_uuid), safe=""),
            appointment_uuid=quote(str(appointment_uuid), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AppointmentInfoResponse | AppointmentReadErrorResponse | None:
    if response.status_code == 200:
        response_200 = AppointmentInfoResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = AppointmentReadErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = AppointmentReadErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = AppointmentReadErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = AppointmentReadErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = AppointmentReadErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = AppointmentReadErrorResponse.from_dict(response.json())

        return response_500

    if response.status_code == 502:
        response_502 = AppointmentReadErrorResponse.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = AppointmentReadErrorResponse.from_dict(response.json())

        return response_503

    if response.status_code == 504:
        response_504 = AppointmentReadErrorResponse.from_dict(response.json())

        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AppointmentInfoResponse | AppointmentReadErrorResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    department_uuid: str,
    appointment_uuid: str,
    *,
    client: AuthenticatedClient,
) -> Response[AppointmentInfoResponse | AppointmentReadErrorResponse]:
    """Read an appointment

     Returns the appointment of the path as create and update stored it, with its trip's identifier and
    whether
    customer messaging is suppressed (D-APPT-READ). An appointment of another department reads as not
    found.

    Args:
        department_uuid (str):
        appointment_uuid (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AppointmentInfoResponse | AppointmentReadErrorResponse]
    """

    kwargs = _get_kwargs(
        department_uuid=department_uuid,
        appointment_uuid=appointment_uuid,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    department_uuid: str,
    appointment_uuid: str,
    *,
    client: AuthenticatedClient,
) -> AppointmentInfoResponse | AppointmentReadErrorResponse | None:
    """Read an appointment

     Returns the appointment of the path as create and update stored it, with its trip's identifier and
    whether
    customer messaging is suppressed (D-APPT-READ). An appointment of another department reads as not
    found.

    Args:
        department_uuid (str):
        appointment_uuid (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AppointmentInfoResponse | AppointmentReadErrorResponse
    """

    return sync_detailed(
        department_uuid=department_uuid,
        appointment_uuid=appointment_uuid,
        client=client,
    ).parsed


async def asyncio_detailed(
    department_uuid: str,
    appointment_uuid: str,
    *,
    client: AuthenticatedClient,
) -> Response[AppointmentInfoResponse | AppointmentReadErrorResponse]:
    """Read an appointment

     Returns the appointment of the path as create and update stored it, with its trip's identifier and
    whether
    customer messaging is suppressed (D-APPT-READ). An appointment of another department reads as not
    found.

    Args:
        department_uuid (str):
        appointment_uuid (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AppointmentInfoResponse | AppointmentReadErrorResponse]
    """

    kwargs = _get_kwargs(
        department_uuid=department_uuid,
        appointment_uuid=appointment_uuid,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    department_uuid: str,
    appointment_uuid: str,
    *,
    client: AuthenticatedClient,
) -> AppointmentInfoResponse | AppointmentReadErrorResponse | None:
    """Read an appointment

     Returns the appointment of the path as create and update stored it, with its trip's identifier and
    whether
    customer messaging is suppressed (D-APPT-READ). An appointment of another department reads as not
    found.

    Args:
        department_uuid (str):
        appointment_uuid (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AppointmentInfoResponse | AppointmentReadErrorResponse
    """

    return (
        await asyncio_detailed(
            department_uuid=department_uuid,
            appointment_uuid=appointment_uuid,
            client=client,
        )
    ).parsed
