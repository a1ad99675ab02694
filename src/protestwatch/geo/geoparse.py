"""A plain geoparser over :func:`find_places`, and its scorer on GeoVirus-format gold files.

:func:`geoparse` returns one dict per toponym (the JSON edge of the geo stage).
:func:`score_geovirus` reads a GeoVirus XML file (``<article><text/><locations><location>
<name/><start/><end/><lat/><lon/>``) and reports recognition precision/recall by offset overlap,
accuracy within 161 km, mean and median error, and the correct-country rate of matched toponyms.
"""

from __future__ import annotations

import math
import os
import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

from ..errors import EvaluationError
from .gazetteer import Gazetteer
from .places import find_places

__all__ = ["geoparse", "GeoScore", "score_geovirus", "haversine_km"]


def geoparse(text: str, gazetteer: Gazetteer) -> list[dict[str, Any]]:
    """Every toponym of ``text`` with its resolution, as JSON-ready dicts."""
    out = []
    for m in find_places(text, gazetteer):
        if m.kind != "toponym":
            continue
        p = m.place
        out.append({
            "start": m.span.start, "end": m.span.end, "text": m.text, "name": p.name,
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
    country_rate: (
        float  # of matched toponyms, the share whose predicted country holds the gold point
    )


def _gold(path: str | os.PathLike[str]) -> list[tuple[str, list[tuple[int, int, float, float]]]]:
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise EvaluationError(f"{path}: cannot read the GeoVirus file ({exc})") from exc
    out = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        locs = []
        for loc in art.iter("location"):
            try:
                locs.append((int(loc.findtext("start") or ""), int(loc.findtext("end") or ""),
                             float(loc.findtext("lat") or ""), float(loc.findtext("lon") or "")))  # fmt: skip
            except ValueError:
                continue
        out.append((text, locs))
    return out


def score_geovirus(path: str | os.PathLike[str], gazetteer: Gazetteer) -> GeoScore:
    """Score :func:`geoparse` on a GeoVirus XML file (toponyms matched by offset overlap)."""
    articles = _gold(path)
    errors: list[float] = []
    predicted = gold_total = same_country = 0
    for text, locs in articles:
        preds = geoparse(text, gazetteer)
        predicted += len(preds)
        gold_total += len(locs)
        for start, end, lat, lon in locs:
            hit = next((p for p in preds if p["start"] < end and start < p["end"]), None)
            if hit is None or hit["latitude"] is None:
                continue
            errors.append(haversine_km(lat, lon, hit["latitude"], hit["longitude"]))
            same_country += _country_holds(gazetteer, hit["country"], lat, lon)
    n = len(errors)
    return GeoScore(
        articles=len(articles), gold=gold_total, predicted=predicted, matched=n,
        precision=n / predicted if predicted else 0.0, recall=n / gold_total if gold_total else 0.0,
        accuracy_161km=sum(e <= 161 for e in errors) / n if n else 0.0,
        mean_error_km=statistics.fmean(errors) if n else 0.0,
        median_error_km=statistics.median(errors) if n else 0.0,
        country_rate=same_country / n if n else 0.0,
    )  # fmt: skip


def _country_holds(gaz: Gazetteer, country: str | None, lat: float, lon: float) -> bool:
    """Whether the gold point is in ``country``: its nearest known populated place is."""
    if country is None:
        return False
    rows = gaz.nearest_places(lat, lon, limit=1)
    return bool(rows) and rows[0].country == country
