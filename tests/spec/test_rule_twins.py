"""Every `x-rules` entry has a JSON Schema twin that decides exactly as it does, or says why it cannot.

A twin is an `allOf` member of the rule's schema marked ``x-rule: <id>``. For every rule with a twin, the
values its fields can take (absent, null, blank strings of several kinds, text, every enum value and every
constant the rule names) are combined exhaustively, within what the fields' own schemas allow, and the twin
must accept exactly the objects the rule accepts: blank is absent for both.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import jsonschema_rs
import pytest

from mykaarma_core.rules import PRESENT_PATTERN, RuleBook, broken, is_missing
from tests.spec._spec import bundled_spec, resolve, validator_for

ABSENT = object()
#: Values tried for every leaf field, kept when the field's schema accepts them; blanks of several kinds.
#: U+FEFF, U+001C and U+0085 are where regex engines disagree on ``\\s``; the spec's class reads them alike.
PROBES: tuple[Any, ...] = (None, "", " ", "\u3000", "\t\n", "\ufeff", "x", "y", "\x1c", "\x85", True, False)
SCHEMAS: Mapping[str, Any] = bundled_spec()["components"]["schemas"]
RULES = list(RuleBook(bundled_spec()).rules())


def _twins(schema_name: str) -> dict[str, Mapping[str, Any]]:
    """The `allOf` members of a component schema marked as the twin of a rule, by rule id."""
    members = SCHEMAS[schema_name].get("allOf", [])
    return {member["x-rule"]: member for member in members if "x-rule" in member}


TWINNED = [(name, rule) for name, rule in RULES if rule["id"] in _twins(name)]


def _constants(condition: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    """(field, value) for every constant a rule condition compares a field with."""
    if "equals" in condition:
        yield condition["field"], condition["equals"]
    for value in condition.get("in", []):
        yield condition["field"], value
    for key in ("all", "any"):
        for part in condition.get(key, []):
            yield from _constants(part)
    if "not" in condition:
        yield from _constants(condition["not"])


def _fields(condition: Mapping[str, Any]) -> Iterator[str]:
    for key in ("field", "equalsField"):
        if key in condition:
            yield condition[key]
    for key in ("all", "any"):
        for part in condition.get(key, []):
            yield from _fields(part)
    if "not" in condition:
        yield from _fields(condition["not"])


@dataclass
class _Node:
    """A field of the rule's object: an object with children, or a leaf."""

    schema: Mapping[str, Any]
    required: bool
    children: dict[str, _Node] = field(default_factory=dict)
    constants: list[Any] = field(default_factory=list)


def _object_branch(schema: Mapping[str, Any]) -> Mapping[str, Any]:
    """The object form of a schema (`$ref` followed; the object branch of a nullable `anyOf`)."""
    schema = resolve(schema)
    for branch in schema.get("anyOf", []):
        if "properties" in resolve(branch):
            return dict(resolve(branch))
    return dict(schema)


def _tree(schema_name: str, rule: Mapping[str, Any]) -> _Node:
    root = _Node(SCHEMAS[schema_name], required=True)
    conditions = [rule["then"], rule.get("if", {"all": []})]
    for dotted in {name for condition in conditions for name in _fields(condition)}:
        node = root
        for part in dotted.split("."):
            parent = _object_branch(node.schema)
            if part not in node.children:
                node.children[part] = _Node(parent["properties"][part], part in parent.get("required", []))
            node = node.children[part]
    for condition in conditions:
        for dotted, value in _constants(condition):
            node = root
            for part in dotted.split("."):
                node = node.children[part]
            node.constants.append(value)
    return root


