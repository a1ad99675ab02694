"""Loading gold files: the founding example, JSON Lines, arrays, and malformed input."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from protestwatch.errors import EvaluationError
from protestwatch.evaluate import GoldArticle, evaluate, load_gold
from protestwatch.model import DatePrecision, GeoPrecision, Report

# shared/ sits beside the repository (also in CI); PROTESTWATCH_SHARED overrides.
SHARED = Path(
    os.environ.get("PROTESTWATCH_SHARED") or Path(__file__).resolve().parents[3] / "shared"
)
FOUNDING_GOLD = SHARED / "examples" / "kazakhstan-anti-china-protests.gold.json"


def _article(article_id: str, *events: dict, **extra) -> dict:
    return {
        "article": {"id": article_id, "published": "2022-01-06", **extra},
        "events": list(events),
    }


def _event(**fields) -> dict:
    base = {
        "id": "E1", "status": "occurred", "report": "current", "form": "demonstrate",
        "date_start": "2022-01-04", "date_end": "2022-01-04", "date_precision": "day",
        "country": "KZ", "locality": "Zhanaozen", "geo_precision": 1,
    }  # fmt: skip
    base.update(fields)
    return base


def _write_lines(path: Path, *objects) -> Path:
    path.write_text("\n".join(json.dumps(o, ensure_ascii=False) for o in objects) + "\n", "utf-8")
    return path


def test_loads_the_founding_example():
    (article,) = load_gold(FOUNDING_GOLD)
    assert isinstance(article, GoldArticle)
    assert article.id == "kz-anti-china-2021"
    assert article.file == "kazakhstan-anti-china-protests.txt"
    assert article.published == dt.date(2021, 3, 30)
    assert [e.id for e in article.events] == ["E1", "E2", "E3a", "E3b", "E4"]
    assert len(article.not_events) == 4
    current = article.events[0]
    assert current.report is Report.CURRENT and current.locality == "Almaty"
    assert (current.size_low, current.size_high) == (200, 300)
    assert article.events[1].geo_precision is GeoPrecision.COUNTRY
    assert article.events[2].date_precision is DatePrecision.SEASON
    assert "not coded as a riot" in article.event_extras["E4"]["note"]
    assert "published_note" in article.meta
    # scoring the gold against itself is perfect
    report = evaluate({article.id: list(article.events)}, [article])
    assert report.detection.f1 == 1.0
    assert all(f.accuracy == 1.0 for f in report.fields)


def test_pretty_printed_single_object(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps(_article("kz-1", _event()), indent=2), "utf-8")
    (article,) = load_gold(path)
    assert article.id == "kz-1" and article.events[0].locality == "Zhanaozen"
    assert article.origin == f"{path}:1"


def test_json_lines_with_blank_lines_and_extras(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(
        json.dumps(_article("kz-1", _event(event_key="zh-0104", note="first day"))) + "\n\n"
        + json.dumps(
            _article("kg-7", _event(id="A", country="KG", locality="Bishkek"), _event(id="B"))
        )
        + "\n",
        "utf-8",
    )  # fmt: skip
    first, second = load_gold(path)
    assert first.event_extras["E1"] == {"event_key": "zh-0104", "note": "first day"}
    assert [e.id for e in second.events] == ["A", "B"]
    assert second.origin.endswith(":3")
    assert first.published == dt.date(2022, 1, 6)


def test_json_array_of_articles(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps([_article("a", _event()), _article("b")], indent=1), "utf-8")
    assert [a.id for a in load_gold(path)] == ["a", "b"]


def test_events_without_ids_get_article_scoped_ids(tmp_path):
    event = _event()
    del event["id"]
    path = _write_lines(tmp_path / "g.jsonl", _article("uz-3", event, dict(event)))
    assert [e.id for e in load_gold(path)[0].events] == ["uz-3/E1", "uz-3/E2"]


def test_empty_file_has_no_articles(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n  \n", "utf-8")
    assert load_gold(path) == []


def test_malformed_json_line_names_file_and_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(
        json.dumps(_article("a", _event())) + "\n" + '{"article": {"id": "b"}, \n', "utf-8"
    )
    with pytest.raises(EvaluationError, match=rf"{path.name}:2: not valid JSON"):
        load_gold(path)


def test_broken_pretty_printed_file_names_the_line(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(
        '{\n  "article": {"id": "x"},\n  "events": [\n    {"id": "E1",,}\n  ]\n}\n', "utf-8"
    )
    with pytest.raises(EvaluationError, match=rf"{path.name}:4"):
        load_gold(path)


def test_unknown_vocabulary_value_names_line_and_event(tmp_path):
    path = _write_lines(
        tmp_path / "g.jsonl",
        _article("a", _event()),
        _article("b", _event(), _event(id="E2", form="sit_down_strike")),
    )
    with pytest.raises(EvaluationError, match=r"g\.jsonl:2: event 2: .*sit_down_strike"):
        load_gold(path)


@pytest.mark.parametrize(
    "obj, message",
    [
        ({"events": []}, "article"),
        ({"article": {"file": "x.txt"}, "events": []}, "id"),
        ({"article": {"id": "a"}, "events": {"E1": {}}}, "lists"),
        (["not", "an", "object"], "object"),
        ({"article": {"id": "a", "published": "last Tuesday"}}, "published"),
        ({"article": {"id": "a"}, "events": ["E1"]}, "event 1"),
    ],
)
def test_structural_errors(tmp_path, obj, message):
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(_article("ok", _event())) + "\n" + json.dumps(obj) + "\n", "utf-8")
    with pytest.raises(EvaluationError, match=message) as info:
        load_gold(path)
    assert f"{path}:2" in str(info.value)


def test_duplicate_article_and_event_ids_are_errors(tmp_path):
    path = _write_lines(tmp_path / "g.jsonl", _article("a", _event()), _article("a", _event()))
    with pytest.raises(EvaluationError, match="already coded"):
        load_gold(path)
    path = _write_lines(tmp_path / "h.jsonl", _article("a", _event(), _event()))
    with pytest.raises(EvaluationError, match="duplicate event id"):
        load_gold(path)


def test_missing_file_is_an_evaluation_error(tmp_path):
    with pytest.raises(EvaluationError, match="cannot read"):
        load_gold(tmp_path / "nope.jsonl")
