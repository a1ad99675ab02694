"""A fresh PostgreSQL schema per test, for the store's tests and for other tests of the store
(``tests/dedup``): skipped with the reason when no server can be reached, failed instead when
``PROTESTWATCH_REQUIRE_POSTGRES=1``.  The server is ``$PROTESTWATCH_TEST_PG`` (default
``postgresql://postgres@127.0.0.1:5432/test``)."""

from __future__ import annotations

import functools
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

PG_URL = os.environ.get("PROTESTWATCH_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
REQUIRE_PG = os.environ.get("PROTESTWATCH_REQUIRE_POSTGRES") == "1"


@functools.lru_cache(maxsize=1)
def pg_unavailable() -> str | None:
    """Why the test server cannot be used (None when it can)."""
    try:
        import psycopg
    except ImportError as exc:
        return f"psycopg is not installed ({exc})"
    try:
        with psycopg.connect(PG_URL, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as exc:
        return f"PostgreSQL at {PG_URL} is not reachable: {str(exc).strip().splitlines()[0]}"
    return None


def require_pg() -> None:
    """Skip (or fail, in CI) the current test when the server cannot be used."""
    reason = pg_unavailable()
    if reason is None:
        return
    hint = " (start it with .ci/run, or name another server in PROTESTWATCH_TEST_PG)"
    if REQUIRE_PG:
        pytest.fail(reason + hint + "; PROTESTWATCH_REQUIRE_POSTGRES=1 makes this a failure")
    pytest.skip(reason + hint)


@contextmanager
def fresh_schema() -> Iterator[str]:
    """The URL of a new, empty schema (named after the process and a random suffix, so that
    parallel runs never collide), dropped afterwards."""
    require_pg()
    import psycopg
    from psycopg import sql

    schema = f"pwt_{os.getpid()}_{uuid.uuid4().hex[:12]}"
    try:
        yield f"{PG_URL}{'&' if '?' in PG_URL else '?'}schema={schema}"
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))
