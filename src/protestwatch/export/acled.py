"""ACLED-style CSV export: ACLED's 31 columns, in ACLED's order, with ACLED's conventions.

How protestwatch's codebook fields are mapped (the choices a user comparing with ACLED needs):

- ``event_id_cnty``: the country's ISO alpha-3 code and a 12-digit number derived from a SHA-256
  of the event id ("KAZ004815162342"), so the same event always gets the same id; "XXX" when the
  country is unknown.
- ``event_date`` is ``date_start`` (ISO); ``year`` its year.  ``time_precision``: day 1, week 2,
  month, season, year (or no precision) 3.
- ``disorder_type`` is always "Demonstrations".  ``event_type`` is "Riots" when ``form`` is riot or
  the sub-event type is Violent demonstration or Mob violence, else "Protests".
  ``sub_event_type`` is the codebook's ``acled_sub_event_type`` (empty when null, e.g. planned).
- ``actor1`` "Protesters (<Country>)" or "Rioters (<Country>)", ``inter1`` 6 or 5.
  ``assoc_actor_1`` lists organizer names then participant descriptions, joined "; ".
- ``actor2`` "Police Forces of <Country>" with ``inter2`` 1 when the state intervened (arrests,
  dispersal, crowd-control or lethal force, or an intervention / excessive-force sub-event type);
  otherwise both are empty.  ``interaction`` joins the codes lowest first (16, 15, 60, 50).
- ``civilian_targeting``, ``admin2``, ``admin3``, ``assoc_actor_2`` and ``source_scale`` are empty:
  the codebook does not code them (a caller who knows outlet scales can post-process).
- ``iso`` is the numeric ISO code; ``region`` ACLED's region (see ``countries``); ``country`` the
  common English name; ``location`` the locality, else admin1, else the country.
- ``latitude``/``longitude`` with 4 decimals.  An event without coordinates or at country precision
  gets the country's centroid and ``geo_precision`` 3 (ACLED has no 4).
- ``source``: the distinct outlets of the event's sources joined "; " (from ``Source.outlet``, else
  the article's outlet when ``articles`` are given, else the URL's host).
- ``notes``: see ``notes.summarise``; ``fatalities`` 0 when null; ``tags`` "crowd size=<size words>"
  or "crowd size=no report", plus "status=planned" / "status=prevented" for events that did not
  take place (ACLED itself codes only events that happened; filter them out if you compare).
- ``timestamp``: Unix time of the export, or the one given (for reproducible files).

CSV: RFC 4180 quoting (commas, quotes and newlines are quoted), UTF-8, and any text cell that a
spreadsheet would run as a formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return, and is not a plain number) is prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import hashlib
import re
import time
from typing import IO, Any, Iterable, Mapping, Sequence
from urllib.parse import urlsplit

from ..model import Article, DatePrecision, Event, Force, Form, GeoPrecision, Status, SubEventType
from . import countries
from .notes import summarise

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip

_TIME_PRECISION = {DatePrecision.DAY: 1, DatePrecision.WEEK: 2}
_RIOT_TYPES = (SubEventType.VIOLENT, SubEventType.MOB_VIOLENCE)
_INTERVENTION_TYPES = (SubEventType.INTERVENTION, SubEventType.EXCESSIVE_FORCE)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def event_number(event_id: str) -> str:
    """A stable 12-digit number for an event id (zero-padded)."""
    digest = hashlib.sha256(event_id.encode("utf-8")).hexdigest()
    return f"{int(digest, 16) % 10**12:012d}"


def is_riot(event: Event) -> bool:
    return event.form is Form.RIOT or event.acled_sub_event_type in _RIOT_TYPES


def state_intervened(event: Event) -> bool:
    """Whether police or other state forces acted against the event (ACLED's actor 2)."""
    return bool(
        (event.arrests_low or 0) > 0
        or event.arrests_text
        or event.dispersed
        or event.force in (Force.CROWD_CONTROL, Force.LETHAL)
        or event.acled_sub_event_type in _INTERVENTION_TYPES
    )


def _outlet(source: Any, articles: Mapping[str, Article] | None) -> str:
    if source.outlet:
        return source.outlet
    article = articles.get(source.article_id) if articles else None
    if article is not None and article.outlet:
        return article.outlet
    url = source.url or (article.url if article is not None else None)
    return (urlsplit(url).hostname or "") if url else ""


def _sources(event: Event, articles: Mapping[str, Article] | None) -> str:
    outlets = dict.fromkeys(o for o in (_outlet(s, articles) for s in event.sources) if o)
    return "; ".join(outlets)


def _coordinates(event: Event) -> tuple[str, str, int]:
    precision = event.geo_precision
    lat, lon = event.latitude, event.longitude
    if lat is None or lon is None or precision is GeoPrecision.COUNTRY:
        centroid = countries.country_centroid(event.country)
        if centroid is None:
            return "", "", 3
        return f"{centroid[0]:.4f}", f"{centroid[1]:.4f}", 3
    level = int(precision) if precision is not None else (1 if event.locality else 3)
    return f"{lat:.4f}", f"{lon:.4f}", min(level, 3)


def _actors(event: Event, country: str) -> dict[str, Any]:
    riot = is_riot(event)
    inter1 = 5 if riot else 6
    who = "Rioters" if riot else "Protesters"
    actor1 = f"{who} ({country})" if country else who
    assoc = [o.name for o in event.organizers] + [p.description for p in event.participants]
    out: dict[str, Any] = {
        "actor1": actor1,
        "assoc_actor_1": "; ".join(dict.fromkeys(a.strip() for a in assoc if a.strip())),
        "inter1": inter1,
        "actor2": "",
        "assoc_actor_2": "",
        "inter2": "",
        "interaction": f"{inter1}0",
    }
    if state_intervened(event):
        out["actor2"] = f"Police Forces of {country}" if country else "Police Forces"
        out["inter2"] = 1
        out["interaction"] = f"1{inter1}"
    return out


def _tags(event: Event) -> str:
    tags = [f"crowd size={event.size_text.strip() if event.size_text else 'no report'}"]
    if event.status is not Status.OCCURRED:
        tags.append(f"status={event.status.value}")
    return "; ".join(tags)


def acled_row(
    event: Event,
    *,
    timestamp: int,
    articles: Mapping[str, Article] | None = None,
    disagreements: Sequence[str] = (),
) -> dict[str, Any]:
    """One event as a dict of ACLED's columns (values not yet neutralised for CSV)."""
    country = countries.country_name(event.country)
    lat, lon, geo_precision = _coordinates(event)
    start = event.date_start
    row: dict[str, Any] = {
        "event_id_cnty": (countries.iso3(event.country) or "XXX") + event_number(event.id),
        "event_date": start.isoformat() if start else "",
        "year": start.year if start else "",
        "time_precision": _TIME_PRECISION.get(event.date_precision, 3),  # type: ignore[arg-type]
        "disorder_type": "Demonstrations",
        "event_type": "Riots" if is_riot(event) else "Protests",
        "sub_event_type": event.acled_sub_event_type.value if event.acled_sub_event_type else "",
        "civilian_targeting": "",
        "iso": countries.iso_numeric(event.country) if event.country else "",
        "region": countries.acled_region(event.country),
        "country": country,
        "admin1": event.admin1 or "",
        "admin2": "",
        "admin3": "",
        "location": event.locality or event.admin1 or country,
        "latitude": lat,
        "longitude": lon,
        "geo_precision": geo_precision,
        "source": _sources(event, articles),
        "source_scale": "",
        "notes": summarise(event, country, disagreements),
        "fatalities": event.fatalities or 0,
        "tags": _tags(event),
        "timestamp": timestamp,
    }
    row.update(_actors(event, country))
    return {name: ("" if row[name] is None else row[name]) for name in ACLED_COLUMNS}


def neutralise(value: Any) -> Any:
    """A cell value safe for spreadsheets: text that would run as a formula gets a leading "'"."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.match(value):
        return "'" + value
    return value


def write_acled(
    events: Iterable[Event],
    stream: IO[str],
    *,
    articles: Mapping[str, Article] | None = None,
    timestamp: int | None = None,
    disagreements: Mapping[str, Sequence[str]] | None = None,
) -> int:
    """Write the header and one row per event to the text ``stream`` (opened with ``newline=""``).

    ``disagreements`` maps an event id to notes on where its sources disagreed; they are appended
    to that event's ``notes``.  Returns the number of rows written.
    """
    stamp = int(time.time()) if timestamp is None else int(timestamp)
    writer = csv.writer(stream)
    writer.writerow(ACLED_COLUMNS)
    count = 0
    for event in events:
        notes = (disagreements or {}).get(event.id, ())
        row = acled_row(event, timestamp=stamp, articles=articles, disagreements=notes)
        writer.writerow([neutralise(row[name]) for name in ACLED_COLUMNS])
        count += 1
    return count
