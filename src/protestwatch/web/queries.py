"""What the web routes ask of the library: each function takes the request's settled parameters,
calls the store (or ``store.clusters``) and returns JSON-ready data.

The unit of the list, the map and the aggregates is the real-world event (a cluster of the
per-article reports; a report not yet clustered stands alone under its own id).  When the store
can list real-world events itself (``EventFilter.real_world``), it does; otherwise the in-memory
column index of the reports (``event_index.py``) answers the list, count and aggregate questions.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from protestwatch.dedup.reconcile import ReconciledEvent, reconcile
from protestwatch.errors import StoreError
from protestwatch.model import EVENT_FIELDS, Article, Event
from protestwatch.store import AGGREGATES, EventFilter
from protestwatch.store import SORTS as STORE_SORTS
from protestwatch.store import clusters as cl
from protestwatch.web import realworld
from protestwatch.web import serialize as ser
from protestwatch.web.context import WebContext
from protestwatch.web.event_index import EventIndex

logger = logging.getLogger(__name__)

_FILTER_FIELDS = {f.name for f in dataclasses.fields(EventFilter)}
SORTS: tuple[str, ...] = tuple(STORE_SORTS)
AGGREGATE_BY: tuple[str, ...] = tuple(AGGREGATES)
FACETS: tuple[str, ...] = ("country", "form", "sub_event_type", "issue", "target_country", "review")
#: Fields a person may set (the codebook's fields).
EDITABLE_FIELDS: tuple[str, ...] = EVENT_FIELDS


class NotFound(LookupError):
    """No such event or article."""


class Unsupported(StoreError):
    """The store in use cannot answer this (an older store without the needed method)."""


class Invalid(ValueError):
    """A request that names something impossible (an unknown field, a span outside the text)."""


@dataclass(frozen=True, slots=True)
class Filters:
    """The event filters of the API (all optional; see docs/api.md)."""

    country: str | None = None
    admin1: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    form: str | None = None
    sub_event_type: str | None = None
    issue: str | None = None
    target_country: str | None = None
    organizer: str | None = None
    status: str | None = None
    report: str | None = None
    min_confidence: float | None = None
    review: str | None = None
    q: str | None = None

    def key(self) -> tuple[Any, ...]:
        return dataclasses.astuple(self)

    def event_filter(self, **extra: Any) -> EventFilter:
        """The store's filter for these criteria (``extra``: limit, offset, sort ...)."""
        values: dict[str, Any] = {
            k: v for k, v in dataclasses.asdict(self).items() if k != "q" and v not in (None, "")
        }
        if self.q:
            values["text"] = self.q
        if self.review == "rejected":
            values["include_rejected"] = True
        values.update({k: v for k, v in extra.items() if v is not None})
        missing = sorted(set(values) - _FILTER_FIELDS)
        if missing:
            raise Unsupported(f"this database's store cannot filter by {', '.join(missing)}")
        return EventFilter(**values)


def real_world_supported() -> bool:
    return "real_world" in _FILTER_FIELDS


def _sort_args(sort: str, order: str) -> dict[str, Any]:
    if "sort" not in _FILTER_FIELDS:
        return {}
    return {"sort": sort, "descending": order == "desc"}


# -- listing ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Row:
    """One real-world event of a page: its id, headline event, number of reports."""

    cluster: str
    event: Event
    sources: int


def _rows(store: Any, events: Sequence[Event]) -> list[Row]:
    """The page's events as real-world events (reports of one cluster folded into one row)."""
    info_of = getattr(store, "cluster_stats", None) or getattr(store, "cluster_info", None)
    info: dict[str, Any] = info_of([e.id for e in events]) if callable(info_of) else {}
    rows, seen = [], set()
    for e in events:
        if e.id in info:
            cid, n = info[e.id].get("cluster") or e.id, int(info[e.id].get("sources") or 1)
        else:
            cid = cl.cluster_of(store, e.id) or e.id
            n = max(1, len(cl.members(store, cid))) if cid != e.id else 1
        if cid not in seen:
            seen.add(cid)
            rows.append(Row(cid, e, n))
    return rows


def _reconcile(store: Any, name: str) -> ReconciledEvent | None:
    rec = cl.reconciled_event(store, name)
    if rec is not None:
        return rec
    event = store.get_event(name)
    return reconcile(name, [event]) if event is not None else None


def _titles(store: Any, article_ids: Iterable[str]) -> dict[str, str | None]:
    ids = sorted({a for a in article_ids if a})
    batch = getattr(store, "article_titles", None)
    return dict(batch(ids)) if callable(batch) else realworld.titles(store, ids)


