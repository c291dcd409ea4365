# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="VehicleIdentifiers")


@_attrs_define
class VehicleIdentifiers:
    """Identifiers of the customer's vehicle on a trip. The vendor never defines this object; this is the
    smallest honest shape, reusing the identifiers of `vehicleInformation` (D-UNDOCUMENTED-OBJECTS).

        Attributes:
            vin (None | str | Unset):
            vehicle_uuid (None | str | Unset):
            vehicle_key (None | str | Unset):
            license_plate (None | str | Unset):
    """

    vin: None | str | Unset = UNSET
    vehicle_uuid: None | str | Unset = UNSET
    vehicle_key: None | str | Unset = UNSET
    license_plate: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        vin: None | str | Unset
        if isinstance(self.vin, Unset):
            vin = UNSET
        else:
            vin = self.vin

        vehicle_uuid: None | str | Unset
        if isinstance(self.vehicle_uuid, Unset):
            vehicle_uuid = UNSET
        else:
            vehicle_uuid = self.vehicle_uuid

        vehicle_key: None | str | Unset
        if isinstance(self.vehicle_key, Unset):
            vehicle_key = UNSET
        else:
            vehicle_key = self.vehicle_key

        license_plate: None | str | Unset
        if isinstance(self.license_plate, Unset):
            license_plate = UNSET
        else:
            license_plate = self.license_plate

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if vin is not UNSET:
            field_dict["vin"] = vin
        if vehicle_uuid is not UNSET:
            field_dict["vehicleUuid"] = vehicle_uuid
        if vehicle_key is not UNSET:
            field_dict["vehicleKey"] = vehicle_key
        if license_plate is not UNSET:
            field_dict["licensePlate"] = license_plate

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

        def _parse_vehicle_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vehicle_uuid = _parse_vehicle_uuid(d.pop("vehicleUuid", UNSET))

        def _parse_vehicle_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vehicle_key = _parse_vehicle_key(d.pop("vehicleKey", UNSET))

        def _parse_license_plate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        license_plate = _parse_license_plate(d.pop("licensePlate", UNSET))

        vehicle_identifiers = cls(
            vin=vin,
            vehicle_uuid=vehicle_uuid,
            vehicle_key=vehicle_key,
            license_plate=license_plate,
        )

        return vehicle_identifiers
