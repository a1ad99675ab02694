"""Hostile article text (markup, SQL quotes, a 100,000-character line, control characters, RTL
text) goes through ingest, show and export as data: stored, quoted and written back unchanged,
and never acted on by the database or the terminal."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path
from types import SimpleNamespace

import pyarrow.parquet as pq
import pytest

ARTICLE_ID = "h1'; DROP TABLE articles; --"
TITLE = '<b>Rally</b> against "Clean City" & O\'Neill'
SCRIPT = "<script>alert(1)</script>"
CLAIM_TEXT = "O'Neill & Sons' \"Clean City\" venture"
RTL = "\u05e9\u05dc\u05d5\u05dd and \u0633\u0644\u0627\u0645"
FILLER = " ".join(
    f"Delegates at forum session {i} discussed irrigation budgets, school repairs and the price of bread."
    for i in range(1100)
)[:100_000]
TEXT = (
    f"About 500 residents rallied in Almaty on Saturday against a landfill run by {CLAIM_TEXT}; "
    f"one placard read {SCRIPT} and another '; DROP TABLE events; --.\n\n"
    f"Police detained 7 people\x07 near the\x1b[31m akimat building. Banners read {RTL} "
    "\u202eevil\u202c in three languages.\n\n" + FILLER + "\n"
)


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory, pw: SimpleNamespace) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    record = {"id": ARTICLE_ID, "title": TITLE, "outlet": "Bobby Tables' Gazette",
              "url": "https://news.example.org/a?b='1'&c=\"2\"", "published": "2024-05-06", "text": TEXT}  # fmt: skip
    (root / "in.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    db = root / "hostile.db"
    report = pw.invoke_json("ingest", root / "in.jsonl", "--db", db)
    assert (report["new"], report["rejected"], report["coded"]) == (1, 0, 1)
    return db


@pytest.fixture(scope="module")
def event(hostile_db: Path, pw: SimpleNamespace) -> dict:
    events = pw.invoke_json("events", "--db", hostile_db)
    assert len(events) >= 1
    return next(e for e in events if e["locality"] == "Almaty")


def test_text_is_stored_unchanged_and_the_database_intact(hostile_db: Path, event: dict) -> None:
    con = sqlite3.connect(hostile_db)
    try:
        row = con.execute("SELECT id, title, text FROM articles").fetchone()
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        con.close()
    assert row[:2] == (ARTICLE_ID, TITLE)
    assert row[2].strip() == TEXT.strip()
    assert {"articles", "events"} <= tables
    assert event["sources"][0]["article_id"] == ARTICLE_ID
    assert CLAIM_TEXT in " ".join(event["claims"])


def test_show_quotes_the_text_and_neutralises_terminal_controls(
    hostile_db: Path, event: dict, pw: SimpleNamespace
) -> None:
    out = pw.invoke("show", event["id"], "--db", hostile_db).stdout
    unwrapped = " ".join(line.strip() for line in out.splitlines())
    assert SCRIPT in unwrapped  # markup is data, shown as it is
    assert CLAIM_TEXT in unwrapped
    assert "\x1b" not in out and "\x07" not in out  # a terminal would act on these
    assert "\\x1b" in out and "\\x07" in out  # ... so they are shown escaped
    assert ARTICLE_ID in out

    details = pw.invoke_json("show", event["id"], "--db", hostile_db)
    contexts = [q["context"] for qs in details["evidence_text"].values() for q in qs]
    assert any(SCRIPT in c for c in contexts)
    assert any("\x1b[31m" in c for c in contexts)  # JSON carries the exact text
    assert all(len(c) < 2_000 for c in contexts)  # quotes are cut, not the whole long line


def test_events_listing_and_search(hostile_db: Path, event: dict, pw: SimpleNamespace) -> None:
    listing = pw.invoke("events", "--db", hostile_db).stdout
    assert event["id"] in listing
    assert [
        e["id"] for e in pw.invoke_json("events", "--db", hostile_db, "--search", "landfill")
    ] == [event["id"]]
    assert pw.invoke_json("events", "--db", hostile_db, "--country", "KZ' OR '1'='1") == []


def test_every_export_format_reads_back(
    hostile_db: Path, event: dict, tmp_path: Path, pw: SimpleNamespace
) -> None:
    for fmt, name in (
        ("jsonl", "e.jsonl"),
        ("acled", "e.csv"),
        ("geojson", "e.geojson"),
        ("parquet", "e.parquet"),
    ):
        pw.invoke("export", "--db", hostile_db, "--format", fmt, "--out", tmp_path / name)
    rows = [
        json.loads(line) for line in (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert event in rows
    with open(tmp_path / "e.csv", newline="", encoding="utf-8") as fh:
        table = list(csv.reader(fh))
    assert len(table) == len(rows) + 1 and {len(r) for r in table} == {31}
    features = json.loads((tmp_path / "e.geojson").read_text(encoding="utf-8"))["features"]
    assert [f["properties"]["claims"] for f in features if f["id"] == event["id"]] == [
        event["claims"]
    ]
    parquet = pq.read_table(tmp_path / "e.parquet").to_pylist()
    assert [r["id"] for r in parquet] == [r["id"] for r in rows]
