"""Date rules for explicit calendar expressions: days, day ranges, months, seasons and years.

"Saturday, March 27", "Last Saturday (March 27)", "27 March 2021", "2021-03-27", "27.03.2021",
"on the 27th", "March 3-5", "from 3 to 5 May", "March 2020", "late March", "in March",
"between March and May 2020", "the fall of 2019", "winter 2021-22", "in 2016", "2017-2018",
"between 2017 and 2018", "in 2017, 2018 and 2019", "the 1990s".
"""

from __future__ import annotations

import datetime as dt
import re

from protestwatch.extract.date_calendar import (
    PAST_SLACK,
    SEASON,
    DateContext,
    day_range,
    month_range,
    safe_date,
    season_range,
    shift_month,
    year_for_day,
    year_for_month,
    year_range,
)
from protestwatch.extract.date_lexicon import (
    EDGE,
    MONTH_FULL,
    NOT_COUNTED,
    SEASON_WORD,
    DateRule,
    day,
    month,
    month_number,
    relative_year_suffix,
    rule,
    weekday,
    weekday_number,
    weekday_phrase,
    word_after_is_capitalised,
    word_before,
    year,
)
from protestwatch.model import DateRange

Match = re.Match[str]

_YEAR_SHIFT = {"last": -1, "this": 0, "next": 1}

# A weekday before an explicit date: "Saturday, March 27", "Last Saturday (March 27)".
_WEEKDAY_BEFORE = (
    rf"(?:{weekday_phrase('p')}(?:,?\s+|\s*(?P<paren>\()\s*(?:(?i:on)\s+)?)(?:(?i:the)\s+)?)?"
)
_PAREN_CLOSE = r"(?(paren)\s*\))"
_WEEKDAY_AFTER = rf"(?:\s*\(\s*{weekday('q')}\s*\))?"  # "March 27 (Saturday)"
_DASH_OR_TO = r"(?:\s*[-–—]\s*|\s+(?i:to|through|thru|until|till|and|&)\s+)"
_PERIOD_OF = r"(?i:the\s+(?:end|beginning|start|middle|close|first\s+half|second\s+half)\s+of)\s+"
_YEAR_TAIL = rf"(?:\s*[-–—/]\s*(?:{year('y2')}|(?P<yy>\d\d)(?!\d)))"

#: words that make a bare month or year a date: "in March", "since 2016"
_TIME_PREPOSITIONS = frozenset(
    "in since during until till through throughout from before after early late mid circa "
    "between by around year".split()
)
#: words after which a number is a year only when nothing but punctuation follows it
_WEAK_PREPOSITIONS = frozenset("of for to by from".split())
_DETERMINERS = frozenset("the a an its their his her this that".split())
_FOLLOWED_BY_END = re.compile(r"\s*(?:[,.;:)!?'’]|$)|\s+(?:and|or|to|when|as|,)\b")


def _given_weekday(m: Match) -> int | None:
    for name in ("pwd", "q"):
        if name in m.re.groupindex and m[name]:
            return weekday_number(m[name])
    return None


def _explicit_day(m: Match, ctx: DateContext, month_no: int, day_no: int) -> DateRange | None:
    if m["y"] or m["yy"]:
        yy = int(m["yy"] or 0)
        given = int(m["y"]) if m["y"] else yy + (2000 if yy < 70 else 1900)
        found = safe_date(given, month_no, day_no)
    elif m["yrel"]:
        if ctx.published is None:
            return None
        shift = _YEAR_SHIFT[m["yrel"].lower()]
        found = safe_date(ctx.published.year + shift, month_no, day_no)
    else:
        found = year_for_day(month_no, day_no, ctx, _given_weekday(m))
    return day_range(found) if found else None


def _month_day(m: Match, ctx: DateContext) -> DateRange | None:
    return _explicit_day(m, ctx, month_number(m["mo"]), int(m["d"]))


def _iso(m: Match, ctx: DateContext) -> DateRange | None:
    found = safe_date(int(m["y"]), int(m["mo"]), int(m["d"]))
    return day_range(found) if found else None


def _numeric(m: Match, ctx: DateContext) -> DateRange | None:
    """27.03.2021 and 27-03-2021 are day first; 03/27/2021 is read the way that is possible,
    and when both are, the way closer to publication (day first without it)."""
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    day_first, month_first = safe_date(y, b, a), safe_date(y, a, b)
    choice = day_first or month_first
    pub = ctx.published
    if m["sep"] == "/" and day_first and month_first and pub is not None:
        choice = min(
            (day_first, month_first), key=lambda d: (d - pub > PAST_SLACK, abs((d - pub).days))
        )
    return day_range(choice) if choice else None


