from __future__ import annotations

import datetime as dt

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from protestwatch.errors import GazetteerError
from protestwatch.geo.gazetteer import Gazetteer, default_gazetteer_path
from protestwatch.model import GeoPrecision

# name -> (country, latitude, longitude): reference.md's Central Asian names and their variants.
CENTRAL_ASIA = {
    "Astana": ("KZ", 51.18, 71.45), "Nur-Sultan": ("KZ", 51.18, 71.45),
    "Akmola": ("KZ", 51.18, 71.45), "Aqmola": ("KZ", 51.18, 71.45),
    "Tselinograd": ("KZ", 51.18, 71.45), "Almaty": ("KZ", 43.25, 76.92),
    "Alma-Ata": ("KZ", 43.25, 76.92), "Oral": ("KZ", 51.23, 51.37), "Uralsk": ("KZ", 51.23, 51.37),
    "Aktobe": ("KZ", 50.28, 57.17), "Aqtobe": ("KZ", 50.28, 57.17),
    "Aktyubinsk": ("KZ", 50.28, 57.17), "Shymkent": ("KZ", 42.32, 69.6),
    "Chimkent": ("KZ", 42.32, 69.6), "Atyrau": ("KZ", 47.1, 51.9), "Guryev": ("KZ", 47.1, 51.9),
    "Semey": ("KZ", 50.41, 80.25), "Semipalatinsk": ("KZ", 50.41, 80.25),
    "Oskemen": ("KZ", 49.95, 82.6), "Ust-Kamenogorsk": ("KZ", 49.95, 82.6),
    "Zhanaozen": ("KZ", 43.34, 52.86), "Janaozen": ("KZ", 43.34, 52.86),
    "Novy Uzen": ("KZ", 43.34, 52.86), "Karaganda": ("KZ", 49.8, 73.1),
    "Qaraghandy": ("KZ", 49.8, 73.1), "Kostanay": ("KZ", 53.21, 63.62),
    "Qostanay": ("KZ", 53.21, 63.62), "Petropavl": ("KZ", 54.87, 69.15),
    "Petropavlovsk": ("KZ", 54.87, 69.15), "Taraz": ("KZ", 42.9, 71.37),
    "Dzhambul": ("KZ", 42.9, 71.37), "Kyzylorda": ("KZ", 44.85, 65.5),
    "Qyzylorda": ("KZ", 44.85, 65.5), "Bishkek": ("KG", 42.87, 74.59), "Frunze": ("KG", 42.87, 74.59),
    "Khorog": ("TJ", 37.49, 71.55), "Khorugh": ("TJ", 37.49, 71.55), "Nukus": ("UZ", 42.46, 59.6),
    "Osh": ("KG", 40.53, 72.8), "Dushanbe": ("TJ", 38.54, 68.78), "Tashkent": ("UZ", 41.3, 69.24),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(CENTRAL_ASIA))
def test_central_asian_names_resolve_to_the_right_city(gaz: Gazetteer, name: str) -> None:
    country, lat, lon = CENTRAL_ASIA[name]
    cities = [c for c in gaz.lookup(name) if c.is_locality]
    assert cities, name
    best = max(cities, key=lambda c: c.population)
    assert best.country == country
    assert abs(best.latitude - lat) < 0.3 and abs(best.longitude - lon) < 0.3


@pytest.mark.parametrize(
    "name, country, admin1",
    [
        ("Xinjiang", "CN", "Xinjiang"), ("Karakalpakstan", "UZ", "Karakalpakstan"),
        ("GBAO", "TJ", "Gorno-Badakhshan"), ("Gorno-Badakhshan", "TJ", "Gorno-Badakhshan"),
        ("Mangystau", "KZ", "Mangystau"), ("Mangistau", "KZ", "Mangystau"),
        ("Crimea", "UA", "Crimea"), ("Almaty region", "KZ", "Almaty Region"),
    ],
)  # fmt: skip
def test_regions_without_a_city(gaz: Gazetteer, name: str, country: str, admin1: str) -> None:
    cand = gaz.admin1(country, name)
    assert cand is not None and cand.name == admin1
    assert cand.latitude is not None and cand.is_admin1


def test_kashmir_is_a_region(gaz: Gazetteer) -> None:
    assert any(c.feature_code == "RGN" and c.country == "IN" for c in gaz.lookup("Kashmir"))


def test_lookup_is_case_and_accent_insensitive(gaz: Gazetteer) -> None:
    ids = {gaz.lookup(n)[0].id for n in ("Almaty", "ALMATY", "almaty", "Almatý")}
    assert len(ids) == 1
    assert gaz.lookup("no such place qwxz") == []


def test_ambiguous_names_list_every_candidate_most_populous_first(gaz: Gazetteer) -> None:
    paris = [c for c in gaz.lookup("Paris") if c.is_locality]
    assert paris[0].country == "FR"
    assert {"US", "CA"} <= {c.country for c in paris}
    texas = [c for c in paris if c.admin1 == "Texas"]
    assert texas and texas[0].population < paris[0].population


def test_countries_by_code_and_name(gaz: Gazetteer) -> None:
    kz = gaz.country("kz")
    assert kz is not None and kz.name == "Kazakhstan" and kz.is_country and kz.latitude
    for name, code in [("the UK", "GB"), ("Burma", "MM"), ("United States", "US"),
                       ("Kyrgyz Republic", "KG"), ("Qazaqstan", "KZ"), ("Ivory Coast", "CI")]:  # fmt: skip
        found = gaz.country_by_name(name)
        assert found is not None and found.country == code, name
    assert gaz.country_by_name("Almaty") is None


