"""A second ecosystem reads the spec: TypeScript types from openapi-typescript, every example type-checked.

openapi-typescript (pinned in package.json) writes the spec's types; every request and response example of
every operation becomes a constant of its operation's type, and ``tsc --strict`` must accept them all. The
generator runs with ``--default-non-nullable false``: a property with a ``default`` may be left out of a
request (the server applies the default), which is what the spec means, so it must stay optional in the types.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from mykaarma_core import openapi
from tests.generated._support import BUNDLE, ROOT, bundled_spec

pytestmark = pytest.mark.slow

NODE_BIN = ROOT / "node_modules" / ".bin"


def _examples(content: Mapping[str, Any], document: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    """(name, value) of every example of a media type object."""
    if "example" in content:
        yield "example", content["example"]
    for name, example in (content.get("examples") or {}).items():
        yield name, openapi.resolve(document, example)["value"]


def _typed_examples(document: Mapping[str, Any]) -> list[tuple[str, str, Any]]:
    """(constant name, TypeScript type, value) for every JSON example of every operation."""
    found: list[tuple[str, str, Any]] = []
    for entry in openapi.operations(document):
        operation = f'operations["{entry.operation_id}"]'
        body = openapi.resolve(document, entry.definition.get("requestBody"))
        if isinstance(body, Mapping):
            content = body["content"].get("application/json", {})
            kind = f'NonNullable<{operation}["requestBody"]>["content"]["application/json"]'
            for name, value in _examples(content, document):
                found.append((f"{entry.operation_id}_request_{name}", kind, value))
        for status, raw in entry.definition["responses"].items():
            response = openapi.resolve(document, raw)
            content = (response.get("content") or {}).get("application/json")
            if content is None:
                continue
            kind = f'{operation}["responses"][{int(status)}]["content"]["application/json"]'
            for name, value in _examples(content, document):
                found.append((f"{entry.operation_id}_{status}_{name}", kind, value))
    return found


def _identifier(name: str) -> str:
    return "".join(char if char.isalnum() else "_" for char in name)


def test_every_example_type_checks_against_the_generated_types(tmp_path: Path) -> None:
    generated = subprocess.run(
        [str(NODE_BIN / "openapi-typescript"), str(BUNDLE), "--default-non-nullable", "false", "-o", "api.d.ts"],
        cwd=tmp_path,  # away from the repository's redocly.yaml, which names no output for this tool
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert generated.returncode == 0, generated.stdout + generated.stderr
    examples = _typed_examples(bundled_spec())
    lines = ['import type { operations } from "./api";', ""]
    for name, kind, value in examples:
        lines.append(f"export const {_identifier(name)}: {kind} = {json.dumps(value, indent=1)};")
    (tmp_path / "examples.ts").write_text("\n".join(lines) + "\n", encoding="utf-8")
    checked = subprocess.run(
        [str(NODE_BIN / "tsc"), "--strict", "--noEmit", "--target", "es2020", "--module", "es2020",
         "--moduleResolution", "bundler", "examples.ts"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stdout[-6000:] + checked.stderr[-2000:]
    requests = [name for name, _, _ in examples if "_request_" in name]
    assert len(requests) >= len(list(openapi.operations(bundled_spec()))) - 3  # the reads without a body
    assert len(examples) > len(requests)  # responses were checked too
