# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.update_appointment_for_trip_request import UpdateAppointmentForTripRequest
    from ..models.update_pickup_delivery_trip_event_request import UpdatePickupDeliveryTripEventRequest


T = TypeVar("T", bound="UpdateAppointmentWithTripRequest")


@_attrs_define
class UpdateAppointmentWithTripRequest:
    """Body of update appointment with trip. The scenario follows from the event (E) and `tripUUID` (T):
    E and T ⇒ update the trip (E.eventUUID required, equal to T); E without T ⇒ create a trip (409 if the
    appointment already has one); T with E null ⇒ delete the trip; neither ⇒ 400 (facts §4.3 rule 15).

        Attributes:
            update_pickup_delivery_trip_event_request (UpdatePickupDeliveryTripEventRequest): Trip part of an update.
                `pickupDeliveryTripEvent: null` selects the delete-trip scenario; the wrapper
                itself stays required (D-WRAPPER). `assignedByDealerAssociateUUID` is required on a sent event unless
                `source` is `WEB`.
            update_appointment_for_trip_request (UpdateAppointmentForTripRequest): Appointment part of an update, with the
                trip metadata that selects the scenario.
    """

    update_pickup_delivery_trip_event_request: UpdatePickupDeliveryTripEventRequest
    update_appointment_for_trip_request: UpdateAppointmentForTripRequest

    def to_dict(self) -> dict[str, Any]:
        update_pickup_delivery_trip_event_request = self.update_pickup_delivery_trip_event_request.to_dict()

        update_appointment_for_trip_request = self.update_appointment_for_trip_request.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "updatePickupDeliveryTripEventRequest": update_pickup_delivery_trip_event_request,
                "updateAppointmentForTripRequest": update_appointment_for_trip_request,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.update_appointment_for_trip_request import UpdateAppointmentForTripRequest  # noqa: PLC0415
        from ..models.update_pickup_delivery_trip_event_request import UpdatePickupDeliveryTripEventRequest  # noqa: PLC0415

        d = dict(src_dict)
        update_pickup_delivery_trip_event_request = UpdatePickupDeliveryTripEventRequest.from_dict(
            d.pop("updatePickupDeliveryTripEventRequest")
        )

        update_appointment_for_trip_request = UpdateAppointmentForTripRequest.from_dict(
            d.pop("updateAppointmentForTripRequest")
        )

        update_appointment_with_trip_request = cls(
            update_pickup_delivery_trip_event_request=update_pickup_delivery_trip_event_request,
            update_appointment_for_trip_request=update_appointment_for_trip_request,
        )

        return update_appointment_with_trip_request
