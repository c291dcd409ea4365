# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dealer_order_transaction import DealerOrderTransaction


T = TypeVar("T", bound="DealerOrderInfo")


@_attrs_define
class DealerOrderInfo:
    """A repair order of the customer (legacy snake-case field names, as the vendor spells them).

    Attributes:
        dealer_order_id (int | Unset):
        dealer_id (int | Unset):
        customer_id (int | Unset):
        dealerassociate_id (int | Unset):
        vehicle_id (int | Unset):
        order_number (None | str | Unset):
        order_type (None | str | Unset):
        order_date (None | str | Unset):
        order_amount (float | Unset):
        order_status (None | str | Unset):
        description (None | str | Unset):
        created_date (None | str | Unset):
        close_date (None | str | Unset):
        dealer_order_uuid (str | Unset):
        tag_or_hat (None | str | Unset):
        dealer_order_status_filter (list[str] | Unset):
        updated_date (None | str | Unset):
        transactions (list[DealerOrderTransaction] | Unset):
        customer_uuid (None | str | Unset):
        vehicle_uuid (None | str | Unset):
        dealer_associate_uuid (None | str | Unset):
    """

    dealer_order_id: int | Unset = UNSET
    dealer_id: int | Unset = UNSET
    customer_id: int | Unset = UNSET
    dealerassociate_id: int | Unset = UNSET
    vehicle_id: int | Unset = UNSET
    order_number: None | str | Unset = UNSET
    order_type: None | str | Unset = UNSET
    order_date: None | str | Unset = UNSET
    order_amount: float | Unset = UNSET
    order_status: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    created_date: None | str | Unset = UNSET
    close_date: None | str | Unset = UNSET
    dealer_order_uuid: str | Unset = UNSET
    tag_or_hat: None | str | Unset = UNSET
    dealer_order_status_filter: list[str] | Unset = UNSET
    updated_date: None | str | Unset = UNSET
    transactions: list[DealerOrderTransaction] | Unset = UNSET
    customer_uuid: None | str | Unset = UNSET
    vehicle_uuid: None | str | Unset = UNSET
    dealer_associate_uuid: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dealer_order_id = self.dealer_order_id

        dealer_id = self.dealer_id

        customer_id = self.customer_id

        dealerassociate_id = self.dealerassociate_id

        vehicle_id = self.vehicle_id

        order_number: None | str | Unset
        if isinstance(self.order_number, Unset):
            order_number = UNSET
        else:
            order_number = self.order_number

        order_type: None | str | Unset
        if isinstance(self.order_type, Unset):
            order_type = UNSET
        else:
            order_type = self.order_type

        order_date: None | str | Unset
        if isinstance(self.order_date, Unset):
            order_date = UNSET
        else:
            order_date = self.order_date

        order_amount = self.order_amount

        order_status: None | str | Unset
        if isinstance(self.order_status, Unset):
            order_status = UNSET
        else:
            order_status = self.order_status

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        created_date: None | str | Unset
        if isinstance(self.created_date, Unset):
            created_date = UNSET
        else:
            created_date = self.created_date

        close_date: None | str | Unset
        if isinstance(self.close_date, Unset):
            close_date = UNSET
        else:
            close_date = self.close_date

        dealer_order_uuid = self.dealer_order_uuid

        tag_or_hat: None | str | Unset
        if isinstance(self.tag_or_hat, Unset):
            tag_or_hat = UNSET
        else:
            tag_or_hat = self.tag_or_hat

        dealer_order_status_filter: list[str] | Unset = UNSET
        if not isinstance(self.dealer_order_status_filter, Unset):
            dealer_order_status_filter = self.dealer_order_status_filter

        updated_date: None | str | Unset
        if isinstance(self.updated_date, Unset):
            updated_date = UNSET
        else:
            updated_date = self.updated_date

        transactions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.transactions, Unset):
            transactions = []
            for transactions_item_data in self.transactions:
                transactions_item = transactions_item_data.to_dict()
                transactions.append(transactions_item)

        customer_uuid: None | str | Unset
        if isinstance(self.customer_uuid, Unset):
            customer_uuid = UNSET
        else:
            customer_uuid = self.customer_uuid

        vehicle_uuid: None | str | Unset
        if isinstance(self.vehicle_uuid, Unset):
            vehicle_uuid = UNSET
        else:
            vehicle_uuid = self.vehicle_uuid

        dealer_associate_uuid: None | str | Unset
        if isinstance(self.dealer_associate_uuid, Unset):
            dealer_associate_uuid = UNSET
        else:
            dealer_associate_uuid = self.dealer_associate_uuid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if dealer_order_id is not UNSET:
            field_dict["dealerOrder_id"] = dealer_order_id
        if dealer_id is not UNSET:
            field_dict["dealer_id"] = dealer_id
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if dealerassociate_id is not UNSET:
            field_dict["dealerassociate_id"] = dealerassociate_id
        if vehicle_id is not UNSET:
            field_dict["vehicle_id"] = vehicle_id
        if order_number is not UNSET:
            field_dict["order_number"] = order_number
        if order_type is not UNSET:
            field_dict["order_type"] = order_type
        if order_date is not UNSET:
            field_dict["order_date"] = order_date
        if order_amount is not UNSET:
            field_dict["order_amount"] = order_amount
        if order_status is not UNSET:
            field_dict["order_status"] = order_status
        if description is not UNSET:
            field_dict["description"] = description
        if created_date is not UNSET:
            field_dict["created_date"] = created_date
        if close_date is not UNSET:
            field_dict["close_date"] = close_date
        if dealer_order_uuid is not UNSET:
            field_dict["dealerOrder_uuid"] = dealer_order_uuid
        if tag_or_hat is not UNSET:
            field_dict["tag_or_hat"] = tag_or_hat
        if dealer_order_status_filter is not UNSET:
            field_dict["dealerOrderStatusFilter"] = dealer_order_status_filter
        if updated_date is not UNSET:
            field_dict["updated_date"] = updated_date
        if transactions is not UNSET:
            field_dict["transactions"] = transactions
        if customer_uuid is not UNSET:
            field_dict["customer_uuid"] = customer_uuid
        if vehicle_uuid is not UNSET:
            field_dict["vehicle_uuid"] = vehicle_uuid
        if dealer_associate_uuid is not UNSET:
            field_dict["dealerAssociate_uuid"] = dealer_associate_uuid

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dealer_order_transaction import DealerOrderTransaction  # noqa: PLC0415

        d = dict(src_dict)
        dealer_order_id = d.pop("dealerOrder_id", UNSET)

        dealer_id = d.pop("dealer_id", UNSET)

        customer_id = d.pop("customer_id", UNSET)

        dealerassociate_id = d.pop("dealerassociate_id", UNSET)

        vehicle_id = d.pop("vehicle_id", UNSET)

        def _parse_order_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        order_number = _parse_order_number(d.pop("order_number", UNSET))

        def _parse_order_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        order_type = _parse_order_type(d.pop("order_type", UNSET))

        def _parse_order_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        order_date = _parse_order_date(d.pop("order_date", UNSET))

        order_amount = d.pop("order_amount", UNSET)

        def _parse_order_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        order_status = _parse_order_status(d.pop("order_status", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_created_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_date = _parse_created_date(d.pop("created_date", UNSET))

        def _parse_close_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        close_date = _parse_close_date(d.pop("close_date", UNSET))

        dealer_order_uuid = d.pop("dealerOrder_uuid", UNSET)

        def _parse_tag_or_hat(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        tag_or_hat = _parse_tag_or_hat(d.pop("tag_or_hat", UNSET))

        dealer_order_status_filter = cast(list[str], d.pop("dealerOrderStatusFilter", UNSET))

        def _parse_updated_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        updated_date = _parse_updated_date(d.pop("updated_date", UNSET))

        _transactions = d.pop("transactions", UNSET)
        transactions: list[DealerOrderTransaction] | Unset = UNSET
        if _transactions is not UNSET:
            transactions = []
            for transactions_item_data in _transactions:
                transactions_item = DealerOrderTransaction.from_dict(transactions_item_data)

                transactions.append(transactions_item)

        def _parse_customer_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_uuid = _parse_customer_uuid(d.pop("customer_uuid", UNSET))

        def _parse_vehicle_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vehicle_uuid = _parse_vehicle_uuid(d.pop("vehicle_uuid", UNSET))

        def _parse_dealer_associate_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dealer_associate_uuid = _parse_dealer_associate_uuid(d.pop("dealerAssociate_uuid", UNSET))

        dealer_order_info = cls(
            dealer_order_id=dealer_order_id,
            dealer_id=dealer_id,
            customer_id=customer_id,
            dealerassociate_id=dealerassociate_id,
            vehicle_id=vehicle_id,
            order_number=order_number,
            order_type=order_type,
            order_date=order_date,
            order_amount=order_amount,
            order_status=order_status,
            description=description,
            created_date=created_date,
            close_date=close_date,
            dealer_order_uuid=dealer_order_uuid,
            tag_or_hat=tag_or_hat,
            dealer_order_status_filter=dealer_order_status_filter,
            updated_date=updated_date,
            transactions=transactions,
            customer_uuid=customer_uuid,
            vehicle_uuid=vehicle_uuid,
            dealer_associate_uuid=dealer_associate_uuid,
        )

        dealer_order_info.additional_properties = d
        return dealer_order_info

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
