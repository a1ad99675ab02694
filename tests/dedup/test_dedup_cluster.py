"""Grouping: determinism, background mentions, chains, human constraints, blocking cost."""

from __future__ import annotations

import datetime as dt
import random

from protestwatch.dedup.blocking import BlockingStats, candidate_pairs
from protestwatch.dedup.cluster import (
    ClusterOptions,
    ClusterStats,
    cluster_records,
    constraints_from,
)
from protestwatch.dedup.records import record_of
from protestwatch.model import Report

from .conftest import make_event

YEAR = ("2016-01-01", "2016-12-31")


def groups_of(events, constraints=None):
    return {g.members for g in cluster_records([record_of(e) for e in events], constraints)}


def test_three_outlets_one_event(tariff_reports):
    assert groups_of(tariff_reports) == {("e-daily", "e-ngo", "e-wire")}


def test_result_does_not_depend_on_order(tariff_reports):
    extra = [
        make_event("x1", "a1", "2023-10-15", issues=["housing"]),
        make_event("x2", "a2", "2023-10-15", issues=["housing"]),
        make_event(
            "x3", "a3", ("2023-10-01", "2023-10-31"), precision="month", issues=["prices_economy"]
        ),
    ]
    events = tariff_reports + extra
    expected = groups_of(events)
    rng = random.Random(7)
    for _ in range(5):
        rng.shuffle(events)
        assert groups_of(events) == expected


def test_running_twice_gives_the_same_groups_and_links(tariff_reports):
    records = [record_of(e) for e in tariff_reports]
    assert cluster_records(records) == cluster_records(list(reversed(records)))


def test_background_mention_joins_the_one_event_it_recalls():
    fine = make_event("f", "a", "2016-05-21", locality="Atyrau", admin1="Atyrau Region",
                      issues=["land"], claims=("no sale of land to foreign tenants",))  # fmt: skip
    mention = make_event("m", "b", YEAR, precision="year", locality="Atyrau", admin1="Atyrau Region",
                         report=Report.BACKGROUND, issues=["land"],
                         claims=("the sale of land to foreign tenants",), published="2019-03-01")  # fmt: skip
    assert groups_of([fine, mention]) == {("f", "m")}


def test_ambiguous_background_mention_joins_neither_and_never_chains_them():
    may = make_event("may", "a", "2016-05-21", locality="Atyrau", admin1="Atyrau Region",
                     issues=["land"], claims=("land sale to foreigners",))  # fmt: skip
    june = make_event("june", "b", "2016-06-04", locality="Atyrau", admin1="Atyrau Region",
                      issues=["land"], claims=("land sale to foreigners",))  # fmt: skip
    mention = make_event("m", "c", YEAR, precision="year", locality="Atyrau", admin1="Atyrau Region",
                         report=Report.BACKGROUND, issues=["land"], claims=("land sale to foreigners",))  # fmt: skip
    assert groups_of([may, june, mention]) == {("may",), ("june",), ("m",)}


def test_a_week_report_never_joins_two_days_into_one_event():
    sat = make_event("sat", "a", "2023-10-14", issues=["housing"])
    sun = make_event("sun", "b", "2023-10-15", issues=["housing"])
    week = make_event("wk", "c", ("2023-10-14", "2023-10-15"), precision="week", issues=["housing"])
    groups = groups_of([sat, sun, week])
    assert ("sat",) in groups or ("sun",) in groups
    assert not any({"sat", "sun"} <= set(g) for g in groups)


def test_a_wave_in_several_cities_stays_several_events():
    cities = [("Almaty", "Almaty"), ("Astana", "Astana"), ("Shymkent", "Shymkent")]
    events = []
    for k, (city, region) in enumerate(cities):
        for outlet in ("wire", "daily"):
            events.append(make_event(f"{city}-{outlet}", f"{outlet}-{k}", locality=city, admin1=region,
                                     campaign="kz-fuel", issues=["prices_economy"]))  # fmt: skip
    assert groups_of(events) == {(f"{c}-daily", f"{c}-wire") for c, _ in cities}


def test_unrelated_protests_same_city_same_day_go_to_their_own_reports():
    pens = {
        "issues": ["labor_wages"],
        "claims": ("raise pensions in line with prices",),
        "organizers": ["Pensioners Union"],
    }
    eco = {
        "issues": ["environment"],
        "claims": ("close the cement plant polluting the river",),
        "organizers": ["Green Steppe"],
    }
    events = [make_event("p1", "a", **pens), make_event("e1", "a", **eco),
              make_event("p2", "b", **pens), make_event("e2", "c", **eco)]  # fmt: skip
    assert groups_of(events) == {("p1", "p2"), ("e1", "e2")}


def test_person_split_and_merge_are_kept(tariff_reports):
    split = constraints_from([(1, "split", ["e-wire", "e-daily"], ["e-ngo"])])
    assert groups_of(tariff_reports, split) == {("e-daily", "e-wire"), ("e-ngo",)}
    astana = make_event("ast", "other", locality="Astana", admin1="Astana")
    merged = constraints_from(
        [(1, "split", ["e-wire", "e-daily"], ["e-ngo"]), (2, "merge", ["e-ngo"], ["ast"])]
    )
    assert groups_of(tariff_reports + [astana], merged) == {("e-daily", "e-wire"), ("ast", "e-ngo")}
    undone = constraints_from(
        [(1, "split", ["e-wire", "e-daily"], ["e-ngo"]), (2, "merge", ["e-wire"], ["e-ngo"])]
    )
    assert groups_of(tariff_reports, undone) == {("e-daily", "e-ngo", "e-wire")}


def test_every_merge_has_a_link_with_scores(tariff_reports):
    (group,) = cluster_records([record_of(e) for e in tariff_reports])
    assert len(group.links) == 2
    for link in group.links:
        assert link.rule == "score" and link.score >= 0.62 and "date" in link.components


def test_blocking_compares_only_nearby_records():
    rng = random.Random(3)
    cities = [f"Town{k}" for k in range(30)]
    events = []
    for k in range(3000):
        day = (dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(700))).isoformat()
        city = rng.choice(cities)
        events.append(make_event(f"e{k}", f"a{k}", day, locality=city, admin1=None))
    stats = BlockingStats()
    pairs = list(candidate_pairs([record_of(e) for e in events], stats=stats))
    assert len(pairs) < 3000  # all pairs would be 4.5 million
    assert all(i < j for i, j in pairs) and len(set(pairs)) == len(pairs)


def test_vague_probe_with_too_many_candidates_stays_alone():
    events = [make_event(f"e{k}", f"a{k}", f"2016-0{1 + k % 9}-1{k % 10}", locality=f"T{k}", admin1=None)
              for k in range(60)]  # fmt: skip
    events.append(make_event("nation", "z", YEAR, precision="year", locality=None, admin1=None))
    stats = ClusterStats()
    groups = cluster_records(
        [record_of(e) for e in events], options=ClusterOptions(max_probe=20), stats=stats
    )
    assert stats.blocking.vague_probes == 1 and ("nation",) in {g.members for g in groups}
