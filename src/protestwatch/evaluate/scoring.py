"""Scoring predicted events against gold articles.

Within each gold article the predicted events are paired one to one with the gold events
(``matching``); the pairs are the true positives.  Detection precision, recall and F1 are micro
averages over all articles.  Every matched pair is then compared field by field (``fields``).

Articles present in the gold but absent from ``predicted`` count as "no events predicted".
Predicted articles absent from the gold are not scored; their ids are listed in the report.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from ..errors import EvaluationError
from ..model import Event, Report, Status
from .fields import FIELD_ROWS, Comparison, FieldOptions, agreement, compare_events, gold_has_value
from .gold import GoldArticle
from .matching import assign, compatible
from .names import PlaceAlias, default_alias
from .report import DetectionScores, EvaluationReport, EventRef, FieldScore, Match

logger = logging.getLogger(__name__)


def group_by_article(events: Iterable[Event]) -> dict[str, list[Event]]:
    """Predicted events keyed by the id of every article among their sources."""
    out: dict[str, list[Event]] = {}
    for event in events:
        for article_id in dict.fromkeys(s.article_id for s in event.sources):
            out.setdefault(article_id, []).append(event)
    return out


@dataclass
class _Tally:
    """Counts gathered article by article (private, mutable while scoring)."""

    gold: Counter = field(default_factory=Counter)
    predicted: Counter = field(default_factory=Counter)
    matched_gold: Counter = field(default_factory=Counter)
    matched_predicted: Counter = field(default_factory=Counter)
    n: Counter = field(default_factory=Counter)
    correct: Counter = field(default_factory=Counter)
    score: Counter = field(default_factory=Counter)
    n_gold: Counter = field(default_factory=Counter)
    correct_gold: Counter = field(default_factory=Counter)
    matches: list[Match] = field(default_factory=list)
    missed: list[EventRef] = field(default_factory=list)
    spurious: list[EventRef] = field(default_factory=list)

    def count_events(self, events: Sequence[Event], into: Counter) -> None:
        for event in events:
            into["all"] += 1
            into[f"report={event.report.value}"] += 1
            into[f"status={event.status.value}"] += 1

    def count_fields(self, gold: Event, comparisons: Mapping[str, Comparison]) -> None:
        for row in FIELD_ROWS:
            result = comparisons[row]
            self.n[row] += 1
            self.correct[row] += result.correct
            self.score[row] += result.score
            if gold_has_value(gold, row):
                self.n_gold[row] += 1
                self.correct_gold[row] += result.correct


def _score_article(
    article: GoldArticle, predicted: Sequence[Event], options: FieldOptions, tally: _Tally
) -> None:
    gold = article.events
    comparisons: dict[tuple[int, int], dict[str, Comparison]] = {}
    scores: list[list[float | None]] = []
    for i, p in enumerate(predicted):
        line: list[float | None] = []
        for j, g in enumerate(gold):
            if compatible(p, g, options.alias):
                comparisons[i, j] = compare_events(p, g, options)
                line.append(agreement(comparisons[i, j]))
            else:
                line.append(None)
        scores.append(line)
    pairs = assign(scores)
    tally.count_events(gold, tally.gold)
    tally.count_events(predicted, tally.predicted)
    tally.count_events([gold[j] for _, j in pairs], tally.matched_gold)
    tally.count_events([predicted[i] for i, _ in pairs], tally.matched_predicted)
    for i, j in pairs:
        tally.count_fields(gold[j], comparisons[i, j])
        tally.matches.append(Match(article.id, gold[j].id, predicted[i].id, scores[i][j] or 0.0))
    matched_p = {i for i, _ in pairs}
    matched_g = {j for _, j in pairs}
    tally.missed += [EventRef.of(article.id, g) for j, g in enumerate(gold) if j not in matched_g]
    tally.spurious += [
        EventRef.of(article.id, p) for i, p in enumerate(predicted) if i not in matched_p
    ]


def _detection(tally: _Tally, key: str) -> DetectionScores:
    return DetectionScores(
        tally.gold[key], tally.predicted[key], tally.matched_gold[key], tally.matched_predicted[key]
    )


def _splits(tally: _Tally, label: str, values: Iterable[str]) -> dict[str, DetectionScores]:
    out = {}
    for value in values:
        key = f"{label}={value}"
        if tally.gold[key] or tally.predicted[key]:
            out[value] = _detection(tally, key)
    return out


def evaluate(
    predicted: Mapping[str, Sequence[Event]],
    gold: Sequence[GoldArticle],
    *,
    alias: PlaceAlias = default_alias,
    max_km: float = 25.0,
) -> EvaluationReport:
    """Score ``predicted`` (article id → the events coded from it) against the ``gold`` articles.

    ``alias`` maps a place name to its canonical name (default: ``names.default_alias``);
    ``max_km`` is the tolerance for coordinates.
    """
    ids = [a.id for a in gold]
    if len(set(ids)) != len(ids):
        duplicated = sorted(i for i, n in Counter(ids).items() if n > 1)
        raise EvaluationError(f"gold articles listed twice: {', '.join(duplicated)}")
    options = FieldOptions(alias=alias, max_km=max_km)
    tally = _Tally()
    for article in gold:
        _score_article(article, list(predicted.get(article.id, ())), options, tally)
    unscored = tuple(sorted(set(predicted) - set(ids)))
    if unscored:
        logger.warning("%d predicted articles have no gold coding", len(unscored))
    fields = tuple(
        FieldScore(
            row,
            tally.n[row],
            tally.correct[row],
            tally.score[row],
            tally.n_gold[row],
            tally.correct_gold[row],
        )  # fmt: skip
        for row in FIELD_ROWS
    )
    return EvaluationReport(
        articles=len(gold),
        detection=_detection(tally, "all"),
        by_report=_splits(tally, "report", (r.value for r in Report)),
        by_status=_splits(tally, "status", (s.value for s in Status)),
        fields=fields,
        matches=tuple(tally.matches),
        missed=tuple(tally.missed),
        spurious=tuple(tally.spurious),
        unscored_articles=unscored,
    )
