# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.trip_request_source import TripRequestSource
from ..types import UNSET, Unset

T = TypeVar("T", bound="DeleteAppointmentWithTripRequest")


@_attrs_define
class DeleteAppointmentWithTripRequest:
    """Body of delete appointment with trip. `requesterUuid` is required unless `source` is `WEB`;
    `dealerDepartmentUUIDList[0]` is the department used (D-A3); `dealerUuid`, when sent and not blank, must
    equal the path's (D-CONSISTENCY).

        Attributes:
            trip_uuid (str): Trip to delete (the `eventUUID` of the create).
            appointment_uuid (str): Appointment to delete; the trip must be linked to it.
            dealer_department_uuid_list (list[str]): The first entry is the department used and must be a department of the
                path dealer; the rest are ignored (D-A3, D-CONSISTENCY).
            updated_by_dauuid (str): Dealer associate performing the deletion; an associate of the path dealer
                (D-CONSISTENCY).
            updated_by_dept_uuid (str): That associate's department; a department of the path dealer (D-CONSISTENCY).
            requester_uuid (None | str | Unset): User making the request; required unless `source` is `WEB`; when sent, an
                associate of the path dealer (D-CONSISTENCY).
            dealer_uuid (None | str | Unset): Informational; when sent and not blank, must equal the path's `dealerUuid`
                (D-CONSISTENCY).
            source (TripRequestSource | Unset): Origin of a trip request. `WEB` relaxes two checks:
                `assignedByDealerAssociateUUID` (create/update) and
                `requesterUuid` (delete) become optional.
    """

    trip_uuid: str
    appointment_uuid: str
    dealer_department_uuid_list: list[str]
    updated_by_dauuid: str
    updated_by_dept_uuid: str
    requester_uuid: None | str | Unset = UNSET
    dealer_uuid: None | str | Unset = UNSET
    source: TripRequestSource | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        trip_uuid = self.trip_uuid

        appointment_uuid = self.appointment_uuid

        dealer_department_uuid_list = self.dealer_department_uuid_list

        updated_by_dauuid = self.updated_by_dauuid

        updated_by_dept_uuid = self.updated_by_dept_uuid

        requester_uuid: None | str | Unset
        if isinstance(self.requester_uuid, Unset):
            requester_uuid = UNSET
        else:
            requester_uuid = self.requester_uuid

        dealer_uuid: None | str | Unset
        if isinstance(self.dealer_uuid, Unset):
            dealer_uuid = UNSET
        else:
            dealer_uuid = self.dealer_uuid

        source: str | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "tripUuid": trip_uuid,
                "appointmentUuid": appointment_uuid,
                "dealerDepartmentUUIDList": dealer_department_uuid_list,
                "updatedByDAUUID": updated_by_dauuid,
                "updatedByDeptUUID": updated_by_dept_uuid,
            }
        )
        if requester_uuid is not UNSET:
            field_dict["requesterUuid"] = requester_uuid
        if dealer_uuid is not UNSET:
            field_dict["dealerUuid"] = dealer_uuid
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        trip_uuid = d.pop("tripUuid")

        appointment_uuid = d.pop("appointmentUuid")

        dealer_department_uuid_list = cast(list[str], d.pop("dealerDepartmentUUIDList"))

        updated_by_dauuid = d.pop("updatedByDAUUID")

        updated_by_dept_uuid = d.pop("updatedByDeptUUID")

        def _parse_requester_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        requester_uuid = _parse_requester_uuid(d.pop("requesterUuid", UNSET))

        def _parse_dealer_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dealer_uuid = _parse_dealer_uuid(d.pop("dealerUuid", UNSET))

        _source = d.pop("source", UNSET)
        source: TripRequestSource | Unset
        if isinstance(_source, Unset):
            source = UNSET
        else:
            source = TripRequestSource(_source)

        delete_appointment_with_trip_request = cls(
            trip_uuid=trip_uuid,
            appointment_uuid=appointment_uuid,
            dealer_department_uuid_list=dealer_department_uuid_list,
            updated_by_dauuid=updated_by_dauuid,
            updated_by_dept_uuid=updated_by_dept_uuid,
            requester_uuid=requester_uuid,
            dealer_uuid=dealer_uuid,
            source=source,
        )

        return delete_appointment_with_trip_request
