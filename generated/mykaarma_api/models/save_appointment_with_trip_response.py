# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.trip_error import TripError
    from ..models.trip_warning import TripWarning


T = TypeVar("T", bound="SaveAppointmentWithTripResponse")


@_attrs_define
class SaveAppointmentWithTripResponse:
    """Result of create and update appointment with trip. `eventUUID` is the trip's identifier (the `tripUUID` of
    later calls, D-TRIP-UUID); it is null after the delete-trip scenario.

        Attributes:
            event_uuid (None | str): Trip created or updated; null when the update deleted the trip.
            appointment_uuid (str): The appointment.
            status_code (int): HTTP status, echoed (200).
            errors (list[TripError] | None | Unset):
            warnings (list[TripWarning] | None | Unset):
    """

    event_uuid: None | str
    appointment_uuid: str
    status_code: int
    errors: list[TripError] | None | Unset = UNSET
    warnings: list[TripWarning] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_uuid: None | str
        event_uuid = self.event_uuid

        appointment_uuid = self.appointment_uuid

        status_code = self.status_code

        errors: list[dict[str, Any]] | None | Unset
        if isinstance(self.errors, Unset):
            errors = UNSET
        elif isinstance(self.errors, list):
            errors = []
            for errors_type_0_item_data in self.errors:
                errors_type_0_item = errors_type_0_item_data.to_dict()
                errors.append(errors_type_0_item)

        else:
            errors = self.errors

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
                "eventUUID": event_uuid,
                "appointmentUUID": appointment_uuid,
                "statusCode": status_code,
            }
        )
        if errors is not UNSET:
            field_dict["errors"] = errors
        if warnings is not UNSET:
            field_dict["warnings"] = warnings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.trip_error import TripError  # noqa: PLC0415
        from ..models.trip_warning import TripWarning  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_event_uuid(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        event_uuid = _parse_event_uuid(d.pop("eventUUID"))

        appointment_uuid = d.pop("appointmentUUID")

        status_code = d.pop("statusCode")

        def _parse_errors(data: object) -> list[TripError] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                errors_type_0 = []
                _errors_type_0 = data
                for errors_type_0_item_data in _errors_type_0:
                    errors_type_0_item = TripError.from_dict(errors_type_0_item_data)

                    errors_type_0.append(errors_type_0_item)

                return errors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[TripError] | None | Unset, data)

        errors = _parse_errors(d.pop("errors", UNSET))

        def _parse_warnings(data: object) -> list[TripWarning] | None | Unset:
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
                    warnings_type_0_item = TripWarning.from_dict(warnings_type_0_item_data)

                    warnings_type_0.append(warnings_type_0_item)

                return warnings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[TripWarning] | None | Unset, data)

        warnings = _parse_warnings(d.pop("warnings", UNSET))

        save_appointment_with_trip_response = cls(
            event_uuid=event_uuid,
            appointment_uuid=appointment_uuid,
            status_code=status_code,
            errors=errors,
            warnings=warnings,
        )

        save_appointment_with_trip_response.additional_properties = d
        return save_appointment_with_trip_response

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
