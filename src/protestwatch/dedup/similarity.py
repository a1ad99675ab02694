"""Whether two per-article events may be one real-world event, and how alike they are.

Two levels:

- ``compatible`` is the hard rule no score can overrule: the same country; date ranges that
  overlap (so two reports are never further apart than their date precision); places that agree
  (the same locality, or a coarser place that contains the finer one: a region holding the
  locality, the country); two different articles (one article's events are distinct by coding).
- ``score_pair`` is the weighted agreement on date, place, form, status, organizers, targets,
  issues, claims and text.  Agreeing on a coarse date says little (two mentions of "2016" in one
  city are often different protests), so the date component is scaled by the precision.  For
  precise pairs only the components both sides report count, so a sparse report is neither
  rewarded nor punished for what it does not say; a *vague* pair (month or coarser, or a
  country-level place) must show content: missing organizers, issues or claims count as weak
  agreement (``VAGUE_PRIOR``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from protestwatch.dedup.records import PlaceLevel, Record

#: Two records with the same locality name but coordinates further apart are homonyms.
HOMONYM_KM = 50.0

DEFAULT_WEIGHTS: Mapping[str, float] = MappingProxyType(
    {
        "date": 2.0, "place": 2.0, "form": 0.5, "status": 0.5, "organizers": 1.5,
        "targets": 0.25, "issues": 1.0, "claims": 1.0, "text": 0.5,
    }
)  # fmt: skip

#: Forms that reports of one event often code differently (a rally that blocked a road ...).
_NEAR_FORMS = frozenset(
    frozenset(p) for p in (("demonstrate", "obstruct"), ("demonstrate", "riot"),
                           ("strike", "demonstrate"), ("obstruct", "riot"),
                           ("demonstrate", "boycott"), ("strike", "hunger_strike"))
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class PairScore:
    """The score of a pair and its components (each in 0..1), for the audit trail."""

    total: float
    components: Mapping[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, float]:
        return {"total": round(self.total, 4)} | {
            k: round(v, 4) for k, v in self.components.items()
        }


def distance_km(a: Record, b: Record) -> float | None:
    """Great-circle distance between two records' coordinates (None when either has none)."""
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return None
    p1, p2 = math.radians(a.latitude), math.radians(b.latitude)
    dp, dl = p2 - p1, math.radians(b.longitude - a.longitude)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def dates_compatible(a: Record, b: Record) -> bool:
    """Both dated and their ranges share at least one day."""
    if a.start is None or b.start is None or a.end is None or b.end is None:
        return False
    return a.start <= b.end and b.start <= a.end


def places_compatible(a: Record, b: Record) -> bool:
    """Same country, and the same locality or a coarser place that contains the finer one."""
    if not a.country or a.country != b.country:
        return False
    if a.level == PlaceLevel.COUNTRY or b.level == PlaceLevel.COUNTRY:
        return True
    if a.level == PlaceLevel.LOCALITY and b.level == PlaceLevel.LOCALITY:
        if a.locality != b.locality:
            return False
        km = distance_km(a, b)
        return km is None or km <= HOMONYM_KM
    if a.level == PlaceLevel.ADMIN1 and b.level == PlaceLevel.ADMIN1:
        return a.admin1 == b.admin1
    fine = a if a.level == PlaceLevel.LOCALITY else b
    region = b if fine is a else a
    return not fine.admin1 or fine.admin1 == region.admin1


def compatible(a: Record, b: Record) -> bool:
    """The hard rule: different articles, overlapping dates, agreeing places."""
    return a.article_id != b.article_id and dates_compatible(a, b) and places_compatible(a, b)


def _overlap(x: frozenset[str], y: frozenset[str]) -> float | None:
    """Overlap coefficient |x∩y| / min(|x|, |y|); None when either is empty."""
    if not x or not y:
        return None
    small, big = (x, y) if len(x) <= len(y) else (y, x)
    return sum(1 for t in small if t in big) / len(small)


#: How much agreeing on a date says, by the coarser precision (day, week, month, season, year, ?).
_SPECIFICITY = (1.0, 0.85, 0.55, 0.45, 0.35, 0.2)
#: Content a vague pair must show: missing organizers, issues or claims count as this agreement.
VAGUE_PRIOR = 0.25
_CONTENT = ("organizers", "issues", "claims")


def shares_content(a: Record, b: Record) -> bool:
    """Whether the two share an issue, an organizer word or a claim word."""
    return not (a.issues.isdisjoint(b.issues) and a.organizers.isdisjoint(b.organizers)
                and a.claims.isdisjoint(b.claims))  # fmt: skip


def _date_score(a: Record, b: Record) -> float:
    assert a.start is not None and a.end is not None and b.start is not None and b.end is not None
    common = min(a.end, b.end) - max(a.start, b.start) + 1
    contained = common / min(a.span, b.span)
    specific = _SPECIFICITY[min(max(a.precision, b.precision), 5)]
    return max(0.0, contained * specific * (1.0 - 0.1 * abs(a.precision - b.precision)))


def vague(a: Record, b: Record) -> bool:
    """A pair that agrees only at month precision or coarser, or only at country level."""
    return max(a.precision, b.precision) >= 2 or PlaceLevel.COUNTRY in (a.level, b.level)


def _place_score(a: Record, b: Record) -> float:
    levels = {a.level, b.level}
    if levels == {PlaceLevel.LOCALITY}:
        km = distance_km(a, b)
        return 1.0 if km is None or km <= 10 else 0.8
    if levels == {PlaceLevel.ADMIN1}:
        return 0.8
    if levels == {PlaceLevel.COUNTRY}:
        return 0.6
    if PlaceLevel.COUNTRY in levels:
        return 0.45
    return 0.7


def _form_score(a: Record, b: Record) -> float:
    if a.form == b.form:
        return 1.0
    return 0.5 if frozenset((a.form, b.form)) in _NEAR_FORMS else 0.1


def _status_score(a: Record, b: Record) -> float:
    if a.status == b.status:
        return 1.0
    return 0.4 if "planned" in (a.status, b.status) else 0.6


def score_pair(a: Record, b: Record, weights: Mapping[str, float] = DEFAULT_WEIGHTS) -> PairScore:
    """The agreement of two compatible records, 0..1 (the caller checks ``compatible`` first)."""
    parts: dict[str, float] = {
        "date": _date_score(a, b),
        "place": _place_score(a, b),
        "form": _form_score(a, b),
        "status": _status_score(a, b),
    }
    is_vague = vague(a, b)
    for name in ("organizers", "targets", "issues", "claims", "text"):
        value = _overlap(getattr(a, name), getattr(b, name))
        if value is not None:
            parts[name] = value
        elif is_vague and name in _CONTENT:
            parts[name] = VAGUE_PRIOR
    den = sum(weights.get(k, 0.0) for k in parts)
    total = sum(weights.get(k, 0.0) * v for k, v in parts.items()) / den if den else 0.0
    return PairScore(total, parts)
