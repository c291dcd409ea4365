"""`RawResponse` on its own: the last exchange speaks for the call, and a call without a request says so."""

from __future__ import annotations

from typing import ClassVar

import httpx
import pytest

from mykaarma._raw_response import Exchange, RawResponse, record, recording


def _exchange(status: int, request_id: str | None = None) -> Exchange:
    request = httpx.Request(
        "GET", "https://user:secret@api.example/x", headers={"Authorization": "Basic c2VjcmV0"}
    )
    headers = {"X-Request-Id": request_id} if request_id else {}
    return Exchange(request, httpx.Response(status, headers=headers, request=request), b"{}")


def test_the_last_exchange_speaks_for_the_call() -> None:
    raw = RawResponse({"warnings": []}, [_exchange(200), _exchange(201, "req-7")])
    assert (raw.status_code, raw.request_id, raw.content) == (201, "req-7", b"{}")
    assert len(raw.exchanges) == 2
    assert "secret" not in repr(raw)
    assert "c2VjcmV0" not in repr(raw)


def test_a_call_that_sent_nothing_has_its_result_and_says_so() -> None:
    raw = RawResponse("result", [])
    assert raw.parse() == "result"
    assert repr(raw) == "<RawResponse (no request sent)>"
    with pytest.raises(LookupError, match="without sending a request"):
        _ = raw.status_code


def test_exchanges_are_recorded_only_inside_a_recording_block() -> None:
    exchange = _exchange(200)
    record(exchange.request, exchange.response, exchange.content)  # no block open: nothing kept
    with recording() as outer:
        record(exchange.request, exchange.response, exchange.content)
        with recording() as inner:
            record(exchange.request, exchange.response, exchange.content)
        assert len(inner) == 1
    assert len(outer) == 1


def test_neither_a_raw_response_nor_an_exchange_can_be_pickled_with_the_credentials() -> None:
    import pickle

    exchange = _exchange(200)
    for value in (exchange, RawResponse("result", [exchange])):
        with pytest.raises(TypeError, match="credentials"):
            pickle.dumps(value)


def test_warnings_of_a_tuple_or_of_a_wrapped_answer_are_read() -> None:
    class Upserted:
        warnings = ("w1",)

    class Answer:
        warnings: ClassVar[list[str]] = ["w2"]

    class Found:
        response = Answer()

    assert RawResponse(Upserted(), [_exchange(200)]).warnings == ["w1"]
    assert RawResponse(Found(), [_exchange(200)]).warnings == ["w2"]
    assert RawResponse("text", [_exchange(200)]).warnings == []


def test_the_request_id_may_come_as_a_correlation_id() -> None:
    request = httpx.Request("GET", "https://api.example/x")
    response = httpx.Response(200, headers={"X-Correlation-Id": "corr-1"}, request=request)
    assert RawResponse(None, [Exchange(request, response, b"")]).request_id == "corr-1"
