# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.customer_read import CustomerRead
    from ..models.vehicle_read import VehicleRead


T = TypeVar("T", bound="CustomerWithVehicles")


@_attrs_define
class CustomerWithVehicles:
    """A customer with its vehicles. `vehicles` is absent when the read asked `excludeVehicles=true`.

    Attributes:
        customer (CustomerRead): A stored customer as the read and search operations return it.
        vehicles (list[VehicleRead] | Unset):
    """

    customer: CustomerRead
    vehicles: list[VehicleRead] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        customer = self.customer.to_dict()

        vehicles: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.vehicles, Unset):
            vehicles = []
            for vehicles_item_data in self.vehicles:
                vehicles_item = vehicles_item_data.to_dict()
                vehicles.append(vehicles_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customer": customer,
            }
        )
        if vehicles is not UNSET:
            field_dict["vehicles"] = vehicles

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_read import CustomerRead  # noqa: PLC0415
        from ..models.vehicle_read import VehicleRead  # noqa: PLC0415

        d = dict(src_dict)
        customer = CustomerRead.from_dict(d.pop("customer"))

        _vehicles = d.pop("vehicles", UNSET)
        vehicles: list[VehicleRead] | Unset = UNSET
        if _vehicles is not UNSET:
            vehicles = []
            for vehicles_item_data in _vehicles:
                vehicles_item = VehicleRead.from_dict(vehicles_item_data)

                vehicles.append(vehicles_item)

        customer_with_vehicles = cls(
            customer=customer,
            vehicles=vehicles,
        )

        customer_with_vehicles.additional_properties = d
        return customer_with_vehicles

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
