# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.trip_request_source import TripRequestSource
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pickup_delivery_trip_event import PickupDeliveryTripEvent


T = TypeVar("T", bound="UpdatePickupDeliveryTripEventRequest")


@_attrs_define
class UpdatePickupDeliveryTripEventRequest:
    """Trip part of an update. `pickupDeliveryTripEvent: null` selects the delete-trip scenario; the wrapper
    itself stays required (D-WRAPPER). `assignedByDealerAssociateUUID` is required on a sent event unless
    `source` is `WEB`.

        Attributes:
            requester_user_uuid (str): User making the request; must be an associate of the dealer (D-CONSISTENCY).
            dealer_department_uuid_list (list[str]): Departments associated with the trip; each a department of the path
                dealer (D-CONSISTENCY).
            pickup_delivery_trip_event (None | PickupDeliveryTripEvent | Unset):
            source (TripRequestSource | Unset): Origin of a trip request. `WEB` relaxes two checks:
                `assignedByDealerAssociateUUID` (create/update) and
                `requesterUuid` (delete) become optional.
    """

    requester_user_uuid: str
    dealer_department_uuid_list: list[str]
    pickup_delivery_trip_event: None | PickupDeliveryTripEvent | Unset = UNSET
    source: TripRequestSource | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.pickup_delivery_trip_event import PickupDeliveryTripEvent  # noqa: PLC0415

        requester_user_uuid = self.requester_user_uuid

        dealer_department_uuid_list = self.dealer_department_uuid_list

        pickup_delivery_trip_event: dict[str, Any] | None | Unset
        if isinstance(self.pickup_delivery_trip_event, Unset):
            pickup_delivery_trip_event = UNSET
        elif isinstance(self.pickup_delivery_trip_event, PickupDeliveryTripEvent):
            pickup_delivery_trip_event = self.pickup_delivery_trip_event.to_dict()
        else:
            pickup_delivery_trip_event = self.pickup_delivery_trip_event

        source: str | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "requesterUserUUID": requester_user_uuid,
                "dealerDepartmentUUIDList": dealer_department_uuid_list,
            }
        )
        if pickup_delivery_trip_event is not UNSET:
            field_dict["pickupDeliveryTripEvent"] = pickup_delivery_trip_event
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pickup_delivery_trip_event import PickupDeliveryTripEvent  # noqa: PLC0415

        d = dict(src_dict)
        requester_user_uuid = d.pop("requesterUserUUID")

        dealer_department_uuid_list = cast(list[str], d.pop("dealerDepartmentUUIDList"))

        def _parse_pickup_delivery_trip_event(data: object) -> None | PickupDeliveryTripEvent | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                pickup_delivery_trip_event_type_0 = PickupDeliveryTripEvent.from_dict(data)

                return pickup_delivery_trip_event_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PickupDeliveryTripEvent | Unset, data)

        pickup_delivery_trip_event = _parse_pickup_delivery_trip_event(
            d.pop("pickupDeliveryTripEvent", UNSET)
        )

        _source = d.pop("source", UNSET)
        source: TripRequestSource | Unset
        if isinstance(_source, Unset):
            source = UNSET
        else:
            source = TripRequestSource(_source)

        update_pickup_delivery_trip_event_request = cls(
            requester_user_uuid=requester_user_uuid,
            dealer_department_uuid_list=dealer_department_uuid_list,
            pickup_delivery_trip_event=pickup_delivery_trip_event,
            source=source,
        )

        return update_pickup_delivery_trip_event_request
