"""Schemathesis hooks of the fuzz runs: `make fuzz`, `make fuzz-sandbox` and tests/fuzz.

`schemathesis.toml` loads this module by name (``hooks = "scripts.fuzz.hooks"``): the runners put the
repository on the path of the schemathesis process, tests/fuzz import it as such; one module name means one
registration. Its data
come from the run's identities document, the Web Fuzzing Commons auth file named by
``MYKAARMA_FUZZ_IDENTITIES`` and written by ``scripts.fuzz.run`` or ``scripts.fuzz.sandbox``: next to each
identity's credentials it holds that identity's tenant (``x-mykaarma-tenant``: dealer, departments,
associates, and customers and trips created for the run beforehand), and the document names its profile
(``x-mykaarma-profile``: ``mock`` or ``sandbox``). Without that variable the hooks change nothing.

1. **Valid data is valid for the tenant** (positive cases). JSON Schema cannot say that a body's
   ``dealerUUID`` equals the path's ``dealerUuid``, that a department belongs to that dealer, that a user
   uuid names one of its associates, that a customer or a linked trip exists, that an appointment ends after
   it starts, that an update's ``eventUUID`` equals its ``tripUUID``, that two drivers or two loaners differ,
   or that a VIN's check digit is right (D-CONSISTENCY, D-END-TIME, D-TRIP-UUID, D-VIN and the
   ``equalsField`` x-rules). A schema-valid request breaking one of them is refused with 400, which
   ``positive_data_acceptance`` reports as a failure. So each positive case gets the owner's dealer,
   departments, associates, customer and trip in exactly those fields, the documented relations between
   fields are made to hold, and everything else stays as generated; negative cases keep their generated
   values. The replaced-appointment query parameters of ``createAppointmentWithTrip`` are left out of
   positive cases: their only valid values name an appointment that the create then deletes. Every other
   positive read of one record reads a record created for the run, so that reads reach stored data in every
   phase; the rest of the identifiers that name the record an operation reads, changes or deletes are left to
   the generator and to the stateful phase's links. In the stateful phase every case is made consistent,
   negative ones too: a link may overwrite the value that made a case negative (see `is_made_consistent`).
2. **Writes only to records that may change** (every case, positive or negative). On the mock, the records
   created for the run beforehand are reference data: an identifier of one of them in the place of a record
   to update, delete or replace becomes one that cannot exist (``fuzz-absent-…``). In a sandbox, every such
   identifier does, even in reads (an undocumented method on the same path could write); references to
   customers get the run's own customer, linked trips and appointments become absent ones, and
   ``searchForDuplicate: true`` (which may update a matching stored customer) becomes ``false``.
3. **Links come last.** In the stateful phase, values a link fixed for a case (identifiers of records the
   run created) are left alone; schemathesis merges a link's request body after these hooks, so the
   ``before_call`` hook makes an update's ``eventUUID`` follow the ``tripUUID`` the link put there.
   The guard in ``scripts/fuzz/sandbox.py`` checks every sandbox request again before it leaves the machine.
"""

from __future__ import annotations

import copy
import functools
import json
import os
import zlib
from collections.abc import Callable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import schemathesis
import yaml
from schemathesis import GenerationMode
from schemathesis.generation.case import Case as GeneratedCase
from schemathesis.generation.meta import TestPhase
from schemathesis.generation.overrides import Override

from mykaarma_core.matching import is_valid_vin as vin_has_check_digit
from mykaarma_core.matching import normalize_vin
from mykaarma_core.rules import is_blank
from mykaarma_core.times import LOCAL_DATETIME_RE, LOCAL_FORMAT, TIME_RE, end_of, parsed
from scripts._tools import BUNDLE

IDENTITIES_ENV = "MYKAARMA_FUZZ_IDENTITIES"
OWNER = "owner"
PEER = "peer"
TENANT_KEY = "x-mykaarma-tenant"
PROFILE_KEY = "x-mykaarma-profile"
ABSENT_PREFIX = "fuzz-absent-"
_TIME_FORMAT = "%H:%M:%S"

