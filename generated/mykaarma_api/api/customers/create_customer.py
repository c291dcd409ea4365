# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.customer_error_response import CustomerErrorResponse
from ...models.save_customer_request import SaveCustomerRequest
from ...models.save_customer_response import SaveCustomerResponse
from ...types import Response


def _get_kwargs(
    department_uuid: str,
    *,
    body: SaveCustomerRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/customer/v2/department/{department_uuid}/customer".format(
            department_uuid=quote(str(department_uuid), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CustomerErrorResponse | SaveCustomerResponse | None:
    if response.status_code == 200:
        response_200 = SaveCustomerResponse.from_dict(response.json())

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

    if response.status_code == 408:
        response_408 = CustomerErrorResponse.from_dict(response.json())

        return response_408

    if response.status_code == 409:
        response_409 = CustomerErrorResponse.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = CustomerErrorResponse.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = CustomerErrorResponse.from_dict(response.json())

        return response_415

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
) -> Response[CustomerErrorResponse | SaveCustomerResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    department_uuid: str,
    *,
    client: AuthenticatedClient,
    body: SaveCustomerRequest,
) -> Response[CustomerErrorResponse | SaveCustomerResponse]:
    """Create a customer, or create-or-update it with deduplication

     Creates a customer with its phone numbers, e-mail addresses, addresses and vehicles in the
    department of
    the path.

    With `searchForDuplicate: true` the call becomes create-or-update: the documented customer matching
    logic
    (communications and VINs, then name, then customerKey, then VIN-and-communication; D-MATCHING) looks
    for
    the same person in the department; a match is updated, otherwise a customer is created. Either way
    `customerUuid` names the saved record, so the call is safe to retry. Without it (the default) every
    call
    creates a new record and a `customerKey` already used in the department is refused with 409.

    Phone and e-mail content problems never fail the call: the offending entries are dropped and
    reported as
    warnings 10007-10016 (D-PHONE-EMAIL); a consent flag that is not a boolean is a 400 like any wrong
    type.

    Args:
        department_uuid (str):
        body (SaveCustomerRequest): Body of create, create-or-update and update. `vehicles` and
            `validateVin` sit next to `customer`, not
            inside it (D-VEHICLES-TOP-LEVEL). With `searchForDuplicate: true` a create runs the
            documented customer
            matching logic and updates the match instead of creating a duplicate (D-MATCHING); the
            flag is ignored by
            update.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerErrorResponse | SaveCustomerResponse]
    """

    kwargs = _get_kwargs(
        department_uuid=department_uuid,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    department_uuid: str,
    *,
    client: AuthenticatedClient,
    body: SaveCustomerRequest,
) -> CustomerErrorResponse | SaveCustomerResponse | None:
    """Create a customer, or create-or-update it with deduplication

     Creates a customer with its phone numbers, e-mail addresses, addresses and vehicles in the
    department of
    the path.

    With `searchForDuplicate: true` the call becomes create-or-update: the documented customer matching
    logic
    (communications and VINs, then name, then customerKey, then VIN-and-communication; D-MATCHING) looks
    for
    the same person in the department; a match is updated, otherwise a customer is created. Either way
    `customerUuid` names the saved record, so the call is safe to retry. Without it (the default) every
    call
    creates a new record and a `customerKey` already used in the department is refused with 409.

    Phone and e-mail content problems never fail the call: the offending entries are dropped and
    reported as
    warnings 10007-10016 (D-PHONE-EMAIL); a consent flag that is not a boolean is a 400 like any wrong
    type.

    Args:
        department_uuid (str):
        body (SaveCustomerRequest): Body of create, create-or-update and update. `vehicles` and
            `validateVin` sit next to `customer`, not
            inside it (D-VEHICLES-TOP-LEVEL). With `searchForDuplicate: true` a create runs the
            documented customer
            matching logic and updates the match instead of creating a duplicate (D-MATCHING); the
            flag is ignored by
            update.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerErrorResponse | SaveCustomerResponse
    """

    return sync_detailed(
        department_uuid=department_uuid,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    department_uuid: str,
    *,
    client: AuthenticatedClient,
    body: SaveCustomerRequest,
) -> Response[CustomerErrorResponse | SaveCustomerResponse]:
    """Create a customer, or create-or-update it with deduplication

     Creates a customer with its phone numbers, e-mail addresses, addresses and vehicles in the
    department of
    the path.

    With `searchForDuplicate: true` the call becomes create-or-update: the documented customer matching
    logic
    (communications and VINs, then name, then customerKey, then VIN-and-communication; D-MATCHING) looks
    for
    the same person in the department; a match is updated, otherwise a customer is created. Either way
    `customerUuid` names the saved record, so the call is safe to retry. Without it (the default) every
    call
    creates a new record and a `customerKey` already used in the department is refused with 409.

    Phone and e-mail content problems never fail the call: the offending entries are dropped and
    reported as
    warnings 10007-10016 (D-PHONE-EMAIL); a consent flag that is not a boolean is a 400 like any wrong
    type.

    Args:
        department_uuid (str):
        body (SaveCustomerRequest): Body of create, create-or-update and update. `vehicles` and
            `validateVin` sit next to `customer`, not
            inside it (D-VEHICLES-TOP-LEVEL). With `searchForDuplicate: true` a create runs the
            documented customer
            matching logic and updates the match instead of creating a duplicate (D-MATCHING); the
            flag is ignored by
            update.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerErrorResponse | SaveCustomerResponse]
    """

    kwargs = _get_kwargs(
        department_uuid=department_uuid,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    department_uuid: str,
    *,
    client: AuthenticatedClient,
    body: SaveCustomerRequest,
) -> CustomerErrorResponse | SaveCustomerResponse | None:
    """Create a customer, or create-or-update it with deduplication

     Creates a customer with its phone numbers, e-mail addresses, addresses and vehicles in the
    department of
    the path.

    With `searchForDuplicate: true` the call becomes create-or-update: the documented customer matching
    logic
    (communications and VINs, then name, then customerKey, then VIN-and-communication; D-MATCHING) looks
    for
    the same person in the department; a match is updated, otherwise a customer is created. Either way
    `customerUuid` names the saved record, so the call is safe to retry. Without it (the default) every
    call
    creates a new record and a `customerKey` already used in the department is refused with 409.

    Phone and e-mail content problems never fail the call: the offending entries are dropped and
    reported as
    warnings 10007-10016 (D-PHONE-EMAIL); a consent flag that is not a boolean is a 400 like any wrong
    type.

    Args:
        department_uuid (str):
        body (SaveCustomerRequest): Body of create, create-or-update and update. `vehicles` and
            `validateVin` sit next to `customer`, not
            inside it (D-VEHICLES-TOP-LEVEL). With `searchForDuplicate: true` a create runs the
            documented customer
            matching logic and updates the match instead of creating a duplicate (D-MATCHING); the
            flag is ignored by
            update.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerErrorResponse | SaveCustomerResponse
    """

    return (
        await asyncio_detailed(
            department_uuid=department_uuid,
            client=client,
            body=body,
        )
    ).parsed
