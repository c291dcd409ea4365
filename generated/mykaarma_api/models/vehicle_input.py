# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="VehicleInput")


@_attrs_define
class VehicleInput:
    """A vehicle of the customer. Needs `vin`, or all of `vehicleYear`, `vehicleMake` and `vehicleModel`
    (D-VEHICLE-IDENTITY). With `validateVin: true` an invalid VIN fails the request (D-VIN).

        Attributes:
            vin (None | str | Unset): Vehicle identification number (17 characters for vehicles sold in North America).
            vehicle_year (None | str | Unset): Model year, as a string (e.g. `2021`).
            vehicle_make (None | str | Unset): Manufacturer.
            vehicle_model (None | str | Unset): Model.
            vehicle_engine (None | str | Unset): Engine description.
            vehicle_trim (None | str | Unset): Trim level.
            is_valid (bool | Unset): Whether the customer currently owns the vehicle.
            license_plate (None | str | Unset): License plate.
            color (None | str | Unset): Colour.
            estimated_mileage (None | str | Unset): Estimated mileage, as a string.
            vehicle_key (None | str | Unset): DMS key of the vehicle.
            vehicle_uuid (None | str | Unset): myKaarma vehicle identifier; on update it selects the stored vehicle to
                change.
            is_matching (bool | Unset): Listed by the vendor's API reference without a meaning; accepted and ignored.
    """

    vin: None | str | Unset = UNSET
    vehicle_year: None | str | Unset = UNSET
    vehicle_make: None | str | Unset = UNSET
    vehicle_model: None | str | Unset = UNSET
    vehicle_engine: None | str | Unset = UNSET
    vehicle_trim: None | str | Unset = UNSET
    is_valid: bool | Unset = UNSET
    license_plate: None | str | Unset = UNSET
    color: None | str | Unset = UNSET
    estimated_mileage: None | str | Unset = UNSET
    vehicle_key: None | str | Unset = UNSET
    vehicle_uuid: None | str | Unset = UNSET
    is_matching: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        vin: None | str | Unset
        if isinstance(self.vin, Unset):
            vin = UNSET
        else:
            vin = self.vin

        vehicle_year: None | str | Unset
        if isinstance(self.vehicle_year, Unset):
            vehicle_year = UNSET
        else:
            vehicle_year = self.vehicle_year

        vehicle_make: None | str | Unset
        if isinstance(self.vehicle_make, Unset):
            vehicle_make = UNSET
        else:
            vehicle_make = self.vehicle_make

        vehicle_model: None | str | Unset
        if isinstance(self.vehicle_model, Unset):
            vehicle_model = UNSET
        else:
            vehicle_model = self.vehicle_model

        vehicle_engine: None | str | Unset
        if isinstance(self.vehicle_engine, Unset):
            vehicle_engine = UNSET
        else:
            vehicle_engine = self.vehicle_engine

        vehicle_trim: None | str | Unset
        if isinstance(self.vehicle_trim, Unset):
            vehicle_trim = UNSET
        else:
            vehicle_trim = self.vehicle_trim

        is_valid = self.is_valid

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

        estimated_mileage: None | str | Unset
        if isinstance(self.estimated_mileage, Unset):
            estimated_mileage = UNSET
        else:
            estimated_mileage = self.estimated_mileage

        vehicle_key: None | str | Unset
        if isinstance(self.vehicle_key, Unset):
            vehicle_key = UNSET
        else:
            vehicle_key = self.vehicle_key

        vehicle_uuid: None | str | Unset
        if isinstance(self.vehicle_uuid, Unset):
            vehicle_uuid = UNSET
        else:
            vehicle_uuid = self.vehicle_uuid

        is_matching = self.is_matching

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if vin is not UNSET:
            field_dict["vin"] = vin
        if vehicle_year is not UNSET:
            field_dict["vehicleYear"] = vehicle_year
        if vehicle_make is not UNSET:
            field_dict["vehicleMake"] = vehicle_make
        if vehicle_model is not UNSET:
            field_dict["vehicleModel"] = vehicle_model
        if vehicle_engine is not UNSET:
            field_dict["vehicleEngine"] = vehicle_engine
        if vehicle_trim is not UNSET:
            field_dict["vehicleTrim"] = vehicle_trim
        if is_valid is not UNSET:
            field_dict["isValid"] = is_valid
        if license_plate is not UNSET:
            field_dict["licensePlate"] = license_plate
        if color is not UNSET:
            field_dict["color"] = color
        if estimated_mileage is not UNSET:
            field_dict["estimatedMileage"] = estimated_mileage
        if vehicle_key is not UNSET:
            field_dict["vehicleKey"] = vehicle_key
        if vehicle_uuid is not UNSET:
            field_dict["vehicleUuid"] = vehicle_uuid
        if is_matching is not UNSET:
            field_dict["isMatching"] = is_matching

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_vin(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vin = _parse_vin(d.pop("vin", UNSET))

        def _parse_vehicle_year(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vehicle_year = _parse_vehicle_year(d.pop("vehicleYear", UNSET))

        def _parse_vehicle_make(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vehicle_make = _parse_vehicle_make(d.pop("vehicleMake", UNSET))

        def _parse_vehicle_model(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vehicle_model = _parse_vehicle_model(d.pop("vehicleModel", UNSET))

        def _parse_vehicle_engine(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vehicle_engine = _parse_vehicle_engine(d.pop("vehicleEngine", UNSET))

        def _parse_vehicle_trim(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vehicle_trim = _parse_vehicle_trim(d.pop("vehicleTrim", UNSET))

        is_valid = d.pop("isValid", UNSET)

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

        def _parse_estimated_mileage(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        estimated_mileage = _parse_estimated_mileage(d.pop("estimatedMileage", UNSET))

        def _parse_vehicle_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vehicle_key = _parse_vehicle_key(d.pop("vehicleKey", UNSET))

        def _parse_vehicle_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vehicle_uuid = _parse_vehicle_uuid(d.pop("vehicleUuid", UNSET))

        is_matching = d.pop("isMatching", UNSET)

        vehicle_input = cls(
            vin=vin,
            vehicle_year=vehicle_year,
            vehicle_make=vehicle_make,
            vehicle_model=vehicle_model,
            vehicle_engine=vehicle_engine,
            vehicle_trim=vehicle_trim,
            is_valid=is_valid,
            license_plate=license_plate,
            color=color,
            estimated_mileage=estimated_mileage,
            vehicle_key=vehicle_key,
            vehicle_uuid=vehicle_uuid,
            is_matching=is_matching,
        )

        return vehicle_input
