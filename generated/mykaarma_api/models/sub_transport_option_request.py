# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SubTransportOptionRequest")


@_attrs_define
class SubTransportOptionRequest:
    """Transport option of the appointment (from the dealer's transport option list).

    Attributes:
        transport_option_uuid (None | str | Unset):
    """

    transport_option_uuid: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        transport_option_uuid: None | str | Unset
        if isinstance(self.transport_option_uuid, Unset):
            transport_option_uuid = UNSET
        else:
            transport_option_uuid = self.transport_option_uuid

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if transport_option_uuid is not UNSET:
            field_dict["transportOptionUuid"] = transport_option_uuid

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_transport_option_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        transport_option_uuid = _parse_transport_option_uuid(d.pop("transportOptionUuid", UNSET))

        sub_transport_option_request = cls(
            transport_option_uuid=transport_option_uuid,
        )

        return sub_transport_option_request
