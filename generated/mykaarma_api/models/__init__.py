# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
"""Contains all the data models used in inputs/outputs"""

from .address import Address
from .address_input import AddressInput
from .address_type import AddressType
from .address_type_code import AddressTypeCode
from .appointment_info import AppointmentInfo
from .appointment_info_response import AppointmentInfoResponse
from .appointment_information_for_trip_create import AppointmentInformationForTripCreate
from .appointment_information_for_trip_update import AppointmentInformationForTripUpdate
from .appointment_read_error import AppointmentReadError
from .appointment_read_error_response import AppointmentReadErrorResponse
from .appointment_read_warning import AppointmentReadWarning
from .best_time_to_contact import BestTimeToContact
from .create_appointment_with_trip_request import CreateAppointmentWithTripRequest
from .customer_appointment_preference import CustomerAppointmentPreference
from .customer_communication import CustomerCommunication
from .customer_error import CustomerError
from .customer_error_response import CustomerErrorResponse
from .customer_info import CustomerInfo
from .customer_info_response import CustomerInfoResponse
from .customer_info_vehicle import CustomerInfoVehicle
from .customer_input import CustomerInput
from .customer_read import CustomerRead
from .customer_search_response import CustomerSearchResponse
from .customer_warning import CustomerWarning
from .customer_with_vehicles import CustomerWithVehicles
from .customer_with_vehicles_response import CustomerWithVehiclesResponse
from .dealer_order_info import DealerOrderInfo
from .dealer_order_transaction import DealerOrderTransaction
from .delete_appointment_with_trip_request import DeleteAppointmentWithTripRequest
from .delete_appointment_with_trip_response import DeleteAppointmentWithTripResponse
from .email import Email
from .get_customer_request import GetCustomerRequest
from .get_trips_request import GetTripsRequest
from .internal_ride_type import InternalRideType
from .legacy_address import LegacyAddress
from .phone import Phone
from .pickup_delivery_trip_event import PickupDeliveryTripEvent
from .pickup_delivery_trip_event_optional_fields import PickupDeliveryTripEventOptionalFields
from .pickup_delivery_trip_metadata import PickupDeliveryTripMetadata
from .pickup_delivery_trip_metadata_for_create import PickupDeliveryTripMetadataForCreate
from .pickup_delivery_trip_view_dto_response import PickupDeliveryTripViewDtoResponse
from .pn_d_error import PnDError
from .pn_d_error_metadata import PnDErrorMetadata
from .pn_d_error_response import PnDErrorResponse
from .pn_d_warning import PnDWarning
from .preferred_communication import PreferredCommunication
from .preferred_locale import PreferredLocale
from .query_operator import QueryOperator
from .ride_type import RideType
from .save_appointment_with_trip_request import SaveAppointmentWithTripRequest
from .save_appointment_with_trip_response import SaveAppointmentWithTripResponse
from .save_customer_request import SaveCustomerRequest
from .save_customer_response import SaveCustomerResponse
from .save_pickup_delivery_trip_event_request import SavePickupDeliveryTripEventRequest
from .search_field import SearchField
from .search_preference import SearchPreference
from .secondary_customer_data import SecondaryCustomerData
from .service_item import ServiceItem
from .sub_transport_option_request import SubTransportOptionRequest
from .sub_trip import SubTrip
from .trip_customer import TripCustomer
from .trip_dealer_order import TripDealerOrder
from .trip_error import TripError
from .trip_error_response import TripErrorResponse
from .trip_request_source import TripRequestSource
from .trip_status import TripStatus
from .trip_vehicle import TripVehicle
from .trip_view_dto import TripViewDto
from .trip_warning import TripWarning
from .update_appointment_for_trip_request import UpdateAppointmentForTripRequest
from .update_appointment_with_trip_request import UpdateAppointmentWithTripRequest
from .update_customer_response import UpdateCustomerResponse
from .update_pickup_delivery_trip_event_request import UpdatePickupDeliveryTripEventRequest
from .user_details import UserDetails
from .vehicle_identifiers import VehicleIdentifiers
from .vehicle_information import VehicleInformation
from .vehicle_input import VehicleInput
from .vehicle_read import VehicleRead

__all__ = (
    "Address",
    "AddressInput",
    "AddressType",
    "AddressTypeCode",
    "AppointmentInfo",
    "AppointmentInfoResponse",
    "AppointmentInformationForTripCreate",
    "AppointmentInformationForTripUpdate",
    "AppointmentReadError",
    "AppointmentReadErrorResponse",
    "AppointmentReadWarning",
    "BestTimeToContact",
    "CreateAppointmentWithTripRequest",
    "CustomerAppointmentPreference",
    "CustomerCommunication",
    "CustomerError",
    "CustomerErrorResponse",
    "CustomerInfo",
    "CustomerInfoResponse",
    "CustomerInfoVehicle",
    "CustomerInput",
    "CustomerRead",
    "CustomerSearchResponse",
    "CustomerWarning",
    "CustomerWithVehicles",
    "CustomerWithVehiclesResponse",
    "DealerOrderInfo",
    "DealerOrderTransaction",
    "DeleteAppointmentWithTripRequest",
    "DeleteAppointmentWithTripResponse",
    "Email",
    "GetCustomerRequest",
    "GetTripsRequest",
    "InternalRideType",
    "LegacyAddress",
    "Phone",
    "PickupDeliveryTripEvent",
    "PickupDeliveryTripEventOptionalFields",
    "PickupDeliveryTripMetadata",
    "PickupDeliveryTripMetadataForCreate",
    "PickupDeliveryTripViewDtoResponse",
    "PnDError",
    "PnDErrorMetadata",
    "PnDErrorResponse",
    "PnDWarning",
    "PreferredCommunication",
    "PreferredLocale",
    "QueryOperator",
    "RideType",
    "SaveAppointmentWithTripRequest",
    "SaveAppointmentWithTripResponse",
    "SaveCustomerRequest",
    "SaveCustomerResponse",
    "SavePickupDeliveryTripEventRequest",
    "SearchField",
    "SearchPreference",
    "SecondaryCustomerData",
    "ServiceItem",
    "SubTransportOptionRequest",
    "SubTrip",
    "TripCustomer",
    "TripDealerOrder",
    "TripError",
    "TripErrorResponse",
    "TripRequestSource",
    "TripStatus",
    "TripVehicle",
    "TripViewDto",
    "TripWarning",
    "UpdateAppointmentForTripRequest",
    "UpdateAppointmentWithTripRequest",
    "UpdateCustomerResponse",
    "UpdatePickupDeliveryTripEventRequest",
    "UserDetails",
    "VehicleIdentifiers",
    "VehicleInformation",
    "VehicleInput",
    "VehicleRead",
)
