"""Per-field comparison of a predicted event with its matched gold event.

Each codebook field has a comparator that returns a ``Comparison``: whether the prediction counts
as correct, and a graded score in [0, 1] (equal to 1/0 for exact comparators, an F1 for lists).

- vocabularies, booleans, ``country``: equal (None = None); score 1/0.
- ``admin1``, ``locality``: the same place key (case, accents, aliases folded); 1/0.
- ``date_start``, ``date_end``, ``geo_precision``, the counts (size, arrests, injuries,
  fatalities): equal; 1/0.
- ``latitude``, ``longitude``: within ``max_km`` along that axis (both None is correct); 1/0.
- ``tactics``, ``issues``: the same set; score = set F1.
- ``organizers``, ``participants``, ``targets``: every name paired with one of the other side
  (token overlap ≥ 0.5); score = that soft set F1.
- ``claims``: token F1 of all claims together ≥ 0.5; score = the token F1.
- ``size_text``, ``arrests_text``, ``location_detail``, ``outcome``: token F1 ≥ 0.5; the token F1.
- ``campaign``: both set or both null (keys are free text and never align across coders); 1/0.

Two derived rows follow the fields: ``coordinates`` (great-circle distance ≤ ``max_km``) and
``targets.country`` (same set of target countries; score = set F1).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum
from typing import Any, Callable, Mapping

from ..model import EVENT_FIELDS, Event
from .names import PlaceAlias, bag_f1, default_alias, place_key, set_f1, soft_set_f1, tokens

_KM_PER_DEGREE = 111.195
_TEXT_THRESHOLD = 0.5

#: The rows of the per-field report: the codebook's fields, then the derived ones.
FIELD_ROWS: tuple[str, ...] = EVENT_FIELDS + ("coordinates", "targets.country")


@dataclass(frozen=True, slots=True)
class FieldOptions:
    """How lenient the comparators are."""

    alias: PlaceAlias = default_alias
    max_km: float = 25.0


@dataclass(frozen=True, slots=True)
class Comparison:
    correct: bool
    score: float


Comparator = Callable[[Event, Event, FieldOptions], Comparison]


def _is_set(value: Any) -> bool:
    """Not null, not empty and not the vocabularies' "unknown"."""
    if isinstance(value, Enum):
        return value.value != "unknown"
    return value is not None and value != "" and value != ()


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def _exact(name: str) -> Comparator:
    def compare(p: Event, g: Event, _: FieldOptions) -> Comparison:
        same = _plain(getattr(p, name)) == _plain(getattr(g, name))
        return Comparison(same, float(same))

    return compare


def _country(p: Event, g: Event, _: FieldOptions) -> Comparison:
    same = (p.country or "").upper() == (g.country or "").upper()
    return Comparison(same, float(same))


def _place(name: str) -> Comparator:
    def compare(p: Event, g: Event, opts: FieldOptions) -> Comparison:
        same = place_key(getattr(p, name), opts.alias) == place_key(getattr(g, name), opts.alias)
        return Comparison(same, float(same))

    return compare


def _axis(name: str) -> Comparator:
    def compare(p: Event, g: Event, opts: FieldOptions) -> Comparison:
        pv, gv = getattr(p, name), getattr(g, name)
        if pv is None or gv is None:
            same = pv is None and gv is None
            return Comparison(same, float(same))
        km = abs(pv - gv) * _KM_PER_DEGREE
        if name == "longitude":
            lat = g.latitude if g.latitude is not None else p.latitude or 0.0
            km *= math.cos(math.radians(lat))
        ok = km <= opts.max_km
        return Comparison(ok, float(ok))

    return compare


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _coordinates(p: Event, g: Event, opts: FieldOptions) -> Comparison:
    ps = (p.latitude, p.longitude)
    gs = (g.latitude, g.longitude)
    if None in ps or None in gs:
        same = None in ps and None in gs
        return Comparison(same, float(same))
    ok = distance_km(*ps, *gs) <= opts.max_km  # type: ignore[arg-type]
    return Comparison(ok, float(ok))


def _enum_set(name: str) -> Comparator:
    def compare(p: Event, g: Event, _: FieldOptions) -> Comparison:
        ps = {_plain(v) for v in getattr(p, name)}
        gs = {_plain(v) for v in getattr(g, name)}
        return Comparison(ps == gs, set_f1(ps, gs))

    return compare


def _actors(name: str, attr: str) -> Comparator:
    def compare(p: Event, g: Event, _: FieldOptions) -> Comparison:
        score = soft_set_f1(
            [getattr(a, attr) for a in getattr(p, name)],
            [getattr(a, attr) for a in getattr(g, name)],
        )
        return Comparison(score == 1.0, score)

    return compare


def _target_countries(p: Event, g: Event, _: FieldOptions) -> Comparison:
    ps = {(t.country or "").upper() for t in p.targets if t.country}
    gs = {(t.country or "").upper() for t in g.targets if t.country}
    return Comparison(ps == gs, set_f1(ps, gs))


def _claims(p: Event, g: Event, _: FieldOptions) -> Comparison:
    score = bag_f1(
        [t for c in p.claims for t in tokens(c)], [t for c in g.claims for t in tokens(c)]
    )
    return Comparison(score >= _TEXT_THRESHOLD, score)


def _text(name: str) -> Comparator:
    def compare(p: Event, g: Event, _: FieldOptions) -> Comparison:
        score = bag_f1(tokens(getattr(p, name)), tokens(getattr(g, name)))
        return Comparison(score >= _TEXT_THRESHOLD, score)

    return compare


def _presence(name: str) -> Comparator:
    def compare(p: Event, g: Event, _: FieldOptions) -> Comparison:
        same = _is_set(getattr(p, name)) == _is_set(getattr(g, name))
        return Comparison(same, float(same))

    return compare


_SPECIAL: dict[str, Comparator] = {
    "country": _country,
    "admin1": _place("admin1"),
    "locality": _place("locality"),
    "latitude": _axis("latitude"),
    "longitude": _axis("longitude"),
    "tactics": _enum_set("tactics"),
    "issues": _enum_set("issues"),
    "organizers": _actors("organizers", "name"),
    "participants": _actors("participants", "description"),
    "targets": _actors("targets", "name"),
    "claims": _claims,
    "size_text": _text("size_text"),
    "arrests_text": _text("arrests_text"),
    "location_detail": _text("location_detail"),
    "outcome": _text("outcome"),
    "campaign": _presence("campaign"),
    "coordinates": _coordinates,
    "targets.country": _target_countries,
}

#: field (or derived row) → comparator; every other codebook field is compared exactly.
COMPARATORS: Mapping[str, Comparator] = {
    name: _SPECIAL.get(name) or _exact(name) for name in FIELD_ROWS
}


def gold_has_value(gold: Event, row: str) -> bool:
    """Whether the gold event codes something for ``row`` (not null, not empty)."""
    if row == "coordinates":
        return gold.latitude is not None and gold.longitude is not None
    if row == "targets.country":
        return any(t.country for t in gold.targets)
    return _is_set(getattr(gold, row))


def compare_events(
    predicted: Event, gold: Event, options: FieldOptions = FieldOptions()
) -> dict[str, Comparison]:
    """Every row of ``FIELD_ROWS`` compared for one predicted/gold pair."""
    return {row: compare(predicted, gold, options) for row, compare in COMPARATORS.items()}


def agreement(comparisons: Mapping[str, Comparison]) -> float:
    """The mean score over the codebook's fields: how alike two events are (0 to 1)."""
    return sum(comparisons[name].score for name in EVENT_FIELDS) / len(EVENT_FIELDS)
