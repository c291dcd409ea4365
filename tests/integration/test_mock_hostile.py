"""Hostile input against the mock over real HTTP (D-REQUEST-LIMITS, D-AUTH).

Every case of an attacker's tour: the answer is a 4xx in the service's envelope (never a 500), at most 64 KiB,
and the server keeps answering other clients meanwhile. Time bounds are loose on purpose ("answered at all
within 10 s"): these tests prove behaviour, `make bench` measures the times.

The tests share one server started with a short body timeout (`BODY_TIMEOUT`), so the slow-body cases end in
seconds instead of the spec's 30.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from tests.integration.conftest import StartMock
from tests.integration.mock_server import TWO_DEALERS, MockServer, TestWorld, start_server
from tests.integration.spec_requests import (
    BODY_OPERATION_IDS,
    SPEC,
    assert_error_envelope,
    error_fields,
    request_example,
    valid_request,
)

LIMITS = SPEC.limits
ANSWER_BYTES = 64 * 1024
ANSWERED_WITHIN = 10.0
BODY_TIMEOUT = 2.0
JSON = {"Content-Type": "application/json"}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MockServer]:
    directory = tmp_path_factory.mktemp("mock-hostile")
    server = start_server(
        db=directory / "mock.sqlite3",
        log_path=directory / "server.log",
        world=TWO_DEALERS,
        options=["--body-timeout", str(BODY_TIMEOUT)],
    )
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def http(hostile: MockServer) -> Iterator[httpx.Client]:
    with hostile.client(timeout=30.0) as client:
        yield client


def _create_path(world: TestWorld) -> str:
    return f"/customer/v2/department/{world.dept_a1}/customer"


def _raw(body: Any) -> bytes:
    """JSON as an attacker may send it: escapes (lone surrogates included) kept as written."""
    return json.dumps(body, ensure_ascii=True).encode("ascii")


def _unknown_keys(count: int) -> dict[str, Any]:
    return {"customer": {"firstName": "Ana", "lastName": "Lee"}, **{f"k{i}": i for i in range(count)}}


def _small(response: httpx.Response) -> None:
    assert len(response.content) <= ANSWER_BYTES, len(response.content)


# -- authorise before expensive work ----------------------------------------------------------------------


def test_a_huge_body_from_an_account_without_the_scope_is_refused_unchecked(
    http: httpx.Client, world: TestWorld
) -> None:
    started = time.monotonic()
    response = http.post(
        _create_path(world), content=_raw(_unknown_keys(10_000)), headers=JSON, auth=world.auth("readonly")
    )
    assert time.monotonic() - started < ANSWERED_WITHIN
    body = assert_error_envelope(SPEC.operations["createCustomer"], response, 403)
    assert len(response.content) < 1024
    assert body["errors"][0]["errorTitle"] == "INVALID_SCOPE_DEPARTMENT"


@pytest.mark.parametrize("username", ["readonly", "no_grants"])
def test_malformed_json_from_an_account_without_the_right_is_403_not_400(
    username: str, http: httpx.Client, world: TestWorld
) -> None:
    """The scope is decided before the body is parsed: nothing of it is read for a caller without it."""
    response = http.post(_create_path(world), content=b"{not json", headers=JSON, auth=world.auth(username))
    assert_error_envelope(SPEC.operations["createCustomer"], response, 403)


def test_get_customer_without_the_scope_anywhere_is_403_before_its_body(
    http: httpx.Client, world: TestWorld
) -> None:
    op = SPEC.operations["getCustomer"]
    kwargs = valid_request("getCustomer", world)
    kwargs.pop("json")
    response = http.request(**kwargs, content=b"[" * 5000, headers=JSON, auth=world.auth("no_grants"))
    assert_error_envelope(op, response, 403)


# -- linear, bounded checking -------------------------------------------------------------------------------


def _problem_items(op_id: str, body: dict[str, Any]) -> list[str]:
    op = SPEC.operations[op_id]
    if op.service == "customer":
        return [item["errorMessage"] for item in body["errors"]]
    return [item["errorDescription"] for item in body["errors"]]


def test_ten_thousand_unknown_keys_get_a_small_answer_listing_the_first_problems(
    http: httpx.Client, world: TestWorld
) -> None:
    response = http.post(
        _create_path(world), content=_raw(_unknown_keys(10_000)), headers=JSON, auth=world.auth("full")
    )
    body = assert_error_envelope(SPEC.operations["createCustomer"], response, 400)
    _small(response)
    messages = _problem_items("createCustomer", body)
    assert len(messages) == LIMITS.max_listed_problems + 1
    assert messages[-1].startswith(f"{10_000 - LIMITS.max_listed_problems} more problems not listed")


def test_other_clients_are_served_while_hostile_bodies_are_checked(
    hostile: MockServer, world: TestWorld
) -> None:
    """Four senders of 20,000-key bodies; a fifth client's reads are answered meanwhile, each within 10 s."""
    stop = threading.Event()
    hostile_answers: list[httpx.Response] = []
    in_flight = threading.Semaphore(0)

    def send_hostile() -> None:
        with hostile.client(timeout=60.0) as client:
            while not stop.is_set():
                in_flight.release()
                hostile_answers.append(
                    client.post(
                        _create_path(world),
                        content=_raw(_unknown_keys(20_000)),
                        headers=JSON,
                        auth=world.auth("full"),
                    )
                )

    senders = [threading.Thread(target=send_hostile) for _ in range(4)]
    for sender in senders:
        sender.start()
    waits: list[float] = []
    try:
        assert in_flight.acquire(timeout=ANSWERED_WITHIN)
        with hostile.client(timeout=ANSWERED_WITHIN) as reader:
            for _ in range(20):
                started = time.monotonic()
                stats = reader.get("/__mock/stats")
                search = reader.get(
                    f"/customer/v2/department/{world.dept_a1}/customer/list",
                    params={"searchTerm": "Lee"},
                    auth=world.auth("full"),
                )
                waits.append(time.monotonic() - started)
                assert stats.status_code == 200
                assert search.status_code == 200, search.text
    finally:
        stop.set()
        for sender in senders:
            sender.join(60.0)
    assert hostile_answers
    assert all(answer.status_code == 400 for answer in hostile_answers)
    assert max(len(answer.content) for answer in hostile_answers) <= ANSWER_BYTES
    assert max(waits) < ANSWERED_WITHIN


