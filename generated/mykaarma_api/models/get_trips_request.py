# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="GetTripsRequest")


@_attrs_define
class GetTripsRequest:
    """Body of the trips read (a read sent as PATCH, as the vendor documents it).

    Attributes:
        sar_uuid (str): Appointment whose trips to list (the `appointmentUUID` of the create).
    """

    sar_uuid: str

    def to_dict(self) -> dict[str, Any]:
        sar_uuid = self.sar_uuid

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "sarUuid": sar_uuid,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sar_uuid = d.pop("sarUuid")

        get_trips_request = cls(
            sar_uuid=sar_uuid,
        )

        return get_trips_request
