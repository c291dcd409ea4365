"""Fail when the committed bundle or generated code is stale: regenerate in a temporary directory and compare.

Usage: python -m scripts.codegen.check_generated [--spec openapi/openapi.yaml] [--generated-dir generated]
                                         [--bundle openapi/dist/mykaarma.openapi.yaml]

Exit 0 when the bundle and both generated packages are byte-identical to a fresh run, 1 (listing every
differing, missing and extra file) otherwise.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from scripts._tools import BUNDLE, SPEC_ENTRY
from scripts.codegen.generate import DEFAULT_OUTPUT_DIR, PACKAGES, display_path, generate

# Left behind by imports, linters and type checkers; never committed, so not compared.
IGNORED_DIRS = frozenset({"__pycache__", ".ruff_cache", ".mypy_cache", ".pytest_cache"})


def tree_files(root: Path) -> dict[str, bytes]:
    """Contents of the files under `root` by POSIX path relative to it, skipping IGNORED_DIRS."""
    if not root.is_dir():
        return {}
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not IGNORED_DIRS.intersection(path.relative_to(root).parts)
    }


def compare_trees(fresh: Path, committed: Path, label: str) -> list[str]:
    """One line per file that differs between the two trees; `label` prefixes the paths."""
    fresh_files, committed_files = tree_files(fresh), tree_files(committed)
    problems = []
    for name in sorted(fresh_files.keys() | committed_files.keys()):
        if name not in committed_files:
            problems.append(f"missing   {label}/{name}")
        elif name not in fresh_files:
            problems.append(f"extra     {label}/{name}")
        elif fresh_files[name] != committed_files[name]:
            problems.append(f"differs   {label}/{name}")
    return problems


def check(spec: Path, generated_dir: Path, committed_bundle: Path) -> list[str]:
    """Every stale, missing or extra file, as lines for the user; empty when all is fresh."""
    with tempfile.TemporaryDirectory(prefix="mykaarma-check-") as tmp:
        fresh_dir, fresh_bundle = Path(tmp) / "generated", Path(tmp) / "bundle.yaml"
        generate(spec, fresh_dir, bundle_output=fresh_bundle)
        problems = []
        if not committed_bundle.exists():
            problems.append(f"missing   {display_path(committed_bundle)}")
        elif committed_bundle.read_bytes() != fresh_bundle.read_bytes():
            problems.append(f"differs   {display_path(committed_bundle)}")
        label = display_path(generated_dir)
        for package in PACKAGES:
            problems += compare_trees(fresh_dir / package, generated_dir / package, f"{label}/{package}")
        return problems


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--spec", type=Path, default=SPEC_ENTRY, help="entry file of the split spec")
    parser.add_argument("--generated-dir", type=Path, default=DEFAULT_OUTPUT_DIR, help="committed packages")
    parser.add_argument("--bundle", type=Path, default=BUNDLE, help="committed bundle")
    args = parser.parse_args()
    problems = check(args.spec, args.generated_dir, args.bundle)
    if problems:
        print("generated files are stale:", *problems, sep="\n  ", file=sys.stderr)
        print(f"{len(problems)} file(s) differ: run `make generate` and commit the result", file=sys.stderr)
        return 1
    print("bundle and generated code are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
