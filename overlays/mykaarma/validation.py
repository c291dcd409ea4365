"""Pre-flight validation: every problem of a request body, with field paths, before anything is sent.

`prepare` turns a generated attrs model or a plain dict into the model an operation takes. With
``validate=True`` (the default of every resource method) it first checks the body's JSON form:

1. the spec's component schema (``mykaarma_api/schemas.json``, package data written by ``make generate``)
   and its ``x-rules``, by the checker the mock runs too (`mykaarma_core.schema_check`): types, required and
   unknown keys, enums, patterns, lengths, item counts, bounds, and every documented conditional rule;
2. the operation's own checks (``check_*`` of `mykaarma.operation_checks`): phone numbers normalised to
   E.164, the entries the server would drop, VIN check digits, trip consistency, times.

All problems are collected and raised together as one `ValidationError`. Some of them the server would not
refuse: an unusable phone number, e-mail address or label is only a warning there, and the entry is dropped
from the stored customer (D-PHONE-EMAIL). The client refuses them instead, because a silently dropped phone
number is data loss nobody notices. Pass ``validate=False`` to send such a body anyway.

With ``validate=False`` nothing is checked or normalised, except that a dict must still fit the model
(required keys, JSON types, enum values): one that does not raises `ValidationError` naming the fields. A
model instance is then sent as it is, and unknown keys of a dict are dropped by the model.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import re
from collections.abc import Mapping, Sequence
from typing import Any, Final, Generic, Protocol, Self, TypeVar

from mykaarma_core.schema_check import SchemaChecker

from ._exceptions import Problem, ValidationError
from .operation_checks import (
    Check,
    check_create_with_trip,
    check_delete_with_trip,
    check_save_customer,
    check_update_with_trip,
    to_e164,
)

__all__ = [
    "Body",
    "Check",
    "as_json",
    "check_create_with_trip",
    "check_delete_with_trip",
    "check_ids",
    "check_save_customer",
    "check_update_with_trip",
    "from_json",
    "prepare",
    "prepare_body",
    "rule_problems",
    "schema_problems",
    "schemas",
    "to_e164",
    "validate_body",
]

_PATH_ID: Final = re.compile(r"[A-Za-z0-9._~-]{1,128}")

#: Structure problems that stop a dict from becoming a model (see `from_json`).
_SCALARS: Final = frozenset({str, int, float, bool, type(None)})
_SHAPE_RULES: Final = frozenset({"schema.required", "schema.type", "schema.enum"})


class _Model(Protocol):
    """What the generated attrs models offer."""

    def to_dict(self) -> dict[str, Any]: ...

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self: ...


M = TypeVar("M", bound=_Model)


# -- the spec's schemas --------------------------------------------------------------------------------------


@functools.cache
def schemas() -> Mapping[str, Any]:
    """The spec's component schemas (with their ``x-rules``), read once from ``mykaarma_api`` package data."""
    text = importlib.resources.files("mykaarma_api").joinpath("schemas.json").read_text(encoding="utf-8")
    loaded: Mapping[str, Any] = json.loads(text)
    return loaded


@functools.cache
def _checker() -> SchemaChecker:
    return SchemaChecker({"components": {"schemas": schemas()}})


def schema_problems(schema_name: str, value: Any) -> list[Problem]:
    """Structural problems of `value` read as an instance of the component schema `schema_name`: the JSON
    Schema findings outside conditional keywords (those are the twins of ``x-rules``, see `rule_problems`)."""
    checker = _checker()
    found = checker.findings(checker.component(schema_name), value)
    return [Problem(item.field, item.text, item.rule_id) for item in found if not item.conditional]


def rule_problems(schema_name: str, value: Any) -> list[Problem]:
    """Broken ``x-rules`` anywhere inside `value` read as an instance of `schema_name`."""
    return _checker().rule_problems(schema_name, value)


def validate_body(schema_name: str, body: dict[str, Any], check: Check | None = None) -> list[Problem]:
    """Every problem of `body`: structure, ``x-rules``, then `check` (which may normalise `body` in place).

    A field the schema already refused is not reported again by `check`.
    """
    problems = _checker().problems(schema_name, body)
    if check is not None:
        refused = {problem.path for problem in problems if problem.from_schema}
        problems += [problem for problem in check(body) if problem.path not in refused]
    return _distinct(problems)


def _distinct(problems: Sequence[Problem]) -> list[Problem]:
    seen: set[tuple[str, str, str | None]] = set()
    kept: list[Problem] = []
    for problem in problems:
        key = (problem.path, problem.message, problem.rule_id)
        if key not in seen:
            seen.add(key)
            kept.append(problem)
    return kept


# -- from user input to a model ------------------------------------------------------------------------------


