"""Problems, warnings and the error envelope of each service.

Every failure is answered in the envelope of the service that owns the operation (D-ENVELOPE), with a real
HTTP status (D-STATUS) and one item per problem found:

* customer (C1, C1', C2-C5): ``{errors: [{errorCode: int, errorTitle, errorMessage, field?}], warnings}``
* trip (A1-A3): ``{statusCode, errors: [{errorCode: str, errorDescription, field?}], warnings}``
* pnd (A4): ``{statusCode, error: {errorCode, errorDescription, metadata: {field}}, warnings}``
* read (getAppointment): ``{error: [{errorCode: <HTTP status>, errorDescription}], warnings}``

Error names are the upper-snake titles of D-ERROR-CODES; the customer service maps them to its numeric
codes (`CUSTOMER_ERROR_CODES`). The PnD envelope holds a single error object, so several problems are joined
into one description. The appointment-read item has no `field`, so the field is written into the description.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from mykaarma_core.contacts import ADDRESS_TYPE_DERIVED

Service = Literal["customer", "trip", "pnd", "read"]
SERVICES: tuple[Service, ...] = ("customer", "trip", "pnd", "read")
#: The error name of every invalid request (D-ERROR-CODES).
INVALID = "INVALID_REQUEST_DATA"

#: Customer-service error codes (D-ERROR-CODES).
CUSTOMER_ERROR_CODES: Mapping[str, int] = {
    "INVALID_REQUEST_DATA": 20001,
    "CUSTOMER_NOT_FOUND": 20002,
    "DUPLICATE_CUSTOMER_KEY": 20003,
    "INVALID_VIN": 20004,
    "REQUEST_TOO_LARGE": 20005,
    "UNSUPPORTED_MEDIA_TYPE": 20006,
    "METHOD_NOT_ALLOWED": 20007,
    "REQUEST_TIMEOUT": 20008,
    "NULL_CREDENTIALS": 20101,
    "WRONG_CREDENTIAL": 20102,
    "INVALID_SCOPE_DEPARTMENT": 20103,
    "INVALID_SCOPE_DEALER": 20104,
    "TOO_MANY_REQUESTS": 20429,
    "INTERNAL_SERVER_ERROR": 20500,
    "BAD_GATEWAY": 20502,
    "SERVICE_UNAVAILABLE": 20503,
    "GATEWAY_TIMEOUT": 20504,
}

#: Codes the mock uses outside the public contract: an unknown path, and its own `/__mock` endpoints refusing
#: a non-loopback client. Clients must accept codes outside the catalogue (CustomerError description).
MOCK_ONLY_CUSTOMER_ERROR_CODES: Mapping[str, int] = {
    "FORBIDDEN": 20403,
    "NOT_FOUND": 20404,
}

#: Customer warning titles (facts §6.2), and the one this contract adds.
CUSTOMER_WARNING_TITLES: Mapping[int, str] = {
    10001: "NO_CUSTOMER_FOUND",
    10002: "INVALID_MAXRESULTS",
    10003: "SEARCH_TERM_LIMIT",
    10004: "INVALID_SEARCH_PREFERENCE",
    10005: "DELETED_ALL_PHONE_NUMBERS",
    10006: "DELETED_ALL_EMAILS",
    10007: "EMPTY_PHONE_LIST",
    10008: "EMPTY_EMAIL_LIST",
    10009: "EMPTY_EMAIL_SET",
    10010: "EMPTY_PHONE_SET",
    10011: "EMPTY_PHONE_NUMBER",
    10012: "EMPTY_EMAIL",
    10013: "NO_VALID_PHONE_FOUND",
    10014: "NO_VALID_EMAIL_FOUND",
    10015: "INCORRECT_PHONE_FORMAT",
    10016: "INVALID_PHONE_FIELDS",
    ADDRESS_TYPE_DERIVED: "ADDRESS_TYPE_DERIVED",  # ours (D-ADDRESS, D-ERROR-CODES)
}

#: The default error name for a status, used when the core itself refuses a request.
DEFAULT_ERROR_NAMES: Mapping[int, str] = {
    400: "INVALID_REQUEST_DATA",
    401: "WRONG_CREDENTIAL",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    408: "REQUEST_TIMEOUT",
    413: "REQUEST_TOO_LARGE",
    415: "UNSUPPORTED_MEDIA_TYPE",
    429: "TOO_MANY_REQUESTS",
    500: "INTERNAL_SERVER_ERROR",
    502: "BAD_GATEWAY",
    503: "SERVICE_UNAVAILABLE",
    504: "GATEWAY_TIMEOUT",
}


@dataclass(frozen=True)
class ErrorItem:
    """One error item of an error answer: an upper-snake name (D-ERROR-CODES), a message, and the dotted path
    of its field. (A problem found in a request is `mykaarma_core.problems.Problem`; the validator turns each
    into one of these.)"""

    code: str
    message: str
    field: str | None = None


@dataclass(frozen=True)
class Notice:
    """One warning. Customer warnings use the numeric codes 10001-10016 (facts §6.2) and 20201 (D-ADDRESS)."""

    code: int | str
    title: str
    message: str
    field: str | None = None


class ApiError(Exception):
    """A refusal with a documented status; the core renders it in the operation's service envelope."""

    def __init__(
        self,
        status: int,
        problems: list[ErrorItem],
        warnings: list[Notice] | None = None,
        *,
        headers: Mapping[str, str] | None = None,
        total: int | None = None,
    ) -> None:
        if not problems:
            raise ValueError("an ApiError needs at least one problem (D-ENVELOPE)")
        super().__init__(f"{status}: {len(problems)} problem(s), the first: {problems[0].message[:200]}")
        self.status = status
        self.problems = list(problems)
        self.warnings = list(warnings or [])
        self.headers = dict(headers or {})
        #: How many problems there were when `problems` holds only the first of them.
        self.total = total


