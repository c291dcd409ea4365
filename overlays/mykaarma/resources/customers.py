"""``client.customers``: create, create-or-update, update, read, search, the legacy read, and find-or-create.

`Customers` (sync) and `AsyncCustomers` (async) have the same surface. Each method builds its request with a
module-level function shared by both (`_Call`: endpoint, retry policy, arguments), so the two classes only
differ in how they send it. `find_or_create` is a sans-I/O generator of calls (`_find_or_create`) run by
`_drive` / `_adrive`.

Inputs are generated models (`mykaarma.types`) or plain dicts in the API's JSON form (camelCase keys);
results are the generated response models, warnings included. Bodies are validated before sending unless
``validate=False`` (`mykaarma.validation`); phone numbers are sent in E.164 form.

Retries (design §4): `create` is a plain create (``searchForDuplicate=false``): a second attempt would store a
second customer, so it retries only failures that prove the request never left (`RetryPolicy.CONNECT_ONLY`).
`create_or_update` (``searchForDuplicate=true``) finds the first attempt's customer on a retry, so it retries
like the reads and `update` (`RetryPolicy.IDEMPOTENT`).
"""

from __future__ import annotations

import logging
import types
from collections.abc import Generator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar, cast

import httpx

from mykaarma_api.api.customers import (
    create_customer,
    get_customer,
    read_customer,
    search_customers,
    update_customer,
)
from mykaarma_api.models import (
    CustomerInfoResponse,
    CustomerInput,
    CustomerSearchResponse,
    CustomerWithVehicles,
    CustomerWithVehiclesResponse,
    GetCustomerRequest,
    QueryOperator,
    SaveCustomerRequest,
    SaveCustomerResponse,
    SearchField,
    SearchPreference,
    UpdateCustomerResponse,
    VehicleInput,
)
from mykaarma_api.types import UNSET

from .._exceptions import Problem, ValidationError
from .._retry import RetryPolicy
from ..dedup import (
    CustomerRecord,
    MatchInput,
    MatchResult,
    match_customer,
    normalize_email,
    normalize_phone,
    normalize_vin,
)
from ..validation import Body, as_json, check_ids, check_save_customer, prepare_body

if TYPE_CHECKING:
    from .._base_client import AsyncAPIClient, SyncAPIClient

__all__ = ["AsyncCustomers", "Customers", "FindOrCreateResult", "customer_record", "search_terms"]

log = logging.getLogger(__name__)

Timeout = float | httpx.Timeout | None
CustomerArg = CustomerInput | Mapping[str, Any]
VehiclesArg = Sequence[VehicleInput | Mapping[str, Any]] | None
T = TypeVar("T")

#: Results per search of `find_or_create` (the server's maximum, D-SEARCH).
FIND_MAX_RESULTS = 100


@dataclass(frozen=True)
class _Call:
    """One request: the generated endpoint module, its retry policy, its arguments and per-call options."""

    endpoint: types.ModuleType
    retry: RetryPolicy
    kwargs: dict[str, Any]
    timeout: Timeout = None
    max_retries: int | None = None


def _send(client: SyncAPIClient, call: _Call) -> Any:
    return client.call(
        call.endpoint, retry=call.retry, timeout=call.timeout, max_retries=call.max_retries, **call.kwargs
    )


async def _asend(client: AsyncAPIClient, call: _Call) -> Any:
    return await client.call(
        call.endpoint, retry=call.retry, timeout=call.timeout, max_retries=call.max_retries, **call.kwargs
    )


def _drive(client: SyncAPIClient, flow: Generator[_Call, Any, T]) -> T:
    """Run a generator of calls: send each call it yields, send the result back, return what it returns."""
    result: Any = None
    while True:
        try:
            call = flow.send(result)
        except StopIteration as done:
            return cast(T, done.value)
        result = _send(client, call)


async def _adrive(client: AsyncAPIClient, flow: Generator[_Call, Any, T]) -> T:
    """`_drive` for the async client."""
    result: Any = None
    while True:
        try:
            call = flow.send(result)
        except StopIteration as done:
            return cast(T, done.value)
        result = await _asend(client, call)


