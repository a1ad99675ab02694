"""Several processes on one database: writers coding overlapping articles, ingesting the same
articles and correcting events, with a reader listing all the while; and a writer killed in the
middle of a coding.  Nothing is lost, nothing is duplicated, nobody sees half a coding."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import signal
import time
import traceback
from collections import Counter
from typing import Any

from protestwatch.errors import StoreError
from protestwatch.model import Event, Evidence, Issue
from protestwatch.store import open_store

from .conftest import article

ARTICLES = 24
WRITERS = 4
SECONDS = 4.0
ISSUES = list(Issue)
_fork = multiprocessing.get_context("fork")


def _coding(aid: str, version: str, n: int) -> list[Event]:
    """Article ``aid``'s coding number ``version``: ``n`` events, each naming the version."""
    return [
        Event(id=f"{aid}-{j}", country="KZ", locality=f"Place{j}", date_start=dt.date(2022, 5, 1 + j),
              date_end=dt.date(2022, 5, 1 + j), outcome=version, issues=(ISSUES[(j + n) % len(ISSUES)],),
              evidence={"country": (Evidence(aid, 0, 7),)})
        for j in range(n)
    ]  # fmt: skip


def _check_snapshot(events: list[Event]) -> list[str]:
    """What is wrong in one listing: an article whose events come from different codings, or
    fewer or more of them than its coding made."""
    problems = []
    by_article: dict[str, list[Event]] = {}
    for e in events:
        by_article.setdefault(e.id.rsplit("-", 1)[0], []).append(e)
    for aid, evs in by_article.items():
        versions = {e.outcome for e in evs}
        if len(versions) != 1:
            problems.append(f"{aid}: events from codings {sorted(versions)}")
            continue
        n = int(versions.pop().rsplit("/", 1)[1])
        if len(evs) != n or len({e.id for e in evs}) != n:
            problems.append(f"{aid}: {len(evs)} events listed, its coding made {n}")
    return problems


def _writer(db: str, k: int, out: Any) -> None:
    log: dict[str, Any] = {"saved": [], "new": Counter(), "corrections": []}
    try:
        store = open_store(db)
        run = store.start_run(f"writer-{k}")
        deadline, i = time.monotonic() + SECONDS, 0
        while time.monotonic() < deadline:
            aid = f"a{(k * 6 + i * 7) % ARTICLES}"  # writers' article sets overlap
            n = 1 + (i + k) % 3
            version = f"w{k}.{i}/{n}"
            store.save_coding(aid, _coding(aid, version, n), run_id=run)
            log["saved"].append((aid, version))
            if i % 5 == 0:  # every writer ingests the same new articles
                shared = article(f"new{i % 9}", text=f"Shared report {i % 9}: pensioners picketed the akimat.")
                log["new"][shared.id] += int(store.add_article(shared, run))
            if i % 4 == 0:
                try:
                    store.correct(f"{aid}-0", "size_low", 1000 * k + i, author=f"w{k}")
                    log["corrections"].append((f"{aid}-0", 1000 * k + i))
                except StoreError as exc:
                    if "no event" not in str(exc):
                        raise
            i += 1
        store.finish_run(run, {"saved": len(log["saved"])})
        store.close()
        out.put(("ok", k, log))
    except BaseException:
        out.put(("error", k, traceback.format_exc()))


def _reader(db: str, out: Any) -> None:
    try:
        store = open_store(db)
        deadline, reads, problems = time.monotonic() + SECONDS, 0, []
        while time.monotonic() < deadline:
            problems += _check_snapshot(store.events())
            store.aggregate(None, "issue")
            store.count_events()
            reads += 1
        store.close()
        out.put(("ok", "reader", {"reads": reads, "problems": problems}))
    except BaseException:
        out.put(("error", "reader", traceback.format_exc()))


