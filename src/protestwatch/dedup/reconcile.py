"""Reconciliation: one real-world event from the per-article events that report it.

Every field keeps every source's value with its evidence (``SourceValue``), and a headline value
with the name of the rule that produced it (``ReconciledField``).  Related fields are reconciled
together: ``dates`` (start, end, precision), ``place`` (country, admin1, locality, coordinates,
precision), ``size`` and ``arrests`` (text, low, high).  The rules:

- dates: the finest precision agreed by the sources: the days every source allows (the
  intersection of their ranges) at the finest precision reported;
- place: the finest place reported (a locality over a region over a country), by majority;
- size: the range covering the credible reports (a report more than ten times off the median of
  the others is set aside when at least three give numbers); open-ended when a credible "more
  than N" goes beyond every upper bound;
- arrests: the highest specific count, the lower counts as corroboration; without a specific count,
  the highest lower bound;
- injuries, fatalities: the highest count; force, sub-event type: the strongest reported;
  status: the most advanced (occurred over prevented over planned); report: current when any
  source reports it as news; yes/no fields: yes when any source says so;
- lists (tactics, organizers, participants, targets, claims, issues): the union;
- form, permit, location detail: the majority (ties: codebook order, then the longer text).

``disagreement`` is true for a field whose sources give different non-empty values.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from protestwatch.dedup.cluster import Link
from protestwatch.evaluate.names import normalise, place_key
from protestwatch.model import EVENT_FIELDS, Event, Evidence, Source, SubEventType

GROUPS: dict[str, tuple[str, ...]] = {
    "dates": ("date_start", "date_end", "date_precision"),
    "place": ("country", "admin1", "locality", "latitude", "longitude", "geo_precision"),
    "size": ("size_text", "size_low", "size_high"),
    "arrests": ("arrests_text", "arrests_low", "arrests_high"),
}
_GROUPED = {f for names in GROUPS.values() for f in names}
#: The reconciled fields, in the codebook's order (a group where its first field is).
FIELD_NAMES: tuple[str, ...] = tuple(
    dict.fromkeys(next((g for g, fs in GROUPS.items() if n in fs), n) for n in EVENT_FIELDS)
)


@dataclass(frozen=True, slots=True)
class SourceValue:
    """One source's value for a field (JSON form), with the spans that support it."""

    event_id: str
    article_id: str
    value: Any
    evidence: tuple[Evidence, ...] = ()
    outlet: str | None = None
    published: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id, "article_id": self.article_id, "outlet": self.outlet,
            "published": self.published.isoformat() if self.published else None,
            "value": self.value, "evidence": [e.to_dict() for e in self.evidence],
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class ReconciledField:
    """A field of a real-world event: the headline value, its rule, and every source's value."""

    name: str
    value: Any
    rule: str
    sources: tuple[SourceValue, ...] = ()
    corroborating: tuple[str, ...] = ()  # event ids whose lower values corroborate the headline

    @property
    def disagreement(self) -> bool:
        values = {_canonical(s.value) for s in self.sources if not _empty(s.value)}
        return len(values) > 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value, "rule": self.rule, "disagreement": self.disagreement,
            "corroborating": list(self.corroborating),
            "sources": [s.to_dict() for s in self.sources],
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class ReconciledEvent:
    """One real-world event: its per-article events, the headline ``event``, every field's
    reconciliation, and the links (scores and rules) that grouped the reports."""

    id: str
    members: tuple[str, ...]
    event: Event
    fields: tuple[ReconciledField, ...]
    links: tuple[Link, ...] = ()

    @property
    def sources(self) -> tuple[Source, ...]:
        return self.event.sources

    def field(self, name: str) -> ReconciledField:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    def disagreements(self) -> tuple[ReconciledField, ...]:
        return tuple(f for f in self.fields if f.disagreement)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "members": list(self.members), "event": self.event.to_dict(),
            "fields": {f.name: f.to_dict() for f in self.fields},
            "disagreements": [f.name for f in self.disagreements()],
            "links": [link.to_dict() for link in self.links],
        }  # fmt: skip


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _empty(value: Any) -> bool:
    if isinstance(value, dict):
        return all(_empty(v) for v in value.values())
    return value is None or value == [] or value == ""


# -- per-source values ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Member:
    event: Event
    data: dict[str, Any]
    source: Source

    @classmethod
    def of(cls, event: Event) -> _Member:
        source = event.sources[0] if event.sources else Source(event.id)
        return cls(event, event.to_dict(), source)

    def value(self, name: str) -> Any:
        if name in GROUPS:
            return {f: self.data[f] for f in GROUPS[name]}
        return self.data[name]

    def evidence(self, name: str) -> tuple[Evidence, ...]:
        names = GROUPS.get(name, (name,))
        spans = {e for n in names for e in self.event.evidence.get(n, ())}
        return tuple(sorted(spans, key=lambda e: (e.article_id, e.start, e.end)))

    def source_value(self, name: str) -> SourceValue:
        s = self.source
        return SourceValue(self.event.id, s.article_id, self.value(name), self.evidence(name),
                           s.outlet, s.published)  # fmt: skip


