"""The curated regions (:data:`protestwatch.geo.curated.REGIONS`): the geoparser resolves them in
news sentences, they keep the towns named beside them, and the table itself is sound."""

from __future__ import annotations

import functools
import math

import pytest

from protestwatch.geo.curated import COUNTRY_ALIASES, REGIONS, Region
from protestwatch.geo.gazetteer import Gazetteer
from protestwatch.geo.geoparse import geoparse, haversine_km
from protestwatch.geo.macro import MACRO_REGIONS
from protestwatch.geo.names import name_key

#: name key of every name and alias -> its entry
_BY_KEY: dict[str, Region] = {
    name_key(text): r for r in REGIONS for text in (r.name, *r.aliases)
}  # fmt: skip


def _entry(text: str) -> Region:
    return _BY_KEY[name_key(text)]


@pytest.fixture(scope="module")
def regions_gaz(gaz: Gazetteer) -> Gazetteer:
    """The session gazetteer, once it is known to hold every curated region (a file built before
    the table changed does not: its schema version is the same, so it is not rebuilt by itself)."""
    missing = [
        r.name for r in REGIONS
        if not any(c.feature_code == "RGN" and c.country == r.country for c in gaz.lookup(r.name))
    ]  # fmt: skip
    if missing:
        pytest.fail(
            f"the gazetteer {gaz.path} predates {len(missing)} curated regions ({missing[:5]} ...):"
            " rebuild it with `protestwatch gazetteer build`",
            pytrace=False,
        )
    return gaz


# -- resolution in sentences ------------------------------------------------------------------

#: Invented news sentences -> the regions (as written) that the geoparser must find in them.
SENTENCES: list[tuple[str, tuple[str, ...]]] = [
    ("Fighting between the army and separatist rebels has displaced thousands of villagers in "
     "Casamance.", ("Casamance",)),
    ("Farmers from across Vidarbha blocked highways on Tuesday to demand loan waivers.",
     ("Vidarbha",)),
    ("Tobacco growers rallied in the Bekaa Valley after the government cut their subsidies.",
     ("Bekaa Valley",)),
    ("Residents of South Ossetia queued for hours at the only open fuel station.",
     ("South Ossetia",)),
    ("Pensioners in Transnistria protested outside the local parliament against higher gas "
     "prices.", ("Transnistria",)),
    ("Tens of thousands of people left Nagorno-Karabakh within a week, aid agencies said.",
     ("Nagorno-Karabakh",)),
    ("Fishermen in the Niger Delta say repeated oil spills have ruined their catch.",
     ("Niger Delta",)),
    ("Women in Ogoniland marched again to demand the cleanup they were promised years ago.",
     ("Ogoniland",)),
    ("Clan militias clashed near the disputed border between Somaliland and Puntland.",
     ("Somaliland", "Puntland")),
    ("Students in Kabylie staged a general strike over the new language law.", ("Kabylie",)),
    ("Teachers on Sumatra and Sulawesi walked out over unpaid allowances.",
     ("Sumatra", "Sulawesi")),
    ("Rice farmers in Mindanao demanded compensation after the typhoon destroyed their crops.",
     ("Mindanao",)),
    ("Miners across the Kuzbass refused to come up from the pits until wages were paid.",
     ("Kuzbass",)),
    ("Truckers blocked the main road through Transylvania for a second day.",
     ("Transylvania",)),
    ("Climate activists occupied an open-cast coal mine in Lusatia on Saturday.", ("Lusatia",)),
    ("Indigenous groups in the Brazilian Amazon blocked a highway to protest against illegal "
     "mining.", ("Brazilian Amazon",)),
    ("Coca growers in the Chapare set up roadblocks after the army destroyed their fields.",
     ("Chapare",)),
    ("Charter boat crews in the Florida Keys rallied against the new fishing limits.",
     ("Florida Keys",)),
    ("Druze residents of the Golan Heights protested against a wind farm on their orchards.",
     ("Golan Heights",)),
    ("A hikoi of several thousand people crossed the North Island, organisers said.",
     ("North Island",)),
    ("Herders on the Altiplano blocked a railway line over water rights.", ("Altiplano",)),
    ("Dockworkers in Tenerife and Gran Canaria struck over pay.", ("Tenerife", "Gran Canaria")),
    ("Villagers in the Sundarbans demanded embankments after the cyclone.", ("Sundarbans",)),
    ("Shopkeepers in Waziristan shut their businesses to protest against the curfew.",
     ("Waziristan",)),
    ("Protesters in the Rif demanded a hospital and jobs.", ("Rif",)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), SENTENCES, ids=[e[0] for _, e in SENTENCES])
