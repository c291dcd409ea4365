# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.preferred_communication import PreferredCommunication
from ..models.preferred_locale import PreferredLocale
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address_input import AddressInput
    from ..models.best_time_to_contact import BestTimeToContact
    from ..models.email import Email
    from ..models.phone import Phone


T = TypeVar("T", bound="CustomerInput")


@_attrs_define
class CustomerInput:
    """Customer attributes sent on create and update. `firstName` and `lastName` are required unless `isBusiness`
    is true and `company` is given; `company` is required when `isBusiness` is true (D-NAMES). Blank strings
    count as missing. On update, `phoneNumbers` and `emails` replace the stored lists (absent, null or empty
    deletes them all, with warnings 10005/10006); `addresses` replaces the stored list when present
    (D-LIST-REPLACEMENT).

        Attributes:
            customer_key (None | str | Unset): DMS key of the customer; unique within the department (D-CUSTOMER-KEY).
            first_name (None | str | Unset): First name.
            last_name (None | str | Unset): Last name.
            company (None | str | Unset): Company name, for business customers.
            is_business (bool | Unset): True for company or fleet customers. Default: False.
            best_time_to_contact (BestTimeToContact | Unset): Time window in which the customer prefers to be contacted
                (free text; the vendor gives no format).
            preferred_communication (PreferredCommunication | Unset): Channel the customer prefers, lower-case as
                documented.
            preferred_locale (PreferredLocale | Unset): Customer's language, `en-us` (English) or `fr-ca` (French).
            customer_uuid (None | str | Unset): myKaarma identifier; on update the path's `customerUuid` wins, on create it
                is ignored.
            addresses (list[AddressInput] | None | Unset):
            emails (list[Email | None] | None | Unset): E-mail addresses; null entries are dropped with warning 10009.
            phone_numbers (list[None | Phone] | None | Unset): Phone numbers; null entries are dropped with warning 10010.
    """

    customer_key: None | str | Unset = UNSET
    first_name: None | str | Unset = UNSET
    last_name: None | str | Unset = UNSET
    company: None | str | Unset = UNSET
    is_business: bool | Unset = False
    best_time_to_contact: BestTimeToContact | Unset = UNSET
    preferred_communication: PreferredCommunication | Unset = UNSET
    preferred_locale: PreferredLocale | Unset = UNSET
    customer_uuid: None | str | Unset = UNSET
    addresses: list[AddressInput] | None | Unset = UNSET
    emails: list[Email | None] | None | Unset = UNSET
    phone_numbers: list[None | Phone] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.email import Email  # noqa: PLC0415
        from ..models.phone import Phone  # noqa: PLC0415

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

        is_business = self.is_business

        best_time_to_contact: dict[str, Any] | Unset = UNSET
        if not isinstance(self.best_time_to_contact, Unset):
            best_time_to_contact = self.best_time_to_contact.to_dict()

        preferred_communication: str | Unset = UNSET
        if not isinstance(self.preferred_communication, Unset):
            preferred_communication = self.preferred_communication.value

        preferred_locale: str | Unset = UNSET
        if not isinstance(self.preferred_locale, Unset):
            preferred_locale = self.preferred_locale.value

        customer_uuid: None | str | Unset
        if isinstance(self.customer_uuid, Unset):
            customer_uuid = UNSET
        else:
            customer_uuid = self.customer_uuid

        addresses: list[dict[str, Any]] | None | Unset
        if isinstance(self.addresses, Unset):
            addresses = UNSET
        elif isinstance(self.addresses, list):
            addresses = []
            for addresses_type_0_item_data in self.addresses:
                addresses_type_0_item = addresses_type_0_item_data.to_dict()
                addresses.append(addresses_type_0_item)

        else:
            addresses = self.addresses

        emails: list[dict[str, Any] | None] | None | Unset
        if isinstance(self.emails, Unset):
            emails = UNSET
        elif isinstance(self.emails, list):
            emails = []
            for emails_type_0_item_data in self.emails:
                emails_type_0_item: dict[str, Any] | None
                if isinstance(emails_type_0_item_data, Email):
                    emails_type_0_item = emails_type_0_item_data.to_dict()
                else:
                    emails_type_0_item = emails_type_0_item_data
                emails.append(emails_type_0_item)

        else:
            emails = self.emails

        phone_numbers: list[dict[str, Any] | None] | None | Unset
        if isinstance(self.phone_numbers, Unset):
            phone_numbers = UNSET
        elif isinstance(self.phone_numbers, list):
            phone_numbers = []
            for phone_numbers_type_0_item_data in self.phone_numbers:
                phone_numbers_type_0_item: dict[str, Any] | None
                if isinstance(phone_numbers_type_0_item_data, Phone):
                    phone_numbers_type_0_item = phone_numbers_type_0_item_data.to_dict()
                else:
                    phone_numbers_type_0_item = phone_numbers_type_0_item_data
                phone_numbers.append(phone_numbers_type_0_item)

        else:
            phone_numbers = self.phone_numbers

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if customer_key is not UNSET:
            field_dict["customerKey"] = customer_key
        if first_name is not UNSET:
            field_dict["firstName"] = first_name
        if last_name is not UNSET:
            field_dict["lastName"] = last_name
        if company is not UNSET:
            field_dict["company"] = company
        if is_business is not UNSET:
            field_dict["isBusiness"] = is_business
        if best_time_to_contact is not UNSET:
            field_dict["bestTimeToContact"] = best_time_to_contact
        if preferred_communication is not UNSET:
            field_dict["preferredCommunication"] = preferred_communication
        if preferred_locale is not UNSET:
            field_dict["preferredLocale"] = preferred_locale
        if customer_uuid is not UNSET:
            field_dict["customerUuid"] = customer_uuid
        if addresses is not UNSET:
            field_dict["addresses"] = addresses
        if emails is not UNSET:
            field_dict["emails"] = emails
        if phone_numbers is not UNSET:
            field_dict["phoneNumbers"] = phone_numbers

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address_input import AddressInput  # noqa: PLC0415
        from ..models.best_time_to_contact import BestTimeToContact  # noqa: PLC0415
        from ..models.email import Email  # noqa: PLC0415
        from ..models.phone import Phone  # noqa: PLC0415

        d = dict(src_dict)

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

        is_business = d.pop("isBusiness", UNSET)

        _best_time_to_contact = d.pop("bestTimeToContact", UNSET)
        best_time_to_contact: BestTimeToContact | Unset
        if isinstance(_best_time_to_contact, Unset):
            best_time_to_contact = UNSET
        else:
            best_time_to_contact = BestTimeToContact.from_dict(_best_time_to_contact)

        _preferred_communication = d.pop("preferredCommunication", UNSET)
        preferred_communication: PreferredCommunication | Unset
        if isinstance(_preferred_communication, Unset):
            preferred_communication = UNSET
        else:
            preferred_communication = PreferredCommunication(_preferred_communication)

        _preferred_locale = d.pop("preferredLocale", UNSET)
        preferred_locale: PreferredLocale | Unset
        if isinstance(_preferred_locale, Unset):
            preferred_locale = UNSET
        else:
            preferred_locale = PreferredLocale(_preferred_locale)

        def _parse_customer_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_uuid = _parse_customer_uuid(d.pop("customerUuid", UNSET))

        def _parse_addresses(data: object) -> list[AddressInput] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                addresses_type_0 = []
                _addresses_type_0 = data
                for addresses_type_0_item_data in _addresses_type_0:
                    addresses_type_0_item = AddressInput.from_dict(addresses_type_0_item_data)

                    addresses_type_0.append(addresses_type_0_item)

                return addresses_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AddressInput] | None | Unset, data)

        addresses = _parse_addresses(d.pop("addresses", UNSET))

        def _parse_emails(data: object) -> list[Email | None] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                emails_type_0 = []
                _emails_type_0 = data
                for emails_type_0_item_data in _emails_type_0:

                    def _parse_emails_type_0_item(data: object) -> Email | None:
                        if data is None:
                            return data
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            emails_type_0_item_type_0 = Email.from_dict(data)

                            return emails_type_0_item_type_0
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        return cast(Email | None, data)

                    emails_type_0_item = _parse_emails_type_0_item(emails_type_0_item_data)

                    emails_type_0.append(emails_type_0_item)

                return emails_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Email | None] | None | Unset, data)

        emails = _parse_emails(d.pop("emails", UNSET))

        def _parse_phone_numbers(data: object) -> list[None | Phone] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                phone_numbers_type_0 = []
                _phone_numbers_type_0 = data
                for phone_numbers_type_0_item_data in _phone_numbers_type_0:

                    def _parse_phone_numbers_type_0_item(data: object) -> None | Phone:
                        if data is None:
                            return data
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            phone_numbers_type_0_item_type_0 = Phone.from_dict(data)

                            return phone_numbers_type_0_item_type_0
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        return cast(None | Phone, data)

                    phone_numbers_type_0_item = _parse_phone_numbers_type_0_item(
                        phone_numbers_type_0_item_data
                    )

                    phone_numbers_type_0.append(phone_numbers_type_0_item)

                return phone_numbers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[None | Phone] | None | Unset, data)

        phone_numbers = _parse_phone_numbers(d.pop("phoneNumbers", UNSET))

        customer_input = cls(
            customer_key=customer_key,
            first_name=first_name,
            last_name=last_name,
            company=company,
            is_business=is_business,
            best_time_to_contact=best_time_to_contact,
            preferred_communication=preferred_communication,
            preferred_locale=preferred_locale,
            customer_uuid=customer_uuid,
            addresses=addresses,
            emails=emails,
            phone_numbers=phone_numbers,
        )

        return customer_input
