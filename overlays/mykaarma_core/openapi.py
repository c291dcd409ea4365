"""Reading an OpenAPI document: its operations and its local ``$ref``s, one way for every reader.

The mock's routing table, the generator's query-parameter facts, the fuzz runners' links and routes, the
breaking-change diff and the tests all walk the spec's ``paths`` with `operations` and follow references
with `resolve`, so no reader skips a method another one sees or follows a ``$ref`` differently.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Final

__all__ = ["HTTP_METHODS", "OperationEntry", "operations", "request_components", "resolve"]

#: The methods a path item may hold an operation under (OpenAPI 3.1), in the order they are walked.
HTTP_METHODS: Final = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@dataclass(frozen=True)
class OperationEntry:
    """One operation of the document: its path template, lower-case method, path item and definition."""

    path: str
    method: str
    item: Mapping[str, Any]
    definition: Mapping[str, Any]

    @property
    def operation_id(self) -> str | None:
        value = self.definition.get("operationId")
        return value if isinstance(value, str) else None

    @property
    def parameters(self) -> list[Any]:
        """The path item's parameters, then the operation's (still as written: `resolve` each)."""
        return [*self.item.get("parameters", ()), *self.definition.get("parameters", ())]


def operations(document: Mapping[str, Any]) -> Iterator[OperationEntry]:
    """Every operation of `document`, path by path in document order, methods in `HTTP_METHODS` order."""
    for path, item in (document.get("paths") or {}).items():
        if not isinstance(item, Mapping):
            continue
        for method in HTTP_METHODS:
            definition = item.get(method)
            if isinstance(definition, Mapping):
                yield OperationEntry(str(path), method, item, definition)


def resolve(document: Mapping[str, Any], node: Any) -> Any:
    """`node` with its local ``$ref`` (``#/...``) followed until a node without one is reached."""
    seen: set[str] = set()
    while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
        ref: str = node["$ref"]
        if not ref.startswith("#/") or ref in seen:
            raise ValueError(f"cannot follow $ref {ref!r}")
        seen.add(ref)
        target: Any = document
        for part in ref.removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def request_components(document: Mapping[str, Any]) -> list[str]:
    """Names of the component schemas a request body reaches, in first-reached order."""
    found: list[str] = []
    stack: list[Any] = []
    for entry in operations(document):
        body = entry.definition.get("requestBody")
        if body is not None:
            stack += [media.get("schema") for media in resolve(document, body).get("content", {}).values()]
    stack.reverse()
    while stack:
        node = stack.pop()
        if isinstance(node, Mapping):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
                name = ref.removeprefix("#/components/schemas/")
                if name not in found:
                    found.append(name)
                    stack.append(document["components"]["schemas"][name])
                continue
            stack += reversed(list(node.values()))
        elif isinstance(node, list):
            stack += reversed(node)
    return found
