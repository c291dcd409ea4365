"""Every field and parameter the facts reference documents is in the bundled spec, as documented.

The expectations live in `facts_fields.yaml` (a transcription of the facts reference, §3 and the query/path
parameters of §2). For each (schema, field) the spec must have the property, with the documented JSON type
among its non-null types, the documented enum (set equality, also when held by a `$ref`'d enum schema or by
the enum branch of an `anyOf`), the documented format, required-ness where the facts say Y, and `$ref`s /
list items pointing at the documented component.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "openapi" / "dist" / "mykaarma.openapi.yaml"
FACTS_FILE = Path(__file__).with_name("facts_fields.yaml")

SPEC: dict[str, Any] = yaml.safe_load(BUNDLE.read_text(encoding="utf-8"))
FACTS: dict[str, Any] = yaml.safe_load(FACTS_FILE.read_text(encoding="utf-8"))

SCHEMA_REF_PREFIX = "#/components/schemas/"
SPEC_URI = "urn:mykaarma-bundle"
JSON_TYPES = frozenset({"string", "boolean", "integer", "number", "array", "object"})
FIELD_KEYS = frozenset({"type", "array_of", "ref", "map_of", "enum", "format", "required", "examples"})
PARAM_KEYS = frozenset({"in", "type", "enum", "required", "serialization"})

Schema = Mapping[str, Any]


# ---------------------------------------------------------------- reading the spec


def lookup(ref: str) -> Any:
    """The node a local `$ref` (`#/...`) points at."""
    assert ref.startswith("#/"), f"non-local $ref {ref!r}"
    node: Any = SPEC
    for part in ref[2:].split("/"):
        key = part.replace("~1", "/").replace("~0", "~")
        assert isinstance(node, Mapping), f"dangling $ref {ref!r}"
        assert key in node, f"dangling $ref {ref!r}"
        node = node[key]
    return node


def deref(node: Schema) -> Schema:
    """Follow `$ref`s until a node that is not a reference."""
    seen: set[str] = set()
    while isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        assert ref not in seen, f"$ref cycle at {ref}"
        seen.add(ref)
        node = lookup(ref)
    return node


def is_null_schema(node: Schema) -> bool:
    return node.get("type") == "null" or node.get("type") == ["null"]


def alternatives(node: Schema) -> list[Schema]:
    """The non-null branches of the node's `anyOf` / `oneOf`."""
    branches = [*node.get("anyOf", []), *node.get("oneOf", [])]
    return [branch for branch in branches if not is_null_schema(branch)]


def strip_nullable(node: Schema) -> Schema:
    """`anyOf: [X, {type: 'null'}]` and `allOf: [X]` wrappers reduced to X."""
    branches = [*node.get("anyOf", []), *node.get("oneOf", [])]
    non_null = alternatives(node)
    if branches and len(non_null) == 1:
        return strip_nullable(non_null[0])
    if len(node.get("allOf", [])) == 1 and "$ref" not in node and "properties" not in node:
        return strip_nullable(node["allOf"][0])
    return node


def non_null_types(node: Schema) -> set[str]:
    """JSON types a schema admits besides null (own `type`, else its `$ref`, else its alternatives)."""
    if "type" in node:
        declared = node["type"]
        types = {declared} if isinstance(declared, str) else set(declared)
    elif "$ref" in node:
        types = non_null_types(lookup(node["$ref"]))
    else:
        types = set().union(*(non_null_types(branch) for branch in alternatives(node)))
        for member in node.get("allOf", []):
            types |= non_null_types(member)
    return types - {"null"}


def enum_values(node: Schema) -> set[Any] | None:
    """The enum of a schema, its `$ref` target or its enum-carrying alternative; None if it has none."""
    if "enum" in node:
        return {value for value in node["enum"] if value is not None}
    if "$ref" in node:
        return enum_values(lookup(node["$ref"]))
    found = [values for branch in alternatives(node) if (values := enum_values(branch)) is not None]
    if not found:
        return None
    return set().union(*found)


def formats(node: Schema) -> set[str]:
    """Every `format` declared on the schema, its `$ref` target or its alternatives."""
    found = {node["format"]} if "format" in node else set()
    if "$ref" in node:
        found |= formats(lookup(node["$ref"]))
    for branch in alternatives(node):
        found |= formats(branch)
    return found


def ref_name(node: Schema) -> str | None:
    """Component name a (possibly nullable) schema refers to, or None."""
    target = strip_nullable(node)
    ref = target.get("$ref")
    if isinstance(ref, str) and ref.startswith(SCHEMA_REF_PREFIX):
        return ref.removeprefix(SCHEMA_REF_PREFIX)
    return None


