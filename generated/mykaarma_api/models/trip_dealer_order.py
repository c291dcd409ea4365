# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TripDealerOrder")


@_attrs_define
class TripDealerOrder:
    """Repair order of a trip.

    Attributes:
        dealer_order_uuid (None | str | Unset):
        ro_number (None | str | Unset):
    """

    dealer_order_uuid: None | str | Unset = UNSET
    ro_number: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dealer_order_uuid: None | str | Unset
        if isinstance(self.dealer_order_uuid, Unset):
            dealer_order_uuid = UNSET
        else:
            dealer_order_uuid = self.dealer_order_uuid

        ro_number: None | str | Unset
        if isinstance(self.ro_number, Unset):
            ro_number = UNSET
        else:
            ro_number = self.ro_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if dealer_order_uuid is not UNSET:
            field_dict["dealerOrderUUID"] = dealer_order_uuid
        if ro_number is not UNSET:
            field_dict["roNumber"] = ro_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_dealer_order_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dealer_order_uuid = _parse_dealer_order_uuid(d.pop("dealerOrderUUID", UNSET))

        def _parse_ro_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ro_number = _parse_ro_number(d.pop("roNumber", UNSET))

        trip_dealer_order = cls(
            dealer_order_uuid=dealer_order_uuid,
            ro_number=ro_number,
        )

        trip_dealer_order.additional_properties = d
        return trip_dealer_order

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
