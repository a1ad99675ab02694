"""`protestwatch demo`: the bundled corpus coded into a fresh database, run for real."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from types import SimpleNamespace


def test_demo_json_codes_the_bundled_corpus(tmp_path: Path, pw: SimpleNamespace) -> None:
    db = tmp_path / "sub" / "demo.db"
    db.parent.mkdir()
    db.write_text("not a database: the demo replaces it", encoding="utf-8")

    result = pw.run("demo", "--db", db, "--json", timeout=300)

    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["db"] == str(db)
    ingest = summary["ingest"]
    assert ingest["read"] >= 20 and ingest["rejected"] == 0 and ingest["coded"] == ingest["read"]
    assert len(summary["events"]) == ingest["events"] > 0
    assert summary["evaluation"]["detection"]["f1"] > 0.3
    con = sqlite3.connect(db)
    try:
        stored = con.execute("SELECT COUNT(*) FROM events WHERE review != 'rejected'").fetchone()[0]
    finally:
        con.close()
    assert stored == len(summary["events"])
    first = summary["events"][0]["id"]
    shown = pw.run("show", first, "--db", db)
    assert shown.returncode == 0 and shown.stdout.startswith(f"event {first}")
