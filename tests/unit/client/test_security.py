"""Credentials: Basic header sent, password and token never shown, plain http refused except on loopback."""

from __future__ import annotations

import logging
import pickle
import sys
import traceback
from typing import Any

import httpx
import pytest
import respx

from mykaarma import (
    APIConnectionError,
    APIError,
    AsyncMyKaarma,
    InsecureTransportError,
    MyKaarma,
    MyKaarmaError,
    NotFoundError,
    RetryPolicy,
)
from mykaarma._auth import BasicAuth, is_loopback_host
from mykaarma._logging import redact_headers, safe_url
from mykaarma_api.api.customers import read_customer
from tests.unit.client._servers import LoopbackServer, closed_port_url, http_reply
from tests.unit.client.conftest import (
    BASE_URL,
    CUSTOMER,
    CUSTOMER_PATH,
    DEPT,
    PASSWORD,
    READ_OK,
    TOKEN,
    USERNAME,
    Sleeps,
)

IDEMPOTENT = RetryPolicy.IDEMPOTENT
SECRETS = (PASSWORD, TOKEN)


def assert_clean(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text


def _read(client: MyKaarma, **options: Any) -> Any:
    return client.call(
        read_customer, retry=IDEMPOTENT, department_uuid=DEPT, customer_uuid=CUSTOMER, **options
    )


def _formatted_with_locals(error: BaseException) -> str:
    return "".join(traceback.TracebackException.from_exception(error, capture_locals=True).format())


def test_basic_header_is_sent(client: MyKaarma, api: respx.MockRouter) -> None:
    route = api.get(CUSTOMER_PATH).mock(return_value=httpx.Response(200, json=READ_OK))
    _read(client)
    assert route.calls.last.request.headers["Authorization"] == f"Basic {TOKEN}"


def test_auth_and_client_never_show_the_password() -> None:
    auth = BasicAuth(USERNAME, PASSWORD)
    client = MyKaarma(username=USERNAME, password=PASSWORD, base_url=BASE_URL)
    try:
        texts = [repr(auth), str(auth), repr(vars(auth)), repr(client), str(client), repr(vars(client))]
        for text in texts:
            assert_clean(text)
        assert repr(auth) == f"BasicAuth(username={USERNAME!r}, password='**********')"
        assert USERNAME in repr(client)
        assert BASE_URL in repr(client)
        with pytest.raises(TypeError, match="cannot be pickled"):
            pickle.dumps(auth)
    finally:
        client.close()


def test_api_error_text_and_traceback_hold_no_credentials(client: MyKaarma, api: respx.MockRouter) -> None:
    api.get(CUSTOMER_PATH).mock(return_value=httpx.Response(404, json={"errors": [], "warnings": []}))
    try:
        _read(client)
    except APIError:
        formatted = traceback.format_exc()
        error = sys.exc_info()[1]
    assert isinstance(error, NotFoundError)
    assert "NotFoundError: 404 Not Found from GET" in formatted
    assert_clean(formatted)
    assert_clean(_formatted_with_locals(error))
    assert_clean(repr(error) + str(error) + repr(vars(error)))


def test_connection_error_traceback_holds_no_credentials_on_a_real_socket(sleeps: Sleeps) -> None:
    client = MyKaarma(username=USERNAME, password=PASSWORD, base_url=closed_port_url(), _sleep=sleeps)
    try:
        _read(client)
    except APIConnectionError:
        formatted = traceback.format_exc()
        error = sys.exc_info()[1]
    finally:
        client.close()
    assert isinstance(error, APIConnectionError)
    assert error.may_have_reached_server is False
    assert "ConnectError" in formatted
    assert len(sleeps) == 2
    assert_clean(formatted)
    assert_clean(_formatted_with_locals(error))
    assert_clean(repr(error) + str(error) + repr(vars(error)))


def test_logs_at_debug_hold_no_credentials(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, sleeps: Sleeps
) -> None:
    monkeypatch.setenv("MYKAARMA_LOG", "debug")
    caplog.set_level(logging.DEBUG)
    body = (
        b'{"errors": [], "warnings": [{"warningCode": 10001, "warningTitle": "W", "warningMessage": "m"}],'
        b' "customerWithVehicles": {"customer": {"customerUuid": "cust-1"}}}'
    )
    server = LoopbackServer(reply=http_reply(200, body))
    with server, MyKaarma(username=USERNAME, password=PASSWORD, base_url=server.url, _sleep=sleeps) as client:
        _read(client)
    refused = MyKaarma(username=USERNAME, password=PASSWORD, base_url=closed_port_url(), _sleep=sleeps)
    with refused, pytest.raises(APIConnectionError):
        _read(refused, max_retries=1)
    text = "\n".join(f"{record.name} {record.getMessage()} {record.args!r}" for record in caplog.records)
    assert "mykaarma._base_client" in text
    assert "Request GET" in text
    assert "Retrying readCustomer" in text
    assert "httpcore" in text  # the transport's own debug logs were captured too
    assert_clean(text)


def test_plain_http_to_a_remote_host_is_refused_before_sending() -> None:
    with pytest.raises(InsecureTransportError, match=r"plain http:// to 'api\.example\.com'") as caught:
        MyKaarma(username=USERNAME, password=PASSWORD, base_url="http://api.example.com")
    assert isinstance(caught.value, MyKaarmaError)
    assert_clean(str(caught.value))
    with pytest.raises(InsecureTransportError):
        AsyncMyKaarma(username=USERNAME, password=PASSWORD, base_url="http://10.0.0.8:8080")


def test_the_auth_flow_refuses_plain_http_on_every_request() -> None:
    sent: list[httpx.Request] = []
    transport = httpx.MockTransport(lambda request: sent.append(request) or httpx.Response(200))  # type: ignore[func-returns-value]
    with httpx.Client(transport=transport) as http:
        with pytest.raises(InsecureTransportError):
            http.get("http://api.example.com/x", auth=BasicAuth(USERNAME, PASSWORD))
        http.get("https://api.example.com/x", auth=BasicAuth(USERNAME, PASSWORD))
        http.get("http://api.example.com/x", auth=BasicAuth(USERNAME, PASSWORD, allow_insecure_http=True))
    assert [str(request.url) for request in sent] == ["https://api.example.com/x", "http://api.example.com/x"]


def test_plain_http_is_allowed_when_asked(api: respx.MockRouter) -> None:
    with respx.mock(base_url="http://api.example.com") as plain:
        route = plain.get(CUSTOMER_PATH).mock(return_value=httpx.Response(200, json=READ_OK))
        with MyKaarma(
            username=USERNAME, password=PASSWORD, base_url="http://api.example.com", allow_insecure_http=True
        ) as client:
            _read(client)
    assert route.calls.last.request.headers["Authorization"] == f"Basic {TOKEN}"


@pytest.mark.parametrize(
    "host",
    [
        "localhost",
        "LOCALHOST",
        "api.localhost",
        "127.0.0.1",
        "127.10.20.30",
        "::1",
        "[::1]",
        "::ffff:127.0.0.1",
    ],
)
def test_loopback_hosts(host: str) -> None:
    assert is_loopback_host(host)


@pytest.mark.parametrize(
    "host", ["10.0.0.1", "192.168.1.1", "::2", "api.mykaarma.com", "localhost.evil.com", "128.0.0.1"]
)
def test_non_loopback_hosts(host: str) -> None:
    assert not is_loopback_host(host)


@pytest.mark.parametrize("url", ["http://127.0.0.1:8080", "http://localhost:9000", "http://[::1]:8080"])
def test_plain_http_to_loopback_is_allowed(url: str) -> None:
    with MyKaarma(username=USERNAME, password=PASSWORD, base_url=url) as client:
        assert client.base_url == url


def test_base_url_with_credentials_is_refused_without_echoing_them() -> None:
    with pytest.raises(MyKaarmaError, match="must not carry credentials") as caught:
        MyKaarma(username=USERNAME, password=PASSWORD, base_url=f"https://{USERNAME}:{PASSWORD}@api.test")
    assert_clean(str(caught.value))


def test_redaction_helpers() -> None:
    headers = {"Authorization": f"Basic {TOKEN}", "Cookie": "s=1", "User-Agent": "x"}
    assert redact_headers(headers) == {
        "Authorization": "[redacted]",
        "Cookie": "[redacted]",
        "User-Agent": "x",
    }
    assert safe_url(f"https://u:{PASSWORD}@api.test/p?q=1") == "https://api.test/p?q=1"