def test_a_hundred_thousand_empty_phone_entries_get_one_small_problem(
    http: httpx.Client, world: TestWorld
) -> None:
    customer = {"firstName": "Ana", "lastName": "Lee", "phoneNumbers": [{}] * 100_000}
    response = http.post(
        _create_path(world), content=_raw({"customer": customer}), headers=JSON, auth=world.auth("full")
    )
    op = SPEC.operations["createCustomer"]
    body = assert_error_envelope(op, response, 400)
    _small(response)
    assert error_fields(op, body) == ["customer.phoneNumbers"]
    assert f"more than any array may hold ({LIMITS.max_array_items})" in body["errors"][0]["errorMessage"]


def _nested(levels: int) -> Any:
    value: Any = 1
    for _ in range(levels):
        value = [value]
    return value


def _customer(**fields: Any) -> dict[str, Any]:
    return {"customer": {"firstName": "Ana", "lastName": "Lee", **fields}}


MALFORMED_BODIES: dict[str, tuple[bytes, str]] = {
    "lone surrogate in a value": (_raw(_customer(firstName="\ud800")), "customer.firstName"),
    "lone surrogate in a key": (_raw({"customer": {"firstName": "A", "lastName": "B", "\udfff": 1}}), ""),
    "deep nesting inside a field": (
        b'{"customer": {"firstName": "A", "lastName": "B", "addresses": ' + b"[" * 900 + b"]" * 900 + b"}}",
        "customer.addresses",
    ),
    "deep nesting of objects": (b'{"a": ' * 5000 + b"1" + b"}" * 5000, ""),
    "nesting one level past the limit": (_raw(_customer(addresses=_nested(LIMITS.max_nesting_depth))), ""),
    "integer of 5000 digits": (
        b'{"customer": {"firstName": "A", "lastName": "B", "isBusiness": ' + b"9" * 5000 + b"}}",
        "",
    ),
    "number beyond double range": (b'{"customer": {"firstName": "A", "isBusiness": 1e999}}', ""),
    "NaN": (b'{"customer": {"firstName": "A", "isBusiness": NaN}}', ""),
    "-Infinity": (b'{"customer": {"firstName": "A", "isBusiness": -Infinity}}', ""),
    "string past the limit": (
        _raw(_customer(company="x" * (LIMITS.max_string_length + 1))),
        "customer.company",
    ),
    "key past the limit": (_raw(_customer(**{"k" * (LIMITS.max_string_length + 1): 1})), ""),
    "array past the limit": (_raw(_customer(addresses=[None] * (LIMITS.max_array_items + 1))), ""),
    "invalid UTF-8": (b'{"customer": {"firstName": "\xed\xa0\x80"}}', ""),
    "a bare string": (_raw("\ud800"), ""),
}