# Valid VINs (17 characters of [A-HJ-NPR-Z0-9] with a correct check digit, D-VIN).
VALID_VINS: tuple[str, ...] = (
    "1HGCM82633A004352",
    "1M8GDM9AXKP042788",
    "2T1BURHE0JC014702",
    "3VWFE21C04M000001",
    "1G1ZT53826F109149",
    "11111111111111111",
)
_VEHICLE_RIDES = ("PICKUP_VEHICLE", "DROPOFF_VEHICLE")

JsonObject = MutableMapping[str, Any]


@dataclass(frozen=True)
class Tenant:
    """The identifiers an identity may use: its dealer and what the run created for it beforehand.

    The customers and appointments were created in the first department, each appointment with a live trip.
    """

    dealer: str
    departments: tuple[str, ...]
    associates: tuple[str, ...]
    customers: tuple[str, ...] = ()
    appointments: tuple[str, ...] = ()
    trips: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Tenant:
        return cls(
            dealer=str(data["dealer"]),
            departments=tuple(str(item) for item in data["departments"]),
            associates=tuple(str(item) for item in data["associates"]),
            customers=tuple(str(item) for item in data.get("customers", ())),
            appointments=tuple(str(item) for item in data.get("appointments", ())),
            trips=tuple(str(item) for item in data.get("trips", ())),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "dealer": self.dealer,
            "departments": list(self.departments),
            "associates": list(self.associates),
            "customers": list(self.customers),
            "appointments": list(self.appointments),
            "trips": list(self.trips),
        }


@dataclass(frozen=True)
class FuzzProfile:
    """What the hooks need: the owner's tenant and whether the target is a shared sandbox."""

    tenant: Tenant
    sandbox: bool = False


@dataclass(frozen=True)
class Identity:
    """One entry of the identities document."""

    name: str
    username: str
    password: str = field(repr=False)
    tenant: Tenant | None = None


def basic_authorization(username: str, password: str) -> str:
    """The ``Authorization`` header value of HTTP Basic (D-AUTH)."""
    import base64

    token = base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
    return f"Basic {token}"


def identities_document(identities: Sequence[Identity], *, sandbox: bool) -> dict[str, Any]:
    """A Web Fuzzing Commons auth document with each identity's tenant (see the module docstring)."""
    entries: list[dict[str, Any]] = []
    for identity in identities:
        entry: dict[str, Any] = {
            "name": identity.name,
            "fixedHeaders": [
                {"name": "Authorization", "value": basic_authorization(identity.username, identity.password)}
            ],
        }
        if identity.tenant is not None:
            entry[TENANT_KEY] = identity.tenant.to_json()
        entries.append(entry)
    return {"schemaVersion": "0.2.0", PROFILE_KEY: "sandbox" if sandbox else "mock", "auth": entries}


def write_identities(path: Path, identities: Sequence[Identity], *, sandbox: bool) -> Path:
    """Write the identities document readable by its owner only (it holds credentials)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(identities_document(identities, sandbox=sandbox), handle, indent=2)
    return path


def load_profile(path: Path) -> FuzzProfile:
    """The owner's tenant and the profile of an identities document."""
    document = json.loads(path.read_text(encoding="utf-8"))
    owner = next(entry for entry in document["auth"] if entry["name"] == OWNER)
    return FuzzProfile(Tenant.from_json(owner[TENANT_KEY]), sandbox=document.get(PROFILE_KEY) == "sandbox")


_profiles: dict[str, FuzzProfile] = {}


def current_profile() -> FuzzProfile | None:
    """The profile of the document named by ``MYKAARMA_FUZZ_IDENTITIES``, read once per path."""
    location = os.environ.get(IDENTITIES_ENV)
    if not location:
        return None
    if location not in _profiles:
        _profiles[location] = load_profile(Path(location))
    return _profiles[location]


# ------------------------------------------------------------------------------------------------------
# Small helpers


def is_present(value: Any) -> bool:
    """What x-rules call present: not null and not a blank string (`mykaarma_core.rules.is_blank`)."""
    return value is not None and not (isinstance(value, str) and is_blank(value))


