"""Real-world events on the command line: several outlets' reports of one rally become one event
that `show` explains, exports write once, and a person can split and merge."""

import csv
import json

import pytest
from click.testing import CliRunner

from protestwatch.cli import main

REPORTS = {
    "wire.jsonl": [
        {"id": "w1", "outlet": "Caspian Wire", "published": "2024-06-02",
         "url": "https://wire.example.net/aktau-rally",
         "text": "AKTAU — More than 300 residents rallied outside the regional administration in "
                 "Aktau on Saturday to demand lower gas prices. Police detained 22 people."},
        {"id": "d1", "outlet": "Aktau Daily", "published": "2024-06-03",
         "url": "https://daily.example.org/rally",
         "text": "About 300 people gathered in front of the regional administration in Aktau on "
                 "Saturday, demanding cheaper gas. At least 20 protesters were detained, "
                 "witnesses said."},
        {"id": "b1", "outlet": "Ural Bulletin", "published": "2024-06-02",
         "url": "https://bulletin.example.com/oral",
         "text": "Dozens of farmers marched through the centre of Oral on Saturday to protest "
                 "against a new land lease law."},
    ]
}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    root = tmp_path_factory.mktemp("real")
    path = root / "in.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in REPORTS["wire.jsonl"]) + "\n", encoding="utf-8")
    db = root / "t.db"
    result = CliRunner().invoke(main, ["ingest", str(path), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def _events(db, *extra):
    r = CliRunner().invoke(main, ["events", "--db", str(db), "--json", *extra])
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def test_two_reports_of_one_rally_are_one_real_world_event(db):
    aktau = [e for e in _events(db) if e["locality"] == "Aktau"]
    assert len(aktau) == 2  # one per article
    r = CliRunner().invoke(main, ["show", aktau[0]["id"], "--db", str(db), "--json"])
    assert r.exit_code == 0, r.output
    real = json.loads(r.stdout)["real_world"]
    assert sorted(s["article_id"] for s in real["event"]["sources"]) == ["d1", "w1"]
    size = real["fields"]["size"]
    assert size["disagreement"] and size["rule"]
    assert {s["outlet"] for s in size["sources"]} == {"Caspian Wire", "Aktau Daily"}
    arrests = real["fields"]["arrests"]
    assert arrests["value"]["arrests_low"] == 22  # the highest specific count


def test_exports_write_each_real_world_event_once(db, tmp_path):
    out = tmp_path / "e.csv"
    r = CliRunner().invoke(main, ["export", "--db", str(db), "--out", str(out), "--real-world"])
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert sorted(row["location"] for row in rows) == ["Aktau", "Oral"]
    aktau = next(row for row in rows if row["location"] == "Aktau")
    assert "Caspian Wire" in aktau["source"] and "Aktau Daily" in aktau["source"]
    assert "Disagreements" in aktau["notes"]
    per_article = tmp_path / "p.csv"
    r = CliRunner().invoke(main, ["export", "--db", str(db), "--out", str(per_article)])
    assert r.exit_code == 0 and len(list(csv.DictReader(per_article.open(encoding="utf-8")))) == 3


def test_split_and_merge_are_kept_by_later_runs(db):
    aktau = [e for e in _events(db) if e["locality"] == "Aktau"]
    runner = CliRunner()
    r = runner.invoke(main, ["split", aktau[0]["id"], "d1", "--author", "ana", "--db", str(db)])
    assert r.exit_code == 0, r.output
    assert runner.invoke(main, ["dedup", "--db", str(db)]).exit_code == 0
    shown = json.loads(runner.invoke(main, ["show", aktau[0]["id"], "--db", str(db), "--json"]).stdout)
    assert "real_world" not in shown  # stays apart after a machine run
    r = runner.invoke(main, ["merge", aktau[0]["id"], aktau[1]["id"], "--author", "ana", "--db", str(db)])
    assert r.exit_code == 0, r.output
    assert runner.invoke(main, ["run", "--redo", "--db", str(db)]).exit_code == 0
    shown = json.loads(runner.invoke(main, ["show", aktau[0]["id"], "--db", str(db), "--json"]).stdout)
    assert len(shown["real_world"]["members"]) == 2


def test_merge_of_unknown_event_fails_cleanly(db):
    r = CliRunner().invoke(main, ["merge", "nope", "nada", "--author", "ana", "--db", str(db)])
    assert r.exit_code == 1 and "error" in r.output
