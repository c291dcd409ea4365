"""Breaking-change gate: compare the bundled spec with the last release; a break needs a major version.

Usage: python -m scripts.release.check_breaking [--spec openapi/dist/mykaarma.openapi.yaml]
                                        [--releases openapi/releases]

Lists every contract change since the release the spec follows (see `scripts.release.spec_diff` for what
counts as breaking and `scripts.release.releases` for how the release is chosen). Exit 0 when the version
allows the changes, 1 when a breaking change comes without a major version, 2 when a version or record is
malformed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scripts._tools import BUNDLE
from scripts.release.releases import RELEASES_DIR, GateResult, display, evaluate_gate
from scripts.release.spec_diff import format_changes


def report(result: GateResult) -> list[str]:
    """The gate's findings as lines for the user."""
    if result.base is None:
        return [f"{display(result.spec_path)} ({result.version}): {result.verdict}"]
    assert result.base_path is not None
    lines = [
        f"{display(result.spec_path)} ({result.version}) against release {result.base} "
        f"({display(result.base_path)}):"
    ]
    breaking = result.breaking
    others = [change for change in result.changes if not change.breaking]
    if breaking:
        lines += ["", f"Breaking changes ({len(breaking)}):", *format_changes(breaking)]
    if others:
        lines += ["", f"Other changes ({len(others)}):", *format_changes(others)]
    if not result.changes:
        lines.append("  no contract changes")
    lines += ["", ("OK: " if result.passed else "FAIL: ") + result.verdict]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--spec", type=Path, default=BUNDLE, help="bundled spec to check")
    parser.add_argument("--releases", type=Path, default=RELEASES_DIR, help="directory of release records")
    args = parser.parse_args()
    try:
        result = evaluate_gate(args.spec, args.releases)
    except ValueError as error:
        print(f"check-breaking: {error}", file=sys.stderr)
        return 2
    print("\n".join(report(result)), file=sys.stdout if result.passed else sys.stderr)
    return 0 if result.passed else 1


if __name__ == "__main__":
    sys.exit(main())
