"""Helpers of the publishing tests: a committed copy of the work tree, a real pypiserver, a wheelhouse, venvs.

* `release_tree(destination)` copies the work tree as it is now (tracked and untracked files, not ignored
  ones) into a fresh git repository with everything committed, so `make publish` finds a clean tree without
  a commit in the real repository; `.venv` and `node_modules` are linked from the repository.
* `prepare_pending_release(tree)` takes, in such a copy, the maintainer's release step for spec changes not
  yet released (raise `info.version`, regenerate, `prepare-release`, commit), so the publishing tests pass
  on a tree with ordinary unreleased spec work.
* `PackageIndex` runs `pypi-server` on a free loopback port with htpasswd upload auth, overwrite off and no
  fallback to a public index; `stop()` ends it by pid.
* `build_wheelhouse(destination, "mykaarma")` repacks the installed runtime dependencies of a project from
  this virtual environment into wheels (no network), for the index to serve next to the published files.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import warnings
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import httpx
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests._make import clean_environment

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
GIT_IDENTITY = (
    "-c",
    "user.name=Release Test",
    "-c",
    "user.email=release-test@localhost",
    "-c",
    "commit.gpgsign=false",
)
# Older than any bootstrap stamp: `make` in the copy never re-creates the linked .venv or node_modules.
OLD_MTIME = 946_684_800  # 2000-01-01
BOOTSTRAP_INPUTS = ("pyproject.toml", "package.json", "package-lock.json")
START_TIMEOUT = 30.0


def git(tree: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", *GIT_IDENTITY, *args], cwd=tree, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)} failed: {result.stderr}")
    return result.stdout


def release_tree(destination: Path) -> Path:
    """A committed copy of the work tree at `destination` (see the module docstring)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    for relative in filter(None, listed.split("\0")):
        source = ROOT / relative
        if not source.is_file():  # deleted in the work tree but still tracked
            continue
        target = destination / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    for name in BOOTSTRAP_INPUTS:
        if (destination / name).exists():
            os.utime(destination / name, (OLD_MTIME, OLD_MTIME))
    git(destination, "init", "--quiet", "--initial-branch=main")
    git(destination, "add", "--all")
    git(destination, "commit", "--quiet", "--message", "snapshot of the work tree")
    for name in (".venv", "node_modules"):
        (destination / name).symlink_to(ROOT / name)
    with (destination / ".git" / "info" / "exclude").open("a", encoding="utf-8") as exclude:
        exclude.write("/.venv\n/node_modules\n")
    return destination


def spec_version(tree: Path) -> str:
    """`info.version` of the spec in `tree`."""
    match = re.search(
        r"(?m)^  version: ['\"]?([^'\"\s]+)", (tree / "openapi" / "openapi.yaml").read_text("utf-8")
    )
    assert match is not None
    return match.group(1)


def set_spec_version(tree: Path, version: str) -> None:
    entry = tree / "openapi" / "openapi.yaml"
    text, count = re.subn(r"(?m)^  version: .*$", f"  version: {version}", entry.read_text("utf-8"), count=1)
    assert count == 1
    entry.write_text(text, encoding="utf-8")


def bumped(version: str, part: str) -> str:
    """`version` with its `part` ("major", "minor" or "patch") raised and the parts after it reset."""
    major, minor, patch = (int(number) for number in version.split("."))
    if part == "major":
        return f"{major + 1}.0.0"
    if part == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def prepare_pending_release(tree: Path) -> str:
    """Release the spec changes of `tree` not yet recorded, as a maintainer would; returns the version.

    Nothing happens when the bundle is the record of its version. Otherwise `info.version` is raised (minor,
    or major when the breaking-change gate asks for it), the code regenerated, the release prepared and
    committed.
    """
    version = spec_version(tree)
    record = tree / "openapi" / "releases" / f"{version}.yaml"
    bundle = tree / "openapi" / "dist" / "mykaarma.openapi.yaml"
    if record.exists() and record.read_bytes() == bundle.read_bytes():
        return version
    for part in ("minor", "major"):
        candidate = bumped(version, part)
        set_spec_version(tree, candidate)
        generated = run([sys.executable, "-m", "scripts.codegen.generate"], cwd=tree)
        if generated.returncode != 0:
            raise RuntimeError(f"make generate failed in the release copy:\n{generated.stderr}")
        prepared = run([sys.executable, "-m", "scripts.release.prepare_release"], cwd=tree)
        if prepared.returncode == 0:
            commit_all(tree, f"release {candidate} prepared")
            return candidate
    raise RuntimeError(f"prepare-release refused the pending changes:\n{prepared.stdout}{prepared.stderr}")


def commit_all(tree: Path, message: str) -> None:
    git(tree, "add", "--all")
    git(tree, "commit", "--quiet", "--message", message)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def write_htpasswd(path: Path, username: str, password: str) -> None:
    with warnings.catch_warnings():  # passlib imports the `crypt` module, deprecated since Python 3.11
        warnings.simplefilter("ignore", DeprecationWarning)
        from passlib.apache import HtpasswdFile

    htpasswd = HtpasswdFile(str(path), new=True)
    htpasswd.set_password(username, password)
    htpasswd.save()


