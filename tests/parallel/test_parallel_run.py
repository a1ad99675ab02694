"""Parallel runs give the database a one-process run gives: local workers, a Dask cluster, both
writers (the parent, or the workers on PostgreSQL), and a worker that dies along the way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import Future
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from protestwatch.api import RunReport, Workspace
from protestwatch.errors import ConfigError, ProtestwatchError
from protestwatch.model import Article
from protestwatch.parallel import (
    ChunkResult, Outcome, WorkerSpec, _Backend, _Chunk, _Run, code_chunk, run_parallel,
)  # fmt: skip
from protestwatch.pipeline import PipelineConfig


def test_two_local_workers_give_the_same_database(
    dbs: Any, corpus: Path, reference: dict, helpers: SimpleNamespace
) -> None:
    db = dbs.new("two")
    helpers.ingest(db, corpus)
    seen: list[int] = []
    with Workspace(db) as ws:
        report = ws.run(workers=2, progress=seen.append)
        assert report.coded == 60 and sum(seen) == 60
        assert ws.run(workers=2).coded == 0  # nothing left: no worker is even started
        run = [r for r in ws.store.runs() if r["command"] == "run"][-1]
        assert run["state"] == "finished" and run["counts"]["coded"] == 60
    assert helpers.snapshot(db) == reference


def test_parent_and_worker_writers_agree_on_postgresql(
    dbs: Any, corpus: Path, reference: dict, helpers: SimpleNamespace
) -> None:
    if dbs.backend == "sqlite":
        db = dbs.new("sqlite")
        with Workspace(db) as ws, pytest.raises(ConfigError, match="one writer at a time"):
            run_parallel(ws, workers=2, writer="workers")
        return
    db = dbs.new("parent")
    helpers.ingest(db, corpus)
    with Workspace(db) as ws:
        assert ws.run(workers=2, writer="parent").coded == 60
    assert helpers.snapshot(db) == reference


def test_a_dask_cluster_gives_the_same_database(
    tmp_path: Path, corpus: Path, reference: dict, helpers: SimpleNamespace
) -> None:
    """On SQLite: the parent saves what the Dask workers send back.  (Dask workers that write to
    PostgreSQL themselves run the same worker code as the local workers tested above.)"""
    from distributed import LocalCluster

    db = str(tmp_path / "dask.db")
    helpers.ingest(db, corpus)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Workspace(db) as ws:
            report = ws.run(scheduler=cluster.scheduler_address)
    assert report.coded == 60
    assert helpers.snapshot(db) == reference


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path: Path, corpus: Path, helpers: SimpleNamespace) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    db = str(tmp_path / "x.db")
    helpers.ingest(db, corpus)
    with Workspace(db) as ws, pytest.raises(ConfigError, match="cannot reach the Dask scheduler"):
        run_parallel(ws, scheduler=f"tcp://127.0.0.1:{port}", workers=1, connect_timeout=1.0)
    with Workspace(db) as ws:
        assert ws.store.article_states() == {"pending": 60}  # nothing was touched


def test_workers_refuse_another_pipeline_version() -> None:
    spec = WorkerSpec(PipelineConfig(), pipeline_version="0.0.0-other")
    with pytest.raises(ConfigError, match="install the same protestwatch on every worker"):
        code_chunk(spec, [Article(text="Nothing to see here today.", id="x")])


def test_pipeline_config_round_trips() -> None:
    import pickle

    config = PipelineConfig(model="en_core_web_sm", batch_size=8, languages=("en",))
    assert PipelineConfig.from_dict(config.to_dict()) == config
    assert pickle.loads(pickle.dumps(config)) == config
    assert hash(PipelineConfig.from_dict({"languages": ["en"]})) == hash(PipelineConfig())
    with pytest.raises(ConfigError, match="unknown pipeline settings: nlp"):
        PipelineConfig.from_dict({"nlp": "x"})
    with pytest.raises(ConfigError, match="batch_size"):
        PipelineConfig(batch_size=0)


# -- what happens when workers die: the scheduling, with a backend that runs in this process ------


class Crash(Exception):
    """A worker died (stands for BrokenProcessPool / KilledWorker)."""


class InlineBackend(_Backend):
    """Runs the chunks in this process when the parent waits.  A chunk holding a ``poison``
    article kills its worker, and so does "someone" at the submission numbers in ``kills``; with
    ``shared_fate`` every chunk in flight is lost with it, as with a local process pool."""

    crash_errors = (Crash,)

    def __init__(self, poison: Iterable[str] = (), shared_fate: bool = True, slots: int = 4,
                 kills: Iterable[int] = (), version: Callable[[int], str] = lambda n: "1") -> None:  # fmt: skip
        self.poison, self.shared_fate, self.slots = set(poison), shared_fate, slots
        self.kills, self.version = set(kills), version
        self.submitted: list[tuple[str, ...]] = []
        self.resets = 0
        self._pending: list[tuple[Future, tuple[str, ...], int]] = []

    def submit(self, fn: Callable[..., ChunkResult], spec: Any, payload: list[Any]) -> Future:
        ids = tuple(a.id if isinstance(a, Article) else a for a in payload)
        self.submitted.append(ids)
        future: Future = Future()
        self._pending.append((future, ids, len(self.submitted)))
        return future

    def wait_any(self, futures: Iterable[Future]) -> set[Future]:
        pending, self._pending = self._pending, []
        doomed = [bool(set(ids) & self.poison) or n in self.kills for _, ids, n in pending]
        for (future, ids, n), dies in zip(pending, doomed):
            if dies or (any(doomed) and self.shared_fate):
                future.set_exception(Crash())
            else:
                outcomes = tuple(Outcome(i, state="done") for i in ids)
                versions = (("pipeline", self.version(n)),)
                future.set_result(ChunkResult(versions, outcomes=outcomes, worker=f"w{n % 2}"))
        return {f for f in futures if f.done()}

    def reset(self) -> None:
        self.resets += 1

    def close(self, cancel: bool = False) -> None:
        pass


class RecordingStore:
    def __init__(self) -> None:
        self.saved: dict[str, tuple[str, str | None]] = {}
        self.saves = 0

    def get_article(self, article_id: str) -> Article:
        return Article(text=f"text of {article_id}", id=article_id)

    def save_coding(self, article_id: str, events: Any, *, state: str, reason: str | None, **kw: Any) -> None:
        self.saved[article_id] = (state, reason)
        self.saves += 1


def _drive(ids: list[str], backend: InlineBackend, chunk: int = 5, max_crashes: int = 6) -> RecordingStore:
    store = RecordingStore()
    run = _Run(store, WorkerSpec(PipelineConfig(), run_id=1), backend, RunReport(), True, None, max_crashes)
    run.drive(_Chunk(tuple(ids[i : i + chunk])) for i in range(0, len(ids), chunk))
    return store


IDS = [f"a{i:02d}" for i in range(40)]


@pytest.mark.parametrize("shared_fate", [True, False])
def test_an_article_that_kills_its_worker_is_isolated_and_saved_as_failed(shared_fate: bool) -> None:
    backend = InlineBackend({"a17"}, shared_fate=shared_fate)
    store = _drive(IDS, backend)
    assert set(store.saved) == set(IDS)
    failed = {i: r for i, (s, r) in store.saved.items() if s == "failed"}
    assert list(failed) == ["a17"] and "died 2 times while coding this article alone" in failed["a17"]
    assert all(s == "done" for i, (s, _) in store.saved.items() if i != "a17")
    # the poisoned chunk went out whole twice, then one article at a time, each alone
    assert backend.submitted.count(tuple(IDS[15:20])) == 2
    assert backend.submitted.count(("a17",)) == 2
    assert (backend.resets > 0) == shared_fate


def test_a_worker_killed_from_outside_loses_nothing() -> None:
    backend = InlineBackend(kills=[2, 5, 9])
    store = _drive(IDS, backend)
    assert {s for s, _ in store.saved.values()} == {"done"} and set(store.saved) == set(IDS)
    assert backend.resets == 3


def test_workers_that_keep_dying_stop_the_run() -> None:
    backend = InlineBackend(kills=range(1, 200))
    with pytest.raises(ProtestwatchError, match="died 7 times in a row"):
        _drive(IDS, backend, max_crashes=6)
    # before it stopped, at most the two articles it tried alone twice were given up on


def test_workers_running_another_pipeline_stop_the_run() -> None:
    with pytest.raises(ConfigError, match="do not run the same pipeline"):
        _drive(IDS, InlineBackend(version=lambda n: "1" if n < 3 else "2"))


def test_local_workers_are_started_afresh_now_and_then() -> None:
    backend = InlineBackend()
    backend.recycle_after = 3  # chunks
    store = _drive(IDS, backend)  # 8 chunks of 5
    assert set(store.saved) == set(IDS) and store.saves == 40
    assert backend.resets == 2  # after chunks 3 and 6, each time with nothing in flight
