"""What only the PostgreSQL backend has: URLs, schemas, jsonb columns and the query translator."""

from __future__ import annotations

import pytest

from protestwatch.errors import StoreError
from protestwatch.store import is_url, open_store
from protestwatch.store.fts import to_tsquery_text
from protestwatch.store.postgres import redact, split_url

from .conftest import article, event


def test_url_forms():
    assert split_url("postgresql://pw@db:5432/protest?schema=kz&sslmode=require") == (
        "postgresql://pw@db:5432/protest?sslmode=require", "kz")
    assert split_url("postgres://pw@db/protest") == ("postgresql://pw@db/protest", None)
    for bad in ("x;drop", "1abc", "a" * 64, ""):
        with pytest.raises(StoreError):
            split_url(f"postgresql://pw@db/protest?schema={bad}")
    assert redact("postgresql://pw:s3cret@db/protest") == "postgresql://pw:***@db/protest"
    assert redact("postgresql://pw@db/protest") == "postgresql://pw@db/protest"
    assert is_url("postgresql://db/x") and not is_url("events.db") and not is_url("sqlite:///e.db")


def test_an_unreachable_server_is_a_store_error_without_the_password():
    with pytest.raises(StoreError) as info:
        open_store("postgresql://pw:s3cret@127.0.0.1:1/protest?connect_timeout=2")
    assert "s3cret" not in str(info.value) and "***" in str(info.value)


@pytest.mark.parametrize("query, expected", [
    ("rallied", "'rallied'"),
    ("Almaty rally", "('almaty' & 'rally')"),
    ('"heating tariffs"', "('heating' <-> 'tariffs')"),
    ("rall*", "'rall':*"),
    ("a OR b c", "('a' | ('b' & 'c'))"),
    ("a NOT b", "('a' & !'b')"),
    ("(a OR b) AND c", "(('a' | 'b') & 'c')"),
    ("Алматы митинг", "('алматы' & 'митинг')"),
    ("it's", "('it' <-> 's')"),
    ("\"x' | !'y:*\"", "('x' <-> 'y')"),  # tsquery syntax inside is only words
])  # fmt: skip
def test_queries_become_quoted_lexemes(query, expected):
    assert to_tsquery_text(query) == expected


@pytest.mark.parametrize("query", ['"open', "(a", "a)", "a OR", "NOT", "***", "", "(" * 60 + "a" + ")" * 60, "a " * 1500])
def test_malformed_queries_are_refused(query):
    with pytest.raises(StoreError):
        to_tsquery_text(query)


def test_event_json_is_jsonb_and_tables_live_in_their_schema(pg_schema_url):
    with open_store(pg_schema_url) as store:
        store.add_article(article(1))
        store.save_coding("a1", [event("e1", "a1", size_low=250)])
        assert store.scalar("SELECT pg_typeof(data)::text FROM events") == "jsonb"
        assert store.scalar("SELECT (data->>'size_low')::int FROM events WHERE id = ?", ("e1",)) == 250
        schema = pg_schema_url.rsplit("schema=", 1)[1]
        assert store.scalar("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ? "
                            "AND table_name = 'events'", (schema,)) == 1  # fmt: skip
        assert store.get_event("e1").size_low == 250


def test_nul_characters_are_a_store_error(pg_schema_url):
    with open_store(pg_schema_url) as store:
        store.add_article(article(1))
        store.save_coding("a1", [event("e1", "a1")])
        with pytest.raises(StoreError, match="NUL"):
            store.correct("e1", "location_detail", "bad\x00value", author="ana")
        assert store.corrections("e1") == []


def _cut(store) -> None:
    """End the store's server session from outside, as a server restart would."""
    import psycopg

    from .pgfixture import PG_URL

    pid = store.scalar("SELECT pg_backend_pid()")
    with psycopg.connect(PG_URL, autocommit=True) as admin:
        assert admin.execute("SELECT pg_terminate_backend(%s)", (pid,)).fetchone()[0]


def test_a_lost_connection_is_replaced(pg_schema_url):
    from protestwatch.errors import StoreUnavailable

    with open_store(pg_schema_url) as store:
        store.add_article(article(1))
        _cut(store)
        assert store.count_events() == 0  # a read is tried again on a new connection
        _cut(store)
        with pytest.raises(StoreUnavailable, match="connection to the server was lost"):
            store.add_article(article(2))  # a write is not: it might have been done
        assert store.add_article(article(2)) in (True, False)  # the next one has a connection
        _cut(store)
        store.save_coding("a1", [event("e1", "a1")])  # a transaction begins on a new connection
        assert [e.id for e in store.events()] == ["e1"]

        original = store._write_derived

        def cut_midway(*args, **kwargs):
            original(*args, **kwargs)
            _cut(store)

        store._write_derived = cut_midway
        with pytest.raises(StoreUnavailable):
            store.save_coding("a2", [event("e2", "a2")])
        store._write_derived = original
        assert [e.id for e in store.events()] == ["e1"]  # none of the lost transaction was kept
        assert store.pending_ids() == ["a2"]
