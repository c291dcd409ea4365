# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.ride_type import RideType
from ..models.trip_status import TripStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pickup_delivery_trip_event_optional_fields import PickupDeliveryTripEventOptionalFields
    from ..models.sub_trip import SubTrip
    from ..models.vehicle_identifiers import VehicleIdentifiers


T = TypeVar("T", bound="PickupDeliveryTripEvent")


@_attrs_define
class PickupDeliveryTripEvent:
    """The trip part of create and update. Rules (facts §4.3, D-TRIP-UUID, D-CONSISTENCY): `eventUUID` is needed
    (and must equal `tripUUID`) in the update scenario; `customerUUID` is required unless `rideType` is
    `MISCELLANEOUS`; `loanerVehicleRequired` and `isDropCar` are not both true; `swappedLoanerVehicleUuid` only
    with `LOANER_SWAP`, and then different from `loanerVehicleUuid`; the secondary driver differs from the
    primary one and, for `PICKUP_VEHICLE`/`DROPOFF_VEHICLE`, needs a primary driver; every `linkedTripUuids`
    entry must be an existing valid trip; `dealerUUID` must equal the path's `dealerUuid`.

        Attributes:
            appointment_time (str): Scheduled time of the trip, `yyyy-MM-dd'T'HH:mm:ssZ` with a numeric offset below 24
                hours and no colon, e.g. `2024-10-25T11:15:00-0700`; a real calendar date, year 0001-9999 (D-TIME).
            ride_type (RideType): Kind of pickup & delivery ride.
            dealer_uuid (str): Dealer of the trip; must equal the path's `dealerUuid` (D-CONSISTENCY).
            dealer_department_uuid (str): Department of the trip; must belong to the dealer and appear in
                `dealerDepartmentUUIDList` (D-CONSISTENCY).
            event_uuid (None | str | Unset): Trip to update (update scenario only).
            customer_uuid (None | str | Unset): Customer of the trip; required unless `rideType` is `MISCELLANEOUS`; a
                customer of one of the dealer's departments (D-CONSISTENCY).
            assigned_by_dealer_associate_uuid (None | str | Unset): Dealer associate who assigned the trip; required unless
                the request's `source` is `WEB`; an associate of the path dealer (D-CONSISTENCY).
            customer_first_name (None | str | Unset): Defaults to the customer's stored first name.
            customer_last_name (None | str | Unset): Defaults to the customer's stored last name.
            vehicle_identifiers (VehicleIdentifiers | Unset): Identifiers of the customer's vehicle on a trip. The vendor
                never defines this object; this is the
                smallest honest shape, reusing the identifiers of `vehicleInformation` (D-UNDOCUMENTED-OBJECTS).
            ro_number (None | str | Unset): Repair order number.
            dealer_order_uuid (None | str | Unset):
            origin_address (None | str | Unset): Pickup address.
            origin_location_lat (float | None | Unset):
            origin_location_lon (float | None | Unset):
            destination_address (None | str | Unset): Delivery address.
            dest_location_lat (float | None | Unset):
            dest_location_lon (float | None | Unset):
            loaner_vehicle_required (bool | Unset): A loaner is needed; not together with `isDropCar`. Default: False.
            is_drop_car (bool | Unset): Drop-car trip; not together with `loanerVehicleRequired`. Default: False.
            loaner_vehicle_uuid (None | str | Unset):
            swapped_loaner_vehicle_uuid (None | str | Unset): Loaner being swapped out; only for `LOANER_SWAP`.
            loaner_description (None | str | Unset):
            service_advisor_uuid (None | str | Unset): Service advisor; when sent, an associate of the path dealer
                (D-CONSISTENCY).
            service_advisor_name (None | str | Unset):
            primary_driver_uuid (None | str | Unset): Driver; when sent, an associate of the path dealer (D-CONSISTENCY).
            secondary_driver_uuid (None | str | Unset): Second driver; when sent, an associate of the path dealer, other
                than the primary driver (D-CONSISTENCY).
            trip_status (TripStatus | Unset): Status of a trip. `DRAFT` and `AUTO_DRAFT` suppress customer messaging
                (D-DRAFT). New trips default to
                `UNASSIGNED` (D-UNDOCUMENTED-OBJECTS).
            linked_appointment_uuid (None | str | Unset):
            linked_trip_uuids (list[str] | None | Unset): Linked trips; each an existing valid trip of the path dealer
                (facts §4.3 rule 23, D-A2-ERRORS).
            sub_trips (list[SubTrip] | None | Unset):
            optional_fields (PickupDeliveryTripEventOptionalFields | Unset): Free key/value pairs.
    """

    appointment_time: str
    ride_type: RideType
    dealer_uuid: str
    dealer_department_uuid: str
    event_uuid: None | str | Unset = UNSET
    customer_uuid: None | str | Unset = UNSET
    assigned_by_dealer_associate_uuid: None | str | Unset = UNSET
    customer_first_name: None | str | Unset = UNSET
    customer_last_name: None | str | Unset = UNSET
    vehicle_identifiers: VehicleIdentifiers | Unset = UNSET
    ro_number: None | str | Unset = UNSET
    dealer_order_uuid: None | str | Unset = UNSET
    origin_address: None | str | Unset = UNSET
    origin_location_lat: float | None | Unset = UNSET
    origin_location_lon: float | None | Unset = UNSET
    destination_address: None | str | Unset = UNSET
    dest_location_lat: float | None | Unset = UNSET
    dest_location_lon: float | None | Unset = UNSET
    loaner_vehicle_required: bool | Unset = False
    is_drop_car: bool | Unset = False
    loaner_vehicle_uuid: None | str | Unset = UNSET
    swapped_loaner_vehicle_uuid: None | str | Unset = UNSET
    loaner_description: None | str | Unset = UNSET
    service_advisor_uuid: None | str | Unset = UNSET
    service_advisor_name: None | str | Unset = UNSET
    primary_driver_uuid: None | str | Unset = UNSET
    secondary_driver_uuid: None | str | Unset = UNSET
    trip_status: TripStatus | Unset = UNSET
    linked_appointment_uuid: None | str | Unset = UNSET
    linked_trip_uuids: list[str] | None | Unset = UNSET
    sub_trips: list[SubTrip] | None | Unset = UNSET
    optional_fields: PickupDeliveryTripEventOptionalFields | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        appointment_time = self.appointment_time

        ride_type = self.ride_type.value

        dealer_uuid = self.dealer_uuid

        dealer_department_uuid = self.dealer_department_uuid

        event_uuid: None | str | Unset
        if isinstance(self.event_uuid, Unset):
            event_uuid = UNSET
        else:
            event_uuid = self.event_uuid

        customer_uuid: None | str | Unset
        if isinstance(self.customer_uuid, Unset):
            customer_uuid = UNSET
        else:
            customer_uuid = self.customer_uuid

        assigned_by_dealer_associate_uuid: None | str | Unset
        if isinstance(self.assigned_by_dealer_associate_uuid, Unset):
            assigned_by_dealer_associate_uuid = UNSET
        else:
            assigned_by_dealer_associate_uuid = self.assigned_by_dealer_associate_uuid

        customer_first_name: None | str | Unset
        if isinstance(self.customer_first_name, Unset):
            customer_first_name = UNSET
        else:
            customer_first_name = self.customer_first_name

        customer_last_name: None | str | Unset
        if isinstance(self.customer_last_name, Unset):
            customer_last_name = UNSET
        else:
            customer_last_name = self.customer_last_name

        vehicle_identifiers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.vehicle_identifiers, Unset):
            vehicle_identifiers = self.vehicle_identifiers.to_dict()

        ro_number: None | str | Unset
        if isinstance(self.ro_number, Unset):
            ro_number = UNSET
        else:
            ro_number = self.ro_number

        dealer_order_uuid: None | str | Unset
        if isinstance(self.dealer_order_uuid, Unset):
            dealer_order_uuid = UNSET
        else:
            dealer_order_uuid = self.dealer_order_uuid

        origin_address: None | str | Unset
        if isinstance(self.origin_address, Unset):
            origin_address = UNSET
        else:
            origin_address = self.origin_address

        origin_location_lat: float | None | Unset
        if isinstance(self.origin_location_lat, Unset):
            origin_location_lat = UNSET
        else:
            origin_location_lat = self.origin_location_lat

        origin_location_lon: float | None | Unset
        if isinstance(self.origin_location_lon, Unset):
            origin_location_lon = UNSET
        else:
            origin_location_lon = self.origin_location_lon

        destination_address: None | str | Unset
        if isinstance(self.destination_address, Unset):
            destination_address = UNSET
        else:
            destination_address = self.destination_address

        dest_location_lat: float | None | Unset
        if isinstance(self.dest_location_lat, Unset):
            dest_location_lat = UNSET
        else:
            dest_location_lat = self.dest_location_lat

        dest_location_lon: float | None | Unset
        if isinstance(self.dest_location_lon, Unset):
            dest_location_lon = UNSET
        else:
            dest_location_lon = self.dest_location_lon

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

        loaner_description: None | str | Unset
        if isinstance(self.loaner_description, Unset):
            loaner_description = UNSET
        else:
            loaner_description = self.loaner_description

        service_advisor_uuid: None | str | Unset
        if isinstance(self.service_advisor_uuid, Unset):
            service_advisor_uuid = UNSET
        else:
            service_advisor_uuid = self.service_advisor_uuid

        service_advisor_name: None | str | Unset
        if isinstance(self.service_advisor_name, Unset):
            service_advisor_name = UNSET
        else:
            service_advisor_name = self.service_advisor_name

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

        trip_status: str | Unset = UNSET
        if not isinstance(self.trip_status, Unset):
            trip_status = self.trip_status.value

        linked_appointment_uuid: None | str | Unset
        if isinstance(self.linked_appointment_uuid, Unset):
            linked_appointment_uuid = UNSET
        else:
            linked_appointment_uuid = self.linked_appointment_uuid

        linked_trip_uuids: list[str] | None | Unset
        if isinstance(self.linked_trip_uuids, Unset):
            linked_trip_uuids = UNSET
        elif isinstance(self.linked_trip_uuids, list):
            linked_trip_uuids = self.linked_trip_uuids

        else:
            linked_trip_uuids = self.linked_trip_uuids

        sub_trips: list[dict[str, Any]] | None | Unset
        if isinstance(self.sub_trips, Unset):
            sub_trips = UNSET
        elif isinstance(self.sub_trips, list):
            sub_trips = []
            for sub_trips_type_0_item_data in self.sub_trips:
                sub_trips_type_0_item = sub_trips_type_0_item_data.to_dict()
                sub_trips.append(sub_trips_type_0_item)

        else:
            sub_trips = self.sub_trips

        optional_fields: dict[str, Any] | Unset = UNSET
        if not isinstance(self.optional_fields, Unset):
            optional_fields = self.optional_fields.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "appointmentTime": appointment_time,
                "rideType": ride_type,
                "dealerUUID": dealer_uuid,
                "dealerDepartmentUUID": dealer_department_uuid,
            }
        )
        if event_uuid is not UNSET:
            field_dict["eventUUID"] = event_uuid
        if customer_uuid is not UNSET:
            field_dict["customerUUID"] = customer_uuid
        if assigned_by_dealer_associate_uuid is not UNSET:
            field_dict["assignedByDealerAssociateUUID"] = assigned_by_dealer_associate_uuid
        if customer_first_name is not UNSET:
            field_dict["customerFirstName"] = customer_first_name
        if customer_last_name is not UNSET:
            field_dict["customerLastName"] = customer_last_name
        if vehicle_identifiers is not UNSET:
            field_dict["vehicleIdentifiers"] = vehicle_identifiers
        if ro_number is not UNSET:
            field_dict["roNumber"] = ro_number
        if dealer_order_uuid is not UNSET:
            field_dict["dealerOrderUUID"] = dealer_order_uuid
        if origin_address is not UNSET:
            field_dict["originAddress"] = origin_address
        if origin_location_lat is not UNSET:
            field_dict["originLocationLat"] = origin_location_lat
        if origin_location_lon is not UNSET:
            field_dict["originLocationLon"] = origin_location_lon
        if destination_address is not UNSET:
            field_dict["destinationAddress"] = destination_address
        if dest_location_lat is not UNSET:
            field_dict["destLocationLat"] = dest_location_lat
        if dest_location_lon is not UNSET:
            field_dict["destLocationLon"] = dest_location_lon
        if loaner_vehicle_required is not UNSET:
            field_dict["loanerVehicleRequired"] = loaner_vehicle_required
        if is_drop_car is not UNSET:
            field_dict["isDropCar"] = is_drop_car
        if loaner_vehicle_uuid is not UNSET:
            field_dict["loanerVehicleUuid"] = loaner_vehicle_uuid
        if swapped_loaner_vehicle_uuid is not UNSET:
            field_dict["swappedLoanerVehicleUuid"] = swapped_loaner_vehicle_uuid
        if loaner_description is not UNSET:
            field_dict["loanerDescription"] = loaner_description
        if service_advisor_uuid is not UNSET:
            field_dict["serviceAdvisorUUID"] = service_advisor_uuid
        if service_advisor_name is not UNSET:
            field_dict["serviceAdvisorName"] = service_advisor_name
        if primary_driver_uuid is not UNSET:
            field_dict["primaryDriverUUID"] = primary_driver_uuid
        if secondary_driver_uuid is not UNSET:
            field_dict["secondaryDriverUUID"] = secondary_driver_uuid
        if trip_status is not UNSET:
            field_dict["tripStatus"] = trip_status
        if linked_appointment_uuid is not UNSET:
            field_dict["linkedAppointmentUuid"] = linked_appointment_uuid
        if linked_trip_uuids is not UNSET:
            field_dict["linkedTripUuids"] = linked_trip_uuids
        if sub_trips is not UNSET:
            field_dict["subTrips"] = sub_trips
        if optional_fields is not UNSET:
            field_dict["optionalFields"] = optional_fields

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pickup_delivery_trip_event_optional_fields import PickupDeliveryTripEventOptionalFields  # noqa: PLC0415
        from ..models.sub_trip import SubTrip  # noqa: PLC0415
        from ..models.vehicle_identifiers import VehicleIdentifiers  # noqa: PLC0415

        d = dict(src_dict)
        appointment_time = d.pop("appointmentTime")

        ride_type = RideType(d.pop("rideType"))

        dealer_uuid = d.pop("dealerUUID")

        dealer_department_uuid = d.pop("dealerDepartmentUUID")

        def _parse_event_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        event_uuid = _parse_event_uuid(d.pop("eventUUID", UNSET))

        def _parse_customer_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_uuid = _parse_customer_uuid(d.pop("customerUUID", UNSET))

        def _parse_assigned_by_dealer_associate_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assigned_by_dealer_associate_uuid = _parse_assigned_by_dealer_associate_uuid(
            d.pop("assignedByDealerAssociateUUID", UNSET)
        )

        def _parse_customer_first_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_first_name = _parse_customer_first_name(d.pop("customerFirstName", UNSET))

        def _parse_customer_last_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_last_name = _parse_customer_last_name(d.pop("customerLastName", UNSET))

        _vehicle_identifiers = d.pop("vehicleIdentifiers", UNSET)
        vehicle_identifiers: VehicleIdentifiers | Unset
        if isinstance(_vehicle_identifiers, Unset):
            vehicle_identifiers = UNSET
        else:
            vehicle_identifiers = VehicleIdentifiers.from_dict(_vehicle_identifiers)

        def _parse_ro_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ro_number = _parse_ro_number(d.pop("roNumber", UNSET))

        def _parse_dealer_order_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dealer_order_uuid = _parse_dealer_order_uuid(d.pop("dealerOrderUUID", UNSET))

        def _parse_origin_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        origin_address = _parse_origin_address(d.pop("originAddress", UNSET))

        def _parse_origin_location_lat(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        origin_location_lat = _parse_origin_location_lat(d.pop("originLocationLat", UNSET))

        def _parse_origin_location_lon(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        origin_location_lon = _parse_origin_location_lon(d.pop("originLocationLon", UNSET))

        def _parse_destination_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        destination_address = _parse_destination_address(d.pop("destinationAddress", UNSET))

        def _parse_dest_location_lat(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        dest_location_lat = _parse_dest_location_lat(d.pop("destLocationLat", UNSET))

        def _parse_dest_location_lon(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        dest_location_lon = _parse_dest_location_lon(d.pop("destLocationLon", UNSET))

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

        def _parse_loaner_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        loaner_description = _parse_loaner_description(d.pop("loanerDescription", UNSET))

        def _parse_service_advisor_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service_advisor_uuid = _parse_service_advisor_uuid(d.pop("serviceAdvisorUUID", UNSET))

        def _parse_service_advisor_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service_advisor_name = _parse_service_advisor_name(d.pop("serviceAdvisorName", UNSET))

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

        _trip_status = d.pop("tripStatus", UNSET)
        trip_status: TripStatus | Unset
        if isinstance(_trip_status, Unset):
            trip_status = UNSET
        else:
            trip_status = TripStatus(_trip_status)

        def _parse_linked_appointment_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        linked_appointment_uuid = _parse_linked_appointment_uuid(d.pop("linkedAppointmentUuid", UNSET))

        def _parse_linked_trip_uuids(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                linked_trip_uuids_type_0 = cast(list[str], data)

                return linked_trip_uuids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        linked_trip_uuids = _parse_linked_trip_uuids(d.pop("linkedTripUuids", UNSET))

        def _parse_sub_trips(data: object) -> list[SubTrip] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                sub_trips_type_0 = []
                _sub_trips_type_0 = data
                for sub_trips_type_0_item_data in _sub_trips_type_0:
                    sub_trips_type_0_item = SubTrip.from_dict(sub_trips_type_0_item_data)

                    sub_trips_type_0.append(sub_trips_type_0_item)

                return sub_trips_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[SubTrip] | None | Unset, data)

        sub_trips = _parse_sub_trips(d.pop("subTrips", UNSET))

        _optional_fields = d.pop("optionalFields", UNSET)
        optional_fields: PickupDeliveryTripEventOptionalFields | Unset
        if isinstance(_optional_fields, Unset):
            optional_fields = UNSET
        else:
            optional_fields = PickupDeliveryTripEventOptionalFields.from_dict(_optional_fields)

        pickup_delivery_trip_event = cls(
            appointment_time=appointment_time,
            ride_type=ride_type,
            dealer_uuid=dealer_uuid,
            dealer_department_uuid=dealer_department_uuid,
            event_uuid=event_uuid,
            customer_uuid=customer_uuid,
            assigned_by_dealer_associate_uuid=assigned_by_dealer_associate_uuid,
            customer_first_name=customer_first_name,
            customer_last_name=customer_last_name,
            vehicle_identifiers=vehicle_identifiers,
            ro_number=ro_number,
            dealer_order_uuid=dealer_order_uuid,
            origin_address=origin_address,
            origin_location_lat=origin_location_lat,
            origin_location_lon=origin_location_lon,
            destination_address=destination_address,
            dest_location_lat=dest_location_lat,
            dest_location_lon=dest_location_lon,
            loaner_vehicle_required=loaner_vehicle_required,
            is_drop_car=is_drop_car,
            loaner_vehicle_uuid=loaner_vehicle_uuid,
            swapped_loaner_vehicle_uuid=swapped_loaner_vehicle_uuid,
            loaner_description=loaner_description,
            service_advisor_uuid=service_advisor_uuid,
            service_advisor_name=service_advisor_name,
            primary_driver_uuid=primary_driver_uuid,
            secondary_driver_uuid=secondary_driver_uuid,
            trip_status=trip_status,
            linked_appointment_uuid=linked_appointment_uuid,
            linked_trip_uuids=linked_trip_uuids,
            sub_trips=sub_trips,
            optional_fields=optional_fields,
        )

        return pickup_delivery_trip_event
