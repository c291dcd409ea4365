# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.appointment_information_for_trip_update import AppointmentInformationForTripUpdate
    from ..models.customer_appointment_preference import CustomerAppointmentPreference
    from ..models.pickup_delivery_trip_metadata import PickupDeliveryTripMetadata
    from ..models.service_item import ServiceItem
    from ..models.user_details import UserDetails
    from ..models.vehicle_information import VehicleInformation


T = TypeVar("T", bound="UpdateAppointmentForTripRequest")


@_attrs_define
class UpdateAppointmentForTripRequest:
    """Appointment part of an update, with the trip metadata that selects the scenario.

    Attributes:
        appointment_information (AppointmentInformationForTripUpdate): Appointment details of an update: separate date
            and times, joined by the server as
            `appointmentDate + "T" + appointmentStartTime` (dealer-local). The end defaults to the start's 30-minute
            slot, e.g. 10:00:00 ⇒ 10:29:59 (D-END-TIME).
        pickup_delivery_trip_metadata (PickupDeliveryTripMetadata): Trip metadata of an update. `tripUUID` selects the
            scenario: absent/null with an event ⇒ create a trip;
            present with an event ⇒ update that trip (it must equal `eventUUID`); present with a null event ⇒ delete it.
        customer_appointment_preference (CustomerAppointmentPreference | Unset): How the customer is told about the
            appointment.
        service_list (list[ServiceItem] | None | Unset): When sent, replaces the appointment's services.
        vehicle_information (VehicleInformation | Unset): The appointment's vehicle; at least one identifier is needed.
        updated_by_user_details (UserDetails | Unset): A dealership user, with the department and team they act for.
    """

    appointment_information: AppointmentInformationForTripUpdate
    pickup_delivery_trip_metadata: PickupDeliveryTripMetadata
    customer_appointment_preference: CustomerAppointmentPreference | Unset = UNSET
    service_list: list[ServiceItem] | None | Unset = UNSET
    vehicle_information: VehicleInformation | Unset = UNSET
    updated_by_user_details: UserDetails | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        appointment_information = self.appointment_information.to_dict()

        pickup_delivery_trip_metadata = self.pickup_delivery_trip_metadata.to_dict()

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

        vehicle_information: dict[str, Any] | Unset = UNSET
        if not isinstance(self.vehicle_information, Unset):
            vehicle_information = self.vehicle_information.to_dict()

        updated_by_user_details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.updated_by_user_details, Unset):
            updated_by_user_details = self.updated_by_user_details.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "appointmentInformation": appointment_information,
                "pickupDeliveryTripMetadata": pickup_delivery_trip_metadata,
            }
        )
        if customer_appointment_preference is not UNSET:
            field_dict["customerAppointmentPreference"] = customer_appointment_preference
        if service_list is not UNSET:
            field_dict["serviceList"] = service_list
        if vehicle_information is not UNSET:
            field_dict["vehicleInformation"] = vehicle_information
        if updated_by_user_details is not UNSET:
            field_dict["updatedByUserDetails"] = updated_by_user_details

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.appointment_information_for_trip_update import AppointmentInformationForTripUpdate  # noqa: PLC0415
        from ..models.customer_appointment_preference import CustomerAppointmentPreference  # noqa: PLC0415
        from ..models.pickup_delivery_trip_metadata import PickupDeliveryTripMetadata  # noqa: PLC0415
        from ..models.service_item import ServiceItem  # noqa: PLC0415
        from ..models.user_details import UserDetails  # noqa: PLC0415
        from ..models.vehicle_information import VehicleInformation  # noqa: PLC0415

        d = dict(src_dict)
        appointment_information = AppointmentInformationForTripUpdate.from_dict(
            d.pop("appointmentInformation")
        )

        pickup_delivery_trip_metadata = PickupDeliveryTripMetadata.from_dict(
            d.pop("pickupDeliveryTripMetadata")
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

        _vehicle_information = d.pop("vehicleInformation", UNSET)
        vehicle_information: VehicleInformation | Unset
        if isinstance(_vehicle_information, Unset):
            vehicle_information = UNSET
        else:
            vehicle_information = VehicleInformation.from_dict(_vehicle_information)

        _updated_by_user_details = d.pop("updatedByUserDetails", UNSET)
        updated_by_user_details: UserDetails | Unset
        if isinstance(_updated_by_user_details, Unset):
            updated_by_user_details = UNSET
        else:
            updated_by_user_details = UserDetails.from_dict(_updated_by_user_details)

        update_appointment_for_trip_request = cls(
            appointment_information=appointment_information,
            pickup_delivery_trip_metadata=pickup_delivery_trip_metadata,
            customer_appointment_preference=customer_appointment_preference,
            service_list=service_list,
            vehicle_information=vehicle_information,
            updated_by_user_details=updated_by_user_details,
        )

        return update_appointment_for_trip_request
