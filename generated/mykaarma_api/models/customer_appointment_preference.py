# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomerAppointmentPreference")


@_attrs_define
class CustomerAppointmentPreference:
    """How the customer is told about the appointment.

    Attributes:
        email_confirmation (bool | Unset):
        text_confirmation (bool | Unset):
        email_reminder (bool | Unset):
        text_reminder (bool | Unset):
        notify_customer (bool | Unset):
        send_communication_to_da (bool | Unset): Also send the communications to the dealer associate.
        confirmation_email (None | str | Unset): Address for the confirmation e-mail.
        confirmation_phone_number (None | str | Unset): Number for the confirmation text, E.164 (`+1…`).
    """

    email_confirmation: bool | Unset = UNSET
    text_confirmation: bool | Unset = UNSET
    email_reminder: bool | Unset = UNSET
    text_reminder: bool | Unset = UNSET
    notify_customer: bool | Unset = UNSET
    send_communication_to_da: bool | Unset = UNSET
    confirmation_email: None | str | Unset = UNSET
    confirmation_phone_number: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        email_confirmation = self.email_confirmation

        text_confirmation = self.text_confirmation

        email_reminder = self.email_reminder

        text_reminder = self.text_reminder

        notify_customer = self.notify_customer

        send_communication_to_da = self.send_communication_to_da

        confirmation_email: None | str | Unset
        if isinstance(self.confirmation_email, Unset):
            confirmation_email = UNSET
        else:
            confirmation_email = self.confirmation_email

        confirmation_phone_number: None | str | Unset
        if isinstance(self.confirmation_phone_number, Unset):
            confirmation_phone_number = UNSET
        else:
            confirmation_phone_number = self.confirmation_phone_number

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if email_confirmation is not UNSET:
            field_dict["emailConfirmation"] = email_confirmation
        if text_confirmation is not UNSET:
            field_dict["textConfirmation"] = text_confirmation
        if email_reminder is not UNSET:
            field_dict["emailReminder"] = email_reminder
        if text_reminder is not UNSET:
            field_dict["textReminder"] = text_reminder
        if notify_customer is not UNSET:
            field_dict["notifyCustomer"] = notify_customer
        if send_communication_to_da is not UNSET:
            field_dict["sendCommunicationToDA"] = send_communication_to_da
        if confirmation_email is not UNSET:
            field_dict["confirmationEmail"] = confirmation_email
        if confirmation_phone_number is not UNSET:
            field_dict["confirmationPhoneNumber"] = confirmation_phone_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email_confirmation = d.pop("emailConfirmation", UNSET)

        text_confirmation = d.pop("textConfirmation", UNSET)

        email_reminder = d.pop("emailReminder", UNSET)

        text_reminder = d.pop("textReminder", UNSET)

        notify_customer = d.pop("notifyCustomer", UNSET)

        send_communication_to_da = d.pop("sendCommunicationToDA", UNSET)

        def _parse_confirmation_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        confirmation_email = _parse_confirmation_email(d.pop("confirmationEmail", UNSET))

        def _parse_confirmation_phone_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        confirmation_phone_number = _parse_confirmation_phone_number(d.pop("confirmationPhoneNumber", UNSET))

        customer_appointment_preference = cls(
            email_confirmation=email_confirmation,
            text_confirmation=text_confirmation,
            email_reminder=email_reminder,
            text_reminder=text_reminder,
            notify_customer=notify_customer,
            send_communication_to_da=send_communication_to_da,
            confirmation_email=confirmation_email,
            confirmation_phone_number=confirmation_phone_number,
        )

        return customer_appointment_preference
