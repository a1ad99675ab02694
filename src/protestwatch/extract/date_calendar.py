"""Calendar arithmetic behind date resolution (used by :mod:`protestwatch.extract.dates`).

Everything here is a pure function of dates.  Conventions:

* weeks run Monday to Sunday (ISO); a weekend is Saturday and Sunday;
* seasons are the northern meteorological ones: spring March-May, summer June-August,
  fall/autumn September-November, winter December to February of the next year.  A season's
  *year* is the year it starts in, so winter 2021 is 2021-12-01 .. 2022-02-28;
* an explicit day without a year ("March 27") is put in the publication year unless that puts
  it well after publication (``prefer="past"``) or well before it (``prefer="future"``).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from protestwatch.model import DatePrecision, DateRange

DAY = DatePrecision.DAY
WEEK = DatePrecision.WEEK
MONTH = DatePrecision.MONTH
SEASON = DatePrecision.SEASON
YEAR = DatePrecision.YEAR

#: With ``prefer="past"``, a year-less date more than this far after publication is last year's.
PAST_SLACK = dt.timedelta(days=28)
#: With ``prefer="future"``, a year-less date more than this far before publication is next year's.
FUTURE_SLACK = dt.timedelta(days=7)

SEASON_START_MONTH: dict[str, int] = {
    "spring": 3,
    "summer": 6,
    "fall": 9,
    "autumn": 9,
    "winter": 12,
}

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class DateContext:
    """What an expression is resolved against.

    ``anchor`` is the date last mentioned before the expression in the same text, for
    expressions relative to it ("the day before", "a year earlier"); ``None`` means publication.
    """

    published: dt.date | None
    prefer: str = "past"
    anchor: DateRange | None = None

    @property
    def future(self) -> bool:
        return self.prefer == "future"

    def base(self, unit: DatePrecision, backwards: bool) -> dt.date | None:
        """The date an anchored expression of granularity ``unit`` counts from."""
        if self.anchor is not None and self.anchor.precision.rank <= unit.rank:
            return self.anchor.start if backwards else self.anchor.end
        return self.published


# -- constructors ------------------------------------------------------------------------------


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """``date(year, month, day)``, or ``None`` when there is no such day (February 30)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def day_range(start: dt.date, end: dt.date | None = None) -> DateRange:
    return DateRange(start, end or start, DAY)


def week_of(day: dt.date) -> DateRange:
    monday = day - dt.timedelta(days=day.weekday())
    return DateRange(monday, monday + dt.timedelta(days=6), WEEK)


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def month_range(year: int, month: int, last: tuple[int, int] | None = None) -> DateRange:
    """The month ``year-month`` (or through the month ``last = (year, month)``)."""
    end_year, end_month = last or (year, month)
    return DateRange(dt.date(year, month, 1), month_end(end_year, end_month), MONTH)


def year_range(first: int, last: int | None = None) -> DateRange:
    return DateRange(dt.date(first, 1, 1), dt.date(last or first, 12, 31), YEAR)


def season_range(name: str, year: int) -> DateRange:
    """The season ``name`` that starts in ``year``."""
    start_month = SEASON_START_MONTH[name]
    end_year, end_month = shift_month(year, start_month, 2)
    return DateRange(dt.date(year, start_month, 1), month_end(end_year, end_month), SEASON)


def clip(value: DateRange, start: dt.date | None = None, end: dt.date | None = None) -> DateRange:
    """``value`` with its start raised to ``start`` and its end lowered to ``end`` (when inside)."""
    new_start = max(value.start, start) if start and start <= value.end else value.start
    new_end = min(value.end, end) if end and end >= new_start else value.end
    return DateRange(new_start, new_end, value.precision)


# -- shifting ----------------------------------------------------------------------------------


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def shift_date(day: dt.date, amount: int, unit: DatePrecision) -> dt.date:
    """``day`` moved by ``amount`` units (negative: back); month/year ends are clamped."""
    if unit is DAY:
        return day + dt.timedelta(days=amount)
    if unit is WEEK:
        return day + dt.timedelta(weeks=amount)
    months = amount * (12 if unit is YEAR else 3 if unit is SEASON else 1)
    year, month = shift_month(day.year, day.month, months)
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def unit_range(day: dt.date, unit: DatePrecision) -> DateRange:
    """The week, month or year that contains ``day`` (the day itself for ``DAY``)."""
    if unit is DAY:
        return day_range(day)
    if unit is WEEK:
        return week_of(day)
    if unit is MONTH:
        return month_range(day.year, day.month)
    if unit is SEASON:
        return season_containing(day)
    return year_range(day.year)


