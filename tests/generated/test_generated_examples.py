"""Every request and response example of the spec round-trips through both generated model trees."""

from __future__ import annotations

import inspect
from typing import Any

import pytest
from pydantic import BaseModel, TypeAdapter

import mykaarma_api.models
import mykaarma_models
from tests.generated._support import (
    Example,
    ModelTarget,
    bundled_spec,
    class_index,
    examples,
    lookup_key,
    model_target,
    normalise,
)

EXAMPLES = examples(bundled_spec())
ATTRS_MODELS = class_index(getattr(mykaarma_api.models, name) for name in mykaarma_api.models.__all__)
PYDANTIC_MODELS = class_index(
    cls for _, cls in inspect.getmembers(mykaarma_models, inspect.isclass) if issubclass(cls, BaseModel)
)


def target_of(example: Example) -> ModelTarget:
    """The component model of the example's media type; an example without one fails the test."""
    target = model_target(example.schema)
    assert target is not None, (
        f"{example.test_id}: the media type's schema is neither a $ref to components/schemas nor an array of "
        f"one, so no generated model can check this example: {example.schema}"
    )
    return target


def model_class(index: dict[str, type], target: ModelTarget, tree: str) -> Any:
    """The generated class for `target` in one tree (`tree` names it in the failure message)."""
    cls = index.get(lookup_key(target.schema_name))
    assert cls is not None, f"{tree} has no model for components/schemas/{target.schema_name}"
    return cls


def test_spec_has_examples() -> None:
    assert EXAMPLES, "the bundled spec has no request or response examples"


@pytest.mark.parametrize("example", EXAMPLES, ids=[example.test_id for example in EXAMPLES])
def test_example_round_trips_through_attrs_model(example: Example) -> None:
    target = target_of(example)
    cls = model_class(ATTRS_MODELS, target, "mykaarma_api.models")
    if target.is_list:
        assert isinstance(example.value, list), f"{example.test_id}: the schema is an array"
        dumped: Any = [cls.from_dict(item).to_dict() for item in example.value]
    else:
        dumped = cls.from_dict(example.value).to_dict()
    assert normalise(dumped) == normalise(example.value)


@pytest.mark.parametrize("example", EXAMPLES, ids=[example.test_id for example in EXAMPLES])
def test_example_validates_in_pydantic_model(example: Example) -> None:
    target = target_of(example)
    cls = model_class(PYDANTIC_MODELS, target, "mykaarma_models")
    if target.is_list:
        adapter: TypeAdapter[Any] = TypeAdapter(list[cls])  # type: ignore[valid-type]
        models = adapter.validate_python(example.value)
        dumped: Any = [model.model_dump(mode="json", by_alias=True, exclude_unset=True) for model in models]
    else:
        model = cls.model_validate(example.value)
        dumped = model.model_dump(mode="json", by_alias=True, exclude_unset=True)
    assert normalise(dumped) == normalise(example.value)
