"""Classify the contract changes between two bundled OpenAPI 3.1 documents as breaking or not.

Usage: python -m scripts.release.spec_diff OLD.yaml NEW.yaml   (prints every change; exit 1 if one breaks)

Only what a client can observe counts: operations, their parameters, request bodies and responses (status
codes, media types, headers) and the schemas under them, the security requirements and the grant an
operation needs (`x-required-scope`). Descriptions, examples, links and unreferenced components are ignored.

A schema change is judged by the direction its data flows:

* request (the client sends, the server validates): breaking when the server may now reject something the
  old contract accepted: a property removed while unknown ones are refused, a new required field or
  parameter, a narrower type, a tightened constraint (maxLength or maxItems down, minimum up, pattern or
  format added or changed, an enum value removed), a new rule (`x-rules`, `if`/`then`, `not`,
  `dependentSchemas`), a changed default;
* response (the server sends, the client parses): breaking when the client may now receive something the old
  contract ruled out, or miss something it promised: a property removed or no longer required, a wider type
  (null included), a new enum value (the generated client's enums reject unknown values), a format changed or
  dropped, a status code or media type removed. Loosened lengths, bounds and patterns in a response are not
  breaking: the generated client does not check them.

Schemas reached through `$ref` are reported under their component name (`CustomerRead.customerKey`), so a
change to a shared component is listed once, with every operation it affects.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

import yaml

from mykaarma_core.openapi import operations as walk_operations
from mykaarma_core.rules import PRESENT_PATTERN

Json = Any
Schema = dict[str, Any]
Direction = Literal["request", "response"]

SCHEMA_REF_PREFIX = "#/components/schemas/"
# Keywords of conditional rules: compared as opaque constraints (request side only).
CONDITION_KEYWORDS = ("if", "then", "else", "not", "dependentSchemas", "dependentRequired")
# Marks a conditional as the JSON Schema twin of the `x-rules` entry it names (the two decide alike; a test
# proves it), so a rewritten twin of an unchanged rule is not a new constraint.
TWIN_MARKER = "x-rule"
# Patterns that are one regular expression under ECMA-262, the dialect JSON Schema prescribes: `\S` and the
# explicit class the spec now spells "present" with (`mykaarma_core.rules.PRESENT_PATTERN`).
_SAME_PATTERN: Mapping[Json, str] = {r"\S": PRESENT_PATTERN}
UPPER_BOUNDS = ("maxLength", "maxItems", "maxProperties", "maximum", "exclusiveMaximum")
LOWER_BOUNDS = ("minLength", "minItems", "minProperties", "minimum", "exclusiveMinimum")


class Kind(StrEnum):
    """What happened to the subject of a change (the changelog's headings)."""

    ADDED = "added"
    CHANGED = "changed"
    DEPRECATED = "deprecated"
    REMOVED = "removed"


KIND_ORDER = {Kind.ADDED: 0, Kind.CHANGED: 1, Kind.DEPRECATED: 2, Kind.REMOVED: 3}


@dataclass(frozen=True)
class Change:
    """One contract change: what changed (`subject`), how (`detail`), and the operations it affects."""

    breaking: bool
    kind: Kind
    subject: str
    detail: str
    operations: tuple[str, ...] = ()

    def describe(self) -> str:
        return f"{self.subject}: {self.detail}"


class _JsonLoader(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):  # type: ignore[misc]
    """YAML loader that keeps dates as strings, as JSON (and so OpenAPI 3.1) sees them."""


_JsonLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_document(path: Path) -> dict[str, Json]:
    """Parse an OpenAPI document (YAML or JSON) into JSON-compatible values."""
    document = yaml.load(path.read_text(encoding="utf-8"), Loader=_JsonLoader)
    if not isinstance(document, dict) or "paths" not in document:
        raise ValueError(f"{path} is not an OpenAPI document")
    return document


def _canonical(value: Json) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _show(value: Json) -> str:
    """A value as it appears in a message: numbers bare, strings quoted as written (a pattern keeps its single
    backslashes), anything else as JSON."""
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, bool) or not isinstance(value, int | float):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _template(path: str) -> str:
    """The path with parameter names blanked: renaming `{id}` keeps it the same path."""
    parts = [("{}" if part.startswith("{") and part.endswith("}") else part) for part in path.split("/")]
    return "/".join(parts)


