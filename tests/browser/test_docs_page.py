"""The API reference page (`make docs`) served by the mock at /docs, checked in headless Chromium.

Chromium comes from Debian's packages (``/usr/bin/chromium``); the ``chromium`` fixture installs it with
apt-get when it is missing and the tests run as root (as CI does), and Playwright drives that binary (its
own browser download does not work here). The page is loaded from a real mock server; for every tag of
the spec its page must render the summary of each of its operations, the browser must fetch nothing from
another host, and a screenshot is saved as ``reports/api-docs.png``. Each operation is opened from the sidebar
(Redoc renders one operation per route, ``#/TAG/OPERATIONID``) and its summary must appear as the heading.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
import yaml

from mykaarma_core import openapi
from scripts.codegen import code_samples
from tests.integration.mock_server import ROOT, MockServer, running_server, serve_in_thread

CHROMIUM = Path("/usr/bin/chromium")
BUNDLE = ROOT / "openapi" / "dist" / "mykaarma.openapi.yaml"
DOCS_PAGE = ROOT / "docs" / "index.html"
SCREENSHOT = ROOT / "reports" / "api-docs.png"
#: The flags this machine needs: without the background-networking ones Chromium calls out at start-up.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
LOCAL_SCHEMES = ("blob", "data", "about")
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def _install_chromium() -> None:
    """``apt-get install chromium`` (Debian's package) and the fonts it recommends, as root."""
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    lock = ["-o", "DPkg::Lock::Timeout=300"]
    for command in (
        ["apt-get", *lock, "update", "-qq"],
        ["apt-get", *lock, "install", "-y", "-qq", "--no-install-recommends", "chromium", "fonts-liberation"],
    ):
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900, check=False)
        if result.returncode != 0:
            pytest.fail(
                f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
            )


@pytest.fixture(scope="module")
def chromium() -> Path:
    """Debian's Chromium, installed first when missing (needs root and apt-get)."""
    if not CHROMIUM.exists():
        can_install = hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get") is not None
        if not can_install:
            if os.environ.get("CI"):
                pytest.fail(
                    "Chromium is missing and cannot be installed: run the tests as root, with apt-get"
                )
            pytest.skip("Chromium is missing: apt-get install chromium (as root) to run the browser test")
        _install_chromium()
    assert CHROMIUM.exists(), "apt-get install chromium did not provide /usr/bin/chromium"
    return CHROMIUM


