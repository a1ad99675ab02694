"""The geoparser on GeoVirus (shared dev data beside the repository): floors that only go up."""

from __future__ import annotations

import os
from pathlib import Path

from protestwatch.geo.gazetteer import Gazetteer
from protestwatch.geo.geoparse import article_half, geoparse, haversine_km, read_gold, score_geovirus

GEOVIRUS = (
    Path(os.environ.get("PROTESTWATCH_SHARED") or Path(__file__).resolve().parents[3] / "shared")
    / "dev-data" / "geovirus" / "GeoVirus.xml"
)


def test_haversine() -> None:
    assert haversine_km(0, 0, 0, 0) == 0
    assert 940 < haversine_km(43.25, 76.92, 51.18, 71.45) < 1000  # Almaty - Astana, ~970 km


def test_geoparse_dicts(gaz: Gazetteer) -> None:
    text = "Cases were confirmed in Bishkek and in the Osh region of Kyrgyzstan."
    out = geoparse(text, gaz)
    assert [d["text"] for d in out] == ["Bishkek", "Osh region", "Kyrgyzstan"]
    assert out[0]["country"] == "KG" and out[0]["precision"] == 1 and out[0]["geonames_id"]
    assert out[1]["precision"] == 3 and out[2]["precision"] == 4
    assert set(out[0]) == {"start", "end", "text", "name", "country", "admin1", "latitude",
                           "longitude", "geonames_id", "feature", "precision", "score"}  # fmt: skip


def test_gold_offsets_counted_from_one_are_realigned(tmp_path: Path) -> None:
    text = "Cases rose in Osh."
    gold = tmp_path / "g.xml"
    gold.write_text(  # GeoVirus counts its start offsets from 1
        f"<articles><article><text>{text}</text><locations><location><name>Osh</name>"
        "<start>15</start><end>18</end><lat>40.53</lat><lon>72.8</lon></location>"
        "</locations></article></articles>",
        encoding="utf-8",
    )
    assert read_gold(gold) == [(text, [(14, 17, 40.53, 72.8)])]


def test_the_right_place_rate_counts_a_unit_that_holds_the_gold_point(tmp_path: Path, gaz: Gazetteer) -> None:
    text = "Floods hit Russia and Texas, and then Osh."
    gold = tmp_path / "g.xml"
    locations = "".join(
        f"<location><name>{n}</name><start>{s}</start><end>{e}</end><lat>{la}</lat><lon>{lo}</lon>"
        "</location>"
        for n, s, e, la, lo in [
            ("Russia", 11, 17, 55.75, 37.62),  # Moscow: in Russia, far from its middle
            ("Texas", 22, 27, 29.76, -95.37),  # Houston: in Texas, far from its middle
            ("Osh", 38, 41, 42.87, 74.59),  # Bishkek: the wrong place
        ]
    )  # fmt: skip
    gold.write_text(
        f"<articles><article><text>{text}</text><locations>{locations}</locations></article></articles>",
        encoding="utf-8",
    )
    score = score_geovirus(gold, gaz)
    assert score.matched == 3
    assert score.accuracy_161km == 0.0
    assert abs(score.place_rate - 2 / 3) < 1e-9


def test_the_split_is_deterministic_and_about_even() -> None:
    assert article_half("https://en.wikinews.org/wiki/x") == article_half("https://en.wikinews.org/wiki/x")
    halves = [article_half(f"article {i}") for i in range(400)]
    assert 150 < halves.count("dev") < 250


# Floors (achieved: dev P 0.957 R 0.954, 0.831 within 161 km, right place 0.971; test P 0.922
# R 0.935, 0.865, 0.971; see docs/geoparsing.md): only go up.
FLOORS = {
    "dev": dict(precision=0.955, recall=0.95, accuracy_161km=0.83, country_rate=0.99,
                place_rate=0.97),
    "test": dict(precision=0.92, recall=0.93, accuracy_161km=0.86, country_rate=0.985,
                 place_rate=0.97),
}  # fmt: skip


def test_geovirus_floors(gaz: Gazetteer) -> None:
    assert GEOVIRUS.exists(), f"GeoVirus dev data missing at {GEOVIRUS} (shared/ beside the repo)"
    for half, floors in FLOORS.items():
        score = score_geovirus(GEOVIRUS, gaz, half)
        assert score.articles > 100 and score.gold > 1000
        for name, floor in floors.items():
            assert getattr(score, name) >= floor, (half, name, getattr(score, name))
        assert score.median_error_km < 70


OWN_GOLD = Path(__file__).parent / "data" / "own_gold.xml"


def test_own_gold_set(gaz: Gazetteer) -> None:
    """Twenty-two short fixture articles (US-local and world news style) written for the project:
    US towns and states, second-level units (Suffolk, Fife, Laguna), lists of states and of
    countries, persons named like towns (Davis, Granger), a valley and a lake town."""
    score = score_geovirus(OWN_GOLD, gaz)
    assert score.articles == 22 and score.gold == 85
    assert score.precision >= 0.98 and score.recall >= 0.98
    assert score.accuracy_161km >= 0.96 and score.country_rate == 1.0


LOCAL_GOLD = Path(__file__).parent / "data" / "local_gold.xml"
WIRE_GOLD = Path(__file__).parent / "data" / "wire_gold.xml"


def test_local_gold_set(gaz: Gazetteer) -> None:
    """Twenty invented local-newspaper articles (US towns and counties with datelines, "the
    county seat", states given once or not at all; local papers of the UK, India, Nigeria and
    Australia).  Achieved: P 0.994, R 0.949, 1.000 within 161 km, right country 1.000 (measured
    on the set the local-news rules were written against: see docs/geoparsing.md)."""
    score = score_geovirus(LOCAL_GOLD, gaz)
    assert score.articles == 20 and score.gold == 175
    assert score.precision >= 0.98 and score.recall >= 0.93
    assert score.accuracy_161km >= 0.97 and score.country_rate >= 0.98


def test_wire_gold_set(gaz: Gazetteer) -> None:
    """Fifteen invented international wire stories (capitals, provinces, regions, former names,
    demonyms as context).  Achieved: P 0.994, R 0.957, 0.948 within 161 km, right country 1.000."""
    score = score_geovirus(WIRE_GOLD, gaz)
    assert score.articles == 15 and score.gold == 162
    assert score.precision >= 0.98 and score.recall >= 0.96
    assert score.accuracy_161km >= 0.94 and score.country_rate >= 0.98
