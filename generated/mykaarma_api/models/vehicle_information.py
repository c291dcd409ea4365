# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="VehicleInformation")


@_attrs_define
class VehicleInformation:
    """The appointment's vehicle; at least one identifier is needed.

    Attributes:
        vehicle_uuid (None | str | Unset): myKaarma vehicle identifier.
        vin (None | str | Unset): VIN; resolved to the customer's vehicle.
        vehicle_key (None | str | Unset): DMS key of the vehicle.
    """

    vehicle_uuid: None | str | Unset = UNSET
    vin: None | str | Unset = UNSET
    vehicle_key: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        vehicle_uuid: None | str | Unset
        if isinstance(self.vehicle_uuid, Unset):
            vehicle_uuid = UNSET
        else:
            vehicle_uuid = self.vehicle_uuid

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

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if vehicle_uuid is not UNSET:
            field_dict["vehicleUuid"] = vehicle_uuid
        if vin is not UNSET:
            field_dict["vin"] = vin
        if vehicle_key is not UNSET:
            field_dict["vehicleKey"] = vehicle_key

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_vehicle_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vehicle_uuid = _parse_vehicle_uuid(d.pop("vehicleUuid", UNSET))

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

        vehicle_information = cls(
            vehicle_uuid=vehicle_uuid,
            vin=vin,
            vehicle_key=vehicle_key,
        )

        return vehicle_information