@dataclass(frozen=True)
class Operation:
    """An operation of a document with the path item it sits in."""

    method: str
    path: str
    node: dict[str, Json]
    path_item: dict[str, Json]

    @property
    def label(self) -> str:
        operation_id = self.node.get("operationId")
        return str(operation_id) if operation_id else f"{self.method.upper()} {self.path}"

    @property
    def display(self) -> str:
        return f"{self.label} ({self.method.upper()} {self.path})"


def operations(document: Mapping[str, Json]) -> dict[tuple[str, str], Operation]:
    """Every operation of `document` keyed by (method, path template)."""
    found: dict[tuple[str, str], Operation] = {}
    for entry in walk_operations(document):
        found[(entry.method, _template(entry.path))] = Operation(
            entry.method, entry.path, dict(entry.definition), dict(entry.item)
        )
    return found


def resolve(document: Mapping[str, Json], node: Json) -> tuple[Json, str | None]:
    """Follow local `$ref`s; returns the target and the name of the last schema component passed through."""
    name: str | None = None
    seen: set[str] = set()
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        if not ref.startswith("#/") or ref in seen:
            raise ValueError(f"cannot resolve $ref {ref!r}")
        seen.add(ref)
        if ref.startswith(SCHEMA_REF_PREFIX):
            name = ref[len(SCHEMA_REF_PREFIX) :]
        target: Json = document
        for part in ref[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node, name


def _types(schema: Schema) -> frozenset[str] | None:
    """The JSON types a schema allows (`None`: any), `nullable: true` counted as 'null'."""
    declared = schema.get("type")
    if declared is None:
        return None
    types = {declared} if isinstance(declared, str) else set(declared)
    if schema.get("nullable") is True:
        types.add("null")
    return frozenset(types)


def _type_gain(before: frozenset[str], after: frozenset[str]) -> set[str]:
    """Types `after` allows that `before` does not ('integer' is inside 'number')."""
    gained = set(after - before)
    if "integer" in gained and "number" in before:
        gained.discard("integer")
    return gained


def _show_types(types: frozenset[str] | None) -> str:
    return "any" if types is None else " | ".join(sorted(types))


class _Recorder:
    """Collects changes, merging the same change seen from several operations."""

    def __init__(self) -> None:
        self._operations: dict[tuple[bool, Kind, str, str], set[str]] = {}

    def add(self, operation: str, *, breaking: bool, kind: Kind, subject: str, detail: str) -> None:
        self._operations.setdefault((breaking, kind, subject, detail), set()).add(operation)

    def changes(self) -> list[Change]:
        """The changes, a non-breaking one dropped when the same change also breaks other operations (an
        enum value removed is breaking for the requests that send it, harmless for the responses)."""
        breaking = {
            (kind, subject, detail)
            for (is_breaking, kind, subject, detail) in self._operations
            if is_breaking
        }
        found = [
            Change(is_breaking, kind, subject, detail, tuple(sorted(ops)))
            for (is_breaking, kind, subject, detail), ops in self._operations.items()
            if is_breaking or (kind, subject, detail) not in breaking
        ]
        return sorted(found, key=lambda c: (not c.breaking, KIND_ORDER[c.kind], c.subject, c.detail))


@dataclass(frozen=True)
class _Site:
    """Where a comparison happens: the operation, the subject (component or location) and the direction."""

    operation: str
    subject: str
    direction: Direction

    def at(self, subject: str) -> _Site:
        return _Site(self.operation, subject, self.direction)


class _Comparer:
    def __init__(self, old: Mapping[str, Json], new: Mapping[str, Json]) -> None:
        self.old, self.new = old, new
        self.recorder = _Recorder()

    def record(
        self, site: _Site, *, breaking: bool, kind: Kind, detail: str, subject: str | None = None
    ) -> None:
        self.recorder.add(
            site.operation, breaking=breaking, kind=kind, subject=subject or site.subject, detail=detail
        )

    # Operations ---------------------------------------------------------------------------------------

    def compare(self) -> list[Change]:
        old_ops, new_ops = operations(self.old), operations(self.new)
        for key in old_ops.keys() - new_ops.keys():
            op = old_ops[key]
            site = _Site(op.label, f"operation {op.display}", "request")
            self.record(site, breaking=True, kind=Kind.REMOVED, detail="removed")
        for key in new_ops.keys() - old_ops.keys():
            op = new_ops[key]
            site = _Site(op.label, f"operation {op.display}", "request")
            self.record(site, breaking=False, kind=Kind.ADDED, detail="added")
        for key in old_ops.keys() & new_ops.keys():
            self.operation(old_ops[key], new_ops[key])
        return self.recorder.changes()

    def operation(self, old: Operation, new: Operation) -> None:
        site = _Site(new.label, f"operation {new.display}", "request")
        old_id, new_id = old.node.get("operationId"), new.node.get("operationId")
        if old_id != new_id:
            detail = f"operationId {_show(old_id)} -> {_show(new_id)} (the client's method name)"
            self.record(site, breaking=True, kind=Kind.CHANGED, detail=detail)
        if new.node.get("deprecated") is True and old.node.get("deprecated") is not True:
            self.record(site, breaking=False, kind=Kind.DEPRECATED, detail="deprecated")
        old_scope, new_scope = old.node.get("x-required-scope"), new.node.get("x-required-scope")
        if _canonical(old_scope) != _canonical(new_scope):
            if new_scope is None:
                self.record(site, breaking=False, kind=Kind.REMOVED, detail="x-required-scope dropped")
            else:
                detail = (
                    f"x-required-scope {_show(old_scope)} -> {_show(new_scope)} (accounts need the new grant)"
                )
                self.record(site, breaking=True, kind=Kind.CHANGED, detail=detail)
        old_security = old.node.get("security", self.old.get("security"))
        new_security = new.node.get("security", self.new.get("security"))
        if _canonical(old_security) != _canonical(new_security):
            detail = f"security {_show(old_security)} -> {_show(new_security)}"
            self.record(site, breaking=True, kind=Kind.CHANGED, detail=detail)
        for name in sorted({name for requirement in new_security or [] for name in requirement}):
            before, after = _security_scheme(self.old, name), _security_scheme(self.new, name)
            if before is not None and _canonical(before) != _canonical(after):
                detail = f"security scheme {name} {_show(before)} -> {_show(after)}"
                self.record(site, breaking=True, kind=Kind.CHANGED, detail=detail)
        self.parameters(site, old, new)
        self.request_body(site, old.node.get("requestBody"), new.node.get("requestBody"))
        self.responses(site, old.node.get("responses") or {}, new.node.get("responses") or {})

    def _parameters_of(self, document: Mapping[str, Json], op: Operation) -> dict[tuple[str, str], Json]:
        found: dict[tuple[str, str], Json] = {}
        for raw in [*(op.path_item.get("parameters") or []), *(op.node.get("parameters") or [])]:
            parameter, _ = resolve(document, raw)
            location, name = parameter["in"], parameter["name"]
            found[(location, name.lower() if location == "header" else name)] = parameter
        return found

    def parameters(self, site: _Site, old: Operation, new: Operation) -> None:
        old_params, new_params = self._parameters_of(self.old, old), self._parameters_of(self.new, new)
        for key in sorted(old_params.keys() - new_params.keys()):
            where = site.at(f"parameter {old_params[key]['name']} ({key[0]})")
            self.record(where, breaking=True, kind=Kind.REMOVED, detail="removed")
        for key in sorted(new_params.keys() - old_params.keys()):
            where = site.at(f"parameter {new_params[key]['name']} ({key[0]})")
            if new_params[key].get("required") is True:
                self.record(where, breaking=True, kind=Kind.ADDED, detail="new required parameter")
            else:
                self.record(where, breaking=False, kind=Kind.ADDED, detail="new optional parameter")
        for key in sorted(old_params.keys() & new_params.keys()):
            before, after = old_params[key], new_params[key]
            where = site.at(f"parameter {after['name']} ({key[0]})")
            if after.get("required") is True and before.get("required") is not True:
                self.record(where, breaking=True, kind=Kind.CHANGED, detail="now required")
            elif before.get("required") is True and after.get("required") is not True:
                self.record(where, breaking=False, kind=Kind.CHANGED, detail="now optional")
            if after.get("deprecated") is True and before.get("deprecated") is not True:
                self.record(where, breaking=False, kind=Kind.DEPRECATED, detail="deprecated")
            for keyword in ("style", "explode", "allowReserved"):
                if before.get(keyword) != after.get(keyword):
                    detail = f"{keyword} {_show(before.get(keyword))} -> {_show(after.get(keyword))}"
                    self.record(where, breaking=True, kind=Kind.CHANGED, detail=detail)
            self.schema(where, before.get("schema", {}), after.get("schema", {}))

    def request_body(self, site: _Site, old_raw: Json, new_raw: Json) -> None:
        where = site.at(f"{site.operation} request body")
        old, _ = resolve(self.old, old_raw)
        new, _ = resolve(self.new, new_raw)
        if old is None and new is None:
            return
        if old is None:
            required = new.get("required") is True
            detail = "new required request body" if required else "new optional request body"
            self.record(where, breaking=required, kind=Kind.ADDED, detail=detail)
            return
        if new is None:
            self.record(where, breaking=True, kind=Kind.REMOVED, detail="request body removed")
            return
        if new.get("required") is True and old.get("required") is not True:
            self.record(where, breaking=True, kind=Kind.CHANGED, detail="now required")
        self.content(where, old.get("content") or {}, new.get("content") or {})

    def responses(self, site: _Site, old: Mapping[str, Json], new: Mapping[str, Json]) -> None:
        for status in sorted(old.keys() - new.keys()):
            where = site.at(f"{site.operation} response {status}")
            self.record(where, breaking=True, kind=Kind.REMOVED, detail="status code removed")
        for status in sorted(new.keys() - old.keys()):
            where = site.at(f"{site.operation} response {status}")
            self.record(where, breaking=False, kind=Kind.ADDED, detail="new status code")
        for status in sorted(old.keys() & new.keys()):
            where = _Site(site.operation, f"{site.operation} response {status}", "response")
            before, _ = resolve(self.old, old[status])
            after, _ = resolve(self.new, new[status])
            self.headers(where, before.get("headers") or {}, after.get("headers") or {})
            self.content(where, before.get("content") or {}, after.get("content") or {})

    def headers(self, site: _Site, old: Mapping[str, Json], new: Mapping[str, Json]) -> None:
        old_by_name = {name.lower(): (name, value) for name, value in old.items()}
        new_by_name = {name.lower(): (name, value) for name, value in new.items()}
        for key in sorted(old_by_name.keys() - new_by_name.keys()):
            where = site.at(f"{site.subject} header {old_by_name[key][0]}")
            self.record(where, breaking=True, kind=Kind.REMOVED, detail="header removed")
        for key in sorted(new_by_name.keys() - old_by_name.keys()):
            where = site.at(f"{site.subject} header {new_by_name[key][0]}")
            self.record(where, breaking=False, kind=Kind.ADDED, detail="new header")
        for key in sorted(old_by_name.keys() & new_by_name.keys()):
            before, _ = resolve(self.old, old_by_name[key][1])
            after, _ = resolve(self.new, new_by_name[key][1])
            where = site.at(f"{site.subject} header {new_by_name[key][0]}")
            if before.get("required") is True and after.get("required") is not True:
                self.record(where, breaking=True, kind=Kind.CHANGED, detail="no longer always sent")
            self.schema(where, before.get("schema", {}), after.get("schema", {}))

    def content(self, site: _Site, old: Mapping[str, Json], new: Mapping[str, Json]) -> None:
        sent = "accepted" if site.direction == "request" else "returned"
        for media_type in sorted(old.keys() - new.keys()):
            self.record(site, breaking=True, kind=Kind.REMOVED, detail=f"{media_type} no longer {sent}")
        for media_type in sorted(new.keys() - old.keys()):
            self.record(site, breaking=False, kind=Kind.ADDED, detail=f"{media_type} now {sent}")
        for media_type in sorted(old.keys() & new.keys()):
            self.schema(site, old[media_type].get("schema", {}), new[media_type].get("schema", {}))

    # Schemas ------------------------------------------------------------------------------------------

    def schema(
        self,
        site: _Site,
        old_raw: Json,
        new_raw: Json,
        stack: frozenset[tuple[str | None, str | None, Direction]] = frozenset(),
    ) -> None:
        old, old_name = resolve(self.old, old_raw)
        new, new_name = resolve(self.new, new_raw)
        if old_name or new_name:
            key = (old_name, new_name, site.direction)
            if key in stack:  # a recursive schema: this pair is being compared further up
                return
            stack = stack | {key}
            if old_name and new_name:  # both sides name a component: report under its name
                site = site.at(new_name)
        before, after = (
            self.normalize(self.old, old, site.direction),
            self.normalize(self.new, new, site.direction),
        )
        old_variants = before.get("anyOf") or before.get("oneOf")
        new_variants = after.get("anyOf") or after.get("oneOf")
        if old_variants or new_variants:
            self.variants(site, old_variants or [old_raw], new_variants or [new_raw], stack)
            if not (old_variants and new_variants):  # one side is a single schema: compared as a variant
                self.annotations(site, before, after)
                return
        self.annotations(site, before, after)
        self.types(site, _types(before), _types(after))
        self.constraints(site, before, after)
        self.properties(site, before, after, stack)
        if "items" in before or "items" in after:
            self.schema(site.at(f"{site.subject}[]"), before.get("items", {}), after.get("items", {}), stack)
        if site.direction == "request":
            old_rules, new_rules = before.get("x-rules") or [], after.get("x-rules") or []
            self.rules(site, old_rules, new_rules)
            unchanged = {_rule_logic(rule) for rule in old_rules} & {_rule_logic(rule) for rule in new_rules}
            self.conditions(
                site,
                before.get("conditions") or [],
                after.get("conditions") or [],
                {json.loads(logic)["id"] for logic in unchanged},
            )

    def normalize(self, document: Mapping[str, Json], schema: Json, direction: Direction) -> Schema:
        """The schema with `allOf` merged in (properties, required, rules), conditions collected apart,
        and the properties the direction never carries (readOnly in requests, writeOnly in responses) dropped.
        """
        if schema is False:
            return {"properties": {}, "required": [], "x-rules": [], "conditions": [{"not": {}}]}
        if not isinstance(schema, dict):  # `true`, or nothing: any value
            return {"properties": {}, "required": [], "x-rules": [], "conditions": []}
        merged: Schema = {
            key: value for key, value in schema.items() if key not in (*CONDITION_KEYWORDS, TWIN_MARKER)
        }
        conditions: list[Json] = []
        if any(key in schema for key in ("if", "then", "else")):  # one rule: if/then/else together
            conditions.append({key: schema[key] for key in ("if", "then", "else") if key in schema})
        conditions += [
            {key: schema[key]} for key in ("not", "dependentSchemas", "dependentRequired") if key in schema
        ]
        if TWIN_MARKER in schema:  # the JSON Schema form of an x-rule: compared through that rule
            conditions = [{**condition, TWIN_MARKER: schema[TWIN_MARKER]} for condition in conditions]
        merged["properties"] = dict(schema.get("properties") or {})
        merged["required"] = list(schema.get("required") or [])
        merged["x-rules"] = list(schema.get("x-rules") or [])
        for member_raw in merged.pop("allOf", None) or []:
            member_node, _ = resolve(document, member_raw)
            member = self.normalize(document, member_node, direction)
            for name, value in member.pop("properties").items():
                merged["properties"].setdefault(name, value)
            merged["required"] += [name for name in member.pop("required") if name not in merged["required"]]
            merged["x-rules"] += member.pop("x-rules")
            conditions += member.pop("conditions", [])
            for keyword, value in member.items():
                merged.setdefault(keyword, value)
        hidden = "readOnly" if direction == "request" else "writeOnly"
        merged["properties"] = {
            name: value
            for name, value in merged["properties"].items()
            if not _flag(resolve(document, value)[0], hidden)
        }
        merged["conditions"] = conditions
        return merged

    def variants(
        self,
        site: _Site,
        old: list[Json],
        new: list[Json],
        stack: frozenset[tuple[str | None, str | None, Direction]],
    ) -> None:
        old_keyed, new_keyed = self._keyed(self.old, old), self._keyed(self.new, new)
        request = site.direction == "request"
        for key in sorted(old_keyed.keys() - new_keyed.keys()):
            detail = f"no longer accepts {key}" if request else f"no longer returns {key}"
            self.record(site, breaking=request, kind=Kind.REMOVED, detail=detail)
        for key in sorted(new_keyed.keys() - old_keyed.keys()):
            detail = f"now accepts {key}" if request else f"may now be {key}"
            self.record(site, breaking=not request, kind=Kind.ADDED, detail=detail)
        for key in sorted(old_keyed.keys() & new_keyed.keys()):
            self.schema(site, old_keyed[key], new_keyed[key], stack)

    def _keyed(self, document: Mapping[str, Json], variants: list[Json]) -> dict[str, Json]:
        """Variants by what they are: `null`, `a CustomerRead` (component), `a string`, or their position."""
        keyed: dict[str, Json] = {}
        for index, variant in enumerate(variants):
            node, name = resolve(document, variant)
            types = _types(node) if isinstance(node, dict) else None
            if name:
                key = f"a {name}"
            elif types == frozenset({"null"}):
                key = "null"
            elif types is not None and not (node.keys() - {"type", "description", "title"}):
                key = f"a {_show_types(types)}"
            else:
                key = f"variant {index + 1}"
            keyed[key] = variant
        return keyed

    def annotations(self, site: _Site, before: Schema, after: Schema) -> None:
        if _flag(after, "deprecated") and not _flag(before, "deprecated"):
            self.record(site, breaking=False, kind=Kind.DEPRECATED, detail="deprecated")
        if site.direction == "request" and _canonical(before.get("default")) != _canonical(
            after.get("default")
        ):
            old_default, new_default = before.get("default"), after.get("default")
            detail = f"default {_show(old_default)} -> {_show(new_default)}"
            if "default" in before and "default" in after:
                detail += " (requests that omit it behave differently)"
            changed_behaviour = "default" in before and "default" in after
            self.record(site, breaking=changed_behaviour, kind=Kind.CHANGED, detail=detail)

    def types(self, site: _Site, before: frozenset[str] | None, after: frozenset[str] | None) -> None:
        if before == after:
            return
        if before is None or after is None:
            narrowed, widened = before is None, after is None
        else:
            narrowed, widened = bool(_type_gain(after, before)), bool(_type_gain(before, after))
        detail = f"type {_show_types(before)} -> {_show_types(after)}"
        breaking = narrowed if site.direction == "request" else widened
        if not narrowed and not widened:
            return  # e.g. integer | number -> number: the same values
        self.record(site, breaking=breaking, kind=Kind.CHANGED, detail=detail)

    def constraints(self, site: _Site, before: Schema, after: Schema) -> None:
        request = site.direction == "request"
        for keyword in (*UPPER_BOUNDS, *LOWER_BOUNDS):
            old, new = before.get(keyword), after.get(keyword)
            if old == new:
                continue
            if isinstance(old, bool) or isinstance(new, bool):  # OpenAPI 3.0's boolean exclusive bounds
                tightened = new is True
            elif old is None or new is None:
                tightened = old is None
            else:
                tightened = new < old if keyword in UPPER_BOUNDS else new > old
            verdict = "tightened" if tightened else "relaxed"
            detail = f"{keyword} {_show(old) if old is not None else 'none'} -> "
            detail += f"{_show(new) if new is not None else 'none'} ({verdict})"
            self.record(site, breaking=request and tightened, kind=Kind.CHANGED, detail=detail)
        for keyword in ("pattern", "format", "multipleOf"):
            old, new = before.get(keyword), after.get(keyword)
            if old == new or (
                keyword == "pattern" and _SAME_PATTERN.get(old, old) == _SAME_PATTERN.get(new, new)
            ):
                continue
            if old is None:
                breaking = request  # a new constraint
            elif new is None:
                breaking = not request and keyword == "format"  # a response that may no longer parse
            else:
                breaking = request or keyword == "format"
            detail = f"{keyword} {_show(old) if old is not None else 'none'} -> "
            detail += f"{_show(new) if new is not None else 'none'}"
            self.record(site, breaking=breaking, kind=Kind.CHANGED, detail=detail)
        if _flag(after, "uniqueItems") != _flag(before, "uniqueItems"):
            tightened = _flag(after, "uniqueItems")
            detail = "items must now be unique" if tightened else "items no longer need to be unique"
            self.record(site, breaking=request and tightened, kind=Kind.CHANGED, detail=detail)
        self.enumeration(site, _allowed_values(before), _allowed_values(after))

    def enumeration(self, site: _Site, before: list[Json] | None, after: list[Json] | None) -> None:
        request = site.direction == "request"
        if before is None and after is None:
            return
        if before is None or after is None:
            restricted = before is None
            detail = f"values restricted to {_show(after)}" if restricted else "values no longer restricted"
            self.record(site, breaking=restricted == request, kind=Kind.CHANGED, detail=detail)
            return
        old_keys, new_keys = {_canonical(v): v for v in before}, {_canonical(v): v for v in after}
        removed = [old_keys[k] for k in old_keys if k not in new_keys]
        added = [new_keys[k] for k in new_keys if k not in old_keys]
        if removed:
            detail = f"enum value {', '.join(_show(v) for v in removed)} removed"
            self.record(site, breaking=request, kind=Kind.REMOVED, detail=detail)
        if added:
            detail = f"enum value {', '.join(_show(v) for v in added)} added"
            self.record(site, breaking=not request, kind=Kind.ADDED, detail=detail)

    def properties(
        self,
        site: _Site,
        before: Schema,
        after: Schema,
        stack: frozenset[tuple[str | None, str | None, Direction]],
    ) -> None:
        request = site.direction == "request"
        old_props, new_props = before["properties"], after["properties"]
        old_required, new_required = set(before["required"]), set(after["required"])
        closed = after.get("additionalProperties") is False
        for name in sorted(old_props.keys() - new_props.keys()):
            where = site.at(f"{site.subject}.{name}")
            if not request:
                self.record(where, breaking=True, kind=Kind.REMOVED, detail="removed from the response")
            elif closed:
                detail = "removed (requests that send it are rejected)"
                self.record(where, breaking=True, kind=Kind.REMOVED, detail=detail)
            else:
                self.record(where, breaking=False, kind=Kind.REMOVED, detail="removed (ignored when sent)")
        for name in sorted(new_props.keys() - old_props.keys()):
            where = site.at(f"{site.subject}.{name}")
            if not request:
                self.record(where, breaking=False, kind=Kind.ADDED, detail="new response property")
            elif name in new_required:
                self.record(where, breaking=True, kind=Kind.ADDED, detail="new required request field")
            else:
                self.record(where, breaking=False, kind=Kind.ADDED, detail="new optional request field")
        for name in sorted((old_required ^ new_required) - (old_props.keys() ^ new_props.keys())):
            where = site.at(f"{site.subject}.{name}")
            now_required = name in new_required
            if request:
                detail = "now required" if now_required else "now optional"
                self.record(where, breaking=now_required, kind=Kind.CHANGED, detail=detail)
            else:
                detail = "now always present" if now_required else "no longer always present"
                self.record(where, breaking=not now_required, kind=Kind.CHANGED, detail=detail)
        for name in sorted(old_props.keys() & new_props.keys()):
            self.schema(site.at(f"{site.subject}.{name}"), old_props[name], new_props[name], stack)
        self.additional_properties(
            site, before.get("additionalProperties"), after.get("additionalProperties"), stack
        )

    def additional_properties(
        self,
        site: _Site,
        old: Json,
        new: Json,
        stack: frozenset[tuple[str | None, str | None, Direction]],
    ) -> None:
        old_closed, new_closed = old is False, new is False
        if old_closed != new_closed:
            request = site.direction == "request"
            detail = "unknown properties now rejected" if new_closed else "unknown properties now allowed"
            self.record(site, breaking=request and new_closed, kind=Kind.CHANGED, detail=detail)
        elif not old_closed and (isinstance(old, dict) or isinstance(new, dict)):
            extra = site.at(f"{site.subject}.*")
            self.schema(
                extra, old if isinstance(old, dict) else {}, new if isinstance(new, dict) else {}, stack
            )

    def rules(self, site: _Site, before: list[Json], after: list[Json]) -> None:
        """`x-rules` by id: a new or changed rule may reject requests the old contract accepted."""

        logic = _rule_logic
        old_rules = {str(rule.get("id")): rule for rule in before}
        new_rules = {str(rule.get("id")): rule for rule in after}
        for rule_id in sorted(old_rules.keys() - new_rules.keys()):
            self.record(site, breaking=False, kind=Kind.REMOVED, detail=f"rule {rule_id} dropped")
        for rule_id in sorted(new_rules.keys() - old_rules.keys()):
            detail = f"new rule {rule_id}: {new_rules[rule_id].get('message', '')}".rstrip(": ")
            self.record(site, breaking=True, kind=Kind.ADDED, detail=detail)
        for rule_id in sorted(old_rules.keys() & new_rules.keys()):
            if logic(old_rules[rule_id]) != logic(new_rules[rule_id]):
                self.record(site, breaking=True, kind=Kind.CHANGED, detail=f"rule {rule_id} changed")

    def conditions(
        self, site: _Site, before: list[Json], after: list[Json], unchanged_rules: set[str]
    ) -> None:
        """JSON Schema conditionals (`if`/`then`, `not`, `dependentSchemas`, ...), compared as a set.

        A new conditional that is the twin of an x-rule present and unchanged in both contracts rejects
        nothing new: it is listed as a rewritten form of that rule, not as a breaking constraint.
        """
        old_set = {_canonical(_without_marker(c)): c for c in before}
        new_set = {_canonical(_without_marker(c)): c for c in after}
        for key in sorted(new_set.keys() - old_set.keys()):
            twin_of = new_set[key].get(TWIN_MARKER)
            if twin_of in unchanged_rules:
                detail = f"JSON Schema form of rule {twin_of} rewritten (the rule is unchanged)"
                self.record(site, breaking=False, kind=Kind.CHANGED, detail=detail)
                continue
            detail = f"new constraint {_summarize_condition(_without_marker(new_set[key]))}"
            self.record(site, breaking=True, kind=Kind.ADDED, detail=detail)
        for key in sorted(old_set.keys() - new_set.keys()):
            detail = f"constraint {_summarize_condition(old_set[key])} dropped"
            self.record(site, breaking=False, kind=Kind.REMOVED, detail=detail)


def _rule_logic(rule: Json) -> str:
    """What an x-rule decides (its id and conditions; not its wording or source), canonically."""
    return _canonical({k: v for k, v in rule.items() if k not in ("message", "source", "notExpressible")})


def _without_marker(condition: Mapping[str, Json]) -> dict[str, Json]:
    return {key: value for key, value in condition.items() if key != TWIN_MARKER}


def _security_scheme(document: Mapping[str, Json], name: str) -> Json:
    """A security scheme's definition without its description (None when the document lacks it)."""
    scheme = ((document.get("components") or {}).get("securitySchemes") or {}).get(name)
    if not isinstance(scheme, dict):
        return None
    return {key: value for key, value in resolve(document, scheme)[0].items() if key != "description"}


def _flag(schema: Json, keyword: str) -> bool:
    return isinstance(schema, dict) and schema.get(keyword) is True


def _allowed_values(schema: Schema) -> list[Json] | None:
    if "const" in schema:
        return [schema["const"]]
    enum = schema.get("enum")
    return list(enum) if isinstance(enum, list) else None


def _summarize_condition(condition: Mapping[str, Json]) -> str:
    """`if/then on rideType, customerUUID`: the keywords and the property names the condition mentions."""
    names: list[str] = []

    def collect(node: Json) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("properties", "dependentSchemas", "dependentRequired") and isinstance(value, dict):
                    names.extend(name for name in value if name not in names)
                elif key == "required" and isinstance(value, list):
                    names.extend(name for name in value if isinstance(name, str) and name not in names)
                collect(value)
        elif isinstance(node, list):
            for item in node:
                collect(item)

    collect(condition)
    keywords = "/".join(condition)
    return f"({keywords} on {', '.join(names)})" if names else f"({keywords})"


def compare(old: Mapping[str, Json], new: Mapping[str, Json]) -> list[Change]:
    """Every contract change from `old` to `new`, breaking ones first."""
    return _Comparer(old, new).compare()


def format_changes(changes: Iterable[Change], *, width: int = 110) -> list[str]:
    """Report lines: `BREAKING  subject: detail` and the affected operations below it."""
    lines: list[str] = []
    for change in changes:
        label = "BREAKING" if change.breaking else change.kind.value
        lines.append(f"  {label:<10} {change.describe()}")
        if change.operations and not change.subject.startswith("operation "):
            text = "in " + ", ".join(change.operations)
            while len(text) > width - 13:
                cut = text.rfind(", ", 0, width - 13)
                lines.append(f"{'':13}{text[: cut + 1]}")
                text = text[cut + 2 :]
            lines.append(f"{'':13}{text}")
    return lines


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__.split("\n\n", 2)[1], file=sys.stderr)
        return 2
    changes = compare(load_document(Path(args[0])), load_document(Path(args[1])))
    print("\n".join(format_changes(changes)) or "no contract changes")
    return 1 if any(change.breaking for change in changes) else 0


if __name__ == "__main__":
    sys.exit(main())
