"""The breaking-change classifier (`scripts.release.spec_diff`): each rule on a small document, then the
bundle."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pytest

from scripts.release.spec_diff import Change, Kind, compare, format_changes, load_document
from tests.publish._documents import Document, base_document, schemas

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "openapi" / "dist" / "mykaarma.openapi.yaml"


def changes_after(edit: Callable[[Document], None]) -> list[Change]:
    old = base_document()
    new = copy.deepcopy(old)
    edit(new)
    return compare(old, new)


def only(changes: list[Change]) -> Change:
    assert len(changes) == 1, format_changes(changes)
    return changes[0]


def test_the_same_document_has_no_changes() -> None:
    assert compare(base_document(), base_document()) == []


def test_descriptions_and_examples_do_not_count() -> None:
    def edit(doc: Document) -> None:
        schemas(doc)["ThingRead"]["description"] = "now described"
        schemas(doc)["ThingInput"]["properties"]["name"]["examples"] = ["x"]
        doc["paths"]["/things"]["post"]["summary"] = "Create"

    assert changes_after(edit) == []


def test_removed_operation_is_breaking_and_added_one_is_not() -> None:
    def edit(doc: Document) -> None:
        del doc["paths"]["/things"]
        doc["paths"]["/others"] = {
            "get": {"operationId": "listOthers", "responses": {"200": {"description": "ok"}}}
        }

    found = changes_after(edit)
    assert [(c.breaking, c.kind, c.subject) for c in found] == [
        (True, Kind.REMOVED, "operation createThing (POST /things)"),
        (False, Kind.ADDED, "operation listOthers (GET /others)"),
    ]


def test_renamed_operation_id_is_breaking() -> None:
    def edit(doc: Document) -> None:
        doc["paths"]["/things"]["post"]["operationId"] = "makeThing"

    change = only(changes_after(edit))
    assert change.breaking
    assert change.detail.startswith('operationId "createThing" -> "makeThing"')


@pytest.mark.parametrize(
    ("edit", "breaking", "subject", "detail"),
    [
        pytest.param(
            lambda d: (schemas(d)["ThingInput"]["properties"].update(size={"type": "integer"}),
                       schemas(d)["ThingInput"]["required"].append("size")),
            True, "ThingInput.size", "new required request field", id="new-required-field",
        ),
        pytest.param(
            lambda d: schemas(d)["ThingInput"]["properties"].update(size={"type": "integer"}),
            False, "ThingInput.size", "new optional request field", id="new-optional-field",
        ),
        pytest.param(
            lambda d: schemas(d)["ThingInput"]["required"].append("count"),
            True, "ThingInput.count", "now required", id="field-becomes-required",
        ),
        pytest.param(
            lambda d: schemas(d)["ThingInput"]["properties"].pop("count"),
            True, "ThingInput.count", "removed (requests that send it are rejected)", id="removed-closed",
        ),
        pytest.param(
            lambda d: schemas(d)["ThingInput"]["properties"]["name"].update(maxLength=20),
            True, "ThingInput.name", "maxLength 50 -> 20 (tightened)", id="max-length-down",
        ),
        pytest.param(
            lambda d: schemas(d)["ThingInput"]["properties"]["name"].update(maxLength=80),
            False, "ThingInput.name", "maxLength 50 -> 80 (relaxed)", id="max-length-up",
        ),
        pytest.param(
            lambda d: schemas(d)["ThingInput"]["properties"]["count"].update(minimum=1),
            True, "ThingInput.count", "minimum 0 -> 1 (tightened)", id="minimum-up",
        ),
        pytest.param(
            lambda d: schemas(d)["ThingInput"]["properties"]["name"].update(pattern="^[a-z]+$"),
            True, "ThingInput.name", 'pattern none -> "^[a-z]+$"', id="pattern-added",
        ),
        pytest.param(
            lambda d: schemas(d)["ThingInput"]["properties"]["count"].update(type="string"),
            True, "ThingInput.count", "type integer -> string", id="type-changed",
        ),
        pytest.param(
            lambda d: schemas(d)["ThingInput"]["properties"]["count"].update(type="number"),
            False, "ThingInput.count", "type integer -> number", id="type-widened",
        ),
        pytest.param(
            lambda d: schemas(d)["ThingInput"]["properties"]["when"].update(format="date-time"),
            True, "ThingInput.when", 'format "date" -> "date-time"', id="format-changed",
        ),
        pytest.param(
            lambda d: schemas(d)["ThingInput"]["properties"]["name"].update(default="unnamed"),
            False, "ThingInput.name", 'default null -> "unnamed"', id="default-added",
        ),
        pytest.param(
            lambda d: schemas(d)["ThingInput"]["x-rules"].append(
                {"id": "name-needs-count", "message": "name needs count",
                 "if": {"field": "name", "present": True}, "then": {"field": "count", "present": True}}),
            True, "ThingInput", "new rule name-needs-count: name needs count", id="new-rule",
        ),
        pytest.param(
            lambda d: schemas(d)["ThingInput"]["x-rules"].clear(),
            False, "ThingInput", "rule count-needs-kind dropped", id="rule-dropped",
        ),
        pytest.param(
            lambda d: schemas(d)["ThingInput"].update(
                {"if": {"required": ["count"]}, "then": {"required": ["kind"]}}),
            True, "ThingInput", "new constraint (if/then on count, kind)", id="new-if-then",
        ),
    ],
)  # fmt: skip
def test_request_schema_rules(
    edit: Callable[[Document], object], breaking: bool, subject: str, detail: str
) -> None:
    change = only(changes_after(lambda doc: (edit(doc), None)[1]))
    assert (change.breaking, change.subject, change.detail) == (breaking, subject, detail)
    assert change.operations == ("createThing",)


@pytest.mark.parametrize(
    ("edit", "breaking", "subject", "detail"),
    [
        pytest.param(
            lambda d: schemas(d)["ThingRead"]["properties"].pop("name"),
            True, "ThingRead.name", "removed from the response", id="removed-property",
        ),
        pytest.param(
            lambda d: schemas(d)["ThingRead"]["properties"].update(size={"type": "integer"}),
            False, "ThingRead.size", "new response property", id="new-property",
        ),
        pytest.param(
            lambda d: schemas(d)["ThingRead"].update(required=[]),
            True, "ThingRead.id", "no longer always present", id="no-longer-required",
        ),
        pytest.param(
            lambda d: schemas(d)["ThingRead"]["properties"]["id"].update(type=["string", "null"]),
            True, "ThingRead.id", "type string -> null | string", id="becomes-nullable",
        ),
        pytest.param(
            lambda d: schemas(d)["ThingRead"]["properties"]["name"].update(type="string"),
            False, "ThingRead.name", "type null | string -> string", id="no-longer-nullable",
        ),
        pytest.param(
            lambda d: schemas(d)["ThingRead"]["properties"].update(
                owner={"anyOf": [{"$ref": "#/components/schemas/Owner"}, {"type": "null"}]}),
            True, "ThingRead.owner", "may now be null", id="null-variant-added",
        ),
        pytest.param(
            lambda d: schemas(d)["ThingRead"]["properties"]["code"].update(maxLength=99, pattern="^.*$"),
            False, "ThingRead.code", None, id="relaxed-bounds-and-pattern",
        ),
        pytest.param(
            lambda d: schemas(d)["ThingRead"]["properties"]["when"].pop("format"),
            True, "ThingRead.when", 'format "date" -> none', id="format-dropped",
        ),
        pytest.param(
            lambda d: schemas(d)["Owner"]["properties"].pop("email"),
            True, "Owner.email", "removed from the response", id="nested-component",
        ),
    ],
)  # fmt: skip
def test_response_schema_rules(
    edit: Callable[[Document], object], breaking: bool, subject: str, detail: str | None
) -> None:
    found = changes_after(lambda doc: (edit(doc), None)[1])
    assert found, "no change found"
    assert {(c.breaking, c.subject) for c in found} == {(breaking, subject)}
    if detail is not None:
        assert [c.detail for c in found] == [detail]
    assert all(c.operations == ("createThing", "readThing") for c in found)


def test_an_enum_value_is_judged_per_direction() -> None:
    removed = changes_after(lambda doc: schemas(doc)["Kind"]["enum"].remove("B"))
    assert [(c.breaking, c.detail, c.operations) for c in removed] == [
        (True, 'enum value "B" removed', ("createThing",))  # rejected in requests; harmless in responses
    ]
    added = changes_after(lambda doc: schemas(doc)["Kind"]["enum"].append("C"))
    assert [(c.breaking, c.detail, c.operations) for c in added] == [
        (True, 'enum value "C" added', ("createThing", "readThing"))  # a response may now carry it
    ]


def test_read_only_properties_are_not_part_of_the_request() -> None:
    found = changes_after(lambda doc: schemas(doc)["ThingInput"]["properties"].pop("id"))
    assert found == []


def test_recursive_schemas_end() -> None:
    found = changes_after(lambda doc: schemas(doc)["ThingInput"]["properties"]["name"].update(maxLength=10))
    assert [c.subject for c in found] == ["ThingInput.name"]


@pytest.mark.parametrize(
    ("edit", "breaking", "detail"),
    [
        (lambda d: d["paths"]["/things"]["post"]["responses"].pop("400"), True, "status code removed"),
        (lambda d: d["paths"]["/things"]["post"]["responses"].update({"409": {"description": "c"}}), False,
         "new status code"),
        (lambda d: d["paths"]["/things"]["post"]["responses"]["200"]["content"].update(
            {"text/csv": {"schema": {"type": "string"}}}), False, "text/csv now returned"),
        (lambda d: d["paths"]["/things"]["post"]["responses"]["200"].pop("headers"), True, "header removed"),
    ],
)  # fmt: skip
def test_responses(edit: Callable[[Document], object], breaking: bool, detail: str) -> None:
    change = only(changes_after(lambda doc: (edit(doc), None)[1]))
    assert (change.breaking, change.detail) == (breaking, detail)


@pytest.mark.parametrize(
    ("edit", "breaking", "subject", "detail"),
    [
        (lambda d: d["paths"]["/things/{thingId}"]["get"]["parameters"].append(
            {"name": "since", "in": "query", "required": True, "schema": {"type": "string"}}),
         True, "parameter since (query)", "new required parameter"),
        (lambda d: d["paths"]["/things/{thingId}"]["get"]["parameters"].append(
            {"name": "since", "in": "query", "schema": {"type": "string"}}),
         False, "parameter since (query)", "new optional parameter"),
        (lambda d: d["paths"]["/things/{thingId}"]["get"]["parameters"].clear(),
         True, "parameter verbose (query)", "removed"),
        (lambda d: d["paths"]["/things/{thingId}"]["get"]["parameters"][0].update(required=True),
         True, "parameter verbose (query)", "now required"),
        (lambda d: d["components"]["parameters"]["ThingId"]["schema"].update(maxLength=12),
         True, "parameter thingId (path)", "maxLength 36 -> 12 (tightened)"),
        (lambda d: d["paths"]["/things/{thingId}"]["get"].update(deprecated=True),
         False, "operation readThing (GET /things/{thingId})", "deprecated"),
        (lambda d: d["paths"]["/things/{thingId}"]["get"]["x-required-scope"].update(level="Department"),
         True, "operation readThing (GET /things/{thingId})",
         'x-required-scope {"scope": "thing.read", "level": "Dealer"} -> '
         '{"scope": "thing.read", "level": "Department"} (accounts need the new grant)'),
    ],
)  # fmt: skip
def test_parameters_and_operation_settings(
    edit: Callable[[Document], object], breaking: bool, subject: str, detail: str
) -> None:
    change = only(changes_after(lambda doc: (edit(doc), None)[1]))
    assert (change.breaking, change.subject, change.detail) == (breaking, subject, detail)


def test_a_changed_security_scheme_is_breaking_and_its_description_is_not() -> None:
    def edit(doc: Document) -> None:
        doc["components"]["securitySchemes"]["basicAuth"].update(scheme="bearer", description="Tokens")

    found = changes_after(edit)
    assert {(c.breaking, c.detail) for c in found} == {
        (
            True,
            'security scheme basicAuth {"type": "http", "scheme": "basic"} -> '
            '{"type": "http", "scheme": "bearer"}',
        )
    }
    assert (
        changes_after(lambda doc: doc["components"]["securitySchemes"]["basicAuth"].update(description="x"))
        == []
    )


def test_renaming_a_path_parameter_is_reported_as_a_parameter_change() -> None:
    def edit(doc: Document) -> None:
        doc["paths"]["/things/{id}"] = doc["paths"].pop("/things/{thingId}")
        doc["components"]["parameters"]["ThingId"]["name"] = "id"

    found = changes_after(edit)
    assert [(c.breaking, c.kind, c.subject) for c in found] == [
        (True, Kind.ADDED, "parameter id (path)"),  # the client's argument is renamed
        (True, Kind.REMOVED, "parameter thingId (path)"),
    ]


def test_report_lines_name_the_operations() -> None:
    lines = format_changes(changes_after(lambda doc: schemas(doc)["Owner"]["properties"].pop("email")))
    assert lines == [
        "  BREAKING   Owner.email: removed from the response",
        "             in createThing, readThing",
    ]


def test_the_bundle_against_itself_and_a_sample_breaking_edit() -> None:
    bundle = load_document(BUNDLE)
    assert compare(bundle, bundle) == []
    edited = copy.deepcopy(bundle)
    components = edited["components"]
    components["parameters"]["CustomerDepartmentUUID"]["schema"]["maxLength"] = 64
    del components["schemas"]["CustomerRead"]["properties"]["customerKey"]
    components["schemas"]["RideType"]["enum"].remove("RIDE_SHARE")
    del edited["paths"]["/customer/v2/customer/{customerUUID}"]
    found = {(c.breaking, c.describe()) for c in compare(bundle, edited)}
    assert found == {
        (True, "parameter departmentUUID (path): maxLength 128 -> 64 (tightened)"),
        (True, "CustomerRead.customerKey: removed from the response"),
        (True, 'RideType: enum value "RIDE_SHARE" removed'),
        (True, "operation getCustomer (POST /customer/v2/customer/{customerUUID}): removed"),
    }


def _add_twin(doc: Document, rule_change: dict[str, object] | None = None) -> None:
    """Give `count-needs-kind` a JSON Schema twin (an `allOf` member marked `x-rule`), maybe changing it."""
    thing = schemas(doc)["ThingInput"]
    thing["allOf"] = [
        {"x-rule": "count-needs-kind", "if": {"required": ["count"]}, "then": {"required": ["kind"]}}
    ]
    thing["x-rules"][0].update(rule_change or {})


def test_a_new_twin_of_an_unchanged_rule_is_not_breaking() -> None:
    change = only(changes_after(_add_twin))
    assert (change.breaking, change.kind, change.subject) == (False, Kind.CHANGED, "ThingInput")
    assert change.detail == "JSON Schema form of rule count-needs-kind rewritten (the rule is unchanged)"


def test_a_twin_of_a_changed_rule_is_breaking() -> None:
    changes = changes_after(lambda doc: _add_twin(doc, {"then": {"field": "name", "present": True}}))
    assert {(c.breaking, c.detail) for c in changes} == {
        (True, "rule count-needs-kind changed"),
        (True, "new constraint (if/then on count, kind)"),
    }
