"""Validation of path and query parameters, request bodies and handler responses against the bundled spec.

Every problem is reported, each with the dotted path of its field (D-ERROR-CODES, issue 4 item 1):

1. the component schema and its ``x-rules``, by the checker the client's pre-flight runs too
   (`mykaarma_core.schema_check`), so client and mock give the same verdict on the same body;
2. the generated pydantic model (`mykaarma_models`), for whatever the schema did not already report
   (pydantic's lax coercion alone would accept things the spec forbids, design §2; the schema alone does not
   check `format: date-time`).

Parameters follow the spec's serialisation: booleans are only ``true``/``false``, integers only digits
(with an optional minus), arrays are comma-separated (``style: form``, ``explode: false``). Unknown query
parameters and repeated ones are refused (issue 4 item 1); documented defaults are applied.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

import pydantic

import mykaarma_models
from mykaarma_core.problems import FieldSet, PathPart, format_path
from mykaarma_core.schema_check import SchemaChecker

from .errors import INVALID, ApiError, ErrorItem
from .limits import RequestLimits, clip, parameter_problem
from .spec import Operation, Spec

_INTEGER = re.compile(r"^-?[0-9]+$")
_INT32 = (-(2**31), 2**31 - 1)
_INT64 = (-(2**63), 2**63 - 1)


class SchemaSet(SchemaChecker):
    """The core's schema checker for one spec, with the spec it was built from."""

    def __init__(self, spec: Spec) -> None:
        super().__init__(spec.document)
        self.spec = spec


@cache
def pydantic_model(name: str) -> type[pydantic.BaseModel] | None:
    """The generated pydantic model of a component schema, if there is one."""
    model = getattr(mykaarma_models, name, None)
    if isinstance(model, type) and issubclass(model, pydantic.BaseModel):
        return model
    return None


def _pydantic_path(loc: Sequence[PathPart], value: Any) -> tuple[PathPart, ...]:
    """A pydantic error location as a JSON path, without union/model tags (walked along `value`)."""
    path: list[PathPart] = []
    current = value
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        if isinstance(current, Mapping) and isinstance(part, str) and (part in current or last):
            path.append(part)
            current = current.get(part)
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            path.append(part)
            current = current[part]
    return tuple(path)


def pydantic_problems(name: str, value: Any) -> list[tuple[str, str]]:
    """``(field, message)`` for every error of the generated model `name` on `value`."""
    model = pydantic_model(name)
    if model is None:
        return []
    try:
        model.model_validate(value)
    except pydantic.ValidationError as exc:
        found: list[tuple[str, str]] = []
        for error in exc.errors(include_url=False):
            field = format_path(_pydantic_path(error["loc"], value))
            found.append((field, str(error["msg"])))
        return found
    return []


def _message(field: str, text: str, where: str = "") -> str:
    subject = f"{where} {field}".strip() if field else (where or "request body")
    return f"{subject} {text}"