def _day_span(
    ctx: DateContext, first: tuple[int, int], last: tuple[int, int], year_text: str | None
) -> DateRange | None:
    """Days ``first`` to ``last`` (month, day); a given year belongs to the last day."""
    (m1, d1), (m2, d2) = first, last
    if year_text:
        y2 = int(year_text)
        start, end = safe_date(y2 - (m1 > m2), m1, d1), safe_date(y2, m2, d2)
    else:
        start = year_for_day(m1, d1, ctx)
        end = safe_date(start.year + (m1 > m2), m2, d2) if start else None
    if start is None or end is None or not dt.timedelta(0) < end - start <= dt.timedelta(days=92):
        return None
    return day_range(start, end)


def _month_day_range(m: Match, ctx: DateContext) -> DateRange | None:
    m1 = month_number(m["mo"])
    m2 = month_number(m["mo2"]) if m["mo2"] else m1
    return _day_span(ctx, (m1, int(m["d1"])), (m2, int(m["d2"])), m["y"])


def _day_month_range(m: Match, ctx: DateContext) -> DateRange | None:
    m2 = month_number(m["mo2"])
    m1 = month_number(m["mo1"]) if m["mo1"] else m2
    return _day_span(ctx, (m1, int(m["d1"])), (m2, int(m["d2"])), m["y"])


def _ordinal_day(m: Match, ctx: DateContext) -> DateRange | None:
    """ "on the 27th": the nearest such day of a month, on or before publication (or after)."""
    weekday_no = _given_weekday(m)
    if weekday_no is None and word_before(m) not in {"on", "by", "until", "till", "since"}:
        return None
    pub = ctx.published
    if pub is None:
        return None
    step = 1 if ctx.future else -1
    y, mo = pub.year, pub.month
    for _ in range(24):
        found = safe_date(y, mo, int(m["d"]))
        in_direction = found is not None and (found >= pub if ctx.future else found <= pub)
        if in_direction and (weekday_no is None or found.weekday() == weekday_no):
            return day_range(found)
        y, mo = shift_month(y, mo, step)
    return None


def _month_year(m: Match, ctx: DateContext) -> DateRange | None:
    return month_range(int(m["y"]), month_number(m["mo"]))


def _month_span(m: Match, ctx: DateContext) -> DateRange | None:
    """ "between March and May 2020", "March-April", "from November 2019 to February 2020"."""
    if not (m["from"] or m["y2"] or word_before(m) in _TIME_PREPOSITIONS):
        return None
    m1, m2 = month_number(m["mo1"]), month_number(m["mo2"])
    if m["y2"]:
        y2 = int(m["y2"])
        y1 = int(m["y1"]) if m["y1"] else y2 - (m1 > m2)
    else:
        y1_found = year_for_month(m1, ctx)
        if y1_found is None:
            return None
        y1, y2 = y1_found, y1_found + (m1 > m2)
    if (y1, m1) >= (y2, m2) or y2 - y1 > 3:
        return None
    return month_range(y1, m1, last=(y2, m2))


def _month_in_context(m: Match, ctx: DateContext) -> DateRange | None:
    """ "in March", "last March", "late March", "the end of March", "March last year"."""
    rel = (m["rel"] or "").lower().split()
    before = word_before(m)
    if not (rel or m["edge"] or m["yrel"] or before in _TIME_PREPOSITIONS):
        return None
    if m["mo"] in ("May", "MAY") and before == "by" and not rel:
        return None  # "criticised by May"
    pub = ctx.published
    if pub is None:
        return None
    month_no = month_number(m["mo"])
    if m["yrel"]:
        y = pub.year + _YEAR_SHIFT[m["yrel"].lower()]
    elif rel and rel[-1] in ("last", "past"):
        y = pub.year if month_no < pub.month else pub.year - 1
    elif rel == ["this"]:
        y = pub.year
    elif rel == ["next"]:
        y = pub.year if month_no > pub.month else pub.year + 1
    else:
        y = year_for_month(month_no, ctx) or pub.year
    return month_range(y, month_no)


def _two_digit_tail(first: int, m: Match) -> int | None:
    if m["y2"]:
        return int(m["y2"])
    if m["yy"]:
        second = first // 100 * 100 + int(m["yy"])
        return second if second > first else second + 100
    return None


