"""A customers CSV for import tests: distinct people, repeated people and invalid rows, reproducibly.

Each distinct person has a phone, an e-mail and (every other one) a vehicle that no other person shares, so
the server's matching can only ever join rows of the same person. A repeated row names an earlier person
again, written differently (upper-case names, another phone format, sometimes a new e-mail): the server
must update that person's customer. Invalid rows break a rule the client checks before sending.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

from mykaarma_core.matching import is_valid_vin

HEADER = ("First Name", "Last Name", "Phone", "E-mail", "VIN", "City", "State", "Zip", "Address Line 1")
FIRST_NAMES = ("Olivia", "Liam", "Emma", "Noah", "Ava", "Mateo", "Sofia", "Lucas", "Mia", "Ethan", "Zoë")
LAST_NAMES = ("Nguyen", "Garcia", "Smith", "Johnson", "Okafor", "Martin", "Rossi", "Kowalski", "Brown")
AREA_CODES = (212, 310, 415, 617, 312, 646, 718, 213, 202, 303)
VIN_ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


@dataclass(frozen=True)
class Dataset:
    """The file and what each row is: `person` maps a row number to its person (None: an invalid row)."""

    path: Path
    person: dict[int, int | None]

    @property
    def rows(self) -> int:
        return len(self.person)

    @property
    def distinct_people(self) -> int:
        return len({person for person in self.person.values() if person is not None})

    @property
    def invalid_rows(self) -> set[int]:
        return {row for row, person in self.person.items() if person is None}


def phone(index: int, *, e164: bool) -> str:
    area = AREA_CODES[index % len(AREA_CODES)]
    exchange = 201 + (index // len(AREA_CODES)) % 700
    if exchange % 100 == 55:
        exchange += 1
    line = 1000 + index % 9000
    return f"+1{area}{exchange}{line:04d}" if e164 else f"({area}) {exchange}-{line:04d}"


def vin(rng: random.Random) -> str:
    """A random VIN with a correct check digit."""
    while True:
        body = "".join(rng.choice(VIN_ALPHABET) for _ in range(17))
        for check in "0123456789X":
            candidate = body[:8] + check + body[9:]
            if is_valid_vin(candidate):
                return candidate


def _invalid_row(kind: int, index: int) -> list[str]:
    good = [
        "Ivy",
        "Invalid",
        phone(900_000 + index, e164=False),
        f"invalid{index}@example.com",
        "",
        "",
        "",
        "",
        "",
    ]
    if kind == 0:
        good[1] = ""  # no last name (D-NAMES)
    elif kind == 1:
        good[2] = "555-12"  # not a phone number
    elif kind == 2:
        good[3] = "not-an-address"  # not an e-mail address
    else:
        good[8] = "1 Main St"  # an address without a state
    return good


def write_customers_csv(
    path: Path, rows: int = 2000, *, repeat_every: int = 7, invalid_every: int = 50, seed: int = 7
) -> Dataset:
    """Write `rows` records; every `repeat_every`-th repeats a person, every `invalid_every`-th is invalid."""
    rng = random.Random(seed)
    person: dict[int, int | None] = {}
    people: list[list[str]] = []
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(HEADER)
        for row in range(1, rows + 1):
            if row % invalid_every == 0:
                writer.writerow(_invalid_row(row // invalid_every % 4, row))
                person[row] = None
                continue
            if row % repeat_every == 0 and people:
                chosen = rng.randrange(len(people))
                again = list(people[chosen])
                again[0], again[1] = again[0].upper(), again[1].upper()
                again[2] = phone(chosen, e164=rng.random() < 0.5)
                if rng.random() < 0.3:
                    again[3] = f"person{chosen}.new@example.org"
                writer.writerow(again)
                person[row] = chosen
                continue
            index = len(people)
            values = [
                rng.choice(FIRST_NAMES),
                rng.choice(LAST_NAMES),
                phone(index, e164=False),
                f"person{index}@example.com",
                vin(rng) if index % 2 == 0 else "",
                "Springfield",
                "IL",
                f"{62700 + index % 100}",
                f"{index + 1} Elm St",
            ]
            people.append(values)
            writer.writerow(values)
            person[row] = index
    return Dataset(path, person)


#: The vendor's own import format: no e-mail or VIN column.
VENDOR_HEADER = (
    "First Name", "Last Name", "Phone", "Address Line 1", "Address Line 2", "City", "State", "Zip", "Country"
)  # fmt: skip


@dataclass(frozen=True)
class VendorPerson:
    """One person of a vendor-format file, as first written."""

    values: tuple[str, ...]

    @property
    def phone(self) -> str:
        return self.values[2]

    @property
    def name(self) -> tuple[str, str]:
        return self.values[0], self.values[1]

    @property
    def line1(self) -> str:
        return self.values[3]


def write_vendor_csv(
    path: Path, people: int, *, without_phone: int, repeats: int, seed: int = 5
) -> tuple[Dataset, list[VendorPerson]]:
    """`people` distinct people in the vendor's format (the last `without_phone` of them have no phone, hence
    no identifier at all: only a name and an address), then `repeats` rows naming one of them again (names
    upper-cased, the phone in another format), shuffled in among them."""
    rng = random.Random(seed)
    persons: list[VendorPerson] = []
    for index in range(people):
        has_phone = index < people - without_phone
        persons.append(
            VendorPerson(
                (
                    FIRST_NAMES[index % len(FIRST_NAMES)],
                    LAST_NAMES[index // len(FIRST_NAMES) % len(LAST_NAMES)],
                    phone(index, e164=False) if has_phone else "",
                    f"{index + 1} Harbor Way",
                    "Apt 2" if index % 3 == 0 else "",
                    "Long Beach",
                    "CA",
                    f"{90801 + index % 10}",
                    "US",
                )
            )
        )
    order: list[tuple[int, list[str]]] = [(index, list(each.values)) for index, each in enumerate(persons)]
    for _ in range(repeats):
        chosen = rng.randrange(people)
        again = list(persons[chosen].values)
        again[0], again[1] = again[0].upper(), again[1].upper()
        if again[2]:
            again[2] = phone(chosen, e164=True)
        order.insert(rng.randrange(chosen + 1, len(order) + 1), (chosen, again))
    person: dict[int, int | None] = {}
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(VENDOR_HEADER)
        for row, (index, values) in enumerate(order, start=1):
            writer.writerow(values)
            person[row] = index
    return Dataset(path, person), persons
