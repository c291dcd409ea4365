"""The FastAPI application: routes generated from the spec's operation table, and the request pipeline.

Every operation of the bundle gets a route (path templates are FastAPI's syntax already; concrete segments
are registered before templated ones, so ``.../customer/list`` wins over ``.../customer/{customerUuid}`` as
OpenAPI requires). A request then goes through, in order:

1. fault injection (`faults.py`; a status fault answers at once);
2. exactly one ``Authorization`` header (else 400), then HTTP Basic authentication -> 401 with
   ``WWW-Authenticate`` (D-AUTH, D-STATUS);
3. path and query parameters -> 400 (`validation.py`);
4. scope check of ``x-required-scope`` for the dealer or department of the path -> 403 (D-SCOPE).
   `getCustomer` names its dealers in the body: an account holding the scope at no dealer is refused here,
   the dealers of the body are checked once it is parsed (D-REQUEST-LIMITS: nothing of the body is read for
   a caller without the right);
5. the body, bounded by the spec's `x-request-limits` (`limits.py`): size -> 413 (D-BODY-LIMIT), arrival
   time -> 408 and the connection closed, media type -> 415, JSON syntax, nesting, string and array lengths,
   lone surrogates -> 400; then the schema, the x-rules and the pydantic model -> 400 listing the problems
   with their fields. A large body is checked on a worker thread, so other clients are answered meanwhile;
6. the handler, inside ``db.transaction(write=...)``; its dict is completed with the service envelope and
   the handler's warnings (D-ENVELOPE), then validated against the 200 schema and pydantic model — a mismatch
   is a 500 and the transaction is rolled back.

An error answer lists at most `maxListedProblems` problems, each cut to a readable length, and then how many
were left out, so it stays a few kilobytes whatever the request held.

Errors use the operation's service envelope and a status the operation documents (D-STATUS, D-ENVELOPE);
FastAPI's own ``detail``/422 never appears. A wrong method on a known path is 405 with ``Allow``; an unknown
path is 404. An exception in a handler is logged with its traceback and answered 500 after rollback.
Requests are logged (`access_log.py`) without headers or query strings, so neither credentials nor search
terms reach a log.

Mock-only routes: ``GET /openapi.yaml`` (the bundle, byte for byte), ``GET /docs`` (the API reference page
built by ``make docs``, read from `docs_dir` at each request), ``GET /__mock/stats`` and
``POST /__mock/reset`` (loopback clients only; others get 403). The stats also count the API requests answered
since the server started (``requests``).
"""

from __future__ import annotations

import asyncio
import logging
import re
import sqlite3
from collections.abc import AsyncIterator, Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect
from starlette.responses import Response

from .auth import authenticate, authorize, check_expression, entities, refuse_without_scope
from .db import Database
from .errors import (
    DEFAULT_ERROR_NAMES,
    INVALID,
    ApiError,
    ErrorItem,
    Notice,
    Service,
    error_body,
    warning_items,
)
from .faults import FAULT_HEADER, RETRY_AFTER_STATUSES, Drop, Fault, FaultPlan
from .http import (
    JSON_MEDIA_TYPE,
    DropConnection,
    authorization,
    dump,
    has_body,
    is_json_media_type,
    is_loopback,
    json_response,
)
from .limits import RequestLimits, body_problems, bounded_problems
from .spec import Operation, Spec, load_spec
from .validation import OperationValidator, SchemaSet, parse_json_body
from .world import Account, World

logger = logging.getLogger("mykaarma_mock")

# An oversized body is read and discarded up to this many times the limit, so the client can read the 413.
_DRAIN_FACTOR = 16
# Bodies larger than this are checked on the worker thread instead of the event loop.
_INLINE_CHECK_BYTES = 64 * 1024
_ROUTE_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"]
#: Where `make docs` writes the API reference page (used when `create_app` gets no `docs_dir`).
REPOSITORY_DOCS = Path(__file__).resolve().parents[2] / "docs"


@dataclass
class RequestContext:
    """What a handler gets: the validated request, the account, the world and the open transaction."""

    operation_id: str
    path: dict[str, str]
    query: dict[str, Any]
    body: dict[str, Any] | None
    account: Account
    world: World
    conn: sqlite3.Connection  # inside the request's transaction
    warnings: list[Notice]