@pytest.fixture(scope="module")
def docs_page() -> Path:
    """docs/index.html, built with ``scripts/codegen/docs.py`` when missing or older than the bundled spec."""
    if not DOCS_PAGE.exists() or DOCS_PAGE.stat().st_mtime < BUNDLE.stat().st_mtime:
        result = subprocess.run(
            [sys.executable, "-m", "scripts.codegen.docs"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, f"scripts/codegen/docs.py failed:\n{result.stdout}\n{result.stderr}"
    return DOCS_PAGE


@pytest.fixture(scope="module")
def docs_server(docs_page: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[MockServer]:
    directory = tmp_path_factory.mktemp("docs-mock")
    with running_server(db=directory / "mock.sqlite3", log_path=directory / "server.log") as server:
        yield server


def _spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(BUNDLE.read_text(encoding="utf-8"))
    return loaded


def operations_by_tag() -> dict[str, list[tuple[str, str]]]:
    """Tag name → (operationId, summary) of its operations, from the bundled spec."""
    spec = _spec()
    tags: dict[str, list[tuple[str, str]]] = {tag["name"]: [] for tag in spec.get("tags", [])}
    for entry in openapi.operations(spec):
        for tag in entry.definition["tags"]:
            tags.setdefault(tag, []).append((str(entry.operation_id), entry.definition["summary"]))
    return tags


#: Search terms, a phrase their excerpt must show and the run-together words it showed before: the page's
#: copy of the spec keeps words apart (``scripts.codegen.docs.for_the_page``).
SEARCHES = {
    "see PickupDeliveryTripEvent": ("see PickupDeliveryTripEvent", "seePickupDeliveryTripEvent"),
    "Effect": ("Effect", "sentsent"),
}


def search_excerpts(page: Any, term: str) -> str:
    """The text of Redoc's search results for `term` (the results float above the page)."""
    page.keyboard.press("Escape")
    page.keyboard.press("Control+K")
    page.keyboard.type(term)
    page.wait_for_timeout(2_500)
    found: list[str] = page.evaluate(
        """() => Array.from(document.querySelectorAll('body *'))
            .filter(e => getComputedStyle(e).position === 'fixed' && (e.innerText || '').length > 20)
            .map(e => e.innerText)"""
    )
    page.keyboard.press("Escape")
    return " ".join(" ".join(text.split()) for text in found)


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or (parts.hostname or "") in LOCAL_HOSTS


@pytest.mark.slow
def test_docs_page_renders_every_operation_and_loads_nothing_remote(
    chromium: Path, docs_server: MockServer
) -> None:
    from playwright.sync_api import sync_playwright

    tags = operations_by_tag()
    assert sum(len(operations) for operations in tags.values()) == len(list(openapi.operations(_spec())))
    samples = code_samples.samples(_spec())
    requested: list[str] = []
    page_errors: list[str] = []
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile, sync_playwright() as playwright:
        browser = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=str(chromium),
            headless=True,
            args=list(CHROMIUM_ARGS),
            viewport={"width": 1400, "height": 900},
        )
        try:
            page = browser.new_page()
            page.on("request", lambda request: requested.append(request.url))
            page.on("pageerror", lambda error: page_errors.append(str(error)))
            response = page.goto(f"{docs_server.base_url}/docs", wait_until="load")
            assert response is not None
            assert response.status == 200
            assert page.title() == "myKaarma Customer and Appointment-with-Trip API"
            menu = page.locator("[data-component-name='Menu/Menu']")
            content = page.locator("#api-content")
            for tag, operations in sorted(tags.items()):
                menu.get_by_role("link", name=tag, exact=True).click()
                page.wait_for_url(f"**/docs#/{tag}")
                for operation_id, summary in operations:
                    menu.locator("a", has_text=summary).first.click()
                    page.wait_for_url(f"**/docs#/{tag}/{operation_id.lower()}")
                    heading = content.locator("h1, h2", has_text=summary).first
                    heading.wait_for(state="visible", timeout=15_000)
                    text = (heading.text_content() or "").strip()
                    assert text.startswith(summary), text  # a badge may follow, e.g. Deprecated
                    call = re.search(r"client\.\w+\.\w+\(", samples[operation_id])
                    assert call is not None
                    marks = [call.group(0), *code_samples.NOTES.get(operation_id, "").strip().split("\n")[:1]]
                    for mark in filter(None, marks):  # the operation's own sample, in the right-hand column
                        page.wait_for_function(
                            "text => document.body.innerText.includes(text)", arg=mark.strip(), timeout=15_000
                        )
            [create] = [
                summary for operation_id, summary in tags["customers"] if operation_id == "createCustomer"
            ]
            menu.locator("a", has_text=create).first.click()
            page.wait_for_timeout(500)  # let the scroll settle
            SCREENSHOT.parent.mkdir(exist_ok=True)
            page.screenshot(path=str(SCREENSHOT))
            excerpts = {term: search_excerpts(page, term) for term in SEARCHES}
        finally:
            browser.close()
    assert SCREENSHOT.stat().st_size > 10_000
    for term, (expected, mangled) in SEARCHES.items():
        assert expected in excerpts[term], excerpts[term]
        assert mangled not in excerpts[term], excerpts[term]
    remote = sorted({url for url in requested if not is_local(url)})
    assert remote == [], f"the page fetched from other hosts: {remote}"
    assert page_errors == []


def test_mock_serves_the_page_of_its_docs_dir_and_says_how_to_build_a_missing_one(tmp_path: Path) -> None:
    from mykaarma_mock.app import create_app
    from mykaarma_mock.features import open_database
    from mykaarma_mock.world import demo_world

    (tmp_path / "index.html").write_text("<!DOCTYPE html><title>reference</title>", encoding="utf-8")
    database = open_database(":memory:")
    try:
        with serve_in_thread(create_app(database, demo_world(), docs_dir=tmp_path)) as base_url:
            page = httpx.get(f"{base_url}/docs", timeout=10)
            assert page.status_code == 200
            assert page.headers["content-type"] == "text/html; charset=utf-8"
            assert page.text.endswith("<title>reference</title>")
            (tmp_path / "index.html").unlink()
            missing = httpx.get(f"{base_url}/docs", timeout=10)
            assert missing.status_code == 404
            assert "run `make docs`" in missing.text
    finally:
        database.close()
