"""Validation of path and query parameters, request bodies and handler responses against the bundled spec.

Every problem is reported, each with the dotted path of its field (D-ERROR-CODES, issue 4 item 1):

1. JSON Schema (Draft 2020-12, jsonschema-rs ``iter_errors``) of the bundle. A failed ``anyOf``/``oneOf`` is
   replaced by the errors of the one branch the value was meant for (e.g. the object branch of a nullable
   object), so the message names the real field.
2. The spec's `x-rules` (`mykaarma.rules.RuleBook`), the documented conditional rules with their own
   messages. Where a rule is also written in JSON Schema (``if``/``then``/``not``/``dependentSchemas``), the
   schema's twin of a reported rule is dropped, so one problem is listed once.
3. The generated pydantic model (`mykaarma_models`), for whatever the schema did not already report
   (pydantic's lax coercion alone would accept things the spec forbids, design §2; the schema alone does not
   check `format: date-time`).

Parameters follow the spec's serialisation: booleans are only ``true``/``false``, integers only digits
(with an optional minus), arrays are comma-separated (``style: form``, ``explode: false``). Unknown query
parameters and repeated ones are refused (issue 4 item 1); documented defaults are applied.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import jsonschema_rs
import pydantic

import mykaarma_models
from mykaarma.rules import RuleBook, json_type

from .errors import INVALID, ApiError, Problem
from .limits import RequestLimits, clip, parameter_problem, preview
from .spec import Operation, Spec

SPEC_URI = "urn:mykaarma-spec"
#: x-rules with a dedicated error code (D-A2-ERRORS); any other rule is INVALID_REQUEST_DATA (D-ERROR-CODES).
_CONDITIONAL_KEYWORDS = frozenset({"if", "then", "else", "not", "dependentSchemas", "dependentRequired"})
_INTEGER = re.compile(r"^-?[0-9]+$")
_INT32 = (-(2**31), 2**31 - 1)
_INT64 = (-(2**63), 2**63 - 1)
_JSON_TYPE_NAMES = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "a boolean",
    "object": "an object",
    "array": "an array",
    "null": "null",
}

PathPart = str | int


def format_path(parts: Iterable[PathPart]) -> str:
    """``["customer", "phoneNumbers", 0, "label"]`` -> ``customer.phoneNumbers[0].label``."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def _enclosing(path: str) -> list[str]:
    """`path` and every field path it lies inside, the body itself (``""``) included: linear in its length."""
    found = [""]
    for index, char in enumerate(path):
        if char in ".[" and index:
            found.append(path[:index])
    if path:
        found.append(path)
    return found


class _FieldSet:
    """Field paths, answering "is this path inside one of them" and "does one of them lie inside this path"
    in time linear in the asked path (instead of comparing it with every member)."""

    def __init__(self, paths: Iterable[str] = ()) -> None:
        self._members: set[str] = set()
        self._enclosing: set[str] = set()
        for path in paths:
            self.add(path)

    def add(self, path: str) -> None:
        self._members.add(path)
        self._enclosing.update(_enclosing(path))

    def encloses(self, path: str) -> bool:
        """Whether `path` is a member or lies inside one."""
        return any(outer in self._members for outer in _enclosing(path))

    def overlaps(self, path: str) -> bool:
        """Whether `path` is inside a member, or a member is inside `path`."""
        return path in self._enclosing or self.encloses(path)


@dataclass(frozen=True)
class _Found:
    """One JSON-Schema finding before it becomes a `Problem`."""

    path: tuple[PathPart, ...]
    kind: str
    text: str
    conditional: bool

    @functools.cached_property
    def field(self) -> str:
        return format_path(self.path)