# The cases refused by a request limit itself, not by the schema (which would refuse some of them too): the
# answer must say which limit.
LIMIT_MESSAGES: dict[str, str] = {
    "nesting one level past the limit": f"nested more than {LIMITS.max_nesting_depth} levels deep",
    "string past the limit": f"longer than {LIMITS.max_string_length} characters",
    "key past the limit": f"longer than {LIMITS.max_string_length} characters",
    "array past the limit": "more than any array may hold",
}


@pytest.mark.parametrize("case", sorted(MALFORMED_BODIES))
def test_malformed_bodies_are_400_in_the_envelope(case: str, http: httpx.Client, world: TestWorld) -> None:
    raw, field = MALFORMED_BODIES[case]
    response = http.post(_create_path(world), content=raw, headers=JSON, auth=world.auth("full"))
    op = SPEC.operations["createCustomer"]
    body = assert_error_envelope(op, response, 400)
    _small(response)
    if field:  # the problem names the field, or the position inside it where the limit was passed
        assert any(name.startswith(field) for name in error_fields(op, body)), body
    if case in LIMIT_MESSAGES:
        assert LIMIT_MESSAGES[case] in response.text, body


def test_nesting_at_the_limit_is_not_refused_for_its_depth(http: httpx.Client, world: TestWorld) -> None:
    raw = _raw(_customer(addresses=_nested(LIMITS.max_nesting_depth - 2)))  # body, customer, then the list
    response = http.post(_create_path(world), content=raw, headers=JSON, auth=world.auth("full"))
    assert response.status_code == 400
    assert "levels deep" not in response.text


QUERY_CASES: dict[str, tuple[dict[str, str], int]] = {
    "search term past the string limit": ({"searchTerm": "x" * (LIMITS.max_string_length + 1)}, 400),
    "maxResults past 64 bits": ({"searchTerm": "Lee", "maxResults": "9" * 30}, 400),
    "unknown parameter with a long name": ({"searchTerm": "Lee", "x" * 10_000: "1"}, 400),
}


@pytest.mark.parametrize("case", sorted(QUERY_CASES))
def test_hostile_query_strings_are_400(case: str, http: httpx.Client, world: TestWorld) -> None:
    params, status = QUERY_CASES[case]
    response = http.get(
        f"/customer/v2/department/{world.dept_a1}/customer/list", params=params, auth=world.auth("full")
    )
    assert_error_envelope(SPEC.operations["searchCustomers"], response, status)
    _small(response)


