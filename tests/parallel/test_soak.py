"""The soak script (``scripts/soak.py``): writers and the web app on one PostgreSQL database.  A
short run here keeps the script working (the five-minute figures are in docs/benchmarks.md); its
checks are shown to catch a lost correction and a machine run that overwrote one."""

from __future__ import annotations

import datetime as dt
import json
import socket
import subprocess
import sys

from protestwatch.model import Article, Event
from protestwatch.store import open_store

from .conftest import PG_URL, ROOT, _load_module, require_pg

soak = _load_module("soak_for_tests", ROOT / "scripts" / "soak.py")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_short_soak_on_postgresql_loses_nothing(tmp_path):
    require_pg()
    out = tmp_path / "soak.json"
    command = [sys.executable, str(ROOT / "scripts" / "soak.py"), "--pg", PG_URL, "--minutes", "0.35",
               "--writers", "2", "--readers", "2", "--reviewers", "1", "--seed-articles", "30",
               "--batch", "6", "--min-batches", "4", "--port", str(_free_port()), "--json", str(out)]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=900)
    assert out.exists(), done.stderr[-3000:]
    report = json.loads(out.read_text())
    assert report["check"]["problems"] == [], report["check"]["problems"]
    assert done.returncode == 0, done.stderr[-3000:]
    check = report["check"]
    assert report["writes"]["batches"] >= 8  # two writers, at least four batches each
    assert check["articles"]["states"] == {"done": check["articles"]["in_database"]}
    assert check["articles"]["distinct_offered"] < check["articles"]["offered_by_writers"]  # shared ones
    assert check["human_writes"]["api_edits"] > 0 and check["human_writes"]["cli_corrections"] > 0
    assert check["human_writes"]["overwritten"] == 0 and check["machine_vs_reference"]["differences"] == {}
    assert not any(k.endswith(("5xx", "exception")) or k.split()[-1].startswith("5")
                   for k in report["web"]["responses"])  # fmt: skip


def _one_event_store(tmp_path):
    store = open_store(tmp_path / "s.db")
    store.add_article(Article(id="a1", text="Teachers marched in Osh on Monday.", published=dt.date(2024, 3, 4)))
    store.save_coding("a1", [Event(id="a1-0", country="KG", locality="Osh", size_low=50, size_high=50)])
    return store


def test_the_human_check_finds_a_lost_correction(tmp_path):
    store = _one_event_store(tmp_path)
    store.correct("a1-0", "size_low", 70, author="w0")
    journal = [{"op": "correct", "event": "a1-0", "field": "size_low", "value": 70},
               {"op": "correct", "event": "a1-0", "field": "size_low", "value": 90}]  # fmt: skip
    summary, problems = soak.check_human(store, journal, [{"op": "edit", "event": "rwe-x", "field": "size_low",
                                                           "value": 123}])  # fmt: skip
    assert summary["corrections"] == summary["audit_rows"] == 1
    assert problems == ["correction 90 of a1-0: 0 rows", "API edit 123 of rwe-x: not in the database"]
    store.close()


def test_the_human_check_finds_a_correction_a_machine_run_overwrote(tmp_path):
    store = _one_event_store(tmp_path)
    store.correct("a1-0", "size_low", 70, author="w0")
    assert soak.check_human(store, [], [])[1] == []
    row = store.fetchone("SELECT data FROM events WHERE id = 'a1-0'")
    data = json.loads(row[0]) | {"size_low": 50}  # what a careless save would do
    store.execute("UPDATE events SET data = ? WHERE id = 'a1-0'", (json.dumps(data),))
    summary, problems = soak.check_human(store, [], [])
    assert summary["overwritten"] == 1
    assert problems == ["a1-0.size_low shows 50, its last correction says 70"]
    store.close()


def test_the_real_world_check_finds_a_report_in_no_event_and_a_member_that_is_no_report(tmp_path):
    store = _one_event_store(tmp_path)
    from protestwatch.store.clusters import cluster_store

    cluster_store(store)
    assert soak.check_real_world(store)[1] == []
    cid = store.fetchone("SELECT cluster_id FROM cluster_members")[0]
    store.execute("DELETE FROM cluster_members")
    assert soak.check_real_world(store)[1] == ["1 reports (not rejected) belong to no real-world event"]
    store.execute("INSERT INTO cluster_members(cluster_id, event_id) VALUES (?, 'a1-0'), (?, 'gone-0')",
                  (cid, cid))  # fmt: skip
    assert soak.check_real_world(store)[1] == ["1 real-world event members name no stored report"]
    store.close()
