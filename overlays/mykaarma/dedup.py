"""The matching logic of create-or-update under the name of earlier releases: see `mykaarma_core.matching`."""

from mykaarma_core.matching import *  # noqa: F403
