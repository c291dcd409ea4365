"""Stateful local mock of the myKaarma customer and appointment-with-trip APIs (issue 4).

Run it with ``mykaarma-mock serve`` or ``python -m mykaarma_mock serve``; build it in code with
`mykaarma_mock.app.create_app`.
"""

from __future__ import annotations
