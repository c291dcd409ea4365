# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Email")


@_attrs_define
class Email:
    """An e-mail address of the customer. The keys are required in every item as the vendor marks them; content
    problems are warnings, not errors: a null/empty or malformed `emailAddress`, or an empty `label`, drops the
    item with warning 10012 or 10016, and 10014 when no valid address remains (D-PHONE-EMAIL).

        Attributes:
            email_address (None | str): The e-mail address.
            label (None | str): Free-text label, e.g. `personal`, `work` (real clients also send `HOME`, `B`).
            ok_to_email (bool): Whether the customer accepts e-mail at this address.
            is_preferred (bool): Whether this is the preferred address.
            comments (None | str | Unset): Free-text comments.
    """

    email_address: None | str
    label: None | str
    ok_to_email: bool
    is_preferred: bool
    comments: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email_address: None | str
        email_address = self.email_address

        label: None | str
        label = self.label

        ok_to_email = self.ok_to_email

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
                "emailAddress": email_address,
                "label": label,
                "okToEmail": ok_to_email,
                "isPreferred": is_preferred,
            }
        )
        if comments is not UNSET:
            field_dict["comments"] = comments

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_email_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email_address = _parse_email_address(d.pop("emailAddress"))

        def _parse_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        label = _parse_label(d.pop("label"))

        ok_to_email = d.pop("okToEmail")

        is_preferred = d.pop("isPreferred")

        def _parse_comments(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comments = _parse_comments(d.pop("comments", UNSET))

        email = cls(
            email_address=email_address,
            label=label,
            ok_to_email=ok_to_email,
            is_preferred=is_preferred,
            comments=comments,
        )

        email.additional_properties = d
        return email

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