def customer_warning(code: int, message: str, field: str | None = None) -> Notice:
    """A customer-service warning with its documented title (facts §6.2)."""
    return Notice(code=code, title=CUSTOMER_WARNING_TITLES[code], message=message, field=field)


def customer_error_code(name: str) -> int:
    """The numeric customer-service code of an error name; `KeyError` for a name outside both catalogues."""
    if name in CUSTOMER_ERROR_CODES:
        return CUSTOMER_ERROR_CODES[name]
    return MOCK_ONLY_CUSTOMER_ERROR_CODES[name]


def _described(problem: ErrorItem) -> str:
    if problem.field and problem.field not in problem.message:
        return f"{problem.field}: {problem.message}"
    return problem.message


def warning_items(service: Service, warnings: Sequence[Notice]) -> list[dict[str, Any]]:
    """The warnings in the item shape of `service` (CustomerWarning, TripWarning, PnDWarning, read)."""
    items: list[dict[str, Any]] = []
    for notice in warnings:
        if service == "customer":
            code = notice.code if isinstance(notice.code, int) else _customer_warning_code(notice)
            item: dict[str, Any] = {
                "warningCode": code,
                "warningTitle": notice.title,
                "warningMessage": notice.message,
            }
            if notice.field:
                item["field"] = notice.field
        elif service == "read":
            item = {
                "warningCode": notice.code if isinstance(notice.code, int) else 0,
                "warningDescription": notice.message,
            }
        else:
            item = {"warningCode": str(notice.code), "warningDescription": notice.message}
        items.append(item)
    return items


def _customer_warning_code(notice: Notice) -> int:
    for code, title in CUSTOMER_WARNING_TITLES.items():
        if title in (notice.code, notice.title):
            return code
    raise ValueError(f"customer warnings need a numeric code, got {notice.code!r}")


def error_body(
    service: Service, status: int, problems: Sequence[ErrorItem], warnings: Sequence[Notice] = ()
) -> dict[str, Any]:
    """The error envelope of `service` listing every problem (D-ENVELOPE, D-ERROR-CODES)."""
    if not problems:
        raise ValueError("an error body needs at least one problem")
    if service == "customer":
        errors: list[dict[str, Any]] = []
        for problem in problems:
            item: dict[str, Any] = {
                "errorCode": customer_error_code(problem.code),
                "errorTitle": problem.code,
                "errorMessage": problem.message,
            }
            if problem.field:
                item["field"] = problem.field
            errors.append(item)
        return {"errors": errors, "warnings": warning_items(service, warnings)}
    trip_warnings = warning_items(service, warnings) or None
    if service == "trip":
        trip_errors: list[dict[str, Any]] = []
        for problem in problems:
            item = {"errorCode": problem.code, "errorDescription": problem.message}
            if problem.field:
                item["field"] = problem.field
            trip_errors.append(item)
        return {"statusCode": status, "errors": trip_errors, "warnings": trip_warnings}
    if service == "pnd":
        first = problems[0]
        description = (
            first.message if len(problems) == 1 else "; ".join(_described(problem) for problem in problems)
        )
        single: dict[str, Any] = {"errorCode": first.code, "errorDescription": description}
        fields = list(dict.fromkeys(problem.field for problem in problems if problem.field))
        if fields:
            metadata = {"field": fields[0]}
            if len(fields) > 1:
                metadata["fields"] = ",".join(fields)
            single["metadata"] = metadata
        return {"statusCode": status, "error": single, "warnings": trip_warnings}
    return {
        "error": [{"errorCode": status, "errorDescription": _described(problem)} for problem in problems],
        "warnings": trip_warnings,
    }


def problem(status: int, message: str, field: str | None = None, code: str | None = None) -> ErrorItem:
    """A problem named after its status unless `code` is given (D-ERROR-CODES)."""
    return ErrorItem(code=code or DEFAULT_ERROR_NAMES[status], message=message, field=field)
