# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.customer_error_response import CustomerErrorResponse
from ...models.customer_search_response import CustomerSearchResponse
from ...models.query_operator import QueryOperator
from ...models.search_field import SearchField
from ...models.search_preference import SearchPreference
from ...types import UNSET, Response, Unset


def _get_kwargs(
    department_uuid: str,
    *,
    search_term: str,
    fields_to_be_searched: list[SearchField] | Unset = UNSET,
    max_results: int | Unset = 100,
    search_preference: SearchPreference | str | Unset = UNSET,
    query_operator: QueryOperator | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["searchTerm"] = search_term

    json_fields_to_be_searched: list[str] | Unset = UNSET
    if not isinstance(fields_to_be_searched, Unset):
        json_fields_to_be_searched = []
        for fields_to_be_searched_item_data in fields_to_be_searched:
            fields_to_be_searched_item = fields_to_be_searched_item_data.value
            json_fields_to_be_searched.append(fields_to_be_searched_item)

    params["fieldsToBeSearched"] = json_fields_to_be_searched

    params["maxResults"] = max_results

    json_search_preference: str | Unset
    if isinstance(search_preference, Unset):
        json_search_preference = UNSET
    elif isinstance(search_preference, SearchPreference):
        json_search_preference = search_preference.value
    else:
        json_search_preference = search_preference
    params["searchPreference"] = json_search_preference

    json_query_operator: str | Unset = UNSET
    if not isinstance(query_operator, Unset):
        json_query_operator = query_operator.value

    params["queryOperator"] = json_query_operator

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/customer/v2/department/{department_uuid}/customer/list".format(
            department_uuid=quote(str(department_uuid), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CustomerErrorResponse | CustomerSearchResponse | None:
    if response.status_code == 200:
        response_200 = CustomerSearchResponse.from_dict(response.json())

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
) -> Response[CustomerErrorResponse | CustomerSearchResponse]:
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
    search_term: str,
    fields_to_be_searched: list[SearchField] | Unset = UNSET,
    max_results: int | Unset = 100,
    search_preference: SearchPreference | str | Unset = UNSET,
    query_operator: QueryOperator | Unset = UNSET,
) -> Response[CustomerErrorResponse | CustomerSearchResponse]:
    """Search the customers of a department

     Looks for `searchTerm` in the chosen fields of the department's customers and returns the best
    matches
    first (D-SEARCH). Tokens of a multi-word term combine with `queryOperator`. Nothing found is a
    success
    with warning 10001. Out-of-range `maxResults`, an over-long term and an unknown `searchPreference`
    are
    corrected with warnings 10002-10004 rather than refused, as the vendor documents.

    For partners with their own search-then-create flow: search by the complete customerKey, the last 8
    characters of the VIN, a 10-digit phone number or an e-mail address; update the first match, or
    create
    when there is none. `createCustomer` with `searchForDuplicate: true` does the same in one call.

    Args:
        department_uuid (str):
        search_term (str):
        fields_to_be_searched (list[SearchField] | Unset):
        max_results (int | Unset):  Default: 100.
        search_preference (SearchPreference | str | Unset): `customer` or `vehicle`. Other strings
            are tolerated by the server (it falls back to `customer` and warns
            with 10004), so the set is open: the known values are listed first.
        query_operator (QueryOperator | Unset): How the tokens of a search term combine.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerErrorResponse | CustomerSearchResponse]
    """

    kwargs = _get_kwargs(
        department_uuid=department_uuid,
        search_term=search_term,
        fields_to_be_searched=fields_to_be_searched,
        max_results=max_results,
        search_preference=search_preference,
        query_operator=query_operator,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    department_uuid: str,
    *,
    client: AuthenticatedClient,
    search_term: str,
    fields_to_be_searched: list[SearchField] | Unset = UNSET,
    max_results: int | Unset = 100,
    search_preference: SearchPreference | str | Unset = UNSET,
    query_operator: QueryOperator | Unset = UNSET,
) -> CustomerErrorResponse | CustomerSearchResponse | None:
    """Search the customers of a department

     Looks for `searchTerm` in the chosen fields of the department's customers and returns the best
    matches
    first (D-SEARCH). Tokens of a multi-word term combine with `queryOperator`. Nothing found is a
    success
    with warning 10001. Out-of-range `maxResults`, an over-long term and an unknown `searchPreference`
    are
    corrected with warnings 10002-10004 rather than refused, as the vendor documents.

    For partners with their own search-then-create flow: search by the complete customerKey, the last 8
    characters of the VIN, a 10-digit phone number or an e-mail address; update the first match, or
    create
    when there is none. `createCustomer` with `searchForDuplicate: true` does the same in one call.

    Args:
        department_uuid (str):
        search_term (str):
        fields_to_be_searched (list[SearchField] | Unset):
        max_results (int | Unset):  Default: 100.
        search_preference (SearchPreference | str | Unset): `customer` or `vehicle`. Other strings
            are tolerated by the server (it falls back to `customer` and warns
            with 10004), so the set is open: the known values are listed first.
        query_operator (QueryOperator | Unset): How the tokens of a search term combine.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerErrorResponse | CustomerSearchResponse
    """

    return sync_detailed(
        department_uuid=department_uuid,
        client=client,
        search_term=search_term,
        fields_to_be_searched=fields_to_be_searched,
        max_results=max_results,
        search_preference=search_preference,
        query_operator=query_operator,
    ).parsed


