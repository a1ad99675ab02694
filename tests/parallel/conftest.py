"""Fixtures of the parallel-run tests: a small generated corpus, databases on SQLite and on
PostgreSQL, the reference coding (one process, in this one), and snapshots to compare.

PostgreSQL cases use a fresh schema of their own on ``$PROTESTWATCH_TEST_PG`` (default
``postgresql://postgres@127.0.0.1:5432/test``), dropped afterwards; they are skipped when the
server or the PostgreSQL store is missing, unless ``PROTESTWATCH_REQUIRE_POSTGRES=1``.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
PG_URL = os.environ.get("PROTESTWATCH_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
REQUIRE_PG = os.environ.get("PROTESTWATCH_REQUIRE_POSTGRES") == "1"


def _load_script(name: str) -> Any:
    """A script of ``scripts/`` as a module (they are not part of the package)."""
    spec = importlib.util.spec_from_file_location(f"{name}_for_tests", ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


kill_test = _load_script("kill_test")
snapshot = kill_test.snapshot  # what a run decides: articles, events, evidence, real-world events


def write_corpus(path: Path, n: int, share: float, seed: int, rereport_share: float = 0.0) -> Path:
    """``n`` generated articles (a ``share`` of them protest reports, a ``rereport_share`` of
    those reporting an event another article reported) as JSON Lines."""
    return kill_test.make_corpus(path, n, share, seed, rereport_share)


@functools.lru_cache(maxsize=1)
def pg_unavailable() -> str | None:
    """Why PostgreSQL cannot be used here (None when it can)."""
    try:
        from protestwatch.store.postgres import PostgresStore  # noqa: F401
    except ImportError as exc:
        return f"the PostgreSQL store is not available ({exc})"
    try:
        import psycopg

        with psycopg.connect(PG_URL, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except Exception as exc:  # psycopg.Error, or psycopg missing
        return f"PostgreSQL at {PG_URL} is not reachable: {str(exc).strip().splitlines()[0]}"
    return None


def require_pg() -> None:
    reason = pg_unavailable()
    if reason is None:
        return
    if REQUIRE_PG:
        pytest.fail(reason + "; PROTESTWATCH_REQUIRE_POSTGRES=1 makes this a failure")
    pytest.skip(reason)


@pytest.fixture(params=["sqlite", "postgresql"])
def dbs(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    """Fresh databases of one backend (``dbs.new(name)``): SQLite files, or PostgreSQL schemas
    dropped after the test."""
    pg = None
    if request.param == "postgresql":
        require_pg()
        pg = PG_URL
    made = kill_test.Databases(tmp_path, pg)
    made.backend = request.param
    yield made
    made.drop()


def ingest(db: str, corpus: Path) -> None:
    """Store the corpus without coding it."""
    from protestwatch.api import Workspace

    with Workspace(db) as ws:
        report = ws.ingest([str(corpus)], code=False)
        assert report.new > 0 and not report.rejected


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """60 generated articles, half of them protest reports, a third of which report an event
    another article reported (a few seconds of coding)."""
    return write_corpus(tmp_path_factory.mktemp("corpus") / "corpus.jsonl", 60, 0.5, 23, 0.35)


@pytest.fixture(scope="session")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple]]:
    """The corpus coded by one process (this one), as a snapshot.  The coding does not depend on
    the backend, so one reference serves both (checked by the tests that compare backends)."""
    from protestwatch.api import Workspace

    db = str(tmp_path_factory.mktemp("reference") / "reference.db")
    ingest(db, corpus)
    with Workspace(db) as ws:
        report = ws.run()
    assert report.coded == 60 and report.events > 20
    taken = snapshot(db)
    members: dict[str, int] = {}
    for cluster, _ in taken["sources"]:
        members[cluster] = members.get(cluster, 0) + 1
    assert sum(n > 1 for n in members.values()) >= 3  # real-world events with several sources
    return taken


@pytest.fixture(scope="session")
def helpers() -> SimpleNamespace:
    return SimpleNamespace(snapshot=snapshot, ingest=ingest, write_corpus=write_corpus, ROOT=ROOT,
                           kill_test=kill_test)  # fmt: skip
