"""Loading the bundled spec and walking its examples, shared by the spec tests."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from mykaarma_core import openapi
from mykaarma_core.schema_check import SPEC_URI, anchor_refs

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "openapi" / "dist" / "mykaarma.openapi.yaml"


@cache
def bundled_spec() -> dict[str, Any]:
    """The committed single-file spec."""
    loaded: dict[str, Any] = yaml.safe_load(BUNDLE.read_text(encoding="utf-8"))
    return loaded


def resolve(node: Any) -> Any:
    """`node` with its local `$ref`s followed (`mykaarma_core.openapi.resolve` on the bundle)."""
    return openapi.resolve(bundled_spec(), node)


@cache
def _registry() -> Registry[Any]:
    return Registry().with_resource(SPEC_URI, Resource.from_contents(bundled_spec(), DRAFT202012))


def validator_for(schema: Mapping[str, Any]) -> jsonschema.Draft202012Validator:
    """A Draft 2020-12 validator (formats checked) for a schema of the spec, `$ref`s resolved in the spec."""
    return jsonschema.Draft202012Validator(
        anchor_refs(schema),
        registry=_registry(),
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )


def operations() -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(path, method, operation) for every operation of the spec."""
    for entry in openapi.operations(bundled_spec()):
        yield entry.path, entry.method, dict(entry.definition)


@dataclass(frozen=True)
class Example:
    """A named example of a request or response body, with the schema it must satisfy."""

    test_id: str
    schema: Mapping[str, Any]
    value: Any


def body_examples() -> list[Example]:
    """Every request and response example of every operation (named `examples` and inline `example`)."""
    found: list[Example] = []
    for _path, _method, operation in operations():
        media: list[tuple[str, Mapping[str, Any]]] = []
        if "requestBody" in operation:
            for content in resolve(operation["requestBody"])["content"].values():
                media.append(("request", content))
        for status, response in operation["responses"].items():
            for content in resolve(response).get("content", {}).values():
                media.append((status, content))
        for where, content in media:
            if "example" in content:
                found.append(
                    Example(
                        f"{operation['operationId']}-{where}-example", content["schema"], content["example"]
                    )
                )
            for name, example in content.get("examples", {}).items():
                found.append(
                    Example(
                        f"{operation['operationId']}-{where}-{name}",
                        content["schema"],
                        resolve(example)["value"],
                    )
                )
    return found


def schema_name(schema: Mapping[str, Any]) -> str:
    """Component name of a `$ref` schema."""
    ref: str = schema["$ref"]
    return ref.rsplit("/", 1)[1]
