"""GeoJSON export: a FeatureCollection with one Point feature per event (RFC 7946).

Coordinates are ``[longitude, latitude]`` (GeoJSON's order).  An event without coordinates keeps
its feature with ``"geometry": null``, so the file lists every event.  ``properties`` holds the
event's flat fields as in the JSON Lines export (``id``, every codebook field, ``sources``,
``confidence``; lists as arrays, organizers/participants/targets/sources as arrays of objects).
The per-field ``evidence`` is left out to keep map layers light: it is in the JSON Lines export.

The collection is streamed feature by feature, so memory stays flat for large exports.
"""

from __future__ import annotations

import json
import math
from typing import IO, Any, Iterable

from ..model import Event


def event_feature(event: Event) -> dict[str, Any]:
    """One event as a GeoJSON Feature."""
    properties = event.to_dict()
    properties.pop("evidence", None)
    lat, lon = event.latitude, event.longitude
    geometry = None
    if lat is not None and lon is not None and math.isfinite(lat) and math.isfinite(lon):
        geometry = {"type": "Point", "coordinates": [lon, lat]}
    return {"type": "Feature", "id": event.id, "geometry": geometry, "properties": properties}


def write_geojson(events: Iterable[Event], stream: IO[str]) -> int:
    """Write a FeatureCollection of ``events`` to the text ``stream``; return the feature count."""
    stream.write('{"type": "FeatureCollection", "features": [')
    count = 0
    for event in events:
        stream.write(",\n" if count else "\n")
        stream.write(json.dumps(event_feature(event), ensure_ascii=False, allow_nan=False))
        count += 1
    stream.write("\n]}\n" if count else "]}\n")
    return count
