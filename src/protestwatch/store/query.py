"""Event filters, sort orders and aggregations, as parameterised SQL both backends understand.

``event_where`` turns an ``EventFilter`` into WHERE clauses over ``events e``; ``event_query``
adds the select list, the order and the page.  Only column names from fixed tables here are ever
put into SQL text; every value is a parameter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from protestwatch.errors import StoreError

#: Sort keys of ``EventFilter.sort`` and the columns (ties broken left to right) they order by.
SORTS: dict[str, tuple[str, ...]] = {
    "date_start": ("e.date_start", "e.country", "e.locality", "e.id"),
    "confidence": ("e.confidence", "e.id"),
    "country": ("e.country", "e.date_start", "e.id"),
    "size": ("e.size_low", "e.id"),
    "updated_at": ("e.updated_at", "e.id"),
}

#: Review states of an event: the machine's coding, or the last human decision about it.
REVIEW_VALUES = ("machine", "accepted", "rejected", "corrected")

#: What ``aggregate`` can count by: time buckets of ``date_start``, or a field.
AGGREGATES = (
    "day", "week", "month", "country", "admin1", "issue", "target_country", "form",
    "sub_event_type", "review",
)  # fmt: skip
_COLUMN_AGGREGATES = ("country", "admin1", "form", "sub_event_type", "review")


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to list, and in which order.  Every criterion is optional; dates are ISO
    strings or dates.  ``organizer`` matches a case-insensitive part of any organizer's name;
    ``text`` is a full-text query over the source articles; ``sort`` is one of ``SORTS`` (missing
    values order first, before any other value)."""

    country: str | None = None
    admin1: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    form: str | None = None
    issue: str | None = None
    target_country: str | None = None
    status: str | None = None
    report: str | None = None
    min_confidence: float | None = None
    article_id: str | None = None
    text: str | None = None  # full-text query over the source articles
    include_rejected: bool = False
    limit: int | None = None
    offset: int = 0
    sub_event_type: str | None = None
    organizer: str | None = None
    review: str | None = None  # machine | accepted | rejected | corrected
    sort: str = "date_start"
    descending: bool = False


#: The criteria that are not a filter (they say what to include, or how to order and page).
_NOT_FILTERS = ("include_rejected", "review", "limit", "offset", "sort", "descending")


def by_id_lists(flt: EventFilter) -> bool:
    """Whether ``flt`` selects events by a list of ids (issue, target, organizer, full text):
    then looking each listed event up is cheaper than reading every event."""
    return bool(flt.issue or flt.target_country or (flt.organizer and flt.organizer.strip()) or flt.text)


def only_review(flt: EventFilter) -> bool:
    """Whether ``flt`` selects by review state alone (the dashboard's first view)."""
    return all(
        getattr(flt, name) in (None, "") for name in flt.__dataclass_fields__ if name not in _NOT_FILTERS
    )


def review_where(flt: EventFilter, alias: str) -> tuple[list[str], list[Any]]:
    """The review-state condition of ``flt`` on ``alias.review``."""
    if flt.review:
        if flt.review not in REVIEW_VALUES:
            raise StoreError(f"review state {flt.review!r} is not one of {', '.join(REVIEW_VALUES)}")
        return [f"{alias}.review = ?"], [flt.review]  # asking for rejected events includes them
    return ([], []) if flt.include_rejected else ([f"{alias}.review != 'rejected'"], [])


def like_pattern(fragment: str) -> str:
    """A LIKE pattern (escape character ``\\``) matching any text that contains ``fragment``."""
    escaped = fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def event_where(flt: EventFilter, fts_sql: str, fts_arg: Any) -> tuple[list[str], list[Any]]:
    """The WHERE clauses (over ``events e``) and their parameters for ``flt``.  ``fts_sql`` is
    the backend's sub-query selecting the ids of the articles matching one parameter, and
    ``fts_arg`` that parameter (the backend's form of ``flt.text``)."""
    where, args = review_where(flt, "e")

    def add(clause: str, *values: Any) -> None:
        where.append(clause)
        args.extend(values)

    for column in ("country", "admin1", "form", "status", "report", "sub_event_type"):
        value = getattr(flt, column)
        if value:
            add(f"e.{column} = ?", value)
    if flt.date_from:
        add("e.date_end >= ?", str(flt.date_from))
    if flt.date_to:
        add("e.date_start <= ?", str(flt.date_to))
    if flt.min_confidence is not None:
        add("e.confidence >= ?", flt.min_confidence)
    if flt.article_id:
        add("e.article_id = ?", flt.article_id)
    if flt.issue:
        add("e.id IN (SELECT i.event_id FROM event_issues i WHERE i.issue = ?)", flt.issue)
    if flt.target_country:
        add("e.id IN (SELECT t.event_id FROM event_targets t WHERE t.country = ?)", flt.target_country)
    if flt.organizer and flt.organizer.strip():
        add(
            "e.id IN (SELECT o.event_id FROM event_organizers o WHERE o.name_key IN "
            "(SELECT n.name_key FROM organizer_names n WHERE n.name_key LIKE ? ESCAPE '\\'))",
            like_pattern(flt.organizer.strip().casefold()),
        )
    if flt.text:
        add(f"e.article_id IN ({fts_sql})", fts_arg)
    return where, args


