"""The store's behaviour, written once in SQL that SQLite and PostgreSQL both understand.

``SQLStore`` holds every operation (runs, articles, coding, corrections, listing, aggregates,
the review queue, the audit log); a backend subclass (``SQLiteStore``, ``PostgresStore``) supplies
the connection, the migrations runner, transactions and locks, and full-text search.

Guarantees (on both backends):

- Ingesting is idempotent: an article is identified by its content hash (``ON CONFLICT DO
  NOTHING``), so concurrent ingests of the same content store it once.
- Coding an article is one transaction, holding the article's row: its machine events, their
  evidence and the article's new state are written together, so a run killed at any point (even
  ``kill -9``) leaves each article either untouched (still ``pending``) or completely coded, and
  two writers coding the same article one after the other leave exactly one copy of its events.
- A machine run writes only the ``machine`` column of an event; human corrections live in their own
  table and are applied over the machine values, so no machine run overwrites them.  An event that a
  later machine run no longer produces is kept when a person has corrected it
  (``machine_present = 0``), and deleted otherwise.
- Every human action writes an ``audit`` row in the transaction of the action.

SQL text uses ``?`` placeholders; the backend translates them.  All values are parameters.

``transaction()``, ``execute()``, ``fetchone()``, ``fetchall()`` and ``executemany()`` are the
public helpers other modules (``store/clusters.py``) use; a store object may be shared by threads
(each statement and each transaction holds the store's lock).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from protestwatch.errors import StoreError
from protestwatch.model import EVENT_FIELDS, Article, Event, Evidence, Rejection
from protestwatch.store.accounts import AccountsMixin
from protestwatch.store.query import (
    AGGREGATES,
    EventFilter,
    aggregate_query,
    by_id_lists,
    event_query,
    fold,
)  # fmt: skip
from protestwatch.store.schema import MIGRATIONS, SCHEMA_VERSION

logger = logging.getLogger(__name__)

T = TypeVar("T")

#: Correction fields that are not codebook fields.
REVIEW_FIELD = "_review"  # value: "accepted" or "rejected"
REVIEW_STATES = ("accepted", "rejected")


def now() -> str:
    """The current time as the store writes it: ISO-8601 UTC, to the second."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True, slots=True)
class Correction:
    id: int
    event_id: str
    field: str
    value: Any
    author: str
    note: str | None
    created_at: str
    evidence: dict[str, Any] | None = None  # {article_id, start, end} a person gave