def pick(options: Sequence[str], seed: Any) -> str:
    """One of `options`, chosen by a stable hash of `seed` (the same generated input picks the same one)."""
    return options[zlib.crc32(repr(seed).encode("utf-8", "surrogatepass")) % len(options)]


def absent_id(seed: Any) -> str:
    """An identifier no server holds: it names nothing, so a write to it can only be refused."""
    return f"{ABSENT_PREFIX}{zlib.crc32(repr(seed).encode('utf-8', 'surrogatepass')):08x}"


def is_valid_vin(raw: Any) -> bool:
    """D-VIN after the server's normalisation (separators removed, upper case)."""
    vin = normalize_vin(raw) if isinstance(raw, str) else None
    return vin is not None and vin_has_check_digit(vin)


def _object(container: Any, key: str) -> JsonObject | None:
    value = container.get(key) if isinstance(container, MutableMapping) else None
    return value if isinstance(value, MutableMapping) else None


# ------------------------------------------------------------------------------------------------------
# 1. Positive cases: tenant-consistent values and the relations JSON Schema cannot state


def _fix_associates(holder: JsonObject, keys: Sequence[str], tenant: Tenant) -> None:
    for key in keys:
        if is_present(holder.get(key)):
            holder[key] = pick(tenant.associates, (key, holder[key]))


def _fix_event(event: JsonObject, wrapper: JsonObject, tenant: Tenant) -> None:
    """A trip event of the tenant's dealer (D-CONSISTENCY; facts §4.3 rules 18-23)."""
    event["dealerUUID"] = tenant.dealer
    listed = wrapper.get("dealerDepartmentUUIDList")
    department = listed[0] if isinstance(listed, list) and listed else pick(tenant.departments, event)
    event["dealerDepartmentUUID"] = department
    if is_present(event.get("customerUUID")) and tenant.customers:
        event["customerUUID"] = pick(tenant.customers, event["customerUUID"])
    _fix_associates(event, ("assignedByDealerAssociateUUID", "serviceAdvisorUUID"), tenant)
    # trip-drivers-distinct: two different associates when both drivers are sent.
    if is_present(event.get("primaryDriverUUID")):
        event["primaryDriverUUID"] = tenant.associates[0]
    if is_present(event.get("secondaryDriverUUID")):
        event["secondaryDriverUUID"] = tenant.associates[1] if len(tenant.associates) > 1 else None
    # trip-loaner-swap-distinct.
    loaner, swapped = event.get("loanerVehicleUuid"), event.get("swappedLoanerVehicleUuid")
    if event.get("rideType") == "LOANER_SWAP" and is_present(swapped) and swapped == loaner:
        event["swappedLoanerVehicleUuid"] = f"{swapped}-swap"
    linked = event.get("linkedTripUuids")
    if isinstance(linked, list) and linked:
        event["linkedTripUuids"] = list(tenant.trips[: len(linked)]) or None


def _fix_wrapper(wrapper: JsonObject, tenant: Tenant) -> None:
    """Requester and departments of the trip wrapper; the event's department is the first one listed."""
    _fix_associates(wrapper, ("requesterUserUUID",), tenant)
    listed = wrapper.get("dealerDepartmentUUIDList")
    if isinstance(listed, list):
        wrapper["dealerDepartmentUUIDList"] = [
            pick(tenant.departments, (index, item)) for index, item in enumerate(listed)
        ]
    event = _object(wrapper, "pickupDeliveryTripEvent")
    if event is not None:
        _fix_event(event, wrapper, tenant)


def _fix_create_times(info: JsonObject) -> None:
    """D-END-TIME: an end that does not follow the start is dropped (the server then derives it)."""
    start = parsed(info.get("appointmentStartDateTime"), LOCAL_DATETIME_RE, LOCAL_FORMAT)
    end = parsed(info.get("appointmentEndDateTime"), LOCAL_DATETIME_RE, LOCAL_FORMAT)
    if start is not None and end is not None and end_of(start, end) is None:
        info["appointmentEndDateTime"] = None


