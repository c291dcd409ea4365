"""One problem of a request, and the field paths problems are reported at."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final

__all__ = ["PREVIEW_CHARS", "FieldSet", "PathPart", "Problem", "format_path", "preview"]

#: Characters of a request value that a message quotes.
PREVIEW_CHARS: Final = 60

PathPart = str | int


@dataclass(frozen=True)
class Problem:
    """One problem of a request: dotted path of the field, what is wrong, the spec rule if one applies, and
    the service's error code when the rule names one (``errorCode`` of an x-rule)."""

    path: str
    message: str
    rule_id: str | None = None
    error_code: str | None = None

    @property
    def from_schema(self) -> bool:
        """Whether JSON Schema found it (its message then reads after the field name), not an x-rule."""
        return (self.rule_id or "").startswith("schema.")

    def __str__(self) -> str:
        where = self.path or "<request>"
        return f"{where}: {self.message}" + (f" [{self.rule_id}]" if self.rule_id else "")


def format_path(parts: Iterable[PathPart]) -> str:
    """``["customer", "phoneNumbers", 0, "label"]`` -> ``customer.phoneNumbers[0].label``."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def preview(value: Any) -> str:
    """A request value as a message quotes it: JSON, cut to a few dozen characters, always encodable."""
    try:
        text = json.dumps(value, ensure_ascii=True)
    except (TypeError, ValueError):
        text = type(value).__name__
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…"


def _enclosing(path: str) -> list[str]:
    """`path` and every field path it lies inside, the body itself (``""``) included: linear in its length."""
    found = [""]
    for index, char in enumerate(path):
        if char in ".[" and index:
            found.append(path[:index])
    if path:
        found.append(path)
    return found


class FieldSet:
    """Field paths, answering "is this path inside one of them" and "does one of them lie inside this path"
    in time linear in the asked path (instead of comparing it with every member)."""

    def __init__(self, paths: Iterable[str] = ()) -> None:
        self._members: set[str] = set()
        self._enclosing: set[str] = set()
        for path in paths:
            self.add(path)

    def add(self, path: str) -> None:
        self._members.add(path)
        self._enclosing.update(_enclosing(path))

    def encloses(self, path: str) -> bool:
        """Whether `path` is a member or lies inside one."""
        return any(outer in self._members for outer in _enclosing(path))

    def overlaps(self, path: str) -> bool:
        """Whether `path` is inside a member, or a member is inside `path`."""
        return path in self._enclosing or self.encloses(path)
