"""Coding the stored articles with several processes: local ones, or the workers of a Dask cluster.

    protestwatch run --workers 4                              # four local processes
    protestwatch run --dask-scheduler tcp://10.0.0.5:8786     # an existing Dask cluster

How a parallel run works:

- The parent lists the articles to code and hands them out in chunks.  A worker never receives a
  loaded pipeline: it receives a ``WorkerSpec`` (a ``PipelineConfig``, the pipeline version the
  parent expects and, when it saves its own results, the database URL) and loads its own pipeline
  from it, once per process (once per thread on a Dask worker with several threads).  Every chunk
  result carries the worker's ``Pipeline.versions()``: workers that disagree (another spaCy model,
  another protestwatch) stop the run instead of mixing codings.
- Who writes.  SQLite takes one writer at a time, so with SQLite the workers only code and send the
  results back, and the parent, the single writer, saves them (``writer="parent"``).  A database
  that takes concurrent writers (PostgreSQL) lets each worker read its chunk's articles and save
  its results itself (``writer="workers"``), which spares the parent the traffic; ``"auto"``
  picks ``workers`` there and ``parent`` for SQLite.
- Idempotence.  Saving one article's coding replaces that article's machine events in one
  transaction (``store.save_coding``), so a chunk coded twice (a worker died after saving part of
  it and the chunk was handed out again) ends exactly as if it had been coded once.
- A worker that dies.  A local worker that dies breaks the process pool: the pool is started
  again and every chunk that was in flight is handed out again.  A chunk that was in flight
  during two crashes is split into single articles, which are then coded one at a time, alone;
  an article that kills its worker twice while alone is saved as ``failed`` with that reason
  (``run --redo`` codes it again), so one poisonous article cannot stop the run.  On Dask the
  scheduler re-runs the tasks of a lost worker itself, and a task that kills several workers
  comes back as ``KilledWorker``, handled the same way.  More than ``max_crashes`` crashes in a
  row with no chunk finished in between stop the run with an error.
- Real-world events (``store/clusters.py``) are grouped once, at the end of the run.

Nothing here reaches into a store's internals: the parent and the workers use the store's public
methods only (``pending_ids``, ``get_article``, ``save_coding``, ``start_run``, ``finish_run``).
"""

from __future__ import annotations

import concurrent.futures as cf
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from protestwatch.errors import ConfigError, ProtestwatchError
from protestwatch.model import Article, Event
from protestwatch.pipeline import PIPELINE_VERSION, ArticleResult, Pipeline, PipelineConfig

if TYPE_CHECKING:
    from protestwatch.api import RunReport, Workspace

logger = logging.getLogger(__name__)

#: Who saves the codings: ``auto`` (workers when the database takes concurrent writers, else the
#: parent), ``parent`` or ``workers``.
WRITERS = ("auto", "parent", "workers")
#: Articles per chunk.  About a second of work: small enough to balance the load and to lose
#: little when a worker dies, large enough that handing chunks out costs nothing noticeable.
DEFAULT_CHUNK_SIZE = 64
#: Crashes in a row, with no chunk finished in between, after which the run stops.
DEFAULT_MAX_CRASHES = 6
#: Crashes of a chunk after which it is split into single articles coded one at a time.
SPLIT_AFTER = 2
#: Crashes of a single article, coded alone, after which it is saved as failed.
FAIL_AFTER = 2
#: Chunks each local worker codes before the pool is started afresh (about 12,800 articles: a
#: few seconds of loading every few minutes, for a memory that stays flat however long the run).
RECYCLE_AFTER_CHUNKS = 200
_PARENT_CHECK_SECONDS = 0.5


# -- what travels between the parent and the workers -------------------------------------------


@dataclass(frozen=True, slots=True)
class WorkerSpec:
    """What a worker needs to code (and, with ``db``, to save) a chunk; small and picklable."""

    config: PipelineConfig
    pipeline_version: str = PIPELINE_VERSION
    run_id: int | None = None
    db: str | None = None  # the database URL when the workers save their own results


