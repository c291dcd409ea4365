# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address import Address
    from ..models.best_time_to_contact import BestTimeToContact
    from ..models.email import Email
    from ..models.phone import Phone


T = TypeVar("T", bound="CustomerRead")


@_attrs_define
class CustomerRead:
    """A stored customer as the read and search operations return it.

    Attributes:
        customer_uuid (str): myKaarma identifier of the customer.
        id (int | Unset): Internal numeric id.
        customer_key (None | str | Unset): DMS key.
        first_name (None | str | Unset):
        middle_name (None | str | Unset): Middle name (read-only; not part of the input model).
        last_name (None | str | Unset):
        company (None | str | Unset):
        preferred_locale (None | str | Unset): Stored locale (`en-us` or `fr-ca` when set through this API).
        emails (list[Email] | Unset):
        phone_numbers (list[Phone] | Unset):
        preferred_communication (None | str | Unset): Stored channel (`text`, `phone` or `email` when set through this
            API).
        best_time_to_contact (BestTimeToContact | None | Unset):
        addresses (list[Address] | Unset):
        availability (int | None | Unset): Listed by the vendor without a meaning.
        is_business (bool | Unset):
        customer_id (str | Unset): Internal numeric id, as a string.
    """

    customer_uuid: str
    id: int | Unset = UNSET
    customer_key: None | str | Unset = UNSET
    first_name: None | str | Unset = UNSET
    middle_name: None | str | Unset = UNSET
    last_name: None | str | Unset = UNSET
    company: None | str | Unset = UNSET
    preferred_locale: None | str | Unset = UNSET
    emails: list[Email] | Unset = UNSET
    phone_numbers: list[Phone] | Unset = UNSET
    preferred_communication: None | str | Unset = UNSET
    best_time_to_contact: BestTimeToContact | None | Unset = UNSET
    addresses: list[Address] | Unset = UNSET
    availability: int | None | Unset = UNSET
    is_business: bool | Unset = UNSET
    customer_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.best_time_to_contact import BestTimeToContact  # noqa: PLC0415

        customer_uuid = self.customer_uuid

        id = self.id

        customer_key: None | str | Unset
        if isinstance(self.customer_key, Unset):
            customer_key = UNSET
        else:
            customer_key = self.customer_key

        first_name: None | str | Unset
        if isinstance(self.first_name, Unset):
            first_name = UNSET
        else:
            first_name = self.first_name

        middle_name: None | str | Unset
        if isinstance(self.middle_name, Unset):
            middle_name = UNSET
        else:
            middle_name = self.middle_name

        last_name: None | str | Unset
        if isinstance(self.last_name, Unset):
            last_name = UNSET
        else:
            last_name = self.last_name

        company: None | str | Unset
        if isinstance(self.company, Unset):
            company = UNSET
        else:
            company = self.company

        preferred_locale: None | str | Unset
        if isinstance(self.preferred_locale, Unset):
            preferred_locale = UNSET
        else:
            preferred_locale = self.preferred_locale

        emails: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.emails, Unset):
            emails = []
            for emails_item_data in self.emails:
                emails_item = emails_item_data.to_dict()
                emails.append(emails_item)

        phone_numbers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.phone_numbers, Unset):
            phone_numbers = []
            for phone_numbers_item_data in self.phone_numbers:
                phone_numbers_item = phone_numbers_item_data.to_dict()
                phone_numbers.append(phone_numbers_item)

        preferred_communication: None | str | Unset
        if isinstance(self.preferred_communication, Unset):
            preferred_communication = UNSET
        else:
            preferred_communication = self.preferred_communication

        best_time_to_contact: dict[str, Any] | None | Unset
        if isinstance(self.best_time_to_contact, Unset):
            best_time_to_contact = UNSET
        elif isinstance(self.best_time_to_contact, BestTimeToContact):
            best_time_to_contact = self.best_time_to_contact.to_dict()
        else:
            best_time_to_contact = self.best_time_to_contact

        addresses: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.addresses, Unset):
            addresses = []
            for addresses_item_data in self.addresses:
                addresses_item = addresses_item_data.to_dict()
                addresses.append(addresses_item)

        availability: int | None | Unset
        if isinstance(self.availability, Unset):
            availability = UNSET
        else:
            availability = self.availability

        is_business = self.is_business

        customer_id = self.customer_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customerUuid": customer_uuid,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if customer_key is not UNSET:
            field_dict["customerKey"] = customer_key
        if first_name is not UNSET:
            field_dict["firstName"] = first_name
        if middle_name is not UNSET:
            field_dict["middleName"] = middle_name
        if last_name is not UNSET:
            field_dict["lastName"] = last_name
        if company is not UNSET:
            field_dict["company"] = company
        if preferred_locale is not UNSET:
            field_dict["preferredLocale"] = preferred_locale
        if emails is not UNSET:
            field_dict["emails"] = emails
        if phone_numbers is not UNSET:
            field_dict["phoneNumbers"] = phone_numbers
        if preferred_communication is not UNSET:
            field_dict["preferredCommunication"] = preferred_communication
        if best_time_to_contact is not UNSET:
            field_dict["bestTimeToContact"] = best_time_to_contact
        if addresses is not UNSET:
            field_dict["addresses"] = addresses
        if availability is not UNSET:
            field_dict["availability"] = availability
        if is_business is not UNSET:
            field_dict["isBusiness"] = is_business
        if customer_id is not UNSET:
            field_dict["customerId"] = customer_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.best_time_to_contact import BestTimeToContact  # noqa: PLC0415
        from ..models.email import Email  # noqa: PLC0415
        from ..models.phone import Phone  # noqa: PLC0415

        d = dict(src_dict)
        customer_uuid = d.pop("customerUuid")

        id = d.pop("id", UNSET)

        def _parse_customer_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_key = _parse_customer_key(d.pop("customerKey", UNSET))

        def _parse_first_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        first_name = _parse_first_name(d.pop("firstName", UNSET))

        def _parse_middle_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        middle_name = _parse_middle_name(d.pop("middleName", UNSET))

        def _parse_last_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_name = _parse_last_name(d.pop("lastName", UNSET))

        def _parse_company(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        company = _parse_company(d.pop("company", UNSET))

        def _parse_preferred_locale(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        preferred_locale = _parse_preferred_locale(d.pop("preferredLocale", UNSET))

        _emails = d.pop("emails", UNSET)
        emails: list[Email] | Unset = UNSET
        if _emails is not UNSET:
            emails = []
            for emails_item_data in _emails:
                emails_item = Email.from_dict(emails_item_data)

                emails.append(emails_item)

        _phone_numbers = d.pop("phoneNumbers", UNSET)
        phone_numbers: list[Phone] | Unset = UNSET
        if _phone_numbers is not UNSET:
            phone_numbers = []
            for phone_numbers_item_data in _phone_numbers:
                phone_numbers_item = Phone.from_dict(phone_numbers_item_data)

                phone_numbers.append(phone_numbers_item)

        def _parse_preferred_communication(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        preferred_communication = _parse_preferred_communication(d.pop("preferredCommunication", UNSET))

        def _parse_best_time_to_contact(data: object) -> BestTimeToContact | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                best_time_to_contact_type_0 = BestTimeToContact.from_dict(data)

                return best_time_to_contact_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BestTimeToContact | None | Unset, data)

        best_time_to_contact = _parse_best_time_to_contact(d.pop("bestTimeToContact", UNSET))

        _addresses = d.pop("addresses", UNSET)
        addresses: list[Address] | Unset = UNSET
        if _addresses is not UNSET:
            addresses = []
            for addresses_item_data in _addresses:
                addresses_item = Address.from_dict(addresses_item_data)

                addresses.append(addresses_item)

        def _parse_availability(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        availability = _parse_availability(d.pop("availability", UNSET))

        is_business = d.pop("isBusiness", UNSET)

        customer_id = d.pop("customerId", UNSET)

        customer_read = cls(
            customer_uuid=customer_uuid,
            id=id,
            customer_key=customer_key,
            first_name=first_name,
            middle_name=middle_name,
            last_name=last_name,
            company=company,
            preferred_locale=preferred_locale,
            emails=emails,
            phone_numbers=phone_numbers,
            preferred_communication=preferred_communication,
            best_time_to_contact=best_time_to_contact,
            addresses=addresses,
            availability=availability,
            is_business=is_business,
            customer_id=customer_id,
        )

        customer_read.additional_properties = d
        return customer_read

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
