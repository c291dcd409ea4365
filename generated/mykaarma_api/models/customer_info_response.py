# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address import Address
    from ..models.customer_error import CustomerError
    from ..models.customer_info import CustomerInfo
    from ..models.customer_warning import CustomerWarning
    from ..models.dealer_order_info import DealerOrderInfo
    from ..models.legacy_address import LegacyAddress


T = TypeVar("T", bound="CustomerInfoResponse")


@_attrs_define
class CustomerInfoResponse:
    """Result of the legacy read `getCustomer`.

    Attributes:
        errors (list[CustomerError]):
        warnings (list[CustomerWarning]):
        customer_info (CustomerInfo): The customer in the legacy shape of `getCustomer` (`fname`/`lname`, one
            `communications` list).
        dealer_order_info_list (list[DealerOrderInfo] | Unset): Orders of the customer; absent when
            `excludeOrderType=true`.
        address_list_v2 (list[Address] | Unset):
        address_list (list[LegacyAddress] | Unset):
    """

    errors: list[CustomerError]
    warnings: list[CustomerWarning]
    customer_info: CustomerInfo
    dealer_order_info_list: list[DealerOrderInfo] | Unset = UNSET
    address_list_v2: list[Address] | Unset = UNSET
    address_list: list[LegacyAddress] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        warnings = []
        for warnings_item_data in self.warnings:
            warnings_item = warnings_item_data.to_dict()
            warnings.append(warnings_item)

        customer_info = self.customer_info.to_dict()

        dealer_order_info_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.dealer_order_info_list, Unset):
            dealer_order_info_list = []
            for dealer_order_info_list_item_data in self.dealer_order_info_list:
                dealer_order_info_list_item = dealer_order_info_list_item_data.to_dict()
                dealer_order_info_list.append(dealer_order_info_list_item)

        address_list_v2: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.address_list_v2, Unset):
            address_list_v2 = []
            for address_list_v2_item_data in self.address_list_v2:
                address_list_v2_item = address_list_v2_item_data.to_dict()
                address_list_v2.append(address_list_v2_item)

        address_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.address_list, Unset):
            address_list = []
            for address_list_item_data in self.address_list:
                address_list_item = address_list_item_data.to_dict()
                address_list.append(address_list_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errors": errors,
                "warnings": warnings,
                "customerInfo": customer_info,
            }
        )
        if dealer_order_info_list is not UNSET:
            field_dict["dealerOrderInfoList"] = dealer_order_info_list
        if address_list_v2 is not UNSET:
            field_dict["addressListV2"] = address_list_v2
        if address_list is not UNSET:
            field_dict["addressList"] = address_list

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.customer_error import CustomerError  # noqa: PLC0415
        from ..models.customer_info import CustomerInfo  # noqa: PLC0415
        from ..models.customer_warning import CustomerWarning  # noqa: PLC0415
        from ..models.dealer_order_info import DealerOrderInfo  # noqa: PLC0415
        from ..models.legacy_address import LegacyAddress  # noqa: PLC0415

        d = dict(src_dict)
        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = CustomerError.from_dict(errors_item_data)

            errors.append(errors_item)

        warnings = []
        _warnings = d.pop("warnings")
        for warnings_item_data in _warnings:
            warnings_item = CustomerWarning.from_dict(warnings_item_data)

            warnings.append(warnings_item)

        customer_info = CustomerInfo.from_dict(d.pop("customerInfo"))

        _dealer_order_info_list = d.pop("dealerOrderInfoList", UNSET)
        dealer_order_info_list: list[DealerOrderInfo] | Unset = UNSET
        if _dealer_order_info_list is not UNSET:
            dealer_order_info_list = []
            for dealer_order_info_list_item_data in _dealer_order_info_list:
                dealer_order_info_list_item = DealerOrderInfo.from_dict(dealer_order_info_list_item_data)

                dealer_order_info_list.append(dealer_order_info_list_item)

        _address_list_v2 = d.pop("addressListV2", UNSET)
        address_list_v2: list[Address] | Unset = UNSET
        if _address_list_v2 is not UNSET:
            address_list_v2 = []
            for address_list_v2_item_data in _address_list_v2:
                address_list_v2_item = Address.from_dict(address_list_v2_item_data)

                address_list_v2.append(address_list_v2_item)

        _address_list = d.pop("addressList", UNSET)
        address_list: list[LegacyAddress] | Unset = UNSET
        if _address_list is not UNSET:
            address_list = []
            for address_list_item_data in _address_list:
                address_list_item = LegacyAddress.from_dict(address_list_item_data)

                address_list.append(address_list_item)

        customer_info_response = cls(
            errors=errors,
            warnings=warnings,
            customer_info=customer_info,
            dealer_order_info_list=dealer_order_info_list,
            address_list_v2=address_list_v2,
            address_list=address_list,
        )

        customer_info_response.additional_properties = d
        return customer_info_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
