"""CHANGELOG.md: a section per release, hand-written notes plus the contract changes generated from the spec.

Usage: python -m scripts.release.changelog [--check]

A release section looks like this; the part between the `spec-diff` markers is generated from the release
records (`openapi/releases/`: the release against the one before it) and rewritten by `make prepare-release`
and this script; everything else in the section (the notes) and the date are kept as written:

    ## 2.1.0 - 2026-12-01

    Hand-written notes: what changed for users and why, migration hints.

    <!-- spec-diff: generated from openapi/releases/; do not edit -->
    ### Added
    - `CustomerRead.nickname`: new response property (readCustomer, searchCustomers)
    <!-- /spec-diff -->

Notes for a release that is not prepared yet go under `## Unreleased`; `make prepare-release` moves them into
the new section. `--check` fails when a section is missing, has no record, or its generated part is stale.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from scripts._tools import ROOT
from scripts.release.releases import RELEASES_DIR, Version, previous_release, release_records
from scripts.release.spec_diff import Change, Kind, compare, load_document, operations

CHANGELOG = ROOT / "CHANGELOG.md"
UNRELEASED_HEADING = "## Unreleased"
UNRELEASED_HINT = (
    "<!-- Notes for the next release go here; `make prepare-release` moves them into its section. -->"
)
GENERATED_START = "<!-- spec-diff: generated from openapi/releases/; do not edit -->"
GENERATED_END = "<!-- /spec-diff -->"
RELEASE_HEADING = re.compile(r"^## (?P<version>\S+) - (?P<date>\d{4}-\d{2}-\d{2})$")
GENERATED_BLOCK = re.compile(
    re.escape(GENERATED_START) + r"\n.*?" + re.escape(GENERATED_END) + r"\n?", re.DOTALL
)
PREAMBLE = """# Changelog

Every release of `mykaarma` (the client) and `mykaarma-mock` (the mock server). Both carry the version of the
spec they were built from (`info.version`): MAJOR for a breaking change to the contract, MINOR for additions,
PATCH for the rest. Each section has hand-written notes and, between the `spec-diff` markers, the contract
changes since the previous release, generated from `openapi/releases/` by `make prepare-release`: edit the
notes, never the generated list.
"""
HEADINGS = (
    ("Breaking", lambda c: c.breaking),
    ("Added", lambda c: not c.breaking and c.kind is Kind.ADDED),
    ("Changed", lambda c: not c.breaking and c.kind is Kind.CHANGED),
    ("Deprecated", lambda c: not c.breaking and c.kind is Kind.DEPRECATED),
    ("Removed", lambda c: not c.breaking and c.kind is Kind.REMOVED),
)
OPERATION_SUBJECT = re.compile(r"^operation (?P<label>\S+) \((?P<route>.+)\)$")


def _subject(change: Change) -> str:
    """The subject in Markdown: identifiers in code spans."""
    operation = OPERATION_SUBJECT.match(change.subject)
    if operation:
        return f"operation `{operation['label']}` (`{operation['route']}`)"
    if change.subject.startswith("parameter "):
        name, _, rest = change.subject.removeprefix("parameter ").partition(" ")
        return f"parameter `{name}` {rest}"
    first, _, rest = change.subject.partition(" ")
    return f"`{first}` {rest}".rstrip()


def render_changes(changes: list[Change], base: Version) -> list[str]:
    """The generated list for a release that follows `base`."""
    if not changes:
        return [f"No contract changes since {base}."]
    lines = [f"Contract changes since {base}:"]
    for heading, selected in HEADINGS:
        chosen = [change for change in changes if selected(change)]
        if not chosen:
            continue
        lines += ["", f"### {heading}"]
        for change in chosen:
            item = f"- {_subject(change)}: {change.detail}"
            if change.operations and not change.subject.startswith("operation "):
                item += f" ({', '.join(change.operations)})"
            lines.append(item)
    return lines


def render_first_release(record: Path) -> list[str]:
    """The generated list for the first release: the operations of the contract."""
    found = sorted(operations(load_document(record)).values(), key=lambda op: (op.path, op.method))
    lines = [f"First release of the contract: {len(found)} operations.", "", "### Added"]
    lines += [f"- operation `{op.label}` (`{op.method.upper()} {op.path}`)" for op in found]
    return lines


def generated_block(version: Version, records: dict[Version, Path]) -> str:
    """The generated part of a release's section, markers included."""
    base = previous_release(records, version)
    if base is None:
        body = render_first_release(records[version])
    else:
        body = render_changes(compare(load_document(records[base]), load_document(records[version])), base)
    return "\n".join([GENERATED_START, *body, GENERATED_END]) + "\n"


