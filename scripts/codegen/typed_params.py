"""`TypedDict`s of the request bodies: the dict form of every object a request sends, checked by mypy.

For each component schema reachable from a request body that is an object with properties, a
``<Name>Param`` `TypedDict` (``total=False``) with the JSON (camelCase) keys: required properties are
``Required[...]``; enums are ``Literal``s; ``[T, 'null']`` and ``anyOf: [T, null]`` are ``T | None``; arrays
are lists or tuples (not ``Sequence``: a string is one); objects are their ``Param``; free-form objects
(``additionalProperties`` only, or open to unknown keys by ``additionalProperties: true``) are
``Mapping[str, Any]``; ``readOnly`` properties are left out (a request does not send them). Conditional
keywords (``if``/``then``, ``not``) are rules the pre-flight check enforces, not types.

Written by `make generate` into ``generated/mykaarma_api/params.py``; `make check-generated` finds it stale.
"""

from __future__ import annotations

import keyword
from collections.abc import Iterator, Mapping
from typing import Any

from mykaarma_core.openapi import request_components, resolve

SCHEMA_PREFIX = "#/components/schemas/"
_SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "null": "None"}


def _is_record(schema: Mapping[str, Any]) -> bool:
    """Whether a schema is an object with declared keys (a TypedDict can say it). Without
    ``additionalProperties: false`` the spec allows other keys too; the TypedDict still names only the
    declared ones (a `TypedDict` cannot be open yet), which is the point: mypy flags a misspelt key."""
    return bool(schema.get("properties")) and schema.get("additionalProperties") is not True


class _Writer:
    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.spec = spec
        self.schemas: Mapping[str, Any] = spec["components"]["schemas"]

    def annotation(self, schema: Any) -> str:
        """The Python type of a property's schema."""
        if not isinstance(schema, Mapping):
            return "Any"
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith(SCHEMA_PREFIX):
            name = ref.removeprefix(SCHEMA_PREFIX)
            target = self.schemas[name]
            if _is_record(target):
                return f"{name}Param"
            return self.annotation(target)
        for key in ("anyOf", "oneOf"):
            if key in schema:
                return self._union([self.annotation(branch) for branch in schema[key]])
        if "enum" in schema:
            values = ", ".join(repr(value) for value in schema["enum"] if value is not None)
            if not values:
                raise SystemExit(f"an enum of null only has no Python type: {dict(schema)!r}")
            nullable = None in schema["enum"]
            return self._union([f"Literal[{values}]", *(["None"] if nullable else [])])
        if "const" in schema:
            return f"Literal[{schema['const']!r}]"
        kinds = schema.get("type")
        kinds = kinds if isinstance(kinds, list) else [kinds] if isinstance(kinds, str) else []
        if not kinds:
            return "Any"
        return self._union([self._kind(kind, schema) for kind in kinds])

    def _kind(self, kind: str, schema: Mapping[str, Any]) -> str:
        if kind == "array":  # not Sequence: a bare string is a Sequence[str] too
            item = self.annotation(schema.get("items"))
            return f"list[{item}] | tuple[{item}, ...]"
        if kind == "object":
            if _is_record(schema):
                raise SystemExit("an inline object with properties: make it a component so it gets a Param")
            values = schema.get("additionalProperties")
            return f"Mapping[str, {self.annotation(values) if isinstance(values, Mapping) else 'Any'}]"
        return _SCALARS.get(kind, "Any")

    @staticmethod
    def _union(parts: list[str]) -> str:
        unique = list(dict.fromkeys(parts))
        if "Any" in unique:
            return "Any"
        unique.sort(key=lambda part: part == "None")
        return " | ".join(unique)

    def typed_dict(self, name: str) -> Iterator[str]:
        schema = self.schemas[name]
        required = set(schema.get("required", []))
        title = " ".join(str(schema.get("description") or name).split())
        summary = title.split(". ")[0].rstrip(".")
        yield f"class {name}Param(TypedDict, total=False):"
        yield f'    """{summary.replace(chr(34) * 3, "")} (`{name}` as a dict)."""'
        yield ""
        for prop, definition in schema["properties"].items():
            resolved = resolve(self.spec, definition)
            if isinstance(resolved, Mapping) and resolved.get("readOnly") is True:
                continue
            if not prop.isidentifier() or keyword.iskeyword(prop):
                raise SystemExit(f"{name}.{prop} cannot be a TypedDict key in class syntax")
            annotation = self.annotation(definition)
            yield f"    {prop}: {f'Required[{annotation}]' if prop in required else annotation}"
        yield ""
        yield ""


def render(spec: Mapping[str, Any], header: str) -> str:
    """The module's text: a header, then one `TypedDict` per request object, in dependency-free order."""
    writer = _Writer(spec)
    names = [name for name in request_components(spec) if _is_record(writer.schemas[name])]
    lines = [
        header.rstrip("\n"),
        '"""The request bodies as `TypedDict`s (`scripts/codegen/typed_params.py`): dicts mypy checks."""',
        "",
        "from __future__ import annotations",
        "",
        "from collections.abc import Mapping",
        "from typing import Any, Literal, Required, TypedDict",
        "",
        f"__all__ = {sorted(f'{name}Param' for name in names)!r}",
        "",
        "",
    ]
    for name in sorted(names):
        lines += list(writer.typed_dict(name))
    return "\n".join(lines).rstrip("\n") + "\n"
