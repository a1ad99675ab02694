"""`protestwatch export` in every format, read back with the tools a user would use."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from types import SimpleNamespace

import pyarrow.parquet as pq
import pytest

from protestwatch.model import EVENT_FIELDS, Event

ACLED_HEADER = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]


@pytest.fixture(scope="module")
def events(corpus_db: Path, pw: SimpleNamespace) -> list[dict]:
    return pw.invoke_json("events", "--db", corpus_db)


def test_export_jsonl_is_event_to_dict(
    corpus_db: Path, events: list, tmp_path: Path, pw: SimpleNamespace
) -> None:
    out = tmp_path / "events.jsonl"
    result = pw.invoke("export", "--db", corpus_db, "--format", "jsonl", "--out", out)
    assert f"wrote {len(events)} events" in result.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    assert rows == events
    for row in rows:
        assert list(row) == ["id", *EVENT_FIELDS, "sources", "evidence", "confidence"]
        assert Event.from_dict(row).to_dict() == row


def test_export_acled_csv(
    corpus_db: Path, events: list, tmp_path: Path, pw: SimpleNamespace
) -> None:
    out = tmp_path / "events.csv"
    pw.invoke("export", "--db", corpus_db, "--format", "acled", "--out", out)
    with open(out, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == ACLED_HEADER
        rows = list(reader)
    assert len(rows) == len(events)
    assert sorted(r["event_date"] for r in rows) == sorted(e["date_start"] for e in events)
    assert {r["iso"] for r in rows} >= {"417", "398"}  # Kyrgyzstan, Kazakhstan (numeric ISO)
    assert all(r["event_type"] == "Protests" or r["event_type"] == "Riots" for r in rows)


def test_export_geojson(corpus_db: Path, events: list, tmp_path: Path, pw: SimpleNamespace) -> None:
    out = tmp_path / "events.geojson"
    pw.invoke("export", "--db", corpus_db, "--format", "geojson", "--out", out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection"
    located = [e for e in events if e["latitude"] is not None]
    assert located
    by_id = {f["id"]: f for f in doc["features"]}
    for e in located:
        assert by_id[e["id"]]["geometry"]["coordinates"] == [e["longitude"], e["latitude"]]


def test_export_parquet(corpus_db: Path, events: list, tmp_path: Path, pw: SimpleNamespace) -> None:
    out = tmp_path / "events.parquet"
    pw.invoke("export", "--db", corpus_db, "--format", "parquet", "--out", out)
    table = pq.read_table(out)
    assert table.num_rows == len(events)
    assert sorted(table.column("id").to_pylist()) == sorted(e["id"] for e in events)
    columns = set(table.column_names)
    assert {"id", "date_start", "country", "locality", "latitude", "longitude", "form"} <= columns
    rows = {r["id"]: r for r in table.to_pylist()}
    for e in events:
        assert rows[e["id"]]["country"] == e["country"]
        assert str(rows[e["id"]]["date_start"]) == e["date_start"]


@pytest.mark.parametrize("fmt", ["jsonl", "acled", "geojson"])
def test_export_to_stdout(
    fmt: str, corpus_db: Path, events: list, tmp_path: Path, pw: SimpleNamespace
) -> None:
    to_file = tmp_path / f"events.{fmt}"
    pw.invoke("export", "--db", corpus_db, "--format", fmt, "--out", to_file)
    result = pw.invoke("export", "--db", corpus_db, "--format", fmt, "--out", "-")
    assert result.stdout.replace("\r\n", "\n") == to_file.read_text(encoding="utf-8").replace(
        "\r\n", "\n"
    )
    assert "wrote" not in result.stdout  # the count goes to stderr, stdout stays parseable
    if fmt == "acled":
        assert len(list(csv.reader(io.StringIO(result.stdout)))) == len(events) + 1


def test_export_parquet_to_stdout_is_refused(corpus_db: Path, pw: SimpleNamespace) -> None:
    result = pw.invoke("export", "--db", corpus_db, "--format", "parquet", "--out", "-", ok=(1,))
    assert "parquet" in result.stderr and result.stdout == ""


def test_export_format_follows_the_suffix_and_folders_are_made(
    corpus_db: Path, tmp_path: Path, pw: SimpleNamespace
) -> None:
    csv_out = tmp_path / "new" / "dir" / "events.csv"
    result = pw.invoke("export", "--db", corpus_db, "--out", csv_out)
    assert "(acled)" in result.stderr
    assert csv_out.read_text(encoding="utf-8").split(",")[0] == "event_id_cnty"
    pw.invoke("export", "--db", corpus_db, "--out", tmp_path / "x.parquet")
    assert pq.read_table(tmp_path / "x.parquet").num_rows > 0
    plain = tmp_path / "events.out"
    pw.invoke("export", "--db", corpus_db, "--out", plain)
    json.loads(plain.read_text(encoding="utf-8").splitlines()[0])  # jsonl by default


def test_export_with_filters(
    corpus_db: Path, events: list, tmp_path: Path, pw: SimpleNamespace
) -> None:
    out = tmp_path / "kg.jsonl"
    pw.invoke("export", "--db", corpus_db, "--country", "KG", "--since", "2024-05-01", "--out", out)
    got = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert got == [
        e["id"] for e in events if e["country"] == "KG" and e["date_end"] >= "2024-05-01"
    ]
    assert got


def test_export_errors(corpus_db: Path, tmp_path: Path, pw: SimpleNamespace) -> None:
    pw.invoke("export", "--db", corpus_db, ok=(2,))  # --out is required
    pw.invoke("export", "--db", corpus_db, "--format", "xlsx", "--out", tmp_path / "x", ok=(2,))
    missing = pw.invoke(
        "export", "--db", tmp_path / "none.db", "--out", tmp_path / "x.csv", ok=(1,)
    )
    assert "none.db" in missing.stderr
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    blocked = pw.invoke(
        "export", "--db", corpus_db, "--out", tmp_path / "a-file" / "x.csv", ok=(1,)
    )
    assert blocked.stderr.startswith("error:")