# -- requests, shared by the sync and async classes ----------------------------------------------------------


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


def _save_call(
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
) -> _Call:
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
    return _request_call(department_uuid, customer_uuid, request, timeout, max_retries)


def _request_call(
    department_uuid: str,
    customer_uuid: str | None,
    request: Body[SaveCustomerRequest],
    timeout: Timeout,
    max_retries: int | None,
) -> _Call:
    if customer_uuid is not None:
        kwargs = {"department_uuid": department_uuid, "customer_uuid": customer_uuid, "body": request}
        return _Call(update_customer, RetryPolicy.IDEMPOTENT, kwargs, timeout, max_retries)
    # Only create-or-update may be repeated once the request may have reached the server.
    dedup = request.to_dict().get("searchForDuplicate") is True
    retry = RetryPolicy.IDEMPOTENT if dedup else RetryPolicy.CONNECT_ONLY
    kwargs = {"department_uuid": department_uuid, "body": request}
    return _Call(create_customer, retry, kwargs, timeout, max_retries)


def _get_call(
    department_uuid: str,
    customer_uuid: str,
    exclude_vehicles: bool,
    timeout: Timeout,
    max_retries: int | None,
) -> _Call:
    check_ids(department_uuid=department_uuid, customer_uuid=customer_uuid)
    kwargs = {
        "department_uuid": department_uuid,
        "customer_uuid": customer_uuid,
        # false is the API's default: leave the query parameter out rather than send excludeVehicles=false
        "exclude_vehicles": True if exclude_vehicles else UNSET,
    }
    return _Call(read_customer, RetryPolicy.IDEMPOTENT, kwargs, timeout, max_retries)


def _enum(kind: type[Any], value: Any, path: str, problems: list[Problem]) -> Any:
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(str(member.value) for member in kind)
        problems.append(Problem(path, f"must be one of {allowed}; got {value!r}", "schema.enum"))
        return None


def _search_call(
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
) -> _Call:
    check_ids(department_uuid=department_uuid)
    problems: list[Problem] = []
    if not isinstance(search_term, str) or (validate and not search_term.strip()):
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
    return _Call(search_customers, RetryPolicy.IDEMPOTENT, kwargs, timeout, max_retries)


def _get_info_call(
    customer_uuid: str,
    requester_user_uuid: str,
    dealer_uuids: Sequence[str],
    exclude_order_type: bool | None,
    validate: bool,
    timeout: Timeout,
    max_retries: int | None,
) -> _Call:
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
    return _Call(get_customer, RetryPolicy.IDEMPOTENT, kwargs, timeout, max_retries)


# -- find or create ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FindOrCreateResult:
    """What `find_or_create` did: the customer saved, whether it was created, and why.

    `match` is the matcher's decision with its trace (``result.match.explain()`` prints it step by step);
    `search_terms` the searches made; `response` the create or update response (warnings included).
    """

    customer_uuid: str
    created: bool
    match: MatchResult
    search_terms: tuple[tuple[str, SearchField], ...] = ()
    response: SaveCustomerResponse | UpdateCustomerResponse | None = field(default=None, compare=False)

    def explain(self) -> str:
        """The match trace followed by what was done."""
        action = "created" if self.created else "updated"
        return f"{self.match.explain()}\n{action}: {self.customer_uuid}"


def search_terms(request: SaveCustomerRequest | Mapping[str, Any]) -> list[tuple[str, SearchField]]:
    """The searches of the docs' search-then-create flow, in order, without repeats.

    ``customerKey`` (as sent), the last 8 characters of each VIN, each phone as 10 national digits, each
    e-mail address (trimmed, lower case); values that do not normalise are skipped.
    """
    data = request.to_dict() if isinstance(request, SaveCustomerRequest) else request
    customer = data.get("customer")
    customer = customer if isinstance(customer, Mapping) else {}
    terms: list[tuple[str, SearchField]] = []

    def add(term: str | None, where: SearchField) -> None:
        if term and (term, where) not in terms:
            terms.append((term, where))

    key = customer.get("customerKey")
    add(key.strip() if isinstance(key, str) else None, SearchField.CUSTOMERKEY)
    for vehicle in _items(data.get("vehicles")):
        vin = normalize_vin(_text(vehicle.get("vin")))
        add(vin[-8:] if vin else None, SearchField.VEHICLES_VIN)
    for phone in _items(customer.get("phoneNumbers")):
        number = normalize_phone(_text(phone.get("phoneNumber")))
        add(number[-10:] if number else None, SearchField.COMMUNICATIONS_COMMVALUE)
    for email in _items(customer.get("emails")):
        add(normalize_email(_text(email.get("emailAddress"))), SearchField.COMMUNICATIONS_COMMVALUE)
    return terms


