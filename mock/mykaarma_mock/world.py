"""The mock's world: dealers, their departments and associates, and the accounts with their grants.

A world file is YAML of exactly this shape (issue 4, item 3)::

    dealers:
      - uuid: <dealer uuid>
        name: <text>
        departments: [{uuid: <department uuid>, name: <text>}]
        associates: [<user uuid>, ...]
    accounts:
      - username: <text>
        password: <text>
        grants:
          - {scope: customer.update, level: DealerDepartment, uuid: <department uuid>}
          - {scope: appointment.create, level: Dealer, uuid: <dealer uuid>}

Loading refuses anything else and names the field, e.g.
``accounts[1].grants[0].level: must be one of Dealer, DealerDepartment, Department``. Identifiers follow
D-IDS (1-128 URL-unreserved characters). Uuids and usernames must be unique; a grant must name a dealer
(level Dealer) or a department (levels DealerDepartment, Department) of the world, and a scope the spec uses
(D-SCOPE).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

LEVELS: tuple[str, ...] = ("Dealer", "DealerDepartment", "Department")
DEPARTMENT_LEVELS: frozenset[str] = frozenset({"DealerDepartment", "Department"})
_ID_PATTERN = re.compile(r"^[A-Za-z0-9._~-]{1,128}$")  # D-IDS


class WorldError(ValueError):
    """A world file that does not have the documented shape; `problems` lists every finding."""

    def __init__(self, source: str, problems: list[str]) -> None:
        super().__init__(f"invalid world {source}:\n" + "\n".join(f"  {p}" for p in problems))
        self.source = source
        self.problems = problems


@dataclass(frozen=True)
class Department:
    uuid: str
    name: str
    dealer_uuid: str


@dataclass(frozen=True)
class Dealer:
    uuid: str
    name: str
    departments: tuple[Department, ...]
    associates: frozenset[str]


@dataclass(frozen=True)
class Grant:
    """A scope granted at a level (Dealer, DealerDepartment or Department) for one dealer or department."""

    scope: str
    level: str
    uuid: str


@dataclass(frozen=True)
class Account:
    """Basic-auth credentials and grants; the password never appears in `repr` (nor in logs)."""

    username: str
    password: str = field(repr=False)
    grants: tuple[Grant, ...] = ()


@dataclass(frozen=True)
class World:
    dealers: tuple[Dealer, ...]
    accounts: tuple[Account, ...]
    _dealers: dict[str, Dealer] = field(init=False, repr=False, compare=False)
    _departments: dict[str, Department] = field(init=False, repr=False, compare=False)
    _accounts: dict[str, Account] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_dealers", {d.uuid: d for d in self.dealers})
        object.__setattr__(self, "_departments", {p.uuid: p for d in self.dealers for p in d.departments})
        object.__setattr__(self, "_accounts", {a.username: a for a in self.accounts})

    def dealer(self, uuid: str) -> Dealer | None:
        return self._dealers.get(uuid)

    def department(self, uuid: str) -> Department | None:
        return self._departments.get(uuid)

    def account(self, username: str) -> Account | None:
        return self._accounts.get(username)

    def departments(self) -> Iterable[Department]:
        return self._departments.values()

    def is_associate(self, dealer_uuid: str, user_uuid: str) -> bool:
        dealer = self._dealers.get(dealer_uuid)
        return dealer is not None and user_uuid in dealer.associates


class _Checker:
    """Collects every problem of a parsed world document, each prefixed with its field path."""

    def __init__(self, scopes: frozenset[str] | None) -> None:
        self.problems: list[str] = []
        self.scopes = scopes

    def fail(self, path: str, message: str) -> None:
        self.problems.append(f"{path}: {message}")

    def mapping(
        self, value: Any, path: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> bool:
        if not isinstance(value, Mapping):
            self.fail(path, f"must be a mapping with keys {', '.join(required + optional)}")
            return False
        for key in value:
            if key not in required and key not in optional:
                self.fail(f"{path}.{key}" if path else str(key), "unknown key")
        ok = True
        for key in required:
            if key not in value:
                self.fail(f"{path}.{key}" if path else key, "is required")
                ok = False
        return ok

    def sequence(self, value: Any, path: str) -> list[Any]:
        if not isinstance(value, list):
            self.fail(path, "must be a list")
            return []
        return value

    def text(self, value: Any, path: str) -> str | None:
        if not isinstance(value, str) or not value.strip():
            self.fail(path, "must be a non-empty string")
            return None
        return value

    def identifier(self, value: Any, path: str) -> str | None:
        if not isinstance(value, str) or not _ID_PATTERN.match(value):
            self.fail(path, "must be a string of 1-128 characters A-Z a-z 0-9 . _ ~ - (D-IDS)")
            return None
        return value


def parse_world(document: Any, source: str = "<world>", *, scopes: Iterable[str] | None = None) -> World:
    """Validate a parsed world document and build the `World`; `WorldError` lists every problem."""
    check = _Checker(frozenset(scopes) if scopes is not None else None)
    dealers: list[Dealer] = []
    accounts: list[Account] = []
    seen_ids: dict[str, str] = {}
    if check.mapping(document, "", ("dealers", "accounts")):
        for i, raw in enumerate(check.sequence(document["dealers"], "dealers")):
            dealer = _parse_dealer(check, raw, f"dealers[{i}]", seen_ids)
            if dealer is not None:
                dealers.append(dealer)
        if isinstance(document["dealers"], list) and not document["dealers"]:
            check.fail("dealers", "must list at least one dealer")
        by_dealer = {d.uuid: d for d in dealers}
        by_department = {p.uuid: p for d in dealers for p in d.departments}
        usernames: set[str] = set()
        for i, raw in enumerate(check.sequence(document["accounts"], "accounts")):
            account = _parse_account(check, raw, f"accounts[{i}]", by_dealer, by_department)
            if account is None:
                continue
            if account.username in usernames:
                check.fail(f"accounts[{i}].username", f"duplicate username {account.username!r}")
            usernames.add(account.username)
            accounts.append(account)
    if check.problems:
        raise WorldError(source, check.problems)
    return World(dealers=tuple(dealers), accounts=tuple(accounts))


def _claim(check: _Checker, seen: dict[str, str], uuid: str, path: str) -> None:
    if uuid in seen:
        check.fail(path, f"duplicate uuid {uuid!r} (already used at {seen[uuid]})")
    else:
        seen[uuid] = path


def _parse_dealer(check: _Checker, raw: Any, path: str, seen: dict[str, str]) -> Dealer | None:
    if not check.mapping(raw, path, ("uuid", "name", "departments", "associates")):
        return None
    uuid = check.identifier(raw["uuid"], f"{path}.uuid")
    name = check.text(raw["name"], f"{path}.name")
    if uuid is not None:
        _claim(check, seen, uuid, f"{path}.uuid")
    departments: list[Department] = []
    for j, dep in enumerate(check.sequence(raw["departments"], f"{path}.departments")):
        dep_path = f"{path}.departments[{j}]"
        if not check.mapping(dep, dep_path, ("uuid", "name")):
            continue
        dep_uuid = check.identifier(dep["uuid"], f"{dep_path}.uuid")
        dep_name = check.text(dep["name"], f"{dep_path}.name")
        if dep_uuid is not None:
            _claim(check, seen, dep_uuid, f"{dep_path}.uuid")
        if dep_uuid is not None and dep_name is not None and uuid is not None:
            departments.append(Department(uuid=dep_uuid, name=dep_name, dealer_uuid=uuid))
    associates: set[str] = set()
    for j, user in enumerate(check.sequence(raw["associates"], f"{path}.associates")):
        user_uuid = check.identifier(user, f"{path}.associates[{j}]")
        if user_uuid is None:
            continue
        if user_uuid in associates:
            check.fail(f"{path}.associates[{j}]", f"duplicate associate {user_uuid!r}")
        associates.add(user_uuid)
    if uuid is None or name is None:
        return None
    return Dealer(uuid=uuid, name=name, departments=tuple(departments), associates=frozenset(associates))


def _parse_account(
    check: _Checker,
    raw: Any,
    path: str,
    dealers: Mapping[str, Dealer],
    departments: Mapping[str, Department],
) -> Account | None:
    if not check.mapping(raw, path, ("username", "password", "grants")):
        return None
    username = check.text(raw["username"], f"{path}.username")
    if username is not None and (":" in username or username != username.strip()):
        check.fail(f"{path}.username", "must not contain ':' or surrounding spaces (HTTP Basic, D-AUTH)")
        username = None
    password = raw["password"]
    if not isinstance(password, str) or not password:
        check.fail(f"{path}.password", "must be a non-empty string")
        password = None
    grants: list[Grant] = []
    for k, raw_grant in enumerate(check.sequence(raw["grants"], f"{path}.grants")):
        grant = _parse_grant(check, raw_grant, f"{path}.grants[{k}]", dealers, departments)
        if grant is not None:
            grants.append(grant)
    if username is None or password is None:
        return None
    return Account(username=username, password=password, grants=tuple(grants))


def _parse_grant(
    check: _Checker,
    raw: Any,
    path: str,
    dealers: Mapping[str, Dealer],
    departments: Mapping[str, Department],
) -> Grant | None:
    if not check.mapping(raw, path, ("scope", "level", "uuid")):
        return None
    scope = check.text(raw["scope"], f"{path}.scope")
    if scope is not None and check.scopes is not None and scope not in check.scopes:
        check.fail(f"{path}.scope", f"must be one of {', '.join(sorted(check.scopes))}")
        scope = None
    level = raw["level"]
    if level not in LEVELS:
        check.fail(f"{path}.level", f"must be one of {', '.join(LEVELS)}")
        level = None
    uuid = check.identifier(raw["uuid"], f"{path}.uuid")
    if uuid is not None and level == "Dealer" and uuid not in dealers:
        check.fail(f"{path}.uuid", f"must name a dealer of this world (level Dealer), got {uuid!r}")
        uuid = None
    elif uuid is not None and level in DEPARTMENT_LEVELS and uuid not in departments:
        check.fail(f"{path}.uuid", f"must name a department of this world (level {level}), got {uuid!r}")
        uuid = None
    if scope is None or level is None or uuid is None:
        return None
    return Grant(scope=scope, level=level, uuid=uuid)


def spec_scopes() -> frozenset[str]:
    """The scopes the spec's operations require (x-required-scope, D-SCOPE)."""
    from .spec import load_spec

    return frozenset(op.required_scope.scope for op in load_spec().operations.values())


def load_world_text(text: str, source: str = "<world>") -> World:
    """Parse and validate world YAML text."""
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise WorldError(source, [f"not valid YAML: {exc}"]) from exc
    return parse_world(document, source, scopes=spec_scopes())


def load_world(path: str | Path) -> World:
    """Load and validate a world file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise WorldError(str(path), [f"cannot read the file: {exc}"]) from exc
    return load_world_text(text, str(path))


def demo_world_text() -> str:
    """The YAML of the built-in demo world (DEMO credentials for the local mock only)."""
    return resources.files("mykaarma_mock").joinpath("demo_world.yaml").read_text(encoding="utf-8")


def demo_world() -> World:
    """The built-in demo world: two dealers, two departments and three associates each, two accounts."""
    return load_world_text(demo_world_text(), "built-in demo world")
