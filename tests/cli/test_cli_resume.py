"""Kill -9 in the middle of coding, then `protestwatch run`: the database ends as if nothing happened.

The store commits each article's coding in one transaction; a run killed at any point leaves every
article either untouched or completely coded, and the next `run` codes the rest.  The final
database must equal the one an uninterrupted ingest makes (that one is coded in this process, so
the comparison also catches results that depend on the process or on what was coded before).
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

CITIES = [
    ("Almaty", "Kazakh"), ("Bishkek", "Kyrgyz"), ("Dushanbe", "Tajik"), ("Tashkent", "Uzbek"),
    ("Tbilisi", "Georgian"), ("Yerevan", "Armenian"), ("Osh", "Kyrgyz"), ("Karaganda", "Kazakh"),
    ("Samarkand", "Uzbek"), ("Batumi", "Georgian"), ("Shymkent", "Kazakh"), ("Khujand", "Tajik"),
]  # fmt: skip
GROUPS = [
    ("Several hundred", "bus drivers", "unpaid wages"),
    ("About 80", "market traders", "a sharp rise in stall rents"),
    ("Dozens of", "students", "the closure of a university dormitory"),
    ("More than 1,000", "residents", "plans to build a waste incinerator near their homes"),
    ("Around 40", "doctors", "cuts to hospital funding"),
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
FORMS = [
    "gathered outside the city administration building in {city} on {day} to protest against",
    "marched through central {city} on {day} to denounce",
    "staged a sit-in at the regional government offices in {city} on {day} over",
    "rallied in the main square of {city} on {day} against",
]


def _article(i: int) -> str:
    city, adjective = CITIES[i % len(CITIES)]
    size, group, grievance = GROUPS[i % len(GROUPS)]
    day = DAYS[i % len(DAYS)]
    published = f"2024-0{3 + i % 6}-{10 + i % 18:02d}"
    head = f"---\nid: resume-{i:02d}\noutlet: Regional Wire {i % 4}\npublished: {published}\n---\n"
    if i % 10 == 9:  # some articles report no protest at all
        return head + (
            f"The {adjective} finance ministry said on {day} that tax revenue in {city} rose by "
            f"{i} percent in the first quarter, helped by higher exports of metals and grain.\n\n"
            "Officials expect growth to slow in the second half of the year.\n"
        )
    action = FORMS[i % len(FORMS)].format(city=city, day=day)
    return head + (
        f"{city.upper()} — {size} {group} {action} {grievance}, local media reported.\n\n"
        f"The protesters carried banners and chanted slogans. A spokesman for the {adjective} "
        f"interior ministry said {i % 7 + 2} people were detained for disturbing public order.\n\n"
        f"Officials in {city} said they would meet representatives of the {group} next week. "
        f"Issue {i}: similar gatherings were reported last year, when authorities promised to "
        "review the complaints.\n"
    )


def _write_corpus(folder: Path, n: int = 60) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"article-{i:02d}.txt").write_text(_article(i), encoding="utf-8")
    return folder


def _count(db: Path, sql: str) -> int:
    """A count read while another process writes (0 before the tables exist)."""
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute(sql).fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def _done(db: Path) -> int:
    return _count(db, "SELECT COUNT(*) FROM articles WHERE state != 'pending'")


def _run_started(db: Path) -> int:
    return _count(db, "SELECT COUNT(*) FROM runs WHERE command = 'run'")


def _snapshot(db: Path) -> dict[str, list[tuple]]:
    """Everything a run writes, less the run ids and timestamps."""
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        queries = {
            "articles": "SELECT id, hash, state, state_reason, pipeline_version, text FROM articles ORDER BY id",
            "events": "SELECT id, article_id, machine, data, machine_present, review FROM events ORDER BY id",
            "evidence": 'SELECT event_id, field, article_id, start, "end" FROM evidence ORDER BY 1, 2, 3, 4, 5',
            "issues": "SELECT event_id, issue FROM event_issues ORDER BY 1, 2",
            "targets": "SELECT event_id, country FROM event_targets ORDER BY 1, 2",
        }
        return {name: con.execute(sql).fetchall() for name, sql in queries.items()}
    finally:
        con.close()


def _kill_when(args: list[str], db: Path, ready: Callable[[Path], int], log: Path) -> None:
    """Start the command, SIGKILL it as soon as ``ready(db)`` (or let it finish)."""
    with open(log, "wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "protestwatch.cli", *args, "--db", str(db)],
            stdout=subprocess.DEVNULL, stderr=err, start_new_session=True,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 120
            while proc.poll() is None and time.monotonic() < deadline:
                if ready(db):
                    os.kill(proc.pid, signal.SIGKILL)
                    break
                time.sleep(0.005)
            proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


def test_killed_ingest_resumes_to_the_same_database(tmp_path: Path, pw: SimpleNamespace) -> None:
    folder = _write_corpus(tmp_path / "articles")
    total = 60

    reference = tmp_path / "reference.db"
    pw.invoke("ingest", folder, "--db", reference)
    expected = _snapshot(reference)
    assert len(expected["articles"]) == total
    assert {row[2] for row in expected["articles"]} == {"done"}
    assert len(expected["events"]) >= total // 2

    interrupted = False
    for attempt in range(3):
        db, log = tmp_path / f"killed-{attempt}.db", tmp_path / f"killed-{attempt}.log"
        if attempt == 0:  # killed while coding, after some articles are saved
            _kill_when(["ingest", str(folder)], db, _done, log)
        else:  # the machine was too fast: store first, then kill the run before it codes
            pw.invoke("ingest", folder, "--db", db, "--no-run")
            _kill_when(["run"], db, _run_started, log)
        coded_before_kill = _done(db)
        resumed = pw.run("run", "--db", db, "--json")
        assert resumed.returncode == 0, resumed.stderr
        assert _snapshot(db) == expected, log.read_text(encoding="utf-8")[-3000:]
        if coded_before_kill < total:
            interrupted = True
            assert json.loads(resumed.stdout)["coded"] == total - coded_before_kill
            break
    assert interrupted, "the command was never killed before it finished"
