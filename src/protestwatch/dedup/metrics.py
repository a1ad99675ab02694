"""Scores of a clustering against gold clusters: pairwise and B-cubed precision, recall and F1.

Both take two labelings of the same items (item → cluster label).  Items the gold has and the
prediction lacks count as predicted singletons; items only the prediction has are ignored.

- Pairwise: a pair of items is positive when both share a cluster; precision is the share of
  predicted positive pairs that are gold positive, recall the reverse.  With no positive pair on
  a side the ratio is 1.0 (nothing claimed, nothing wrong).
- B-cubed: per item, the share of its predicted cluster that is in its gold cluster (precision)
  and the share of its gold cluster that is in its predicted cluster (recall), averaged over items.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import Any


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class ClusterScores:
    items: int
    gold_clusters: int
    predicted_clusters: int
    gold_pairs: int
    predicted_pairs: int
    correct_pairs: int
    bcubed_precision: float
    bcubed_recall: float

    @property
    def pairwise_precision(self) -> float:
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def pairwise_recall(self) -> float:
        return self.correct_pairs / self.gold_pairs if self.gold_pairs else 1.0

    @property
    def pairwise_f1(self) -> float:
        return _f1(self.pairwise_precision, self.pairwise_recall)

    @property
    def bcubed_f1(self) -> float:
        return _f1(self.bcubed_precision, self.bcubed_recall)

    def to_dict(self) -> dict[str, Any]:
        return {
            "items": self.items, "gold_clusters": self.gold_clusters,
            "predicted_clusters": self.predicted_clusters, "gold_pairs": self.gold_pairs,
            "predicted_pairs": self.predicted_pairs, "correct_pairs": self.correct_pairs,
            "pairwise": {"precision": round(self.pairwise_precision, 4),
                         "recall": round(self.pairwise_recall, 4), "f1": round(self.pairwise_f1, 4)},
            "bcubed": {"precision": round(self.bcubed_precision, 4),
                       "recall": round(self.bcubed_recall, 4), "f1": round(self.bcubed_f1, 4)},
        }  # fmt: skip


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def score_clustering(
    predicted: Mapping[Hashable, Hashable], gold: Mapping[Hashable, Hashable]
) -> ClusterScores:
    """Pairwise and B-cubed scores of ``predicted`` against ``gold`` over the gold's items."""
    pred = {item: predicted.get(item, ("singleton", item)) for item in gold}
    cells = Counter((pred[item], gold[item]) for item in gold)
    pred_sizes = Counter(pred.values())
    gold_sizes = Counter(gold.values())
    n = len(gold)
    bp = sum(cells[pred[i], gold[i]] / pred_sizes[pred[i]] for i in gold) / n if n else 1.0
    br = sum(cells[pred[i], gold[i]] / gold_sizes[gold[i]] for i in gold) / n if n else 1.0
    return ClusterScores(
        items=n,
        gold_clusters=len(gold_sizes),
        predicted_clusters=len(pred_sizes),
        gold_pairs=sum(_pairs(s) for s in gold_sizes.values()),
        predicted_pairs=sum(_pairs(s) for s in pred_sizes.values()),
        correct_pairs=sum(_pairs(s) for s in cells.values()),
        bcubed_precision=bp,
        bcubed_recall=br,
    )


# -- evaluation against a cluster gold ---------------------------------------------------------

from collections.abc import Sequence

from protestwatch.dedup.gold import VALUE_FIELDS, GoldCluster
from protestwatch.evaluate.fields import FieldOptions, agreement, compare_events
from protestwatch.evaluate.gold import GoldArticle
from protestwatch.evaluate.matching import assign, compatible
from protestwatch.evaluate.names import place_key
from protestwatch.model import Event


@dataclass(frozen=True, slots=True)
class ValueScore:
    """Accuracy of one headline field over the gold clusters that state it."""

    field: str
    n: int
    correct: int

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.n if self.n else None


@dataclass(frozen=True, slots=True)
class ClusterEvaluation:
    scores: ClusterScores
    values: tuple[ValueScore, ...]
    gold_reports: int
    aligned: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "clustering": self.scores.to_dict(), "gold_reports": self.gold_reports,
            "aligned": self.aligned,
            "values": {v.field: {"n": v.n, "correct": v.correct,
                                 "accuracy": None if v.accuracy is None else round(v.accuracy, 4)}
                       for v in self.values},
        }  # fmt: skip


def align_to_gold(
    predicted: Mapping[str, Sequence[Event]], gold: Sequence[GoldArticle]
) -> dict[str, str]:
    """Predicted event id → gold report key (``article#event``), pairing within each article as
    the event evaluation does (dates overlap, place agrees, one to one, best agreement)."""
    options = FieldOptions()
    out: dict[str, str] = {}
    for article in gold:
        preds = list(predicted.get(article.id, ()))
        scores = [[agreement(compare_events(p, g, options)) if compatible(p, g) else None
                   for g in article.events] for p in preds]  # fmt: skip
        for i, j in assign(scores):
            out[preds[i].id] = f"{article.id}#{article.events[j].id}"
    return out


def evaluate_clusters(
    membership: Mapping[str, str], gold: Sequence[GoldCluster], *,
    alignment: Mapping[str, str] | None = None, headlines: Mapping[str, Event] | None = None,
) -> ClusterEvaluation:  # fmt: skip
    """Score predicted clusters (event id → cluster id) against gold clusters.

    With ``alignment`` (predicted event id → gold report key, see ``align_to_gold``) only the
    gold reports that a predicted event stands for are scored; without it the event ids are the
    report keys.  ``headlines`` (cluster id → reconciled event) adds the accuracy of the
    reconciled values the gold states.
    """
    gold_of = {r.key: c.key for c in gold for r in c.reports}
    if alignment is None:
        predicted = {k: membership[k] for k in gold_of if k in membership}
    else:
        predicted = {
            key: membership[e] for e, key in alignment.items() if e in membership and key in gold_of
        }
    scored = {k: gold_of[k] for k in predicted}
    values = _value_scores(predicted, gold, headlines) if headlines else ()
    return ClusterEvaluation(
        score_clustering(predicted, scored), values, len(gold_of), len(predicted)
    )


def _value_scores(
    predicted: Mapping[str, str], gold: Sequence[GoldCluster], headlines: Mapping[str, Event]
) -> tuple[ValueScore, ...]:
    n: Counter = Counter()
    correct: Counter = Counter()
    for cluster in gold:
        labels = Counter(predicted[r.key] for r in cluster.reports if r.key in predicted)
        if not labels or not cluster.values:
            continue
        label = min(labels, key=lambda k: (-labels[k], k))
        event = headlines.get(label)
        if event is None:
            continue
        data = event.to_dict()
        for name in VALUE_FIELDS:
            if name in cluster.values:
                n[name] += 1
                correct[name] += _same_value(name, data.get(name), cluster.values[name])
    return tuple(ValueScore(f, n[f], correct[f]) for f in VALUE_FIELDS if n[f])


def _same_value(name: str, got: Any, want: Any) -> bool:
    if name == "locality":
        return place_key(got) == place_key(want)
    return got == want
