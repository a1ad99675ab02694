"""The bar on the demo corpus gold: the gold's own per-article events, clustered, must give back
the gold's real-world events (articles sharing an ``event_key``)."""

from __future__ import annotations

from protestwatch.dedup.cluster import cluster_records
from protestwatch.dedup.gold import clusters_from_event_gold
from protestwatch.dedup.metrics import evaluate_clusters
from protestwatch.dedup.reconcile import reconcile
from protestwatch.dedup.records import record_of
from protestwatch.demo import demo_corpus
from protestwatch.evaluate.gold import load_gold
from protestwatch.model import Source


def test_demo_gold_events_cluster_back_into_their_event_keys():
    articles = load_gold(demo_corpus() / "gold.jsonl")
    gold = clusters_from_event_gold(articles)
    assert (
        sum(len(c.reports) > 1 for c in gold) == 4
    )  # three 3-outlet events and one background pair
    events = {}
    for a in articles:
        for e in a.events:
            key = f"{a.id}#{e.id}"
            events[key] = e.replace(id=key, sources=(Source(a.id, published=a.published),))
    groups = cluster_records(record_of(e) for e in events.values())
    membership = {m: g.members[0] for g in groups for m in g.members}
    headlines = {
        g.members[0]: reconcile(g.members[0], [events[m] for m in g.members]).event for g in groups
    }
    result = evaluate_clusters(membership, gold, headlines=headlines)
    assert result.scores.pairwise_f1 >= 0.9 and result.scores.bcubed_f1 >= 0.9
    assert all(v.accuracy == 1.0 for v in result.values)
    for g in groups:  # the bar: never two localities, never reports without a common day
        places = {events[m].locality for m in g.members if events[m].locality}
        assert len(places) <= 1
        assert max(events[m].date_start for m in g.members) <= min(
            events[m].date_end for m in g.members
        )
