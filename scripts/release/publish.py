"""Publish `mykaarma` and `mykaarma-mock` to the internal package index (`make publish`, `scripts/publish`).

Usage: scripts/publish [--dry-run] [--skip-tests] [--test-command CMD] [--outdir dist]

Every step must pass before the next one runs; nothing is uploaded unless all of them passed:

  1. the git work tree is clean (no modified, staged or untracked file);
  2. the spec's info.version is MAJOR.MINOR.PATCH and the committed bundle carries it;
  3. the breaking-change gate passes against the previous release;
  4. the release is prepared (`make prepare-release`): openapi/releases/<version>.yaml is the committed
     bundle and CHANGELOG.md has the version's section, up to date;
  5. the index holds neither distribution at this version (read before anything is built or uploaded);
  6. the bundle and the generated code are what the spec produces;
  7. the tests pass (`make test`), unless --skip-tests;
  8. sdist and wheel of both distributions build (each wheel from its sdist), carry the version and pass
     `twine check --strict`; they are left in --outdir;
  9. twine uploads them, and the index then lists the version.

DRY_RUN=1 (or --dry-run) stops after step 8: built and checked, nothing uploaded; the index is still read
when one is configured. The index: see scripts/release/package_index.py (MYKAARMA_INDEX_URL with
TWINE_USERNAME/TWINE_PASSWORD, or MYKAARMA_INDEX_REPOSITORY naming a .pypirc entry).
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from packaging.version import Version as PackageVersion

from scripts._tools import BUNDLE, ROOT, SPEC_ENTRY
from scripts.release.changelog import check as check_changelog
from scripts.release.check_breaking import report
from scripts.release.package_index import (
    IndexConfig,
    PackageIndexError,
    config_from_environment,
    published_files,
    published_versions,
    redact,
)
from scripts.release.releases import RELEASES_DIR, Version, display, document_version, evaluate_gate
from scripts.release.spec_diff import load_document

# (distribution name, source directory, file-name stem)
DISTRIBUTIONS = (("mykaarma", ROOT, "mykaarma"), ("mykaarma-mock", ROOT / "mock", "mykaarma_mock"))
TRUE_VALUES = frozenset({"1", "true", "yes", "on"})
DEFAULT_TEST_COMMAND = "make test"
STEPS = 9


class Refused(Exception):
    """A step failed: the message says why and what to do."""


@dataclass(frozen=True)
class Options:
    dry_run: bool
    skip_tests: bool
    test_command: str
    outdir: Path
    index: IndexConfig | None


def announce(number: int, title: str) -> None:
    print(f"[{number}/{STEPS}] {title}", flush=True)


def run(command: Sequence[str], *, cwd: Path = ROOT, env: Mapping[str, str] | None = None) -> str:
    """Run a command to completion; its combined output, or Refused with that output when it fails."""
    result = subprocess.run(
        list(command),
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise Refused(f"`{shlex.join(command)}` failed ({result.returncode}):\n{result.stdout.rstrip()}")
    return result.stdout


def check_clean_tree() -> None:
    """Refuse a work tree with modified, staged or untracked files: a release is built from a commit."""
    try:
        status = run(["git", "status", "--porcelain", "--untracked-files=all"])
    except Refused as error:
        raise Refused(f"{ROOT} is not a git work tree: a release is built from a commit\n{error}") from error
    dirty = status.splitlines()
    if dirty:
        shown = "\n".join(f"  {line}" for line in dirty[:20])
        more = f"\n  ... and {len(dirty) - 20} more" if len(dirty) > 20 else ""
        raise Refused(f"the work tree is not clean: commit or remove these files first\n{shown}{more}")


def read_version() -> Version:
    """The spec's info.version, which the committed bundle must carry too."""
    try:
        version = document_version(load_document(SPEC_ENTRY), SPEC_ENTRY)
        bundled = document_version(load_document(BUNDLE), BUNDLE)
    except (ValueError, OSError) as error:
        raise Refused(str(error)) from error
    if bundled != version:
        raise Refused(f"{display(BUNDLE)} carries {bundled}, the spec {version}: run `make generate`")
    return version


