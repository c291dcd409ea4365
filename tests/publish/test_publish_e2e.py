"""End to end: `make publish` to a real pypiserver, `pip install` from it in a fresh venv, a call to the mock.

Every test works on a committed copy of the work tree (`release_tree`), never on the repository itself. The
index is pypiserver on a free loopback port with htpasswd upload auth, overwrite off and no fallback to a
public index; it also serves the client's runtime dependencies, repacked from this virtual environment, so
the consumer installs with `--index-url` alone and nothing is fetched from the network.
"""

from __future__ import annotations

import json
import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.mock_server import TestWorld, running_server
from tests.publish._support import (
    PackageIndex,
    build_wheelhouse,
    bumped,
    commit_all,
    create_venv,
    isolated_pip_env,
    prepare_pending_release,
    publish_env,
    release_tree,
    run,
    set_spec_version,
    spec_version,
    start_package_index,
)

pytestmark = pytest.mark.slow

PUBLISHER = "release-bot"
# Runs in the consumer's venv: one call through the installed client, reporting what it used.
ONE_CALL = """
import importlib.metadata, json, sys
import httpx, mykaarma
from mykaarma import MyKaarma

base_url, username, password, department = sys.argv[1:5]
agents = []
hooks = {"request": [lambda request: agents.append(request.headers["user-agent"])]}
http = httpx.Client(base_url=base_url, event_hooks=hooks)
with MyKaarma(username, password, base_url, http_client=http) as client:
    saved = client.customers.create_or_update(
        department,
        {"firstName": "Ada", "lastName": "Lovelace", "phoneNumbers": [{"phoneNumber": "+13105550199",
         "label": "cell", "okToCall": True, "okToText": True, "isPreferred": True}]},
    )
print(json.dumps({
    "file": mykaarma.__file__,
    "version": mykaarma.__version__,
    "metadata": importlib.metadata.version("mykaarma"),
    "user_agents": agents,
    "customer_uuid": saved.customer_uuid,
}))
"""


@pytest.fixture(scope="module")
def wheelhouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("wheelhouse")
    build_wheelhouse(directory, "mykaarma")
    return directory


@pytest.fixture
def package_index(tmp_path: Path, wheelhouse: Path) -> Iterator[PackageIndex]:
    index = start_package_index(
        tmp_path / "index", wheelhouse, username=PUBLISHER, password=secrets.token_urlsafe(16)
    )
    try:
        yield index
    finally:
        index.stop()


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    copy = release_tree(tmp_path / "tree")
    prepare_pending_release(copy)
    return copy


def make_publish(tree: Path, env: dict[str, str], *variables: str) -> subprocess.CompletedProcess[str]:
    """`make publish` in the copy; the tests of the copy are the ones running now, so SKIP_TESTS=1."""
    return run(["make", "--no-print-directory", "publish", "SKIP_TESTS=1", *variables], cwd=tree, env=env)


def distribution_files(version: str) -> set[str]:
    return {
        f"{stem}-{version}{suffix}"
        for stem in ("mykaarma", "mykaarma_mock")
        for suffix in ("-py3-none-any.whl", ".tar.gz")
    }


def output(result: subprocess.CompletedProcess[str]) -> str:
    return f"exit {result.returncode}\n--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}"


def test_publish_then_install_from_the_index_and_call_the_mock(
    tree: Path, package_index: PackageIndex, tmp_path: Path
) -> None:
    version = spec_version(tree)

    dry = make_publish(tree, publish_env(package_index), "DRY_RUN=1")
    assert dry.returncode == 0, output(dry)
    assert "DRY_RUN: built and checked, nothing uploaded" in dry.stdout
    assert {path.name for path in (tree / "dist").iterdir()} == distribution_files(version)
    assert package_index.files() == {}

    wrong = make_publish(tree, publish_env(package_index, password="not-the-password"))
    assert wrong.returncode != 0, output(wrong)
    assert "publish refused: the index refused the credentials" in wrong.stderr
    assert "403" in wrong.stderr
    assert "Nothing of this release is on the index." in wrong.stderr
    assert "not-the-password" not in wrong.stdout + wrong.stderr
    assert package_index.files() == {}

    published = make_publish(tree, publish_env(package_index))
    assert published.returncode == 0, output(published)
    assert f"published mykaarma {version} and mykaarma-mock {version}" in published.stdout
    assert set(package_index.files()) == distribution_files(version)
    assert package_index.password not in published.stdout + published.stderr

    python = create_venv(tmp_path / "consumer")
    install = run(
        [str(python), "-m", "pip", "install", "--no-cache-dir", "--index-url", package_index.simple_url,
         f"mykaarma=={version}"],
        cwd=tmp_path,
        env=isolated_pip_env(),
    )  # fmt: skip
    assert install.returncode == 0, output(install)

    world = TestWorld.load()
    with running_server(db=tmp_path / "mock.sqlite3", log_path=tmp_path / "mock.log") as mock:
        call = run(
            [str(python), "-c", ONE_CALL, mock.base_url, "full", world.passwords["full"], world.dept_a1],
            cwd=tmp_path,
            env=isolated_pip_env(),
        )
    assert call.returncode == 0, output(call)
    used = json.loads(call.stdout)
    assert used["file"].startswith(str(tmp_path / "consumer")), used["file"]
    assert used["version"] == used["metadata"] == version
    assert used["user_agents"] == [f"mykaarma-python/{version}"]
    assert used["customer_uuid"]

    uploaded = package_index.files()
    again = make_publish(tree, publish_env(package_index))
    assert again.returncode != 0, output(again)
    assert f"publish refused: mykaarma {version} is already on the index" in again.stderr
    assert "[6/9]" not in again.stdout  # refused before anything was built
    assert package_index.files() == uploaded  # nothing replaced, nothing added


