"""Why a server refused a schema-valid request: the documented rule behind each problem of its answer.

A refusal is explained when every problem in the error answer is one of the rules the spec documents as
beyond JSON Schema:

1. an ``x-rules`` entry marked ``notExpressible`` — matched by its message. A message of a rule with a JSON
   Schema twin explains nothing, whatever its error code: the schema should have refused that request, so
   the spec has a gap;
2. an entry of the spec's root ``x-server-rules`` — matched by the problem's error code, or by the DECISIONS
   entry its message cites, e.g. ``(D-CONSISTENCY)``.

Problems are read from the error envelopes the spec defines (``errors`` or ``error`` items with
``errorCode``/``errorTitle`` and ``errorDescription``/``errorMessage``); no value of the request is kept.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from mykaarma_core.rules import RuleBook

__all__ = ["Explainer", "Problem", "Refusal", "problems_of"]

_CITATION = re.compile(r"\((D-[A-Z0-9-]+)\)")


@dataclass(frozen=True)
class Problem:
    """One problem of an error answer: its code, its field (when named) and its message."""

    code: str | None
    field: str | None
    message: str


@dataclass(frozen=True)
class Refusal:
    """A refused schema-valid request: the operation, the status and the rule behind each problem."""

    operation: str
    status: int
    problems: tuple[Problem, ...]
    rules: tuple[str | None, ...]  # one per problem; None: no documented rule explains it

    @property
    def explained(self) -> bool:
        return bool(self.problems) and all(rule is not None for rule in self.rules)


def problems_of(body: str) -> tuple[Problem, ...]:
    """The problems an error answer lists (none when it is not one of the spec's error envelopes)."""
    try:
        document = json.loads(body)
    except ValueError:
        return ()
    if not isinstance(document, Mapping):
        return ()
    items = document.get("errors") or document.get("error") or []
    if isinstance(items, Mapping):  # the PnD envelope's single error object
        items = [items]
    found: list[Problem] = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, Mapping):
            continue
        code = item.get("errorTitle") if isinstance(item.get("errorCode"), int) else item.get("errorCode")
        message = item.get("errorDescription") or item.get("errorMessage") or ""
        field = item.get("field")
        found.append(
            Problem(
                None if code is None else str(code), field if isinstance(field, str) else None, str(message)
            )
        )
    return tuple(found)


class Explainer:
    """The rules of one spec document that may refuse a schema-valid request."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.server_rules: dict[str, str] = {}  # error code -> rule id
        self.rule_ids: set[str] = set()
        for rule in spec.get("x-server-rules") or []:
            self.rule_ids.add(str(rule["id"]))
            for code in rule.get("errorCodes") or []:
                self.server_rules[str(code)] = str(rule["id"])
        self.messages: dict[str, tuple[str, bool]] = {}  # x-rule message -> (id, has no JSON Schema twin)
        for _schema, rule in RuleBook(spec).rules():
            self.messages[str(rule["message"])] = (str(rule["id"]), "notExpressible" in rule)

    def rule_of(self, problem: Problem) -> str | None:
        """The documented rule beyond JSON Schema behind `problem`, or None."""
        if problem.message in self.messages:
            rule_id, beyond_schema = self.messages[problem.message]
            return rule_id if beyond_schema else None
        if problem.code is not None and problem.code in self.server_rules:
            return self.server_rules[problem.code]
        cited = [entry for entry in _CITATION.findall(problem.message) if entry in self.rule_ids]
        return cited[-1] if cited else None

    def refusal(self, operation: str, status: int, body: str) -> Refusal:
        problems = problems_of(body)
        return Refusal(operation, status, problems, tuple(self.rule_of(problem) for problem in problems))

    def unexplained_twins(self, refusal: Refusal) -> Iterator[str]:
        """The x-rules with a JSON Schema twin that a refusal reports (each one a gap of the spec)."""
        for problem in refusal.problems:
            if problem.message in self.messages and not self.messages[problem.message][1]:
                yield self.messages[problem.message][0]
