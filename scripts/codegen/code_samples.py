"""A Python sample per operation, made from the spec's own examples: the reference page's ``x-codeSamples``.

Each sample calls the `mykaarma` client method of the operation with the example values of the spec — the
path and query parameters' ``example`` and the first example of the request body — so a sample changes when
the examples do and never by hand. `make docs` adds them to the page (`with_code_samples`);
``tests/integration/test_code_samples.py`` runs every one against the mock.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from mykaarma_core.openapi import operations, resolve

LANGUAGE = "Python"
LABEL = "Python (mykaarma)"
_INDENT = " " * 8


@dataclass(frozen=True)
class Example:
    """The example values of one operation: parameters by name, and the request body (None: none)."""

    parameters: Mapping[str, Any]
    body: Any


def _literal(value: Any, level: int = 2) -> str:
    """A JSON value as a Python literal laid out like ruff would, indented for nesting `level`."""
    inner, outer = "    " * (level + 1), "    " * level
    if isinstance(value, Mapping):
        if not value:
            return "{}"
        items = "".join(
            f"{inner}{json.dumps(key)}: {_literal(item, level + 1)},\n" for key, item in value.items()
        )
        return "{\n" + items + outer + "}"
    if isinstance(value, list):
        flat = "[" + ", ".join(_literal(item, level + 1) for item in value) + "]"
        if "\n" not in flat and len(flat) + len(inner) <= 100:
            return flat
        return "[\n" + "".join(f"{inner}{_literal(item, level + 1)},\n" for item in value) + outer + "]"
    if isinstance(value, bool) or value is None:
        return repr(value)
    return json.dumps(value)


def _body(example: Example) -> dict[str, Any]:
    if not isinstance(example.body, Mapping):
        raise ValueError("the operation's example has no object body")
    return dict(example.body)


def _call(resource: str, method: str, *arguments: str, **options: Any) -> str:
    parts = [
        *arguments,
        *(f"{name}={_literal(value)}" for name, value in options.items() if value is not None),
    ]
    joined = "".join(f"{_INDENT}{part},\n" for part in parts)
    return f"    result = client.{resource}.{method}(\n{joined}    )\n"


def _save_customer(method: str) -> Callable[[Example], str]:
    def sample(example: Example) -> str:
        body = _body(example)
        arguments = [_literal(example.parameters["departmentUUID"])]
        if method == "update":
            arguments.append(_literal(example.parameters["customerUuid"]))
        arguments.append(_literal(body["customer"]))
        extra = {
            "vehicles": body.get("vehicles"),
            "validate_vin": body.get("validateVin"),
            "requester_user_uuid": body.get("requesterUserUUID"),
            "dealer_uuids": body.get("dealerUUIDList"),
        }
        _only(
            body,
            {
                "customer",
                "vehicles",
                "validateVin",
                "requesterUserUUID",
                "dealerUUIDList",
                "searchForDuplicate",
            },
        )
        chosen = "create_or_update" if method == "create" and body.get("searchForDuplicate") else method
        return _call("customers", chosen, *arguments, **extra)

    return sample


def _only(body: Mapping[str, Any], used: set[str]) -> None:
    """Refuse an example whose body has a key the sample would leave out (the sample must show it)."""
    unused = sorted(set(body) - used)
    if unused:
        raise SystemExit(
            f"the sample would drop {unused} of the example: extend scripts/codegen/code_samples.py"
        )


def _search(example: Example) -> str:
    p = example.parameters
    return _call(
        "customers",
        "search",
        _literal(p["departmentUUID"]),
        _literal(p["searchTerm"]),
        fields=p.get("fieldsToBeSearched"),
        max_results=p.get("maxResults"),
        search_preference=p.get("searchPreference"),
        query_operator=p.get("queryOperator"),
    )


def _get_info(example: Example) -> str:
    body = _body(example)
    return _call(
        "customers",
        "get_info",
        _literal(example.parameters["customerUUID"]),
        requester_user_uuid=body["requesterUserUUID"],
        dealer_uuids=body["dealerUUIDList"],
        exclude_order_type=example.parameters.get("excludeOrderType"),
    )


#: operationId -> how its sample calls the client.
SAMPLES: Mapping[str, Callable[[Example], str]] = {
    "createCustomer": _save_customer("create"),
    "createCustomerViaPut": _save_customer("create"),
    "updateCustomer": _save_customer("update"),
    "readCustomer": lambda e: _call(
        "customers",
        "get",
        _literal(e.parameters["departmentUUID"]),
        _literal(e.parameters["customerUuid"]),
        exclude_vehicles=e.parameters.get("excludeVehicles"),
    ),
    "searchCustomers": _search,
    "getCustomer": _get_info,
    "createAppointmentWithTrip": lambda e: _call(
        "appointments", "create_with_trip", _literal(e.parameters["dealerUuid"]), _literal(_body(e))
    ),
    "updateAppointmentWithTrip": lambda e: _call(
        "appointments",
        "update_with_trip",
        _literal(e.parameters["dealerUuid"]),
        _literal(e.parameters["sarUUID"]),
        _literal(_body(e)),
        enforce_preferences=e.parameters.get("enforcePreferences"),
    ),
    "deleteAppointmentWithTrip": lambda e: _call(
        "appointments", "delete_with_trip", _literal(e.parameters["dealerUuid"]), _literal(_body(e))
    ),
    "getTripsForAppointment": lambda e: _call(
        "appointments", "trips", _literal(e.parameters["dealerUuid"]), _literal(_body(e)["sarUuid"])
    ),
    "getAppointment": lambda e: _call(
        "appointments",
        "get",
        _literal(e.parameters["departmentUuid"]),
        _literal(e.parameters["appointmentUuid"]),
    ),
}

_HEADER = (
    "from mykaarma import MyKaarma\n"
    "\n"
    "# credentials and base URL from MYKAARMA_USERNAME, MYKAARMA_PASSWORD and MYKAARMA_BASE_URL\n"
    "with MyKaarma() as client:\n"
)
_FOOTER = "    print(result)\n"


#: A comment for an operation the client reaches by another method.
NOTES: Mapping[str, str] = {
    "createCustomerViaPut": (
        "    # the client sends this as POST (createCustomer); PUT on the collection is deprecated\n"
    ),
}


def example_of(spec: Mapping[str, Any], definition: Mapping[str, Any], item: Mapping[str, Any]) -> Example:
    """The example values of one operation (`item` is its path item, for the shared parameters)."""
    parameters: dict[str, Any] = {}
    for raw in [*item.get("parameters", ()), *definition.get("parameters", ())]:
        parameter = resolve(spec, raw)
        if "example" in parameter:
            parameters[str(parameter["name"])] = parameter["example"]
    body: Any = None
    if "requestBody" in definition:
        media = resolve(spec, definition["requestBody"])["content"]["application/json"]
        if "example" in media:
            body = media["example"]
        elif media.get("examples"):
            body = resolve(spec, next(iter(media["examples"].values())))["value"]
    return Example(parameters, copy.deepcopy(body))


def samples(spec: Mapping[str, Any]) -> dict[str, str]:
    """operationId -> the Python sample of every operation of `spec`; an operation without one is an error."""
    found: dict[str, str] = {}
    for entry in operations(spec):
        operation_id = str(entry.operation_id)
        if operation_id not in SAMPLES:
            raise SystemExit(
                f"no Python sample for {operation_id}: add it to scripts/codegen/code_samples.py"
            )
        example = example_of(spec, entry.definition, entry.item)
        found[operation_id] = _HEADER + NOTES.get(operation_id, "") + SAMPLES[operation_id](example) + _FOOTER
    return found


def with_code_samples(spec: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of `spec` whose operations carry their Python sample in ``x-codeSamples``."""
    document = copy.deepcopy(dict(spec))
    made = samples(document)
    for entry in operations(document):
        definition = document["paths"][entry.path][entry.method]
        definition["x-codeSamples"] = [
            {"lang": LANGUAGE, "label": LABEL, "source": made[str(entry.operation_id)]}
        ]
    return document
