# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ServiceItem")


@_attrs_define
class ServiceItem:
    """A service (opcode or custom concern) of the appointment.

    Attributes:
        title (None | str | Unset): Labor opcode or concern title.
        operation_uuid (None | str | Unset): Opcode identifier.
        operation_type (None | str | Unset): Kind of service; `OPCODE` is the only documented value.
        is_custom_concern (bool | Unset):
        description (None | str | Unset):
        op_code_name (None | str | Unset):
        labor_op_code (None | str | Unset):
        duration_in_mins (None | str | Unset):
        price (None | str | Unset):
    """

    title: None | str | Unset = UNSET
    operation_uuid: None | str | Unset = UNSET
    operation_type: None | str | Unset = UNSET
    is_custom_concern: bool | Unset = UNSET
    description: None | str | Unset = UNSET
    op_code_name: None | str | Unset = UNSET
    labor_op_code: None | str | Unset = UNSET
    duration_in_mins: None | str | Unset = UNSET
    price: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        operation_uuid: None | str | Unset
        if isinstance(self.operation_uuid, Unset):
            operation_uuid = UNSET
        else:
            operation_uuid = self.operation_uuid

        operation_type: None | str | Unset
        if isinstance(self.operation_type, Unset):
            operation_type = UNSET
        else:
            operation_type = self.operation_type

        is_custom_concern = self.is_custom_concern

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        op_code_name: None | str | Unset
        if isinstance(self.op_code_name, Unset):
            op_code_name = UNSET
        else:
            op_code_name = self.op_code_name

        labor_op_code: None | str | Unset
        if isinstance(self.labor_op_code, Unset):
            labor_op_code = UNSET
        else:
            labor_op_code = self.labor_op_code

        duration_in_mins: None | str | Unset
        if isinstance(self.duration_in_mins, Unset):
            duration_in_mins = UNSET
        else:
            duration_in_mins = self.duration_in_mins

        price: None | str | Unset
        if isinstance(self.price, Unset):
            price = UNSET
        else:
            price = self.price

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if operation_uuid is not UNSET:
            field_dict["operationUuid"] = operation_uuid
        if operation_type is not UNSET:
            field_dict["operationType"] = operation_type
        if is_custom_concern is not UNSET:
            field_dict["isCustomConcern"] = is_custom_concern
        if description is not UNSET:
            field_dict["description"] = description
        if op_code_name is not UNSET:
            field_dict["opCodeName"] = op_code_name
        if labor_op_code is not UNSET:
            field_dict["laborOpCode"] = labor_op_code
        if duration_in_mins is not UNSET:
            field_dict["durationInMins"] = duration_in_mins
        if price is not UNSET:
            field_dict["price"] = price

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_operation_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        operation_uuid = _parse_operation_uuid(d.pop("operationUuid", UNSET))

        def _parse_operation_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        operation_type = _parse_operation_type(d.pop("operationType", UNSET))

        is_custom_concern = d.pop("isCustomConcern", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_op_code_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        op_code_name = _parse_op_code_name(d.pop("opCodeName", UNSET))

        def _parse_labor_op_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        labor_op_code = _parse_labor_op_code(d.pop("laborOpCode", UNSET))

        def _parse_duration_in_mins(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        duration_in_mins = _parse_duration_in_mins(d.pop("durationInMins", UNSET))

        def _parse_price(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        price = _parse_price(d.pop("price", UNSET))

        service_item = cls(
            title=title,
            operation_uuid=operation_uuid,
            operation_type=operation_type,
            is_custom_concern=is_custom_concern,
            description=description,
            op_code_name=op_code_name,
            labor_op_code=labor_op_code,
            duration_in_mins=duration_in_mins,
            price=price,
        )

        return service_item