Handler = Callable[[RequestContext], dict[str, Any]]


@dataclass(frozen=True)
class _Checked:
    """What is known of a request when its body is checked: the account and the checked parameters."""

    op: Operation
    validator: OperationValidator
    account: Account
    path: dict[str, str]
    query: dict[str, Any]
    problems: list[ErrorItem]  # of the parameters, listed with those of the body


class _FaultRollback(Exception):
    """Raised inside the transaction to undo a request that gets `drop_before_commit`."""


class _ResponseMismatch(Exception):
    def __init__(self, operation_id: str, mismatches: list[str]) -> None:
        super().__init__(f"{operation_id} returned a body that does not match its 200 schema: {mismatches}")


def _template_order(template: str) -> list[bool]:
    """Sort key: at the first differing segment a concrete segment comes before a `{parameter}`."""
    return [segment.startswith("{") for segment in template.strip("/").split("/")]


def _template_regex(template: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}]+\})", template)
    pattern = "".join("[^/]+" if part.startswith("{") else re.escape(part) for part in parts)
    return re.compile(f"^{pattern}$")


class MockApi:
    """The request pipeline of every operation."""

    def __init__(
        self,
        db: Database,
        world: World,
        faults: FaultPlan,
        handlers: Mapping[str, Handler],
        write_operations: frozenset[str],
        spec: Spec,
        limits: RequestLimits,
    ) -> None:
        self.db = db
        self.world = world
        self.faults = faults
        self.handlers = dict(handlers)
        self.write_operations = write_operations
        self.spec = spec
        self.limits = limits
        self.schemas = SchemaSet(spec)
        self.validators = {
            op_id: OperationValidator(self.schemas, op, limits) for op_id, op in spec.operations.items()
        }
        # One thread for the checks of large bodies: however many arrive, they wait for each other, not the
        # event loop that answers everyone else.
        self._checker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mykaarma-mock-check")
        self.requests = 0  # API requests answered (GET /__mock/stats)
        self.paths = spec.paths()
        self.templates = sorted(self.paths, key=_template_order)
        self._matchers = [(_template_regex(t), t) for t in self.templates]
        for op in spec.operations.values():
            check_expression(op.required_scope.entity)

    # -- routing helpers --------------------------------------------------------------------------------

    def template_for(self, path: str) -> str | None:
        for regex, template in self._matchers:
            if regex.match(path):
                return template
        return None

    def service_for(self, path: str) -> Service:
        template = self.template_for(path)
        if template is not None:
            return next(iter(self.paths[template].values())).service
        return "trip" if path.startswith("/appointment/") else "customer"

    def allowed(self, template: str) -> str:
        return ", ".join(self.paths[template])

    def method_not_allowed(self, template: str, method: str) -> Response:
        allow = self.allowed(template)
        service = next(iter(self.paths[template].values())).service
        problem = ErrorItem("METHOD_NOT_ALLOWED", f"method {method} is not allowed here; allowed: {allow}")
        return json_response(error_body(service, 405, [problem]), 405, {"Allow": allow})

    def error_response(self, service: Service, error: ApiError) -> Response:
        """The error in the service's envelope, listing at most `maxListedProblems` problems."""
        problems = bounded_problems(error.problems, self.limits.max_listed_problems, error.total)
        body = error_body(service, error.status, problems, error.warnings)
        return json_response(body, error.status, error.headers)

    def close(self) -> None:
        """Stop the checking thread (after the server has stopped)."""
        self._checker.shutdown(wait=False, cancel_futures=True)

    # -- the pipeline -----------------------------------------------------------------------------------

    async def dispatch(self, request: Request, template: str) -> Response:
        op = self.paths[template].get(request.method)
        if op is None:
            return self.method_not_allowed(template, request.method)
        try:
            return await self.run(request, op)
        except ClientDisconnect:
            return Response(status_code=400)

    async def run(self, request: Request, op: Operation) -> Response:
        self.requests += 1
        if self.faults.latency_ms:
            await asyncio.sleep(self.faults.latency_ms / 1000)  # outside any transaction: waits in parallel
        fault: Fault | None = None
        fault_problem: ErrorItem | None = None
        try:
            fault = self.faults.choose(request.headers.get(FAULT_HEADER))
        except ValueError as exc:
            fault_problem = ErrorItem(INVALID, str(exc), FAULT_HEADER)
        if fault is not None and fault.status is not None:
            logger.info("fault: %s for %s (%s)", fault.describe(), op.operation_id, request.url.path)
            headers = {"Retry-After": "1"} if fault.status in RETRY_AFTER_STATUSES else {}
            text = f"injected fault: status {fault.status} (mock fault injection)"
            name = DEFAULT_ERROR_NAMES.get(fault.status, "INTERNAL_SERVER_ERROR")
            return self.error_response(
                op.service, ApiError(fault.status, [ErrorItem(name, text)], headers=headers)
            )
        try:
            response = await self._answer(request, op, fault_problem, fault)
        except _FaultRollback:
            response = DropConnection()
        if fault is not None and fault.drop is not None:
            logger.info("fault: %s for %s (%s)", fault.describe(), op.operation_id, request.url.path)
            return DropConnection()
        return response

    async def _answer(
        self, request: Request, op: Operation, fault_problem: ErrorItem | None, fault: Fault | None
    ) -> Response:
        body_pending = op.body_schema is not None and has_body(request)
        try:
            account = authenticate(self.world, authorization(request))
            if fault_problem is not None:
                raise ApiError(400, [fault_problem])
            validator = self.validators[op.operation_id]
            path, query, problems = validator.parameters(
                {k: str(v) for k, v in request.path_params.items()}, request.query_params.multi_items()
            )
            scope = op.required_scope
            if scope.in_body:
                refuse_without_scope(account, scope)
            else:
                if any(problem.field == scope.parameter for problem in problems):
                    raise ApiError(400, problems)  # no dealer or department to check the scope for
                authorize(self.world, account, scope, path, query, None)
            body: Any = None
            if op.body_schema:
                raw = await self._read_body(request)
                body_pending = False
                checked = _Checked(op, validator, account, path, query, problems)
                body = await self._checked_body(request, checked, raw)
            elif problems:
                raise ApiError(400, problems)
            if scope.in_body:
                authorize(self.world, account, scope, path, query, body)
            payload = self._call(op, path, query, body, account, fault)
            return Response(content=payload, status_code=200, media_type=JSON_MEDIA_TYPE)
        except ApiError as error:
            if error.status not in op.statuses:
                logger.error(
                    "%s answered %s, a status its spec does not document; sending 500 instead (D-STATUS)",
                    op.operation_id,
                    error.status,
                )
                return self._server_error(op)
            if body_pending:  # refused before its body was read: do not read it, close the connection
                error.headers.setdefault("Connection", "close")
            try:
                return self.error_response(op.service, error)
            except Exception:
                logger.exception("cannot render the %s error of %s", error.status, op.operation_id)
                return self._server_error(op)
        except (_FaultRollback, ClientDisconnect):
            raise
        except Exception:
            logger.exception(
                "unexpected failure in %s %s (%s)", request.method, request.url.path, op.operation_id
            )
            return self._server_error(op)

    async def _checked_body(self, request: Request, checked: _Checked, raw: bytes) -> Any:
        """The parsed body once every check passed; `ApiError` (415, 400, 403) otherwise."""
        if raw.strip() and not is_json_media_type(request.headers.get("content-type")):
            got = request.headers.get("content-type") or "none"
            message = f"Content-Type must be application/json (got {got[:100]})"
            raise ApiError(415, [ErrorItem("UNSUPPORTED_MEDIA_TYPE", message)])
        body = parse_json_body(raw)
        if len(raw) <= _INLINE_CHECK_BYTES:
            self._check_body(checked, body)
        else:
            await asyncio.get_running_loop().run_in_executor(self._checker, self._check_body, checked, body)
        return body

    def _check_body(self, checked: _Checked, body: Any) -> None:
        """The limits of `x-request-limits`, the dealers of a body (`getCustomer`), then every rule."""
        problems, count = body_problems(body, self.limits)
        if problems:
            raise ApiError(400, problems, total=count)
        scope, path, query = checked.op.required_scope, checked.path, checked.query
        if scope.in_body and entities(scope.entity, path, query, body):
            authorize(self.world, checked.account, scope, path, query, body)
        problems = checked.problems + checked.validator.body(body, enough=self.limits.max_listed_problems)
        if problems:
            raise ApiError(400, problems)

    def _server_error(self, op: Operation) -> Response:
        problem = ErrorItem("INTERNAL_SERVER_ERROR", "unexpected server failure")
        return json_response(error_body(op.service, 500, [problem]), 500)

    async def _read_body(self, request: Request) -> bytes:
        """The request body; `ApiError` 413 past the size limit (before any parsing, D-BODY-LIMIT), 408 when
        it has not arrived in full within the time limit (D-REQUEST-LIMITS; the connection is then closed)."""
        seconds = self.limits.body_timeout_seconds
        try:
            async with asyncio.timeout(seconds):
                return await self._receive_body(request)
        except TimeoutError:
            message = f"the request body did not arrive in full within {seconds:g} seconds"
            problem = ErrorItem("REQUEST_TIMEOUT", message)
            raise ApiError(408, [problem], headers={"Connection": "close"}) from None

    async def _receive_body(self, request: Request) -> bytes:
        limit = self.limits.max_body_bytes
        too_large = ApiError(413, [ErrorItem("REQUEST_TOO_LARGE", f"request body exceeds {limit} bytes")])
        stream: AsyncIterator[bytes] = request.stream().__aiter__()
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            if int(declared) <= _DRAIN_FACTOR * limit:
                await self._drain(stream, 0)
            else:
                too_large.headers["Connection"] = "close"
            raise too_large
        data = bytearray()
        async for chunk in stream:
            data += chunk
            if len(data) > limit:
                await self._drain(stream, len(data))
                raise too_large
        return bytes(data)

    async def _drain(self, stream: AsyncIterator[bytes], seen: int) -> None:
        async for chunk in stream:
            seen += len(chunk)
            if seen > _DRAIN_FACTOR * self.limits.max_body_bytes:
                break

    def _call(
        self,
        op: Operation,
        path: dict[str, str],
        query: dict[str, Any],
        body: Any,
        account: Account,
        fault: Fault | None,
    ) -> bytes:
        handler = self.handlers.get(op.operation_id)
        if handler is None:
            raise RuntimeError(f"no handler is installed for {op.operation_id}")
        validator = self.validators[op.operation_id]
        with self.db.transaction(write=op.operation_id in self.write_operations) as conn:
            ctx = RequestContext(
                operation_id=op.operation_id,
                path=path,
                query=query,
                body=body,
                account=account,
                world=self.world,
                conn=conn,
                warnings=[],
            )
            result = handler(ctx)
            envelope = self._envelope(op, result, ctx.warnings)
            mismatches = validator.response(envelope)
            if mismatches:
                raise _ResponseMismatch(op.operation_id, mismatches)
            payload = dump(envelope)
            if fault is not None and fault.drop is Drop.BEFORE_COMMIT:
                raise _FaultRollback
        return payload

    @staticmethod
    def _envelope(op: Operation, result: Any, warnings: list[Notice]) -> Any:
        """The handler's body with the service envelope keys and the warnings filled in (D-ENVELOPE)."""
        if not isinstance(result, dict):
            return result
        body = dict(result)
        items = warning_items(op.service, warnings)
        if op.service == "customer":
            body.setdefault("errors", [])
            body["warnings"] = [*(body.get("warnings") or []), *items]
            return body
        if items:
            body["warnings"] = [*(body.get("warnings") or []), *items]
        else:
            body.setdefault("warnings", None)
        if op.service in ("trip", "pnd"):
            body.setdefault("statusCode", 200)
        if op.service == "trip":
            body.setdefault("errors", None)
        else:
            body.setdefault("error", None)
        return body

    # -- mock-only routes -------------------------------------------------------------------------------

    def local_only(self, request: Request) -> Response | None:
        if is_loopback(request):
            return None
        problem = ErrorItem("FORBIDDEN", "the /__mock endpoints answer loopback clients only")
        return json_response(error_body("customer", 403, [problem]), 403)

    def stats(self) -> dict[str, Any]:
        """The stored data per department, and how many API requests the server has answered."""
        counts = self.db.stats(departments=[d.uuid for d in self.world.departments()])
        return {**counts, "requests": self.requests}