@dataclass
class Section:
    """A `## ...` section of the changelog: its heading line and the text below it."""

    heading: str
    body: str

    @property
    def release(self) -> tuple[Version, str] | None:
        match = RELEASE_HEADING.match(self.heading)
        if match is None:
            return None
        return Version.parse(match["version"]), match["date"]

    @property
    def notes(self) -> str:
        """The hand-written part: the body without the generated block and the Unreleased hint."""
        return GENERATED_BLOCK.sub("", self.body).replace(UNRELEASED_HINT, "").strip()

    def render(self) -> str:
        return f"{self.heading}\n\n{self.body.strip()}\n"


def parse(text: str) -> tuple[str, list[Section]]:
    """The preamble and the sections of a changelog."""
    parts = re.split(r"^(?=## )", text, flags=re.MULTILINE)
    preamble, sections = parts[0], []
    for part in parts[1:]:
        heading, _, body = part.partition("\n")
        sections.append(Section(heading.rstrip(), body))
    return preamble, sections


def render(preamble: str, sections: list[Section]) -> str:
    return preamble.rstrip() + "\n\n" + "\n".join(section.render() for section in sections)


def _release_body(notes: str, block: str) -> str:
    return f"{notes}\n\n{block}" if notes else block


def record_release(
    version: Version,
    date: str,
    path: Path = CHANGELOG,
    releases_dir: Path = RELEASES_DIR,
) -> None:
    """Write (or refresh) the section of `version`: notes kept (or taken from Unreleased), list rewritten."""
    records = release_records(releases_dir)
    block = generated_block(version, records)
    preamble, sections = parse(path.read_text(encoding="utf-8")) if path.exists() else (PREAMBLE, [])
    unreleased = next((s for s in sections if s.heading == UNRELEASED_HEADING), None)
    if unreleased is None:
        unreleased = Section(UNRELEASED_HEADING, UNRELEASED_HINT)
        sections.insert(0, unreleased)
    existing = next((s for s in sections if s.release and s.release[0] == version), None)
    if existing is not None:
        existing.body = _release_body(existing.notes, block)
    else:
        notes = unreleased.notes
        unreleased.body = UNRELEASED_HINT
        new_section = Section(f"## {version} - {date}", _release_body(notes, block))
        sections.append(new_section)
    releases = sorted(
        (s for s in sections if s.release), key=lambda s: s.release[0] if s.release else Version(0, 0, 0)
    )
    others = [s for s in sections if not s.release and s is not unreleased]
    releases.reverse()  # newest first
    path.write_text(render(preamble, [unreleased, *releases, *others]), encoding="utf-8")


def check(path: Path = CHANGELOG, releases_dir: Path = RELEASES_DIR) -> list[str]:
    """Problems with the changelog: missing or extra sections, stale generated lists, order."""
    records = release_records(releases_dir)
    if not path.exists():
        return [f"{path.name} is missing"] if records else []
    _, sections = parse(path.read_text(encoding="utf-8"))
    problems: list[str] = []
    seen: list[Version] = []
    for section in sections:
        if section.heading == UNRELEASED_HEADING:
            continue
        release = section.release
        if release is None:
            problems.append(
                f"{path.name}: heading {section.heading!r} is neither Unreleased nor '## X.Y.Z - DATE'"
            )
            continue
        version = release[0]
        seen.append(version)
        if version not in records:
            problems.append(f"{path.name}: section {version} has no release record in {releases_dir.name}/")
            continue
        blocks = GENERATED_BLOCK.findall(section.body)
        if blocks != [generated_block(version, records)]:
            problems.append(f"{path.name}: the generated changes of {version} are stale")
    for version in sorted(records.keys() - set(seen)):
        problems.append(f"{path.name}: release {version} has no section")
    if seen != sorted(seen, reverse=True):
        problems.append(f"{path.name}: release sections are not newest first")
    return problems


def refresh(path: Path = CHANGELOG, releases_dir: Path = RELEASES_DIR) -> None:
    """Regenerate the list of every recorded release, keeping notes and dates."""
    _, sections = parse(path.read_text(encoding="utf-8")) if path.exists() else (PREAMBLE, [])
    dates = {s.release[0]: s.release[1] for s in sections if s.release}
    for version in sorted(release_records(releases_dir)):
        record_release(version, dates.get(version, today()), path, releases_dir)


def today() -> str:
    """Today's date (UTC) as a changelog heading carries it."""
    return datetime.now(UTC).date().isoformat()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="fail if CHANGELOG.md is not up to date")
    args = parser.parse_args()
    if args.check:
        problems = check()
        if problems:
            print(*problems, sep="\n", file=sys.stderr)
            print(
                "run `python -m scripts.release.changelog` (or `make prepare-release`) to fix it",
                file=sys.stderr,
            )
            return 1
        print(f"{CHANGELOG.name} is up to date")
        return 0
    refresh()
    print(f"regenerated the spec changes in {CHANGELOG.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
