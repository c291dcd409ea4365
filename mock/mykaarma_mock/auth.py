"""HTTP Basic authentication against the world's accounts and the scope check of `x-required-scope`.

* 401 (D-STATUS, D-AUTH): a missing or malformed `Authorization` header is `NULL_CREDENTIALS`, an unknown
  user or a wrong password `WRONG_CREDENTIAL` (the same answer for both), always with
  ``WWW-Authenticate: Basic realm="myKaarma"``.
* 403 (D-SCOPE): the entity named by the operation's `x-required-scope` expression
  (``$request.path.NAME``, ``$request.query.NAME`` or ``$request.body#/json/pointer``; a list names several
  entities, each checked) must be covered by a grant of the scope. A grant covers a dealer when it is
  Dealer-level for that dealer; it covers a department when it is DealerDepartment- or Department-level for
  that department, or Dealer-level for the department's dealer. An entity that does not exist is refused
  exactly like one that belongs to someone else (no existence leak, D-STATUS).
"""

from __future__ import annotations

import base64
import binascii
import hmac
from collections.abc import Mapping
from typing import Any

from .errors import ApiError, ErrorItem
from .spec import RequiredScope
from .world import DEPARTMENT_LEVELS, Account, Grant, World

WWW_AUTHENTICATE: Mapping[str, str] = {"WWW-Authenticate": 'Basic realm="myKaarma"'}
_DUMMY_PASSWORD = b"mock-password-for-timing-only"


def _unauthorized(code: str, message: str) -> ApiError:
    return ApiError(401, [ErrorItem(code, message)], headers=WWW_AUTHENTICATE)


def authenticate(world: World, header: str | None) -> Account:
    """The account named by a Basic `Authorization` header; `ApiError(401)` otherwise."""
    if header is None or not header.strip():
        raise _unauthorized("NULL_CREDENTIALS", "the Authorization header is missing (HTTP Basic required)")
    scheme, _, token = header.strip().partition(" ")
    if scheme.lower() != "basic" or not token.strip():
        raise _unauthorized("NULL_CREDENTIALS", "the Authorization header must be 'Basic <credentials>'")
    try:
        decoded = base64.b64decode(token.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        message = "the Basic credentials are not valid base64 of user:password"
        raise _unauthorized("NULL_CREDENTIALS", message) from None
    username, colon, password = decoded.partition(":")
    if not colon or not username:
        raise _unauthorized("NULL_CREDENTIALS", "the Basic credentials must read user:password")
    account = world.account(username)
    expected = account.password.encode("utf-8") if account else _DUMMY_PASSWORD
    matches = hmac.compare_digest(password.encode("utf-8"), expected)
    if account is None or not matches:
        raise _unauthorized("WRONG_CREDENTIAL", "username or password is wrong")
    return account


def entities(expression: str, path: Mapping[str, str], query: Mapping[str, Any], body: Any) -> list[str]:
    """The dealer or department identifiers a runtime expression names in a request (D-SCOPE)."""
    value = _evaluate(expression, path, query, body)
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    return []


def _evaluate(expression: str, path: Mapping[str, str], query: Mapping[str, Any], body: Any) -> Any:
    value: Any
    if expression.startswith("$request.path."):
        value = path.get(expression.removeprefix("$request.path."))
    elif expression.startswith("$request.query."):
        value = query.get(expression.removeprefix("$request.query."))
    elif expression.startswith("$request.body#"):
        value = body
        pointer = expression.removeprefix("$request.body#")
        for token in pointer.split("/")[1:]:
            key = token.replace("~1", "/").replace("~0", "~")
            if isinstance(value, Mapping):
                value = value.get(key)
            elif isinstance(value, list) and key.isdigit() and int(key) < len(value):
                value = value[int(key)]
            else:
                value = None
    else:
        raise ValueError(f"unsupported x-required-scope entity expression {expression!r}")
    return value


def check_expression(expression: str) -> None:
    """Refuse, at start-up, an entity expression `entities` cannot evaluate."""
    entities(expression, {}, {}, None)


def grant_covers(world: World, grant: Grant, scope: str, level: str, entity: str) -> bool:
    """Whether `grant` gives `scope` on `entity`, a dealer (level Dealer) or a department (D-SCOPE)."""
    if grant.scope != scope:
        return False
    if level == "Dealer":
        return grant.level == "Dealer" and grant.uuid == entity and world.dealer(entity) is not None
    department = world.department(entity)
    if department is None:
        return False
    if grant.level == "Dealer":
        return grant.uuid == department.dealer_uuid
    return grant.level in DEPARTMENT_LEVELS and grant.uuid == department.uuid


def refuse_without_scope(account: Account, required: RequiredScope) -> None:
    """`ApiError(403)` when the account holds the scope for no dealer or department at all.

    Decides before the body is read for operations whose entity is named in the body (D-REQUEST-LIMITS).
    """
    if any(grant.scope == required.scope for grant in account.grants):
        return
    is_dealer = required.level == "Dealer"
    code = "INVALID_SCOPE_DEALER" if is_dealer else "INVALID_SCOPE_DEPARTMENT"
    message = f"scope {required.scope} is not granted for this {'dealer' if is_dealer else 'department'}"
    raise ApiError(403, [ErrorItem(code, message, _body_field(required))])


def _body_field(required: RequiredScope) -> str | None:
    if required.in_body:
        return required.entity.removeprefix("$request.body#/").replace("/", ".")
    return None


def authorize(
    world: World,
    account: Account,
    required: RequiredScope,
    path: Mapping[str, str],
    query: Mapping[str, Any],
    body: Any,
) -> None:
    """`ApiError(403)` unless the account holds the scope for every entity the request names (D-SCOPE)."""
    named = entities(required.entity, path, query, body)
    listed = isinstance(_evaluate(required.entity, path, query, body), list)
    is_dealer = required.level == "Dealer"
    code = "INVALID_SCOPE_DEALER" if is_dealer else "INVALID_SCOPE_DEPARTMENT"
    message = f"scope {required.scope} is not granted for this {'dealer' if is_dealer else 'department'}"
    field = _body_field(required)
    problems: list[ErrorItem] = []
    for index, entity in enumerate(named):
        if not any(grant_covers(world, g, required.scope, required.level, entity) for g in account.grants):
            problems.append(ErrorItem(code, message, f"{field}[{index}]" if field and listed else field))
    if not named:
        problems.append(ErrorItem(code, message, field))
    if problems:
        raise ApiError(403, problems)