def test_regions_resolve_in_news_sentences(
    regions_gaz: Gazetteer, text: str, expected: tuple[str, ...]
) -> None:
    got = {d["text"]: d for d in geoparse(text, regions_gaz)}
    for name in expected:
        assert name in got, f"{name!r} not found in {text!r}: {sorted(got)}"
        d, region = got[name], _entry(name)
        assert d["feature"] == "region"
        assert d["country"] == region.country
        assert haversine_km(d["latitude"], d["longitude"], region.latitude, region.longitude) < 100


def test_sentences_cover_many_regions() -> None:
    assert len({_entry(n).name for _, names in SENTENCES for n in names}) >= 15


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Farmers from Vidarbha marched into Nagpur on Monday.",
         [("Vidarbha", "IN", "region"), ("Nagpur", "IN", "locality")]),
        ("Separatists attacked an army post near Ziguinchor in Casamance.",
         [("Ziguinchor", "SN", "locality"), ("Casamance", "SN", "region")]),
        ("Rebels in Ituri attacked a displacement camp outside Bunia.",
         [("Ituri", "CD", "region"), ("Bunia", "CD", "locality")]),
        ("Coal miners from Lusatia demonstrated in Cottbus.",
         [("Lusatia", "DE", "region"), ("Cottbus", "DE", "locality")]),
        ("Sugar workers on Negros marched to Bacolod.",
         [("Negros", "PH", "region"), ("Bacolod", "PH", "locality")]),
        ("Pro-independence groups in Ambazonia called a lockdown in Bamenda and Buea.",
         [("Ambazonia", "CM", "region"), ("Bamenda", "CM", "locality"),
          ("Buea", "CM", "locality")]),
    ],
)  # fmt: skip
def test_a_region_beside_a_town_of_its_country_keeps_both(
    regions_gaz: Gazetteer, text: str, expected: list[tuple[str, str, str]]
) -> None:
    got = geoparse(text, regions_gaz)
    assert [(d["text"], d["country"], d["feature"]) for d in got] == expected


def test_a_namesake_town_keeps_its_name_in_its_own_country(regions_gaz: Gazetteer) -> None:
    # Nyanza, Kenya's former province, is also a Rwandan town; Kasai a Japanese city
    gaz = regions_gaz
    got = geoparse("In Rwanda, hundreds of residents of Nyanza protested against evictions.", gaz)
    assert [(d["text"], d["country"], d["feature"]) for d in got][-1] == (
        "Nyanza", "RW", "locality"
    )
    got = geoparse("Officials in Kasai, Hyogo Prefecture, said the festival was cancelled.", gaz)
    assert (got[0]["text"], got[0]["country"], got[0]["feature"]) == ("Kasai", "JP", "locality")


# -- the table --------------------------------------------------------------------------------

#: How far (km) a region's point may lie outside its country's outline: regions along a coast
#: or a border.  Islands the coarse outlines leave out are checked against the gazetteer's towns.
_NEAR_KM = 150.0
_ISLAND_TOWN_KM = 250.0


@functools.lru_cache(maxsize=1)
def _outlines() -> dict[str, list[list[list[list[float]]]]]:
    """Alpha-2 code -> the polygons (rings of [lon, lat]) of the country, from countryinfo."""
    countryinfo = pytest.importorskip("countryinfo")
    out: dict[str, list[list[list[list[float]]]]] = {}
    for ci in countryinfo.all_countries():
        info = ci.info()
        code = (info.get("ISO") or {}).get("alpha2")
        features = (info.get("geoJSON") or {}).get("features") or ()
        polygons = []
        for feature in features:
            geometry = feature.get("geometry") or {}
            if geometry.get("type") == "Polygon":
                polygons.append(geometry["coordinates"])
            elif geometry.get("type") == "MultiPolygon":
                polygons.extend(geometry["coordinates"])
        if code and polygons:
            out[code] = polygons
    return out


