"""A JSON value against the spec's schemas: every problem, each with the dotted path of its field.

Client pre-flight and mock run this one checker, so they give the same verdict on the same body:

1. JSON Schema (Draft 2020-12, jsonschema-rs ``iter_errors``) of the spec's component schemas. A failed
   ``anyOf``/``oneOf`` is replaced by the errors of the one branch the value was meant for (e.g. the object
   branch of a nullable object), so the message names the real field.
2. The spec's ``x-rules`` (`mykaarma_core.rules.RuleBook`), the documented conditional rules with their own
   messages. Where a rule is also written in JSON Schema (``if``/``then``/``not``/``dependentSchemas``), the
   schema's twin of a reported rule is dropped, so one problem is listed once.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import jsonschema_rs

from .problems import FieldSet, PathPart, Problem, format_path, preview
from .rules import JSON_TYPE_PHRASES, PRESENT_PATTERN, RuleBook, json_type

__all__ = ["SPEC_URI", "Finding", "SchemaChecker", "anchor_refs"]

SPEC_URI: Final = "urn:mykaarma-spec"
_CONDITIONAL_KEYWORDS: Final = frozenset(
    {"if", "then", "else", "not", "dependentSchemas", "dependentRequired"}
)
#: Rule ids of schema findings that differ from the JSON Schema keyword.
_RULE_IDS: Final[Mapping[str, str]] = {"additionalProperties": "schema.unknown"}
_BOUNDS: Final[Mapping[str, str]] = {
    "minimum": ">=",
    "exclusiveMinimum": ">",
    "maximum": "<=",
    "exclusiveMaximum": "<",
}


@dataclass(frozen=True)
class Finding:
    """One JSON Schema finding: where, which keyword, what is wrong, and whether a conditional keyword
    (the JSON Schema twin of an x-rule) produced it."""

    path: tuple[PathPart, ...]
    kind: str
    text: str
    conditional: bool

    @functools.cached_property
    def field(self) -> str:
        return format_path(self.path)

    @property
    def rule_id(self) -> str:
        return _RULE_IDS.get(self.kind, f"schema.{self.kind}")


def _describe(kind: str, details: Mapping[str, Any], instance: Any) -> str:
    """A plain-language message for one JSON Schema error kind (values quoted by `preview` only)."""
    if kind == "type":
        names = sorted(details.get("types", []), key=lambda t: t == "null")
        types = [JSON_TYPE_PHRASES.get(t, t) for t in names]
        return f"must be {' or '.join(types)} (got {json_type(instance)})"
    if kind == "enum":
        options = ", ".join(json.dumps(o) for o in details.get("options", []))
        return f"must be one of {options} (got {preview(instance)})"
    if kind == "const":
        return f"must be {json.dumps(details.get('expected_value'))} (got {preview(instance)})"
    if kind == "pattern":
        pattern = details.get("pattern")
        return "must not be blank" if pattern == PRESENT_PATTERN else f"must match the pattern {pattern}"
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
    if kind == "minProperties":
        return f"must have at least {details.get('limit')} field(s)"
    if kind == "uniqueItems":
        return "must not contain duplicate items"
    if kind in _BOUNDS:
        return f"must be {_BOUNDS[kind]} {details.get('limit')}"
    if kind == "falseSchema":
        return "is not allowed"
    if kind == "oneOfMultipleValid":
        return "matches more than one of the allowed forms"
    if kind in ("anyOf", "oneOfNotValid"):
        return "does not match any of the allowed forms"
    if kind == "not":
        return "is not allowed in this combination"
    # jsonschema-rs's own message quotes the whole value, which may be a whole body of personal data
    return f"does not satisfy the schema ({kind})"


def _branch_rejects_type_only(errors: Sequence[jsonschema_rs.ValidationError], at: list[PathPart]) -> bool:
    return all(e.kind.name == "type" and list(e.instance_path) == at for e in errors)


def _findings(error: jsonschema_rs.ValidationError) -> list[Finding]:
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
            return [Finding(f.path, f.kind, f.text, f.conditional or conditional) for f in found]
    if kind == "required":
        return [Finding((*path, str(details["property"])), kind, "is required", conditional)]
    if kind == "additionalProperties":
        return [
            Finding((*path, str(name)), kind, "is not allowed (unknown property)", conditional)
            for name in details.get("unexpected", [])
        ]
    return [Finding(path, kind, _describe(kind, details, error.instance), conditional)]


def anchor_refs(node: Any) -> Any:
    """Copy of an inline schema whose local `$ref`s point into the spec document registered as `SPEC_URI`."""
    if isinstance(node, Mapping):
        return {
            key: SPEC_URI + value if key == "$ref" and str(value).startswith("#/") else anchor_refs(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [anchor_refs(item) for item in node]
    return node


class SchemaChecker:
    """Compiled validators for the component schemas (and inline schemas) of one spec document.

    `document` needs ``components.schemas`` (with their ``x-rules``); the whole bundle works too.
    """

    def __init__(self, document: Mapping[str, Any]) -> None:
        self._registry = jsonschema_rs.Registry([(SPEC_URI, dict(document))])
        self._components: dict[str, jsonschema_rs.Validator] = {}
        self.rules = RuleBook(document)
        self._rule_fields = {rule["id"]: tuple(rule.get("fields", [""])) for _, rule in self.rules.rules()}

    def component(self, name: str) -> jsonschema_rs.Validator:
        """The validator of ``#/components/schemas/<name>``, compiled on first use."""
        if name not in self._components:
            self._components[name] = jsonschema_rs.Draft202012Validator(
                {"$ref": f"{SPEC_URI}#/components/schemas/{name}"}, registry=self._registry
            )
        return self._components[name]

    def inline(self, schema: Mapping[str, Any]) -> jsonschema_rs.Validator:
        """A validator of a schema written in place (a parameter's), its `$ref`s read from the document."""
        return jsonschema_rs.Draft202012Validator(anchor_refs(schema), registry=self._registry)

    def findings(self, validator: jsonschema_rs.Validator, value: Any) -> list[Finding]:
        """Every JSON Schema finding of `value`, one per field and keyword."""
        found: list[Finding] = []
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

    def problems(self, name: str, value: Any) -> list[Problem]:
        """Every problem of `value` read as the component schema `name`: JSON Schema, then x-rules.

        A schema finding produced by a conditional keyword inside an object that carries a broken x-rule is
        that rule's JSON Schema twin and is left out; the rule's own message says it.
        """
        found = self.findings(self.component(name), value)
        rule_problems = self.rule_problems(name, value)
        # the paths of the objects that carry a broken rule
        broken_rules = FieldSet(self._rule_object(str(p.rule_id), p.path) for p in rule_problems)
        problems = [
            Problem(item.field, item.text, item.rule_id)
            for item in found
            if not (item.conditional and broken_rules.encloses(item.field))
        ]
        seen: set[tuple[str, str]] = set()
        for problem in rule_problems:
            if (problem.path, problem.message) not in seen:
                seen.add((problem.path, problem.message))
                problems.append(problem)
        return problems

    def rule_problems(self, name: str, value: Any) -> list[Problem]:
        """Every broken ``x-rules`` entry inside `value` read as the component schema `name`."""
        if not isinstance(value, Mapping):
            return []
        return [
            Problem(violation.path, violation.message, violation.rule_id, violation.error_code)
            for violation in self.rules.check(name, value)
        ]

    def _rule_object(self, rule_id: str, path: str) -> str:
        """The path of the object a rule sits on, from the path of one of its reported fields."""
        for field in self._rule_fields.get(rule_id, ()):
            if field and (path == field or path.endswith("." + field)):
                return path[: len(path) - len(field)].rstrip(".")
        return path
