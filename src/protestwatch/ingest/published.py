"""Publication dates as written by feeds, CMSs and people, to ``datetime.date``.

Accepted, in this order: ``date``/``datetime`` objects; ISO 8601 (``2021-03-27``,
``2021-03-27T10:00:00+06:00``: the calendar date as written, no timezone shift); compact
``20210327``; Unix timestamps in seconds or milliseconds (UTC); RFC 2822 (``Sat, 27 Mar 2021
10:00:00 +0000``); numeric ``27/03/2021``, ``27.03.2021``, ``27-03-2021`` (day first, month first
only when the first number cannot be a month: ``03/27/2021``), ``2021/03/27``; English month
names (``March 27, 2021``, ``27 Mar 2021``, ``Saturday, March 27, 2021``); then ``dateparser``
(English) for anything else that names a day, a month and a year.  A date before 1900 or more
than a year ahead is refused as implausible.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import functools
import re
from typing import Any

from protestwatch.errors import InputError

_ISO = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s_]|\b)")
_COMPACT = re.compile(r"\s*(\d{4})(\d{2})(\d{2})\s*$")
_EPOCH = re.compile(r"\s*(\d{10}|\d{13})(?:\.\d+)?\s*$")
_NUMERIC = re.compile(r"\s*(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})(?:$|[T\s,])")
_YMD_SLASH = re.compile(r"\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:$|[T\s,])")
_MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_MDY = re.compile(rf"(?:[a-z]+,?\s+)?{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_DMY = re.compile(
    rf"(?:[a-z]+,?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(\d{{4}})\b", re.I
)


def parse_published(value: Any, *, today: dt.date | None = None) -> dt.date:
    """The publication date written in ``value``; ``InputError`` naming the value if unparseable."""
    if isinstance(value, dt.datetime):
        return _plausible(value.date(), value, today)
    if isinstance(value, dt.date):
        return _plausible(value, value, today)
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise InputError(f"unparseable publication date {value!r}: write it as YYYY-MM-DD")
    text = str(value).strip()
    found = _parse_text(text) if text else None
    if found is None:
        raise InputError(
            f"unparseable publication date {text!r}: write it as YYYY-MM-DD"
            if text
            else "empty publication date: add `published` (YYYY-MM-DD) or pass --published"
        )
    return _plausible(found, value, today)


def _plausible(date: dt.date, value: Any, today: dt.date | None) -> dt.date:
    today = today or dt.date.today()
    if date.year < 1900 or date > today + dt.timedelta(days=366):
        raise InputError(
            f"implausible publication date {str(value)!r} (read as {date.isoformat()})"
        )
    return date


def _parse_text(text: str) -> dt.date | None:
    for parse in (_iso, _compact, _epoch, _rfc2822, _numeric, _month_name, _fallback):
        try:
            found = parse(text)
        except (ValueError, OverflowError, OSError):
            found = None
        if found is not None:
            return found
    return None


def _iso(text: str) -> dt.date | None:
    m = _ISO.match(text)
    return dt.date(int(m[1]), int(m[2]), int(m[3])) if m else None


def _compact(text: str) -> dt.date | None:
    m = _COMPACT.match(text)
    return dt.date(int(m[1]), int(m[2]), int(m[3])) if m else None


def _epoch(text: str) -> dt.date | None:
    m = _EPOCH.match(text)
    if not m:
        return None
    seconds = int(m[1]) / (1000 if len(m[1]) == 13 else 1)
    return dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc).date()


def _rfc2822(text: str) -> dt.date | None:
    if not re.search(r"\d{1,2}\s+[A-Za-z]{3}\s+\d{4}", text):
        return None
    parsed = email.utils.parsedate_tz(text)
    return dt.date(parsed[0], parsed[1], parsed[2]) if parsed else None


def _numeric(text: str) -> dt.date | None:
    m = _YMD_SLASH.match(text)
    if m:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    m = _NUMERIC.match(text)
    if not m:
        return None
    first, second, year = int(m[1]), int(m[3]), int(m[4])
    if first <= 31 and second <= 12:
        return dt.date(year, second, first)  # day first: 27/03/2021
    return dt.date(year, first, second)  # 03/27/2021: the first number cannot be a month


def _month_name(text: str) -> dt.date | None:
    m = _MDY.match(text.strip())
    if m:
        return dt.date(int(m[3]), _MONTHS[m[1].lower()], int(m[2]))
    m = _DMY.match(text.strip())
    if m:
        return dt.date(int(m[3]), _MONTHS[m[2].lower()], int(m[1]))
    return None


def _fallback(text: str) -> dt.date | None:
    if len(text) > 80 or not re.search(r"\d", text):
        return None
    parsed = _dateparser().parse(
        text,
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False},
    )
    return parsed.date() if parsed else None


@functools.lru_cache(maxsize=1)
def _dateparser() -> Any:
    import dateparser  # imported on first need: it is slow to import

    return dateparser
