"""One event explained: every field with the sentence(s) that support it.

``event_details(store, event_id)`` gathers the effective event, its machine version, the human
corrections and, for each field, the evidence spans with the sentence around each one, so that
``protestwatch show`` (and the web page) can answer "which sentence says so?".
"""

from __future__ import annotations

import dataclasses
import json
import re
import textwrap
from dataclasses import dataclass, field
from typing import Any

from protestwatch.model import EVENT_FIELDS, Article, Event, Evidence
from protestwatch.store import Correction, SQLiteStore

_CONTEXT_CHARS = 240
# Characters a terminal would act on instead of showing: C0/C1 controls (ESC, BEL ...) and the
# bidirectional embeddings, overrides and isolates that reorder what follows them.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` safe to print on a terminal: control characters shown as ``\\xNN``/``\\uNNNN``."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


@dataclass(frozen=True, slots=True)
class Quote:
    """An evidence span shown inside its sentence: ``before[match]after``."""

    article_id: str
    start: int
    end: int
    before: str
    match: str
    after: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id, "start": self.start, "end": self.end,
            "text": self.match, "context": f"{self.before}[{self.match}]{self.after}",
        }  # fmt: skip


@dataclass
class EventDetails:
    event: Event
    machine: Event | None
    review: str | None
    corrections: list[Correction] = field(default_factory=list)
    quotes: dict[str, list[Quote]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "event": self.event.to_dict(),
            "review": self.review,
            "corrections": [dataclasses.asdict(c) for c in self.corrections],
            "evidence_text": {k: [q.to_dict() for q in v] for k, v in self.quotes.items()},
        }

    def render(self) -> str:
        d = self.event.to_dict()
        lines = [f"event {self.event.id}  (confidence {self.event.confidence:.2f}, review: {self.review})"]
        for name in ("event", *EVENT_FIELDS):
            if name == "event" and name in self.quotes:
                lines.append("reported in:")
            elif name != "event":
                value = d[name]
                if value in (None, [], "unknown") and name not in self.quotes:
                    continue
                corrected = any(c.field == name for c in self.corrections)
                mark = "  (corrected)" if corrected else ""
                lines.append(f"{name}: {_short(value)}{mark}")
            for q in self.quotes.get(name, []):
                quote = f"{q.before}[{q.match}]{q.after}"
                lines.extend(
                    textwrap.wrap(printable(quote), 100, initial_indent="    « ", subsequent_indent="      ")
                )
        lines.append("sources:")
        for s in self.event.sources:
            lines.append(printable(f"    {s.article_id}  {s.outlet or ''}  {s.published or ''}  {s.url or ''}"))
        for c in self.corrections:
            lines.append(f"correction by {c.author} at {c.created_at}: {c.field} = {_short(c.value)}")
        return "\n".join(lines)


def event_details(store: SQLiteStore, event_id: str) -> EventDetails | None:
    event = store.get_event(event_id)
    if event is None:
        return None
    articles: dict[str, Article | None] = {}
    quotes: dict[str, list[Quote]] = {}
    for name, spans in event.evidence.items():
        for ev in spans:
            if ev.article_id not in articles:
                articles[ev.article_id] = store.get_article(ev.article_id)
            article = articles[ev.article_id]
            if article is not None:
                quotes.setdefault(name, []).append(quote(article.text, ev))
    return EventDetails(
        event=event,
        machine=store.machine_event(event_id),
        review=store.review_state(event_id),
        corrections=store.corrections(event_id),
        quotes=quotes,
    )


def quote(text: str, ev: Evidence) -> Quote:
    """The span with the rest of its sentence (or line) around it."""
    start = max(text.rfind("\n", 0, ev.start) + 1, _sentence_start(text, ev.start))
    end = text.find("\n", ev.end)
    end = len(text) if end < 0 else end
    stop = _sentence_end(text, ev.end)
    end = min(end, stop)
    before = text[max(start, ev.start - _CONTEXT_CHARS) : ev.start]
    after = text[ev.end : min(end, ev.end + _CONTEXT_CHARS)]
    return Quote(ev.article_id, ev.start, ev.end, before, text[ev.start : ev.end], after)


def _sentence_start(text: str, pos: int) -> int:
    best = 0
    for mark in (". ", "! ", "? "):
        i = text.rfind(mark, 0, pos)
        if i >= 0:
            best = max(best, i + 2)
    return best


def _sentence_end(text: str, pos: int) -> int:
    ends = [i + 1 for mark in (". ", "! ", "? ") if (i := text.find(mark, pos)) >= 0]
    return min(ends) if ends else len(text)


def _short(value: Any) -> str:
    """A field value as JSON (strings bare), cut to 160 characters, safe to print."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = printable(text)
    return text if len(text) <= 160 else text[:157] + "..."


def render_reconciled(rec: Any) -> str:
    """A real-world event's sources and, for every field they disagree on, each source's value
    and the rule that chose the headline value."""
    lines = [f"real-world event {rec.id}: {len(rec.members)} reports"]
    for s in rec.sources:
        lines.append(f"    {s.article_id}  {s.outlet or ''}  {s.published or ''}")
    disagreements = rec.disagreements()
    if disagreements:
        lines.append("sources disagree on:")
    for f in disagreements:
        lines.append(f"  {f.name}: {_short(f.value)}   (rule: {f.rule})")
        for s in f.sources:
            lines.append(f"      {s.outlet or s.article_id}: {_short(s.value)}")
    for link in rec.links:
        lines.append(f"merged: {_short(link.to_dict())}")
    return "\n".join(printable(line) for line in lines)
