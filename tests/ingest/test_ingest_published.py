"""Publication dates in the forms feeds, CMS exports and people write them."""

from __future__ import annotations

import datetime as dt

import pytest

from protestwatch.errors import InputError
from protestwatch.ingest import parse_published

D = dt.date(2021, 3, 27)


@pytest.mark.parametrize(
    "value",
    [
        "2021-03-27",
        "2021-03-27T23:30:00+06:00",
        "2021-03-27 08:15",
        "20210327",
        "Sat, 27 Mar 2021 10:00:00 +0000",
        "27 Mar 2021 10:00:00 GMT",
        "March 27, 2021",
        "Mar. 27, 2021",
        "Saturday, March 27th, 2021",
        "27 March 2021",
        "27th of March, 2021",
        "27/03/2021",
        "03/27/2021",
        "27.03.2021",
        "27-03-2021",
        "2021/03/27",
        1616803200,
        "1616803200000",
        dt.datetime(2021, 3, 27, 22, 0),
        D,
    ],
)
def test_accepted_forms(value: object) -> None:
    assert parse_published(value) == D


def test_day_first_when_ambiguous() -> None:
    assert parse_published("04/05/2021") == dt.date(2021, 5, 4)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("next Tuesday-ish", "unparseable publication date 'next Tuesday-ish'"),
        ("2021-02-30", "unparseable publication date '2021-02-30'"),
        ("31/31/2021", "unparseable publication date '31/31/2021'"),
        ("March 2021", "unparseable publication date 'March 2021'"),
        ("  ", "empty publication date"),
        ([2021, 3, 27], "unparseable publication date [2021, 3, 27]"),
        (True, "unparseable publication date True"),
        ("1066-10-14", "implausible publication date '1066-10-14'"),
    ],
)
def test_rejected_values_are_named(value: object, reason: str) -> None:
    with pytest.raises(InputError) as info:
        parse_published(value)
    assert info.value.reason.startswith(reason)


def test_far_future_is_implausible() -> None:
    with pytest.raises(InputError, match="implausible"):
        parse_published("2031-01-01", today=dt.date(2024, 1, 1))
    assert parse_published("2024-06-01", today=dt.date(2024, 1, 1)) == dt.date(2024, 6, 1)
