# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Phone")


@_attrs_define
class Phone:
    """A phone number of the customer. The keys are required in every item as the vendor marks them; content
    problems are warnings, not errors: a null/empty `phoneNumber` (10011), a number that is not `+1` followed by
    10 digits once spaces, dashes, dots and brackets are removed (10015) or an empty `label` (10016) drops the
    item, and 10013 is added when no valid number remains (D-PHONE-EMAIL). Stored numbers are E.164.

        Attributes:
            phone_number (None | str): Number with the `+1` country prefix, e.g. `+13105550147`.
            label (None | str): Free-text label, e.g. `cell`, `home`, `work`.
            ok_to_call (bool): Whether calls to this number are permitted.
            ok_to_text (bool): Whether text messages to this number are permitted.
            is_preferred (bool): Whether this is the preferred number.
            comments (None | str | Unset): Free-text comments.
    """

    phone_number: None | str
    label: None | str
    ok_to_call: bool
    ok_to_text: bool
    is_preferred: bool
    comments: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        phone_number: None | str
        phone_number = self.phone_number

        label: None | str
        label = self.label

        ok_to_call = self.ok_to_call

        ok_to_text = self.ok_to_text

        is_preferred = self.is_preferred

        comments: None | str | Unset
        if isinstance(self.comments, Unset):
            comments = UNSET
        else:
            comments = self.comments

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "phoneNumber": phone_number,
                "label": label,
                "okToCall": ok_to_call,
                "okToText": ok_to_text,
                "isPreferred": is_preferred,
            }
        )
        if comments is not UNSET:
            field_dict["comments"] = comments

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_phone_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone_number = _parse_phone_number(d.pop("phoneNumber"))

        def _parse_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        label = _parse_label(d.pop("label"))

        ok_to_call = d.pop("okToCall")

        ok_to_text = d.pop("okToText")

        is_preferred = d.pop("isPreferred")

        def _parse_comments(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comments = _parse_comments(d.pop("comments", UNSET))

        phone = cls(
            phone_number=phone_number,
            label=label,
            ok_to_call=ok_to_call,
            ok_to_text=ok_to_text,
            is_preferred=is_preferred,
            comments=comments,
        )

        phone.additional_properties = d
        return phone

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
