# GENERATED from openapi/openapi.yaml by `make generate` (scripts/codegen/generate.py). Do not edit.
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UserDetails")


@_attrs_define
class UserDetails:
    """A dealership user, with the department and team they act for.

    Attributes:
        uuid (None | str | Unset): User identifier.
        dept_uuid (None | str | Unset): The user's department.
        team_uuid (None | str | Unset): The user's team.
    """

    uuid: None | str | Unset = UNSET
    dept_uuid: None | str | Unset = UNSET
    team_uuid: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        uuid: None | str | Unset
        if isinstance(self.uuid, Unset):
            uuid = UNSET
        else:
            uuid = self.uuid

        dept_uuid: None | str | Unset
        if isinstance(self.dept_uuid, Unset):
            dept_uuid = UNSET
        else:
            dept_uuid = self.dept_uuid

        team_uuid: None | str | Unset
        if isinstance(self.team_uuid, Unset):
            team_uuid = UNSET
        else:
            team_uuid = self.team_uuid

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if uuid is not UNSET:
            field_dict["uuid"] = uuid
        if dept_uuid is not UNSET:
            field_dict["deptUUID"] = dept_uuid
        if team_uuid is not UNSET:
            field_dict["teamUuid"] = team_uuid

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        uuid = _parse_uuid(d.pop("uuid", UNSET))

        def _parse_dept_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dept_uuid = _parse_dept_uuid(d.pop("deptUUID", UNSET))

        def _parse_team_uuid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        team_uuid = _parse_team_uuid(d.pop("teamUuid", UNSET))

        user_details = cls(
            uuid=uuid,
            dept_uuid=dept_uuid,
            team_uuid=team_uuid,
        )

        return user_details