def _describe(kind: str, details: Mapping[str, Any], instance: Any, fallback: str) -> str:
    """A plain-language message for one JSON-Schema error kind."""
    if kind == "type":
        names = sorted(details.get("types", []), key=lambda t: t == "null")
        types = [_JSON_TYPE_NAMES.get(t, t) for t in names]
        return f"must be {' or '.join(types)} (got {json_type(instance)})"
    if kind == "enum":
        options = ", ".join(json.dumps(o) for o in details.get("options", []))
        return f"must be one of {options} (got {preview(instance)})"
    if kind == "const":
        return f"must be {json.dumps(details.get('expected_value'))} (got {preview(instance)})"
    if kind == "pattern":
        pattern = details.get("pattern")
        return "must not be blank" if pattern == r"\S" else f"must match the pattern {pattern}"
    if kind == "minLength":
        limit = details.get("limit")
        return "must not be empty" if limit == 1 else f"must be at least {limit} characters long"
    if kind == "maxLength":
        return f"must be at most {details.get('limit')} characters long"
    if kind == "minItems":
        limit = details.get("limit")
        return "must contain at least one item" if limit == 1 else f"must contain at least {limit} items"
    if kind == "maxItems":
        return f"must contain at most {details.get('limit')} items"
    if kind == "uniqueItems":
        return "must not contain duplicate items"
    if kind in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        sign = {"minimum": ">=", "exclusiveMinimum": ">", "maximum": "<=", "exclusiveMaximum": "<"}[kind]
        return f"must be {sign} {details.get('limit')}"
    if kind == "falseSchema":
        return "is not allowed"
    if kind == "oneOfMultipleValid":
        return "matches more than one of the allowed forms"
    if kind in ("anyOf", "oneOfNotValid"):
        return "does not match any of the allowed forms"
    return fallback


def _branch_rejects_type_only(errors: Sequence[jsonschema_rs.ValidationError], at: list[PathPart]) -> bool:
    return all(e.kind.name == "type" and list(e.instance_path) == at for e in errors)


def _findings(error: jsonschema_rs.ValidationError) -> list[_Found]:
    """The findings of one jsonschema-rs error, descending into the intended branch of anyOf/oneOf."""
    kind = error.kind.name
    path = tuple(error.instance_path)
    conditional = any(part in _CONDITIONAL_KEYWORDS for part in error.schema_path if isinstance(part, str))
    details: Mapping[str, Any] = error.kind.as_dict()
    if kind in ("anyOf", "oneOfNotValid"):
        branches: list[list[jsonschema_rs.ValidationError]] = [list(b) for b in details.get("context", [])]
        meant = [b for b in branches if b and not _branch_rejects_type_only(b, list(path))]
        if len(meant) == 1:
            found = [f for sub in meant[0] for f in _findings(sub)]
            return [_Found(f.path, f.kind, f.text, f.conditional or conditional) for f in found]
    if kind == "required":
        return [_Found((*path, str(details["property"])), kind, "is required", conditional)]
    if kind == "additionalProperties":
        return [
            _Found((*path, str(name)), kind, "is not allowed (unknown property)", conditional)
            for name in details.get("unexpected", [])
        ]
    return [_Found(path, kind, _describe(kind, details, error.instance, error.message), conditional)]


