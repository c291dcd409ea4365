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


T = TypeVar("T", bound="TripErrorResponse")


@_attrs_define
class TripErrorResponse:
    """Envelope of every appointment-with-trip failure; `statusCode` mirrors the HTTP status (D-ENVELOPE).

    Attributes:
        status_code (int):
        errors (list[TripError]):
        warnings (list[TripWarning] | None | Unset):
    """

    status_code: int
    errors: list[TripError]
    warnings: list[TripWarning] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status_code = self.status_code

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

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
                "statusCode": status_code,
                "errors": errors,
            }
        )
        if warnings is not UNSET:
            field_dict["warnings"] = warnings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.trip_error import TripError  # noqa: PLC0415
        from ..models.trip_warning import TripWarning  # noqa: PLC0415

        d = dict(src_dict)
        status_code = d.pop("statusCode")

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = TripError.from_dict(errors_item_data)

            errors.append(errors_item)

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

        trip_error_response = cls(
            status_code=status_code,
            errors=errors,
            warnings=warnings,
        )

        trip_error_response.additional_properties = d
        return trip_error_response

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
