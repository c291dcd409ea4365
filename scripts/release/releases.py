"""Versions and release records, and the breaking-change gate between the spec and the last release.

Versioning: the spec's `info.version` is the one version of everything built from it (the `mykaarma` and
`mykaarma-mock` distributions, `mykaarma.__version__`, the User-Agent). It is `MAJOR.MINOR.PATCH`:

* MAJOR for a breaking change to the contract (the gate enforces it),
* MINOR for additions (operations, optional fields, status codes...),
* PATCH for everything else (descriptions, examples, client or mock fixes).

Release records: `openapi/releases/<version>.yaml` is the bundled spec a release was built from, written by
`make prepare-release` and committed with the release. The gate compares the committed bundle with the
latest record below its version (or with the record of its own version, once that is recorded).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import total_ordering
from pathlib import Path
from typing import Any

from scripts._tools import BUNDLE, ROOT
from scripts.release.spec_diff import Change, compare, load_document

RELEASES_DIR = ROOT / "openapi" / "releases"
VERSION_PATTERN = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")


@total_ordering
@dataclass(frozen=True)
class Version:
    """A `MAJOR.MINOR.PATCH` version."""

    major: int
    minor: int
    patch: int

    @classmethod
    def parse(cls, text: object) -> Version:
        match = VERSION_PATTERN.match(str(text))
        if match is None:
            raise ValueError(f"version {text!r} is not MAJOR.MINOR.PATCH (e.g. 2.1.0)")
        return cls(int(match[1]), int(match[2]), int(match[3]))

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        return (self.major, self.minor, self.patch) < (other.major, other.minor, other.patch)

    def next_major(self) -> Version:
        return Version(self.major + 1, 0, 0)


def document_version(document: dict[str, Any], source: Path) -> Version:
    """The `info.version` of a spec document."""
    try:
        return Version.parse(document["info"]["version"])
    except (KeyError, TypeError) as error:
        raise ValueError(f"{source} has no info.version") from error
    except ValueError as error:
        raise ValueError(f"{source}: info.version: {error}") from error


def release_records(directory: Path = RELEASES_DIR) -> dict[Version, Path]:
    """Every release record by version; any other file in the directory is an error."""
    records: dict[Version, Path] = {}
    if not directory.is_dir():
        return records
    for path in sorted(directory.iterdir()):
        if path.name.startswith("."):
            continue
        if path.suffix != ".yaml":
            raise ValueError(f"{path}: a release record is named <MAJOR.MINOR.PATCH>.yaml")
        records[Version.parse(path.stem)] = path
    return records


def previous_release(records: dict[Version, Path], version: Version) -> Version | None:
    """The highest recorded version below `version`."""
    lower = [recorded for recorded in records if recorded < version]
    return max(lower) if lower else None


def display(path: Path) -> str:
    """The path relative to the repository when it is inside it."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


@dataclass
class GateResult:
    """What the gate found: the versions compared, the changes, and whether a release may go ahead."""

    version: Version
    spec_path: Path
    base: Version | None = None
    base_path: Path | None = None
    changes: list[Change] = field(default_factory=list)
    passed: bool = True
    verdict: str = ""

    @property
    def breaking(self) -> list[Change]:
        return [change for change in self.changes if change.breaking]


def evaluate_gate(spec_path: Path = BUNDLE, releases_dir: Path = RELEASES_DIR) -> GateResult:
    """Compare the bundle with the release it follows and decide whether its version allows the changes.

    * Its version is already recorded: the contract must not have broken since that release (a release
      with breaking changes needs the next major version); other changes pass, with a reminder to bump.
    * Otherwise it is compared with the highest record below it: breaking changes need a higher major.
    * A version below every record, or no record at all, has nothing to compare with: the former fails,
      the latter passes (the first release).
    """
    document = load_document(spec_path)
    version = document_version(document, spec_path)
    records = release_records(releases_dir)
    result = GateResult(version, spec_path)
    if not records:
        result.verdict = f"no release recorded in {display(releases_dir)}: nothing to compare {version} with"
        return result
    if version in records:
        result.base, result.base_path = version, records[version]
    else:
        result.base = previous_release(records, version)
        if result.base is None:
            result.passed = False
            lowest = min(records)
            result.verdict = f"info.version {version} is below every release (lowest: {lowest}): raise it"
            return result
        result.base_path = records[result.base]
    result.changes = compare(load_document(result.base_path), document)
    breaking = result.breaking
    if result.base == version:
        if breaking:
            result.passed = False
            result.verdict = (
                f"{len(breaking)} breaking change(s) since release {version}: a release with them needs "
                f"info.version {version.next_major()} in openapi/openapi.yaml"
            )
        elif result.changes:
            result.verdict = (
                f"{len(result.changes)} change(s) since release {version}, none breaking: raise info.version "
                "(minor for additions, patch otherwise) before the next release"
            )
        else:
            result.verdict = f"the contract is the one released as {version}"
        return result
    assert result.base is not None
    if breaking and version.major <= result.base.major:
        result.passed = False
        result.verdict = (
            f"{len(breaking)} breaking change(s) since release {result.base}, but info.version {version} "
            f"keeps major {version.major}: set info.version to {result.base.next_major()} in "
            "openapi/openapi.yaml (or undo the breaking changes)"
        )
    elif breaking:
        result.verdict = (
            f"{len(breaking)} breaking change(s) since {result.base}, allowed by the major version {version}"
        )
    else:
        result.verdict = f"no breaking change since release {result.base}"
    return result
