# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.trip_request_source import TripRequestSource
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pickup_delivery_trip_event import PickupDeliveryTripEvent


T = TypeVar("T", bound="SavePickupDeliveryTripEventRequest")


@_attrs_define
class SavePickupDeliveryTripEventRequest:
    """Trip part of a create. `assignedByDealerAssociateUUID` is required on the event unless `source` is `WEB`.

    Attributes:
        pickup_delivery_trip_event (PickupDeliveryTripEvent): The trip part of create and update. Rules (facts §4.3,
            D-TRIP-UUID, D-CONSISTENCY): `eventUUID` is needed
            (and must equal `tripUUID`) in the update scenario; `customerUUID` is required unless `rideType` is
            `MISCELLANEOUS`; `loanerVehicleRequired` and `isDropCar` are not both true; `swappedLoanerVehicleUuid` only
            with `LOANER_SWAP`, and then different from `loanerVehicleUuid`; the secondary driver differs from the
            primary one and, for `PICKUP_VEHICLE`/`DROPOFF_VEHICLE`, needs a primary driver; every `linkedTripUuids`
            entry must be an existing valid trip; `dealerUUID` must equal the path's `dealerUuid`.
        requester_user_uuid (str): User making the request; must be an associate of the dealer (D-CONSISTENCY).
        dealer_department_uuid_list (list[str]): Departments associated with the trip; each a department of the path
            dealer, and the event's
            `dealerDepartmentUUID` among them (D-CONSISTENCY).
        source (TripRequestSource | Unset): Origin of a trip request. `WEB` relaxes two checks:
            `assignedByDealerAssociateUUID` (create/update) and
            `requesterUuid` (delete) become optional.
    """

    pickup_delivery_trip_event: PickupDeliveryTripEvent
    requester_user_uuid: str
    dealer_department_uuid_list: list[str]
    source: TripRequestSource | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        pickup_delivery_trip_event = self.pickup_delivery_trip_event.to_dict()

        requester_user_uuid = self.requester_user_uuid

        dealer_department_uuid_list = self.dealer_department_uuid_list

        source: str | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "pickupDeliveryTripEvent": pickup_delivery_trip_event,
                "requesterUserUUID": requester_user_uuid,
                "dealerDepartmentUUIDList": dealer_department_uuid_list,
            }
        )
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pickup_delivery_trip_event import PickupDeliveryTripEvent  # noqa: PLC0415

        d = dict(src_dict)
        pickup_delivery_trip_event = PickupDeliveryTripEvent.from_dict(d.pop("pickupDeliveryTripEvent"))

        requester_user_uuid = d.pop("requesterUserUUID")

        dealer_department_uuid_list = cast(list[str], d.pop("dealerDepartmentUUIDList"))

        _source = d.pop("source", UNSET)
        source: TripRequestSource | Unset
        if isinstance(_source, Unset):
            source = UNSET
        else:
            source = TripRequestSource(_source)

        save_pickup_delivery_trip_event_request = cls(
            pickup_delivery_trip_event=pickup_delivery_trip_event,
            requester_user_uuid=requester_user_uuid,
            dealer_department_uuid_list=dealer_department_uuid_list,
            source=source,
        )

        return save_pickup_delivery_trip_event_request
