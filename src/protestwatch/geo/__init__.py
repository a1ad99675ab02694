"""Geography: the gazetteer (build + lookup), place resolution and location details.

build_gazetteer(path) -> Path                 write the SQLite gazetteer
Gazetteer.open(path=None)                     open it (building it on first use)
find_places(text, gazetteer, ...)             place mentions resolved to model.Place
find_location_details(text, span)             "outside parliament", "the square in front of ..."
find_scope_details(text, span)                "other cities", "across the country" (country/region events)
geoparse(text, gazetteer)                     toponyms as JSON-ready dicts
"""

from __future__ import annotations

from .build import build_gazetteer
from .details import find_location_details, find_scope_details
from .gazetteer import Candidate, Gazetteer, default_gazetteer_path
from .geoparse import GeoScore, geoparse, score_geovirus
from .places import find_places

__all__ = [
    "Candidate",
    "Gazetteer",
    "GeoScore",
    "build_gazetteer",
    "default_gazetteer_path",
    "find_location_details",
    "find_places",
    "find_scope_details",
    "geoparse",
    "score_geovirus",
]
