"""Python client for the myKaarma customer and appointment-with-trip APIs."""

from __future__ import annotations
