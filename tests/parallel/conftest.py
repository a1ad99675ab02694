"""Fixtures of the parallel-run tests: a small generated corpus, databases on SQLite and on
PostgreSQL, the reference coding (one process, in this one), and snapshots to compare.

PostgreSQL cases use a fresh schema of their own on ``$PROTESTWATCH_TEST_PG`` (default
``postgresql://postgres@127.0.0.1:5432/test``), dropped afterwards; they are skipped when the
server or the PostgreSQL store is missing, unless ``PROTESTWATCH_REQUIRE_POSTGRES=1``.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load_module(name: str, path: Path) -> Any:
    """A file outside the package (a script, another folder's test helper) as a module."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


kill_test = _load_module("kill_test_for_tests", ROOT / "scripts" / "kill_test.py")
# the store tests' server, skip-or-fail rule and message
pgfixture = _load_module("protestwatch_test_pgfixture", ROOT / "tests" / "store" / "pgfixture.py")
PG_URL = pgfixture.PG_URL
require_pg = pgfixture.require_pg
snapshot = kill_test.snapshot  # what a run decides: articles, events, evidence, real-world events


def write_corpus(path: Path, n: int, share: float, seed: int, rereport_share: float = 0.0) -> Path:
    """``n`` generated articles (a ``share`` of them protest reports, a ``rereport_share`` of
    those reporting an event another article reported) as JSON Lines."""
    return kill_test.make_corpus(path, n, share, seed, rereport_share)


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
