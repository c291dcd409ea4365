"""The documented conditional rules: negative examples fail, rules are well-formed and all exercised."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from mykaarma_core.rules import RuleBook, holds
from tests.spec._spec import bundled_spec, resolve, validator_for

NEGATIVE = yaml.safe_load((Path(__file__).parent / "negative_examples.yaml").read_text(encoding="utf-8"))
RULEBOOK = RuleBook(bundled_spec())
RULES = list(RULEBOOK.rules())


def _schema_ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _schema_accepts(name: str, value: Any) -> bool:
    return validator_for(_schema_ref(name)).is_valid(value)


@pytest.mark.parametrize("case", NEGATIVE["cases"], ids=lambda case: case["name"])
def test_negative_example_breaks_its_rule(case: dict[str, Any]) -> None:
    violations = RULEBOOK.check(case["schema"], case["value"])
    assert {(v.rule_id, v.path) for v in violations} >= {(case["rule"], case["path"])}, violations
    assert {v.rule_id for v in violations} == {case["rule"]}, "the case must break exactly one rule"


@pytest.mark.parametrize("case", NEGATIVE["cases"], ids=lambda case: case["name"])
def test_json_schema_form_agrees(case: dict[str, Any]) -> None:
    assert _schema_accepts(case["schema"], case["value"]) is not case["schema_rejects"]


@pytest.mark.parametrize("case", NEGATIVE["schema_only"], ids=lambda case: case["name"])
def test_schema_only_negative_is_rejected(case: dict[str, Any]) -> None:
    assert not _schema_accepts(case["schema"], case["value"])


def test_every_rule_has_a_negative_example() -> None:
    exercised = {case["rule"] for case in NEGATIVE["cases"]}
    assert {rule["id"] for _schema, rule in RULES} == exercised


def test_rule_ids_are_unique() -> None:
    ids = [rule["id"] for _schema, rule in RULES]
    assert len(ids) == len(set(ids)) >= 15


def _declared(schema_name: str, dotted: str) -> bool:
    schema: Any = resolve(_schema_ref(schema_name))
    for part in dotted.split("."):
        options = [schema, *(resolve(b) for b in schema.get("anyOf", []))]
        found = [o["properties"][part] for o in options if part in o.get("properties", {})]
        if not found:
            return False
        schema = resolve(found[0])
    return True


def _condition_fields(condition: dict[str, Any]) -> list[str]:
    fields = [condition[key] for key in ("field", "equalsField") if key in condition]
    for key in ("all", "any"):
        for part in condition.get(key, []):
            fields += _condition_fields(part)
    if "not" in condition:
        fields += _condition_fields(condition["not"])
    return fields


@pytest.mark.parametrize(
    ("schema_name", "rule"), RULES, ids=lambda value: value if isinstance(value, str) else ""
)
def test_rule_names_only_declared_fields(schema_name: str, rule: dict[str, Any]) -> None:
    named = (
        list(rule["fields"])
        + _condition_fields(rule["then"])
        + _condition_fields(rule.get("if", {"all": []}))
    )
    assert named, "a rule must name the fields it concerns"
    assert [field for field in named if not _declared(schema_name, field)] == []
    assert rule["message"]
    assert rule["source"]


@pytest.mark.parametrize(
    ("condition", "value", "expected"),
    [
        ({"field": "a", "present": True}, {"a": " "}, False),
        ({"field": "a", "present": False}, {"a": None}, True),
        ({"field": "a.b", "present": True}, {"a": {"b": 0}}, True),
        ({"field": "a", "equals": False}, {}, False),
        ({"field": "a", "in": ["x", "y"]}, {"a": "y"}, True),
        ({"field": "a", "equalsField": "b"}, {"a": None, "b": None}, False),
        ({"field": "a", "equalsField": "b"}, {"a": "v", "b": "v"}, True),
        ({"any": []}, {}, False),
        ({"all": []}, {}, True),
        ({"not": {"field": "a", "present": True}}, {}, True),
    ],
)
def test_condition_semantics(condition: dict[str, Any], value: dict[str, Any], expected: bool) -> None:
    assert holds(condition, value) is expected


def test_unknown_condition_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown x-rules condition"):
        holds({"field": "a", "startsWith": "x"}, {"a": "xy"})


def test_rule_error_codes_are_catalogued_codes_of_their_service() -> None:
    catalogue = resolve(_schema_ref("TripError"))["description"]
    coded = {rule["id"]: rule["errorCode"] for _schema, rule in RULES if "errorCode" in rule}
    assert coded == {
        "trip-scenario-not-both-null": "TRIP_EVENT_REQUIRED",
        "trip-update-needs-event-uuid": "TRIP_UUID_MISMATCH",
        "trip-update-uuids-agree": "TRIP_UUID_MISMATCH",
    }
    assert all(code in catalogue for code in coded.values())
    (both_null,) = [case for case in NEGATIVE["cases"] if case["name"] == "both event and tripUUID null"]
    violations = RULEBOOK.check("UpdateAppointmentWithTripRequest", both_null["value"])
    assert {v.error_code for v in violations} == {"TRIP_EVENT_REQUIRED"}
