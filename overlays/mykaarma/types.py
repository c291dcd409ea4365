"""The generated types, re-exported: ``from mykaarma.types import SaveCustomerRequest``.

One definition of each schema: the attrs models of ``mykaarma_api.models`` (every name of its ``__all__``),
the request bodies' dict forms of ``mykaarma_api.params`` (``CustomerInputParam``, … — `TypedDict`s, so mypy
checks the keys and value types of a dict literal), plus ``UNSET`` / ``Unset``, the marker of an optional
field that was not given.
"""

from __future__ import annotations

from mykaarma_api.models import *  # noqa: F403
from mykaarma_api.models import __all__ as _models_all
from mykaarma_api.params import *  # noqa: F403
from mykaarma_api.params import __all__ as _params_all
from mykaarma_api.types import UNSET, Unset

__all__ = [*_models_all, *_params_all, "UNSET", "Unset"]
