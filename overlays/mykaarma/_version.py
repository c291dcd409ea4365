"""The version of the installed ``mykaarma`` distribution (the spec's ``info.version``)."""

from __future__ import annotations

from importlib import metadata

__all__ = ["USER_AGENT", "__version__"]


def _installed_version() -> str:
    try:
        return metadata.version("mykaarma")
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"


__version__ = _installed_version()
USER_AGENT = f"mykaarma-python/{__version__}"