@pytest.mark.parametrize(
    "raw_query", ["searchTerm=%ED%A0%80", "searchTerm=%FF%FE", "searchTerm=%00", "%ED%A0%80=1"]
)
def test_undecodable_query_bytes_are_never_a_500(
    raw_query: str, hostile: MockServer, world: TestWorld
) -> None:
    url = f"{hostile.base_url}/customer/v2/department/{world.dept_a1}/customer/list?{raw_query}"
    response = httpx.get(httpx.URL(url), auth=world.auth("full"), timeout=30.0)
    assert response.status_code in (200, 400), response.text
    _small(response)


@pytest.mark.parametrize(
    "customer_id", ["%ED%A0%80", "%FF", "x" * (LIMITS.max_string_length + 1), "%2E%2E", "a%00b"]
)
def test_hostile_path_parameters_are_4xx(customer_id: str, hostile: MockServer, world: TestWorld) -> None:
    url = f"{hostile.base_url}/customer/v2/department/{world.dept_a1}/customer/{customer_id}"
    response = httpx.get(httpx.URL(url), auth=world.auth("full"), timeout=30.0)
    assert response.status_code in (400, 404), response.text
    _small(response)


# -- every leaf of every request example, replaced by hostile values --------------------------------------

HOSTILE_VALUES: list[Any] = [
    "\ud800",
    "x" * (LIMITS.max_string_length + 1),
    10**30,
    -(10**19),
    1e308,
    _nested(LIMITS.max_nesting_depth + 8),
    [0] * (LIMITS.max_array_items + 1),
    {"\udc00": None},
]


