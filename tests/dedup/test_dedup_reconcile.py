"""Reconciliation: every source's value kept, headline values by named rules."""

from __future__ import annotations

import datetime as dt

from protestwatch.dedup.reconcile import reconcile
from protestwatch.model import Force

from .conftest import make_event


def test_crowd_size_is_the_range_covering_the_credible_reports(tariff_reports):
    rec = reconcile("rwe-1", tariff_reports)
    size = rec.field("size")
    assert (size.value["size_low"], size.value["size_high"]) == (300, 900)
    assert size.rule.startswith("range covering the credible reports")
    assert size.disagreement
    assert [s.value["size_low"] for s in size.sources] == [301, 300, 300]  # by publication date
    assert size.sources[0].evidence and size.sources[0].evidence[0].article_id == "wire"


def test_size_set_aside_when_ten_times_off_the_others():
    events = [make_event("a", "a1", size_low=5000, size_high=5000),
              make_event("b", "a2", size_low=6000, size_high=8000),
              make_event("c", "a3", size_low=8, size_high=None)]  # fmt: skip
    size = reconcile("r", events).field("size")
    assert (size.value["size_low"], size.value["size_high"]) == (5000, 8000)
    assert "set aside" in size.rule


def test_arrests_take_the_highest_specific_count_with_lower_as_corroboration(tariff_reports):
    arrests = reconcile("rwe-1", tariff_reports).field("arrests")
    assert (arrests.value["arrests_low"], arrests.value["arrests_high"]) == (22, 22)
    assert set(arrests.corroborating) == {"e-daily", "e-ngo"}
    assert arrests.rule.startswith("highest specific count")


def test_arrests_without_a_specific_count_take_the_highest_lower_bound():
    events = [
        make_event("a", "a1", arrests_low=24, arrests_high=99),
        make_event("b", "a2", arrests_low=50),
    ]
    arrests = reconcile("r", events).field("arrests")
    assert (arrests.value["arrests_low"], arrests.value["arrests_high"]) == (50, None)


def test_dates_take_the_finest_precision_agreed():
    events = [make_event("y", "a", ("2023-01-01", "2023-12-31"), precision="year"),
              make_event("m", "b", ("2023-03-01", "2023-03-31"), precision="month")]  # fmt: skip
    rec = reconcile("r", events)
    assert rec.event.date_start == dt.date(2023, 3, 1) and rec.event.date_end == dt.date(
        2023, 3, 31
    )
    assert rec.event.date_precision.value == "month"
    week_and_day = [make_event("w", "a", ("2024-09-07", "2024-09-08"), precision="week"),
                    make_event("d", "b", "2024-09-07")]  # fmt: skip
    rec = reconcile("r", week_and_day)
    assert (rec.event.date_start, rec.event.date_end) == (dt.date(2024, 9, 7), dt.date(2024, 9, 7))


def test_place_takes_the_finest_and_other_fields_their_rules():
    events = [make_event("c", "a", admin1=None, locality=None, force=Force.CROWD_CONTROL, dispersed=True),
              make_event("l", "b", locality="Almaty", latitude=43.25, longitude=76.91, dispersed=None,
                         claims=("freeze tariffs",), status=make_event("x", "x").status)]  # fmt: skip
    rec = reconcile("r", events)
    assert rec.event.locality == "Almaty" and rec.event.latitude == 43.25
    assert rec.event.force == Force.CROWD_CONTROL and rec.event.dispersed is True
    assert rec.field("claims").value == ["freeze tariffs"]
    assert {s.article_id for s in rec.event.sources} == {"a", "b"}


def test_background_mention_does_not_make_the_event_background():
    from protestwatch.model import Report

    events = [make_event("now", "a"), make_event("then", "b", report=Report.BACKGROUND)]
    assert reconcile("r", events).event.report == Report.CURRENT


def test_disagreements_are_listed_and_serialised(tariff_reports):
    rec = reconcile("rwe-1", tariff_reports)
    names = {f.name for f in rec.disagreements()}
    assert {"size", "arrests"} <= names and "place" not in names
    d = rec.to_dict()
    assert d["fields"]["size"]["disagreement"] is True and len(d["fields"]["size"]["sources"]) == 3
    assert "size" in d["disagreements"]
