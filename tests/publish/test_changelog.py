"""CHANGELOG.md (scripts/release/changelog.py): sections generated from the release records, notes kept."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from scripts.release.changelog import (
    GENERATED_END,
    GENERATED_START,
    UNRELEASED_HINT,
    check,
    parse,
    record_release,
)
from scripts.release.releases import Version
from tests.publish._documents import Document, base_document, schemas

ROOT = Path(__file__).resolve().parents[2]


def record(releases: Path, version: str, document: Document) -> None:
    releases.mkdir(exist_ok=True)
    versioned = copy.deepcopy(document)
    versioned["info"]["version"] = version
    (releases / f"{version}.yaml").write_text(yaml.safe_dump(versioned, sort_keys=False), encoding="utf-8")


def second_release() -> Document:
    document = base_document()
    schemas(document)["ThingRead"]["properties"].pop("name")
    schemas(document)["ThingRead"]["properties"]["size"] = {"type": "integer"}
    schemas(document)["ThingRead"]["properties"]["code"]["deprecated"] = True
    return document


@pytest.fixture
def releases(tmp_path: Path) -> Path:
    return tmp_path / "releases"


@pytest.fixture
def changelog(tmp_path: Path) -> Path:
    return tmp_path / "CHANGELOG.md"


def test_the_repository_changelog_matches_its_release_records() -> None:
    assert check() == []
    _, sections = parse((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))
    released = [section for section in sections if section.release]
    assert all(section.notes for section in released), "every release section has hand-written notes"


def test_first_release_lists_the_operations_and_takes_the_unreleased_notes(
    releases: Path, changelog: Path
) -> None:
    changelog.write_text(
        "# Changelog\n\nIntro.\n\n## Unreleased\n\nFirst cut of the client.\n", encoding="utf-8"
    )
    record(releases, "1.0.0", base_document())
    record_release(Version(1, 0, 0), "2026-01-02", changelog, releases)
    assert changelog.read_text(encoding="utf-8") == (
        "# Changelog\n\nIntro.\n\n"
        f"## Unreleased\n\n{UNRELEASED_HINT}\n\n"
        "## 1.0.0 - 2026-01-02\n\n"
        "First cut of the client.\n\n"
        f"{GENERATED_START}\n"
        "First release of the contract: 2 operations.\n\n"
        "### Added\n"
        "- operation `createThing` (`POST /things`)\n"
        "- operation `readThing` (`GET /things/{thingId}`)\n"
        f"{GENERATED_END}\n"
    )
    assert check(changelog, releases) == []


def test_a_later_release_lists_the_changes_by_kind_and_keeps_notes_on_refresh(
    releases: Path, changelog: Path
) -> None:
    record(releases, "1.0.0", base_document())
    record_release(Version(1, 0, 0), "2026-01-02", changelog, releases)
    text = changelog.read_text(encoding="utf-8")
    changelog.write_text(
        text.replace(UNRELEASED_HINT, "Dropped `name`; see the migration guide."), encoding="utf-8"
    )
    record(releases, "2.0.0", second_release())
    record_release(Version(2, 0, 0), "2026-02-03", changelog, releases)
    record_release(Version(2, 0, 0), "2099-12-31", changelog, releases)  # a refresh keeps notes and date
    _, sections = parse(changelog.read_text(encoding="utf-8"))
    assert [section.heading for section in sections] == [
        "## Unreleased",
        "## 2.0.0 - 2026-02-03",
        "## 1.0.0 - 2026-01-02",
    ]
    assert sections[1].body.strip() == "\n".join(
        [
            "Dropped `name`; see the migration guide.",
            "",
            GENERATED_START,
            "Contract changes since 1.0.0:",
            "",
            "### Breaking",
            "- `ThingRead.name`: removed from the response (createThing, readThing)",
            "",
            "### Added",
            "- `ThingRead.size`: new response property (createThing, readThing)",
            "",
            "### Deprecated",
            "- `ThingRead.code`: deprecated (createThing, readThing)",
            GENERATED_END,
        ]
    )
    assert check(changelog, releases) == []


def test_check_finds_stale_missing_and_unrecorded_sections(releases: Path, changelog: Path) -> None:
    record(releases, "1.0.0", base_document())
    record_release(Version(1, 0, 0), "2026-01-02", changelog, releases)
    changelog.write_text(
        changelog.read_text(encoding="utf-8").replace("- operation `readThing`", "- operation `readIt`")
        + "\n## 0.9.0 - 2025-01-01\n\nNever recorded.\n",
        encoding="utf-8",
    )
    record(releases, "1.1.0", second_release())
    assert check(changelog, releases) == [
        "CHANGELOG.md: the generated changes of 1.0.0 are stale",
        "CHANGELOG.md: section 0.9.0 has no release record in releases/",
        "CHANGELOG.md: release 1.1.0 has no section",
    ]