def customer_record(item: CustomerWithVehicles) -> CustomerRecord:
    """A read or search result as the matcher sees it.

    The API exposes no update time, so recency (`updated_seq` and `created_seq`) is the internal numeric
    ``id``, which grows with every new customer: "most recently updated" becomes "most recently created".
    """
    customer = item.customer
    vehicles = item.vehicles if isinstance(item.vehicles, list) else []
    sequence = customer.id if isinstance(customer.id, int) else 0
    phones = [normalize_phone(_text(phone.phone_number)) for phone in _models(customer.phone_numbers)]
    emails = [normalize_email(_text(email.email_address)) for email in _models(customer.emails)]
    vins = [normalize_vin(_text(vehicle.vin)) for vehicle in vehicles]
    return CustomerRecord(
        customer_uuid=customer.customer_uuid,
        first_name=_text(customer.first_name),
        last_name=_text(customer.last_name),
        company=_text(customer.company),
        is_business=customer.is_business is True,
        customer_key=_text(customer.customer_key),
        phones=frozenset(value for value in phones if value),
        emails=frozenset(value for value in emails if value),
        vins=frozenset(value for value in vins if value),
        updated_seq=sequence,
        created_seq=sequence,
    )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _items(value: object) -> list[Mapping[str, Any]]:
    return [item for item in value if isinstance(item, Mapping)] if isinstance(value, list) else []


def _models(value: Any) -> list[Any]:
    return [item for item in value if item is not None] if isinstance(value, list) else []


def _find_or_create(
    department_uuid: str, request: Body[SaveCustomerRequest], timeout: Timeout, max_retries: int | None
) -> Generator[_Call, Any, FindOrCreateResult]:
    """The docs' search-then-create flow as a generator of calls (D-MATCHING picks the candidate).

    1. search for each of `search_terms` (one field each, up to 100 results);
    2. read a candidate whose result carries no vehicles (the search shape leaves them out under some
       preferences) so that its VINs can be compared;
    3. `match_customer` over the candidates;
    4. update the chosen customer, or create a new one (a plain create: the search has just shown there is
       no match, and the caller gets `created=True`).
    """
    data = request.to_dict()
    terms = search_terms(data)
    found: dict[str, CustomerWithVehicles] = {}
    for term, where in terms:
        kwargs = {
            "department_uuid": department_uuid,
            "search_term": term,
            "fields_to_be_searched": [where],
            "max_results": FIND_MAX_RESULTS,
        }
        result = yield _Call(search_customers, RetryPolicy.IDEMPOTENT, kwargs, timeout, max_retries)
        for item in cast(CustomerSearchResponse, result).matching_customers:
            found.setdefault(item.customer.customer_uuid, item)
    records: list[CustomerRecord] = []
    for uuid, item in found.items():
        complete = item
        if not isinstance(item.vehicles, list):
            read = yield _get_call(department_uuid, uuid, False, timeout, max_retries)
            complete = cast(CustomerWithVehiclesResponse, read).customer_with_vehicles
        records.append(customer_record(complete))
    match = match_customer(MatchInput.from_request(data), records)
    log.info("find_or_create in department %s: %s", department_uuid, match.decided_at)
    plain = Body(SaveCustomerRequest, json={**data, "searchForDuplicate": False})
    if match.customer is None:
        created = yield _request_call(department_uuid, None, plain, timeout, max_retries)
        saved = cast(SaveCustomerResponse, created)
        return FindOrCreateResult(saved.customer_uuid, True, match, tuple(terms), saved)
    chosen = match.customer.customer_uuid
    updated = yield _request_call(department_uuid, chosen, plain, timeout, max_retries)
    return FindOrCreateResult(chosen, False, match, tuple(terms), cast(UpdateCustomerResponse, updated))


