"""Descriptions as Redoc's search reads them: the same rendering, words kept apart.

Redoc's search index joins a description's text without its soft line breaks and table-cell borders, so
"see\\n`PickupDeliveryTripEvent`" became "seePickupDeliveryTripEvent" and a table row "sentsent". `unwrapped`
puts each paragraph and list item on one line (a soft break renders as a space anyway) and ends every table
cell with a no-break space (invisible). Nothing that renders differently when joined is touched: headings,
setext and thematic lines, indented or fenced code, HTML blocks, lines ending in a hard break, and the lines
around them. `for_the_page` applies it to every ``description`` of a spec except inside examples and values.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["for_search", "unwrapped"]

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_TABLE_ROW = re.compile(r"^\s{0,3}\|")
_SEPARATOR_ROW = re.compile(r"^[\s|:-]+$")
#: Lines that start a block of their own, or end one: never joined onto another line or another onto them.
_STANDALONE = re.compile(
    r"^(?:\s{0,3}(?:#|>|<|[-*+]\s|\d+[.)]\s|\||(?:[-*_=]\s*){3,}$|=+\s*$|-+\s*$)|\s{4,}|\t)"
)
#: Keys whose values are data (examples, defaults, enums), not prose.
_DATA_KEYS = frozenset({"example", "examples", "default", "enum", "const", "x-codeSamples"})


def _joinable(previous: str, line: str) -> bool:
    """Whether `line` continues the paragraph or list item of `previous`."""
    if not previous.strip() or not line.strip():
        return False
    if previous.endswith(("  ", "\\")):  # a hard break
        return False
    if _STANDALONE.match(line):
        return False
    previous_opens_list = re.match(r"^\s{0,3}(?:[-*+]\s|\d+[.)]\s)", previous) is not None
    return previous_opens_list or not _STANDALONE.match(previous)


def _cells(row: str) -> list[str]:
    """The cells of a table row, a ``|`` inside a code span staying in its cell."""
    cells, current, in_code = [], "", False
    for char in row.strip().strip("|"):
        if char == "`":
            in_code = not in_code
        if char == "|" and not in_code:
            cells.append(current)
            current = ""
        else:
            current += char
    return [*cells, current]


def unwrapped(text: str) -> str:
    """`text` (Markdown) with paragraphs and list items on one line and table cells spaced (see above)."""
    lines: list[str] = []
    fenced = False
    for line in text.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
            lines.append(line)
        elif fenced:
            lines.append(line)
        elif _TABLE_ROW.match(line) and not _SEPARATOR_ROW.match(line):
            lines.append("| " + " | ".join(f"{cell.strip()}&nbsp;" for cell in _cells(line)) + " |")
        elif lines and _joinable(lines[-1], line) and not _FENCE.match(lines[-1]):
            lines[-1] = lines[-1].rstrip() + " " + line.strip()
        else:
            lines.append(line)
    return "\n".join(lines)


def for_search(node: Any, key: str | None = None) -> Any:
    """A copy of a spec (or part of one) whose descriptions are `unwrapped`; data values left as they are."""
    if key in _DATA_KEYS:
        return node
    if isinstance(node, dict):
        return {
            name: unwrapped(value)
            if name == "description" and isinstance(value, str)
            else for_search(value, name)
            for name, value in node.items()
        }
    if isinstance(node, list):
        return [for_search(item) for item in node]
    return node
