"""Date rules for expressions relative to publication (or to the date mentioned before).

"on Tuesday", "last Saturday", "Friday night", "next Friday", "from Friday to Sunday",
"yesterday", "last night", "two days ago", "the day before", "a week later", "that same day",
"over the weekend", "last week", "earlier this month", "late last year", "the past two weeks",
"in recent days", "last summer", "in the spring".
"""

from __future__ import annotations

import datetime as dt
import re

from protestwatch.extract.date_calendar import (
    DAY,
    MONTH,
    WEEK,
    YEAR,
    DateContext,
    clip,
    day_range,
    season_ended_before,
    season_ending_from,
    season_started_by,
    season_starting_after,
    shift_date,
    this_season,
    unit_range,
    weekday_after,
    weekday_before,
    weekday_in_week,
    weekday_on_or_after,
    weekday_on_or_before,
    weekend,
    year_range,
)
from protestwatch.extract.date_lexicon import (
    DAYPART,
    EDGE,
    NUMBER,
    SEASON_WORD,
    VAGUE_NUMBERS,
    DateRule,
    number_value,
    rule,
    weekday,
    weekday_number,
    weekday_phrase,
    word_before,
)
from protestwatch.model import DatePrecision, DateRange

Match = re.Match[str]

_UNITS: dict[str, DatePrecision] = {
    "day": DAY, "night": DAY, "evening": DAY, "morning": DAY, "afternoon": DAY,
    "week": WEEK, "month": MONTH, "year": YEAR,
}  # fmt: skip
_COARSER = {DAY: WEEK, WEEK: MONTH, MONTH: YEAR, YEAR: YEAR}
_VAGUE_REACH = {DAY: 7, WEEK: 6, MONTH: 6, YEAR: 5}  # "a few days ago": 2 to 7 days ago
_TODAY_OFFSETS = {
    "the day before yesterday": -2, "the day after tomorrow": 2, "yesterday": -1, "today": 0,
    "tonight": 0, "tomorrow": 1, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "last night": -1, "earlier today": 0, "later today": 0,
}  # fmt: skip
_SEASON_PREPOSITIONS = frozenset(
    "in during over through throughout since until till by before after".split()
)
#: after "the day before" / "two weeks after": only a clause boundary (else it is "before X")
_CLAUSE_END = re.compile(r"\s*(?:[,.;:)!?]|$)|\s+(?:and|but|when|as|while)\b")
_BARE_SEASON_END = re.compile(
    r"\s*(?:[,.;:)!?]|$)|\s+(?:and|or|when|as|after|before|to|in|at|on|the|a|an|last|this|next"
    r"|until|while|but|with|amid)\b"
)
_THE_END_OF = r"the\s+(?:end|beginning|start|middle)\s+of"


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def _unit(word: str) -> DatePrecision:
    return _UNITS[word.lower().rstrip("s")]


def _ends_clause(m: Match) -> bool:
    return bool(_CLAUSE_END.match(m.string, m.end("m")))


def _offset(base: dt.date, amount: int, unit: DatePrecision, vague: bool) -> DateRange:
    """The ``unit`` that lies ``amount`` units from ``base`` (a coarser span when ``vague``)."""
    if not vague:
        return unit_range(shift_date(base, amount, unit), unit)
    sign = -1 if amount < 0 else 1
    near, far = shift_date(base, 2 * sign, unit), shift_date(base, _VAGUE_REACH[unit] * sign, unit)
    if unit is YEAR:
        return year_range(min(near, far).year, max(near, far).year)
    return DateRange(min(near, far), max(near, far), _COARSER[unit])


# -- weekdays ----------------------------------------------------------------------------------


def _weekday(m: Match, ctx: DateContext) -> DateRange | None:
    wd, rel = weekday_number(m["wd"]), _norm(m["rel"])
    if rel in ("the previous", "the following"):
        base = ctx.base(DAY, backwards=rel == "the previous")
        if base is None:
            return None
        found = weekday_before(base, wd) if rel == "the previous" else weekday_after(base, wd)
        return day_range(found)
    pub = ctx.published
    if pub is None:
        return None
    if rel in ("last", "past", "this past"):
        found = weekday_before(pub, wd)
    elif rel in ("next", "coming"):
        found = weekday_after(pub, wd)
    elif ctx.future:
        found = weekday_on_or_after(pub, wd)
    elif rel == "this":
        found = weekday_in_week(pub, wd)
    else:
        found = weekday_on_or_before(pub, wd)
    return day_range(found)