def test_breaking_change_needs_a_major_version(tree: Path, package_index: PackageIndex) -> None:
    parameter = tree / "openapi" / "components" / "parameters" / "CustomerDepartmentUUID.yaml"
    parameter.write_text(parameter.read_text(encoding="utf-8").replace("maxLength: 128", "maxLength: 64"))
    customer_read = tree / "openapi" / "components" / "schemas" / "CustomerRead.yaml"
    text = customer_read.read_text(encoding="utf-8")
    dropped = "  customerKey:\n    type: [string, 'null']\n    description: DMS key.\n"
    assert dropped in text
    customer_read.write_text(text.replace(dropped, ""), encoding="utf-8")
    released = spec_version(tree)
    minor, major = bumped(released, "minor"), bumped(released, "major")
    set_spec_version(tree, minor)
    bundled = run([sys.executable, "-m", "scripts.codegen.bundle"], cwd=tree)
    assert bundled.returncode == 0, output(bundled)

    dirty = make_publish(tree, publish_env(package_index))
    assert dirty.returncode != 0
    assert "publish refused: the work tree is not clean" in dirty.stderr
    assert "openapi/components/schemas/CustomerRead.yaml" in dirty.stderr

    commit_all(tree, "a breaking change in a minor version")
    gate = run([sys.executable, "-m", "scripts.release.check_breaking"], cwd=tree)
    assert gate.returncode == 1, output(gate)
    assert "CustomerRead.customerKey: removed from the response" in gate.stderr
    assert "parameter departmentUUID (path): maxLength 128 -> 64 (tightened)" in gate.stderr
    assert f"set info.version to {major}" in gate.stderr

    prepared = run([sys.executable, "-m", "scripts.release.prepare_release"], cwd=tree)
    assert prepared.returncode == 1, output(prepared)
    assert not (tree / "openapi" / "releases" / f"{minor}.yaml").exists()

    refused = make_publish(tree, publish_env(package_index))
    assert refused.returncode != 0, output(refused)
    assert "publish refused: the breaking-change gate refuses this release" in refused.stderr
    assert "CustomerRead.customerKey: removed from the response" in refused.stderr
    assert package_index.files() == {}

    set_spec_version(tree, major)
    assert run([sys.executable, "-m", "scripts.codegen.bundle"], cwd=tree).returncode == 0
    commit_all(tree, "the same change as a major version")
    allowed = run([sys.executable, "-m", "scripts.release.check_breaking"], cwd=tree)
    assert allowed.returncode == 0, output(allowed)
    assert f"allowed by the major version {major}" in allowed.stdout
    unprepared = make_publish(tree, publish_env(package_index))
    assert f"publish refused: openapi/releases/{major}.yaml is missing" in unprepared.stderr

    prepared = run(
        [sys.executable, "-m", "scripts.release.prepare_release", "--date", "2030-01-02"], cwd=tree
    )
    assert prepared.returncode == 0, output(prepared)
    changelog = (tree / "CHANGELOG.md").read_text(encoding="utf-8")
    section = changelog.split(f"## {major} - 2030-01-02\n", 1)[1].split("\n## ", 1)[0]
    breaking = section.split("### Breaking\n", 1)[1].split("\n###", 1)[0]
    assert (
        "- `CustomerRead.customerKey`: removed from the response (readCustomer, searchCustomers)" in breaking
    )
    assert "- parameter `departmentUUID` (path): maxLength 128 -> 64 (tightened) (" in breaking
    commit_all(tree, f"release {major} prepared, generated code not refreshed")
    stale = make_publish(tree, publish_env(package_index))
    assert stale.returncode != 0, output(stale)
    assert "publish refused: the bundle or generated code is stale" in stale.stderr
    assert package_index.files() == {}


def test_failing_tests_stop_the_release(tree: Path) -> None:
    failing = run(
        ["scripts/publish", "--dry-run", "--test-command", f"{sys.executable} -c 'raise SystemExit(3)'"],
        cwd=tree,
        env=publish_env(None),
    )
    assert failing.returncode == 1, output(failing)
    assert "publish refused: the tests failed" in failing.stderr
    assert "exited 3" in failing.stderr
    assert "[8/9]" not in failing.stdout