class OperationValidator:
    """Parameters and body of one operation, and its 200 response."""

    def __init__(self, schemas: SchemaSet, operation: Operation, limits: RequestLimits) -> None:
        self.schemas = schemas
        self.operation = operation
        self.limits = limits
        spec = schemas.spec
        self._param_validators = {
            (p.location, p.name): schemas.inline(p.schema) for p in operation.parameters
        }
        self._resolved = {(p.location, p.name): spec.resolve(p.schema) for p in operation.parameters}
        self._body = schemas.component(operation.body_schema) if operation.body_schema else None
        self._response = schemas.component(operation.response_schema)

    # -- parameters -------------------------------------------------------------------------------------

    def parameters(
        self, path_values: Mapping[str, str], query_items: Sequence[tuple[str, str]]
    ) -> tuple[dict[str, str], dict[str, Any], list[ErrorItem]]:
        """Validated path values, coerced query (defaults applied) and every parameter problem."""
        problems: list[ErrorItem] = []
        path: dict[str, str] = {}
        for param in self.operation.parameters:
            if param.location != "path":
                continue
            raw = path_values.get(param.name, "")
            path[param.name] = raw
            too_long = parameter_problem(param.name, raw, self.limits, "path parameter")
            problems += [too_long] if too_long else self._check(param.location, param.name, raw)
        grouped: dict[str, list[str]] = {}
        for name, raw in query_items:
            grouped.setdefault(name, []).append(raw)
        query: dict[str, Any] = {}
        refused: set[str] = set()
        for name, given in grouped.items():
            if self.operation.parameter(name, "query") is None:
                shown = clip(name)
                problems.append(ErrorItem(INVALID, f"unknown query parameter {shown}", shown))
                continue
            for raw in given:
                too_long = parameter_problem(name, raw, self.limits, "query parameter")
                if too_long:
                    problems.append(too_long)
                    refused.add(name)
                    break
        for param in self.operation.parameters:
            if param.location != "query":
                continue
            if param.name in refused:
                continue
            values = grouped.get(param.name)
            schema = self._resolved[("query", param.name)]
            if values is None:
                if param.required:
                    problems.append(
                        ErrorItem(INVALID, _message(param.name, "is required", "query parameter"), param.name)
                    )
                elif isinstance(schema, Mapping) and "default" in schema:
                    query[param.name] = schema["default"]
                continue
            coerced, problem = self._coerce(param.name, values, schema, param.explode)
            if problem is not None:
                problems.append(problem)
                continue
            query[param.name] = coerced
            problems += self._check("query", param.name, coerced)
        return path, query, problems

    def _coerce(
        self, name: str, values: list[str], schema: Any, explode: bool
    ) -> tuple[Any, ErrorItem | None]:
        where = "query parameter"
        kind = schema.get("type") if isinstance(schema, Mapping) else None
        if kind == "array":
            items = values if explode else values[0].split(",")
            if len(values) > 1 and not explode:
                return None, ErrorItem(
                    INVALID, _message(name, "must be given once, as a comma-separated list", where), name
                )
            item_schema = self.schemas.spec.resolve(schema.get("items", {}))
            coerced_items: list[Any] = []
            for index, item in enumerate(items):
                value, problem = self._scalar(f"{name}[{index}]", item, item_schema)
                if problem is not None:
                    return None, problem
                coerced_items.append(value)
            return coerced_items, None
        if len(values) > 1:
            return None, ErrorItem(INVALID, _message(name, "must be given once", where), name)
        return self._scalar(name, values[0], schema)

    def _scalar(self, field: str, raw: str, schema: Any) -> tuple[Any, ErrorItem | None]:
        where = "query parameter"
        kind = schema.get("type") if isinstance(schema, Mapping) else None
        if kind == "boolean":
            if raw not in ("true", "false"):
                return None, ErrorItem(
                    INVALID, _message(field, f"must be true or false (got {raw!r})", where), field
                )
            return raw == "true", None
        if kind == "integer":
            if not _INTEGER.match(raw):
                return None, ErrorItem(
                    INVALID, _message(field, f"must be an integer (got {raw!r})", where), field
                )
            number = int(raw)
            low, high = _INT64 if schema.get("format") == "int64" else _INT32
            if not low <= number <= high:
                return None, ErrorItem(
                    INVALID,
                    _message(field, f"is outside the {schema.get('format', 'int32')} range", where),
                    field,
                )
            return number, None
        if kind == "number":
            try:
                value = float(raw)
            except ValueError:
                value = math.nan
            if not math.isfinite(value):
                return None, ErrorItem(
                    INVALID, _message(field, f"must be a number (got {raw!r})", where), field
                )
            return value, None
        return raw, None

    def _check(self, location: str, name: str, value: Any) -> list[ErrorItem]:
        validator = self._param_validators[(location, name)]
        where = f"{location} parameter"
        return [
            ErrorItem(
                INVALID, _message(format_path((name, *f.path)), f.text, where), format_path((name, *f.path))
            )
            for f in self.schemas.findings(validator, value)
        ]

    # -- body -------------------------------------------------------------------------------------------

    def body(self, value: Any, enough: int | None = None) -> list[ErrorItem]:
        """Every problem of a request body: JSON Schema, then x-rules, then the pydantic model.

        The pydantic model is skipped once `enough` problems are known: it only adds what the schema cannot
        say (e.g. `format: date-time`), and an answer lists no more than that many anyway.
        """
        name = self.operation.body_schema
        if name is None or self._body is None:
            return []
        problems = [
            ErrorItem(
                found.error_code or INVALID,
                _message(found.path, found.message) if found.from_schema else found.message,
                found.path or None,
            )
            for found in self.schemas.problems(name, value)
        ]
        if enough is not None and len(problems) >= enough:
            return problems
        reported = FieldSet(p.field or "" for p in problems)
        for field, message in pydantic_problems(name, value):
            if reported.overlaps(field):
                continue
            text = f"{field or 'request body'}: {message or 'is invalid'}"
            problems.append(ErrorItem(INVALID, text, field or None))
            reported.add(field)
        return problems

    # -- response ---------------------------------------------------------------------------------------

    def response(self, value: Any) -> list[str]:
        """Every mismatch of a handler's 200 body with the spec's schema and the pydantic model."""
        mismatches = [
            f"{f.field or '<body>'}: {f.text}" for f in self.schemas.findings(self._response, value)
        ]
        mismatches += [
            f"{field or '<body>'}: {message} (pydantic)"
            for field, message in pydantic_problems(self.operation.response_schema, value)
        ]
        return mismatches


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"number {text} is out of range")
    return value


def parse_json_body(raw: bytes) -> Any:
    """The JSON value of a request body; `ApiError(400)` for non-UTF-8 or malformed JSON (D-STATUS)."""
    if not raw.strip():
        raise ApiError(400, [ErrorItem(INVALID, "a JSON request body is required")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(
            400,
            [ErrorItem(INVALID, f"request body is not valid UTF-8 (invalid byte at offset {exc.start})")],
        ) from None
    try:
        return json.loads(text, parse_constant=_reject_constant, parse_float=_finite_float)
    except json.JSONDecodeError as exc:
        message = f"request body is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
    except RecursionError:
        message = "request body is not valid JSON: nested too deeply"
    except ValueError as exc:
        message = f"request body is not valid JSON: {exc}"
    raise ApiError(400, [ErrorItem(INVALID, message)])
