"""Parquet export (pyarrow): one row per event, typed columns, written in row groups.

The schema (``EVENT_SCHEMA``):

- vocabularies and free text as ``string``; dates (``date_start``, ``date_end``) as ``date32``;
  coordinates and ``confidence`` as ``float64``; counts as ``int64``; ``geo_precision`` as
  ``int8``; the three-valued flags (``dispersed``, ...) as nullable ``bool``;
- ``tactics``, ``claims``, ``issues`` as ``list<string>``;
- ``organizers`` ``list<struct<name, type>>``, ``participants`` ``list<struct<description, type>>``,
  ``targets`` ``list<struct<name, type, country>>``;
- ``sources`` ``list<struct<article_id, url, outlet, published: date32>>``;
- ``evidence`` ``map<string, list<struct<article_id, start: int64, end: int64>>>`` (field name →
  supporting spans), so the provenance stays queryable without parsing JSON.

Rows are buffered and written ``row_group_size`` at a time, so memory stays flat however many
events are exported.  ``read_parquet_events`` reads a file back into ``Event`` objects.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from ..model import EVENT_FIELDS, Event
from .sinks import Output, binary_target

_STR = pa.string()
_SPAN = pa.struct([("article_id", _STR), ("start", pa.int64()), ("end", pa.int64())])

_TYPES: dict[str, pa.DataType] = {
    "tactics": pa.list_(_STR),
    "claims": pa.list_(_STR),
    "issues": pa.list_(_STR),
    "date_start": pa.date32(),
    "date_end": pa.date32(),
    "latitude": pa.float64(),
    "longitude": pa.float64(),
    "geo_precision": pa.int8(),
    "organizers": pa.list_(pa.struct([("name", _STR), ("type", _STR)])),
    "participants": pa.list_(pa.struct([("description", _STR), ("type", _STR)])),
    "targets": pa.list_(pa.struct([("name", _STR), ("type", _STR), ("country", _STR)])),
    "dispersed": pa.bool_(),
    "internet_shutdown": pa.bool_(),
    "protester_violence": pa.bool_(),
}
_INTS = ("size_low", "size_high", "arrests_low", "arrests_high", "injuries", "fatalities")

EVENT_SCHEMA = pa.schema(
    [("id", _STR)]
    + [(name, _TYPES.get(name, pa.int64() if name in _INTS else _STR)) for name in EVENT_FIELDS]
    + [
        (
            "sources",
            pa.list_(
                pa.struct(
                    [
                        ("article_id", _STR),
                        ("url", _STR),
                        ("outlet", _STR),
                        ("published", pa.date32()),
                    ]
                )
            ),
        ),
        ("evidence", pa.map_(_STR, pa.list_(_SPAN))),
        ("confidence", pa.float64()),
    ]
)

DEFAULT_ROW_GROUP_SIZE = 10_000


def event_record(event: Event) -> dict[str, Any]:
    """One event as a row of Python values matching ``EVENT_SCHEMA``."""
    row = event.to_dict()
    for name in ("date_start", "date_end"):
        row[name] = getattr(event, name)
    row["geo_precision"] = int(event.geo_precision) if event.geo_precision is not None else None
    row["sources"] = [
        {"article_id": s.article_id, "url": s.url, "outlet": s.outlet, "published": s.published}
        for s in event.sources
    ]
    row["evidence"] = [(k, [e.to_dict() for e in v]) for k, v in event.evidence.items()]
    row["confidence"] = float(event.confidence)
    return row


def _table(rows: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=EVENT_SCHEMA)


def write_parquet(
    events: Iterable[Event], out: Output, *, row_group_size: int = DEFAULT_ROW_GROUP_SIZE
) -> int:
    """Write ``events`` to a Parquet file (path or binary file object); return the row count."""
    if row_group_size < 1:
        raise ValueError("row_group_size must be at least 1")
    count = 0
    buffer: list[dict[str, Any]] = []
    with pq.ParquetWriter(binary_target(out), EVENT_SCHEMA, compression="zstd") as writer:
        for event in events:
            buffer.append(event_record(event))
            count += 1
            if len(buffer) >= row_group_size:
                writer.write_table(_table(buffer), row_group_size=row_group_size)
                buffer.clear()
        if buffer or count == 0:
            writer.write_table(_table(buffer), row_group_size=row_group_size)
    return count


def _as_event_dict(row: dict[str, Any]) -> dict[str, Any]:
    row = dict(row)
    for name in ("date_start", "date_end"):
        row[name] = row[name].isoformat() if row[name] is not None else None
    for source in row.get("sources") or ():
        pub = source.get("published")
        source["published"] = pub.isoformat() if pub is not None else None
    row["evidence"] = dict(row.get("evidence") or ())
    return row


def read_parquet_events(
    source: Any, *, batch_size: int = DEFAULT_ROW_GROUP_SIZE
) -> Iterator[Event]:
    """Read events back from a Parquet file written by ``write_parquet``, batch by batch."""
    parquet = pq.ParquetFile(source)
    for batch in parquet.iter_batches(batch_size=batch_size):
        for row in batch.to_pylist():
            yield Event.from_dict(_as_event_dict(row))
