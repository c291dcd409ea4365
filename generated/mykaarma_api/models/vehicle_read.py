# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="VehicleRead")


@_attrs_define
class VehicleRead:
    """A stored vehicle of a customer.

    Attributes:
        vehicle_uuid (str): myKaarma identifier of the vehicle.
        id (int | Unset):
        vin (None | str | Unset):
        vehicle_key (None | str | Unset):
        is_valid (bool | Unset):
        image_url (None | str | Unset):
        brand_id (int | None | Unset):
        license_plate (None | str | Unset):
        color (None | str | Unset):
        vehicle_model (None | str | Unset):
        vehicle_year (None | str | Unset):
        vehicle_trim (None | str | Unset):
        vehicle_engine (None | str | Unset):
        estimated_mileage (None | str | Unset):
        vehicle_make (None | str | Unset):
    """

    vehicle_uuid: str
    id: int | Unset = UNSET
    vin: None | str | Unset = UNSET
    vehicle_key: None | str | Unset = UNSET
    is_valid: bool | Unset = UNSET
    image_url: None | str | Unset = UNSET
    brand_id: int | None | Unset = UNSET
    license_plate: None | str | Unset = UNSET
    color: None | str | Unset = UNSET
    vehicle_model: None | str | Unset = UNSET
    vehicle_year: None | str | Unset = UNSET
    vehicle_trim: None | str | Unset = UNSET
    vehicle_engine: None | str | Unset = UNSET
    estimated_mileage: None | str | Unset = UNSET
    vehicle_make: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        vehicle_uuid = self.vehicle_uuid

        id = self.id

        vin: None | str | Unset
        if isinstance(self.vin, Unset):
            vin = UNSET
        else:
            vin = self.vin

        vehicle_key: None | str | Unset
        if isinstance(self.vehicle_key, Unset):
            vehicle_key = UNSET
        else:
            vehicle_key = self.vehicle_key

        is_valid = self.is_valid

        image_url: None | str | Unset
        if isinstance(self.image_url, Unset):
            image_url = UNSET
        else:
            image_url = self.image_url

        brand_id: int | None | Unset
        if isinstance(self.brand_id, Unset):
            brand_id = UNSET
        else:
            brand_id = self.brand_id

        license_plate: None | str | Unset
        if isinstance(self.license_plate, Unset):
            license_plate = UNSET
        else:
            license_plate = self.license_plate

        color: None | str | Unset
        if isinstance(self.color, Unset):
            color = UNSET
        else:
            color = self.color

        vehicle_model: None | str | Unset
        if isinstance(self.vehicle_model, Unset):
            vehicle_model = UNSET
        else:
            vehicle_model = self.vehicle_model

        vehicle_year: None | str | Unset
        if isinstance(self.vehicle_year, Unset):
            vehicle_year = UNSET
        else:
            vehicle_year = self.vehicle_year

        vehicle_trim: None | str | Unset
        if isinstance(self.vehicle_trim, Unset):
            vehicle_trim = UNSET
        else:
            vehicle_trim = self.vehicle_trim

        vehicle_engine: None | str | Unset
        if isinstance(self.vehicle_engine, Unset):
            vehicle_engine = UNSET
        else:
            vehicle_engine = self.vehicle_engine

        estimated_mileage: None | str | Unset
        if isinstance(self.estimated_mileage, Unset):
            estimated_mileage = UNSET
        else:
            estimated_mileage = self.estimated_mileage

        vehicle_make: None | str | Unset
        if isinstance(self.vehicle_make, Unset):
            vehicle_make = UNSET
        else:
            vehicle_make = self.vehicle_make

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "vehicleUuid": vehicle_uuid,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if vin is not UNSET:
            field_dict["vin"] = vin
        if vehicle_key is not UNSET:
            field_dict["vehicleKey"] = vehicle_key
        if is_valid is not UNSET:
            field_dict["isValid"] = is_valid
        if image_url is not UNSET:
            field_dict["imageUrl"] = image_url
        if brand_id is not UNSET:
            field_dict["brandId"] = brand_id
        if license_plate is not UNSET:
            field_dict["licensePlate"] = license_plate
        if color is not UNSET:
            field_dict["color"] = color
        if vehicle_model is not UNSET:
            field_dict["vehicleModel"] = vehicle_model
        if vehicle_year is not UNSET:
            field_dict["vehicleYear"] = vehicle_year
        if vehicle_trim is not UNSET:
            field_dict["vehicleTrim"] = vehicle_trim
        if vehicle_engine is not UNSET:
            field_dict["vehicleEngine"] = vehicle_engine
        if estimated_mileage is not UNSET:
            field_dict["estimatedMileage"] = estimated_mileage
        if vehicle_make is not UNSET:
            field_dict["vehicleMake"] = vehicle_make

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        vehicle_uuid = d.pop("vehicleUuid")

        id = d.pop("id", UNSET)

        def _parse_vin(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vin = _parse_vin(d.pop("vin", UNSET))

        def _parse_vehicle_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vehicle_key = _parse_vehicle_key(d.pop("vehicleKey", UNSET))

        is_valid = d.pop("isValid", UNSET)

        def _parse_image_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        image_url = _parse_image_url(d.pop("imageUrl", UNSET))

        def _parse_brand_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        brand_id = _parse_brand_id(d.pop("brandId", UNSET))

        def _parse_license_plate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        license_plate = _parse_license_plate(d.pop("licensePlate", UNSET))

        def _parse_color(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        color = _parse_color(d.pop("color", UNSET))

        def _parse_vehicle_model(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vehicle_model = _parse_vehicle_model(d.pop("vehicleModel", UNSET))

        def _parse_vehicle_year(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vehicle_year = _parse_vehicle_year(d.pop("vehicleYear", UNSET))

        def _parse_vehicle_trim(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vehicle_trim = _parse_vehicle_trim(d.pop("vehicleTrim", UNSET))

        def _parse_vehicle_engine(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vehicle_engine = _parse_vehicle_engine(d.pop("vehicleEngine", UNSET))

        def _parse_estimated_mileage(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        estimated_mileage = _parse_estimated_mileage(d.pop("estimatedMileage", UNSET))

        def _parse_vehicle_make(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vehicle_make = _parse_vehicle_make(d.pop("vehicleMake", UNSET))

        vehicle_read = cls(
            vehicle_uuid=vehicle_uuid,
            id=id,
            vin=vin,
            vehicle_key=vehicle_key,
            is_valid=is_valid,
            image_url=image_url,
            brand_id=brand_id,
            license_plate=license_plate,
            color=color,
            vehicle_model=vehicle_model,
            vehicle_year=vehicle_year,
            vehicle_trim=vehicle_trim,
            vehicle_engine=vehicle_engine,
            estimated_mileage=estimated_mileage,
            vehicle_make=vehicle_make,
        )

        vehicle_read.additional_properties = d
        return vehicle_read

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
