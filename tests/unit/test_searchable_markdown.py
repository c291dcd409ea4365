"""The page's copy of a description keeps words apart for Redoc's search and renders as the original does."""

from __future__ import annotations

import pytest

from scripts.codegen.searchable_markdown import for_search, unwrapped


def test_paragraphs_and_list_items_are_put_on_one_line() -> None:
    text = "The trip's rules (see\n`PickupDeliveryTripEvent`) apply.\n\n- one item\n  continued\n- two"
    assert unwrapped(text) == (
        "The trip's rules (see `PickupDeliveryTripEvent`) apply.\n\n- one item continued\n- two"
    )


def test_table_cells_end_with_a_no_break_space_and_code_spans_keep_their_bars() -> None:
    text = "| E | T |\n|---|---|\n| `a|b` | sent |"
    assert unwrapped(text) == "| E&nbsp; | T&nbsp; |\n|---|---|\n| `a|b`&nbsp; | sent&nbsp; |"


@pytest.mark.parametrize(
    "text",
    [
        "## Heading\nfollowing text",
        "Title\n=====\nnext",
        "text\n\n***\nmore",
        "para\n\n    indented code\n    more code",
        "hard break  \nnext line",
        "hard break\\\nnext line",
        "```\nline one\nline two | x |\n```",
        "~~~\nline one\nline two\n~~~",
        "<div>\ninside\n</div>",
        "> quoted\n> more",
    ],
)
def test_what_renders_differently_when_joined_is_left_alone(text: str) -> None:
    assert unwrapped(text) == text


def test_examples_and_values_are_data_not_prose() -> None:
    spec = {
        "description": "a\nb",
        "properties": {"x": {"description": "c\nd", "example": {"description": "e\nf"}, "default": "g\nh"}},
        "examples": {"one": {"value": {"description": "i\nj"}}},
    }
    shown = for_search(spec)
    assert shown["description"] == "a b"
    assert shown["properties"]["x"]["description"] == "c d"
    assert shown["properties"]["x"]["example"] == {"description": "e\nf"}
    assert shown["properties"]["x"]["default"] == "g\nh"
    assert shown["examples"] == spec["examples"]
