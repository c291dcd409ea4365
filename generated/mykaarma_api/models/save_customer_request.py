# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.customer_input import CustomerInput
    from ..models.vehicle_input import VehicleInput


T = TypeVar("T", bound="SaveCustomerRequest")


@_attrs_define
class SaveCustomerRequest:
    """Body of create, create-or-update and update. `vehicles` and `validateVin` sit next to `customer`, not
    inside it (D-VEHICLES-TOP-LEVEL). With `searchForDuplicate: true` a create runs the documented customer
    matching logic and updates the match instead of creating a duplicate (D-MATCHING); the flag is ignored by
    update.

        Attributes:
            customer (CustomerInput): Customer attributes sent on create and update. `firstName` and `lastName` are required
                unless `isBusiness`
                is true and `company` is given; `company` is required when `isBusiness` is true (D-NAMES). Blank strings
                count as missing. On update, `phoneNumbers` and `emails` replace the stored lists (absent, null or empty
                deletes them all, with warnings 10005/10006); `addresses` replaces the stored list when present
                (D-LIST-REPLACEMENT).
            requester_user_uuid (None | str | Unset): User on whose behalf the call is made; accepted and not validated
                (D-REQUESTER).
            dealer_uuid_list (list[str] | None | Unset): Dealers concerned; accepted and not validated (D-REQUESTER).
            vehicles (list[VehicleInput] | None | Unset):
            validate_vin (bool | Unset): When true, a vehicle with an invalid VIN fails the whole request with 400 (D-VIN).
                Default: False.
            search_for_duplicate (bool | Unset): `false` (default): plain create. `true`: create-or-update — the matching
                logic looks for the same
                person in the department; a match is updated, otherwise a customer is created (D-MATCHING).
                 Default: False.
    """

    customer: CustomerInput
    requester_user_uuid: None | str | Unset = UNSET
    dealer_uuid_list: list[str] | None | Unset = UNSET
    vehicles: list[VehicleInput] | None | Unset = UNSET
    validate_vin: bool | Unset = False
    search_for_duplicate: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        customer = self.customer.to_dict()

        requester_user_uuid: None | str | Unset
        if isinstance(self.requester_user_uuid, Unset):
            requester_user_uuid = UNSET
        else:
            requester_user_uuid = self.requester_user_uuid

        dealer_uuid_list: list[str] | None | Unset
        if isinstance(self.dealer_uuid_list, Unset):
            dealer_uuid_list = UNSET
        elif isinstance(self.dealer_uuid_list, list):
            dealer_uuid_list = self.dealer_uuid_list

        else:
            dealer_uuid_list = self.dealer_uuid_list

        vehicles: list[dict[str, Any]] | None | Unset
        if isinstance(self.vehicles, Unset):
            vehicles = UNSET
        elif isinstance(self.vehicles, list):
            vehicles = []
            for vehicles_type_0_item_data in self.vehicles:
                vehicles_type_0_item = vehicles_type_0_item_data.to_dict()
                vehicles.append(vehicles_type_0_item)

        else:
            vehicles = self.vehicles

        validate_vin = self.validate_vin

        search_for_duplicate = self.search_for_duplicate

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customer": customer,
            }
        )
        if requester_user_uuid is not UNSET:
            field_dict["requesterUserUUID"] = requester_user_uuid
        if dealer_uuid_list is not UNSET:
            field_dict["dealerUUIDList"] = dealer_uuid_list
        if vehicles is not UNSET:
            field_dict["vehicles"] = vehicles
        if validate_vin is not UNSET:
            field_dict["validateVin"] = validate_vin
        if search_for_duplicate is not UNSET:
            field_dict["searchForDuplicate"] = search_for_duplicate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_input import CustomerInput  # noqa: PLC0415
        from ..models.vehicle_input import VehicleInput  # noqa: PLC0415

        d = dict(src_dict)
        customer = CustomerInput.from_dict(d.pop("customer"))

        def _parse_requester_user_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        requester_user_uuid = _parse_requester_user_uuid(d.pop("requesterUserUUID", UNSET))

        def _parse_dealer_uuid_list(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                dealer_uuid_list_type_0 = cast(list[str], data)

                return dealer_uuid_list_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        dealer_uuid_list = _parse_dealer_uuid_list(d.pop("dealerUUIDList", UNSET))

        def _parse_vehicles(data: object) -> list[VehicleInput] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                vehicles_type_0 = []
                _vehicles_type_0 = data
                for vehicles_type_0_item_data in _vehicles_type_0:
                    vehicles_type_0_item = VehicleInput.from_dict(vehicles_type_0_item_data)

                    vehicles_type_0.append(vehicles_type_0_item)

                return vehicles_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[VehicleInput] | None | Unset, data)

        vehicles = _parse_vehicles(d.pop("vehicles", UNSET))

        validate_vin = d.pop("validateVin", UNSET)

        search_for_duplicate = d.pop("searchForDuplicate", UNSET)

        save_customer_request = cls(
            customer=customer,
            requester_user_uuid=requester_user_uuid,
            dealer_uuid_list=dealer_uuid_list,
            vehicles=vehicles,
            validate_vin=validate_vin,
            search_for_duplicate=search_for_duplicate,
        )

        return save_customer_request
