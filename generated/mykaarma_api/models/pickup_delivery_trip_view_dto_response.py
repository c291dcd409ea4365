# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pn_d_error import PnDError
    from ..models.pn_d_warning import PnDWarning
    from ..models.trip_view_dto import TripViewDto


T = TypeVar("T", bound="PickupDeliveryTripViewDtoResponse")


@_attrs_define
class PickupDeliveryTripViewDtoResponse:
    """The trips linked to an appointment (cancelled trips are no longer linked).

    Attributes:
        total_count (int):
        trip_view_dtos (list[TripViewDto]):
        status_code (int):
        error (None | PnDError | Unset):
        warnings (list[PnDWarning] | None | Unset):
    """

    total_count: int
    trip_view_dtos: list[TripViewDto]
    status_code: int
    error: None | PnDError | Unset = UNSET
    warnings: list[PnDWarning] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.pn_d_error import PnDError  # noqa: PLC0415

        total_count = self.total_count

        trip_view_dtos = []
        for trip_view_dtos_item_data in self.trip_view_dtos:
            trip_view_dtos_item = trip_view_dtos_item_data.to_dict()
            trip_view_dtos.append(trip_view_dtos_item)

        status_code = self.status_code

        error: dict[str, Any] | None | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        elif isinstance(self.error, PnDError):
            error = self.error.to_dict()
        else:
            error = self.error

        warnings: list[dict[str, Any]] | None | Unset
        if isinstance(self.warnings, Unset):
            warnings = UNSET
        elif isinstance(self.warnings, list):
            warnings = []
            for warnings_type_0_item_data in self.warnings:
                warnings_type_0_item = warnings_type_0_item_data.to_dict()
                warnings.append(warnings_type_0_item)

        else:
            warnings = self.warnings

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "totalCount": total_count,
                "tripViewDtos": trip_view_dtos,
                "statusCode": status_code,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error
        if warnings is not UNSET:
            field_dict["warnings"] = warnings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pn_d_error import PnDError  # noqa: PLC0415
        from ..models.pn_d_warning import PnDWarning  # noqa: PLC0415
        from ..models.trip_view_dto import TripViewDto  # noqa: PLC0415

        d = dict(src_dict)
        total_count = d.pop("totalCount")

        trip_view_dtos = []
        _trip_view_dtos = d.pop("tripViewDtos")
        for trip_view_dtos_item_data in _trip_view_dtos:
            trip_view_dtos_item = TripViewDto.from_dict(trip_view_dtos_item_data)

            trip_view_dtos.append(trip_view_dtos_item)

        status_code = d.pop("statusCode")

        def _parse_error(data: object) -> None | PnDError | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = PnDError.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PnDError | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        def _parse_warnings(data: object) -> list[PnDWarning] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                warnings_type_0 = []
                _warnings_type_0 = data
                for warnings_type_0_item_data in _warnings_type_0:
                    warnings_type_0_item = PnDWarning.from_dict(warnings_type_0_item_data)

                    warnings_type_0.append(warnings_type_0_item)

                return warnings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PnDWarning] | None | Unset, data)

        warnings = _parse_warnings(d.pop("warnings", UNSET))

        pickup_delivery_trip_view_dto_response = cls(
            total_count=total_count,
            trip_view_dtos=trip_view_dtos,
            status_code=status_code,
            error=error,
            warnings=warnings,
        )

        pickup_delivery_trip_view_dto_response.additional_properties = d
        return pickup_delivery_trip_view_dto_response

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
