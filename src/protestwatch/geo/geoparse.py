"""A plain geoparser over :func:`find_places`, and its scorer on GeoVirus-format gold files.

:func:`geoparse` returns one dict per toponym (the JSON edge of the geo stage).
:func:`score_geovirus` reads a GeoVirus XML file (``<article><text/><locations><location>
<name/><start/><end/><lat/><lon/>``) and reports recognition precision/recall by offset overlap,
accuracy within 161 km, mean and median error, the correct-country rate of matched toponyms and
the right-place rate (a country or state that holds the gold point counts, whatever its point).
"""

from __future__ import annotations

import hashlib
import math
import os
import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

from ..errors import EvaluationError
from .gazetteer import Gazetteer
from .places import find_places

__all__ = ["geoparse", "GeoScore", "score_geovirus", "haversine_km", "read_gold", "article_half"]


def geoparse(text: str, gazetteer: Gazetteer) -> list[dict[str, Any]]:
    """Every toponym of ``text`` with its resolution, as JSON-ready dicts."""
    out = []
    for m in find_places(text, gazetteer, macro=True):
        if m.kind != "toponym":
            continue
        p = m.place
        out.append({
            "start": m.span.start, "end": m.span.end, "text": m.text, "name": p.name or m.text,
            "country": p.country, "admin1": p.admin1, "latitude": p.latitude,
            "longitude": p.longitude, "geonames_id": p.geonames_id, "feature": p.feature,
            "precision": int(p.precision), "score": m.score,
        })  # fmt: skip
    return out


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dlat, dlon = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dlat / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True, slots=True)
class GeoScore:
    articles: int
    gold: int
    predicted: int
    matched: int
    precision: float
    recall: float
    accuracy_161km: float
    mean_error_km: float
    median_error_km: float
    #: of the matched toponyms resolved to a country or a place in one (not continents or seas),
    #: the share whose predicted country holds the gold point
    country_rate: float
    #: of the matched toponyms, the share resolved to the right place whatever point stands for
    #: it: a country or first-level unit that holds the gold point, else within 161 km (the
    #: 161 km accuracy also counts how far a country's or a state's chosen point is from the
    #: gold's, which is a convention: GeoNames, the Factbook and Wikipedia differ by hundreds of
    #: kilometres for large countries)
    place_rate: float = 0.0


def article_half(key: str) -> str:
    """ "dev" or "test": a deterministic split of gold articles by their source (or text).

    Tune on the dev half only; report both.  The split depends only on the article's key, so it
    does not move when articles are added, removed or reordered.
    """
    return "dev" if hashlib.sha1(key.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def read_gold(
    path: str | os.PathLike[str], half: str | None = None
) -> list[tuple[str, list[tuple[int, int, float, float]]]]:
    """(text, [(start, end, lat, lon), ...]) per article of a GeoVirus-format file; only the
    articles of ``half`` ("dev" or "test", see :func:`article_half`) when given."""
    if half not in (None, "dev", "test"):
        raise EvaluationError(f"unknown half {half!r}: use 'dev' or 'test'")
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise EvaluationError(f"{path}: cannot read the GeoVirus file ({exc})") from exc
    out = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        if half is not None and article_half(art.findtext("source") or text) != half:
            continue
        locs = []
        for loc in art.iter("location"):
            try:
                start, end = int(loc.findtext("start") or ""), int(loc.findtext("end") or "")
                lat, lon = float(loc.findtext("lat") or ""), float(loc.findtext("lon") or "")
            except ValueError:
                continue
            shift = _offset_shift(text, start, end, loc.findtext("name"))
            locs.append((start + shift, end + shift, lat, lon))
        out.append((text, locs))
    return out


def _offset_shift(text: str, start: int, end: int, name: str | None) -> int:
    """0, or -1/+1 when the gold offsets are counted from 1 (GeoVirus's are) or off by one:
    the shift that puts the gold ``name`` at [start, end)."""
    if not name or text[start:end] == name:
        return 0
    for shift in (-1, 1):
        if text[max(0, start + shift) : end + shift] == name:
            return shift
    return 0


def score_geovirus(
    path: str | os.PathLike[str], gazetteer: Gazetteer, half: str | None = None
) -> GeoScore:
    """Score :func:`geoparse` on a GeoVirus XML file (toponyms matched by offset overlap);
    on one half of its articles when ``half`` is "dev" or "test"."""
    articles = read_gold(path, half)
    errors: list[float] = []
    predicted = gold_total = same_country = with_country = right_place = 0
    for text, locs in articles:
        preds = geoparse(text, gazetteer)
        predicted += len(preds)
        gold_total += len(locs)
        for start, end, lat, lon in locs:
            hit = next((p for p in preds if p["start"] < end and start < p["end"]), None)
            if hit is None or hit["latitude"] is None:
                continue
            km = haversine_km(lat, lon, hit["latitude"], hit["longitude"])
            errors.append(km)
            right_place += km <= 161 or _unit_holds(gazetteer, hit, lat, lon)
            if hit["country"] is not None:  # continents and seas have no country to be right on
                with_country += 1
                same_country += _country_holds(gazetteer, hit["country"], lat, lon)
    n = len(errors)
    return GeoScore(
        articles=len(articles), gold=gold_total, predicted=predicted, matched=n,
        precision=n / predicted if predicted else 0.0, recall=n / gold_total if gold_total else 0.0,
        accuracy_161km=sum(e <= 161 for e in errors) / n if n else 0.0,
        mean_error_km=statistics.fmean(errors) if n else 0.0,
        median_error_km=statistics.median(errors) if n else 0.0,
        country_rate=same_country / with_country if with_country else 0.0,
        place_rate=right_place / n if n else 0.0,
    )  # fmt: skip


def _unit_holds(gaz: Gazetteer, hit: dict[str, Any], lat: float, lon: float) -> bool:
    """Whether a toponym resolved to a country or a first-level unit names one that holds the
    gold point (its nearest known populated place lies in it)."""
    if hit["feature"] not in ("country", "admin1") or hit["country"] is None:
        return False
    rows = gaz.nearest_places(lat, lon, limit=1)
    if not rows or rows[0].country != hit["country"]:
        return False
    return hit["feature"] == "country" or rows[0].admin1 == hit["admin1"]


def _country_holds(gaz: Gazetteer, country: str | None, lat: float, lon: float) -> bool:
    """Whether the gold point is in ``country``: its nearest known populated place is."""
    if country is None:
        return False
    rows = gaz.nearest_places(lat, lon, limit=1)
    return bool(rows) and rows[0].country == country
