# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomerWarning")


@_attrs_define
class CustomerWarning:
    """A non-fatal remark of the customer service; the request succeeded. Known codes: the vendor's 10001-10016
    (e.g. 10001 NO_CUSTOMER_FOUND, 10005 DELETED_ALL_PHONE_NUMBERS, 10015 INCORRECT_PHONE_FORMAT) and this
    contract's 20201 ADDRESS_TYPE_DERIVED (D-ADDRESS). Clients must accept other codes.

        Attributes:
            warning_code (int): Numeric warning code.
            warning_title (str): Upper-snake-case name of the warning.
            warning_message (str): Human-readable explanation.
            field (str | Unset): Dotted path of the request field concerned, when there is one (extension, optional).
    """

    warning_code: int
    warning_title: str
    warning_message: str
    field: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        warning_code = self.warning_code

        warning_title = self.warning_title

        warning_message = self.warning_message

        field = self.field

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "warningCode": warning_code,
                "warningTitle": warning_title,
                "warningMessage": warning_message,
            }
        )
        if field is not UNSET:
            field_dict["field"] = field

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        warning_code = d.pop("warningCode")

        warning_title = d.pop("warningTitle")

        warning_message = d.pop("warningMessage")

        field = d.pop("field", UNSET)

        customer_warning = cls(
            warning_code=warning_code,
            warning_title=warning_title,
            warning_message=warning_message,
            field=field,
        )

        customer_warning.additional_properties = d
        return customer_warning

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