def _fix_update_times(info: JsonObject) -> None:
    """D-END-TIME on A2: the end time is on the start's day, so it must be later on that day."""
    start = parsed(info.get("appointmentStartTime"), TIME_RE, _TIME_FORMAT)
    end = parsed(info.get("appointmentEndTime"), TIME_RE, _TIME_FORMAT)
    if start is not None and end is not None and end_of(start, end) is None:
        info["appointmentEndTime"] = None


def _fix_vehicles(body: JsonObject) -> None:
    """D-VIN: with ``validateVin: true`` every sent VIN must be valid, check digit included."""
    if body.get("validateVin") is not True or not isinstance(body.get("vehicles"), list):
        return
    for vehicle in body["vehicles"]:
        if (
            isinstance(vehicle, MutableMapping)
            and is_present(vehicle.get("vin"))
            and not is_valid_vin(vehicle["vin"])
        ):
            vehicle["vin"] = pick(VALID_VINS, vehicle["vin"])


def _fix_create_appointment(body: JsonObject, tenant: Tenant) -> None:
    wrapper = _object(body, "savePickupDeliveryTripEventRequest")
    if wrapper is not None:
        _fix_wrapper(wrapper, tenant)
    request = _object(body, "createAppointmentWithTripRequest")
    if request is None:
        return
    if tenant.customers:
        request["customerUuid"] = pick(tenant.customers, request.get("customerUuid"))
    info = _object(request, "appointmentInformation")
    if info is not None:
        _fix_associates(info, ("userUuid",), tenant)
        _fix_create_times(info)


def _fix_update_appointment(body: JsonObject, tenant: Tenant) -> None:
    wrapper = _object(body, "updatePickupDeliveryTripEventRequest")
    if wrapper is not None:
        _fix_wrapper(wrapper, tenant)
    request = _object(body, "updateAppointmentForTripRequest")
    if request is None:
        return
    info = _object(request, "appointmentInformation")
    if info is not None:
        _fix_associates(info, ("userUuid",), tenant)
        _fix_update_times(info)
    align_trip_uuids(body)


def align_trip_uuids(body: Any) -> None:
    """D-TRIP-UUID: in the update scenario (event and ``tripUUID``) the event names the metadata's trip."""
    metadata = _object(_object(body, "updateAppointmentForTripRequest"), "pickupDeliveryTripMetadata")
    event = _object(_object(body, "updatePickupDeliveryTripEventRequest"), "pickupDeliveryTripEvent")
    if event is not None and metadata is not None and is_present(metadata.get("tripUUID")):
        event["eventUUID"] = metadata["tripUUID"]


def _fix_delete_appointment(body: JsonObject, tenant: Tenant) -> None:
    if body.get("dealerUuid") is not None:
        body["dealerUuid"] = tenant.dealer
    listed = body.get("dealerDepartmentUUIDList")
    if isinstance(listed, list) and listed:
        listed[0] = pick(tenant.departments, listed[0])
    if body.get("updatedByDeptUUID") is not None:
        body["updatedByDeptUUID"] = pick(tenant.departments, body["updatedByDeptUUID"])
    _fix_associates(body, ("requesterUuid", "updatedByDAUUID"), tenant)


def _fix_get_customer(body: JsonObject, tenant: Tenant) -> None:
    if isinstance(body.get("dealerUUIDList"), list):
        body["dealerUUIDList"] = [tenant.dealer]


def _fix_get_trips(body: JsonObject, tenant: Tenant) -> None:
    if tenant.appointments and _every_other(body.get("sarUuid")):
        body["sarUuid"] = pick(tenant.appointments, body.get("sarUuid"))


BodyFixer = Callable[[JsonObject, Tenant], None]

BODY_FIXERS: Mapping[str, BodyFixer] = {
    "createCustomer": lambda body, tenant: _fix_vehicles(body),
    "createCustomerViaPut": lambda body, tenant: _fix_vehicles(body),
    "updateCustomer": lambda body, tenant: _fix_vehicles(body),
    "getCustomer": _fix_get_customer,
    "createAppointmentWithTrip": _fix_create_appointment,
    "updateAppointmentWithTrip": _fix_update_appointment,
    "deleteAppointmentWithTrip": _fix_delete_appointment,
    "getTripsForAppointment": _fix_get_trips,
}

