"""`protestwatch ingest`: a directory of good and bad inputs, run as a user would."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from types import SimpleNamespace

GOOD_TXT = (
    "---\ntitle: Nurses protest in Tbilisi\noutlet: Caucasus Today\npublished: 2024-05-06\n---\n"
    "TBILISI — Around 300 nurses staged a protest outside the main city hospital in Tbilisi on "
    "Monday over unpaid overtime, their union said.\n\nThe nurses marched to the health ministry "
    "and handed in a petition signed by 4,000 medical workers.\n"
)
GOOD_RECORD = {
    "id": "dushanbe-vendors",
    "title": "Market vendors protest in Dushanbe",
    "published": "2024-05-02",
    "text": "Dozens of market vendors protested in Dushanbe on Thursday against the planned "
    "demolition of the Korvon bazaar, where many of them have traded for two decades.",
}
UNDATED_RECORD = {
    "id": "undated",
    "title": "Students march",
    "text": "Hundreds of students marched through Almaty on Friday against rising tuition fees.",
}


def _mixed_inputs(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a-nurses.txt").write_text(GOOD_TXT, encoding="utf-8")
    (folder / "b-records.jsonl").write_text(
        json.dumps(GOOD_RECORD)
        + "\n"
        + '{"id": "broken", "text": "unterminated\n'
        + json.dumps(UNDATED_RECORD)
        + "\n",
        encoding="utf-8",
    )
    (folder / "c-corrupt.txt").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    )
    (folder / "d-latin1.txt").write_bytes(
        "Café owners in Almaty protested on Tuesday against a new licence fee.".encode("latin-1")
    )
    (folder / "e-empty.txt").write_text("---\npublished: 2024-05-01\n---\n\n", encoding="utf-8")
    return folder


def _rows(db: Path, sql: str) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_ingest_mixed_directory_rejects_bad_inputs_and_codes_the_good_ones(
    tmp_path: Path, pw: SimpleNamespace
) -> None:
    inputs = _mixed_inputs(tmp_path / "inbox")
    db = tmp_path / "pw.db"

    first = pw.run("ingest", inputs, "--db", db, "--json")

    assert first.returncode == 3, first.stderr
    report = json.loads(first.stdout)
    assert (report["read"], report["new"], report["duplicates"], report["rejected"]) == (2, 2, 0, 5)
    assert report["coded"] == 2 and report["events"] >= 2
    # each rejection on stderr, naming its file (and line, inside a JSON Lines file)
    stderr = first.stderr
    assert "b-records.jsonl:2:" in stderr and "malformed JSON" in stderr
    assert "b-records.jsonl:3:" in stderr and "publication date" in stderr
    for name in ("c-corrupt.txt", "d-latin1.txt", "e-empty.txt"):
        assert name in stderr
    assert "--encoding" in stderr  # the non-UTF-8 file says how to read it
    assert "Traceback" not in stderr

    recorded = pw.invoke_json("rejects", "--db", db)
    where = sorted((Path(r["origin"]).name, r["line"]) for r in recorded)
    assert where == [
        ("b-records.jsonl", 2), ("b-records.jsonl", 3), ("c-corrupt.txt", None),
        ("d-latin1.txt", None), ("e-empty.txt", None),
    ]  # fmt: skip
    assert all(r["reason"] for r in recorded)
    listed = pw.invoke("rejects", "--db", db)
    assert len(listed.stdout.splitlines()) == 5 and "5 rejected inputs" in listed.stderr
    assert any(line.endswith(":2: " + recorded[0]["reason"]) for line in listed.stdout.splitlines())

    events = pw.invoke_json("events", "--db", db)
    assert {e["country"] for e in events} >= {"GE", "TJ"}
    assert {e["sources"][0]["article_id"] for e in events} >= {"dushanbe-vendors"}
    states = dict(_rows(db, "SELECT state, COUNT(*) FROM articles GROUP BY state"))
    assert states == {"done": 2}

    # the same inputs again: nothing new, no duplicate events or rejections
    again = pw.run("ingest", inputs, "--db", db, "--json")
    assert again.returncode == 3
    report2 = json.loads(again.stdout)
    assert (report2["read"], report2["new"], report2["duplicates"]) == (2, 0, 2)
    assert report2["coded"] == 0 and report2["events"] == 0
    assert pw.invoke_json("events", "--db", db) == events
    assert len(pw.invoke_json("rejects", "--db", db)) == 5
    assert _rows(db, "SELECT COUNT(*) FROM articles") == [(2,)]


def test_ingest_plain_output_and_the_encoding_option(tmp_path: Path, pw: SimpleNamespace) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    latin = "---\npublished: 2024-05-07\n---\n" + (
        "Hundreds of café and restaurant owners protested in Almaty on Tuesday against a new "
        "licence fee, saying it would force small businesses to close.\n"
    )
    (folder / "cafes.txt").write_bytes(latin.encode("latin-1"))
    db = tmp_path / "pw.db"

    rejected = pw.invoke("ingest", folder, "--db", db, ok=(3,))
    assert "cafes.txt" in rejected.stderr and "UTF-8" in rejected.stderr
    assert "rejected 1" in rejected.stdout

    accepted = pw.invoke("ingest", folder, "--db", db, "--encoding", "latin-1")
    assert "read 1 articles (1 new" in accepted.stdout
    events = pw.invoke_json("events", "--db", db)
    assert any(e["locality"] == "Almaty" for e in events)
    stored = json.loads(
        pw.invoke("export", "--db", db, "--format", "jsonl", "--out", "-").stdout.splitlines()[0]
    )
    assert stored["country"] == "KZ"


def test_ingest_stdin_needs_a_date_unless_given(tmp_path: Path, pw: SimpleNamespace) -> None:
    db = tmp_path / "pw.db"
    text = (
        "Around 150 residents of Khujand blocked a road on Saturday to protest against repeated "
        "power cuts, a local official said.\n"
    )
    from click.testing import CliRunner

    from protestwatch.cli import main

    undated = CliRunner().invoke(main, ["ingest", "-", "--db", str(db)], input=text)
    assert undated.exit_code == 3
    assert "<stdin>" in undated.stderr and "--published" in undated.stderr

    dated = CliRunner().invoke(
        main, ["ingest", "-", "--db", str(db), "--published", "2024-05-13"], input=text
    )
    assert dated.exit_code == 0, dated.output
    events = pw.invoke_json("events", "--db", db)
    assert [e["date_start"] for e in events] == ["2024-05-11"]


def test_ingest_of_a_missing_path_is_a_rejection_not_a_crash(
    tmp_path: Path, pw: SimpleNamespace
) -> None:
    result = pw.invoke("ingest", tmp_path / "nowhere.txt", "--db", tmp_path / "pw.db", ok=(3,))
    assert "nowhere.txt" in result.stderr
    assert "no such file" in result.stderr.lower()


def test_ingest_no_run_stores_then_run_codes(tmp_path: Path, pw: SimpleNamespace) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "nurses.txt").write_text(GOOD_TXT, encoding="utf-8")
    db = tmp_path / "pw.db"
    stored = pw.invoke_json("ingest", folder, "--db", db, "--no-run")
    assert (stored["new"], stored["coded"]) == (1, 0)
    assert pw.invoke_json("events", "--db", db) == []
    coded = pw.invoke_json("run", "--db", db)
    assert coded["coded"] == 1 and coded["events"] >= 1
    assert pw.invoke_json("run", "--db", db)["coded"] == 0  # nothing left to do
    assert len(pw.invoke_json("events", "--db", db)) == coded["events"]