@dataclass(frozen=True, slots=True)
class Outcome:
    """One article's coding as a worker sends it back (the article's text stays behind)."""

    article_id: str
    events: tuple[Event, ...] = ()
    state: str = "done"
    reason: str | None = None
    gated_out: bool = False

    @classmethod
    def of(cls, result: ArticleResult) -> "Outcome":
        return cls(result.article.id, result.events, result.state, result.reason, result.gated_out)


@dataclass(frozen=True, slots=True)
class ChunkResult:
    """What a worker did with one chunk: the outcomes to save, or the counts of what it saved."""

    versions: tuple[tuple[str, str], ...]
    outcomes: tuple[Outcome, ...] = ()
    counts: tuple[tuple[str, int], ...] = ()
    worker: str = ""


@dataclass
class _Chunk:
    """A chunk of article ids as the parent tracks it."""

    ids: tuple[str, ...]
    crashes: int = 0
    solo: bool = False  # coded alone, nothing else in flight (to find an article that kills)


# -- the worker side ---------------------------------------------------------------------------

_local = threading.local()  # per worker thread: {config: Pipeline}, {db: store}


def _pipeline_for(spec: WorkerSpec) -> Pipeline:
    """This worker's pipeline for ``spec``, loaded on first use and kept."""
    if spec.pipeline_version != PIPELINE_VERSION:
        raise ConfigError(
            f"this worker runs protestwatch pipeline {PIPELINE_VERSION}, the run expects "
            f"{spec.pipeline_version}: install the same protestwatch on every worker"
        )
    pipelines: dict[PipelineConfig, Pipeline] = _local.__dict__.setdefault("pipelines", {})
    if spec.config not in pipelines:
        pipelines.clear()  # one pipeline per thread: a new configuration replaces the old
        pipelines[spec.config] = Pipeline.load(spec.config)
    return pipelines[spec.config]


def _store_for(db: str) -> Any:
    from protestwatch.store import open_store

    stores: dict[str, Any] = _local.__dict__.setdefault("stores", {})
    if db not in stores:
        stores[db] = open_store(db)
    return stores[db]


def _versions(pipeline: Pipeline) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(pipeline.versions().items()))


def _worker_name() -> str:
    return f"{os.uname().nodename}:{os.getpid()}"


def code_chunk(spec: WorkerSpec, articles: Sequence[Article]) -> ChunkResult:
    """Code ``articles`` and send the outcomes back (the parent saves them)."""
    pipeline = _pipeline_for(spec)
    outcomes = tuple(Outcome.of(r) for r in pipeline.process_many(articles))
    return ChunkResult(_versions(pipeline), outcomes=outcomes, worker=_worker_name())


def code_and_save_chunk(spec: WorkerSpec, ids: Sequence[str]) -> ChunkResult:
    """Read the articles ``ids`` from the database, code them and save each coding there."""
    if spec.db is None:
        raise ConfigError("a worker that saves its results needs the database URL")
    pipeline = _pipeline_for(spec)
    store = _store_for(spec.db)
    tally = Tally()
    articles = (a for a in map(store.get_article, ids) if a is not None)
    for result in pipeline.process_many(articles):
        save_outcome(store, Outcome.of(result), spec.run_id, tally)
    return ChunkResult(_versions(pipeline), counts=tally.items(), worker=_worker_name())


@dataclass
class Tally:
    """Counts of saved codings, as ``RunReport`` keeps them."""

    coded: int = 0
    skipped: int = 0
    gated_out: int = 0
    events: int = 0

    def items(self) -> tuple[tuple[str, int], ...]:
        return tuple(self.__dict__.items())


