# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.address_type import AddressType
from ..models.address_type_code import AddressTypeCode
from ..types import UNSET, Unset

T = TypeVar("T", bound="AddressInput")


@_attrs_define
class AddressInput:
    """A postal address of the customer as a save request sends it. `addressType`, `line1`, `state` and `country`
    are required in every item; `city` is optional. `type` and `addressType` must agree: PRIMARY/COMMON ⇒ `P`,
    BILLING ⇒ `B`, OTHER ⇒ either. Without `type` (as the vendor's own example client sends it), `type` is
    derived from `addressType` — `B` ⇒ BILLING, `P` ⇒ PRIMARY — and warning 20201 says so (D-ADDRESS).

        Attributes:
            line1 (str): First line of the street address.
            state (str): State or region.
            country (str): Country.
            address_type (AddressTypeCode): Short address code that must agree with `type`; `P` for PRIMARY/COMMON, `B` for
                BILLING (D-ADDRESS).
            line2 (None | str | Unset): Second line (apartment, suite).
            city (None | str | Unset): City (optional; the vendor's required-ness tables leave it out).
            zip_ (None | str | Unset): Postal code.
            type_ (AddressType | Unset): Kind of address: `COMMON` (home and billing are the same), `PRIMARY` (home;
                recommended), `BILLING`
                (business), `OTHER` (listed by the vendor's API reference and returned by reads).
            is_valid (bool | Unset): Whether the address is valid.
            is_preferred (bool | Unset): Whether this is the customer's preferred address.
    """

    line1: str
    state: str
    country: str
    address_type: AddressTypeCode
    line2: None | str | Unset = UNSET
    city: None | str | Unset = UNSET
    zip_: None | str | Unset = UNSET
    type_: AddressType | Unset = UNSET
    is_valid: bool | Unset = UNSET
    is_preferred: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        line1 = self.line1

        state = self.state

        country = self.country

        address_type = self.address_type.value

        line2: None | str | Unset
        if isinstance(self.line2, Unset):
            line2 = UNSET
        else:
            line2 = self.line2

        city: None | str | Unset
        if isinstance(self.city, Unset):
            city = UNSET
        else:
            city = self.city

        zip_: None | str | Unset
        if isinstance(self.zip_, Unset):
            zip_ = UNSET
        else:
            zip_ = self.zip_

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        is_valid = self.is_valid

        is_preferred = self.is_preferred

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "line1": line1,
                "state": state,
                "country": country,
                "addressType": address_type,
            }
        )
        if line2 is not UNSET:
            field_dict["line2"] = line2
        if city is not UNSET:
            field_dict["city"] = city
        if zip_ is not UNSET:
            field_dict["zip"] = zip_
        if type_ is not UNSET:
            field_dict["type"] = type_
        if is_valid is not UNSET:
            field_dict["isValid"] = is_valid
        if is_preferred is not UNSET:
            field_dict["isPreferred"] = is_preferred

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        line1 = d.pop("line1")

        state = d.pop("state")

        country = d.pop("country")

        address_type = AddressTypeCode(d.pop("addressType"))

        def _parse_line2(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        line2 = _parse_line2(d.pop("line2", UNSET))

        def _parse_city(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        city = _parse_city(d.pop("city", UNSET))

        def _parse_zip_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        zip_ = _parse_zip_(d.pop("zip", UNSET))

        _type_ = d.pop("type", UNSET)
        type_: AddressType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = AddressType(_type_)

        is_valid = d.pop("isValid", UNSET)

        is_preferred = d.pop("isPreferred", UNSET)

        address_input = cls(
            line1=line1,
            state=state,
            country=country,
            address_type=address_type,
            line2=line2,
            city=city,
            zip_=zip_,
            type_=type_,
            is_valid=is_valid,
            is_preferred=is_preferred,
        )

        address_input.additional_properties = d
        return address_input

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