# Reads of one record: every other positive case reads a record created for the run, in its department,
# so that reads reach stored data in every phase, not only in the stateful one.
READ_TARGETS: Mapping[str, tuple[str, str | None, str]] = {
    # operationId: (record path parameter, its department path parameter, Tenant attribute)
    "readCustomer": ("customerUuid", "departmentUUID", "customers"),
    "getCustomer": ("customerUUID", None, "customers"),
    "getAppointment": ("appointmentUuid", "departmentUuid", "appointments"),
}

# Path parameters naming the tenant (not a record): the dealer or department of the request.
TENANT_PATH_PARAMETERS = ("dealerUuid", "departmentUUID", "departmentUuid")


def _every_other(seed: Any) -> bool:
    return zlib.crc32(repr(seed).encode("utf-8", "surrogatepass")) % 2 == 0


# Query parameters whose only valid values name an existing appointment, which the create then deletes
# (D-ENFORCE-PREFERENCES): a generated value names none, so positive cases leave them out.
REPLACED_APPOINTMENT_PARAMETERS = ("mobileServiceApptUuid", "regularServiceApptUuid")


def make_consistent(
    operation_id: str, path: JsonObject | None, query: JsonObject | None, body: Any, tenant: Tenant
) -> None:
    """Give a positive case the owner's dealer and department, and make its body valid for them."""
    if query is not None and operation_id == "createAppointmentWithTrip":
        for name in REPLACED_APPOINTMENT_PARAMETERS:
            query.pop(name, None)
    if path is not None:
        for name in TENANT_PATH_PARAMETERS:
            if name == "dealerUuid" and name in path:
                path[name] = tenant.dealer
            elif name in path:
                path[name] = pick(tenant.departments, path[name])
        target = READ_TARGETS.get(operation_id)
        if target is not None:
            record, department, attribute = target
            records: tuple[str, ...] = getattr(tenant, attribute)
            if records and record in path and _every_other(path[record]):
                path[record] = pick(records, path[record])
                if department is not None:
                    path[department] = tenant.departments[0]
    fixer = BODY_FIXERS.get(operation_id)
    if fixer is not None and isinstance(body, MutableMapping):
        fixer(body, tenant)
    keep_within_request_limits(body)


@functools.cache
def _max_array_items() -> int:
    """``maxArrayItems`` of the spec's ``x-request-limits`` (D-REQUEST-LIMITS)."""
    document = yaml.safe_load(BUNDLE.read_text(encoding="utf-8"))
    return int(document["x-request-limits"]["maxArrayItems"])


def keep_within_request_limits(value: Any) -> None:
    """Cut every array of a positive case to the spec's ``maxArrayItems`` (D-REQUEST-LIMITS).

    The spec bounds every array of every body in ``x-request-limits``, an extension schemathesis does not read
    (JSON Schema would need a ``maxItems`` on each array), so a generated array may be longer; the server
    refuses such a body with 400 by design. A cut array keeps its first items, so ``minItems`` still holds.
    """
    limit = _max_array_items()
    stack = [value]
    while stack:
        current = stack.pop()
        if isinstance(current, MutableMapping):
            stack.extend(current.values())
        elif isinstance(current, list):
            del current[limit:]
            stack.extend(current)


# ------------------------------------------------------------------------------------------------------
# 2. Writes only to records that may change


