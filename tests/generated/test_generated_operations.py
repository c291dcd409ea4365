"""Every operation of the spec has its module in mykaarma_api.api with the four call styles; no extra ones."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import mykaarma_api.api
from tests.generated._support import Operation, bundled_spec, operations, resolve, snake_case

OPERATIONS = operations(bundled_spec())


def module_name(operation: Operation) -> str:
    """Dotted module of an operation: `mykaarma_api.api.<tag>.<operationId in snake_case>`."""
    return f"mykaarma_api.api.{snake_case(operation.tag)}.{snake_case(operation.operation_id)}"


def has_parsed_response(operation: Operation) -> bool:
    """Whether some response declares a body schema.

    openapi-python-client only writes `sync` and `asyncio` (which return the parsed body) for such
    operations; without one there is nothing to parse and only the `*_detailed` pair exists.
    """
    responses = operation.node.get("responses", {}).values()
    return any(
        "schema" in media
        for response in responses
        for media in resolve(bundled_spec(), response).get("content", {}).values()
    )


def test_spec_has_operations() -> None:
    assert OPERATIONS, "the bundled spec declares no operations"


def test_operation_ids_are_unique() -> None:
    ids = [operation.operation_id for operation in OPERATIONS]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("operation", OPERATIONS, ids=[op.operation_id for op in OPERATIONS])
def test_operation_module_has_all_call_styles(operation: Operation) -> None:
    module = importlib.import_module(module_name(operation))
    expected_sync = ["sync_detailed"] + (["sync"] if has_parsed_response(operation) else [])
    expected_async = ["asyncio_detailed"] + (["asyncio"] if has_parsed_response(operation) else [])
    for name in expected_sync:
        function = getattr(module, name, None)
        assert inspect.isfunction(function), f"{module.__name__}.{name} is missing"
        assert not inspect.iscoroutinefunction(function), f"{module.__name__}.{name} must be synchronous"
    for name in expected_async:
        function = getattr(module, name, None)
        assert inspect.iscoroutinefunction(function), f"{module.__name__}.{name} must be a coroutine function"


def test_no_operation_module_without_an_operation() -> None:
    expected = {module_name(operation) for operation in OPERATIONS}
    generated = set()
    for tag in pkgutil.iter_modules(mykaarma_api.api.__path__, "mykaarma_api.api."):
        tag_package = importlib.import_module(tag.name)
        generated |= {module.name for module in pkgutil.iter_modules(tag_package.__path__, f"{tag.name}.")}
    assert generated == expected, {"extra": generated - expected, "missing": expected - generated}
