"""Customer matching for create-or-update (`searchForDuplicate=true`) and the normalisers it relies on.

Pure functions over plain values: no I/O and no state. The algorithm is DECISIONS D-MATCHING, which completes
the vendor's text (facts §4.2, pseudo-code in facts §8b); values follow D-PHONE-EMAIL, D-VIN and D-NAMES.
`match_customer` works on the records of one department, passed in by the caller:

1. Candidates: records sharing a normalised phone or e-mail with the input, plus records sharing a
   normalised VIN. The records passed in are filtered again, so extra ones are harmless. An input without
   phones, e-mails and VINs has no candidates, and `customerKey` alone never makes one. None ⇒ no match.
2. Name filter after NFKC, case folding and whitespace collapsing: a person input needs first **and** last
   name equal; a business input (`isBusiness` with a company) needs the company equal. None ⇒ no match;
   exactly one ⇒ that record.
3. `customerKey` filter, exact after trimming, only when the input has a key: exactly one ⇒ that record;
   none ⇒ keep the step-2 list; several ⇒ continue with them.
4. Keep the candidates that share both a communication (phone or e-mail) and a VIN with the input.
5. Outcome: exactly one ⇒ that record; several ⇒ the most recently updated of them; none ⇒ the most
   recently updated of the step-3 list. Most recent = largest `updated_seq`; ties ⇒ smallest `created_seq`,
   then smallest `customer_uuid`, so the result never depends on the order of the records passed in.

Each run returns a trace of all five steps (the uuids kept and a sentence); `MatchResult.explain` renders it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from .rules import present_text, strip_blank

_PHONE_PUNCTUATION: Final = re.compile(r"[\s\-.()]")
_NANP_E164: Final = re.compile(r"\+1[0-9]{10}")
_NOT_DIGIT: Final = re.compile(r"[^0-9]")
_EMAIL: Final = re.compile(r"[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+")
_VIN_SEPARATORS: Final = re.compile(r"[\s\-]")
_VIN_SHAPE: Final = re.compile(r"[A-HJ-NPR-Z0-9]{17}")
_VIN_LETTER_VALUES: Final = "A1 B2 C3 D4 E5 F6 G7 H8 J1 K2 L3 M4 N5 P7 R9 S2 T3 U4 V5 W6 X7 Y8 Z9"
_VIN_VALUES: Final[Mapping[str, int]] = {
    **{str(digit): digit for digit in range(10)},
    **{pair[0]: int(pair[1]) for pair in _VIN_LETTER_VALUES.split()},
}
_VIN_WEIGHTS: Final = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
_STEP_NAMES: Final[Mapping[int, str]] = {
    1: "candidates",
    2: "name",
    3: "customerKey",
    4: "communication and VIN",
    5: "outcome",
}


def normalize_phone(raw: str | None) -> str | None:
    """E.164 form `+1XXXXXXXXXX` of a North American number, or None (D-PHONE-EMAIL).

    Everything but digits and a leading `+` is dropped; then 10 digits get `+1`, 11 digits starting with 1
    get `+`, and `+1` with 10 digits stays as it is. Anything else is not a NANP number.
    """
    if raw is None:
        return None
    text = strip_blank(raw)
    digits = _NOT_DIGIT.sub("", text)
    if text.startswith("+"):
        return "+" + digits if len(digits) == 11 and digits.startswith("1") else None
    if len(digits) == 10:
        return "+1" + digits
    if len(digits) == 11 and digits.startswith("1"):
        return "+" + digits
    return None


def is_valid_phone_format(raw: str | None) -> bool:
    """D-PHONE-EMAIL: `+1` and exactly 10 digits once spaces, dashes, dots and round brackets are removed."""
    if raw is None:
        return False
    return _NANP_E164.fullmatch(_PHONE_PUNCTUATION.sub("", raw)) is not None


def normalize_email(raw: str | None) -> str | None:
    """Trimmed and lower-cased address, or None when it is not `local@domain.tld` (D-PHONE-EMAIL)."""
    if raw is None:
        return None
    text = strip_blank(raw).lower()
    return text if _EMAIL.fullmatch(text) else None


def normalize_vin(raw: str | None) -> str | None:
    """Upper-cased VIN without spaces and dashes (D-VIN); None when nothing is left."""
    if raw is None:
        return None
    return _VIN_SEPARATORS.sub("", raw).upper() or None


def is_valid_vin(vin: str) -> bool:
    """D-VIN: 17 characters of `[A-HJ-NPR-Z0-9]` and a correct North American check digit (position 9).

    The VIN is taken as given: pass it through `normalize_vin` first to accept lower case or separators.
    """
    if _VIN_SHAPE.fullmatch(vin) is None:
        return False
    remainder = sum(_VIN_VALUES[char] * weight for char, weight in zip(vin, _VIN_WEIGHTS, strict=True)) % 11
    return vin[8] == ("X" if remainder == 10 else str(remainder))


def normalize_name(raw: str | None) -> str:
    """Name as compared by D-MATCHING step 2: NFKC, case folded, whitespace collapsed and stripped."""
    if raw is None:
        return ""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", raw).casefold())
    return " ".join(folded.split())


@dataclass(frozen=True)
class CustomerRecord:
    """A stored customer as the matcher sees it; phones, e-mails and VINs normalised.

    Larger `updated_seq` / `created_seq` means more recent.
    """

    customer_uuid: str
    first_name: str | None
    last_name: str | None
    company: str | None
    is_business: bool
    customer_key: str | None
    phones: frozenset[str]
    emails: frozenset[str]
    vins: frozenset[str]
    updated_seq: int
    created_seq: int


@dataclass(frozen=True)
class MatchInput:
    """The incoming customer: phones, e-mails, VINs and customerKey normalised; names as sent."""

    first_name: str | None
    last_name: str | None
    company: str | None
    is_business: bool
    customer_key: str | None
    phones: frozenset[str]
    emails: frozenset[str]
    vins: frozenset[str]

    @classmethod
    def from_request(cls, body: Mapping[str, Any]) -> MatchInput:
        """Read a SaveCustomerRequest JSON dict; null entries and values that do not normalise are ignored."""
        customer = _mapping(body.get("customer"))
        return cls(
            first_name=_string(customer.get("firstName")),
            last_name=_string(customer.get("lastName")),
            company=_string(customer.get("company")),
            is_business=customer.get("isBusiness") is True,
            customer_key=_key(_string(customer.get("customerKey"))),
            phones=_collect(customer.get("phoneNumbers"), "phoneNumber", normalize_phone),
            emails=_collect(customer.get("emails"), "emailAddress", normalize_email),
            vins=_collect(body.get("vehicles"), "vin", normalize_vin),
        )


@dataclass(frozen=True)
class MatchStep:
    """One step of a run: its number and name, the uuids kept after it, and what happened."""

    number: int
    name: str
    candidates: tuple[str, ...]
    outcome: str


@dataclass(frozen=True)
class MatchResult:
    """The chosen record (None: create a new customer), where that was decided, and the trace of all steps."""

    customer: CustomerRecord | None
    decided_at: str
    trace: tuple[MatchStep, ...]

    def explain(self) -> str:
        """One line per step, then the result."""
        lines = [
            f"step {step.number} ({step.name}): kept {', '.join(step.candidates) or 'none'}; {step.outcome}"
            for step in self.trace
        ]
        chosen = self.customer.customer_uuid if self.customer else "no match, a new customer is created"
        lines.append(f"result: {chosen} (decided at {self.decided_at})")
        return "\n".join(lines)


def match_customer(incoming: MatchInput, candidates: Iterable[CustomerRecord]) -> MatchResult:
    """Run D-MATCHING over the department's `candidates` (see the module docstring for the steps).

    Raises ValueError when two different records carry the same `customer_uuid`.
    """
    records = _distinct(candidates)
    comms = _comms(incoming.phones, incoming.emails)
    vins = _normalised(incoming.vins, normalize_vin)
    shares_comm = {r.customer_uuid: not comms.isdisjoint(_comms(r.phones, r.emails)) for r in records}
    shares_vin = {r.customer_uuid: not vins.isdisjoint(_normalised(r.vins, normalize_vin)) for r in records}
    steps: list[MatchStep] = []

    def keep(number: int, kept: Sequence[CustomerRecord], outcome: str) -> None:
        steps.append(MatchStep(number, _STEP_NAMES[number], tuple(r.customer_uuid for r in kept), outcome))

    def decide(customer: CustomerRecord | None, decided_at: str) -> MatchResult:
        reached = len(steps)
        not_reached = f"not reached (decided at {decided_at.partition(':')[0]})"
        trace = [*steps, *(MatchStep(n, _STEP_NAMES[n], (), not_reached) for n in range(reached + 1, 6))]
        return MatchResult(customer, decided_at, tuple(trace))

    # D-MATCHING step 1: communications and VINs only; customerKey alone never makes a candidate.
    if not comms and not vins:
        keep(1, [], "the input has no phone, e-mail or VIN, so nothing can match")
        return decide(None, "step 1: the input has no phone, e-mail or VIN")
    pool = _by_recency(r for r in records if shares_comm[r.customer_uuid] or shares_vin[r.customer_uuid])
    keep(1, pool, f"{len(pool)} of the {len(records)} records passed share a phone, e-mail or VIN")
    if not pool:
        return decide(None, "step 1: no customer shares a phone, e-mail or VIN")

    # D-MATCHING step 2 with D-NAMES: business input compares the company, person input first and last name.
    business = incoming.is_business and normalize_name(incoming.company) != ""
    by_name = [r for r in pool if _same_name(incoming, r, business=business)]
    compared = "company" if business else "first and last name"
    keep(2, by_name, f"{len(by_name)} candidate(s) have the same {compared}")
    if not by_name:
        return decide(None, "step 2: no candidate has the same name")
    if len(by_name) == 1:
        return decide(by_name[0], "step 2: exactly one candidate has the same name")

    # D-MATCHING step 3: customerKey, exact after trimming, narrows but never empties the list.
    key = _key(incoming.customer_key)
    by_key = [] if key is None else [r for r in by_name if _key(r.customer_key) == key]
    if key is None:
        listed = by_name
        keep(3, listed, "the input has no customerKey; the step-2 list is kept")
    elif len(by_key) == 1:
        keep(3, by_key, "exactly one candidate has the same customerKey")
        return decide(by_key[0], "step 3: exactly one candidate has the same customerKey")
    elif not by_key:
        listed = by_name
        keep(3, listed, "no candidate has the same customerKey; the step-2 list is kept")
    else:
        listed = by_key
        keep(3, listed, f"{len(listed)} candidates have the same customerKey; continuing with them")

    # D-MATCHING step 4: both a shared communication and a shared VIN.
    both = [r for r in listed if shares_comm[r.customer_uuid] and shares_vin[r.customer_uuid]]
    keep(4, both, f"{len(both)} candidate(s) share both a communication and a VIN")

    # D-MATCHING outcome after step 4; lists are sorted most recent first (ties: earliest created).
    if len(both) == 1:
        keep(5, both, "the only candidate left after step 4")
        return decide(both[0], "outcome: exactly one candidate shares both a communication and a VIN")
    if both:
        keep(5, both[:1], f"the most recently updated of the {len(both)} candidates left after step 4")
        return decide(both[0], "outcome: most recently updated of the candidates sharing both")
    keep(5, listed[:1], f"none left after step 4; the most recently updated of the {len(listed)} in step 3")
    return decide(listed[0], "outcome: none shares both; most recently updated of the step-3 list")


def _same_name(incoming: MatchInput, record: CustomerRecord, *, business: bool) -> bool:
    """D-MATCHING step 2 / D-NAMES: blank names never match anything."""
    if business:
        company = normalize_name(incoming.company)
        return company != "" and company == normalize_name(record.company)
    first, last = normalize_name(incoming.first_name), normalize_name(incoming.last_name)
    return (
        first != ""
        and last != ""
        and first == normalize_name(record.first_name)
        and last == normalize_name(record.last_name)
    )


def _by_recency(records: Iterable[CustomerRecord]) -> list[CustomerRecord]:
    """Most recently updated first; ties: earliest created, then smallest uuid (D-MATCHING outcome)."""
    return sorted(records, key=lambda r: (-r.updated_seq, r.created_seq, r.customer_uuid))


def _distinct(records: Iterable[CustomerRecord]) -> list[CustomerRecord]:
    by_uuid: dict[str, CustomerRecord] = {}
    for record in records:
        seen = by_uuid.setdefault(record.customer_uuid, record)
        if seen != record:
            raise ValueError(f"two different records have customer_uuid {record.customer_uuid!r}")
    return list(by_uuid.values())


def _comms(phones: Iterable[str], emails: Iterable[str]) -> frozenset[str]:
    """Normalised phones and e-mails in one set; they cannot collide (`+digits` vs `local@domain`)."""
    return _normalised(phones, normalize_phone) | _normalised(emails, normalize_email)


def _normalised(values: Iterable[str], normalizer: Callable[[str | None], str | None]) -> frozenset[str]:
    return frozenset(value for raw in values if (value := normalizer(raw)) is not None)


def _key(raw: str | None) -> str | None:
    """customerKey as compared in D-MATCHING step 3: trimmed; blank counts as absent."""
    return present_text(raw)


def _string(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _collect(items: object, field: str, normalizer: Callable[[str | None], str | None]) -> frozenset[str]:
    """Normalised `field` of every object in a JSON list; null entries and unusable values are skipped."""
    if not isinstance(items, list | tuple):
        return frozenset()
    raw = (_string(_mapping(item).get(field)) for item in items)
    return frozenset(value for text in raw if (value := normalizer(text)) is not None)