# Where each write operation names the record it changes, deletes or replaces:
# (location, dotted path) with location "path", "query" or "body".
WRITE_TARGETS: Mapping[str, tuple[tuple[str, str], ...]] = {
    "updateCustomer": (("path", "customerUuid"),),
    "updateAppointmentWithTrip": (
        ("path", "sarUUID"),
        ("body", "updateAppointmentForTripRequest.pickupDeliveryTripMetadata.tripUUID"),
        ("body", "updatePickupDeliveryTripEventRequest.pickupDeliveryTripEvent.eventUUID"),
    ),
    "deleteAppointmentWithTrip": (("body", "appointmentUuid"), ("body", "tripUuid")),
    # D-ENFORCE-PREFERENCES: the appointments these name are deleted once the new one is created.
    "createAppointmentWithTrip": (("query", "mobileServiceApptUuid"), ("query", "regularServiceApptUuid")),
}
# Path parameters naming one record; in a sandbox even a read names none it did not create, since an
# undocumented method on the same path (unsupported_method) could change it.
RECORD_PATH_PARAMETERS = ("customerUuid", "customerUUID", "sarUUID", "appointmentUuid")
_EVENT_PATHS = (
    "savePickupDeliveryTripEventRequest.pickupDeliveryTripEvent",
    "updatePickupDeliveryTripEventRequest.pickupDeliveryTripEvent",
)


def _holder(containers: Mapping[str, Any], location: str, dotted: str) -> tuple[JsonObject | None, str]:
    """The object holding the last key of `dotted` in the container of `location`, and that key."""
    *parents, key = dotted.split(".")
    holder = containers.get(location)
    for parent in parents:
        holder = _object(holder, parent)
    return (holder if isinstance(holder, MutableMapping) else None), key


def _replace_if(holder: JsonObject | None, key: str, guarded: Callable[[Any], bool]) -> None:
    if holder is not None and is_present(holder.get(key)) and guarded(holder[key]):
        holder[key] = absent_id((key, holder[key]))


def _own_customer(value: Any, tenant: Tenant) -> str:
    return pick(tenant.customers, value) if tenant.customers else absent_id(value)


def protect_records(
    operation_id: str,
    path: JsonObject | None,
    query: JsonObject | None,
    body: Any,
    tenant: Tenant,
    *,
    sandbox: bool,
) -> None:
    """Replace every identifier of a record that must not change with one that cannot exist.

    On the mock, the records created for the run beforehand must not change: valid requests refer to them
    (a deleted trip would make every later ``linkedTripUuids`` invalid). In a sandbox no record may change
    that the run did not create: every target identifier is replaced (the stateful phase's links put the
    run's own back), and references to other records point to the run's own customer or to nothing.
    """
    reserved = {*tenant.customers, *tenant.appointments, *tenant.trips}

    def guarded(value: Any) -> bool:
        return sandbox or (isinstance(value, str) and value in reserved)

    containers = {"path": path, "query": query, "body": body}
    for location, dotted in WRITE_TARGETS.get(operation_id, ()):
        _replace_if(*_holder(containers, location, dotted), guarded)
    if not sandbox:
        return
    for name in RECORD_PATH_PARAMETERS:
        _replace_if(path, name, guarded)
    if not isinstance(body, MutableMapping):
        return
    if operation_id in ("createCustomer", "createCustomerViaPut", "updateCustomer"):
        # D-SEARCH-FOR-DUPLICATE: true may update a stored customer that matches.
        if body.get("searchForDuplicate") is True:
            body["searchForDuplicate"] = False
        _replace_if(_object(body, "customer"), "customerUuid", guarded)
        for vehicle in body.get("vehicles") or []:
            _replace_if(vehicle if isinstance(vehicle, MutableMapping) else None, "vehicleUuid", guarded)
    for event_path in _EVENT_PATHS:
        event, _ = _holder(containers, "body", f"{event_path}.eventUUID")
        if event is None:
            continue
        if is_present(event.get("customerUUID")):
            event["customerUUID"] = _own_customer(event["customerUUID"], tenant)
        linked = event.get("linkedTripUuids")
        if isinstance(linked, list) and linked:
            event["linkedTripUuids"] = [absent_id(item) for item in linked]
        _replace_if(event, "linkedAppointmentUuid", guarded)
    request = _object(body, "createAppointmentWithTripRequest")
    if request is not None and is_present(request.get("customerUuid")):
        request["customerUuid"] = _own_customer(request["customerUuid"], tenant)


# ------------------------------------------------------------------------------------------------------
# The hook