# -- weekdays and weekends ---------------------------------------------------------------------


def weekday_on_or_before(day: dt.date, weekday: int) -> dt.date:
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)


def weekday_on_or_after(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def weekday_before(day: dt.date, weekday: int) -> dt.date:
    """The last ``weekday`` strictly before ``day``."""
    return weekday_on_or_before(day - ONE_DAY, weekday)


def weekday_after(day: dt.date, weekday: int) -> dt.date:
    """The first ``weekday`` strictly after ``day``."""
    return weekday_on_or_after(day + ONE_DAY, weekday)


def weekday_in_week(day: dt.date, weekday: int) -> dt.date:
    """The ``weekday`` of the Monday-Sunday week that contains ``day``."""
    return day - dt.timedelta(days=day.weekday() - weekday)


def weekend(saturday: dt.date) -> DateRange:
    return DateRange(saturday, saturday + ONE_DAY, WEEK)


# -- picking a year ----------------------------------------------------------------------------


def year_for_day(
    month: int, day: int, ctx: DateContext, weekday: int | None = None
) -> dt.date | None:
    """The date of a year-less "March 27" (with its weekday, when the text gives one)."""
    pub = ctx.published
    if pub is None:
        return None
    candidates = [
        d for y in (pub.year - 1, pub.year, pub.year + 1) if (d := safe_date(y, month, day))
    ]
    if weekday is not None:
        matching = [d for d in candidates if d.weekday() == weekday]
        if matching:
            return min(matching, key=lambda d: (abs((d - pub).days), d > pub))
    current = safe_date(pub.year, month, day)
    if current is None:  # February 29 in a common year: the nearest leap year's
        return min(candidates, key=lambda d: abs((d - pub).days)) if candidates else None
    if not ctx.future and current - pub > PAST_SLACK:
        return safe_date(pub.year - 1, month, day)
    if ctx.future and pub - current > FUTURE_SLACK:
        return safe_date(pub.year + 1, month, day)
    return current


def year_for_month(month: int, ctx: DateContext) -> int | None:
    """The year of a year-less "in March": the latest on or before publication (or next)."""
    pub = ctx.published
    if pub is None:
        return None
    if ctx.future:
        return pub.year if month >= pub.month else pub.year + 1
    return pub.year if month <= pub.month else pub.year - 1


def day_in_month(day: int, ctx: DateContext) -> dt.date | None:
    """The date of "the 27th": in the publication month, or the month before (after)."""
    pub = ctx.published
    if pub is None:
        return None
    step = 1 if ctx.future else -1
    year, month = pub.year, pub.month
    for _ in range(13):
        found = safe_date(year, month, day)
        if found and (found >= pub if ctx.future else found <= pub):
            return found
        year, month = shift_month(year, month, step)
    return None


# -- seasons -----------------------------------------------------------------------------------


def season_containing(day: dt.date) -> DateRange:
    for name in ("winter", "fall", "summer", "spring"):
        for year in (day.year, day.year - 1):
            value = season_range(name, year)
            if value.start <= day <= value.end:
                return value
    raise AssertionError(f"no season contains {day}")  # pragma: no cover - seasons tile the year


def season_started_by(name: str, day: dt.date) -> DateRange:
    """The latest season ``name`` that has started on or before ``day``."""
    value = season_range(name, day.year)
    return value if value.start <= day else season_range(name, day.year - 1)


def season_ended_before(name: str, day: dt.date) -> DateRange:
    """The latest season ``name`` that ended strictly before ``day``."""
    value = season_started_by(name, day)
    return value if value.end < day else season_range(name, value.start.year - 1)


def season_ending_from(name: str, day: dt.date) -> DateRange:
    """The first season ``name`` that has not ended by ``day`` (current or next)."""
    value = season_started_by(name, day)
    return value if value.end >= day else season_range(name, value.start.year + 1)


def season_starting_after(name: str, day: dt.date) -> DateRange:
    value = season_started_by(name, day)
    return season_range(name, value.start.year + 1)


def this_season(name: str, day: dt.date) -> DateRange:
    """ "this summer" said on ``day``: the one under way, else this calendar year's.

    A winter is "this winter" from September on (the one coming), else the one that started
    the December before.
    """
    current = season_started_by(name, day)
    if current.end >= day:
        return current
    if name == "winter":
        return season_range(name, day.year if day.month >= 9 else day.year - 1)
    return season_range(name, day.year)
