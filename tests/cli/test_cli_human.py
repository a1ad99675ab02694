"""`protestwatch correct` and `review`: human decisions that later machine runs keep."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace


def _by_outlet(events: list[dict], outlet: str) -> dict:
    return next(e for e in events if e["sources"][0]["outlet"] == outlet)


def _exported(db: Path, fmt: str, tmp_path: Path, pw: SimpleNamespace) -> str:
    out = tmp_path / f"out.{fmt}"
    pw.invoke("export", "--db", db, "--format", fmt, "--out", out)
    return out.read_text(encoding="utf-8")


def test_correction_survives_redo(work_db: Path, tmp_path: Path, pw: SimpleNamespace) -> None:
    event = _by_outlet(pw.invoke_json("events", "--db", work_db), "Tian Shan Herald")
    result = pw.invoke(
        "correct", event["id"], "size_low", "450", "--db", work_db, "--author", "analyst",
        "--note", "the union's count",
    )  # fmt: skip
    assert result.stdout.strip() == f"{event['id']}: size_low = 450"
    pw.invoke(
        "correct", event["id"], "locality", "Bishkek city", "--db", work_db, "--author", "analyst"
    )
    pw.invoke("correct", event["id"], "claims", '["pay the arrears", "index salaries"]', "--db", work_db,
              "--author", "analyst")  # fmt: skip

    redo = pw.invoke_json("run", "--db", work_db, "--redo")
    assert redo["coded"] == len(pw.ARTICLES)

    after = pw.invoke_json("show", event["id"], "--db", work_db)
    assert after["event"]["size_low"] == 450
    assert after["event"]["locality"] == "Bishkek city"
    assert after["event"]["claims"] == ["pay the arrears", "index salaries"]
    assert after["event"]["size_text"] == event["size_text"]  # machine values stay
    assert after["review"] == "corrected"
    assert [(c["field"], c["author"]) for c in after["corrections"]] == [
        ("size_low", "analyst"), ("locality", "analyst"), ("claims", "analyst"),
    ]  # fmt: skip
    assert after["corrections"][0]["note"] == "the union's count"
    shown = pw.invoke("show", event["id"], "--db", work_db).stdout
    assert "size_low: 450  (corrected)" in shown
    assert "correction by analyst" in shown
    exported = [json.loads(line) for line in _exported(work_db, "jsonl", tmp_path, pw).splitlines()]
    assert next(e for e in exported if e["id"] == event["id"])["size_low"] == 450


def test_rejected_event_disappears_and_stays_rejected(
    work_db: Path, tmp_path: Path, pw: SimpleNamespace
) -> None:
    before = pw.invoke_json("events", "--db", work_db)
    event = _by_outlet(before, "Fergana Daily")
    result = pw.invoke("review", event["id"], "reject", "--db", work_db, "--author", "editor",
                       "--note", "a traffic report")  # fmt: skip
    assert event["id"] in result.stdout and "rejected" in result.stdout

    def visible() -> list[str]:
        return [e["id"] for e in pw.invoke_json("events", "--db", work_db)]

    assert visible() == [e["id"] for e in before if e["id"] != event["id"]]
    for fmt in ("jsonl", "acled", "geojson"):
        assert event["id"] not in _exported(work_db, fmt, tmp_path, pw)
    assert pw.invoke_json("events", "--db", work_db, "--country", "KG", "--search", "farmers") == []

    pw.invoke("run", "--db", work_db, "--redo")
    assert event["id"] not in visible()
    assert pw.invoke_json("show", event["id"], "--db", work_db)["review"] == "rejected"

    # a reviewer can change their mind
    pw.invoke("review", event["id"], "accept", "--db", work_db, "--author", "editor")
    assert event["id"] in visible()
    assert pw.invoke_json("show", event["id"], "--db", work_db)["review"] == "accepted"


def test_invalid_corrections_exit_1_and_change_nothing(work_db: Path, pw: SimpleNamespace) -> None:
    before = pw.invoke_json("events", "--db", work_db)
    event_id = before[0]["id"]
    cases = [
        (event_id, "colour", "red", "unknown field"),
        (event_id, "form", "picnic", "picnic"),
        (event_id, "size_low", "many", "size_low"),
        (event_id, "date_start", "last spring", "date_start"),
        ("ev-doesnotexist", "size_low", "10", "ev-doesnotexist"),
    ]
    for target, field, value, message in cases:
        result = pw.invoke(
            "correct", target, field, value, "--db", work_db, "--author", "a", ok=(1,)
        )
        assert message in result.stderr, (field, result.stderr)
        assert "Traceback" not in result.output
    pw.invoke("review", event_id, "maybe", "--db", work_db, "--author", "a", ok=(2,))
    pw.invoke(
        "correct", event_id, "size_low", "10", "--db", work_db, ok=(2,)
    )  # --author is required
    assert pw.invoke_json("events", "--db", work_db) == before
    assert pw.invoke_json("show", event_id, "--db", work_db)["corrections"] == []