def _weekday_span(m: Match, ctx: DateContext) -> DateRange | None:
    """ "from Friday to Sunday": the first day as a bare weekday, the last the next such day."""
    pub = ctx.published
    if pub is None:
        return None
    first_wd = weekday_number(m["a1"] or m["a2"])
    first = (
        weekday_on_or_after(pub, first_wd) if ctx.future else weekday_on_or_before(pub, first_wd)
    )
    last = weekday_after(first, weekday_number(m["b"]))
    return day_range(first, last)


def _weekend(m: Match, ctx: DateContext) -> DateRange | None:
    pub, rel = ctx.published, _norm(m["rel"])
    if pub is None:
        return None
    if rel in ("last", "past", "this past"):
        return weekend(weekday_before(pub, 6) - dt.timedelta(days=1))
    if rel in ("this", "next"):
        return weekend(weekday_in_week(pub, 5) + dt.timedelta(days=7 if rel == "next" else 0))
    if ctx.future and pub.weekday() != 6:
        return weekend(weekday_on_or_after(pub, 5))
    return weekend(weekday_on_or_before(pub, 5))


# -- days, weeks, months and years -------------------------------------------------------------


def _today(m: Match, ctx: DateContext) -> DateRange | None:
    if ctx.published is None:
        return None
    return day_range(ctx.published + dt.timedelta(days=_TODAY_OFFSETS[_norm(m["w"])]))


def _unit_before_after(m: Match, ctx: DateContext) -> DateRange | None:
    """ "the day before", "the week after" (counted from the date mentioned before)."""
    if not _ends_clause(m):
        return None
    unit, backwards = _unit(m["unit"]), _norm(m["dir"]) in ("before", "prior", "earlier")
    base = ctx.base(unit, backwards)
    return None if base is None else _offset(base, -1 if backwards else 1, unit, False)


def _unit_neighbour(m: Match, ctx: DateContext) -> DateRange | None:
    """ "the previous day", "the following week", "the next year", "that same day"."""
    unit, word = _unit(m["unit"]), _norm(m["which"])
    amount = {"previous": -1, "preceding": -1, "following": 1, "next": 1}.get(word.split()[-1], 0)
    base = ctx.base(unit, backwards=amount <= 0)
    return None if base is None else _offset(base, amount, unit, False)


def _units_ago(m: Match, ctx: DateContext) -> DateRange | None:
    if ctx.published is None:
        return None
    n = _norm(m["n"])
    return _offset(ctx.published, -number_value(n), _unit(m["unit"]), n in VAGUE_NUMBERS)


def _units_apart(m: Match, ctx: DateContext) -> DateRange | None:
    """ "two days later", "a week earlier", "three years before," (from the date before)."""
    direction = _norm(m["dir"])
    if direction in ("before", "after", "prior") and not _ends_clause(m):
        return None
    n, unit = _norm(m["n"]), _unit(m["unit"])
    backwards = direction in ("before", "prior", "earlier")
    base = ctx.base(unit, backwards)
    if base is None:
        return None
    amount = number_value(n) * (-1 if backwards else 1)
    return _offset(base, amount, unit, n in VAGUE_NUMBERS)


def _relative_unit(m: Match, ctx: DateContext) -> DateRange | None:
    """ "last week", "this month", "earlier this week", "late last year", "next month"."""
    pub = ctx.published
    if pub is None:
        return None
    unit, rel, edge = _unit(m["unit"]), _norm(m["rel"]), _norm(m["edge"])
    value = _offset(pub, {"last": -1, "this": 0, "next": 1}[rel], unit, False)
    if rel == "this" and edge == "earlier":
        return clip(value, end=pub)
    if rel == "this" and edge == "later":
        return clip(value, start=pub)
    return value


def _past_units(m: Match, ctx: DateContext) -> DateRange | None:
    """ "the past week" (the seven days to publication), "the past two years", "recent days"."""
    pub = ctx.published
    if pub is None:
        return None
    word = m["unit"].lower()
    if word.startswith("hour"):
        return day_range(pub - dt.timedelta(days=1), pub)
    unit, n = _unit(word), _norm(m["n"])
    recent = bool(m["recent"]) or (not n and word.endswith("s"))  # "over the past years"
    if recent and unit not in (DAY, WEEK):
        return None  # "in recent years" is no date
    if recent or n in VAGUE_NUMBERS:
        start = shift_date(pub, -_VAGUE_REACH[unit], unit)
        return DateRange(start, pub, _COARSER[unit])
    start = shift_date(pub, -(number_value(n) if n else 1), unit)
    return DateRange(start, pub, unit)