def _inside(lat: float, lon: float, ring: list[list[float]]) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _segment_km(lat: float, lon: float, a: list[float], b: list[float]) -> float:
    """Distance from the point to the segment a-b (local flat projection, fine near it)."""
    kx, ky = 111.32 * math.cos(math.radians(lat)), 110.57
    ax, ay = (a[0] - lon) * kx, (a[1] - lat) * ky
    bx, by = (b[0] - lon) * kx, (b[1] - lat) * ky
    dx, dy = bx - ax, by - ay
    t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / (dx * dx + dy * dy)))
    return math.hypot(ax + t * dx, ay + t * dy)


def _km_outside(code: str, lat: float, lon: float) -> float | None:
    """How far the point lies outside the country's outline (0 inside; None: no outline)."""
    polygons = _outlines().get(code)
    if not polygons:
        return None
    best = math.inf
    for outer, *holes in polygons:
        if _inside(lat, lon, outer) and not any(_inside(lat, lon, h) for h in holes):
            return 0.0
        for ring in (outer, *holes):
            for a, b in zip(ring, ring[1:] + ring[:1]):
                best = min(best, _segment_km(lat, lon, a, b))
    return best


def test_every_point_is_a_valid_coordinate_in_a_real_country() -> None:
    pycountry = pytest.importorskip("pycountry")
    for r in REGIONS:
        assert r.name and r.name == r.name.strip(), r
        assert -90 <= r.latitude <= 90 and -180 <= r.longitude <= 180, r.name
        assert len(r.country) == 2 and r.country.isupper(), r.name
        assert pycountry.countries.get(alpha_2=r.country) is not None, r.name
        assert isinstance(r.aliases, tuple) and all(a and a.strip() == a for a in r.aliases), r
        assert r.admin1 is None or r.admin1.strip(), r.name


def test_every_point_lies_in_or_near_its_country(gaz: Gazetteer) -> None:
    far = []
    for r in REGIONS:
        km = _km_outside(r.country, r.latitude, r.longitude)
        if km is not None and km <= _NEAR_KM:
            continue
        # an island the outline leaves out (the Canaries, Easter Island) or a country without
        # an outline: a town of that country near the point
        towns = gaz.nearest_places(r.latitude, r.longitude, limit=30)
        if any(
            t.country == r.country
            and haversine_km(r.latitude, r.longitude, t.latitude, t.longitude) <= _ISLAND_TOWN_KM
            for t in towns
        ):
            continue
        far.append((r.name, r.country, km))
    assert far == []


def test_the_outline_check_catches_a_point_in_the_wrong_country() -> None:
    if not _outlines():
        pytest.skip("countryinfo has no outlines")
    assert _km_outside("FR", 43.8, 5.8) == 0.0  # Provence
    assert _km_outside("ES", 43.8, 5.8) > _NEAR_KM
    assert _km_outside("BR", -17.5, -67.5) > 0  # the Altiplano is not Brazilian


def test_no_name_or_alias_is_used_twice() -> None:
    seen: dict[str, str] = {}
    for r in REGIONS:
        keys = [name_key(text) for text in (r.name, *r.aliases)]
        assert len(set(keys)) == len(keys), f"{r.name}: an alias repeats a name"
        for key in keys:
            assert key not in seen, f"{key!r} in both {seen[key]!r} and {r.name!r}"
            seen[key] = r.name


def test_no_entry_is_a_country_or_a_macro_region() -> None:
    pycountry = pytest.importorskip("pycountry")
    countries = {name_key(a) for aliases in COUNTRY_ALIASES.values() for a in aliases}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if getattr(c, attr, None):
                countries.add(name_key(getattr(c, attr)))
    for r in REGIONS:
        for text in (r.name, *r.aliases):
            key = name_key(text)
            assert key not in countries, f"{text!r} ({r.name}) is a country's name"
            assert key not in MACRO_REGIONS, f"{text!r} ({r.name}) is a macro-region"


def test_the_table_is_large_and_spread_over_the_world() -> None:
    assert 150 <= len(REGIONS) <= 220
    assert len({r.country for r in REGIONS}) >= 60
    assert min(r.latitude for r in REGIONS) < -30 < 50 < max(r.latitude for r in REGIONS)