def create_app(
    db: Database,
    world: World,
    faults: FaultPlan | None = None,
    *,
    handlers: Mapping[str, Handler] | None = None,
    write_operations: Iterable[str] | None = None,
    spec: Spec | None = None,
    limits: RequestLimits | None = None,
    docs_dir: Path | None = None,
) -> FastAPI:
    """The mock application.

    Without `handlers`, the handlers of every feature (`mykaarma_mock.features`) are mounted. Tests may
    inject `handlers` instead; their `write_operations` default to all of them. `limits` default to the
    spec's `x-request-limits`.
    """
    if handlers is None:
        from .features import handlers as feature_handlers  # the features import this module's types

        handlers, writes = feature_handlers()
        spec = spec or load_spec()
        missing = sorted(set(spec.operations) - set(handlers))
        if missing:
            raise RuntimeError(f"no handler for {', '.join(missing)}")
    else:
        writes = frozenset(handlers)
    if write_operations is not None:
        writes = frozenset(write_operations)
    spec = spec or load_spec()
    api = MockApi(db, world, faults or FaultPlan(), handlers, writes, spec, limits or spec.limits)
    app = FastAPI(
        title="mykaarma-mock",
        openapi_url=None,
        docs_url=None,
        redoc_url=None,
        redirect_slashes=False,
    )
    app.state.mock = api

    def route(template: str) -> Callable[[Request], Any]:
        async def endpoint(request: Request) -> Response:
            return await api.dispatch(request, template)

        return endpoint

    for template in api.templates:
        app.add_route(template, route(template), methods=_ROUTE_METHODS, include_in_schema=False)

    async def openapi_yaml(request: Request) -> Response:
        return Response(content=spec.raw, media_type="application/yaml")

    async def mock_stats(request: Request) -> Response:
        return api.local_only(request) or json_response(api.stats())

    async def mock_reset(request: Request) -> Response:
        refused = api.local_only(request)
        if refused is not None:
            return refused
        db.reset()
        logger.info("data reset (the world is kept)")
        return json_response({"reset": True, **api.stats()})

    docs_page = (docs_dir if docs_dir is not None else REPOSITORY_DOCS) / "index.html"

    async def api_docs(request: Request) -> Response:
        try:
            page = docs_page.read_bytes()
        except OSError:
            text = f"The API reference page is not built ({docs_page} is missing): run `make docs`.\n"
            return Response(content=text, status_code=404, media_type="text/plain")
        return Response(content=page, media_type="text/html; charset=utf-8")

    app.add_route("/openapi.yaml", openapi_yaml, methods=["GET"], include_in_schema=False)
    app.add_route("/docs", api_docs, methods=["GET"], include_in_schema=False)
    app.add_route("/__mock/stats", mock_stats, methods=["GET"], include_in_schema=False)
    app.add_route("/__mock/reset", mock_reset, methods=["POST"], include_in_schema=False)

    async def http_error(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, StarletteHTTPException) else 500
        path = request.url.path
        if status == 405:
            template = api.template_for(path)
            if template is not None:
                return api.method_not_allowed(template, request.method)
            allow = (exc.headers or {}).get("Allow", "") if isinstance(exc, StarletteHTTPException) else ""
            problem = ErrorItem(
                "METHOD_NOT_ALLOWED", f"method {request.method} is not allowed here; allowed: {allow}"
            )
            return json_response(error_body("customer", 405, [problem]), 405, {"Allow": allow})
        if status == 404:
            problem = ErrorItem(
                "NOT_FOUND", f"no operation at {path} (the API is described at /openapi.yaml)"
            )
            return json_response(error_body(api.service_for(path), 404, [problem]), 404)
        name = DEFAULT_ERROR_NAMES.get(status, "INTERNAL_SERVER_ERROR")
        problem = ErrorItem(name, str(getattr(exc, "detail", "request refused")))
        return json_response(error_body(api.service_for(path), status, [problem]), status)

    async def unexpected_error(request: Request, exc: Exception) -> Response:
        problem = ErrorItem("INTERNAL_SERVER_ERROR", "unexpected server failure")
        return json_response(error_body(api.service_for(request.url.path), 500, [problem]), 500)

    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(Exception, unexpected_error)
    return app
