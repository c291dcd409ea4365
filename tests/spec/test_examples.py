"""Every example in the spec satisfies its schema, its `x-rules`, and declares no unknown property."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from mykaarma_core.rules import RuleBook
from tests.spec._spec import Example, body_examples, bundled_spec, resolve, schema_name, validator_for

EXAMPLES = body_examples()


def _undeclared_keys(schema: Mapping[str, Any], value: Any, path: str = "") -> list[str]:
    """Keys of `value` that no `properties` of its schema (or its combined branches) declares."""
    schema = resolve(schema)
    branches = [resolve(b) for key in ("anyOf", "oneOf", "allOf") for b in schema.get(key, [])]
    if isinstance(value, Mapping):
        declared: dict[str, Any] = dict(schema.get("properties", {}))
        open_object = schema.get("additionalProperties", False) is not False or not declared
        for branch in branches:
            declared.update(branch.get("properties", {}))
            if branch.get("type") == "object" and "properties" not in branch:
                open_object = open_object or branch.get("additionalProperties", True) is not False
        if not declared and branches:
            open_object = all(branch.get("type") == "null" for branch in branches) or open_object
        problems = [] if open_object else [f"{path}.{key}" for key in value if key not in declared]
        for key, item in value.items():
            if key in declared:
                problems += _undeclared_keys(declared[key], item, f"{path}.{key}")
        return problems
    if isinstance(value, list):
        item_schemas = [schema.get("items")] + [b.get("items") for b in branches]
        problems = []
        for item_schema in (s for s in item_schemas if s is not None):
            for index, item in enumerate(value):
                problems += _undeclared_keys(item_schema, item, f"{path}[{index}]")
        return problems
    return []


def test_spec_has_examples_for_every_operation() -> None:
    operations_with_examples = {example.test_id.split("-")[0] for example in EXAMPLES}
    assert len(operations_with_examples) == 11
    assert len(EXAMPLES) >= 40


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda example: example.test_id)
def test_example_matches_schema(example: Example) -> None:
    errors = sorted(validator_for(example.schema).iter_errors(example.value), key=str)
    assert not errors, "\n".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda example: example.test_id)
def test_example_keeps_documented_rules(example: Example) -> None:
    assert RuleBook(bundled_spec()).check(schema_name(example.schema), example.value) == []


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda example: example.test_id)
def test_example_declares_no_unknown_property(example: Example) -> None:
    assert _undeclared_keys(example.schema, example.value) == []


def test_unknown_property_detector_reports_typos() -> None:
    schema = {"$ref": "#/components/schemas/SaveCustomerResponse"}
    assert _undeclared_keys(schema, {"customerUuid": "x", "customerUUid": "y"}) == [".customerUUid"]


@pytest.mark.parametrize(
    ("name", "parameter"),
    sorted(bundled_spec()["components"]["parameters"].items()),
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_parameter_example_matches_schema(name: str, parameter: Mapping[str, Any]) -> None:
    assert "example" in parameter, name
    errors = list(validator_for(parameter["schema"]).iter_errors(parameter["example"]))
    assert not errors, [e.message for e in errors]
