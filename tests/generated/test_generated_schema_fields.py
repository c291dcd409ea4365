"""Both model trees agree with components/schemas on property names and on which properties are required.

Object schemas are compared field by field. Enum schemas become enum classes in both trees, compared by
their values. Other non-object schemas (plain aliases such as a string with a pattern) have no attrs class:
openapi-python-client inlines them where they are used, so only the pydantic tree is checked for them.
"""

from __future__ import annotations

import enum
import inspect
from typing import Any

import attrs
import pytest
from pydantic import BaseModel

import mykaarma_api.models
import mykaarma_models
from tests.generated._support import Json, bundled_spec, class_index, lookup_key, resolve

SPEC = bundled_spec()
SCHEMAS: dict[str, Json] = SPEC.get("components", {}).get("schemas", {})
ATTRS_CLASSES = class_index(getattr(mykaarma_api.models, name) for name in mykaarma_api.models.__all__)
PYDANTIC_CLASSES = class_index(
    cls
    for _, cls in inspect.getmembers(mykaarma_models, inspect.isclass)
    if cls.__module__ == mykaarma_models.__name__
)
SAMPLE_DEPTH = 4


def schema_types(schema: Json) -> set[str]:
    """The JSON types a schema allows, `type` as a set."""
    declared = schema.get("type", [])
    return {declared} if isinstance(declared, str) else set(declared)


def is_object_schema(schema: Json) -> bool:
    return "object" in schema_types(schema) or "properties" in schema


def is_enum_schema(schema: Json) -> bool:
    return "enum" in schema and not is_object_schema(schema)


def object_shape(schema: Json) -> tuple[dict[str, Json], set[str]]:
    """Properties and required names of an object schema, including those of its `allOf` members.

    `if`/`then`/`dependentSchemas` are conditions on existing properties, not new properties.
    """
    properties = dict(schema.get("properties", {}))
    required = set(schema.get("required", []))
    for member in schema.get("allOf", []):
        member_properties, member_required = object_shape(resolve(SPEC, member))
        properties |= member_properties
        required |= member_required
    return properties, required


def sample(schema: Json, depth: int = 0) -> Json:
    """A value of `schema` that the attrs models can parse, with every object property present."""
    schema = resolve(SPEC, schema)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return next(value for value in schema["enum"] if value is not None)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            branches = [resolve(SPEC, branch) for branch in schema[key]]
            return sample(next(branch for branch in branches if schema_types(branch) != {"null"}), depth)
    if is_object_schema(schema) or "allOf" in schema:
        properties, required = object_shape(schema)
        names = properties if depth < SAMPLE_DEPTH else required
        return {name: sample(properties[name], depth + 1) for name in names}
    types = schema_types(schema) - {"null"}
    if "array" in types:
        return [sample(schema.get("items", {}), depth + 1)] if depth < SAMPLE_DEPTH else []
    if "boolean" in types:
        return True
    if "integer" in types:
        return 1
    if "number" in types:
        return 1.5
    formats = {"date-time": "2024-01-02T03:04:05+00:00", "date": "2024-01-02"}
    return formats.get(schema.get("format", ""), "text")


OBJECT_SCHEMAS = sorted(name for name, schema in SCHEMAS.items() if is_object_schema(schema))
ENUM_SCHEMAS = sorted(name for name, schema in SCHEMAS.items() if is_enum_schema(schema))
ALIAS_SCHEMAS = sorted(set(SCHEMAS) - set(OBJECT_SCHEMAS) - set(ENUM_SCHEMAS))


def generated_class(index: dict[str, type], schema_name: str, tree: str) -> Any:
    cls = index.get(lookup_key(schema_name))
    assert cls is not None, f"{tree} has no class for components/schemas/{schema_name}"
    return cls


def test_spec_has_object_schemas() -> None:
    assert OBJECT_SCHEMAS, "components/schemas has no object schema"


@pytest.mark.parametrize("schema_name", OBJECT_SCHEMAS)
def test_pydantic_model_matches_schema(schema_name: str) -> None:
    properties, required = object_shape(SCHEMAS[schema_name])
    cls = generated_class(PYDANTIC_CLASSES, schema_name, "mykaarma_models")
    assert issubclass(cls, BaseModel)
    fields = {field.alias or name: field for name, field in cls.model_fields.items()}
    assert set(fields) == set(properties)
    assert {name for name, field in fields.items() if field.is_required()} == required


@pytest.mark.parametrize("schema_name", OBJECT_SCHEMAS)
def test_attrs_model_matches_schema(schema_name: str) -> None:
    properties, required = object_shape(SCHEMAS[schema_name])
    cls = generated_class(ATTRS_CLASSES, schema_name, "mykaarma_api.models")
    complete = sample(SCHEMAS[schema_name])
    assert set(cls.from_dict(complete).to_dict()) == set(properties), "JSON keys written by to_dict()"

    def required_by_from_dict(name: str) -> bool:
        """from_dict() pops required keys without a default, so leaving one out raises KeyError."""
        try:
            cls.from_dict({key: value for key, value in complete.items() if key != name})
        except KeyError:
            return True
        return False

    assert {name for name in properties if required_by_from_dict(name)} == required
    declared = [field for field in attrs.fields(cls) if field.name != "additional_properties"]
    without_default = [field.name for field in declared if field.default is attrs.NOTHING]
    assert len(declared) == len(properties)
    assert len(without_default) == len(required), f"attrs fields without a default: {without_default}"


@pytest.mark.parametrize("schema_name", ENUM_SCHEMAS)
def test_enum_schema_has_the_same_values_in_both_trees(schema_name: str) -> None:
    values = {value for value in SCHEMAS[schema_name]["enum"] if value is not None}
    for index, tree in ((ATTRS_CLASSES, "mykaarma_api.models"), (PYDANTIC_CLASSES, "mykaarma_models")):
        cls = generated_class(index, schema_name, tree)
        assert issubclass(cls, enum.Enum), f"{tree}.{cls.__name__} is not an enum"
        assert {member.value for member in cls} == values, tree


@pytest.mark.parametrize("schema_name", ALIAS_SCHEMAS)
def test_alias_schema_has_a_pydantic_model(schema_name: str) -> None:
    generated_class(PYDANTIC_CLASSES, schema_name, "mykaarma_models")
