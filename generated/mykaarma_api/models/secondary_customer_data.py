# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SecondaryCustomerData")


@_attrs_define
class SecondaryCustomerData:
    """Another customer record linked to this one.

    Attributes:
        fname (None | str | Unset):
        lname (None | str | Unset):
        customer_key (None | str | Unset):
        guid (str | Unset):
        customer_id (int | Unset):
    """

    fname: None | str | Unset = UNSET
    lname: None | str | Unset = UNSET
    customer_key: None | str | Unset = UNSET
    guid: str | Unset = UNSET
    customer_id: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fname: None | str | Unset
        if isinstance(self.fname, Unset):
            fname = UNSET
        else:
            fname = self.fname

        lname: None | str | Unset
        if isinstance(self.lname, Unset):
            lname = UNSET
        else:
            lname = self.lname

        customer_key: None | str | Unset
        if isinstance(self.customer_key, Unset):
            customer_key = UNSET
        else:
            customer_key = self.customer_key

        guid = self.guid

        customer_id = self.customer_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if fname is not UNSET:
            field_dict["fname"] = fname
        if lname is not UNSET:
            field_dict["lname"] = lname
        if customer_key is not UNSET:
            field_dict["customerKey"] = customer_key
        if guid is not UNSET:
            field_dict["guid"] = guid
        if customer_id is not UNSET:
            field_dict["customerId"] = customer_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_fname(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fname = _parse_fname(d.pop("fname", UNSET))

        def _parse_lname(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lname = _parse_lname(d.pop("lname", UNSET))

        def _parse_customer_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_key = _parse_customer_key(d.pop("customerKey", UNSET))

        guid = d.pop("guid", UNSET)

        customer_id = d.pop("customerId", UNSET)

        secondary_customer_data = cls(
            fname=fname,
            lname=lname,
            customer_key=customer_key,
            guid=guid,
            customer_id=customer_id,
        )

        secondary_customer_data.additional_properties = d
        return secondary_customer_data

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
