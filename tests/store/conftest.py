"""Store fixtures: every backend test runs on SQLite and on a real PostgreSQL server.

Each PostgreSQL test gets a fresh schema of its own (named after the process and a random
suffix, so parallel runs never collide), dropped afterwards.  The server is
``$PROTESTWATCH_TEST_PG`` (default ``postgresql://postgres@127.0.0.1:5432/test``).  When it cannot
be reached the PostgreSQL cases are skipped, saying why, unless
``PROTESTWATCH_REQUIRE_POSTGRES=1``: then they fail.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from protestwatch.model import Article, Event, Evidence
from protestwatch.store import open_store

from .pgfixture import fresh_schema


@pytest.fixture
def pg_schema_url() -> Iterator[str]:
    """The URL of a fresh, empty PostgreSQL schema, dropped after the test."""
    with fresh_schema() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def db(backend: str, tmp_path, request: pytest.FixtureRequest) -> str:
    """A fresh database of the backend under test: a file path or a PostgreSQL URL."""
    if backend == "sqlite":
        return str(tmp_path / "store.db")
    return request.getfixturevalue("pg_schema_url")


@pytest.fixture
def store(db: str):
    s = open_store(db)
    yield s
    s.close()


# -- fixture data (our own texts) ----------------------------------------------------------------


def article(i: int | str, text: str | None = None, **kw) -> Article:
    values = dict(
        text=text or f"Article number {i}: about 200 people rallied in Almaty on Saturday.",
        id=f"a{i}", url=f"https://news.example.org/{i}", outlet="Example Daily",
        published=dt.date(2021, 3, 30),
    )  # fmt: skip
    values.update(kw)
    return Article(**values)


def event(eid: str, aid: str, **kw) -> Event:
    base = dict(
        id=eid, country="KZ", locality="Almaty", date_start=dt.date(2021, 3, 27),
        date_end=dt.date(2021, 3, 27), evidence={"country": (Evidence(aid, 0, 7),)},
    )  # fmt: skip
    base.update(kw)
    return Event(**base)
