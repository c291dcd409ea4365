"""The customer search's index finds exactly the rows a full scan finds; an older database gets it filled."""

from __future__ import annotations

import random
import sqlite3
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

from mykaarma_mock import customers, search_index
from mykaarma_mock.features import open_database

DEPT = "dept-1"
TABLES = {
    "customer_phones": "digits",
    "customer_vehicles": "vin_normalized",
    "customer_emails": "search_value",
}


@pytest.fixture
def conn() -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(":memory:")
    connection.executescript(customers.SCHEMA_SQL)
    connection.executescript(search_index.SEARCH_INDEX_SQL)
    search_index.rebuild(connection)
    yield connection
    connection.close()


def _store(conn: sqlite3.Connection, rng: random.Random, count: int) -> dict[str, list[str]]:
    """`count` customers with a phone, an e-mail and a VIN each; returns the stored values by table."""
    values: dict[str, list[str]] = {table: [] for table in TABLES}
    for index in range(count):
        conn.execute(
            "INSERT INTO customer_customers (uuid, department_uuid, created_seq, updated_seq) "
            "VALUES (?, ?, 0, 0)",
            (f"c{index}", DEPT),
        )
        digits = "1" + "".join(rng.choice("23456789") for _ in range(10))
        email = "".join(
            rng.choice(string.ascii_lowercase + "0123456789._") for _ in range(rng.randint(3, 14))
        )
        if index % 3 == 0:  # a phone number inside the address
            email += "".join(rng.choice("0123456789") for _ in range(rng.randint(10, 13)))
        email += "@" + rng.choice(["example.com", "mail.example.org", "x.io"])
        vin = "".join(
            rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(rng.choice([11, 17, 17, 20]))
        )
        conn.execute(
            "INSERT INTO customer_phones (id, customer_id, department_uuid, position, e164, digits) "
            "VALUES (?, ?, ?, 0, ?, ?)",
            (index + 1, index + 1, DEPT, "+" + digits, digits),
        )
        conn.execute(
            "INSERT INTO customer_emails (id, customer_id, department_uuid, position, email_address, "
            "email_normalized, search_value) VALUES (?, ?, ?, 0, ?, ?, ?)",
            (index + 1, index + 1, DEPT, email, email, email),
        )
        conn.execute(
            "INSERT INTO customer_vehicles (uuid, customer_id, department_uuid, vin, vin_normalized) "
            "VALUES (?, ?, ?, ?, ?)",
            (f"v{index}", index + 1, DEPT, vin, vin),
        )
        values["customer_phones"].append(digits)
        values["customer_emails"].append(email)
        values["customer_vehicles"].append(vin)
    return values


def _rows(conn: sqlite3.Connection, table: str, token: str, *, indexed: bool) -> set[int]:
    column = TABLES[table]
    source = search_index.rows_containing(table, token) if indexed else search_index.Source(f"{table} AS t")
    query = f"SELECT t.id FROM {source.clause} WHERE t.department_uuid = :d AND instr(t.{column}, :t) > 0"
    return {int(row[0]) for row in conn.execute(query, {"t": token, "d": DEPT, **source.parameters})}


def _tokens(rng: random.Random, values: list[str]) -> list[str]:
    """Substrings of stored values of every length, whole values, and strings stored nowhere."""
    tokens: list[str] = []
    for _ in range(150):
        value = rng.choice(values)
        start = rng.randrange(len(value))
        tokens.append(value[start : rng.randint(start + 1, len(value))])
        tokens.append(value)
        tokens.append("".join(rng.choice(value) for _ in range(rng.randint(1, 18))))
    return tokens


@pytest.mark.parametrize("table", sorted(TABLES))
def test_the_index_finds_exactly_what_a_scan_finds(table: str, conn: sqlite3.Connection) -> None:
    rng = random.Random(table)
    values = _store(conn, rng, 400)
    served = 0
    for token in _tokens(rng, values[table]):
        assert _rows(conn, table, token, indexed=True) == _rows(conn, table, token, indexed=False), token
        served += "customer_search_index" in search_index.rows_containing(table, token).clause
    assert served > 100  # the comparison covered the index, not only scans


def test_updates_and_deletes_keep_the_index_in_step(conn: sqlite3.Connection) -> None:
    values = _store(conn, random.Random(7), 20)
    old = values["customer_phones"][0]
    conn.execute("UPDATE customer_phones SET digits = '19998887777' WHERE id = 1")
    assert _rows(conn, "customer_phones", old[1:], indexed=True) == set()
    assert _rows(conn, "customer_phones", "9998887777", indexed=True) == {1}
    conn.execute("DELETE FROM customer_emails WHERE id = 2")
    email = values["customer_emails"][1]
    assert _rows(conn, "customer_emails", email, indexed=True) == set()
    assert (
        conn.execute(
            "SELECT COUNT(*) FROM customer_search_index WHERE row_id = 2 AND kind IN (3, 4)"
        ).fetchone()[0]
        == 0
    )


def test_digit_tokens_find_the_numbers_inside_e_mail_addresses(conn: sqlite3.Connection) -> None:
    values = _store(conn, random.Random(11), 60)
    # `_store` ends every third local part with a run of 10 to 13 digits (a phone number in the address)
    numbers = [values["customer_emails"][index].split("@")[0][-10:] for index in range(0, 60, 3)]
    assert len(numbers) == 20
    assert all(number.isdigit() for number in numbers)
    for number in numbers:
        source = search_index.rows_containing("customer_emails", number)
        assert "customer_search_index" in source.clause
        found = _rows(conn, "customer_emails", number, indexed=True)
        assert found == _rows(conn, "customer_emails", number, indexed=False)
        assert found, number


def test_a_reset_database_keeps_its_index_version(tmp_path: Path) -> None:
    path = tmp_path / "reset.sqlite3"
    database = open_database(str(path))
    try:
        with database.transaction(write=True) as conn:
            _store(conn, random.Random(5), 3)
        database.reset()
        with database.transaction(write=False) as conn:
            assert conn.execute("SELECT COUNT(*) FROM customer_search_index").fetchone()[0] == 0
            assert [
                tuple(row) for row in conn.execute("SELECT version FROM customer_search_index_version")
            ] == [(2,)]
    finally:
        database.close()


def test_a_database_written_before_the_index_gets_it_filled(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as old:
        old.executescript(customers.SCHEMA_SQL)
        values = _store(old, random.Random(3), 30)
    database = open_database(str(path))
    try:
        with database.transaction(write=False) as conn:
            found = _rows(conn, "customer_emails", values["customer_emails"][5], indexed=True)
            assert 6 in found
            assert _rows(conn, "customer_phones", values["customer_phones"][9][1:], indexed=True) == {10}
    finally:
        database.close()
