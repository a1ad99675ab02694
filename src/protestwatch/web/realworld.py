"""Real-world events (clusters of reports) in plain SQL, and the small reads the web needs.

- ``Memberships``: which real-world event each report belongs to (loaded once per data version).
- ``page``, ``count``, ``aggregate``: the selection rules of the web's list, counts and
  aggregates, written the straightforward way: the reports are selected by the store's own filter
  clauses (``store.query.event_where``, ``order_by``, run with ``store.fetchall``, so every
  backend works) and folded into real-world events here.  A real-world event is selected when at
  least one of its reports matches the filter, and it sorts where its first matching report
  sorts.  They are the reference ``event_index.EventIndex`` (which answers in milliseconds) is
  tested against; on 100,000 reports they take a few hundred milliseconds.
- ``column_of``, ``titles``: a page's review states and headlines in one query each.
- ``data_marker``: a value that changes when the data shown changes.

A store that lists real-world events itself (``EventFilter.real_world``) would make the first
part unnecessary.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from protestwatch.errors import StoreError
from protestwatch.store.query import AGGREGATES, EventFilter, bucket, event_where, order_by

_TIME = ("day", "week", "month")
_CHUNK = 500  # ids per IN (...) list


@dataclass(frozen=True, slots=True)
class Memberships:
    """Which real-world event each clustered report belongs to, and how many reports each has."""

    cluster_of: Mapping[str, str] = field(default_factory=dict)
    members: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # clusters of 2 or more

    @classmethod
    def load(cls, store: Any) -> Memberships:
        rows = store.fetchall("SELECT event_id, cluster_id FROM cluster_members")
        cluster_of = {str(r[0]): str(r[1]) for r in rows}
        groups: dict[str, list[str]] = {}
        for event_id, cid in cluster_of.items():
            groups.setdefault(cid, []).append(event_id)
        return cls(cluster_of, {c: tuple(sorted(g)) for c, g in groups.items() if len(g) > 1})

    def members_of(self, cid: str) -> tuple[str, ...]:
        """The reports of a real-world event of several reports (empty for a single one)."""
        return self.members.get(cid, ())

    def cid(self, event_id: str) -> str:
        return self.cluster_of.get(event_id, event_id)

    def size(self, cid: str) -> int:
        return len(self.members.get(cid, ())) or 1


def _where(store: Any, flt: EventFilter) -> tuple[str, list[Any]]:
    fts_arg = store._fts_arg(flt.text) if flt.text else None  # the backend's form of the query
    clauses, args = event_where(flt, store.fts_article_ids, fts_arg)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", args


def _read(store: Any, sql: str, args: Sequence[Any], what: str) -> list[Any]:
    reader = getattr(store, "_read", None)  # turns a malformed full-text query into a StoreError
    return reader(sql, args, what) if callable(reader) else store.fetchall(sql, args)


def page(store: Any, members: Memberships, flt: EventFilter) -> list[tuple[str, str]]:
    """(cluster id, id of its first matching report) for ``flt``'s page of real-world events.

    Reports are read in ``flt``'s order, a growing window at a time, until the page is full."""
    where, args = _where(store, flt)
    order = order_by(flt, nulls_clause=getattr(store, "dialect", "") == "postgresql")
    sql = f"SELECT e.id FROM events e{where} ORDER BY {order} LIMIT ? OFFSET ?"
    want = flt.offset + (flt.limit if flt.limit is not None else 10**9)
    seen: dict[str, str] = {}
    read, window = 0, max(2 * want, 100)
    while len(seen) < want:
        rows = _read(store, sql, [*args, window, read], "list real-world events")
        for (event_id,) in rows:
            seen.setdefault(members.cid(str(event_id)), str(event_id))
            if len(seen) >= want:
                break
        read += len(rows)
        if len(rows) < window:
            break
        window *= 2
    return list(seen.items())[flt.offset : want]


def count(store: Any, members: Memberships, flt: EventFilter) -> int:
    where, args = _where(store, flt)
    rows = _read(store, f"SELECT e.id FROM events e{where}", args, "count real-world events")
    return len({members.cid(str(r[0])) for r in rows})


def aggregate(store: Any, members: Memberships, flt: EventFilter, by: str) -> list[tuple[str, int]]:
    """Real-world events per key of ``by``: a field's value in any of its matching reports (an
    event whose reports name two issues counts once under each), or the time bucket of the
    latest start date among its matching reports.  Sorted by key."""
    if by not in AGGREGATES:
        raise StoreError(f"cannot aggregate by {by!r}: use one of {', '.join(AGGREGATES)}")
    where, args = _where(store, flt)
    if by in _TIME:
        key, source = "e.date_start", "events e"
    elif by == "issue":
        key, source = "x.issue", "event_issues x JOIN events e ON e.id = x.event_id"
    elif by == "target_country":
        key, source = "x.country", "event_targets x JOIN events e ON e.id = x.event_id"
    else:  # a column of events, from the store's fixed list
        key, source = f"e.{by}", "events e"
    where = (where + " AND " if where else " WHERE ") + f"{key} IS NOT NULL"
    rows = _read(store, f"SELECT {key}, e.id FROM {source}{where}", args, f"aggregate by {by}")
    if by in _TIME:
        latest: dict[str, str] = {}
        for day, event_id in rows:
            cid = members.cid(str(event_id))
            if str(day) > latest.get(cid, ""):
                latest[cid] = str(day)
        counts = Counter(bucket(by, day) for day in latest.values())
    else:
        counts = Counter(k for k, _ in {(str(k), members.cid(str(i))) for k, i in rows})
    return sorted(counts.items())


def column_of(store: Any, ids: Sequence[str], column: str) -> dict[str, Any]:
    """``column`` (review or article_id) of the given reports, a few queries for a whole page."""
    if column not in ("review", "article_id"):
        raise ValueError(column)
    out: dict[str, Any] = {}
    unique = sorted(set(ids))
    for start in range(0, len(unique), _CHUNK):
        chunk = unique[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for r in store.fetchall(f"SELECT id, {column} FROM events WHERE id IN ({marks})", chunk):
            out[str(r[0])] = r[1]
    return out


def titles(store: Any, article_ids: Sequence[str]) -> dict[str, str | None]:
    """The titles of the given articles (without reading their texts)."""
    out: dict[str, str | None] = {}
    unique = sorted(set(article_ids))
    for start in range(0, len(unique), _CHUNK):
        chunk = unique[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for r in store.fetchall(f"SELECT id, title FROM articles WHERE id IN ({marks})", chunk):
            out[str(r[0])] = r[1]
    return out


def data_marker(store: Any) -> tuple[Any, ...]:
    """A value that changes when what the web shows changes: a run started or finished (ingest,
    coding, clustering), a human action (audit), an event written, a merge or split decided.
    A few index look-ups; logins and token use (which write their own tables) leave it alone."""
    row = store.fetchone(
        "SELECT (SELECT MAX(id) FROM runs), (SELECT finished_at FROM runs ORDER BY id DESC LIMIT 1), "
        "(SELECT MAX(id) FROM audit), (SELECT MAX(updated_at) FROM events), "
        "(SELECT MAX(id) FROM cluster_decisions)"
    )
    return tuple(row) if row is not None else ()
