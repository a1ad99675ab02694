"""Scoring: detection precision/recall/F1, its splits, per-field accuracy, and the report."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from protestwatch.errors import EvaluationError
from protestwatch.evaluate import (
    FIELD_ROWS,
    GoldArticle,
    compare_events,
    evaluate,
    group_by_article,
)
from protestwatch.model import (
    EVENT_FIELDS,
    ActorType,
    DatePrecision,
    Event,
    Force,
    GeoPrecision,
    Issue,
    Organizer,
    Participant,
    Report,
    Source,
    Status,
    SubEventType,
    Tactic,
    Target,
    TargetType,
)

D = dt.date


def _rally() -> Event:
    return Event(
        id="g-rally",
        tactics=(Tactic.RALLY, Tactic.MARCH),
        acled_sub_event_type=SubEventType.INTERVENTION,
        date_start=D(2022, 1, 4), date_end=D(2022, 1, 4), date_precision=DatePrecision.DAY,
        country="KZ", admin1="Mangystau Region", locality="Zhanaozen",
        location_detail="the central square next to the akimat",
        latitude=43.34, longitude=52.86, geo_precision=GeoPrecision.LOCALITY,
        size_text="several thousand residents", size_low=3000, size_high=9000,
        organizers=(Organizer("Oil Workers' Union of Mangystau", ActorType.UNION),),
        participants=(Participant("oil workers", ActorType.WORKERS),),
        targets=(Target("Kazakh government", TargetType.NATIONAL_GOVERNMENT, "KZ"),),
        claims=("cancel the doubling of liquefied gas prices",),
        issues=(Issue.PRICES_ECONOMY,),
        arrests_text="dozens were detained", arrests_low=24, arrests_high=99,
        force=Force.CROWD_CONTROL, dispersed=True, internet_shutdown=True,
        outcome="the government capped the gas price for six months",
    )  # fmt: skip


def _vigil() -> Event:
    return Event(
        id="g-vigil",
        report=Report.BACKGROUND,
        tactics=(Tactic.VIGIL,),
        date_start=D(2011, 12, 16), date_end=D(2011, 12, 16), date_precision=DatePrecision.DAY,
        country="KZ", locality="Zhanaozen", latitude=43.34, longitude=52.86,
        geo_precision=GeoPrecision.LOCALITY,
        claims=("remember the striking oil workers who were shot",),
    )  # fmt: skip


def _planned() -> Event:
    return Event(
        id="g-planned",
        status=Status.PLANNED,
        acled_sub_event_type=None,
        date_start=D(2022, 1, 8), date_end=D(2022, 1, 8), date_precision=DatePrecision.DAY,
        country="KZ", locality="Astana", geo_precision=GeoPrecision.LOCALITY,
    )  # fmt: skip


def _gold(*events: Event, article_id: str = "zh-1") -> GoldArticle:
    return GoldArticle(id=article_id, events=tuple(events), published=D(2022, 1, 6))


def test_perfect_prediction_scores_one_everywhere():
    gold = [_gold(_rally(), _vigil(), _planned())]
    report = evaluate({"zh-1": [e.replace(id="p" + e.id) for e in gold[0].events]}, gold)
    d = report.detection
    assert (d.precision, d.recall, d.f1) == (1.0, 1.0, 1.0)
    for split in (*report.by_report.values(), *report.by_status.values()):
        assert (split.precision, split.recall, split.f1) == (1.0, 1.0, 1.0)
    assert set(report.by_report) == {"current", "background"}
    assert set(report.by_status) == {"occurred", "planned"}
    assert [f.name for f in report.fields] == list(FIELD_ROWS)
    for f in report.fields:
        assert (f.n, f.accuracy, f.mean_score) == (3, 1.0, 1.0), f.name
        assert f.accuracy_gold in (1.0, None)
    assert report.missed == () and report.spurious == ()


def test_missing_event_lowers_recall_and_is_listed():
    gold = [_gold(_rally(), _vigil())]
    report = evaluate({"zh-1": [_rally()]}, gold)
    d = report.detection
    assert (d.gold, d.predicted, d.matched_gold) == (2, 1, 1)
    assert (d.precision, d.recall) == (1.0, 0.5)
    assert d.f1 == pytest.approx(2 / 3)
    assert report.by_report["background"].recall == 0.0
    assert report.by_report["current"].recall == 1.0
    (missed,) = report.missed
    assert (missed.article_id, missed.event_id, missed.place) == (
        "zh-1",
        "g-vigil",
        "Zhanaozen, KZ",
    )
    assert missed.date_start == D(2011, 12, 16)


def test_spurious_event_lowers_precision_and_is_listed():
    extra = _rally().replace(id="p-extra", locality="Aktau", date_start=D(2022, 1, 5),
                             date_end=D(2022, 1, 5))  # fmt: skip
    report = evaluate({"zh-1": [_rally(), extra]}, [_gold(_rally())])
    assert report.detection.precision == 0.5 and report.detection.recall == 1.0
    assert [r.event_id for r in report.spurious] == ["p-extra"]
    assert "Aktau" in report.table()


def test_wrong_date_is_both_a_miss_and_a_false_alarm():
    wrong = _rally().replace(id="p-late", date_start=D(2022, 1, 5), date_end=D(2022, 1, 5))
    report = evaluate({"zh-1": [wrong]}, [_gold(_rally())])
    assert report.detection.matched_gold == 0
    assert report.detection.f1 == 0.0
    assert len(report.missed) == 1 and len(report.spurious) == 1
    assert all(f.n == 0 and f.accuracy is None for f in report.fields)


def test_alias_locality_matches():
    gold = _planned()
    predicted = gold.replace(id="p", locality="Nur-Sultan")
    report = evaluate({"zh-1": [predicted]}, [_gold(gold)])
    assert report.detection.f1 == 1.0
    assert report.field("locality").accuracy == 1.0


def test_coarse_prediction_matches_by_country_but_loses_place_fields():
    coarse = _rally().replace(id="p", locality=None, admin1=None, latitude=48.0, longitude=68.0,
                              geo_precision=GeoPrecision.COUNTRY)  # fmt: skip
    report = evaluate({"zh-1": [coarse]}, [_gold(_rally())])
    assert report.detection.f1 == 1.0
    for name in ("locality", "admin1", "geo_precision", "latitude", "coordinates"):
        assert report.field(name).accuracy == 0.0, name
    other_country = coarse.replace(country="UZ")
    assert evaluate({"zh-1": [other_country]}, [_gold(_rally())]).detection.f1 == 0.0


def test_two_predictions_cannot_match_one_gold_and_the_closer_one_wins():
    close = _rally().replace(id="p-close")
    rough = _rally().replace(id="p-rough", tactics=(), size_low=None, size_high=None, claims=())
    report = evaluate({"zh-1": [rough, close]}, [_gold(_rally())])
    assert [m.predicted_id for m in report.matches] == ["p-close"]
    assert [r.event_id for r in report.spurious] == ["p-rough"]
    assert report.detection.precision == 0.5


def test_matching_stays_within_an_article():
    report = evaluate({"other": [_rally()]}, [_gold(_rally()), _gold(_vigil(), article_id="other")])
    assert report.detection.matched_gold == 0
    assert report.detection.gold == 2 and report.detection.predicted == 1


def test_gold_articles_without_predictions_and_unscored_predictions():
    report = evaluate({"not-in-gold": [_rally()]}, [_gold(_rally())])
    assert report.unscored_articles == ("not-in-gold",)
    assert report.detection.predicted == 0 and report.detection.recall == 0.0
    assert report.detection.precision is None  # nothing predicted for the gold articles


def test_duplicate_gold_articles_are_refused():
    with pytest.raises(EvaluationError, match="zh-1"):
        evaluate({}, [_gold(_rally()), _gold(_vigil())])


# -- per-field comparators ----------------------------------------------------------------


def _compare(predicted: Event, gold: Event | None = None):
    return compare_events(predicted, gold or _rally())


def test_coordinates_within_25_km():
    near = _compare(_rally().replace(latitude=43.40, longitude=52.95))  # ~10 km
    assert near["coordinates"].correct and near["latitude"].correct and near["longitude"].correct
    far = _compare(_rally().replace(latitude=43.65, longitude=51.16))  # Aktau, ~140 km
    assert not far["coordinates"].correct and not far["longitude"].correct
    missing = _compare(_rally().replace(latitude=None, longitude=None))
    assert not missing["coordinates"].correct


def test_counts_compare_low_and_high_exactly():
    result = _compare(_rally().replace(size_low=3000, size_high=None, arrests_low=24))
    assert result["size_low"].correct and not result["size_high"].correct
    assert result["arrests_low"].correct and result["arrests_high"].correct


def test_enum_lists_give_set_equality_and_f1():
    result = _compare(_rally().replace(tactics=(Tactic.MARCH, Tactic.RALLY)))
    assert result["tactics"].correct and result["tactics"].score == 1.0  # order does not matter
    partial = _compare(_rally().replace(tactics=(Tactic.RALLY,)))["tactics"]
    assert not partial.correct and partial.score == pytest.approx(2 / 3)


def test_actor_names_match_by_token_overlap():
    renamed = _rally().replace(
        organizers=(Organizer("Mangystau oil workers union", ActorType.UNION),),
        targets=(Target("government of Kazakhstan", TargetType.NATIONAL_GOVERNMENT, "KZ"),
                 Target("Qazaqgaz", TargetType.COMPANY, "KZ")),
    )  # fmt: skip
    result = _compare(renamed)
    assert result["organizers"].correct
    assert result["targets"].score == pytest.approx(2 / 3)  # one name pairs up, "Qazaqgaz" is extra
    assert result["targets.country"].correct
    foreign = _compare(
        _rally().replace(targets=(Target("Beijing", TargetType.FOREIGN_GOVERNMENT, "CN"),))
    )
    assert not foreign["targets.country"].correct and foreign["targets.country"].score == 0.0


def test_claims_and_free_text_by_token_overlap():
    close = _rally().replace(
        claims=("Cancel the doubling of gas prices!",),
        outcome="Government capped the gas price",
        location_detail="central square",
    )
    result = _compare(close)
    assert result["claims"].correct and 0.5 <= result["claims"].score < 1.0
    assert result["outcome"].correct and result["location_detail"].correct
    off = _compare(_rally().replace(claims=("release the detained activists",), outcome="none"))
    assert not off["claims"].correct and not off["outcome"].correct


def test_place_fields_use_aliases_and_accents():
    gold = _rally().replace(locality="Astana", admin1="Astana")
    result = compare_events(gold.replace(locality="nur-sultan", admin1="Nur-Sultan"), gold)
    assert result["locality"].correct and result["admin1"].correct


def test_null_handling_and_gold_set_counts():
    gold = _vigil()
    predicted = gold.replace(
        id="p", dispersed=False, size_text="about 50", size_low=50, size_high=50
    )
    report = evaluate({"zh-1": [predicted]}, [_gold(gold)])
    assert report.field("dispersed").accuracy == 0.0  # None ≠ False
    assert report.field("dispersed").n_gold == 0 and report.field("dispersed").accuracy_gold is None
    assert report.field("size_text").accuracy == 0.0
    assert report.field("claims").n_gold == 1
    assert report.field("force").n_gold == 0  # "unknown" counts as not coded


def test_campaign_is_compared_by_presence():
    gold = _rally().replace(campaign="January 2022 fuel protests")
    assert _compare(gold.replace(campaign="kz-2022-01-gas"), gold)["campaign"].correct
    assert not _compare(gold.replace(campaign=None), gold)["campaign"].correct


def test_mixed_errors_give_fractional_field_accuracy():
    gold = [_gold(_rally(), _planned())]
    predicted = [_rally().replace(id="p1", size_low=5000), _planned().replace(id="p2")]
    report = evaluate({"zh-1": predicted}, gold)
    size = report.field("size_low")
    assert (size.n, size.correct, size.accuracy) == (2, 1, 0.5)
    assert (size.n_gold, size.accuracy_gold) == (1, 0.0)


# -- the report ---------------------------------------------------------------------------


def test_report_to_dict_is_json_ready_and_complete():
    report = evaluate({"zh-1": [_rally()]}, [_gold(_rally(), _vigil())])
    data = json.loads(json.dumps(report.to_dict()))
    assert data["detection"]["recall"] == 0.5
    assert set(data["fields"]) == set(FIELD_ROWS)
    assert data["fields"]["size_low"] == {
        "n": 1, "accuracy": 1.0, "mean_score": 1.0, "n_gold": 1, "accuracy_gold": 1.0
    }  # fmt: skip
    assert data["missed"][0]["event_id"] == "g-vigil"
    assert data["matches"][0]["gold_id"] == "g-rally"
    assert data["by_report"]["background"]["precision"] is None


def test_table_is_fixed_width_text():
    report = evaluate({"zh-1": [_rally()]}, [_gold(_rally(), _vigil())])
    text = report.table()
    lines = text.splitlines()
    assert any(line.startswith("all events") and "0.667" in line for line in lines)
    field_lines = [line for line in lines if line.split(" ")[0] in EVENT_FIELDS]
    assert len(field_lines) == len(EVENT_FIELDS)
    assert len({len(line) for line in field_lines}) == 1  # columns line up
    assert "Missed gold events (1):" in text and "2011-12-16" in text


def test_group_by_article_lists_events_under_each_source():
    merged = _rally().replace(sources=(Source("a1"), Source("a2"), Source("a1")))
    single = _vigil().replace(sources=(Source("a2"),))
    grouped = group_by_article([merged, single])
    assert grouped == {"a1": [merged], "a2": [merged, single]}
