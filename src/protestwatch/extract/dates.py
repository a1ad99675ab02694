"""Date expressions: find them in a text and resolve them against the publication date.

Public functions::

    find_dates(text, published, *, span=None, prefer="past") -> list[DateMention]
    resolve_date(expression, published, *, prefer="past") -> DateRange | None

How it works.  Every rule (a regular expression compiled at import and a resolver;
:mod:`.date_explicit` for calendar expressions, :mod:`.date_relative` for the ones relative to
publication) is run over the text; each match that its resolver accepts is a candidate.  The
longest candidates win, without overlaps ("Last Saturday (March 27)" is one mention, whose
explicit date wins over the weekday).  Expressions relative to another date ("the day before",
"two days later", "that same day") are then resolved again in text order, against the date
mentioned just before them.  Explicit-looking leftovers that no rule read ("27-Mar-2021") go to
dateparser.  Calendar conventions (weeks, seasons, picking a year) are in :mod:`.date_calendar`.

``prefer="past"`` reads bare weekdays and months as the latest one on or before publication and
puts a year-less date that would fall more than four weeks after publication in the year before;
``prefer="future"`` (sentences about planned events) reads them as the next one.  Without a
publication date only expressions that carry their year are resolved.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import logging
import re
from dataclasses import dataclass

from protestwatch.extract.date_calendar import (
    DAY,
    MONTH,
    WEEK,
    YEAR,
    DateContext,
    day_range,
    month_range,
    week_of,
    year_range,
)
from protestwatch.extract.date_explicit import EXPLICIT_RULES
from protestwatch.extract.date_lexicon import MONTH_ANY, DateRule, scan_keys
from protestwatch.extract.date_relative import RELATIVE_RULES
from protestwatch.model import DateMention, DatePrecision, DateRange, Span

__all__ = ["RULES", "find_dates", "resolve_date"]

logger = logging.getLogger(__name__)

#: every rule, explicit ones first (the order breaks ties between equally long matches)
RULES: tuple[DateRule, ...] = EXPLICIT_RULES + RELATIVE_RULES

_PREFERENCES = ("past", "future")
_WINDOW = 48  # the longest lead before a rule's key word: "between the 30th and the 31st of "

#: explicit-looking dates no rule reads, for dateparser: "27-Mar-2021", "Mar 27th '21"
_LOOSE = re.compile(
    rf"(?<![\w.])(?:\d{{1,2}}(?:st|nd|rd|th)?[\s./-]*{MONTH_ANY}[\s./,-]*\d{{2,4}}"
    rf"|{MONTH_ANY}[\s./,-]+(?:(?i:the)\s+)?\d{{1,2}}(?:st|nd|rd|th)?(?:[\s,./'’-]+\d{{2,4}})?)"
    r"(?![\w])"
)
_LOOSE_FIRST = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_HAS_YEAR = re.compile(r"\d{4}|[-/.'’]\d\d\b")
#: a month name in any case next to a number: worth asking dateparser ("march 27")
_LOOKS_EXPLICIT = re.compile(
    r"(?i:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march"
    r"|april|june|july|august|september|october|november|december)\b\.?)[\s./,-]*\d"
    r"|\d[\s./-]*(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
)
_PERIODS: dict[str, DatePrecision] = {"day": DAY, "week": WEEK, "month": MONTH, "year": YEAR}


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    order: int
    value: DateRange
    rule: DateRule | None = None
    match: re.Match[str] | None = None

    def overlaps(self, other: _Candidate) -> bool:
        return self.start < other.end and other.start < self.end


def find_dates(
    text: str,
    published: dt.date | None,
    *,
    span: Span | None = None,
    prefer: str = "past",
) -> list[DateMention]:
    """Every date expression in ``text`` (or only inside ``span``), resolved, in text order.

    Spans are absolute offsets into ``text``; mentions do not overlap.  An expression that cannot
    be resolved (a weekday without ``published``) is left out.
    """
    ctx = _context(published, prefer)
    start, end = (span.start, span.end) if span is not None else (0, len(text))
    keys, word_starts = scan_keys(text, start, end)
    chosen = _select(_candidates(text, end, ctx, keys, word_starts))
    if "month" in keys:
        chosen += _dateparser_candidates(text, end, ctx, chosen, (keys["month"], word_starts))
    return _mentions(text, chosen, ctx)


def resolve_date(
    expression: str, published: dt.date | None, *, prefer: str = "past"
) -> DateRange | None:
    """The date that ``expression`` ("last Saturday", "in the fall of 2019", "March") denotes.

    When the expression holds several dates, the longest one's value is returned; a bare month,
    year or season is read as if preceded by "in".
    """
    ctx = _context(published, prefer)
    mentions = find_dates(expression, published, prefer=prefer)
    if mentions:
        return max(mentions, key=lambda m: (m.span.end - m.span.start, -m.span.start)).value
    whole = expression.strip()
    for mention in find_dates("in " + whole, published, prefer=prefer):
        if mention.text == whole:
            return mention.value
    if _LOOKS_EXPLICIT.search(expression):
        return _parse_with_dateparser(expression.strip(), ctx)
    return None


# -- steps -------------------------------------------------------------------------------------


def _context(published: dt.date | None, prefer: str) -> DateContext:
    if prefer not in _PREFERENCES:
        raise ValueError(f"prefer must be 'past' or 'future', not {prefer!r}")
    if isinstance(published, dt.datetime):
        published = published.date()
    return DateContext(published, prefer)


def _candidates(
    text: str, end: int, ctx: DateContext, keys: dict[str, list[int]], word_starts: list[int]
) -> list[_Candidate]:
    found: list[_Candidate] = []
    for order, date_rule in enumerate(RULES):
        if not all(need in keys for need in date_rule.needs):
            continue
        key_positions = keys[date_rule.needs[0]]
        for match in _matches(
            date_rule.pattern, date_rule.first, text, end, key_positions, word_starts
        ):
            m_start, m_end = match.span("m")
            value = date_rule.resolve(match, ctx) if m_start < m_end else None
            if value is not None:
                found.append(_Candidate(m_start, m_end, order, value, date_rule, match))
    return found


def _matches(
    pattern: re.Pattern[str],
    first: frozenset[str],
    text: str,
    end: int,
    keys: list[int],
    word_starts: list[int],
) -> list[re.Match[str]]:
    """A rule's matches, tried only at the word starts a little before each of its keys.

    The same as ``pattern.finditer`` for these patterns (a match starts with a character of
    ``first`` at a word start and holds its first key within ``_WINDOW`` characters of its
    start), and several times faster.
    """
    found = []
    done = 0
    match_at = pattern.match
    for k in keys:
        if k < done:
            continue
        low = bisect.bisect_left(word_starts, max(done, k - _WINDOW))
        high = bisect.bisect_right(word_starts, k)
        for pos in word_starts[low:high]:
            if text[pos] not in first:
                continue
            match = match_at(text, pos, end)
            if match is not None and match.end() > k:
                found.append(match)
                done = match.end()
                break
    return found


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """The longest candidates first, then the earliest, then the first rule; no overlaps."""
    chosen: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.start, c.order)):
        if not any(cand.overlaps(other) for other in chosen):
            chosen.append(cand)
    return chosen


def _mentions(text: str, chosen: list[_Candidate], ctx: DateContext) -> list[DateMention]:
    """Mentions in text order; anchored expressions counted from the date mentioned before."""
    mentions = []
    anchor: DateRange | None = None
    for cand in sorted(chosen, key=lambda c: c.start):
        value = cand.value
        if anchor is not None and cand.rule is not None and cand.rule.anchored:
            assert cand.match is not None
            value = cand.rule.resolve(cand.match, dataclasses.replace(ctx, anchor=anchor)) or value
        mentions.append(DateMention(Span(cand.start, cand.end), text[cand.start : cand.end], value))
        anchor = value
    return mentions


# -- dateparser, for explicit forms no rule reads ----------------------------------------------


def _dateparser_candidates(
    text: str,
    end: int,
    ctx: DateContext,
    chosen: list[_Candidate],
    keys: tuple[list[int], list[int]],
) -> list[_Candidate]:
    """Explicit-looking dates around month names that no rule read, as dateparser reads them."""
    found: list[_Candidate] = []
    for match in _matches(_LOOSE, _LOOSE_FIRST, text, end, *keys):
        probe = _Candidate(match.start(), match.end(), len(RULES), day_range(dt.date.min))
        if any(probe.overlaps(other) for other in chosen + found):
            continue
        value = _parse_with_dateparser(match.group(), ctx)
        if value is not None:
            found.append(dataclasses.replace(probe, value=value))
    return found


def _parse_with_dateparser(expression: str, ctx: DateContext) -> DateRange | None:
    """dateparser's reading of an explicit date, at the precision it reports."""
    if ctx.published is None and not _HAS_YEAR.search(expression):
        return None
    from dateparser.date import DateDataParser  # imported on first use: 0.1 s

    settings: dict[str, object] = {"PREFER_DATES_FROM": ctx.prefer}
    if ctx.published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(ctx.published, dt.time())
    try:
        data = DateDataParser(languages=["en"], settings=settings).get_date_data(expression)
    except Exception as exc:  # noqa: BLE001 - a text dateparser chokes on is just not a date
        logger.debug("dateparser failed on %r: %s", expression, exc)
        return None
    if data.date_obj is None or not 1800 <= data.date_obj.year <= 2099:
        return None
    day = data.date_obj.date()
    precision = _PERIODS.get(data.period or "day", DAY)
    if precision is YEAR:
        return year_range(day.year)
    if precision is MONTH:
        return month_range(day.year, day.month)
    return week_of(day) if precision is WEEK else day_range(day)
