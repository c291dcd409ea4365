"""``client.customers``: create, create-or-update, upsert, update, read, search, legacy read, find-or-create.

Generated from ``mykaarma/_async/customers.py`` by ``scripts.codegen.unasync_client``: edit that file.

Inputs are generated models (`mykaarma.types`) or plain dicts in the API's JSON form (camelCase keys);
results are the generated response models, warnings included. Bodies are validated before sending unless
``validate=False`` (`mykaarma.validation`); phone numbers are sent in E.164 form.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, cast

from mykaarma_api.models import (
    CustomerInfoResponse,
    CustomerSearchResponse,
    CustomerWithVehiclesResponse,
    QueryOperator,
    SaveCustomerResponse,
    SearchField,
    SearchPreference,
    UpdateCustomerResponse,
)

from ..resources._calls import Timeout
from ..resources.customer_calls import (
    CandidateArg,
    CustomerArg,
    VehiclesArg,
    candidate_dicts,
    dedup_request,
    get_call,
    get_info_call,
    save_call,
    save_request,
    search_call,
)
from ..resources.find_or_create import FindOrCreateResult, find_or_create_flow
from ..resources.upsert import UpsertResult, Written, create_or_update_flow, upsert_flow
from ..validation import check_ids
from .calls import drive, send

if TYPE_CHECKING:
    from .api_client import SyncAPIClient
    from .raw_responses import CustomersWithRawResponse

__all__ = ["Customers"]


class Customers:
    """Customer operations of `MyKaarma` (``client.customers``).

    Every method takes ``timeout`` and ``max_retries`` overriding the client's for that call; the write
    methods take ``validate`` (default True: check the body before sending, see `mykaarma.validation`).
    """

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> CustomersWithRawResponse:
        """These methods, each returning a `RawResponse`: status, headers, request id, ``parse()``."""
        from .raw_responses import CustomersWithRawResponse

        return CustomersWithRawResponse(self)

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
        call = save_call(
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
        return cast(SaveCustomerResponse, send(self._client, call))

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

        The server replaces the matched customer's phone and e-mail lists with the ones sent (absent: deleted,
        D-LIST-REPLACEMENT); `upsert` keeps what is stored. Retried only when the server can recognise a
        repeat: a phone, e-mail or VIN finds the first attempt's customer (D-MATCHING), and with a customerKey
        a repeat refused as a duplicate key answers with the customer holding it. Otherwise a failure that may
        have reached the server raises `APIConnectionError` with ``may_have_reached_server=True``.
        """
        check_ids(department_uuid=department_uuid)
        request = dedup_request(customer, vehicles, validate_vin, requester_user_uuid, dealer_uuids, validate)
        return drive(self._client, create_or_update_flow(department_uuid, request, timeout, max_retries))

    def upsert(
        self,
        department_uuid: str,
        customer: CustomerArg,
        *,
        vehicles: VehiclesArg = None,
        validate_vin: bool | None = None,
        requester_user_uuid: str | None = None,
        dealer_uuids: Sequence[str] | None = None,
        keep_existing: bool = True,
        candidates: Sequence[CandidateArg] | None = None,
        named: Sequence[CandidateArg] | None = None,
        defaulted: Collection[str] = (),
        earlier: Written | None = None,
        on_write: Callable[[Written], None] | None = None,
        validate: bool = True,
        timeout: Timeout = None,
        max_retries: int | None = None,
    ) -> UpsertResult:
        """Update the stored customer this one is, or create it, losing and duplicating no one (D-IDENTITY).

        Finds the customer by phone, e-mail or VIN (D-MATCHING), else by customerKey, else by name and
        address, else by name alone when nothing else tells two people apart; updates it keeping what the body
        leaves out (`keep_existing=False`: the lists are replaced as sent, and the deletions reported), or
        creates it; a body that cannot be matched safely is reported (``action="unmatched"``) and nothing is
        written. A create that may have reached the server is looked up before it is ever sent again.
        `candidates` are customers already found for the body's phones, e-mails and VINs (a search serving
        many bodies); `named` the customers already found by its name (``result.named`` of an upsert of the
        same name, plus what was written since); `defaulted` lists paths (``customer.phoneNumbers[0].label``)
        of values the caller filled in, which never overwrite stored ones. `earlier` says what an interrupted
        upsert of this body may have done (``"created"``/``"updated"``: a customer found already equal to the
        body is reported so, not as unchanged); `on_write` is called with the action just before the write is
        sent (for a journal). ``result.explain()`` says what was done and why.
        """
        check_ids(department_uuid=department_uuid)
        request = dedup_request(customer, vehicles, validate_vin, requester_user_uuid, dealer_uuids, validate)
        flow = upsert_flow(
            department_uuid,
            request,
            defaulted=defaulted,
            replace_lists=not keep_existing,
            candidates=candidate_dicts(candidates),
            named=candidate_dicts(named),
            earlier=earlier,
            on_write=on_write,
            timeout=timeout,
            max_retries=max_retries,
        )
        return drive(self._client, flow)

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
        call = save_call(
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
        return cast(UpdateCustomerResponse, send(self._client, call))

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
        call = get_call(department_uuid, customer_uuid, exclude_vehicles, timeout, max_retries)
        return cast(CustomerWithVehiclesResponse, send(self._client, call))

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
        call = search_call(
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
        return cast(CustomerSearchResponse, send(self._client, call))

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
        call = get_info_call(
            customer_uuid,
            requester_user_uuid,
            dealer_uuids,
            exclude_order_type,
            validate,
            timeout,
            max_retries,
        )
        return cast(CustomerInfoResponse, send(self._client, call))

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
        candidate with `mykaarma_core.matching.match_customer`; ``result.explain()`` says which step
        decided and why.
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
        return drive(self._client, find_or_create_flow(department_uuid, request, timeout, max_retries))
