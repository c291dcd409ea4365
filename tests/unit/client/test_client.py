"""The facade: credentials and base URL from arguments or the environment, headers, httpx client ownership."""

from __future__ import annotations

import ast
import importlib
import importlib.metadata
import inspect
import re
import types
from pathlib import Path

import httpx
import pytest
import respx

import mykaarma_api.api.appointments as appointment_endpoints
import mykaarma_api.api.customers as customer_endpoints
from mykaarma import AsyncMyKaarma, MyKaarma, MyKaarmaError, RetryPolicy, __version__
from mykaarma._async.api_client import AsyncAPIClient
from mykaarma._base_client import DEFAULT_BASE_URL
from mykaarma._sync.api_client import SyncAPIClient
from mykaarma._version import USER_AGENT
from mykaarma_api.api.customers import read_customer
from tests.unit.client.conftest import (
    BASE_URL,
    CUSTOMER,
    CUSTOMER_PATH,
    DEPT,
    PASSWORD,
    READ_OK,
    TOKEN,
    USERNAME,
)

ROOT = Path(__file__).resolve().parents[3]
IDEMPOTENT = RetryPolicy.IDEMPOTENT


def _read(client: MyKaarma) -> object:
    return client.call(read_customer, retry=IDEMPOTENT, department_uuid=DEPT, customer_uuid=CUSTOMER)


def _respond(seen: list[httpx.Request]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=READ_OK)

    return httpx.MockTransport(handler)


def test_version_is_the_distribution_and_spec_version() -> None:
    spec_version = re.search(
        r"(?m)^  version: ['\"]?([0-9][0-9A-Za-z.+-]*)", (ROOT / "openapi/openapi.yaml").read_text()
    )
    assert spec_version is not None
    assert __version__ == importlib.metadata.version("mykaarma") == spec_version.group(1)
    assert f"mykaarma-python/{__version__}" == USER_AGENT


def test_user_agent_and_accept_headers(client: MyKaarma, api: respx.MockRouter) -> None:
    route = api.get(CUSTOMER_PATH).mock(return_value=httpx.Response(200, json=READ_OK))
    _read(client)
    headers = route.calls.last.request.headers
    assert headers["User-Agent"] == f"mykaarma-python/{__version__}"
    assert headers["Accept"] == "application/json"


def test_get_sends_exclude_vehicles_only_when_it_differs_from_the_api_default(
    client: MyKaarma, api: respx.MockRouter
) -> None:
    route = api.get(CUSTOMER_PATH).mock(return_value=httpx.Response(200, json=READ_OK))
    client.customers.get(DEPT, CUSTOMER)
    assert route.calls.last.request.url.query == b""
    client.customers.get(DEPT, CUSTOMER, exclude_vehicles=True)
    assert route.calls.last.request.url.params["excludeVehicles"] == "true"


def test_credentials_and_base_url_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, api: respx.MockRouter
) -> None:
    monkeypatch.setenv("MYKAARMA_USERNAME", USERNAME)
    monkeypatch.setenv("MYKAARMA_PASSWORD", PASSWORD)
    monkeypatch.setenv("MYKAARMA_BASE_URL", BASE_URL + "/")
    route = api.get(CUSTOMER_PATH).mock(return_value=httpx.Response(200, json=READ_OK))
    with MyKaarma() as client:
        assert client.username == USERNAME
        assert client.base_url == BASE_URL
        _read(client)
    assert route.calls.last.request.headers["Authorization"] == f"Basic {TOKEN}"


def test_explicit_arguments_win_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MYKAARMA_USERNAME", "env-user")
    monkeypatch.setenv("MYKAARMA_PASSWORD", "env-password")
    monkeypatch.setenv("MYKAARMA_BASE_URL", "https://env.example")
    with MyKaarma(username=USERNAME, password=PASSWORD, base_url=BASE_URL) as client:
        assert (client.username, client.base_url) == (USERNAME, BASE_URL)


