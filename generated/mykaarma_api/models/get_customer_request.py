# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="GetCustomerRequest")


@_attrs_define
class GetCustomerRequest:
    """Body of the legacy read: the requesting user and the dealers to look in. Both are required; the customer
    is found only within the listed dealers the account has `customer.search` for (D-GETCUSTOMER, D-SCOPE).

        Attributes:
            requester_user_uuid (str): User on whose behalf the read is made.
            dealer_uuid_list (list[str]): Dealers to look for the customer in.
    """

    requester_user_uuid: str
    dealer_uuid_list: list[str]

    def to_dict(self) -> dict[str, Any]:
        requester_user_uuid = self.requester_user_uuid

        dealer_uuid_list = self.dealer_uuid_list

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "requesterUserUUID": requester_user_uuid,
                "dealerUUIDList": dealer_uuid_list,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        requester_user_uuid = d.pop("requesterUserUUID")

        dealer_uuid_list = cast(list[str], d.pop("dealerUUIDList"))

        get_customer_request = cls(
            requester_user_uuid=requester_user_uuid,
            dealer_uuid_list=dealer_uuid_list,
        )

        return get_customer_request
