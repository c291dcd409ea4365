# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.customer_error_response import CustomerErrorResponse
from ...models.customer_with_vehicles_response import CustomerWithVehiclesResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    department_uuid: str,
    customer_uuid: str,
    *,
    exclude_vehicles: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["excludeVehicles"] = exclude_vehicles

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/customer/v2/department/{department_uuid}/customer/{customer_uuid}".format(
            department_uuid=quote(str(department_uuid), safe=""),
            customer_uuid=quote(str(customer_uuid), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CustomerErrorResponse | CustomerWithVehiclesResponse | None:
    if response.status_code == 200:
        response_200 = CustomerWithVehiclesResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = CustomerErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = CustomerErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = CustomerErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = CustomerErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = CustomerErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = CustomerErrorResponse.from_dict(response.json())

        return response_500

    if response.status_code == 502:
        response_502 = CustomerErrorResponse.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = CustomerErrorResponse.from_dict(response.json())

        return response_503

    if response.status_code == 504:
        response_504 = CustomerErrorResponse.from_dict(response.json())

        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CustomerErrorResponse | CustomerWithVehiclesResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    department_uuid: str,
    customer_uuid: str,
    *,
    client: AuthenticatedClient,
    exclude_vehicles: bool | Unset = False,
) -> Response[CustomerErrorResponse | CustomerWithVehiclesResponse]:
    """Read a customer with its vehicles

     Returns the customer of the path with its phone numbers, e-mail addresses, addresses and, unless
    `excludeVehicles=true`, its vehicles. A customer of another department is reported as not found.

    Args:
        department_uuid (str):
        customer_uuid (str):
        exclude_vehicles (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerErrorResponse | CustomerWithVehiclesResponse]
    """

    kwargs = _get_kwargs(
        department_uuid=department_uuid,
        customer_uuid=customer_uuid,
        exclude_vehicles=exclude_vehicles,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    department_uuid: str,
    customer_uuid: str,
    *,
    client: AuthenticatedClient,
    exclude_vehicles: bool | Unset = False,
) -> CustomerErrorResponse | CustomerWithVehiclesResponse | None:
    """Read a customer with its vehicles

     Returns the customer of the path with its phone numbers, e-mail addresses, addresses and, unless
    `excludeVehicles=true`, its vehicles. A customer of another department is reported as not found.

    Args:
        department_uuid (str):
        customer_uuid (str):
        exclude_vehicles (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerErrorResponse | CustomerWithVehiclesResponse
    """

    return sync_detailed(
        department_uuid=department_uuid,
        customer_uuid=customer_uuid,
        client=client,
        exclude_vehicles=exclude_vehicles,
    ).parsed


async def asyncio_detailed(
    department_uuid: str,
    customer_uuid: str,
    *,
    client: AuthenticatedClient,
    exclude_vehicles: bool | Unset = False,
) -> Response[CustomerErrorResponse | CustomerWithVehiclesResponse]:
    """Read a customer with its vehicles

     Returns the customer of the path with its phone numbers, e-mail addresses, addresses and, unless
    `excludeVehicles=true`, its vehicles. A customer of another department is reported as not found.

    Args:
        department_uuid (str):
        customer_uuid (str):
        exclude_vehicles (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerErrorResponse | CustomerWithVehiclesResponse]
    """

    kwargs = _get_kwargs(
        department_uuid=department_uuid,
        customer_uuid=customer_uuid,
        exclude_vehicles=exclude_vehicles,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    department_uuid: str,
    customer_uuid: str,
    *,
    client: AuthenticatedClient,
    exclude_vehicles: bool | Unset = False,
) -> CustomerErrorResponse | CustomerWithVehiclesResponse | None:
    """Read a customer with its vehicles

     Returns the customer of the path with its phone numbers, e-mail addresses, addresses and, unless
    `excludeVehicles=true`, its vehicles. A customer of another department is reported as not found.

    Args:
        department_uuid (str):
        customer_uuid (str):
        exclude_vehicles (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerErrorResponse | CustomerWithVehiclesResponse
    """

    return (
        await asyncio_detailed(
            department_uuid=department_uuid,
            customer_uuid=customer_uuid,
            client=client,
            exclude_vehicles=exclude_vehicles,
        )
    ).parsed
