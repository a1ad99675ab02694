"""The result of an evaluation: detection scores, per-field accuracy, and the errors to look at.

Ratios whose denominator is zero are ``None`` (JSON ``null``, "-" in the table), never a made-up
0 or 1.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Mapping

from ..model import Event


def _ratio(num: int | float, den: int) -> float | None:
    return num / den if den else None


def _f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@dataclass(frozen=True, slots=True)
class DetectionScores:
    """Event detection counts for a set of events.

    Over all events ``matched_gold == matched_predicted`` (the true positives).  For a split by a
    gold attribute (``report``, ``status``), recall counts gold events with that value and
    precision counts predicted events with that value.
    """

    gold: int
    predicted: int
    matched_gold: int
    matched_predicted: int

    @property
    def precision(self) -> float | None:
        return _ratio(self.matched_predicted, self.predicted)

    @property
    def recall(self) -> float | None:
        return _ratio(self.matched_gold, self.gold)

    @property
    def f1(self) -> float | None:
        return _f1(self.precision, self.recall)

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched_gold": self.matched_gold,
            "matched_predicted": self.matched_predicted,
            "precision": _rounded(self.precision),
            "recall": _rounded(self.recall),
            "f1": _rounded(self.f1),
        }


@dataclass(frozen=True, slots=True)
class FieldScore:
    """One field over the matched pairs: how often it was right, its mean graded score, and the
    same restricted to the pairs whose gold event codes a value for it (``n_gold``)."""

    name: str
    n: int
    correct: int
    score_sum: float
    n_gold: int
    correct_gold: int

    @property
    def accuracy(self) -> float | None:
        return _ratio(self.correct, self.n)

    @property
    def mean_score(self) -> float | None:
        return _ratio(self.score_sum, self.n)

    @property
    def accuracy_gold(self) -> float | None:
        return _ratio(self.correct_gold, self.n_gold)

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "accuracy": _rounded(self.accuracy),
            "mean_score": _rounded(self.mean_score),
            "n_gold": self.n_gold,
            "accuracy_gold": _rounded(self.accuracy_gold),
        }


@dataclass(frozen=True, slots=True)
class EventRef:
    """An event named for error analysis: its article, id, dates and place."""

    article_id: str
    event_id: str
    date_start: dt.date | None
    date_end: dt.date | None
    place: str
    report: str
    status: str

    @classmethod
    def of(cls, article_id: str, event: Event) -> "EventRef":
        parts = [p for p in (event.locality, event.admin1, event.country) if p]
        place = ", ".join(dict.fromkeys(parts)) or "?"
        return cls(
            article_id, event.id, event.date_start, event.date_end, place,
            event.report.value, event.status.value,
        )  # fmt: skip

    def dates(self) -> str:
        start = self.date_start.isoformat() if self.date_start else "?"
        if self.date_end and self.date_end != self.date_start:
            return f"{start}..{self.date_end.isoformat()}"
        return start

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "event_id": self.event_id,
            "date_start": self.date_start.isoformat() if self.date_start else None,
            "date_end": self.date_end.isoformat() if self.date_end else None,
            "place": self.place,
            "report": self.report,
            "status": self.status,
        }


@dataclass(frozen=True, slots=True)
class Match:
    """A predicted event paired with a gold event, and how alike they are (mean field score)."""

    article_id: str
    gold_id: str
    predicted_id: str
    agreement: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "gold_id": self.gold_id,
            "predicted_id": self.predicted_id,
            "agreement": round(self.agreement, 4),
        }


@dataclass(frozen=True, slots=True)
class EvaluationReport:
    """Scores of predicted events against gold, over ``articles`` gold articles."""

    articles: int
    detection: DetectionScores
    by_report: Mapping[str, DetectionScores]
    by_status: Mapping[str, DetectionScores]
    fields: tuple[FieldScore, ...]
    matches: tuple[Match, ...]
    missed: tuple[EventRef, ...]  # gold events no prediction matched (false negatives)
    spurious: tuple[EventRef, ...]  # predicted events that matched no gold event (false positives)
    unscored_articles: tuple[str, ...] = ()  # predicted article ids absent from the gold

    def field(self, name: str) -> FieldScore:
        for score in self.fields:
            if score.name == name:
                return score
        raise KeyError(name)

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "detection": self.detection.to_dict(),
            "by_report": {k: v.to_dict() for k, v in self.by_report.items()},
            "by_status": {k: v.to_dict() for k, v in self.by_status.items()},
            "fields": {f.name: f.to_dict() for f in self.fields},
            "matches": [m.to_dict() for m in self.matches],
            "missed": [e.to_dict() for e in self.missed],
            "spurious": [e.to_dict() for e in self.spurious],
            "unscored_articles": list(self.unscored_articles),
        }

    def table(self) -> str:
        """The report as fixed-width text: detection, splits, fields, then the unmatched events."""
        lines = [f"Articles: {self.articles}", "", _detection_header()]
        lines.append(_detection_line("all events", self.detection))
        for label, group in (("report", self.by_report), ("status", self.by_status)):
            for value, scores in group.items():
                lines.append(_detection_line(f"{label}={value}", scores))
        lines += [
            "",
            f"{'field':<22} {'n':>5} {'acc':>6} {'score':>6} {'n_gold':>6} {'acc_gold':>8}",
        ]
        for f in self.fields:
            lines.append(
                f"{f.name:<22} {f.n:>5} {_fmt(f.accuracy):>6} {_fmt(f.mean_score):>6} "
                f"{f.n_gold:>6} {_fmt(f.accuracy_gold):>8}"
            )
        for title, refs in (
            ("Missed gold events", self.missed),
            ("Spurious predictions", self.spurious),
        ):
            lines += ["", f"{title} ({len(refs)}):"]
            lines += [
                f"  {r.article_id:<24} {r.event_id:<16} {r.dates():<22} {r.place}" for r in refs
            ]
        if self.unscored_articles:
            lines += ["", "Predicted articles without gold: " + ", ".join(self.unscored_articles)]
        return "\n".join(lines) + "\n"


def _detection_header() -> str:
    counts = f"{'gold':>5} {'pred':>5} {'match_g':>7} {'match_p':>7}"
    return f"{'detection':<24} {counts} {'P':>6} {'R':>6} {'F1':>6}"


def _detection_line(label: str, s: DetectionScores) -> str:
    return (
        f"{label:<24} {s.gold:>5} {s.predicted:>5} {s.matched_gold:>7} {s.matched_predicted:>7} "
        f"{_fmt(s.precision):>6} {_fmt(s.recall):>6} {_fmt(s.f1):>6}"
    )