def check_release_prepared(version: Version) -> None:
    record = RELEASES_DIR / f"{version}.yaml"
    if not record.exists():
        raise Refused(f"{display(record)} is missing: run `make prepare-release`, edit CHANGELOG.md, commit")
    if record.read_bytes() != BUNDLE.read_bytes():
        raise Refused(
            f"{display(record)} differs from {display(BUNDLE)}: release {version} was recorded from another "
            "spec; raise info.version and run `make prepare-release`"
        )
    problems = check_changelog()
    if problems:
        raise Refused("CHANGELOG.md is not ready:\n" + "\n".join(f"  {p}" for p in problems))
    print(f"  {display(record)} is the committed bundle; CHANGELOG.md has its section")


def check_gate() -> None:
    result = evaluate_gate(BUNDLE, RELEASES_DIR)
    if not result.passed:
        raise Refused("the breaking-change gate refuses this release:\n" + "\n".join(report(result)))
    print(f"  {result.verdict}")


def check_not_published(index: IndexConfig, version: Version) -> None:
    """Refuse when any distribution already has this version on the index."""
    for name, _, _ in DISTRIBUTIONS:
        try:
            versions = published_versions(index, name)
        except PackageIndexError as error:
            raise Refused(str(error)) from error
        if PackageVersion(str(version)) in versions:
            raise Refused(
                f"{name} {version} is already on the index ({index.simple_url}); a published version is "
                "never replaced: raise info.version in openapi/openapi.yaml, then `make prepare-release`"
            )
    print(f"  neither distribution has {version} on {index.simple_url}")


def check_fresh() -> None:
    from scripts.codegen.check_generated import check  # imports the generators: only when this step runs

    problems = check(SPEC_ENTRY, ROOT / "generated", BUNDLE)
    if problems:
        listed = "\n".join(f"  {line}" for line in problems)
        raise Refused(f"the bundle or generated code is stale: run `make generate` and commit\n{listed}")
    print("  the spec bundles and generates to the committed files")


def run_tests(command: str) -> None:
    print(f"  $ {command}", flush=True)
    started = time.monotonic()
    result = subprocess.run(shlex.split(command), cwd=ROOT, check=False)
    if result.returncode != 0:
        raise Refused(f"the tests failed (`{command}` exited {result.returncode}): fix them before releasing")
    print(f"  passed in {time.monotonic() - started:.0f} s")


def expected_files(version: Version) -> list[str]:
    return [
        name
        for _, _, stem in DISTRIBUTIONS
        for name in (f"{stem}-{version}-py3-none-any.whl", f"{stem}-{version}.tar.gz")
    ]


def build(version: Version, outdir: Path) -> list[Path]:
    """sdist and wheel (built from the sdist) of both distributions, checked, copied to `outdir`."""
    with tempfile.TemporaryDirectory(prefix="mykaarma-publish-") as tmp:
        staging = Path(tmp)
        for name, source, _ in DISTRIBUTIONS:
            run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(staging), str(source)])
            print(f"  built {name}")
        built = sorted(path.name for path in staging.iterdir())
        if built != sorted(expected_files(version)):
            raise Refused(f"expected {sorted(expected_files(version))}, the build produced {built}")
        for _, _, stem in DISTRIBUTIONS:
            check_wheel_metadata(staging / f"{stem}-{version}-py3-none-any.whl", version)
        outdir.mkdir(parents=True, exist_ok=True)
        for _, _, stem in DISTRIBUTIONS:
            for stale in outdir.glob(f"{stem}-*"):
                stale.unlink()
        files = []
        for name in expected_files(version):
            shutil.copy2(staging / name, outdir / name)
            files.append(outdir / name)
    run([sys.executable, "-m", "twine", "check", "--strict", *map(str, files)])
    print(f"  twine check --strict passed for {len(files)} files")
    return files


def check_wheel_metadata(wheel: Path, version: Version) -> None:
    with zipfile.ZipFile(wheel) as archive:
        metadata_name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = archive.read(metadata_name).decode("utf-8")
    found = re.search(r"^Version: (.+)$", metadata, re.MULTILINE)
    if found is None or found[1].strip() != str(version):
        raise Refused(f"{wheel.name} carries version {found[1] if found else None}, the spec {version}")


