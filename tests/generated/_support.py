"""Helpers for the tests of the generated packages: the bundled spec, its operations and examples, names."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from mykaarma_core import openapi

ROOT = Path(__file__).resolve().parents[2]
SPEC_DIR = ROOT / "openapi"
BUNDLE = SPEC_DIR / "dist" / "mykaarma.openapi.yaml"
GENERATE_SCRIPT = "scripts.codegen.generate"
CHECK_SCRIPT = "scripts.codegen.check_generated"

Json = Any


class JsonYamlLoader(yaml.SafeLoader):
    """YAML loader that keeps date and date-time scalars as strings, as JSON (and OpenAPI 3.1) sees them."""


JsonYamlLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(path: Path) -> Json:
    """Parse a YAML file into JSON-compatible values."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=JsonYamlLoader)


@cache
def bundled_spec() -> dict[str, Json]:
    """The committed bundle openapi/dist/mykaarma.openapi.yaml."""
    if not BUNDLE.exists():
        raise FileNotFoundError(f"{BUNDLE} is missing: run `make bundle` (or `make generate`)")
    document: dict[str, Json] = load_yaml(BUNDLE)
    return document


#: Local `$ref`s followed until a node without one is reached.
resolve = openapi.resolve


def ref_name(ref: str) -> str:
    """Last segment of a `$ref`, e.g. `Address` for `#/components/schemas/Address`."""
    return ref.rsplit("/", 1)[-1]


def snake_case(name: str) -> str:
    """`getTripsForAppointment` -> `get_trips_for_appointment`; `readCustomerUUID` -> `read_customer_uuid`."""
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", name)
    return "_".join(words.replace("-", " ").replace("_", " ").lower().split())


def lookup_key(name: str) -> str:
    """Key under which class names and schema names are matched: letters and digits, lower case.

    The generators spell class names their own way (`CustomerUUIDResponse` may become `CustomerUuidResponse`).
    """
    return re.sub(r"[^0-9a-z]", "", name.lower())


def class_index(classes: Iterable[type]) -> dict[str, type]:
    """Classes by `lookup_key` of their name; two classes with one key is an error, not a silent pick."""
    index: dict[str, type] = {}
    for cls in classes:
        key = lookup_key(cls.__name__)
        if key in index and index[key] is not cls:
            raise AssertionError(f"ambiguous class names: {index[key].__name__} and {cls.__name__}")
        index[key] = cls
    return index


@dataclass(frozen=True)
class Operation:
    """One operation of the spec."""

    operation_id: str
    method: str
    path: str
    tag: str
    node: dict[str, Json]


def operations(spec: dict[str, Json]) -> list[Operation]:
    """Every operation, in spec order; untagged ones land in openapi-python-client's `default` tag."""
    found = []
    for entry in openapi.operations(spec):
        node = dict(resolve(spec, entry.definition))
        tag = (node.get("tags") or ["default"])[0]
        found.append(Operation(node["operationId"], entry.method, entry.path, tag, node))
    return found


@dataclass(frozen=True)
class Example:
    """One request or response example of one media type of one operation."""

    test_id: str
    media_type: str
    schema: dict[str, Json]
    value: Json


def _media_examples(spec: dict[str, Json], media: dict[str, Json]) -> Iterator[tuple[str, Json]]:
    """(name, value) of the media type's `example` and of each entry of its `examples` map."""
    if "example" in media:
        yield "example", media["example"]
    for name, entry in media.get("examples", {}).items():
        resolved = resolve(spec, entry)
        if "value" not in resolved:
            raise AssertionError(f"example {name!r} has no inline value (externalValue is not supported)")
        yield name, resolved["value"]


def examples(spec: dict[str, Json]) -> list[Example]:
    """Every request-body and response example of every media type of every operation."""
    found = []
    for operation in operations(spec):
        bodies: list[tuple[str, Json]] = []
        if "requestBody" in operation.node:
            bodies.append(("request", operation.node["requestBody"]))
        bodies += [
            (str(status), response) for status, response in operation.node.get("responses", {}).items()
        ]
        for where, body in bodies:
            for media_type, media in resolve(spec, body).get("content", {}).items():
                for name, value in _media_examples(spec, media):
                    test_id = f"{operation.operation_id}-{where}-{media_type}-{name}"
                    found.append(Example(test_id, media_type, media.get("schema", {}), value))
    return found


@dataclass(frozen=True)
class ModelTarget:
    """The component model an example is checked against: `schema_name`, or a list of it."""

    schema_name: str
    is_list: bool


def model_target(schema: dict[str, Json]) -> ModelTarget | None:
    """Model of a media-type schema: a `$ref` to a component, or an array of one; None for inline schemas."""
    if "$ref" in schema:
        return ModelTarget(ref_name(schema["$ref"]), is_list=False)
    items = schema.get("items", {})
    if schema.get("type") == "array" and "$ref" in items:
        return ModelTarget(ref_name(items["$ref"]), is_list=True)
    return None


RFC3339_DATE_TIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})",
)


def normalise(value: Json) -> Json:
    """Make an example and a model's re-serialisation of it comparable. One rule, applied recursively:

    * A string that is a whole RFC 3339 date-time with an offset becomes `datetime.isoformat()` of it.
      Both generators parse date-times and write them back in their own spelling: attrs models write
      `+00:00` where the spec writes `Z`, pydantic writes `Z` and drops a zero fraction (`.000`). The
      instant and the offset are kept, so a changed time or offset still fails the comparison.

    Everything else is compared as is: absent stays different from null, and `2000` equals `2000.0`
    because Python compares numbers by value.
    """
    if isinstance(value, dict):
        return {key: normalise(item) for key, item in value.items()}
    if isinstance(value, list):
        return [normalise(item) for item in value]
    if isinstance(value, str) and RFC3339_DATE_TIME.fullmatch(value):
        return datetime.fromisoformat(value.upper().replace("Z", "+00:00")).isoformat()
    return value
