"""The package surface: cheap lazy import, public names, the re-exported generated models."""

from __future__ import annotations

import json
import subprocess
import sys

import attrs
import pytest

import mykaarma
import mykaarma._client
import mykaarma.types
import mykaarma_api.models
from mykaarma_api.types import UNSET, Unset


def _fresh(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return result.stdout.strip()


def test_import_mykaarma_loads_no_httpx_attrs_or_generated_code() -> None:
    loaded = json.loads(
        _fresh(
            "import sys, json, mykaarma, mykaarma_core.matching, mykaarma_core.rules; "
            "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
            "{'httpx', 'attrs', 'mykaarma_api'} or m.startswith('mykaarma._'))))"
        )
    )
    assert loaded == []


def test_error_classes_load_without_httpx() -> None:
    assert (
        _fresh("import sys; from mykaarma import APIError, ValidationError; print('httpx' in sys.modules)")
        == "False"
    )


def test_public_names_resolve_lazily_and_are_listed() -> None:
    for name in mykaarma.__all__:
        assert getattr(mykaarma, name) is not None
        assert name in dir(mykaarma)
    assert mykaarma.MyKaarma is mykaarma._client.MyKaarma
    assert mykaarma.AsyncMyKaarma is mykaarma._client.AsyncMyKaarma
    assert issubclass(mykaarma.NotFoundError, mykaarma.APIError)
    assert issubclass(mykaarma.APITimeoutError, mykaarma.APIConnectionError)
    assert issubclass(mykaarma.APIError, mykaarma.MyKaarmaError)
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        _ = mykaarma.Nope


def test_types_reexports_every_generated_model() -> None:
    generated = set(mykaarma_api.models.__all__)
    assert generated <= set(mykaarma.types.__all__)
    for name in generated:
        assert getattr(mykaarma.types, name) is getattr(mykaarma_api.models, name)
    attrs_models = [name for name in generated if attrs.has(getattr(mykaarma_api.models, name))]
    assert "SaveCustomerRequest" in attrs_models
    assert len(attrs_models) > 50
    assert mykaarma.types.UNSET is UNSET
    assert mykaarma.types.Unset is Unset
    from mykaarma.types import SaveCustomerRequest

    assert SaveCustomerRequest is mykaarma_api.models.SaveCustomerRequest
