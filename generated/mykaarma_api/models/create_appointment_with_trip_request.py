# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.appointment_information_for_trip_create import AppointmentInformationForTripCreate
    from ..models.customer_appointment_preference import CustomerAppointmentPreference
    from ..models.pickup_delivery_trip_metadata_for_create import PickupDeliveryTripMetadataForCreate
    from ..models.service_item import ServiceItem
    from ..models.user_details import UserDetails
    from ..models.vehicle_information import VehicleInformation


T = TypeVar("T", bound="CreateAppointmentWithTripRequest")


@_attrs_define
class CreateAppointmentWithTripRequest:
    """Appointment part of a create. The vendor's field table is not published; this shape mirrors the documented
    update request (D-CREATE-APPT-SHAPE).

        Attributes:
            customer_uuid (str): Customer of the appointment; must be a customer of one of the dealer's departments
                (D-CONSISTENCY).
            vehicle_information (VehicleInformation): The appointment's vehicle; at least one identifier is needed.
            appointment_information (AppointmentInformationForTripCreate): Appointment details of a create. The start is one
                combined local date-time (no offset, dealer-local);
                the end defaults to the start's 30-minute slot (D-END-TIME, D-TIME).
            customer_appointment_preference (CustomerAppointmentPreference | Unset): How the customer is told about the
                appointment.
            service_list (list[ServiceItem] | None | Unset):
            assigned_user (UserDetails | Unset): A dealership user, with the department and team they act for.
            creator_user (UserDetails | Unset): A dealership user, with the department and team they act for.
            pickup_delivery_trip_metadata (PickupDeliveryTripMetadataForCreate | Unset): Trip metadata of a create; the trip
                does not exist yet, so there is no `tripUUID`.
    """

    customer_uuid: str
    vehicle_information: VehicleInformation
    appointment_information: AppointmentInformationForTripCreate
    customer_appointment_preference: CustomerAppointmentPreference | Unset = UNSET
    service_list: list[ServiceItem] | None | Unset = UNSET
    assigned_user: UserDetails | Unset = UNSET
    creator_user: UserDetails | Unset = UNSET
    pickup_delivery_trip_metadata: PickupDeliveryTripMetadataForCreate | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        customer_uuid = self.customer_uuid

        vehicle_information = self.vehicle_information.to_dict()

        appointment_information = self.appointment_information.to_dict()

        customer_appointment_preference: dict[str, Any] | Unset = UNSET
        if not isinstance(self.customer_appointment_preference, Unset):
            customer_appointment_preference = self.customer_appointment_preference.to_dict()

        service_list: list[dict[str, Any]] | None | Unset
        if isinstance(self.service_list, Unset):
            service_list = UNSET
        elif isinstance(self.service_list, list):
            service_list = []
            for service_list_type_0_item_data in self.service_list:
                service_list_type_0_item = service_list_type_0_item_data.to_dict()
                service_list.append(service_list_type_0_item)

        else:
            service_list = self.service_list

        assigned_user: dict[str, Any] | Unset = UNSET
        if not isinstance(self.assigned_user, Unset):
            assigned_user = self.assigned_user.to_dict()

        creator_user: dict[str, Any] | Unset = UNSET
        if not isinstance(self.creator_user, Unset):
            creator_user = self.creator_user.to_dict()

        pickup_delivery_trip_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pickup_delivery_trip_metadata, Unset):
            pickup_delivery_trip_metadata = self.pickup_delivery_trip_metadata.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customerUuid": customer_uuid,
                "vehicleInformation": vehicle_information,
                "appointmentInformation": appointment_information,
            }
        )
        if customer_appointment_preference is not UNSET:
            field_dict["customerAppointmentPreference"] = customer_appointment_preference
        if service_list is not UNSET:
            field_dict["serviceList"] = service_list
        if assigned_user is not UNSET:
            field_dict["assignedUser"] = assigned_user
        if creator_user is not UNSET:
            field_dict["creatorUser"] = creator_user
        if pickup_delivery_trip_metadata is not UNSET:
            field_dict["pickupDeliveryTripMetadata"] = pickup_delivery_trip_metadata

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.appointment_information_for_trip_create import AppointmentInformationForTripCreate  # noqa: PLC0415
        from ..models.customer_appointment_preference import CustomerAppointmentPreference  # noqa: PLC0415
        from ..models.pickup_delivery_trip_metadata_for_create import PickupDeliveryTripMetadataForCreate  # noqa: PLC0415
        from ..models.service_item import ServiceItem  # noqa: PLC0415
        from ..models.user_details import UserDetails  # noqa: PLC0415
        from ..models.vehicle_information import VehicleInformation  # noqa: PLC0415

        d = dict(src_dict)
        customer_uuid = d.pop("customerUuid")

        vehicle_information = VehicleInformation.from_dict(d.pop("vehicleInformation"))

        appointment_information = AppointmentInformationForTripCreate.from_dict(
            d.pop("appointmentInformation")
        )

        _customer_appointment_preference = d.pop("customerAppointmentPreference", UNSET)
        customer_appointment_preference: CustomerAppointmentPreference | Unset
        if isinstance(_customer_appointment_preference, Unset):
            customer_appointment_preference = UNSET
        else:
            customer_appointment_preference = CustomerAppointmentPreference.from_dict(
                _customer_appointment_preference
            )

        def _parse_service_list(data: object) -> list[ServiceItem] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                service_list_type_0 = []
                _service_list_type_0 = data
                for service_list_type_0_item_data in _service_list_type_0:
                    service_list_type_0_item = ServiceItem.from_dict(service_list_type_0_item_data)

                    service_list_type_0.append(service_list_type_0_item)

                return service_list_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ServiceItem] | None | Unset, data)

        service_list = _parse_service_list(d.pop("serviceList", UNSET))

        _assigned_user = d.pop("assignedUser", UNSET)
        assigned_user: UserDetails | Unset
        if isinstance(_assigned_user, Unset):
            assigned_user = UNSET
        else:
            assigned_user = UserDetails.from_dict(_assigned_user)

        _creator_user = d.pop("creatorUser", UNSET)
        creator_user: UserDetails | Unset
        if isinstance(_creator_user, Unset):
            creator_user = UNSET
        else:
            creator_user = UserDetails.from_dict(_creator_user)

        _pickup_delivery_trip_metadata = d.pop("pickupDeliveryTripMetadata", UNSET)
        pickup_delivery_trip_metadata: PickupDeliveryTripMetadataForCreate | Unset
        if isinstance(_pickup_delivery_trip_metadata, Unset):
            pickup_delivery_trip_metadata = UNSET
        else:
            pickup_delivery_trip_metadata = PickupDeliveryTripMetadataForCreate.from_dict(
                _pickup_delivery_trip_metadata
            )

        create_appointment_with_trip_request = cls(
            customer_uuid=customer_uuid,
            vehicle_information=vehicle_information,
            appointment_information=appointment_information,
            customer_appointment_preference=customer_appointment_preference,
            service_list=service_list,
            assigned_user=assigned_user,
            creator_user=creator_user,
            pickup_delivery_trip_metadata=pickup_delivery_trip_metadata,
        )

        return create_appointment_with_trip_request