def summaries(ctx: WebContext, store: Any, rows: Sequence[Row]) -> list[dict[str, Any]]:
    """EventSummary dicts for ``rows``: the values of the report the row is sorted by (the
    event page shows the reconciled values), the number of reports and of fields on which they
    disagree, and the review state of the real-world event (from all its reports)."""
    members = memberships(ctx, store)
    stats = _cluster_stats(store, [r.event.id for r in rows])
    everyone = {r.cluster: members.members_of(r.cluster) or (r.event.id,) for r in rows}
    states = realworld.column_of(store, [m for ids in everyone.values() for m in ids], "review")
    titles = _titles(store, (r.event.sources[0].article_id for r in rows if r.event.sources))
    out = []
    for row in rows:
        first = row.event.sources[0].article_id if row.event.sources else None
        out.append(ser.event_summary(
            row.event, event_id=row.cluster, sources=row.sources,
            disagreements=int(stats.get(row.event.id, {}).get("disagreements") or 0),
            review=ser.combined_review(states.get(m) for m in everyone[row.cluster]),
            title=titles.get(first) if first else None,
        ))  # fmt: skip
    return out


def _cluster_stats(store: Any, ids: list[str]) -> dict[str, Any]:
    stats = getattr(store, "cluster_stats", None)
    return stats(ids) if callable(stats) else {}


def event_index(ctx: WebContext, store: Any) -> EventIndex:
    """The column index of every report, built once per data version (one thread builds it)."""
    return ctx.remember("index", lambda: EventIndex(store, memberships(ctx, store)),  # type: ignore[no-any-return]
                        seconds=3600, exclusive=True)


def memberships(ctx: WebContext, store: Any) -> realworld.Memberships:
    """Report → real-world event, loaded once per data version."""
    return ctx.remember("members", lambda: realworld.Memberships.load(store))  # type: ignore[no-any-return]


def _list_filter(filters: Filters, **extra: Any) -> EventFilter:
    if real_world_supported():
        extra["real_world"] = True
    return filters.event_filter(**extra)


def _page_rows(store: Any, flt: EventFilter, ctx: WebContext) -> list[Row]:
    """One page of real-world events: by the store itself when it can list them, else through
    ``realworld`` (reports selected by the store's SQL, folded by cluster)."""
    if real_world_supported():
        return _rows(store, _events(store, flt))
    _check_text(store, flt)
    members = memberships(ctx, store)
    rows = []
    for cid, head in event_index(ctx, store).page(store, flt):
        event = store.get_event(head)
        if event is not None:
            rows.append(Row(cid, event, members.size(cid)))
    return rows


def _count(store: Any, flt: EventFilter, ctx: WebContext) -> int:
    """The number of real-world events ``flt`` selects (cached: every page and order of one
    filter shares it)."""
    flt = dataclasses.replace(flt, limit=None, offset=0, sort="date_start", descending=False)

    def make() -> int:
        if real_world_supported():
            return int(store.count_events(flt))
        return event_index(ctx, store).count(store, flt)

    return ctx.remember(("count", flt), make)  # type: ignore[no-any-return]


def list_events(
    ctx: WebContext, filters: Filters, *, page: int, per_page: int, sort: str, order: str
) -> dict[str, Any]:
    store = ctx.store()
    flt = _list_filter(filters, limit=per_page, offset=(page - 1) * per_page, **_sort_args(sort, order))
    rows = _page_rows(store, flt, ctx)
    items = summaries(ctx, store, rows)
    return {"total": _count(store, flt, ctx), "page": page, "per_page": per_page, "items": items}


def _check_text(store: Any, flt: EventFilter) -> None:
    if flt.text and hasattr(store, "search_articles"):
        store.search_articles(flt.text, limit=1)  # a malformed query is the caller's error


def _events(store: Any, flt: EventFilter) -> list[Event]:
    _check_text(store, flt)
    return list(store.events(flt))


def geojson(ctx: WebContext, filters: Filters, *, limit: int, sort: str, order: str) -> dict[str, Any]:
    store = ctx.store()
    flt = _list_filter(filters, limit=limit, offset=0, **_sort_args(sort, order))
    items = summaries(ctx, store, _page_rows(store, flt, ctx))
    return {"type": "FeatureCollection", "features": [ser.feature(s) for s in items]}


