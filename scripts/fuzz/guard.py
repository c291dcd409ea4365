"""The sandbox guard: a reverse proxy on loopback that decides, request by request, what reaches a target.

`decide` classifies a request by the spec's routes: reads are forwarded; a write must name a record of the
run (its `Ledger`) or an identifier that cannot exist, else it is refused locally (403, header
``X-Mykaarma-Fuzz-Guard``); a method the path does not define is answered with 405 and ``Allow``. `Guard`
adds a `RateLimit` and a `Budget` and records what successful writes created or removed; with
``only_reads`` (`make conformance` against a sandbox) it forwards nothing but read operations and safe
methods. `running_guard` serves it on a free loopback port. Used by `scripts.fuzz.sandbox` and
`scripts.conformance.run`.
"""

from __future__ import annotations

import json
import re
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from enum import Enum
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import httpx
import yaml

from mykaarma_core.openapi import operations as walk_operations
from scripts._tools import BUNDLE
from scripts.fuzz.hooks import ABSENT_PREFIX, RECORD_PATH_PARAMETERS, WRITE_TARGETS

GUARD_HEADER = "X-Mykaarma-Fuzz-Guard"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
READ_OPERATIONS = frozenset(
    {"readCustomer", "searchCustomers", "getCustomer", "getTripsForAppointment", "getAppointment"}
)
SERVICES: Mapping[str, str] = {
    "createCustomer": "customer",
    "createCustomerViaPut": "customer",
    "updateCustomer": "customer",
    "readCustomer": "customer",
    "searchCustomers": "customer",
    "getCustomer": "customer",
    "createAppointmentWithTrip": "trip",
    "updateAppointmentWithTrip": "trip",
    "deleteAppointmentWithTrip": "trip",
    "getTripsForAppointment": "pnd",
    "getAppointment": "appointment",
}
_HOP_BY_HOP = frozenset(
    {"connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "host", "upgrade"}
)


# ------------------------------------------------------------------------------------------------------
# Classifying requests


@dataclass(frozen=True)
class Route:
    """One path template of the spec and its operations by method."""

    template: str
    pattern: re.Pattern[str]
    names: tuple[str, ...]
    operations: Mapping[str, str]  # METHOD -> operationId

    def parameters(self, path: str) -> dict[str, str] | None:
        match = self.pattern.fullmatch(path)
        if match is None:
            return None
        return {name: unquote(value) for name, value in zip(self.names, match.groups(), strict=True)}


def load_routes(bundle: Path = BUNDLE) -> list[Route]:
    """The spec's paths, concrete segments first (``…/customer/list`` before ``…/{customerUuid}``)."""
    document = yaml.safe_load(bundle.read_text(encoding="utf-8"))
    by_template: dict[str, dict[str, str]] = {}
    for entry in walk_operations(document):
        if entry.operation_id is not None:
            by_template.setdefault(entry.path, {})[entry.method.upper()] = entry.operation_id
    routes: list[Route] = []
    for template, operations in by_template.items():
        names = tuple(re.findall(r"\{([^}]+)\}", template))
        regex = "".join(
            "([^/]+)" if part.startswith("{") else re.escape(part)
            for part in re.split(r"(\{[^}]+\})", template)
        )
        routes.append(Route(template, re.compile(regex), names, operations))
    routes.sort(key=lambda route: [segment.startswith("{") for segment in route.template.split("/")])
    return routes


class Verdict(Enum):
    FORWARD = "forward"
    REFUSE = "refuse"
    NOT_ALLOWED = "method not allowed"


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    operation_id: str | None = None
    reason: str = ""
    allow: str = ""
    service: str = "customer"


def _lookup(container: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        if not isinstance(container, Mapping):
            return None
        container = container.get(part)
    return container


def _foreign(value: Any, owned: set[str]) -> bool:
    """Whether `value` could name a record that is not the run's (blank and absent identifiers cannot)."""
    if value is None or isinstance(value, (bool, dict, list)):
        return False
    text = str(value)
    return bool(text.strip()) and not text.startswith(ABSENT_PREFIX) and text not in owned


def write_problems(
    operation_id: str, path: Mapping[str, str], query: Mapping[str, str], body: Any, owned: set[str]
) -> list[str]:
    """Everything in a write request that names a record this run did not create."""
    containers: Mapping[str, Any] = {"path": path, "query": query, "body": body}
    problems = [
        f"{location} {dotted} names {_lookup(containers[location], dotted)!r}, not a record of this run"
        for location, dotted in WRITE_TARGETS.get(operation_id, ())
        if _foreign(_lookup(containers[location], dotted), owned)
    ]
    if not isinstance(body, Mapping):
        return problems
    references = [
        "customer.customerUuid",
        "createAppointmentWithTripRequest.customerUuid",
        "savePickupDeliveryTripEventRequest.pickupDeliveryTripEvent.customerUUID",
        "savePickupDeliveryTripEventRequest.pickupDeliveryTripEvent.linkedAppointmentUuid",
        "updatePickupDeliveryTripEventRequest.pickupDeliveryTripEvent.customerUUID",
        "updatePickupDeliveryTripEventRequest.pickupDeliveryTripEvent.linkedAppointmentUuid",
    ]
    for dotted in references:
        if _foreign(_lookup(body, dotted), owned):
            problems.append(f"body {dotted} names {_lookup(body, dotted)!r}, not a record of this run")
    for wrapper in ("savePickupDeliveryTripEventRequest", "updatePickupDeliveryTripEventRequest"):
        linked = _lookup(body, f"{wrapper}.pickupDeliveryTripEvent.linkedTripUuids")
        for item in linked if isinstance(linked, list) else []:
            if _foreign(item, owned):
                problems.append(f"body {wrapper}.pickupDeliveryTripEvent.linkedTripUuids names {item!r}")
    vehicles = body.get("vehicles")
    for vehicle in vehicles if isinstance(vehicles, list) else []:
        if isinstance(vehicle, Mapping) and _foreign(vehicle.get("vehicleUuid"), owned):
            problems.append(f"body vehicles[].vehicleUuid names {vehicle.get('vehicleUuid')!r}")
    if operation_id in ("createCustomer", "createCustomerViaPut") and body.get("searchForDuplicate") is True:
        problems.append("searchForDuplicate: true may update a stored customer that matches")
    return problems


def decide(
    routes: Sequence[Route], method: str, raw_path: str, query: Mapping[str, str], body: Any, owned: set[str]
) -> Decision:
    """What the guard does with one request."""
    for route in routes:
        parameters = route.parameters(raw_path)
        if parameters is None:
            continue
        operation_id = route.operations.get(method)
        service = SERVICES.get(next(iter(route.operations.values()), ""), "customer")
        if operation_id is None:
            records = [parameters[name] for name in RECORD_PATH_PARAMETERS if name in parameters]
            if method in SAFE_METHODS or (records and not any(_foreign(value, owned) for value in records)):
                return Decision(Verdict.FORWARD, service=service)
            return Decision(
                Verdict.NOT_ALLOWED,
                reason=f"{method} is not an operation of {route.template}",
                allow=", ".join(route.operations),
                service=service,
            )
        if operation_id in READ_OPERATIONS:
            return Decision(Verdict.FORWARD, operation_id, service=service)
        problems = write_problems(operation_id, parameters, query, body, owned)
        if problems:
            return Decision(Verdict.REFUSE, operation_id, "; ".join(problems), service=service)
        return Decision(Verdict.FORWARD, operation_id, service=service)
    if method in SAFE_METHODS:
        return Decision(Verdict.FORWARD)
    return Decision(Verdict.NOT_ALLOWED, reason=f"{raw_path} is not a path of the API")


def read_only(routes: Sequence[Route], method: str, raw_path: str, decision: Decision) -> Decision:
    """`decision` for a run that may only read: a request the guard would forward that is not one of the
    spec's read operations (nor a safe method) is answered locally — 405 with ``Allow`` for a method the
    path does not define, a refusal for a write operation."""
    if (
        decision.verdict is not Verdict.FORWARD
        or method in SAFE_METHODS
        or decision.operation_id in READ_OPERATIONS
    ):
        return decision
    if decision.operation_id is not None:
        return replace(
            decision, verdict=Verdict.REFUSE, reason=f"{decision.operation_id} writes: a read-only run"
        )
    allow = next(
        (", ".join(route.operations) for route in routes if route.parameters(raw_path) is not None), ""
    )
    return replace(
        decision, verdict=Verdict.NOT_ALLOWED, reason=f"{method} is not sent by a read-only run", allow=allow
    )


def local_error(service: str, status: int, code: str, message: str) -> dict[str, Any]:
    """An error body in the envelope of `service` (D-ENVELOPE) for an answer the guard gives itself."""
    if service == "customer":
        number = 20007 if status == 405 else 20103
        return {
            "errors": [{"errorCode": number, "errorTitle": code, "errorMessage": message}],
            "warnings": [],
        }
    if service == "trip":
        return {
            "statusCode": status,
            "errors": [{"errorCode": code, "errorDescription": message}],
            "warnings": None,
        }
    if service == "pnd":
        return {
            "statusCode": status,
            "error": {"errorCode": code, "errorDescription": message},
            "warnings": None,
        }
    return {"error": [{"errorCode": status, "errorDescription": message}], "warnings": None}


# ------------------------------------------------------------------------------------------------------
# Ledger, rate limit, budget


@dataclass
class Record:
    """A record the run created, and what became of it."""

    kind: str  # customer, appointment, trip
    uuid: str
    created_by: str
    removed_by: str | None = None
    note: str = ""


@dataclass
class Ledger:
    """Every record created and removed through the guard, and what the guard did with requests."""

    records: dict[str, Record] = field(default_factory=dict)
    forwarded: int = 0
    refused: list[str] = field(default_factory=list)
    answered_locally: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def owned(self) -> set[str]:
        with self.lock:
            return set(self.records)

    def created(self, kind: str, uuid: Any, operation_id: str) -> None:
        if isinstance(uuid, str) and uuid:
            with self.lock:
                self.records.setdefault(uuid, Record(kind, uuid, operation_id))

    def removed(self, uuid: Any, how: str) -> None:
        with self.lock:
            record = self.records.get(str(uuid))
            if record is not None and record.removed_by is None:
                record.removed_by = how

    def of_kind(self, kind: str) -> list[Record]:
        with self.lock:
            return [record for record in self.records.values() if record.kind == kind]


class RateLimit:
    """At most `per_second` requests per second, spaced evenly."""

    def __init__(self, per_second: float) -> None:
        self.interval = 1.0 / per_second
        self.next_at = 0.0
        self.lock = threading.Lock()

    def wait(self) -> None:
        with self.lock:
            now = time.monotonic()
            if self.next_at > now:
                time.sleep(self.next_at - now)
            self.next_at = max(now, self.next_at) + self.interval


class Budget:
    """A number of requests the target may receive; `exhausted` is set once they are spent."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.spent = 0
        self.exhausted = threading.Event()
        self.lock = threading.Lock()

    def take(self) -> bool:
        with self.lock:
            if self.spent >= self.limit:
                self.exhausted.set()
                return False
            self.spent += 1
            return True

    def extend(self, extra: int) -> None:
        with self.lock:
            self.limit = max(self.limit, self.spent) + extra


def record_outcome(
    ledger: Ledger, operation_id: str | None, query: Mapping[str, str], body: Any, response: httpx.Response
) -> None:
    """Update the ledger from a successful write (D-CREATE-RESPONSE, D-A3, D-DELETE-TRIP-SCENARIO)."""
    if operation_id is None or not response.is_success:
        return
    try:
        answer = response.json()
    except ValueError:
        return
    if not isinstance(answer, Mapping):
        return
    if operation_id in ("createCustomer", "createCustomerViaPut"):
        ledger.created("customer", answer.get("customerUuid"), operation_id)
    elif operation_id == "createAppointmentWithTrip":
        ledger.created("appointment", answer.get("appointmentUUID"), operation_id)
        ledger.created("trip", answer.get("eventUUID"), operation_id)
        for name in ("mobileServiceApptUuid", "regularServiceApptUuid"):
            if name in query:
                ledger.removed(query[name], f"replaced by {operation_id} ({name})")
    elif operation_id == "updateAppointmentWithTrip":
        trip = _lookup(body, "updateAppointmentForTripRequest.pickupDeliveryTripMetadata.tripUUID")
        event = _lookup(body, "updatePickupDeliveryTripEventRequest.pickupDeliveryTripEvent")
        if event is None and trip is not None:
            ledger.removed(trip, f"cancelled by {operation_id} (remove-trip scenario)")
        else:
            ledger.created("trip", answer.get("eventUUID"), operation_id)
    elif operation_id == "deleteAppointmentWithTrip":
        ledger.removed(answer.get("appointmentUuid"), operation_id)
        ledger.removed(answer.get("tripUuid"), f"cancelled by {operation_id}")


# ------------------------------------------------------------------------------------------------------
# The guard


@dataclass
class Guard:
    """The reverse proxy's state: where to forward, and the rules and records of the run."""

    target: str
    routes: list[Route]
    ledger: Ledger
    rate: RateLimit
    budget: Budget
    #: Forward only the spec's read operations (and safe methods): `make conformance` against a sandbox.
    only_reads: bool = False
    #: How many requests of each operation reached the target.
    reached: Counter[str] = field(default_factory=Counter)
    client: httpx.Client = field(init=False)

    def __post_init__(self) -> None:
        self.client = httpx.Client(base_url=self.target, timeout=30.0, follow_redirects=False)

    def handle(
        self, method: str, raw_target: str, headers: Mapping[str, str], payload: bytes
    ) -> httpx.Response:
        """Answer one request: refuse it, answer it locally, or forward it within the rate and budget."""
        parts = urlsplit(raw_target)
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        body: Any = None
        if payload:
            try:
                body = json.loads(payload)
            except ValueError:
                body = None
        decision = decide(self.routes, method, parts.path, query, body, self.ledger.owned())
        if self.only_reads:
            decision = read_only(self.routes, method, parts.path, decision)
        if decision.verdict is Verdict.REFUSE:
            self.ledger.refused.append(f"{method} {parts.path}: {decision.reason}")
            return self._local(decision.service, 403, "FUZZ_GUARD_REFUSED", decision.reason, {})
        if decision.verdict is Verdict.NOT_ALLOWED:
            self.ledger.answered_locally += 1
            allow = {"Allow": decision.allow} if decision.allow else {}
            return self._local(
                decision.service, 405 if decision.allow else 404, "METHOD_NOT_ALLOWED", decision.reason, allow
            )
        if not self.budget.take():
            return self._local(decision.service, 503, "FUZZ_BUDGET_SPENT", "the request budget is spent", {})
        self.rate.wait()
        forwarded = {name: value for name, value in headers.items() if name.lower() not in _HOP_BY_HOP}
        response = self.client.request(method, raw_target, headers=forwarded, content=payload)
        self.ledger.forwarded += 1
        if decision.operation_id is not None:
            self.reached[decision.operation_id] += 1
        record_outcome(self.ledger, decision.operation_id, query, body, response)
        return response

    @staticmethod
    def _local(service: str, status: int, code: str, message: str, headers: dict[str, str]) -> httpx.Response:
        return httpx.Response(
            status,
            json=local_error(service, status, code, message),
            headers={GUARD_HEADER: message, **headers},
        )


class _GuardHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    guard: Guard

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        payload = self.rfile.read(length) if length else b""
        headers = {name: value for name, value in self.headers.items()}
        try:
            response = self.guard.handle(self.command, self.path, headers, payload)
        except httpx.HTTPError as error:
            response = httpx.Response(502, text=f"the guard could not reach the target: {error}")
        content = response.content
        try:
            self.send_response(response.status_code)
            for name, value in response.headers.multi_items():
                if name.lower() not in _HOP_BY_HOP:
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(content)
        except ConnectionError:  # schemathesis was stopped (budget spent) while an answer was on its way
            self.close_connection = True

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = do_TRACE = _serve

    def log_message(self, format: str, *args: Any) -> None:
        """Requests are not logged: they carry credentials."""


class _QuietServer(ThreadingHTTPServer):
    """The guard's server: a client that hangs up mid-answer is not a traceback on the terminal."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def running_guard(guard: Guard) -> Iterator[str]:
    """The guard on a free loopback port; yields its base URL."""
    handler = type("GuardHandler", (_GuardHandler,), {"guard": guard})
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        guard.client.close()
