"""The throw-away PostgreSQL of tests/postgres.py is a real server: tables, rows, one fresh
database per test, dropped afterwards."""

from __future__ import annotations

import psycopg
import pytest

from .postgres import fresh_database, postgres_server_fixture, postgres_url_fixture  # noqa: F401

TEMPLATES = {"postgres", "template0", "template1"}


def _tables(url: str) -> set[str]:
    with psycopg.connect(url) as conn:
        rows = conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall()
    return {r[0] for r in rows}


def test_a_table_written_in_the_fresh_database_reads_back(postgres_url: str) -> None:
    with psycopg.connect(postgres_url) as conn:
        (name,) = conn.execute("SELECT current_database()").fetchone() or ("",)
        assert name not in TEMPLATES
        conn.execute("CREATE TABLE cases (id integer PRIMARY KEY, title text NOT NULL)")
        conn.execute("INSERT INTO cases VALUES (%s, %s), (%s, %s)", (1, "mule ring", 2, "Käse — ünïcode"))
    with psycopg.connect(postgres_url) as conn:
        rows = conn.execute("SELECT id, title FROM cases ORDER BY id").fetchall()
    assert rows == [(1, "mule ring"), (2, "Käse — ünïcode")]


@pytest.mark.parametrize("turn", ["first", "second"])
def test_every_test_starts_in_an_empty_database_of_its_own(postgres_url: str, turn: str) -> None:
    # each pytest process has its own server and runs one test at a time: the databases of earlier
    # tests are gone, so a table one test leaves behind cannot reach another
    with psycopg.connect(postgres_url) as conn:
        (current,) = conn.execute("SELECT current_database()").fetchone() or ("",)
        names = {r[0] for r in conn.execute("SELECT datname FROM pg_database").fetchall()}
        assert names - TEMPLATES == {current}
        assert _tables(postgres_url) == set()
        conn.execute("CREATE TABLE left_behind (turn text)")
        conn.execute("INSERT INTO left_behind VALUES (%s)", (turn,))


def test_a_table_made_in_one_database_is_absent_in_another(postgres_server: str) -> None:
    with fresh_database(postgres_server) as one, fresh_database(postgres_server) as other:
        assert one != other
        with psycopg.connect(one) as conn:
            conn.execute("CREATE TABLE only_here (x integer)")
        assert _tables(one) == {"only_here"}
        assert _tables(other) == set()
    with psycopg.connect(postgres_server) as conn:
        names = {r[0] for r in conn.execute("SELECT datname FROM pg_database").fetchall()}
    assert names == TEMPLATES  # both dropped


def test_a_connection_left_open_does_not_stop_the_drop(postgres_server: str) -> None:
    with fresh_database(postgres_server) as url:
        forgotten = psycopg.connect(url)
    try:
        with psycopg.connect(postgres_server) as conn:
            names = {r[0] for r in conn.execute("SELECT datname FROM pg_database").fetchall()}
        assert names == TEMPLATES
    finally:
        forgotten.close()