@dataclass
class PackageIndex:
    """A running pypiserver: uploads go to `packages`, `wheelhouse` is served read-only next to them."""

    url: str
    username: str
    password: str = field(repr=False)
    packages: Path
    process: subprocess.Popen[bytes]
    log_path: Path

    @property
    def simple_url(self) -> str:
        return f"{self.url}/simple/"

    def files(self) -> dict[str, float]:
        """The uploaded files with their modification times."""
        return {path.name: path.stat().st_mtime for path in sorted(self.packages.iterdir())}

    def output(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self, timeout: float = 15.0) -> None:
        """SIGTERM to the server's pid, SIGKILL if it has not ended after `timeout` seconds."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout)


def start_package_index(directory: Path, wheelhouse: Path, *, username: str, password: str) -> PackageIndex:
    """Start pypi-server on a free loopback port and wait until its simple index answers."""
    packages = directory / "packages"
    packages.mkdir(parents=True)
    htpasswd = directory / "htpasswd"
    write_htpasswd(htpasswd, username, password)
    port = free_port()
    command = [
        str(VENV_BIN / "pypi-server"), "run",
        "--interface", "127.0.0.1", "--port", str(port),
        "--authenticate", "update", "--passwords", str(htpasswd),
        "--disable-fallback",
        str(packages), str(wheelhouse),
    ]  # fmt: skip
    log_path = directory / "pypiserver.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=directory)
    index = PackageIndex(f"http://127.0.0.1:{port}", username, password, packages, process, log_path)
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"pypi-server exited with {process.returncode}:\n{index.output()}")
        try:
            if httpx.get(index.simple_url, timeout=2.0).status_code == 200:
                return index
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            index.stop()
            raise RuntimeError(f"pypi-server did not answer within {START_TIMEOUT} s:\n{index.output()}")
        time.sleep(0.1)


def runtime_closure(project: str) -> list[metadata.Distribution]:
    """The installed distributions `project` needs at run time (no extras), without `project` itself."""
    environment = {**default_environment(), "extra": ""}
    found: dict[str, metadata.Distribution] = {}
    pending = [Requirement(project)]
    while pending:
        requirement = pending.pop()
        name = canonicalize_name(requirement.name)
        if name in found:
            continue
        distribution = metadata.distribution(requirement.name)
        found[name] = distribution
        for text in distribution.requires or []:
            needed = Requirement(text)
            if needed.marker is None or needed.marker.evaluate(environment):
                pending.append(needed)
    found.pop(canonicalize_name(project))
    return list(found.values())


def repack(distribution: metadata.Distribution, destination: Path) -> Path:
    """A wheel of an installed distribution, built from the files its RECORD lists."""
    files = [path for path in distribution.files or [] if not path.as_posix().startswith("..")]
    dist_info = next(path.parts[0] for path in files if path.parts[0].endswith(".dist-info"))
    wheel_info = distribution.read_text("WHEEL") or ""
    tags = [
        line.split(":", 1)[1].strip().split("-")
        for line in wheel_info.splitlines()
        if line.startswith("Tag:")
    ]
    tag = "-".join(".".join(sorted({parts[i] for parts in tags})) for i in range(3))  # e.g. py2.py3-none-any
    name = canonicalize_name(distribution.metadata["Name"]).replace("-", "_")
    wheel = destination / f"{name}-{distribution.version}-{tag}.whl"
    skipped = {f"{dist_info}/{n}" for n in ("RECORD", "INSTALLER", "REQUESTED", "direct_url.json")}
    rows: list[tuple[str, str, str]] = []
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            posix = path.as_posix()
            located = Path(str(path.locate()))
            if posix in skipped or "__pycache__" in path.parts or not located.is_file():
                continue
            data = located.read_bytes()
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
            archive.writestr(posix, data)
            rows.append((posix, f"sha256={digest}", str(len(data))))
        record = io.StringIO()
        csv.writer(record, lineterminator="\n").writerows([*rows, (f"{dist_info}/RECORD", "", "")])
        archive.writestr(f"{dist_info}/RECORD", record.getvalue())
    return wheel


def build_wheelhouse(destination: Path, project: str) -> list[Path]:
    """Wheels of the installed runtime dependencies of `project`, repacked into `destination`."""
    destination.mkdir(parents=True, exist_ok=True)
    return [repack(distribution, destination) for distribution in runtime_closure(project)]


def isolated_pip_env() -> dict[str, str]:
    """An environment where pip reads no configuration file and no PIP_* variable, and no repo path is set."""
    env = {
        key: value for key, value in os.environ.items() if not key.startswith("PIP_") and key != "PYTHONPATH"
    }
    env.update(PIP_CONFIG_FILE=os.devnull, PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1")
    return env


def create_venv(path: Path) -> Path:
    """A fresh virtual environment (pip from ensurepip, no network); returns its python."""
    subprocess.run([sys.executable, "-m", "venv", str(path)], check=True, capture_output=True)
    return path / "bin" / "python"


def run(
    command: Sequence[str], *, cwd: Path, env: Mapping[str, str] | None = None, timeout: float = 600.0
) -> subprocess.CompletedProcess[str]:
    """Run to completion, output captured (stdout and stderr apart)."""
    return subprocess.run(
        list(command), cwd=cwd, env=dict(env) if env is not None else None, capture_output=True, text=True,
        timeout=timeout, check=False,
    )  # fmt: skip


def publish_env(index: PackageIndex | None, *, password: str | None = None) -> dict[str, str]:
    """The environment of a publish run against `index` (the right password unless one is given)."""
    env = {
        key: value
        for key, value in clean_environment().items()
        if not key.startswith(("MYKAARMA_", "TWINE_"))
    }
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"  # never ask a desktop keyring
    if index is not None:
        env.update(
            MYKAARMA_INDEX_URL=index.url,
            TWINE_USERNAME=index.username,
            TWINE_PASSWORD=index.password if password is None else password,
        )
    return env
