"""The package index a release goes to: its configuration, and which versions of a project it already holds.

Configuration (environment):

* `MYKAARMA_INDEX_URL`: the upload (repository) URL, as twine's `--repository-url` takes it;
  `TWINE_USERNAME` / `TWINE_PASSWORD` hold the credentials (twine reads them itself);
* or `MYKAARMA_INDEX_REPOSITORY`: the name of a repository section in a `.pypirc` file (`~/.pypirc`, or
  the file named by `MYKAARMA_PYPIRC`) holding `repository`, `username` and `password`;
* `MYKAARMA_INDEX_SIMPLE_URL` (optional): the index's simple API; default `<upload URL>/simple/`, which is
  right for pypiserver, Nexus, Artifactory and CodeArtifact (devpi: `https://host/USER/INDEX/+simple/`).

The simple API is read (PEP 503 HTML or PEP 691 JSON) with the same credentials; redirects are followed
only within the index's own host, so an index that falls back to a public one for unknown projects is never
mistaken for holding them.
"""

from __future__ import annotations

import configparser
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx
from packaging.utils import (
    InvalidSdistFilename,
    InvalidWheelFilename,
    canonicalize_name,
    parse_sdist_filename,
    parse_wheel_filename,
)
from packaging.version import InvalidVersion, Version

SIMPLE_JSON = "application/vnd.pypi.simple.v1+json"
MAX_REDIRECTS = 5
TIMEOUT_SECONDS = 30.0


class PackageIndexError(Exception):
    """The index could not be configured or read; the message says what to do."""


@dataclass(frozen=True)
class IndexConfig:
    """Where and as whom to upload, and where to look up what is already there."""

    upload_url: str
    simple_url: str
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    repository: str | None = None  # a .pypirc section: twine is pointed at it instead of the URL
    pypirc: Path | None = None

    def twine_target(self) -> list[str]:
        """twine's arguments naming the destination."""
        if self.repository is not None and self.pypirc is not None:
            return ["--repository", self.repository, "--config-file", str(self.pypirc)]
        return ["--repository-url", self.upload_url]

    def describe(self) -> str:
        """The destination for messages (never the password)."""
        source = f" (.pypirc repository {self.repository!r})" if self.repository else ""
        user = f" as {self.username}" if self.username else ""
        return f"{self.upload_url}{source}{user}"


def config_from_environment(environ: Mapping[str, str]) -> IndexConfig | None:
    """The index configured in `environ`, or None when none is."""
    url = environ.get("MYKAARMA_INDEX_URL", "").strip()
    repository = environ.get("MYKAARMA_INDEX_REPOSITORY", "").strip()
    simple = environ.get("MYKAARMA_INDEX_SIMPLE_URL", "").strip()
    if url and repository:
        raise PackageIndexError("set MYKAARMA_INDEX_URL or MYKAARMA_INDEX_REPOSITORY, not both")
    if repository:
        pypirc = Path(environ.get("MYKAARMA_PYPIRC") or Path.home() / ".pypirc").expanduser()
        parser = configparser.RawConfigParser()
        if not parser.read(pypirc, encoding="utf-8"):
            raise PackageIndexError(f"MYKAARMA_INDEX_REPOSITORY={repository}: cannot read {pypirc}")
        if not parser.has_section(repository) or not parser.get(repository, "repository", fallback=""):
            raise PackageIndexError(f"{pypirc} has no [{repository}] section with a `repository` URL")
        upload = parser.get(repository, "repository")
        return IndexConfig(
            upload_url=upload,
            simple_url=simple or default_simple_url(upload),
            username=parser.get(repository, "username", fallback=None),
            password=parser.get(repository, "password", fallback=None),
            repository=repository,
            pypirc=pypirc,
        )
    if not url:
        return None
    return IndexConfig(
        upload_url=url,
        simple_url=simple or default_simple_url(url),
        username=environ.get("TWINE_USERNAME") or None,
        password=environ.get("TWINE_PASSWORD") or None,
    )


def default_simple_url(upload_url: str) -> str:
    return upload_url.rstrip("/") + "/simple/"


class _Links(HTMLParser):
    """The anchors of a PEP 503 page: (href, text)."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._href, self._text = dict(attrs).get("href") or "", []

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._href is not None:
            self.links.append((self._href, "".join(self._text).strip()))
            self._href = None


def filenames_from_page(body: str, content_type: str) -> list[str]:
    """The distribution file names listed on a project page of the simple API."""
    if content_type.split(";")[0].strip() == SIMPLE_JSON:
        return [str(entry["filename"]) for entry in json.loads(body).get("files", [])]
    parser = _Links()
    parser.feed(body)
    names = []
    for href, text in parser.links:
        from_href = urlsplit(href).path.rsplit("/", 1)[-1]
        names.append(from_href or text)
    return names


def version_of(filename: str, project: str) -> Version | None:
    """The version of a wheel or sdist of `project` (None for other files or projects)."""
    try:
        if filename.endswith(".whl"):
            name, version, _, _ = parse_wheel_filename(filename)
        else:
            name, version = parse_sdist_filename(filename)
    except (InvalidWheelFilename, InvalidSdistFilename, InvalidVersion):
        return None
    return version if name == canonicalize_name(project) else None


def published_files(config: IndexConfig, project: str, *, client: httpx.Client | None = None) -> list[str]:
    """The file names of `project` on the index ([] when the index does not hold it)."""
    url = urljoin(config.simple_url.rstrip("/") + "/", canonicalize_name(project) + "/")
    origin = urlsplit(url)[:2]
    auth = httpx.BasicAuth(config.username, config.password or "") if config.username else None
    headers = {"Accept": f"{SIMPLE_JSON}, text/html;q=0.1"}
    owned = client is None
    http = client or httpx.Client(timeout=TIMEOUT_SECONDS)
    try:
        for _ in range(MAX_REDIRECTS + 1):
            try:
                response = http.get(url, headers=headers, auth=auth, follow_redirects=False)
            except httpx.HTTPError as error:
                raise PackageIndexError(f"cannot read {url}: {error}") from error
            if response.is_redirect:
                target = urljoin(url, response.headers.get("location", ""))
                if urlsplit(target)[:2] != origin:  # the index falls back elsewhere: it does not hold it
                    return []
                url = target
                continue
            if response.status_code == 404:
                return []
            if response.status_code in (401, 403):
                raise PackageIndexError(
                    f"the index refused to list {project} (HTTP {response.status_code} from {url}): check "
                    "the credentials (TWINE_USERNAME/TWINE_PASSWORD or the .pypirc entry)"
                )
            if response.status_code != 200:
                raise PackageIndexError(f"cannot list {project}: HTTP {response.status_code} from {url}")
            return filenames_from_page(response.text, response.headers.get("content-type", ""))
        raise PackageIndexError(f"too many redirects while listing {project} at {config.simple_url}")
    finally:
        if owned:
            http.close()


def published_versions(
    config: IndexConfig, project: str, *, client: httpx.Client | None = None
) -> set[Version]:
    """The versions of `project` the index holds a file of."""
    versions = (version_of(name, project) for name in published_files(config, project, client=client))
    return {version for version in versions if version is not None}


def redact(text: str, secret: str | None) -> str:
    """`text` with `secret` masked (for output of tools that might echo a URL with credentials)."""
    return text.replace(secret, "****") if secret else text
