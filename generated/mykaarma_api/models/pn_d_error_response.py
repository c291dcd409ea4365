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


T = TypeVar("T", bound="PnDErrorResponse")


@_attrs_define
class PnDErrorResponse:
    """Envelope of a trips-read failure, with one `error` object; `statusCode` mirrors the HTTP status.

    Attributes:
        status_code (int):
        error (PnDError): The single error object of the pickup & delivery service.
        warnings (list[PnDWarning] | None | Unset):
    """

    status_code: int
    error: PnDError
    warnings: list[PnDWarning] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status_code = self.status_code

        error = self.error.to_dict()

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
                "error": error,
            }
        )
        if warnings is not UNSET:
            field_dict["warnings"] = warnings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pn_d_error import PnDError  # noqa: PLC0415
        from ..models.pn_d_warning import PnDWarning  # noqa: PLC0415

        d = dict(src_dict)
        status_code = d.pop("statusCode")

        error = PnDError.from_dict(d.pop("error"))

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

        pn_d_error_response = cls(
            status_code=status_code,
            error=error,
            warnings=warnings,
        )

        pn_d_error_response.additional_properties = d
        return pn_d_error_response

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
