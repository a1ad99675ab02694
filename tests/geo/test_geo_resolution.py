"""Representative points and resolution mechanisms: main landmass, unit extent, one sense per
text, AP state abbreviations, demonyms, continents."""

from __future__ import annotations

from protestwatch.geo.build import country_point, unit_point
from protestwatch.geo.gazetteer import Gazetteer
from protestwatch.geo.geoparse import geoparse, haversine_km
from protestwatch.geo.macro import macro_point


def _square(lon: float, lat: float, size: float) -> list[list[float]]:
    return [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size]]


def _multi(*rings: list[list[float]]) -> dict:
    geometry = {"type": "MultiPolygon", "coordinates": [[r] for r in rings]}
    return {"features": [{"geometry": geometry}]}


def test_country_point_is_the_main_landmass_centroid_else_the_factbook_point() -> None:
    main_and_island = _multi(_square(0, 0, 10), _square(30, 30, 1))
    assert country_point(main_and_island, (1.0, 1.0)) == (5.0, 5.0)
    archipelago = _multi(*[_square(10 * i, 0, 2) for i in range(5)])
    assert country_point(archipelago, (1.0, 21.0)) == (1.0, 21.0)
    assert country_point(None, (3.0, 4.0)) == (3.0, 4.0)


def test_unit_point_sits_between_the_extent_and_the_median_of_places() -> None:
    lats = [0.0, 0.1, 0.2, 0.3, 10.0]
    lons = [0.0, 0.0, 0.0, 0.0, 10.0]
    assert unit_point(lats, lons) == (2.6, 2.5)
    # across the antimeridian (the Aleutians): not a point near Greenwich
    lat, lon = unit_point([52.0, 52.0, 53.0], [179.5, -179.5, -178.0])
    assert abs(lon) > 178


def test_the_built_points_of_large_countries(gaz: Gazetteer) -> None:
    us = gaz.country("US")
    assert haversine_km(us.latitude, us.longitude, 39.8, -98.6) < 161  # the contiguous centre
    texas = gaz.admin1("US", "Texas")
    assert haversine_km(texas.latitude, texas.longitude, 31.25, -99.25) < 161


def _places(text: str, gaz: Gazetteer) -> list[tuple[str, str | None, str]]:
    return [(d["text"], d["country"], d["admin1"] or d["feature"]) for d in geoparse(text, gaz)]


def test_a_state_is_not_a_namesake_town(gaz: Gazetteer) -> None:
    got = _places("Wildfires forced evacuations in California and Oregon.", gaz)
    assert got == [("California", "US", "California"), ("Oregon", "US", "Oregon")]


def test_ap_state_abbreviation_and_one_sense_per_text(gaz: Gazetteer) -> None:
    text = "PEORIA, Ill. — Nurses struck on Monday. The hospital in Peoria said talks would resume."
    got = geoparse(text, gaz)
    assert [(d["text"], d["admin1"]) for d in got] == [("PEORIA", "Illinois"), ("Peoria", "Illinois")]


def test_a_demonym_is_not_the_region_of_that_name(gaz: Gazetteer) -> None:
    assert [d["text"] for d in geoparse("Somali officials met Kenyan envoys in Nairobi.", gaz)] == [
        "Nairobi"
    ]


def test_continents_and_seas_are_toponyms_of_the_geoparser_only(gaz: Gazetteer) -> None:
    from protestwatch.geo.places import find_places

    text = "The outbreak spread from West Africa to Europe and across the Pacific."
    got = {d["text"]: d for d in geoparse(text, gaz)}
    assert set(got) == {"West Africa", "Europe", "Pacific"}
    assert got["Europe"]["feature"] == "continent" and got["Europe"]["country"] is None
    assert got["Pacific"]["feature"] == "sea"
    assert macro_point("Africa") is not None and macro_point("Soviet Union") is None
    assert [m for m in find_places(text, gaz) if m.kind == "toponym"] == []


def test_peoples_republic_is_not_the_republic(gaz: Gazetteer) -> None:
    assert _places("Officials of the People's Republic of China said.", gaz)[0][1] == "CN"
    assert _places("Troops left the Democratic Republic of Congo.", gaz)[0][1] == "CD"
