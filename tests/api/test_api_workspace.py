"""``protestwatch.Workspace``: a database of articles and events, used from Python."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import protestwatch
from protestwatch import EventFilter, Rejection, StoreError, Workspace

ARTICLES = {
    "yerevan.txt": (
        "---\ntitle: Students march in Yerevan\noutlet: Ararat Post\npublished: 2024-04-19\n---\n"
        "YEREVAN — Thousands of students marched through central Yerevan on Thursday to protest "
        "against a government plan to merge several universities, organisers said.\n\n"
        "The march ended peacefully outside the education ministry.\n"
    ),
    "samarkand.txt": (
        "---\ntitle: Traders protest market closure\noutlet: Silk Road Times\npublished: 2024-03-05\n---\n"
        "Around 70 traders gathered outside the city administration in Samarkand on Monday to "
        "protest against the closure of a central market, witnesses said.\n"
    ),
    "weather.txt": (
        "---\ntitle: Snow closes mountain pass\noutlet: Silk Road Times\npublished: 2024-03-06\n---\n"
        "Heavy snow closed the Kamchik pass on Tuesday, and traffic between Tashkent and the "
        "Fergana valley was diverted, road officials said.\n"
    ),
}


@pytest.fixture()
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "broken.jsonl").write_text('{"id": 1, "text": \n', encoding="utf-8")
    return folder


def test_workspace_round_trip(inbox: Path, tmp_path: Path) -> None:
    db = tmp_path / "ws.db"
    seen: list[Rejection] = []
    progress: list[int] = []
    with Workspace(db) as ws:
        report = ws.ingest([str(inbox)], on_reject=seen.append, progress=progress.append)
        assert (report.read, report.new, report.rejected, report.coded) == (3, 3, 1, 3)
        assert report.gated_out >= 1  # the weather report has no protest words
        assert [r.line for r in seen] == [1] and seen[0].origin.endswith("broken.jsonl")
        assert sum(progress) == 4
        events = ws.events()
        assert report.events == len(events) >= 2
        by_country = {e.country for e in events}
        assert {"AM", "UZ"} <= by_country
        assert [e.country for e in ws.events(country="AM")] == ["AM"] * len(ws.events(country="AM"))
        assert ws.events(EventFilter(country="UZ")) == ws.events(country="UZ")
        first = events[0]
        assert ws.event(first.id) == first
        assert ws.event("ev-missing") is None
        assert list(ws.iter_events()) == events
        buffer = io.StringIO()
        assert ws.export(buffer, "jsonl") == len(events)
        assert [json.loads(line) for line in buffer.getvalue().splitlines()] == [
            e.to_dict() for e in events
        ]
        n = ws.export(tmp_path / "out" / "am.csv", "acled", EventFilter(country="AM"))
        assert n == len(ws.events(country="AM")) and (tmp_path / "out" / "am.csv").is_file()

    with Workspace(db, create=False) as again:  # reopened: the same content, nothing pending
        assert again.events() == events
        assert again.run().coded == 0
        again_report = again.ingest([str(inbox)])
        assert (again_report.new, again_report.duplicates, again_report.events) == (0, 3, 0)
        assert again.events() == events
        corrected = again.correct(first.id, "size_text", "a few thousand", author="test")
        assert corrected.size_text == "a few thousand"
        again.review(first.id, "rejected", author="test")
        assert first.id not in [e.id for e in again.events()]
        assert again.run(redo=True).coded == 3
        assert first.id not in [e.id for e in again.events()]


def test_workspace_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database"):
        Workspace(tmp_path / "missing.db", create=False)
    assert not (tmp_path / "missing.db").exists()
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("these are my notes, not a database\n" * 100, encoding="utf-8")
    with pytest.raises(StoreError):
        Workspace(not_a_db)
    with Workspace(":memory:") as ws:
        with pytest.raises(StoreError, match="full-text"):
            ws.events(text='"unbalanced')
        with pytest.raises(StoreError):
            ws.correct("ev-none", "size_low", 3, author="x")


def test_workspace_shares_the_loaded_pipeline(tmp_path: Path) -> None:
    with Workspace(tmp_path / "a.db") as a, Workspace(tmp_path / "b.db") as b:
        assert a.pipeline is b.pipeline
        assert a.pipeline is protestwatch.api.default_pipeline()


def test_evaluate_gold_from_the_library(inbox: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps({"article": {"id": "samarkand", "file": "samarkand.txt", "published": "2024-03-05"},
                    "events": [{"id": "E1", "date_start": "2024-03-04", "date_end": "2024-03-04",
                                "date_precision": "day", "country": "UZ", "locality": "Samarkand"}]})
        + "\n",
        encoding="utf-8",
    )  # fmt: skip
    report = protestwatch.evaluate_gold(gold, articles=inbox)
    assert report.to_dict()["detection"]["matched_gold"] == 1
    with pytest.raises(protestwatch.InputError):
        protestwatch.evaluate_gold(gold)
    with pytest.raises(StoreError):
        protestwatch.evaluate_gold(gold, db=tmp_path / "absent.db")


@pytest.mark.parametrize("workers", [1, 2])
def test_a_run_stopped_while_grouping_groups_on_the_next_run(inbox: Path, tmp_path: Path, monkeypatch,
                                                              workers: int) -> None:  # fmt: skip
    """Every article saved, then the run dies while grouping the reports into real-world events:
    the run is not marked finished, and the next run (with nothing left to code) groups them."""
    db = tmp_path / "ws.db"
    with Workspace(db) as ws:
        ws.ingest([str(inbox)], code=False)

        def killed(self, options=None):
            raise KeyboardInterrupt

        with monkeypatch.context() as m:
            m.setattr(Workspace, "dedup", killed)
            with pytest.raises(KeyboardInterrupt):
                ws.run(workers=workers)
        assert ws.store.pending_ids() == [] and ws.events()
        grouped = "SELECT COUNT(*) FROM cluster_members"
        assert ws.store.scalar(grouped) == 0  # coded, not grouped
        assert [r["state"] for r in ws.store.runs() if r["command"] == "run"] != ["finished"]
        again = ws.run(workers=workers)
        assert again.coded == 0
        assert ws.store.scalar(grouped) == len(ws.events())
        assert ws.store.runs()[-1]["state"] == "finished"
        runs = len(ws.store.runs())
        ws.run(workers=workers)  # nothing to code, nothing unfinished: no new run
        assert len(ws.store.runs()) == runs
