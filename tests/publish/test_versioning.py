"""One version: the spec's info.version, read by hatch for both distributions and seen by the client."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

import httpx
import pytest

import mykaarma
from mykaarma import MyKaarma
from mykaarma._version import USER_AGENT
from scripts.release.spec_diff import load_document

ROOT = Path(__file__).resolve().parents[2]
SPEC_ENTRY = ROOT / "openapi" / "openapi.yaml"
BUNDLE = ROOT / "openapi" / "dist" / "mykaarma.openapi.yaml"


def spec_version() -> str:
    return str(load_document(SPEC_ENTRY)["info"]["version"])


@pytest.mark.parametrize("pyproject", [ROOT / "pyproject.toml", ROOT / "mock" / "pyproject.toml"])
def test_hatch_reads_the_spec_version(pyproject: Path) -> None:
    settings = tomllib.loads(pyproject.read_text(encoding="utf-8"))["tool"]["hatch"]["version"]
    source = (pyproject.parent / settings["path"]).resolve()
    assert source == SPEC_ENTRY
    found = re.search(settings["pattern"], source.read_text(encoding="utf-8"))
    assert found is not None
    assert found["version"] == spec_version()


def test_the_bundle_carries_the_spec_version() -> None:
    assert str(load_document(BUNDLE)["info"]["version"]) == spec_version()


def test_version_and_user_agent_follow_the_installed_metadata() -> None:
    assert mykaarma.__version__ == metadata.version("mykaarma")
    assert f"mykaarma-python/{mykaarma.__version__}" == USER_AGENT


def test_requests_carry_the_user_agent() -> None:
    agents: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        agents.append(request.headers["user-agent"])
        return httpx.Response(404, json={"errors": [{"errorCode": "NOT_FOUND", "errorMessage": "no"}]})

    http = httpx.Client(base_url="http://127.0.0.1:9", transport=httpx.MockTransport(answer))
    with (
        MyKaarma("user", "password", "http://127.0.0.1:9", http_client=http) as client,
        pytest.raises(mykaarma.NotFoundError),
    ):
        client.customers.get("9f8a6c1e-2b7d-4c1a-9e3f-5d6b7a8c9d01", "c-1")
    assert agents == [USER_AGENT]
