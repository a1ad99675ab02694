"""The geoparser on GeoVirus (shared dev data beside the repository): floors that only go up."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import os
from pathlib import Path

from protestwatch.geo.gazetteer import Gazetteer
from protestwatch.geo.geoparse import geoparse, haversine_km, score_geovirus

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


def test_geovirus_floors(gaz: Gazetteer, tmp_path: Path) -> None:
    assert GEOVIRUS.exists(), f"GeoVirus dev data missing at {GEOVIRUS} (shared/ beside the repo)"
    root = ET.parse(GEOVIRUS).getroot()
    subset = ET.Element("articles")
    subset.extend(list(root.iter("article"))[:80])
    path = tmp_path / "subset.xml"
    ET.ElementTree(subset).write(path, encoding="unicode")
    score = score_geovirus(path, gaz)
    assert score.articles == 80 and score.gold > 500
    assert score.precision >= 0.88
    assert score.recall >= 0.80
    assert score.accuracy_161km >= 0.65
    assert score.country_rate >= 0.93