# -- the rules --------------------------------------------------------------------------------

Rule = Callable[[Sequence[_Member]], tuple[Any, str, tuple[str, ...]]]


def _dates(ms: Sequence[_Member]) -> tuple[Any, str, tuple[str, ...]]:
    dated = [m.event for m in ms if m.event.date_start and m.event.date_end]
    if not dated:
        return {f: None for f in GROUPS["dates"]}, "no source gives a date", ()
    precision = min(
        (e.date_precision for e in dated if e.date_precision), key=lambda p: p.rank, default=None
    )
    start = max(e.date_start for e in dated)  # type: ignore[type-var]
    end = min(e.date_end for e in dated)  # type: ignore[type-var]
    rule = "finest precision agreed by the sources (the days every source allows)"
    if start > end:  # only a person's merge can join reports without a common day
        finest = [e for e in dated if e.date_precision == precision]
        start, end = min(e.date_start for e in finest), max(e.date_end for e in finest)  # type: ignore[type-var]
        rule = "span of the finest reports (the sources share no day)"
    value = {"date_start": start.isoformat(), "date_end": end.isoformat(),
             "date_precision": precision.value if precision else None}  # fmt: skip
    return value, rule, ()


def _place(ms: Sequence[_Member]) -> tuple[Any, str, tuple[str, ...]]:
    def level(e: Event) -> int:
        return 1 if e.locality else 3 if e.admin1 else 4 if e.country else 5

    finest = min(level(m.event) for m in ms)
    chosen = [m for m in ms if level(m.event) == finest]
    votes = Counter(place_key(m.event.locality) or normalise(m.event.admin1) for m in chosen)
    key = max(sorted(votes), key=lambda k: votes[k])
    chosen = [
        m for m in chosen if (place_key(m.event.locality) or normalise(m.event.admin1)) == key
    ]
    e = chosen[0].event
    coords = [(m.event.latitude, m.event.longitude) for m in chosen if m.event.latitude is not None]
    lat = round(statistics.fmean(c[0] for c in coords), 5) if coords else None
    lon = round(statistics.fmean(c[1] for c in coords), 5) if coords else None  # type: ignore[arg-type]
    precisions = [m.event.geo_precision for m in chosen if m.event.geo_precision is not None]
    value = {"country": _majority([m.data["country"] for m in ms]),
             "admin1": _majority([m.data["admin1"] for m in chosen]), "locality": e.locality,
             "latitude": lat, "longitude": lon,
             "geo_precision": int(min(precisions)) if precisions else None}  # fmt: skip
    rule = "finest place reported" + (", by majority" if len(votes) > 1 else "")
    return value, rule, ()


def _size(ms: Sequence[_Member]) -> tuple[Any, str, tuple[str, ...]]:
    reports = [m for m in ms if m.event.size_low is not None or m.event.size_high is not None]
    texts = list(dict.fromkeys(m.event.size_text for m in ms if m.event.size_text))
    if not reports:
        return (
            {"size_text": "; ".join(texts) or None, "size_low": None, "size_high": None},
            "no source gives a number",
            (),
        )
    credible = _credible(reports)
    lows = [
        m.event.size_low if m.event.size_low is not None else m.event.size_high for m in credible
    ]
    highs = [m.event.size_high for m in credible if m.event.size_high is not None]
    open_lows = [m.event.size_low for m in credible if m.event.size_high is None]
    high = max(highs) if highs and all(low <= max(highs) for low in open_lows) else None  # type: ignore[operator]
    rule = "range covering the credible reports"
    if len(credible) < len(reports):
        rule += f" ({len(reports) - len(credible)} set aside as more than ten times off the others)"
    value = {"size_text": "; ".join(texts) or None, "size_low": min(lows), "size_high": high}  # type: ignore[type-var]
    return value, rule, ()


def _credible(reports: list[_Member]) -> list[_Member]:
    if len(reports) < 3:
        return reports
    keep = []
    for m in reports:
        others = [o.event.size_low or o.event.size_high or 0 for o in reports if o is not m]
        mid = statistics.median(others) or 1
        mine = m.event.size_low or m.event.size_high or 0
        if mid / 10 <= mine <= mid * 10:
            keep.append(m)
    return keep or reports


def _arrests(ms: Sequence[_Member]) -> tuple[Any, str, tuple[str, ...]]:
    reports = [m for m in ms if m.event.arrests_low is not None]
    texts = list(dict.fromkeys(m.event.arrests_text for m in ms if m.event.arrests_text))
    text = "; ".join(texts) or None
    if not reports:
        return (
            {"arrests_text": text, "arrests_low": None, "arrests_high": None},
            "no source gives a number",
            (),
        )
    specific = [m for m in reports if m.event.arrests_high == m.event.arrests_low]
    if specific:
        count = max(m.event.arrests_low for m in specific)  # type: ignore[type-var]
        lower = tuple(m.event.id for m in reports if m.event.arrests_low < count)  # type: ignore[operator]
        value = {"arrests_text": text, "arrests_low": count, "arrests_high": count}
        return value, "highest specific count, lower counts as corroboration", lower
    low = max(m.event.arrests_low for m in reports)  # type: ignore[type-var]
    highs = [m.event.arrests_high for m in reports]
    high = max(highs) if all(h is not None for h in highs) and max(highs) >= low else None  # type: ignore[type-var, operator]
    return (
        {"arrests_text": text, "arrests_low": low, "arrests_high": high},
        "highest lower bound (no specific count)",
        (),
    )