def test_default_base_url() -> None:
    with MyKaarma(username=USERNAME, password=PASSWORD) as client:
        assert client.base_url == DEFAULT_BASE_URL == "https://api.mykaarma.com"


@pytest.mark.parametrize(
    ("username", "password", "expected"),
    [
        (None, None, "pass username= or set MYKAARMA_USERNAME, and password= or set MYKAARMA_PASSWORD"),
        (USERNAME, None, "pass password= or set MYKAARMA_PASSWORD"),
        (None, PASSWORD, "pass username= or set MYKAARMA_USERNAME"),
        ("", "", "MYKAARMA_USERNAME"),
    ],
)
def test_missing_credentials_name_the_environment_variables(
    username: str | None, password: str | None, expected: str
) -> None:
    with pytest.raises(MyKaarmaError, match="missing credentials") as caught:
        MyKaarma(username=username, password=password)
    assert expected in str(caught.value)
    with pytest.raises(MyKaarmaError, match="missing credentials"):
        AsyncMyKaarma(username=username, password=password)


@pytest.mark.parametrize("url", ["api.mykaarma.com", "ftp://api.mykaarma.com", "https://"])
def test_base_url_must_be_absolute_http(url: str) -> None:
    with pytest.raises(MyKaarmaError, match="absolute http"):
        MyKaarma(username=USERNAME, password=PASSWORD, base_url=url)


def test_invalid_max_retries_is_refused() -> None:
    for value in (-1, True, 1.5):
        with pytest.raises(ValueError, match="max_retries"):
            MyKaarma(username=USERNAME, password=PASSWORD, max_retries=value)  # type: ignore[arg-type]


def test_context_manager_closes_the_client_it_created() -> None:
    with MyKaarma(username=USERNAME, password=PASSWORD, base_url=BASE_URL) as client:
        assert not client.is_closed
    assert client.is_closed
    client.close()  # idempotent
    assert client.is_closed


def test_a_user_supplied_client_is_used_and_left_open() -> None:
    seen: list[httpx.Request] = []
    with httpx.Client(transport=_respond(seen), headers={"X-Partner": "p-1"}) as own:
        with MyKaarma(username=USERNAME, password=PASSWORD, base_url=BASE_URL, http_client=own) as client:
            _read(client)
        assert not own.is_closed  # ours to use, theirs to close
        assert own.auth is None
        assert "authorization" not in own.headers
    assert own.is_closed
    request = seen[0]
    assert str(request.url).startswith(f"{BASE_URL}{CUSTOMER_PATH}")
    assert request.headers["Authorization"] == f"Basic {TOKEN}"
    assert request.headers["X-Partner"] == "p-1"  # the user's own defaults still apply
    assert request.headers["User-Agent"].startswith("mykaarma-python/")
    assert request.headers["Accept"] == "application/json"
    assert "user-agent" not in own.headers or not own.headers["user-agent"].startswith("mykaarma")


def test_a_user_client_with_another_base_url_still_reaches_ours() -> None:
    seen: list[httpx.Request] = []
    own = httpx.Client(transport=_respond(seen), base_url="https://elsewhere.example/prefix")
    with (
        own,
        MyKaarma(username=USERNAME, password=PASSWORD, base_url=BASE_URL + "/v", http_client=own) as client,
    ):
        _read(client)
    assert str(seen[0].url).startswith(f"{BASE_URL}/v{CUSTOMER_PATH}")


def test_wrong_http_client_type_is_refused() -> None:
    with pytest.raises(TypeError, match=r"httpx\.Client"):
        MyKaarma(username=USERNAME, password=PASSWORD, http_client=httpx.AsyncClient())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"httpx\.AsyncClient"):
        AsyncMyKaarma(username=USERNAME, password=PASSWORD, http_client=httpx.Client())  # type: ignore[arg-type]


