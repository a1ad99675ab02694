"""Exports: coded events out to the formats users already work with.

One module per format, each with a ``write_*`` function over an iterable of ``Event``:

- ``jsonl``   JSON Lines, exactly ``Event.to_dict()`` (lossless: ``Event.from_dict`` reads it)
- ``acled``   ACLED's 31-column CSV (mapping choices in ``acled``'s docstring)
- ``geojson`` a FeatureCollection of points
- ``parquet`` typed columns, written in row groups

``export_events`` dispatches on the format name; it accepts a path or an open file (text or
binary; parquet needs a path or a binary file) and returns the number of events written.
"""

from __future__ import annotations

import logging
from typing import Iterable, Mapping, Sequence

from ..errors import ConfigError
from ..model import Article, Event
from .acled import ACLED_COLUMNS, acled_row, write_acled
from .geojson import event_feature, write_geojson
from .jsonl import write_jsonl
from .parquet import EVENT_SCHEMA, read_parquet_events, write_parquet
from .sinks import Output, text_sink

logger = logging.getLogger(__name__)

#: The format names ``export_events`` accepts.
FORMATS: tuple[str, ...] = ("jsonl", "acled", "geojson", "parquet")

__all__ = [
    "ACLED_COLUMNS",
    "EVENT_SCHEMA",
    "FORMATS",
    "acled_row",
    "event_feature",
    "export_events",
    "read_parquet_events",
    "write_acled",
    "write_geojson",
    "write_jsonl",
    "write_parquet",
]


def export_events(
    events: Iterable[Event],
    out: Output,
    fmt: str,
    *,
    articles: Mapping[str, Article] | None = None,
    timestamp: int | None = None,
    disagreements: Mapping[str, Sequence[str]] | None = None,
) -> int:
    """Write ``events`` to ``out`` in format ``fmt`` (one of ``FORMATS``); return the count.

    ``articles`` (id → Article) fills in outlets missing from the events' sources (ACLED).
    ``timestamp`` fixes ACLED's ``timestamp`` column (default: now); ``disagreements`` maps an
    event id to notes appended to its ACLED ``notes``.  The other formats ignore these options.
    """
    name = fmt.lower().strip()
    if name not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if name == "parquet":
        count = write_parquet(events, out)
    elif name == "acled":
        with text_sink(out, newline="") as stream:
            count = write_acled(
                events, stream, articles=articles, timestamp=timestamp, disagreements=disagreements
            )
    else:
        writer = write_jsonl if name == "jsonl" else write_geojson
        with text_sink(out) as stream:
            count = writer(events, stream)
    logger.info("exported %d events as %s", count, name)
    return count
