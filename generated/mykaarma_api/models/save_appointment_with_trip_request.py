# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.create_appointment_with_trip_request import CreateAppointmentWithTripRequest
    from ..models.save_pickup_delivery_trip_event_request import SavePickupDeliveryTripEventRequest


T = TypeVar("T", bound="SaveAppointmentWithTripRequest")


@_attrs_define
class SaveAppointmentWithTripRequest:
    """Body of create appointment with trip; both parts are required.

    Attributes:
        save_pickup_delivery_trip_event_request (SavePickupDeliveryTripEventRequest): Trip part of a create.
            `assignedByDealerAssociateUUID` is required on the event unless `source` is `WEB`.
        create_appointment_with_trip_request (CreateAppointmentWithTripRequest): Appointment part of a create. The
            vendor's field table is not published; this shape mirrors the documented
            update request (D-CREATE-APPT-SHAPE).
    """

    save_pickup_delivery_trip_event_request: SavePickupDeliveryTripEventRequest
    create_appointment_with_trip_request: CreateAppointmentWithTripRequest

    def to_dict(self) -> dict[str, Any]:
        save_pickup_delivery_trip_event_request = self.save_pickup_delivery_trip_event_request.to_dict()

        create_appointment_with_trip_request = self.create_appointment_with_trip_request.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "savePickupDeliveryTripEventRequest": save_pickup_delivery_trip_event_request,
                "createAppointmentWithTripRequest": create_appointment_with_trip_request,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.create_appointment_with_trip_request import CreateAppointmentWithTripRequest  # noqa: PLC0415
        from ..models.save_pickup_delivery_trip_event_request import SavePickupDeliveryTripEventRequest  # noqa: PLC0415

        d = dict(src_dict)
        save_pickup_delivery_trip_event_request = SavePickupDeliveryTripEventRequest.from_dict(
            d.pop("savePickupDeliveryTripEventRequest")
        )

        create_appointment_with_trip_request = CreateAppointmentWithTripRequest.from_dict(
            d.pop("createAppointmentWithTripRequest")
        )

        save_appointment_with_trip_request = cls(
            save_pickup_delivery_trip_event_request=save_pickup_delivery_trip_event_request,
            create_appointment_with_trip_request=create_appointment_with_trip_request,
        )

        return save_appointment_with_trip_request
