#!/usr/bin/env python3
"""Time the store's listing, counting and aggregate queries on many events.

    python scripts/bench_store.py [--n 100000] [--seed 1] [--db PATH_OR_URL] [--repeat 7] [--json]
    python scripts/bench_store.py --db postgresql://postgres@127.0.0.1:5432/test

Fills a fresh store (a temporary SQLite file by default; with a ``postgresql://`` URL, a
temporary schema of that database, dropped afterwards) with ``--n`` synthetic events from
``make_events.py`` (real places, dates 2019-2024, issues, organizers, targets, sizes) through the
store's bulk path (``clusters.load_for_bench`` with the filter rows), then times what the web
application asks for: filtered, sorted pages of events, their counts, and aggregates by time
bucket and by field.  Each query runs ``--repeat`` times; the median and the slowest run are
reported in milliseconds (the first run, which warms caches, is excluded).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_events import generate  # noqa: E402


def _fill(store: Any, n: int, seed: int) -> tuple[float, list[dict[str, Any]]]:
    from protestwatch.store.clusters import load_for_bench

    events = [line["event"] for line in generate(n, seed)]
    started = time.perf_counter()
    load_for_bench(store, events, derived=True)
    store.analyze()
    return time.perf_counter() - started, events


def _cases(events: list[dict[str, Any]]) -> list[tuple[str, str, dict[str, Any], str | None]]:
    """(name, kind, filter, by): kind is events, count, aggregate or queue."""
    country = Counter(e["country"] for e in events).most_common(1)[0][0]
    small = Counter(e["country"] for e in events).most_common()[20][0]
    issue = Counter(i for e in events for i in e.get("issues") or ()).most_common(1)[0][0]
    organizer = Counter(o["name"] for e in events for o in e.get("organizers") or ()).most_common(3)[-1][0]
    fragment = organizer.split()[-1][:6].lower()
    year = {"date_from": "2022-01-01", "date_to": "2022-12-31"}
    return [
        ("count, no filter", "count", {}, None),
        ("page 1, default sort", "events", {"limit": 50}, None),
        ("page 101 (offset 5000), default sort", "events", {"limit": 50, "offset": 5000}, None),
        ("page 1, newest first", "events", {"limit": 50, "descending": True}, None),
        ("page 1, by confidence desc", "events", {"limit": 50, "sort": "confidence", "descending": True}, None),
        ("page 1, by size desc", "events", {"limit": 50, "sort": "size", "descending": True}, None),
        ("page 1, by updated_at", "events", {"limit": 50, "sort": "updated_at"}, None),
        (f"page 1, country={country}, newest first", "events", {"country": country, "limit": 50, "descending": True}, None),
        (f"count, country={country}", "count", {"country": country}, None),
        (f"page 1 + count, country={small} and 2022", "events+count", {"country": small, **year, "limit": 50}, None),
        (f"page 1 + count, issue={issue}", "events+count", {"issue": issue, "limit": 50}, None),
        (f"page 1 + count, organizer~{fragment!r}", "events+count", {"organizer": fragment, "limit": 50}, None),
        ("page 1 + count, min_confidence=0.8, form=strike", "events+count", {"min_confidence": 0.8, "form": "strike", "limit": 50}, None),
        ("aggregate by day", "aggregate", {}, "day"),
        ("aggregate by week", "aggregate", {}, "week"),
        ("aggregate by month", "aggregate", {}, "month"),
        ("aggregate by country", "aggregate", {}, "country"),
        ("aggregate by issue", "aggregate", {}, "issue"),
        ("aggregate by target_country", "aggregate", {}, "target_country"),
        ("aggregate by form", "aggregate", {}, "form"),
        ("aggregate by review", "aggregate", {}, "review"),
        (f"aggregate by week, country={country}", "aggregate", {"country": country}, "week"),
        ("aggregate by issue, 2022", "aggregate", {**year}, "issue"),
        (f"aggregate by month, issue={issue}", "aggregate", {"issue": issue}, "month"),
        ("review queue page 1", "queue", {}, None),
    ]


def _runner(store: Any, kind: str, flt: dict[str, Any], by: str | None) -> Callable[[], Any]:
    from protestwatch.store import EventFilter

    f = EventFilter(**flt)
    if kind == "events":
        return lambda: store.events(f)
    if kind == "count":
        return lambda: store.count_events(f)
    if kind == "events+count":
        return lambda: (store.events(f), store.count_events(f))
    if kind == "aggregate":
        return lambda: store.aggregate(f, by)
    return lambda: store.review_queue(50, 0)


def bench(db: str, n: int, seed: int, repeat: int) -> dict[str, Any]:
    from protestwatch.store import open_store

    store = open_store(db)
    try:
        load_seconds, events = _fill(store, n, seed)
        results = []
        for name, kind, flt, by in _cases(events):
            run = _runner(store, kind, flt, by)
            run()  # warm-up
            times = []
            for _ in range(repeat):
                started = time.perf_counter()
                out = run()
                times.append((time.perf_counter() - started) * 1000)
            size = len(out[0]) if kind == "events+count" else (out if kind == "count" else len(out))
            results.append({"query": name, "median_ms": round(statistics.median(times), 1),
                            "max_ms": round(max(times), 1), "result": size})  # fmt: skip
        return {"backend": store.dialect, "events": store.count_events(), "load_seconds": round(load_seconds, 1),
                "queries": results}  # fmt: skip
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", help="a SQLite path (must not exist) or a postgresql:// URL")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    cleanup: Callable[[], None] = lambda: None  # noqa: E731
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "bench.db")
        if db.startswith(("postgresql://", "postgres://")):
            import psycopg
            from psycopg import sql

            schema = f"pw_bench_{uuid.uuid4().hex[:10]}"
            base = db
            db = f"{db}{'&' if '?' in db else '?'}schema={schema}"

            def cleanup() -> None:
                with psycopg.connect(base, autocommit=True) as conn:
                    conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))

        elif Path(db).exists():
            parser.error(f"{db} exists: give a new path")
        try:
            report = bench(db, args.n, args.seed, args.repeat)
        finally:
            cleanup()
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"{report['backend']}: {report['events']} events, loaded in {report['load_seconds']} s")
    width = max(len(r["query"]) for r in report["queries"])
    for r in report["queries"]:
        print(f"  {r['query']:<{width}}  median {r['median_ms']:7.1f} ms  max {r['max_ms']:7.1f} ms  ({r['result']})")


if __name__ == "__main__":
    main()
