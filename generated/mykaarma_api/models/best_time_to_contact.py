# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="BestTimeToContact")


@_attrs_define
class BestTimeToContact:
    """Time window in which the customer prefers to be contacted (free text; the vendor gives no format).

    Attributes:
        start_time (str | Unset): Start of the window.
        end_time (str | Unset): End of the window.
    """

    start_time: str | Unset = UNSET
    end_time: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        start_time = self.start_time

        end_time = self.end_time

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if start_time is not UNSET:
            field_dict["startTime"] = start_time
        if end_time is not UNSET:
            field_dict["endTime"] = end_time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        start_time = d.pop("startTime", UNSET)

        end_time = d.pop("endTime", UNSET)

        best_time_to_contact = cls(
            start_time=start_time,
            end_time=end_time,
        )

        return best_time_to_contact