def _anchor_refs(node: Any) -> Any:
    """Copy of an inline schema whose local `$ref`s point into the registered spec document."""
    if isinstance(node, Mapping):
        return {
            key: SPEC_URI + value if key == "$ref" and str(value).startswith("#/") else _anchor_refs(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_anchor_refs(item) for item in node]
    return node


class SchemaSet:
    """Compiled validators for component schemas and inline schemas of one spec."""

    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self._registry = jsonschema_rs.Registry([(SPEC_URI, dict(spec.document))])
        self._components: dict[str, jsonschema_rs.Validator] = {}
        self.rules = RuleBook(spec.document)
        self.rule_fields = {rule["id"]: tuple(rule.get("fields", [""])) for _, rule in self.rules.rules()}

    def component(self, name: str) -> jsonschema_rs.Validator:
        if name not in self._components:
            self._components[name] = jsonschema_rs.Draft202012Validator(
                {"$ref": f"{SPEC_URI}#/components/schemas/{name}"}, registry=self._registry
            )
        return self._components[name]

    def inline(self, schema: Mapping[str, Any]) -> jsonschema_rs.Validator:
        return jsonschema_rs.Draft202012Validator(_anchor_refs(schema), registry=self._registry)

    def findings(self, validator: jsonschema_rs.Validator, value: Any) -> list[_Found]:
        found: list[_Found] = []
        seen: set[tuple[str, str]] = set()
        for error in validator.iter_errors(value):
            for item in _findings(error):
                key = (item.field, item.kind)
                if key not in seen:
                    seen.add(key)
                    found.append(item)
        # an empty string also fails the "not blank" pattern: one problem is enough
        return [
            f
            for f in found
            if not (f.kind == "pattern" and f.text == "must not be blank" and (f.field, "minLength") in seen)
        ]


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
    ) -> tuple[dict[str, str], dict[str, Any], list[Problem]]:
        """Validated path values, coerced query (defaults applied) and every parameter problem."""
        problems: list[Problem] = []
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
                problems.append(Problem(INVALID, f"unknown query parameter {shown}", shown))
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
                        Problem(INVALID, _message(param.name, "is required", "query parameter"), param.name)
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

    def _coerce(self, name: str, values: list[str], schema: Any, explode: bool) -> tuple[Any, Problem | None]:
        where = "query parameter"
        kind = schema.get("type") if isinstance(schema, Mapping) else None
        if kind == "array":
            items = values if explode else values[0].split(",")
            if len(values) > 1 and not explode:
                return None, Problem(
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
            return None, Problem(INVALID, _message(name, "must be given once", where), name)
        return self._scalar(name, values[0], schema)

    def _scalar(self, field: str, raw: str, schema: Any) -> tuple[Any, Problem | None]:
        where = "query parameter"
        kind = schema.get("type") if isinstance(schema, Mapping) else None
        if kind == "boolean":
            if raw not in ("true", "false"):
                return None, Problem(
                    INVALID, _message(field, f"must be true or false (got {raw!r})", where), field
                )
            return raw == "true", None
        if kind == "integer":
            if not _INTEGER.match(raw):
                return None, Problem(
                    INVALID, _message(field, f"must be an integer (got {raw!r})", where), field
                )
            number = int(raw)
            low, high = _INT64 if schema.get("format") == "int64" else _INT32
            if not low <= number <= high:
                return None, Problem(
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
                return None, Problem(
                    INVALID, _message(field, f"must be a number (got {raw!r})", where), field
                )
            return value, None
        return raw, None

    def _check(self, location: str, name: str, value: Any) -> list[Problem]:
        validator = self._param_validators[(location, name)]
        where = f"{location} parameter"
        return [
            Problem(
                INVALID, _message(format_path((name, *f.path)), f.text, where), format_path((name, *f.path))
            )
            for f in self.schemas.findings(validator, value)
        ]

    # -- body -------------------------------------------------------------------------------------------

    def body(self, value: Any, enough: int | None = None) -> list[Problem]:
        """Every problem of a request body: JSON Schema, then x-rules, then the pydantic model.

        The pydantic model is skipped once `enough` problems are known: it only adds what the schema cannot
        say (e.g. `format: date-time`), and an answer lists no more than that many anyway.
        """
        name = self.operation.body_schema
        if name is None or self._body is None:
            return []
        found = self.schemas.findings(self._body, value)
        rule_problems: list[Problem] = []
        rule_objects: list[str] = []  # paths of the objects that carry a broken rule
        if isinstance(value, Mapping):
            for violation in self.schemas.rules.check(name, value):
                code = violation.error_code or INVALID  # the rule's `errorCode` in the spec (D-A2-ERRORS)
                rule_problems.append(Problem(code, violation.message, violation.path or None))
                rule_objects.append(self._rule_object(violation.rule_id, violation.path))
        problems: list[Problem] = []
        broken_rules = _FieldSet(rule_objects)
        for item in found:
            if item.conditional and broken_rules.encloses(item.field):
                continue  # the JSON-Schema twin (if/then, not, dependentSchemas) of a reported x-rule
            problems.append(Problem(INVALID, _message(item.field, item.text), item.field or None))
        seen_rules: set[tuple[str | None, str]] = set()
        for rule_problem in rule_problems:
            key = (rule_problem.field, rule_problem.message)
            if key not in seen_rules:
                seen_rules.add(key)
                problems.append(rule_problem)
        if enough is not None and len(problems) >= enough:
            return problems
        reported = _FieldSet(p.field or "" for p in problems)
        for field, message in pydantic_problems(name, value):
            if reported.overlaps(field):
                continue
            text = f"{field or 'request body'}: {message or 'is invalid'}"
            problems.append(Problem(INVALID, text, field or None))
            reported.add(field)
        return problems

    def _rule_object(self, rule_id: str, path: str) -> str:
        """The path of the object a rule sits on, from the path of one of its reported fields."""
        for field in self.schemas.rule_fields.get(rule_id, ()):
            if field and (path == field or path.endswith("." + field)):
                return path[: len(path) - len(field)].rstrip(".")
        return path

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
        raise ApiError(400, [Problem(INVALID, "a JSON request body is required")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(
            400,
            [Problem(INVALID, f"request body is not valid UTF-8 (invalid byte at offset {exc.start})")],
        ) from None
    try:
        return json.loads(text, parse_constant=_reject_constant, parse_float=_finite_float)
    except json.JSONDecodeError as exc:
        message = f"request body is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
    except RecursionError:
        message = "request body is not valid JSON: nested too deeply"
    except ValueError as exc:
        message = f"request body is not valid JSON: {exc}"
    raise ApiError(400, [Problem(INVALID, message)])
