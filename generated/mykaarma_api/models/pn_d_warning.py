# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PnDWarning")


@_attrs_define
class PnDWarning:
    """A warning of the pickup & delivery service.

    Attributes:
        warning_code (str):
        warning_description (str):
    """

    warning_code: str
    warning_description: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        warning_code = self.warning_code

        warning_description = self.warning_description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "warningCode": warning_code,
                "warningDescription": warning_description,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        warning_code = d.pop("warningCode")

        warning_description = d.pop("warningDescription")

        pn_d_warning = cls(
            warning_code=warning_code,
            warning_description=warning_description,
        )

        pn_d_warning.additional_properties = d
        return pn_d_warning

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
