"""Column mapping, row bodies and the journal of `mykaarma customers import`, without a server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mykaarma.cli.journal import Journal, JournalError, JournalRecord, write_rejects, write_result
from mykaarma.cli.mapping import (
    FIELDS,
    REJECT_COLUMN,
    ColumnMapping,
    MappingError,
    build_body,
    digest,
    load_mapping,
    normalize_header,
    parse_bool,
    row_values,
)
from mykaarma.cli.rows import ImportRow, prepare_row
from mykaarma.validation import schemas

DEPT = "9f8a6c1e-2b7d-4c1a-9e3f-5d6b7a8c9d01"


def test_headers_match_fields_whatever_their_case_and_separators() -> None:
    headers = ["First Name", "last_name", "E-MAIL", "phone", "Zip", "vehicle.year"]
    assert ColumnMapping().resolve(headers) == {
        0: "firstName",
        1: "lastName",
        2: "email",
        3: "phone",
        4: "zip",
        5: "vehicleYear",
    }
    assert normalize_header(" Address  Line-1 ") == "addressline1"


def test_unknown_and_doubled_columns_stop_the_import() -> None:
    with pytest.raises(MappingError, match=r"unknown column\(s\) 'Notes', 'Cell'"):
        ColumnMapping().resolve(["firstName", "Notes", "Cell"])
    with pytest.raises(MappingError, match="both give the field phone"):
        ColumnMapping({"Cell": "phone"}).resolve(["phone", "Cell"])
    with pytest.raises(MappingError, match="no column"):
        ColumnMapping({"Notes": None}).resolve(["Notes"])


def test_mapping_file_renames_ignores_and_sets_defaults(tmp_path: Path) -> None:
    path = tmp_path / "mapping.yaml"
    path.write_text(
        "columns:\n  Cell: phone\n  Notes: null\ndefaults:\n  phoneLabel: mobile\n", encoding="utf-8"
    )
    mapping = load_mapping(path)
    columns = mapping.resolve(["firstName", "Cell", "Notes"])
    assert columns == {0: "firstName", 1: "phone"}
    values = row_values(["Jane", "310 555 0147", "call after 5"], columns, mapping.defaults)
    assert values == {"firstName": "Jane", "phone": "310 555 0147", "phoneLabel": "mobile"}


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("columns: [a]\n", "must be mappings"),
        ("columns:\n  Cell: telephone\n", "'telephone', which is not a field"),
        ("defaults:\n  color2: red\n", "'color2', which is not a field"),
        ("other: 1\n", "expected a mapping with the keys"),
        ("columns: {a: [\n", "cannot read the mapping file"),
    ],
)
def test_mapping_file_problems_are_named(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "mapping.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MappingError, match=problem):
        load_mapping(path)


def test_body_of_a_full_row() -> None:
    values = {
        "customerKey": "K-1",
        "firstName": "Jane",
        "lastName": "Doe",
        "isBusiness": "no",
        "phone": "(310) 555-0147",
        "okToText": "N",
        "email": "jane@example.com",
        "addressLine1": "1 Elm St",
        "state": "CA",
        "addressType": "billing",
        "vin": "1HGCM82633A004352",
        "color": "blue",
    }
    built = build_body(values)
    assert built.problems == []
    assert built.defaulted == {
        "customer.phoneNumbers[0].label",
        "customer.phoneNumbers[0].okToCall",
        "customer.phoneNumbers[0].isPreferred",
        "customer.emails[0].label",
        "customer.emails[0].okToEmail",
        "customer.emails[0].isPreferred",
        "customer.addresses[0].country",
    }
    assert built.body == {
        "customer": {
            "customerKey": "K-1",
            "firstName": "Jane",
            "lastName": "Doe",
            "isBusiness": False,
            "phoneNumbers": [
                {
                    "phoneNumber": "(310) 555-0147",
                    "label": "cell",
                    "isPreferred": True,
                    "okToCall": True,
                    "okToText": False,
                }
            ],
            "emails": [
                {
                    "emailAddress": "jane@example.com",
                    "label": "personal",
                    "okToEmail": True,
                    "isPreferred": True,
                }
            ],
            "addresses": [
                {"type": "BILLING", "addressType": "B", "line1": "1 Elm St", "state": "CA", "country": "US"}
            ],
        },
        "vehicles": [{"vin": "1HGCM82633A004352", "color": "blue"}],
    }


def test_cells_that_cannot_be_read_are_problems() -> None:
    built = build_body(
        {"firstName": "A", "lastName": "B", "isBusiness": "maybe", "phone": "1", "okToCall": "?"}
    )
    assert [str(problem) for problem in built.problems] == [
        "isBusiness: 'maybe' is not true or false",
        "okToCall: '?' is not true or false",
    ]
    assert [problem.field for problem in built.problems] == ["isBusiness", "okToCall"]
    assert [parse_bool(text) for text in ("Yes", "0", "TRUE", "n", "")] == [True, False, True, False, None]


def _write_scalars(schema: str) -> dict[str, str]:
    """Scalar properties of a write schema, read from the spec (so the test follows spec changes)."""
    found: dict[str, str] = {}
    for name, prop in schemas()[schema]["properties"].items():
        resolved = schemas()[prop["$ref"].rsplit("/", 1)[-1]] if "$ref" in prop else prop
        kinds = (
            {resolved.get("type", "string")}
            if isinstance(resolved.get("type", "string"), str)
            else set(resolved["type"])
        )
        kinds.discard("null")
        if (
            len(kinds) == 1
            and kinds <= {"string", "boolean", "integer", "number"}
            and not name.endswith("Uuid")
        ):
            found[name] = kinds.pop()
    return found


def test_every_scalar_of_the_write_schemas_is_a_field_named_as_in_the_spec() -> None:
    for schema, prefix in (("CustomerInput", "customer."), ("VehicleInput", "vehicles[0].")):
        scalars = _write_scalars(schema)
        assert scalars
        for name, kind in scalars.items():
            [field] = [field for field, target in FIELDS.items() if target.split(" ")[0] == prefix + name]
            cell = {"boolean": "yes", "integer": "7", "number": "7.5"}.get(kind, "text")
            built = build_body({"firstName": "A", "lastName": "B", "vin": "1HGCM82633A004352", field: cell})
            holder = built.body["customer"] if schema == "CustomerInput" else built.body["vehicles"][0]
            assert holder[name] == {"boolean": True, "integer": 7, "number": 7.5}.get(kind, "text"), name
            assert built.problems == []
    assert not any(name.endswith("Uuid") for name in FIELDS)  # identifiers myKaarma assigns


def test_a_vehicle_flag_that_is_not_one_is_a_problem() -> None:
    built = build_body({"firstName": "A", "lastName": "B", "vin": "1HGCM82633A004352", "isValid": "perhaps"})
    assert [str(problem) for problem in built.problems] == ["isValid: 'perhaps' is not true or false"]


def test_digest_depends_on_the_values_only() -> None:
    assert digest({"a": "1", "b": "2"}) == digest({"b": "2", "a": "1"})
    assert digest({"a": "1"}) != digest({"a": "2"})


def import_row(**values: str) -> ImportRow:
    return ImportRow(1, tuple(values.values()), dict(values), digest(values))


def test_a_row_is_checked_and_normalised_as_the_client_sends_it() -> None:
    prepared = prepare_row(import_row(firstName="Jane", lastName="Doe", phone="(310) 555-0147", country="US"))
    assert prepared.problems == ()
    assert prepared.notes == ()
    assert prepared.body is not None
    assert prepared.body["customer"]["phoneNumbers"][0]["phoneNumber"] == "+13105550147"
    assert "customer.phoneNumbers[0].label" in prepared.defaulted


def test_lenient_drops_only_the_invalid_optional_group_and_says_why() -> None:
    row = import_row(firstName="Ann", lastName="Lee", phone="555-12", email="ann@example.com")
    strict = prepare_row(row)
    assert strict.body is None
    assert any("phoneNumber" in problem for problem in strict.problems)
    lenient = prepare_row(row, lenient=True)
    assert lenient.body is not None
    assert "phoneNumbers" not in lenient.body["customer"]
    assert lenient.body["customer"]["emails"][0]["emailAddress"] == "ann@example.com"
    [note] = lenient.notes
    assert note.code == "DROPPED_FIELD"
    assert note.message.startswith("phone left out (--lenient): ")
    nameless = prepare_row(import_row(firstName="", lastName="Lee", phone="555-12"), lenient=True)
    assert nameless.body is None  # a name is what the row stands for: never dropped
    assert any("firstName" in problem for problem in nameless.problems)


def test_an_unknown_country_is_sent_as_written_with_a_warning() -> None:
    prepared = prepare_row(import_row(firstName="Bo", lastName="Kim", addressLine1="5 Elm St", state="CA",
                                      country="Narnia"))  # fmt: skip
    assert prepared.body is not None
    assert prepared.body["customer"]["addresses"][0]["country"] == "Narnia"
    assert [note.code for note in prepared.notes] == ["UNRECOGNIZED_COUNTRY"]
    assert prepare_row(import_row(firstName="Bo", lastName="Kim", country="ca")).notes == ()


def test_a_journal_of_the_previous_format_is_read_and_continued(tmp_path: Path) -> None:
    path = tmp_path / "result.csv.journal"
    old = {
        "row": 1,
        "department": DEPT,
        "status": "created",
        "customer_uuid": "c-1",
        "message": "",
        "digest": "d",
    }
    path.write_text(json.dumps({"format": "mykaarma-import-journal/1"}) + "\n" + json.dumps(old) + "\n",
                    encoding="utf-8")  # fmt: skip
    journal = Journal.open(path)
    assert journal.records == {(1, DEPT): record(1)}
    journal.append(record(2, "updated"))
    journal.close()
    again = Journal.open(path)
    assert sorted(again.records) == [(1, DEPT), (2, DEPT)]
    again.close()


def record(row: int, status: str = "created", uuid: str | None = "c-1", value: str = "d") -> JournalRecord:
    return JournalRecord(row, DEPT, status, uuid, "", value)  # type: ignore[arg-type]


def test_journal_keeps_the_latest_record_and_survives_a_torn_line(tmp_path: Path) -> None:
    path = tmp_path / "result.csv.journal"
    journal = Journal.open(path)
    journal.append(record(1, "failed", None))
    journal.append(record(2))
    journal.append(record(1, "updated"))
    journal.close()
    with path.open("a", encoding="utf-8") as stream:
        stream.write('{"row": 3, "department": "')  # a crash in the middle of a line
    reopened = Journal.open(path)
    assert {key[0]: item.status for key, item in reopened.records.items()} == {1: "updated", 2: "created"}
    reopened.append(record(3))
    reopened.close()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[-1])["row"] == 3
    assert all(json.loads(line) for line in lines)
    restarted = Journal.open(path, restart=True)
    assert restarted.records == {}
    restarted.close()


def test_a_file_that_is_not_a_journal_is_refused_and_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "x.journal"
    path.write_text("row,department\n1,a", encoding="utf-8")
    with pytest.raises(JournalError, match="not an import journal"):
        Journal.open(path)
    assert path.read_text(encoding="utf-8") == "row,department\n1,a"


def test_a_journal_in_use_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.journal"
    first = Journal.open(path)
    try:
        with pytest.raises(JournalError, match="in use by another import"):
            Journal.open(path, restart=True)
        first.append(record(1))
    finally:
        first.close()
    again = Journal.open(path)
    assert len(again.records) == 1
    again.close()


def test_result_file_is_written_whole(tmp_path: Path) -> None:
    path = tmp_path / "result.csv"
    write_result(path, [record(1), record(2, "invalid", None)])
    assert path.read_text(encoding="utf-8").splitlines() == [
        "row,department,customerUuid,status,warnings,message",
        f"1,{DEPT},c-1,created,,",
        f"2,{DEPT},,invalid,,",
    ]
    assert not list(tmp_path.glob("*.tmp"))


def test_a_rejects_file_imported_again_keeps_one_reason_column(tmp_path: Path) -> None:
    path = tmp_path / "people.rejects.csv"
    header = ("firstName", REJECT_COLUMN, "lastName")
    assert write_rejects(path, header, [(("Ann", "old reason", "Lee"), "new reason")]) == 1
    assert path.read_text(encoding="utf-8").splitlines() == [
        f"firstName,lastName,{REJECT_COLUMN}",
        "Ann,Lee,new reason",
    ]