def _season_year(m: Match, ctx: DateContext) -> DateRange | None:
    name = m["season"].lower()
    first = int(m["y1"])
    last = _two_digit_tail(first, m)
    if last is None:
        return season_range(name, first)
    if name == "winter":  # winter 2021-22 is one winter
        last -= 1
    if not first <= last <= first + 3:
        return None
    return DateRange(season_range(name, first).start, season_range(name, last).end, SEASON)


def _year_span(m: Match, ctx: DateContext) -> DateRange | None:
    """ "2017-2018", "2017–18", "between 2017 and 2018", "in 2017 or 2018"."""
    first = int(m["y1"])
    last = _two_digit_tail(first, m) or (int(m["y3"]) if m["y3"] else None)
    if last is None or not first < last <= first + 30:
        return None
    if m["y3"] and not (m["from"] or word_before(m) in _TIME_PREPOSITIONS):
        return None
    return year_range(first, last)


def _year_list(m: Match, ctx: DateContext) -> DateRange | None:
    """ "in 2017, 2018 and 2019": the years from the first to the last."""
    if word_before(m) not in _TIME_PREPOSITIONS:
        return None
    years = [int(y) for y in re.findall(r"\d{4}", m["m"])]
    if sorted(years) != years or years[-1] - years[0] > 30:
        return None
    return year_range(years[0], years[-1])


def _year_in_context(m: Match, ctx: DateContext) -> DateRange | None:
    """A year that the words around it make a date: "in 2016", "the 2016 protests", "late 2019"."""
    if m["edge"] or m["period"]:
        return year_range(int(m["y"]))
    before = word_before(m)
    rest = m.string[m.end("m") : m.end("m") + 24]
    if before in _TIME_PREPOSITIONS:
        pass
    elif before in _WEAK_PREPOSITIONS:
        if not _FOLLOWED_BY_END.match(rest):
            return None
    elif before in _DETERMINERS:
        if not re.match(r"(?:'s|’s)?\s+\w", rest):
            return None
        if word_after_is_capitalised(m) and not _is_past_year(int(m["y"]), ctx):
            return None  # "the 2030 Agenda"; but "the 1986 Zheltoksan uprising" is a date
    else:
        return None
    return year_range(int(m["y"]))


def _is_past_year(value: int, ctx: DateContext) -> bool:
    return ctx.published is not None and value <= ctx.published.year


def _decade(m: Match, ctx: DateContext) -> DateRange | None:
    first = int(m["dec"])
    return year_range(first, first + 9)


_THE_ORDINAL = (
    r"(?:(?i:the)\s+(?=\d{1,2}(?:st|nd|rd|th)\b))?"  # "the 3rd of March", not "the 3 March"
)
_DAY_YEAR = rf"(?:,?\s+(?:{year('y')}|['’](?P<yy>\d\d)\b))?"  # ", 2021" or " '21"
_MD = (
    rf"{_WEEKDAY_BEFORE}{month('mo')}\s+(?:(?i:the)\s+)?{day('d')}{_DAY_YEAR}"
    rf"{relative_year_suffix('yrel')}{_PAREN_CLOSE}{_WEEKDAY_AFTER}"
)
_DM = (
    rf"{_WEEKDAY_BEFORE}{_THE_ORDINAL}{day('d')}(?:\s+(?i:of))?\s+{month('mo')}{_DAY_YEAR}"
    rf"{relative_year_suffix('yrel')}{_PAREN_CLOSE}{_WEEKDAY_AFTER}"
)
_ORDINAL = rf"{_WEEKDAY_BEFORE}(?i:the)\s+{day('d', ordinal=True)}{_PAREN_CLOSE}"
_ORDINAL_AFTER = (
    r"(?=\s*[,.;:)!?]|\s*$|\s+(?i:and|or|in|at|when|as|after|before|to|through|until|till|while"
    r"|with|outside|near|but|amid|against|across)\b)"
)
_FROM = r"(?:(?P<from>(?i:from|between))\s+)?"

_CAP_OR_WEEKDAY_WORD = "A-Zltnpce"  # a capital, or last/this/the/next/past/coming/early