def save_outcome(store: Any, outcome: Outcome, run_id: int | None, tally: Any) -> None:
    """Save one article's coding (one transaction, idempotent) and count it in ``tally``
    (a ``Tally`` or a ``RunReport``); the one-process run saves through it too."""
    store.save_coding(
        outcome.article_id,
        outcome.events,
        state=outcome.state,
        reason=outcome.reason,
        pipeline_version=PIPELINE_VERSION,
        run_id=run_id,
    )
    if outcome.state in ("skipped", "failed"):
        tally.skipped += 1
        logger.info("%s %s: %s", outcome.state, outcome.article_id, outcome.reason)
    else:
        tally.coded += 1
        tally.gated_out += int(outcome.gated_out)
        tally.events += len(outcome.events)


def _init_local_worker(parent_pid: int) -> None:
    """Start of a local worker process: leave Ctrl-C to the parent, and exit when it is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch_parent() -> None:
        while True:
            time.sleep(_PARENT_CHECK_SECONDS)
            if os.getppid() != parent_pid:  # the parent died (even by kill -9): stop working
                os._exit(1)

    threading.Thread(target=watch_parent, name="parent-watch", daemon=True).start()


# -- executors ---------------------------------------------------------------------------------


class _Backend:
    """Where chunks run: submit, wait for any, tell a crash from an error, start over."""

    #: A crash takes every task in flight with it (a broken local pool), or only its own (Dask).
    shared_fate: bool = False
    crash_errors: tuple[type[BaseException], ...] = ()
    slots: int = 1  # tasks worth keeping in flight
    #: Chunks after which the workers are started afresh (0: never), which bounds their memory
    #: (spaCy's string store and the lookup caches grow with every new word and place name).
    recycle_after: int = 0

    def submit(self, fn: Callable[..., ChunkResult], *args: Any) -> Any:
        raise NotImplementedError

    def wait_any(self, futures: Iterable[Any]) -> set[Any]:
        raise NotImplementedError

    def reset(self) -> None:
        """Make the backend usable again after a crash."""

    def close(self, cancel: bool = False) -> None:
        raise NotImplementedError


class LocalBackend(_Backend):
    """``workers`` local processes (started fresh, not forked from the parent)."""

    shared_fate = True
    crash_errors = (BrokenProcessPool,)

    def __init__(self, workers: int, recycle_after: int = RECYCLE_AFTER_CHUNKS) -> None:
        self.workers = workers
        self.slots = 2 * workers
        self.recycle_after = recycle_after * workers
        self._pool = self._start()

    def _start(self) -> cf.ProcessPoolExecutor:
        return cf.ProcessPoolExecutor(
            max_workers=self.workers, mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_local_worker, initargs=(os.getpid(),),
        )  # fmt: skip

    def submit(self, fn: Callable[..., ChunkResult], *args: Any) -> Any:
        return self._pool.submit(fn, *args)

    def wait_any(self, futures: Iterable[Any]) -> set[Any]:
        done, _ = cf.wait(list(futures), return_when=cf.FIRST_COMPLETED)
        return set(done)

    def reset(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = self._start()

    def close(self, cancel: bool = False) -> None:
        self._pool.shutdown(wait=True, cancel_futures=cancel)


class DaskBackend(_Backend):
    """The workers of the Dask cluster whose scheduler is at ``address``."""

    def __init__(self, address: str, timeout: float = 30.0) -> None:
        try:
            from distributed import Client
            from distributed.scheduler import KilledWorker
        except ImportError as exc:  # pragma: no cover - a dependency of the package
            raise ConfigError("running on Dask needs `pip install 'dask[distributed]'`") from exc
        self.crash_errors = (KilledWorker,)
        try:
            self._client = Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ConfigError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
        threads = sum(self._client.nthreads().values())
        if threads == 0:
            self._client.wait_for_workers(1, timeout=timeout)
            threads = sum(self._client.nthreads().values())
        self.slots = max(2, 2 * threads)

    def submit(self, fn: Callable[..., ChunkResult], *args: Any) -> Any:
        return self._client.submit(fn, *args, pure=False)

    def wait_any(self, futures: Iterable[Any]) -> set[Any]:
        from distributed import wait

        with self._client.as_current():  # the client is not the process-wide default
            return set(wait(list(futures), return_when="FIRST_COMPLETED").done)

    def close(self, cancel: bool = False) -> None:
        self._client.close()


# -- the parent side ---------------------------------------------------------------------------


@dataclass
class _Run:
    """One parallel run as the parent drives it."""

    store: Any
    spec: WorkerSpec
    backend: _Backend
    report: "RunReport"
    parent_writes: bool
    progress: Callable[[int], None] | None = None
    max_crashes: int = DEFAULT_MAX_CRASHES
    versions: tuple[tuple[str, str], ...] | None = None
    crashes_in_a_row: int = 0
    workers_seen: set[str] = field(default_factory=set)

    def submit(self, chunk: _Chunk) -> Any:
        if self.parent_writes:
            articles = [a for a in map(self.store.get_article, chunk.ids) if a is not None]
            return self.backend.submit(code_chunk, self.spec, articles)
        return self.backend.submit(code_and_save_chunk, self.spec, list(chunk.ids))

    def finished(self, chunk: _Chunk, result: ChunkResult) -> None:
        if self.versions is None:
            self.versions = result.versions
        elif result.versions != self.versions:
            raise ConfigError(
                f"the workers do not run the same pipeline ({dict(self.versions)} and "
                f"{dict(result.versions)} on {result.worker}): install the same protestwatch, "
                "spaCy and model on every worker"
            )
        self.workers_seen.add(result.worker)
        for outcome in result.outcomes:
            save_outcome(self.store, outcome, self.spec.run_id, self.report)
        for name, n in result.counts:
            setattr(self.report, name, getattr(self.report, name) + n)
        self.crashes_in_a_row = 0
        if self.progress:
            self.progress(len(chunk.ids))

    def give_up_on(self, chunk: _Chunk) -> None:
        """Save the single article that killed its worker ``FAIL_AFTER`` times as failed."""
        (article_id,) = chunk.ids
        reason = (
            f"the worker process died {chunk.crashes} times while coding this article alone "
            "(out of memory, or a crash in a library)"
        )
        logger.warning("%s: %s", article_id, reason)
        failed = Outcome(article_id, state="failed", reason=reason)
        save_outcome(self.store, failed, self.spec.run_id, self.report)
        if self.progress:
            self.progress(1)

    def crashed(self, chunks: list[_Chunk], queue: deque[_Chunk]) -> None:
        """Hand the chunks lost in a crash out again (split or given up on, see the module)."""
        self.crashes_in_a_row += 1
        if self.crashes_in_a_row > self.max_crashes:
            raise ProtestwatchError(
                f"worker processes died {self.crashes_in_a_row} times in a row without finishing "
                "any work (not enough memory? see the log); the articles coded so far are saved, "
                "`protestwatch run` goes on from there"
            )
        logger.warning("a worker died; handing %d chunk(s) out again", len(chunks))
        again: list[_Chunk] = []
        for chunk in chunks:
            chunk.crashes += 1
            if chunk.solo and chunk.crashes >= FAIL_AFTER:
                self.give_up_on(chunk)
            elif not chunk.solo and chunk.crashes >= SPLIT_AFTER:
                again.extend(_Chunk((i,), solo=True) for i in chunk.ids)
            else:
                again.append(chunk)
        queue.extendleft(reversed(again))

    def drive(self, chunks: Iterable[_Chunk]) -> None:
        queue: deque[_Chunk] = deque(chunks)
        in_flight: dict[Any, _Chunk] = {}
        backend = self.backend
        submitted = 0  # since the workers were (re)started
        while queue or in_flight:
            if backend.recycle_after and submitted >= backend.recycle_after and not in_flight:
                backend.reset()  # fresh workers, fresh memory
                submitted = 0
            while queue and len(in_flight) < backend.slots:
                solo_running = any(c.solo for c in in_flight.values())
                if solo_running or (queue[0].solo and in_flight):
                    break
                if backend.recycle_after and submitted >= backend.recycle_after:
                    break  # let the workers finish, then start them afresh
                chunk = queue.popleft()
                in_flight[self.submit(chunk)] = chunk
                submitted += 1
            lost: list[_Chunk] = []
            for future in backend.wait_any(in_flight):
                chunk = in_flight.pop(future)
                try:
                    result = future.result()
                except backend.crash_errors:
                    lost.append(chunk)
                    continue
                self.finished(chunk, result)
            if lost and backend.shared_fate:
                # the pool is broken: what is still in flight is lost too, unless it got through
                for future, chunk in list(in_flight.items()):
                    ok = future.done() and not future.cancelled() and future.exception() is None
                    if ok:
                        self.finished(chunk, future.result())
                    else:
                        lost.append(chunk)
                in_flight.clear()
                backend.reset()
                submitted = 0
            if lost:
                self.crashed(lost, queue)


def takes_concurrent_writers(store: Any) -> bool:
    """Whether several processes may write to ``store`` at once (not SQLite's case)."""
    from protestwatch.store.sqlite import SQLiteStore

    return not isinstance(store, SQLiteStore)


def run_parallel(
    ws: "Workspace",
    *,
    redo: bool = False,
    progress: Callable[[int], None] | None = None,
    workers: int = 2,
    scheduler: str | None = None,
    writer: str = "auto",
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    max_crashes: int = DEFAULT_MAX_CRASHES,
    connect_timeout: float = 30.0,
) -> "RunReport":
    """Code every pending article of ``ws`` (all with ``redo``) with ``workers`` local processes,
    or on the Dask cluster at ``scheduler`` (waiting at most ``connect_timeout`` seconds for
    it); then group the reports into real-world events."""
    from protestwatch.api import RunReport, last_run_unfinished

    if writer not in WRITERS:
        raise ConfigError(f"writer must be one of {', '.join(WRITERS)}, not {writer!r}")
    if workers < 1:
        raise ConfigError(f"workers must be at least 1, not {workers}")
    if chunk_size < 1:
        raise ConfigError(f"chunk_size must be at least 1, not {chunk_size}")
    store = ws.store
    concurrent = takes_concurrent_writers(store)
    if writer == "workers" and not concurrent:
        raise ConfigError(
            "SQLite takes one writer at a time: with SQLite the parent saves (--writer parent)"
        )
    parent_writes = writer == "parent" or (writer == "auto" and not concurrent)
    report = RunReport()
    ids = store.pending_ids(redo=redo)
    if not ids:
        if last_run_unfinished(store):  # killed while grouping, perhaps: group now
            run_id = store.start_run("run", PIPELINE_VERSION)
            ws.dedup()
            store.finish_run(run_id, report.counts())
        return report
    backend: _Backend
    backend = DaskBackend(scheduler, connect_timeout) if scheduler else LocalBackend(workers)
    run_id = store.start_run("run", PIPELINE_VERSION)
    spec = WorkerSpec(ws.config, PIPELINE_VERSION, run_id, None if parent_writes else ws.db)
    run = _Run(store, spec, backend, report, parent_writes, progress, max_crashes)
    # A small run is cut finer, so that every worker gets several chunks to balance the load.
    size = min(chunk_size, max(1, -(-len(ids) // (workers * 4))))
    chunks = (_Chunk(tuple(ids[i : i + size])) for i in range(0, len(ids), size))
    state = "failed"
    try:
        run.drive(chunks)
        state = "finished"
    except KeyboardInterrupt:
        state = "interrupted"
        raise
    finally:
        backend.close(cancel=state != "finished")
        if state != "finished":
            store.finish_run(run_id, report.counts(), state=state)
    logger.info("coded %d articles on %d worker process(es)", report.coded, len(run.workers_seen))
    if report.coded:
        ws.dedup()  # once, at the end: the new reports join their real-world events
    store.finish_run(run_id, report.counts())  # only now: a run killed while grouping is redone
    return report
