"""MYKAARMA_LOG: off by default, info/debug request and response lines, warnings of results logged."""

from __future__ import annotations

import logging

import httpx
import pytest
import respx

from mykaarma import MyKaarma, NotFoundError, RetryPolicy
from mykaarma._logging import LOG_FORMAT, logger, setup_logging
from mykaarma_api.api.customers import create_customer, read_customer
from tests.unit.client.conftest import (
    BASE_URL,
    CUSTOMER,
    CUSTOMER_PATH,
    CUSTOMERS_PATH,
    DEPT,
    PASSWORD,
    READ_OK,
    USERNAME,
    Sleeps,
    save_request,
)

IDEMPOTENT = RetryPolicy.IDEMPOTENT


def _installed() -> list[logging.Handler]:
    return [handler for handler in logger.handlers if not isinstance(handler, logging.NullHandler)]


def _client(sleeps: Sleeps) -> MyKaarma:
    return MyKaarma(
        username=USERNAME, password=PASSWORD, base_url=BASE_URL, _sleep=sleeps, _random=lambda: 0.5
    )


def test_without_the_variable_the_library_configures_nothing(sleeps: Sleeps) -> None:
    with _client(sleeps):
        pass
    assert _installed() == []
    assert logger.level == logging.NOTSET
    assert any(isinstance(handler, logging.NullHandler) for handler in logger.handlers)


@pytest.mark.parametrize(
    ("value", "level"), [("debug", logging.DEBUG), ("INFO", logging.INFO), (" Debug ", logging.DEBUG)]
)
def test_the_variable_installs_one_formatted_handler(
    monkeypatch: pytest.MonkeyPatch, sleeps: Sleeps, value: str, level: int
) -> None:
    monkeypatch.setenv("MYKAARMA_LOG", value)
    with _client(sleeps), _client(sleeps):
        pass
    setup_logging()
    installed = _installed()
    assert len(installed) == 1  # idempotent across clients
    assert logger.level == level
    assert installed[0].formatter is not None
    assert installed[0].formatter._fmt == LOG_FORMAT
    record = logging.LogRecord("mykaarma.x", logging.INFO, "f.py", 7, "hello %s", ("there",), None)
    assert installed[0].format(record).endswith("mykaarma.x:7 - INFO] hello there")


def test_an_unknown_value_is_ignored(monkeypatch: pytest.MonkeyPatch, sleeps: Sleeps) -> None:
    monkeypatch.setenv("MYKAARMA_LOG", "verbose")
    with _client(sleeps):
        pass
    assert _installed() == []
    assert logger.level == logging.NOTSET


def test_info_logs_method_url_status_elapsed_and_retries(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, api: respx.MockRouter, sleeps: Sleeps
) -> None:
    monkeypatch.setenv("MYKAARMA_LOG", "info")
    api.get(CUSTOMER_PATH).mock(side_effect=[httpx.Response(503), httpx.Response(200, json=READ_OK)])
    with caplog.at_level(logging.INFO, logger="mykaarma"), _client(sleeps) as client:
        client.call(read_customer, retry=IDEMPOTENT, department_uuid=DEPT, customer_uuid=CUSTOMER)
    lines = [record.getMessage() for record in caplog.records if record.name.startswith("mykaarma")]
    url = f"{BASE_URL}{CUSTOMER_PATH}?excludeVehicles=false"
    assert lines[0].startswith(f"GET {url} -> 503 Service Unavailable in ")
    assert lines[0].endswith(" ms (readCustomer, retries 0)")
    assert lines[1] == "Retrying readCustomer in 0.38 s (retry 1 of 2): status 503"
    assert lines[2].startswith(f"GET {url} -> 200 OK in ")
    assert lines[2].endswith("(readCustomer, retries 1)")
    assert not any(
        record.levelno == logging.DEBUG for record in caplog.records if record.name.startswith("mykaarma")
    )


def test_debug_adds_the_request_with_redacted_headers(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, api: respx.MockRouter, sleeps: Sleeps
) -> None:
    monkeypatch.setenv("MYKAARMA_LOG", "debug")
    api.get(CUSTOMER_PATH).mock(return_value=httpx.Response(404, json={"errors": [], "warnings": []}))
    with (
        caplog.at_level(logging.DEBUG, logger="mykaarma"),
        _client(sleeps) as client,
        pytest.raises(NotFoundError),
    ):
        client.call(read_customer, retry=IDEMPOTENT, department_uuid=DEPT, customer_uuid=CUSTOMER)
    messages = [record.getMessage() for record in caplog.records if record.name.startswith("mykaarma")]
    assert messages[0].startswith("Request GET")
    assert "(readCustomer, attempt 1 of 3)" in messages[0]
    assert "'user-agent': 'mykaarma-python/" in messages[0]
    assert "Not retrying readCustomer: status 404 is not transient" in messages


def test_warnings_of_a_result_are_logged_and_kept(
    caplog: pytest.LogCaptureFixture, api: respx.MockRouter, sleeps: Sleeps
) -> None:
    body = {
        "errors": [],
        "warnings": [
            {
                "warningCode": 10015,
                "warningTitle": "INCORRECT_PHONE_FORMAT",
                "warningMessage": "dropped",
                "field": "customer.phoneNumbers[0].phoneNumber",
            },
            {"warningCode": 10008, "warningTitle": "EMPTY_EMAIL_LIST", "warningMessage": "no e-mails"},
        ],
        "customerUuid": CUSTOMER,
        "customerId": "1",
    }
    api.post(CUSTOMERS_PATH).mock(return_value=httpx.Response(200, json=body))
    with caplog.at_level(logging.WARNING, logger="mykaarma"), _client(sleeps) as client:
        result = client.call(
            create_customer, retry=RetryPolicy.CONNECT_ONLY, department_uuid=DEPT, body=save_request()
        )
    assert [warning.warning_code for warning in result.warnings] == [10015, 10008]
    assert [record.getMessage() for record in caplog.records] == [
        "createCustomer warning 10015 INCORRECT_PHONE_FORMAT at customer.phoneNumbers[0].phoneNumber: "
        "dropped",
        "createCustomer warning 10008 EMPTY_EMAIL_LIST: no e-mails",
    ]
    assert all(record.levelno == logging.WARNING for record in caplog.records)