class SQLStore(AccountsMixin):
    """A protestwatch database; see the module docstring for the guarantees."""

    #: "sqlite" or "postgresql": which SQL of each migration applies.
    dialect: str = ""
    #: Appended to a SELECT to lock the selected rows until the transaction ends ("" on SQLite,
    #: whose write transactions are already exclusive).
    for_update: str = ""
    #: A sub-query selecting the ids of the articles matching one full-text parameter.
    fts_article_ids: str = ""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._depth = 0

    # -- what a backend provides ---------------------------------------------------------------

    def _cursor(self, sql: str, args: Sequence[Any]) -> Any:
        raise NotImplementedError

    def _cursor_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        raise NotImplementedError

    def _begin(self, lock: str | None) -> None:
        raise NotImplementedError

    def _end(self, commit: bool) -> None:
        raise NotImplementedError

    def _retryable(self, exc: BaseException) -> bool:
        """Whether ``exc`` is a transient conflict (deadlock, serialisation failure) after which
        the whole transaction can be run again."""
        return False

    def _fts_arg(self, query: str) -> Any:
        """The parameter of ``fts_article_ids`` for a user's query."""
        return query

    def search_articles(self, query: str, limit: int = 50) -> list[str]:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    @property
    def name(self) -> str:
        """The database, as messages name it."""
        raise NotImplementedError

    # -- public query and transaction helpers -------------------------------------------------

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        """Run one statement (``?`` placeholders); returns the cursor (``rowcount``, rows)."""
        with self._lock:
            return self._cursor(sql, args)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            with self._lock:
                self._cursor_many(sql, rows)

    def fetchone(self, sql: str, args: Sequence[Any] = ()) -> Any:
        """The first row (indexable by position and by column name), or None."""
        with self._lock:
            return self._cursor(sql, args).fetchone()

    def fetchall(self, sql: str, args: Sequence[Any] = ()) -> list[Any]:
        with self._lock:
            return list(self._cursor(sql, args).fetchall())

    def scalar(self, sql: str, args: Sequence[Any] = ()) -> Any:
        row = self.fetchone(sql, args)
        return row[0] if row else None

    @contextmanager
    def transaction(self, lock: str | None = None) -> Iterator["SQLStore"]:
        """A write transaction: committed when the block ends, rolled back if it raises.  Nested
        blocks join the outer one.  ``lock`` names a store-wide lock held until the end (e.g.
        ``"clusters"``: one clustering write at a time); on SQLite every write transaction is
        already exclusive."""
        with self._lock:
            outer = self._depth == 0
            if outer:
                self._begin(lock)
            elif lock:
                self._take_lock(lock)
            self._depth += 1
            try:
                yield self
            except BaseException:
                self._depth -= 1
                if outer:
                    self._end(commit=False)
                raise
            self._depth -= 1
            if outer:
                try:
                    self._end(commit=True)
                except BaseException:
                    try:  # a failed COMMIT may leave the transaction open: close it
                        self._end(commit=False)
                    except Exception:  # noqa: BLE001 - already closed; the first error matters
                        pass
                    raise

    def _take_lock(self, lock: str) -> None:
        """Take a named lock inside the current transaction (nothing to do on SQLite)."""

    def atomic(self, work: Callable[[], T], lock: str | None = None, attempts: int = 5) -> T:
        """Run ``work()`` in one transaction, running it again (from the start, after a short
        pause) when the backend reports a transient conflict such as a deadlock."""
        for attempt in range(1, attempts + 1):
            try:
                with self.transaction(lock):
                    return work()
            except Exception as exc:
                if self._depth > 0 or attempt == attempts or not self._retryable(exc):
                    raise
                logger.info("%s: transaction conflict (%s), retrying", self.name, exc)
                time.sleep(0.02 * attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    def analyze(self) -> None:
        """Refresh the planner's statistics (worth doing after loading many rows at once)."""
        self.execute("ANALYZE")

    def __enter__(self) -> "SQLStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- migrations -----------------------------------------------------------------------------

    def _apply_migration(self, version: int, run_sql: Callable[[str], None]) -> None:
        """Apply migration ``version`` (its SQL through ``run_sql``, then its backfill) and record
        it; the caller holds the transaction."""
        migration = MIGRATIONS[version - 1]
        run_sql(migration.sql(self.dialect))
        if migration.backfill:
            getattr(self, "_backfill_" + migration.backfill)()
        self.execute("INSERT INTO schema_migrations(version) VALUES (?)", (version,))
        logger.info("migrated %s to schema version %d", self.name, version)

    def _check_version(self, current: int) -> None:
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"{self.name} has schema version {current}, newer than this protestwatch "
                f"({SCHEMA_VERSION}): upgrade protestwatch"
            )

    @property
    def schema_version(self) -> int:
        return int(self.scalar("SELECT MAX(version) FROM schema_migrations") or 0)

    def _backfill_derived_columns_and_audit(self) -> None:
        """Migration 3: organizers and sizes of existing events; audit rows for the corrections
        and merges/splits made before the audit log existed."""
        for event_id, data in self.fetchall("SELECT id, data FROM events"):
            d = json.loads(data)  # (issue and target rows exist since migration 1)
            self.execute("UPDATE events SET size_low = ? WHERE id = ?", (d.get("size_low"), event_id))
            names = {o["name"]: o["name"].casefold() for o in d.get("organizers") or () if o.get("name")}
            self.executemany(
                "INSERT INTO event_organizers(event_id, name, name_key) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                [(event_id, n, k) for n, k in sorted(names.items())],
            )
        rows = self.fetchall("SELECT * FROM corrections ORDER BY id")
        for r in rows:
            value = json.loads(r["value"]) if r["value"] is not None else None
            action = {"accepted": "accept", "rejected": "reject"}.get(value, "correct") \
                if r["field"] == REVIEW_FIELD else "correct"  # fmt: skip
            self._audit(r["author"], action, r["event_id"], _audit_field(r["field"]), None, value,
                        r["note"], at=r["created_at"])  # fmt: skip
        for r in self.fetchall("SELECT * FROM cluster_decisions ORDER BY id"):
            clusters = json.loads(r["clusters"] or "[]")
            self._audit(r["author"], r["kind"], clusters[0] if clusters else None, None,
                        {"part_a": json.loads(r["part_a"]), "clusters": clusters},
                        {"part_b": json.loads(r["part_b"])}, r["note"], at=r["created_at"])  # fmt: skip

    # -- runs ---------------------------------------------------------------------------------

    def start_run(self, command: str, pipeline_version: str | None = None) -> int:
        return int(
            self.scalar(
                "INSERT INTO runs(command, pipeline_version, started_at) VALUES (?, ?, ?) RETURNING id",
                (command, pipeline_version, now()),
            )
        )

    def finish_run(self, run_id: int, counts: dict[str, int], state: str = "finished") -> None:
        self.execute(
            "UPDATE runs SET finished_at = ?, state = ?, counts = ? WHERE id = ?",
            (now(), state, json.dumps(counts, sort_keys=True), run_id),
        )

    def runs(self) -> list[dict[str, Any]]:
        rows = self.fetchall("SELECT * FROM runs ORDER BY id")
        return [dict(r) | {"counts": json.loads(r["counts"] or "{}")} for r in rows]

    # -- articles -----------------------------------------------------------------------------

    def add_article(self, article: Article, run_id: int | None = None) -> bool:
        """Store an article; False when the same content (or the same id) is already there."""
        cur = self.execute(
            "INSERT INTO articles(id, hash, url, title, outlet, published, language, "
            "origin, text, ingested_at, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            (
                article.id, article.hash, article.url, article.title, article.outlet,
                article.published.isoformat() if article.published else None,
                article.language, article.origin, article.text, now(), run_id,
            ),
        )  # fmt: skip
        return cur.rowcount == 1

    def add_rejection(self, rejection: Rejection, run_id: int | None = None) -> bool:
        cur = self.execute(
            "INSERT INTO rejections(origin, line, reason, run_id, created_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (rejection.origin, rejection.line or 0, rejection.reason, run_id, now()),
        )
        return cur.rowcount == 1

    def rejections(self) -> list[Rejection]:
        rows = self.fetchall("SELECT origin, line, reason FROM rejections ORDER BY id")
        return [Rejection(r["origin"], r["reason"], r["line"] or None) for r in rows]

    def get_article(self, article_id: str) -> Article | None:
        row = self.fetchone(
            "SELECT id, hash, url, title, outlet, published, language, origin, text "
            "FROM articles WHERE id = ?", (article_id,)
        )  # fmt: skip
        return _article(row) if row else None

    def articles(self, *, state: str | None = None) -> Iterator[Article]:
        """All articles (or those in one state), in the order they were ingested."""
        sql = "SELECT id, hash, url, title, outlet, published, language, origin, text FROM articles"
        args: tuple[Any, ...] = ()
        if state:
            sql, args = sql + " WHERE state = ?", (state,)
        for row in self.fetchall(sql + " ORDER BY rowid", args):
            yield _article(row)

    def pending_ids(self, *, redo: bool = False) -> list[str]:
        """Ids of the articles a run must code (all of them with ``redo``)."""
        sql = "SELECT id FROM articles" + ("" if redo else " WHERE state = 'pending'")
        return [r[0] for r in self.fetchall(sql + " ORDER BY rowid")]

    def article_states(self) -> dict[str, int]:
        rows = self.fetchall("SELECT state, COUNT(*) FROM articles GROUP BY state")
        return {r[0]: int(r[1]) for r in rows}

    # -- coding results -----------------------------------------------------------------------

    def save_coding(
        self,
        article_id: str,
        events: Sequence[Event],
        *,
        state: str = "done",
        reason: str | None = None,
        pipeline_version: str | None = None,
        run_id: int | None = None,
    ) -> None:
        """Replace the machine events of one article, atomically, keeping human corrections.
        Idempotent: saving the same coding again leaves the same rows."""

        def work() -> None:
            if self.fetchone(f"SELECT id FROM articles WHERE id = ?{self.for_update}", (article_id,)) is None:
                raise StoreError(f"{self.name}: no article {article_id!r} to save a coding for")
            old = {r[0] for r in self.fetchall("SELECT id FROM events WHERE article_id = ?", (article_id,))}
            new_ids = {e.id for e in events}
            clustered = self._clusters_of(old | new_ids)
            if clustered:
                self._take_lock("clusters")
            corrected = self._corrected_ids(old - new_ids)
            for event_id in sorted(old - new_ids):
                if event_id in corrected:
                    self.execute("UPDATE events SET machine_present = 0 WHERE id = ?", (event_id,))
                else:
                    self.execute("DELETE FROM events WHERE id = ?", (event_id,))
            saved = [self._write_machine_event(article_id, event, run_id) for event in events]
            self._add_organizer_names(saved)
            self.execute(
                "UPDATE articles SET state = ?, state_reason = ?, pipeline_version = ?, "
                "processed_at = ?, run_id = COALESCE(?, run_id) WHERE id = ?",
                (state, reason, pipeline_version, now(), run_id, article_id),
            )
            if clustered:
                from protestwatch.store.clusters import refresh_disagreements

                refresh_disagreements(self, clustered)

        self.atomic(work)

    def _clusters_of(self, event_ids: Iterable[str]) -> list[str]:
        ids = sorted(event_ids)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self.fetchall(
            f"SELECT DISTINCT cluster_id FROM cluster_members WHERE event_id IN ({marks})", ids
        )
        return sorted(r[0] for r in rows)

    def _corrected_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        if not ids:
            return set()
        marks = ",".join("?" * len(ids))
        rows = self.fetchall(
            f"SELECT DISTINCT event_id FROM corrections WHERE event_id IN ({marks})", ids
        )
        return {r[0] for r in rows}

    def _add_organizer_names(self, events: Iterable[Event]) -> None:
        """Record the events' organizer names in the dictionary the organizer filter searches,
        in sorted order (so that concurrent writers take their row locks in one order; names no
        event has any more stay, and match nothing)."""
        keys = sorted({o.name.casefold() for e in events for o in e.organizers if o.name})
        self.executemany(
            "INSERT INTO organizer_names(name_key) VALUES (?) ON CONFLICT DO NOTHING", [(k,) for k in keys]
        )

    def _write_machine_event(self, article_id: str, event: Event, run_id: int | None) -> Event:
        machine = dumps(event.to_dict())
        self.execute(
            "INSERT INTO events(id, article_id, machine, data, updated_at, run_id) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET machine = excluded.machine, "
            "machine_present = 1, updated_at = excluded.updated_at, run_id = excluded.run_id",
            (event.id, article_id, machine, machine, now(), run_id),
        )
        return self._refresh(event.id)

    def _refresh(self, event_id: str) -> Event:
        """Recompute an event's effective data (machine + corrections) and its index rows."""
        row = self.fetchone("SELECT machine FROM events WHERE id = ?", (event_id,))
        data = json.loads(row["machine"] or "{}")
        review = "machine"
        for corr in self.corrections(event_id):
            if corr.field == REVIEW_FIELD:
                review = corr.value
            elif corr.field == "evidence":
                data.setdefault("evidence", {}).update(corr.value)
            else:
                data[corr.field] = corr.value
                if corr.evidence:
                    data.setdefault("evidence", {})[corr.field] = [corr.evidence]
            if review == "machine":
                review = "corrected"
        event = Event.from_dict(data)
        d = event.to_dict()
        self.execute(
            "UPDATE events SET data = ?, status = ?, report = ?, form = ?, sub_event_type = ?, "
            "date_start = ?, date_end = ?, date_precision = ?, country = ?, admin1 = ?, "
            "locality = ?, confidence = ?, campaign = ?, review = ?, size_low = ? WHERE id = ?",
            (
                dumps(d), d["status"], d["report"], d["form"], d["acled_sub_event_type"],
                d["date_start"], d["date_end"], d["date_precision"], d["country"], d["admin1"],
                d["locality"], d["confidence"], d["campaign"], review, d["size_low"], event_id,
            ),
        )  # fmt: skip
        self._write_derived(event_id, d, review)
        self.execute("DELETE FROM evidence WHERE event_id = ?", (event_id,))
        self.executemany(
            'INSERT INTO evidence(event_id, field, article_id, start, "end") '
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [
                (event_id, name, e.article_id, e.start, e.end)
                for name, spans in event.evidence.items()
                for e in spans
            ],
        )
        return event

    def _write_derived(self, event_id: str, d: dict[str, Any], review: str) -> None:
        """The list rows filters use, derived from an event's effective JSON ``d`` and its review
        state."""
        for table, column, values in (
            ("event_issues", "issue, review", [(i, review) for i in d.get("issues") or ()]),
            ("event_targets", "country, review",
             [(t["country"], review) for t in d.get("targets") or () if t.get("country")]),
            ("event_organizers", "name, name_key",
             [(o["name"], o["name"].casefold()) for o in d.get("organizers") or () if o.get("name")]),
        ):  # fmt: skip
            self.execute(f"DELETE FROM {table} WHERE event_id = ?", (event_id,))
            marks = ", ".join("?" * (len(values[0]) + 1)) if values else ""
            self.executemany(
                f"INSERT INTO {table}(event_id, {column}) VALUES ({marks}) ON CONFLICT DO NOTHING",
                [(event_id, *v) for v in values],
            )


    # -- corrections and the audit log --------------------------------------------------------

    def correct(
        self, event_id: str, field: str, value: Any, *, author: str, note: str | None = None,
        evidence: Evidence | dict[str, Any] | Sequence[Any] | None = None,
    ) -> Event:  # fmt: skip
        """Record a human correction of one field (or a review decision) and apply it, with an
        audit row, in one transaction.  ``evidence`` (article id, start, end) is the span that
        supports the corrected value; it becomes the field's evidence."""
        if field not in EVENT_FIELDS and field not in (REVIEW_FIELD, "evidence"):
            raise StoreError(f"unknown field {field!r}; fields are: {', '.join(EVENT_FIELDS)}")
        if field == REVIEW_FIELD and value not in REVIEW_STATES:
            raise StoreError(f"a review decision is one of {REVIEW_STATES}, not {value!r}")
        span = _evidence_arg(evidence)
        if span is not None and field not in EVENT_FIELDS:
            raise StoreError(f"evidence goes with a corrected field, not with {field!r}")

        def work() -> Event:
            row = self.fetchone("SELECT article_id FROM events WHERE id = ?", (event_id,))
            if row is None:
                raise StoreError(f"no event {event_id!r}")
            self.fetchone(f"SELECT id FROM articles WHERE id = ?{self.for_update}", (row[0],))
            row = self.fetchone("SELECT data, review FROM events WHERE id = ?", (event_id,))
            current = json.loads(row["data"])
            trial = current | ({field: value} if field in EVENT_FIELDS else {})
            try:
                Event.from_dict(trial)
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                raise StoreError(f"{field} = {value!r} is not a valid value: {exc}") from exc
            if span is not None:
                self._check_span(span)
            self.execute(
                "INSERT INTO corrections(event_id, field, value, author, note, created_at, evidence) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (event_id, field, json.dumps(value, ensure_ascii=False), author, note, now(),
                 dumps(span) if span else None),
            )  # fmt: skip
            event = self._refresh(event_id)
            self._add_organizer_names([event])
            if field == REVIEW_FIELD:
                action, before = ("accept" if value == "accepted" else "reject"), row["review"]
            else:
                action, before = "correct", current.get(field)
            self._audit(author, action, event_id, _audit_field(field), before, value, note, span)
            clustered = self._clusters_of([event_id])
            if clustered:
                from protestwatch.store.clusters import refresh_disagreements

                self._take_lock("clusters")
                refresh_disagreements(self, clustered)
            return event

        return self.atomic(work)

    def _check_span(self, span: dict[str, Any]) -> None:
        length = self.scalar("SELECT LENGTH(text) FROM articles WHERE id = ?", (span["article_id"],))
        if length is None:
            raise StoreError(f"evidence names article {span['article_id']!r}, which is not stored")
        if span["end"] > int(length):
            raise StoreError(
                f"evidence [{span['start']}, {span['end']}) is outside article "
                f"{span['article_id']!r} ({length} characters)"
            )

    def _audit(self, actor: str, action: str, event_id: str | None, field: str | None,
               before: Any, after: Any, note: str | None, evidence: dict[str, Any] | None = None,
               *, at: str | None = None) -> None:  # fmt: skip
        """Write one audit row (inside the caller's transaction)."""
        self.execute(
            "INSERT INTO audit(at, actor, action, event_id, field, before, after, note, evidence) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (at or now(), actor, action, event_id, field, dumps(before), dumps(after), note,
             dumps(evidence) if evidence else None),
        )  # fmt: skip

    def audit_log(self, event_id: str | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Human actions, newest first (those on one event, or on any): {id, at, actor, action,
        event_id, field, before, after, note, evidence}; ``before``/``after`` are JSON values."""
        sql, args = "SELECT * FROM audit", []
        if event_id is not None:
            sql, args = sql + " WHERE event_id = ?", [event_id]
        rows = self.fetchall(sql + " ORDER BY id DESC LIMIT ? OFFSET ?", (*args, max(0, int(limit)), max(0, int(offset))))
        return [
            {"id": int(r["id"]), "at": r["at"], "actor": r["actor"], "action": r["action"],
             "event_id": r["event_id"], "field": r["field"],
             "before": json.loads(r["before"]) if r["before"] is not None else None,
             "after": json.loads(r["after"]) if r["after"] is not None else None,
             "note": r["note"], "evidence": json.loads(r["evidence"]) if r["evidence"] else None}
            for r in rows
        ]  # fmt: skip

    def corrections(self, event_id: str) -> list[Correction]:
        rows = self.fetchall("SELECT * FROM corrections WHERE event_id = ? ORDER BY id", (event_id,))
        return [
            Correction(int(r["id"]), r["event_id"], r["field"], json.loads(r["value"]), r["author"],
                       r["note"], r["created_at"], json.loads(r["evidence"]) if r["evidence"] else None)
            for r in rows
        ]  # fmt: skip

    # -- reading events -----------------------------------------------------------------------

    def get_event(self, event_id: str) -> Event | None:
        row = self.fetchone("SELECT data FROM events WHERE id = ?", (event_id,))
        return Event.from_dict(json.loads(row[0])) if row else None

    def machine_event(self, event_id: str) -> Event | None:
        row = self.fetchone("SELECT machine FROM events WHERE id = ?", (event_id,))
        return Event.from_dict(json.loads(row[0])) if row and row[0] else None

    def _scan_source(self, flt: EventFilter) -> str:
        """``events e`` for a query that counts over many events: with the backend's hint to
        read only the covering index ``events_facts`` (a SQLite planner would otherwise walk a
        sort index and read every wide row)."""
        return "events e"

    def _page_source(self, flt: EventFilter) -> str | None:
        """Where to pick a page's ids before reading its rows (None: read the rows directly):
        when lists of ids select the events, sort the selected ids on an index
        (``events_facts_by_id`` holds the filter and sort columns), then read one page of rows."""
        return "events e" if by_id_lists(flt) else None

    def _event_sql(self, flt: EventFilter, count: bool = False) -> tuple[str, list[Any]]:
        arg = self._fts_arg(flt.text) if flt.text else None
        page_source = None if count else self._page_source(flt)
        return event_query(flt, self.fts_article_ids, arg, count=count,
                           nulls_clause=self.dialect == "postgresql",
                           source=self._scan_source(flt) if count else (page_source or "events e"),
                           page_first=page_source is not None)  # fmt: skip

    def events(self, flt: EventFilter | None = None) -> list[Event]:
        """The events ``flt`` selects, in its order and page."""
        sql, args = self._event_sql(flt or EventFilter())
        rows = self._read(sql, args, "list events")
        return [Event.from_dict(json.loads(r[0])) for r in rows]

    def count_events(self, flt: EventFilter | None = None) -> int:
        """How many events ``flt`` selects (its limit and offset aside)."""
        sql, args = self._event_sql(flt or EventFilter(), count=True)
        return int(self._read(sql, args, "count events")[0][0])

    def aggregate(self, flt: EventFilter | None, by: str) -> list[tuple[str, int]]:
        """Counts of the events ``flt`` selects per ``by`` (see ``query.AGGREGATES``), sorted by
        key.  Time buckets are keyed by their first day (a week by its ISO Monday); events without
        a value for ``by`` are not counted."""
        flt = flt or EventFilter()
        arg = self._fts_arg(flt.text) if flt.text else None
        sql, args = aggregate_query(flt, by, self.fts_article_ids, arg, source=self._scan_source(flt))
        return fold(by, [(r[0], r[1]) for r in self._read(sql, args, f"aggregate events by {by}")])

    aggregates = AGGREGATES

    def _read(self, sql: str, args: Sequence[Any], what: str) -> list[Any]:
        try:
            return self.fetchall(sql, args)
        except StoreError:
            raise
        except Exception as exc:
            if not self._is_query_error(exc):
                raise
            raise StoreError(f"cannot {what}: {exc} (check the full-text query)") from exc

    def _is_query_error(self, exc: BaseException) -> bool:
        return False

    def review_queue(self, limit: int = 50, offset: int = 0) -> list[tuple[Event, dict[str, Any]]]:
        """Real-world events still awaiting a decision: first those whose sources disagree (most
        disagreements first), then the others, least confident first.  One entry per real-world
        event (its least confident undecided report); each comes with {"confidence",
        "disagreements", "sources", "cluster", "review"}.  Events already accepted or rejected
        are left out."""
        limit, offset = max(0, int(limit)), max(0, int(offset))
        picked: list[Any] = []
        seen: set[str] = set()
        for row in self._queue_rows():
            cluster = row["cluster"] or row["id"]
            if cluster in seen:
                continue
            seen.add(cluster)
            picked.append(row)
            if len(picked) >= offset + limit:
                break
        out = []
        for r in picked[offset:]:
            event = self.get_event(r["id"])
            if event is not None:
                out.append((event, {"confidence": r["confidence"], "disagreements": int(r["disagreements"] or 0),
                                    "sources": int(r["sources"] or 1), "cluster": r["cluster"] or r["id"],
                                    "review": r["review"]}))  # fmt: skip
        return out

    def _queue_rows(self, chunk: int = 500) -> Iterator[Any]:
        """Undecided events in queue order: those of clusters with disagreements, then the rest
        by confidence (read a chunk at a time, along the confidence index)."""
        nulls = " NULLS FIRST" if self.dialect == "postgresql" else ""
        yield from self.fetchall(
            f"SELECT e.id, e.confidence, e.review, c.id AS cluster, c.size AS sources, c.disagreements "
            f"FROM clusters c JOIN cluster_members m ON m.cluster_id = c.id JOIN events e ON e.id = m.event_id "
            f"WHERE c.disagreements > 0 AND e.review IN ('machine', 'corrected') "
            f"ORDER BY c.disagreements DESC, e.confidence{nulls}, e.id"
        )
        offset = 0
        while True:
            rows = self.fetchall(
                f"SELECT e.id, e.confidence, e.review, c.id AS cluster, c.size AS sources, c.disagreements "
                f"FROM events e LEFT JOIN cluster_members m ON m.event_id = e.id "
                f"LEFT JOIN clusters c ON c.id = m.cluster_id "
                f"WHERE e.review IN ('machine', 'corrected') AND COALESCE(c.disagreements, 0) = 0 "
                f"ORDER BY e.confidence{nulls}, e.id LIMIT ? OFFSET ?",
                (chunk, offset),
            )
            yield from rows
            if len(rows) < chunk:
                return
            offset += chunk

    def count_review_queue(self) -> int:
        """How many entries ``review_queue`` has in all (real-world events with an undecided
        report)."""
        return int(self.scalar(
            "SELECT COUNT(DISTINCT COALESCE(m.cluster_id, e.id)) FROM events e "
            "LEFT JOIN cluster_members m ON m.event_id = e.id WHERE e.review IN ('machine', 'corrected')"
        ))  # fmt: skip

    def cluster_stats(self, event_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """For each given event id: {"cluster": the real-world event's id (the event's own id
        when not clustered), "sources": its number of reports, "disagreements": the number of
        fields on which they disagree}."""
        ids = sorted(set(event_ids))
        out = {i: {"cluster": i, "sources": 1, "disagreements": 0} for i in ids}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = self.fetchall(
                "SELECT m.event_id, c.id, c.size, c.disagreements FROM cluster_members m "
                f"JOIN clusters c ON c.id = m.cluster_id WHERE m.event_id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            for r in rows:
                out[r[0]] = {"cluster": r[1], "sources": int(r[2]), "disagreements": int(r[3])}
        return out

    def events_by_article(self) -> dict[str, list[Event]]:
        out: dict[str, list[Event]] = {}
        rows = self.fetchall(
            "SELECT article_id, data FROM events WHERE review != 'rejected' ORDER BY rowid"
        )
        for r in rows:
            out.setdefault(r[0], []).append(Event.from_dict(json.loads(r[1])))
        return out

    def review_state(self, event_id: str) -> str | None:
        return self.scalar("SELECT review FROM events WHERE id = ?", (event_id,))

    def summary(self) -> dict[str, Any]:
        return {
            "articles": self.article_states(),
            "events": int(self.scalar("SELECT COUNT(*) FROM events WHERE review != 'rejected'")),
            "events_by_country": {
                r[0] or "?": int(r[1])
                for r in self.fetchall(
                    "SELECT country, COUNT(*) FROM events WHERE review != 'rejected' "
                    "GROUP BY country ORDER BY COUNT(*) DESC, country"
                )
            },
            "events_by_status": {
                r[0]: int(r[1])
                for r in self.fetchall(
                    "SELECT status, COUNT(*) FROM events WHERE review != 'rejected' GROUP BY status"
                )
            },
            "rejections": int(self.scalar("SELECT COUNT(*) FROM rejections")),
        }


def _audit_field(field: str) -> str | None:
    return "review" if field == REVIEW_FIELD else field


def _evidence_arg(evidence: Any) -> dict[str, Any] | None:
    """The evidence of a correction as {article_id, start, end}, validated."""
    if evidence is None:
        return None
    try:
        if isinstance(evidence, Evidence):
            span = evidence
        elif isinstance(evidence, dict):
            span = Evidence.from_dict(evidence)
        else:
            article_id, start, end = evidence
            span = Evidence(str(article_id), int(start), int(end))
    except (KeyError, TypeError, ValueError) as exc:
        raise StoreError(f"evidence must be (article_id, start, end), not {evidence!r}") from exc
    if span.start < 0 or span.end < span.start:
        raise StoreError(f"evidence span [{span.start}, {span.end}) is not a span")
    return span.to_dict()


def _article(row: Any) -> Article:
    return Article(
        text=row["text"],
        id=row["id"],
        url=row["url"],
        title=row["title"],
        outlet=row["outlet"],
        published=dt.date.fromisoformat(row["published"]) if row["published"] else None,
        language=row["language"],
        origin=row["origin"],
        hash=row["hash"],
    )