def prepare_case(
    operation_id: str,
    positive: bool,
    path: JsonObject | None,
    query: JsonObject | None,
    body: Any,
    profile: FuzzProfile,
) -> None:
    """Everything this module does to one generated case, on plain containers (see the module docstring)."""
    protect_records(operation_id, path, query, body, profile.tenant, sandbox=profile.sandbox)
    if positive:
        make_consistent(operation_id, path, query, body, profile.tenant)


def is_made_consistent(phase: TestPhase, mode: GenerationMode) -> bool:
    """Whether a generated case gets the tenant's values: positive ones, and every case of the stateful phase.

    A link's values are merged into a stateful case after this module ran; when they replace the very values
    that made the case negative, schemathesis judges it again and finds it positive, so a stateful case must
    already be valid for the tenant wherever the link leaves the generated value (a DELETE whose
    ``updatedByDeptUUID`` stayed generated was refused with 400 as a "schema-valid request rejected").
    """
    return mode == GenerationMode.POSITIVE or phase == TestPhase.STATEFUL


def _prepare(context: schemathesis.HookContext, case: GeneratedCase[Any], *, example: bool) -> None:
    profile = current_profile()
    if profile is None or context.operation is None:
        return
    operation_id = str(context.operation.definition.raw.get("operationId", ""))
    meta = case.meta
    positive = example or (meta is not None and is_made_consistent(meta.phase.name, meta.generation.mode))
    # Generated cases may share nested objects (the coverage phase builds its cases from one template and
    # sends them only after all are built), so each case gets containers of its own before they change.
    if isinstance(case.body, (dict, list)):
        case.body = copy.deepcopy(case.body)
    # In the stateful phase, path and query values fixed for the case come from a link: they name records
    # the run created, and stay as they are.
    linked = Override() if meta is None or meta.phase.name != TestPhase.STATEFUL else case._override
    _apply(
        case,
        linked,
        lambda path, query: prepare_case(operation_id, positive, path, query, case.body, profile),
    )
    if positive or example:
        return
    # Protecting records may replace the very value that made a case negative; schemathesis then judges it
    # again (reading `case.meta`) and expects it accepted, so it must be valid for the tenant too.
    meta = case.meta
    if meta is not None and meta.generation.mode.is_positive:
        _apply(
            case,
            linked,
            lambda path, query: make_consistent(operation_id, path, query, case.body, profile.tenant),
        )


def _apply(
    case: GeneratedCase[Any], linked: Override, change: Callable[[JsonObject, JsonObject], None]
) -> None:
    """Run `change` on the case's path and query values a link did not fix, and on its body."""
    path = {k: v for k, v in (case.path_parameters or {}).items() if k not in linked.path_parameters}
    query = {k: v for k, v in (case.query or {}).items() if k not in linked.query}
    change(path, query)
    if case.path_parameters is not None:
        fixed = {k: v for k, v in case.path_parameters.items() if k in linked.path_parameters}
        case.path_parameters = {**path, **fixed}
    if case.query is not None:
        case.query = {**query, **{k: v for k, v in case.query.items() if k in linked.query}}


@schemathesis.hook
def before_add_examples(context: schemathesis.HookContext, examples: list[GeneratedCase[Any]]) -> None:
    """The examples phase takes the spec's examples as they are; they are valid, so prepare them as such."""
    for case in examples:
        _prepare(context, case, example=True)


@schemathesis.hook
def before_call(context: schemathesis.HookContext, case: GeneratedCase[Any], kwargs: dict[str, Any]) -> None:
    """After the stateful phase's links: the link to an update names the new trip, so the event must too."""
    meta = case.meta
    operation = context.operation
    if current_profile() is None or operation is None or meta is None or not meta.generation.mode.is_positive:
        return
    if operation.definition.raw.get("operationId") == "updateAppointmentWithTrip":
        align_trip_uuids(case.body)


@schemathesis.hook
def map_case(context: schemathesis.HookContext, case: GeneratedCase[Any]) -> GeneratedCase[Any]:
    """Apply `prepare_case` to every generated case (coverage, fuzzing, stateful; links come afterwards)."""
    _prepare(context, case, example=False)
    return case
