"""What the server enforces beyond JSON Schema is written down: DECISIONS tables agree with the spec.

* D-LIMITS lists every bound and default of a request field and query parameter, no more and no fewer.
* D-CONSISTENCY lists every cross-checked body field, and each such field's description cites it.
* D-UNKNOWN-INPUT is on every operation's 400 answer; D-MEDIA-TYPES: every answer is application/json.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

import pytest
import yaml

from mykaarma_core import openapi
from mykaarma_core.contacts import ADDRESS_TYPE_BY_CODE, ADDRESS_TYPE_DERIVED
from tests.spec._spec import ROOT, bundled_spec, operations, resolve

DECISIONS = (ROOT / "openapi" / "DECISIONS.md").read_text(encoding="utf-8")
#: Bounds and defaults D-LIMITS accounts for; `minLength`/`minItems` restate required-ness (see D-LIMITS).
BOUNDS = ("maxLength", "maxItems", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "default")
PATH_IDENTIFIER_ROW = "every path identifier"


def _table(entry: str) -> list[list[str]]:
    """The rows (cells without backticks) of the first table of DECISIONS entry `entry`."""
    section = DECISIONS.split(f"\n## {entry} ", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    return [[cell.strip().replace("`", "") for cell in row.strip("|").split("|")] for row in rows[1:]]


def _request_components() -> set[str]:
    """Component schemas reachable from a request body."""
    return set(openapi.request_components(bundled_spec()))


def _bounds(schema: Mapping[str, Any]) -> set[tuple[str, Any]]:
    resolved = resolve(schema)
    return {(keyword, resolved[keyword]) for keyword in BOUNDS if keyword in resolved}


def _spec_bounds(components: set[str]) -> Iterator[tuple[str, str, Any]]:
    """(where, keyword, value) of every bound and default of a field of `components`, and of a query
    parameter."""
    schemas = bundled_spec()["components"]["schemas"]
    for name in sorted(components):
        for prop, definition in (schemas[name].get("properties") or {}).items():
            for keyword, value in _bounds(definition):
                yield f"{name}.{prop}", keyword, value
    for _path, _method, operation in operations():
        for parameter in map(resolve, operation.get("parameters", [])):
            if parameter["in"] == "query":
                for keyword, value in _bounds(parameter["schema"]):
                    yield f"{operation['operationId']} {parameter['name']}", keyword, value


def _documented_bounds() -> set[tuple[str, str, Any]]:
    documented = set()
    for where, bounds, *_ in _table("D-LIMITS"):
        if where == PATH_IDENTIFIER_ROW:
            continue
        for bound in bounds.split(", "):
            keyword, value = bound.split(" ", 1)
            documented.add((where, keyword, yaml.safe_load(value)))
    return documented


def test_every_invented_bound_and_default_is_in_d_limits() -> None:
    requests = set(_spec_bounds(_request_components()))
    anywhere = set(_spec_bounds(set(bundled_spec()["components"]["schemas"])))
    documented = _documented_bounds()
    assert sorted(requests - documented, key=str) == [], (
        "in the spec, missing from D-LIMITS: add a row with its reason"
    )
    assert sorted(documented - anywhere, key=str) == [], "in D-LIMITS, not in the spec"


def test_every_path_identifier_has_the_documented_length() -> None:
    [row] = [row for row in _table("D-LIMITS") if row[0] == PATH_IDENTIFIER_ROW]
    limit = int(row[1].removeprefix("maxLength "))
    lengths = {
        (operation["operationId"], parameter["name"]): resolve(parameter["schema"]).get("maxLength")
        for _path, _method, operation in operations()
        for parameter in map(resolve, operation.get("parameters", []))
        if parameter["in"] == "path"
    }
    assert lengths
    assert {key: value for key, value in lengths.items() if value != limit} == {}


CONSISTENCY_ROWS = _table("D-CONSISTENCY")


@pytest.mark.parametrize("row", CONSISTENCY_ROWS, ids=lambda row: row[0])
def test_consistency_field_cites_d_consistency(row: list[str]) -> None:
    schema, prop = row[0].split(".", 1)
    definition = bundled_spec()["components"]["schemas"][schema]["properties"][prop]
    assert "D-CONSISTENCY" in definition.get("description", ""), row[0]
    assert re.fullmatch(r"[A-Z_]+", row[3].split(" ")[0]), "the last column is the error code"


def test_d_consistency_lists_every_field_that_cites_it() -> None:
    listed = {row[0] for row in CONSISTENCY_ROWS}
    citing = {
        f"{schema}.{prop}"
        for schema, definition in bundled_spec()["components"]["schemas"].items()
        for prop, body in (definition.get("properties") or {}).items()
        if "D-CONSISTENCY" in str(body.get("description", ""))
    }
    assert citing == listed


def _responses() -> Iterator[tuple[str, str, Mapping[str, Any]]]:
    for _path, _method, operation in operations():
        for status, response in operation["responses"].items():
            yield operation["operationId"], str(status), resolve(response)


def test_every_operation_says_unknown_query_parameters_are_refused() -> None:
    refused = {op for op, status, response in _responses() if status == "400"}
    says = {
        op
        for op, status, response in _responses()
        if status == "400" and "D-UNKNOWN-INPUT" in response["description"]
    }
    assert refused == says == {operation["operationId"] for _p, _m, operation in operations()}


def test_every_answer_is_json() -> None:
    media = {(op, status): sorted(r.get("content", {})) for op, status, r in _responses() if r.get("content")}
    assert media
    assert {key: types for key, types in media.items() if types != ["application/json"]} == {}


def test_the_address_type_derivation_is_documented_as_the_code_does_it() -> None:
    """D-ADDRESS: what `mykaarma_core.contacts` derives, the spec and DECISIONS say, with the same warning."""
    schemas = bundled_spec()["components"]["schemas"]
    described = " ".join(schemas["AddressInput"]["description"].split())
    d_address = " ".join(DECISIONS.split("\n## D-ADDRESS ", 1)[1].split("\n## ", 1)[0].split())
    for code, kind in ADDRESS_TYPE_BY_CODE.items():
        assert f"`{code}` ⇒ {kind}" in described
        assert f"`{code}` ⇒ `{kind}`" in d_address
    assert f"{ADDRESS_TYPE_DERIVED} " in described
    assert f"{ADDRESS_TYPE_DERIVED} ADDRESS_TYPE_DERIVED" in " ".join(
        schemas["CustomerWarning"]["description"].split()
    )
    assert f"{ADDRESS_TYPE_DERIVED} `ADDRESS_TYPE_DERIVED`" in d_address
