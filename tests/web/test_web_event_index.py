"""The in-memory event index answers exactly as the plain-SQL reference (``realworld.py``): the
same real-world events counted, listed in the same order, aggregated the same, on synthetic
reports with real clusters, missing values and review decisions, under random filters."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import sys
from pathlib import Path

import pytest

from protestwatch.store import EventFilter, open_store
from protestwatch.store.clusters import cluster_store, load_for_bench
from protestwatch.store.query import AGGREGATES, SORTS
from protestwatch.web import realworld
from protestwatch.web.event_index import EventIndex

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from make_events import generate  # noqa: E402


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("index") / "index.db"
    s = open_store(path)
    events = [line["event"] for line in generate(900, 7)]
    rng = random.Random(3)
    for e in events[:40]:  # reports with missing values sort and count as the store does
        field = rng.choice(["country", "date", "size_low", "locality"])
        if field == "date":
            e["date_start"] = e["date_end"] = None
        else:
            e[field] = None
    load_for_bench(s, events, derived=True)
    cluster_store(s, with_text=False)
    for e in events[40:70]:
        s.correct(e["id"], "_review", rng.choice(["accepted", "rejected"]), author="test")
    yield s
    s.close()


@pytest.fixture(scope="module")
def index(store):
    return EventIndex(store, realworld.Memberships.load(store))


def random_filters(store, n: int, seed: int) -> list[EventFilter]:
    rng = random.Random(seed)
    countries = [r[0] for r in store.fetchall("SELECT DISTINCT country FROM events WHERE country IS NOT NULL")]
    admin1 = [r[0] for r in store.fetchall("SELECT DISTINCT admin1 FROM events WHERE admin1 IS NOT NULL")]
    issues = [r[0] for r in store.fetchall("SELECT DISTINCT issue FROM event_issues")]
    targets = [r[0] for r in store.fetchall("SELECT DISTINCT country FROM event_targets")]
    out = [EventFilter()]
    for _ in range(n):
        kw: dict = {}
        for _ in range(rng.randint(1, 3)):
            pick = rng.choice(["country", "admin1", "year", "form", "issue", "target", "conf",
                               "review", "status", "report", "organizer", "sub"])  # fmt: skip
            if pick == "country":
                kw["country"] = rng.choice(countries + ["ZZ"])
            elif pick == "admin1":
                kw["admin1"] = rng.choice(admin1)
            elif pick == "year":
                y = rng.randint(2019, 2024)
                kw["date_from"], kw["date_to"] = dt.date(y, 1, 1), dt.date(y, rng.randint(1, 12), 28)
            elif pick == "form":
                kw["form"] = rng.choice(["demonstrate", "strike", "riot", "boycott"])
            elif pick == "issue":
                kw["issue"] = rng.choice(issues)
            elif pick == "target":
                kw["target_country"] = rng.choice(targets)
            elif pick == "conf":
                kw["min_confidence"] = rng.choice([0.3, 0.5, 0.7, 0.9])
            elif pick == "review":
                kw["review"] = rng.choice(["machine", "accepted", "rejected"])
            elif pick == "status":
                kw["status"] = rng.choice(["occurred", "planned"])
            elif pick == "report":
                kw["report"] = rng.choice(["current", "background"])
            elif pick == "organizer":
                kw["organizer"] = rng.choice(["union", "council", "xyz"])
            else:
                kw["sub_event_type"] = "Peaceful protest"
        out.append(EventFilter(**kw))
    return out


def test_counts_and_aggregates_match_the_sql_reference(store, index):
    members = realworld.Memberships.load(store)
    for flt in random_filters(store, 60, 1):
        assert index.count(store, flt) == realworld.count(store, members, flt), flt
        for by in AGGREGATES:
            assert index.aggregate(store, flt, by) == realworld.aggregate(store, members, flt, by), (flt, by)


@pytest.mark.parametrize("sort", sorted(SORTS))
@pytest.mark.parametrize("descending", [False, True])
def test_pages_match_the_sql_reference(store, index, sort, descending):
    members = realworld.Memberships.load(store)
    for flt in random_filters(store, 15, 2):
        for offset, limit in ((0, 20), (20, 20), (7, 3)):
            paged = dataclasses.replace(flt, sort=sort, descending=descending, limit=limit, offset=offset)
            assert index.page(store, paged) == realworld.page(store, members, paged), paged


def test_the_index_counts_clusters_not_reports(store, index):
    reports = store.count_events(EventFilter())
    assert index.count(store, EventFilter()) < reports
    clusters = store.scalar("SELECT COUNT(DISTINCT cluster_id) FROM cluster_members m JOIN events e "
                            "ON e.id = m.event_id WHERE e.review != 'rejected'")  # fmt: skip
    assert index.count(store, EventFilter()) == clusters
