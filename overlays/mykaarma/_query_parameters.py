"""What the spec says about query parameters beyond their schemas, as generated into
``mykaarma_api/query_parameters.json``: which arrays go comma-separated (``explode: false``) and the
parameters' ``x-`` extensions (the search limits of D-SEARCH)."""

from __future__ import annotations

import functools
import importlib.resources
import json
from typing import Any

__all__ = ["comma_separated", "extension"]


@functools.cache
def _table() -> dict[str, dict[str, dict[str, Any]]]:
    packaged = importlib.resources.files("mykaarma_api").joinpath("query_parameters.json")
    text = packaged.read_text(encoding="utf-8")
    table: dict[str, dict[str, dict[str, Any]]] = json.loads(text)
    return table


@functools.cache
def comma_separated(operation: str) -> tuple[str, ...]:
    """The query arrays of `operation` sent as one comma-separated value (the generated code repeats them)."""
    parameters = _table().get(operation, {})
    return tuple(name for name, facts in parameters.items() if facts.get("explode") is False)


def extension(operation: str, parameter: str, name: str) -> Any:
    """The value of the `name` extension of a query parameter; KeyError when the spec does not have it."""
    try:
        return _table()[operation][parameter][name]
    except KeyError:
        raise KeyError(f"the spec gives {operation}'s {parameter} no {name}") from None