def upload(index: IndexConfig, files: list[Path]) -> None:
    command = [
        sys.executable, "-m", "twine", "--no-color", "upload", "--non-interactive", "--disable-progress-bar",
        *index.twine_target(), *map(str, files),
    ]  # fmt: skip
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False)
    output = redact(result.stdout, index.password).rstrip()
    if result.returncode == 0:
        print("\n".join(f"  {line}" for line in output.splitlines()))
        return
    if re.search(r"\b(401|403)\b", output):
        reason = (
            "the index refused the credentials: check TWINE_USERNAME/TWINE_PASSWORD "
            "(or the .pypirc entry) and that the account may upload"
        )
    elif re.search(r"\b(400|409)\b", output) or "already exist" in output.lower():
        reason = (
            "the index rejected a file: it may hold it already (a concurrent release?) or refuse its metadata"
        )
    else:
        reason = "the upload failed"
    raise Refused(f"{reason}; twine said:\n{output}{uploaded_before_failure(index, files)}")


def uploaded_before_failure(index: IndexConfig, files: list[Path]) -> str:
    """A note naming the files of this release the index holds after a failed upload (none, usually)."""
    try:
        held = {name for dist, _, _ in DISTRIBUTIONS for name in published_files(index, dist)}
    except PackageIndexError:
        return ""
    landed = sorted(path.name for path in files if path.name in held)
    if not landed:
        return "\nNothing of this release is on the index."
    return (
        "\nThe index now holds " + ", ".join(landed) + ": a published file is never replaced, so finish the "
        "release by uploading the other files by hand (twine upload), or raise info.version and start over."
    )


def verify_published(index: IndexConfig, version: Version, attempts: int = 6, pause: float = 5.0) -> None:
    """The index lists the version of both distributions (retried: some indexes cache their pages)."""
    expected = PackageVersion(str(version))
    for attempt in range(attempts):
        missing = [name for name, _, _ in DISTRIBUTIONS if expected not in published_versions(index, name)]
        if not missing:
            return
        if attempt < attempts - 1:
            time.sleep(pause)
    raise Refused(
        f"twine reported success but {index.simple_url} does not list {', '.join(missing)} {version}"
    )


def publish(options: Options) -> None:
    """Run the steps; raises Refused at the first one that fails."""
    if options.index is None and not options.dry_run:
        raise Refused(
            "no index configured: set MYKAARMA_INDEX_URL (with TWINE_USERNAME and TWINE_PASSWORD) or "
            "MYKAARMA_INDEX_REPOSITORY (a .pypirc entry); DRY_RUN=1 builds and checks without one"
        )
    announce(1, "clean work tree")
    check_clean_tree()
    announce(2, "version")
    version = read_version()
    print(f"  {version} (info.version of {display(SPEC_ENTRY)})")
    announce(3, "breaking-change gate")
    check_gate()
    announce(4, "release record and changelog")
    check_release_prepared(version)
    announce(5, "version not yet on the index")
    if options.index is None:
        print("  skipped: no index configured (dry run)")
    else:
        check_not_published(options.index, version)
    announce(6, "bundle and generated code fresh")
    check_fresh()
    announce(7, "tests")
    if options.skip_tests:
        print("  skipped (--skip-tests)")
    else:
        run_tests(options.test_command)
    announce(8, "build and twine check")
    files = build(version, options.outdir)
    if options.dry_run:
        listed = "\n".join(f"  {display(path)}" for path in files)
        print(f"DRY_RUN: built and checked, nothing uploaded:\n{listed}")
        return
    assert options.index is not None
    announce(9, f"upload to {options.index.describe()}")
    upload(options.index, files)
    verify_published(options.index, version)
    print(
        f"published mykaarma {version} and mykaarma-mock {version}.\n"
        f"  install: pip install --index-url {options.index.simple_url} mykaarma=={version}\n"
        f"  tag the release: git tag -a v{version} -m 'mykaarma {version}' && git push origin v{version}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="scripts/publish", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        default=os.environ.get("DRY_RUN", "").strip().lower() in TRUE_VALUES,
        help="build and check, upload nothing (also DRY_RUN=1)",
    )
    parser.add_argument("--skip-tests", action="store_true", help="do not run the tests (say so explicitly)")
    parser.add_argument(
        "--test-command", default=DEFAULT_TEST_COMMAND, help="what must pass (default: %(default)s)"
    )
    parser.add_argument(
        "--outdir", type=Path, default=ROOT / "dist", help="where the files go (default: dist/)"
    )
    args = parser.parse_args(argv)
    try:
        index = config_from_environment(os.environ)
        publish(Options(args.dry_run, args.skip_tests, args.test_command, args.outdir, index))
    except (Refused, PackageIndexError) as error:
        print(f"publish refused: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
