"""`MyKaarma` and `AsyncMyKaarma`: the facade users construct (written once in ``_async/facade.py``).

::

    with MyKaarma(username="...", password="...") as client:      # or MYKAARMA_USERNAME / MYKAARMA_PASSWORD
        saved = client.customers.create_or_update(department_uuid, customer)

Credentials and the base URL fall back to ``MYKAARMA_USERNAME``, ``MYKAARMA_PASSWORD`` and
``MYKAARMA_BASE_URL`` (default ``https://api.mykaarma.com``). One httpx client per facade; pass
``http_client=`` to use your own (it is used as it is, and not closed by us). Timeout default
``httpx.Timeout(30.0, connect=5.0)``, applied per request (also to a user-supplied client), overridable per
call; ``max_retries=2``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._credentials import ENV_BASE_URL, ENV_PASSWORD, ENV_USERNAME

if TYPE_CHECKING:
    from ._async.facade import AsyncMyKaarma
    from ._sync.facade import MyKaarma

__all__ = ["ENV_BASE_URL", "ENV_PASSWORD", "ENV_USERNAME", "AsyncMyKaarma", "MyKaarma"]

# Each facade is loaded on first use: the sync one never imports asyncio.
_HOMES = {"AsyncMyKaarma": "._async.facade", "MyKaarma": "._sync.facade"}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(home, __package__), name)
