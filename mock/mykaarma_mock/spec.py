"""The bundled spec and the operation table the mock is generated from.

The bundle is package data (`mykaarma_mock/openapi.yaml`) in an installed wheel, and
`openapi/dist/mykaarma.openapi.yaml` in the repository. Everything the core needs per operation is read from
it, never kept by hand: method and path, service (from the envelope of its 400 response, D-ENVELOPE),
`x-required-scope` (D-SCOPE), parameters, body schema, 200 schema and the documented statuses (D-STATUS).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from mykaarma_core.openapi import operations as walk_operations
from mykaarma_core.openapi import resolve

from .errors import Service
from .limits import RequestLimits

_REPO_BUNDLE = Path(__file__).resolve().parents[2] / "openapi" / "dist" / "mykaarma.openapi.yaml"
_SERVICE_OF_ERROR_SCHEMA: Mapping[str, Service] = {
    "CustomerErrorResponse": "customer",
    "TripErrorResponse": "trip",
    "PnDErrorResponse": "pnd",
    "AppointmentReadErrorResponse": "read",
}
_SCHEMA_PREFIX = "#/components/schemas/"


@dataclass(frozen=True)
class RequiredScope:
    """`x-required-scope`: the scope, the level it is granted at, and the runtime expression of the entity."""

    scope: str
    level: str
    entity: str

    @property
    def parameter(self) -> str | None:
        """The name of the path or query parameter naming the entity (None when it is in the body)."""
        for prefix in ("$request.path.", "$request.query."):
            if self.entity.startswith(prefix):
                return self.entity.removeprefix(prefix)
        return None

    @property
    def in_body(self) -> bool:
        """Whether the entity is named in the request body (checked only once the body is parsed)."""
        return self.entity.startswith("$request.body#")


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str  # "path" or "query"
    required: bool
    schema: Mapping[str, Any]
    style: str
    explode: bool
    extensions: Mapping[str, Any]  # the parameter's `x-` keys (e.g. the search limits of D-SEARCH)


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str  # upper case
    path: str  # OpenAPI path template
    service: Service
    required_scope: RequiredScope
    parameters: tuple[Parameter, ...]
    body_schema: str | None
    body_required: bool
    response_schema: str
    statuses: frozenset[int]

    def parameter(self, name: str, location: str) -> Parameter | None:
        for param in self.parameters:
            if param.name == name and param.location == location:
                return param
        return None


@dataclass(frozen=True)
class Spec:
    raw: bytes
    document: Mapping[str, Any]
    operations: Mapping[str, Operation]

    @property
    def limits(self) -> RequestLimits:
        """`x-request-limits` (D-REQUEST-LIMITS)."""
        return RequestLimits.from_spec(self.document)

    def schema(self, name: str) -> Mapping[str, Any]:
        schema: Mapping[str, Any] = self.document["components"]["schemas"][name]
        return schema

    def resolve(self, node: Any) -> Any:
        """Follow local `$ref`s until a node without one is reached."""
        return resolve(self.document, node)

    def paths(self) -> dict[str, dict[str, Operation]]:
        """Path template -> upper-case method -> operation."""
        table: dict[str, dict[str, Operation]] = {}
        for op in self.operations.values():
            table.setdefault(op.path, {})[op.method] = op
        return table


def bundle_bytes() -> bytes:
    """The bundled spec exactly as shipped."""
    packaged = resources.files("mykaarma_mock").joinpath("openapi.yaml")
    if packaged.is_file():
        return packaged.read_bytes()
    return _REPO_BUNDLE.read_bytes()


def _schema_name(node: Any) -> str:
    ref = node.get("$ref") if isinstance(node, Mapping) else None
    if not isinstance(ref, str) or not ref.startswith(_SCHEMA_PREFIX):
        raise ValueError(f"expected a $ref to a component schema, got {node!r}")
    return ref.removeprefix(_SCHEMA_PREFIX)


def _operation(
    spec: Spec, path: str, method: str, item: Mapping[str, Any], op: Mapping[str, Any]
) -> Operation:
    operation_id = str(op["operationId"])
    params: list[Parameter] = []
    for raw in [*item.get("parameters", []), *op.get("parameters", [])]:
        param = spec.resolve(raw)
        location = param["in"]
        if location not in ("path", "query"):
            raise ValueError(f"{operation_id}: parameters in {location} are not supported by the mock")
        params.append(
            Parameter(
                name=param["name"],
                location=location,
                required=bool(param.get("required", location == "path")),
                schema=param.get("schema", {}),
                style=param.get("style", "form" if location == "query" else "simple"),
                explode=bool(param.get("explode", param.get("style", "form") == "form")),
                extensions={key: value for key, value in param.items() if key.startswith("x-")},
            )
        )
    body_schema: str | None = None
    body_required = False
    if "requestBody" in op:
        body = spec.resolve(op["requestBody"])
        body_schema = _schema_name(body["content"]["application/json"]["schema"])
        body_required = bool(body.get("required", False))
    responses: Mapping[str, Any] = op["responses"]
    ok = spec.resolve(responses["200"])
    response_schema = _schema_name(ok["content"]["application/json"]["schema"])
    bad = spec.resolve(responses["400"])
    error_schema = _schema_name(bad["content"]["application/json"]["schema"])
    scope = op["x-required-scope"]
    return Operation(
        operation_id=operation_id,
        method=method.upper(),
        path=path,
        service=_SERVICE_OF_ERROR_SCHEMA[error_schema],
        required_scope=RequiredScope(scope=scope["scope"], level=scope["level"], entity=scope["entity"]),
        parameters=tuple(params),
        body_schema=body_schema,
        body_required=body_required,
        response_schema=response_schema,
        statuses=frozenset(int(status) for status in responses if status.isdigit()),
    )


def parse_spec(raw: bytes) -> Spec:
    """Build the operation table of a bundled spec."""
    document: dict[str, Any] = yaml.safe_load(raw)
    spec = Spec(raw=raw, document=document, operations={})
    operations: dict[str, Operation] = {}
    for entry in walk_operations(document):
        op = _operation(spec, entry.path, entry.method, entry.item, entry.definition)
        operations[op.operation_id] = op
    return Spec(raw=raw, document=document, operations=operations)


@cache
def load_spec() -> Spec:
    """The bundled spec (loaded once per process)."""
    return parse_spec(bundle_bytes())
