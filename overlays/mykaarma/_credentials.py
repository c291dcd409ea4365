"""Credentials and base URL from arguments or the environment (``MYKAARMA_USERNAME`` / ``_PASSWORD`` /
``_BASE_URL``): explicit arguments first; a missing credential names what to set."""

from __future__ import annotations

import os

import httpx

from ._auth import BasicAuth
from ._exceptions import MyKaarmaError

__all__ = ["ENV_BASE_URL", "ENV_PASSWORD", "ENV_USERNAME", "resolve_credentials"]

ENV_USERNAME = "MYKAARMA_USERNAME"
ENV_PASSWORD = "MYKAARMA_PASSWORD"
ENV_BASE_URL = "MYKAARMA_BASE_URL"


def _from_env(value: str | None, name: str) -> str | None:
    if value:
        return value
    return os.environ.get(name) or None


def resolve_credentials(
    username: str | None, password: str | None, base_url: str | httpx.URL | None, allow_insecure_http: bool
) -> tuple[BasicAuth, str | httpx.URL | None]:
    """Explicit arguments first, then the environment; a missing credential names what to set."""
    user = _from_env(username, ENV_USERNAME)
    secret = _from_env(password, ENV_PASSWORD)
    if not user or not secret:
        missing = [] if user else [f"username= or set {ENV_USERNAME}"]
        missing += [] if secret else [f"password= or set {ENV_PASSWORD}"]
        raise MyKaarmaError("missing credentials: pass " + ", and ".join(missing))
    auth = BasicAuth(user, secret, allow_insecure_http=allow_insecure_http)
    return auth, base_url or _from_env(None, ENV_BASE_URL)
