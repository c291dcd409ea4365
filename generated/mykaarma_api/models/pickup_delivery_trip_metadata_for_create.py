# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sub_transport_option_request import SubTransportOptionRequest


T = TypeVar("T", bound="PickupDeliveryTripMetadataForCreate")


@_attrs_define
class PickupDeliveryTripMetadataForCreate:
    """Trip metadata of a create; the trip does not exist yet, so there is no `tripUUID`.

    Attributes:
        sub_transport_option_request (SubTransportOptionRequest | Unset): Transport option of the appointment (from the
            dealer's transport option list).
    """

    sub_transport_option_request: SubTransportOptionRequest | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        sub_transport_option_request: dict[str, Any] | Unset = UNSET
        if not isinstance(self.sub_transport_option_request, Unset):
            sub_transport_option_request = self.sub_transport_option_request.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if sub_transport_option_request is not UNSET:
            field_dict["subTransportOptionRequest"] = sub_transport_option_request

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sub_transport_option_request import SubTransportOptionRequest  # noqa: PLC0415

        d = dict(src_dict)
        _sub_transport_option_request = d.pop("subTransportOptionRequest", UNSET)
        sub_transport_option_request: SubTransportOptionRequest | Unset
        if isinstance(_sub_transport_option_request, Unset):
            sub_transport_option_request = UNSET
        else:
            sub_transport_option_request = SubTransportOptionRequest.from_dict(_sub_transport_option_request)

        pickup_delivery_trip_metadata_for_create = cls(
            sub_transport_option_request=sub_transport_option_request,
        )

        return pickup_delivery_trip_metadata_for_create