EXPLICIT_RULES: tuple[DateRule, ...] = (
    rule("month_day", _MD, _month_day, first=_CAP_OR_WEEKDAY_WORD, needs=("month", "digit")),
    rule(
        "day_month", _DM, _month_day, first="0-9" + _CAP_OR_WEEKDAY_WORD, needs=("month", "digit")
    ),
    rule(
        "iso",
        rf"{year('y')}-(?P<mo>0?[1-9]|1[0-2])-(?P<d>0?[1-9]|[12]\d|3[01])(?!\d)",
        _iso,
        first="12",
        needs=("digit",),
    ),
    rule(
        "numeric",
        rf"(?<![\d.])(?P<a>\d{{1,2}})(?P<sep>[./-])(?P<b>\d{{1,2}})(?P=sep)"
        rf"{year('y', guard=False)}",
        _numeric,
        first="0-9",
        needs=("digit",),
    ),
    rule(
        "month_day_range",
        rf"{_FROM}{month('mo')}\s+{day('d1')}{_DASH_OR_TO}(?:{month('mo2')}\s+)?{day('d2')}"
        rf"(?:,?\s+{year('y')})?",
        _month_day_range,
        first="A-Zfb",
        needs=("month", "digit"),
    ),
    rule(
        "day_month_range",
        rf"{_FROM}{_THE_ORDINAL}{day('d1')}(?:\s+{month('mo1')})?{_DASH_OR_TO}{_THE_ORDINAL}"
        rf"{day('d2')}(?:\s+(?i:of))?\s+{month('mo2')}(?:,?\s+{year('y')})?",
        _day_month_range,
        first="0-9fbtFBT",
        needs=("month", "digit"),
    ),
    rule(
        "ordinal_day",
        _ORDINAL,
        _ordinal_day,
        first=_CAP_OR_WEEKDAY_WORD,
        needs=("digit",),
        after=_ORDINAL_AFTER,
    ),
    rule(
        "month_year",
        rf"(?:{EDGE}[- ]?\s*|{_PERIOD_OF})?{month('mo')},?\s+(?:(?i:of)\s+)?{year('y')}",
        _month_year,
        first="A-Zelmt",
        needs=("month", "digit"),
    ),
    rule(
        "month_span",
        rf"{_FROM}{month('mo1', full=True)}(?:,?\s+{year('y1')}|(?:,\s+{MONTH_FULL})+,?)?"
        rf"(?:\s*[-–—/]\s*|\s+(?i:to|through|until|till|and|or)\s+){month('mo2', full=True)}"
        rf"(?:,?\s+{year('y2')})?",
        _month_span,
        first="A-Zfb",
        needs=("month",),
    ),
    rule(
        "month",
        rf"(?:(?P<rel>(?i:this\s+past|last|this|next|past))\s+)?"
        rf"(?:(?P<edge>{EDGE}[- ]?\s*|{_PERIOD_OF}))?{month('mo', full=True)}"
        rf"{relative_year_suffix('yrel')}",
        _month_in_context,
        first="A-Zltnpem",
        needs=("month",),
        after=r"(?!\s+(?i:for|against|on)\s+[A-Z])",
    ),
    rule(
        "season_year",
        rf"(?:(?i:the)\s+)?(?:{EDGE}[- ]?\s*)?(?P<season>{SEASON_WORD})(?:\s+(?i:of))?,?\s+"
        rf"{year('y1')}{_YEAR_TAIL}?",
        _season_year,
        first="A-Ztelmsfaw",
        needs=("season", "digit"),
    ),
    rule(
        "year_span",
        rf"{_FROM}{year('y1')}(?:{_YEAR_TAIL}|\s+(?i:to|through|until|till|and|or)\s+{year('y3')})",
        _year_span,
        first="12fbFB",
        needs=("digit",),
    ),
    rule(
        "year_list",
        rf"{year('y1')}(?:,\s+\d{{4}})+,?\s+(?i:and|or)\s+{year('y2')}",
        _year_list,
        first="12",
        needs=("digit",),
    ),
    rule(
        "year",
        rf"(?:(?P<edge>{EDGE})[- ]?\s*|(?P<period>{_PERIOD_OF}))?{year('y')}",
        _year_in_context,
        first="12elmtELMT",
        needs=("digit",),
        after=NOT_COUNTED,
    ),
    rule(
        "decade",
        rf"(?:(?i:the)\s+)?(?:{EDGE}[- ]?\s*)?(?<![\d,.])(?P<dec>1[89]\d0|20\d0)(?:'|’)?s\b",
        _decade,
        first="12tTelmELM",
        needs=("digit",),
    ),
)
