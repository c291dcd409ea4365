# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TripError")


@_attrs_define
class TripError:
    """One error of the appointment-with-trip service. The vendor documents string codes without an item shape;
    this contract uses `{errorCode, errorDescription}` as the appointment reads do (D-ERROR-CODES). Codes:
    INVALID_REQUEST_DATA, APPOINTMENT_NOT_FOUND, TRIP_NOT_FOUND, TRIP_ALREADY_EXISTS, TRIP_EVENT_REQUIRED,
    TRIP_UUID_MISMATCH, INVALID_LINKED_TRIP, CUSTOMER_NOT_FOUND, INCORRECT_USER_INFO, INCORRECT_DEALER_INFO,
    NULL_CREDENTIALS, WRONG_CREDENTIAL, INVALID_SCOPE_DEALER, INVALID_SCOPE_DEPARTMENT, INTERNAL_SERVER_ERROR;
    clients must accept others.

        Attributes:
            error_code (str): Upper-snake-case error code.
            error_description (str): Human-readable explanation.
            field (str | Unset): Dotted path of the offending request field, when there is one (extension, optional).
    """

    error_code: str
    error_description: str
    field: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error_code = self.error_code

        error_description = self.error_description

        field = self.field

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errorCode": error_code,
                "errorDescription": error_description,
            }
        )
        if field is not UNSET:
            field_dict["field"] = field

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        error_code = d.pop("errorCode")

        error_description = d.pop("errorDescription")

        field = d.pop("field", UNSET)

        trip_error = cls(
            error_code=error_code,
            error_description=error_description,
            field=field,
        )

        trip_error.additional_properties = d
        return trip_error

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
