# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AppointmentInformationForTripCreate")


@_attrs_define
class AppointmentInformationForTripCreate:
    """Appointment details of a create. The start is one combined local date-time (no offset, dealer-local);
    the end defaults to the start's 30-minute slot (D-END-TIME, D-TIME).

        Attributes:
            appointment_start_date_time (str): Start, `yyyy-MM-dd'T'HH:mm:ss`, dealer-local; a real calendar date, year
                0001-9999 (D-TIME).
            appointment_end_date_time (None | str | Unset): End, `yyyy-MM-dd'T'HH:mm:ss`; after the start. Omit to use the
                30-minute slot.
            user_uuid (None | str | Unset): Assigned advisor; when sent, an associate of the path dealer (D-CONSISTENCY).
            comments (None | str | Unset):
            internal_notes (None | str | Unset): Notes for dealership staff only.
            alt_transportation (None | str | Unset):
            source (None | str | Unset): Free-text origin of the appointment (values undocumented).
    """

    appointment_start_date_time: str
    appointment_end_date_time: None | str | Unset = UNSET
    user_uuid: None | str | Unset = UNSET
    comments: None | str | Unset = UNSET
    internal_notes: None | str | Unset = UNSET
    alt_transportation: None | str | Unset = UNSET
    source: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        appointment_start_date_time = self.appointment_start_date_time

        appointment_end_date_time: None | str | Unset
        if isinstance(self.appointment_end_date_time, Unset):
            appointment_end_date_time = UNSET
        else:
            appointment_end_date_time = self.appointment_end_date_time

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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "appointmentStartDateTime": appointment_start_date_time,
            }
        )
        if appointment_end_date_time is not UNSET:
            field_dict["appointmentEndDateTime"] = appointment_end_date_time
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        appointment_start_date_time = d.pop("appointmentStartDateTime")

        def _parse_appointment_end_date_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        appointment_end_date_time = _parse_appointment_end_date_time(d.pop("appointmentEndDateTime", UNSET))

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

        appointment_information_for_trip_create = cls(
            appointment_start_date_time=appointment_start_date_time,
            appointment_end_date_time=appointment_end_date_time,
            user_uuid=user_uuid,
            comments=comments,
            internal_notes=internal_notes,
            alt_transportation=alt_transportation,
            source=source,
        )

        return appointment_information_for_trip_create
