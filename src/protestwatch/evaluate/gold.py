"""Gold files: hand-coded events per article, the reference the pipeline is scored against.

A gold file is either JSON Lines with one object per article, or one (pretty-printed) JSON object
of the same shape, or a JSON array of such objects::

    {"article": {"id": "kz-anti-china-2021", "file": "....txt", "published": "2021-03-30", ...},
     "events": [{"id": "E1", "status": "occurred", ...codebook fields...}, ...],
     "not_events": ["the January court ruling ...", ...]}

Events are in the codebook's JSON format (``Event.from_dict``).  Keys the codebook does not know
(``note``, ``event_key`` ...) are kept per event in ``GoldArticle.event_extras``; the article
object is kept whole in ``GoldArticle.meta``.  A malformed line or object raises
``EvaluationError`` naming the file and the line.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Iterator, Mapping

from ..errors import EvaluationError
from ..model import EVENT_FIELDS, Event

_EVENT_KEYS = frozenset(("id", *EVENT_FIELDS, "sources", "evidence", "confidence"))


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One article's gold coding."""

    id: str
    events: tuple[Event, ...] = ()
    not_events: tuple[str, ...] = ()
    file: str | None = None
    published: dt.date | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)
    event_extras: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    origin: str = ""  # "path:line" where it was read


def load_gold(path: str | os.PathLike[str]) -> list[GoldArticle]:
    """Read a gold file (JSON Lines, one JSON object, or a JSON array of objects)."""
    name = os.fspath(path)
    try:
        with open(name, encoding="utf-8") as fh:
            text = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"{name}: cannot read the gold file: {exc}") from exc
    articles: list[GoldArticle] = []
    seen: dict[str, str] = {}
    for line, obj in _objects(name, text):
        article = parse_gold_article(obj, origin=f"{name}:{line}")
        if article.id in seen:
            raise EvaluationError(
                f"{name}:{line}: article {article.id!r} is already coded at {seen[article.id]}"
            )
        seen[article.id] = article.origin
        articles.append(article)
    return articles


def _objects(name: str, text: str) -> Iterator[tuple[int, Any]]:
    """(line number, decoded object) for each article object in the file's text."""
    if not text.strip():
        return
    try:
        whole = json.loads(text)
    except json.JSONDecodeError as exc:
        if not _first_line_is_json(text):
            raise EvaluationError(f"{name}:{exc.lineno}: not valid JSON: {exc.msg}") from exc
        yield from _lines(name, text)
        return
    if isinstance(whole, list):
        yield from ((1, obj) for obj in whole)
    else:
        yield 1, whole


def _first_line_is_json(text: str) -> bool:
    for raw in text.splitlines():
        if raw.strip():
            try:
                json.loads(raw)
            except json.JSONDecodeError:
                return False
            return True
    return False


def _lines(name: str, text: str) -> Iterator[tuple[int, Any]]:
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            yield number, json.loads(raw)
        except json.JSONDecodeError as exc:
            raise EvaluationError(f"{name}:{number}: not valid JSON: {exc.msg}") from exc


def parse_gold_article(obj: Any, *, origin: str = "<gold>") -> GoldArticle:
    """One gold object as a ``GoldArticle``; ``EvaluationError`` naming ``origin`` if malformed."""
    if not isinstance(obj, dict):
        raise EvaluationError(f"{origin}: expected an object, got {type(obj).__name__}")
    meta = obj.get("article")
    if not isinstance(meta, dict) or not meta.get("id"):
        raise EvaluationError(f'{origin}: missing "article" object with an "id"')
    article_id = str(meta["id"])
    raw_events = obj.get("events") or []
    not_events = obj.get("not_events") or []
    if not isinstance(raw_events, list) or not isinstance(not_events, list):
        raise EvaluationError(f'{origin}: "events" and "not_events" must be lists')
    events: list[Event] = []
    extras: dict[str, Mapping[str, Any]] = {}
    for index, raw in enumerate(raw_events, start=1):
        event = _parse_event(raw, article_id, index, origin)
        if any(e.id == event.id for e in events):
            raise EvaluationError(f"{origin}: event {index}: duplicate event id {event.id!r}")
        events.append(event)
        extra = {k: v for k, v in raw.items() if k not in _EVENT_KEYS}
        if extra:
            extras[event.id] = MappingProxyType(extra)
    return GoldArticle(
        id=article_id,
        events=tuple(events),
        not_events=tuple(str(n) for n in not_events),
        file=meta.get("file"),
        published=_published(meta.get("published"), origin),
        meta=MappingProxyType(dict(meta)),
        event_extras=MappingProxyType(extras),
        origin=origin,
    )


def _parse_event(raw: Any, article_id: str, index: int, origin: str) -> Event:
    if not isinstance(raw, dict):
        raise EvaluationError(f"{origin}: event {index}: expected an object")
    try:
        event = Event.from_dict(raw)
    except (KeyError, ValueError, TypeError) as exc:
        raise EvaluationError(f"{origin}: event {index}: {exc!r}") from exc
    if not event.id:
        event = event.replace(id=f"{article_id}/E{index}")
    return event


def _published(value: Any, origin: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise EvaluationError(f"{origin}: bad article published date {value!r}") from exc