def _values(node: _Node) -> Iterator[Any]:
    """Every value the field takes in the exhaustive run (ABSENT for a missing key)."""
    if not node.required:
        yield ABSENT
    accepts = validator_for(node.schema).is_valid
    if node.children:
        if accepts(None):
            yield None
        names = list(node.children)
        for combination in itertools.product(*(list(_values(node.children[name])) for name in names)):
            yield {name: value for name, value in zip(names, combination, strict=True) if value is not ABSENT}
        return
    if _object_branch(node.schema).get("type") == "object":
        yield {}  # present: an object leaf's own fields are not the rule's business
    enum = resolve(node.schema).get("enum", [])
    seen: list[Any] = []
    for value in (*PROBES, *enum, *node.constants):
        if value not in seen and accepts(value):
            seen.append(value)
            yield value


def _leaves(node: _Node, path: str = "") -> Iterator[tuple[str, _Node]]:
    for name, child in node.children.items():
        dotted = f"{path}.{name}".lstrip(".")
        yield from _leaves(child, dotted) if child.children else [(dotted, child)]


@pytest.mark.parametrize(
    ("schema_name", "rule"),
    RULES,
    ids=lambda value: value.get("id", "") if isinstance(value, dict) else value,
)
def test_rule_has_a_twin_or_a_reason(schema_name: str, rule: Mapping[str, Any]) -> None:
    twin = _twins(schema_name).get(rule["id"])
    reason = rule.get("notExpressible")
    assert (twin is None) is bool(reason), "a rule has a JSON Schema twin, or says why it cannot"
    assert reason is None or len(reason.split()) >= 5, "the reason must be a sentence"


def test_every_twin_names_a_rule_of_its_schema() -> None:
    for schema_name in SCHEMAS:
        rules = {rule["id"] for name, rule in RULES if name == schema_name}
        assert set(_twins(schema_name)) <= rules, schema_name


@pytest.mark.parametrize(
    ("schema_name", "rule"),
    TWINNED,
    ids=lambda value: value.get("id", "") if isinstance(value, dict) else value,
)
def test_every_field_of_a_rule_is_tried_present_and_missing(
    schema_name: str, rule: Mapping[str, Any]
) -> None:
    for dotted, leaf in _leaves(_tree(schema_name, rule)):
        values = list(_values(leaf))
        assert any(value is ABSENT or is_missing(value) for value in values) or leaf.required, dotted
        assert any(value is not ABSENT and not is_missing(value) for value in values), dotted


@pytest.mark.parametrize(
    ("schema_name", "rule"),
    TWINNED,
    ids=lambda value: value.get("id", "") if isinstance(value, dict) else value,
)
def test_twin_decides_as_the_rule(schema_name: str, rule: Mapping[str, Any]) -> None:
    """In both engines the project meets: jsonschema-rs (client and mock) and Python's jsonschema
    (schemathesis' generation follows Python's regex reading)."""
    member = _twins(schema_name)[rule["id"]]
    engines = {
        "jsonschema-rs": jsonschema_rs.validator_for(member).is_valid,
        "jsonschema": validator_for(member).is_valid,
    }
    verdicts = {True: 0, False: 0}
    disagreements = []
    for value in _values(_tree(schema_name, rule)):
        rule_accepts = not broken(rule, value)
        verdicts[rule_accepts] += 1
        for engine, twin_accepts in engines.items():
            if twin_accepts(value) is not rule_accepts:
                disagreements.append((engine, value, "rule accepts" if rule_accepts else "rule rejects"))
    assert disagreements == []
    # both verdicts were reached
    assert verdicts[True] > 0, verdicts
    assert verdicts[False] > 0, verdicts


def _patterns(node: Any) -> Iterator[str]:
    if isinstance(node, Mapping):
        if isinstance(node.get("pattern"), str):
            yield node["pattern"]
        for value in node.values():
            yield from _patterns(value)
    elif isinstance(node, list):
        for item in node:
            yield from _patterns(item)


def test_the_spec_spells_present_one_way() -> None:
    """D-NAMES: "not blank" is `PRESENT_PATTERN` everywhere; `\\S` reads differently in Python's engines."""
    patterns = list(_patterns(bundled_spec()))
    assert patterns.count(PRESENT_PATTERN) >= 20
    assert [pattern for pattern in patterns if "\\S" in pattern or "\\s" in pattern] == []
