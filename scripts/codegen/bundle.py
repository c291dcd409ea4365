"""Bundle the split spec into the single-file artefact, or check that the committed one is fresh.

Usage: python -m scripts.codegen.bundle [--check] [--spec openapi/openapi.yaml] [--output PATH]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from scripts._tools import BUNDLE, SPEC_ENTRY, node_tool, quiet_node_env, run

HEADER = (
    "# GENERATED FILE: bundled from openapi/openapi.yaml by `make bundle`. Do not edit;\n"
    "# edit the split files under openapi/ and run `make bundle` (or `make generate`).\n"
)


def bundle(spec: Path, output: Path) -> None:
    """Write the bundled spec for `spec` to `output` (deterministic: same input, same bytes)."""
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "bundle.yaml"
        run(
            [node_tool("redocly"), "bundle", str(spec), "--output", str(raw), "--ext", "yaml"],
            env=quiet_node_env(),
        )
        output.write_text(HEADER + raw.read_text(encoding="utf-8"), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if the committed bundle is stale")
    parser.add_argument("--spec", type=Path, default=SPEC_ENTRY)
    parser.add_argument("--output", type=Path, default=BUNDLE)
    args = parser.parse_args()
    if not args.check:
        bundle(args.spec, args.output)
        print(f"bundled {args.spec} -> {args.output}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.yaml"
        bundle(args.spec, fresh)
        committed = args.output.read_bytes() if args.output.exists() else b""
        if fresh.read_bytes() != committed:
            print(f"{args.output} is stale: run `make bundle` and commit the result", file=sys.stderr)
            return 1
    print(f"{args.output} is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
