# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomerInfoVehicle")


@_attrs_define
class CustomerInfoVehicle:
    """A vehicle in the legacy `customerInfo` shape.

    Attributes:
        model (None | str | Unset):
        year (None | str | Unset):
        make (None | str | Unset):
        engine (None | str | Unset):
        body_style (None | str | Unset):
        trim (None | str | Unset):
        vin (None | str | Unset):
        id (int | Unset):
        is_valid (bool | Unset):
        uuid (str | Unset):
        vehicle_key (None | str | Unset):
        image_url (None | str | Unset):
    """

    model: None | str | Unset = UNSET
    year: None | str | Unset = UNSET
    make: None | str | Unset = UNSET
    engine: None | str | Unset = UNSET
    body_style: None | str | Unset = UNSET
    trim: None | str | Unset = UNSET
    vin: None | str | Unset = UNSET
    id: int | Unset = UNSET
    is_valid: bool | Unset = UNSET
    uuid: str | Unset = UNSET
    vehicle_key: None | str | Unset = UNSET
    image_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model: None | str | Unset
        if isinstance(self.model, Unset):
            model = UNSET
        else:
            model = self.model

        year: None | str | Unset
        if isinstance(self.year, Unset):
            year = UNSET
        else:
            year = self.year

        make: None | str | Unset
        if isinstance(self.make, Unset):
            make = UNSET
        else:
            make = self.make

        engine: None | str | Unset
        if isinstance(self.engine, Unset):
            engine = UNSET
        else:
            engine = self.engine

        body_style: None | str | Unset
        if isinstance(self.body_style, Unset):
            body_style = UNSET
        else:
            body_style = self.body_style

        trim: None | str | Unset
        if isinstance(self.trim, Unset):
            trim = UNSET
        else:
            trim = self.trim

        vin: None | str | Unset
        if isinstance(self.vin, Unset):
            vin = UNSET
        else:
            vin = self.vin

        id = self.id

        is_valid = self.is_valid

        uuid = self.uuid

        vehicle_key: None | str | Unset
        if isinstance(self.vehicle_key, Unset):
            vehicle_key = UNSET
        else:
            vehicle_key = self.vehicle_key

        image_url: None | str | Unset
        if isinstance(self.image_url, Unset):
            image_url = UNSET
        else:
            image_url = self.image_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if model is not UNSET:
            field_dict["model"] = model
        if year is not UNSET:
            field_dict["year"] = year
        if make is not UNSET:
            field_dict["make"] = make
        if engine is not UNSET:
            field_dict["engine"] = engine
        if body_style is not UNSET:
            field_dict["bodyStyle"] = body_style
        if trim is not UNSET:
            field_dict["trim"] = trim
        if vin is not UNSET:
            field_dict["vin"] = vin
        if id is not UNSET:
            field_dict["id"] = id
        if is_valid is not UNSET:
            field_dict["isValid"] = is_valid
        if uuid is not UNSET:
            field_dict["uuid"] = uuid
        if vehicle_key is not UNSET:
            field_dict["vehicleKey"] = vehicle_key
        if image_url is not UNSET:
            field_dict["imageUrl"] = image_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_model(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        model = _parse_model(d.pop("model", UNSET))

        def _parse_year(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        year = _parse_year(d.pop("year", UNSET))

        def _parse_make(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        make = _parse_make(d.pop("make", UNSET))

        def _parse_engine(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        engine = _parse_engine(d.pop("engine", UNSET))

        def _parse_body_style(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        body_style = _parse_body_style(d.pop("bodyStyle", UNSET))

        def _parse_trim(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        trim = _parse_trim(d.pop("trim", UNSET))

        def _parse_vin(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vin = _parse_vin(d.pop("vin", UNSET))

        id = d.pop("id", UNSET)

        is_valid = d.pop("isValid", UNSET)

        uuid = d.pop("uuid", UNSET)

        def _parse_vehicle_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vehicle_key = _parse_vehicle_key(d.pop("vehicleKey", UNSET))

        def _parse_image_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        image_url = _parse_image_url(d.pop("imageUrl", UNSET))

        customer_info_vehicle = cls(
            model=model,
            year=year,
            make=make,
            engine=engine,
            body_style=body_style,
            trim=trim,
            vin=vin,
            id=id,
            is_valid=is_valid,
            uuid=uuid,
            vehicle_key=vehicle_key,
            image_url=image_url,
        )

        customer_info_vehicle.additional_properties = d
        return customer_info_vehicle

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
