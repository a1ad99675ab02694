"""The SQLite store: one file holds articles, events, evidence, corrections, rejections and runs.

Guarantees:

- Ingesting is idempotent: an article is identified by its content hash (``INSERT OR IGNORE``).
- Coding an article is one transaction: its machine events, their evidence and the article's new
  state are written together, so a run killed at any point (even ``kill -9``) leaves each article
  either untouched (still ``pending``, redone by the next run) or completely coded.
- A machine run writes only the ``machine`` column of an event; human corrections live in their own
  table and are applied over the machine values, so no machine run overwrites them.  An event that a
  later machine run no longer produces is kept when a person has corrected it
  (``machine_present = 0``), and deleted otherwise.

All SQL is parameterised.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from protestwatch.errors import StoreError
from protestwatch.model import EVENT_FIELDS, Article, Event, Rejection
from protestwatch.store.schema import MIGRATIONS, SCHEMA_VERSION

logger = logging.getLogger(__name__)

#: Correction fields that are not codebook fields.
REVIEW_FIELD = "_review"  # value: "accepted" or "rejected"
REVIEW_STATES = ("accepted", "rejected")


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to list.  Every criterion is optional; dates are ISO strings or dates."""

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


@dataclass(frozen=True, slots=True)
class Correction:
    id: int
    event_id: str
    field: str
    value: Any
    author: str
    note: str | None
    created_at: str


