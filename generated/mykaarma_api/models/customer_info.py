# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.customer_communication import CustomerCommunication
    from ..models.customer_info_vehicle import CustomerInfoVehicle
    from ..models.secondary_customer_data import SecondaryCustomerData


T = TypeVar("T", bound="CustomerInfo")


@_attrs_define
class CustomerInfo:
    """The customer in the legacy shape of `getCustomer` (`fname`/`lname`, one `communications` list).

    Attributes:
        uuid (str): myKaarma identifier of the customer.
        id (int | Unset):
        fname (None | str | Unset):
        lname (None | str | Unset):
        customer_key (None | str | Unset):
        company (None | str | Unset):
        dealer_id (int | Unset):
        communications (list[CustomerCommunication] | Unset):
        vehicles (list[CustomerInfoVehicle] | Unset):
        secondary_customer_data (list[SecondaryCustomerData] | Unset):
    """

    uuid: str
    id: int | Unset = UNSET
    fname: None | str | Unset = UNSET
    lname: None | str | Unset = UNSET
    customer_key: None | str | Unset = UNSET
    company: None | str | Unset = UNSET
    dealer_id: int | Unset = UNSET
    communications: list[CustomerCommunication] | Unset = UNSET
    vehicles: list[CustomerInfoVehicle] | Unset = UNSET
    secondary_customer_data: list[SecondaryCustomerData] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uuid = self.uuid

        id = self.id

        fname: None | str | Unset
        if isinstance(self.fname, Unset):
            fname = UNSET
        else:
            fname = self.fname

        lname: None | str | Unset
        if isinstance(self.lname, Unset):
            lname = UNSET
        else:
            lname = self.lname

        customer_key: None | str | Unset
        if isinstance(self.customer_key, Unset):
            customer_key = UNSET
        else:
            customer_key = self.customer_key

        company: None | str | Unset
        if isinstance(self.company, Unset):
            company = UNSET
        else:
            company = self.company

        dealer_id = self.dealer_id

        communications: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.communications, Unset):
            communications = []
            for communications_item_data in self.communications:
                communications_item = communications_item_data.to_dict()
                communications.append(communications_item)

        vehicles: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.vehicles, Unset):
            vehicles = []
            for vehicles_item_data in self.vehicles:
                vehicles_item = vehicles_item_data.to_dict()
                vehicles.append(vehicles_item)

        secondary_customer_data: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.secondary_customer_data, Unset):
            secondary_customer_data = []
            for secondary_customer_data_item_data in self.secondary_customer_data:
                secondary_customer_data_item = secondary_customer_data_item_data.to_dict()
                secondary_customer_data.append(secondary_customer_data_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uuid": uuid,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if fname is not UNSET:
            field_dict["fname"] = fname
        if lname is not UNSET:
            field_dict["lname"] = lname
        if customer_key is not UNSET:
            field_dict["customerKey"] = customer_key
        if company is not UNSET:
            field_dict["company"] = company
        if dealer_id is not UNSET:
            field_dict["dealerId"] = dealer_id
        if communications is not UNSET:
            field_dict["communications"] = communications
        if vehicles is not UNSET:
            field_dict["vehicles"] = vehicles
        if secondary_customer_data is not UNSET:
            field_dict["secondaryCustomerData"] = secondary_customer_data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_communication import CustomerCommunication  # noqa: PLC0415
        from ..models.customer_info_vehicle import CustomerInfoVehicle  # noqa: PLC0415
        from ..models.secondary_customer_data import SecondaryCustomerData  # noqa: PLC0415

        d = dict(src_dict)
        uuid = d.pop("uuid")

        id = d.pop("id", UNSET)

        def _parse_fname(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fname = _parse_fname(d.pop("fname", UNSET))

        def _parse_lname(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lname = _parse_lname(d.pop("lname", UNSET))

        def _parse_customer_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_key = _parse_customer_key(d.pop("customerKey", UNSET))

        def _parse_company(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        company = _parse_company(d.pop("company", UNSET))

        dealer_id = d.pop("dealerId", UNSET)

        _communications = d.pop("communications", UNSET)
        communications: list[CustomerCommunication] | Unset = UNSET
        if _communications is not UNSET:
            communications = []
            for communications_item_data in _communications:
                communications_item = CustomerCommunication.from_dict(communications_item_data)

                communications.append(communications_item)

        _vehicles = d.pop("vehicles", UNSET)
        vehicles: list[CustomerInfoVehicle] | Unset = UNSET
        if _vehicles is not UNSET:
            vehicles = []
            for vehicles_item_data in _vehicles:
                vehicles_item = CustomerInfoVehicle.from_dict(vehicles_item_data)

                vehicles.append(vehicles_item)

        _secondary_customer_data = d.pop("secondaryCustomerData", UNSET)
        secondary_customer_data: list[SecondaryCustomerData] | Unset = UNSET
        if _secondary_customer_data is not UNSET:
            secondary_customer_data = []
            for secondary_customer_data_item_data in _secondary_customer_data:
                secondary_customer_data_item = SecondaryCustomerData.from_dict(
                    secondary_customer_data_item_data
                )

                secondary_customer_data.append(secondary_customer_data_item)

        customer_info = cls(
            uuid=uuid,
            id=id,
            fname=fname,
            lname=lname,
            customer_key=customer_key,
            company=company,
            dealer_id=dealer_id,
            communications=communications,
            vehicles=vehicles,
            secondary_customer_data=secondary_customer_data,
        )

        customer_info.additional_properties = d
        return customer_info

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
