"""The compact view of a per-article event that clustering compares.

``Record`` keeps only what blocking and scoring need (keys, ordinal dates, token sets), so that a
hundred thousand of them fit in memory and compare fast.  ``record_of`` builds one from an
``Event``; names are compared through ``evaluate.names`` (accents, case, former city names).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import IntEnum

from protestwatch.evaluate.names import STOPWORDS, normalise, place_key, tokens
from protestwatch.model import Event

#: A date range longer than this many days is "coarse" for blocking (month, season, year).
FINE_SPAN_DAYS = 14


class PlaceLevel(IntEnum):
    """How finely a record is placed: a locality, a first-level region only, or a country only."""

    LOCALITY = 1
    ADMIN1 = 3
    COUNTRY = 4


@dataclass(frozen=True, slots=True)
class Record:
    """One per-article event as clustering sees it.  Dates are ``date.toordinal()`` values."""

    event_id: str
    article_id: str
    country: str
    admin1: str
    locality: str
    level: PlaceLevel
    start: int | None
    end: int | None
    precision: int  # DatePrecision.rank; 5 when unknown
    form: str = ""
    status: str = ""
    report: str = ""
    latitude: float | None = None
    longitude: float | None = None
    organizers: frozenset[str] = frozenset()
    targets: frozenset[str] = frozenset()
    issues: frozenset[str] = frozenset()
    claims: frozenset[str] = frozenset()
    text: frozenset[str] = frozenset()
    campaign: str | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None and self.end is not None

    @property
    def span(self) -> int:
        """Days covered (0 when undated)."""
        return (self.end - self.start + 1) if self.start is not None and self.end is not None else 0

    @property
    def coarse_date(self) -> bool:
        return self.span > FINE_SPAN_DAYS


_ASCII_WORD = re.compile(r"[a-z0-9]+")


def _tokens(text: str) -> list[str]:
    """``names.tokens``, with a fast path for ASCII text (the same result)."""
    if not text.isascii():
        return tokens(text)
    words = _ASCII_WORD.findall(text.lower())
    return [w for w in words if w not in STOPWORDS] or words


def _token_set(texts: object, limit: int = 60) -> frozenset[str]:
    out: list[str] = []
    for text in texts:  # type: ignore[attr-defined]
        out.extend(_tokens(text))
        if len(out) >= limit:
            break
    return frozenset(out[:limit])


def _cached(cache: dict[tuple[str, str], str] | None, kind: str, name: str | None) -> str:
    if not name:
        return ""
    if cache is None:
        return place_key(name) if kind == "place" else normalise(name)
    key = (kind, name)
    value = cache.get(key)
    if value is None:
        value = cache[key] = place_key(name) if kind == "place" else normalise(name)
    return value


def record_of(
    event: Event, article_id: str | None = None, text: str | None = None,
    cache: dict[tuple[str, str], str] | None = None,
) -> Record:  # fmt: skip
    """The clustering record of ``event`` (reported by ``article_id``, default its first source).

    ``text`` is optional free text of the reporting sentences, used for text similarity.
    ``cache``, a dict the caller keeps while building many records, remembers place keys.
    """
    if article_id is None:
        article_id = event.sources[0].article_id if event.sources else event.id
    locality = _cached(cache, "place", event.locality)
    admin1 = _cached(cache, "name", event.admin1)
    level = PlaceLevel.LOCALITY if locality else PlaceLevel.ADMIN1 if admin1 else PlaceLevel.COUNTRY
    start, end = _ordinals(event.date_start, event.date_end)
    precision = event.date_precision.rank if event.date_precision is not None else 5
    targets = {f"{t.type.value}:{t.country or ''}" for t in event.targets}
    free = [event.location_detail or "", *(p.description for p in event.participants)]
    if text:
        free.insert(0, text)
    return Record(
        event_id=event.id,
        article_id=article_id,
        country=(event.country or "").upper(),
        admin1=admin1,
        locality=locality,
        level=level,
        start=start,
        end=end,
        precision=precision,
        form=event.form.value,
        status=event.status.value,
        report=event.report.value,
        latitude=event.latitude,
        longitude=event.longitude,
        organizers=_token_set(o.name for o in event.organizers),
        targets=frozenset(targets),
        issues=frozenset(i.value for i in event.issues),
        claims=_token_set(event.claims),
        text=_token_set(free),
        campaign=event.campaign,
    )


def _ordinals(start: dt.date | None, end: dt.date | None) -> tuple[int | None, int | None]:
    if start is None and end is None:
        return None, None
    a = (start or end).toordinal()  # type: ignore[union-attr]
    b = (end or start).toordinal()  # type: ignore[union-attr]
    return (a, b) if a <= b else (b, a)
