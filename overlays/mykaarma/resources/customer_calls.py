"""The requests of ``client.customers``, built once for the sync and the async classes and the flows.

Each function validates what it is given (unless told not to) and returns a `Call`: the generated endpoint,
its retry policy (design §4) and its arguments. Create is a plain create: a second attempt would store a
second customer, so it retries only failures that prove the request never left (`RetryPolicy.CONNECT_ONLY`).
Create-or-update retries like the reads and `update` when the server can recognise a repeat: the body carries
a phone, an e-mail or a VIN (D-MATCHING finds the first attempt's customer) or a customerKey (a repeat is
refused with DUPLICATE_CUSTOMER_KEY, which the create-or-update flow resolves). Otherwise it too retries only
provably unsent requests.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from mykaarma_api.api.customers import (
    create_customer,
    get_customer,
    read_customer,
    search_customers,
    update_customer,
)
from mykaarma_api.models import (
    CustomerInput,
    CustomerWithVehicles,
    GetCustomerRequest,
    QueryOperator,
    SaveCustomerRequest,
    SearchField,
    SearchPreference,
    VehicleInput,
)
from mykaarma_api.params import CustomerInputParam, VehicleInputParam
from mykaarma_api.types import UNSET
from mykaarma_core.rules import is_blank

from .._exceptions import Problem, ValidationError
from .._retry import RetryPolicy
from ..identity import PAGE_LIMIT, Search, names_a_repeat
from ..validation import Body, as_json, check_ids, check_save_customer, prepare_body
from ._calls import Call, Timeout

__all__ = [
    "CandidateArg",
    "CustomerArg",
    "VehiclesArg",
    "candidate_dicts",
    "dedup_request",
    "get_call",
    "get_info_call",
    "request_call",
    "save_call",
    "save_request",
    "search_call",
    "search_of",
]

#: A customer as a model or as a dict whose keys and value types mypy checks (`mykaarma.types`).
CustomerArg = CustomerInput | CustomerInputParam
VehiclesArg = Sequence[VehicleInput | VehicleInputParam] | None


def _vehicles_json(vehicles: VehiclesArg) -> list[dict[str, Any]]:
    if isinstance(vehicles, Mapping | str) or not isinstance(vehicles, Sequence):
        message = f"must be a list of VehicleInput or dicts, not {type(vehicles).__name__}"
        raise ValidationError([Problem("vehicles", message, "schema.type")])
    return [as_json(VehicleInput, vehicle, f"vehicles[{index}]") for index, vehicle in enumerate(vehicles)]


def save_request(
    customer: CustomerArg,
    *,
    vehicles: VehiclesArg = None,
    validate_vin: bool | None = None,
    search_for_duplicate: bool | None = None,
    requester_user_uuid: str | None = None,
    dealer_uuids: Sequence[str] | None = None,
    validate: bool = True,
) -> Body[SaveCustomerRequest]:
    """The body of create, create-or-update and update; validated unless not `validate`."""
    body: dict[str, Any] = {"customer": as_json(CustomerInput, customer, "customer")}
    if vehicles is not None:
        body["vehicles"] = _vehicles_json(vehicles)
    if validate_vin is not None:
        body["validateVin"] = validate_vin
    if search_for_duplicate is not None:
        body["searchForDuplicate"] = search_for_duplicate
    if requester_user_uuid is not None:
        body["requesterUserUUID"] = requester_user_uuid
    if dealer_uuids is not None:
        body["dealerUUIDList"] = list(dealer_uuids)
    return prepare_body(SaveCustomerRequest, body, validate=validate, check=check_save_customer)


def save_call(
    department_uuid: str,
    customer: CustomerArg,
    *,
    customer_uuid: str | None = None,
    search_for_duplicate: bool | None,
    vehicles: VehiclesArg,
    validate_vin: bool | None,
    requester_user_uuid: str | None,
    dealer_uuids: Sequence[str] | None,
    validate: bool,
    timeout: Timeout,
    max_retries: int | None,
) -> Call:
    """Create (no `customer_uuid`) or update (`customer_uuid`) with its retry policy (design §4)."""
    if customer_uuid is None:
        check_ids(department_uuid=department_uuid)
    else:
        check_ids(department_uuid=department_uuid, customer_uuid=customer_uuid)
    request = save_request(
        customer,
        vehicles=vehicles,
        validate_vin=validate_vin,
        search_for_duplicate=search_for_duplicate,
        requester_user_uuid=requester_user_uuid,
        dealer_uuids=dealer_uuids,
        validate=validate,
    )
    return request_call(department_uuid, customer_uuid, request, timeout, max_retries)


def request_call(
    department_uuid: str,
    customer_uuid: str | None,
    request: Body[SaveCustomerRequest],
    timeout: Timeout,
    max_retries: int | None,
) -> Call:
    if customer_uuid is not None:
        kwargs = {"department_uuid": department_uuid, "customer_uuid": customer_uuid, "body": request}
        return Call(update_customer, RetryPolicy.IDEMPOTENT, kwargs, timeout, max_retries)
    # Only a create-or-update the server can recognise may be repeated once it may have reached the server.
    data = request.to_dict()
    retry = RetryPolicy.IDEMPOTENT if names_a_repeat(data) else RetryPolicy.CONNECT_ONLY
    kwargs = {"department_uuid": department_uuid, "body": request}
    return Call(create_customer, retry, kwargs, timeout, max_retries)


def get_call(
    department_uuid: str,
    customer_uuid: str,
    exclude_vehicles: bool,
    timeout: Timeout,
    max_retries: int | None,
) -> Call:
    check_ids(department_uuid=department_uuid, customer_uuid=customer_uuid)
    kwargs = {
        "department_uuid": department_uuid,
        "customer_uuid": customer_uuid,
        # false is the API's default: leave the query parameter out rather than send excludeVehicles=false
        "exclude_vehicles": True if exclude_vehicles else UNSET,
    }
    return Call(read_customer, RetryPolicy.IDEMPOTENT, kwargs, timeout, max_retries)


def _enum(kind: type[Any], value: Any, path: str, problems: list[Problem]) -> Any:
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(str(member.value) for member in kind)
        problems.append(Problem(path, f"must be one of {allowed}; got {value!r}", "schema.enum"))
        return None


def search_call(
    department_uuid: str,
    search_term: str,
    *,
    fields: Sequence[SearchField | str] | None,
    max_results: int | None,
    search_preference: SearchPreference | str | None,
    query_operator: QueryOperator | str | None,
    validate: bool,
    timeout: Timeout,
    max_retries: int | None,
) -> Call:
    check_ids(department_uuid=department_uuid)
    problems: list[Problem] = []
    if not isinstance(search_term, str) or (validate and is_blank(search_term)):
        problems.append(Problem("searchTerm", f"must contain text; got {search_term!r}", "search-term"))
    kwargs: dict[str, Any] = {"department_uuid": department_uuid, "search_term": search_term}
    if fields is not None:
        listed = [fields] if isinstance(fields, str) else list(fields)
        kwargs["fields_to_be_searched"] = [
            _enum(SearchField, item, f"fieldsToBeSearched[{index}]", problems)
            for index, item in enumerate(listed)
        ]
    if max_results is not None:
        if isinstance(max_results, bool) or not isinstance(max_results, int):
            problems.append(Problem("maxResults", f"must be an integer; got {max_results!r}", "schema.type"))
        kwargs["max_results"] = max_results
    if search_preference is not None:
        # An open set (D-SEARCH): other strings are sent and answered with warning 10004.
        kwargs["search_preference"] = search_preference
    if query_operator is not None:
        kwargs["query_operator"] = _enum(QueryOperator, query_operator, "queryOperator", problems)
    if problems:
        raise ValidationError(problems)
    return Call(search_customers, RetryPolicy.IDEMPOTENT, kwargs, timeout, max_retries)


def get_info_call(
    customer_uuid: str,
    requester_user_uuid: str,
    dealer_uuids: Sequence[str],
    exclude_order_type: bool | None,
    validate: bool,
    timeout: Timeout,
    max_retries: int | None,
) -> Call:
    check_ids(customer_uuid=customer_uuid)
    listed: Any = [dealer_uuids] if isinstance(dealer_uuids, str) else list(dealer_uuids)
    body = {"requesterUserUUID": requester_user_uuid, "dealerUUIDList": listed}
    kwargs: dict[str, Any] = {
        "customer_uuid": customer_uuid,
        "body": prepare_body(GetCustomerRequest, body, validate=validate),
    }
    if exclude_order_type is not None:
        kwargs["exclude_order_type"] = exclude_order_type
    # A read sent as POST (D-GETCUSTOMER): safe to repeat.
    return Call(get_customer, RetryPolicy.IDEMPOTENT, kwargs, timeout, max_retries)


def search_of(department_uuid: str, search: Search, timeout: Timeout, max_retries: int | None) -> Call:
    """The call of one `mykaarma.identity.Search` (a full page of results)."""
    kwargs: dict[str, Any] = {
        "department_uuid": department_uuid,
        "search_term": search.term,
        "fields_to_be_searched": [SearchField(name) for name in search.fields],
        "query_operator": QueryOperator(search.operator),
        "max_results": PAGE_LIMIT,
    }
    return Call(search_customers, RetryPolicy.IDEMPOTENT, kwargs, timeout, max_retries)


CandidateArg = CustomerWithVehicles | Mapping[str, Any]


def dedup_request(
    customer: CustomerArg,
    vehicles: VehiclesArg,
    validate_vin: bool | None,
    requester_user_uuid: str | None,
    dealer_uuids: Sequence[str] | None,
    validate: bool,
) -> Body[SaveCustomerRequest]:
    """The validated create-or-update body shared by `create_or_update` and `upsert`."""
    return save_request(
        customer,
        vehicles=vehicles,
        validate_vin=validate_vin,
        search_for_duplicate=True,
        requester_user_uuid=requester_user_uuid,
        dealer_uuids=dealer_uuids,
        validate=validate,
    )


def candidate_dicts(candidates: Sequence[CandidateArg] | None) -> list[Mapping[str, Any]] | None:
    """Candidates as the JSON dicts the flows read."""
    if candidates is None:
        return None
    return [item.to_dict() if isinstance(item, CustomerWithVehicles) else item for item in candidates]
