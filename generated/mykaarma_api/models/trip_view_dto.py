# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.internal_ride_type import InternalRideType
from ..models.ride_type import RideType
from ..models.trip_status import TripStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.sub_trip import SubTrip
    from ..models.trip_customer import TripCustomer
    from ..models.trip_dealer_order import TripDealerOrder
    from ..models.trip_vehicle import TripVehicle


T = TypeVar("T", bound="TripViewDto")


@_attrs_define
class TripViewDto:
    """A trip linked to an appointment. Sub-trips point to their parent through `parentEventUuid`.

    Attributes:
        event_uuid (str): Trip identifier.
        version (int): Incremented by every update of the trip (D-CONCURRENCY).
        appointment_time (str): Scheduled time, `yyyy-MM-dd'T'HH:mm:ssZ`.
        ride_type (RideType): Kind of pickup & delivery ride.
        trip_status (TripStatus): Status of a trip. `DRAFT` and `AUTO_DRAFT` suppress customer messaging (D-DRAFT). New
            trips default to
            `UNASSIGNED` (D-UNDOCUMENTED-OBJECTS).
        must_start_by (None | str | Unset): Latest start time.
        internal_ride_type (InternalRideType | Unset): Ride type refined by loaner and driver count, as the PnD service
            reports it.
        is_valid (bool | Unset):
        parent_event_uuid (None | str | Unset):
        sub_trips (list[SubTrip] | Unset):
        dealer_uuid (str | Unset):
        dealer_department_uuid (str | Unset):
        appointment_uuid (None | str | Unset): Appointment the trip is linked to.
        assigned_by_dealer_associate_uuid (None | str | Unset):
        primary_driver_uuid (None | str | Unset):
        secondary_driver_uuid (None | str | Unset):
        service_advisor_uuid (None | str | Unset):
        loaner_vehicle_required (bool | Unset):
        is_drop_car (bool | Unset):
        loaner_vehicle_uuid (None | str | Unset):
        swapped_loaner_vehicle_uuid (None | str | Unset):
        origin_address (None | str | Unset):
        destination_address (None | str | Unset):
        linked_appointment_uuid (None | str | Unset):
        linked_trip_uuids (list[str] | Unset):
        customer_messaging_suppressed (bool | Unset): True for DRAFT and AUTO_DRAFT trips (D-DRAFT).
        customer (TripCustomer | Unset): Customer of a trip, as the trips read returns it.
        vehicle (TripVehicle | Unset): Vehicle of a trip, as the trips read returns it.
        dealer_order (TripDealerOrder | Unset): Repair order of a trip.
    """

    event_uuid: str
    version: int
    appointment_time: str
    ride_type: RideType
    trip_status: TripStatus
    must_start_by: None | str | Unset = UNSET
    internal_ride_type: InternalRideType | Unset = UNSET
    is_valid: bool | Unset = UNSET
    parent_event_uuid: None | str | Unset = UNSET
    sub_trips: list[SubTrip] | Unset = UNSET
    dealer_uuid: str | Unset = UNSET
    dealer_department_uuid: str | Unset = UNSET
    appointment_uuid: None | str | Unset = UNSET
    assigned_by_dealer_associate_uuid: None | str | Unset = UNSET
    primary_driver_uuid: None | str | Unset = UNSET
    secondary_driver_uuid: None | str | Unset = UNSET
    service_advisor_uuid: None | str | Unset = UNSET
    loaner_vehicle_required: bool | Unset = UNSET
    is_drop_car: bool | Unset = UNSET
    loaner_vehicle_uuid: None | str | Unset = UNSET
    swapped_loaner_vehicle_uuid: None | str | Unset = UNSET
    origin_address: None | str | Unset = UNSET
    destination_address: None | str | Unset = UNSET
    linked_appointment_uuid: None | str | Unset = UNSET
    linked_trip_uuids: list[str] | Unset = UNSET
    customer_messaging_suppressed: bool | Unset = UNSET
    customer: TripCustomer | Unset = UNSET
    vehicle: TripVehicle | Unset = UNSET
    dealer_order: TripDealerOrder | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_uuid = self.event_uuid

        version = self.version

        appointment_time = self.appointment_time

        ride_type = self.ride_type.value

        trip_status = self.trip_status.value

        must_start_by: None | str | Unset
        if isinstance(self.must_start_by, Unset):
            must_start_by = UNSET
        else:
            must_start_by = self.must_start_by

        internal_ride_type: str | Unset = UNSET
        if not isinstance(self.internal_ride_type, Unset):
            internal_ride_type = self.internal_ride_type.value

        is_valid = self.is_valid

        parent_event_uuid: None | str | Unset
        if isinstance(self.parent_event_uuid, Unset):
            parent_event_uuid = UNSET
        else:
            parent_event_uuid = self.parent_event_uuid

        sub_trips: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sub_trips, Unset):
            sub_trips = []
            for sub_trips_item_data in self.sub_trips:
                sub_trips_item = sub_trips_item_data.to_dict()
                sub_trips.append(sub_trips_item)

        dealer_uuid = self.dealer_uuid

        dealer_department_uuid = self.dealer_department_uuid

        appointment_uuid: None | str | Unset
        if isinstance(self.appointment_uuid, Unset):
            appointment_uuid = UNSET
        else:
            appointment_uuid = self.appointment_uuid

        assigned_by_dealer_associate_uuid: None | str | Unset
        if isinstance(self.assigned_by_dealer_associate_uuid, Unset):
            assigned_by_dealer_associate_uuid = UNSET
        else:
            assigned_by_dealer_associate_uuid = self.assigned_by_dealer_associate_uuid

        primary_driver_uuid: None | str | Unset
        if isinstance(self.primary_driver_uuid, Unset):
            primary_driver_uuid = UNSET
        else:
            primary_driver_uuid = self.primary_driver_uuid

        secondary_driver_uuid: None | str | Unset
        if isinstance(self.secondary_driver_uuid, Unset):
            secondary_driver_uuid = UNSET
        else:
            secondary_driver_uuid = self.secondary_driver_uuid

        service_advisor_uuid: None | str | Unset
        if isinstance(self.service_advisor_uuid, Unset):
            service_advisor_uuid = UNSET
        else:
            service_advisor_uuid = self.service_advisor_uuid

        loaner_vehicle_required = self.loaner_vehicle_required

        is_drop_car = self.is_drop_car

        loaner_vehicle_uuid: None | str | Unset
        if isinstance(self.loaner_vehicle_uuid, Unset):
            loaner_vehicle_uuid = UNSET
        else:
            loaner_vehicle_uuid = self.loaner_vehicle_uuid

        swapped_loaner_vehicle_uuid: None | str | Unset
        if isinstance(self.swapped_loaner_vehicle_uuid, Unset):
            swapped_loaner_vehicle_uuid = UNSET
        else:
            swapped_loaner_vehicle_uuid = self.swapped_loaner_vehicle_uuid

        origin_address: None | str | Unset
        if isinstance(self.origin_address, Unset):
            origin_address = UNSET
        else:
            origin_address = self.origin_address

        destination_address: None | str | Unset
        if isinstance(self.destination_address, Unset):
            destination_address = UNSET
        else:
            destination_address = self.destination_address

        linked_appointment_uuid: None | str | Unset
        if isinstance(self.linked_appointment_uuid, Unset):
            linked_appointment_uuid = UNSET
        else:
            linked_appointment_uuid = self.linked_appointment_uuid

        linked_trip_uuids: list[str] | Unset = UNSET
        if not isinstance(self.linked_trip_uuids, Unset):
            linked_trip_uuids = self.linked_trip_uuids

        customer_messaging_suppressed = self.customer_messaging_suppressed

        customer: dict[str, Any] | Unset = UNSET
        if not isinstance(self.customer, Unset):
            customer = self.customer.to_dict()

        vehicle: dict[str, Any] | Unset = UNSET
        if not isinstance(self.vehicle, Unset):
            vehicle = self.vehicle.to_dict()

        dealer_order: dict[str, Any] | Unset = UNSET
        if not isinstance(self.dealer_order, Unset):
            dealer_order = self.dealer_order.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "eventUuid": event_uuid,
                "version": version,
                "appointmentTime": appointment_time,
                "rideType": ride_type,
                "tripStatus": trip_status,
            }
        )
        if must_start_by is not UNSET:
            field_dict["mustStartBy"] = must_start_by
        if internal_ride_type is not UNSET:
            field_dict["internalRideType"] = internal_ride_type
        if is_valid is not UNSET:
            field_dict["isValid"] = is_valid
        if parent_event_uuid is not UNSET:
            field_dict["parentEventUuid"] = parent_event_uuid
        if sub_trips is not UNSET:
            field_dict["subTrips"] = sub_trips
        if dealer_uuid is not UNSET:
            field_dict["dealerUUID"] = dealer_uuid
        if dealer_department_uuid is not UNSET:
            field_dict["dealerDepartmentUUID"] = dealer_department_uuid
        if appointment_uuid is not UNSET:
            field_dict["appointmentUuid"] = appointment_uuid
        if assigned_by_dealer_associate_uuid is not UNSET:
            field_dict["assignedByDealerAssociateUUID"] = assigned_by_dealer_associate_uuid
        if primary_driver_uuid is not UNSET:
            field_dict["primaryDriverUUID"] = primary_driver_uuid
        if secondary_driver_uuid is not UNSET:
            field_dict["secondaryDriverUUID"] = secondary_driver_uuid
        if service_advisor_uuid is not UNSET:
            field_dict["serviceAdvisorUUID"] = service_advisor_uuid
        if loaner_vehicle_required is not UNSET:
            field_dict["loanerVehicleRequired"] = loaner_vehicle_required
        if is_drop_car is not UNSET:
            field_dict["isDropCar"] = is_drop_car
        if loaner_vehicle_uuid is not UNSET:
            field_dict["loanerVehicleUuid"] = loaner_vehicle_uuid
        if swapped_loaner_vehicle_uuid is not UNSET:
            field_dict["swappedLoanerVehicleUuid"] = swapped_loaner_vehicle_uuid
        if origin_address is not UNSET:
            field_dict["originAddress"] = origin_address
        if destination_address is not UNSET:
            field_dict["destinationAddress"] = destination_address
        if linked_appointment_uuid is not UNSET:
            field_dict["linkedAppointmentUuid"] = linked_appointment_uuid
        if linked_trip_uuids is not UNSET:
            field_dict["linkedTripUuids"] = linked_trip_uuids
        if customer_messaging_suppressed is not UNSET:
            field_dict["customerMessagingSuppressed"] = customer_messaging_suppressed
        if customer is not UNSET:
            field_dict["customer"] = customer
        if vehicle is not UNSET:
            field_dict["vehicle"] = vehicle
        if dealer_order is not UNSET:
            field_dict["dealerOrder"] = dealer_order

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sub_trip import SubTrip  # noqa: PLC0415
        from ..models.trip_customer import TripCustomer  # noqa: PLC0415
        from ..models.trip_dealer_order import TripDealerOrder  # noqa: PLC0415
        from ..models.trip_vehicle import TripVehicle  # noqa: PLC0415

        d = dict(src_dict)
        event_uuid = d.pop("eventUuid")

        version = d.pop("version")

        appointment_time = d.pop("appointmentTime")

        ride_type = RideType(d.pop("rideType"))

        trip_status = TripStatus(d.pop("tripStatus"))

        def _parse_must_start_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        must_start_by = _parse_must_start_by(d.pop("mustStartBy", UNSET))

        _internal_ride_type = d.pop("internalRideType", UNSET)
        internal_ride_type: InternalRideType | Unset
        if isinstance(_internal_ride_type, Unset):
            internal_ride_type = UNSET
        else:
            internal_ride_type = InternalRideType(_internal_ride_type)

        is_valid = d.pop("isValid", UNSET)

        def _parse_parent_event_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_event_uuid = _parse_parent_event_uuid(d.pop("parentEventUuid", UNSET))

        _sub_trips = d.pop("subTrips", UNSET)
        sub_trips: list[SubTrip] | Unset = UNSET
        if _sub_trips is not UNSET:
            sub_trips = []
            for sub_trips_item_data in _sub_trips:
                sub_trips_item = SubTrip.from_dict(sub_trips_item_data)

                sub_trips.append(sub_trips_item)

        dealer_uuid = d.pop("dealerUUID", UNSET)

        dealer_department_uuid = d.pop("dealerDepartmentUUID", UNSET)

        def _parse_appointment_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        appointment_uuid = _parse_appointment_uuid(d.pop("appointmentUuid", UNSET))

        def _parse_assigned_by_dealer_associate_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assigned_by_dealer_associate_uuid = _parse_assigned_by_dealer_associate_uuid(
            d.pop("assignedByDealerAssociateUUID", UNSET)
        )

        def _parse_primary_driver_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        primary_driver_uuid = _parse_primary_driver_uuid(d.pop("primaryDriverUUID", UNSET))

        def _parse_secondary_driver_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        secondary_driver_uuid = _parse_secondary_driver_uuid(d.pop("secondaryDriverUUID", UNSET))

        def _parse_service_advisor_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service_advisor_uuid = _parse_service_advisor_uuid(d.pop("serviceAdvisorUUID", UNSET))

        loaner_vehicle_required = d.pop("loanerVehicleRequired", UNSET)

        is_drop_car = d.pop("isDropCar", UNSET)

        def _parse_loaner_vehicle_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        loaner_vehicle_uuid = _parse_loaner_vehicle_uuid(d.pop("loanerVehicleUuid", UNSET))

        def _parse_swapped_loaner_vehicle_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        swapped_loaner_vehicle_uuid = _parse_swapped_loaner_vehicle_uuid(
            d.pop("swappedLoanerVehicleUuid", UNSET)
        )

        def _parse_origin_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        origin_address = _parse_origin_address(d.pop("originAddress", UNSET))

        def _parse_destination_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        destination_address = _parse_destination_address(d.pop("destinationAddress", UNSET))

        def _parse_linked_appointment_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        linked_appointment_uuid = _parse_linked_appointment_uuid(d.pop("linkedAppointmentUuid", UNSET))

        linked_trip_uuids = cast(list[str], d.pop("linkedTripUuids", UNSET))

        customer_messaging_suppressed = d.pop("customerMessagingSuppressed", UNSET)

        _customer = d.pop("customer", UNSET)
        customer: TripCustomer | Unset
        if isinstance(_customer, Unset):
            customer = UNSET
        else:
            customer = TripCustomer.from_dict(_customer)

        _vehicle = d.pop("vehicle", UNSET)
        vehicle: TripVehicle | Unset
        if isinstance(_vehicle, Unset):
            vehicle = UNSET
        else:
            vehicle = TripVehicle.from_dict(_vehicle)

        _dealer_order = d.pop("dealerOrder", UNSET)
        dealer_order: TripDealerOrder | Unset
        if isinstance(_dealer_order, Unset):
            dealer_order = UNSET
        else:
            dealer_order = TripDealerOrder.from_dict(_dealer_order)

        trip_view_dto = cls(
            event_uuid=event_uuid,
            version=version,
            appointment_time=appointment_time,
            ride_type=ride_type,
            trip_status=trip_status,
            must_start_by=must_start_by,
            internal_ride_type=internal_ride_type,
            is_valid=is_valid,
            parent_event_uuid=parent_event_uuid,
            sub_trips=sub_trips,
            dealer_uuid=dealer_uuid,
            dealer_department_uuid=dealer_department_uuid,
            appointment_uuid=appointment_uuid,
            assigned_by_dealer_associate_uuid=assigned_by_dealer_associate_uuid,
            primary_driver_uuid=primary_driver_uuid,
            secondary_driver_uuid=secondary_driver_uuid,
            service_advisor_uuid=service_advisor_uuid,
            loaner_vehicle_required=loaner_vehicle_required,
            is_drop_car=is_drop_car,
            loaner_vehicle_uuid=loaner_vehicle_uuid,
            swapped_loaner_vehicle_uuid=swapped_loaner_vehicle_uuid,
            origin_address=origin_address,
            destination_address=destination_address,
            linked_appointment_uuid=linked_appointment_uuid,
            linked_trip_uuids=linked_trip_uuids,
            customer_messaging_suppressed=customer_messaging_suppressed,
            customer=customer,
            vehicle=vehicle,
            dealer_order=dealer_order,
        )

        trip_view_dto.additional_properties = d
        return trip_view_dto

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
