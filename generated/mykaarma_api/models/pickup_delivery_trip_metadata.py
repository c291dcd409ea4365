# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sub_transport_option_request import SubTransportOptionRequest


T = TypeVar("T", bound="PickupDeliveryTripMetadata")


@_attrs_define
class PickupDeliveryTripMetadata:
    """Trip metadata of an update. `tripUUID` selects the scenario: absent/null with an event ⇒ create a trip;
    present with an event ⇒ update that trip (it must equal `eventUUID`); present with a null event ⇒ delete it.

        Attributes:
            trip_uuid (None | str | Unset):
            sub_transport_option_request (SubTransportOptionRequest | Unset): Transport option of the appointment (from the
                dealer's transport option list).
    """

    trip_uuid: None | str | Unset = UNSET
    sub_transport_option_request: SubTransportOptionRequest | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        trip_uuid: None | str | Unset
        if isinstance(self.trip_uuid, Unset):
            trip_uuid = UNSET
        else:
            trip_uuid = self.trip_uuid

        sub_transport_option_request: dict[str, Any] | Unset = UNSET
        if not isinstance(self.sub_transport_option_request, Unset):
            sub_transport_option_request = self.sub_transport_option_request.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if trip_uuid is not UNSET:
            field_dict["tripUUID"] = trip_uuid
        if sub_transport_option_request is not UNSET:
            field_dict["subTransportOptionRequest"] = sub_transport_option_request

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sub_transport_option_request import SubTransportOptionRequest  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_trip_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        trip_uuid = _parse_trip_uuid(d.pop("tripUUID", UNSET))

        _sub_transport_option_request = d.pop("subTransportOptionRequest", UNSET)
        sub_transport_option_request: SubTransportOptionRequest | Unset
        if isinstance(_sub_transport_option_request, Unset):
            sub_transport_option_request = UNSET
        else:
            sub_transport_option_request = SubTransportOptionRequest.from_dict(_sub_transport_option_request)

        pickup_delivery_trip_metadata = cls(
            trip_uuid=trip_uuid,
            sub_transport_option_request=sub_transport_option_request,
        )

        return pickup_delivery_trip_metadata