def test_concurrent_writers_and_a_reader(db):
    store = open_store(db)
    for i in range(ARTICLES):
        store.add_article(article(i))
    out = _fork.Queue()
    procs = [_fork.Process(target=_writer, args=(db, k, out)) for k in range(WRITERS)]
    procs.append(_fork.Process(target=_reader, args=(db, out)))
    for p in procs:
        p.start()
    results = [out.get(timeout=SECONDS + 120) for _ in procs]
    for p in procs:
        p.join(timeout=30)
    errors = [r for r in results if r[0] != "ok"]
    assert not errors, "\n".join(str(e[2]) for e in errors)
    logs = {k: log for status, k, log in results}
    reader = logs.pop("reader")
    assert reader["reads"] > 0 and reader["problems"] == []

    # every article holds exactly one complete coding, one a writer saved
    final = store.events()
    assert _check_snapshot(final) == []
    saved = {(aid, v) for log in logs.values() for aid, v in log["saved"]}
    for e in final:
        aid = e.id.rsplit("-", 1)[0]
        assert (aid, e.outcome) in saved
    assert len({e.id for e in final}) == len(final) == store.count_events()
    # the derived rows match the events, none lost or doubled
    assert store.scalar("SELECT COUNT(*) FROM event_issues") == len(final)
    assert sorted(store.aggregate(None, "issue")) == sorted(Counter(e.issues[0].value for e in final).items())
    # each shared article was stored once, by exactly one writer
    new: Counter[str] = Counter()
    for log in logs.values():
        new.update(log["new"])
    unsaved = sum(1 for i in range(ARTICLES) if f"a{i}" not in {a for a, _ in saved})
    assert store.article_states().get("pending", 0) == unsaved + len(new)
    assert set(new.values()) == {1}
    assert store.scalar("SELECT COUNT(*) FROM articles WHERE id LIKE 'anew%'") == len(new)
    # every correction is there once, with its audit row, and the last one wins over the machine
    corrections = [c for log in logs.values() for c in log["corrections"]]
    assert store.scalar("SELECT COUNT(*) FROM corrections") == len(corrections)
    assert store.scalar("SELECT COUNT(*) FROM audit WHERE action = 'correct'") == len(corrections)
    for event_id in {c[0] for c in corrections}:
        history = store.corrections(event_id)
        event = store.get_event(event_id)
        if event is not None:
            assert event.size_low == history[-1].value
    assert sorted(r["command"] for r in store.runs()) == [f"writer-{k}" for k in range(WRITERS)]
    assert all(r["state"] == "finished" for r in store.runs())
    store.close()


def _killed_writer(db: str, ready: Any) -> None:
    store = open_store(db)
    original = type(store)._write_derived

    def slow(self, *args, **kw):  # the first event is written; hang inside the transaction
        original(self, *args, **kw)
        ready.set()
        time.sleep(60)

    type(store)._write_derived = slow
    store.save_coding("a1", _coding("a1", "killed/3", 3))


def test_a_writer_killed_mid_coding_leaves_the_article_pending(db):
    store = open_store(db)
    store.add_article(article(1))
    ready = _fork.Event()
    proc = _fork.Process(target=_killed_writer, args=(db, ready))
    proc.start()
    assert ready.wait(60), "the writer never started its coding"
    os.kill(proc.pid, signal.SIGKILL)
    proc.join(30)
    assert store.pending_ids() == ["a1"]
    assert store.events() == [] and store.scalar("SELECT COUNT(*) FROM event_issues") == 0
    store.save_coding("a1", _coding("a1", "again/2", 2))  # the next run codes it completely
    assert [e.outcome for e in store.events()] == ["again/2", "again/2"]
    assert store.article_states() == {"done": 1}
    store.close()


def test_processes_opening_a_new_database_at_once_migrate_it_once(db):
    out = _fork.Queue()

    def opener() -> None:
        try:
            s = open_store(db)
            out.put(("ok", s.schema_version))
            s.close()
        except BaseException:
            out.put(("error", traceback.format_exc()))

    procs = [_fork.Process(target=opener) for _ in range(4)]
    for p in procs:
        p.start()
    results = [out.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(30)
    assert all(status == "ok" for status, _ in results), results
    with open_store(db) as store:
        assert {v for _, v in results} == {store.schema_version}
        assert store.scalar("SELECT COUNT(*) FROM schema_migrations") == store.schema_version
