"""JSON Lines, GeoJSON and Parquet exports, and the ``export_events`` dispatcher."""

from __future__ import annotations

import datetime as dt
import io
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from protestwatch.errors import ConfigError
from protestwatch.export import EVENT_SCHEMA, FORMATS, export_events, read_parquet_events
from protestwatch.model import EVENT_FIELDS, ActorType, Event, Organizer, Target, TargetType


def _unicode_event(base: Event) -> Event:
    return base.replace(
        id="événement-1",
        locality="Öskemen",
        admin1="Шығыс Қазақстан",
        location_detail='outside the "Jibek Joly" café, near Ақ Орда',
        organizers=(Organizer("Әділет қозғалысы", ActorType.MOVEMENT),),
        claims=("停止向中国借款", "no to the new law, now!"),
        outcome="officials promised a review\nnext week",
    )


# -- JSON Lines ---------------------------------------------------------------------------


def test_jsonl_round_trip_is_exact(rally, wave):
    buf = io.StringIO()
    assert export_events([rally, wave], buf, "jsonl") == 2
    lines = buf.getvalue().splitlines()
    assert len(lines) == 2
    assert [Event.from_dict(json.loads(line)) for line in lines] == [rally, wave]


def test_jsonl_line_is_exactly_to_dict_with_codebook_keys(rally):
    buf = io.StringIO()
    export_events([rally], buf, "jsonl")
    obj = json.loads(buf.getvalue())
    assert obj == rally.to_dict()
    assert list(obj) == ["id", *EVENT_FIELDS, "sources", "evidence", "confidence"]
    assert obj["evidence"]["size_text"] == [{"article_id": "art-1", "start": 200, "end": 222}]


def test_jsonl_unicode_is_written_as_utf8_to_binary_and_path(rally, tmp_path):
    event = _unicode_event(rally)
    raw = io.BytesIO()
    export_events([event], raw, "jsonl")
    data = raw.getvalue()
    assert "Öskemen".encode("utf-8") in data  # not \u escapes
    assert not raw.closed  # the caller's stream stays open
    assert Event.from_dict(json.loads(data.decode("utf-8"))) == event
    path = tmp_path / "events.jsonl"
    export_events([event], path, "jsonl")
    assert Event.from_dict(json.loads(path.read_text(encoding="utf-8"))) == event


def test_jsonl_streams_a_generator_and_counts(rally):
    events = (rally.replace(id=f"ev-{i}") for i in range(250))
    buf = io.StringIO()
    assert export_events(events, buf, "jsonl") == 250
    assert buf.getvalue().count("\n") == 250


# -- GeoJSON ------------------------------------------------------------------------------


def test_geojson_is_a_valid_feature_collection_with_lon_lat_order(rally, wave):
    buf = io.StringIO()
    assert export_events([rally, wave], buf, "geojson") == 2
    doc = json.loads(buf.getvalue())
    assert doc["type"] == "FeatureCollection"
    first, second = doc["features"]
    assert first["type"] == "Feature"
    assert first["geometry"] == {"type": "Point", "coordinates": [76.92, 43.25]}
    assert second["geometry"] is None  # no coordinates: kept, without a point
    for feature in doc["features"]:
        assert set(feature) == {"type", "id", "geometry", "properties"}
        assert isinstance(feature["properties"], dict)


def test_geojson_properties_are_the_flat_fields(rally):
    buf = io.StringIO()
    export_events([rally], buf, "geojson")
    props = json.loads(buf.getvalue())["features"][0]["properties"]
    assert props["id"] == rally.id
    assert props["tactics"] == ["rally"]
    assert props["issues"] == ["foreign_influence", "land"]
    assert props["organizers"][0] == {"name": "Kazakh Democratic Party", "type": "political_party"}
    assert props["date_start"] == "2021-03-27"
    assert props["geo_precision"] == 1
    assert "evidence" not in props
    assert set(EVENT_FIELDS) <= set(props)


