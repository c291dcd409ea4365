# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomerError")


@_attrs_define
class CustomerError:
    """One error of the customer service. Codes 2xxxx are this contract's catalogue (D-ERROR-CODES): 20001
    INVALID_REQUEST_DATA, 20002 CUSTOMER_NOT_FOUND, 20003 DUPLICATE_CUSTOMER_KEY, 20004 INVALID_VIN, 20005
    REQUEST_TOO_LARGE, 20006 UNSUPPORTED_MEDIA_TYPE, 20007 METHOD_NOT_ALLOWED, 20008 REQUEST_TIMEOUT, 20101
    NULL_CREDENTIALS, 20102 WRONG_CREDENTIAL, 20103 INVALID_SCOPE_DEPARTMENT, 20104 INVALID_SCOPE_DEALER, 20429
    TOO_MANY_REQUESTS, 20500 INTERNAL_SERVER_ERROR, 20502 BAD_GATEWAY, 20503 SERVICE_UNAVAILABLE, 20504
    GATEWAY_TIMEOUT. Clients must accept codes outside this list.

        Attributes:
            error_code (int): Numeric error code.
            error_title (str): Upper-snake-case name of the error.
            error_message (str): Human-readable explanation.
            field (str | Unset): Dotted path of the offending request field (e.g. `customer.phoneNumbers[0].label`) when the
                problem
                concerns one field. An extension of this contract; clients must not require it.
    """

    error_code: int
    error_title: str
    error_message: str
    field: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error_code = self.error_code

        error_title = self.error_title

        error_message = self.error_message

        field = self.field

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errorCode": error_code,
                "errorTitle": error_title,
                "errorMessage": error_message,
            }
        )
        if field is not UNSET:
            field_dict["field"] = field

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        error_code = d.pop("errorCode")

        error_title = d.pop("errorTitle")

        error_message = d.pop("errorMessage")

        field = d.pop("field", UNSET)

        customer_error = cls(
            error_code=error_code,
            error_title=error_title,
            error_message=error_message,
            field=field,
        )

        customer_error.additional_properties = d
        return customer_error

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
