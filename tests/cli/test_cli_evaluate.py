"""`protestwatch evaluate`: scoring against a gold file, from articles or from a database."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

GOLD = [
    {
        "article": {"id": "bishkek-teachers", "file": "bishkek-teachers.txt", "published": "2024-04-30"},
        "events": [{
            "id": "E1", "status": "occurred", "report": "current", "form": "demonstrate",
            "date_start": "2024-04-30", "date_end": "2024-04-30", "date_precision": "day",
            "country": "KG", "admin1": "Bishkek", "locality": "Bishkek",
            "size_text": "Several hundred teachers", "size_low": 300, "arrests_low": 12,
            "arrests_high": 12, "issues": ["labor_wages", "education"],
        }],
    },
    {
        "article": {"id": "zhanaozen-strike", "file": "zhanaozen-strike.txt", "published": "2024-02-12"},
        "events": [{
            "id": "E1", "status": "occurred", "report": "current", "form": "strike",
            "date_start": "2024-02-12", "date_end": "2024-02-12", "date_precision": "day",
            "country": "KZ", "admin1": "Mangystau Region", "locality": "Zhanaozen",
            "issues": ["labor_wages"],
        }],
    },
    {
        "article": {"id": "central-bank", "file": "central-bank.txt", "published": "2024-03-14"},
        "events": [],
    },
]  # fmt: skip


@pytest.fixture(scope="module")
def gold_setup(tmp_path_factory: pytest.TempPathFactory, pw: SimpleNamespace) -> SimpleNamespace:
    root = tmp_path_factory.mktemp("evaluate")
    articles = pw.write_articles(root / "articles")
    gold = root / "gold.jsonl"
    gold.write_text("".join(json.dumps(g) + "\n" for g in GOLD), encoding="utf-8")
    db = root / "coded.db"
    pw.invoke("ingest", articles, "--db", db)
    return SimpleNamespace(articles=articles, gold=gold, db=db)


def test_evaluate_from_articles_and_from_db_agree(
    gold_setup: SimpleNamespace, pw: SimpleNamespace
) -> None:
    from_articles = pw.invoke_json(
        "evaluate", "--gold", gold_setup.gold, "--articles", gold_setup.articles
    )
    from_db = pw.invoke_json("evaluate", "--gold", gold_setup.gold, "--db", gold_setup.db)
    for report in (from_articles, from_db):
        assert report["articles"] == 3
        det = report["detection"]
        assert det["gold"] == 2 and det["predicted"] == 2
        assert det["matched_gold"] == 2 and det["f1"] == 1.0
    assert from_articles["detection"] == from_db["detection"]


def test_evaluate_table_and_floor(gold_setup: SimpleNamespace, pw: SimpleNamespace) -> None:
    table = pw.invoke("evaluate", "--gold", gold_setup.gold, "--db", gold_setup.db).stdout
    assert "detection" in table and "all events" in table and "date_start" in table
    pw.invoke("evaluate", "--gold", gold_setup.gold, "--db", gold_setup.db, "--min-f1", "0.9")
    below = pw.invoke(
        "evaluate",
        "--gold",
        gold_setup.gold,
        "--db",
        gold_setup.db,
        "--min-f1",
        "1.01",
        "--json",
        ok=(4,),
    )
    assert json.loads(below.stdout)["detection"]["f1"] == 1.0  # the report is still printed


def test_evaluate_sees_reviews(
    gold_setup: SimpleNamespace, tmp_path: Path, pw: SimpleNamespace
) -> None:
    db = pw.copy_db(gold_setup.db, tmp_path / "reviewed.db")
    strike = next(e for e in pw.invoke_json("events", "--db", db) if e["locality"] == "Zhanaozen")
    pw.invoke("review", strike["id"], "reject", "--db", db, "--author", "editor")
    report = pw.invoke_json("evaluate", "--gold", gold_setup.gold, "--db", db)
    assert report["detection"]["predicted"] == 1 and report["detection"]["matched_gold"] == 1
    pw.invoke("evaluate", "--gold", gold_setup.gold, "--db", db, "--min-f1", "0.9", ok=(4,))


def test_evaluate_errors(gold_setup: SimpleNamespace, tmp_path: Path, pw: SimpleNamespace) -> None:
    bad = tmp_path / "bad-gold.jsonl"
    bad.write_text(
        json.dumps(GOLD[0]) + "\n" + '{"article": {"id": "x"}, "events": [\n', encoding="utf-8"
    )
    result = pw.invoke("evaluate", "--gold", bad, "--db", gold_setup.db, ok=(1,))
    assert f"{bad}:2" in result.stderr
    bad_value = tmp_path / "bad-value.jsonl"
    wrong = {"article": {"id": "x"}, "events": [{"id": "E1", "form": "picnic"}]}
    bad_value.write_text(json.dumps(GOLD[0]) + "\n" + json.dumps(wrong) + "\n", encoding="utf-8")
    result = pw.invoke("evaluate", "--gold", bad_value, "--db", gold_setup.db, ok=(1,))
    assert f"{bad_value}:2" in result.stderr and "picnic" in result.stderr
    missing_db = pw.invoke(
        "evaluate", "--gold", gold_setup.gold, "--db", tmp_path / "nope.db", ok=(1,)
    )
    assert "nope.db" in missing_db.stderr and not (tmp_path / "nope.db").exists()
    pw.invoke("evaluate", "--gold", gold_setup.gold, ok=(2,))  # neither --db nor --articles
    pw.invoke("evaluate", "--gold", tmp_path / "absent.jsonl", "--db", gold_setup.db, ok=(2,))