def test_with_options_shares_the_http_client_and_never_closes_it() -> None:
    with MyKaarma(username=USERNAME, password=PASSWORD, base_url=BASE_URL) as client:
        copy = client.with_options(timeout=3.0, max_retries=0)
        assert isinstance(copy, MyKaarma)
        assert copy._http is client._http
        assert (copy.timeout, copy.max_retries) == (httpx.Timeout(3.0), 0)
        assert (client.timeout.read, client.max_retries) == (30.0, 2)
        copy.close()
        assert not client.is_closed
    assert copy.is_closed  # closed with the original that owns it


def test_the_facade_is_the_base_client_resources_call() -> None:
    assert issubclass(MyKaarma, SyncAPIClient)
    assert issubclass(AsyncMyKaarma, AsyncAPIClient)


def test_resources_are_created_lazily_once_and_reset_by_with_options() -> None:
    pytest.importorskip("mykaarma.resources.customers")
    pytest.importorskip("mykaarma.resources.appointments")
    with MyKaarma(username=USERNAME, password=PASSWORD, base_url=BASE_URL) as client:
        assert "customers" not in vars(client)
        customers = client.customers
        assert client.customers is customers
        assert client.appointments is client.appointments
        assert customers._client is client
        copy = client.with_options(max_retries=0)
        assert copy.customers is not customers
        assert copy.customers._client is copy


def _endpoint_modules() -> list[types.ModuleType]:
    modules = []
    for package in (customer_endpoints, appointment_endpoints):
        for path in sorted(Path(package.__path__[0]).glob("[a-z]*.py")):
            modules.append(importlib.import_module(f"{package.__name__}.{path.stem}"))
    return modules


@pytest.mark.parametrize(
    "endpoint", _endpoint_modules(), ids=lambda module: module.__name__.rpartition(".")[2]
)
def test_every_generated_endpoint_has_the_helpers_call_relies_on(endpoint: types.ModuleType) -> None:
    assert callable(endpoint._get_kwargs)
    assert callable(endpoint._parse_response)
    assert callable(endpoint.sync_detailed)
    assert callable(endpoint.asyncio_detailed)


@pytest.mark.parametrize(
    "endpoint", _endpoint_modules(), ids=lambda module: module.__name__.rpartition(".")[2]
)
def test_generated_get_kwargs_reads_a_body_only_through_to_dict(endpoint: types.ModuleType) -> None:
    """`mykaarma.validation.Body` stands in for the attrs model: it offers `to_dict()` and nothing else."""
    tree = ast.parse(inspect.getsource(endpoint._get_kwargs))
    uses = [node for node in ast.walk(tree) if isinstance(node, ast.Name) and node.id == "body"]
    assert bool(uses) == ("body" in inspect.signature(endpoint._get_kwargs).parameters)
    parents = {id(child): parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)}
    for use in uses:
        parent = parents[id(use)]
        assert isinstance(parent, ast.Attribute), ast.unparse(parent)
        assert parent.attr == "to_dict", ast.unparse(parent)


@pytest.mark.parametrize(
    "endpoint", _endpoint_modules(), ids=lambda module: module.__name__.rpartition(".")[2]
)
def test_generated_parse_response_reads_only_what_the_stand_in_offers(
    endpoint: types.ModuleType,
) -> None:
    """`_parse_response` gets a stand-in with the body decoded once: status_code, content, json()."""
    tree = ast.parse(inspect.getsource(endpoint._parse_response))
    read = {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "response"
    }
    assert "json" in read
    assert read <= {"status_code", "content", "json"}


async def test_async_context_manager_closes_only_what_it_created() -> None:
    async with AsyncMyKaarma(username=USERNAME, password=PASSWORD, base_url=BASE_URL) as client:
        assert not client.is_closed
    assert client.is_closed

    async with httpx.AsyncClient() as own:
        async with AsyncMyKaarma(username=USERNAME, password=PASSWORD, base_url=BASE_URL, http_client=own):
            pass
        assert not own.is_closed
        other = AsyncMyKaarma(username=USERNAME, password=PASSWORD, base_url=BASE_URL, http_client=own)
        await other.close()
        assert not own.is_closed