# -- the resources -------------------------------------------------------------------------------------------


class Customers:
    """Customer operations of `MyKaarma` (``client.customers``).

    Every method takes ``timeout`` and ``max_retries`` overriding the client's for that call; the write
    methods take ``validate`` (default True: check the body before sending, see `mykaarma.validation`).
    """

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    def create(
        self,
        department_uuid: str,
        customer: CustomerArg,
        *,
        vehicles: VehiclesArg = None,
        validate_vin: bool | None = None,
        requester_user_uuid: str | None = None,
        dealer_uuids: Sequence[str] | None = None,
        validate: bool = True,
        timeout: Timeout = None,
        max_retries: int | None = None,
    ) -> SaveCustomerResponse:
        """Create a customer (``searchForDuplicate=false``): every call stores a new record.

        Not retried once the request may have reached the server, since a retry could store a duplicate:
        such a failure raises `APIConnectionError` with ``may_have_reached_server=True``. `create_or_update`
        is the safe choice for most callers. A ``customerKey`` already used in the department is a 409.
        """
        call = _save_call(
            department_uuid,
            customer,
            search_for_duplicate=False,
            vehicles=vehicles,
            validate_vin=validate_vin,
            requester_user_uuid=requester_user_uuid,
            dealer_uuids=dealer_uuids,
            validate=validate,
            timeout=timeout,
            max_retries=max_retries,
        )
        return cast(SaveCustomerResponse, _send(self._client, call))

    def create_or_update(
        self,
        department_uuid: str,
        customer: CustomerArg,
        *,
        vehicles: VehiclesArg = None,
        validate_vin: bool | None = None,
        requester_user_uuid: str | None = None,
        dealer_uuids: Sequence[str] | None = None,
        validate: bool = True,
        timeout: Timeout = None,
        max_retries: int | None = None,
    ) -> SaveCustomerResponse:
        """Create the customer or update the one the server's matching finds (``searchForDuplicate=true``).

        Safe to retry: a repeated request finds the customer the first one saved (D-MATCHING).
        """
        call = _save_call(
            department_uuid,
            customer,
            search_for_duplicate=True,
            vehicles=vehicles,
            validate_vin=validate_vin,
            requester_user_uuid=requester_user_uuid,
            dealer_uuids=dealer_uuids,
            validate=validate,
            timeout=timeout,
            max_retries=max_retries,
        )
        return cast(SaveCustomerResponse, _send(self._client, call))

    def update(
        self,
        department_uuid: str,
        customer_uuid: str,
        customer: CustomerArg,
        *,
        vehicles: VehiclesArg = None,
        validate_vin: bool | None = None,
        requester_user_uuid: str | None = None,
        dealer_uuids: Sequence[str] | None = None,
        validate: bool = True,
        timeout: Timeout = None,
        max_retries: int | None = None,
    ) -> UpdateCustomerResponse:
        """Update a customer. Phones and e-mails are replaced by what is sent (none sent deletes them all);
        addresses are replaced when sent; vehicles are added or updated, never removed (D-LIST-REPLACEMENT).
        """
        call = _save_call(
            department_uuid,
            customer,
            customer_uuid=customer_uuid,
            search_for_duplicate=None,
            vehicles=vehicles,
            validate_vin=validate_vin,
            requester_user_uuid=requester_user_uuid,
            dealer_uuids=dealer_uuids,
            validate=validate,
            timeout=timeout,
            max_retries=max_retries,
        )
        return cast(UpdateCustomerResponse, _send(self._client, call))

    def get(
        self,
        department_uuid: str,
        customer_uuid: str,
        *,
        exclude_vehicles: bool = False,
        timeout: Timeout = None,
        max_retries: int | None = None,
    ) -> CustomerWithVehiclesResponse:
        """Read one customer with its vehicles (``vehicles`` is left out with `exclude_vehicles`)."""
        call = _get_call(department_uuid, customer_uuid, exclude_vehicles, timeout, max_retries)
        return cast(CustomerWithVehiclesResponse, _send(self._client, call))

    def search(
        self,
        department_uuid: str,
        search_term: str,
        *,
        fields: Sequence[SearchField | str] | None = None,
        max_results: int | None = None,
        search_preference: SearchPreference | str | None = None,
        query_operator: QueryOperator | str | None = None,
        validate: bool = True,
        timeout: Timeout = None,
        max_retries: int | None = None,
    ) -> CustomerSearchResponse:
        """Search the department: whitespace-separated tokens, each a case-insensitive substring (D-SEARCH).

        `fields` limits the searched fields (``fname``, ``lname``, ``company``, ``customerKey``,
        ``communications.commValue``, ``vehicles.vin``); no match is a result with ``matching_count`` 0.
        """
        call = _search_call(
            department_uuid,
            search_term,
            fields=fields,
            max_results=max_results,
            search_preference=search_preference,
            query_operator=query_operator,
            validate=validate,
            timeout=timeout,
            max_retries=max_retries,
        )
        return cast(CustomerSearchResponse, _send(self._client, call))

    def get_info(
        self,
        customer_uuid: str,
        *,
        requester_user_uuid: str,
        dealer_uuids: Sequence[str],
        exclude_order_type: bool | None = None,
        validate: bool = True,
        timeout: Timeout = None,
        max_retries: int | None = None,
    ) -> CustomerInfoResponse:
        """The legacy read ``getCustomer``: the customer in its legacy shape, looked up in `dealer_uuids`."""
        call = _get_info_call(
            customer_uuid,
            requester_user_uuid,
            dealer_uuids,
            exclude_order_type,
            validate,
            timeout,
            max_retries,
        )
        return cast(CustomerInfoResponse, _send(self._client, call))

    def find_or_create(
        self,
        department_uuid: str,
        customer: CustomerArg,
        *,
        vehicles: VehiclesArg = None,
        validate_vin: bool | None = None,
        requester_user_uuid: str | None = None,
        dealer_uuids: Sequence[str] | None = None,
        validate: bool = True,
        timeout: Timeout = None,
        max_retries: int | None = None,
    ) -> FindOrCreateResult:
        """Search, match on the client side, then update the match or create (the docs' search-then-create).

        Searches by customerKey, the last 8 VIN characters, 10-digit phones and e-mails; picks the
        candidate with `mykaarma.dedup.match_customer`; ``result.explain()`` says which step decided and why.
        Not atomic: a customer saved by someone else between the search and the create is not seen. Use it
        when the decision must be made (and explained) on your side; `create_or_update` runs the same logic
        on the server in one call.
        """
        check_ids(department_uuid=department_uuid)
        request = save_request(
            customer,
            vehicles=vehicles,
            validate_vin=validate_vin,
            requester_user_uuid=requester_user_uuid,
            dealer_uuids=dealer_uuids,
            validate=validate,
        )
        return _drive(self._client, _find_or_create(department_uuid, request, timeout, max_retries))