def _copy_json(value: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of a JSON-like dict: nested dicts and lists are copied, anything else is shared."""
    return {key: _copy_item(item) for key, item in value.items()}


def _copy_item(value: Any) -> Any:
    if type(value) in _SCALARS:
        return value
    if isinstance(value, dict | Mapping):
        return _copy_json(value)
    if isinstance(value, list | tuple):
        return [_copy_item(item) for item in value]
    return value


def as_json(model: type[M], value: M | Mapping[str, Any], path: str = "") -> dict[str, Any]:
    """The JSON form of `value`: a `model` instance serialised, or a copy of a dict (never changed)."""
    if isinstance(value, model):
        try:
            return value.to_dict()
        except (AttributeError, TypeError, ValueError) as exc:
            message = f"{model.__name__} holds a value of the wrong type: {exc}"
            raise ValidationError([Problem(path, message, "schema.type")]) from None
    if isinstance(value, Mapping):
        return _copy_json(value)
    message = f"must be a {model.__name__} or a dict, not {type(value).__name__}"
    raise ValidationError([Problem(path, message, "schema.type")])


class Body(Generic[M]):
    """A request body ready to send: its JSON form and, built on first use, its generated attrs model.

    The generated ``_get_kwargs`` functions read a body only through ``to_dict()`` (a test checks every
    endpoint), so a checked dict is sent as it is, without a round trip through the attrs model.
    """

    __slots__ = ("_json", "_model", "_model_type")

    def __init__(self, model_type: type[M], *, json: dict[str, Any] | None = None, model: M | None = None):
        if (json is None) == (model is None):
            raise TypeError("Body needs exactly one of json and model")
        self._model_type = model_type
        self._json = json
        self._model = model

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (the same object on every call: do not change it)."""
        if self._json is None:
            assert self._model is not None
            self._json = self._model.to_dict()
        return self._json

    @property
    def model(self) -> M:
        """The body as its generated attrs model."""
        if self._model is None:
            self._model = self._model_type.from_dict(self.to_dict())
        return self._model

    def __repr__(self) -> str:
        return f"Body({self._model_type.__name__})"


def prepare_body(
    model: type[M],
    value: M | Mapping[str, Any],
    *,
    validate: bool = True,
    check: Check | None = None,
) -> Body[M]:
    """`value` (a `model` instance or a plain dict in the API's JSON form) as a `Body`, checked if asked.

    Raises `ValidationError` with every problem when `validate` is true and the body breaks a rule, and
    whenever a dict cannot be turned into the model at all. A checked body keeps its JSON form (normalised by
    `check`); an unchecked one goes through the model, which drops unknown keys of a dict.
    """
    if isinstance(value, model) and not validate:
        return Body(model, model=value)
    data = as_json(model, value)
    if not validate:
        return Body(model, model=from_json(model, data))
    problems = validate_body(model.__name__, data, check)
    if problems:
        raise ValidationError(problems)
    return Body(model, json=data)  # validate_body has checked everything from_json's shape check would


def prepare(
    model: type[M],
    value: M | Mapping[str, Any],
    *,
    validate: bool = True,
    check: Check | None = None,
) -> M:
    """`prepare_body` returning the attrs model."""
    return prepare_body(model, value, validate=validate, check=check).model


def from_json(model: type[M], data: Mapping[str, Any]) -> M:
    """`model.from_dict(data)`; a dict that does not fit raises `ValidationError` naming the fields.

    "Fits" means the shape the model needs: required keys present, JSON types and enum values right. (The
    generated parsers would otherwise raise a bare KeyError, or keep a nested item that does not parse as a
    raw dict and send it unchecked.) Unknown keys, patterns and lengths are left to `validate_body`.
    """
    name = model.__name__
    problems = [problem for problem in schema_problems(name, data) if problem.rule_id in _SHAPE_RULES]
    if problems:
        raise ValidationError(problems)
    try:
        built = model.from_dict(data)
        built.to_dict()
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        raise ValidationError([Problem("", f"cannot be read as {name}: {exc!r}", "schema.type")]) from None
    return built


def check_ids(**ids: object) -> None:
    """Raise `ValidationError` unless every path identifier is 1-128 URL-unreserved characters (D-IDS).

    Checked on every call, ``validate=False`` or not: an identifier is part of the URL, and a blank one (or
    one with a ``/``) would address another resource.
    """
    problems = [
        Problem(name, f"must be an id of 1-128 letters, digits or . _ ~ - (D-IDS); got {value!r}", "path-id")
        for name, value in ids.items()
        if not isinstance(value, str) or _PATH_ID.fullmatch(value) is None
    ]
    if problems:
        raise ValidationError(problems)