def _season(m: Match, ctx: DateContext) -> DateRange | None:
    """ "last summer", "this spring", "in the fall", "during the winter"."""
    rel, name, pub = _norm(m["rel"]), m["season"].lower(), ctx.published
    if rel in ("", "the") and word_before(m) not in _SEASON_PREPOSITIONS:
        return None
    if rel == "" and (m["season"][0].isupper() or not _BARE_SEASON_END.match(m.string, m.end("m"))):
        return None  # "in winter months", "in spring water", "by Summer Jones"
    if pub is None:
        return None
    if rel in ("last", "past", "this past"):
        return season_ended_before(name, pub)
    if rel == "this":
        return this_season(name, pub)
    if rel == "next":
        return season_starting_after(name, pub)
    return season_ending_from(name, pub) if ctx.future else season_started_by(name, pub)


_UNIT_WORD = r"(?P<unit>(?i:days?|weeks?|months?|years?))"
_NOT_OF = r"(?!\s+(?i:of)\b)"

_NUMBER_FIRST = "0-9acfsotenACFSOTEN"  # a digit or a/couple/few/several/one/two/.../nine

RELATIVE_RULES: tuple[DateRule, ...] = (
    rule(
        "weekday",
        weekday_phrase(""),
        _weekday,
        first="A-Zltnpce",
        needs=("weekday",),
        anchored=True,
    ),
    rule(
        "weekday_span",
        rf"(?:(?i:from|between)\s+{weekday('a1')}{DAYPART}\s+(?i:to|through|thru|until|till|and)\s+"
        rf"|{weekday('a2')}(?:\s*[-–]\s*|\s+(?i:through|thru)\s+)){weekday('b')}{DAYPART}",
        _weekday_span,
        first="A-Zfb",
        needs=("weekday",),
    ),
    rule(
        "today",
        r"(?<!USA )(?P<w>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday"
        r"|today|tonight|tomorrow|this\s+morning|this\s+afternoon|this\s+evening|last\s+night"
        rf"|earlier\s+today|later\s+today))\b{DAYPART}",
        _today,
        first="tTyYlLeE",
        needs=("today",),
    ),
    rule(
        "unit_before_after",
        r"(?i:the)\s+(?P<unit>(?i:day|night|evening|week|month|year))\s+"
        r"(?P<dir>(?i:before|after|prior|earlier|later))",
        _unit_before_after,
        first="tT",
        needs=("unit",),
        anchored=True,
    ),
    rule(
        "unit_neighbour",
        r"(?P<which>(?i:the\s+previous|the\s+preceding|the\s+following|the\s+next|the\s+same"
        r"|(?:(?:earlier|later)\s+)?(?:that\s+same|that)|(?:earlier|later)\s+in\s+the))\s+"
        r"(?P<unit>(?i:day|night|evening|morning|afternoon|week|month|year))\b",
        _unit_neighbour,
        first="tTeElL",
        needs=("unit",),
        after=_NOT_OF,
        anchored=True,
    ),
    rule(
        "units_ago",
        rf"(?P<n>{NUMBER})\s+{_UNIT_WORD}\s+(?i:ago)\b",
        _units_ago,
        first=_NUMBER_FIRST,
        needs=("unit",),
    ),
    rule(
        "units_apart",
        rf"(?P<n>{NUMBER})\s+{_UNIT_WORD}\s+(?P<dir>(?i:earlier|before|prior|later|after))\b",
        _units_apart,
        first=_NUMBER_FIRST,
        needs=("unit",),
        anchored=True,
    ),
    rule(
        "relative_unit",
        rf"(?:(?P<edge>(?i:earlier|later|early|late|mid|{_THE_END_OF}))[- ]?\s*)?"
        r"(?<![Tt]he )(?P<rel>(?i:last|this|next))\s+(?P<unit>(?i:week|month|year))\b",
        _relative_unit,
        first="eElLmMtTnN",
        needs=("unit",),
        after=_NOT_OF,
    ),
    rule(
        "past_units",
        rf"(?:(?i:the\s+(?:past|last))\s+(?:(?P<n>{NUMBER})\s+)?|(?P<recent>(?i:recent))\s+)"
        r"(?P<unit>(?i:days?|weeks?|months?|years?|hours?))\b",
        _past_units,
        first="tTrR",
        needs=("unit",),
        after=_NOT_OF,
    ),
    rule(
        "weekend",
        r"(?P<rel>(?i:this\s+past|last|this|next|past|the))\s+(?i:weekend)\b",
        _weekend,
        first="tTlLnNpP",
        needs=("unit",),
        after=_NOT_OF,
    ),
    rule(
        "season",
        rf"(?:(?P<rel>(?i:this\s+past|last|this|next|past|the))\s+)?(?:{EDGE}[- ]?\s*)?"
        rf"(?P<season>{SEASON_WORD})\b",
        _season,
        first="tTlLnNpPeEmMsSfFaAwW",
        needs=("season",),
        after=_NOT_OF,
    ),
)
