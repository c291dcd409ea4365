"""Customer matching (D-MATCHING, facts §4.2) and its normalisers (D-PHONE-EMAIL, D-VIN, D-NAMES)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pytest

from mykaarma_core.matching import (
    CustomerRecord,
    MatchInput,
    MatchResult,
    is_valid_phone_format,
    is_valid_vin,
    match_customer,
    normalize_email,
    normalize_name,
    normalize_phone,
    normalize_vin,
)

PHONE = "+13105550147"
OTHER_PHONE = "+12135550100"
EMAIL = "jane.doe@example.com"
VIN_A = "1HGCM82633A004352"
VIN_B = "1M8GDM9AXKP042788"
VIN_C = "5GZCZ43D13S812715"
STEP_NAMES = ("candidates", "name", "customerKey", "communication and VIN", "outcome")


def record(
    uuid: str,
    *,
    first: str | None = "Jane",
    last: str | None = "Doe",
    company: str | None = None,
    is_business: bool = False,
    key: str | None = None,
    phones: Iterable[str] = (),
    emails: Iterable[str] = (),
    vins: Iterable[str] = (),
    updated: int = 1,
    created: int = 1,
) -> CustomerRecord:
    return CustomerRecord(
        customer_uuid=uuid,
        first_name=first,
        last_name=last,
        company=company,
        is_business=is_business,
        customer_key=key,
        phones=frozenset(phones),
        emails=frozenset(emails),
        vins=frozenset(vins),
        updated_seq=updated,
        created_seq=created,
    )


def person(
    first: str | None = "Jane",
    last: str | None = "Doe",
    *,
    key: str | None = None,
    phones: Iterable[str] = (),
    emails: Iterable[str] = (),
    vins: Iterable[str] = (),
) -> MatchInput:
    return MatchInput(
        first_name=first,
        last_name=last,
        company=None,
        is_business=False,
        customer_key=key,
        phones=frozenset(phones),
        emails=frozenset(emails),
        vins=frozenset(vins),
    )


def business(
    company: str | None, *, first: str | None = None, last: str | None = None, **kw: Any
) -> MatchInput:
    base = person(first, last, **kw)
    return MatchInput(
        first_name=base.first_name,
        last_name=base.last_name,
        company=company,
        is_business=True,
        customer_key=base.customer_key,
        phones=base.phones,
        emails=base.emails,
        vins=base.vins,
    )


def request(
    *,
    phones: Iterable[Any] = (),
    emails: Iterable[Any] = (),
    vins: Iterable[Any] = (),
    **customer: Any,
) -> dict[str, Any]:
    """A SaveCustomerRequest body; `phones`/`emails`/`vins` are raw values (None = a null list entry)."""
    return {
        "customer": {
            "firstName": "Jane",
            "lastName": "Doe",
            **customer,
            "phoneNumbers": [
                None if p is None else {"phoneNumber": p, "label": "cell", "okToCall": True} for p in phones
            ],
            "emails": [None if e is None else {"emailAddress": e, "label": "home"} for e in emails],
        },
        "vehicles": [None if v is None else {"vin": v} for v in vins],
        "searchForDuplicate": True,
    }


def uuid_of(result: MatchResult) -> str | None:
    return result.customer.customer_uuid if result.customer else None


# --- normalisers and validators ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "+1 (310) 555-0147",
        "310.555.0147",
        "13105550147",
        "3105550147",
        "+13105550147",
        "  +1-310-555-0147  ",
        "(310) 555 0147",
        "1 310 555 0147",
    ],
)
def test_normalize_phone_gives_e164(raw: str) -> None:
    assert normalize_phone(raw) == PHONE


@pytest.mark.parametrize(
    "raw",
    [
        None,
        "",
        "   ",
        "555-0147",
        "23105550147",  # 11 digits not starting with 1
        "+3105550147",  # "+" then 10 digits: another country code
        "+44 20 7946 0958",
        "+1 310 555 01470",
        "310-555-0147 ext 12",
    ],
)
def test_normalize_phone_rejects_non_nanp(raw: str | None) -> None:
    assert normalize_phone(raw) is None


@pytest.mark.parametrize(
    "raw", ["+13105550147", "+1 (310) 555-0147", "+1.310.555.0147", "+1-310-555-0147", " +1 310 555 0147 "]
)
def test_phone_format_accepts_plus_one_and_ten_digits(raw: str) -> None:
    assert is_valid_phone_format(raw)
    assert normalize_phone(raw) == PHONE, "every valid format normalises to the same E.164 number"


@pytest.mark.parametrize(
    "raw",
    [
        None,
        "",
        "3105550147",  # no +1: normalisable, but D-PHONE-EMAIL drops it with 10015
        "13105550147",
        "+1 310 555 014",
        "+1 310 555 01478",
        "+1/310/555/0147",
        "+44 2079460958",
        "+1 31O 555 0147",  # letter O
        "+1 \uff13\uff11\uff10 555 0147",  # full-width digits
    ],
)
def test_phone_format_rejects_everything_else(raw: str | None) -> None:
    assert not is_valid_phone_format(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Jane.Doe@Example.COM ", EMAIL),
        ("jane.doe@example.com", EMAIL),
        ("A+B@Sub.Example.co.uk", "a+b@sub.example.co.uk"),
    ],
)
def test_normalize_email_trims_and_lower_cases(raw: str, expected: str) -> None:
    assert normalize_email(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        None,
        "",
        "   ",
        "jane",
        "jane@example",
        "jane@@example.com",
        "jane@doe@example.com",
        "ja ne@example.com",
        "@example.com",
        "jane@.com",
        "jane@example.",
        "jane@example..com",
    ],
)
def test_normalize_email_rejects_non_addresses(raw: str | None) -> None:
    assert normalize_email(raw) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (" 1hgcm82633a004352 ", VIN_A),
        ("1HG-CM826 33A004352", VIN_A),
        ("1hg cm82 633a 0043 52", VIN_A),
        ("abc", "ABC"),
    ],
)
def test_normalize_vin_upper_cases_and_joins(raw: str, expected: str) -> None:
    assert normalize_vin(raw) == expected


@pytest.mark.parametrize("raw", [None, "", "   ", " - "])
def test_normalize_vin_blank_is_none(raw: str | None) -> None:
    assert normalize_vin(raw) is None


@pytest.mark.parametrize("vin", [VIN_A, VIN_B, VIN_C, "11111111111111111", "JH4KA7561PC008269"])
def test_known_vins_are_valid(vin: str) -> None:
    assert is_valid_vin(vin)


def _replace(vin: str, index: int, char: str) -> str:
    assert vin[index] != char
    return vin[:index] + char + vin[index + 1 :]


@pytest.mark.parametrize(
    ("vin", "index", "char"),
    [
        (VIN_A, 0, "2"),
        (VIN_A, 1, "J"),  # H (8) -> J (1)
        (VIN_A, 4, "N"),  # M (4) -> N (5)
        (VIN_A, 8, "4"),  # the check digit itself
        (VIN_A, 10, "B"),  # A (1) -> B (2)
        (VIN_A, 16, "3"),
        (VIN_B, 2, "9"),
        (VIN_B, 8, "0"),  # check digit X -> 0
        (VIN_B, 9, "L"),  # K (2) -> L (3)
        (VIN_B, 13, "1"),
    ],
)
def test_single_character_corruption_fails_check_digit(vin: str, index: int, char: str) -> None:
    corrupted = _replace(vin, index, char)
    assert is_valid_vin(vin)
    assert not is_valid_vin(corrupted)


@pytest.mark.parametrize("digit", "0123456789")
def test_check_digit_ten_must_be_x(digit: str) -> None:
    assert not is_valid_vin(_replace(VIN_B, 8, digit))


def test_letters_with_the_same_value_keep_the_check_digit() -> None:
    # A and J both transliterate to 1: the North American check digit cannot tell them apart.
    assert is_valid_vin(_replace(VIN_A, 10, "J"))


@pytest.mark.parametrize(
    "vin",
    [
        VIN_A[:-1],  # 16 characters
        VIN_A + "0",  # 18 characters
        VIN_A.lower(),  # not normalised
        _replace(VIN_A, 4, "I"),
        _replace(VIN_A, 4, "O"),
        _replace(VIN_A, 4, "Q"),
        "1HGCM82633A00435 ",
        "",
    ],
)
def test_vin_shape_is_enforced(vin: str) -> None:
    assert not is_valid_vin(vin)


def test_lower_case_vin_is_valid_once_normalised() -> None:
    normalised = normalize_vin(f" {VIN_A.lower()} ")
    assert normalised is not None
    assert is_valid_vin(normalised)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  JOSÉ  ", "josé"),
        ("JOSE\u0301", "josé"),  # decomposed accent
        ("\uff2a\uff4f\uff53\uff45", "jose"),  # full-width letters
        ("  Mary \t Ann\u00a0 Lee ", "mary ann lee"),
        ("STRASSE", "strasse"),
        ("Straße", "strasse"),
        (None, ""),
        ("   ", ""),
    ],
)
def test_normalize_name(raw: str | None, expected: str) -> None:
    assert normalize_name(raw) == expected


# --- MatchInput.from_request --------------------------------------------------------------------------------


def test_from_request_reads_every_field() -> None:
    body = request(
        phones=["+1 (310) 555-0147"],
        emails=[" Jane.Doe@Example.COM "],
        vins=[" 1hgcm82633a004352 ", VIN_B],
        company="Acme",
        isBusiness=True,
        customerKey="  DMS-42 ",
    )
    assert MatchInput.from_request(body) == MatchInput(
        first_name="Jane",
        last_name="Doe",
        company="Acme",
        is_business=True,
        customer_key="DMS-42",
        phones=frozenset({PHONE}),
        emails=frozenset({EMAIL}),
        vins=frozenset({VIN_A, VIN_B}),
    )


def test_from_request_ignores_null_entries_and_unusable_values() -> None:
    body = request(
        phones=[None, "", "555-0147", "310.555.0147", "213 555 0100"],
        emails=[None, "", "not-an-address", EMAIL.upper()],
        vins=[None, "   ", VIN_C],
    )
    body["customer"]["phoneNumbers"].append({"label": "cell"})  # no phoneNumber key
    body["customer"]["emails"].append({"emailAddress": None})
    body["vehicles"].append({"vehicleYear": "2020", "vehicleMake": "Honda", "vehicleModel": "Civic"})
    incoming = MatchInput.from_request(body)
    assert incoming.phones == {PHONE, OTHER_PHONE}
    assert incoming.emails == {EMAIL}
    assert incoming.vins == {VIN_C}


@pytest.mark.parametrize(
    "body",
    [
        pytest.param({}, id="empty-body"),
        pytest.param({"customer": None, "vehicles": None}, id="null-sections"),
        pytest.param({"customer": {"phoneNumbers": None, "emails": None}}, id="null-lists"),
    ],
)
def test_from_request_tolerates_missing_parts(body: dict[str, Any]) -> None:
    incoming = MatchInput.from_request(body)
    assert incoming == MatchInput(None, None, None, False, None, frozenset(), frozenset(), frozenset())


@pytest.mark.parametrize(
    ("customer", "is_business", "key"),
    [
        pytest.param({"isBusiness": "true", "customerKey": "   "}, False, None, id="string-flag-blank-key"),
        pytest.param({"isBusiness": False, "customerKey": "K1"}, False, "K1", id="false-flag"),
        pytest.param({"isBusiness": True}, True, None, id="no-key"),
    ],
)
def test_from_request_flag_and_key(customer: dict[str, Any], is_business: bool, key: str | None) -> None:
    incoming = MatchInput.from_request({"customer": customer})
    assert (incoming.is_business, incoming.customer_key) == (is_business, key)


# --- match_customer: scenarios -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Scenario:
    incoming: MatchInput
    records: tuple[CustomerRecord, ...]
    expected: str | None
    decided_at: str  # prefix of MatchResult.decided_at


SCENARIOS = [
    pytest.param(
        Scenario(
            MatchInput.from_request(request(phones=["(310) 555-0147"])),
            (record("c1", phones=[PHONE]), record("c2", first="John", phones=[PHONE])),
            "c1",
            "step 2",
        ),
        id="same-phone-in-another-format",
    ),
    pytest.param(
        Scenario(person(phones=[PHONE]), (record("c1", phones=["310.555.0147"]),), "c1", "step 2"),
        id="stored-phone-not-yet-normalised",
    ),
    pytest.param(
        Scenario(
            MatchInput.from_request(request(emails=[" JANE.Doe@Example.COM "])),
            (record("c1", emails=[EMAIL]),),
            "c1",
            "step 2",
        ),
        id="same-email-other-case",
    ),
    pytest.param(
        Scenario(
            MatchInput.from_request(request(phones=[OTHER_PHONE], vins=[" 1hgcm-82633a004352 "])),
            (record("c1", phones=[PHONE], vins=[VIN_A]),),
            "c1",
            "step 2",
        ),
        id="same-vin-different-phone",
    ),
    pytest.param(
        Scenario(person("John", phones=[PHONE]), (record("c1", phones=[PHONE]),), None, "step 2"),
        id="name-mismatch-with-shared-phone",
    ),
    pytest.param(
        Scenario(person("Jane", "Smith", phones=[PHONE]), (record("c1", phones=[PHONE]),), None, "step 2"),
        id="same-first-name-other-last-name",
    ),
    pytest.param(
        Scenario(person("Janet", "Doe", vins=[VIN_A]), (record("c1", vins=[VIN_A]),), None, "step 2"),
        id="same-last-name-other-first-name",
    ),
    pytest.param(
        Scenario(
            business("  ACME   Fleet Services", phones=[PHONE]),
            (
                record(
                    "c1",
                    first=None,
                    last=None,
                    company="Acme Fleet Services",
                    is_business=True,
                    phones=[PHONE],
                ),
                record("c2", first=None, last=None, company="Acme Rentals", is_business=True, phones=[PHONE]),
            ),
            "c1",
            "step 2",
        ),
        id="business-matched-by-company",
    ),
    pytest.param(
        Scenario(
            business("Acme Fleet", first="John", last="Smith", vins=[VIN_A]),
            (record("c1", company="ACME FLEET", is_business=True, vins=[VIN_A]),),
            "c1",
            "step 2",
        ),
        id="business-ignores-contact-names",
    ),
    pytest.param(
        Scenario(
            business("Acme Rentals", phones=[PHONE]),
            (record("c1", company="Acme Fleet", is_business=True, phones=[PHONE]),),
            None,
            "step 2",
        ),
        id="business-other-company",
    ),
    pytest.param(
        Scenario(
            business("   ", first="Jane", last="Doe", phones=[PHONE]),
            (record("c1", phones=[PHONE]), record("c2", first=None, last=None, company="", phones=[PHONE])),
            "c1",
            "step 2",
        ),
        id="business-flag-without-company-compares-person-names",
    ),
    pytest.param(
        Scenario(
            person("", " ", phones=[PHONE]),
            (record("c1", first=None, last=None, company="Acme", is_business=True, phones=[PHONE]),),
            None,
            "step 2",
        ),
        id="blank-names-never-match",
    ),
    pytest.param(
        Scenario(
            person("  JOSÉ  ", "GARCÍA", phones=[PHONE]),
            (record("c1", first="José", last="García", phones=[PHONE]),),
            "c1",
            "step 2",
        ),
        id="name-case-and-outer-whitespace",
    ),
    pytest.param(
        Scenario(
            person("\uff2a\uff41\uff4e\uff45", "DOE", phones=[PHONE]),
            (record("c1", phones=[PHONE]),),
            "c1",
            "step 2",
        ),
        id="name-full-width-letters",
    ),
    pytest.param(
        Scenario(
            person("Mary  Ann", "JOSE\u0301", phones=[PHONE]),
            (record("c1", first="mary ann", last="José", phones=[PHONE]),),
            "c1",
            "step 2",
        ),
        id="name-inner-whitespace-and-decomposed-accent",
    ),
    pytest.param(
        Scenario(
            person(key=" K2 ", phones=[PHONE]),
            (record("c1", key="K1", phones=[PHONE], updated=9), record("c2", key="K2", phones=[PHONE])),
            "c2",
            "step 3",
        ),
        id="customer-key-breaks-tie-between-same-name",
    ),
    pytest.param(
        Scenario(
            person(key="K2", phones=[PHONE]),
            (record("c1", key="K1", phones=[PHONE], updated=9), record("c2", key="\tK2 ", phones=[PHONE])),
            "c2",
            "step 3",
        ),
        id="customer-key-trimmed-on-both-sides",
    ),
    pytest.param(
        Scenario(
            person(key="k2", phones=[PHONE]),
            (record("c1", key="K1", phones=[PHONE], updated=9), record("c2", key="K2", phones=[PHONE])),
            "c1",
            "outcome: none shares both",
        ),
        id="customer-key-is-case-sensitive",
    ),
    pytest.param(
        Scenario(
            person(key="K9", phones=[PHONE], vins=[VIN_A]),
            (
                record("c1", key="K1", phones=[PHONE], vins=[VIN_A], updated=1),
                record("c2", key="K2", phones=[PHONE], updated=9),
            ),
            "c1",
            "outcome",
        ),
        id="customer-key-matching-nobody-keeps-step-2-list",
    ),
    pytest.param(
        Scenario(
            person(key="K", phones=[PHONE], vins=[VIN_A]),
            (
                record("c1", key="K", phones=[PHONE], vins=[VIN_A], updated=1),
                record("c2", key="K", phones=[PHONE], updated=5),
                record("c3", key="OTHER", phones=[PHONE], vins=[VIN_A], updated=9),
            ),
            "c1",
            "outcome",
        ),
        id="several-with-customer-key-continue-with-them",
    ),
    pytest.param(
        Scenario(
            person(phones=[PHONE], vins=[VIN_A]),
            (
                record("c1", phones=[PHONE], updated=9),
                record("c2", phones=[PHONE], vins=[VIN_A], updated=1),
                record("c3", vins=[VIN_A], updated=5),
            ),
            "c2",
            "outcome: exactly one",
        ),
        id="step-4-picks-the-one-sharing-communication-and-vin",
    ),
    pytest.param(
        Scenario(
            person(emails=[EMAIL], vins=[VIN_A, VIN_B]),
            (
                record("c1", emails=[EMAIL], vins=[VIN_B], updated=3),
                record("c2", emails=[EMAIL], vins=[VIN_A], updated=8),
                record("c3", emails=[EMAIL], updated=20),
            ),
            "c2",
            "outcome: most recently updated",
        ),
        id="several-after-step-4-most-recently-updated",
    ),
    pytest.param(
        Scenario(
            person(phones=[PHONE], vins=[VIN_A]),
            (record("c1", phones=[PHONE], updated=3), record("c2", vins=[VIN_A], updated=7)),
            "c2",
            "outcome: none shares both",
        ),
        id="none-after-step-4-most-recently-updated-of-step-3",
    ),
    pytest.param(
        Scenario(
            person(key="K", phones=[PHONE]),
            (
                record("c1", key="K", phones=[PHONE], updated=2),
                record("c2", key="K", phones=[PHONE], updated=3),
                record("c3", key="OTHER", phones=[PHONE], updated=10),
            ),
            "c2",
            "outcome: none shares both",
        ),
        id="none-after-step-4-stays-within-customer-key-list",
    ),
    pytest.param(
        Scenario(
            person(phones=[PHONE], vins=[VIN_A]),
            (
                record("c1", phones=[PHONE], vins=[VIN_A], updated=5, created=4),
                record("c2", phones=[PHONE], vins=[VIN_A], updated=5, created=2),
                record("c3", phones=[PHONE], vins=[VIN_A], updated=4, created=1),
            ),
            "c2",
            "outcome: most recently updated",
        ),
        id="updated-tie-earliest-created-wins",
    ),
    pytest.param(
        Scenario(
            person(phones=[PHONE]),
            (record("c-b", phones=[PHONE], updated=5), record("c-a", phones=[PHONE], updated=5)),
            "c-a",
            "outcome: none shares both",
        ),
        id="updated-and-created-tie-smallest-uuid-wins",
    ),
    pytest.param(
        Scenario(person(key="K"), (record("c1", key="K", phones=[PHONE], vins=[VIN_A]),), None, "step 1"),
        id="no-communications-and-no-vins",
    ),
    pytest.param(
        Scenario(
            person(key="K", phones=[OTHER_PHONE]),
            (record("c1", key="K", phones=[PHONE], vins=[VIN_A]),),
            None,
            "step 1",
        ),
        id="customer-key-alone-never-matches",
    ),
    pytest.param(
        Scenario(
            person(phones=[PHONE]),
            (record("c1", emails=[EMAIL], vins=[VIN_A], updated=99), record("c2", phones=[PHONE])),
            "c2",
            "step 2",
        ),
        id="records-sharing-nothing-are-ignored",
    ),
    pytest.param(
        Scenario(person(phones=[PHONE]), (), None, "step 1"),
        id="no-records-passed",
    ),
]


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_match_scenario(scenario: Scenario) -> None:
    result = match_customer(scenario.incoming, scenario.records)
    assert uuid_of(result) == scenario.expected, result.explain()
    assert result.decided_at.startswith(scenario.decided_at), result.decided_at


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_trace_has_every_step_in_order(scenario: Scenario) -> None:
    result = match_customer(scenario.incoming, scenario.records)
    assert tuple((s.number, s.name) for s in result.trace) == tuple(enumerate(STEP_NAMES, start=1))
    assert all(s.outcome for s in result.trace)
    kept = [set(s.candidates) for s in result.trace]
    assert all(later <= earlier for earlier, later in itertools.pairwise(kept[:4])), "steps only narrow"


def _with_many_records() -> list[Any]:
    chosen = []
    for param in SCENARIOS:
        scenario = param.values[0]
        assert isinstance(scenario, Scenario)
        if len(scenario.records) >= 3:
            chosen.append(pytest.param(scenario, id=param.id))
    return chosen


@pytest.mark.parametrize("scenario", _with_many_records())
def test_order_of_records_does_not_matter(scenario: Scenario) -> None:
    # every permutation of the records: a fixed, exhaustive set of orders
    results = {
        (uuid_of(r), r.decided_at, r.trace)
        for r in (match_customer(scenario.incoming, p) for p in itertools.permutations(scenario.records))
    }
    assert len(results) == 1


def test_order_independence_across_fixed_shuffles() -> None:
    records = [
        record("c1", key="K", phones=[PHONE], vins=[VIN_A], updated=4, created=3),
        record("c2", key="K", emails=[EMAIL], vins=[VIN_A], updated=4, created=1),
        record("c3", key="K", phones=[PHONE], updated=9),
        record("c4", first="John", phones=[PHONE], vins=[VIN_A], updated=50),
        record("c5", key="K", vins=[VIN_C], updated=70),
    ]
    incoming = person(key="K", phones=[PHONE], emails=[EMAIL], vins=[VIN_A])
    orders = [(0, 1, 2, 3, 4), (4, 3, 2, 1, 0), (2, 0, 4, 1, 3), (1, 4, 0, 3, 2), (3, 2, 1, 4, 0)]
    results = [match_customer(incoming, [records[i] for i in order]) for order in orders]
    assert {uuid_of(r) for r in results} == {"c2"}
    assert all(r == results[0] for r in results)


def test_trace_of_a_full_run() -> None:
    incoming = person(key="K9", phones=[PHONE], vins=[VIN_A])
    records = [
        record("c1", key="K1", phones=[PHONE], vins=[VIN_A], updated=1),
        record("c2", key="K2", phones=[PHONE], updated=9),
        record("c3", first="John", phones=[PHONE], vins=[VIN_A], updated=5),
        record("c4", emails=[EMAIL], updated=7),
    ]
    result = match_customer(incoming, records)
    assert [s.candidates for s in result.trace] == [
        ("c2", "c3", "c1"),  # most recently updated first; c4 shares nothing
        ("c2", "c1"),
        ("c2", "c1"),  # no customerKey match: the step-2 list is kept
        ("c1",),
        ("c1",),
    ]
    assert "step-2 list is kept" in result.trace[2].outcome


def test_steps_after_the_decision_are_marked_not_reached() -> None:
    result = match_customer(person(phones=[PHONE]), [record("c1", phones=[PHONE])])
    assert result.trace[1].candidates == ("c1",)
    assert [(s.candidates, s.outcome) for s in result.trace[2:]] == [
        ((), "not reached (decided at step 2)")
    ] * 3


def test_explain_mentions_each_step() -> None:
    incoming = person(phones=[PHONE], vins=[VIN_A])
    result = match_customer(incoming, [record("c1", phones=[PHONE]), record("c2", vins=[VIN_A], updated=2)])
    lines = result.explain().splitlines()
    assert len(lines) == len(STEP_NAMES) + 1
    for line, step, name in zip(lines[:-1], result.trace, STEP_NAMES, strict=True):
        assert line.startswith(f"step {step.number} ({name}): ")
        assert step.outcome in line
    assert "kept c2, c1;" in lines[0]
    assert "kept none;" in lines[3]
    assert lines[-1] == f"result: c2 (decided at {result.decided_at})"


def test_explain_without_match() -> None:
    explanation = match_customer(person(key="K"), [record("c1", key="K")]).explain()
    assert "no phone, e-mail or VIN" in explanation
    assert explanation.splitlines()[-1].startswith("result: no match, a new customer is created")


def test_candidates_may_be_a_one_shot_iterable() -> None:
    records = (r for r in [record("c1", phones=[PHONE]), record("c2", first="Bob", phones=[PHONE])])
    assert uuid_of(match_customer(person(phones=[PHONE]), records)) == "c1"


def test_the_same_record_passed_twice_counts_once() -> None:
    # The caller may concatenate the phone/e-mail and the VIN look-ups without removing duplicates.
    twice = record("c1", phones=[PHONE], vins=[VIN_A])
    result = match_customer(person(phones=[PHONE], vins=[VIN_A]), [twice, twice])
    assert uuid_of(result) == "c1"
    assert result.trace[0].candidates == ("c1",)


def test_two_different_records_with_one_uuid_are_rejected() -> None:
    with pytest.raises(ValueError, match="c1"):
        match_customer(person(phones=[PHONE]), [record("c1", phones=[PHONE]), record("c1", updated=2)])
