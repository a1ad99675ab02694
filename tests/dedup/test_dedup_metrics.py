"""Cluster gold format and scores."""

from __future__ import annotations

import io
import json

import pytest

from protestwatch.dedup.gold import clusters_from_event_gold, dump_cluster_gold, load_cluster_gold
from protestwatch.dedup.metrics import evaluate_clusters, score_clustering
from protestwatch.errors import EvaluationError
from protestwatch.evaluate.gold import parse_gold_article


def test_perfect_clustering_scores_one():
    gold = {"a": 1, "b": 1, "c": 2}
    s = score_clustering({"a": "x", "b": "x", "c": "y"}, gold)
    assert s.pairwise_f1 == 1.0 and s.bcubed_f1 == 1.0


def test_known_pairwise_and_bcubed_values():
    gold = {"a": 1, "b": 1, "c": 1, "d": 2}
    pred = {"a": "x", "b": "x", "c": "y", "d": "y"}
    s = score_clustering(pred, gold)
    assert (s.gold_pairs, s.predicted_pairs, s.correct_pairs) == (3, 2, 1)
    assert s.pairwise_precision == 0.5 and s.pairwise_recall == pytest.approx(1 / 3)
    # B-cubed precision: a 1, b 1, c 1/2, d 1/2; recall: a 2/3, b 2/3, c 1/3, d 1
    assert s.bcubed_precision == pytest.approx(0.75)
    assert s.bcubed_recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)


def test_missing_predictions_count_as_singletons():
    s = score_clustering({}, {"a": 1, "b": 1})
    assert s.pairwise_recall == 0.0 and s.pairwise_precision == 1.0


def _gold_article(aid, events):
    base = {"status": "occurred", "report": "current", "form": "demonstrate", "country": "GE",
            "locality": "Tbilisi", "date_precision": "day"}  # fmt: skip
    return parse_gold_article({"article": {"id": aid, "published": "2025-02-13"},
                               "events": [base | e for e in events]})  # fmt: skip


def test_cluster_gold_from_event_keys_round_trips(tmp_path):
    articles = [
        _gold_article("a1", [{"id": "E1", "date_start": "2025-02-11", "date_end": "2025-02-11",
                              "size_low": 20000, "size_high": 99999, "event_key": "media-bill"}]),
        _gold_article("a2", [{"id": "E1", "date_start": "2025-02-11", "date_end": "2025-02-11",
                              "size_low": 8000, "size_high": None, "event_key": "media-bill"},
                             {"id": "E2", "date_start": "2025-02-16", "date_end": "2025-02-16"}]),
    ]  # fmt: skip
    clusters = clusters_from_event_gold(articles)
    assert [c.key for c in clusters] == ["a2/E2", "media-bill"]
    bill = clusters[1]
    assert [r.key for r in bill.reports] == ["a1#E1", "a2#E1"]
    assert (bill.values["size_low"], bill.values["size_high"]) == (8000, 99999)
    buf = io.StringIO()
    dump_cluster_gold(clusters, buf)
    path = tmp_path / "clusters.jsonl"
    path.write_text(buf.getvalue(), encoding="utf-8")
    assert load_cluster_gold(path) == clusters


def test_cluster_gold_rejects_a_report_in_two_events(tmp_path):
    path = tmp_path / "bad.jsonl"
    lines = [{"key": "x", "reports": ["a1"]}, {"key": "y", "reports": [{"article": "a1"}]}]
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"bad.jsonl:2"):
        load_cluster_gold(path)


def test_evaluate_clusters_with_alignment_and_values():
    articles = [
        _gold_article("a1", [{"id": "E1", "date_start": "2025-02-11", "date_end": "2025-02-11",
                              "arrests_low": 47, "arrests_high": 47, "event_key": "k"}]),
        _gold_article("a2", [{"id": "E1", "date_start": "2025-02-11", "date_end": "2025-02-11",
                              "arrests_low": 24, "arrests_high": 99, "event_key": "k"}]),
    ]  # fmt: skip
    gold = clusters_from_event_gold(articles)
    from protestwatch.model import Event

    headline = Event.from_dict({"id": "c1", "date_start": "2025-02-11", "date_end": "2025-02-11",
                                "date_precision": "day", "country": "GE", "locality": "Tbilisi",
                                "arrests_low": 47, "arrests_high": 47})  # fmt: skip
    result = evaluate_clusters({"p1": "c1", "p2": "c1"}, gold, alignment={"p1": "a1#E1", "p2": "a2#E1"},
                               headlines={"c1": headline})  # fmt: skip
    assert result.scores.pairwise_f1 == 1.0 and result.aligned == 2
    values = {v.field: v for v in result.values}
    assert values["arrests_low"].accuracy == 1.0 and values["locality"].accuracy == 1.0
