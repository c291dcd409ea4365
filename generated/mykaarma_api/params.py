# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
"""The request bodies as `TypedDict`s (`scripts/codegen/typed_params.py`): dicts mypy checks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, Required, TypedDict

__all__ = [
    "AddressInputParam",
    "AppointmentInformationForTripCreateParam",
    "AppointmentInformationForTripUpdateParam",
    "BestTimeToContactParam",
    "CreateAppointmentWithTripRequestParam",
    "CustomerAppointmentPreferenceParam",
    "CustomerInputParam",
    "DeleteAppointmentWithTripRequestParam",
    "EmailParam",
    "GetCustomerRequestParam",
    "GetTripsRequestParam",
    "PhoneParam",
    "PickupDeliveryTripEventParam",
    "PickupDeliveryTripMetadataForCreateParam",
    "PickupDeliveryTripMetadataParam",
    "SaveAppointmentWithTripRequestParam",
    "SaveCustomerRequestParam",
    "SavePickupDeliveryTripEventRequestParam",
    "ServiceItemParam",
    "SubTransportOptionRequestParam",
    "UpdateAppointmentForTripRequestParam",
    "UpdateAppointmentWithTripRequestParam",
    "UpdatePickupDeliveryTripEventRequestParam",
    "UserDetailsParam",
    "VehicleIdentifiersParam",
    "VehicleInformationParam",
    "VehicleInputParam",
]


class AddressInputParam(TypedDict, total=False):
    """A postal address of the customer as a save request sends it (`AddressInput` as a dict)."""

    line1: Required[str]
    line2: str | None
    city: str | None
    zip: str | None
    state: Required[str]
    country: Required[str]
    type: Literal["COMMON", "PRIMARY", "BILLING", "OTHER"]
    addressType: Required[Literal["P", "B"]]
    isValid: bool
    isPreferred: bool


class AppointmentInformationForTripCreateParam(TypedDict, total=False):
    """Appointment details of a create (`AppointmentInformationForTripCreate` as a dict)."""

    appointmentStartDateTime: Required[str]
    appointmentEndDateTime: str | None
    userUuid: str | None
    comments: str | None
    internalNotes: str | None
    altTransportation: str | None
    source: str | None


class AppointmentInformationForTripUpdateParam(TypedDict, total=False):
    """Appointment details of an update: separate date and times, joined by the server as `appointmentDate + "T" + appointmentStartTime` (dealer-local) (`AppointmentInformationForTripUpdate` as a dict)."""

    appointmentDate: Required[str]
    appointmentStartTime: Required[str]
    appointmentEndTime: str | None
    userUuid: str | None
    comments: str | None
    internalNotes: str | None
    altTransportation: str | None
    source: str | None


class BestTimeToContactParam(TypedDict, total=False):
    """Time window in which the customer prefers to be contacted (free text; the vendor gives no format) (`BestTimeToContact` as a dict)."""

    startTime: str
    endTime: str


class CreateAppointmentWithTripRequestParam(TypedDict, total=False):
    """Appointment part of a create (`CreateAppointmentWithTripRequest` as a dict)."""

    customerUuid: Required[str]
    vehicleInformation: Required[VehicleInformationParam]
    appointmentInformation: Required[AppointmentInformationForTripCreateParam]
    customerAppointmentPreference: CustomerAppointmentPreferenceParam
    serviceList: list[ServiceItemParam] | tuple[ServiceItemParam, ...] | None
    assignedUser: UserDetailsParam
    creatorUser: UserDetailsParam
    pickupDeliveryTripMetadata: PickupDeliveryTripMetadataForCreateParam


class CustomerAppointmentPreferenceParam(TypedDict, total=False):
    """How the customer is told about the appointment (`CustomerAppointmentPreference` as a dict)."""

    emailConfirmation: bool
    textConfirmation: bool
    emailReminder: bool
    textReminder: bool
    notifyCustomer: bool
    sendCommunicationToDA: bool
    confirmationEmail: str | None
    confirmationPhoneNumber: str | None


class CustomerInputParam(TypedDict, total=False):
    """Customer attributes sent on create and update (`CustomerInput` as a dict)."""

    customerKey: str | None
    firstName: str | None
    lastName: str | None
    company: str | None
    isBusiness: bool
    bestTimeToContact: BestTimeToContactParam
    preferredCommunication: Literal["text", "phone", "email"]
    preferredLocale: Literal["en-us", "fr-ca"]
    customerUuid: str | None
    addresses: list[AddressInputParam] | tuple[AddressInputParam, ...] | None
    emails: list[EmailParam | None] | tuple[EmailParam | None, ...] | None
    phoneNumbers: list[PhoneParam | None] | tuple[PhoneParam | None, ...] | None


class DeleteAppointmentWithTripRequestParam(TypedDict, total=False):
    """Body of delete appointment with trip (`DeleteAppointmentWithTripRequest` as a dict)."""

    tripUuid: Required[str]
    appointmentUuid: Required[str]
    dealerDepartmentUUIDList: Required[list[str] | tuple[str, ...]]
    updatedByDAUUID: Required[str]
    updatedByDeptUUID: Required[str]
    requesterUuid: str | None
    dealerUuid: str | None
    source: Literal["DEALER_APP", "WEB", "PND_API", "EXTERNAL_CONTROLLER"]


class EmailParam(TypedDict, total=False):
    """An e-mail address of the customer (`Email` as a dict)."""

    emailAddress: Required[str | None]
    label: Required[str | None]
    okToEmail: Required[bool]
    isPreferred: Required[bool]
    comments: str | None


class GetCustomerRequestParam(TypedDict, total=False):
    """Body of the legacy read: the requesting user and the dealers to look in (`GetCustomerRequest` as a dict)."""

    requesterUserUUID: Required[str]
    dealerUUIDList: Required[list[str] | tuple[str, ...]]


class GetTripsRequestParam(TypedDict, total=False):
    """Body of the trips read (a read sent as PATCH, as the vendor documents it) (`GetTripsRequest` as a dict)."""

    sarUuid: Required[str]


class PhoneParam(TypedDict, total=False):
    """A phone number of the customer (`Phone` as a dict)."""

    phoneNumber: Required[str | None]
    label: Required[str | None]
    okToCall: Required[bool]
    okToText: Required[bool]
    isPreferred: Required[bool]
    comments: str | None


class PickupDeliveryTripEventParam(TypedDict, total=False):
    """The trip part of create and update (`PickupDeliveryTripEvent` as a dict)."""

    eventUUID: str | None
    appointmentTime: Required[str]
    rideType: Required[
        Literal[
            "PICKUP_CUSTOMER",
            "PICKUP_VEHICLE",
            "DROPOFF_CUSTOMER",
            "DROPOFF_VEHICLE",
            "LOANER_SWAP",
            "MISCELLANEOUS",
            "RIDE_SHARE",
        ]
    ]
    customerUUID: str | None
    dealerUUID: Required[str]
    dealerDepartmentUUID: Required[str]
    assignedByDealerAssociateUUID: str | None
    customerFirstName: str | None
    customerLastName: str | None
    vehicleIdentifiers: VehicleIdentifiersParam
    roNumber: str | None
    dealerOrderUUID: str | None
    originAddress: str | None
    originLocationLat: float | None
    originLocationLon: float | None
    destinationAddress: str | None
    destLocationLat: float | None
    destLocationLon: float | None
    loanerVehicleRequired: bool
    isDropCar: bool
    loanerVehicleUuid: str | None
    swappedLoanerVehicleUuid: str | None
    loanerDescription: str | None
    serviceAdvisorUUID: str | None
    serviceAdvisorName: str | None
    primaryDriverUUID: str | None
    secondaryDriverUUID: str | None
    tripStatus: Literal[
        "DRAFT",
        "AUTO_DRAFT",
        "ASSIGNED",
        "UNASSIGNED",
        "OUTBOUND",
        "INBOUND",
        "READY_TO_DRIVE",
        "AT_DESTINATION",
        "AT_DEALERSHIP",
        "COMPLETED",
        "CANCELLED",
    ]
    linkedAppointmentUuid: str | None
    linkedTripUuids: list[str] | tuple[str, ...] | None
    subTrips: list[Mapping[str, Any]] | tuple[Mapping[str, Any], ...] | None
    optionalFields: Mapping[str, str]


class PickupDeliveryTripMetadataParam(TypedDict, total=False):
    """Trip metadata of an update (`PickupDeliveryTripMetadata` as a dict)."""

    tripUUID: str | None
    subTransportOptionRequest: SubTransportOptionRequestParam


class PickupDeliveryTripMetadataForCreateParam(TypedDict, total=False):
    """Trip metadata of a create; the trip does not exist yet, so there is no `tripUUID` (`PickupDeliveryTripMetadataForCreate` as a dict)."""

    subTransportOptionRequest: SubTransportOptionRequestParam


class SaveAppointmentWithTripRequestParam(TypedDict, total=False):
    """Body of create appointment with trip; both parts are required (`SaveAppointmentWithTripRequest` as a dict)."""

    savePickupDeliveryTripEventRequest: Required[SavePickupDeliveryTripEventRequestParam]
    createAppointmentWithTripRequest: Required[CreateAppointmentWithTripRequestParam]


class SaveCustomerRequestParam(TypedDict, total=False):
    """Body of create, create-or-update and update (`SaveCustomerRequest` as a dict)."""

    requesterUserUUID: str | None
    dealerUUIDList: list[str] | tuple[str, ...] | None
    customer: Required[CustomerInputParam]
    vehicles: list[VehicleInputParam] | tuple[VehicleInputParam, ...] | None
    validateVin: bool
    searchForDuplicate: bool


class SavePickupDeliveryTripEventRequestParam(TypedDict, total=False):
    """Trip part of a create (`SavePickupDeliveryTripEventRequest` as a dict)."""

    pickupDeliveryTripEvent: Required[PickupDeliveryTripEventParam]
    requesterUserUUID: Required[str]
    dealerDepartmentUUIDList: Required[list[str] | tuple[str, ...]]
    source: Literal["DEALER_APP", "WEB", "PND_API", "EXTERNAL_CONTROLLER"]


class ServiceItemParam(TypedDict, total=False):
    """A service (opcode or custom concern) of the appointment (`ServiceItem` as a dict)."""

    title: str | None
    operationUuid: str | None
    operationType: str | None
    isCustomConcern: bool
    description: str | None
    opCodeName: str | None
    laborOpCode: str | None
    durationInMins: str | None
    price: str | None


class SubTransportOptionRequestParam(TypedDict, total=False):
    """Transport option of the appointment (from the dealer's transport option list) (`SubTransportOptionRequest` as a dict)."""

    transportOptionUuid: str | None


class UpdateAppointmentForTripRequestParam(TypedDict, total=False):
    """Appointment part of an update, with the trip metadata that selects the scenario (`UpdateAppointmentForTripRequest` as a dict)."""

    appointmentInformation: Required[AppointmentInformationForTripUpdateParam]
    customerAppointmentPreference: CustomerAppointmentPreferenceParam
    serviceList: list[ServiceItemParam] | tuple[ServiceItemParam, ...] | None
    vehicleInformation: VehicleInformationParam
    updatedByUserDetails: UserDetailsParam
    pickupDeliveryTripMetadata: Required[PickupDeliveryTripMetadataParam]


class UpdateAppointmentWithTripRequestParam(TypedDict, total=False):
    """Body of update appointment with trip (`UpdateAppointmentWithTripRequest` as a dict)."""

    updatePickupDeliveryTripEventRequest: Required[UpdatePickupDeliveryTripEventRequestParam]
    updateAppointmentForTripRequest: Required[UpdateAppointmentForTripRequestParam]


class UpdatePickupDeliveryTripEventRequestParam(TypedDict, total=False):
    """Trip part of an update (`UpdatePickupDeliveryTripEventRequest` as a dict)."""

    pickupDeliveryTripEvent: PickupDeliveryTripEventParam | None
    requesterUserUUID: Required[str]
    dealerDepartmentUUIDList: Required[list[str] | tuple[str, ...]]
    source: Literal["DEALER_APP", "WEB", "PND_API", "EXTERNAL_CONTROLLER"]


class UserDetailsParam(TypedDict, total=False):
    """A dealership user, with the department and team they act for (`UserDetails` as a dict)."""

    uuid: str | None
    deptUUID: str | None
    teamUuid: str | None


class VehicleIdentifiersParam(TypedDict, total=False):
    """Identifiers of the customer's vehicle on a trip (`VehicleIdentifiers` as a dict)."""

    vin: str | None
    vehicleUuid: str | None
    vehicleKey: str | None
    licensePlate: str | None


class VehicleInformationParam(TypedDict, total=False):
    """The appointment's vehicle; at least one identifier is needed (`VehicleInformation` as a dict)."""

    vehicleUuid: str | None
    vin: str | None
    vehicleKey: str | None


class VehicleInputParam(TypedDict, total=False):
    """A vehicle of the customer (`VehicleInput` as a dict)."""

    vin: str | None
    vehicleYear: str | None
    vehicleMake: str | None
    vehicleModel: str | None
    vehicleEngine: str | None
    vehicleTrim: str | None
    isValid: bool
    licensePlate: str | None
    color: str | None
    estimatedMileage: str | None
    vehicleKey: str | None
    vehicleUuid: str | None
    isMatching: bool