def test_geojson_empty_input_is_an_empty_collection():
    buf = io.StringIO()
    assert export_events([], buf, "geojson") == 0
    assert json.loads(buf.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_geojson_unicode(rally, tmp_path):
    path = tmp_path / "events.geojson"
    export_events([_unicode_event(rally)], path, "geojson")
    props = json.loads(path.read_text(encoding="utf-8"))["features"][0]["properties"]
    assert props["locality"] == "Öskemen"
    assert props["claims"][0] == "停止向中国借款"


# -- Parquet ------------------------------------------------------------------------------


def test_parquet_round_trip_is_exact(rally, wave, tmp_path):
    path = tmp_path / "events.parquet"
    events = [rally, wave, _unicode_event(rally)]
    assert export_events(events, path, "parquet") == 3
    assert list(read_parquet_events(path)) == events


def test_parquet_columns_are_typed(rally, wave, tmp_path):
    path = tmp_path / "events.parquet"
    export_events([rally, wave], path, "parquet")
    table = pq.read_table(path)
    assert table.schema.equals(EVENT_SCHEMA)
    assert table.schema.field("date_start").type == pa.date32()
    assert table.schema.field("tactics").type == pa.list_(pa.string())
    assert pa.types.is_struct(table.schema.field("targets").type.value_type)
    assert pa.types.is_map(table.schema.field("evidence").type)
    assert table.column("date_start").to_pylist() == [dt.date(2021, 3, 27), dt.date(2016, 1, 1)]
    assert table.column("size_low").to_pylist() == [200, None]
    assert table.column("internet_shutdown").to_pylist() == [True, None]
    assert table.column("targets").to_pylist()[0] == [
        {"name": "Chinese Communist Party", "type": "foreign_government", "country": "CN"}
    ]


def test_parquet_writes_row_groups(rally, tmp_path):
    from protestwatch.export.parquet import write_parquet

    path = tmp_path / "many.parquet"
    events = (rally.replace(id=f"ev-{i}", size_low=i) for i in range(2500))
    assert write_parquet(events, path, row_group_size=1000) == 2500
    meta = pq.ParquetFile(path).metadata
    assert meta.num_rows == 2500
    assert meta.num_row_groups == 3
    back = list(read_parquet_events(path, batch_size=700))
    assert [e.size_low for e in back] == list(range(2500))


def test_parquet_empty_input_keeps_the_schema(tmp_path):
    path = tmp_path / "empty.parquet"
    assert export_events([], path, "parquet") == 0
    table = pq.read_table(path)
    assert table.num_rows == 0
    assert table.schema.equals(EVENT_SCHEMA)


def test_parquet_to_binary_stream_and_refuses_text(rally):
    raw = io.BytesIO()
    export_events([rally], raw, "parquet")
    assert list(read_parquet_events(io.BytesIO(raw.getvalue()))) == [rally]
    with pytest.raises(ConfigError, match="binary"):
        export_events([rally], io.StringIO(), "parquet")


def test_parquet_target_without_country_round_trips(rally, tmp_path):
    event = rally.replace(targets=(Target("the mine owner", TargetType.COMPANY),), evidence={})
    path = tmp_path / "t.parquet"
    export_events([event], path, "parquet")
    assert list(read_parquet_events(path)) == [event]


# -- dispatch -----------------------------------------------------------------------------


def test_unknown_format_names_the_choices(rally):
    with pytest.raises(ConfigError) as info:
        export_events([rally], io.StringIO(), "xlsx")
    for name in FORMATS:
        assert name in str(info.value)


def test_format_name_is_case_insensitive(rally):
    buf = io.StringIO()
    assert export_events([rally], buf, "JSONL") == 1


def test_writing_to_a_non_file_is_a_config_error(rally):
    with pytest.raises(ConfigError):
        export_events([rally], 42, "jsonl")  # type: ignore[arg-type]
