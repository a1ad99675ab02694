"""Country outlines for the dashboard's offline map (``GET /api/v1/basemap``).

Built from the outlines the ``countryinfo`` package ships (one GeoJSON per country), simplified
with the Douglas-Peucker algorithm (tolerance 0.05 degrees, about 5 km: enough for a world or
country view) and rounded to 3 decimals, so the whole world is a few hundred kilobytes.  Built
once per process, on first request, and kept in memory with its ETag.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
from collections.abc import Iterator, Sequence
from importlib import resources
from typing import Any

logger = logging.getLogger(__name__)

TOLERANCE = 0.05
DECIMALS = 3

Ring = list[list[float]]


def _perpendicular(p: Sequence[float], a: Sequence[float], b: Sequence[float]) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    if dx == 0 and dy == 0:
        return ((p[0] - a[0]) ** 2 + (p[1] - a[1]) ** 2) ** 0.5
    return abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / (dx * dx + dy * dy) ** 0.5


def simplify(points: Sequence[Sequence[float]], tolerance: float = TOLERANCE) -> Ring:
    """Douglas-Peucker simplification of a line (iterative: no recursion limit)."""
    n = len(points)
    if n < 3:
        return [list(p) for p in points]
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    while stack:
        first, last = stack.pop()
        worst, index = 0.0, -1
        for i in range(first + 1, last):
            d = _perpendicular(points[i], points[first], points[last])
            if d > worst:
                worst, index = d, i
        if index >= 0 and worst > tolerance:
            keep[index] = True
            stack.extend(((first, index), (index, last)))
    return [list(p) for p, k in zip(points, keep) if k]


def _ring(ring: Sequence[Sequence[float]]) -> Ring | None:
    """A simplified, rounded, closed ring; None when it shrinks below a triangle."""
    if len(ring) < 4:
        return None
    simple = simplify(ring)
    rounded: Ring = []
    for x, y, *_ in simple:
        point = [round(float(x), DECIMALS), round(float(y), DECIMALS)]
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    if rounded[0] != rounded[-1]:
        rounded.append(rounded[0])
    return rounded if len(rounded) >= 4 else None


def _polygons(geometry: dict[str, Any]) -> Iterator[list[Ring]]:
    kind, coords = geometry.get("type"), geometry.get("coordinates") or []
    polygons = [coords] if kind == "Polygon" else coords if kind == "MultiPolygon" else []
    for polygon in polygons:
        rings = [r for r in (_ring(ring) for ring in polygon) if r]
        if rings and rings[0]:
            yield rings


def _country_files() -> Iterator[Any]:
    root = resources.files("countryinfo") / "data"
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            yield entry


def build_basemap() -> dict[str, Any]:
    """A FeatureCollection of simplified country outlines, properties ``{iso_a2, name}``."""
    features = []
    for entry in _country_files():
        try:
            data = json.loads(entry.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            logger.warning("basemap: cannot read %s: %s", entry.name, exc)
            continue
        iso = (data.get("ISO") or {}).get("alpha2") if isinstance(data.get("ISO"), dict) else None
        shapes = (data.get("geoJSON") or {}).get("features") or []
        polygons = [p for f in shapes for p in _polygons(f.get("geometry") or {})]
        if not iso or not polygons:
            continue
        geometry = ({"type": "Polygon", "coordinates": polygons[0]} if len(polygons) == 1
                    else {"type": "MultiPolygon", "coordinates": polygons})  # fmt: skip
        features.append({"type": "Feature", "id": iso,
                         "properties": {"iso_a2": iso, "name": data.get("name") or iso},
                         "geometry": geometry})  # fmt: skip
    return {"type": "FeatureCollection", "features": features}


@functools.lru_cache(maxsize=1)
def basemap_bytes() -> tuple[bytes, str]:
    """The basemap as compact JSON and its ETag (built once per process)."""
    body = json.dumps(build_basemap(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
