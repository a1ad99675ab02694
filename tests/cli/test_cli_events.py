"""`protestwatch events` and `protestwatch show` over a small coded corpus.

The filter tests compare each filtered list with the unfiltered one: every event listed meets the
criterion, every event that meets it is listed, and the criterion picks some but not all events.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest


@pytest.fixture(scope="module")
def all_events(corpus_db: Path, pw: SimpleNamespace) -> list[dict[str, Any]]:
    events = pw.invoke_json("events", "--db", corpus_db)
    assert len(events) >= 5
    return events


def _ids(events: list[dict[str, Any]]) -> list[str]:
    return [e["id"] for e in events]


def _outlet(e: dict[str, Any]) -> str:
    return e["sources"][0]["outlet"]


FILTERS: list[tuple[list[str], Callable[[dict[str, Any]], bool]]] = [
    (["--country", "KG"], lambda e: e["country"] == "KG"),
    (["--country", "KZ"], lambda e: e["country"] == "KZ"),
    (["--since", "2024-04-01"], lambda e: e["date_end"] >= "2024-04-01"),
    (["--until", "2024-03-31"], lambda e: e["date_start"] <= "2024-03-31"),
    (["--since", "2024-03-01", "--until", "2024-04-30"],
     lambda e: e["date_end"] >= "2024-03-01" and e["date_start"] <= "2024-04-30"),
    (["--form", "strike"], lambda e: e["form"] == "strike"),
    (["--issue", "labor_wages"], lambda e: "labor_wages" in e["issues"]),
    (["--target-country", "CN"], lambda e: any(t["country"] == "CN" for t in e["targets"])),
    (["--status", "planned"], lambda e: e["status"] == "planned"),
    (["--status", "occurred"], lambda e: e["status"] == "occurred"),
    (["--search", "Zhanaozen"], lambda e: _outlet(e) == "Caspian Monitor"),
    (["--search", "consulate OR teachers"], lambda e: _outlet(e) in ("Steppe Wire", "Tian Shan Herald")),
    (["--country", "KG", "--issue", "land"], lambda e: e["country"] == "KG" and "land" in e["issues"]),
]  # fmt: skip


@pytest.mark.parametrize("args, keep", FILTERS, ids=[" ".join(a) for a, _ in FILTERS])
def test_events_filter(
    args: list[str], keep: Callable, corpus_db: Path, all_events: list, pw: SimpleNamespace
) -> None:
    got = pw.invoke_json("events", "--db", corpus_db, *args)
    assert _ids(got) == _ids([e for e in all_events if keep(e)])
    assert 0 < len(got) < len(all_events)


def test_events_filters_that_match_nothing(corpus_db: Path, pw: SimpleNamespace) -> None:
    assert pw.invoke_json("events", "--db", corpus_db, "--country", "BR") == []
    assert pw.invoke_json("events", "--db", corpus_db, "--since", "2030-01-01") == []
    assert pw.invoke_json("events", "--db", corpus_db, "--search", "interest rate") == []


def test_events_plain_listing_and_limit(
    corpus_db: Path, all_events: list, pw: SimpleNamespace
) -> None:
    result = pw.invoke("events", "--db", corpus_db)
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == _ids(all_events)
    assert f"{len(all_events)} events" in result.stderr
    for line, e in zip(lines, all_events):
        assert e["date_start"] in line and e["country"] in line and e["form"] in line
        assert e["status"] in line and (e["locality"] or e["admin1"] or "?") in line
    limited = pw.invoke_json("events", "--db", corpus_db, "--limit", "2")
    assert _ids(limited) == _ids(all_events)[:2]


def test_events_bad_input_is_a_message_not_a_traceback(
    tmp_path: Path, corpus_db: Path, pw: SimpleNamespace
) -> None:
    bad_query = pw.invoke("events", "--db", corpus_db, "--search", 'teachers"', ok=(1,))
    assert "full-text query" in bad_query.stderr
    missing = pw.invoke("events", "--db", tmp_path / "typo.db", ok=(1,))
    assert "typo.db" in missing.stderr
    assert not (tmp_path / "typo.db").exists()  # a read command creates no empty database
    bad_date = pw.invoke("events", "--db", corpus_db, "--since", "30/04/2024", ok=(2,))
    assert "--since" in bad_date.stderr
    bad_status = pw.invoke("events", "--db", corpus_db, "--status", "cancelled", ok=(2,))
    assert "cancelled" in bad_status.stderr


def _article_text(db: Path, article_id: str) -> str:
    import sqlite3

    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
    finally:
        con.close()


def _quoted_under(out: str, field_line: str) -> str:
    """The quotes printed under a field's line (wrapped lines joined)."""
    lines = out.splitlines()
    at = lines.index(field_line) + 1
    quoted = []
    while at < len(lines) and lines[at].startswith("    "):
        quoted.append(lines[at].strip().lstrip("« "))
        at += 1
    assert quoted, f"no evidence under {field_line!r}"
    return " ".join(quoted)


def test_show_prints_each_field_with_its_sentence(
    corpus_db: Path, all_events: list, pw: SimpleNamespace
) -> None:
    event = next(e for e in all_events if e["locality"] == "Bishkek")
    out = pw.invoke("show", event["id"], "--db", corpus_db).stdout
    assert out.startswith(f"event {event['id']}")
    assert "country: KG" in out and "locality: Bishkek" in out and "date_start: 2024-04-30" in out
    # the value's evidence, marked inside its sentence, follows the field line
    assert "[Tuesday]" in _quoted_under(out, "date_start: 2024-04-30")
    assert "[Bishkek]" in _quoted_under(out, "locality: Bishkek")
    assert "[detained 12 people]" in _quoted_under(out, "arrests_text: detained 12 people")
    # values are shown as JSON, not as Python reprs
    assert 'tactics: ["' in out or "tactics:" not in out
    assert "{'" not in out
    assert "Tian Shan Herald" in out  # the source


def test_show_json_quotes_evidence_from_the_article(
    corpus_db: Path, all_events: list, pw: SimpleNamespace
) -> None:
    event = next(e for e in all_events if e["country"] == "KZ" and e["locality"] == "Almaty")
    details = pw.invoke_json("show", event["id"], "--db", corpus_db)
    assert details["event"] == event
    assert details["review"] == "machine" and details["corrections"] == []
    text = _article_text(corpus_db, event["sources"][0]["article_id"])
    assert set(details["evidence_text"]) == set(event["evidence"])
    for name, quotes in details["evidence_text"].items():
        for q in quotes:
            assert text[q["start"] : q["end"]] == q["text"], name
            assert f"[{q['text']}]" in q["context"]
    assert "Almaty" in [q["text"] for q in details["evidence_text"]["locality"]]


def test_show_unknown_event(corpus_db: Path, pw: SimpleNamespace) -> None:
    result = pw.invoke("show", "ev-000000000000", "--db", corpus_db, ok=(1,))
    assert "ev-000000000000" in result.stderr and result.stdout == ""
    pw.invoke("show", "--db", corpus_db, ok=(2,))  # no event id at all: usage error
