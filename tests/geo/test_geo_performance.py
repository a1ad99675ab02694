"""Speed of place finding: at least ~200 short paragraphs a second once the gazetteer is open."""

from __future__ import annotations

import datetime as dt
import time

from protestwatch.geo.gazetteer import Gazetteer
from protestwatch.geo.places import find_places

CITIES = [
    "Almaty", "Shymkent", "Bishkek", "Osh", "Dushanbe", "Tashkent", "Nukus", "Karaganda", "Lyon",
    "Nairobi", "Lagos", "Dhaka", "Lahore", "Minsk", "Tbilisi", "Yerevan", "Caracas", "Lima",
    "Santiago", "Bogota", "Manila", "Jakarta", "Yangon", "Khartoum", "Algiers", "Tunis", "Beirut",
    "Baghdad", "Tehran", "Istanbul", "Athens", "Belgrade", "Warsaw", "Prague", "Kyiv", "Seoul",
]  # fmt: skip
TEMPLATES = [
    "{a}, May 3 — Several hundred people rallied outside the regional administration in {a} on "
    "Saturday, demanding the release of activists detained in {b} last week.",
    "Police in {a} detained at least 20 protesters, the Interior Ministry said, after a march "
    "from the central square towards parliament. Similar protests were reported in {b}.",
    "Teachers and nurses went on strike in {b} and {a} over unpaid wages, union leaders told "
    "reporters on Tuesday, adding that more rallies were planned for the capital.",
]


def test_find_places_speed(gaz: Gazetteer) -> None:
    paragraphs = [
        t.format(a=a, b=CITIES[(i * 7 + 3) % len(CITIES)])
        for i, a in enumerate(CITIES)
        for t in TEMPLATES
    ]
    find_places(paragraphs[0], gaz)  # first call loads the demonym tables
    start = time.perf_counter()
    found = 0
    for p in paragraphs * 3:
        found += len(find_places(p, gaz, published=dt.date(2023, 5, 3)))
    rate = 3 * len(paragraphs) / (time.perf_counter() - start)
    assert found > 3 * len(paragraphs)
    assert rate >= 200, f"{rate:.0f} paragraphs/s"
