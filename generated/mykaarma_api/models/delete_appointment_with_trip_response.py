# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.trip_error import TripError


T = TypeVar("T", bound="DeleteAppointmentWithTripResponse")


@_attrs_define
class DeleteAppointmentWithTripResponse:
    """Result of delete appointment with trip.

    Attributes:
        trip_uuid (str): The cancelled trip.
        appointment_uuid (str): The deleted appointment.
        status_code (int):
        errors (list[TripError] | None | Unset):
    """

    trip_uuid: str
    appointment_uuid: str
    status_code: int
    errors: list[TripError] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        trip_uuid = self.trip_uuid

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tripUuid": trip_uuid,
                "appointmentUuid": appointment_uuid,
                "statusCode": status_code,
            }
        )
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.trip_error import TripError  # noqa: PLC0415

        d = dict(src_dict)
        trip_uuid = d.pop("tripUuid")

        appointment_uuid = d.pop("appointmentUuid")

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

        delete_appointment_with_trip_response = cls(
            trip_uuid=trip_uuid,
            appointment_uuid=appointment_uuid,
            status_code=status_code,
            errors=errors,
        )

        delete_appointment_with_trip_response.additional_properties = d
        return delete_appointment_with_trip_response

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