async def asyncio_detailed(
    department_uuid: str,
    *,
    client: AuthenticatedClient,
    search_term: str,
    fields_to_be_searched: list[SearchField] | Unset = UNSET,
    max_results: int | Unset = 100,
    search_preference: SearchPreference | str | Unset = UNSET,
    query_operator: QueryOperator | Unset = UNSET,
) -> Response[CustomerErrorResponse | CustomerSearchResponse]:
    """Search the customers of a department

     Looks for `searchTerm` in the chosen fields of the department's customers and returns the best
    matches
    first (D-SEARCH). Tokens of a multi-word term combine with `queryOperator`. Nothing found is a
    success
    with warning 10001. Out-of-range `maxResults`, an over-long term and an unknown `searchPreference`
    are
    corrected with warnings 10002-10004 rather than refused, as the vendor documents.

    For partners with their own search-then-create flow: search by the complete customerKey, the last 8
    characters of the VIN, a 10-digit phone number or an e-mail address; update the first match, or
    create
    when there is none. `createCustomer` with `searchForDuplicate: true` does the same in one call.

    Args:
        department_uuid (str):
        search_term (str):
        fields_to_be_searched (list[SearchField] | Unset):
        max_results (int | Unset):  Default: 100.
        search_preference (SearchPreference | str | Unset): `customer` or `vehicle`. Other strings
            are tolerated by the server (it falls back to `customer` and warns
            with 10004), so the set is open: the known values are listed first.
        query_operator (QueryOperator | Unset): How the tokens of a search term combine.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerErrorResponse | CustomerSearchResponse]
    """

    kwargs = _get_kwargs(
        department_uuid=department_uuid,
        search_term=search_term,
        fields_to_be_searched=fields_to_be_searched,
        max_results=max_results,
        search_preference=search_preference,
        query_operator=query_operator,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    department_uuid: str,
    *,
    client: AuthenticatedClient,
    search_term: str,
    fields_to_be_searched: list[SearchField] | Unset = UNSET,
    max_results: int | Unset = 100,
    search_preference: SearchPreference | str | Unset = UNSET,
    query_operator: QueryOperator | Unset = UNSET,
) -> CustomerErrorResponse | CustomerSearchResponse | None:
    """Search the customers of a department

     Looks for `searchTerm` in the chosen fields of the department's customers and returns the best
    matches
    first (D-SEARCH). Tokens of a multi-word term combine with `queryOperator`. Nothing found is a
    success
    with warning 10001. Out-of-range `maxResults`, an over-long term and an unknown `searchPreference`
    are
    corrected with warnings 10002-10004 rather than refused, as the vendor documents.

    For partners with their own search-then-create flow: search by the complete customerKey, the last 8
    characters of the VIN, a 10-digit phone number or an e-mail address; update the first match, or
    create
    when there is none. `createCustomer` with `searchForDuplicate: true` does the same in one call.

    Args:
        department_uuid (str):
        search_term (str):
        fields_to_be_searched (list[SearchField] | Unset):
        max_results (int | Unset):  Default: 100.
        search_preference (SearchPreference | str | Unset): `customer` or `vehicle`. Other strings
            are tolerated by the server (it falls back to `customer` and warns
            with 10004), so the set is open: the known values are listed first.
        query_operator (QueryOperator | Unset): How the tokens of a search term combine.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerErrorResponse | CustomerSearchResponse
    """

    return (
        await asyncio_detailed(
            department_uuid=department_uuid,
            client=client,
            search_term=search_term,
            fields_to_be_searched=fields_to_be_searched,
            max_results=max_results,
            search_preference=search_preference,
            query_operator=query_operator,
        )
    ).parsed