def _leaves(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    if isinstance(value, dict):
        yield path  # the object itself: it gets a hostile key
        for key, child in value.items():
            yield from _leaves(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _leaves(child, (*path, index))
    else:
        yield path


def _replaced(body: Any, path: tuple[str | int, ...], value: Any) -> Any:
    copy = json.loads(json.dumps(body))
    if not path:
        copy["\ud800"] = value
        return copy
    target = copy
    for part in path[:-1]:
        target = target[part]
    if isinstance(target[path[-1]], dict):
        target[path[-1]]["\ud800"] = value
    else:
        target[path[-1]] = value
    return copy


@pytest.mark.parametrize("op_id", BODY_OPERATION_IDS)
def test_hostile_values_anywhere_in_a_body_are_never_a_500(
    op_id: str, hostile: MockServer, world: TestWorld
) -> None:
    op = SPEC.operations[op_id]
    example = request_example(op)
    kwargs = valid_request(op_id, world)
    kwargs.pop("json")
    statuses: dict[int, int] = {}
    with hostile.client(timeout=30.0) as client:
        for path in _leaves(example):
            for value in HOSTILE_VALUES:
                response = client.request(
                    **kwargs,
                    content=_raw(_replaced(example, path, value)),
                    headers=JSON,
                    auth=world.auth("full"),
                )
                statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
                assert response.status_code in op.statuses, (path, value, response.text)
                assert response.status_code != 500, (path, value, response.text)
                _small(response)
    assert statuses.get(400, 0) > 0, statuses


# -- time limits on the connection --------------------------------------------------------------------------


def _address(server: MockServer) -> tuple[str, int]:
    parts = urlsplit(server.base_url)
    assert parts.hostname is not None
    assert parts.port is not None
    return parts.hostname, parts.port


def _read_until_closed(sock: socket.socket, within: float) -> bytes:
    """What the server sends until it closes the connection; fails if it is still open after `within`."""
    sock.settimeout(within)
    received = b""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        chunk = sock.recv(65536)
        if not chunk:
            return received
        received += chunk
    raise AssertionError(f"the connection is still open after {within} s; received {received[:200]!r}")


def _auth_header(world: TestWorld, username: str) -> str:
    flow = world.auth(username).sync_auth_flow(httpx.Request("GET", "http://mock"))
    return next(flow).headers["Authorization"]


def test_a_body_that_never_finishes_is_answered_408_and_closed(hostile: MockServer, world: TestWorld) -> None:
    head = (
        f"POST {_create_path(world)} HTTP/1.1\r\nHost: mock\r\nContent-Type: application/json\r\n"
        f"Content-Length: 1000\r\nAuthorization: {_auth_header(world, 'full')}\r\n\r\n"
    )
    started = time.monotonic()
    with socket.create_connection(_address(hostile)) as sock:
        sock.sendall(head.encode() + b'{"customer": ')
        received = _read_until_closed(sock, ANSWERED_WITHIN + BODY_TIMEOUT)
    assert time.monotonic() - started >= BODY_TIMEOUT * 0.9
    assert received.startswith(b"HTTP/1.1 408 "), received[:200]
    assert b"REQUEST_TIMEOUT" in received


@pytest.mark.parametrize(
    "sent", [b"", b"POST /customer/v2/department/x/customer HTTP/1.1\r\nHost: mock\r\nContent-"]
)
def test_a_connection_without_a_complete_request_head_is_closed(sent: bytes, hostile: MockServer) -> None:
    with socket.create_connection(_address(hostile)) as sock:
        sock.sendall(sent)
        assert _read_until_closed(sock, ANSWERED_WITHIN + BODY_TIMEOUT) == b""


def test_a_request_head_past_the_size_limit_is_400_and_closed(hostile: MockServer) -> None:
    with socket.create_connection(_address(hostile)) as sock:
        sock.sendall(b"GET /__mock/stats HTTP/1.1\r\nHost: mock\r\nX-Padding: " + b"x" * 100_000)
        received = _read_until_closed(sock, ANSWERED_WITHIN)
    assert received.startswith(b"HTTP/1.1 400 "), received[:200]


def test_an_idle_keep_alive_connection_is_closed(hostile: MockServer) -> None:
    with socket.create_connection(_address(hostile)) as sock:
        sock.sendall(b"GET /__mock/stats HTTP/1.1\r\nHost: mock\r\n\r\n")
        sock.settimeout(ANSWERED_WITHIN)
        first = sock.recv(65536)
        assert first.startswith(b"HTTP/1.1 200 ")
        _read_until_closed(sock, ANSWERED_WITHIN)


# -- one Authorization header --------------------------------------------------------------------------------


@pytest.mark.parametrize("second", ["full", "readonly", "garbage"])
def test_two_authorization_headers_are_refused(second: str, hostile: MockServer, world: TestWorld) -> None:
    other = "Basic eDp5" if second == "garbage" else _auth_header(world, second)
    headers = [("Authorization", _auth_header(world, "full")), ("Authorization", other)]
    response = httpx.get(
        f"{hostile.base_url}/customer/v2/department/{world.dept_a1}/customer/list",
        params={"searchTerm": "Lee"},
        headers=headers,
        timeout=30.0,
    )
    op = SPEC.operations["searchCustomers"]
    body = assert_error_envelope(op, response, 400)
    assert error_fields(op, body) == ["Authorization"]


# -- the access log ------------------------------------------------------------------------------------------


def _search_and_read_log(server: MockServer, world: TestWorld, term: str) -> str:
    response = httpx.get(
        f"{server.base_url}/customer/v2/department/{world.dept_a1}/customer/list",
        params={"searchTerm": term},
        auth=world.auth("full"),
        timeout=30.0,
    )
    assert response.status_code == 200
    deadline = time.monotonic() + ANSWERED_WITHIN
    while "customer/list" not in server.output() and time.monotonic() < deadline:
        time.sleep(0.05)
    return server.output()


def test_the_access_log_leaves_out_query_strings(hostile: MockServer, world: TestWorld) -> None:
    log = _search_and_read_log(hostile, world, "Zelda-Search-Term")
    assert "/customer/list" in log
    assert "Zelda-Search-Term" not in log
    assert world.passwords["full"] not in log


def test_log_queries_writes_them_for_debugging(
    start_mock: StartMock, world: TestWorld, tmp_path: Path
) -> None:
    server = start_mock(db=tmp_path / "logged.sqlite3", options=["--log-queries"])
    log = _search_and_read_log(server, world, "Zelda-Search-Term")
    assert "searchTerm=Zelda-Search-Term" in log
    assert world.passwords["full"] not in log
