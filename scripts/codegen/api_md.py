"""Write ``docs/api.md``: every resource method of the client with its parameters and result type.

Usage: python -m scripts.codegen.api_md [--check]

Read from the code itself (the sync client's resources; the async ones have the same surface with
``await``), so the page cannot drift from it: `make generate` writes it and `make check-generated` fails
(``--check``) when the committed page differs from what the code gives.
"""

from __future__ import annotations

import argparse
import inspect
import re
import sys
from collections.abc import Iterator

from scripts._tools import ROOT

OUTPUT = ROOT / "docs" / "api.md"
_OPTIONS = {"self", "timeout", "max_retries"}


def _resources() -> list[tuple[str, type]]:
    from mykaarma._sync.appointments import Appointments
    from mykaarma._sync.customers import Customers

    return [("customers", Customers), ("appointments", Appointments)]


def _aliases() -> dict[str, str]:
    """The resources' type aliases (``CustomerArg``, ...) and what they stand for, without module paths."""
    from mykaarma.resources import appointment_calls, customer_calls

    found: dict[str, str] = {}
    for module in (customer_calls, appointment_calls):
        for name in getattr(module, "__all__", []):
            value = getattr(module, name)
            if name.endswith(("Arg", "Body")) and not inspect.isfunction(value):
                found[name] = re.sub(r"\b(?:[a-z_][\w]*\.)+(?=[A-Z])", "", str(value))
    return found


def _annotation(text: object, aliases: dict[str, str]) -> str:
    return re.sub(r"\b\w+\b", lambda match: aliases.get(match.group(0), match.group(0)), str(text))


def _parameter(parameter: inspect.Parameter, aliases: dict[str, str]) -> str:
    text = parameter.name
    if parameter.annotation is not inspect.Parameter.empty:
        text += f": {_annotation(parameter.annotation, aliases)}"
    if parameter.default is not inspect.Parameter.empty:
        text += f" = {parameter.default!r}"
    return text


def _unpacked(parameter: inspect.Parameter) -> list[str]:
    """``**change: Unpack[AppointmentChange]`` as the keyword arguments it stands for (required first)."""
    from mykaarma import trips

    match = re.fullmatch(r"Unpack\[(\w+)\]", str(parameter.annotation))
    typed = getattr(trips, match.group(1), None) if match else None
    if typed is None:
        return [f"**{parameter.name}: {parameter.annotation}"]
    parts: list[str] = []
    for name, hint in typed.__annotations__.items():
        text = str(getattr(hint, "__forward_arg__", hint))
        required = re.fullmatch(r"Required\[(.*)\]", text)
        parts.append(f"{name}: {required.group(1)}" if required else f"{name}: {text} = None")
    return sorted(parts, key=lambda part: part.endswith("= None"))


def _method_lines(resource: str, name: str, method: object, aliases: dict[str, str]) -> Iterator[str]:
    signature = inspect.signature(method)  # type: ignore[arg-type]
    positional = [p for p in signature.parameters.values() if p.kind is p.POSITIONAL_OR_KEYWORD]
    keyword = [
        p for p in signature.parameters.values() if p.kind is p.KEYWORD_ONLY and p.name not in _OPTIONS
    ]
    variadic = [p for p in signature.parameters.values() if p.kind is p.VAR_KEYWORD]
    shown = [_parameter(p, aliases) for p in positional if p.name not in _OPTIONS]
    if keyword or variadic:
        shown.append("*")
    shown += [_parameter(p, aliases) for p in keyword]
    shown += [part for p in variadic for part in _unpacked(p)]
    summary = (inspect.getdoc(method) or "").split("\n\n")[0].replace("\n", " ")
    yield f"### `client.{resource}.{name}`"
    yield ""
    yield "```python"
    yield f"client.{resource}.{name}("
    yield from (f"    {part}," for part in shown)
    yield f") -> {signature.return_annotation}"
    yield "```"
    yield ""
    if summary:
        yield summary
        yield ""


def render() -> str:
    """The page's Markdown."""
    lines = [
        "# Client API",
        "",
        "<!-- Written by `make generate` (scripts/codegen/api_md.py) from the client code. Do not edit. -->",
        "",
        "Every resource method of `MyKaarma`. `AsyncMyKaarma` has the same methods, awaited. Every method",
        "also takes `timeout` and `max_retries` (this call only), and each is on",
        "`client.<resource>.with_raw_response` with the same parameters, returning a `RawResponse` of the",
        "result (status, headers, request id, `parse()`). Request bodies are the attrs models of",
        "`mykaarma.types` or their dict forms, the `…Param` `TypedDict`s beside them. Errors and retries:",
        "[client.md](client.md).",
        "",
    ]
    aliases = _aliases()
    for resource, cls in _resources():
        lines += [f"## `client.{resource}`", ""]
        for name, method in inspect.getmembers(cls, inspect.isfunction):
            if not name.startswith("_"):
                lines += list(_method_lines(resource, name, method, aliases))
    return "\n".join(lines).rstrip("\n") + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--check", action="store_true", help="fail when docs/api.md is not what the code gives"
    )
    arguments = parser.parse_args()
    text = render()
    if arguments.check:
        if not OUTPUT.exists() or OUTPUT.read_text(encoding="utf-8") != text:
            print(f"{OUTPUT.relative_to(ROOT)} is stale: run `make generate`", file=sys.stderr)
            return 1
        print(f"{OUTPUT.relative_to(ROOT)} is up to date")
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