_NOT_NULL = ("e.id", "e.updated_at")  # (a NULLS clause on them would keep PostgreSQL off the index)


def order_by(flt: EventFilter, nulls_clause: bool) -> str:
    """The ORDER BY list for ``flt.sort``; ``nulls_clause`` spells out SQLite's rule (missing
    values first when ascending, last when descending) for a backend whose default differs."""
    columns = SORTS.get(flt.sort)
    if columns is None:
        raise StoreError(f"cannot sort by {flt.sort!r}: sort by one of {', '.join(SORTS)}")
    direction = " DESC" if flt.descending else ""
    nulls = (" NULLS LAST" if flt.descending else " NULLS FIRST") if nulls_clause else ""
    return ", ".join(f"{c}{direction}{nulls if c not in _NOT_NULL else ''}" for c in columns)


def event_query(flt: EventFilter, fts_sql: str, fts_arg: Any, *, count: bool = False,
                nulls_clause: bool = False, source: str = "events e",
                page_first: bool = False) -> tuple[str, list[Any]]:  # fmt: skip
    """SQL listing (or counting) the events ``flt`` selects: ``SELECT e.data`` in ``flt``'s order
    and page, or ``SELECT COUNT(*)``.  ``source`` is ``events e`` with the backend's index hint,
    if any.  ``page_first`` picks the page's ids from ``source`` (an index holding the filter and
    sort columns) before reading the wide rows of that page only."""
    where, args = event_where(flt, fts_sql, fts_arg)
    condition = " WHERE " + " AND ".join(where) if where else ""
    if count:
        return f"SELECT COUNT(*) FROM {source}{condition}", args
    order = " ORDER BY " + order_by(flt, nulls_clause)
    page = ""
    if flt.limit is not None:
        if flt.limit < 0 or flt.offset < 0:
            raise StoreError("limit and offset must not be negative")
        page = " LIMIT ? OFFSET ?"
        args.extend([int(flt.limit), int(flt.offset)])
    if page_first and page:
        return (f"SELECT e.data FROM events e WHERE e.id IN (SELECT e.id FROM {source}{condition}{order}{page})"
                f"{order}"), args  # fmt: skip
    return f"SELECT e.data FROM {source}{condition}{order}{page}", args


def aggregate_query(flt: EventFilter, by: str, fts_sql: str, fts_arg: Any, *,
                    source: str = "events e") -> tuple[str, list[Any]]:  # fmt: skip
    """SQL counting the selected events per key of ``by`` (per ``date_start`` for the time
    buckets, which ``fold`` then folds; missing keys are dropped by ``fold``).  ``source`` is
    ``events e`` with the backend's index hint, if any."""
    if by not in AGGREGATES:
        raise StoreError(f"cannot aggregate by {by!r}: use one of {', '.join(AGGREGATES)}")
    where, args = event_where(flt, fts_sql, fts_arg)
    condition = " WHERE " + " AND ".join(where) if where else ""
    if by in ("day", "week", "month", *_COLUMN_AGGREGATES):
        key = "e.date_start" if by in ("day", "week", "month") else f"e.{by}"
        return f"SELECT {key}, COUNT(*) FROM {source}{condition} GROUP BY {key}", args
    table, key = ("event_issues", "issue") if by == "issue" else ("event_targets", "country")
    if only_review(flt):  # the list rows carry the review state: no need to read the events
        where, args = review_where(flt, "x")
        condition = " WHERE " + " AND ".join(where) if where else ""
        return f"SELECT x.{key}, COUNT(*) FROM {table} x{condition} GROUP BY x.{key}", args
    sql = (f"SELECT x.{key}, COUNT(*) FROM {table} x WHERE x.event_id IN "
           f"(SELECT e.id FROM {source}{condition}) GROUP BY x.{key}")  # fmt: skip
    return sql, args


def bucket(by: str, day: str) -> str:
    """The key of the time bucket holding ``day`` (an ISO date): the day, the ISO week's Monday,
    or the first of the month."""
    if by == "day":
        return day[:10]
    if by == "month":
        return day[:7] + "-01"
    date = dt.date.fromisoformat(day[:10])
    return (date - dt.timedelta(days=date.weekday())).isoformat()


def fold(by: str, rows: list[tuple[Any, int]]) -> list[tuple[str, int]]:
    """Counts per key (time buckets folded from counts per day), sorted by key."""
    counts: dict[str, int] = {}
    for key, n in rows:
        if key is None:
            continue
        name = bucket(by, str(key)) if by in ("day", "week", "month") else str(key)
        counts[name] = counts.get(name, 0) + int(n)
    return sorted(counts.items())
