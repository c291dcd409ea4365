# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomerCommunication")


@_attrs_define
class CustomerCommunication:
    """A phone number or e-mail address in the legacy `customerInfo` shape.

    Attributes:
        comm_value (str | Unset): The number (E.164) or address.
        comm_type (str | Unset): Kind of communication, e.g. `PHONE` or `EMAIL`.
        comm_label (None | str | Unset):
        preferred (bool | Unset):
        id (int | Unset):
    """

    comm_value: str | Unset = UNSET
    comm_type: str | Unset = UNSET
    comm_label: None | str | Unset = UNSET
    preferred: bool | Unset = UNSET
    id: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        comm_value = self.comm_value

        comm_type = self.comm_type

        comm_label: None | str | Unset
        if isinstance(self.comm_label, Unset):
            comm_label = UNSET
        else:
            comm_label = self.comm_label

        preferred = self.preferred

        id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if comm_value is not UNSET:
            field_dict["commValue"] = comm_value
        if comm_type is not UNSET:
            field_dict["commType"] = comm_type
        if comm_label is not UNSET:
            field_dict["commLabel"] = comm_label
        if preferred is not UNSET:
            field_dict["preferred"] = preferred
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        comm_value = d.pop("commValue", UNSET)

        comm_type = d.pop("commType", UNSET)

        def _parse_comm_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comm_label = _parse_comm_label(d.pop("commLabel", UNSET))

        preferred = d.pop("preferred", UNSET)

        id = d.pop("id", UNSET)

        customer_communication = cls(
            comm_value=comm_value,
            comm_type=comm_type,
            comm_label=comm_label,
            preferred=preferred,
            id=id,
        )

        customer_communication.additional_properties = d
        return customer_communication

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