@pytest.mark.parametrize(
    "country, date, locality",
    [
        ("KZ", dt.date(1995, 6, 1), "Almaty"), ("KZ", dt.date(1998, 1, 15), "Akmola"),
        ("KZ", dt.date(2005, 1, 1), "Astana"), ("KZ", dt.date(2019, 3, 23), "Nur-Sultan"),
        ("KZ", dt.date(2022, 9, 16), "Nur-Sultan"), ("KZ", dt.date(2022, 9, 17), "Astana"),
        ("KZ", None, "Astana"), ("KG", dt.date(1990, 5, 1), "Frunze"),
        ("KG", dt.date(2020, 5, 1), "Bishkek"), ("MM", dt.date(2003, 1, 1), "Yangon"),
        ("MM", dt.date(2021, 2, 1), "Naypyidaw"), ("NG", dt.date(1985, 1, 1), "Lagos"),
        ("NG", dt.date(2020, 1, 1), "Abuja"), ("FR", dt.date(2020, 1, 1), "Paris"),
        ("UZ", None, "Tashkent"), ("TJ", None, "Dushanbe"),
    ],
)  # fmt: skip
def test_capital_at_a_date(
    gaz: Gazetteer, country: str, date: dt.date | None, locality: str
) -> None:
    place = gaz.capital_at(country, date)
    assert place is not None and place.locality == locality and place.country == country
    assert place.precision == GeoPrecision.LOCALITY


@pytest.mark.parametrize(
    "country, date, locality",
    [
        ("NL", None, "The Hague"), ("ZA", None, "Cape Town"), ("CL", None, "Valparaíso"),
        ("BO", None, "La Paz"), ("CI", None, "Abidjan"), ("LK", None, "Sri Jayewardenepura Kotte"),
        ("KZ", dt.date(1995, 6, 1), "Almaty"), ("KZ", dt.date(2020, 1, 1), "Nur-Sultan"),
        ("GB", None, "London"),
    ],
)  # fmt: skip
def test_the_national_parliament_sits_in_the_capital_or_its_own_city(
    gaz: Gazetteer, country: str, date: dt.date | None, locality: str
) -> None:
    place = gaz.legislature_at(country, date)
    assert place is not None and place.locality == locality and place.country == country


def test_every_legislature_seat_is_a_town_of_its_country(gaz: Gazetteer) -> None:
    from protestwatch.geo import curated

    for country, city in curated.LEGISLATURES.items():
        place = gaz.legislature_at(country)
        assert place is not None and place.locality == city, (country, city)
        assert place.precision == GeoPrecision.LOCALITY


def test_city_level_admin1_follows_the_rename(gaz: Gazetteer) -> None:
    place = gaz.capital_at("KZ", dt.date(2020, 1, 1))
    assert place is not None and place.admin1 == "Nur-Sultan"
    almaty = next(c for c in gaz.lookup("Almaty") if c.is_locality)
    assert gaz.to_place(almaty).admin1 == "Almaty"


def test_missing_gazetteer_without_build_names_the_fixing_command(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="protestwatch gazetteer build"):
        Gazetteer.open(tmp_path / "none.sqlite", build=False)


def test_stale_gazetteer_is_refused_without_build(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    db.execute("INSERT INTO meta VALUES ('schema_version', '0')")
    db.commit()
    db.close()
    with pytest.raises(GazetteerError, match="stale"):
        Gazetteer.open(path, build=False)


def test_unwritable_location_raises_gazetteer_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(GazetteerError, match="protestwatch gazetteer build"):
        Gazetteer.open(blocker / "sub" / "g.sqlite")


def test_default_path_respects_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("PROTESTWATCH_GAZETTEER", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_gazetteer_path() == tmp_path / "protestwatch" / "gazetteer.sqlite"
    monkeypatch.setenv("PROTESTWATCH_GAZETTEER", str(tmp_path / "g.sqlite"))
    assert default_gazetteer_path() == tmp_path / "g.sqlite"


def test_file_is_compact_and_loads_fast_in_little_memory(gaz: Gazetteer) -> None:
    assert gaz.path.stat().st_size < 100 * 1024 * 1024
    # The peak is read from /proc (VmHWM): ru_maxrss would carry over the forking test process's
    # own peak across exec and measure pytest, not the gazetteer.
    code = (
        "import time, re\n"
        "from protestwatch.geo.gazetteer import Gazetteer\n"
        "t = time.perf_counter()\n"
        f"g = Gazetteer.open({str(gaz.path)!r}, build=False); g.lookup('Almaty')\n"
        "hwm = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1)\n"
        "print(time.perf_counter() - t, hwm)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    seconds, rss_kb = out.stdout.split()
    assert float(seconds) <= 2.0
    assert int(rss_kb) <= 500 * 1024


def test_lookups_are_fast(gaz: Gazetteer) -> None:
    names = ["Almaty", "Paris", "Springfield", "Osh", "Karaganda", "Lagos", "Nowhereville"]
    start = time.perf_counter()
    for i in range(200):
        gaz.lookup(names[i % len(names)] + ("" if i < 100 else " x"))
    assert time.perf_counter() - start < 1.0
