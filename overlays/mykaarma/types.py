"""The generated attrs models, re-exported: ``from mykaarma.types import SaveCustomerRequest``.

One definition of each schema: these are the classes of ``mykaarma_api.models`` (every name of its
``__all__``), plus ``UNSET`` / ``Unset``, the marker of an optional field that was not given.
"""

from __future__ import annotations

from mykaarma_api.models import *  # noqa: F403
from mykaarma_api.models import __all__ as _models_all
from mykaarma_api.types import UNSET, Unset

__all__ = [*_models_all, "UNSET", "Unset"]