def aggregate(ctx: WebContext, filters: Filters, by: str) -> dict[str, Any]:
    store = ctx.store()
    flt = _list_filter(filters)
    _check_text(store, flt)
    if real_world_supported():
        buckets = store.aggregate(flt, by)
    else:
        buckets = event_index(ctx, store).aggregate(store, flt, by)
    return {"by": by, "buckets": [{"key": "" if k is None else str(k), "count": int(n)} for k, n in buckets]}


def facets(ctx: WebContext, filters: Filters) -> dict[str, Any]:
    """Counts per value of each facet, each computed without that facet's own filter (so a
    chosen value keeps its alternatives visible)."""
    out = {}
    for facet in FACETS:
        own = dataclasses.replace(filters, **{facet: None}) if hasattr(filters, facet) else filters
        buckets = aggregate(ctx, own, facet)["buckets"]
        out[facet] = sorted(buckets, key=lambda b: (-b["count"], b["key"]))
    return out


def review_queue(ctx: WebContext, *, page: int, per_page: int) -> dict[str, Any]:
    store = ctx.store()
    if not hasattr(store, "review_queue"):
        raise Unsupported("this database's store has no review queue")
    offset = (page - 1) * per_page
    found = store.review_queue(per_page, offset)
    counter = getattr(store, "count_review_queue", None)
    if callable(counter):
        total = int(counter())
    else:  # without a count: at least what we know is there
        total = offset + len(found) + (1 if len(found) == per_page and store.review_queue(1, offset + per_page) else 0)
    rows = []
    for event, info in found:
        n = int(info.get("sources") or 1)
        cid = info.get("cluster") or (cl.cluster_of(store, event.id) or event.id)
        rows.append(Row(cid, event, n))
    return {"total": total, "page": page, "per_page": per_page, "items": summaries(ctx, store, rows)}


# -- one event --------------------------------------------------------------------------------


def event_detail(ctx: WebContext, name: str) -> dict[str, Any]:
    """Everything about one real-world event (named by its id or a report's id)."""
    store = ctx.store()
    rec = _reconcile(store, name)
    if rec is None:
        raise NotFound(f"no event {name!r}")
    members = [e for e in (store.get_event(m) for m in rec.members) if e is not None]
    articles: dict[str, Article | None] = {}
    for e in members:
        for s in e.sources:
            if s.article_id not in articles:
                articles[s.article_id] = store.get_article(s.article_id)
    ids = {rec.id, *rec.members}
    review = ser.combined_review(store.review_state(m) for m in rec.members)
    corrections = [c for m in rec.members for c in store.corrections(m)]
    decisions = [d for d in cl.decisions(store) if ids & (set(d.part_a) | set(d.part_b))]
    detail = ser.event_detail(rec, members=members, articles=articles, review=review,
                              history=_history(store, ids), corrections=corrections,
                              decisions=decisions)  # fmt: skip
    if ctx.public:  # a published dataset does not name its reviewers
        for key in ("history", "corrections", "decisions"):
            detail[key] = _anonymous(detail[key])
    return detail


_PEOPLE = ("actor", "author")


def _anonymous(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: ("a reviewer" if k in _PEOPLE and v else v) for k, v in r.items()} for r in rows]


def _history(store: Any, ids: Iterable[str]) -> list[dict[str, Any]]:
    reader = getattr(store, "audit_log", None)
    if not callable(reader):
        return []
    rows: dict[Any, dict[str, Any]] = {}
    for event_id in sorted(ids):
        for row in reader(event_id=event_id, limit=500):
            rows[row.get("id", len(rows))] = dict(row)
    return sorted(rows.values(), key=lambda r: (str(r.get("at") or ""), str(r.get("id"))))


def audit(ctx: WebContext, event_id: str | None, *, limit: int, offset: int) -> dict[str, Any]:
    store = ctx.store()
    if not hasattr(store, "audit_log"):
        raise Unsupported("this database's store keeps no audit log")
    if event_id:
        rec = _reconcile(store, event_id)
        ids = {event_id, *(rec.members if rec else ()), *((rec.id,) if rec else ())}
        items = _history(store, ids)[::-1][offset : offset + limit]  # newest first
    else:
        items = [dict(r) for r in store.audit_log(limit=limit, offset=offset)]
    return {"items": _anonymous(items) if ctx.public else items}


def article(ctx: WebContext, article_id: str) -> dict[str, Any]:
    found = ctx.store().get_article(article_id)
    if found is None:
        raise NotFound(f"no article {article_id!r}")
    return ser.article_full(found)


