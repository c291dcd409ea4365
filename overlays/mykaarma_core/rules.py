r"""Evaluate the spec's `x-rules`: the documented conditional rules that JSON Schema cannot state cleanly.

A rule sits on the schema object it applies to and reads::

    id: trip-customer-required
    message: customerUUID is required unless rideType is MISCELLANEOUS
    source: "[S004]; facts §4.3 rule 18"
    errorCode: TRIP_EVENT_REQUIRED  # optional: the service's error code (default INVALID_REQUEST_DATA)
    fields: [customerUUID]          # paths reported when the rule is broken
    if: <condition>                 # optional; the rule applies only when it holds
    then: <condition>               # must hold
    notExpressible: <reason>        # only when it has no JSON Schema twin (allOf member `x-rule: <id>`)

Conditions, with dotted field paths relative to that object:
``{field, present: true|false}`` (present = not absent, not null, not a blank string: one made only of the
whitespace JSON Schema's ``\s`` matches, `is_blank`),
``{field, equals: value}``, ``{field, in: [values]}``, ``{field, equalsField: other}`` (both present and
equal), ``{all: [...]}``, ``{any: [...]}``, ``{not: condition}``.

`RuleBook` walks a JSON value along its schema (properties, array items, `anyOf`/`oneOf`/`allOf` and `$ref`)
and reports every broken rule with the full path of the offending field.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from .openapi import resolve

_MISSING = object()

#: The whitespace of JSON Schema's ``\s`` (ECMA-262 WhiteSpace and LineTerminator). The spec writes "present"
#: as ``pattern: '\S'``, so "blank" must mean the same characters everywhere: Python's ``str.isspace`` also
#: counts U+001C-U+001F and U+0085, which ``\s`` does not, and misses U+FEFF, which ``\s`` matches.
JSON_SCHEMA_WHITESPACE: Final = "".join(
    ["\t\n\v\f\r \u00a0\u1680", *map(chr, range(0x2000, 0x200B)), "\u2028\u2029\u202f\u205f\u3000\ufeff"]
)
_WHITESPACE_RUN: Final = re.compile(f"[{re.escape(JSON_SCHEMA_WHITESPACE)}]+")


def _class_of(chars: str) -> str:
    """A regex character-class body of `chars` as ``\\uXXXX`` escapes, runs of three or more as ranges."""
    codes = sorted({ord(char) for char in chars})
    runs: list[list[int]] = []
    for code in codes:
        if runs and code == runs[-1][-1] + 1:
            runs[-1].append(code)
        else:
            runs.append([code])
    return "".join(
        f"\\u{run[0]:04x}-\\u{run[-1]:04x}" if len(run) >= 3 else "".join(f"\\u{code:04x}" for code in run)
        for run in runs
    )


#: The spec's "present" (not blank) as a JSON Schema ``pattern``: one character outside
#: `JSON_SCHEMA_WHITESPACE`, spelt as an explicit class of ``\uXXXX`` escapes. ECMA-262's ``\S`` means the
#: same, but Python's ``re`` (pydantic, the ``jsonschema`` library, hypothesis and so schemathesis) reads
#: ``\s`` differently; an explicit class reads alike in every engine.
PRESENT_PATTERN: Final = f"[^{_class_of(JSON_SCHEMA_WHITESPACE)}]"


_TYPE_NAMES: Final[Mapping[type, str]] = {
    str: "string",
    int: "integer",
    bool: "boolean",
    float: "number",
    type(None): "null",
    dict: "object",
    list: "array",
    tuple: "array",
}


#: How a message names a JSON type ("must be a string (got an integer)").
JSON_TYPE_PHRASES: Final[Mapping[str, str]] = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "a boolean",
    "object": "an object",
    "array": "an array",
    "null": "null",
}


def json_type(value: Any) -> str:
    """The JSON Schema type name of a Python value (``"object"``, ``"integer"``, ...; else the class name)."""
    exact = _TYPE_NAMES.get(type(value))  # the common case, without isinstance checks against ABCs
    if exact is not None:
        return exact
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, Mapping):
        return "object"
    if isinstance(value, list | tuple):
        return "array"
    return type(value).__name__


def is_blank(text: str) -> bool:
    r"""Whether `text` is empty or only whitespace, as JSON Schema's ``\s`` reads it (D-NAMES)."""
    return not text.strip(JSON_SCHEMA_WHITESPACE)


def strip_blank(text: str) -> str:
    """`text` without leading and trailing JSON Schema whitespace."""
    return text.strip(JSON_SCHEMA_WHITESPACE)


def is_missing(value: Any) -> bool:
    """Whether a value counts as not sent (D-NAMES): absent or null, or a string that `is_blank`."""
    return value is None or (isinstance(value, str) and is_blank(value))


def present_text(value: Any) -> str | None:
    """A string value without surrounding whitespace (`strip_blank`), or None when it is not a string or is
    blank: the one reading of optional text that client, mock and CLI compare values by."""
    return (strip_blank(value) or None) if isinstance(value, str) else None


def split_words(text: str) -> list[str]:
    """`text` split at runs of JSON Schema whitespace, without empty words."""
    return [word for word in _WHITESPACE_RUN.split(text) if word]


