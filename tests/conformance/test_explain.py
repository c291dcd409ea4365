"""How a refused schema-valid request is explained, on the real spec and on answers written here."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from scripts.conformance.explain import Explainer, Problem, problems_of
from scripts.conformance.stock_run import read_failures
from tests.spec._spec import bundled_spec

SPEC = bundled_spec()
EXPLAINER = Explainer(SPEC)
RULES = {
    rule["id"]: rule
    for schema in SPEC["components"]["schemas"].values()
    for rule in schema.get("x-rules", [])
}


def _trip_error(*items: tuple[str, str]) -> str:
    return json.dumps(
        {"statusCode": 400, "errors": [{"errorCode": c, "errorDescription": m} for c, m in items]}
    )


def test_every_server_rule_is_a_decisions_entry_and_documented_in_d_rules() -> None:
    decisions = (Path(__file__).resolve().parents[2] / "openapi" / "DECISIONS.md").read_text(encoding="utf-8")
    rules = SPEC["x-server-rules"]
    assert rules
    for rule in rules:
        assert f"\n## {rule['id']} " in decisions, rule["id"]
        assert len(rule["why"].split()) >= 5


def test_an_error_code_of_a_server_rule_explains_the_problem() -> None:
    [rule] = [rule for rule in SPEC["x-server-rules"] if rule["errorCodes"]][:1]
    refusal = EXPLAINER.refusal("op", 400, _trip_error((rule["errorCodes"][0], "whatever the server says")))
    assert refusal.rules == (rule["id"],)
    assert refusal.explained


def test_a_cited_decisions_entry_of_a_server_rule_explains_the_problem() -> None:
    [rule] = [rule for rule in SPEC["x-server-rules"] if not rule["errorCodes"]][:1]
    refusal = EXPLAINER.refusal("op", 400, _trip_error(("INVALID_REQUEST_DATA", f"nope ({rule['id']})")))
    assert refusal.explained


def test_a_cited_entry_that_is_no_server_rule_explains_nothing() -> None:
    refusal = EXPLAINER.refusal("op", 400, _trip_error(("INVALID_REQUEST_DATA", "bad (D-NAMES)")))
    assert refusal.rules == (None,)
    assert not refusal.explained


def test_only_x_rules_without_a_twin_explain_a_refusal() -> None:
    beyond = next(rule for rule in RULES.values() if "notExpressible" in rule)
    twinned = next(rule for rule in RULES.values() if "notExpressible" not in rule)
    assert EXPLAINER.refusal("op", 400, _trip_error(("X", beyond["message"]))).explained
    refusal = EXPLAINER.refusal("op", 400, _trip_error(("X", twinned["message"])))
    assert not refusal.explained
    assert list(EXPLAINER.unexplained_twins(refusal)) == [twinned["id"]]


def test_every_problem_must_be_explained() -> None:
    rule = SPEC["x-server-rules"][0]
    body = _trip_error((rule["errorCodes"][0], "ok"), ("INVALID_REQUEST_DATA", "firstName is required"))
    assert not EXPLAINER.refusal("op", 400, body).explained


@pytest.mark.parametrize("body", ["", "not json", "[]", '{"errors": "x"}', '{"errors": []}'])
def test_an_answer_without_problems_is_unexplained(body: str) -> None:
    assert not EXPLAINER.refusal("op", 400, body).explained


def test_customer_codes_are_read_by_title() -> None:
    body = json.dumps(
        {"errors": [{"errorCode": 20004, "errorTitle": "INVALID_VIN", "errorMessage": "m", "field": "f"}]}
    )
    assert problems_of(body) == (Problem("INVALID_VIN", "f", "m"),)


def _scenario(status: int, body: str, code: str) -> dict[str, Any]:
    content = {"$base64": base64.b64encode(body.encode()).decode()}
    failure = {"code": code, "title": "t", "operation": "POST /x"}
    return {
        "ScenarioFinished": {
            "recorder": {
                "label": "POST /x",
                "checks": {"c1": [{"name": "n", "status": "failure", "failure_info": {"failure": failure}}]},
                "interactions": {"c1": {"response": {"status_code": str(status), "content": content}}},
            }
        }
    }


def test_the_event_log_is_read_into_refusals_and_other_failures(tmp_path: Path) -> None:
    rule = SPEC["x-server-rules"][0]
    events = tmp_path / "events.ndjson"
    lines = [
        _scenario(400, _trip_error((rule["errorCodes"][0], "m")), "ST202"),
        _scenario(400, _trip_error(("INVALID_REQUEST_DATA", "m")), "ST202"),
        _scenario(500, "{}", "ST101"),
    ]
    events.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    refusals, failures = read_failures(events, EXPLAINER)
    assert [refusal.explained for refusal in refusals] == [True, False]
    assert [(failure.code, failure.status) for failure in failures] == [("ST101", 500)]
