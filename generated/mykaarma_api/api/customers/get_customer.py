# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.customer_error_response import CustomerErrorResponse
from ...models.customer_info_response import CustomerInfoResponse
from ...models.get_customer_request import GetCustomerRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    customer_uuid: str,
    *,
    body: GetCustomerRequest,
    exclude_order_type: bool | Unset = False,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["excludeOrderType"] = exclude_order_type

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/customer/v2/customer/{customer_uuid}".format(
            customer_uuid=quote(str(customer_uuid), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CustomerErrorResponse | CustomerInfoResponse | None:
    if response.status_code == 200:
        response_200 = CustomerInfoResponse.from_dict(response.json())

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

    if response.status_code == 408:
        response_408 = CustomerErrorResponse.from_dict(response.json())

        return response_408

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
) -> Response[CustomerErrorResponse | CustomerInfoResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    customer_uuid: str,
    *,
    client: AuthenticatedClient,
    body: GetCustomerRequest,
    exclude_order_type: bool | Unset = False,
) -> Response[CustomerErrorResponse | CustomerInfoResponse]:
    """Read a customer across dealers (legacy shape)

     Returns the customer in the legacy `customerInfo` shape (`fname`/`lname`, one `communications`
    list), with
    the customer's orders unless `excludeOrderType=true`, and its addresses in both the current and the
    legacy shape (D-GETCUSTOMER). The customer is looked for only in the dealers of `dealerUUIDList`;
    the
    account needs `customer.search` at Dealer level for each of them (D-SCOPE). Although sent as POST,
    the call
    reads and changes nothing.

    Args:
        customer_uuid (str):
        exclude_order_type (bool | Unset):  Default: False.
        body (GetCustomerRequest): Body of the legacy read: the requesting user and the dealers to
            look in. Both are required; the customer
            is found only within the listed dealers the account has `customer.search` for
            (D-GETCUSTOMER, D-SCOPE).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerErrorResponse | CustomerInfoResponse]
    """

    kwargs = _get_kwargs(
        customer_uuid=customer_uuid,
        body=body,
        exclude_order_type=exclude_order_type,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    customer_uuid: str,
    *,
    client: AuthenticatedClient,
    body: GetCustomerRequest,
    exclude_order_type: bool | Unset = False,
) -> CustomerErrorResponse | CustomerInfoResponse | None:
    """Read a customer across dealers (legacy shape)

     Returns the customer in the legacy `customerInfo` shape (`fname`/`lname`, one `communications`
    list), with
    the customer's orders unless `excludeOrderType=true`, and its addresses in both the current and the
    legacy shape (D-GETCUSTOMER). The customer is looked for only in the dealers of `dealerUUIDList`;
    the
    account needs `customer.search` at Dealer level for each of them (D-SCOPE). Although sent as POST,
    the call
    reads and changes nothing.

    Args:
        customer_uuid (str):
        exclude_order_type (bool | Unset):  Default: False.
        body (GetCustomerRequest): Body of the legacy read: the requesting user and the dealers to
            look in. Both are required; the customer
            is found only within the listed dealers the account has `customer.search` for
            (D-GETCUSTOMER, D-SCOPE).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerErrorResponse | CustomerInfoResponse
    """

    return sync_detailed(
        customer_uuid=customer_uuid,
        client=client,
        body=body,
        exclude_order_type=exclude_order_type,
    ).parsed


async def asyncio_detailed(
    customer_uuid: str,
    *,
    client: AuthenticatedClient,
    body: GetCustomerRequest,
    exclude_order_type: bool | Unset = False,
) -> Response[CustomerErrorResponse | CustomerInfoResponse]:
    """Read a customer across dealers (legacy shape)

     Returns the customer in the legacy `customerInfo` shape (`fname`/`lname`, one `communications`
    list), with
    the customer's orders unless `excludeOrderType=true`, and its addresses in both the current and the
    legacy shape (D-GETCUSTOMER). The customer is looked for only in the dealers of `dealerUUIDList`;
    the
    account needs `customer.search` at Dealer level for each of them (D-SCOPE). Although sent as POST,
    the call
    reads and changes nothing.

    Args:
        customer_uuid (str):
        exclude_order_type (bool | Unset):  Default: False.
        body (GetCustomerRequest): Body of the legacy read: the requesting user and the dealers to
            look in. Both are required; the customer
            is found only within the listed dealers the account has `customer.search` for
            (D-GETCUSTOMER, D-SCOPE).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerErrorResponse | CustomerInfoResponse]
    """

    kwargs = _get_kwargs(
        customer_uuid=customer_uuid,
        body=body,
        exclude_order_type=exclude_order_type,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    customer_uuid: str,
    *,
    client: AuthenticatedClient,
    body: GetCustomerRequest,
    exclude_order_type: bool | Unset = False,
) -> CustomerErrorResponse | CustomerInfoResponse | None:
    """Read a customer across dealers (legacy shape)

     Returns the customer in the legacy `customerInfo` shape (`fname`/`lname`, one `communications`
    list), with
    the customer's orders unless `excludeOrderType=true`, and its addresses in both the current and the
    legacy shape (D-GETCUSTOMER). The customer is looked for only in the dealers of `dealerUUIDList`;
    the
    account needs `customer.search` at Dealer level for each of them (D-SCOPE). Although sent as POST,
    the call
    reads and changes nothing.

    Args:
        customer_uuid (str):
        exclude_order_type (bool | Unset):  Default: False.
        body (GetCustomerRequest): Body of the legacy read: the requesting user and the dealers to
            look in. Both are required; the customer
            is found only within the listed dealers the account has `customer.search` for
            (D-GETCUSTOMER, D-SCOPE).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerErrorResponse | CustomerInfoResponse
    """

    return (
        await asyncio_detailed(
            customer_uuid=customer_uuid,
            client=client,
            body=body,
            exclude_order_type=exclude_order_type,
        )
    ).parsed