def _majority(values: Sequence[Any], order: Sequence[Any] = ()) -> Any:
    known = [v for v in values if not _empty(v)]
    if not known:
        return None
    votes = Counter(_canonical(v) for v in known)
    rank = {_canonical(v): k for k, v in enumerate(order)}
    best = min(votes, key=lambda k: (-votes[k], rank.get(k, len(rank)), -len(k), k))
    return json.loads(best)


def _single(name: str, ms: Sequence[_Member]) -> tuple[Any, str]:
    values = [m.data[name] for m in ms]
    known = [v for v in values if not _empty(v)]
    if name in _STRENGTH:
        order = _STRENGTH[name]
        ranked = [v for v in known if v in order]
        return (max(ranked, key=order.index) if ranked else None), "the strongest reported"
    if name in ("injuries", "fatalities"):
        return (max(known) if known else None), "the highest count"
    if name in ("dispersed", "internet_shutdown", "protester_violence"):
        value = True if True in known else (False if False in known else None)
        return value, "yes when any source says so"
    if name in ("tactics", "organizers", "participants", "targets", "claims", "issues"):
        return _union(name, known), "union of the sources"
    if name == "outcome":
        dated = sorted(ms, key=lambda m: (m.source.published or dt.date.max, m.event.id))
        return next((m.data[name] for m in dated if m.data[name]), None), "the earliest report"
    if name == "campaign":
        return (min(known) if known else None), "the first campaign key of the sources"
    return _majority(known, _ORDERS.get(name, ())), "the majority of the sources"


def _union(name: str, lists: Sequence[list[Any]]) -> list[Any]:
    seen: dict[str, Any] = {}
    for items in lists:
        for item in items:
            key = (
                normalise(_canonical(item))
                if name in ("claims", "organizers", "participants")
                else _canonical(item)
            )
            seen.setdefault(key, item)
    return list(seen.values())


_STRENGTH: dict[str, list[Any]] = {
    "status": ["planned", "prevented", "occurred"],
    "force": ["unknown", "none", "crowd_control", "lethal"],
    "acled_sub_event_type": [s.value for s in SubEventType],
}
_ORDERS: dict[str, list[Any]] = {
    "form": ["demonstrate", "riot", "strike", "hunger_strike", "boycott", "obstruct", "vandalize"],
    "permit": ["denied", "authorized", "not_required", "unknown"],
}
_GROUP_RULES: dict[str, Rule] = {
    "dates": _dates,
    "place": _place,
    "size": _size,
    "arrests": _arrests,
}


def reconcile(
    cluster_id: str, events: Sequence[Event], links: Sequence[Link] = ()
) -> ReconciledEvent:
    """The real-world event ``cluster_id`` reported by ``events`` (one per article)."""
    if not events:
        raise ValueError(f"cluster {cluster_id} has no events")
    members = sorted(
        (_Member.of(e) for e in events),
        key=lambda m: (m.source.published or dt.date.min, m.event.id),
    )
    fields: list[ReconciledField] = []
    headline: dict[str, Any] = {}
    for name in FIELD_NAMES:
        sources = tuple(m.source_value(name) for m in members)
        if name in GROUPS:
            value, rule, corroborating = _GROUP_RULES[name](members)
            headline.update(value)
        elif name == "report":
            value = (
                "current" if any(m.data["report"] == "current" for m in members) else "background"
            )
            rule, corroborating = "current when any source reports it as news", ()
            headline[name] = value
        else:
            value, rule = _single(name, members)
            corroborating = ()
            headline[name] = value
        fields.append(ReconciledField(name, value, rule, sources, corroborating))
    event = _headline_event(cluster_id, headline, members)
    return ReconciledEvent(
        cluster_id, tuple(sorted(e.id for e in events)), event, tuple(fields), tuple(links)
    )


def _headline_event(cluster_id: str, headline: dict[str, Any], members: Sequence[_Member]) -> Event:
    evidence: dict[str, list[dict[str, Any]]] = {}
    for m in members:
        for name, spans in m.data["evidence"].items():
            evidence.setdefault(name, []).extend(spans)
    data = dict(headline)
    data["id"] = cluster_id
    data["sources"] = [m.source.to_dict() for m in members]
    data["evidence"] = evidence
    data["confidence"] = max(m.event.confidence for m in members)
    for name in ("status", "report", "form", "force", "permit"):
        if data.get(name) is None:
            data.pop(name, None)
    return Event.from_dict(data)