def object_parts(schema: Schema) -> Iterator[Schema]:
    """The schema and its `allOf` members, `$ref`s followed: where properties and `required` can sit."""
    schema = deref(schema)
    yield schema
    for member in schema.get("allOf", []):
        yield from object_parts(member)


def properties_of(schema: Schema) -> dict[str, Schema]:
    merged: dict[str, Schema] = {}
    for part in object_parts(schema):
        merged.update(part.get("properties", {}))
    return merged


def required_of(schema: Schema) -> set[str]:
    return {name for part in object_parts(schema) for name in part.get("required", [])}


def anchored(node: Any) -> Any:
    """Copy of a schema whose local `$ref`s point into the bundle registered at SPEC_URI."""
    if isinstance(node, Mapping):
        return {
            key: SPEC_URI + value if key == "$ref" and str(value).startswith("#/") else anchored(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [anchored(item) for item in node]
    return node


REGISTRY: Registry[Any] = Registry().with_resource(SPEC_URI, Resource.from_contents(SPEC, DRAFT202012))


def accepts(schema: Schema, value: Any) -> bool:
    validator = jsonschema.Draft202012Validator(
        anchored(schema), registry=REGISTRY, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    valid: bool = validator.is_valid(value)
    return valid


# ---------------------------------------------------------------- reading the transcription


def spec_name(facts_name: str) -> str:
    """Component name of a facts object (the `spec:` mapping where the spec renamed it)."""
    entry = FACTS["schemas"].get(facts_name) or {}
    name: str = entry.get("spec", facts_name)
    return name


def spec_schemas() -> dict[str, Schema]:
    schemas: dict[str, Schema] = SPEC["components"]["schemas"]
    return schemas


def named_objects() -> set[str]:
    """Every object name the transcription uses: schema keys and `ref` / `array_of` targets."""
    names = set(FACTS["schemas"])
    for entry in FACTS["schemas"].values():
        for field in (entry.get("fields") or {}).values():
            names.update(field[key] for key in ("ref", "array_of") if key in field)
    return names - JSON_TYPES


FIELD_CASES = [
    pytest.param(schema, field, doc, id=f"{schema}.{field}")
    for schema, entry in FACTS["schemas"].items()
    for field, doc in (entry.get("fields") or {}).items()
]

PARAM_CASES = [
    pytest.param(entry["operation"], name, doc, id=f"{label}.{name}")
    for label, entry in FACTS["parameters"].items()
    for name, doc in entry["params"].items()
]


# ---------------------------------------------------------------- checks


def check_field(prop: Schema, doc: Mapping[str, Any]) -> list[str]:
    """Mismatches between a spec property and its documented type, ref, items, map values, enum and format."""
    problems: list[str] = []
    types = non_null_types(prop)
    if "type" in doc and doc["type"] not in types:
        problems.append(f"type: documented {doc['type']}, spec admits {sorted(types)}")
    if "ref" in doc:
        expected, actual = spec_name(doc["ref"]), ref_name(prop)
        if actual != expected:
            problems.append(f"ref: documented {expected}, spec refers to {actual}")
    if "array_of" in doc:
        problems.extend(check_items(prop, doc["array_of"]))
    if "map_of" in doc:
        values = deref(strip_nullable(prop)).get("additionalProperties")
        if not isinstance(values, Mapping) or doc["map_of"] not in non_null_types(values):
            problems.append(f"map values: documented {doc['map_of']}, spec additionalProperties {values!r}")
    if "enum" in doc:
        actual_enum = enum_values(prop)
        if actual_enum != set(doc["enum"]):
            problems.append(f"enum: documented {sorted(doc['enum'])}, spec {sorted_or_none(actual_enum)}")
    if "format" in doc and doc["format"] not in formats(prop):
        problems.append(f"format: documented {doc['format']}, spec {sorted(formats(prop))}")
    problems.extend(
        f"example {value!r} is rejected by the spec"
        for value in doc.get("examples", [])
        if not accepts(prop, value)
    )
    return problems


def check_items(prop: Schema, item: str) -> list[str]:
    """The list items of a property are the documented component or JSON type."""
    array = deref(strip_nullable(prop))
    items = array.get("items")
    if not isinstance(items, Mapping):
        return [f"items: documented {item}[], spec property has no `items`"]
    if item in JSON_TYPES:
        item_types = non_null_types(items)
        if item not in item_types:
            return [f"items: documented {item}, spec items admit {sorted(item_types)}"]
        return []
    expected, actual = spec_name(item), ref_name(items)
    if actual != expected:
        return [f"items: documented {expected}, spec items refer to {actual}"]
    return []


def sorted_or_none(values: set[Any] | None) -> list[Any] | None:
    return None if values is None else sorted(values, key=str)


def find_operation(operation: str) -> tuple[Schema, Schema]:
    """(path item, operation) of a facts `METHOD /path`; path parameter names are not compared."""
    method, path = operation.split(" ", 1)

    def shape(template: str) -> str:
        return re.sub(r"\{[^}]*\}", "{}", template)

    matches = [
        (item, item[method.lower()])
        for spec_path, item in SPEC["paths"].items()
        if shape(spec_path) == shape(path) and method.lower() in item
    ]
    assert len(matches) == 1, f"{operation}: {len(matches)} matching operations in the spec"
    return matches[0]


# ---------------------------------------------------------------- tests


def test_transcription_is_well_formed() -> None:
    problems: list[str] = []
    known = set(FACTS["schemas"]) | JSON_TYPES
    for schema, entry in FACTS["schemas"].items():
        for field, doc in (entry.get("fields") or {}).items():
            where = f"{schema}.{field}"
            problems.extend(f"{where}: unknown key {key!r}" for key in set(doc) - FIELD_KEYS)
            if "type" in doc and doc["type"] not in JSON_TYPES:
                problems.append(f"{where}: unknown type {doc['type']!r}")
            if "array_of" in doc and doc.get("type") != "array":
                problems.append(f"{where}: array_of without type: array")
            if "required" in doc and doc["required"] is not True:
                problems.append(f"{where}: only `required: true` is recorded")
            if "ref" in doc and doc["ref"] not in FACTS["schemas"]:
                problems.append(f"{where}: ref {doc['ref']!r} is not a schema of the transcription")
            if "array_of" in doc and doc["array_of"] not in known:
                problems.append(f"{where}: array_of {doc['array_of']!r} is neither a schema nor a JSON type")
    for label, entry in FACTS["parameters"].items():
        for name, doc in entry["params"].items():
            problems.extend(f"{label}.{name}: unknown key {key!r}" for key in set(doc) - PARAM_KEYS)
            if doc.get("in") not in {"query", "path"}:
                problems.append(f"{label}.{name}: `in` must be query or path")
    assert not problems, "\n".join(problems)


def test_every_named_schema_exists() -> None:
    missing = sorted(
        f"{name} (spec {spec_name(name)})"
        for name in named_objects()
        if spec_name(name) not in spec_schemas()
    )
    assert not missing, f"schemas named in facts_fields.yaml missing from components/schemas: {missing}"


@pytest.mark.parametrize(("schema", "field", "doc"), FIELD_CASES)
def test_field_as_documented(schema: str, field: str, doc: Mapping[str, Any]) -> None:
    component_name = spec_name(schema)
    component = spec_schemas().get(component_name)
    assert component is not None, f"schema {component_name} is missing from components/schemas"
    properties = properties_of(component)
    assert field in properties, f"{component_name}.{field} is missing from the spec"
    problems = check_field(properties[field], doc)
    if doc.get("required") and field not in required_of(component):
        problems.append("required: documented Y, spec does not list it in `required`")
    assert not problems, f"{component_name}.{field}: " + "; ".join(problems)


@pytest.mark.parametrize(("operation", "name", "doc"), PARAM_CASES)
def test_parameter_as_documented(operation: str, name: str, doc: Mapping[str, Any]) -> None:
    path_item, spec_operation = find_operation(operation)
    declared = [
        deref(param) for param in [*path_item.get("parameters", []), *spec_operation.get("parameters", [])]
    ]
    matches = [param for param in declared if param.get("name") == name and param.get("in") == doc["in"]]
    assert len(matches) == 1, f"{operation}: {doc['in']} parameter {name} is missing from the spec"
    param = matches[0]
    schema: Schema = param.get("schema", {})
    problems: list[str] = []
    enum_holder: Schema = schema
    types = non_null_types(schema)
    if doc.get("serialization") == "comma-separated" and "array" in types:
        # A comma-separated string on the wire is an array serialised with style form, explode false.
        if param.get("style", "form") != "form" or param.get("explode", True) is not False:
            problems.append("comma-separated list must be style: form, explode: false")
        enum_holder = deref(strip_nullable(schema)).get("items", {})
        types = non_null_types(enum_holder)
    if "type" in doc and doc["type"] not in types:
        problems.append(f"type: documented {doc['type']}, spec admits {sorted(types)}")
    if "enum" in doc:
        actual_enum = enum_values(enum_holder)
        if actual_enum != set(doc["enum"]):
            problems.append(f"enum: documented {sorted(doc['enum'])}, spec {sorted_or_none(actual_enum)}")
    if doc.get("required") and param.get("required") is not True:
        problems.append("required: documented Y, spec parameter is not required")
    assert not problems, f"{operation} {name}: " + "; ".join(problems)
