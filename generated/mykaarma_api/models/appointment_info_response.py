# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.appointment_info import AppointmentInfo
    from ..models.appointment_read_error import AppointmentReadError
    from ..models.appointment_read_warning import AppointmentReadWarning


T = TypeVar("T", bound="AppointmentInfoResponse")


@_attrs_define
class AppointmentInfoResponse:
    """Result of reading one appointment.

    Attributes:
        appointment_info (AppointmentInfo): A stored appointment. The vendor's response table is not published; this is
            the smallest honest shape of
            what create and update store (D-APPT-READ).
        error (list[AppointmentReadError] | None | Unset):
        warnings (list[AppointmentReadWarning] | None | Unset):
    """

    appointment_info: AppointmentInfo
    error: list[AppointmentReadError] | None | Unset = UNSET
    warnings: list[AppointmentReadWarning] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        appointment_info = self.appointment_info.to_dict()

        error: list[dict[str, Any]] | None | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        elif isinstance(self.error, list):
            error = []
            for error_type_0_item_data in self.error:
                error_type_0_item = error_type_0_item_data.to_dict()
                error.append(error_type_0_item)

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
                "appointmentInfo": appointment_info,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error
        if warnings is not UNSET:
            field_dict["warnings"] = warnings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.appointment_info import AppointmentInfo  # noqa: PLC0415
        from ..models.appointment_read_error import AppointmentReadError  # noqa: PLC0415
        from ..models.appointment_read_warning import AppointmentReadWarning  # noqa: PLC0415

        d = dict(src_dict)
        appointment_info = AppointmentInfo.from_dict(d.pop("appointmentInfo"))

        def _parse_error(data: object) -> list[AppointmentReadError] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                error_type_0 = []
                _error_type_0 = data
                for error_type_0_item_data in _error_type_0:
                    error_type_0_item = AppointmentReadError.from_dict(error_type_0_item_data)

                    error_type_0.append(error_type_0_item)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AppointmentReadError] | None | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        def _parse_warnings(data: object) -> list[AppointmentReadWarning] | None | Unset:
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
                    warnings_type_0_item = AppointmentReadWarning.from_dict(warnings_type_0_item_data)

                    warnings_type_0.append(warnings_type_0_item)

                return warnings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AppointmentReadWarning] | None | Unset, data)

        warnings = _parse_warnings(d.pop("warnings", UNSET))

        appointment_info_response = cls(
            appointment_info=appointment_info,
            error=error,
            warnings=warnings,
        )

        appointment_info_response.additional_properties = d
        return appointment_info_response

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
