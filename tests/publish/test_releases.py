"""Versions, release records and the breaking-change gate (`scripts.release.releases`, `.check_breaking`)."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from scripts.release.check_breaking import report
from scripts.release.releases import RELEASES_DIR, Version, evaluate_gate, previous_release, release_records
from scripts.release.spec_diff import load_document
from tests.publish._documents import Document, base_document, schemas

ROOT = Path(__file__).resolve().parents[2]


def with_version(document: Document, version: str) -> Document:
    changed = copy.deepcopy(document)
    changed["info"]["version"] = version
    return changed


def breaking(document: Document) -> Document:
    changed = copy.deepcopy(document)
    schemas(changed)["ThingRead"]["properties"].pop("name")
    return changed


def additive(document: Document) -> Document:
    changed = copy.deepcopy(document)
    schemas(changed)["ThingRead"]["properties"]["size"] = {"type": "integer"}
    return changed


def write(path: Path, document: Document) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def releases(tmp_path: Path) -> Path:
    directory = tmp_path / "releases"
    directory.mkdir()
    return directory


def gate(tmp_path: Path, releases: Path, spec: Document) -> tuple[bool, str]:
    result = evaluate_gate(write(tmp_path / "spec.yaml", spec), releases)
    return result.passed, result.verdict


@pytest.mark.parametrize(
    ("text", "parsed"),
    [("2.0.0", Version(2, 0, 0)), ("10.21.3", Version(10, 21, 3)), ("0.1.0", Version(0, 1, 0))],
)
def test_versions_parse(text: str, parsed: Version) -> None:
    assert Version.parse(text) == parsed
    assert str(parsed) == text


@pytest.mark.parametrize("text", ["2.0", "v2.0.0", "2.0.0rc1", "02.0.0", "2.0.0.1", ""])
def test_versions_are_major_minor_patch(text: str) -> None:
    with pytest.raises(ValueError, match=r"MAJOR\.MINOR\.PATCH"):
        Version.parse(text)


def test_versions_order_numerically() -> None:
    assert Version.parse("2.10.0") > Version.parse("2.9.9") > Version.parse("1.99.99")
    assert Version.parse("2.3.4").next_major() == Version(3, 0, 0)


def test_previous_release_is_the_highest_below(tmp_path: Path, releases: Path) -> None:
    for version in ("1.0.0", "1.1.0", "2.0.0"):
        write(releases / f"{version}.yaml", base_document())
    records = release_records(releases)
    assert previous_release(records, Version(1, 1, 1)) == Version(1, 1, 0)  # a fix on the 1.x line
    assert previous_release(records, Version(3, 0, 0)) == Version(2, 0, 0)
    assert previous_release(records, Version(1, 0, 0)) is None


def test_a_record_not_named_by_its_version_is_refused(releases: Path) -> None:
    write(releases / "latest.yaml", base_document())
    with pytest.raises(ValueError, match=r"MAJOR\.MINOR\.PATCH"):
        release_records(releases)


def test_first_release_has_nothing_to_compare(tmp_path: Path, releases: Path) -> None:
    passed, verdict = gate(tmp_path, releases, base_document())
    assert passed
    assert "nothing to compare 1.0.0 with" in verdict


def test_the_released_contract_passes(tmp_path: Path, releases: Path) -> None:
    write(releases / "1.0.0.yaml", base_document())
    assert gate(tmp_path, releases, base_document()) == (True, "the contract is the one released as 1.0.0")


def test_breaking_change_after_a_release_needs_the_next_major(tmp_path: Path, releases: Path) -> None:
    write(releases / "1.0.0.yaml", base_document())
    passed, verdict = gate(tmp_path, releases, breaking(base_document()))
    assert not passed
    assert verdict == (
        "1 breaking change(s) since release 1.0.0: a release with them needs info.version 2.0.0 in "
        "openapi/openapi.yaml"
    )


def test_additions_after_a_release_pass_with_a_reminder(tmp_path: Path, releases: Path) -> None:
    write(releases / "1.0.0.yaml", base_document())
    passed, verdict = gate(tmp_path, releases, additive(base_document()))
    assert passed
    assert "none breaking: raise info.version" in verdict


@pytest.mark.parametrize(("version", "passes"), [("1.1.0", False), ("1.0.1", False), ("2.0.0", True)])
def test_a_breaking_change_passes_only_with_a_major_version(
    tmp_path: Path, releases: Path, version: str, passes: bool
) -> None:
    write(releases / "1.0.0.yaml", base_document())
    passed, verdict = gate(tmp_path, releases, with_version(breaking(base_document()), version))
    assert passed is passes
    if passes:
        assert verdict == "1 breaking change(s) since 1.0.0, allowed by the major version 2.0.0"
    else:
        assert f"info.version {version} keeps major 1: set info.version to 2.0.0" in verdict


def test_a_version_below_every_release_fails(tmp_path: Path, releases: Path) -> None:
    write(releases / "1.0.0.yaml", base_document())
    passed, verdict = gate(tmp_path, releases, with_version(base_document(), "0.9.0"))
    assert not passed
    assert "below every release" in verdict


def test_the_report_lists_breaking_changes_first(tmp_path: Path, releases: Path) -> None:
    write(releases / "1.0.0.yaml", base_document())
    spec = write(tmp_path / "spec.yaml", with_version(additive(breaking(base_document())), "1.1.0"))
    lines = report(evaluate_gate(spec, releases))
    assert lines[1:] == [
        "",
        "Breaking changes (1):",
        "  BREAKING   ThingRead.name: removed from the response",
        "             in createThing, readThing",
        "",
        "Other changes (1):",
        "  added      ThingRead.size: new response property",
        "             in createThing, readThing",
        "",
        "FAIL: 1 breaking change(s) since release 1.0.0, but info.version 1.1.0 keeps major 1: set "
        "info.version to 2.0.0 in openapi/openapi.yaml (or undo the breaking changes)",
    ]


def test_every_release_record_is_a_bundle_of_its_own_version() -> None:
    records = release_records(RELEASES_DIR)
    assert records, "openapi/releases/ holds no release record"
    for version, path in records.items():
        assert Version.parse(load_document(path)["info"]["version"]) == version, path


def test_check_breaking_passes_on_the_repository() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "scripts.release.check_breaking"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.rstrip().splitlines()[-1].startswith("OK: ")
