# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pn_d_error_metadata import PnDErrorMetadata


T = TypeVar("T", bound="PnDError")


@_attrs_define
class PnDError:
    """The single error object of the pickup & delivery service.

    Attributes:
        error_code (str):
        error_description (str):
        metadata (PnDErrorMetadata | Unset): Extra key/value details, e.g. the offending field.
    """

    error_code: str
    error_description: str
    metadata: PnDErrorMetadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error_code = self.error_code

        error_description = self.error_description

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errorCode": error_code,
                "errorDescription": error_description,
            }
        )
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pn_d_error_metadata import PnDErrorMetadata  # noqa: PLC0415

        d = dict(src_dict)
        error_code = d.pop("errorCode")

        error_description = d.pop("errorDescription")

        _metadata = d.pop("metadata", UNSET)
        metadata: PnDErrorMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = PnDErrorMetadata.from_dict(_metadata)

        pn_d_error = cls(
            error_code=error_code,
            error_description=error_description,
            metadata=metadata,
        )

        pn_d_error.additional_properties = d
        return pn_d_error

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
