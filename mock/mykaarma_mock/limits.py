"""The spec's `x-request-limits` (D-REQUEST-LIMITS) and the checks that enforce them on a parsed body.

`RequestLimits.from_spec` reads the limits from the bundle, so the spec is their only source. `body_problems`
walks a parsed JSON body once, without recursion, and reports what no schema check should ever see: nesting
deeper than `max_nesting_depth`, strings and keys longer than `max_string_length` or holding a lone surrogate
(``"\\ud800"``: not Unicode, so no encoder accepts it) and arrays longer than `max_array_items` (not
descended into). Schema validation then only ever sees bounded input. Numbers JSON cannot carry (``1e999``,
``NaN``) never get this far: the parser refuses them.

`bounded_problems` keeps an error answer small: at most `max_listed_problems` problems, each message and field
cut to a readable length, then one item saying how many were left out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Final

from mykaarma_core.problems import PREVIEW_CHARS

from .errors import INVALID, ErrorItem

#: Characters of a problem's message and field that an error answer keeps.
MESSAGE_CHARS: Final = 500
FIELD_CHARS: Final = 200
_KEYS: Final = {
    "maxBodyBytes": "max_body_bytes",
    "maxNestingDepth": "max_nesting_depth",
    "maxStringLength": "max_string_length",
    "maxArrayItems": "max_array_items",
    "maxListedProblems": "max_listed_problems",
    "bodyTimeoutSeconds": "body_timeout_seconds",
}


@dataclass(frozen=True)
class RequestLimits:
    """What every request may carry (D-REQUEST-LIMITS), as the spec's `x-request-limits` states it."""

    max_body_bytes: int
    max_nesting_depth: int
    max_string_length: int
    max_array_items: int
    max_listed_problems: int
    body_timeout_seconds: float

    @classmethod
    def from_spec(cls, document: Mapping[str, Any]) -> RequestLimits:
        """The limits of a spec document; `ValueError` naming what is missing or not a positive number."""
        block = document.get("x-request-limits")
        if not isinstance(block, Mapping):
            raise ValueError("the spec has no x-request-limits object (D-REQUEST-LIMITS)")
        values: dict[str, Any] = {}
        for key, name in _KEYS.items():
            value = block.get(key)
            if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                raise ValueError(f"x-request-limits.{key} must be a positive number, got {value!r}")
            values[name] = value if name == "body_timeout_seconds" else int(value)
        return cls(**values)

    def with_overrides(self, **changes: Any) -> RequestLimits:
        """A copy with some limits changed (a test's short body timeout, a smaller body)."""
        return replace(self, **changes)


def clip(text: str, limit: int = PREVIEW_CHARS) -> str:
    """`text` as a message or field shows it: cut to `limit` characters, lone surrogates escaped."""
    if not _is_unicode(text):
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class _Node:
    """A position in the body: its parent and its key or index (paths are only spelled out for problems)."""

    parent: _Node | None
    key: str | int

    def path(self) -> str:
        parts: list[str | int] = []
        node: _Node | None = self
        while node is not None:
            parts.append(node.key)
            node = node.parent
        text = ""
        for part in reversed(parts):
            if isinstance(part, int):
                text += f"[{part}]"
            else:
                shown = clip(part, 40)
                text += f".{shown}" if text else shown
        return text


def _is_unicode(text: str) -> bool:
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@dataclass
class _Findings:
    """Problems of one walk: the first `keep` are kept, all are counted."""

    keep: int
    kept: list[ErrorItem] = field(default_factory=list)
    count: int = 0

    def add(self, node: _Node | None, message: str) -> None:
        self.count += 1
        if len(self.kept) < self.keep:
            where = node.path() if node is not None else ""
            subject = where or "request body"
            self.kept.append(ErrorItem(INVALID, f"{subject} {message}", where or None))


def _string_problem(value: str, limits: RequestLimits, what: str) -> str | None:
    """What is wrong with a string or key of a body, if anything (cheap for the usual value)."""
    if len(value) > limits.max_string_length:
        return f"{what} is longer than {limits.max_string_length} characters ({len(value)})"
    if not _is_unicode(value):
        return f"{what} is not valid Unicode (it holds a lone surrogate escape such as \\ud800)"
    return None


def body_problems(value: Any, limits: RequestLimits, keep: int | None = None) -> tuple[list[ErrorItem], int]:
    """The limit problems of a parsed body (the first `keep`, default `max_listed_problems`) and their count.

    One pass over the body, no recursion: linear in its size whatever its shape. Only objects and arrays go
    on the stack; strings are checked where they are found.
    """
    found = _Findings(limits.max_listed_problems if keep is None else keep)
    stack: list[tuple[dict[str, Any] | list[Any], _Node | None, int]] = []

    def visit(child: Any, parent: _Node | None, key: str | int, depth: int) -> None:
        """Push an object or array, check a string; numbers, booleans and null need nothing."""
        if isinstance(child, dict | list):
            stack.append((child, _Node(parent, key), depth))
        elif isinstance(child, str):
            problem = _string_problem(child, limits, "is a string that")
            if problem:
                found.add(_Node(parent, key), problem)

    if isinstance(value, dict | list):
        stack.append((value, None, 1))
    elif isinstance(value, str) and (problem := _string_problem(value, limits, "is a string that")):
        found.add(None, problem)
    while stack:
        container, node, depth = stack.pop()
        if depth > limits.max_nesting_depth:
            found.add(node, f"is nested more than {limits.max_nesting_depth} levels deep")
        elif isinstance(container, dict):
            for key, child in container.items():
                problem = _string_problem(key, limits, "has a name that")
                if problem:
                    found.add(_Node(node, key), problem)
                visit(child, node, key, depth + 1)
        elif len(container) > limits.max_array_items:
            limit = limits.max_array_items
            found.add(node, f"has {len(container)} items, more than any array may hold ({limit})")
        else:
            for index, child in enumerate(container):
                if isinstance(child, dict | list | str):
                    visit(child, node, index, depth + 1)
    found.kept.sort(key=lambda problem: problem.field or "")
    return found.kept, found.count


def parameter_problem(name: str, value: str, limits: RequestLimits, where: str) -> ErrorItem | None:
    """The limit problem of one path or query value, if any."""
    if len(value) > limits.max_string_length:
        message = f"{where} {name} is longer than {limits.max_string_length} characters ({len(value)})"
        return ErrorItem(INVALID, message, name)
    if not _is_unicode(value):
        return ErrorItem(INVALID, f"{where} {name} is not valid Unicode", name)
    return None


def bounded_problems(problems: Sequence[ErrorItem], limit: int, total: int | None = None) -> list[ErrorItem]:
    """At most `limit` problems with readable lengths, then one naming how many of `total` were left out."""
    shown = [
        ErrorItem(p.code, clip(p.message, MESSAGE_CHARS), clip(p.field, FIELD_CHARS) if p.field else None)
        for p in problems[:limit]
    ]
    left_out = (len(problems) if total is None else total) - len(shown)
    if left_out > 0:
        code = shown[-1].code if shown else INVALID
        noun = "problem" if left_out == 1 else "problems"
        shown.append(ErrorItem(code, f"{left_out} more {noun} not listed (an answer lists at most {limit})"))
    return shown
