# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.customer_appointment_preference import CustomerAppointmentPreference
    from ..models.service_item import ServiceItem
    from ..models.vehicle_information import VehicleInformation


T = TypeVar("T", bound="AppointmentInfo")


@_attrs_define
class AppointmentInfo:
    """A stored appointment. The vendor's response table is not published; this is the smallest honest shape of
    what create and update store (D-APPT-READ).

        Attributes:
            appointment_uuid (str):
            dealer_uuid (str):
            department_uuid (str):
            customer_uuid (str):
            appointment_start_date_time (str): `yyyy-MM-dd'T'HH:mm:ss`, dealer-local.
            appointment_end_date_time (str): `yyyy-MM-dd'T'HH:mm:ss`, dealer-local.
            vehicle_information (VehicleInformation | Unset): The appointment's vehicle; at least one identifier is needed.
            user_uuid (None | str | Unset):
            comments (None | str | Unset):
            internal_notes (None | str | Unset):
            alt_transportation (None | str | Unset):
            source (None | str | Unset):
            transport_option_uuid (None | str | Unset):
            service_list (list[ServiceItem] | Unset):
            customer_appointment_preference (CustomerAppointmentPreference | Unset): How the customer is told about the
                appointment.
            trip_uuid (None | str | Unset): The linked trip, if any.
            customer_messaging_suppressed (bool | Unset): True when the linked trip is DRAFT or AUTO_DRAFT (D-DRAFT).
    """

    appointment_uuid: str
    dealer_uuid: str
    department_uuid: str
    customer_uuid: str
    appointment_start_date_time: str
    appointment_end_date_time: str
    vehicle_information: VehicleInformation | Unset = UNSET
    user_uuid: None | str | Unset = UNSET
    comments: None | str | Unset = UNSET
    internal_notes: None | str | Unset = UNSET
    alt_transportation: None | str | Unset = UNSET
    source: None | str | Unset = UNSET
    transport_option_uuid: None | str | Unset = UNSET
    service_list: list[ServiceItem] | Unset = UNSET
    customer_appointment_preference: CustomerAppointmentPreference | Unset = UNSET
    trip_uuid: None | str | Unset = UNSET
    customer_messaging_suppressed: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        appointment_uuid = self.appointment_uuid

        dealer_uuid = self.dealer_uuid

        department_uuid = self.department_uuid

        customer_uuid = self.customer_uuid

        appointment_start_date_time = self.appointment_start_date_time

        appointment_end_date_time = self.appointment_end_date_time

        vehicle_information: dict[str, Any] | Unset = UNSET
        if not isinstance(self.vehicle_information, Unset):
            vehicle_information = self.vehicle_information.to_dict()

        user_uuid: None | str | Unset
        if isinstance(self.user_uuid, Unset):
            user_uuid = UNSET
        else:
            user_uuid = self.user_uuid

        comments: None | str | Unset
        if isinstance(self.comments, Unset):
            comments = UNSET
        else:
            comments = self.comments

        internal_notes: None | str | Unset
        if isinstance(self.internal_notes, Unset):
            internal_notes = UNSET
        else:
            internal_notes = self.internal_notes

        alt_transportation: None | str | Unset
        if isinstance(self.alt_transportation, Unset):
            alt_transportation = UNSET
        else:
            alt_transportation = self.alt_transportation

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        transport_option_uuid: None | str | Unset
        if isinstance(self.transport_option_uuid, Unset):
            transport_option_uuid = UNSET
        else:
            transport_option_uuid = self.transport_option_uuid

        service_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.service_list, Unset):
            service_list = []
            for service_list_item_data in self.service_list:
                service_list_item = service_list_item_data.to_dict()
                service_list.append(service_list_item)

        customer_appointment_preference: dict[str, Any] | Unset = UNSET
        if not isinstance(self.customer_appointment_preference, Unset):
            customer_appointment_preference = self.customer_appointment_preference.to_dict()

        trip_uuid: None | str | Unset
        if isinstance(self.trip_uuid, Unset):
            trip_uuid = UNSET
        else:
            trip_uuid = self.trip_uuid

        customer_messaging_suppressed = self.customer_messaging_suppressed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "appointmentUuid": appointment_uuid,
                "dealerUuid": dealer_uuid,
                "departmentUuid": department_uuid,
                "customerUuid": customer_uuid,
                "appointmentStartDateTime": appointment_start_date_time,
                "appointmentEndDateTime": appointment_end_date_time,
            }
        )
        if vehicle_information is not UNSET:
            field_dict["vehicleInformation"] = vehicle_information
        if user_uuid is not UNSET:
            field_dict["userUuid"] = user_uuid
        if comments is not UNSET:
            field_dict["comments"] = comments
        if internal_notes is not UNSET:
            field_dict["internalNotes"] = internal_notes
        if alt_transportation is not UNSET:
            field_dict["altTransportation"] = alt_transportation
        if source is not UNSET:
            field_dict["source"] = source
        if transport_option_uuid is not UNSET:
            field_dict["transportOptionUuid"] = transport_option_uuid
        if service_list is not UNSET:
            field_dict["serviceList"] = service_list
        if customer_appointment_preference is not UNSET:
            field_dict["customerAppointmentPreference"] = customer_appointment_preference
        if trip_uuid is not UNSET:
            field_dict["tripUuid"] = trip_uuid
        if customer_messaging_suppressed is not UNSET:
            field_dict["customerMessagingSuppressed"] = customer_messaging_suppressed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_appointment_preference import CustomerAppointmentPreference  # noqa: PLC0415
        from ..models.service_item import ServiceItem  # noqa: PLC0415
        from ..models.vehicle_information import VehicleInformation  # noqa: PLC0415

        d = dict(src_dict)
        appointment_uuid = d.pop("appointmentUuid")

        dealer_uuid = d.pop("dealerUuid")

        department_uuid = d.pop("departmentUuid")

        customer_uuid = d.pop("customerUuid")

        appointment_start_date_time = d.pop("appointmentStartDateTime")

        appointment_end_date_time = d.pop("appointmentEndDateTime")

        _vehicle_information = d.pop("vehicleInformation", UNSET)
        vehicle_information: VehicleInformation | Unset
        if isinstance(_vehicle_information, Unset):
            vehicle_information = UNSET
        else:
            vehicle_information = VehicleInformation.from_dict(_vehicle_information)

        def _parse_user_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_uuid = _parse_user_uuid(d.pop("userUuid", UNSET))

        def _parse_comments(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comments = _parse_comments(d.pop("comments", UNSET))

        def _parse_internal_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        internal_notes = _parse_internal_notes(d.pop("internalNotes", UNSET))

        def _parse_alt_transportation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        alt_transportation = _parse_alt_transportation(d.pop("altTransportation", UNSET))

        def _parse_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        def _parse_transport_option_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        transport_option_uuid = _parse_transport_option_uuid(d.pop("transportOptionUuid", UNSET))

        _service_list = d.pop("serviceList", UNSET)
        service_list: list[ServiceItem] | Unset = UNSET
        if _service_list is not UNSET:
            service_list = []
            for service_list_item_data in _service_list:
                service_list_item = ServiceItem.from_dict(service_list_item_data)

                service_list.append(service_list_item)

        _customer_appointment_preference = d.pop("customerAppointmentPreference", UNSET)
        customer_appointment_preference: CustomerAppointmentPreference | Unset
        if isinstance(_customer_appointment_preference, Unset):
            customer_appointment_preference = UNSET
        else:
            customer_appointment_preference = CustomerAppointmentPreference.from_dict(
                _customer_appointment_preference
            )

        def _parse_trip_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        trip_uuid = _parse_trip_uuid(d.pop("tripUuid", UNSET))

        customer_messaging_suppressed = d.pop("customerMessagingSuppressed", UNSET)

        appointment_info = cls(
            appointment_uuid=appointment_uuid,
            dealer_uuid=dealer_uuid,
            department_uuid=department_uuid,
            customer_uuid=customer_uuid,
            appointment_start_date_time=appointment_start_date_time,
            appointment_end_date_time=appointment_end_date_time,
            vehicle_information=vehicle_information,
            user_uuid=user_uuid,
            comments=comments,
            internal_notes=internal_notes,
            alt_transportation=alt_transportation,
            source=source,
            transport_option_uuid=transport_option_uuid,
            service_list=service_list,
            customer_appointment_preference=customer_appointment_preference,
            trip_uuid=trip_uuid,
            customer_messaging_suppressed=customer_messaging_suppressed,
        )

        appointment_info.additional_properties = d
        return appointment_info

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
