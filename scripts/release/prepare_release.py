"""Prepare a release of the spec's `info.version`: record the bundle it is built from and write its changelog.

Usage: python -m scripts.release.prepare_release [--date YYYY-MM-DD]

1. checks that the committed bundle is fresh (the split spec bundles to the same bytes);
2. runs the breaking-change gate against the previous release (a breaking change needs a major version);
3. copies the bundle to `openapi/releases/<version>.yaml` (the release record);
4. writes the version's section of CHANGELOG.md: the notes under `## Unreleased` move into it, and the
   contract changes since the previous release are generated below them.

Run it after raising `info.version` in openapi/openapi.yaml and `make generate`; then edit the notes in
CHANGELOG.md, commit everything and run `make publish`. Running it again for the same version refreshes the
changelog section; a version that is already recorded with another bundle is refused.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from scripts._tools import BUNDLE, SPEC_ENTRY
from scripts.codegen.bundle import bundle
from scripts.release.changelog import CHANGELOG, record_release, today
from scripts.release.check_breaking import report
from scripts.release.releases import RELEASES_DIR, display, document_version, evaluate_gate, release_records
from scripts.release.spec_diff import load_document


def bundle_is_fresh(spec: Path = SPEC_ENTRY, committed: Path = BUNDLE) -> bool:
    """Whether the committed bundle is what the split spec bundles to."""
    with tempfile.TemporaryDirectory(prefix="mykaarma-release-") as tmp:
        fresh = Path(tmp) / "bundle.yaml"
        bundle(spec, fresh)
        return committed.exists() and fresh.read_bytes() == committed.read_bytes()


def prepare(date: str, *, bundle_path: Path = BUNDLE, releases_dir: Path = RELEASES_DIR) -> int:
    """Record the release and write its changelog section; 0 on success, 1 when refused."""
    if not bundle_is_fresh(committed=bundle_path):
        print(f"{display(bundle_path)} is stale: run `make generate` first", file=sys.stderr)
        return 1
    version = document_version(load_document(bundle_path), bundle_path)
    record = releases_dir / f"{version}.yaml"
    records = release_records(releases_dir)
    if version in records and records[version].read_bytes() != bundle_path.read_bytes():
        print(
            f"{display(record)} already records release {version} and the spec has changed since: raise "
            "info.version in openapi/openapi.yaml (see `make check-breaking`)",
            file=sys.stderr,
        )
        return 1
    result = evaluate_gate(bundle_path, releases_dir)
    print("\n".join(report(result)))
    if not result.passed:
        return 1
    releases_dir.mkdir(parents=True, exist_ok=True)
    record.write_bytes(bundle_path.read_bytes())
    record_release(version, date, CHANGELOG, releases_dir)
    print(
        f"\nrecorded {display(record)} and its section in {CHANGELOG.name}.\n"
        f"Next: edit the notes of {version} in {CHANGELOG.name}, commit, then `make publish` "
        "(`make publish DRY_RUN=1` first to build and check without uploading)."
    )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--date", default=today(), help="release date for the changelog (default: today, UTC)"
    )
    args = parser.parse_args()
    try:
        return prepare(args.date)
    except ValueError as error:
        print(f"prepare-release: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