class AsyncCustomers:
    """Customer operations of `AsyncMyKaarma` (``client.customers``); the surface of `Customers`."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def create(
        self,
        department_uuid: str,
        customer: CustomerArg,
        *,
        vehicles: VehiclesArg = None,
        validate_vin: bool | None = None,
        requester_user_uuid: str | None = None,
        dealer_uuids: Sequence[str] | None = None,
        validate: bool = True,
        timeout: Timeout = None,
        max_retries: int | None = None,
    ) -> SaveCustomerResponse:
        """See `Customers.create`."""
        call = _save_call(
            department_uuid,
            customer,
            search_for_duplicate=False,
            vehicles=vehicles,
            validate_vin=validate_vin,
            requester_user_uuid=requester_user_uuid,
            dealer_uuids=dealer_uuids,
            validate=validate,
            timeout=timeout,
            max_retries=max_retries,
        )
        return cast(SaveCustomerResponse, await _asend(self._client, call))

    async def create_or_update(
        self,
        department_uuid: str,
        customer: CustomerArg,
        *,
        vehicles: VehiclesArg = None,
        validate_vin: bool | None = None,
        requester_user_uuid: str | None = None,
        dealer_uuids: Sequence[str] | None = None,
        validate: bool = True,
        timeout: Timeout = None,
        max_retries: int | None = None,
    ) -> SaveCustomerResponse:
        """See `Customers.create_or_update`."""
        call = _save_call(
            department_uuid,
            customer,
            search_for_duplicate=True,
            vehicles=vehicles,
            validate_vin=validate_vin,
            requester_user_uuid=requester_user_uuid,
            dealer_uuids=dealer_uuids,
            validate=validate,
            timeout=timeout,
            max_retries=max_retries,
        )
        return cast(SaveCustomerResponse, await _asend(self._client, call))

    async def update(
        self,
        department_uuid: str,
        customer_uuid: str,
        customer: CustomerArg,
        *,
        vehicles: VehiclesArg = None,
        validate_vin: bool | None = None,
        requester_user_uuid: str | None = None,
        dealer_uuids: Sequence[str] | None = None,
        validate: bool = True,
        timeout: Timeout = None,
        max_retries: int | None = None,
    ) -> UpdateCustomerResponse:
        """See `Customers.update`."""
        call = _save_call(
            department_uuid,
            customer,
            customer_uuid=customer_uuid,
            search_for_duplicate=None,
            vehicles=vehicles,
            validate_vin=validate_vin,
            requester_user_uuid=requester_user_uuid,
            dealer_uuids=dealer_uuids,
            validate=validate,
            timeout=timeout,
            max_retries=max_retries,
        )
        return cast(UpdateCustomerResponse, await _asend(self._client, call))

    async def get(
        self,
        department_uuid: str,
        customer_uuid: str,
        *,
        exclude_vehicles: bool = False,
        timeout: Timeout = None,
        max_retries: int | None = None,
    ) -> CustomerWithVehiclesResponse:
        """See `Customers.get`."""
        call = _get_call(department_uuid, customer_uuid, exclude_vehicles, timeout, max_retries)
        return cast(CustomerWithVehiclesResponse, await _asend(self._client, call))

    async def search(
        self,
        department_uuid: str,
        search_term: str,
        *,
        fields: Sequence[SearchField | str] | None = None,
        max_results: int | None = None,
        search_preference: SearchPreference | str | None = None,
        query_operator: QueryOperator | str | None = None,
        validate: bool = True,
        timeout: Timeout = None,
        max_retries: int | None = None,
    ) -> CustomerSearchResponse:
        """See `Customers.search`."""
        call = _search_call(
            department_uuid,
            search_term,
            fields=fields,
            max_results=max_results,
            search_preference=search_preference,
            query_operator=query_operator,
            validate=validate,
            timeout=timeout,
            max_retries=max_retries,
        )
        return cast(CustomerSearchResponse, await _asend(self._client, call))

    async def get_info(
        self,
        customer_uuid: str,
        *,
        requester_user_uuid: str,
        dealer_uuids: Sequence[str],
        exclude_order_type: bool | None = None,
        validate: bool = True,
        timeout: Timeout = None,
        max_retries: int | None = None,
    ) -> CustomerInfoResponse:
        """See `Customers.get_info`."""
        call = _get_info_call(
            customer_uuid,
            requester_user_uuid,
            dealer_uuids,
            exclude_order_type,
            validate,
            timeout,
            max_retries,
        )
        return cast(CustomerInfoResponse, await _asend(self._client, call))

    async def find_or_create(
        self,
        department_uuid: str,
        customer: CustomerArg,
        *,
        vehicles: VehiclesArg = None,
        validate_vin: bool | None = None,
        requester_user_uuid: str | None = None,
        dealer_uuids: Sequence[str] | None = None,
        validate: bool = True,
        timeout: Timeout = None,
        max_retries: int | None = None,
    ) -> FindOrCreateResult:
        """See `Customers.find_or_create`."""
        check_ids(department_uuid=department_uuid)
        request = save_request(
            customer,
            vehicles=vehicles,
            validate_vin=validate_vin,
            requester_user_uuid=requester_user_uuid,
            dealer_uuids=dealer_uuids,
            validate=validate,
        )
        return await _adrive(self._client, _find_or_create(department_uuid, request, timeout, max_retries))
