"""The x-rules evaluator under the name of earlier releases: see `mykaarma_core.rules`."""

from mykaarma_core.rules import *  # noqa: F403