class SQLiteStore:
    """A protestwatch database in one SQLite file (``":memory:"`` for a throwaway one)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc
        self._migrate()

    # -- lifecycle ---------------------------------------------------------------------------

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "SQLiteStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        db = self._db
        try:
            db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)")
            row = db.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
            current = row[0] or 0
            if current > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path} has schema version {current}, newer than this protestwatch "
                    f"({SCHEMA_VERSION}): upgrade protestwatch"
                )
            for version in range(current + 1, SCHEMA_VERSION + 1):
                db.execute("BEGIN IMMEDIATE")
                try:
                    for statement in _split_sql(MIGRATIONS[version - 1]):
                        db.execute(statement)
                    db.execute("INSERT INTO schema_migrations(version) VALUES (?)", (version,))
                    db.execute("COMMIT")
                except BaseException:
                    db.execute("ROLLBACK")
                    raise
                logger.info("migrated %s to schema version %d", self.path, version)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a usable protestwatch database: {exc}") from exc

    @property
    def schema_version(self) -> int:
        return self._db.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0]

    # -- runs ---------------------------------------------------------------------------------

    def start_run(self, command: str, pipeline_version: str | None = None) -> int:
        cur = self._db.execute(
            "INSERT INTO runs(command, pipeline_version, started_at) VALUES (?, ?, ?)",
            (command, pipeline_version, _now()),
        )
        return int(cur.lastrowid)  # type: ignore[arg-type]

    def finish_run(self, run_id: int, counts: dict[str, int], state: str = "finished") -> None:
        self._db.execute(
            "UPDATE runs SET finished_at = ?, state = ?, counts = ? WHERE id = ?",
            (_now(), state, json.dumps(counts, sort_keys=True), run_id),
        )

    def runs(self) -> list[dict[str, Any]]:
        rows = self._db.execute("SELECT * FROM runs ORDER BY id").fetchall()
        return [dict(r) | {"counts": json.loads(r["counts"] or "{}")} for r in rows]

    # -- articles -----------------------------------------------------------------------------

    def add_article(self, article: Article, run_id: int | None = None) -> bool:
        """Store an article; False when the same content (or the same id) is already there."""
        cur = self._db.execute(
            "INSERT OR IGNORE INTO articles(id, hash, url, title, outlet, published, language, "
            "origin, text, ingested_at, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id, article.hash, article.url, article.title, article.outlet,
                article.published.isoformat() if article.published else None,
                article.language, article.origin, article.text, _now(), run_id,
            ),
        )  # fmt: skip
        return cur.rowcount == 1

    def add_rejection(self, rejection: Rejection, run_id: int | None = None) -> bool:
        cur = self._db.execute(
            "INSERT OR IGNORE INTO rejections(origin, line, reason, run_id, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (rejection.origin, rejection.line or 0, rejection.reason, run_id, _now()),
        )
        return cur.rowcount == 1

    def rejections(self) -> list[Rejection]:
        rows = self._db.execute("SELECT origin, line, reason FROM rejections ORDER BY id")
        return [Rejection(r["origin"], r["reason"], r["line"] or None) for r in rows]

    def get_article(self, article_id: str) -> Article | None:
        row = self._db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return _article(row) if row else None

    def articles(self, *, state: str | None = None) -> Iterator[Article]:
        """All articles (or those in one state), in the order they were ingested."""
        sql, args = "SELECT * FROM articles", ()
        if state:
            sql, args = sql + " WHERE state = ?", (state,)
        for row in self._db.execute(sql + " ORDER BY rowid", args).fetchall():
            yield _article(row)

    def pending_ids(self, *, redo: bool = False) -> list[str]:
        """Ids of the articles a run must code (all of them with ``redo``)."""
        sql = "SELECT id FROM articles" + ("" if redo else " WHERE state = 'pending'")
        return [r[0] for r in self._db.execute(sql + " ORDER BY rowid")]

    def article_states(self) -> dict[str, int]:
        rows = self._db.execute("SELECT state, COUNT(*) FROM articles GROUP BY state")
        return {r[0]: r[1] for r in rows}

    def search_articles(self, query: str, limit: int = 50) -> list[str]:
        """Ids of the articles matching an FTS5 query, best first."""
        try:
            rows = self._db.execute(
                "SELECT a.id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid "
                "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
                (query, limit),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"bad full-text query {query!r}: {exc}") from exc
        return [r[0] for r in rows]

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
        """Replace the machine events of one article, atomically, keeping human corrections."""
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            old = {r[0] for r in db.execute("SELECT id FROM events WHERE article_id = ?", (article_id,))}
            new_ids = {e.id for e in events}
            corrected = self._corrected_ids(old - new_ids)
            for event_id in old - new_ids:
                if event_id in corrected:
                    db.execute("UPDATE events SET machine_present = 0 WHERE id = ?", (event_id,))
                else:
                    db.execute("DELETE FROM events WHERE id = ?", (event_id,))
            for event in events:
                self._write_machine_event(article_id, event, run_id)
            db.execute(
                "UPDATE articles SET state = ?, state_reason = ?, pipeline_version = ?, "
                "processed_at = ?, run_id = COALESCE(?, run_id) WHERE id = ?",
                (state, reason, pipeline_version, _now(), run_id, article_id),
            )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _corrected_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        if not ids:
            return set()
        marks = ",".join("?" * len(ids))
        rows = self._db.execute(
            f"SELECT DISTINCT event_id FROM corrections WHERE event_id IN ({marks})", ids
        )
        return {r[0] for r in rows}

    def _write_machine_event(self, article_id: str, event: Event, run_id: int | None) -> None:
        machine = json.dumps(event.to_dict(), ensure_ascii=False, sort_keys=True)
        self._db.execute(
            "INSERT INTO events(id, article_id, machine, data, updated_at, run_id) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET machine = excluded.machine, "
            "machine_present = 1, updated_at = excluded.updated_at, run_id = excluded.run_id",
            (event.id, article_id, machine, machine, _now(), run_id),
        )
        self._refresh(event.id)

    def _refresh(self, event_id: str) -> Event:
        """Recompute an event's effective data (machine + corrections) and its index rows."""
        db = self._db
        row = db.execute("SELECT machine FROM events WHERE id = ?", (event_id,)).fetchone()
        data = json.loads(row["machine"] or "{}")
        review = "machine"
        for corr in self.corrections(event_id):
            if corr.field == REVIEW_FIELD:
                review = corr.value
            elif corr.field == "evidence":
                data.setdefault("evidence", {}).update(corr.value)
            else:
                data[corr.field] = corr.value
            if review == "machine":
                review = "corrected"
        event = Event.from_dict(data)
        d = event.to_dict()
        db.execute(
            "UPDATE events SET data = ?, status = ?, report = ?, form = ?, sub_event_type = ?, "
            "date_start = ?, date_end = ?, date_precision = ?, country = ?, admin1 = ?, "
            "locality = ?, confidence = ?, campaign = ?, review = ? WHERE id = ?",
            (
                json.dumps(d, ensure_ascii=False, sort_keys=True), d["status"], d["report"],
                d["form"], d["acled_sub_event_type"], d["date_start"], d["date_end"],
                d["date_precision"], d["country"], d["admin1"], d["locality"], d["confidence"],
                d["campaign"], review, event_id,
            ),
        )  # fmt: skip
        db.execute("DELETE FROM event_issues WHERE event_id = ?", (event_id,))
        db.executemany(
            "INSERT OR IGNORE INTO event_issues(event_id, issue) VALUES (?, ?)",
            [(event_id, i) for i in d["issues"]],
        )
        db.execute("DELETE FROM event_targets WHERE event_id = ?", (event_id,))
        db.executemany(
            "INSERT OR IGNORE INTO event_targets(event_id, country) VALUES (?, ?)",
            [(event_id, t["country"]) for t in d["targets"] if t.get("country")],
        )
        db.execute("DELETE FROM evidence WHERE event_id = ?", (event_id,))
        db.executemany(
            'INSERT OR IGNORE INTO evidence(event_id, field, article_id, start, "end") '
            "VALUES (?, ?, ?, ?, ?)",
            [
                (event_id, name, e.article_id, e.start, e.end)
                for name, spans in event.evidence.items()
                for e in spans
            ],
        )
        return event

    # -- corrections --------------------------------------------------------------------------

    def correct(
        self, event_id: str, field: str, value: Any, *, author: str, note: str | None = None
    ) -> Event:
        """Record a human correction of one field (or a review decision) and apply it."""
        if field not in EVENT_FIELDS and field not in (REVIEW_FIELD, "evidence"):
            raise StoreError(f"unknown field {field!r}; fields are: {', '.join(EVENT_FIELDS)}")
        if field == REVIEW_FIELD and value not in REVIEW_STATES:
            raise StoreError(f"a review decision is one of {REVIEW_STATES}, not {value!r}")
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            row = db.execute("SELECT data FROM events WHERE id = ?", (event_id,)).fetchone()
            if row is None:
                raise StoreError(f"no event {event_id!r}")
            trial = json.loads(row["data"]) | ({field: value} if field in EVENT_FIELDS else {})
            try:
                Event.from_dict(trial)
            except (ValueError, KeyError, TypeError) as exc:
                raise StoreError(f"{field} = {value!r} is not a valid value: {exc}") from exc
            db.execute(
                "INSERT INTO corrections(event_id, field, value, author, note, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (event_id, field, json.dumps(value, ensure_ascii=False), author, note, _now()),
            )
            event = self._refresh(event_id)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return event

    def corrections(self, event_id: str) -> list[Correction]:
        rows = self._db.execute(
            "SELECT * FROM corrections WHERE event_id = ? ORDER BY id", (event_id,)
        ).fetchall()
        return [
            Correction(r["id"], r["event_id"], r["field"], json.loads(r["value"]), r["author"],
                       r["note"], r["created_at"])
            for r in rows
        ]  # fmt: skip

    # -- reading events -----------------------------------------------------------------------

    def get_event(self, event_id: str) -> Event | None:
        row = self._db.execute("SELECT data FROM events WHERE id = ?", (event_id,)).fetchone()
        return Event.from_dict(json.loads(row["data"])) if row else None

    def machine_event(self, event_id: str) -> Event | None:
        row = self._db.execute("SELECT machine FROM events WHERE id = ?", (event_id,)).fetchone()
        return Event.from_dict(json.loads(row["machine"])) if row and row["machine"] else None

    def events(self, flt: EventFilter | None = None) -> list[Event]:
        sql, args = _event_query(flt or EventFilter())
        try:
            rows = self._db.execute(sql, args).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"cannot list events: {exc} (check the --search query)") from exc
        return [Event.from_dict(json.loads(r[0])) for r in rows]

    def count_events(self, flt: EventFilter | None = None) -> int:
        sql, args = _event_query(flt or EventFilter(), count=True)
        return int(self._db.execute(sql, args).fetchone()[0])

    def events_by_article(self) -> dict[str, list[Event]]:
        out: dict[str, list[Event]] = {}
        rows = self._db.execute(
            "SELECT article_id, data FROM events WHERE review != 'rejected' ORDER BY rowid"
        )
        for r in rows:
            out.setdefault(r[0], []).append(Event.from_dict(json.loads(r[1])))
        return out

    def review_state(self, event_id: str) -> str | None:
        row = self._db.execute("SELECT review FROM events WHERE id = ?", (event_id,)).fetchone()
        return row[0] if row else None

    def summary(self) -> dict[str, Any]:
        db = self._db
        return {
            "articles": self.article_states(),
            "events": db.execute("SELECT COUNT(*) FROM events WHERE review != 'rejected'").fetchone()[0],
            "events_by_country": {
                r[0] or "?": r[1]
                for r in db.execute(
                    "SELECT country, COUNT(*) FROM events WHERE review != 'rejected' "
                    "GROUP BY country ORDER BY COUNT(*) DESC, country"
                )
            },
            "events_by_status": {
                r[0]: r[1]
                for r in db.execute(
                    "SELECT status, COUNT(*) FROM events WHERE review != 'rejected' GROUP BY status"
                )
            },
            "rejections": db.execute("SELECT COUNT(*) FROM rejections").fetchone()[0],
        }