@dataclass(frozen=True)
class RuleViolation:
    """One broken rule: where (dotted path, [index] for list items), which rule, why, and its error code."""

    path: str
    rule_id: str
    message: str
    error_code: str | None = None


def _lookup(obj: Any, dotted: str) -> Any:
    current = obj
    for part in dotted.split("."):
        if not isinstance(current, Mapping) or part not in current:
            return _MISSING
        current = current[part]
    return current


def _is_present(value: Any) -> bool:
    if value is _MISSING or value is None:
        return False
    return not (isinstance(value, str) and is_blank(value))


def holds(condition: Mapping[str, Any], obj: Any) -> bool:
    """Whether `condition` holds for the JSON object `obj`."""
    if "all" in condition:
        return all(holds(part, obj) for part in condition["all"])
    if "any" in condition:
        return any(holds(part, obj) for part in condition["any"])
    if "not" in condition:
        return not holds(condition["not"], obj)
    value = _lookup(obj, condition["field"])
    if "present" in condition:
        return _is_present(value) is bool(condition["present"])
    if "equals" in condition:
        return value is not _MISSING and value == condition["equals"]
    if "in" in condition:
        return value is not _MISSING and value in condition["in"]
    if "equalsField" in condition:
        other = _lookup(obj, condition["equalsField"])
        return _is_present(value) and _is_present(other) and value == other
    raise ValueError(f"unknown x-rules condition: {dict(condition)!r}")


def broken(rule: Mapping[str, Any], obj: Any) -> bool:
    """Whether `rule` applies to `obj` and its `then` condition fails."""
    applies = holds(rule["if"], obj) if "if" in rule else True
    return applies and not holds(rule["then"], obj)


def _join(prefix: str, field: str) -> str:
    return f"{prefix}.{field}" if prefix else field


class RuleBook:
    """The `x-rules` of a (bundled) OpenAPI document, applied to values of its component schemas."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self._spec = spec
        self._schemas: Mapping[str, Any] = spec.get("components", {}).get("schemas", {})
        self._carries: dict[int, bool] = {}  # id(schema) -> whether a rule sits on it or anywhere below it

    def rules(self) -> Iterator[tuple[str, Mapping[str, Any]]]:
        """Every rule of the document with the name of the component schema carrying it."""
        for name, schema in self._schemas.items():
            for rule in schema.get("x-rules", []):
                yield name, rule

    def check(self, schema_name: str, value: Any) -> list[RuleViolation]:
        """Every rule broken anywhere inside `value`, read as an instance of `schema_name`."""
        found: list[RuleViolation] = []
        self._walk(self._schemas[schema_name], value, "", found, set())
        return found

    def _carries_rules(self, schema: Mapping[str, Any]) -> bool:
        """Whether `schema` or a schema reachable from it has ``x-rules``; computed once per schema."""
        key = id(schema)
        if key not in self._carries:
            self._carries[key] = any(part.get("x-rules") for part in self._reachable(schema))
        return self._carries[key]

    def _reachable(self, schema: Mapping[str, Any]) -> Iterator[Mapping[str, Any]]:
        """`schema` and every schema below it (branches, properties, items, through `$ref`), once each."""
        stack = [schema]
        seen: set[int] = set()
        while stack:
            current = self._resolve(stack.pop())
            if id(current) in seen:
                continue
            seen.add(id(current))
            yield current
            for branch_key in ("anyOf", "oneOf", "allOf"):
                stack += current.get(branch_key, [])
            stack += current.get("properties", {}).values()
            if isinstance(current.get("items"), Mapping):
                stack.append(current["items"])

    def _resolve(self, schema: Mapping[str, Any]) -> Mapping[str, Any]:
        resolved: Mapping[str, Any] = resolve(self._spec, schema)
        return resolved

    def _walk(
        self,
        schema: Mapping[str, Any],
        value: Any,
        path: str,
        found: list[RuleViolation],
        seen: set[tuple[int, str]],
    ) -> None:
        if value is None or isinstance(value, str | int | float):
            return  # rules sit on objects; a scalar has nothing below it either
        schema = self._resolve(schema)
        if not self._carries_rules(schema):
            return  # nothing to check anywhere below: most of a request body (names, phones, ...)
        key = (id(schema), path)
        if key in seen:
            return
        seen.add(key)
        for branch_key in ("anyOf", "oneOf", "allOf"):
            for branch in schema.get(branch_key, []):
                self._walk(branch, value, path, found, seen)
        if isinstance(value, dict | Mapping):
            for rule in schema.get("x-rules", []):
                if broken(rule, value):
                    for field in rule.get("fields", [""]):
                        found.append(
                            RuleViolation(
                                _join(path, field), rule["id"], rule["message"], rule.get("errorCode")
                            )
                        )
            properties: Mapping[str, Any] = schema.get("properties", {})
            for name, sub_schema in properties.items():
                if name in value:
                    self._walk(sub_schema, value[name], _join(path, name), found, seen)
        elif isinstance(value, Sequence) and not isinstance(value, str) and "items" in schema:
            for index, item in enumerate(value):
                self._walk(schema["items"], item, f"{path}[{index}]", found, seen)
