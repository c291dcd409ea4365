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


DECISIONS = (Path(__file__).resolve().parents[2] / "openapi" / "DECISIONS.md").read_text(encoding="utf-8")
D_RULES = DECISIONS.split("\n## D-RULES ", 1)[1].split("\n## ", 1)[0]


def test_every_server_rule_is_a_decisions_entry_named_in_d_rules() -> None:
    rules = SPEC["x-server-rules"]
    assert rules
    for rule in rules:
        assert f"\n## {rule['id']} " in DECISIONS, rule["id"]
        assert rule["id"] in D_RULES, rule["id"]
        assert len(rule["why"].split()) >= 5


def test_d_rules_names_every_rule_without_a_twin() -> None:
    beyond = {rule_id for rule_id, rule in RULES.items() if "notExpressible" in rule}
    assert beyond
    assert {rule_id for rule_id in beyond if f"`{rule_id}`" not in D_RULES} == set()


def test_codes_of_rules_with_a_twin_explain_nothing() -> None:
    """A server rule's error code must not also be the code of a rule JSON Schema states (its refusal
    would pass as explained)."""
    server_codes = {code for rule in SPEC["x-server-rules"] for code in rule["errorCodes"]}
    twinned_codes = {rule.get("errorCode") for rule in RULES.values() if "notExpressible" not in rule}
    assert server_codes
    assert not server_codes & twinned_codes


def test_d_consistency_codes_are_those_of_its_server_rule() -> None:
    table = DECISIONS.split("\n## D-CONSISTENCY ", 1)[1].split("\n## ", 1)[0]
    codes = {
        row.split("|")[4].strip().split(" ")[0].strip("`")
        for row in table.splitlines()
        if row.startswith("| `")
    }
    [rule] = [rule for rule in SPEC["x-server-rules"] if rule["id"] == "D-CONSISTENCY"]
    assert codes == set(rule["errorCodes"])


def test_a_twinned_rule_message_is_unexplained_whatever_its_code() -> None:
    twinned = next(rule for rule in RULES.values() if "notExpressible" not in rule)
    code = SPEC["x-server-rules"][0]["errorCodes"][0]
    assert not EXPLAINER.refusal("op", 400, _trip_error((code, twinned["message"]))).explained


def test_the_pnd_envelope_is_read() -> None:
    body = json.dumps(
        {"statusCode": 400, "error": {"errorCode": "INCORRECT_DEALER_INFO", "errorDescription": "m"}}
    )
    assert problems_of(body) == (Problem("INCORRECT_DEALER_INFO", None, "m"),)


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
