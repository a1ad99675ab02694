"""JSON shapes of the web API, built from the library's types (``Event``, ``ReconciledEvent``,
``Article``, evidence spans).

Every value an article or a user supplied goes out as plain JSON data; nothing here builds HTML.
Evidence is sent as offsets plus the quoted text and its sentence, so the page can highlight the
span with text nodes (never by inserting markup).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from protestwatch.dedup.reconcile import ReconciledEvent, ReconciledField
from protestwatch.details import quote
from protestwatch.model import Article, Event, Evidence

#: Review states, from the strongest human decision down.
REVIEW_STATES: tuple[str, ...] = ("machine", "accepted", "corrected", "rejected")

_FORM_LABELS = {
    "demonstrate": "Demonstration", "riot": "Riot", "strike": "Strike",
    "hunger_strike": "Hunger strike", "boycott": "Boycott", "obstruct": "Blockade",
    "vandalize": "Vandalism",
}  # fmt: skip


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _enum(value: Any) -> Any:
    return getattr(value, "value", value)


def headline_of(event: Event, title: str | None = None) -> str:
    """A one-line name for an event: its source article's title when known, else what
    happened where ("Strike in Zhanaozen, KZ")."""
    if title and title.strip():
        return " ".join(title.split())[:300]
    label = _FORM_LABELS.get(_enum(event.form), "Protest")
    place = ", ".join(x for x in (event.locality or event.admin1, event.country) if x)
    return f"{label} in {place}" if place else label


def combined_review(states: Iterable[str | None]) -> str:
    """The review state of a real-world event from its reports' states: rejected when every
    report is, accepted when every kept report is, corrected when any is, else machine."""
    found = [s or "machine" for s in states]
    if not found:
        return "machine"
    kept = [s for s in found if s != "rejected"]
    if not kept:
        return "rejected"
    if "corrected" in kept:
        return "corrected"
    if all(s == "accepted" for s in kept):
        return "accepted"
    return "machine"


def event_summary(
    event: Event, *, event_id: str | None = None, sources: int = 1, disagreements: int = 0,
    review: str = "machine", title: str | None = None,
) -> dict[str, Any]:  # fmt: skip
    """An EventSummary: the flat fields of the list, the map and the exports' previews."""
    arrests = event.arrests_high if event.arrests_high is not None else event.arrests_low
    return {
        "id": event_id or event.id,
        "date_start": _iso(event.date_start),
        "date_end": _iso(event.date_end),
        "date_precision": _enum(event.date_precision),
        "country": event.country,
        "admin1": event.admin1,
        "locality": event.locality,
        "latitude": event.latitude,
        "longitude": event.longitude,
        "location_precision": int(event.geo_precision) if event.geo_precision is not None else None,
        "form": _enum(event.form),
        "sub_event_type": _enum(event.acled_sub_event_type),
        "status": _enum(event.status),
        "report": _enum(event.report),
        "size_low": event.size_low,
        "size_high": event.size_high,
        "size_text": event.size_text,
        "arrests": arrests,
        "arrests_text": event.arrests_text,
        "organizers": [o.name for o in event.organizers],
        "issues": [_enum(i) for i in event.issues],
        "target_countries": sorted({t.country for t in event.targets if t.country}),
        "confidence": round(float(event.confidence), 3),
        "review": review,
        "sources": sources,
        "disagreements": disagreements,
        "headline": headline_of(event, title),
    }


def feature(summary: Mapping[str, Any]) -> dict[str, Any]:
    """A GeoJSON Feature for an EventSummary (geometry null when it has no coordinates)."""
    lat, lon = summary.get("latitude"), summary.get("longitude")
    geometry = None
    if isinstance(lat, (int, float)) and isinstance(lon, (int, float)):
        geometry = {"type": "Point", "coordinates": [lon, lat]}
    return {"type": "Feature", "id": summary["id"], "geometry": geometry, "properties": dict(summary)}


# -- evidence ---------------------------------------------------------------------------------


def evidence_quote(text: str | None, ev: Evidence) -> dict[str, Any] | None:
    """A span with its sentence: ``{article_id, start, end, text, sentence, sentence_start}``
    (offsets into the article's text); None when the span is not inside the text."""
    if text is None or not 0 <= ev.start < ev.end <= len(text):
        return None
    q = quote(text, ev)
    sentence_start = ev.start - len(q.before)
    return {
        "article_id": ev.article_id, "start": ev.start, "end": ev.end, "text": q.match,
        "sentence": q.before + q.match + q.after, "sentence_start": sentence_start,
    }  # fmt: skip


def _quotes(texts: Mapping[str, str | None], spans: Iterable[Evidence]) -> list[dict[str, Any]]:
    out = []
    for ev in spans:
        q = evidence_quote(texts.get(ev.article_id), ev)
        if q is not None:
            out.append(q)
    return out


def reconciled_field(f: ReconciledField, texts: Mapping[str, str | None]) -> dict[str, Any]:
    return {
        "field": f.name,
        "value": f.value,
        "reconciled_rule": f.rule,
        "disagree": f.disagreement,
        "corroborating": list(f.corroborating),
        "sources": [
            {"event_id": s.event_id, "article_id": s.article_id, "outlet": s.outlet,
             "published": _iso(s.published), "value": s.value,
             "evidence": _quotes(texts, s.evidence)}
            for s in f.sources
        ],
    }  # fmt: skip


def article_ref(article: Article) -> dict[str, Any]:
    return {
        "id": article.id, "title": article.title, "outlet": article.outlet, "url": article.url,
        "published": _iso(article.published), "language": article.language,
    }  # fmt: skip


def article_full(article: Article) -> dict[str, Any]:
    """An article with its text (plain text: the page must insert it as text, never as HTML)."""
    return article_ref(article) | {"text": article.text}


def event_detail(
    rec: ReconciledEvent, *, members: Sequence[Event], articles: Mapping[str, Article | None],
    review: str, history: Sequence[Mapping[str, Any]], corrections: Sequence[Any],
    decisions: Sequence[Any],
) -> dict[str, Any]:  # fmt: skip
    """One real-world event with every field, each source's value and evidence, the reports,
    the corrections and the history of human decisions."""
    texts = {k: (a.text if a else None) for k, a in articles.items()}
    sources = len(rec.members)
    fields = [reconciled_field(f, texts) for f in rec.fields]
    summary = event_summary(
        rec.event, event_id=rec.id, sources=sources,
        disagreements=sum(1 for f in rec.fields if f.disagreement), review=review,
        title=next((a.title for a in articles.values() if a and a.title), None),
    )  # fmt: skip
    return {
        "summary": summary,
        "fields": fields,
        "reports": [
            {"event_id": e.id, "article_id": e.sources[0].article_id if e.sources else None,
             "outlet": e.sources[0].outlet if e.sources else None,
             "confidence": round(float(e.confidence), 3),
             "evidence": _quotes(texts, e.evidence.get("event", ()))}
            for e in members
        ],
        "articles": [article_ref(a) for a in articles.values() if a is not None],
        "history": [dict(h) for h in history],
        "corrections": [_plain(c) for c in corrections],
        "decisions": [_plain(d) for d in decisions],
        "links": [link.to_dict() for link in rec.links],
        "members": list(rec.members),
    }  # fmt: skip


def _plain(item: Any) -> dict[str, Any]:
    if dataclasses.is_dataclass(item) and not isinstance(item, type):
        d = dataclasses.asdict(item)
    else:
        d = dict(item)
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in d.items()}
