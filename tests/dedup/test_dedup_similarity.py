"""The hard compatibility rule and the pair score."""

from __future__ import annotations

from protestwatch.dedup.records import PlaceLevel, record_of
from protestwatch.dedup.similarity import compatible, score_pair
from protestwatch.model import Report

from .conftest import make_event


def rec(*args, **kwargs):
    return record_of(make_event(*args, **kwargs))


def test_same_rally_in_two_outlets_is_compatible_and_scores_high():
    a = rec("a", "wire", issues=["prices_economy"], claims=("freeze utility prices",))
    b = rec("b", "daily", issues=["prices_economy"], claims=("utility prices frozen until spring",))
    assert compatible(a, b)
    assert score_pair(a, b).total > 0.8


def test_different_localities_never_compatible():
    a = rec("a", "wire")
    b = rec("b", "daily", admin1="Astana", locality="Astana")
    assert not compatible(a, b)


def test_former_city_name_is_the_same_locality():
    a = rec("a", "wire", locality="Alma-Ata")
    b = rec("b", "daily", locality="Almaty")
    assert a.locality == b.locality and compatible(a, b)


def test_days_apart_are_not_compatible_but_a_week_holding_the_day_is():
    a = rec("a", "wire", "2023-10-14")
    assert not compatible(a, rec("b", "daily", "2023-10-15"))
    week = rec("c", "weekly", ("2023-10-14", "2023-10-15"), precision="week")
    assert compatible(a, week)


def test_region_contains_its_locality_but_not_another_regions():
    city = rec("a", "wire", admin1="Mangystau", locality="Zhanaozen")
    assert compatible(city, rec("b", "daily", admin1="Mangystau", locality=None))
    assert not compatible(city, rec("c", "ngo", admin1="Atyrau Region", locality=None))
    country = rec("d", "radio", admin1=None, locality=None)
    assert country.level == PlaceLevel.COUNTRY and compatible(city, country)


def test_one_article_never_reports_the_same_event_twice():
    assert not compatible(rec("a", "wire"), rec("b", "wire"))


def test_homonym_towns_far_apart_are_different():
    a = rec(
        "a",
        "wire",
        country="US",
        admin1=None,
        locality="Springfield",
        latitude=39.8,
        longitude=-89.6,
    )
    b = rec(
        "b",
        "daily",
        country="US",
        admin1=None,
        locality="Springfield",
        latitude=37.2,
        longitude=-93.3,
    )
    assert not compatible(a, b)


def test_year_mentions_need_content_to_score():
    bare_a = rec(
        "a", "wire", ("2016-01-01", "2016-12-31"), precision="year", report=Report.BACKGROUND
    )
    bare_b = rec(
        "b", "daily", ("2016-01-01", "2016-12-31"), precision="year", report=Report.BACKGROUND
    )
    rich_a = rec("c", "ngo", ("2016-01-01", "2016-12-31"), precision="year", issues=["land"],
                 claims=("no sale of farmland to foreigners",))  # fmt: skip
    rich_b = rec("d", "radio", ("2016-01-01", "2016-12-31"), precision="year", issues=["land"],
                 claims=("stop the farmland sale to foreigners",))  # fmt: skip
    assert score_pair(bare_a, bare_b).total < 0.62 <= score_pair(rich_a, rich_b).total