def _event_query(flt: EventFilter, count: bool = False) -> tuple[str, list[Any]]:
    where: list[str] = []
    args: list[Any] = []

    def add(clause: str, *values: Any) -> None:
        where.append(clause)
        args.extend(values)

    if not flt.include_rejected:
        add("e.review != 'rejected'")
    for column in ("country", "admin1", "form", "status", "report"):
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
        add("EXISTS (SELECT 1 FROM event_issues i WHERE i.event_id = e.id AND i.issue = ?)", flt.issue)
    if flt.target_country:
        add(
            "EXISTS (SELECT 1 FROM event_targets t WHERE t.event_id = e.id AND t.country = ?)",
            flt.target_country,
        )
    if flt.text:
        add(
            "e.article_id IN (SELECT a.id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid "
            "WHERE articles_fts MATCH ?)",
            flt.text,
        )
    sql = ("SELECT COUNT(*)" if count else "SELECT e.data") + " FROM events e"
    if where:
        sql += " WHERE " + " AND ".join(where)
    if not count:
        sql += " ORDER BY e.date_start, e.country, e.locality, e.id"
        if flt.limit is not None:
            sql += " LIMIT ? OFFSET ?"
            args.extend([flt.limit, flt.offset])
    return sql, args


def _article(row: sqlite3.Row) -> Article:
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


def _split_sql(script: str) -> list[str]:
    """Split a migration into statements (trigger bodies, which contain ';', stay whole)."""
    statements, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if buf.strip() and sqlite3.complete_statement(buf):
            statements.append(buf.strip())
            buf = ""
    if buf.strip():
        statements.append(buf.strip())
    return statements
