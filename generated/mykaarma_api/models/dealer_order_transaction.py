# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DealerOrderTransaction")


@_attrs_define
class DealerOrderTransaction:
    """A payment transaction of a dealer order.

    Attributes:
        tender_data_id (int | Unset):
        dealer_order_id (int | Unset):
        customer_id (int | Unset):
        transaction_id (int | Unset):
        device_id (int | Unset):
        transaction_type_id (int | Unset):
        transaction_amount (float | Unset):
        cc_number (None | str | Unset): Masked card number.
    """

    tender_data_id: int | Unset = UNSET
    dealer_order_id: int | Unset = UNSET
    customer_id: int | Unset = UNSET
    transaction_id: int | Unset = UNSET
    device_id: int | Unset = UNSET
    transaction_type_id: int | Unset = UNSET
    transaction_amount: float | Unset = UNSET
    cc_number: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tender_data_id = self.tender_data_id

        dealer_order_id = self.dealer_order_id

        customer_id = self.customer_id

        transaction_id = self.transaction_id

        device_id = self.device_id

        transaction_type_id = self.transaction_type_id

        transaction_amount = self.transaction_amount

        cc_number: None | str | Unset
        if isinstance(self.cc_number, Unset):
            cc_number = UNSET
        else:
            cc_number = self.cc_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if tender_data_id is not UNSET:
            field_dict["tenderDataId"] = tender_data_id
        if dealer_order_id is not UNSET:
            field_dict["dealerOrderId"] = dealer_order_id
        if customer_id is not UNSET:
            field_dict["customerId"] = customer_id
        if transaction_id is not UNSET:
            field_dict["transactionId"] = transaction_id
        if device_id is not UNSET:
            field_dict["deviceId"] = device_id
        if transaction_type_id is not UNSET:
            field_dict["transactionTypeId"] = transaction_type_id
        if transaction_amount is not UNSET:
            field_dict["transactionAmount"] = transaction_amount
        if cc_number is not UNSET:
            field_dict["ccNumber"] = cc_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        tender_data_id = d.pop("tenderDataId", UNSET)

        dealer_order_id = d.pop("dealerOrderId", UNSET)

        customer_id = d.pop("customerId", UNSET)

        transaction_id = d.pop("transactionId", UNSET)

        device_id = d.pop("deviceId", UNSET)

        transaction_type_id = d.pop("transactionTypeId", UNSET)

        transaction_amount = d.pop("transactionAmount", UNSET)

        def _parse_cc_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cc_number = _parse_cc_number(d.pop("ccNumber", UNSET))

        dealer_order_transaction = cls(
            tender_data_id=tender_data_id,
            dealer_order_id=dealer_order_id,
            customer_id=customer_id,
            transaction_id=transaction_id,
            device_id=device_id,
            transaction_type_id=transaction_type_id,
            transaction_amount=transaction_amount,
            cc_number=cc_number,
        )

        dealer_order_transaction.additional_properties = d
        return dealer_order_transaction

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