# -- human decisions ----------------------------------------------------------------------------


def _members(store: Any, name: str) -> tuple[str, list[str]]:
    """The real-world event named by ``name`` and its reports' ids."""
    cid = cl.cluster_of(store, name)
    if cid is not None:
        return cid, cl.members(store, cid)
    if store.get_event(name) is None:
        raise NotFound(f"no event {name!r}")
    return name, [name]


def review(ctx: WebContext, name: str, decision: str, *, author: str, note: str | None) -> str:
    """Accept an event, or reject it as not a protest: every report of it gets the decision."""
    store = ctx.store()
    cid, ids = _members(store, name)
    state = {"accept": "accepted", "reject": "rejected"}[decision]
    try:
        for event_id in ids:
            store.correct(event_id, "_review", state, author=author, note=note)
    finally:
        ctx.cache.clear()
    return cid


def edit_field(ctx: WebContext, name: str, field: str, value: Any, *, author: str,
               note: str | None, evidence: dict[str, Any] | None) -> str:  # fmt: skip
    """Set one field of a real-world event: every report of it gets the value, so the
    reconciled value is the person's; the evidence span (which must lie in the text of one of
    the event's source articles) is recorded with the correction of that article's report."""
    if field not in EDITABLE_FIELDS:
        raise Invalid(f"unknown field {field!r}")
    store = ctx.store()
    cid, ids = _members(store, name)
    events = {i: store.get_event(i) for i in ids}
    span_owner = None
    if evidence is not None:
        span_owner = _evidence_owner(store, events, evidence)
    try:
        for event_id in ids:
            kwargs: dict[str, Any] = {}
            if evidence is not None and event_id == span_owner:
                kwargs["evidence"] = (evidence["article_id"], evidence["start"], evidence["end"])
            try:
                store.correct(event_id, field, value, author=author, note=note, **kwargs)
            except TypeError:
                if not kwargs:
                    raise
                store.correct(event_id, field, value, author=author, note=note)  # older store
    finally:
        ctx.cache.clear()
    return cid


def _evidence_owner(store: Any, events: dict[str, Event | None], evidence: dict[str, Any]) -> str:
    article_id, start, end = evidence["article_id"], int(evidence["start"]), int(evidence["end"])
    owner = next((i for i, e in events.items() if e and any(s.article_id == article_id for s in e.sources)), None)
    if owner is None:
        raise Invalid(f"article {article_id!r} is not a source of this event")
    found = store.get_article(article_id)
    if found is None or not 0 <= start < end <= len(found.text):
        raise Invalid(f"the evidence span [{start}, {end}) is not inside article {article_id!r}")
    return owner


def merge(ctx: WebContext, a: str, b: str, *, author: str, note: str | None) -> str:
    store = ctx.store()
    for name in (a, b):
        if cl.cluster_of(store, name) is None and store.get_event(name) is None:
            raise NotFound(f"no event {name!r}")
    try:
        return cl.merge(store, a, b, author=author, note=note)
    finally:
        ctx.cache.clear()


def split(ctx: WebContext, name: str, article_ids: Sequence[str], *, author: str,
          note: str | None) -> tuple[str, str]:  # fmt: skip
    store = ctx.store()
    cid, _ = _members(store, name)
    try:
        return cid, cl.split(store, cid, list(article_ids), author=author, note=note)
    finally:
        ctx.cache.clear()


# -- exports ------------------------------------------------------------------------------------


def export_events(ctx: WebContext, store: Any, filters: Filters, *, real_world: bool,
                  batch: int = 500) -> Iterator[Event]:  # fmt: skip
    """The events of an export, fetched page by page from ``store`` (memory stays flat), at
    most ``export_limit``.  Real-world events carry their reconciled values."""
    limit = ctx.settings.export_limit
    offset = 0
    seen: set[str] = set()  # a real-world event whose reports fall in two batches is written once
    while offset < limit:
        extra: dict[str, Any] = {"limit": min(batch, limit - offset), "offset": offset}
        if real_world:
            rows = _page_rows(store, _list_filter(filters, **extra), ctx)
            if not rows:
                return
            for row in rows:
                if row.cluster in seen:
                    continue
                seen.add(row.cluster)
                rec = _reconcile(store, row.cluster) if row.sources > 1 else None
                yield rec.event.replace(id=row.cluster) if rec else row.event.replace(id=row.cluster)
            offset += len(rows)
        else:
            events = _events(store, filters.event_filter(**extra))
            if not events:
                return
            yield from events
            offset += len(events)
