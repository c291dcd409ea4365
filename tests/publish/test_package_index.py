"""Index configuration and the lookup of published versions (`scripts.release.package_index`)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from packaging.version import Version

from scripts.release.package_index import (
    IndexConfig,
    PackageIndexError,
    config_from_environment,
    filenames_from_page,
    published_versions,
    version_of,
)

HTML_PAGE = """<!DOCTYPE html><html><body><h1>Links for mykaarma</h1>
<a href="/packages/mykaarma-2.0.0-py3-none-any.whl#sha256=ab">mykaarma-2.0.0-py3-none-any.whl</a><br>
<a href="../../packages/mykaarma-2.0.0.tar.gz#sha256=cd">mykaarma-2.0.0.tar.gz</a><br>
<a href="/packages/mykaarma-2.1.0rc1-py3-none-any.whl">mykaarma-2.1.0rc1-py3-none-any.whl</a>
<a href="/packages/mykaarma_mock-9.9.9.tar.gz">mykaarma_mock-9.9.9.tar.gz</a>
</body></html>"""


def index(simple_url: str = "https://pkgs.example.test/simple/", **kwargs: str) -> IndexConfig:
    return IndexConfig(upload_url="https://pkgs.example.test/", simple_url=simple_url, **kwargs)


def client(handler: httpx.MockTransport) -> httpx.Client:
    return httpx.Client(transport=handler)


def test_configuration_from_url_and_twine_variables() -> None:
    config = config_from_environment(
        {
            "MYKAARMA_INDEX_URL": "https://pkgs.example.test/upload",
            "TWINE_USERNAME": "ci",
            "TWINE_PASSWORD": "pw",
        }
    )
    assert config == IndexConfig(
        "https://pkgs.example.test/upload", "https://pkgs.example.test/upload/simple/", "ci", "pw"
    )
    assert config.twine_target() == ["--repository-url", "https://pkgs.example.test/upload"]
    assert "pw" not in repr(config) + config.describe()


def test_configuration_from_a_pypirc_repository(tmp_path: Path) -> None:
    pypirc = tmp_path / "pypirc"
    pypirc.write_text(
        "[distutils]\nindex-servers = internal\n\n[internal]\nrepository = https://devpi.example.test/team/prod/\n"
        "username = ci\npassword = pw\n",
        encoding="utf-8",
    )
    config = config_from_environment(
        {
            "MYKAARMA_INDEX_REPOSITORY": "internal",
            "MYKAARMA_PYPIRC": str(pypirc),
            "MYKAARMA_INDEX_SIMPLE_URL": "https://devpi.example.test/team/prod/+simple/",
        }
    )
    assert config is not None
    assert (config.upload_url, config.simple_url, config.username, config.password) == (
        "https://devpi.example.test/team/prod/",
        "https://devpi.example.test/team/prod/+simple/",
        "ci",
        "pw",
    )
    assert config.twine_target() == ["--repository", "internal", "--config-file", str(pypirc)]


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"MYKAARMA_INDEX_URL": "https://a/", "MYKAARMA_INDEX_REPOSITORY": "x"}, "not both"),
        ({"MYKAARMA_INDEX_REPOSITORY": "x", "MYKAARMA_PYPIRC": "/nonexistent/pypirc"}, "cannot read"),
    ],
)
def test_configuration_errors(environ: dict[str, str], message: str) -> None:
    with pytest.raises(PackageIndexError, match=message):
        config_from_environment(environ)


def test_no_configuration() -> None:
    assert config_from_environment({}) is None


def test_file_names_from_html_and_json_pages() -> None:
    assert filenames_from_page(HTML_PAGE, "text/html; charset=utf-8") == [
        "mykaarma-2.0.0-py3-none-any.whl",
        "mykaarma-2.0.0.tar.gz",
        "mykaarma-2.1.0rc1-py3-none-any.whl",
        "mykaarma_mock-9.9.9.tar.gz",
    ]
    page = '{"meta": {"api-version": "1.1"}, "files": [{"filename": "mykaarma-2.0.0.tar.gz", "url": "x"}]}'
    assert filenames_from_page(page, "application/vnd.pypi.simple.v1+json") == ["mykaarma-2.0.0.tar.gz"]


@pytest.mark.parametrize(
    ("filename", "project", "version"),
    [
        ("mykaarma-2.0.0-py3-none-any.whl", "mykaarma", "2.0.0"),
        ("mykaarma_mock-2.0.0.tar.gz", "mykaarma-mock", "2.0.0"),
        ("mykaarma_mock-2.0.0.tar.gz", "mykaarma", None),
        ("mykaarma-2.0.0.exe", "mykaarma", None),
    ],
)
def test_version_of_a_file(filename: str, project: str, version: str | None) -> None:
    found = version_of(filename, project)
    assert (str(found) if found else None) == version


def test_published_versions_from_the_simple_api() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, text=HTML_PAGE, headers={"content-type": "text/html"})

    config = index(username="ci", password="pw")
    found = published_versions(config, "mykaarma", client=client(httpx.MockTransport(answer)))
    assert found == {Version("2.0.0"), Version("2.1.0rc1")}
    assert str(seen[0].url) == "https://pkgs.example.test/simple/mykaarma/"
    assert seen[0].headers["authorization"].startswith("Basic ")


def test_an_unknown_project_has_no_versions() -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(404))
    assert published_versions(index(), "mykaarma-mock", client=client(transport)) == set()


def test_redirects_are_followed_on_the_index_host_only() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/simple/mykaarma/":
            return httpx.Response(301, headers={"location": "/simple/MyKaarma/"})
        if request.url.path == "/simple/MyKaarma/":
            return httpx.Response(200, text=HTML_PAGE)
        raise AssertionError(request.url)

    assert Version("2.0.0") in published_versions(
        index(), "mykaarma", client=client(httpx.MockTransport(answer))
    )

    def fallback(request: httpx.Request) -> httpx.Response:
        assert request.url.host == "pkgs.example.test", "followed a redirect to another host"
        return httpx.Response(302, headers={"location": "https://public.example.org/simple/mykaarma/"})

    assert published_versions(index(), "mykaarma", client=client(httpx.MockTransport(fallback))) == set()


def test_refused_credentials_say_what_to_check() -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(401))
    with pytest.raises(PackageIndexError, match=r"HTTP 401 .*check the credentials"):
        published_versions(index(), "mykaarma", client=client(transport))
